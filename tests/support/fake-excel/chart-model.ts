/**
 * Charts in the workbook model: how `charts.add(type, source, seriesBy)` splits a source
 * range into series, where `setPosition` puts a chart, and how a series' source reads.
 *
 * The split follows Excel in the common case (approximation; Excel's exact rules aren't
 * documented): "Auto" takes series from columns when there are at least as many rows as
 * columns, else from rows; a first row (column) whose cells are text or blank holds
 * series names; a first column (row) with text holds the categories. Numbers there count
 * as data: years as numbers become a series, which is why the gateway should bind
 * categories with `setXAxisValues`.
 *
 * Position and size are in points: `setPosition` places the chart over the given cells
 * using the sheet's column widths and row heights. A new chart is 360 × 216 points (5 ×
 * 3 inches, assumed) at the top-left until positioned.
 */
import { MAX_COLUMNS, MAX_ROWS, Rect, columnCount, formatA1, qualifiedA1, rect, rowCount, sheetPrefix } from "./addresses";
import { isBlank, readText, readValue } from "./cells";
import { CHART_TYPES } from "./enums";
import { errors } from "./errors";
import { AxisModel, ChartModel, RangeRef, STANDARD_HEIGHT, STANDARD_WIDTH, SeriesModel, SheetModel, WorkbookModel, fakeGuid } from "./model";

export const DEFAULT_CHART_WIDTH = 360;
export const DEFAULT_CHART_HEIGHT = 216;

export function checkChartType(type: unknown): string {
  if (typeof type !== "string" || !CHART_TYPES.includes(type)) throw errors.invalidArgument(`'${String(type)}' is not a chart type.`);
  return type;
}

function newAxis(): AxisModel {
  return { title: { text: "", visible: false }, numberFormat: "General", minimum: null, maximum: null };
}

export function newSeries(name: string): SeriesModel {
  return { name, values: null, categories: null, chartType: null, hasDataLabels: false, deleted: false };
}

/** Sum of sizes of lines [0, end) given the sparse custom sizes. */
function offset(sizes: Map<number, number>, end: number, standard: number): number {
  let total = end * standard;
  for (const [i, size] of sizes) if (i < end) total += size - standard;
  return total;
}

function isTextLike(model: WorkbookModel, sheet: SheetModel, row: number, col: number): boolean {
  const cell = model.cell(sheet, row, col);
  return !cell || isBlank(cell) || typeof readValue(cell) === "string";
}

function hasText(model: WorkbookModel, sheet: SheetModel, row: number, col: number): boolean {
  const cell = model.cell(sheet, row, col);
  return !!cell && typeof readValue(cell) === "string" && readValue(cell) !== "";
}

/** Series for a source range, by columns or rows (see the module comment). */
export function seriesFromSource(model: WorkbookModel, source: RangeRef, seriesBy: string): SeriesModel[] {
  const { sheet, rect: r } = source;
  const byColumns = seriesBy === "Columns" || (seriesBy === "Auto" && rowCount(r) >= columnCount(r));
  // Work in "lines" (series) and "points" (categories), then map back to cells.
  const lines = byColumns ? columnCount(r) : rowCount(r);
  const points = byColumns ? rowCount(r) : columnCount(r);
  const at = (line: number, point: number) => (byColumns ? { row: r.r0 + point, col: r.c0 + line } : { row: r.r0 + line, col: r.c0 + point });
  const textAt = (line: number, point: number) => {
    const { row, col } = at(line, point);
    return isTextLike(model, sheet, row, col);
  };
  const nameLine = (line: number, point: number) => {
    const { row, col } = at(line, point);
    return hasText(model, sheet, row, col);
  };
  let namesInFirstPoint = points > 1;
  for (let line = 0; line < lines && namesInFirstPoint; line++) namesInFirstPoint = textAt(line, 0);
  const firstPoint = namesInFirstPoint ? 1 : 0;
  let categoriesInFirstLine = lines > 1;
  let anyText = false;
  for (let point = firstPoint; point < points && categoriesInFirstLine; point++) {
    categoriesInFirstLine = textAt(0, point);
    anyText ||= nameLine(0, point);
  }
  categoriesInFirstLine &&= anyText;
  const firstLine = categoriesInFirstLine ? 1 : 0;
  const span = (line: number): Rect => {
    const a = at(line, firstPoint);
    const b = at(line, points - 1);
    return rect(a.row, a.col, b.row, b.col);
  };
  const series: SeriesModel[] = [];
  for (let line = firstLine; line < lines; line++) {
    const { row, col } = at(line, 0);
    const s = newSeries(namesInFirstPoint ? readText(model.cell(sheet, row, col)) : `Series${series.length + 1}`);
    s.values = { sheet, rect: span(line) };
    if (categoriesInFirstLine) s.categories = { sheet, rect: span(0) };
    series.push(s);
  }
  return series;
}

export function createChart(model: WorkbookModel, sheet: SheetModel, type: unknown, source: RangeRef, seriesBy: unknown): ChartModel {
  const chartType = checkChartType(type);
  const by = seriesBy ?? "Auto";
  if (by !== "Auto" && by !== "Columns" && by !== "Rows") throw errors.invalidArgument(`'${String(seriesBy)}' is not a ChartSeriesBy value.`);
  const n = model.next("chart");
  const chart: ChartModel = {
    id: fakeGuid(0xc4, n),
    name: `Chart ${n}`,
    chartType,
    sheet,
    title: { text: "", visible: false },
    legend: { position: "Right", visible: true },
    axes: { value: newAxis(), category: newAxis() },
    position: null,
    top: 0,
    left: 0,
    width: DEFAULT_CHART_WIDTH,
    height: DEFAULT_CHART_HEIGHT,
    series: seriesFromSource(model, source, by),
    deleted: false,
  };
  model.charts.push(chart);
  return chart;
}

export function positionChart(chart: ChartModel, from: Rect, to: Rect | null): void {
  const s = chart.sheet;
  chart.position = { from, to };
  chart.top = offset(s.rowHeights, from.r0, STANDARD_HEIGHT);
  chart.left = offset(s.columnWidths, from.c0, STANDARD_WIDTH);
  if (to) {
    chart.height = offset(s.rowHeights, Math.max(to.r1, from.r0) + 1, STANDARD_HEIGHT) - chart.top;
    chart.width = offset(s.columnWidths, Math.max(to.c1, from.c0) + 1, STANDARD_WIDTH) - chart.left;
  }
}

/** A series source must be one row or one column (assumed InvalidArgument otherwise). */
export function seriesSource(ref: RangeRef): RangeRef {
  if (rowCount(ref.rect) > 1 && columnCount(ref.rect) > 1) throw errors.invalidArgument("A series takes its data from a single row or column.");
  if (ref.rect.r1 === MAX_ROWS - 1 && ref.rect.c1 === MAX_COLUMNS - 1) throw errors.invalidArgument("A series can't take a whole sheet.");
  return ref;
}

/** "=Data!$B$2:$B$9", or "=#REF!$B$2:$B$9" once the sheet is gone. */
export function sourceString(ref: RangeRef | null): string {
  if (!ref) return "";
  return ref.sheet.deleted ? `=#REF!${formatA1(ref.rect, true)}` : `=${qualifiedA1(ref.sheet.name, ref.rect, true)}`;
}

export function bindingText(ref: RangeRef | null): string | null {
  if (!ref) return null;
  return `${ref.sheet.deleted ? "#REF" : sheetPrefix(ref.sheet.name)}!${formatA1(ref.rect)}`;
}
