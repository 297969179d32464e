/**
 * Where the picture's parts go for a given width: the title and each indicator's name
 * wrapped above its band, the bands on one scale, the axis, and the legend flowing in
 * lines. Pure arithmetic, so the chart at 320 px and the copied image come from the same
 * numbers, and a test can check that nothing leaves the drawing.
 *
 * Text is measured by an estimate (an average character width for the pane's font), not
 * by the browser: the layout must be the same in the pane, in the copied image and in tests.
 */
import { place, type PictureScale, type ProfilePicture } from "./picture";

export const FONT_SIZE = 12;
export const TITLE_SIZE = 13;
const LINE = 16;
const TITLE_LINE = 18;
const BAND = 14;
const ROW_GAP = 8;
const AXIS = 20;
const SIDE = 8;
const LEGEND_SYMBOL = 16;
const LEGEND_GAP = 14;
/** Average advance of a character in the pane's font, as a share of the font size (Segoe UI ≈ 0.5; a little more so estimates err wide). */
const CHAR_WIDTH = 0.56;

export const textWidth = (text: string, size = FONT_SIZE): number => text.length * size * CHAR_WIDTH;

/** `text` in lines no wider than `width`, broken at spaces but not at no-break spaces ("=\u00a0100"); a word longer than a line is cut. */
export function wrapText(text: string, width: number, size = FONT_SIZE): string[] {
  const perLine = Math.max(1, Math.floor(width / (size * CHAR_WIDTH)));
  const lines: string[] = [];
  let line = "";
  for (let word of text.split(/[ \t\n]+/).filter(Boolean)) {
    while (word.length > perLine) {
      if (line) lines.push(line);
      lines.push(word.slice(0, perLine));
      word = word.slice(perLine);
      line = "";
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= perLine) line += " " + word;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export interface RowBox {
  /** Baselines of the name's lines. */
  lines: { text: string; y: number }[];
  /** Top of the band the range and marks are drawn on. */
  bandY: number;
}

/** What a legend entry shows: a mark's symbol, the lowest–highest band, or the average's line. */
export type Glyph = number | "range" | "average";

export interface LegendEntry {
  glyph: Glyph;
  text: string;
}

export interface LegendItem extends LegendEntry {
  /** The entry's text in lines (a long name wraps). */
  lines: string[];
  x: number;
  y: number;
}

export interface ChartLayout {
  width: number;
  height: number;
  /** The scale runs from plotLeft to plotRight. */
  plotLeft: number;
  plotRight: number;
  title: { text: string; y: number }[];
  rows: RowBox[];
  /** Top and bottom of the area the grid lines span. */
  gridTop: number;
  gridBottom: number;
  /** Baseline of the tick labels. */
  axisY: number;
  legend: LegendItem[];
  band: number;
}

/** x of `value` on the scale. */
export function xOf(layout: Pick<ChartLayout, "plotLeft" | "plotRight">, scale: PictureScale, value: number): number {
  return layout.plotLeft + place(scale, value).at * (layout.plotRight - layout.plotLeft);
}

/** Lay out `picture` at `width` px, with its title and the legend's entries. */
export function chartLayout(picture: ProfilePicture, width: number, title: string, legendEntries: readonly LegendEntry[]): ChartLayout {
  const w = Math.max(200, Math.floor(width));
  const plotLeft = SIDE + 6;
  const plotRight = w - SIDE - 10;
  const textRoom = w - 2 * SIDE;
  let y = 0;
  const titleLines = wrapText(title, textRoom, TITLE_SIZE).map((text) => ({ text, y: (y += TITLE_LINE) }));
  y += 6;
  const gridTop = y;
  const rows = picture.rows.map((r): RowBox => {
    const lines = wrapText(r.label, textRoom).map((text) => ({ text, y: (y += LINE) }));
    y += 6;
    const bandY = y;
    y += BAND + ROW_GAP;
    return { lines, bandY };
  });
  const gridBottom = y - ROW_GAP + 4;
  const axisY = gridBottom + AXIS - 6;
  y = gridBottom + AXIS + 8;

  // The legend flows left to right and wraps like words; a name too long for a line wraps on its own lines.
  const legend: LegendItem[] = [];
  const textRoomBeside = w - 2 * SIDE - LEGEND_SYMBOL;
  let x = SIDE;
  let lineY = y + LINE - 4;
  let lastY = lineY;
  for (const entry of legendEntries) {
    const lines = wrapText(entry.text, textRoomBeside);
    const room = LEGEND_SYMBOL + Math.max(...lines.map((l) => textWidth(l)));
    if (x > SIDE && (lines.length > 1 || x + room > w - SIDE)) {
      x = SIDE;
      lineY = lastY + LINE + 2;
    }
    legend.push({ ...entry, lines, x, y: lineY });
    lastY = lineY + (lines.length - 1) * LINE;
    x = lines.length > 1 ? w : x + room + LEGEND_GAP;
  }
  const height = (legend.length ? lastY : y) + 8;
  return { width: w, height, plotLeft, plotRight, title: titleLines, rows, gridTop, gridBottom, axisY, legend, band: BAND };
}
