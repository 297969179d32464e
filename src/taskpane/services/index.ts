/** The real services for the host the pane runs in. */
import { createBrowserServices } from "./browser";
import { createExcelServices } from "./excel";
import type { PaneServices } from "./types";

export type { PaneServices } from "./types";

export function createServices(inExcel: boolean): PaneServices {
  const browser = createBrowserServices();
  return inExcel ? { ...browser, ...createExcelServices(), inExcel: true } : browser;
}
