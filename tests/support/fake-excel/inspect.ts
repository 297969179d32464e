/**
 * Test-side access to the fake workbook, outside the Office API: read cells, tables,
 * charts, names and custom XML parts; seed a workbook; take a plain-data snapshot to
 * compare before and after an operation. Nothing here queues commands or counts syncs.
 */
import { Rect, cellA1, columnIndex, columnLetters, formatA1, parseA1, parseCellKey, rect, splitSheetReference } from "./addresses";
import { CellFormat, CellScalar, GENERAL, applyInput, parseInput, readFormula, readValue } from "./cells";
import { bindingText } from "./chart-model";
import { errors } from "./errors";
import { ChartModel, RangeRef, STANDARD_HEIGHT, STANDARD_WIDTH, SeriesModel, SheetModel, SheetVisibility, TableModel, WorkbookModel, fakeGuid } from "./model";
import { writeContent } from "./grid";
import { rootNamespace, xmlError } from "./xml";
import type { PageLayoutModel } from "./page-layout";

export interface CellSnapshot {
  /** The constant, or a formula's seeded result (null: empty cell, or a formula the fake can't calculate). */
  value: CellScalar | null;
  formula: string | null;
  numberFormat: string;
  /** Holds a text constant (not a number, boolean or formula). */
  isText: boolean;
  /** Entered with a leading apostrophe. */
  quotePrefix: boolean;
  format: CellFormat;
}

export interface Binding {
  sheet: string;
  address: string;
}

export interface SeriesSnapshot {
  name: string;
  values: Binding | null;
  categories: Binding | null;
  chartType: string | null;
  hasDataLabels: boolean;
}

export interface ChartSnapshot {
  id: string;
  name: string;
  sheet: string;
  chartType: string;
  title: string;
  titleVisible: boolean;
  legend: { position: string; visible: boolean };
  valueAxisTitle: string;
  categoryAxisTitle: string;
  valueAxisNumberFormat: string;
  /** Cells given to setPosition ("B2", "H20"), or null if never positioned. */
  position: { from: string; to: string | null } | null;
  top: number;
  left: number;
  width: number;
  height: number;
  series: SeriesSnapshot[];
}

export interface TableSnapshot {
  id: string;
  name: string;
  sheet: string;
  /** Header row included, e.g. "A1:D10". */
  address: string;
  headers: string[];
  style: string;
}

export interface NameSnapshot {
  name: string;
  formula: string;
  comment: string;
  visible: boolean;
}

export interface PartSnapshot {
  id: string;
  namespaceUri: string;
  xml: string;
}

export interface SheetSnapshot {
  id: string;
  name: string;
  position: number;
  visibility: SheetVisibility;
  freeze: { rows: number; columns: number };
  showGridlines: boolean;
  tabColor: string;
  /** Non-empty cells by A1 address, in row-major order. */
  cells: Record<string, CellSnapshot>;
  columnWidths: Record<string, number>;
  rowHeights: Record<string, number>;
  hiddenColumns: string[];
  hiddenRows: number[];
}

export interface WorkbookSnapshot {
  activeSheet: string;
  calculationMode: string;
  sheets: SheetSnapshot[];
  tables: TableSnapshot[];
  charts: ChartSnapshot[];
  names: NameSnapshot[];
  customXmlParts: PartSnapshot[];
}

export interface CellSeed {
  value?: CellScalar;
  formula?: string;
  /** What a formula evaluates to, for code that reads values back. */
  result?: CellScalar;
  numberFormat?: string;
}

function binding(ref: RangeRef | null): Binding | null {
  if (!ref) return null;
  const text = bindingText(ref) as string;
  return { sheet: ref.sheet.deleted ? "#REF!" : ref.sheet.name, address: text.slice(text.lastIndexOf("!") + 1) };
}

function seriesSnapshot(s: SeriesModel): SeriesSnapshot {
  return { name: s.name, values: binding(s.values), categories: binding(s.categories), chartType: s.chartType, hasDataLabels: s.hasDataLabels };
}

export function chartSnapshot(c: ChartModel): ChartSnapshot {
  return {
    id: c.id,
    name: c.name,
    sheet: c.sheet.name,
    chartType: c.chartType,
    title: c.title.text,
    titleVisible: c.title.visible,
    legend: { ...c.legend },
    valueAxisTitle: c.axes.value.title.text,
    categoryAxisTitle: c.axes.category.title.text,
    valueAxisNumberFormat: c.axes.value.numberFormat,
    position: c.position ? { from: formatA1(c.position.from), to: c.position.to ? formatA1(c.position.to) : null } : null,
    top: c.top,
    left: c.left,
    width: c.width,
    height: c.height,
    series: c.series.map(seriesSnapshot),
  };
}

function tableSnapshot(model: WorkbookModel, t: TableModel): TableSnapshot {
  const headers: string[] = [];
  for (let c = t.rect.c0; c <= t.rect.c1; c++) headers.push(String(readValue(model.cell(t.sheet, t.rect.r0, c)) ?? ""));
  return { id: t.id, name: t.name, sheet: t.sheet.name, address: formatA1(t.rect), headers, style: t.style };
}

function cellSnapshot(model: WorkbookModel, sheet: SheetModel, row: number, col: number): CellSnapshot {
  const cell = model.cell(sheet, row, col);
  if (!cell) return { value: null, formula: null, numberFormat: GENERAL, isText: false, quotePrefix: false, format: {} };
  return {
    value: cell.formula !== null ? cell.result : cell.value,
    formula: cell.formula,
    numberFormat: cell.numberFormat,
    isText: cell.formula === null && typeof cell.value === "string",
    quotePrefix: cell.quotePrefix,
    format: { ...cell.format },
  };
}

export class SheetInspector {
  constructor(
    private readonly model: WorkbookModel,
    private readonly sheet: SheetModel,
  ) {}

  get name(): string {
    return this.sheet.name;
  }

  private rectOf(address: string): Rect {
    const r = parseA1(address);
    if (!r) throw new Error(`Not an A1 address: ${address}`);
    return r;
  }

  cell(address: string): CellSnapshot {
    const r = this.rectOf(address);
    return cellSnapshot(this.model, this.sheet, r.r0, r.c0);
  }

  /** What `Range.values` would return for the address. */
  values(address: string): (CellScalar | null)[][] {
    return this.matrix(address, (row, col) => readValue(this.model.cell(this.sheet, row, col)));
  }

  /** What `Range.formulas` would return for the address. */
  formulas(address: string): CellScalar[][] {
    return this.matrix(address, (row, col) => readFormula(this.model.cell(this.sheet, row, col)));
  }

  private matrix<T>(address: string, fn: (row: number, col: number) => T): T[][] {
    const r = this.rectOf(address);
    const out: T[][] = [];
    for (let row = r.r0; row <= r.r1; row++) {
      const line: T[] = [];
      for (let col = r.c0; col <= r.c1; col++) line.push(fn(row, col));
      out.push(line);
    }
    return out;
  }

  /** A1 address of the used range ("B2:F30"), or null for a blank sheet. */
  usedAddress(valuesOnly = false): string | null {
    const used = this.model.usedRect(this.sheet, valuesOnly);
    return used ? formatA1(used) : null;
  }

  /** Column width in points, by column letters. */
  columnWidth(column: string): number {
    return this.sheet.columnWidths.get(columnIndex(column)) ?? STANDARD_WIDTH;
  }

  /** Row height in points, by 1-based row number. */
  rowHeight(row: number): number {
    return this.sheet.rowHeights.get(row - 1) ?? STANDARD_HEIGHT;
  }

  isColumnHidden(column: string): boolean {
    return this.sheet.hiddenColumns.has(columnIndex(column));
  }

  get freeze(): { rows: number; columns: number } {
    return { ...this.sheet.freeze };
  }

  /** How the sheet prints: print area and title rows in A1 ("A1:P46", "7:7"), page breaks as the 1-based rows they put at the top of a page. */
  get pageLayout(): { orientation: string; paperSize: string; zoom: PageLayoutModel["zoom"]; printArea: string | null; printTitleRows: string | null; headerFooter: PageLayoutModel["headerFooter"]; rowBreaks: number[] } {
    const p = this.sheet.pageLayout;
    return {
      orientation: p.orientation,
      paperSize: p.paperSize,
      zoom: { ...p.zoom },
      printArea: p.printArea ? formatA1(p.printArea) : null,
      printTitleRows: p.printTitleRows ? `${p.printTitleRows.r0 + 1}:${p.printTitleRows.r1 + 1}` : null,
      headerFooter: { ...p.headerFooter },
      rowBreaks: p.rowBreaks.map((r) => r + 1),
    };
  }

  get visibility(): SheetVisibility {
    return this.sheet.visibility;
  }

  get position(): number {
    return this.model.sheets.indexOf(this.sheet);
  }

  charts(): ChartSnapshot[] {
    return this.model.liveCharts(this.sheet).map(chartSnapshot);
  }

  tables(): TableSnapshot[] {
    return this.model.liveTables(this.sheet).map((t) => tableSnapshot(this.model, t));
  }

  /** Seed cells as if typed through `Range.values` (same text/number/formula rules). */
  setValues(topLeft: string, rows: unknown[][]): void {
    this.model.revision += 1;
    const start = this.rectOf(topLeft);
    const width = rows[0]?.length ?? 0;
    writeContent(this.model, { sheet: this.sheet, rect: rect(start.r0, start.c0, start.r0 + rows.length - 1, start.c0 + width - 1) }, rows, "values", false);
  }

  /** Seed one cell directly (e.g. a formula with the result Excel would show). */
  setCell(address: string, seed: CellSeed): void {
    this.model.revision += 1;
    const r = this.rectOf(address);
    const cell = this.model.cellForWrite(this.sheet, r.r0, r.c0);
    if (seed.numberFormat !== undefined) cell.numberFormat = seed.numberFormat;
    if (seed.formula !== undefined) {
      applyInput(cell, { kind: "formula", formula: seed.formula });
      cell.result = seed.result ?? null;
    } else if (seed.value !== undefined) {
      applyInput(cell, parseInput(seed.value, cell.numberFormat));
    }
    this.model.tidy(this.sheet, r.r0, r.c0);
  }

  snapshot(): SheetSnapshot {
    const s = this.sheet;
    const keys = [...s.cells.keys()].map(parseCellKey).sort((a, b) => a.row - b.row || a.col - b.col);
    const cells: Record<string, CellSnapshot> = {};
    for (const { row, col } of keys) cells[cellA1(row, col)] = cellSnapshot(this.model, s, row, col);
    const sorted = (m: Map<number, number>) => [...m.entries()].sort((a, b) => a[0] - b[0]);
    return {
      id: s.id,
      name: s.name,
      position: this.position,
      visibility: s.visibility,
      freeze: { ...s.freeze },
      showGridlines: s.showGridlines,
      tabColor: s.tabColor,
      cells,
      columnWidths: Object.fromEntries(sorted(s.columnWidths).map(([c, w]) => [columnLetters(c), w])),
      rowHeights: Object.fromEntries(sorted(s.rowHeights).map(([r, h]) => [String(r + 1), h])),
      hiddenColumns: [...s.hiddenColumns].sort((a, b) => a - b).map(columnLetters),
      hiddenRows: [...s.hiddenRows].sort((a, b) => a - b).map((r) => r + 1),
    };
  }
}

export class WorkbookInspector {
  constructor(private readonly model: WorkbookModel) {}

  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  hasSheet(name: string): boolean {
    return this.model.findSheet(name) !== undefined;
  }

  sheet(name: string): SheetInspector {
    const sheet = this.model.findSheet(name);
    if (!sheet) throw new Error(`No sheet named '${name}' (sheets: ${this.sheetNames().join(", ")})`);
    return new SheetInspector(this.model, sheet);
  }

  activeSheet(): string {
    return this.model.activeSheet.name;
  }

  /** Seed a sheet without going through the API (name rules still apply). */
  addSheet(name: string): SheetInspector {
    this.model.revision += 1;
    return new SheetInspector(this.model, this.model.addSheet(name));
  }

  /** Make `address` ("Data!B2:D9") the selection that `getSelectedRange()` returns. */
  select(address: string): void {
    this.model.revision += 1;
    const { sheet, ref } = splitSheetReference(address);
    const target = sheet === null ? this.model.activeSheet : this.model.requireSheet(sheet);
    const r = parseA1(ref);
    if (!r) throw errors.invalidArgument(`Not an address: ${address}`);
    this.model.selection = { sheet: target, rect: r };
    this.model.activeSheet = target;
  }

  tables(): TableSnapshot[] {
    return this.model.liveTables().map((t) => tableSnapshot(this.model, t));
  }

  charts(): ChartSnapshot[] {
    return this.model.liveCharts().map(chartSnapshot);
  }

  names(): NameSnapshot[] {
    return this.model.names.map((n) => ({ name: n.name, formula: n.formula, comment: n.comment, visible: n.visible }));
  }

  customXmlParts(): PartSnapshot[] {
    return this.model.parts.map((p) => ({ id: p.id, namespaceUri: p.namespaceUri, xml: p.xml }));
  }

  /** Seed a custom XML part as if a previous session had stored it. */
  addCustomXmlPart(xml: string): PartSnapshot {
    this.model.revision += 1;
    const invalid = xmlError(xml);
    if (invalid) throw invalid;
    const part = { id: fakeGuid(0xc0, this.model.next("part")), xml, namespaceUri: rootNamespace(xml), deleted: false };
    this.model.parts.push(part);
    return { id: part.id, namespaceUri: part.namespaceUri, xml };
  }

  /** The whole workbook as plain data (deterministic order), for before/after comparisons. */
  snapshot(): WorkbookSnapshot {
    return {
      activeSheet: this.model.activeSheet.name,
      calculationMode: this.model.calculationMode,
      sheets: this.model.sheets.map((s) => new SheetInspector(this.model, s).snapshot()),
      tables: this.tables(),
      charts: this.charts(),
      names: this.names(),
      customXmlParts: this.customXmlParts(),
    };
  }
}
