/**
 * The price-index tables of a report's time-series sheets, read back before "Oppdater"
 * rewrites them, so a growth figure the user corrected or added in the workbook is kept:
 * it goes into the settings' own rows (`prices.table`) and into the rewritten sheet.
 *
 * The cells are input like any other (a user may type anything, a shared workbook may carry
 * anything), so each row goes through a schema: the year an integer data year, the growth a
 * finite number within the bounds the settings accept, the source bounded text. A formula,
 * text or an error value in a number cell, or a source too long, is refused with one note in
 * each language and that row left as it was; nothing read here is ever written back as a formula.
 *
 * An empty growth cell means "use the shipped value" (the published deflator or SSB's KPI):
 * it drops the user's row for that year. Several time-series sheets (one per sector) each
 * carry the table; where they disagree on a year, the first sheet in the workbook wins and
 * the user is told.
 */
import { MAX_INDEX_ROWS, USER_SOURCE, userIndexRowSchema, type PriceIndex, type UserIndexRow } from "../kostra/prices";
import { quoteInput } from "../kostra/safe-text";
import { dataYear, parseInput, v } from "../kostra/schema";
import { KostraError } from "../kostra/errors";
import type { LocalizedText } from "../kostra/types";
import type { SheetValue } from "./data-sheet-read";

/** The headings the table's subtitle and header row start with, in either language (price-index-block.ts writes them). */
export const PRICE_TABLE_TITLES = ["Prisindeks:", "Price index:"] as const;
const YEAR_HEADINGS = ["År", "Year"];

/** One time-series sheet's price-index rows as the workbook holds them: columns A–D (year, growth, level, source). */
export interface PriceTableCells {
  sheet: string;
  /** Range.values of the rows under the header. */
  values: SheetValue[][];
  /** Range.formulas of the same rows: a cell whose formula starts with "=" was not typed as a value. */
  formulas: SheetValue[][];
}

/** A year of the table as read: its growth (null: the cell is empty, use the shipped value) and its source text. */
export interface ReadIndexRow {
  year: number;
  growth: number | null;
  source: string;
  sheet: string;
}

/**
 * Where the table's header row is in a sheet's column A (0-based, the row after the
 * "Prisindeks: …" subtitle whose first cell is "År"/"Year"), or −1 when the sheet has none.
 */
export function priceTableHeaderRow(columnA: readonly SheetValue[]): number {
  for (let i = 1; i < columnA.length; i++) {
    const title = columnA[i - 1];
    const head = columnA[i];
    if (typeof title === "string" && PRICE_TABLE_TITLES.some((t) => title.startsWith(t)) && typeof head === "string" && YEAR_HEADINGS.includes(head.trim())) return i;
  }
  return -1;
}

const isFormula = (x: SheetValue) => typeof x === "string" && x.trimStart().startsWith("=");

const cellSchema = v.object({
  year: dataYear(),
  growth: v.nullable(userIndexRowSchema.entries.growth),
  source: v.pipe(v.string(), v.maxLength(300)),
});

/** The rows of one sheet's table, and a note for each row refused. The table ends at the first row whose year cell is empty. */
export function readPriceRows(cells: PriceTableCells): { rows: ReadIndexRow[]; notes: LocalizedText[] } {
  const rows: ReadIndexRow[] = [];
  const notes: LocalizedText[] = [];
  const where = quoteInput(cells.sheet, 80);
  for (let i = 0; i < Math.min(cells.values.length, MAX_INDEX_ROWS); i++) {
    const [year, growth, , source] = cells.values[i] ?? [];
    const f = cells.formulas[i] ?? [];
    if (year === null || year === undefined || year === "") break;
    const line = `${where}, prisindeks/price index (rad/row ${i + 1})`;
    if (isFormula(f[0]) || isFormula(f[1]) || isFormula(f[3])) {
      notes.push({
        nb: `${line}: en formel i år-, vekst- eller kildecellen er ikke tatt med; skriv inn tallet selv.`,
        en: `${line}: a formula in the year, growth or source cell is not kept; type the figure itself.`,
      });
      continue;
    }
    try {
      const row = parseInput(cellSchema, { year, growth: growth === "" || growth === null || growth === undefined ? null : growth, source: typeof source === "string" ? source.trim() : source === null || source === undefined ? "" : source }, line);
      rows.push({ ...row, sheet: cells.sheet });
    } catch (e) {
      if (!(e instanceof KostraError)) throw e;
      notes.push({ nb: `${e.text.nb} Raden er ikke tatt med.`, en: `${e.text.en} The row is not kept.` });
    }
  }
  return { rows, notes };
}

const fmt = (g: number, lang: "nb" | "en") => (lang === "nb" ? String(g).replace(".", ",") : String(g));

/**
 * The user's rows after reading the sheets' tables (`sheets` in workbook order): a year whose
 * growth (or source) differs from the shipped index (`shipped`: the deflator or fetched KPI,
 * without the user's rows) is the user's row; an empty growth cell, or the shipped figure
 * itself, drops it. Years no sheet shows keep the row the settings had (`current`).
 * Returns the rows (oldest first) and notes: rows refused, and sheets that disagreed.
 */
export function keptUserRows(sheets: readonly PriceTableCells[], shipped: PriceIndex, current: readonly UserIndexRow[] | undefined): { table: UserIndexRow[]; notes: LocalizedText[] } {
  const notes: LocalizedText[] = [];
  const winner = new Map<number, ReadIndexRow>();
  for (const s of sheets) {
    const read = readPriceRows(s);
    notes.push(...read.notes);
    for (const r of read.rows) {
      const first = winner.get(r.year);
      if (!first) winner.set(r.year, r);
      else if (first.growth !== r.growth) {
        const [a, b] = [quoteInput(first.sheet, 80), quoteInput(r.sheet, 80)];
        const g = (x: number | null, l: "nb" | "en") => (x === null ? (l === "nb" ? "tom" : "empty") : fmt(x, l));
        notes.push({
          nb: `Prisindeksen for ${r.year} er ulik på arkene ${a} (${g(first.growth, "nb")}) og ${b} (${g(r.growth, "nb")}); tallet på ${a}, det første tidsseriearket i arbeidsboken, gjelder.`,
          en: `The price index for ${r.year} differs between the sheets ${a} (${g(first.growth, "en")}) and ${b} (${g(r.growth, "en")}); the figure on ${a}, the first time-series sheet in the workbook, is used.`,
        });
      }
    }
  }
  const byYear = new Map((current ?? []).map((r) => [r.year, r]));
  const shippedRow = new Map(shipped.rows.map((r) => [r.year, r]));
  const defaultSources = new Set([USER_SOURCE.nb, USER_SOURCE.en]);
  for (const r of winner.values()) {
    const base = shippedRow.get(r.year);
    // The shipped row's source is shown as written, or with "(anslag …)" after it: not the user's.
    const userSource = r.source && !defaultSources.has(r.source) && !(base && r.source.startsWith(base.source)) ? r.source : undefined;
    if (r.growth === null || (base && base.growth === r.growth && !userSource)) {
      byYear.delete(r.year);
      continue;
    }
    byYear.set(r.year, { year: r.year, growth: r.growth, ...(userSource ? { source: userSource } : {}) });
  }
  return { table: [...byYear.values()].sort((a, b) => a.year - b.year).slice(0, MAX_INDEX_ROWS), notes };
}
