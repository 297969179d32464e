/**
 * A worksheet part of the .xlsx file, written straight from the plan's blocks in pieces:
 * rows are turned into XML one after another and encoded into bytes a megabyte at a
 * time, so writing a sheet never holds a cell object per cell or the sheet's XML as one
 * string — memory grows with the plan, not with a spreadsheet library's model of it
 * (the whole-country report has eight million cells).
 *
 * Text goes to the shared strings (one entry per distinct text), numbers as numbers,
 * formulas without "=" and without a cached result (the workbook asks for a full
 * recalculation on load), and each cell gets the style of its block and its number format.
 */
import { escapeXml } from "./xlsx-charts";
import { columnNumber, parseCell, cellAddress, type Block, type CellStyle, type PageSetupPlan, type PlanCell, type SheetPlan } from "./plan";
import { headerFooterCode, rowHeightsToSet } from "./page-setup";

/** The distinct texts of the workbook, in the order first written (the shared strings part). */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  /** Cells that refer to a shared string (the part's `count`). */
  uses = 0;

  indexOf(text: string): number {
    this.uses++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.index.size;
      this.index.set(text, i);
    }
    return i;
  }

  get size(): number {
    return this.index.size;
  }

  texts(): IterableIterator<string> {
    return this.index.keys();
  }
}

/** Cell formats (cellXfs) by block style and number format; index 0 is the default. */
export class CellFormats {
  private readonly xfs = new Map<string, number>([["normal\nGeneral", 0]]);
  private readonly customFormats = new Map<string, number>();
  readonly entries: { style: CellStyle; numFmtId: number }[] = [{ style: "normal", numFmtId: 0 }];

  indexOf(style: CellStyle, format: string | undefined): number {
    const code = format ?? "General";
    const key = `${style}\n${code}`;
    let i = this.xfs.get(key);
    if (i === undefined) {
      i = this.entries.length;
      this.entries.push({ style, numFmtId: this.numFmtId(code) });
      this.xfs.set(key, i);
    }
    return i;
  }

  private numFmtId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.customFormats.get(code);
    if (id === undefined) {
      id = FIRST_CUSTOM_FORMAT + this.customFormats.size;
      this.customFormats.set(code, id);
    }
    return id;
  }

  /** The custom number formats: [id, code]. */
  custom(): [number, string][] {
    return [...this.customFormats].map(([code, id]) => [id, code]);
  }
}

/** Number formats every spreadsheet knows by id (ECMA-376 §18.8.30), written by id as Excel does. */
const BUILT_IN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };
const FIRST_CUSTOM_FORMAT = 164;

/** Encodes text into byte chunks of about a megabyte. */
export class ByteSink {
  // Every browser and Node has TextEncoder; a test page (jsdom) may not.
  private readonly encode: (text: string) => Uint8Array = typeof TextEncoder === "function" ? (t) => new TextEncoder().encode(t) : utf8;
  private pending: string[] = [];
  private pendingLength = 0;
  readonly chunks: Uint8Array[] = [];

  write(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.chunks.push(this.encode(this.pending.join("")));
    this.pending = [];
    this.pendingLength = 0;
  }

  /** Everything written, as one array (the chunks are let go). */
  bytes(): Uint8Array {
    this.flush();
    const out = new Uint8Array(this.chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    while (this.chunks.length > 0) {
      const c = this.chunks.shift()!;
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

/** UTF-8 bytes of a string (a lone surrogate as U+FFFD, as TextEncoder does). */
function utf8(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    let c = ch.codePointAt(0)!;
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Text for a `<t>` element: leading or trailing white space kept. */
function textElement(text: string): string {
  const escaped = escapeXml(text);
  return /^\s|\s$/.test(text) ? `<t xml:space="preserve">${escaped}</t>` : `<t>${escaped}</t>`;
}

export function sharedStringsXml(strings: SharedStrings): string {
  const items: string[] = [];
  for (const t of strings.texts()) items.push(`<si>${textElement(t)}</si>`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS_MAIN}" count="${strings.uses}" uniqueCount="${strings.size}">${items.join("")}</sst>`;
}

/** A block placed on the sheet: 1-based top-left cell, and its place in the plan (a later block wins a cell). */
interface Placed {
  row: number;
  col: number;
  block: Block;
  order: number;
}

/** The cell of the plan at (col, row), 1-based; a later block over the same cell wins. */
export function planCellAt(sheet: SheetPlan, col: number, row: number): PlanCell | undefined {
  let found: PlanCell | undefined;
  for (const block of sheet.blocks) {
    const at = parseCell(block.at);
    const cell = block.rows[row - at.row]?.[col - at.col];
    if (cell !== undefined) found = cell;
  }
  return found;
}

/** One cell's XML, or "" for an empty cell without a style of its own. */
function cellXml(ref: string, cell: PlanCell, style: CellStyle, strings: SharedStrings, formats: CellFormats): string {
  const s = formats.indexOf(style, cell.kind === "empty" ? undefined : cell.format);
  const sAttr = s === 0 ? "" : ` s="${s}"`;
  switch (cell.kind) {
    case "empty":
      return s === 0 ? "" : `<c r="${ref}"${sAttr}/>`;
    case "text":
      return `<c r="${ref}"${sAttr} t="s"><v>${strings.indexOf(cell.text)}</v></c>`;
    case "number":
      return `<c r="${ref}"${sAttr}><v>${cell.value}</v></c>`;
    case "formula":
      return `<c r="${ref}"${sAttr}><f>${escapeXml(cell.formula.slice(1))}</f></c>`;
  }
}

export interface SheetXmlParts {
  /** Relationship ids of the sheet's tables, in order. */
  tableRelIds: string[];
  /** The first sheet is the one shown when the file opens. */
  selected: boolean;
  /** Header cells a table renamed (trimmed), by "col,row". */
  headerTexts: ReadonlyMap<string, string>;
}

function sheetViewXml(sheet: SheetPlan, selected: boolean): string {
  const tab = selected ? ' tabSelected="1"' : "";
  const { rows = 0, columns = 0 } = sheet.freeze ?? {};
  if (rows <= 0 && columns <= 0) return `<sheetViews><sheetView workbookViewId="0"${tab}/></sheetViews>`;
  const pane = rows > 0 && columns > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  const split = `${columns > 0 ? ` xSplit="${columns}"` : ""}${rows > 0 ? ` ySplit="${rows}"` : ""}`;
  const topLeft = cellAddress(columns + 1, rows + 1);
  return `<sheetViews><sheetView workbookViewId="0"${tab}><pane${split} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView></sheetViews>`;
}

function columnsXml(sheet: SheetPlan): string {
  const widths = new Map(Object.entries(sheet.columnWidths ?? {}).map(([c, w]) => [columnNumber(c), w]));
  const hidden = new Set((sheet.hiddenColumns ?? []).map(columnNumber));
  const cols = [...new Set([...widths.keys(), ...hidden])].sort((a, b) => a - b);
  if (cols.length === 0) return "";
  const items = cols.map((n) => {
    const w = widths.get(n);
    return `<col min="${n}" max="${n}" width="${w ?? 9.140625}"${w !== undefined ? ' customWidth="1"' : ""}${hidden.has(n) ? ' hidden="1"' : ""}/>`;
  });
  return `<cols>${items.join("")}</cols>`;
}

/**
 * Rows 15 points high, as in Excel. A sheet laid out for print says so outright, so a
 * spreadsheet with other fonts (LibreOffice without Calibri) does not make rows lower and
 * move the page breaks the layout was planned around (page-setup.ts).
 */
function sheetFormatXml(sheet: SheetPlan): string {
  return sheet.pageSetup ? '<sheetFormatPr defaultRowHeight="15" customHeight="1"/>' : '<sheetFormatPr defaultRowHeight="15"/>';
}

/** The used range (for `<dimension>`). */
function dimension(placed: readonly Placed[]): string {
  if (placed.length === 0) return "A1";
  let top = Infinity, left = Infinity, bottom = 0, right = 0;
  for (const p of placed) {
    top = Math.min(top, p.row);
    left = Math.min(left, p.col);
    bottom = Math.max(bottom, p.row + p.block.rows.length - 1);
    right = Math.max(right, p.col + p.block.rows[0].length - 1);
  }
  return `${cellAddress(left, top)}:${cellAddress(right, bottom)}`;
}

/**
 * Write the worksheet part for `sheet` into `sink`. Rows come out in order with their
 * cells in column order, whatever the order of the blocks; blocks are visited, never
 * copied.
 */
export function writeSheetXml(sink: ByteSink, sheet: SheetPlan, parts: SheetXmlParts, strings: SharedStrings, formats: CellFormats): void {
  const placed: Placed[] = sheet.blocks
    .filter((b) => b.rows.length > 0 && b.rows[0].length > 0)
    .map((block, order) => ({ ...parseCell(block.at), block, order }))
    .sort((a, b) => a.row - b.row || a.order - b.order);
  sink.write(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`);
  // Fitting to pages is switched on here; <pageSetup> says to how many.
  if (sheet.pageSetup) sink.write('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  sink.write(`<dimension ref="${dimension(placed)}"/>${sheetViewXml(sheet, parts.selected)}${sheetFormatXml(sheet)}${columnsXml(sheet)}<sheetData>`);
  const heights = rowHeightsToSet(sheet);
  let next = 0;
  let active: Placed[] = [];
  const lastRow = placed.reduce((m, p) => Math.max(m, p.row + p.block.rows.length - 1), 0);
  for (let row = placed[0]?.row ?? 1; row <= lastRow; ) {
    while (next < placed.length && placed[next].row <= row) active.push(placed[next++]);
    active = active.filter((p) => p.row + p.block.rows.length > row);
    if (active.length === 0) {
      // Nothing on this row: go on at the next block's first row.
      row = placed[next].row;
      continue;
    }
    sink.write(rowXml(row, active, parts.headerTexts, strings, formats, heights.get(row)));
    row++;
  }
  sink.write("</sheetData>");
  sink.write('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  if (sheet.pageSetup) sink.write(pageSetupXml(sheet.pageSetup));
  if (parts.tableRelIds.length > 0) sink.write(`<tableParts count="${parts.tableRelIds.length}">${parts.tableRelIds.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts>`);
  sink.write("</worksheet>");
}

/** A4 (ECMA-376 §18.18.55's paper size 9): the paper of Norwegian offices. */
const PAPER_A4 = 9;

/**
 * <pageSetup>, <headerFooter> and <rowBreaks>, in CT_Worksheet's order after
 * <pageMargins>. The print area and title rows are defined names (xlsx-writer.ts).
 */
export function pageSetupXml(setup: PageSetupPlan): string {
  const fit = `fitToWidth="${setup.fitToWidth}" fitToHeight="${setup.fitToHeight}"`;
  let xml = `<pageSetup paperSize="${PAPER_A4}" orientation="${setup.orientation}" ${fit}/>`;
  const header = headerFooterCode(setup.header);
  const footer = headerFooterCode(setup.footer);
  if (header || footer) xml += `<headerFooter>${header ? `<oddHeader>${escapeXml(header)}</oddHeader>` : ""}${footer ? `<oddFooter>${escapeXml(footer)}</oddFooter>` : ""}</headerFooter>`;
  const breaks = [...new Set(setup.breaksBefore ?? [])].filter((r) => r > 1).sort((a, b) => a - b);
  // A break's id is the last row before it; max is the last column (XFD).
  if (breaks.length > 0) xml += `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r - 1}" max="16383" man="1"/>`).join("")}</rowBreaks>`;
  return xml;
}

function rowXml(row: number, active: readonly Placed[], headerTexts: ReadonlyMap<string, string>, strings: SharedStrings, formats: CellFormats, height?: number): string {
  const open = height === undefined ? `<row r="${row}">` : `<row r="${row}" ht="${height}" customHeight="1">`;
  let xml = "";
  const add = (col: number, cell: PlanCell, style: CellStyle) => {
    const renamed = cell.kind === "text" ? headerTexts.get(`${col},${row}`) : undefined;
    xml += cellXml(cellAddress(col, row), cell.kind === "text" && renamed !== undefined ? { ...cell, text: renamed } : cell, style, strings, formats);
  };
  if (active.length === 1) {
    const [p] = active;
    const cols = p.block.rows[row - p.row];
    for (let i = 0; i < cols.length; i++) add(p.col + i, cols[i], p.block.style ?? "normal");
    return `${open}${xml}</row>`;
  }
  // Several blocks on the row: cells by column, a later block winning a cell they share.
  const cells = new Map<number, { cell: PlanCell; style: CellStyle }>();
  for (const p of [...active].sort((a, b) => a.order - b.order)) {
    const cols = p.block.rows[row - p.row];
    for (let i = 0; i < cols.length; i++) cells.set(p.col + i, { cell: cols[i], style: p.block.style ?? "normal" });
  }
  for (const col of [...cells.keys()].sort((a, b) => a - b)) add(col, cells.get(col)!.cell, cells.get(col)!.style);
  return `${open}${xml}</row>`;
}
