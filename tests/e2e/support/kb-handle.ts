/**
 * The contract between the browser tests and the fake Excel injected into the page
 * (fake-excel-entry.ts): what the test puts in `window.__kbConfig` before the page loads,
 * and the handle `window.__kb` it reads the workbook through with `page.evaluate`.
 * Everything crossing the boundary is plain, serialisable data.
 */
import type { ChartSnapshot, PartSnapshot, TableSnapshot } from "../../support/fake-excel";
import type { OwnedSheet, TemplateSettings } from "../../../src/report/template-settings";

export type CellValue = string | number | boolean | null;

export interface KbCell {
  value: CellValue;
  formula: string | null;
  isText: boolean;
  numberFormat: string;
}

/** A workbook as plain data: enough to reopen it in a new page (cells, formulas, custom XML parts). */
export interface KbState {
  sheets: { name: string; cells: Record<string, { value: CellValue; formula: string | null; numberFormat: string }> }[];
  parts: string[];
}

/** Settings for a template workbook seeded directly; the owned sheets get their ids when created. */
export type TemplateSeed = Omit<TemplateSettings, "ownedSheets"> & { ownedSheets: Omit<OwnedSheet, "id">[] };

export interface KbConfig {
  /** `Office.onReady`'s host (default "Excel"). */
  host?: "Excel" | null;
  /** Office's display language, which the pane takes its language from (default "nb-NO"). */
  displayLanguage?: string;
  requirementSets?: Record<string, string>;
  /** Start from this workbook (e.g. one exported from an earlier page). */
  state?: KbState;
  /** Start from a template workbook: these settings in a custom XML part, and its sheets. */
  template?: TemplateSeed;
}

export interface KbHandle {
  sheetNames(): string[];
  hasSheet(name: string): boolean;
  cell(sheet: string, address: string): KbCell;
  charts(): ChartSnapshot[];
  tables(): TableSnapshot[];
  customXmlParts(): PartSnapshot[];
  /** The template settings part, parsed (null when there is none or it can't be read). */
  templateSettings(): TemplateSettings | null;
  syncs(): number;
  exportState(): KbState;
  seedTemplate(seed: TemplateSeed): void;
  failNextSync(count?: number, message?: string): void;
}

declare global {
  interface Window {
    __kb?: KbHandle;
    __kbConfig?: KbConfig;
  }
}
