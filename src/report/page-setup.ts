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
 * the sheet's last printed row, or further down where no page ends inside it. Where a page
 * ends is estimated from the column widths and row heights in points, as Excel measures
 * them (Calibri 11: 7 pixels a character plus 5 of padding, rows of 15 points, which the
 * xlsx writer states outright so LibreOffice keeps them), with a margin either way.
 */
import { xmlSafe } from "../kostra/safe-text";
import type { Lang } from "../kostra/types";
import { cellAddress, columnLetter, columnNumber, parseCell, truncate, type Block, type ChartPlan, type HeaderFooterPart, type HeaderFooterPlan, type PageSetupPlan, type SheetPlan } from "./plan";

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
/**
 * The same column where the spreadsheet has no Calibri and measures the character with a
 * wider font (LibreOffice falls back on DejaVu Sans, whose digit is 7 points wide): the
 * print area is wider, the fitted scale smaller and more rows go on a page.
 */
export const columnPointsWideFont = (chars: number): number => chars * 7 + 4;
/** Excel's default column width in characters, for a column the plan gives no width. */
const DEFAULT_COLUMN_CHARACTERS = 8.43;
const ROW_POINTS = 15;
/** The title style's 14-point font. */
const TITLE_ROW_POINTS = 18.75;
/**
 * Pages from a little shorter than Excel computes them to a little taller: with every
 * row's height stated, LibreOffice lays out the rows Excel does (32 of 15 points), and
 * the rest is rounding.
 */
const PAGE_RANGE = [0.97, 1.03] as const;

const blockBottom = (b: Block): number => parseCell(b.at).row + b.rows.length - 1;
const blockRight = (b: Block): number => parseCell(b.at).col + (b.rows[0]?.length ?? 1) - 1;
const chartBox = (c: ChartPlan) => {
  const from = parseCell(c.position.from);
  const to = parseCell(c.position.to);
  return { top: from.row, left: from.col, bottom: to.row, right: to.col };
};

function widthOf(sheet: SheetPlan, col: number, points: (chars: number) => number): number {
  const hidden = sheet.hiddenColumns?.some((c) => columnNumber(c) === col);
  return hidden ? 0 : points(widthInCharacters(sheet, col));
}

/** The scale fitting columns 1…lastColumn to one page wide (never above 100 %), with Excel's widths or those of a wider font. */
export function fitToWidthScale(sheet: SheetPlan, lastColumn: number, points: (chars: number) => number = columnPoints): number {
  let width = 0;
  for (let c = 1; c <= lastColumn; c++) width += widthOf(sheet, c, points);
  return width > 0 ? Math.min(1, PRINTABLE_WIDTH / width) : 1;
}

/**
 * The lines a text wraps to in a column `width` characters wide, word by word as a
 * spreadsheet wraps it (a word longer than the line is broken). Counted for a bold font
 * a little wider than Calibri, so a heading is never given too few lines.
 */
export function wrappedLines(text: string, width: number): number {
  const capacity = Math.max(1, Math.floor(width));
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let line = 0;
    lines++;
    for (const word of paragraph.split(/ +/).filter(Boolean)) {
      const need = line === 0 ? word.length : line + 1 + word.length;
      if (need <= capacity) line = need;
      else {
        // The word starts a new line (and takes as many as it needs).
        if (line > 0) lines++;
        lines += Math.ceil(word.length / capacity) - 1;
        line = word.length % capacity || capacity;
      }
    }
  }
  return Math.max(1, lines);
}

const widthInCharacters = (sheet: SheetPlan, col: number): number => {
  const entry = Object.entries(sheet.columnWidths ?? {}).find(([c]) => columnNumber(c) === col);
  return entry?.[1] ?? DEFAULT_COLUMN_CHARACTERS;
};

/**
 * The rows both writers give a height of their own (points): a title (its larger font)
 * and every header row whose headings wrap to more than one line. Every other row is 15
 * points, stated outright in the file, so the page breaks fall where this module expects
 * in any spreadsheet (LibreOffice, reading a file, did not grow a row for wrapped text and
 * cut the top line of three-line headings).
 */
export function rowHeightsToSet(sheet: SheetPlan): Map<number, number> {
  const heights = new Map<number, number>();
  for (const b of sheet.blocks) {
    if (b.style !== "header" && b.style !== "title") continue;
    const at = parseCell(b.at);
    b.rows.forEach((cells, i) => {
      const lines = b.style === "title" ? 1 : cells.reduce((most, cell, k) => (cell.kind === "text" ? Math.max(most, wrappedLines(cell.text, widthInCharacters(sheet, at.col + k))) : most), 1);
      const height = b.style === "title" ? TITLE_ROW_POINTS : lines * ROW_POINTS;
      const row = at.row + i;
      if (height > ROW_POINTS) heights.set(row, Math.max(heights.get(row) ?? 0, height));
    });
  }
  return heights;
}

/** Characters of a label the widest column holds: longer ones are cut in print. */
const LABEL_COLUMN_MAX = 100;

/**
 * The width (characters) of a column of labels that shows the longest whole: a
 * character of text is narrower than Excel's unit (the width of "0"), about 1.15 of them
 * to the unit in Calibri, and two units of margin; never narrower than `min`.
 */
export function labelColumnWidth(labels: readonly string[], min: number): number {
  const longest = labels.reduce((n, l) => Math.max(n, l.length), 0);
  return Math.min(LABEL_COLUMN_MAX, Math.max(min, Math.ceil(longest / 1.15) + 2));
}

/** Column widths made wide enough to show each heading of a header row starting in column A (headings in a table's header row do not wrap). */
export function widthsForHeadings(widths: Record<string, number>, headings: readonly string[]): Record<string, number> {
  const out = { ...widths };
  headings.forEach((h, i) => {
    const col = columnLetter(i + 1);
    out[col] = Math.max(out[col] ?? DEFAULT_COLUMN_CHARACTERS, labelColumnWidth([h], 0));
  });
  return out;
}

/** The height of each row in points, as the writers make it. */
function rowHeights(sheet: SheetPlan): (row: number) => number {
  const heights = rowHeightsToSet(sheet);
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
 * The first row of every page after the first, down to row `until`, for pages
 * `pageHeight` points high (unscaled): rows fill a page while they fit, and every page
 * after the first begins with the title rows.
 */
function pageStarts(height: (row: number) => number, pageHeight: number, titles: number, until: number): number[] {
  const starts: number[] = [];
  let used = 0;
  for (let r = 1; r <= until; r++) {
    const h = height(r);
    if (used + h > pageHeight && used > titles) {
      starts.push(r);
      used = titles;
    }
    used += h;
  }
  return starts;
}

/**
 * Where a chart `rows` high goes when it may go at row `from` or below, so that it prints
 * on one page: the first row from `from` on where no page break falls inside it or on its
 * edges — on
 * Excel's page (rows of 15 points, this module's widths) or any from a little shorter to
 * the one a wider font's columns give (a smaller scale: more rows on the page). A manual break would not
 * do: a spreadsheet fitting the print to one page wide may ignore it (LibreOffice does).
 */
export function chartTopOnOnePage(sheet: SheetPlan, o: { from: number; rows: number; lastColumn: number; titleRows?: { from: number; to: number } }): { top: number } {
  // A page's height in the sheet's own points: Excel's, and the taller one of a wider font's smaller scale.
  const shortest = (PRINTABLE_HEIGHT / fitToWidthScale(sheet, o.lastColumn)) * PAGE_RANGE[0];
  const tallest = (PRINTABLE_HEIGHT / fitToWidthScale(sheet, o.lastColumn, columnPointsWideFont)) * PAGE_RANGE[1];
  const height = rowHeights(sheet);
  let titles = 0;
  for (let r = o.titleRows?.from ?? 1; o.titleRows && r <= o.titleRows.to; r++) titles += height(r);
  const until = o.from + 3 * o.rows + 200;
  // Where the k-th page may begin: between its start on the shortest page and on the tallest.
  const earliest = pageStarts(height, shortest, titles, until);
  const latest = pageStarts(height, tallest, titles, until);
  const ranges = earliest.map((first, k) => [first, latest[k] ?? until] as const);
  // Not even on its edges: LibreOffice prints a chart whose edge lies on a page break on both pages.
  const inside = (top: number) => ranges.some(([first, last]) => last >= top && first <= top + o.rows);
  for (let top = o.from; top < until - o.rows; top++) if (!inside(top)) return { top };
  // Taller than a page: it will be split wherever it goes.
  return { top: o.from };
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
