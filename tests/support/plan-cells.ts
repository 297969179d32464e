/** Reading a report plan's cells by A1 address in tests. */
import { parseCell, type PlanCell, type SheetPlan } from "../../src/report/plan";

/** The cell at an address across a sheet's blocks. */
export function cellAt(sheet: SheetPlan, a1: string): PlanCell | undefined {
  const { col, row } = parseCell(a1);
  for (const b of sheet.blocks) {
    const at = parseCell(b.at);
    const r = b.rows[row - at.row];
    if (r && col >= at.col && col - at.col < r.length) return r[col - at.col];
  }
  return undefined;
}
