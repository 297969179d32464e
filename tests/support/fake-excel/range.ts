/**
 * `Excel.Range` over the sparse grid.
 *
 * Writing `values`, `formulas` or `numberFormat` takes either a single value, which Excel
 * applies to every cell ("Excel JavaScript API performance optimization": "Update all
 * cells in a range"), or a 2-D array with exactly the range's rows and columns; anything
 * else fails at sync with InvalidArgument ("The number of rows or columns in the input
 * array doesn't match the size or dimensions of the range.", Excel's wording as widely
 * reported). `null` in the array leaves that cell alone, and `null` for the whole
 * property is invalid ("Blank and null values in Excel add-ins"). Cell semantics
 * (formulas from "=", apostrophe text, numeric strings) are in cells.ts.
 */
import { MAX_COLUMNS, MAX_ROWS, Rect, cellCount, columnCount, inGrid, qualifiedA1, rect, rowCount } from "./addresses";
import { CellScalar, GENERAL, applyInput, readFormula, readText, readValue, readValueType } from "./cells";
import { FakeClientObject, Navigable } from "./client-object";
import type { FakeRequestContext } from "./context";
import { errors } from "./errors";
import { BROADCAST_CELL_LIMIT, allSomeNone, checkRect, readMatrix, requireInteger, writeContent, writeNumberFormat } from "./grid";
import { RangeRef } from "./model";
import { FakeRangeFormat } from "./range-format";
import { FakeWorksheet } from "./worksheets";

const RANGE_SCALARS = [
  "address",
  "addressLocal",
  "cellCount",
  "columnCount",
  "columnHidden",
  "columnIndex",
  "formulas",
  "isEntireColumn",
  "isEntireRow",
  "numberFormat",
  "rowCount",
  "rowHidden",
  "rowIndex",
  "text",
  "valueTypes",
  "values",
] as const;

export class FakeRange extends FakeClientObject<RangeRef> {
  protected readonly _typeName = "Range";
  protected readonly _scalarNames = RANGE_SCALARS;
  protected override readonly _writable = ["values", "formulas", "numberFormat", "columnHidden", "rowHidden"];
  private _format?: FakeRangeFormat;
  private _worksheet?: FakeWorksheet;

  constructor(ctx: FakeRequestContext, path: string, locate: () => RangeRef) {
    super(ctx, path, locate);
  }

  protected override _gone(e: RangeRef): boolean {
    return e.sheet.deleted;
  }

  protected _read(name: string, e: RangeRef): unknown {
    const model = this._model;
    const r = e.rect;
    switch (name) {
      case "address":
      case "addressLocal":
        return qualifiedA1(e.sheet.name, r);
      case "cellCount":
        return cellCount(r);
      case "rowCount":
        return rowCount(r);
      case "columnCount":
        return columnCount(r);
      case "rowIndex":
        return r.r0;
      case "columnIndex":
        return r.c0;
      case "isEntireColumn":
        return r.r0 === 0 && r.r1 === MAX_ROWS - 1;
      case "isEntireRow":
        return r.c0 === 0 && r.c1 === MAX_COLUMNS - 1;
      case "values":
        return readMatrix(model, e, (row, col) => readValue(model.cell(e.sheet, row, col)));
      case "formulas":
        return readMatrix(model, e, (row, col) => readFormula(model.cell(e.sheet, row, col)));
      case "text":
        return readMatrix(model, e, (row, col) => readText(model.cell(e.sheet, row, col)));
      case "valueTypes":
        return readMatrix(model, e, (row, col) => readValueType(model.cell(e.sheet, row, col)));
      case "numberFormat":
        return readMatrix(model, e, (row, col) => model.cell(e.sheet, row, col)?.numberFormat ?? GENERAL);
      case "columnHidden":
        return allSomeNone(e.sheet.hiddenColumns, r.c0, r.c1);
      case "rowHidden":
        return allSomeNone(e.sheet.hiddenRows, r.r0, r.r1);
      default:
        return this._unknownProperty(name);
    }
  }

  protected override _child(name: string): Navigable | undefined {
    if (name === "format") return this.format;
    if (name === "worksheet") return this.worksheet;
    return undefined;
  }

  // ----- content -----

  get values(): (CellScalar | null)[][] {
    return this._get("values");
  }
  set values(v: unknown) {
    this._set("values", v, (e) => writeContent(this._model, e, v, "values"));
  }

  get formulas(): CellScalar[][] {
    return this._get("formulas");
  }
  set formulas(v: unknown) {
    this._set("formulas", v, (e) => writeContent(this._model, e, v, "formulas"));
  }

  get numberFormat(): string[][] {
    return this._get("numberFormat");
  }
  set numberFormat(v: unknown) {
    this._set("numberFormat", v, (e) => writeNumberFormat(this._model, e, v));
  }

  get text(): string[][] {
    return this._get("text");
  }
  get valueTypes(): string[][] {
    return this._get("valueTypes");
  }
  get address(): string {
    return this._get("address");
  }
  get addressLocal(): string {
    return this._get("addressLocal");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get isEntireColumn(): boolean {
    return this._get("isEntireColumn");
  }
  get isEntireRow(): boolean {
    return this._get("isEntireRow");
  }

  get columnHidden(): boolean | null {
    return this._get("columnHidden");
  }
  set columnHidden(v: boolean) {
    this._ctx._engine.requireApi("Range.columnHidden", "1.2");
    this._set("columnHidden", v, (e) => {
      if (typeof v !== "boolean") throw errors.invalidArgument("columnHidden must be true or false.");
      for (let c = e.rect.c0; c <= e.rect.c1; c++) {
        if (v) e.sheet.hiddenColumns.add(c);
        else e.sheet.hiddenColumns.delete(c);
      }
    });
  }

  get rowHidden(): boolean | null {
    return this._get("rowHidden");
  }
  set rowHidden(v: boolean) {
    this._ctx._engine.requireApi("Range.rowHidden", "1.2");
    this._set("rowHidden", v, (e) => {
      if (typeof v !== "boolean") throw errors.invalidArgument("rowHidden must be true or false.");
      if (rowCount(e.rect) > BROADCAST_CELL_LIMIT) throw errors.notImplemented("hiding that many rows");
      for (let r = e.rect.r0; r <= e.rect.r1; r++) {
        if (v) e.sheet.hiddenRows.add(r);
        else e.sheet.hiddenRows.delete(r);
      }
    });
  }

  // ----- navigation -----

  get format(): FakeRangeFormat {
    this._format ??= new FakeRangeFormat(this._ctx, `${this._path}.format`, () => this._resolve());
    return this._format;
  }

  get worksheet(): FakeWorksheet {
    this._worksheet ??= new FakeWorksheet(this._ctx, `${this._path}.worksheet`, () => this._resolve().sheet);
    return this._worksheet;
  }

  // ----- ranges derived from this one -----

  private _derive(member: string, args: unknown[], fn: (e: RangeRef) => Rect): FakeRange {
    const path = `${this._path}.${member}(${args.map((a) => JSON.stringify(a)).join(", ")})`;
    return new FakeRange(this._ctx, path, () => {
      const e = this._resolve();
      return { sheet: e.sheet, rect: checkRect(fn(e)) };
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this._derive("getCell", [row, column], (e) => {
      requireInteger(row, "row");
      requireInteger(column, "column");
      return rect(e.rect.r0 + row, e.rect.c0 + column);
    });
  }

  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this._derive("getOffsetRange", [rowOffset, columnOffset], ({ rect: r }) => ({
      r0: r.r0 + requireInteger(rowOffset, "rowOffset"),
      c0: r.c0 + requireInteger(columnOffset, "columnOffset"),
      r1: r.r1 + rowOffset,
      c1: r.c1 + columnOffset,
    }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    this._ctx._engine.requireApi("Range.getResizedRange", "1.2");
    return this._derive("getResizedRange", [deltaRows, deltaColumns], ({ rect: r }) => {
      const r1 = r.r1 + requireInteger(deltaRows, "deltaRows");
      const c1 = r.c1 + requireInteger(deltaColumns, "deltaColumns");
      if (r1 < r.r0 || c1 < r.c0) throw errors.invalidArgument("getResizedRange would leave no cells.");
      return { r0: r.r0, c0: r.c0, r1, c1 };
    });
  }

  getRow(row: number): FakeRange {
    return this._derive("getRow", [row], ({ rect: r }) => rect(r.r0 + requireInteger(row, "row"), r.c0, r.r0 + row, r.c1));
  }

  getColumn(column: number): FakeRange {
    return this._derive("getColumn", [column], ({ rect: r }) => rect(r.r0, r.c0 + requireInteger(column, "column"), r.r1, r.c0 + column));
  }

  getEntireColumn(): FakeRange {
    return this._derive("getEntireColumn", [], ({ rect: r }) => rect(0, r.c0, MAX_ROWS - 1, r.c1));
  }

  getEntireRow(): FakeRange {
    return this._derive("getEntireRow", [], ({ rect: r }) => rect(r.r0, 0, r.r1, MAX_COLUMNS - 1));
  }

  getRowsAbove(count = 1): FakeRange {
    return this._derive("getRowsAbove", [count], ({ rect: r }) => ({ r0: r.r0 - requireInteger(count, "count"), c0: r.c0, r1: r.r0 - 1, c1: r.c1 }));
  }

  getRowsBelow(count = 1): FakeRange {
    return this._derive("getRowsBelow", [count], ({ rect: r }) => ({ r0: r.r1 + 1, c0: r.c0, r1: r.r1 + requireInteger(count, "count"), c1: r.c1 }));
  }

  getColumnsBefore(count = 1): FakeRange {
    return this._derive("getColumnsBefore", [count], ({ rect: r }) => ({ r0: r.r0, c0: r.c0 - requireInteger(count, "count"), r1: r.r1, c1: r.c0 - 1 }));
  }

  getColumnsAfter(count = 1): FakeRange {
    return this._derive("getColumnsAfter", [count], ({ rect: r }) => ({ r0: r.r0, c0: r.c1 + 1, r1: r.r1, c1: r.c1 + requireInteger(count, "count") }));
  }

  getLastCell(): FakeRange {
    return this._derive("getLastCell", [], ({ rect: r }) => rect(r.r1, r.c1));
  }

  getLastRow(): FakeRange {
    return this._derive("getLastRow", [], ({ rect: r }) => rect(r.r1, r.c0, r.r1, r.c1));
  }

  getLastColumn(): FakeRange {
    return this._derive("getLastColumn", [], ({ rect: r }) => rect(r.r0, r.c1, r.r1, r.c1));
  }

  /** Used cells inside this range; ItemNotFound when there are none (documented). */
  getUsedRange(valuesOnly = false): FakeRange {
    return this._derive("getUsedRange", [valuesOnly], (e) => {
      const used = this._model.usedRect(e.sheet, valuesOnly, e.rect);
      if (!used) throw errors.itemNotFound("The range has no used cells.");
      return used;
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    this._ctx._engine.requireApi("Range.getUsedRangeOrNullObject", "1.4");
    return this.getUsedRange(valuesOnly)._markNullable();
  }

  // ----- actions -----

  /** `clear(applyTo)`: "All" (default), "Contents", "Formats"; hyperlink options change nothing here. */
  clear(applyTo: string = "All"): void {
    this._call("clear", [applyTo], (e) => {
      const model = this._model;
      for (const { row, col, cell } of model.ownCellsIn(e.sheet, e.rect)) {
        if (applyTo === "All" || applyTo === "Contents" || applyTo === "ResetContents") {
          applyInput(cell, { kind: "clear" });
        }
        if (applyTo === "All" || applyTo === "Formats") {
          cell.numberFormat = GENERAL;
          cell.format = {};
        }
        model.tidy(e.sheet, row, col);
      }
    });
  }

  /**
   * `delete(shift)`: remove the cells and move the cells below ("Up") or to the right
   * ("Left") into their place. Formulas that point into the moved cells are not
   * re-pointed, and tables or charts in the way are not supported by the fake.
   */
  delete(shift: string): void {
    this._call("delete", [shift], (e) => {
      if (shift !== "Up" && shift !== "Left") throw errors.invalidArgument("delete needs shift 'Up' or 'Left'.");
      const model = this._model;
      const r = e.rect;
      const band = shift === "Up" ? rect(r.r0, r.c0, MAX_ROWS - 1, r.c1) : rect(r.r0, r.c0, r.r1, MAX_COLUMNS - 1);
      if (model.tableAt(e.sheet, band)) throw errors.notImplemented("deleting cells that move a table");
      model.deleteCells(e.sheet, r);
      const after = shift === "Up" ? rect(r.r1 + 1, r.c0, MAX_ROWS - 1, r.c1) : rect(r.r0, r.c1 + 1, r.r1, MAX_COLUMNS - 1);
      if (inGrid(after)) model.shiftCells(e.sheet, after, shift === "Up" ? -rowCount(r) : 0, shift === "Left" ? -columnCount(r) : 0);
    });
  }

  select(): void {
    this._call("select", [], (e) => {
      this._model.selection = { sheet: e.sheet, rect: e.rect };
      this._model.activeSheet = e.sheet;
    });
  }
}
