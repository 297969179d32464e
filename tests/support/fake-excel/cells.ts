/**
 * What a cell holds, how input written through `values`/`formulas` becomes cell content,
 * and how content reads back through `values`, `formulas`, `text` and `valueTypes`.
 *
 * Input is treated the way Excel treats typed input (the `Range.values` remarks say a
 * string starting with "=", "+" or "-" "is interpreted as a formula", and that
 * locale-shaped date strings stay text while ISO dates become dates):
 * - `null`/`undefined` in a 2-D array leaves the cell unchanged; "" clears its content
 *   ("Blank and null values in Excel add-ins").
 * - "=…" is a formula. "+…" / "-…" that isn't a number becomes the formula "=+…" / "=-…"
 *   as Excel's input does; "@…" is treated the same way (assumed, Lotus-style input).
 * - A leading apostrophe stores the rest as text; the apostrophe is not part of the value.
 * - In a cell formatted as Text ("@"), strings are stored as typed (no formula, no number).
 * - Otherwise numeric strings become numbers ("0301" → 301), "TRUE"/"FALSE" booleans,
 *   "12%" 0.12 with a percent format, and "YYYY-MM-DD" a date serial with a date format
 *   (assumed en-US style input; thousands separators and locale dates stay text).
 *
 * The fake does not calculate: a formula cell reads back `null` in `values` (Excel would
 * return the result) unless a test seeded a result for it, and "Unknown" in `valueTypes`.
 * Formula results are checked elsewhere by recalculating the xlsx in LibreOffice.
 */
import { errors } from "./errors";

export type CellScalar = string | number | boolean;

export interface CellFormat {
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  fontSize?: number;
  fontName?: string;
  fillColor?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
}

export interface CellModel {
  /** A constant, or null when empty or a formula. */
  value: CellScalar | null;
  /** Formula text starting with "=", or null. */
  formula: string | null;
  /** A formula's result, only when a test seeded one (the fake doesn't calculate). */
  result: CellScalar | null;
  /** Entered with a leading apostrophe (Excel's prefix character). */
  quotePrefix: boolean;
  numberFormat: string;
  format: CellFormat;
}

export const GENERAL = "General";

export function emptyCell(): CellModel {
  return { value: null, formula: null, result: null, quotePrefix: false, numberFormat: GENERAL, format: {} };
}

export function isBlank(cell: CellModel): boolean {
  return cell.value === null && cell.formula === null;
}

export function isDefault(cell: CellModel): boolean {
  if (!isBlank(cell) || cell.numberFormat !== GENERAL) return false;
  for (const key in cell.format) if (cell.format[key as keyof CellFormat] !== undefined) return false;
  return true;
}

export type CellInput =
  | { kind: "unchanged" }
  | { kind: "clear" }
  | { kind: "value"; value: CellScalar; quotePrefix: boolean; numberFormat?: string }
  | { kind: "formula"; formula: string };

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const PERCENT = /^([+-]?(?:\d+\.?\d*|\.\d+))%$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Excel's date serial (1900 date system, valid from 1900-03-01). */
export function dateSerial(year: number, month: number, day: number): number | null {
  const t = Date.UTC(year, month - 1, day);
  const d = new Date(t);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** Interpret one element written through `values` or `formulas`. */
export function parseInput(raw: unknown, cellNumberFormat: string): CellInput {
  if (raw === null || raw === undefined) return { kind: "unchanged" };
  if (typeof raw === "number") {
    // JSON has no NaN or Infinity, so Excel never receives them (assumed: rejected).
    if (!Number.isFinite(raw)) throw errors.invalidArgument(`Cannot write ${raw} to a cell.`);
    return { kind: "value", value: raw, quotePrefix: false };
  }
  if (typeof raw === "boolean") return { kind: "value", value: raw, quotePrefix: false };
  if (typeof raw !== "string") throw errors.invalidArgument(`Cannot write a value of type ${typeof raw} to a cell.`);
  if (raw === "") return { kind: "clear" };
  if (cellNumberFormat === "@") return { kind: "value", value: raw, quotePrefix: false };
  if (raw.startsWith("'")) return { kind: "value", value: raw.slice(1), quotePrefix: true };
  if (raw.startsWith("=") && raw.length > 1) return { kind: "formula", formula: raw };
  if (NUMBER.test(raw)) return { kind: "value", value: Number(raw), quotePrefix: false };
  if (/^[+\-@]/.test(raw) && raw.length > 1) return { kind: "formula", formula: `=${raw}` };
  if (/^(true|false)$/i.test(raw)) return { kind: "value", value: raw.toLowerCase() === "true", quotePrefix: false };
  const pct = PERCENT.exec(raw);
  if (pct) {
    const value = Number(pct[1]) / 100;
    return { kind: "value", value, quotePrefix: false, numberFormat: pct[1].includes(".") ? "0.00%" : "0%" };
  }
  const iso = ISO_DATE.exec(raw);
  if (iso) {
    const serial = dateSerial(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (serial !== null && serial >= 61) return { kind: "value", value: serial, quotePrefix: false, numberFormat: "yyyy-mm-dd" };
  }
  return { kind: "value", value: raw, quotePrefix: false };
}

/** Put parsed input into a cell (content only; formats other than an implied number format stay). */
export function applyInput(cell: CellModel, input: CellInput): void {
  switch (input.kind) {
    case "unchanged":
      return;
    case "clear":
      cell.value = null;
      cell.formula = null;
      cell.result = null;
      cell.quotePrefix = false;
      return;
    case "formula":
      cell.value = null;
      cell.formula = input.formula;
      cell.result = null;
      cell.quotePrefix = false;
      return;
    case "value":
      cell.value = input.value;
      cell.formula = null;
      cell.result = null;
      cell.quotePrefix = input.quotePrefix;
      if (input.numberFormat && cell.numberFormat === GENERAL) cell.numberFormat = input.numberFormat;
      return;
  }
}

/** `Range.values` element: "" when empty, the constant, or a formula's (seeded) result or null. */
export function readValue(cell: CellModel | undefined): CellScalar | null {
  if (!cell || isBlank(cell)) return "";
  if (cell.formula !== null) return cell.result;
  return cell.value;
}

/** `Range.formulas` element: the formula, else the constant (without a prefix apostrophe), else "". */
export function readFormula(cell: CellModel | undefined): CellScalar {
  if (!cell || isBlank(cell)) return "";
  return cell.formula ?? (cell.value as CellScalar);
}

/** `Range.text` element. Number formats are not rendered (General rendering only). */
export function readText(cell: CellModel | undefined): string {
  const v = readValue(cell);
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** `Range.valueTypes` element. */
export function readValueType(cell: CellModel | undefined): string {
  const v = readValue(cell);
  if (cell === undefined || isBlank(cell)) return "Empty";
  if (v === null) return "Unknown";
  if (typeof v === "boolean") return "Boolean";
  if (typeof v === "number") return "Double";
  return "String";
}
