/**
 * Workbook gateway: applies a ReportPlan to the open workbook with Office.js.
 *
 * All or nothing, in fact (Excel runs a request statement by statement and has no
 * rollback, so this is built, not assumed):
 * 1. Read the workbook: sheets, tables, defined names, our settings. Every name the
 *    write will use is decided now, around the user's own sheets, tables and names.
 * 2. Build the whole new report — values, formulas, formats, tables, charts — on
 *    temporary sheets beside the old one, in requests under the size budget. Formulas
 *    name the temporary sheets, so the final renames carry them along. If anything fails
 *    here, the temporary sheets are removed by id and the workbook is as it was.
 * 3. One small final request (finish.ts): settings owning old and new sheets (the point
 *    of no return), delete the previous report, rename the new sheets and tables into
 *    place, replace the report's names, settings owning the new sheets. If Excel stops
 *    part-way, the gateway finishes the write in a second request; if that fails too, it
 *    says exactly what the workbook holds, and writing again puts it right.
 * Only sheets the add-in owns (recorded by id and name in the template settings) AND the
 * user agreed to replace are replaced: settings come with a shared workbook and could
 * claim a sheet it came with for the user to fill in. `sheetsToReplace` says which sheets
 * a write would replace (reading only), the pane asks, and `applyPlan(plan, { replace })`
 * deletes only those ids, checked again inside the write. A claimed sheet the user did
 * not agree to is kept as theirs; the user's sheets are never touched, and a name the
 * user already uses gets a suffix.
 */
import type { ReportPlan } from "../report/plan";
import type { LocalizedText } from "../kostra/types";
import type { KnownSheet, TemplateChoicesInput } from "../report/template-settings";
import { checkedPlan } from "../report/plan-check";
import { readInventory, type SheetInfo } from "./inventory";
import { replaceableSheets, startWrite, TEMPORARY_PREFIX } from "./report-write";
import { GatewayError, writeFailed } from "./write-outcome";

export { GatewayError, type WorkbookState } from "./write-outcome";
export type { SheetInfo } from "./inventory";
export { PlanError } from "../report/plan-check";

/** Stays under Excel on the web's 5 MB request limit with room for what the estimate leaves out. */
export const MAX_REQUEST_BYTES = 3_500_000;

/** Requirement sets the gateway needs: charts' series binding, freezeAt and NamedItem.formula (1.7), custom XML parts (1.5). */
export const REQUIRED_SETS: readonly [string, string][] = [["ExcelApi", "1.7"]];

/** The page setup (worksheet.pageLayout, page breaks) needs ExcelApi 1.9; without it the report is written without one, and says so. */
export const PRINT_SET: readonly [string, string] = ["ExcelApi", "1.9"];

/** Said after a write on a host without PRINT_SET. */
export const PRINT_SETUP_SKIPPED: LocalizedText = {
  nb: "Denne Excel-versjonen kan ikke sette opp utskriften (mangler ExcelApi 1.9): arkene skrives ut med Excels standardoppsett. Last ned rapporten som .xlsx for liggende sider tilpasset én sides bredde.",
  en: "This Excel version cannot set up printing (missing ExcelApi 1.9): the sheets print with Excel's default page setup. Download the report as .xlsx for landscape pages fitted to one page wide.",
};

export type SettingsInput = TemplateChoicesInput;

export interface ApplyOptions {
  settings: SettingsInput;
  run?: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  isSetSupported?: (name: string, version: string) => boolean;
  maxRequestBytes?: number;
  /** Replace settings that could not be read (the user confirmed). */
  overwriteInvalidSettings?: boolean;
  /**
   * The previous report's sheets (ids, from sheetsToReplace) the user agreed to have
   * replaced. None by default: every sheet the settings claim is then kept as the user's.
   */
  replace?: readonly string[];
  now?: () => Date;
}

export interface ApplyResult {
  sheets: KnownSheet[];
  syncs: number;
  /** The largest request, as the gateway estimates it. */
  largestRequestBytes: number;
  /** The final request (the swap), as the gateway estimates it. */
  finalRequestBytes?: number;
  /** The previous report's sheets that were replaced (deleted), by the names they had. */
  replaced: SheetInfo[];
  /** Sheets the settings claimed that the user did not agree to replace: kept as the user's. */
  kept: SheetInfo[];
  /** Sheets whose planned name was taken by the user's own sheet, and the name used instead. */
  renamed: { planned: string; used: string }[];
  /** Tables whose planned name the user already uses for a table or a name, and the name used instead. */
  renamedTables?: { planned: string; used: string }[];
  /** Excel stopped the final request and the gateway finished the write in a second one. */
  finishedOnRetry?: boolean;
  /** The host could not set up printing (no ExcelApi 1.9): what to tell the user. */
  printSetupSkipped?: LocalizedText;
}

const hostSupports = (isSetSupported: ApplyOptions["isSetSupported"]) => isSetSupported ?? ((n: string, v: string) => Office.context.requirements.isSetSupported(n, v));

function checkRequirements(isSetSupported: ApplyOptions["isSetSupported"]): void {
  const check = hostSupports(isSetSupported);
  const missing = REQUIRED_SETS.filter(([n, v]) => !check(n, v));
  if (missing.length) {
    const sets = missing.map(([n, v]) => `${n} ${v}`).join(", ");
    throw new GatewayError("unsupported", {
      nb: `Denne Excel-versjonen kan ikke skrive rapporten (mangler ${sets}). Bruk Microsoft 365 / Excel 2019 eller nyere, Excel på nettet, eller last ned rapporten som .xlsx.`,
      en: `This Excel version cannot write the report (missing ${sets}). Use Microsoft 365 / Excel 2019 or later, Excel on the web, or download the report as .xlsx.`,
    });
  }
}

const excelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => Excel.run(batch);

/**
 * The sheets writing a report now would replace: the previous report's, as the settings
 * claim them (id and the name the user sees). Reads only. Rejects with the GatewayError
 * applyPlan would give (unsupported Excel, settings it cannot read).
 */
export async function sheetsToReplace(options: Pick<ApplyOptions, "run" | "isSetSupported" | "overwriteInvalidSettings"> = {}): Promise<SheetInfo[]> {
  checkRequirements(options.isSetSupported);
  const run = options.run ?? excelRun;
  try {
    return await run(async (context) => replaceableSheets(await readInventory(context, () => context.sync()), options.overwriteInvalidSettings === true));
  } catch (error) {
    if (error instanceof GatewayError) throw error;
    throw writeFailed({ kind: "unchanged" }, false, error);
  }
}

/** Apply the plan. Resolves with what was written; rejects with a GatewayError saying what the workbook holds. */
export async function applyPlan(plan: ReportPlan, options: ApplyOptions): Promise<ApplyResult> {
  checkRequirements(options.isSetSupported);
  // The same check the xlsx writer makes: only the report's closed cell kinds and its own
  // formulas, every string XML-safe; anything else is a programming error, thrown before Excel sees it.
  const checked = checkedPlan(plan);
  // Printing is set up where the host can; elsewhere the report is still written.
  const printable = hostSupports(options.isSetSupported)(...PRINT_SET);
  const written = printable ? checked : { ...checked, sheets: checked.sheets.map((sheet) => ({ ...sheet, pageSetup: undefined })) };
  const run = options.run ?? excelRun;
  try {
    const result = await run((context) => startWrite(context, written, options, options.maxRequestBytes ?? MAX_REQUEST_BYTES));
    return printable || !checked.sheets.some((s) => s.pageSetup) ? result : { ...result, printSetupSkipped: PRINT_SETUP_SKIPPED };
  } catch (error) {
    if (error instanceof GatewayError) throw error;
    throw writeFailed({ kind: "unknown", temporaryPrefix: TEMPORARY_PREFIX }, false, error);
  }
}

