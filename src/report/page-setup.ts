/**
 * How the report prints: every sheet in landscape on A4, fitted to one page wide, the
 * table's header repeated on every page, a header naming the municipality, the subject
 * and the year(s), and a footer with the source, the sheet and "side 2 av 5". The helper
 * columns the formulas use (the network's basis, the weights) lie right of the print area
 * and never print. Both writers apply the same `PageSetupPlan`: the xlsx writer as
 * SpreadsheetML (<pageSetup>, <headerFooter>, _xlnm.Print_Area / Print_Titles), the
 * workbook gateway through Office.js's `worksheet.pageLayout` (ExcelApi 1.9).
 *
 * Header and footer text comes from input (municipality and sector names, a source), and
 * in Excel's header language "&" starts a code ("&P" page, "&14" font size, "&\"Arial\""
 * font): every "&" of a text is written "&&", so a name prints as it is and never becomes
 * a code; control characters become spaces; and a section is at most 80 characters, so a
 * header or footer with its three sections stays under Excel's 255.
 *
 * A chart must not be split across pages. A profile (table, chart, definitions) is fitted
 * to one page, so it cannot be. A time series may run to more pages: its chart goes under
 * the sheet's last printed row, and where it would not fit on that page it starts the
 * next one (a manual page break, and the rows up to where the page would end anyway, for
 * a spreadsheet that ignores manual breaks when fitting to the width). Where the page
 * ends is estimated from the column widths and row heights in points, as Excel measures
 * them (Calibri 11: 7 pixels a character plus 5 of padding, rows of 15 points).
 */
import { xmlSafe } from "../kostra/safe-text";
import type { Lang } from "../kostra/types";
import { cellAddress, columnNumber, parseCell, truncate, type Block, type ChartPlan, type HeaderFooterPart, type HeaderFooterPlan, type PageSetupPlan, type SheetPlan } from "./plan";

/** Excel takes at most 255 characters in a header or in a footer, sections and codes together. */
export const HEADER_FOOTER_MAX = 255;
/** Characters of one section: three with their "&L", "&C", "&R" stay under HEADER_FOOTER_MAX. */
export const SECTION_MAX = 80;

const FIELD_CODES: Record<Extract<HeaderFooterPart, { field: string }>["field"], string> = { page: "&P", pages: "&N", sheet: "&A" };

/** A text as it prints on one line: XML-safe, control characters and line breaks as one space. */
function lineText(text: string): string {
  return xmlSafe(text)
    .replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g, " ")
    .replace(/ {2,}/g, " ");
}

/** A text in Excel's header language: every "&" doubled, so it is never read as a code. */
const escapeCode = (text: string): string => text.replace(/&/g, "&&");

/** The code of as much of `text` as fits in `room` characters: never half of "&&" or of a surrogate pair. */
function codeWithin(text: string, room: number): string {
  let out = "";
  for (const ch of text) {
    const code = escapeCode(ch);
    if (out.length + code.length > room) break;
    out += code;
  }
  return out;
}

/**
 * One header or footer section in Excel's code: texts escaped, fields as codes, at most
 * `max` characters (a text that does not fit is cut and ends with "…"; a field is never
 * cut). A text right after a page field never starts with "+" or "-": "&P+1" is Excel's
 * arithmetic on the page number.
 */
export function sectionCode(parts: readonly HeaderFooterPart[], max = SECTION_MAX): string {
  const fieldRoom = (from: number) => parts.slice(from).reduce((n, p) => n + ("field" in p ? FIELD_CODES[p.field].length : 0), 0);
  let out = "";
  let cut = false;
  parts.forEach((part, i) => {
    if ("field" in part) {
      if (out.length + FIELD_CODES[part.field].length <= max) out += FIELD_CODES[part.field];
      return;
    }
    if (cut) return;
    let text = lineText(part.text);
    const previous = parts[i - 1];
    if (previous && "field" in previous && /^[+-]/.test(text)) text = ` ${text}`;
    const room = max - out.length - fieldRoom(i + 1);
    const code = escapeCode(text);
    if (code.length <= room) {
      out += code;
      return;
    }
    cut = true;
    if (room >= 2) out += `${codeWithin(text, room - 1).trimEnd()}…`;
  });
  return out;
}

/** A whole header or footer in Excel's code: "&L…&C…&R…", empty sections left out. */
export function headerFooterCode(hf: HeaderFooterPlan): string {
  const left = sectionCode(hf.left ?? []);
  const center = sectionCode(hf.center ?? []);
  const right = sectionCode(hf.right ?? []);
  return `${left ? `&L${left}` : ""}${center ? `&C${center}` : ""}${right ? `&R${right}` : ""}`;
}

// ---------------------------------------------------------------------------
// The page

/** A4 in landscape, in points, with the margins both writers use (inches: 0.7 left and right, 0.75 top and bottom). */
export const PAGE = { width: 841.89, height: 595.28, marginLeftRight: 0.7 * 72, marginTopBottom: 0.75 * 72 } as const;
const PRINTABLE_WIDTH = PAGE.width - 2 * PAGE.marginLeftRight;
const PRINTABLE_HEIGHT = PAGE.height - 2 * PAGE.marginTopBottom;

/** Excel's width of a column of `chars` characters in points (Calibri 11: 7 pixels a character, 5 of padding, ¾ point a pixel). */
export const columnPoints = (chars: number): number => Math.trunc(chars * 7 + 5) * 0.75;
/** Excel's default column width in characters, for a column the plan gives no width. */
const DEFAULT_COLUMN_CHARACTERS = 8.43;
const ROW_POINTS = 15;
/** The title style's 14-point font. */
const TITLE_ROW_POINTS = 18.75;
/** A page is taken as this much shorter than computed: fonts measure a little differently in each spreadsheet. */
const PAGE_SLACK = 0.98;

const blockBottom = (b: Block): number => parseCell(b.at).row + b.rows.length - 1;
const blockRight = (b: Block): number => parseCell(b.at).col + (b.rows[0]?.length ?? 1) - 1;
const chartBox = (c: ChartPlan) => {
  const from = parseCell(c.position.from);
  const to = parseCell(c.position.to);
  return { top: from.row, left: from.col, bottom: to.row, right: to.col };
};

function widthOf(sheet: SheetPlan, col: number): number {
  const hidden = sheet.hiddenColumns?.some((c) => columnNumber(c) === col);
  if (hidden) return 0;
  const entry = Object.entries(sheet.columnWidths ?? {}).find(([c]) => columnNumber(c) === col);
  return columnPoints(entry?.[1] ?? DEFAULT_COLUMN_CHARACTERS);
}

/** The scale fitting columns 1…lastColumn to one page wide (never above 100 %). */
export function fitToWidthScale(sheet: SheetPlan, lastColumn: number): number {
  let width = 0;
  for (let c = 1; c <= lastColumn; c++) width += widthOf(sheet, c);
  return width > 0 ? Math.min(1, PRINTABLE_WIDTH / width) : 1;
}

/** Estimated height of each row in points: a title's larger font, a header row as many lines as its longest text wraps to. */
function rowHeights(sheet: SheetPlan): (row: number) => number {
  const heights = new Map<number, number>();
  for (const b of sheet.blocks) {
    if (b.style !== "title" && b.style !== "header") continue;
    const at = parseCell(b.at);
    b.rows.forEach((cells, i) => {
      let lines = 1;
      if (b.style === "header")
        cells.forEach((cell, k) => {
          if (cell.kind !== "text") return;
          const chars = Math.max(1, widthOf(sheet, at.col + k) / 0.75 / 7 - 1);
          lines = Math.max(lines, Math.ceil(cell.text.length / chars));
        });
      const h = b.style === "title" ? TITLE_ROW_POINTS : lines * ROW_POINTS;
      heights.set(at.row + i, Math.max(heights.get(at.row + i) ?? ROW_POINTS, h));
    });
  }
  return (row) => heights.get(row) ?? ROW_POINTS;
}

/**
 * The last printed row and column: every block starting within the first `lastColumn`
 * columns, and every chart.
 */
export function printedExtent(sheet: SheetPlan, lastColumn?: number): { bottom: number; right: number } {
  let bottom = 1;
  let right = 1;
  for (const b of sheet.blocks) {
    if (b.rows.length === 0) continue;
    const left = parseCell(b.at).col;
    if (lastColumn !== undefined && left > lastColumn) continue;
    bottom = Math.max(bottom, blockBottom(b));
    right = Math.max(right, lastColumn === undefined ? blockRight(b) : Math.min(lastColumn, blockRight(b)));
  }
  for (const c of sheet.charts ?? []) {
    const box = chartBox(c);
    bottom = Math.max(bottom, box.bottom);
    right = Math.max(right, lastColumn === undefined ? box.right : Math.min(lastColumn, box.right));
  }
  return { bottom, right };
}

/**
 * Where a chart `rows` high goes when it may go at row `from` or below, so that it prints
 * on one page: at `from` when it fits on the page `from` is estimated to fall on, else at
 * the row where that page ends, with a page break before it.
 */
export function chartTopOnOnePage(sheet: SheetPlan, o: { from: number; rows: number; lastColumn: number; titleRows?: { from: number; to: number } }): { top: number; breakBefore?: number } {
  const scale = fitToWidthScale(sheet, o.lastColumn);
  const page = (PRINTABLE_HEIGHT / scale) * PAGE_SLACK;
  const height = rowHeights(sheet);
  let titles = 0;
  for (let r = o.titleRows?.from ?? 1; o.titleRows && r <= o.titleRows.to; r++) titles += height(r);
  let used = 0;
  for (let r = 1; r < o.from; r++) {
    const h = height(r);
    if (used + h > page) used = titles;
    used += h;
  }
  let chart = 0;
  for (let r = o.from; r < o.from + o.rows; r++) chart += height(r);
  if (used + chart <= page) return { top: o.from };
  // The rows still on this page, then the chart on the next.
  let top = o.from;
  while (used + height(top) <= page) used += height(top++);
  return { top, breakBefore: top };
}

// ---------------------------------------------------------------------------
// The page setup of a sheet

/** What a printed page of a sheet says in its header and footer. */
export interface PrintHeading {
  lang: Lang;
  /** "Bærum (0219)". */
  municipality: string;
  /** What the sheet shows: the sector, or the data. */
  subject: string;
  /** "2017", "2015–2018". */
  period: string;
  /** Where the figures come from, in one line. */
  source: string;
}

const WORDS: Record<Lang, { source: string; page: string; of: string }> = {
  nb: { source: "Kilde", page: "side", of: "av" },
  en: { source: "Source", page: "page", of: "of" },
};

export interface PrintLayout {
  /** The last column that prints (the helper columns right of it do not); all the sheet's blocks when absent. */
  lastColumn?: number;
  /** Rows repeated at the top of every page: the table's header. */
  titleRows?: { from: number; to: number };
  /** One page tall as well (a profile); else the height is free. */
  onePage?: boolean;
  breaksBefore?: number[];
}

/** Characters of the source in the footer: a long list of tables would run into the page number. */
const FOOTER_SOURCE_MAX = 60;

const clipped = (text: string, max: number): string => (text.length <= max ? text : `${truncate(text, max - 1).trimEnd()}…`);

/** The page setup of a sheet: landscape, one page wide, the print area from the sheet's printed blocks and charts. */
export function printSetup(sheet: SheetPlan, heading: PrintHeading, layout: PrintLayout = {}): PageSetupPlan {
  const words = WORDS[heading.lang];
  const { bottom, right } = printedExtent(sheet, layout.lastColumn);
  return {
    orientation: "landscape",
    fitToWidth: 1,
    fitToHeight: layout.onePage ? 1 : 0,
    printArea: `A1:${cellAddress(layout.lastColumn ?? right, bottom)}`,
    ...(layout.titleRows ? { titleRows: layout.titleRows } : {}),
    ...(layout.breaksBefore?.length ? { breaksBefore: layout.breaksBefore } : {}),
    header: { left: [{ text: heading.municipality }], center: [{ text: heading.subject }], right: [{ text: heading.period }] },
    footer: {
      left: [{ text: clipped(`${words.source}: ${heading.source}`, FOOTER_SOURCE_MAX) }],
      right: [{ field: "sheet" }, { text: ` – ${words.page} ` }, { field: "page" }, { text: ` ${words.of} ` }, { field: "pages" }],
    },
  };
}

/** "2017" or "2015–2018". */
export const yearSpan = (years: readonly number[]): string => {
  const sorted = [...years].sort((a, b) => a - b);
  return sorted.length === 0 ? "" : sorted.length === 1 ? String(sorted[0]) : `${sorted[0]}–${sorted[sorted.length - 1]}`;
};
