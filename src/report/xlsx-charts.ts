/**
 * Native Excel charts for the xlsx writer. The writer builds the workbook's parts and this
 * module adds the chart parts to the zip afterwards:
 * one DrawingML chart part per ChartPlan (`xl/charts/chartN.xml`), one drawing part per
 * sheet that holds charts (`xl/drawings/drawingN.xml`, a two-cell anchor per chart), the
 * relationships between sheet, drawing and chart, the `<drawing>` element in the sheet,
 * and the content types.
 *
 * The charts read their data from cell references only (no cached values), so Excel and
 * LibreOffice draw them from the cells — a corrected data cell moves the bar.
 */
import type JSZip from "jszip";
import { hasXmlForbidden } from "../kostra/safe-text";
import { columnLetter, parseCell, quoteSheet, type ChartPlan, type SheetRange } from "./plan";

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  pkgRels: "http://schemas.openxmlformats.org/package/2006/relationships",
  relDrawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  relChart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
  ctDrawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  ctChart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Neutral, distinguishable series colours: the focal municipality first, then the comparisons. */
const SERIES_COLOURS = ["1F4E79", "A5A5A5", "C55A11", "548235", "7F6000", "5B9BD5", "7030A0", "404040"];

/**
 * Text escaped for an attribute or element; tabs and line breaks as character references,
 * which an attribute would otherwise turn into spaces. The writer has made every string
 * XML-safe (plan-check.ts) before it gets here; a forbidden character here is a bug, and
 * is refused rather than written into a part no spreadsheet could read.
 */
export function escapeXml(s: string): string {
  if (hasXmlForbidden(s)) throw new Error("Text with a character XML forbids reached a chart part: the plan was not checked");
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, "&");
}

/** "B5:B10" on sheet "Data KOSTRA" → `'Data KOSTRA'!$B$5:$B$10`. */
export function absoluteRef(sheetName: string, range: string): string {
  const ends = range.split(":").map((a) => {
    const { col, row } = parseCell(a);
    return `$${columnLetter(col)}$${row}`;
  });
  return `${quoteSheet(sheetName)}!${ends.join(":")}`;
}

// ---------------------------------------------------------------------------
// Chart part

function richText(textValue: string, opts: { size: number; bold: boolean; rotate?: boolean }): string {
  const bodyPr = opts.rotate ? '<a:bodyPr rot="-5400000" vert="horz"/>' : "<a:bodyPr/>";
  const rPr = `sz="${opts.size * 100}" b="${opts.bold ? 1 : 0}"`;
  return (
    `<c:tx><c:rich>${bodyPr}<a:lstStyle/><a:p><a:pPr><a:defRPr ${rPr}/></a:pPr>` +
    `<a:r><a:rPr lang="nb-NO" ${rPr}/><a:t>${escapeXml(textValue)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function seriesXml(chart: ChartPlan, index: number, ref: (r: SheetRange) => string): string {
  const s = chart.series[index];
  const colour = SERIES_COLOURS[index % SERIES_COLOURS.length];
  const head = `<c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>`;
  const data =
    `<c:cat><c:strRef><c:f>${escapeXml(ref(chart.categories))}</c:f></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeXml(ref(s.values))}</c:f></c:numRef></c:val>`;
  if (chart.type === "line") {
    const line = `<a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill><a:round/></a:ln>`;
    const marker =
      `<c:marker><c:symbol val="circle"/><c:size val="6"/>` +
      `<c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill><a:ln><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></a:ln></c:spPr></c:marker>`;
    return `<c:ser>${head}<c:spPr>${line}</c:spPr>${marker}${data}<c:smooth val="0"/></c:ser>`;
  }
  const fill = `<a:solidFill><a:srgbClr val="${colour}"/></a:solidFill><a:ln><a:noFill/></a:ln>`;
  return `<c:ser>${head}<c:spPr>${fill}</c:spPr><c:invertIfNegative val="0"/>${data}</c:ser>`;
}

const CAT_AX_ID = 500000001;
const VAL_AX_ID = 500000002;

/** The DrawingML chart part (`c:chartSpace`) for one ChartPlan. */
export function chartXml(chart: ChartPlan, sheetNameOf: (key: string) => string): string {
  const ref = (r: SheetRange): string => absoluteRef(sheetNameOf(r.sheet), r.range);
  const series = chart.series.map((_, i) => seriesXml(chart, i, ref)).join("");
  const axIds = `<c:axId val="${CAT_AX_ID}"/><c:axId val="${VAL_AX_ID}"/>`;
  const plot =
    chart.type === "line"
      ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axIds}</c:lineChart>`
      : `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
        `<c:gapWidth val="150"/><c:overlap val="-10"/>${axIds}</c:barChart>`;
  const gridLine = '<c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr>';
  const axisLine = '<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr>';
  const catAx =
    `<c:catAx><c:axId val="${CAT_AX_ID}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="low"/>${axisLine}<c:crossAx val="${VAL_AX_ID}"/>` +
    `<c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valTitle = chart.valueAxisTitle
    ? `<c:title>${richText(chart.valueAxisTitle, { size: 10, bold: false, rotate: true })}<c:overlay val="0"/></c:title>`
    : "";
  const valAx =
    `<c:valAx><c:axId val="${VAL_AX_ID}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="l"/><c:majorGridlines>${gridLine}</c:majorGridlines>${valTitle}` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/>${axisLine}<c:crossAx val="${CAT_AX_ID}"/><c:crosses val="autoZero"/>` +
    `<c:crossBetween val="between"/></c:valAx>`;
  return (
    XML_DECL +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `<c:lang val="nb-NO"/><c:roundedCorners val="0"/>` +
    `<c:chart><c:title>${richText(chart.title, { size: 14, bold: true })}<c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}${catAx}${valAx}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr>` +
    `</c:chartSpace>`
  );
}

// ---------------------------------------------------------------------------
// Drawing part

export interface AnchoredChart {
  chart: ChartPlan;
  /** Relationship id of the chart part in the drawing's relationships. */
  relId: string;
}

function marker(tag: "from" | "to", col: number, row: number): string {
  return `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
}

/** The drawing part of one sheet: a two-cell anchor per chart, from the top-left of `from` to the bottom-right of `to`. */
export function drawingXml(charts: AnchoredChart[]): string {
  const anchors = charts.map(({ chart, relId }, i) => {
    const from = parseCell(chart.position.from);
    const to = parseCell(chart.position.to);
    if (to.col < from.col || to.row < from.row) {
      throw new Error(`Chart ${chart.name}: position ${chart.position.from}:${chart.position.to} is not top-left to bottom-right`);
    }
    // Anchor markers are 0-based; covering `to` entirely means ending at the start of the next column and row.
    return (
      `<xdr:twoCellAnchor>${marker("from", from.col - 1, from.row - 1)}${marker("to", to.col, to.row)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(chart.name)}" descr="${escapeXml(chart.title)}"/>` +
      `<xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${relId}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return XML_DECL + `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${anchors.join("")}</xdr:wsDr>`;
}

// ---------------------------------------------------------------------------
// Package plumbing

export function relationshipsXml(rels: { id: string; type: string; target: string }[]): string {
  const items = rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`).join("");
  return XML_DECL + `<Relationships xmlns="${NS.pkgRels}">${items}</Relationships>`;
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]) : undefined;
}

async function readText(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`The workbook has no part ${path}`);
  return file.async("string");
}

/** Sheet name → path of its worksheet part (e.g. "xl/worksheets/sheet2.xml"), read from the workbook part and its relationships. */
export async function worksheetPaths(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await readText(zip, "xl/workbook.xml");
  const rels = await readText(zip, "xl/_rels/workbook.xml.rels");
  const targets = new Map<string, string>();
  for (const tag of rels.match(/<Relationship\s[^>]*>/g) ?? []) {
    const id = attr(tag, "Id");
    const target = attr(tag, "Target");
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const paths = new Map<string, string>();
  for (const tag of workbook.match(/<sheet\s[^>]*>/g) ?? []) {
    const name = attr(tag, "name");
    const target = targets.get(attr(tag, "r:id") ?? "");
    if (name !== undefined && target) paths.set(name, target);
  }
  return paths;
}

function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf("/");
  return `${partPath.slice(0, slash)}/_rels/${partPath.slice(slash + 1)}.rels`;
}

function nextFree(zip: JSZip, pattern: (n: number) => string, start: number): number {
  let n = start;
  while (zip.file(pattern(n))) n++;
  return n;
}

/** Worksheet children that must come after `<drawing>` (CT_Worksheet sequence). */
const AFTER_DRAWING = ["legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

export function insertDrawingElement(sheetXml: string, relId: string): string {
  if (/<drawing[\s>/]/.test(sheetXml)) throw new Error("The sheet already has a drawing part");
  const element = `<drawing r:id="${relId}"/>`;
  let at = -1;
  for (const tag of AFTER_DRAWING) {
    const m = new RegExp(`<${tag}[\\s>/]`).exec(sheetXml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = sheetXml.lastIndexOf("</worksheet>");
  if (at < 0) throw new Error("Not a worksheet part");
  return sheetXml.slice(0, at) + element + sheetXml.slice(at);
}

async function addRelationship(zip: JSZip, relsPath: string, type: string, target: string): Promise<string> {
  const existing = zip.file(relsPath);
  const xml = existing ? await existing.async("string") : relationshipsXml([]);
  const used = new Set((xml.match(/\sId="([^"]*)"/g) ?? []).map((m) => m.slice(5, -1)));
  let n = 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const item = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
  const updated = xml.includes("</Relationships>")
    ? xml.replace("</Relationships>", () => `${item}</Relationships>`)
    : xml.replace(/<Relationships([^>]*)\/>/, (_, attrs: string) => `<Relationships${attrs}>${item}</Relationships>`);
  zip.file(relsPath, updated);
  return id;
}

export interface SheetCharts {
  /** The sheet's name in the workbook. */
  sheetName: string;
  charts: ChartPlan[];
}

/** Add every chart to the zip the workbook was written to. `sheetNameOf` maps a plan sheet key to its name. */
export async function addCharts(zip: JSZip, sheets: SheetCharts[], sheetNameOf: (key: string) => string): Promise<void> {
  const withCharts = sheets.filter((s) => s.charts.length > 0);
  if (withCharts.length === 0) return;
  const paths = await worksheetPaths(zip);
  const overrides: string[] = [];
  let chartNo = 1;
  let drawingNo = 1;
  for (const { sheetName, charts } of withCharts) {
    const sheetPath = paths.get(sheetName);
    if (!sheetPath) throw new Error(`The workbook has no sheet named ${sheetName}`);
    drawingNo = nextFree(zip, (n) => `xl/drawings/drawing${n}.xml`, drawingNo);
    const drawingPath = `xl/drawings/drawing${drawingNo}.xml`;
    const anchored: AnchoredChart[] = [];
    for (const chart of charts) {
      chartNo = nextFree(zip, (n) => `xl/charts/chart${n}.xml`, chartNo);
      const chartPath = `xl/charts/chart${chartNo}.xml`;
      zip.file(chartPath, chartXml(chart, sheetNameOf));
      overrides.push(`<Override PartName="/${chartPath}" ContentType="${NS.ctChart}"/>`);
      const relId = await addRelationship(zip, relsPathOf(drawingPath), NS.relChart, `../charts/chart${chartNo}.xml`);
      anchored.push({ chart, relId });
    }
    zip.file(drawingPath, drawingXml(anchored));
    overrides.push(`<Override PartName="/${drawingPath}" ContentType="${NS.ctDrawing}"/>`);
    const sheetRel = await addRelationship(zip, relsPathOf(sheetPath), NS.relDrawing, `../drawings/drawing${drawingNo}.xml`);
    zip.file(sheetPath, insertDrawingElement(await readText(zip, sheetPath), sheetRel));
  }
  const types = await readText(zip, "[Content_Types].xml");
  zip.file("[Content_Types].xml", types.replace("</Types>", () => `${overrides.join("")}</Types>`));
}
