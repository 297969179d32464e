/**
 * What the pane's buttons do — load, write, download, update the template workbook, export
 * and import template files, go to a written sheet — each run through useAsyncAction, so
 * each is busy, cancellable or explained the same way. The work itself (./flows) is in the
 * actions chunk, loaded on the first press.
 */
import { useRef, useState, type Dispatch } from "react";
import type { Lang } from "../../kostra/types";
import type { OwnedSheet } from "../../report/template-settings";
import type { Messages } from "../i18n";
import type { PaneServices } from "../services/types";
import type { PaneData, PaneProgress } from "./data";
import { nextYearForm, type FormAction, type FormState } from "./form";
import { actions } from "./lazyActions";
import type { Activity, Place } from "./outcome";
import type { ProxyProposalState } from "./useProxyProposal";
import type { TemplateState } from "./template";
import { useAsyncAction, type RunHow } from "./useAsyncAction";
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

type Flows = Awaited<ReturnType<typeof actions>>["flows"];

const starting: PaneProgress = { done: 0, total: 0, fromCache: 0, message: (m) => m.loading };
/** The message of a cancelled load (here, since the user may cancel before the flows have loaded). */
const loadCancelled = (m: Messages) => ({ intent: "info" as const, title: m.loadCancelled });

export function usePaneActions({ services, lang, form, choose, data, setData, files, template, setTemplate, proxy }: PaneActionsInput) {
  const runs = useAsyncAction<RunKey>();
  const [progress, setProgress] = useState<PaneProgress>(starting);
  const replacing = useReplaceQuestion();
  // The sheets this session wrote (the last write's): replaced again without asking.
  const writtenHere = useRef<readonly string[]>([]);
  const ctx = { services, lang, form, data, files, proxyPending: proxy.pending };
  /**
   * Run a flow once the actions chunk is there; an error is explained as `activity`'s (or,
   * when the explanations cannot be loaded either, shown as it is: see useAsyncAction).
   */
  const flow = <T>(key: RunKey, work: (f: Flows, signal: AbortSignal) => Promise<T> | T, how: Omit<RunHow<T>, "explain"> & { activity: Activity }) =>
    runs.run(key, async (signal) => work((await actions()).flows, signal), { explain: async (error) => (await actions()).describeError(error, how.activity), ...how });

  /** Load for the given choices; null when it failed or was cancelled (the message says which). */
  async function load(place: Place, f: FormState, refresh: boolean): Promise<PaneData | null> {
    setProgress(starting);
    const loaded = await runs.run({ what: "load", place }, async (signal) => (await actions()).flows.load(ctx, f, refresh, signal, (p) => !signal.aborted && setProgress(p)), {
      cancelled: loadCancelled,
      explain: async (error) => (await actions()).flows.explainLoad(error, f) ?? loadCancelled,
    });
    if (loaded) setData(loaded);
    return loaded ?? null;
  }

  /** Write the report and its settings into the workbook; `action` is the button pressed, named if the user is asked before sheets are replaced. */
  async function write(place: Place, d: PaneData, f: FormState, reportLang: Lang, action: (m: Messages) => string, compareWith?: readonly OwnedSheet[]): Promise<void> {
    if (!services.writeReport) return;
    const ask = (sheets: Parameters<typeof replacing.ask>[1]) => replacing.ask(action, sheets);
    const templateYear = place === "templateFile" ? f.year + 1 : null;
    const written = await flow({ what: "write", place }, (fl) => fl.write({ ...ctx, writtenHere, ask }, d, f, reportLang, templateYear, compareWith), { activity: "write", done: (w) => w.said });
    if (written?.settings) setTemplate({ kind: "ok", settings: written.settings });
    // The price-index rows kept from the sheets are the choice from now on (a later write keeps them too).
    if (written?.prices) choose({ type: "options", options: { prices: written.prices } });
  }

  /** Fetch the template workbook's figures again (SSB is asked whether its tables changed) and rewrite it, this year or the next. */
  async function update(toNextYear: boolean): Promise<void> {
    if (template.kind !== "ok") return;
    const f = toNextYear ? nextYearForm(form) : form;
    if (toNextYear) choose({ type: "replace", form: f });
    const loaded = await load("template", f, true);
    // The report's data sheet as it is now: what changed since is listed in the new report.
    if (loaded) await write("template", loaded, f, template.settings.lang, (m) => (toNextYear ? m.updateTo(f.year) : m.update), template.settings.ownedSheets);
  }

  async function importTemplate(file: File): Promise<void> {
    const read = await flow({ what: "import", place: "templateFile" }, (fl) => fl.importTemplate(ctx, file), { activity: "load-file", done: (r) => r.said });
    if (!read?.form) return;
    choose({ type: "replace", form: read.form });
    proxy.propose(read.proposal ?? null);
  }

  const said = <T>(describe: T) => describe;
  return {
    ...runs,
    progress,
    replacing: replacing.question,
    load,
    write,
    update,
    importTemplate,
    download: () => data && flow({ what: "download", place: "report" }, (fl) => fl.download({ ...ctx, data }), { activity: "download", done: said }),
    exportTemplate: () => flow({ place: "templateFile" }, (fl) => fl.exportTemplate(ctx), { quiet: true, activity: "download", done: said }),
    // At once, not after the actions chunk: only a failure needs its explanations.
    goToSheet: (id: string, place: Place) =>
      void runs.run({ place }, async () => services.activateSheet?.(id), { quiet: true, explain: async (error) => (await actions()).describeError(error, "activate") }),
  };
}

export type PaneActions = ReturnType<typeof usePaneActions>;
