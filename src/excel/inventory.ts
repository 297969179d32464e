/**
 * What the workbook holds that a write must work around: its sheets (by id), its tables
 * and defined names (which share one namespace in Excel, and a table name must be unique
 * in the workbook), and our settings part(s). Read before anything is written, and read
 * again after a failure to see how far a write came.
 */
import { SETTINGS_NAMESPACE } from "../report/template-settings";

export interface SheetInfo {
  id: string;
  name: string;
}

export interface TableInfo {
  name: string;
  sheetId: string;
}

export interface PartInfo {
  id: string;
  xml: string;
}

export interface Inventory {
  sheets: SheetInfo[];
  tables: TableInfo[];
  /** Workbook-scoped defined names with their formulas ("='KOSTRA-data'!$A$1:$B$9"). */
  names: { name: string; formula: string }[];
  /** Our settings parts (normally none or one). */
  parts: PartInfo[];
}

/** Read the inventory in two requests (the parts' XML needs their ids first). */
export async function readInventory(context: Excel.RequestContext, sync: () => Promise<void>): Promise<Inventory> {
  const wb = context.workbook;
  const sheets = wb.worksheets.load("items/id,items/name");
  const tables = wb.tables.load("items/name,items/worksheet/id");
  const names = wb.names.load("items/name,items/formula");
  const parts = wb.customXmlParts.getByNamespace(SETTINGS_NAMESPACE).load("items/id");
  await sync();
  const xml = parts.items.map((p) => p.getXml());
  if (xml.length) await sync();
  return {
    sheets: sheets.items.map((s) => ({ id: s.id, name: s.name })),
    tables: tables.items.map((t) => ({ name: t.name, sheetId: t.worksheet.id })),
    names: names.items.map((n) => ({ name: n.name, formula: n.formula })),
    parts: parts.items.map((p, i) => ({ id: p.id, xml: xml[i].value })),
  };
}
