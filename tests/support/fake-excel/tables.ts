/**
 * `Excel.TableCollection`, `Excel.Table` and `Excel.TableRowCollection`.
 *
 * Documented ("TableCollection.add", "TableRowCollection.add"): a table that "would
 * overlap with another table" can't be added; with `hasHeaders` false "Excel will
 * automatically generate a header and shift the data down by one row"; rows.add inserts
 * at a zero-based index (null or -1: at the end) and shifts the rows below down.
 * From Excel's behaviour (assumed where the docs are silent): overlap fails with
 * InvalidArgument "A table can't overlap another table" (office-js issue #1199);
 * header cells become unique text ("Column1" for a blank, "Name2" for a repeat); a
 * table made from a single row gets an empty data row; `delete()` removes the cells too.
 */
import { MAX_ROWS, Rect, columnCount, intersects, rect } from "./addresses";
import { isBlank } from "./cells";
import { FakeClientObject, FakeClientResult, FakeCollection, Navigable } from "./client-object";
import type { FakeRequestContext } from "./context";
import { errors } from "./errors";
import { RangeRef, SheetModel, TableModel, WorkbookModel, fakeGuid } from "./model";
import { definedNameError } from "./name-rules";
import { writeContent } from "./grid";
import { FakeRange } from "./range";
import { rangeArgument } from "./references";
import { FakeWorksheet } from "./worksheets";

export const DEFAULT_TABLE_STYLE = "TableStyleMedium2";

function uniqueHeaders(raw: string[]): string[] {
  const seen = new Set<string>();
  return raw.map((text, i) => {
    let name = text.trim() === "" ? `Column${i + 1}` : text;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${text.trim() === "" ? `Column${i + 1}` : text}${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

export function createTable(model: WorkbookModel, source: RangeRef, hasHeaders: unknown): TableModel {
  if (typeof hasHeaders !== "boolean") throw errors.invalidArgument("hasHeaders must be true or false.");
  const { sheet } = source;
  const r = source.rect;
  const final: Rect = !hasHeaders || r.r0 === r.r1 ? rect(r.r0, r.c0, r.r1 + 1, r.c1) : r;
  if (final.r1 >= MAX_ROWS) throw errors.invalidArgument("The table would fall outside the worksheet.");
  if (model.tableAt(sheet, final)) throw errors.invalidArgument("A table can't overlap another table.");
  if (!hasHeaders) model.shiftCells(sheet, rect(r.r0, r.c0, MAX_ROWS - 2, r.c1), 1, 0);
  const raw: string[] = [];
  for (let c = r.c0; c <= r.c1; c++) {
    const cell = hasHeaders ? model.cell(sheet, r.r0, c) : undefined;
    raw.push(!cell || isBlank(cell) ? "" : String(cell.formula !== null ? (cell.result ?? cell.formula) : cell.value));
  }
  uniqueHeaders(raw).forEach((text, i) => {
    const cell = model.cellForWrite(sheet, r.r0, r.c0 + i);
    cell.value = text;
    cell.formula = null;
    cell.result = null;
  });
  let n = model.next("table");
  while (model.nameTaken(`Table${n}`)) n = model.next("table");
  const table: TableModel = { id: fakeGuid(0x7a, n), name: `Table${n}`, sheet, rect: final, showHeaders: true, style: DEFAULT_TABLE_STYLE, deleted: false };
  model.tables.push(table);
  return table;
}

export function renameTable(model: WorkbookModel, table: TableModel, name: unknown): void {
  const invalid = definedNameError(name, "table");
  if (invalid) throw invalid;
  if (model.nameTaken(name as string, table)) throw errors.itemAlreadyExists(`The name '${String(name)}' is already used by a table or a defined name.`);
  table.name = name as string;
}

const bodyRect = (t: TableModel): Rect => rect(t.rect.r0 + 1, t.rect.c0, t.rect.r1, t.rect.c1);

export class FakeTable extends FakeClientObject<TableModel> {
  protected readonly _typeName = "Table";
  protected readonly _scalarNames = ["id", "name", "showHeaders", "showTotals", "style"] as const;
  protected override readonly _writable = ["name", "style"];
  private _rows?: FakeTableRowCollection;
  private _worksheet?: FakeWorksheet;

  constructor(ctx: FakeRequestContext, path: string, locate: () => TableModel) {
    super(ctx, path, locate);
  }

  protected override _gone(t: TableModel): boolean {
    return t.deleted;
  }

  protected _read(name: string, t: TableModel): unknown {
    switch (name) {
      case "id":
        return t.id;
      case "name":
        return t.name;
      case "showHeaders":
        return t.showHeaders;
      case "showTotals":
        return false;
      case "style":
        return t.style;
      default:
        return this._unknownProperty(name);
    }
  }

  protected override _child(name: string): Navigable | undefined {
    if (name === "rows") return this.rows;
    if (name === "worksheet") return this.worksheet;
    return undefined;
  }

  get id(): string {
    return this._get("id");
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (t) => renameTable(this._model, t, v));
  }
  get style(): string {
    return this._get("style");
  }
  set style(v: string) {
    this._set("style", v, (t) => {
      if (typeof v !== "string" || !v) throw errors.invalidArgument("A table style must be a non-empty string.");
      t.style = v;
    });
  }
  get showHeaders(): boolean {
    return this._get("showHeaders");
  }
  get showTotals(): boolean {
    return this._get("showTotals");
  }

  get rows(): FakeTableRowCollection {
    this._rows ??= new FakeTableRowCollection(this._ctx, `${this._path}.rows`, () => this._resolve());
    return this._rows;
  }

  get worksheet(): FakeWorksheet {
    this._worksheet ??= new FakeWorksheet(this._ctx, `${this._path}.worksheet`, () => this._resolve().sheet);
    return this._worksheet;
  }

  private _range(member: string, pick: (t: TableModel) => Rect): FakeRange {
    return new FakeRange(this._ctx, `${this._path}.${member}()`, () => {
      const t = this._resolve();
      return { sheet: t.sheet, rect: pick(t) };
    });
  }

  getRange(): FakeRange {
    return this._range("getRange", (t) => t.rect);
  }

  getHeaderRowRange(): FakeRange {
    return this._range("getHeaderRowRange", (t) => rect(t.rect.r0, t.rect.c0, t.rect.r0, t.rect.c1));
  }

  getDataBodyRange(): FakeRange {
    return this._range("getDataBodyRange", bodyRect);
  }

  /** Deletes the table and its cells (assumed from Excel's ListObject.Delete). */
  delete(): void {
    this._call("delete", [], (t) => {
      this._model.deleteCells(t.sheet, t.rect);
      this._model.removeTable(t);
    });
  }

  /** Keeps the cells, drops the table (ExcelApi 1.2). */
  convertToRange(): FakeRange {
    this._ctx._engine.requireApi("Table.convertToRange", "1.2");
    let kept: RangeRef | undefined;
    this._call("convertToRange", [], (t) => {
      kept = { sheet: t.sheet, rect: t.rect };
      this._model.removeTable(t);
    });
    return new FakeRange(this._ctx, `${this._path}.convertToRange()`, () => {
      if (!kept) throw errors.generalException("The table was not converted.");
      return kept;
    });
  }
}

export class FakeTableRowCollection extends FakeCollection<TableModel, FakeRange> {
  protected readonly _typeName = "TableRowCollection";
  protected readonly _scalarNames = ["count"] as const;
  protected override readonly _ownScalars = ["count"];

  protected override _gone(t: TableModel): boolean {
    return t.deleted;
  }

  protected _members(t: TableModel): FakeRange[] {
    const rows: FakeRange[] = [];
    for (let r = t.rect.r0 + 1; r <= t.rect.r1; r++) {
      const ref = { sheet: t.sheet, rect: rect(r, t.rect.c0, r, t.rect.c1) };
      const proxy = new FakeRange(this._ctx, `${this._path}.getItemAt(${r - t.rect.r0 - 1})`, () => ref);
      proxy._bindTo(ref);
      rows.push(proxy);
    }
    return rows;
  }

  get count(): number {
    return this._get("count");
  }

  getCount(): FakeClientResult<number> {
    this._ctx._engine.requireApi("TableRowCollection.getCount", "1.4");
    return this._callForResult("getCount", [], (t) => t.rect.r1 - t.rect.r0);
  }

  /**
   * Insert rows at `index` (null/-1: at the end) and write `values` (a 2-D array with one
   * entry per table column). More than one row needs ExcelApi 1.4. Returns the first new row.
   */
  add(index?: number | null, values?: unknown, alwaysInsert?: boolean): FakeRange {
    const rowsGiven = Array.isArray(values) ? values.length : 1;
    if (rowsGiven > 1) this._ctx._engine.requireApi("TableRowCollection.add (several rows)", "1.4");
    if (alwaysInsert !== undefined) this._ctx._engine.requireApi("TableRowCollection.add (alwaysInsert)", "1.15");
    let added: RangeRef | undefined;
    this._call("add", [index ?? null, values ?? null, ...(alwaysInsert === undefined ? [] : [alwaysInsert])], (t) => {
      const width = columnCount(t.rect);
      const matrix = values === undefined || values === null ? [new Array<string>(width).fill("")] : values;
      if (!Array.isArray(matrix) || matrix.length === 0 || matrix.some((row) => !Array.isArray(row) || row.length !== width)) {
        throw errors.invalidArgument(`rows.add needs a 2-D array with ${width} values in each row.`);
      }
      const bodyRows = t.rect.r1 - t.rect.r0;
      const at = index === undefined || index === null || index === -1 ? bodyRows : index;
      if (!Number.isInteger(at) || at < 0 || at > bodyRows) throw errors.invalidArgument(`Row index ${String(index)} is outside 0..${bodyRows}.`);
      const first = t.rect.r0 + 1 + at;
      const band = rect(first, t.rect.c0, MAX_ROWS - 1, t.rect.c1);
      if (this._model.liveTables(t.sheet).some((o) => o !== t && intersects(o.rect, band))) {
        throw errors.notImplemented("inserting table rows that push another table down");
      }
      this._model.shiftCells(t.sheet, rect(first, t.rect.c0, MAX_ROWS - 1 - matrix.length, t.rect.c1), matrix.length, 0);
      t.rect = { ...t.rect, r1: t.rect.r1 + matrix.length };
      added = { sheet: t.sheet, rect: rect(first, t.rect.c0, first + matrix.length - 1, t.rect.c1) };
      writeContent(this._model, added, matrix, "values");
    });
    return new FakeRange(this._ctx, `${this._path}.add()`, () => {
      if (!added) throw errors.generalException("The rows were not added.");
      return { sheet: added.sheet, rect: rect(added.rect.r0, added.rect.c0, added.rect.r0, added.rect.c1) };
    });
  }
}

/** Tables of one sheet (entity: the sheet) or of the whole workbook (entity: null). */
export class FakeTableCollection extends FakeCollection<SheetModel | null, FakeTable> {
  protected readonly _typeName = "TableCollection";
  protected readonly _scalarNames = ["count"] as const;
  protected override readonly _ownScalars = ["count"];

  constructor(ctx: FakeRequestContext, path: string, locate: () => SheetModel | null) {
    super(ctx, path, locate);
  }

  protected override _gone(s: SheetModel | null): boolean {
    return s !== null && s.deleted;
  }

  private _scope(): SheetModel | undefined {
    return this._resolve() ?? undefined;
  }

  protected _members(s: SheetModel | null): FakeTable[] {
    return this._model.liveTables(s ?? undefined).map((t) => {
      const proxy = new FakeTable(this._ctx, `${this._path}.getItem(${JSON.stringify(t.id)})`, () => t);
      proxy._bindTo(t);
      return proxy;
    });
  }

  get count(): number {
    return this._get("count");
  }

  add(address: unknown, hasHeaders: boolean): FakeTable {
    if (typeof address !== "string") this._ctx._engine.requireApi("TableCollection.add (Range argument)", "1.3");
    const proxy = new FakeTable(this._ctx, `${this._path}.add(${typeof address === "string" ? JSON.stringify(address) : "range"}, ${hasHeaders})`, () => {
      throw errors.generalException("The table was not added.");
    });
    this._call("add", [address, hasHeaders], () => {
      const source = rangeArgument(this._model, address, this._scope() ?? null);
      proxy._bindTo(createTable(this._model, source, hasHeaders));
    });
    return proxy;
  }

  private _find(key: string): TableModel {
    const t = this._model.findTable(key);
    const scope = this._scope();
    if (!t || (scope && t.sheet !== scope)) throw errors.itemNotFound(`The table '${key}' doesn't exist.`);
    return t;
  }

  getItem(key: string): FakeTable {
    return new FakeTable(this._ctx, `${this._path}.getItem(${JSON.stringify(key)})`, () => this._find(key));
  }

  getItemOrNullObject(key: string): FakeTable {
    this._ctx._engine.requireApi("TableCollection.getItemOrNullObject", "1.4");
    return new FakeTable(this._ctx, `${this._path}.getItemOrNullObject(${JSON.stringify(key)})`, () => this._find(key))._markNullable();
  }

  getItemAt(index: number): FakeTable {
    return new FakeTable(this._ctx, `${this._path}.getItemAt(${index})`, () => {
      const t = this._model.liveTables(this._scope())[index];
      if (!t) throw errors.itemNotFound(`There is no table at index ${index}.`);
      return t;
    });
  }

  getCount(): FakeClientResult<number> {
    this._ctx._engine.requireApi("TableCollection.getCount", "1.4");
    return this._callForResult("getCount", [], (s) => this._model.liveTables(s ?? undefined).length);
  }
}
