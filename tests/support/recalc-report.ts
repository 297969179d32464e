/**
 * The report whose recalculation time the benchmark measures (issue 12, item 3): every
 * sector template (13), ten years (2015–2024) and 50 peer municipalities of the user's own
 * choosing — the size at which whole-table lookups made LibreOffice take 18× as long as
 * for the same workbook as values. The peers are the first 50 municipalities by code that
 * existed with the same area in every one of the years (so each of them has every year),
 * with Bærum as the municipality. The figures are SYNTHETIC (arbitrary but deterministic).
 */
import { INDICATORS, SECTOR_TEMPLATES } from "../../src/kostra/catalog";
import { codeForYear, municipalityById, MUNICIPALITIES, sameAreaBetween } from "../../src/kostra/municipalities";
import type { Dataset, Observation } from "../../src/kostra/types";
import type { ReportRequest } from "../../src/report/report";

export const RECALC_YEARS: readonly number[] = Array.from({ length: 10 }, (_, i) => 2015 + i);

/** The 50 peers: municipalities with a code in every year and no change of area (Bærum itself not among them). */
export function recalcPeers(count = 50): string[] {
  const first = RECALC_YEARS[0];
  const last = RECALC_YEARS[RECALC_YEARS.length - 1];
  return MUNICIPALITIES.filter((m) => m.id !== "baerum" && RECALC_YEARS.every((y) => codeForYear(m, y) !== undefined) && sameAreaBetween(m, first, last))
    .sort((a, b) => codeForYear(a, last)!.localeCompare(codeForYear(b, last)!))
    .slice(0, count)
    .map((m) => m.id);
}

export function recalcRequest(peers: readonly string[] = recalcPeers()): ReportRequest {
  return { sectors: SECTOR_TEMPLATES.map((t) => t.id), municipality: "0219", year: 2024, years: RECALC_YEARS, network: "custom", peers, lang: "nb" };
}

/** Every catalog indicator for Bærum and the peers, 2015–2024 (synthetic; about one value in 53 missing). */
export function recalcDataset(peers: readonly string[] = recalcPeers()): Dataset {
  const ids = ["baerum", ...peers];
  const observations: Observation[] = [];
  INDICATORS.forEach((indicator, i) => {
    RECALC_YEARS.forEach((year, y) => {
      ids.forEach((id, m) => {
        const code = codeForYear(municipalityById(id)!, year);
        if (code === undefined) return;
        const missing = (i * 7 + m * 3 + y) % 53 === 0;
        observations.push({
          indicator: indicator.id,
          municipality: id,
          year,
          code,
          value: missing ? null : 100 + ((i * 7919 + m * 104729 + y * 31337) % 90000) / 10,
          ...(missing ? { status: ".." } : {}),
          provenance: 0,
        });
      });
    });
  });
  return { observations, provenance: [{ source: "sample", query: "Syntetiske testdata", synthetic: true, notes: ["Syntetiske testdata", "Synthetic test data"] }] };
}
