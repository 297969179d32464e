/**
 * The gateway's own check of a report plan, before anything is sent to Excel. A plan is
 * made by the product's builders; anything outside its closed shapes — a cell that is
 * not text, a finite number, a formula or empty; an object where text belongs; NaN or
 * Infinity; a chart or name pointing at a sheet the plan doesn't have — is a bug in the
 * code that made it, and is thrown as a PlanError rather than written.
 */
import type { Block, ChartPlan, PlanCell, ReportPlan, SheetRange } from "../report/plan";

/** A plan outside the report's closed shapes: a programming error, never shown as the user's fault. */
export class PlanError extends Error {
  constructor(message: string) {
    super(`Report plan: ${message}`);
    this.name = "PlanError";
  }
}

const isText = (x: unknown): x is string => typeof x === "string";
const A1_RANGE = /^\$?[A-Z]{1,3}\$?\d{1,7}(?::\$?[A-Z]{1,3}\$?\d{1,7})?$/;
const A1_CELL = /^[A-Z]{1,3}[1-9]\d{0,6}$/;

function checkCellAddress(a1: unknown, what: string): void {
  if (!isText(a1) || !A1_CELL.test(a1)) throw new PlanError(`${what} is not a cell address`);
}

/** What is wrong with a cell, or null when it is one of the closed kinds. */
function cellProblem(cell: unknown): string | null {
  const c = cell as Partial<Record<string, unknown>> | null;
  if (c === null || typeof c !== "object") return "is not a cell";
  if (c.format !== undefined && !isText(c.format)) return "has a number format that is not text";
  switch (c.kind) {
    case "text":
      return isText(c.text) ? null : "is a text cell without text";
    case "number":
      return typeof c.value === "number" && Number.isFinite(c.value) ? null : "is a number cell without a finite number";
    case "formula":
      return isText(c.formula) && c.formula.length > 1 && c.formula.startsWith("=") ? null : "is a formula cell without a formula";
    case "empty":
      return null;
    default:
      return "is of no known kind";
  }
}

function checkBlock(block: Block, sheet: string): void {
  checkCellAddress(block.at, `a block on ${sheet}`);
  if (!Array.isArray(block.rows)) throw new PlanError(`block ${sheet}!${block.at} has no rows`);
  const width = Array.isArray(block.rows[0]) ? block.rows[0].length : 0;
  block.rows.forEach((row: PlanCell[], r) => {
    if (!Array.isArray(row) || row.length !== width) throw new PlanError(`block ${sheet}!${block.at} has rows of different lengths`);
    for (let c = 0; c < row.length; c++) {
      const problem = cellProblem(row[c]);
      if (problem) throw new PlanError(`cell ${c + 1} of row ${r + 1} in block ${sheet}!${block.at} ${problem}`);
    }
  });
}

function checkRange(ref: SheetRange, keys: Set<string>, what: string): void {
  if (!ref || !keys.has(ref.sheet) || !isText(ref.range) || !A1_RANGE.test(ref.range)) throw new PlanError(`${what} does not point at a range of a sheet in the plan`);
}

function checkChart(chart: ChartPlan, keys: Set<string>, sheet: string): void {
  const what = `chart ${String(chart?.name)} on ${sheet}`;
  if (!isText(chart.name) || !isText(chart.title) || (chart.valueAxisTitle !== undefined && !isText(chart.valueAxisTitle))) throw new PlanError(`${what} has a name or title that is not text`);
  if (chart.type !== "line" && chart.type !== "columnClustered") throw new PlanError(`${what} is of no known type`);
  if (!Array.isArray(chart.series) || chart.series.length === 0) throw new PlanError(`${what} has no series`);
  checkRange(chart.categories, keys, `the categories of ${what}`);
  for (const s of chart.series) {
    if (!isText(s.name)) throw new PlanError(`a series of ${what} has a name that is not text`);
    checkRange(s.values, keys, `a series of ${what}`);
  }
  checkCellAddress(chart.position?.from, `the position of ${what}`);
  checkCellAddress(chart.position?.to, `the position of ${what}`);
}

/** Throw a PlanError unless the plan holds only the report's closed shapes. */
export function checkPlan(plan: ReportPlan): void {
  if (!plan || !Array.isArray(plan.sheets) || !Array.isArray(plan.names)) throw new PlanError("no sheets or names");
  const keys = new Set<string>();
  for (const s of plan.sheets) {
    if (!isText(s.key) || !isText(s.name) || keys.has(s.key)) throw new PlanError("a sheet without a unique key or a name");
    keys.add(s.key);
  }
  for (const s of plan.sheets) {
    for (const b of s.blocks) checkBlock(b, s.key);
    for (const t of s.tables ?? []) {
      if (!isText(t.name) || !isText(t.range) || !A1_RANGE.test(t.range) || (t.style !== undefined && !isText(t.style))) throw new PlanError(`a table on ${s.key} has no name or range`);
    }
    for (const c of s.charts ?? []) checkChart(c, keys, s.key);
    for (const [col, width] of Object.entries(s.columnWidths ?? {})) {
      if (!/^[A-Z]{1,3}$/.test(col) || typeof width !== "number" || !Number.isFinite(width) || width < 0) throw new PlanError(`column width ${col} on ${s.key}`);
    }
    for (const col of s.hiddenColumns ?? []) if (!/^[A-Z]{1,3}$/.test(col)) throw new PlanError(`hidden column ${String(col)} on ${s.key}`);
    const { rows = 0, columns = 0 } = s.freeze ?? {};
    if (![rows, columns].every((n) => Number.isInteger(n) && n >= 0)) throw new PlanError(`frozen panes on ${s.key}`);
  }
  for (const n of plan.names) {
    if (!isText(n.name) || (n.comment !== undefined && !isText(n.comment))) throw new PlanError("a defined name that is not text");
    checkRange(n.ref, keys, `name ${n.name}`);
  }
}
