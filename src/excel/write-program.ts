/**
 * The new report as a program of small units, each a few Office.js statements on a
 * temporary sheet, compiled before anything is sent: every cell is converted (closed
 * kinds, XML-safe text, formulas pointed at the temporary sheets) and measured here, so
 * a bug in a plan shows before the workbook is touched, and the runner only has to pack
 * units into requests under the budget.
 *
 * Order, chosen for Excel and for recovering from a failure:
 * 1. layout and styles of every sheet (many small statements, no content needed);
 * 2. cells with their number formats, smaller sheets first, the large data sheet last,
 *    in row slices of at most half a request (blocks stacked on the same columns are
 *    written as one rectangle);
 * 3. tables (under temporary names) and charts, once the cells they show are there.
 */
import { xmlSafe } from "../kostra/safe-text";
import { columnNumber, parseCell, type Block, type ChartPlan, type PlanCell, type ReportPlan, type SheetPlan } from "../report/plan";
import { officeRow, type OfficeCell } from "./cells";
import { STATEMENT_BYTES } from "./request-meter";
import type { Naming } from "./naming";
import { retargetSheets, nameKey } from "./formula-sheets";
import { rowHeightsToSet, sectionCode } from "../report/page-setup";

export interface Unit {
  /**
   * Cells, or the structure built on them (tables, charts). A request holds structure
   * only after the cells before it were sent: requests are then either bulky with few
   * statements or busy with small ones, so a request that fails part-way leaves either
   * few large writes or only small objects half done, and recovering costs little.
   */
  kind: "shape" | "cells" | "structure";
  /** Statements the unit queues. */
  statements: number;
  /** Bytes of their arguments (JSON, UTF-8; never less than what is sent). */
  bytes: number;
  /** Queue the statements; `sheet` gives the temporary sheet of a plan key. */
  queue(sheet: (key: string) => Excel.Worksheet): void;
}

const POINTS_PER_CHARACTER = 7;

interface Area {
  /** 0-based top-left cell. */
  row: number;
  col: number;
  rows: readonly (readonly PlanCell[])[];
}

const blockArea = (b: Block): Area => {
  const { col, row } = parseCell(b.at);
  return { row: row - 1, col: col - 1, rows: b.rows };
};

/** The blocks as rectangles to write: blocks directly below one another over the same columns become one. */
function sheetAreas(blocks: readonly Block[]): Area[] {
  const areas: Area[] = [];
  for (const a of blocks.map(blockArea)) {
    if (a.rows.length === 0 || a.rows[0].length === 0) continue;
    const above = areas.find((x) => x.col === a.col && x.rows[0].length === a.rows[0].length && x.row + x.rows.length === a.row);
    if (above) above.rows = [...above.rows, ...a.rows];
    else areas.push({ ...a });
  }
  return areas;
}

/** Runs of neighbouring columns that share a value: [first, last, value]. */
function columnRuns<T>(entries: [string, T][]): [string, string, T][] {
  const sorted = entries.map(([c, v]) => [columnNumber(c), c, v] as const).sort((a, b) => a[0] - b[0]);
  const runs: [string, string, T][] = [];
  let prev = -1;
  for (const [n, c, v] of sorted) {
    const last = runs[runs.length - 1];
    if (last && n === prev + 1 && last[2] === v) last[1] = c;
    else runs.push([c, c, v]);
    prev = n;
  }
  return runs;
}

function layoutUnit(plan: SheetPlan): Unit | null {
  const widths = columnRuns(Object.entries(plan.columnWidths ?? {}));
  const hidden = columnRuns((plan.hiddenColumns ?? []).map((c) => [c, true] as [string, boolean]));
  const { rows = 0, columns = 0 } = plan.freeze ?? {};
  // Titles and header rows whose headings wrap: as high as the xlsx writer makes them.
  const heights = [...rowHeightsToSet(plan)];
  const statements = widths.length + hidden.length + heights.length + (rows > 0 || columns > 0 ? 1 : 0);
  if (statements === 0) return null;
  return {
    kind: "shape",
    statements,
    bytes: 16 * statements,
    queue(sheetOf) {
      const sheet = sheetOf(plan.key);
      for (const [from, to, width] of widths) sheet.getRange(`${from}:${to}`).format.columnWidth = width * POINTS_PER_CHARACTER;
      for (const [from, to] of hidden) sheet.getRange(`${from}:${to}`).columnHidden = true;
      for (const [row, height] of heights) sheet.getRange(`${row}:${row}`).format.rowHeight = height;
      if (rows > 0 && columns > 0) sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, rows, columns));
      else if (rows > 0) sheet.freezePanes.freezeRows(rows);
      else if (columns > 0) sheet.freezePanes.freezeColumns(columns);
    },
  };
}

/**
 * How the sheet prints (ExcelApi 1.9; the gateway leaves page setups out of the plan where
 * the host lacks it): the same page setup the xlsx writer writes, header and footer
 * sections in Excel's code (page-setup.ts escapes and bounds them). The print area and
 * title rows are on the temporary sheet and follow it when it is renamed.
 */
function pageSetupUnit(plan: SheetPlan): Unit | null {
  const setup = plan.pageSetup;
  if (!setup) return null;
  type Section = "leftHeader" | "centerHeader" | "rightHeader" | "leftFooter" | "centerFooter" | "rightFooter";
  const sections: [Section, string][] = (
    [
      ["leftHeader", setup.header.left],
      ["centerHeader", setup.header.center],
      ["rightHeader", setup.header.right],
      ["leftFooter", setup.footer.left],
      ["centerFooter", setup.footer.center],
      ["rightFooter", setup.footer.right],
    ] as const
  ).map(([field, parts]) => [field, sectionCode(parts ?? [])] as [Section, string]);
  const written = sections.filter(([, code]) => code !== "");
  const breaks = [...new Set(setup.breaksBefore ?? [])].filter((r) => r > 1);
  const titles = setup.titleRows;
  const statements = 4 + (titles ? 1 : 0) + written.length + breaks.length;
  return {
    kind: "shape",
    statements,
    bytes: 16 * statements + written.reduce((n, [, code]) => n + 6 * code.length, 0) + 2 * setup.printArea.length,
    queue(sheetOf) {
      const sheet = sheetOf(plan.key);
      const layout = sheet.pageLayout;
      layout.orientation = setup.orientation === "landscape" ? "Landscape" : "Portrait";
      layout.paperSize = "A4";
      // 0 pages down leaves the height free, as Excel's own "fit all columns on one page" does.
      layout.zoom = { horizontalFitToPages: setup.fitToWidth, verticalFitToPages: setup.fitToHeight };
      layout.setPrintArea(setup.printArea);
      if (titles) layout.setPrintTitleRows(`$${titles.from}:$${titles.to}`);
      const headerFooter = layout.headersFooters.defaultForAllPages;
      for (const [field, code] of written) headerFooter[field] = code;
      for (const row of breaks) sheet.horizontalPageBreaks.add(`A${row}`);
    },
  };
}

const STYLE_STATEMENTS: Record<NonNullable<Block["style"]>, number> = { title: 2, subtitle: 1, header: 3, note: 1, normal: 0, changed: 2 };

function styleUnit(key: string, block: Block): Unit | null {
  const area = blockArea(block);
  const statements = block.style ? STYLE_STATEMENTS[block.style] : 0;
  if (statements === 0 || area.rows.length === 0 || area.rows[0].length === 0) return null;
  return {
    kind: "shape",
    statements,
    bytes: 16 * statements,
    queue(sheetOf) {
      const range = sheetOf(key).getRangeByIndexes(area.row, area.col, area.rows.length, area.rows[0].length);
      switch (block.style) {
        case "title":
          range.format.font.bold = true;
          range.format.font.size = 14;
          break;
        case "subtitle":
          range.format.font.bold = true;
          break;
        case "header":
          range.format.font.bold = true;
          range.format.wrapText = true;
          range.format.verticalAlignment = "Bottom";
          break;
        case "note":
          range.format.font.italic = true;
          break;
        case "changed":
          range.format.font.bold = true;
          range.format.fill.color = "#BFBFBF";
          break;
      }
    },
  };
}

/** An area's cells in row slices of at most `most` bytes, each a unit of two statements. */
function valueUnits(key: string, area: Area, most: number, formula: (text: string) => string): Unit[] {
  const units: Unit[] = [];
  const width = area.rows[0].length;
  let formulas: OfficeCell[][] = [];
  let formats: string[][] = [];
  let bytes = 0;
  let start = 0;
  const cut = () => {
    const slice = { row: area.row + start, formulas, formats };
    units.push({
      kind: "cells",
      statements: 2,
      bytes,
      queue(sheetOf) {
        const range = sheetOf(key).getRangeByIndexes(slice.row, area.col, slice.formulas.length, width);
        range.numberFormat = slice.formats;
        range.formulas = slice.formulas;
      },
    });
    start += formulas.length;
    formulas = [];
    formats = [];
    bytes = 0;
  };
  for (const cells of area.rows) {
    const row = officeRow(cells, formula);
    if (formulas.length > 0 && bytes + row.bytes > most) cut();
    formulas.push(row.formulas);
    formats.push(row.formats);
    bytes += row.bytes;
  }
  if (formulas.length > 0) cut();
  return units;
}

function tableUnit(key: string, range: string, name: string, style: string): Unit {
  return {
    kind: "structure",
    statements: 3,
    bytes: 2 * (range.length + name.length + style.length) + 16,
    queue(sheetOf) {
      const table = sheetOf(key).tables.add(range, true);
      table.name = name;
      table.style = style;
    },
  };
}

function chartUnit(key: string, chart: ChartPlan): Unit {
  const texts = [chart.name, chart.title, chart.valueAxisTitle ?? "", ...chart.series.map((s) => s.name)].map(xmlSafe);
  return {
    kind: "structure",
    statements: 5 + (chart.valueAxisTitle ? 1 : 0) + chart.series.length * 4,
    bytes: texts.reduce((n, t) => n + 6 * t.length + 3, 64),
    queue(sheetOf) {
      const type = chart.type === "line" ? "Line" : "ColumnClustered";
      const first = chart.series[0];
      const c = sheetOf(key).charts.add(type as Excel.ChartType, sheetOf(first.values.sheet).getRange(first.values.range), "Columns" as Excel.ChartSeriesBy);
      c.name = xmlSafe(chart.name);
      c.title.text = xmlSafe(chart.title);
      c.legend.position = "Bottom" as Excel.ChartLegendPosition;
      c.setPosition(chart.position.from, chart.position.to);
      if (chart.valueAxisTitle) c.axes.valueAxis.title.text = xmlSafe(chart.valueAxisTitle);
      const categories = sheetOf(chart.categories.sheet).getRange(chart.categories.range);
      chart.series.forEach((s, i) => {
        const name = xmlSafe(s.name);
        const series = i === 0 ? c.series.getItemAt(0) : c.series.add(name);
        series.name = name;
        series.setValues(sheetOf(s.values.sheet).getRange(s.values.range));
        series.setXAxisValues(categories);
      });
    },
  };
}

const cellCount = (s: SheetPlan) => s.blocks.reduce((n, b) => n + b.rows.length * (b.rows[0]?.length ?? 0), 0);

/** Compile the plan into the units that build it on the temporary sheets `naming` gives. */
export function compileProgram(plan: ReportPlan, naming: Naming, budget: number): Unit[] {
  const toTemporary = new Map(naming.sheets.map((s) => [nameKey(s.planned), s.temporary]));
  const formula = (text: string) => retargetSheets(text, toTemporary);
  const tableName = new Map(naming.tables.map((t) => [`${t.sheet}\n${t.planned}`, t.temporary]));
  const units: Unit[] = [];
  const add = (u: Unit | null) => u && units.push(u);
  for (const s of plan.sheets) {
    add(layoutUnit(s));
    add(pageSetupUnit(s));
    for (const b of s.blocks) add(styleUnit(s.key, b));
  }
  for (const s of [...plan.sheets].sort((a, b) => cellCount(a) - cellCount(b))) {
    // Two slices (of two statements each) fill a request.
    for (const area of sheetAreas(s.blocks)) units.push(...valueUnits(s.key, area, budget / 2 - 2 * STATEMENT_BYTES, formula));
  }
  for (const s of plan.sheets) {
    for (const t of s.tables ?? []) units.push(tableUnit(s.key, t.range, tableName.get(`${s.key}\n${t.name}`)!, t.style ?? "TableStyleLight9"));
    for (const c of s.charts ?? []) units.push(chartUnit(s.key, c));
  }
  return units;
}
