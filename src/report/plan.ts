/**
 * ReportPlan: a plain-data description of what to write into a workbook — sheets, blocks
 * of cells (text, numbers, formulas) with number formats, Excel tables, column widths,
 * frozen panes, named ranges and charts. Builders make plans from a profile; the
 * workbook gateway (Office.js) and the xlsx writer apply the same plan.
 *
 * Conventions shared by every consumer:
 * - Addresses are A1 strings without a sheet name ("B5", "B5:H20"); a `SheetRange`
 *   names the sheet by its key.
 * - Formulas are in Excel's invariant (en-US) syntax, start with "=", and refer to other
 *   sheets by their final names, quoted ('Data KOSTRA'!$F$2).
 * - Number formats are invariant codes ("#,##0", "0.0"); Excel shows them in the user's
 *   locale (nb-NO: "277 363", "50,9").
 * - A text cell is always written as text, even when it starts with "=", "+", "-" or "@".
 * - Text from input enters a formula only as a string literal (`stringLiteral`) or a
 *   quoted sheet name (`quoteSheet`); the writers check every formula (plan-check.ts).
 */
import { xmlSafe } from "../kostra/safe-text";

export type PlanCell =
  | { kind: "text"; text: string; format?: string }
  | { kind: "number"; value: number; format?: string }
  | { kind: "formula"; formula: string; format?: string }
  | { kind: "empty" };

/** "changed": a figure that changed since the previous fetch (bold on a grey fill, which survives printing in black and white). */
export type CellStyle = "title" | "subtitle" | "header" | "note" | "normal" | "changed";

/** A rectangle of cells whose top-left cell is `at`. Every row has the same length. */
export interface Block {
  at: string;
  rows: PlanCell[][];
  style?: CellStyle;
}

export interface TablePlan {
  /** Excel table name (letters, digits, underscore; unique in the workbook). */
  name: string;
  /** Header row included. */
  range: string;
  style?: string;
}

export interface SheetRange {
  /** Key of the sheet in the plan. */
  sheet: string;
  range: string;
}

export interface ChartSeriesPlan {
  /** Series name as shown in the legend. */
  name: string;
  values: SheetRange;
}

export interface ChartPlan {
  /** Stable name, so a re-run can find and replace the chart. */
  name: string;
  type: "columnClustered" | "line";
  title: string;
  categories: SheetRange;
  series: ChartSeriesPlan[];
  /** Top-left and bottom-right cells the chart covers on its sheet. */
  position: { from: string; to: string };
  valueAxisTitle?: string;
}

export interface NamePlan {
  name: string;
  ref: SheetRange;
  comment?: string;
}

export interface SheetPlan {
  /** Stable key within the plan ("data", "profile:plan-miljo-kultur:2017", …). */
  key: string;
  /** The sheet's name in the workbook (≤ 31 characters, none of : \ / ? * [ ]). */
  name: string;
  blocks: Block[];
  /** Column widths in characters, by column letter. */
  columnWidths?: Record<string, number>;
  freeze?: { rows: number; columns: number };
  tables?: TablePlan[];
  charts?: ChartPlan[];
  /** Columns to hide (helper columns the formulas use). */
  hiddenColumns?: string[];
  /** How the sheet prints (page-setup.ts builds it); the writers' defaults when absent. */
  pageSetup?: PageSetupPlan;
}

/**
 * One piece of a printed header or footer section: text (from input: the writers escape
 * it, see page-setup.ts) or a field the spreadsheet fills in when printing.
 */
export type HeaderFooterPart = { text: string } | { field: "page" | "pages" | "sheet" };

/** The three sections of a printed header or footer. */
export interface HeaderFooterPlan {
  left?: HeaderFooterPart[];
  center?: HeaderFooterPart[];
  right?: HeaderFooterPart[];
}

/** How a sheet prints: the same for the xlsx writer and the workbook gateway. */
export interface PageSetupPlan {
  orientation: "landscape" | "portrait";
  /** Pages the print is fitted to across (1: one page wide). */
  fitToWidth: number;
  /** Pages the print is fitted to down; 0 leaves the height free (as many pages as it needs). */
  fitToHeight: number;
  /** The part of the sheet that prints (A1 range); the helper columns right of it do not. */
  printArea: string;
  /** Rows repeated at the top of every printed page (the table's header), 1-based and inclusive. */
  titleRows?: { from: number; to: number };
  /** Rows a printed page starts at (1-based): the top of a chart that must not be split. */
  breaksBefore?: number[];
  header: HeaderFooterPlan;
  footer: HeaderFooterPlan;
}

export interface ReportPlan {
  sheets: SheetPlan[];
  names: NamePlan[];
}

// ---------------------------------------------------------------------------
// Small helpers for builders and consumers.

/** Excel's limit on the characters in one cell. */
export const CELL_TEXT_MAX = 32_767;

/**
 * A text cell. Text longer than a cell can hold (joined provenance of many files, say) is
 * cut with "…" rather than refused: the report is still written, and says it was cut.
 */
export const text = (t: string, format?: string): PlanCell => ({
  kind: "text",
  text: t.length > CELL_TEXT_MAX ? `${truncate(t, CELL_TEXT_MAX - 1)}…` : t,
  ...(format ? { format } : {}),
});
export const num = (value: number, format?: string): PlanCell => ({ kind: "number", value, ...(format ? { format } : {}) });
export const formula = (f: string, format?: string): PlanCell => ({ kind: "formula", formula: f.startsWith("=") ? f : `=${f}`, ...(format ? { format } : {}) });
export const empty: PlanCell = { kind: "empty" };

/** Column letters for a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** 1-based column number for letters: A → 1, AA → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Parse "B5" into 1-based column and row. */
export function parseCell(a1: string): { col: number; row: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(a1.toUpperCase());
  if (!m) throw new Error(`Not an A1 cell address: ${a1}`);
  return { col: columnNumber(m[1]), row: Number(m[2]) };
}

export function cellAddress(col: number, row: number, absolute = false): string {
  return absolute ? `$${columnLetter(col)}$${row}` : `${columnLetter(col)}${row}`;
}

/** The A1 range a block covers, e.g. "B5:H20". */
export function blockRange(block: Block): string {
  const { col, row } = parseCell(block.at);
  const height = block.rows.length;
  const width = block.rows[0]?.length ?? 0;
  return `${block.at}:${cellAddress(col + width - 1, row + height - 1)}`;
}

/** A sheet name quoted for use in a formula: 'Data KOSTRA'. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Longest text Excel takes as a string literal in a formula. */
export const FORMULA_TEXT_MAX = 255;

/**
 * Text as a string literal in a formula, quotes doubled: the only way text ever enters a
 * formula ("kunstformidling|baerum|2017" → "\"kunstformidling|baerum|2017\"").
 */
export function stringLiteral(text: string): string {
  if (text.length > FORMULA_TEXT_MAX) throw new Error(`A text of ${text.length} characters does not fit in a formula (Excel takes ${FORMULA_TEXT_MAX})`);
  return `"${text.replace(/"/g, '""')}"`;
}

/** Most decimals a number format shows: beyond that a double has no digits left to show. */
export const MAX_FORMAT_DECIMALS = 10;

/**
 * The number format for a figure with `decimals` decimals ("#,##0", "#,##0.0", …). The
 * count is clamped to 0–10, so a damaged template can never ask for an absurd format.
 */
export function numberFormat(decimals: number): string {
  const d = Number.isFinite(decimals) ? Math.min(MAX_FORMAT_DECIMALS, Math.max(0, Math.round(decimals))) : 0;
  return d > 0 ? `#,##0.${"0".repeat(d)}` : "#,##0";
}

/** Characters Excel forbids in sheet names, and its length limit. */
export const SHEET_NAME_FORBIDDEN = /[:\\/?*[\]]/g;
export const SHEET_NAME_MAX = 31;

/** At most `max` UTF-16 units of the text, never cutting a character in two. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * A valid sheet name from any text: characters Excel forbids replaced by "-", control
 * characters and those XML cannot hold by a space or U+FFFD, no leading or trailing
 * apostrophe, at most 31 characters, never Excel's reserved "History".
 */
export function safeSheetName(name: string): string {
  const cleaned = xmlSafe(name.replace(/[\u0000-\u001F\u007F]+/g, " "))
    .replace(SHEET_NAME_FORBIDDEN, "-")
    .replace(/^'+|'+$/g, "")
    .trim();
  const truncated = truncate(cleaned || "Ark", SHEET_NAME_MAX).replace(/'+$/, "").trim();
  return truncated.toLowerCase() === "history" ? `${truncated} (1)` : truncated || "Ark";
}
