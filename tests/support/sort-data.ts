/**
 * A user's sort of the data table, done on a report plan: the data rows are reordered as
 * Excel's Sort (or LibreOffice's Data ▸ Sort) reorders a table's rows. Values move with
 * their rows; a formula in a moved row keeps its relative references to its own row (N105
 * moved to row 7 reads N7) and its absolute ones ($G$105 still reads row 105); formulas on
 * other sheets keep pointing at the same cells — so after the sort they point at whatever
 * row now stands there.
 */
import { cellAddress, parseCell, type PlanCell, type ReportPlan } from "../../src/report/plan";

/** A cell reference without "$" before its row (B5, $B5), outside string literals and quoted sheet names. */
const RELATIVE_ROW = /"(?:[^"]|"")*"|'(?:[^']|'')*'|(?<![A-Za-z0-9_$])(\$?[A-Z]{1,3})(\d+)(?![\d(])/g;

/** The formula as Excel rewrites it when it moves `by` rows: relative row references shift, absolute ones stay. */
export function movedFormula(formula: string, by: number): string {
  if (by === 0) return formula;
  return formula.replace(RELATIVE_ROW, (token: string, column: string | undefined, row: string | undefined) =>
    column === undefined || row === undefined ? token : `${column}${Number(row) + by}`,
  );
}

/** The plan with the body rows of its data sheet ("data", a table from A1) reordered by `compare`. */
export function sortedDataRows(plan: ReportPlan, compare: (a: PlanCell[], b: PlanCell[]) => number): ReportPlan {
  return {
    ...plan,
    sheets: plan.sheets.map((sheet) => {
      if (sheet.key !== "data") return sheet;
      const [table, ...rest] = sheet.blocks;
      const [header, ...body] = table.rows;
      const first = parseCell(table.at).row + 1;
      const moved = body
        .map((cells, i) => ({ cells, from: first + i }))
        .sort((a, b) => compare(a.cells, b.cells))
        .map(({ cells, from }, i) => cells.map((c): PlanCell => (c.kind === "formula" ? { ...c, formula: movedFormula(c.formula, first + i - from) } : c)));
      return { ...sheet, blocks: [{ ...table, rows: [header, ...moved] }, ...rest] };
    }),
  };
}

/** Every formula cell of the plan's sheets other than the data sheet: sheet name and address. */
export function reportFormulaCells(plan: ReportPlan): { sheet: string; address: string }[] {
  return plan.sheets
    .filter((s) => s.key !== "data")
    .flatMap((s) =>
      s.blocks.flatMap((b) => {
        const at = parseCell(b.at);
        return b.rows.flatMap((row, r) => row.flatMap((c, k) => (c.kind === "formula" ? [{ sheet: s.name, address: cellAddress(at.col + k, at.row + r) }] : [])));
      }),
    );
}
