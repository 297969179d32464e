/**
 * The previous report's data sheet, read before "Oppdater" rewrites it, so the new report
 * can keep its figures and their vintages beside the new ones (report/data-sheet-read.ts
 * turns the cells into figures; this module only reads them). Reading changes nothing.
 *
 * The sheet is the one the template settings claim by id AND name, as the write knows the
 * report's sheets (apply-plan.ts): a claimed sheet the user has renamed is theirs, and not
 * read. Only the used range is read, and not a larger one than MAX_DATA_SHEET_CELLS.
 */
import { badInput } from "../kostra/errors";
import type { OwnedSheet } from "../report/template-settings";

/** Most cells read from a previous data sheet: every indicator of every template for all municipalities over ten years fits. */
export const MAX_DATA_SHEET_CELLS = 8_000_000;

export interface DataSheetCells {
  name: string;
  rows: (string | number | boolean)[][];
}

/** The cells of the claimed data sheet, or null when the workbook has no such sheet (deleted or renamed by the user) or it is empty. */
export async function readDataSheet(
  owned: OwnedSheet,
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T> = (batch) => Excel.run(batch),
): Promise<DataSheetCells | null> {
  return run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(owned.id ?? owned.name);
    sheet.load("name");
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("rowCount,columnCount");
    await context.sync();
    if (sheet.isNullObject || sheet.name !== owned.name || used.isNullObject) return null;
    if (used.rowCount * used.columnCount > MAX_DATA_SHEET_CELLS) {
      throw badInput({
        nb: `Dataarket «${owned.name}» er for stort til å sammenlignes med (${used.rowCount} rader).`,
        en: `The data sheet "${owned.name}" is too large to compare with (${used.rowCount} rows).`,
      });
    }
    used.load("values");
    await context.sync();
    return { name: owned.name, rows: used.values as (string | number | boolean)[][] };
  });
}
