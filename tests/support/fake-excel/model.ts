/**
 * The workbook the fake holds: sheets with sparse cells, tables, charts, defined names and
 * custom XML parts. Proxies change it only while `context.sync()` applies a batch; tests
 * read it through the inspector (inspect.ts).
 *
 * `fork()` copies a workbook cheaply for tests that run the same write hundreds of times
 * from one starting point: everything but the cells is copied, and each sheet's cell map
 * is shared, read-only, between the workbook and its forks until one of them writes to
 * that sheet (then it gets its own map, see `writableCells`, whose cells are still shared
 * until one is changed, see `ownCell`). Shared cells are frozen and a shared map refuses
 * writes, so a write that forgot to ask for its own copy fails loudly instead of changing
 * the other workbooks. A sheet still holding the very map it was forked with has, by
 * construction, the same cells.
 */
import { MAX_COLUMNS, MAX_ROWS, Rect, cellKey, intersects, parseCellKey, rect } from "./addresses";
import { CellModel, emptyCell, isBlank, isDefault } from "./cells";
import { errors } from "./errors";
import { replaceSheetReferences, sheetsIn } from "./formulas";
import { sheetNameError } from "./name-rules";
import { copyPageLayout, newPageLayout, type PageLayoutModel } from "./page-layout";

export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";

/** Excel's default column width and row height in points (64 px and 20 px at 96 dpi; assumed). */
export const STANDARD_WIDTH = 48;
export const STANDARD_HEIGHT = 15;

export interface SheetModel {
  readonly id: string;
  name: string;
  visibility: SheetVisibility;
  cells: Map<number, CellModel>;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  hiddenColumns: Set<number>;
  hiddenRows: Set<number>;
  freeze: { rows: number; columns: number };
  showGridlines: boolean;
  tabColor: string;
  deleted: boolean;
  pageLayout: PageLayoutModel;
}

export interface RangeRef {
  sheet: SheetModel;
  rect: Rect;
}

export interface TableModel {
  readonly id: string;
  name: string;
  sheet: SheetModel;
  /** Header row included. */
  rect: Rect;
  showHeaders: boolean;
  style: string;
  deleted: boolean;
}

export interface AxisModel {
  title: { text: string; visible: boolean };
  numberFormat: string;
  minimum: number | null;
  maximum: number | null;
}

export interface SeriesModel {
  name: string;
  values: RangeRef | null;
  categories: RangeRef | null;
  chartType: string | null;
  hasDataLabels: boolean;
  deleted: boolean;
}

export interface ChartModel {
  readonly id: string;
  name: string;
  chartType: string;
  sheet: SheetModel;
  title: { text: string; visible: boolean };
  legend: { position: string; visible: boolean };
  axes: { value: AxisModel; category: AxisModel };
  /** Cells given to `setPosition` (end null when only a start cell was given). */
  position: { from: Rect; to: Rect | null } | null;
  top: number;
  left: number;
  width: number;
  height: number;
  series: SeriesModel[];
  deleted: boolean;
}

export interface NameModel {
  name: string;
  formula: string;
  comment: string;
  visible: boolean;
  deleted: boolean;
}

export interface PartModel {
  readonly id: string;
  xml: string;
  namespaceUri: string;
  deleted: boolean;
}

/** Cell maps shared between a workbook and its forks (read-only until copied). */
const sharedMaps = new WeakSet<Map<number, CellModel>>();

/**
 * The sheets the formulas of a cell map refer to (lower case), so that renaming or
 * deleting a sheet skips the maps that can't mention it. Computed on first use, forgotten
 * when the map is written (every write asks `writableCells` first).
 */
const referencesOf = new WeakMap<Map<number, CellModel>, Set<string>>();

function mentions(cells: Map<number, CellModel>, sheetKey: string): boolean {
  let refs = referencesOf.get(cells);
  if (!refs) {
    refs = new Set();
    for (const cell of cells.values()) if (cell.formula !== null && cell.formula.includes("!")) for (const name of sheetsIn(cell.formula)) refs.add(name);
    referencesOf.set(cells, refs);
  }
  return refs.has(sheetKey);
}

function refuseSharedWrite(): never {
  throw new Error("fake Excel: a cell map shared with a fork was written in place; call writableCells(sheet) first.");
}

function freezeCell(cell: CellModel): void {
  if (Object.isFrozen(cell)) return;
  Object.freeze(cell.format);
  Object.freeze(cell);
}

/** Make a map read-only and shareable: its cells frozen, its set/delete/clear refused. */
function share(cells: Map<number, CellModel>): void {
  if (sharedMaps.has(cells)) return;
  for (const cell of cells.values()) freezeCell(cell);
  const guarded = cells as unknown as Record<"set" | "delete" | "clear", unknown>;
  guarded.set = refuseSharedWrite;
  guarded.delete = refuseSharedWrite;
  guarded.clear = refuseSharedWrite;
  sharedMaps.add(cells);
}

export function isSharedCellMap(cells: Map<number, CellModel>): boolean {
  return sharedMaps.has(cells);
}

const copyRect = (r: Rect): Rect => ({ ...r });

/** Ids in the shape Excel uses ("{GUID}"), but deterministic so snapshots compare. */
export function fakeGuid(kind: number, n: number): string {
  const hex = (v: number, width: number) => v.toString(16).toUpperCase().padStart(width, "0");
  return `{${hex(kind, 8)}-${hex(n, 4)}-0000-0000-${hex(n, 12)}}`;
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  readonly charts: ChartModel[] = [];
  readonly names: NameModel[] = [];
  readonly parts: PartModel[] = [];
  activeSheet!: SheetModel;
  selection: RangeRef | null = null;
  /** Counts changes (applied statements, seeding), so summaries of the workbook can be kept until it changes. */
  revision = 0;
  calculationMode = "Automatic";
  private readonly counters = { sheet: 0, table: 0, chart: 0, part: 0 };

  constructor(
    readonly name: string,
    sheetNames: readonly string[],
  ) {
    for (const sheetName of sheetNames.length ? sheetNames : ["Sheet1"]) this.addSheet(sheetName);
    this.activeSheet = this.sheets[0];
  }

  next(kind: keyof WorkbookModel["counters"]): number {
    this.counters[kind] += 1;
    return this.counters[kind];
  }

  // ---------- forks ----------

  /** The sheet's cells for writing: its own map if the map is shared with a fork (the cells in it may still be shared: see ownCell). */
  writableCells(sheet: SheetModel): Map<number, CellModel> {
    // A shared map never changes (its references stay known); an own map is about to.
    if (sharedMaps.has(sheet.cells)) sheet.cells = new Map(sheet.cells);
    else referencesOf.delete(sheet.cells);
    return sheet.cells;
  }

  /** A stored cell to change: a copy replaces it if it is shared with a fork (frozen). */
  ownCell(cells: Map<number, CellModel>, key: number): CellModel | undefined {
    const cell = cells.get(key);
    if (!cell || !Object.isFrozen(cell)) return cell;
    const own = { ...cell, format: { ...cell.format } };
    cells.set(key, own);
    return own;
  }

  /** A copy of the workbook whose sheets share their (read-only) cell maps with this one. */
  fork(): WorkbookModel {
    const copy = Object.create(WorkbookModel.prototype) as WorkbookModel;
    const sheetOf = new Map<SheetModel, SheetModel>();
    const mapSheet = (s: SheetModel): SheetModel => sheetOf.get(s) ?? s;
    const mapRef = (r: RangeRef | null): RangeRef | null => (r ? { sheet: mapSheet(r.sheet), rect: copyRect(r.rect) } : null);
    const sheets = this.sheets.map((s) => {
      share(s.cells);
      const c: SheetModel = {
        ...s,
        cells: s.cells,
        columnWidths: new Map(s.columnWidths),
        rowHeights: new Map(s.rowHeights),
        hiddenColumns: new Set(s.hiddenColumns),
        hiddenRows: new Set(s.hiddenRows),
        freeze: { ...s.freeze },
        pageLayout: copyPageLayout(s.pageLayout),
      };
      sheetOf.set(s, c);
      return c;
    });
    const axis = (a: AxisModel): AxisModel => ({ ...a, title: { ...a.title } });
    Object.assign(copy, {
      name: this.name,
      sheets,
      tables: this.tables.map((t) => ({ ...t, sheet: mapSheet(t.sheet), rect: copyRect(t.rect) })),
      charts: this.charts.map((ch) => ({
        ...ch,
        sheet: mapSheet(ch.sheet),
        title: { ...ch.title },
        legend: { ...ch.legend },
        axes: { value: axis(ch.axes.value), category: axis(ch.axes.category) },
        position: ch.position ? { from: copyRect(ch.position.from), to: ch.position.to ? copyRect(ch.position.to) : null } : null,
        series: ch.series.map((se) => ({ ...se, values: mapRef(se.values), categories: mapRef(se.categories) })),
      })),
      names: this.names.map((n) => ({ ...n })),
      parts: this.parts.map((p) => ({ ...p })),
      activeSheet: mapSheet(this.activeSheet),
      selection: mapRef(this.selection),
      calculationMode: this.calculationMode,
      counters: { ...this.counters },
      revision: 0,
    });
    return copy;
  }

  // ---------- sheets ----------

  /** A sheet by name (case-insensitive) or id. */
  findSheet(key: string): SheetModel | undefined {
    for (const s of this.sheets) if (s.id === key) return s;
    const lower = key.toLowerCase();
    return this.sheets.find((s) => s.name.length === key.length && s.name.toLowerCase() === lower);
  }

  requireSheet(key: string): SheetModel {
    const sheet = this.findSheet(key);
    if (!sheet) throw errors.itemNotFound(`The worksheet '${key}' doesn't exist.`);
    return sheet;
  }

  private checkSheetName(name: unknown, self?: SheetModel): string {
    const invalid = sheetNameError(name);
    if (invalid) throw invalid;
    const text = name as string;
    const clash = this.findSheet(text);
    if (clash && clash !== self) throw errors.itemAlreadyExists(`A worksheet named '${clash.name}' already exists.`);
    return text;
  }

  /** Excel picks "SheetN" when `add()` gets no name (assumed: the lowest free N). */
  private defaultSheetName(): string {
    for (let n = this.sheets.length + 1; ; n += 1) if (!this.findSheet(`Sheet${n}`)) return `Sheet${n}`;
  }

  addSheet(name?: unknown): SheetModel {
    const sheetName = name === undefined || name === null ? this.defaultSheetName() : this.checkSheetName(name);
    const sheet: SheetModel = {
      id: fakeGuid(0x5e, this.next("sheet")),
      name: sheetName,
      visibility: "Visible",
      cells: new Map(),
      columnWidths: new Map(),
      rowHeights: new Map(),
      hiddenColumns: new Set(),
      hiddenRows: new Set(),
      freeze: { rows: 0, columns: 0 },
      pageLayout: newPageLayout(),
      showGridlines: true,
      tabColor: "",
      deleted: false,
    };
    this.sheets.push(sheet);
    return sheet;
  }

  /** Rename, and rewrite references to the old name in every formula and defined name (as Excel does). */
  renameSheet(sheet: SheetModel, name: unknown): void {
    const newName = this.checkSheetName(name, sheet);
    const oldName = sheet.name;
    sheet.name = newName;
    if (oldName !== newName) this.rewriteReferences(oldName, { rename: newName });
  }

  private rewriteReferences(oldName: string, to: { rename: string } | "deleted"): void {
    const needle = oldName.toLowerCase();
    for (const s of this.sheets) {
      if (!mentions(s.cells, needle)) continue;
      const changed: [number, string][] = [];
      for (const [key, cell] of s.cells) {
        if (cell.formula === null || !cell.formula.includes("!") || !cell.formula.toLowerCase().includes(needle)) continue;
        const formula = replaceSheetReferences(cell.formula, oldName, to);
        if (formula !== cell.formula) changed.push([key, formula]);
      }
      if (changed.length === 0) continue;
      // Every reference to the old name is replaced: the map now names the new one instead.
      const refs = new Set(referencesOf.get(s.cells));
      refs.delete(needle);
      if (to !== "deleted") refs.add(to.rename.toLowerCase());
      const cells = this.writableCells(s);
      for (const [key, formula] of changed) this.ownCell(cells, key)!.formula = formula;
      referencesOf.set(cells, refs);
    }
    for (const n of this.names) n.formula = replaceSheetReferences(n.formula, oldName, to);
  }

  visibleSheets(): SheetModel[] {
    return this.sheets.filter((s) => s.visibility === "Visible");
  }

  setVisibility(sheet: SheetModel, visibility: unknown): void {
    if (visibility !== "Visible" && visibility !== "Hidden" && visibility !== "VeryHidden") {
      throw errors.invalidArgument(`Unknown sheet visibility '${String(visibility)}'.`);
    }
    if (visibility !== "Visible" && sheet.visibility === "Visible" && this.visibleSheets().length === 1) {
      throw errors.invalidOperation("A workbook must contain at least one visible worksheet.");
    }
    sheet.visibility = visibility;
    if (visibility !== "Visible" && this.activeSheet === sheet) this.activeSheet = this.visibleSheets()[0];
  }

  moveSheet(sheet: SheetModel, position: unknown): void {
    if (typeof position !== "number" || !Number.isInteger(position) || position < 0 || position >= this.sheets.length) {
      throw errors.invalidArgument(`Position ${String(position)} is outside 0..${this.sheets.length - 1}.`);
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(position, 0, sheet);
  }

  /**
   * Delete a sheet with its tables and charts. References to it in formulas and names
   * become #REF! as in Excel. A "VeryHidden" sheet can't be deleted (documented on
   * `Worksheet.delete`), nor the last visible one (Excel's rule; code assumed).
   */
  deleteSheet(sheet: SheetModel): void {
    if (sheet.visibility === "VeryHidden") throw errors.invalidOperation("A very hidden worksheet can't be deleted; make it visible first.");
    if (sheet.visibility === "Visible" && this.visibleSheets().length === 1) {
      throw errors.invalidOperation("A workbook must contain at least one visible worksheet.");
    }
    sheet.deleted = true;
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (const t of this.tables.filter((t) => t.sheet === sheet)) this.removeTable(t);
    for (const c of this.charts.filter((c) => c.sheet === sheet)) this.removeChart(c);
    this.rewriteReferences(sheet.name, "deleted");
    if (this.activeSheet === sheet) this.activeSheet = this.visibleSheets()[0];
    if (this.selection?.sheet === sheet) this.selection = null;
  }

  // ---------- cells ----------

  cell(sheet: SheetModel, row: number, col: number): CellModel | undefined {
    return sheet.cells.get(cellKey(row, col));
  }

  /** The cell, created empty if needed; call `tidy` after changing it. */
  cellForWrite(sheet: SheetModel, row: number, col: number): CellModel {
    const cells = this.writableCells(sheet);
    const key = cellKey(row, col);
    let cell = this.ownCell(cells, key);
    if (!cell) {
      cell = emptyCell();
      cells.set(key, cell);
    }
    return cell;
  }

  tidy(sheet: SheetModel, row: number, col: number): void {
    const key = cellKey(row, col);
    const cell = sheet.cells.get(key);
    if (cell && isDefault(cell)) this.writableCells(sheet).delete(key);
  }

  /** Stored cells inside `r`, each the sheet's own (to change). */
  ownCellsIn(sheet: SheetModel, r: Rect): { row: number; col: number; cell: CellModel }[] {
    const cells = this.writableCells(sheet);
    return [...this.cellsIn(sheet, r)].map(({ row, col }) => ({ row, col, cell: this.ownCell(cells, cellKey(row, col))! }));
  }

  /** Stored cells inside `r` (the grid is sparse; a whole-sheet range visits only these). */
  *cellsIn(sheet: SheetModel, r: Rect): Generator<{ row: number; col: number; cell: CellModel }> {
    for (const [key, cell] of sheet.cells) {
      const { row, col } = parseCellKey(key);
      if (row >= r.r0 && row <= r.r1 && col >= r.c0 && col <= r.c1) yield { row, col, cell };
    }
  }

  /** Smallest rectangle holding every cell with content (or, unless valuesOnly, any format). */
  usedRect(sheet: SheetModel, valuesOnly: boolean, within?: Rect): Rect | null {
    let found: Rect | null = null;
    for (const [key, cell] of sheet.cells) {
      if (valuesOnly ? isBlank(cell) : isDefault(cell)) continue;
      const { row, col } = parseCellKey(key);
      if (within && (row < within.r0 || row > within.r1 || col < within.c0 || col > within.c1)) continue;
      found = found ? rect(Math.min(found.r0, row), Math.min(found.c0, col), Math.max(found.r1, row), Math.max(found.c1, col)) : rect(row, col);
    }
    return found;
  }

  /** Move the cells of `band` by (dr, dc), overwriting what is there; cells that leave the grid are dropped. */
  shiftCells(sheet: SheetModel, band: Rect, dr: number, dc: number): void {
    const cells = this.writableCells(sheet);
    const moving = [...this.cellsIn(sheet, band)];
    for (const { row, col } of moving) cells.delete(cellKey(row, col));
    for (const { row, col, cell } of moving) {
      const r = row + dr;
      const c = col + dc;
      if (r >= 0 && r < MAX_ROWS && c >= 0 && c < MAX_COLUMNS) cells.set(cellKey(r, c), cell);
    }
  }

  /** Remove the stored cells inside `r`. */
  deleteCells(sheet: SheetModel, r: Rect): void {
    const cells = this.writableCells(sheet);
    for (const { row, col } of [...this.cellsIn(sheet, r)]) cells.delete(cellKey(row, col));
  }

  // ---------- tables, charts, names, parts ----------

  liveTables(sheet?: SheetModel): TableModel[] {
    return this.tables.filter((t) => !t.deleted && (!sheet || t.sheet === sheet));
  }

  tableAt(sheet: SheetModel, r: Rect, except?: TableModel): TableModel | undefined {
    return this.liveTables(sheet).find((t) => t !== except && intersects(t.rect, r));
  }

  findTable(key: string): TableModel | undefined {
    const lower = key.toLowerCase();
    return this.liveTables().find((t) => t.id === key || t.name.toLowerCase() === lower);
  }

  removeTable(table: TableModel): void {
    table.deleted = true;
    this.tables.splice(this.tables.indexOf(table), 1);
  }

  liveCharts(sheet?: SheetModel): ChartModel[] {
    return this.charts.filter((c) => !c.deleted && (!sheet || c.sheet === sheet));
  }

  removeChart(chart: ChartModel): void {
    chart.deleted = true;
    this.charts.splice(this.charts.indexOf(chart), 1);
  }

  findName(name: string): NameModel | undefined {
    const lower = name.toLowerCase();
    return this.names.find((n) => n.name.toLowerCase() === lower);
  }

  /** Table names and defined names share one namespace in Excel. */
  nameTaken(name: string, except?: TableModel | NameModel): boolean {
    const lower = name.toLowerCase();
    return (
      this.liveTables().some((t) => t !== except && t.name.toLowerCase() === lower) ||
      this.names.some((n) => n !== except && n.name.toLowerCase() === lower)
    );
  }

  findPart(id: string): PartModel | undefined {
    return this.parts.find((p) => p.id.toLowerCase() === id.toLowerCase());
  }
}
