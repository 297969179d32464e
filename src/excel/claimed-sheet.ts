/**
 * Reading a sheet the template settings claim (the data sheet before "Oppdater", the
 * time-series sheets' price-index tables). One rule for both readers: the sheet is found by
 * its id (its name where the settings have no id) and is ours only while it still has the
 * claimed name (a renamed sheet is the user's) and holds something.
 */
import type { OwnedSheet } from "../report/template-settings";

/** Excel.run, or the fake Excel's in tests. */
export type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
export const excelRun: Run = (batch) => Excel.run(batch);

export interface ClaimedSheet {
  sheet: Excel.Worksheet;
  used: Excel.Range;
}

/** Queues loading the claimed sheet (`sheetProperties`, with its name) and its used range (`usedProperties`); read them after the next sync. */
export function loadClaimedSheet(context: Excel.RequestContext, owned: OwnedSheet, sheetProperties: string, usedProperties: string): ClaimedSheet {
  const sheet = context.workbook.worksheets.getItemOrNullObject(owned.id ?? owned.name);
  sheet.load(sheetProperties);
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load(usedProperties);
  return { sheet, used };
}

/** After the sync: the sheet is there, still under the claimed name, and not empty. */
export function isClaimedAndUsed(claimed: ClaimedSheet, owned: OwnedSheet): boolean {
  return !claimed.sheet.isNullObject && claimed.sheet.name === owned.name && !claimed.used.isNullObject;
}
