/**
 * XlsxWriter: writes a ReportPlan to an .xlsx file in memory — the same plan the workbook
 * gateway applies through Office.js, so an exported file and a workbook filled by the
 * add-in look and calculate alike.
 *
 * The writer makes the file's parts itself (SpreadsheetML, ECMA-376): the workbook,
 * styles, shared strings, one worksheet part per sheet written row by row from the plan
 * (xlsx-sheet-xml.ts), tables, column widths and frozen panes; charts and defined names
 * are added to the zip afterwards (see xlsx-charts.ts for the charts). Nothing keeps an
 * object per cell besides the plan itself, so memory grows with the plan: the
 * whole-country report (13 templates × 10 years × 357 municipalities, eight million
 * cells) is written within a 2 GB heap, where a spreadsheet library's workbook model
 * needed more than 5 GB.
 * With `settings`, the file carries the template settings part the add-in writes in Excel
 * (xlsx-settings-part.ts), so it opens in the pane as a template workbook with "Oppdater".
 * Formulas are written without cached results and the workbook asks for a full
 * recalculation on load, so Excel and LibreOffice compute every number themselves.
 *
 * Only a checked plan is written (plan-check.ts): every cell is one of the closed kinds,
 * every formula is the report's own, and every string has been made XML-safe in that one
 * place. A text cell is always written as a shared string — "=SUM(A1)" from a source
 * stays text; a formula is written without its "=".
 *
 * No Node-only APIs: the module can be loaded on demand in the browser (jszip has a
 * browser build).
 */
import JSZip from "jszip";
import { addCharts, escapeXml, absoluteRef, relationshipsXml } from "./xlsx-charts";
import { cellAddress, parseCell, quoteSheet, type NamePlan, type ReportPlan, type SheetPlan, type TablePlan } from "./plan";
import { checkedPlan, sheetText } from "./plan-check";
import { ByteSink, CellFormats, planCellAt, SharedStrings, sharedStringsXml, writeSheetXml } from "./xlsx-sheet-xml";
import { CUSTOM_XML_REL, settingsPackageParts, type SettingsForFile } from "./xlsx-settings-part";

export interface XlsxWriteOptions {
  /** Shown as the file's author. */
  creator?: string;
  /** The file's creation time (default: now). */
  created?: Date;
  /** The choices the report was made with: written as the template settings part, owning every sheet of the plan. */
  settings?: SettingsForFile;
}

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL = (type: string) => `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}`;
const CT = (type: string) => `application/vnd.openxmlformats-officedocument.${type}`;

/** Write the plan to an .xlsx file and return its bytes. */
export async function writeXlsx(unchecked: ReportPlan, options: XlsxWriteOptions = {}): Promise<Uint8Array> {
  const plan = checkedPlan(unchecked);
  const sheetNames = new Map(plan.sheets.map((s) => [s.key, s.name]));
  // checkedPlan has made sure every key a chart or name refers to is in the plan.
  const sheetNameOf = (key: string): string => sheetNames.get(key)!;

  const zip = new JSZip();
  const strings = new SharedStrings();
  const formats = new CellFormats();
  const overrides: [string, string][] = [];
  let tableNo = 0;
  plan.sheets.forEach((sheet, i) => {
    const path = `xl/worksheets/sheet${i + 1}.xml`;
    const tables = (sheet.tables ?? []).map((t) => tablePart(sheet, t, ++tableNo));
    const headerTexts = new Map(tables.flatMap((t) => [...t.headerTexts]));
    const sink = new ByteSink();
    writeSheetXml(sink, sheet, { tableRelIds: tables.map((_, k) => `rId${k + 1}`), selected: i === 0, headerTexts }, strings, formats);
    zip.file(path, sink.bytes());
    overrides.push([`/${path}`, CT("spreadsheetml.worksheet+xml")]);
    if (tables.length === 0) return;
    zip.file(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, relationshipsXml(tables.map((t, k) => ({ id: `rId${k + 1}`, type: REL("table"), target: `../tables/table${t.no}.xml` }))));
    for (const t of tables) {
      zip.file(`xl/tables/table${t.no}.xml`, t.xml);
      overrides.push([`/xl/tables/table${t.no}.xml`, CT("spreadsheetml.table+xml")]);
    }
  });
  zip.file("xl/sharedStrings.xml", sharedStringsXml(strings));
  zip.file("xl/styles.xml", stylesXml(formats));
  zip.file("xl/workbook.xml", workbookXml(plan.sheets));
  const sheetRels = plan.sheets.map((_, i) => ({ id: `rId${i + 1}`, type: REL("worksheet"), target: `worksheets/sheet${i + 1}.xml` }));
  const n = plan.sheets.length;
  const workbookRels = [...sheetRels, { id: `rId${n + 1}`, type: REL("styles"), target: "styles.xml" }, { id: `rId${n + 2}`, type: REL("sharedStrings"), target: "sharedStrings.xml" }];
  if (options.settings) {
    const part = settingsPackageParts(options.settings, plan.sheets.map((s) => ({ key: s.key, name: s.name })));
    for (const f of part.files) {
      zip.file(f.path, f.content);
      if (f.contentType) overrides.push([`/${f.path}`, f.contentType]);
    }
    workbookRels.push({ id: `rId${n + 3}`, type: CUSTOM_XML_REL, target: part.workbookTarget });
  }
  zip.file("xl/_rels/workbook.xml.rels", relationshipsXml(workbookRels));
  const creator = escapeXml(sheetText(options.creator ?? "KOSTRA Benchmark"));
  zip.file("docProps/core.xml", coreXml(creator, options.created ?? new Date()));
  zip.file("docProps/app.xml", `${XML_DECL}<Properties xmlns="${NS_REL.replace("relationships", "extended-properties")}"><Application>KOSTRA Benchmark</Application></Properties>`);
  zip.file(
    "_rels/.rels",
    relationshipsXml([
      { id: "rId1", type: REL("officeDocument"), target: "xl/workbook.xml" },
      { id: "rId2", type: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", target: "docProps/core.xml" },
      { id: "rId3", type: REL("extended-properties"), target: "docProps/app.xml" },
    ]),
  );
  overrides.push(
    ["/xl/workbook.xml", CT("spreadsheetml.sheet.main+xml")],
    ["/xl/styles.xml", CT("spreadsheetml.styles+xml")],
    ["/xl/sharedStrings.xml", CT("spreadsheetml.sharedStrings+xml")],
    ["/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"],
    ["/docProps/app.xml", CT("extended-properties+xml")],
  );
  zip.file("[Content_Types].xml", contentTypesXml(overrides));

  await addCharts(zip, plan.sheets.map((s) => ({ sheetName: s.name, charts: s.charts ?? [] })), sheetNameOf);
  await addDefinedNames(zip, plan.names, sheetNameOf, plan.sheets.flatMap(printNamesXml));
  // Level 3: within a tenth of level 6's size in a third of its time (the data sheet is most of the file).
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 3 } });
}

// ---------------------------------------------------------------------------
// Package parts

function contentTypesXml(overrides: [string, string][]): string {
  const defaults = '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>';
  const items = overrides.map(([part, type]) => `<Override PartName="${escapeXml(part)}" ContentType="${type}"/>`).join("");
  return `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${defaults}${items}</Types>`;
}

function workbookXml(sheets: readonly SheetPlan[]): string {
  const items = sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("");
  return `${XML_DECL}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>${items}</sheets><calcPr calcId="171027" fullCalcOnLoad="1"/></workbook>`;
}

function coreXml(creator: string, created: Date): string {
  const when = created.toISOString().replace(/\.\d{3}Z$/, "Z");
  const ns =
    'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
  return `${XML_DECL}<cp:coreProperties ${ns}><dc:creator>${creator}</dc:creator><cp:lastModifiedBy>${creator}</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`;
}

// Neutral greys only: the report is printed and read by people with all kinds of colour vision.
const FONTS = [
  '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>',
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>',
  '<font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font>',
  '<font><i/><sz val="11"/><color rgb="FF595959"/><name val="Calibri"/><family val="2"/></font>',
];
const FILLS = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>', '<fill><patternFill patternType="solid"><fgColor rgb="FFF2F2F2"/><bgColor indexed="64"/></patternFill></fill>', '<fill><patternFill patternType="solid"><fgColor rgb="FFBFBFBF"/><bgColor indexed="64"/></patternFill></fill>'];
const BORDERS = ["<border><left/><right/><top/><bottom/><diagonal/></border>", '<border><left/><right/><top/><bottom style="thin"><color rgb="FF808080"/></bottom><diagonal/></border>'];
/** Font, fill and border of each block style. */
const STYLE_PARTS = { normal: [0, 0, 0], title: [2, 0, 0], subtitle: [1, 0, 0], header: [1, 2, 1], note: [3, 0, 0], changed: [1, 3, 0] } as const;

function stylesXml(formats: CellFormats): string {
  const custom = formats.custom();
  const numFmts = custom.length ? `<numFmts count="${custom.length}">${custom.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`).join("")}</numFmts>` : "";
  const xfs = formats.entries.map(({ style, numFmtId }) => {
    const [font, fill, border] = STYLE_PARTS[style];
    const attributes = `numFmtId="${numFmtId}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"${numFmtId ? ' applyNumberFormat="1"' : ""}${font ? ' applyFont="1"' : ""}${fill ? ' applyFill="1"' : ""}${border ? ' applyBorder="1"' : ""}`;
    // A header wraps within its column (as the gateway sets it), so no heading is cut off beside the next one.
    return style === "header" ? `<xf ${attributes} applyAlignment="1"><alignment vertical="bottom" wrapText="1"/></xf>` : `<xf ${attributes}/>`;
  });
  const list = (tag: string, items: readonly string[]) => `<${tag} count="${items.length}">${items.join("")}</${tag}>`;
  return (
    `${XML_DECL}<styleSheet xmlns="${NS_MAIN}">${numFmts}${list("fonts", FONTS)}${list("fills", FILLS)}${list("borders", BORDERS)}` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>${list("cellXfs", xfs)}` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0"/></styleSheet>'
  );
}

// ---------------------------------------------------------------------------
// Tables

/**
 * A table part. Excel takes a table's column names from its header cells: they must be
 * unique, non-empty text; a header cell with white space around its text is written
 * trimmed (`headerTexts`) so cell and column name agree. A header-only table gets one
 * empty row, as Excel does when a table is made from a header row.
 */
function tablePart(sheet: SheetPlan, table: TablePlan, no: number): { no: number; xml: string; headerTexts: Map<string, string> } {
  const [first, last = first] = table.range.split(":");
  const tl = parseCell(first);
  const br = parseCell(last);
  const columns: string[] = [];
  const seen = new Set<string>();
  const headerTexts = new Map<string, string>();
  for (let col = tl.col; col <= br.col; col++) {
    const cell = planCellAt(sheet, col, tl.row);
    const name = cell?.kind === "text" ? cell.text.trim() : "";
    if (!name) throw new Error(`Table ${table.name} on ${sheet.name}: header cell ${cellAddress(col, tl.row)} must be text`);
    // A column name is an attribute, where a tab or line break would become a space.
    if (/[\t\n\r]/.test(name)) throw new Error(`Table ${table.name} on ${sheet.name}: header cell ${cellAddress(col, tl.row)} holds a line break or a tab`);
    if (seen.has(name.toLowerCase())) throw new Error(`Table ${table.name} on ${sheet.name}: column name "${name}" occurs twice`);
    seen.add(name.toLowerCase());
    if (cell?.kind === "text" && name !== cell.text) headerTexts.set(`${col},${tl.row}`, name);
    columns.push(name);
  }
  const ref = `${first}:${cellAddress(br.col, Math.max(br.row, tl.row + 1))}`;
  const name = escapeXml(table.name);
  const items = columns.map((c, i) => `<tableColumn id="${i + 1}" name="${escapeXml(c)}"/>`).join("");
  const xml =
    `${XML_DECL}<table xmlns="${NS_MAIN}" id="${no}" name="${name}" displayName="${name}" ref="${ref}" headerRowCount="1" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${columns.length}">${items}</tableColumns>` +
    `<tableStyleInfo name="${tableTheme(table.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
  return { no, xml, headerTexts };
}

function tableTheme(style: string | undefined): string {
  return style && /^TableStyle(Light|Medium|Dark)\d{1,2}$/.test(style) ? style : "TableStyleLight1";
}

// ---------------------------------------------------------------------------
// Defined names

function definedNameXml(name: NamePlan, sheetNameOf: (key: string) => string): string {
  const comment = name.comment ? ` comment="${escapeXml(name.comment)}"` : "";
  return `<definedName name="${escapeXml(name.name)}"${comment}>${escapeXml(absoluteRef(sheetNameOf(name.ref.sheet), name.ref.range))}</definedName>`;
}

/**
 * A sheet's print area and title rows: Excel's built-in names, local to the sheet
 * (`localSheetId` is the sheet's place in the workbook, from 0).
 */
function printNamesXml(sheet: SheetPlan, index: number): string[] {
  const setup = sheet.pageSetup;
  if (!setup) return [];
  const sheetRef = quoteSheet(sheet.name);
  const names = [`<definedName name="_xlnm.Print_Area" localSheetId="${index}">${escapeXml(absoluteRef(sheet.name, setup.printArea))}</definedName>`];
  const titles = setup.titleRows;
  if (titles) names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeXml(`${sheetRef}!$${titles.from}:$${titles.to}`)}</definedName>`);
  return names;
}

/** Names go in `<definedNames>`, which CT_Workbook places after `<sheets>` and before `<calcPr>`. */
async function addDefinedNames(zip: JSZip, names: NamePlan[], sheetNameOf: (key: string) => string, sheetNames: readonly string[] = []): Promise<void> {
  if (names.length === 0 && sheetNames.length === 0) return;
  const file = zip.file("xl/workbook.xml");
  if (!file) throw new Error("The workbook has no part xl/workbook.xml");
  const xml = await file.async("string");
  const items = [...sheetNames, ...names.map((n) => definedNameXml(n, sheetNameOf))].join("");
  // Replacer functions, never replacement strings: "$&" or "$'" in a name or comment would be expanded.
  let updated: string;
  if (xml.includes("</definedNames>")) updated = xml.replace("</definedNames>", () => `${items}</definedNames>`);
  else if (xml.includes("</sheets>")) updated = xml.replace("</sheets>", () => `</sheets><definedNames>${items}</definedNames>`);
  else throw new Error("The workbook part has no <sheets>");
  zip.file("xl/workbook.xml", updated);
}
