/**
 * A1 addresses: parsing, formatting, sheet-name quoting and rectangle arithmetic.
 * Rows and columns are 0-based inside the fake (as in `getCell`/`getRangeByIndexes`);
 * A1 text is 1-based as Excel shows it.
 */

/** Excel's grid: 1,048,576 rows by 16,384 columns (A..XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells, 0-based and inclusive at both ends. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export const rowCount = (r: Rect): number => r.r1 - r.r0 + 1;
export const columnCount = (r: Rect): number => r.c1 - r.c0 + 1;
export const cellCount = (r: Rect): number => rowCount(r) * columnCount(r);

export function rect(r0: number, c0: number, r1 = r0, c1 = c0): Rect {
  return { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) };
}

export function inGrid(r: Rect): boolean {
  return r.r0 >= 0 && r.c0 >= 0 && r.r1 < MAX_ROWS && r.c1 < MAX_COLUMNS && r.r0 <= r.r1 && r.c0 <= r.c1;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

/** Column letters for a 0-based column: 0 → A, 26 → AA. */
export function columnLetters(col: number): string {
  let s = "";
  for (let x = col + 1; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** 0-based column for letters: A → 0, AA → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellA1(row: number, col: number, absolute = false): string {
  return absolute ? `$${columnLetters(col)}$${row + 1}` : `${columnLetters(col)}${row + 1}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

function parseCellPart(text: string): { row: number; col: number } | null {
  const m = CELL.exec(text);
  if (!m) return null;
  const row = Number(m[2]) - 1;
  const col = columnIndex(m[1]);
  if (row < 0 || row >= MAX_ROWS || col >= MAX_COLUMNS) return null;
  return { row, col };
}

/**
 * Parse an A1 reference without a sheet: "B5", "$B$5", "B5:D7", "A:C" (whole columns),
 * "2:4" (whole rows). Returns null for anything else, including cells off the grid.
 */
export function parseA1(text: string): Rect | null {
  const parts = text.trim().split(":");
  if (parts.length === 1) {
    const c = parseCellPart(parts[0]);
    return c ? rect(c.row, c.col) : null;
  }
  if (parts.length !== 2) return null;
  const [a, b] = parts;
  const ca = parseCellPart(a);
  const cb = parseCellPart(b);
  if (ca && cb) return rect(ca.row, ca.col, cb.row, cb.col);
  const cola = COLUMN.exec(a);
  const colb = COLUMN.exec(b);
  if (cola && colb) {
    const x = columnIndex(cola[1]);
    const y = columnIndex(colb[1]);
    if (x >= MAX_COLUMNS || y >= MAX_COLUMNS) return null;
    return rect(0, x, MAX_ROWS - 1, y);
  }
  const rowa = ROW.exec(a);
  const rowb = ROW.exec(b);
  if (rowa && rowb) {
    const x = Number(rowa[1]) - 1;
    const y = Number(rowb[1]) - 1;
    if (x < 0 || y < 0 || x >= MAX_ROWS || y >= MAX_ROWS) return null;
    return rect(x, 0, y, MAX_COLUMNS - 1);
  }
  return null;
}

/**
 * A1 text for a rectangle. Whole rows come out as "2:4" and whole columns as "A:C", as
 * Excel writes them; the whole sheet as "1:1048576" (assumed: Excel's own rendering of
 * `getRange()` was not found in the docs).
 */
export function formatA1(r: Rect, absolute = false): string {
  const $ = absolute ? "$" : "";
  const wholeColumns = r.r0 === 0 && r.r1 === MAX_ROWS - 1;
  const wholeRows = r.c0 === 0 && r.c1 === MAX_COLUMNS - 1;
  if (wholeRows) return `${$}${r.r0 + 1}:${$}${r.r1 + 1}`;
  if (wholeColumns) return `${$}${columnLetters(r.c0)}:${$}${columnLetters(r.c1)}`;
  const start = cellA1(r.r0, r.c0, absolute);
  return r.r0 === r.r1 && r.c0 === r.c1 ? start : `${start}:${cellA1(r.r1, r.c1, absolute)}`;
}

/** True if `text` would be read as an A1 cell reference inside Excel's grid ("AB12", "xfd1"). */
export function looksLikeA1Cell(text: string): boolean {
  return parseCellPart(text) !== null && !text.includes("$");
}

/** True if `text` would be read as an R1C1 reference ("R1C1", "R2", "C", "rc3"). */
export function looksLikeR1C1(text: string): boolean {
  return /^[Rr]\d*([Cc]\d*)?$/.test(text) || /^[Cc]\d*$/.test(text);
}

/**
 * Whether a sheet name must be quoted in a formula or address. Observed Excel rules (no
 * Microsoft specification exists): anything but letters, digits, "_" and "."; a leading
 * digit or "."; or a name that reads as a cell reference or TRUE/FALSE.
 */
export function sheetNeedsQuotes(name: string): boolean {
  if (/[^\p{L}\p{N}_.]/u.test(name)) return true;
  if (/^[\d.]/.test(name)) return true;
  if (looksLikeA1Cell(name) || looksLikeR1C1(name)) return true;
  return /^(true|false)$/i.test(name);
}

/** The sheet name as it appears before "!" in a reference: Data, 'Data KOSTRA', 'It''s'. */
export function sheetPrefix(name: string): string {
  return sheetNeedsQuotes(name) ? `'${name.replace(/'/g, "''")}'` : name;
}

/** Split "Sheet1!A1:B2" / "'My sheet'!A1" into sheet name (unquoted) and reference. */
export function splitSheetReference(text: string): { sheet: string | null; ref: string } {
  const t = text.trim();
  if (t.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < t.length) {
      if (t[i] === "'") {
        if (t[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += t[i];
      i += 1;
    }
    if (t[i] === "'" && t[i + 1] === "!") return { sheet: name, ref: t.slice(i + 2) };
    return { sheet: null, ref: t };
  }
  const bang = t.lastIndexOf("!");
  if (bang > 0) return { sheet: t.slice(0, bang), ref: t.slice(bang + 1) };
  return { sheet: null, ref: t };
}

/** A sheet-qualified A1 reference, e.g. for `Range.address`: 'Data KOSTRA'!B2:D9. */
export function qualifiedA1(sheetName: string, r: Rect, absolute = false): string {
  return `${sheetPrefix(sheetName)}!${formatA1(r, absolute)}`;
}

/** A cell's key in a sheet's cell map: a number (cheaper to hash than text; cells are looked up millions of times). */
export const cellKey = (row: number, col: number): number => row * MAX_COLUMNS + col;

export function parseCellKey(key: number): { row: number; col: number } {
  return { row: Math.floor(key / MAX_COLUMNS), col: key % MAX_COLUMNS };
}
