/**
 * Import from the sheet: the selected range read as a tidy table (a header row
 * region;indikator;år;verdi[;status], then one observation per row), as the CSV import
 * reads a file. Reading changes nothing in the workbook.
 */
import { badInput } from "../kostra/errors";
import type { Dataset, LocalizedText } from "../kostra/types";
import { readTidyRows } from "../sources/csv";

/** Larger selections are refused: a whole-column selection would otherwise read a million rows. */
export const MAX_SELECTION_CELLS = 500_000;

export async function readSelection(
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T> = (batch) => Excel.run(batch),
  now: () => Date = () => new Date(),
): Promise<{ dataset: Dataset; warnings: LocalizedText[] }> {
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
    const { observations, warnings } = readTidyRows(rows, used.address);
    return {
      dataset: {
        observations: observations.map((o) => ({ ...o, provenance: 0 })),
        provenance: [{ source: "sheet", query: used.address, fetchedAt: now().toISOString() }],
      },
      warnings,
    };
  });
}
