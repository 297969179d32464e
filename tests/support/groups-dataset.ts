/**
 * A small hand-made dataset for Hå (1119), four neighbours, KOSTRA-gruppe 7, Landet uten
 * Oslo and Landet in 2021. Every number is SYNTHETIC (invented for the arithmetic), not SSB's.
 */
import { codeForYear, municipalityById } from "../../src/kostra/municipalities";
import type { Dataset, Observation } from "../../src/kostra/types";

export const YEAR = 2021;
export const IND = ["kunstformidling", "andre-kulturaktiviteter", "bibliotek"];

/** SYNTHETIC values per region: [kunstformidling, andre kulturaktiviteter, bibliotek]; null = missing with "..". */
export const VALUES: Record<string, (number | null)[]> = {
  ha: [120, 300, 250],
  time: [100, 200, 300],
  klepp: [80, 400, null],
  gjesdal: [60, 100, 200],
  eigersund: [140, 300, 100],
  ekg07: [150, 250, null],
  eakuo: [200, 500, 400],
  eak: [210, 520, 410],
};
export const POPULATION: Record<string, number> = { ha: 19000, time: 19500, klepp: 19800, gjesdal: 12000, eigersund: 15000 };

export function syntheticDataset(values = VALUES): Dataset {
  const observations: Observation[] = [];
  for (const [id, vals] of Object.entries(values)) {
    const code = codeForYear(municipalityById(id)!, YEAR)!;
    vals.forEach((v, i) =>
      observations.push({ indicator: IND[i], municipality: id, year: YEAR, code, value: v, ...(v === null ? { status: ".." } : {}), provenance: 0 }),
    );
    if (POPULATION[id]) observations.push({ indicator: "folkemengde", municipality: id, year: YEAR, code, value: POPULATION[id], provenance: 0 });
  }
  return { observations, provenance: [{ source: "file", query: "syntetisk.csv", synthetic: true, notes: ["SYNTETISKE testdata", "SYNTHETIC test data"] }] };
}

