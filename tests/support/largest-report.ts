/**
 * The largest report the add-in writes for the ASSS network: every sector template (13),
 * a ten-year time series (2015–2024) and every catalog indicator, for the members of
 * each year, Bærum and Asker. The figures are SYNTHETIC (arbitrary but deterministic),
 * made here because the embedded sample covers only four years.
 */
import { INDICATORS, SECTOR_TEMPLATES } from "../../src/kostra/catalog";
import { codeForYear, municipalitiesInYear, municipalityById } from "../../src/kostra/municipalities";
import { networkById, networkMembers } from "../../src/kostra/networks";
import type { Dataset, Observation } from "../../src/kostra/types";
import type { ReportPlan } from "../../src/report/plan";
import { buildReport, type ReportRequest } from "../../src/report/report";

export const LARGEST_YEARS: readonly number[] = Array.from({ length: 10 }, (_, i) => 2015 + i);

export const LARGEST_REQUEST: ReportRequest = {
  sectors: SECTOR_TEMPLATES.map((t) => t.id),
  municipality: "0219",
  year: 2024,
  years: LARGEST_YEARS,
  lang: "nb",
};

/** Every catalog indicator for the ASSS members of each year, Bærum and Asker, 2015–2024 (synthetic). */
export function largestDataset(): Dataset {
  const asss = networkById("asss")!;
  return syntheticDataset(LARGEST_YEARS, (year) => [...new Set([...networkMembers(asss, year), "baerum", "asker"])]);
}

/** Every catalog indicator for the municipalities `who` names in each of the years: arbitrary but deterministic figures, about one in 53 missing (".."). */
export function syntheticDataset(years: readonly number[], who: (year: number) => readonly string[]): Dataset {
  const observations: Observation[] = [];
  INDICATORS.forEach((indicator, i) => {
    years.forEach((year, y) => {
      who(year).forEach((id, m) => {
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

/** The plan of the largest report (`year` moves the profile year, e.g. for a re-run). */
export function largestReportPlan(year = 2024): ReportPlan {
  return buildReport(largestDataset(), { ...LARGEST_REQUEST, year }).plan;
}

/** Every municipality of 2024 (357), by name: the whole country as peers. */
const COUNTRY_2024 = municipalitiesInYear(2024);

/**
 * The whole-country report — every template, 2015–2024, with every municipality of 2024
 * as peers: the largest report a user can ask for. `peers` takes the first n of them by
 * name instead (smaller reports of the same shape).
 */
export function wholeCountryRequest(peers = COUNTRY_2024.length): ReportRequest {
  return { ...LARGEST_REQUEST, network: "custom", peers: COUNTRY_2024.slice(0, peers).map((m) => codeForYear(m, 2024)!) };
}

/**
 * Every catalog indicator for every municipality of each year 2015–2024 (428 before the
 * 2020 reform, 356–357 after), synthetic; with `peers`, only for the first n municipalities
 * of 2024 by name and Bærum (the data of a smaller report of the same shape).
 */
export function wholeCountryDataset(peers?: number): Dataset {
  if (peers === undefined) return syntheticDataset(LARGEST_YEARS, (year) => municipalitiesInYear(year).map((m) => m.id));
  const ids = new Set([...COUNTRY_2024.slice(0, peers).map((m) => m.id), "baerum"]);
  return syntheticDataset(LARGEST_YEARS, (year) => municipalitiesInYear(year).filter((m) => ids.has(m.id)).map((m) => m.id));
}

export function wholeCountryReportPlan(peers?: number): ReportPlan {
  return buildReport(wholeCountryDataset(peers), wholeCountryRequest(peers)).plan;
}
