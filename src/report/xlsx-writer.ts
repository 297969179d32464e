/**
 * XlsxWriter: writes a ReportPlan to an .xlsx file in memory — the same plan the workbook
 * gateway applies through Office.js, so an exported file and a workbook filled by the
 * add-in look and calculate alike.
 *
 * exceljs builds the cells, styles, tables, column widths and frozen panes; charts and
 * defined names are added to the zip afterwards (see xlsx-charts.ts for the charts).
 * Formulas are written without cached results and the workbook asks for a full
 * recalculation on load, so Excel and LibreOffice compute every number themselves.
 *
 * Only a checked plan is written (plan-check.ts): every cell is one of the closed kinds,
 * every formula is the report's own, and every string has been made XML-safe in that one
 * place. A text cell becomes a JavaScript string, which exceljs always writes as a shared
 * string — "=SUM(A1)" from a source stays text; a formula is written without its "=".
 *
 * No Node-only APIs: the module can be loaded on demand in the browser (exceljs and
 * jszip both have browser builds).
 */
import { Workbook, type Borders, type Cell, type CellValue, type Fill, type Font, type TableStyleProperties, type Worksheet } from "exceljs";
import JSZip from "jszip";
import { addCharts, escapeXml, absoluteRef } from "./xlsx-charts";
import { cellAddress, parseCell, type Block, type CellStyle, type NamePlan, type PlanCell, type ReportPlan, type SheetPlan, type TablePlan } from "./plan";
import { checkedPlan, sheetText } from "./plan-check";

export interface XlsxWriteOptions {
  /** Shown as the file's author. */
  creator?: string;
  /** The file's creation time (default: now). */
  created?: Date;
}

const BASE_FONT = { name: "Calibri", family: 2, size: 11 } as const;

interface ResolvedStyle {
  font?: Partial<Font>;
  fill?: Fill;
  border?: Partial<Borders>;
}

// Neutral greys only: the report is printed and read by people with all kinds of colour vision.
const STYLES: Record<CellStyle, ResolvedStyle> = {
  title: { font: { ...BASE_FONT, size: 14, bold: true } },
  subtitle: { font: { ...BASE_FONT, bold: true } },
  header: {
    font: { ...BASE_FONT, bold: true },
    fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } },
    border: { bottom: { style: "thin", color: { argb: "FF808080" } } },
  },
  note: { font: { ...BASE_FONT, italic: true, color: { argb: "FF595959" } } },
  normal: {},
};

/** Write the plan to an .xlsx file and return its bytes. */
export async function writeXlsx(unchecked: ReportPlan, options: XlsxWriteOptions = {}): Promise<Uint8Array> {
  const plan = checkedPlan(unchecked);
  const sheetNames = new Map(plan.sheets.map((s) => [s.key, s.name]));
  // checkedPlan has made sure every key a chart or name refers to is in the plan.
  const sheetNameOf = (key: string): string => sheetNames.get(key)!;

  const workbook = new Workbook();
  const created = options.created ?? new Date();
  workbook.creator = sheetText(options.creator ?? "KOSTRA Benchmark");
  workbook.lastModifiedBy = workbook.creator;
  workbook.created = created;
  workbook.modified = created;
  workbook.calcProperties.fullCalcOnLoad = true;

  for (const sheet of plan.sheets) writeSheet(workbook.addWorksheet(sheet.name), sheet);

  const bytes = toUint8Array(await workbook.xlsx.writeBuffer());
  const charts = plan.sheets.map((s) => ({ sheetName: s.name, charts: s.charts ?? [] }));
  if (plan.names.length === 0 && charts.every((s) => s.charts.length === 0)) return bytes;

  const zip = await JSZip.loadAsync(bytes);
  await addCharts(zip, charts, sheetNameOf);
  await addDefinedNames(zip, plan.names, sheetNameOf);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

function toUint8Array(buffer: ArrayBuffer | Uint8Array): Uint8Array {
  return buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
}

// ---------------------------------------------------------------------------
// Sheets

function writeSheet(ws: Worksheet, sheet: SheetPlan): void {
  for (const block of sheet.blocks) writeBlock(ws, block);
  for (const [letters, width] of Object.entries(sheet.columnWidths ?? {})) ws.getColumn(letters).width = width;
  for (const letters of sheet.hiddenColumns ?? []) ws.getColumn(letters).hidden = true;
  const freeze = sheet.freeze;
  if (freeze && (freeze.rows > 0 || freeze.columns > 0)) {
    ws.views = [{ state: "frozen", xSplit: freeze.columns, ySplit: freeze.rows, topLeftCell: cellAddress(freeze.columns + 1, freeze.rows + 1) }];
  }
  for (const table of sheet.tables ?? []) addTable(ws, sheet, table);
}

function writeBlock(ws: Worksheet, block: Block): void {
  const origin = parseCell(block.at);
  const style = STYLES[block.style ?? "normal"];
  block.rows.forEach((row, r) => {
    row.forEach((planCell, c) => {
      const cell = ws.getCell(origin.row + r, origin.col + c);
      writeCell(cell, planCell);
      if (style.font) cell.font = style.font;
      if (style.fill) cell.fill = style.fill;
      if (style.border) cell.border = style.border;
    });
  });
}

/** One checked plan cell as exactly one exceljs value of its primitive type. */
function writeCell(cell: Cell, planCell: PlanCell): void {
  switch (planCell.kind) {
    case "empty":
      return;
    case "text":
      cell.value = planCell.text;
      break;
    case "number":
      cell.value = planCell.value;
      break;
    case "formula":
      // No cached result: the file asks for a full recalculation on load.
      cell.value = { formula: planCell.formula.slice(1) };
      break;
  }
  if (planCell.format) cell.numFmt = planCell.format;
}

// ---------------------------------------------------------------------------
// Tables

function addTable(ws: Worksheet, sheet: SheetPlan, table: TablePlan): void {
  const [first, last = first] = table.range.split(":");
  const tl = parseCell(first);
  const br = parseCell(last);
  const columns: { name: string; filterButton: boolean }[] = [];
  const seen = new Set<string>();
  for (let col = tl.col; col <= br.col; col++) {
    // Excel takes a table's column names from its header cells; they must be unique, non-empty text.
    const value = ws.getCell(tl.row, col).value;
    const name = typeof value === "string" ? value.trim() : "";
    if (!name) throw new Error(`Table ${table.name} on ${sheet.name}: header cell ${cellAddress(col, tl.row)} must be text`);
    // exceljs writes column names as attributes, where a tab or line break would become a space.
    if (/[\t\n\r]/.test(name)) throw new Error(`Table ${table.name} on ${sheet.name}: header cell ${cellAddress(col, tl.row)} holds a line break or a tab`);
    if (seen.has(name.toLowerCase())) throw new Error(`Table ${table.name} on ${sheet.name}: column name "${name}" occurs twice`);
    seen.add(name.toLowerCase());
    if (name !== value) ws.getCell(tl.row, col).value = name;
    columns.push({ name, filterButton: true });
  }
  // exceljs writes a table's cells itself: hand it the values already in place, so the
  // table ends up exactly over the cells the plan wrote. A header-only table gets one empty
  // row, as Excel does when a table is made from a header row.
  const rows: CellValue[][] = [];
  for (let row = tl.row + 1; row <= Math.max(br.row, tl.row + 1); row++) {
    const values: CellValue[] = [];
    for (let col = tl.col; col <= br.col; col++) values.push(ws.getCell(row, col).value);
    rows.push(values);
  }
  ws.addTable({
    name: table.name,
    displayName: table.name,
    ref: first,
    headerRow: true,
    totalsRow: false,
    style: { theme: tableTheme(table.style), showRowStripes: true },
    columns,
    rows,
  });
}

function tableTheme(style: string | undefined): TableStyleProperties["theme"] {
  const builtIn = style && /^TableStyle(Light|Medium|Dark)\d{1,2}$/.test(style);
  return (builtIn ? style : "TableStyleLight1") as TableStyleProperties["theme"];
}

// ---------------------------------------------------------------------------
// Defined names

function definedNameXml(name: NamePlan, sheetNameOf: (key: string) => string): string {
  const comment = name.comment ? ` comment="${escapeXml(name.comment)}"` : "";
  return `<definedName name="${escapeXml(name.name)}"${comment}>${escapeXml(absoluteRef(sheetNameOf(name.ref.sheet), name.ref.range))}</definedName>`;
}

/** Workbook-level names go in `<definedNames>`, which CT_Workbook places after `<sheets>` and before `<calcPr>`. */
async function addDefinedNames(zip: JSZip, names: NamePlan[], sheetNameOf: (key: string) => string): Promise<void> {
  if (names.length === 0) return;
  const file = zip.file("xl/workbook.xml");
  if (!file) throw new Error("The workbook has no part xl/workbook.xml");
  const xml = await file.async("string");
  const items = names.map((n) => definedNameXml(n, sheetNameOf)).join("");
  // Replacer functions, never replacement strings: "$&" or "$'" in a name or comment would be expanded.
  let updated: string;
  if (xml.includes("</definedNames>")) updated = xml.replace("</definedNames>", () => `${items}</definedNames>`);
  else if (xml.includes("</sheets>")) updated = xml.replace("</sheets>", () => `</sheets><definedNames>${items}</definedNames>`);
  else throw new Error("The workbook part has no <sheets>");
  zip.file("xl/workbook.xml", updated);
}
