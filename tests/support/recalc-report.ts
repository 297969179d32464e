/**
 * The report whose recalculation time the benchmark measures (issue 12, item 3): every
 * sector template (13), ten years (2015–2024) and 50 peer municipalities of the user's own
 * choosing — the size at which whole-table lookups made LibreOffice take 18× as long as
 * for the same workbook as values. The peers are the first 50 municipalities by code that
 * existed with the same area in every one of the years (so each of them has every year),
 * with Bærum as the municipality. The figures are SYNTHETIC (arbitrary but deterministic).
 */
import { SECTOR_TEMPLATES } from "../../src/kostra/catalog";
import { codeForYear, MUNICIPALITIES, sameAreaBetween } from "../../src/kostra/municipalities";
import type { Dataset } from "../../src/kostra/types";
import type { ReportRequest } from "../../src/report/report";
import { syntheticDataset } from "./largest-report";

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
  return syntheticDataset(RECALC_YEARS, () => ["baerum", ...peers]);
}
