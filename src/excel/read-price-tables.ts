/**
 * The price-index tables of the report's time-series sheets, read before "Oppdater"
 * rewrites them (report/price-table-read.ts turns the cells into the user's rows; this
 * module only reads them). Reading changes nothing.
 *
 * Only sheets the template settings claim by id AND name as time-series sheets ("trend:…"):
 * a claimed sheet the user renamed is theirs. Bounded: column A of at most
 * MAX_PRICE_TABLE_SEARCH_ROWS rows to find the table, then columns A–D of at most
 * MAX_INDEX_ROWS rows under its header (values and formulas), in two requests per sheet.
 * The sheets come back in workbook order, so the first one wins where they disagree.
 */
import { MAX_PRICE_TABLE_SEARCH_ROWS } from "../kostra/limits";
import { MAX_INDEX_ROWS } from "../kostra/prices";
import type { SheetValue } from "../report/data-sheet-read";
import { priceTableHeaderRow, type PriceTableCells } from "../report/price-table-read";
import type { OwnedSheet } from "../report/template-settings";
import { excelRun, isClaimedAndUsed, loadClaimedSheet, type Run } from "./claimed-sheet";

/** Whether an owned sheet is one of the report's time-series sheets. */
export const isTimeSeriesSheet = (s: OwnedSheet): boolean => s.key.startsWith("trend:");

export async function readPriceTables(owned: readonly OwnedSheet[], run: Run = excelRun): Promise<PriceTableCells[]> {
  const wanted = owned.filter(isTimeSeriesSheet);
  if (wanted.length === 0) return [];
  return run(async (context) => {
    const found = wanted.map((o) => ({ o, ...loadClaimedSheet(context, o, "name,position", "rowIndex,rowCount") }));
    await context.sync();
    const mine = found.filter((x) => isClaimedAndUsed(x, x.o)).sort((a, b) => a.sheet.position - b.sheet.position);
    const columns = mine.map((x) => {
      const rows = Math.min(x.used.rowIndex + x.used.rowCount, MAX_PRICE_TABLE_SEARCH_ROWS);
      return { ...x, columnA: x.sheet.getRangeByIndexes(0, 0, rows, 1).load("values") };
    });
    await context.sync();
    const tables = columns.flatMap((x) => {
      const header = priceTableHeaderRow(x.columnA.values.map((r) => r[0] as SheetValue));
      if (header < 0) return [];
      const rows = Math.max(0, Math.min(MAX_INDEX_ROWS, x.used.rowIndex + x.used.rowCount - header - 1));
      return rows === 0 ? [] : [{ name: x.sheet.name, firstRow: header + 2, range: x.sheet.getRangeByIndexes(header + 1, 0, rows, 4).load("values,formulas") }];
    });
    await context.sync();
    return tables.map((t) => ({ sheet: t.name, firstRow: t.firstRow, values: t.range.values as SheetValue[][], formulas: t.range.formulas as SheetValue[][] }));
  });
}
