/**
 * The work behind the pane's buttons, from the press to what the pane says after: loaded
 * with the other actions on the first press (./lazyActions), while the pane's first
 * script keeps only how a run is busy, cancelled or explained (./useAsyncAction).
 * Nothing here changes the pane's state: each flow returns what to show, and the pane
 * shows it only if the run is still current.
 */
import type { SheetInfo } from "../../excel/apply-plan";
import type { PriceChoice } from "../../kostra/prices";
import type { Lang, LocalizedText } from "../../kostra/types";
import type { Messages } from "../i18n";
import type { PaneServices } from "../services/types";
import type { PaneData, PaneProgress } from "./data";
import type { FormState } from "./form";
import { loadData } from "./load";
import { describeError, isCancellation } from "./messages";
import type { Activity, Describe } from "./outcome";
import type { ProxyProposal } from "./proxyProposal";
import { proxyProposalFor } from "./proxyProposal";
import { makeReport, templateFileName, xlsxFileName } from "./report";
import { formFromSettings, settingsFor, writtenSettings } from "./settings";
import { describeTemplate } from "./template";
import { describeTemplateFileProblem, readTemplateFileOf, templateFileText } from "./templateFile";
import type { OwnedSheet, TemplateSettings } from "../../report/template-settings";
import { previousFigures, withChanges } from "./changes";
import { writeAsAgreed, writeDeclined, writtenOutcome } from "./workbookWrite";

/** What the flows read of the pane at the press. */
export interface FlowContext {
  services: PaneServices;
  lang: Lang;
  form: FormState;
  data: PaneData | null;
  files: readonly File[];
  /** The proxy address asked about and not yet answered (kept in the settings written meanwhile). */
  proxyPending: string | undefined;
}

const loadActivity: Record<FormState["source"], Activity> = { sample: "load-sample", ssb: "load-ssb", file: "load-file", selection: "load-selection" };

/** A load's failure in the user's words; null when SSB's client gave up on its own, which is a cancellation, not a failure. */
export const explainLoad = (error: unknown, f: FormState): Describe | null => (isCancellation(error) ? null : describeError(error, loadActivity[f.source]));

export function load(ctx: FlowContext, f: FormState, refresh: boolean, signal: AbortSignal, onProgress: (p: PaneProgress) => void): Promise<PaneData> {
  return loadData(ctx.services, f, { files: [...ctx.files], signal, refresh, onProgress });
}

/**
 * Build the report and write it into the workbook with its settings, replacing only what
 * the user agreed to (`ask`); what to say after, and the settings the workbook now carries.
 * `compareWith`: the sheets the workbook's report owns ("Oppdater"): its data sheet's figures
 * are read first, and the new report lists what changed since them.
 */
export async function write(
  ctx: FlowContext & { writtenHere: { current: readonly string[] }; ask: (sheets: SheetInfo[]) => Promise<boolean> },
  d: PaneData,
  f: FormState,
  reportLang: Lang,
  templateYear: number | null,
  compareWith?: readonly OwnedSheet[],
): Promise<{ said: Describe; settings?: TemplateSettings; prices?: PriceChoice }> {
  const previous = compareWith ? await previousFigures(ctx.services, compareWith) : undefined;
  // The user's corrections in the price-index tables are kept: read before the rewrite.
  const priceTables = compareWith && f.prices !== "nominal" && ctx.services.readPriceTables ? await ctx.services.readPriceTables(compareWith) : undefined;
  const report = await makeReport(d.dataset, f, reportLang, previous, priceTables);
  const form = report.kept ? { ...f, prices: report.kept.prices } : f;
  const settings = settingsFor(form, reportLang, d, ctx.proxyPending);
  const written = await writeAsAgreed(ctx.services, report.plan, settings, ctx.writtenHere, ctx.ask);
  if (!written) return { said: writeDeclined };
  const listSheet = written.sheets.find((s) => s.key === report.changeListKey)?.name;
  const said = withPriceNotes(withChanges(writtenOutcome(written, templateYear), report.changes, listSheet), report.kept?.notes);
  return { said, settings: writtenSettings(settings, written.sheets, ctx.services.now()), ...(report.kept ? { prices: report.kept.prices } : {}) };
}

/** The written report's message with the notes of reading the price-index tables (rows refused, sheets that disagreed). */
function withPriceNotes(said: Describe, notes: readonly LocalizedText[] | undefined): Describe {
  if (!notes?.length) return said;
  return (m, lang) => {
    const base = said(m, lang);
    return { ...base, body: [base.body ?? "", ...notes.map((n) => n[lang])].filter(Boolean).join(" ") };
  };
}

export async function download({ services, form, data, lang, proxyPending }: FlowContext & { data: PaneData }): Promise<Describe> {
  const fileName = xlsxFileName(form);
  // The file carries the same settings a write into Excel keeps: it opens there as a template workbook.
  await services.downloadXlsx((await makeReport(data.dataset, form, lang)).plan, fileName, settingsFor(form, lang, data, proxyPending));
  return (m) => ({ intent: "success", title: m.downloadDone(fileName) });
}

export function exportTemplate({ services, form, lang, data, proxyPending }: FlowContext): Describe {
  const fileName = templateFileName(form);
  services.downloadText(templateFileText(settingsFor(form, lang, data, proxyPending), services.now()), fileName, "application/json");
  return (m) => ({ intent: "success", title: m.exportDone(fileName) });
}

/** Read a template file: what to say, and when it is sound, the choices it holds and the proxy address it proposes. */
export async function importTemplate({ form }: FlowContext, file: File): Promise<{ said: Describe; form?: FormState; proposal?: ProxyProposal | null }> {
  const read = await readTemplateFileOf(file);
  if (!read.ok) return { said: (m: Messages) => ({ intent: "error", title: m.importFailedTitle, body: describeTemplateFileProblem(read.problem, file.name, m) }) };
  const { settings } = read;
  return {
    said: (m, l) => ({ intent: "success", title: m.importDoneTitle, body: m.importDone(file.name, describeTemplate(settings, m, l).summary) }),
    form: formFromSettings(settings, form),
    proposal: proxyProposalFor(settings.source, form.baseUrl, "file"),
  };
}
