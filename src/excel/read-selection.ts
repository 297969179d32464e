/**
 * Import from the sheet: the used part of the selected range, every cell as text, for
 * the tidy-table reader in sources/ (`datasetFromSelection`). Reading changes nothing in
 * the workbook.
 */
import { badInput } from "../kostra/errors";

/** Larger selections are refused: a whole-column selection would otherwise read a million rows. */
export const MAX_SELECTION_CELLS = 500_000;

/** The used part of a selection: its address and every cell as text. */
export interface SelectionText {
  address: string;
  rows: string[][];
}

export async function readSelection(
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T> = (batch) => Excel.run(batch),
): Promise<SelectionText> {
  return run(async (context) => {
    const selected = context.workbook.getSelectedRange();
    selected.load("address,rowCount,columnCount");
    await context.sync();
    if (selected.rowCount * selected.columnCount > MAX_SELECTION_CELLS) {
      throw badInput({
        nb: `Det markerte området ${selected.address} er for stort (${selected.rowCount} rader). Marker bare tabellen med data.`,
        en: `The selected range ${selected.address} is too large (${selected.rowCount} rows). Select just the table of data.`,
      });
    }
    // Only the part in use: a selection of whole columns stops at the last filled row.
    const used = selected.getUsedRangeOrNullObject(true);
    used.load("address,values");
    await context.sync();
    if (used.isNullObject) {
      throw badInput({
        nb: `Det markerte området ${selected.address} er tomt. Marker en tabell med kolonnene region, indikator, år og verdi.`,
        en: `The selected range ${selected.address} is empty. Select a table with the columns region, indicator, year and value.`,
      });
    }
    const rows = used.values.map((r) => r.map((v) => (v === null || v === undefined ? "" : String(v))));
    return { address: used.address, rows };
  });
}
