/**
 * Proof that a written .xlsx holds exactly what its ReportPlan planned, and nothing that
 * reaches outside the workbook:
 * - every XML part is well-formed (checked by `xmllint --noout`, the same parser family
 *   spreadsheets use, which rejects characters XML 1.0 forbids);
 * - the formulas in the cells, the defined names and the chart references are exactly
 *   the ones the plan planned, at the planned places — none missing, none added;
 * - no hyperlinks, no external relationships, no external links, connections, macros or
 *   embedded objects, and no formulas anywhere else (validation, conditional formats,
 *   table columns).
 *
 * The comparison undoes the writer's documented transformations and no others: a planned
 * formula is written without its leading "=", and text the writer writes (formulas and
 * sheet names included) has every character XML 1.0 forbids, and U+007F, replaced by
 * U+FFFD, and its line ends (CR, CRLF) as LF.
 *
 * Needs xmllint (Debian: libxml2-utils; scripts/install-system-packages.sh installs it).
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import type { ReportPlan } from "../../src/report/plan";
import { ooxmlParser } from "./ooxml-parser";

/** What a workbook (or a plan) holds that can compute or reach out. */
export interface WorkbookFormulas {
  /** `Sheet!A1` → the formula as written in `<f>` (no leading "="). */
  cells: Map<string, string>;
  /** Defined name → its formula. */
  names: Map<string, string>;
  /** Every chart's cell references (`<c:f>`), sorted. */
  charts: string[];
}

export interface WorkbookCheck {
  /** One line per problem; empty when the workbook is exactly what was planned. */
  problems: string[];
  /** What the workbook holds, for tests that look closer. */
  written: WorkbookFormulas;
}

// ---------------------------------------------------------------------------
// What the plan planned

/** The writer's one text transformation: XML-forbidden characters and U+007F become U+FFFD, line ends LF. */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const written = (s: string): string => s.replace(FORBIDDEN, "\uFFFD").replace(/\r\n?/g, "\n");

const letters = (n: number): string => (n > 0 ? letters(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)) : "");
function a1(col: number, row: number): string {
  return `${letters(col)}${row}`;
}
function cellParts(ref: string): { col: number; row: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m) throw new Error(`not a cell: ${ref}`);
  return { col: [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0), row: Number(m[2]) };
}
function absolute(sheetName: string, range: string): string {
  const ends = range.split(":").map((r) => {
    const { col, row } = cellParts(r);
    return `$${letters(col)}$${row}`;
  });
  return `'${written(sheetName).replace(/'/g, "''")}'!${ends.join(":")}`;
}

/** The formulas, names and chart references the plan asks for, as the writer writes them. */
export function plannedFormulas(plan: ReportPlan): WorkbookFormulas {
  const sheetName = new Map(plan.sheets.map((s) => [s.key, s.name]));
  const nameOf = (key: string): string => {
    const name = sheetName.get(key);
    if (name === undefined) throw new Error(`the plan refers to sheet key ${key}, which it does not have`);
    return name;
  };
  const cells = new Map<string, string>();
  const charts: string[] = [];
  for (const sheet of plan.sheets) {
    for (const block of sheet.blocks) {
      const origin = cellParts(block.at);
      block.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (cell.kind === "formula") cells.set(`${written(sheet.name)}!${a1(origin.col + c, origin.row + r)}`, written(cell.formula).replace(/^=/, ""));
        }),
      );
    }
    for (const chart of sheet.charts ?? [])
      for (const s of chart.series) charts.push(absolute(nameOf(chart.categories.sheet), chart.categories.range), absolute(nameOf(s.values.sheet), s.values.range));
  }
  const names = new Map(plan.names.map((n) => [n.name, absolute(nameOf(n.ref.sheet), n.ref.range)]));
  // A sheet's print area and title rows: Excel's built-in names, local to the sheet (its place, from 0).
  plan.sheets.forEach((sheet, i) => {
    const setup = sheet.pageSetup;
    if (!setup) return;
    names.set(`_xlnm.Print_Area@${i}`, absolute(sheet.name, setup.printArea));
    if (setup.titleRows) names.set(`_xlnm.Print_Titles@${i}`, `'${written(sheet.name).replace(/'/g, "''")}'!$${setup.titleRows.from}:$${setup.titleRows.to}`);
  });
  return { cells, names, charts: charts.sort() };
}

// ---------------------------------------------------------------------------
// What the workbook holds

const parser = ooxmlParser(["sheet", "Relationship", "row", "c", "definedName"]);

type Node = Record<string, unknown>;
const textOf = (node: unknown): string => (node === undefined || node === null ? "" : typeof node === "object" ? textOf((node as Node)["#text"]) : String(node));
const list = (node: unknown): Node[] => (Array.isArray(node) ? (node as Node[]) : node === undefined ? [] : [node as Node]);

/** Parts an .xlsx of the report may have; anything else (external links, connections, macros, embeddings…) is a problem. */
const EXPECTED_PARTS = [
  /^\[Content_Types\]\.xml$/,
  /^_rels\/\.rels$/,
  /^docProps\/(core|app|custom)\.xml$/,
  /^xl\/workbook\.xml$/,
  /^xl\/_rels\/workbook\.xml\.rels$/,
  /^xl\/(styles|sharedStrings|calcChain)\.xml$/,
  /^xl\/theme\/theme\d+\.xml$/,
  /^xl\/worksheets\/sheet\d+\.xml$/,
  /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/,
  /^xl\/tables\/table\d+\.xml$/,
  /^xl\/drawings\/drawing\d+\.xml$/,
  /^xl\/drawings\/_rels\/drawing\d+\.xml\.rels$/,
  /^xl\/charts\/chart\d+\.xml$/,
  // The template settings: data the add-in reads, never computed or followed.
  /^customXml\/item(Props)?\d+\.xml$/,
  /^customXml\/_rels\/item\d+\.xml\.rels$/,
];

/** Relationship types the report uses; a hyperlink, external link, OLE object or anything else is a problem. */
const EXPECTED_RELATIONSHIPS = new Set(
  [
    "officeDocument/2006/relationships/officeDocument",
    "package/2006/relationships/metadata/core-properties",
    "officeDocument/2006/relationships/extended-properties",
    "officeDocument/2006/relationships/custom-properties",
    "officeDocument/2006/relationships/worksheet",
    "officeDocument/2006/relationships/theme",
    "officeDocument/2006/relationships/styles",
    "officeDocument/2006/relationships/sharedStrings",
    "officeDocument/2006/relationships/calcChain",
    "officeDocument/2006/relationships/table",
    "officeDocument/2006/relationships/drawing",
    "officeDocument/2006/relationships/chart",
    "officeDocument/2006/relationships/customXml",
    "officeDocument/2006/relationships/customXmlProps",
  ].map((t) => `http://schemas.openxmlformats.org/${t}`),
);

/** Elements that hold a formula or a link outside cells: none of them is ever planned. */
const UNPLANNED_ELEMENTS = /<((?:\w+:)?(?:formula\d?|calculatedColumnFormula|totalsRowFormula|hyperlinks?|hlinkClick|hlinkHover|externalReference|oleObject|control|webPublishItem|dataValidation|conditionalFormatting))[\s/>]/g;

async function readParts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const file of Object.values(zip.files)) if (!file.dir) parts.set(file.name, await file.async("string"));
  return parts;
}

const resolveTarget = (target: string): string => (target.startsWith("/") ? target.slice(1) : path.posix.normalize(`xl/${target}`));

/** Formulas, names and chart references in the workbook, plus the problems found while reading it. */
function readFormulas(parts: Map<string, string>, problems: string[]): WorkbookFormulas {
  const cells = new Map<string, string>();
  const charts: string[] = [];
  const workbook = parser.parse(parts.get("xl/workbook.xml") ?? "<workbook/>") as Node;
  const rels = parser.parse(parts.get("xl/_rels/workbook.xml.rels") ?? "<Relationships/>") as Node;
  const targets = new Map(list((rels.Relationships as Node | undefined)?.Relationship).map((r) => [String(r["@Id"]), resolveTarget(String(r["@Target"]))]));
  const wb = (workbook.workbook ?? {}) as Node;
  for (const entry of list((wb.sheets as Node | undefined)?.sheet)) {
    const name = String(entry["@name"]);
    const partName = targets.get(String(entry["@r:id"])) ?? "";
    const xml = parts.get(partName);
    if (xml === undefined) {
      problems.push(`sheet ${name}: its part ${partName} is missing`);
      continue;
    }
    const sheet = parser.parse(xml) as Node;
    const rows = list(((sheet.worksheet as Node | undefined)?.sheetData as Node | undefined)?.row);
    for (const row of rows)
      for (const c of list(row.c)) {
        if (c.f === undefined) continue;
        const where = `${name}!${String(c["@r"])}`;
        const kind = typeof c.f === "object" ? (c.f as Node)["@t"] : undefined;
        const text = textOf(c.f);
        // A shared formula's dependent cells carry no text: compared as written, it is not the planned formula.
        if (kind !== undefined && kind !== "normal") problems.push(`${where}: a ${String(kind)} formula (${text || "no text"}); the writer writes plain formulas only`);
        cells.set(where, text);
      }
  }
  const names = new Map(
    list((wb.definedNames as Node | undefined)?.definedName).map((n) => [n["@localSheetId"] === undefined ? String(n["@name"]) : `${String(n["@name"])}@${String(n["@localSheetId"])}`, textOf(n)]),
  );
  for (const [name, xml] of parts)
    if (/^xl\/charts\/chart\d+\.xml$/.test(name)) for (const m of xml.matchAll(/<c:f>([^<]*)<\/c:f>/g)) charts.push(textOf(parser.parse(`<f>${m[1]}</f>`).f));
  return { cells, names, charts: charts.sort() };
}

/** External relationships, unexpected relationship types and parts, and elements that link or compute outside cells. */
function linkProblems(parts: Map<string, string>): string[] {
  const problems: string[] = [];
  for (const [name, xml] of parts) {
    if (!EXPECTED_PARTS.some((p) => p.test(name))) problems.push(`unexpected part ${name}`);
    if (name.endsWith(".rels")) {
      const rels = parser.parse(xml) as Node;
      for (const r of list((rels.Relationships as Node | undefined)?.Relationship)) {
        if (r["@TargetMode"] !== undefined && r["@TargetMode"] !== "Internal") problems.push(`${name}: external relationship to ${String(r["@Target"])}`);
        if (!EXPECTED_RELATIONSHIPS.has(String(r["@Type"]))) problems.push(`${name}: relationship of type ${String(r["@Type"])} to ${String(r["@Target"])}`);
      }
    } else {
      for (const m of xml.matchAll(UNPLANNED_ELEMENTS)) problems.push(`${name}: unplanned <${m[1]}>`);
    }
  }
  return problems;
}

function compare(what: string, planned: Map<string, string>, found: Map<string, string>): string[] {
  const problems: string[] = [];
  for (const [where, f] of planned) {
    const got = found.get(where);
    if (got === undefined) problems.push(`${what} ${where}: planned ${JSON.stringify(f)}, not written`);
    else if (got !== f) problems.push(`${what} ${where}: planned ${JSON.stringify(f)}, written ${JSON.stringify(got)}`);
  }
  for (const [where, f] of found) if (!planned.has(where)) problems.push(`${what} ${where}: written ${JSON.stringify(f)}, not planned`);
  return problems;
}

function compareLists(what: string, planned: string[], found: string[]): string[] {
  const left = new Map<string, number>();
  for (const f of planned) left.set(f, (left.get(f) ?? 0) + 1);
  const problems: string[] = [];
  for (const f of found) {
    const n = left.get(f) ?? 0;
    if (n === 0) problems.push(`${what}: written ${JSON.stringify(f)}, not planned`);
    else left.set(f, n - 1);
  }
  for (const [f, n] of left) if (n > 0) problems.push(`${what}: planned ${JSON.stringify(f)}${n > 1 ? ` (${n} times)` : ""}, not written`);
  return problems;
}

// ---------------------------------------------------------------------------
// Well-formedness

function runXmllint(files: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile("xmllint", ["--noout", "--nonet", ...files], { maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === "ENOENT") {
        return reject(new Error("xmllint was not found: install libxml2-utils (scripts/install-system-packages.sh)"));
      }
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stderr });
    });
  });
}

/** Every XML part checked by xmllint in one run; one problem per part it rejects, with its first complaint. */
export async function malformedParts(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kostra-xlsx-check-"));
  try {
    const files: { part: string; file: string }[] = [];
    let n = 0;
    for (const file of Object.values(zip.files)) {
      if (file.dir || !/\.(xml|rels|vml)$/i.test(file.name)) continue;
      // Flat, plain file names: part names may hold brackets and slashes.
      const onDisk = path.join(dir, `part${n++}.xml`);
      fs.writeFileSync(onDisk, await file.async("uint8array"));
      files.push({ part: file.name, file: onDisk });
    }
    if (files.length === 0) return ["the file holds no XML parts"];
    const { code, stderr } = await runXmllint(files.map((f) => f.file));
    const problems: string[] = [];
    for (const { part, file } of files) {
      const first = stderr.split("\n").find((line) => line.startsWith(`${file}:`));
      if (first) problems.push(`${part} is not well-formed XML: ${first.slice(file.length + 1).trim()}`);
    }
    if (code !== 0 && problems.length === 0) problems.push(`xmllint failed (exit ${code}): ${stderr.trim().split("\n")[0] ?? ""}`);
    return problems;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------
// The check

/**
 * Check a written workbook against the plan it was written from: well-formed parts,
 * the sheets in plan order, exactly the planned formulas, names and chart references,
 * and nothing that links outside the workbook.
 */
export async function checkWorkbook(bytes: Uint8Array, plan: ReportPlan): Promise<WorkbookCheck> {
  const problems = await malformedParts(bytes);
  const parts = await readParts(bytes);
  const found = readFormulas(parts, problems);
  const planned = plannedFormulas(plan);

  const workbook = parser.parse(parts.get("xl/workbook.xml") ?? "<workbook/>") as Node;
  const sheetNames = list(((workbook.workbook as Node | undefined)?.sheets as Node | undefined)?.sheet).map((s) => String(s["@name"]));
  const wanted = plan.sheets.map((s) => written(s.name));
  if (JSON.stringify(sheetNames) !== JSON.stringify(wanted)) problems.push(`sheets ${JSON.stringify(sheetNames)}, planned ${JSON.stringify(wanted)}`);

  problems.push(
    ...compare("cell", planned.cells, found.cells),
    ...compare("name", planned.names, found.names),
    ...compareLists("chart reference", planned.charts, found.charts),
    ...linkProblems(parts),
  );
  return { problems, written: found };
}
