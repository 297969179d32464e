/**
 * `Excel.WorksheetCollection`, `Excel.Worksheet` and `Excel.WorksheetFreezePanes`.
 * Name rules are in name-rules.ts; renaming rewrites formulas that refer to the sheet
 * (model.ts), and chart series follow the sheet itself, as in Excel.
 */
import { MAX_COLUMNS, MAX_ROWS, Rect, inGrid, rect } from "./addresses";
import { FakeClientObject, FakeClientResult, FakeCollection, Navigable } from "./client-object";
import type { FakeRequestContext } from "./context";
import { errors } from "./errors";
import { RangeRef, SheetModel } from "./model";
import { FakeRange } from "./range";
import { rangeArgument, resolveAddress } from "./references";
import { FakeChartCollection } from "./charts";
import { FakeTableCollection } from "./tables";
import { FakePageBreakCollection, FakePageLayout } from "./page-layout";

const WHOLE_SHEET: Rect = rect(0, 0, MAX_ROWS - 1, MAX_COLUMNS - 1);

export class FakeWorksheet extends FakeClientObject<SheetModel> {
  protected readonly _typeName = "Worksheet";
  protected readonly _scalarNames = ["id", "name", "position", "visibility", "showGridlines", "tabColor"] as const;
  protected override readonly _writable = ["name", "position", "visibility", "showGridlines", "tabColor"];
  private _tables?: FakeTableCollection;
  private _charts?: FakeChartCollection;
  private _freezePanes?: FakeWorksheetFreezePanes;
  private _pageLayout?: FakePageLayout;
  private _horizontalPageBreaks?: FakePageBreakCollection;

  constructor(ctx: FakeRequestContext, path: string, locate: () => SheetModel) {
    super(ctx, path, locate);
  }

  protected override _gone(s: SheetModel): boolean {
    return s.deleted;
  }

  protected _read(name: string, s: SheetModel): unknown {
    switch (name) {
      case "id":
        return s.id;
      case "name":
        return s.name;
      case "position":
        return this._model.sheets.indexOf(s);
      case "visibility":
        return s.visibility;
      case "showGridlines":
        return s.showGridlines;
      case "tabColor":
        return s.tabColor;
      default:
        return this._unknownProperty(name);
    }
  }

  protected override _child(name: string): Navigable | undefined {
    if (name === "tables") return this.tables;
    if (name === "charts") return this.charts;
    if (name === "pageLayout") return this.pageLayout;
    return undefined;
  }

  get id(): string {
    return this._get("id");
  }

  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (s) => this._model.renameSheet(s, v));
  }

  get position(): number {
    return this._get("position");
  }
  set position(v: number) {
    this._set("position", v, (s) => this._model.moveSheet(s, v));
  }

  get visibility(): string {
    return this._get("visibility");
  }
  set visibility(v: string) {
    this._ctx._engine.requireApi("Worksheet.visibility", "1.2");
    this._set("visibility", v, (s) => this._model.setVisibility(s, v));
  }

  get showGridlines(): boolean {
    return this._get("showGridlines");
  }
  set showGridlines(v: boolean) {
    this._ctx._engine.requireApi("Worksheet.showGridlines", "1.8");
    this._set("showGridlines", v, (s) => {
      if (typeof v !== "boolean") throw errors.invalidArgument("showGridlines must be true or false.");
      s.showGridlines = v;
    });
  }

  get tabColor(): string {
    return this._get("tabColor");
  }
  set tabColor(v: string) {
    this._ctx._engine.requireApi("Worksheet.tabColor", "1.7");
    this._set("tabColor", v, (s) => {
      if (typeof v !== "string" || (v !== "" && !/^#[0-9a-f]{6}$/i.test(v))) throw errors.invalidArgument("tabColor must be #RRGGBB or empty.");
      s.tabColor = v.toUpperCase();
    });
  }

  get tables(): FakeTableCollection {
    this._tables ??= new FakeTableCollection(this._ctx, `${this._path}.tables`, () => this._resolve());
    return this._tables;
  }

  get charts(): FakeChartCollection {
    this._charts ??= new FakeChartCollection(this._ctx, `${this._path}.charts`, () => this._resolve());
    return this._charts;
  }

  get freezePanes(): FakeWorksheetFreezePanes {
    this._ctx._engine.requireApi("Worksheet.freezePanes", "1.7");
    this._freezePanes ??= new FakeWorksheetFreezePanes(this._ctx, `${this._path}.freezePanes`, () => this._resolve());
    return this._freezePanes;
  }

  get pageLayout(): FakePageLayout {
    this._ctx._engine.requireApi("Worksheet.pageLayout", "1.9");
    this._pageLayout ??= new FakePageLayout(this._ctx, `${this._path}.pageLayout`, () => this._resolve());
    return this._pageLayout;
  }

  get horizontalPageBreaks(): FakePageBreakCollection {
    this._ctx._engine.requireApi("Worksheet.horizontalPageBreaks", "1.9");
    this._horizontalPageBreaks ??= new FakePageBreakCollection(this._ctx, `${this._path}.horizontalPageBreaks`, () => this._resolve());
    return this._horizontalPageBreaks;
  }

  private _range(member: string, args: unknown[], locate: (s: SheetModel) => RangeRef): FakeRange {
    return new FakeRange(this._ctx, `${this._path}.${member}(${args.map((a) => JSON.stringify(a)).join(", ")})`, () => locate(this._resolve()));
  }

  /** A range by address or defined name; without an address, the whole sheet. */
  getRange(address?: string): FakeRange {
    return this._range("getRange", address === undefined ? [] : [address], (s) =>
      address === undefined ? { sheet: s, rect: WHOLE_SHEET } : resolveAddress(this._model, address, s),
    );
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    this._ctx._engine.requireApi("Worksheet.getRangeByIndexes", "1.7");
    return this._range("getRangeByIndexes", [startRow, startColumn, rowCount, columnCount], (s) => {
      const r: Rect = { r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 };
      if (![startRow, startColumn, rowCount, columnCount].every(Number.isInteger) || rowCount < 1 || columnCount < 1 || !inGrid(r)) {
        throw errors.invalidArgument("getRangeByIndexes needs whole numbers inside the grid and at least one row and column.");
      }
      return { sheet: s, rect: r };
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this._range("getCell", [row, column], (s) => {
      const r = rect(row, column);
      if (!Number.isInteger(row) || !Number.isInteger(column) || !inGrid(r)) throw errors.invalidArgument("getCell needs a cell inside the grid.");
      return { sheet: s, rect: r };
    });
  }

  /** The used range; for a blank sheet the top-left cell (documented: it doesn't throw). */
  getUsedRange(valuesOnly = false): FakeRange {
    return this._range("getUsedRange", [valuesOnly], (s) => ({ sheet: s, rect: this._model.usedRect(s, valuesOnly) ?? rect(0, 0) }));
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    this._ctx._engine.requireApi("Worksheet.getUsedRangeOrNullObject", "1.4");
    const range = this._range("getUsedRangeOrNullObject", [valuesOnly], (s) => {
      const used = this._model.usedRect(s, valuesOnly);
      if (!used) throw errors.itemNotFound("The worksheet is blank.");
      return { sheet: s, rect: used };
    });
    return range._markNullable();
  }

  activate(): void {
    this._call("activate", [], (s) => (this._model.activeSheet = s));
  }

  delete(): void {
    this._call("delete", [], (s) => this._model.deleteSheet(s));
  }
}

export class FakeWorksheetCollection extends FakeCollection<null, FakeWorksheet> {
  protected readonly _typeName = "WorksheetCollection";
  protected readonly _scalarNames = [] as const;

  constructor(ctx: FakeRequestContext, path: string) {
    super(ctx, path, () => null);
  }

  protected _members(): FakeWorksheet[] {
    return this._model.sheets.map((s) => this._proxyFor(s));
  }

  private _proxyFor(sheet: SheetModel): FakeWorksheet {
    const proxy = new FakeWorksheet(this._ctx, `${this._path}.getItem(${JSON.stringify(sheet.id)})`, () => sheet);
    proxy._bindTo(sheet);
    return proxy;
  }

  /** Adds at the end; name rules are checked at sync (InvalidArgument / ItemAlreadyExists). */
  add(name?: string): FakeWorksheet {
    const proxy = new FakeWorksheet(this._ctx, `${this._path}.add(${name === undefined ? "" : JSON.stringify(name)})`, () => {
      throw errors.generalException("The worksheet was not added.");
    });
    this._call("add", name === undefined ? [] : [name], () => proxy._bindTo(this._model.addSheet(name)));
    return proxy;
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this._ctx, `${this._path}.getItem(${JSON.stringify(key)})`, () => this._model.requireSheet(key));
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    this._ctx._engine.requireApi("WorksheetCollection.getItemOrNullObject", "1.4");
    const proxy = new FakeWorksheet(this._ctx, `${this._path}.getItemOrNullObject(${JSON.stringify(key)})`, () => this._model.requireSheet(key));
    return proxy._markNullable();
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this._ctx, `${this._path}.getActiveWorksheet()`, () => this._model.activeSheet);
  }

  getFirst(visibleOnly = false): FakeWorksheet {
    this._ctx._engine.requireApi("WorksheetCollection.getFirst", "1.5");
    return new FakeWorksheet(this._ctx, `${this._path}.getFirst(${visibleOnly})`, () => (visibleOnly ? this._model.visibleSheets() : this._model.sheets)[0]);
  }

  getCount(visibleOnly = false): FakeClientResult<number> {
    this._ctx._engine.requireApi("WorksheetCollection.getCount", "1.4");
    return this._callForResult("getCount", [visibleOnly], () => (visibleOnly ? this._model.visibleSheets() : this._model.sheets).length);
  }
}

/**
 * Frozen panes. `freezeRows`/`freezeColumns` change only their own direction (assumed;
 * the docs don't say whether the other one is kept); the count defaults to 1.
 */
export class FakeWorksheetFreezePanes extends FakeClientObject<SheetModel> {
  protected readonly _typeName = "WorksheetFreezePanes";
  protected readonly _scalarNames = [] as const;

  protected override _gone(s: SheetModel): boolean {
    return s.deleted;
  }

  protected _read(name: string): unknown {
    return this._unknownProperty(name);
  }

  private _count(value: unknown, what: string): number {
    if (typeof value !== "number" || !Number.isInteger(value) || value < 0) throw errors.invalidArgument(`${what} must be a whole number, 0 or more.`);
    return value;
  }

  freezeRows(count = 1): void {
    this._call("freezeRows", [count], (s) => (s.freeze = { ...s.freeze, rows: this._count(count, "count") }));
  }

  freezeColumns(count = 1): void {
    this._call("freezeColumns", [count], (s) => (s.freeze = { ...s.freeze, columns: this._count(count, "count") }));
  }

  /** Freeze the rows and columns down to and including `frozenRange`; null unfreezes. */
  freezeAt(frozenRange: unknown): void {
    this._call("freezeAt", [frozenRange], (s) => {
      if (frozenRange === null || frozenRange === undefined) {
        s.freeze = { rows: 0, columns: 0 };
        return;
      }
      const ref = rangeArgument(this._model, frozenRange, s);
      s.freeze = { rows: ref.rect.r1 + 1, columns: ref.rect.c1 + 1 };
    });
  }

  unfreeze(): void {
    this._call("unfreeze", [], (s) => (s.freeze = { rows: 0, columns: 0 }));
  }

  /** The frozen cells (top-left pane), or a null object when nothing is frozen. */
  getLocationOrNullObject(): FakeRange {
    const range = new FakeRange(this._ctx, `${this._path}.getLocationOrNullObject()`, () => {
      const s = this._resolve();
      const { rows, columns } = s.freeze;
      if (!rows && !columns) throw errors.itemNotFound("Nothing is frozen.");
      return { sheet: s, rect: rect(0, 0, (rows || MAX_ROWS) - 1, (columns || MAX_COLUMNS) - 1) };
    });
    return range._markNullable();
  }
}
