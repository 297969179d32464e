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
 * carry the table: the sheet where the user changed a year's figure counts; where two were
 * changed differently, the first sheet in the workbook wins and the user is told.
 */
import { MAX_INDEX_ROWS, MAX_SOURCE_LENGTH, USER_SOURCE, userIndexRowSchema, type PriceIndex, type UserIndexRow } from "../kostra/prices";
import { quoteInput } from "../kostra/safe-text";
import { parseInput, v } from "../kostra/schema";
import { KostraError } from "../kostra/errors";
import type { LocalizedText } from "../kostra/types";
import type { SheetValue } from "./data-sheet-read";
import { PRICE_TABLE_HEADINGS } from "./price-index-block";


/** One time-series sheet's price-index rows as the workbook holds them: columns A–D (year, growth, level, source). */
export interface PriceTableCells {
  sheet: string;
  /** The sheet's row number (1-based) of the first row under the header, for messages. */
  firstRow: number;
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
    if (typeof title === "string" && PRICE_TABLE_HEADINGS.titles.some((t) => title.startsWith(t)) && typeof head === "string" && (PRICE_TABLE_HEADINGS.years as readonly string[]).includes(head.trim())) return i;
  }
  return -1;
}

const isFormula = (x: SheetValue) => typeof x === "string" && x.trimStart().startsWith("=");

const cellSchema = v.object({
  year: userIndexRowSchema.entries.year,
  growth: v.nullable(userIndexRowSchema.entries.growth),
  source: v.pipe(v.string(), v.maxLength(MAX_SOURCE_LENGTH)),
});

/** The rows of one sheet's table, and a note for each row refused. The table ends at the first row whose year cell is empty. */
export function readPriceRows(cells: PriceTableCells): { rows: ReadIndexRow[]; notes: LocalizedText[] } {
  const rows: ReadIndexRow[] = [];
  const notes: LocalizedText[] = [];
  const where = `«${quoteInput(cells.sheet, 80)}»`;
  for (let i = 0; i < Math.min(cells.values.length, MAX_INDEX_ROWS); i++) {
    const [year, growth, , source] = cells.values[i] ?? [];
    const f = cells.formulas[i] ?? [];
    if (year === null || year === undefined || year === "") break;
    const line = `${where}, prisindeks/price index (rad/row ${cells.firstRow + i})`;
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

const fmt = (g: number | null, lang: "nb" | "en") => (g === null ? { nb: "tom", en: "empty" }[lang] : { nb: String(g).replace(".", ","), en: String(g) }[lang]);

/**
 * The year's row among the sheets' (workbook order): the first sheet where the user changed
 * the growth from what was written (`written`: null when the year had none), or else the
 * first sheet's; a note when sheets were changed to different figures.
 */
function winnerOf(candidates: readonly ReadIndexRow[], written: number | null): { row: ReadIndexRow; note?: LocalizedText } {
  const edited = candidates.filter((r) => r.growth !== written);
  const row = edited[0] ?? candidates[0];
  const other = edited.find((r) => r.growth !== row.growth);
  if (!other) return { row };
  const [a, b] = [quoteInput(row.sheet, 80), quoteInput(other.sheet, 80)];
  return {
    row,
    note: {
      nb: `Prisindeksen for ${row.year} er rettet ulikt på arkene «${a}» (${fmt(row.growth, "nb")}) og «${b}» (${fmt(other.growth, "nb")}); tallet på «${a}», det første av dem i arbeidsboken, gjelder.`,
      en: `The price index for ${row.year} was corrected differently on the sheets "${a}" (${fmt(row.growth, "en")}) and "${b}" (${fmt(other.growth, "en")}); the figure on "${a}", the first of them in the workbook, is used.`,
    },
  };
}

/**
 * The user's rows after reading the sheets' tables (`sheets` in workbook order). `shipped`:
 * the deflator or fetched KPI without the user's rows; `current`: the user's rows the
 * settings had, which the sheets were written with. A year whose growth (or source) differs
 * from the shipped figure is the user's row; an empty growth cell, or the shipped figure
 * itself, drops it. A sheet the user did not change for a year does not outvote one they
 * did; years no sheet shows keep the row the settings had.
 * Returns the rows (oldest first) and notes: rows refused, and sheets changed differently.
 */
export function keptUserRows(sheets: readonly PriceTableCells[], shipped: PriceIndex, current: readonly UserIndexRow[] | undefined): { table: UserIndexRow[]; notes: LocalizedText[] } {
  const notes: LocalizedText[] = [];
  const candidates = new Map<number, ReadIndexRow[]>();
  for (const s of sheets) {
    const read = readPriceRows(s);
    notes.push(...read.notes);
    for (const r of read.rows) candidates.set(r.year, [...(candidates.get(r.year) ?? []), r]);
  }
  const byYear = new Map((current ?? []).map((r) => [r.year, r]));
  const shippedRow = new Map(shipped.rows.map((r) => [r.year, r]));
  const defaultSources = new Set([USER_SOURCE.nb, USER_SOURCE.en]);
  for (const [year, rows] of [...candidates].sort((a, b) => a[0] - b[0])) {
    const base = shippedRow.get(year);
    const { row: r, note } = winnerOf(rows, byYear.get(year)?.growth ?? base?.growth ?? null);
    if (note) notes.push(note);
    // The shipped row's source is shown as written, or with "(anslag …)" after it: not the user's.
    const userSource = r.source && !defaultSources.has(r.source) && !(base && r.source.startsWith(base.source)) ? r.source : undefined;
    if (r.growth === null || (base && base.growth === r.growth && !userSource)) {
      byYear.delete(year);
      continue;
    }
    byYear.set(year, { year, growth: r.growth, ...(userSource ? { source: userSource } : {}) });
  }
  return { table: [...byYear.values()].sort((a, b) => a.year - b.year).slice(0, MAX_INDEX_ROWS), notes };
}
