/**
 * What the pane's buttons do — load, write, download, update the template workbook, export
 * and import template files, go to a written sheet — each run through useAsyncAction, so
 * each is busy, cancellable or explained the same way. The work itself is in the actions
 * chunk (./lazyActions), loaded on the first press.
 */
import { useRef, useState, type Dispatch } from "react";
import type { Lang } from "../../kostra/types";
import type { Messages } from "../i18n";
import type { PaneServices } from "../services/types";
import type { PaneData, PaneProgress } from "./data";
import { nextYearForm, type FormAction, type FormState, type SourceKind } from "./form";
import { actions, explain } from "./lazyActions";
import type { Activity, Describe, Place } from "./outcome";
import type { ProxyProposalState } from "./useProxyProposal";
import type { TemplateState } from "./template";
import { useAsyncAction, type AsyncAction } from "./useAsyncAction";
import { useReplaceQuestion } from "./useReplaceQuestion";

/** What keeps the pane busy; a quick action (going to a sheet, exporting a file) has none. */
export type Busy = "load" | "write" | "download" | "import";

/** A run of one of the pane's actions: what it is busy with, and where its message goes. */
export interface RunKey {
  what?: Busy;
  place: Place;
}

export interface PaneActionsInput {
  services: PaneServices;
  lang: Lang;
  form: FormState;
  /** Changes the choices as the user would (they are remembered). */
  choose: Dispatch<FormAction>;
  data: PaneData | null;
  setData: (data: PaneData) => void;
  files: readonly File[];
  template: TemplateState;
  setTemplate: (template: TemplateState) => void;
  proxy: ProxyProposalState;
}

const loadActivity: Record<SourceKind, Activity> = { sample: "load-sample", ssb: "load-ssb", file: "load-file", selection: "load-selection" };
const loadCancelled: Describe = (m) => ({ intent: "info", title: m.loadCancelled });
const starting: PaneProgress = { done: 0, total: 0, fromCache: 0, message: (m) => m.loading };

export function usePaneActions({ services, lang, form, choose, data, setData, files, template, setTemplate, proxy }: PaneActionsInput) {
  const runs: AsyncAction<RunKey> = useAsyncAction<RunKey>();
  const { run, show } = runs;
  const [progress, setProgress] = useState<PaneProgress>(starting);
  const replacing = useReplaceQuestion();
  // The sheets this session wrote (the last write's): replaced again without asking.
  const writtenHere = useRef<readonly string[]>([]);
  const failed = (activity: Activity) => (error: unknown) => explain(error, activity);

  /** Load for the given choices; null when it failed or was cancelled (the message says which). */
  async function load(place: Place, f: FormState, refresh: boolean): Promise<PaneData | null> {
    setProgress(starting);
    const loaded = await run(
      { what: "load", place },
      async (signal) => (await actions()).loadData(services, f, { files: [...files], signal, refresh, onProgress: (p) => !signal.aborted && setProgress(p) }),
      {
        cancelled: loadCancelled,
        // SSB's client can give up on its own; that is a cancellation too, not a failure.
        explain: async (error) => ((await actions()).isCancellation(error) ? loadCancelled : explain(error, loadActivity[f.source])),
      },
    );
    if (loaded) setData(loaded);
    return loaded ?? null;
  }

  /**
   * Build the report and write it into the workbook; its settings go with it. Sheets it
   * would replace that this session did not write are replaced only if the user agrees
   * (asked naming `action`, the button pressed); "Avbryt" writes nothing.
   */
  async function write(place: Place, d: PaneData, f: FormState, reportLang: Lang, action: (m: Messages) => string): Promise<void> {
    if (!services.writeReport) return;
    const written = await run(
      { what: "write", place },
      async () => {
        const a = await actions();
        const report = await a.makeReport(d.dataset, f, reportLang);
        const settings = a.settingsFor(f, reportLang, d, proxy.pending);
        const result = await a.writeAsAgreed(services, report.plan, settings, writtenHere, (sheets) => replacing.ask(action, sheets));
        if (!result) return { said: a.writeDeclined };
        return { said: a.writtenOutcome(result, place === "templateFile" ? f.year + 1 : null), settings: a.writtenSettings(settings, result.sheets, services.now()) };
      },
      { explain: failed("write"), done: (w) => w.said },
    );
    if (written?.settings) setTemplate({ kind: "ok", settings: written.settings });
  }

  async function download(): Promise<void> {
    if (!data) return;
    await run(
      { what: "download", place: "report" },
      async () => {
        const a = await actions();
        const fileName = a.xlsxFileName(form);
        await services.downloadXlsx((await a.makeReport(data.dataset, form, lang)).plan, fileName);
        return fileName;
      },
      { explain: failed("download"), done: (fileName) => (m) => ({ intent: "success", title: m.downloadDone(fileName) }) },
    );
  }

  /** Fetch the template workbook's figures again (SSB is asked whether its tables changed) and rewrite it, this year or the next. */
  async function update(toNextYear: boolean): Promise<void> {
    if (template.kind !== "ok") return;
    const f = toNextYear ? nextYearForm(form) : form;
    if (toNextYear) choose({ type: "replace", form: f });
    const loaded = await load("template", f, true);
    if (loaded) await write("template", loaded, f, template.settings.lang, (m) => (toNextYear ? m.updateTo(f.year) : m.update));
  }

  async function exportTemplate(): Promise<void> {
    await run(
      { place: "templateFile" },
      async () => {
        const a = await actions();
        const fileName = a.templateFileName(form);
        services.downloadText(a.templateFileText(a.settingsFor(form, lang, data, proxy.pending), services.now()), fileName, "application/json");
        return fileName;
      },
      { quiet: true, explain: failed("download"), done: (fileName) => (m) => ({ intent: "success", title: m.exportDone(fileName) }) },
    );
  }

  async function importTemplate(file: File): Promise<void> {
    const imported = await run(
      { what: "import", place: "templateFile" },
      async () => {
        const a = await actions();
        const read = await a.readTemplateFileOf(file);
        if (!read.ok) return { said: ((m) => ({ intent: "error", title: m.importFailedTitle, body: a.describeTemplateFileProblem(read.problem, file.name, m) })) as Describe };
        const { settings } = read;
        return {
          said: ((m, l) => ({ intent: "success", title: m.importDoneTitle, body: m.importDone(file.name, a.describeTemplate(settings, m, l).summary) })) as Describe,
          form: a.formFromSettings(settings, form),
          proposal: a.proxyProposalFor(settings.source, form.baseUrl, "file"),
        };
      },
      { explain: failed("load-file"), done: (r) => r.said },
    );
    if (!imported?.form) return;
    choose({ type: "replace", form: imported.form });
    proxy.propose(imported.proposal);
  }

  const goToSheet = (id: string, place: Place) => void run({ place }, async () => services.activateSheet?.(id), { quiet: true, explain: failed("activate") });

  return { ...runs, progress, replacing: replacing.question, load, write, download, update, exportTemplate, importTemplate, goToSheet, show };
}

export type PaneActions = ReturnType<typeof usePaneActions>;
