/**
 * The workbook operations, used only when Office reported an Excel host. The gateway
 * modules are loaded on demand: a pane opened in a plain browser never downloads them.
 */
import type { PaneServices } from "./types";

export type ExcelServices = Required<Pick<PaneServices, "loadSelection" | "sheetsToReplace" | "writeReport" | "readTemplate" | "readDataSheet" | "readPriceTables" | "activateSheet">>;

/** Show a worksheet by id or name. */
export async function activateSheet(idOrName: string): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem(idOrName).activate();
    await context.sync();
  });
}

export function createExcelServices(): ExcelServices {
  return {
    async loadSelection() {
      const [{ readSelection }, { datasetFromSelection }] = await Promise.all([import("../../excel/read-selection"), import("../../sources/sheet")]);
      return datasetFromSelection(await readSelection());
    },
    async sheetsToReplace() {
      const { sheetsToReplace } = await import("../../excel/apply-plan");
      return sheetsToReplace();
    },
    async writeReport(plan, settings, replace) {
      const { applyPlan } = await import("../../excel/apply-plan");
      return applyPlan(plan, { settings, replace });
    },
    async readTemplate() {
      const { readTemplateSettings } = await import("../../excel/settings-store");
      return readTemplateSettings();
    },
    async readDataSheet(sheet) {
      const { readDataSheet } = await import("../../excel/read-data-sheet");
      return readDataSheet(sheet);
    },
    async readPriceTables(owned) {
      const { readPriceTables } = await import("../../excel/read-price-tables");
      return readPriceTables(owned);
    },
    activateSheet,
  };
}
