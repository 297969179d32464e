/**
 * An .xlsx file opened "in Excel" for tests: its sheets, cells and the custom XML parts the
 * workbook relates to (found as Excel finds them, ./xlsx-settings), as the plain workbook
 * state the fake Excel starts from — in-process (`fakeExcelFromXlsx`) or in the pane's
 * browser tests (`KbState`, tests/e2e/support/kb-handle.ts). The fake gives every sheet a
 * new worksheet id, as Excel does for a file it opens.
 */
import ExcelJS from "exceljs";
import { createFakeExcel, type FakeExcel } from "./fake-excel";
import { customXmlParts } from "./xlsx-settings";
import type { KbState } from "../e2e/support/kb-handle";

type Cell = KbState["sheets"][number]["cells"][string];

function cellOf(cell: ExcelJS.Cell): Cell | null {
  const numberFormat = cell.numFmt ?? "General";
  if (cell.formula) return { value: null, formula: `=${cell.formula}`, numberFormat };
  const v = cell.value;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return { value: v, formula: null, numberFormat };
  return null;
}

/** The workbook an .xlsx file opens as: sheet names and cells in order, and its custom XML parts. */
export async function workbookStateFromXlsx(bytes: Uint8Array): Promise<KbState> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheets = workbook.worksheets.map((ws) => {
    const cells: Record<string, Cell> = {};
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const c = cellOf(cell);
        if (c) cells[cell.address] = c;
      }),
    );
    return { name: ws.name, cells };
  });
  const { parts } = await customXmlParts(bytes);
  return { sheets, parts: parts.map((p) => p.xml) };
}

/** A fake Excel holding the workbook an .xlsx file opens as. */
export async function fakeExcelFromXlsx(bytes: Uint8Array): Promise<FakeExcel> {
  const state = await workbookStateFromXlsx(bytes);
  const fake = createFakeExcel({ sheets: state.sheets.map((s) => s.name) });
  for (const sheet of state.sheets) {
    const target = fake.workbook.sheet(sheet.name);
    for (const [address, cell] of Object.entries(sheet.cells)) {
      if (cell.formula !== null) target.setCell(address, { formula: cell.formula, numberFormat: cell.numberFormat });
      else if (cell.value !== null) target.setCell(address, { value: cell.value, numberFormat: cell.numberFormat });
    }
  }
  for (const xml of state.parts) fake.workbook.addCustomXmlPart(xml);
  return fake;
}
