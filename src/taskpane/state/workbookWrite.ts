/**
 * A write into the workbook as the pane makes it: the sheets it would replace that this
 * session did not write itself are replaced only if the user agrees, and what the pane
 * says afterwards.
 *
 * The workbook's template settings claim the report's sheets, and settings come with
 * whoever sent the workbook: they could claim a sheet it came with for the user to fill
 * in. So, as Excel asks before it deletes a sheet, the pane asks before a write replaces a
 * sheet it did not write in this session (components/ReplaceConfirm); the sheets the last
 * successful write returned are replaced without asking again. The gateway deletes only
 * the sheets agreed to, and checks them again inside the write.
 */
import type { ApplyResult, SettingsInput, SheetInfo } from "../../excel/apply-plan";
import type { ReportPlan } from "../../report/plan";
import { REPLACE_TEXTS } from "../i18n/replace";
import type { PaneServices } from "../services/types";
import { isGatewayError } from "./messages";
import type { Describe } from "./outcome";

/** Asks the user whether the write may replace these sheets; resolves with the answer. */
export type AskToReplace = (sheets: SheetInfo[]) => Promise<boolean>;

/** The sheets the user agrees to have replaced (ids): asked only when one of them was not written here. Null: the user declined. */
export async function agreedToReplace(services: Pick<PaneServices, "sheetsToReplace">, writtenHere: readonly string[], ask: AskToReplace): Promise<string[] | null> {
  const sheets = (await services.sheetsToReplace?.()) ?? [];
  const ids = sheets.map((s) => s.id);
  if (ids.every((id) => writtenHere.includes(id))) return ids;
  return (await ask(sheets)) ? ids : null;
}

/**
 * After a write that failed: the sheets this session counts as its own. A half-done write
 * leaves settings owning the old sheets (already agreed to) and its own new ones, and the
 * message says to write again; that write replaces them without asking.
 */
export function writtenAfterFailure(error: unknown, before: readonly string[]): readonly string[] {
  const left = isGatewayError(error) ? error.state : undefined;
  return left?.kind === "partial" ? left.ownedSheetIds : before;
}

/**
 * Write the report, replacing only what the user agreed to; `writtenHere` (the ids this
 * session wrote) is kept up to date. Resolves with null when the user declined: nothing
 * was written.
 */
export async function writeAsAgreed(
  services: Pick<PaneServices, "sheetsToReplace" | "writeReport">,
  plan: ReportPlan,
  settings: SettingsInput,
  writtenHere: { current: readonly string[] },
  ask: AskToReplace,
): Promise<ApplyResult | null> {
  if (!services.writeReport) return null;
  const replace = await agreedToReplace(services, writtenHere.current, ask);
  if (!replace) return null;
  try {
    const written = await services.writeReport(plan, settings, replace);
    writtenHere.current = written.sheets.map((s) => s.id);
    return written;
  } catch (error) {
    writtenHere.current = writtenAfterFailure(error, writtenHere.current);
    throw error;
  }
}

/** The user declined to replace the sheets: nothing was written, and how to keep a sheet and still write. */
export const writeDeclined: Describe = (_t, lang) => ({ intent: "info", title: REPLACE_TEXTS[lang].declined, body: REPLACE_TEXTS[lang].keepHint });

/** What the pane says after a write: the sheets to go to, names changed around the user's own sheets, claimed sheets kept, a page setup the host could not make. */
export function writtenOutcome(written: ApplyResult, templateYear: number | null): Describe {
  return (m, lang) => ({
    intent: "success",
    title: m.writeDoneTitle,
    body: m.writeDone(written.sheets.length),
    list: [
      ...written.renamed.map((r) => m.renamed(r.planned, r.used)),
      ...written.kept.map((s) => REPLACE_TEXTS[lang].kept(s.name)),
      // An older Excel without page setup: the report is written, and prints with Excel's defaults.
      ...(written.printSetupSkipped ? [written.printSetupSkipped[lang]] : []),
    ],
    advice: templateYear === null ? undefined : m.templateSaved(templateYear),
    sheets: written.sheets.map((s) => ({ id: s.id, name: s.name })),
  });
}
