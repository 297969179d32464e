/**
 * Reading and writing blocks of cells: the shape rule for `values`/`formulas`/
 * `numberFormat` (one value for every cell, or a 2-D array exactly the range's size),
 * common-format reads, and the limits the fake works within.
 */
import { Rect, cellCount, cellKey, columnCount, inGrid, rowCount } from "./addresses";
import { CellFormat, GENERAL, applyInput, emptyCell, isDefault, parseInput } from "./cells";
import { FakeOfficeError, errors } from "./errors";
import { bindSheetReferences } from "./formulas";
import { RangeRef, WorkbookModel } from "./model";

/** Reads larger than this fail, as Excel limits a range read to 5,000,000 cells. */
export const READ_CELL_LIMIT = 5_000_000;
/**
 * Writing one value or format to more cells than this is refused by the fake (not by
 * Excel): the fake stores cells one by one and doesn't model whole-column formatting.
 */
export const BROADCAST_CELL_LIMIT = 100_000;

const SHAPE_MESSAGE = "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";

export const HORIZONTAL_ALIGNMENTS = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"];
export const VERTICAL_ALIGNMENTS = ["Top", "Center", "Bottom", "Justify", "Distributed"];

const NAMED_COLORS: Record<string, string> = {
  black: "#000000",
  white: "#FFFFFF",
  red: "#FF0000",
  green: "#008000",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
  gray: "#808080",
  grey: "#808080",
  purple: "#800080",
  lightgray: "#D3D3D3",
  lightgrey: "#D3D3D3",
};

/** "#RRGGBB" (any case) or a few HTML color names, read back as uppercase "#RRGGBB". */
export function normalizeColor(value: unknown): string {
  if (typeof value === "string") {
    if (/^#[0-9a-f]{6}$/i.test(value)) return value.toUpperCase();
    const named = NAMED_COLORS[value.toLowerCase()];
    if (named) return named;
  }
  throw errors.invalidArgument(`'${String(value)}' is not a color Excel accepts (use #RRGGBB).`);
}

/** A single value for every cell, or a 2-D array exactly the size of the range. */
export function toMatrix(input: unknown, r: Rect, property: string): { scalar: true; value: unknown } | { scalar: false; rows: unknown[][] } {
  if (!Array.isArray(input)) {
    if (input === null || input === undefined) throw errors.invalidArgument(`${property} can't be set to null.`, `Range.${property}`);
    return { scalar: true, value: input };
  }
  const rows = input as unknown[];
  if (rows.length !== rowCount(r) || rows.some((row) => !Array.isArray(row) || row.length !== columnCount(r))) {
    throw errors.invalidArgument(SHAPE_MESSAGE, `Range.${property}`);
  }
  return { scalar: false, rows: rows as unknown[][] };
}

export function guardBroadcast(r: Rect, what: string): void {
  if (cellCount(r) > BROADCAST_CELL_LIMIT) throw errors.notImplemented(`setting ${what} on ${cellCount(r)} cells at once`);
}

export function forEachCell(r: Rect, fn: (row: number, col: number) => void): void {
  for (let row = r.r0; row <= r.r1; row++) for (let col = r.c0; col <= r.c1; col++) fn(row, col);
}

/**
 * Write values or formulas. Formulas bind their sheet references as they are written
 * (formulas.ts); `bind: false` stores them as given, for seeding a workbook in tests.
 */
export function writeContent(model: WorkbookModel, target: RangeRef, input: unknown, property: "values" | "formulas", bind = true): void {
  const { sheet, rect: r } = target;
  const m = toMatrix(input, r, property);
  if (m.scalar) {
    const parsed = parseInput(m.value, GENERAL);
    if (parsed.kind === "unchanged") return;
    if (parsed.kind === "clear") {
      for (const { row, col, cell } of model.ownCellsIn(sheet, r)) {
        applyInput(cell, parsed);
        model.tidy(sheet, row, col);
      }
      return;
    }
    guardBroadcast(r, property);
  }
  const cells = model.writableCells(sheet);
  let sheetNames: Set<string> | null = null;
  const exists = (lower: string) => (sheetNames ??= new Set(model.sheets.map((s) => s.name.toLowerCase()))).has(lower);
  forEachCell(r, (row, col) => {
    const raw = m.scalar ? m.value : m.rows[row - r.r0][col - r.c0];
    const key = cellKey(row, col);
    let cell = cells.get(key);
    const parsed = parseInput(raw, cell?.numberFormat ?? GENERAL);
    if (parsed.kind === "unchanged" || (parsed.kind === "clear" && !cell)) return;
    if (bind && parsed.kind === "formula" && parsed.formula.includes("!")) parsed.formula = bindSheetReferences(parsed.formula, exists);
    if (cell) cell = model.ownCell(cells, key)!;
    else {
      cell = emptyCell();
      cells.set(key, cell);
    }
    applyInput(cell, parsed);
    if (isDefault(cell)) cells.delete(key);
  });
}

export function writeNumberFormat(model: WorkbookModel, target: RangeRef, input: unknown): void {
  const { sheet, rect: r } = target;
  const m = toMatrix(input, r, "numberFormat");
  if (m.scalar && (m.value === "" || m.value === GENERAL)) {
    // Back to General: only stored cells can have another format.
    for (const { row, col, cell } of model.ownCellsIn(sheet, r)) {
      cell.numberFormat = GENERAL;
      model.tidy(sheet, row, col);
    }
    return;
  }
  if (m.scalar) guardBroadcast(r, "numberFormat");
  const cells = model.writableCells(sheet);
  forEachCell(r, (row, col) => {
    const raw = m.scalar ? m.value : m.rows[row - r.r0][col - r.c0];
    if (raw === null || raw === undefined) return;
    if (typeof raw !== "string") throw errors.invalidArgument("A number format must be a string.", "Range.numberFormat");
    const format = raw === "" ? GENERAL : raw;
    const key = cellKey(row, col);
    let cell = cells.get(key);
    if (cell) {
      if (cell.numberFormat === format) return;
      cell = model.ownCell(cells, key)!;
    } else {
      if (format === GENERAL) return;
      cell = emptyCell();
      cells.set(key, cell);
    }
    cell.numberFormat = format;
    if (isDefault(cell)) cells.delete(key);
  });
}

export function readMatrix<T>(model: WorkbookModel, target: RangeRef, fn: (row: number, col: number) => T): T[][] {
  const r = target.rect;
  if (cellCount(r) > READ_CELL_LIMIT) throw new FakeOfficeError("RangeExceedsLimit", `Reading ${cellCount(r)} cells exceeds the 5,000,000-cell limit.`);
  const out: T[][] = [];
  for (let row = r.r0; row <= r.r1; row++) {
    const line: T[] = [];
    for (let col = r.c0; col <= r.c1; col++) line.push(fn(row, col));
    out.push(line);
  }
  return out;
}

/** The common value of `pick` over the cells of `r`, or null if they differ. */
export function uniform<T>(model: WorkbookModel, target: RangeRef, pick: (f: CellFormat) => T | undefined, fallback: T): T | null {
  const r = target.rect;
  const stored = [...model.cellsIn(target.sheet, r)];
  const values = new Set<T>(stored.map(({ cell }) => pick(cell.format) ?? fallback));
  if (stored.length < cellCount(r)) values.add(fallback);
  return values.size === 1 ? [...values][0] : null;
}

export function writeFormat(model: WorkbookModel, target: RangeRef, what: string, change: (f: CellFormat) => void): void {
  guardBroadcast(target.rect, what);
  forEachCell(target.rect, (row, col) => {
    const format = model.cellForWrite(target.sheet, row, col).format;
    change(format);
    for (const key of Object.keys(format) as (keyof CellFormat)[]) if (format[key] === undefined) delete format[key];
    model.tidy(target.sheet, row, col);
  });
}

export function checkRect(r: Rect): Rect {
  if (!inGrid(r)) throw errors.invalidArgument("The range would fall outside the worksheet.");
  return r;
}

export function requireInteger(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isInteger(value)) throw errors.invalidArgument(`${what} must be an integer.`);
  return value;
}

/** true if every line from..to is in `set`, false if none is, null if some are. */
export function allSomeNone(set: Set<number>, from: number, to: number): boolean | null {
  let inside = 0;
  for (const i of set) if (i >= from && i <= to) inside += 1;
  if (inside === 0) return false;
  return inside === to - from + 1 ? true : null;
}

export function lineSizes(sizes: Map<number, number>, from: number, to: number, standard: number): number | null {
  const seen = new Set<number>();
  for (let i = from; i <= to && seen.size < 2; i++) seen.add(sizes.get(i) ?? standard);
  return seen.size === 1 ? [...seen][0] : null;
}
