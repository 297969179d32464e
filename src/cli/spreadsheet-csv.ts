/**
 * CSV made to be opened in a spreadsheet, safely and with numbers that stay numbers.
 *
 * - Text is never a formula: a cell that begins with tab or carriage return, or whose
 *   first character that is not white space is `=`, `+`, `-`, `@` or one of their
 *   full-width forms `＝＋－＠` (OWASP's CSV-injection rule, applied after the white space
 *   — spaces, NBSP, line breaks, ideographic and zero-width spaces, BOM — that some
 *   spreadsheets and importers trim, and to the forms some fold to ASCII), gets a leading
 *   `'` and is quoted, so Excel and LibreOffice show it as text. Numbers are written as
 *   numbers (a negative number keeps its minus); only text is escaped. A lone "-" (SSB's
 *   symbol for "nil") is left as it is: no spreadsheet reads it as a formula.
 * - Characters XML forbids are replaced by U+FFFD (a spreadsheet saving the file as .xlsx
 *   would otherwise write a broken workbook).
 * - The dialect follows the language: `nb` writes decimal comma and `;` between cells, as a
 *   Norwegian Excel or LibreOffice expects (with a decimal point they read numbers as
 *   text); `en` writes decimal point and `,`, the English convention.
 * - The document starts with a UTF-8 byte-order mark, so Excel reads æøå as UTF-8.
 * Numbers have no thousands separators and are not rounded.
 */
import { xmlSafe } from "../kostra/safe-text";
import type { Lang } from "../kostra/types";

export interface CsvDialect {
  separator: ";" | ",";
  decimal: "," | ".";
}

export type CsvCell = string | number | null;

export const UTF8_BOM = "\uFEFF";

const DIALECTS: Readonly<Record<Lang, CsvDialect>> = {
  nb: { separator: ";", decimal: "," },
  en: { separator: ",", decimal: "." },
};

export const csvDialect = (lang: Lang): CsvDialect => DIALECTS[lang];

/**
 * Tab or CR first, or `= + - @` (or full-width `＝＋－＠`) after any white space a spreadsheet
 * may skip: `\s` (NBSP, U+3000, line breaks, BOM …) and the zero-width characters.
 */
const FORMULA_START = /^(?:[\t\r]|[\s\u180E\u200B-\u200D\u2060]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

/** A text cell: XML-safe, a formula-like start neutralised, quoted when it must be. */
export function csvText(text: string, dialect: CsvDialect): string {
  let t = xmlSafe(text);
  const formulaLike = FORMULA_START.test(t) && t !== "-";
  if (formulaLike) t = `'${t}`;
  const quote = formulaLike || t.includes(dialect.separator) || /["\r\n]/.test(t);
  return quote ? `"${t.replace(/"/g, '""')}"` : t;
}

/** A number cell in the dialect's decimal mark; a missing or non-finite number is an empty cell. */
export function csvNumber(value: number, dialect: CsvDialect): string {
  if (!Number.isFinite(value)) return "";
  const text = String(value);
  return dialect.decimal === "," ? text.replace(".", ",") : text;
}

const cell = (value: CsvCell, dialect: CsvDialect): string =>
  value === null ? "" : typeof value === "number" ? csvNumber(value, dialect) : csvText(value, dialect);

/** Rows as CSV lines (LF-terminated), without the byte-order mark. */
export function csvLines(rows: readonly (readonly CsvCell[])[], dialect: CsvDialect): string {
  return rows.map((row) => row.map((v) => cell(v, dialect)).join(dialect.separator) + "\n").join("");
}
