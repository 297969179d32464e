/**
 * The data sheet: every observation the report uses, one row each, as an Excel table
 * with provenance. Profile and time series formulas look values up here by a key
 * (indicator|municipality|year), so a corrected value flows into tables and charts, and
 * sorting or filtering the table does not break them.
 */
import { indicatorFor } from "../kostra/catalog";
import { municipalityById } from "../kostra/municipalities";
import type { Dataset, Lang, Observation } from "../kostra/types";
import { cellAddress, num, quoteSheet, text, type PlanCell, type SheetPlan } from "./plan";

export const DATA_SHEET_KEY = "data";

/** Column positions (1-based) of the data table. */
const COL = { key: 1, label: 2, indicator: 3, municipality: 4, code: 5, year: 6, value: 7, status: 8, table: 9, query: 10, fetched: 11, updated: 12, note: 13 };
const FIRST_ROW = 2;

const HEADERS: Record<Lang, string[]> = {
  nb: ["Nøkkel", "Indikator", "Indikator-id", "Kommune", "Kommunenr.", "År", "Verdi", "SSB-symbol", "Tabell", "Spørring", "Hentet", "SSB oppdatert", "Merknad"],
  en: ["Key", "Indicator", "Indicator id", "Municipality", "Code", "Year", "Value", "SSB symbol", "Table", "Query", "Fetched", "SSB updated", "Note"],
};

export const observationKey = (indicator: string, municipality: string, year: number): string => `${indicator}|${municipality}|${year}`;

export interface DataSheet {
  sheet: SheetPlan;
  /** A formula (without "=") giving the value of an observation, or "" when it is absent. Missing values give SSB's symbol as text. */
  lookup(indicator: string, municipality: string, year: number): string;
}

/**
 * Build the data sheet. `observations` are written in the order given (callers sort);
 * `name` is the sheet's name in the workbook.
 */
export function buildDataSheet(dataset: Dataset, observations: readonly Observation[], name: string, lang: Lang): DataSheet {
  const rows: PlanCell[][] = [HEADERS[lang].map((h) => text(h))];
  for (const o of observations) {
    const ind = indicatorFor(o.indicator);
    const m = municipalityById(o.municipality);
    const p = dataset.provenance[o.provenance];
    const decimals = ind?.decimals ?? 0;
    const format = decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0";
    rows.push([
      text(observationKey(o.indicator, o.municipality, o.year)),
      text(ind?.label[lang] ?? o.indicator),
      text(o.indicator),
      text(m?.name ?? o.municipality),
      text(o.code),
      num(o.year, "0"),
      o.value === null ? text(o.status ?? "..") : num(o.value, format),
      text(o.status ?? ""),
      text(p?.table ?? ""),
      text(p?.query ?? (p?.source === "sample" ? "" : p?.source ?? "")),
      text(p?.fetchedAt ?? ""),
      text(p?.updated ?? ""),
      text(p?.synthetic ? (lang === "nb" ? "Syntetiske eksempeldata" : "Synthetic sample data") : ""),
    ]);
  }
  const last = FIRST_ROW + observations.length - 1;
  const lastRow = Math.max(last, FIRST_ROW);
  const sheetRef = quoteSheet(name);
  const keys = `${sheetRef}!${cellAddress(COL.key, FIRST_ROW, true)}:${cellAddress(COL.key, lastRow, true)}`;
  const values = `${sheetRef}!${cellAddress(COL.value, FIRST_ROW, true)}:${cellAddress(COL.value, lastRow, true)}`;
  const rowOf = new Map(observations.map((o, i) => [observationKey(o.indicator, o.municipality, o.year), FIRST_ROW + i]));

  const sheet: SheetPlan = {
    key: DATA_SHEET_KEY,
    name,
    blocks: [{ at: "A1", rows }],
    tables: observations.length > 0 ? [{ name: "KostraData", range: `A1:${cellAddress(COL.note, last)}` }] : [],
    columnWidths: { A: 12, B: 48, C: 22, D: 16, E: 11, F: 7, G: 12, H: 11, I: 8, J: 40, K: 22, L: 22, M: 22 },
    freeze: { rows: 1, columns: 0 },
    hiddenColumns: ["A"],
  };
  return {
    sheet,
    lookup(indicator, municipality, year) {
      const key = observationKey(indicator, municipality, year);
      if (!rowOf.has(key)) return `""`;
      return `IFERROR(INDEX(${values},MATCH("${key.replace(/"/g, '""')}",${keys},0)),"")`;
    },
  };
}
