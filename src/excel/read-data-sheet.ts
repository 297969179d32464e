/**
 * The previous report's data sheet, read before "Oppdater" rewrites it, so the new report
 * can keep its figures and their vintages beside the new ones (report/data-sheet-read.ts
 * turns the cells into figures; this module only reads them). Reading changes nothing.
 *
 * The sheet is the one the template settings claim by id AND name, as the write knows the
 * report's sheets (apply-plan.ts): a claimed sheet the user has renamed is theirs, and not
 * read. Only the columns the figures are read from (found by their headings), in slices of
 * ROWS_PER_REQUEST rows, so no answer comes near Excel on the web's 5 MB limit however large
 * the report: 6 columns × 20 000 rows of keys, numbers and dates is some 2–3 MB.
 */
import { badInput } from "../kostra/errors";
import { MAX_OBSERVATIONS } from "../kostra/limits";
import { dataSheetColumns, type SheetValue } from "../report/data-sheet-read";
import type { OwnedSheet } from "../report/template-settings";
import { excelRun, isClaimedAndUsed, loadClaimedSheet, type Run } from "./claimed-sheet";

/** Rows read in one request. */
export const ROWS_PER_REQUEST = 20_000;

export interface DataSheetCells {
  name: string;
  /** The header row and the data rows, with only the columns the figures are read from. */
  rows: SheetValue[][];
}

/**
 * The cells of the claimed data sheet, or null when there is nothing to compare with: the
 * workbook has no such sheet (deleted, or renamed by the user), it is empty, or it is not a
 * KOSTRA data sheet at all (no «Nøkkel» and «Verdi» headings: a sheet of the user's that
 * shared settings claim, which the write replaces only if the user agrees).
 */
export async function readDataSheet(owned: OwnedSheet, run: Run = excelRun, rowsPerRequest = ROWS_PER_REQUEST): Promise<DataSheetCells | null> {
  return run(async (context) => {
    const claimed = loadClaimedSheet(context, owned, "name", "rowIndex,columnIndex,rowCount,columnCount");
    const { sheet, used } = claimed;
    await context.sync();
    if (!isClaimedAndUsed(claimed, owned)) return null;
    if (used.rowCount - 1 > MAX_OBSERVATIONS) {
      throw badInput({
        nb: `Dataarket «${owned.name}» er for stort til å sammenlignes med (${used.rowCount} rader).`,
        en: `The data sheet "${owned.name}" is too large to compare with (${used.rowCount} rows).`,
      });
    }
    const header = sheet.getRangeByIndexes(used.rowIndex, used.columnIndex, 1, used.columnCount).load("values");
    await context.sync();
    const columns = dataSheetColumns(header.values[0]);
    if (columns.length === 0) return null;
    const rows: SheetValue[][] = [columns.map((c) => header.values[0][c])];
    const slice = async (from: number): Promise<void> => {
      if (from >= used.rowCount) return;
      const count = Math.min(rowsPerRequest, used.rowCount - from);
      const parts = columns.map((c) => sheet.getRangeByIndexes(used.rowIndex + from, used.columnIndex + c, count, 1).load("values"));
      await context.sync();
      for (let i = 0; i < count; i++) rows.push(parts.map((p) => p.values[i][0]));
      return slice(from + count);
    };
    await slice(1);
    return { name: owned.name, rows };
  });
}
