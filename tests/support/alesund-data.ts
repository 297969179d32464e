/**
 * SYNTHETIC figures for Ålesund, the municipalities it was merged from in 2020 (Ørskog,
 * Skodje, Sandøy and Haram) and Haram after it left again in 2024, with two ASSS members
 * for the averages, data years 2019–2024: population, and net expenditure on
 * kunstformidling and bibliotek (the amount in 1000 kr and the published per-capita value,
 * amount × 1000 ÷ population rounded to whole kroner as SSB rounds it). The municipalities,
 * codes and periods are real (registry); every number is invented for the arithmetic.
 */
import { codeForYear, municipalityById } from "../../src/kostra/municipalities";
import type { Dataset, Observation } from "../../src/kostra/types";

/** [population, kunstformidling 1000 kr, bibliotek 1000 kr] per municipality and year. */
export const ALESUND_FIGURES: Record<string, Record<number, [number, number, number]>> = {
  alesund: {
    2019: [67_000, 13_400, 20_100],
    2020: [85_000, 16_000, 25_500],
    2021: [85_500, 16_200, 25_700],
    2022: [86_000, 16_500, 26_000],
    2023: [86_400, 16_800, 26_300],
    2024: [77_000, 15_400, 23_900],
  },
  orskog: { 2019: [2_300, 230, 510] },
  skodje: { 2019: [4_700, 470, 990] },
  sandoy: { 2019: [1_250, 125, 340] },
  haram: { 2019: [9_200, 920, 2_300], 2024: [9_300, 900, 2_420] },
  bergen: Object.fromEntries([2019, 2020, 2021, 2022, 2023, 2024].map((y, i) => [y, [285_000 + 1_000 * i, 60_000 + 500 * i, 95_000 + 800 * i]])),
  stavanger: Object.fromEntries([2019, 2020, 2021, 2022, 2023, 2024].map((y, i) => [y, [144_000 + 600 * i, 33_000 + 300 * i, 47_000 + 400 * i]])),
};

export function alesundDataset(): Dataset {
  const observations: Observation[] = [];
  for (const [id, years] of Object.entries(ALESUND_FIGURES))
    for (const [yearText, [pop, kunst, bib]] of Object.entries(years)) {
      const year = Number(yearText);
      const code = codeForYear(municipalityById(id)!, year)!;
      const add = (indicator: string, value: number) => observations.push({ indicator, municipality: id, year, code, value, provenance: 0 });
      add("folkemengde", pop);
      add("kunstformidling:belop", kunst);
      add("kunstformidling", Math.round((kunst * 1000) / pop));
      add("bibliotek:belop", bib);
      add("bibliotek", Math.round((bib * 1000) / pop));
    }
  return { observations, provenance: [{ source: "sample", synthetic: true, notes: ["SYNTETISKE tall for Ålesund og Haram (test)"] }] };
}
