/**
 * The closed set of things a ReportPlan may ask a workbook to hold, checked before any of
 * it reaches the .xlsx writer (or Excel): a cell is text, a finite number, one of the
 * report's own formulas, or empty — nothing else. A writer that takes an object such as
 * `{ formula: … }`, `{ text, hyperlink }` or `{ richText }` for a live formula, a link or
 * rich text would make one of a value that slipped past a schema; here it is a programming
 * error naming the sheet and cell, and nothing is written.
 *
 * A formula is the report's own when it uses the report's functions only, refers to the
 * report's own sheets only (by quoted name), and holds no external reference, array or
 * unquoted sheet name. Input text can reach a formula only as a string literal (a lookup
 * key, quotes doubled), which the check skips.
 *
 * Every string written — cell text, formulas, sheet and table names, number formats,
 * names' comments, chart texts — passes `sheetText` here, in one place: characters XML 1.0
 * forbids become U+FFFD, so no part of the file is ever malformed. Formulas and the sheet
 * names they quote pass the same function, so a reference still finds its sheet.
 */
import { quoteInput, xmlSafe } from "../kostra/safe-text";
import {
  CELL_TEXT_MAX,
  cellAddress,
  parseCell,
  SHEET_NAME_FORBIDDEN,
  SHEET_NAME_MAX,
  FORMULA_TEXT_MAX,
  type Block,
  type CellStyle,
  type ChartPlan,
  type HeaderFooterPart,
  type HeaderFooterPlan,
  type NamePlan,
  type PageSetupPlan,
  type PlanCell,
  type ReportPlan,
  type SheetPlan,
  type SheetRange,
  type TablePlan,
} from "./plan";

/** A plan the product built wrongly: a bug, never the user's input. */
export class PlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PlanError";
  }
}

/** The functions the report's formulas use. Anything else (HYPERLINK, WEBSERVICE, INDIRECT, …) is not the report's. */
export const REPORT_FUNCTIONS: ReadonlySet<string> = new Set([
  "ABS", "AND", "AVERAGE", "COUNT", "COUNTIF", "IF", "IFERROR", "INDEX", "ISNUMBER", "MATCH", "MAX", "MIN", "ROW", "SUM", "SUMIF", "SUMPRODUCT",
  // The profile's sentences: numbers as text in the user's locale, percentages rounded.
  "FIXED", "ROUND",
]);

/** Excel's limits: characters in a cell, in a formula, in a number format. */
const FORMULA_MAX = 8_192;
const FORMAT_MAX = 255;

/**
 * The one text transformation of everything written: characters XML 1.0 forbids become
 * U+FFFD, and so does U+007F, which Excel and LibreOffice treat differently in cells and formulas;
 * a CR or CRLF becomes LF, as every XML reader would read it anyway. A formula's
 * literal and the cell it looks for are changed alike, so the lookup still matches.
 */
export function sheetText(text: string): string {
  // Almost every text has none of these: one scan, and it is returned as it is.
  if (!MAYBE_CHANGED.test(text)) return text;
  return xmlSafe(text).replace(/\u007F/g, "\uFFFD").replace(/\r\n?/g, "\n");
}

/** Every character sheetText may change (surrogates only when alone, which xmlSafe decides). */
const MAYBE_CHANGED = /[\u0000-\u0008\u000B-\u001F\u007F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** What a value is, for a message (never the value itself: it may be anything). */
function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (value instanceof Date) return "a date";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return "text";
  if (typeof value === "undefined") return "nothing";
  return `a ${typeof value}`;
}

/** Where a problem is ("Ark!B5"); built only when there is one, as most plans have hundreds of thousands of cells. */
type Where = string | (() => string);

const fail = (where: Where, what: string): never => {
  throw new PlanError(`${typeof where === "string" ? where : where()}: ${what}`);
};

function checkedText(value: unknown, where: Where, what: string, max = CELL_TEXT_MAX): string {
  if (typeof value !== "string") return fail(where, `${what} is ${kindOf(value)}, not text`);
  if (value.length > max) return fail(where, `${what} has ${value.length} characters; at most ${max} fit`);
  return sheetText(value);
}

// ---------------------------------------------------------------------------
// Addresses

const CELL = /^\$?[A-Z]{1,3}\$?[1-9]\d{0,6}$/;
const COLUMN = /^[A-Z]{1,3}$/;

function checkedCell(value: unknown, where: string): string {
  if (typeof value !== "string" || !CELL.test(value)) return fail(where, `${kindOf(value) === "text" ? quoteInput(String(value)) : kindOf(value)} is not a cell address`);
  return value;
}

function checkedRange(value: unknown, where: string): string {
  if (typeof value !== "string") return fail(where, `the range is ${kindOf(value)}, not text`);
  const ends = value.split(":");
  if (ends.length > 2) fail(where, `${quoteInput(value)} is not a range`);
  ends.forEach((end) => checkedCell(end, where));
  return value;
}

// ---------------------------------------------------------------------------
// Formulas

/** The end of a quoted run starting at `start` (the index after its closing quote), or -1; doubled quotes stay inside. */
function quotedEnd(formula: string, start: number, quote: string): number {
  for (let i = start + 1; i < formula.length; i++) {
    if (formula[i] !== quote) continue;
    if (formula[i + 1] === quote) i++;
    else return i + 1;
  }
  return -1;
}

/** Characters outside string literals and quoted sheet names: references, numbers, operators, functions, names. */
const FORMULA_CHARS = /[^A-Za-z0-9_$.,:()+\-*/^&=<>% "\u0001]/;
const QUOTE = /["']/g;
const FUNCTION_CALL = /([A-Za-z_][A-Za-z0-9_.]*)\(/g;

/** A formula of the report: text starting with "=", made of the report's functions, sheets and literals only. */
export function checkedFormula(value: unknown, where: Where, sheetNames: ReadonlySet<string>): string {
  if (typeof value !== "string") return fail(where, `the formula is ${kindOf(value)}, not text`);
  const formula = sheetText(value);
  if (!formula.startsWith("=")) fail(where, `a formula must start with "="`);
  if (formula.length > FORMULA_MAX) fail(where, `the formula has ${formula.length} characters; Excel takes ${FORMULA_MAX}`);
  // The formula with every string literal emptied and every quoted sheet reference replaced by \u0001.
  let rest = "";
  for (let i = 1; i < formula.length; ) {
    // The plain run up to the next quote, in one piece.
    QUOTE.lastIndex = i;
    const next = QUOTE.exec(formula)?.index ?? formula.length;
    rest += formula.slice(i, next);
    i = next;
    if (i >= formula.length) break;
    const ch = formula[i];
    const end = quotedEnd(formula, i, ch);
    if (end < 0) fail(where, ch === '"' ? "the formula has an unterminated text" : "the formula has an unterminated sheet name");
    const inside = formula.slice(i + 1, end - 1).split(ch + ch).join(ch);
    if (ch === '"') {
      if (inside.length > FORMULA_TEXT_MAX) fail(where, `a text in the formula has ${inside.length} characters; Excel takes ${FORMULA_TEXT_MAX}`);
      rest += '""';
      i = end;
    } else {
      if (formula[end] !== "!") fail(where, "a quoted name in the formula is not a sheet reference");
      if (!sheetNames.has(inside)) fail(where, `the formula refers to the sheet ${quoteInput(inside)}, which is not in the report`);
      rest += "\u0001";
      i = end + 1;
    }
  }
  const odd = FORMULA_CHARS.exec(rest);
  if (odd) fail(where, `the formula holds ${JSON.stringify(odd[0])}, which the report's formulas never do (external references, unquoted sheet names, arrays)`);
  for (const [, name] of rest.matchAll(FUNCTION_CALL)) {
    if (!REPORT_FUNCTIONS.has(name.toUpperCase())) fail(where, `the formula calls ${name.toUpperCase()}, which is not one of the report's functions`);
  }
  return formula;
}

// ---------------------------------------------------------------------------
// Cells and blocks

/** One plan cell as exactly one of the closed kinds, with its text made safe. */
export function checkedPlanCell(cell: unknown, where: Where, sheetNames: ReadonlySet<string>): PlanCell {
  if (typeof cell !== "object" || cell === null || Array.isArray(cell)) return fail(where, `${kindOf(cell)} is not a cell of the report`);
  const c = cell as Record<string, unknown>;
  let checked: PlanCell;
  switch (c.kind) {
    case "empty":
      return asChecked(c, EMPTY_CELL) ?? { kind: "empty" };
    case "text":
      checked = { kind: "text", text: checkedText(c.text, where, "the text cell's value") };
      break;
    case "number":
      if (typeof c.value !== "number") return fail(where, `the number cell holds ${kindOf(c.value)}, not a number`);
      if (!Number.isFinite(c.value)) return fail(where, `${c.value} is not a finite number`);
      checked = { kind: "number", value: c.value };
      break;
    case "formula":
      checked = { kind: "formula", formula: checkedFormula(c.formula, where, sheetNames) };
      break;
    default:
      return fail(where, `unknown cell kind ${typeof c.kind === "string" ? quoteInput(c.kind) : kindOf(c.kind)}`);
  }
  if (c.format !== undefined) checked.format = checkedText(c.format, where, "the number format", FORMAT_MAX);
  return asChecked(c, checked) ?? checked;
}

const EMPTY_CELL: PlanCell = { kind: "empty" };

/**
 * The cell itself when it is exactly its checked copy — a plain object with the same own
 * properties holding the same values — so a well-built plan is checked without being
 * copied (the whole-country report has eight million cells); undefined otherwise.
 */
function asChecked(cell: Record<string, unknown>, checked: PlanCell): PlanCell | undefined {
  if (Object.getPrototypeOf(cell) !== Object.prototype) return undefined;
  const keys = Object.keys(cell);
  const want = checked as unknown as Record<string, unknown>;
  if (keys.length !== Object.keys(want).length) return undefined;
  for (const k of keys) {
    const d = Object.getOwnPropertyDescriptor(cell, k);
    if (!d || !("value" in d) || d.value !== want[k]) return undefined;
  }
  return cell as unknown as PlanCell;
}

const STYLES: ReadonlySet<string> = new Set<CellStyle>(["title", "subtitle", "header", "note", "normal", "changed"]);

function checkedBlock(block: Block, sheetName: string, sheetNames: ReadonlySet<string>): Block {
  const at = checkedCell(block.at, `${sheetName}: a block`);
  if (block.style !== undefined && !STYLES.has(block.style)) fail(`${sheetName}!${at}`, `unknown style ${quoteInput(String(block.style))}`);
  if (!Array.isArray(block.rows)) return fail(`${sheetName}!${at}`, "the block's rows are not a list");
  const origin = parseCell(at);
  const width = Array.isArray(block.rows[0]) ? block.rows[0].length : 0;
  // Rows whose cells all pass as they are stay the same arrays: a plan is checked, not copied.
  let same = true;
  const rows = block.rows.map((row, r) => {
    if (!Array.isArray(row)) return fail(`${sheetName}!${at}`, `row ${r + 1} is not a list`);
    if (row.length !== width) fail(`${sheetName}!${at}`, `row ${r + 1} has ${row.length} cells, the first has ${width}`);
    // A copy only from the first cell that is not its checked self.
    let cells: PlanCell[] | undefined;
    for (let c = 0; c < row.length; c++) {
      const checked = checkedPlanCell(row[c], () => `${sheetName}!${cellAddress(origin.col + c, origin.row + r)}`, sheetNames);
      if (cells === undefined && checked !== row[c]) cells = row.slice(0, c);
      cells?.push(checked);
    }
    same &&= cells === undefined;
    return cells ?? row;
  });
  return { at, rows: same ? block.rows : rows, ...(block.style ? { style: block.style } : {}) };
}

// ---------------------------------------------------------------------------
// Sheets, tables, charts, names

/** Excel's rules for a sheet name, on the name as written. */
function checkedSheetName(value: unknown): string {
  if (typeof value !== "string") return fail("the plan", `a sheet name is ${kindOf(value)}, not text`);
  const name = sheetText(value);
  const quoted = quoteInput(name);
  if (name.trim() === "") fail("the plan", "a sheet name is empty");
  if (name.length > SHEET_NAME_MAX) fail("the plan", `the sheet name ${quoted} has ${name.length} characters; Excel takes ${SHEET_NAME_MAX}`);
  if (new RegExp(SHEET_NAME_FORBIDDEN.source).test(name)) fail("the plan", `the sheet name ${quoted} holds one of : \\ / ? * [ ]`);
  if (/[\u0000-\u001F]/.test(name)) fail("the plan", `the sheet name ${quoted} holds a line break or a tab`);
  if (name.startsWith("'") || name.endsWith("'")) fail("the plan", `the sheet name ${quoted} starts or ends with an apostrophe`);
  if (name.toLowerCase() === "history") fail("the plan", "the sheet name History is reserved by Excel");
  return name;
}

/** Excel names (tables and defined names): letters, digits, underscore, dot, backslash; never a cell reference. */
const NAME_PATTERN = /^[A-Za-z_\\][A-Za-z0-9_.\\]{0,254}$/;
const LOOKS_LIKE_CELL = /^([A-Za-z]{1,3}\d+|[RrCc]\d*|[Rr]\d+[Cc]\d*)$/;

function checkedName(value: unknown): string {
  if (typeof value !== "string" || !NAME_PATTERN.test(value) || LOOKS_LIKE_CELL.test(value)) {
    return fail("the plan", `Not a valid Excel name: ${typeof value === "string" ? quoteInput(value) : kindOf(value)}`);
  }
  return value;
}

function checkedSheetRange(ref: SheetRange, where: string, keys: ReadonlySet<string>): SheetRange {
  if (typeof ref?.sheet !== "string" || !keys.has(ref.sheet)) {
    return fail(where, `The plan refers to a sheet key that is not in it: ${typeof ref?.sheet === "string" ? quoteInput(ref.sheet) : kindOf(ref?.sheet)}`);
  }
  return { sheet: ref.sheet, range: checkedRange(ref.range, where) };
}

function checkedTable(table: TablePlan, sheetName: string): TablePlan {
  const where = `${sheetName}: table`;
  return { name: checkedName(table.name), range: checkedRange(table.range, where), ...(table.style !== undefined ? { style: checkedText(table.style, where, "the table style", 64) } : {}) };
}

const CHART_TYPES: ReadonlySet<string> = new Set<ChartPlan["type"]>(["columnClustered", "line"]);

function checkedChart(chart: ChartPlan, sheetName: string, keys: ReadonlySet<string>): ChartPlan {
  const where = `${sheetName}: chart`;
  if (!CHART_TYPES.has(chart.type)) fail(where, `unknown chart type ${quoteInput(String(chart.type))}`);
  if (!Array.isArray(chart.series)) fail(where, "the series are not a list");
  return {
    name: checkedText(chart.name, where, "the chart's name", 255),
    type: chart.type,
    title: checkedText(chart.title, where, "the chart's title", 1_000),
    categories: checkedSheetRange(chart.categories, where, keys),
    series: chart.series.map((s) => ({ name: checkedText(s?.name, where, "a series name", 255), values: checkedSheetRange(s?.values, where, keys) })),
    position: { from: checkedCell(chart.position?.from, where), to: checkedCell(chart.position?.to, where) },
    ...(chart.valueAxisTitle !== undefined ? { valueAxisTitle: checkedText(chart.valueAxisTitle, where, "the axis title", 1_000) } : {}),
  };
}

function checkedLayout(sheet: SheetPlan, name: string): Pick<SheetPlan, "columnWidths" | "hiddenColumns" | "freeze"> {
  const widths: Record<string, number> = {};
  for (const [col, width] of Object.entries(sheet.columnWidths ?? {})) {
    if (!COLUMN.test(col) || typeof width !== "number" || !(width >= 0 && width <= 255)) fail(name, `column width ${quoteInput(col)}: ${kindOf(width) === "a number" ? width : kindOf(width)} is not a width`);
    widths[col] = width;
  }
  const hidden = (sheet.hiddenColumns ?? []).map((col) => (COLUMN.test(col) ? col : fail(name, `${quoteInput(String(col))} is not a column`)));
  const freeze = sheet.freeze;
  if (freeze && !(Number.isInteger(freeze.rows) && Number.isInteger(freeze.columns) && freeze.rows >= 0 && freeze.columns >= 0)) fail(name, "the frozen panes are not row and column counts");
  return { columnWidths: widths, hiddenColumns: hidden, ...(freeze ? { freeze: { rows: freeze.rows, columns: freeze.columns } } : {}) };
}

const ORIENTATIONS: ReadonlySet<string> = new Set<PageSetupPlan["orientation"]>(["landscape", "portrait"]);
const FIELDS: ReadonlySet<string> = new Set(["page", "pages", "sheet"]);
/** Excel's last row. */
const MAX_ROW = 1_048_576;

const isRow = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= MAX_ROW;

function checkedHeaderFooter(hf: HeaderFooterPlan | undefined, where: string): HeaderFooterPlan {
  const section = (parts: HeaderFooterPart[] | undefined): HeaderFooterPart[] | undefined => {
    if (parts === undefined) return undefined;
    if (!Array.isArray(parts)) return fail(where, "a header or footer section is not a list");
    return parts.map((p): HeaderFooterPart => {
      if (p && "field" in p) return FIELDS.has(p.field) ? { field: p.field } : fail(where, `unknown header field ${quoteInput(String(p.field))}`);
      // Any length: the writers cut a section to what Excel takes (page-setup.ts).
      return { text: checkedText(p?.text, where, "a header or footer text") };
    });
  };
  const out: HeaderFooterPlan = {};
  for (const side of ["left", "center", "right"] as const) {
    const parts = section(hf?.[side]);
    if (parts) out[side] = parts;
  }
  return out;
}

function checkedPageSetup(setup: PageSetupPlan, name: string): PageSetupPlan {
  const where = `${name}: page setup`;
  if (!ORIENTATIONS.has(setup.orientation)) fail(where, `unknown orientation ${quoteInput(String(setup.orientation))}`);
  const fit = (n: unknown, min: number) => (Number.isInteger(n) && (n as number) >= min && (n as number) <= 32_767 ? (n as number) : fail(where, `${kindOf(n) === "a number" ? n : kindOf(n)} is not a number of pages`));
  const titles = setup.titleRows;
  if (titles && !(isRow(titles.from) && isRow(titles.to) && titles.from <= titles.to)) fail(where, "the title rows are not rows");
  const breaks = setup.breaksBefore ?? [];
  if (!Array.isArray(breaks) || !breaks.every(isRow)) fail(where, "the page breaks are not rows");
  return {
    orientation: setup.orientation,
    fitToWidth: fit(setup.fitToWidth, 1),
    fitToHeight: fit(setup.fitToHeight, 0),
    printArea: checkedRange(setup.printArea, where),
    ...(titles ? { titleRows: { from: titles.from, to: titles.to } } : {}),
    ...(breaks.length ? { breaksBefore: [...breaks] } : {}),
    header: checkedHeaderFooter(setup.header, where),
    footer: checkedHeaderFooter(setup.footer, where),
  };
}

/** Excel tables and defined names share one namespace, case-insensitive. */
function checkUniqueNames(plan: ReportPlan): void {
  const seen = new Set<string>();
  for (const name of [...plan.sheets.flatMap((s) => (s.tables ?? []).map((t) => t.name)), ...plan.names.map((n) => n.name)]) {
    if (seen.has(name.toLowerCase())) fail("the plan", `The name ${name} is used twice (tables and names share one namespace)`);
    seen.add(name.toLowerCase());
  }
}

/**
 * The plan, checked and with every string made safe: only the closed cell kinds, only
 * the report's own formulas, valid and unique names. Throws PlanError naming the sheet
 * and cell of the first thing that is not so.
 */
export function checkedPlan(plan: ReportPlan): ReportPlan {
  if (!Array.isArray(plan?.sheets) || !Array.isArray(plan?.names)) return fail("the plan", "it has no list of sheets and names");
  const keys = new Set<string>();
  const lowerNames = new Set<string>();
  const names = plan.sheets.map((sheet) => {
    if (typeof sheet.key !== "string" || keys.has(sheet.key)) fail("the plan", `sheet key ${typeof sheet.key === "string" ? quoteInput(sheet.key) : kindOf(sheet.key)} is missing or used twice`);
    keys.add(sheet.key);
    const name = checkedSheetName(sheet.name);
    if (lowerNames.has(name.toLowerCase())) fail("the plan", `the sheet name ${quoteInput(name)} is used twice`);
    lowerNames.add(name.toLowerCase());
    return name;
  });
  const sheetNames = new Set(names);
  const sheets = plan.sheets.map((sheet, i): SheetPlan => {
    const name = names[i];
    if (!Array.isArray(sheet.blocks)) fail(name, "the sheet's blocks are not a list");
    return {
      key: sheet.key,
      name,
      blocks: sheet.blocks.map((b) => checkedBlock(b, name, sheetNames)),
      ...checkedLayout(sheet, name),
      tables: (sheet.tables ?? []).map((t) => checkedTable(t, name)),
      charts: (sheet.charts ?? []).map((c) => checkedChart(c, name, keys)),
      ...(sheet.pageSetup ? { pageSetup: checkedPageSetup(sheet.pageSetup, name) } : {}),
    };
  });
  const checked: ReportPlan = {
    sheets,
    names: plan.names.map(
      (n): NamePlan => ({
        name: checkedName(n.name),
        ref: checkedSheetRange(n.ref, `name ${String(n.name)}`, keys),
        ...(n.comment !== undefined ? { comment: checkedText(n.comment, `name ${String(n.name)}`, "the comment", 255) } : {}),
      }),
    ),
  };
  checkUniqueNames(checked);
  return checked;
}
