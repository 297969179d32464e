import { Button, Caption1, Text, tokens } from "@fluentui/react-components";

import { lazy, Suspense, useEffect, useId, useMemo, useReducer, useRef, useState } from "react";

import { KostraError } from "../kostra/errors";

import type { Lang } from "../kostra/types";
import { ActionRow } from "./components/ActionRow";

import { AdvancedOptions } from "./components/AdvancedOptions";

import { FilePicker } from "./components/FilePicker";

import { HostStatus } from "./components/HostStatus";

import { LanguageSwitch } from "./components/LanguageSwitch";

import { PaneHeader } from "./components/PaneHeader";

import { ProfileError } from "./components/ProfileError";

import { SampleNotice } from "./components/SampleNotice";

import { SelectionForm } from "./components/SelectionForm";

import { SourcePicker } from "./components/SourcePicker";

import { TemplateEditorContext } from "./components/TemplateEditorContext";

import { langFromDisplayLanguage, loadMessages, type Messages } from "./i18n";

import type { PaneServices } from "./services/types";
import { sampleData, type PaneData, type PaneProgress } from "./state/data";

import { formReducer, initialForm, isValidBaseUrl, nextYearForm, type FormAction, type FormState, type SourceKind } from "./state/form";

import type { Activity, Describe, Outcome, Place } from "./state/outcome";
import { averagingLine, computeProfile } from "./state/profile";

import { actions, explain } from "./state/lazyActions";

import { useMessages } from "./state/useMessages";

import { useProxyProposal } from "./state/useProxyProposal";

import { useWorkbookTemplate } from "./state/useWorkbookTemplate";

import { yearOptions } from "./state/years";

import { staticStyles } from "./styles";
import { domain } from "./domain";


// What appears only after the user acts loads on demand, so the first view downloads only what it shows.
const LoadBusy = lazy(() => import(/* webpackChunkName: "load-busy" */ "./components/LoadBusy"));
const OutcomeBar = lazy(() => import(/* webpackChunkName: "outcome" */ "./components/OutcomeBar"));
const DataReport = lazy(() => import(/* webpackChunkName: "outcome" */ "./components/DataReport"));
const TemplateBanner = lazy(() => import(/* webpackChunkName: "template-banner" */ "./components/TemplateBanner"));
const ProxyProposal = lazy(() => import(/* webpackChunkName: "template-banner" */ "./components/ProxyProposal"));
const ReplaceConfirm = lazy(() => import(/* webpackChunkName: "replace-confirm" */ "./components/ReplaceConfirm"));
const ProfileView = lazy(() => import(/* webpackChunkName: "profile" */ "./components/ProfileView"));

const styles = staticStyles("app", {
  pane: `display:flex;flex-direction:column;row-gap:${tokens.spacingVerticalL};padding:${tokens.spacingVerticalM} ${tokens.spacingHorizontalM};max-width:40rem;box-sizing:border-box;`,
  section: `display:flex;flex-direction:column;row-gap:${tokens.spacingVerticalS};min-width:0;`,
  heading: "margin:0;",
  quiet: `color:${tokens.colorNeutralForeground2};margin:0;`,
});

/** Where the last chosen municipality is remembered between sessions. */
export const MUNICIPALITY_KEY = "kostra-benchmark:municipality";

export interface AppProps {
  services: PaneServices;
  /** Office's display language (e.g. "nb-NO", "en-US"); bokmål unless it is English. */
  displayLanguage?: string;
  /** Choices to start from instead of the defaults (tests, links). */
  initialForm?: Partial<FormState>;
}

type Busy = "load" | "write" | "download" | "import";

function startingForm(services: PaneServices, overrides: Partial<FormState> | undefined): FormState {
  const remembered = services.storage.get(MUNICIPALITY_KEY);
  const municipality = remembered && domain().municipalityById(remembered) ? remembered : undefined;
  return initialForm({ ...(municipality ? { municipality } : {}), ...overrides });
}

const loadActivity: Record<SourceKind, Activity> = { sample: "load-sample", ssb: "load-ssb", file: "load-file", selection: "load-selection" };

/**
 * The task pane: choose a template, municipality, comparisons, years and source; load the
 * data; preview the profile; write it into the workbook or download it. The workbook is
 * touched only when the user presses a button that says so. Everything outside React
 * comes in through `services`, so the pane runs in tests and in a plain browser alike.
 */
export function App({ services, displayLanguage, initialForm: overrides }: AppProps) {
  const [lang, setLang] = useState<Lang>(() => langFromDisplayLanguage(displayLanguage));
  const t = useMessages(lang);
  const [form, dispatch] = useReducer(formReducer, undefined, () => startingForm(services, overrides));
  const [data, setData] = useState<PaneData | null>(() => (form.source === "sample" ? sampleData(services) : null));
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState<{ what: Busy; place: Place } | null>(null);
  const [progress, setProgress] = useState<PaneProgress | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // A proxy address from a workbook or template file is used only when the user accepts it.
  const proxy = useProxyProposal(dispatch);
  const [template, setTemplate] = useWorkbookTemplate(services, dispatch, () => setData(null), proxy.propose);
  const abort = useRef<AbortController | null>(null);
  // The sheets this session wrote (the last write's): replaced again without asking.
  const writtenHere = useRef<readonly string[]>([]);
  // The question before a write replaces sheets this session did not write: the button pressed, the sheets, the answer.
  const [replacing, setReplacing] = useState<{ action: (m: Messages) => string; sheets: string[]; answer: (replace: boolean) => void } | null>(null);
  const ids = { load: useId(), report: useId(), templateFile: useId() };

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const choose = (action: FormAction) => {
    if (action.type === "municipality") services.storage.set(MUNICIPALITY_KEY, action.municipality);
    dispatch(action);
  };

  const years = useMemo(() => yearOptions(services.now(), form.year, form.span.from, form.span.to), [services, form.year, form.span.from, form.span.to]);
  const result = useMemo(() => (data ? computeProfile(data.dataset, form) : null), [data, form]);
  const editorEnv = useMemo(() => ({ services, baseUrl: form.baseUrl }), [services, form.baseUrl]);
  const profile = result?.ok ? result.profile : null;
  const focalName = domain().municipalityById(form.municipality)?.name ?? form.municipality;

  const show = (place: Place, describe: Describe) => setOutcome({ place, describe });
  const outcomeAt = (place: Place) =>
    outcome?.place === place ? (
      <Suspense fallback={null}>
        <OutcomeBar
          message={outcome.describe(t, lang)}
          goToSheet={services.activateSheet ? { label: t.goToSheet, onClick: (sheet) => void goToSheet(sheet.id, place) } : undefined}
        />
      </Suspense>
    ) : null;

  async function goToSheet(id: string, place: Place) {
    try {
      await services.activateSheet?.(id);
    } catch (error) {
      show(place, await explain(error, "activate"));
    }
  }

  /** Load for the given choices; null when it failed or was cancelled (the outcome says which). */
  async function load(place: Place, f: FormState, refresh: boolean): Promise<PaneData | null> {
    const controller = new AbortController();
    abort.current = controller;
    setBusy({ what: "load", place });
    setOutcome(null);
    setProgress({ done: 0, total: 0, fromCache: 0, message: (m) => m.loading });
    const cancelled: Describe = (m) => ({ intent: "info", title: m.loadCancelled });
    try {
      const a = await actions();
      const loaded = await a.loadData(services, f, {
        files,
        signal: controller.signal,
        refresh,
        onProgress: (p) => !controller.signal.aborted && setProgress(p),
      });
      // A file or range read cannot be interrupted; a cancel still means "don't use it".
      if (controller.signal.aborted) {
        show(place, cancelled);
        return null;
      }
      setData(loaded);
      return loaded;
    } catch (error) {
      const stopped = controller.signal.aborted || (await actions().then((a) => a.isCancellation(error), () => false));
      show(place, stopped ? cancelled : await explain(error, loadActivity[f.source]));
      return null;
    } finally {
      abort.current = null;
      setBusy(null);
      setProgress(null);
    }
  }

  /**
   * Build the report and write it into the workbook; its settings go with it. Sheets it
   * would replace that this session did not write are replaced only if the user agrees
   * (asked in a dialog naming `action`, the button pressed); "Avbryt" writes nothing.
   */
  async function write(place: Place, d: PaneData, f: FormState, reportLang: Lang, action: (m: Messages) => string): Promise<void> {
    if (!services.writeReport) return;
    setBusy({ what: "write", place });
    setOutcome(null);
    try {
      const a = await actions();
      const report = await a.makeReport(d.dataset, f, reportLang);
      const settings = a.settingsFor(f, reportLang, d, proxy.pending);
      const written = await a.writeAsAgreed(services, report.plan, settings, writtenHere, (sheets) =>
        new Promise((answer) => setReplacing({ action, sheets: sheets.map((s) => s.name), answer: (yes) => (setReplacing(null), answer(yes)) })),
      );
      if (!written) return show(place, a.writeDeclined);
      setTemplate({ kind: "ok", settings: a.writtenSettings(settings, written.sheets, services.now()) });
      show(place, a.writtenOutcome(written, place === "templateFile" ? f.year + 1 : null));
    } catch (error) {
      show(place, await explain(error, "write"));
    } finally {
      setBusy(null);
    }
  }

  async function download(): Promise<void> {
    if (!data) return;
    setBusy({ what: "download", place: "report" });
    setOutcome(null);
    try {
      const a = await actions();
      const report = await a.makeReport(data.dataset, form, lang);
      const fileName = a.xlsxFileName(form);
      await services.downloadXlsx(report.plan, fileName);
      show("report", (m) => ({ intent: "success", title: m.downloadDone(fileName) }));
    } catch (error) {
      show("report", await explain(error, "download"));
    } finally {
      setBusy(null);
    }
  }

  async function update(toNextYear: boolean): Promise<void> {
    if (template.kind !== "ok") return;
    const f = toNextYear ? nextYearForm(form) : form;
    if (toNextYear) dispatch({ type: "replace", form: f });
    // SSB is asked whether its tables changed, so an update never rests on a stale cache.
    const loaded = await load("template", f, true);
    if (loaded) await write("template", loaded, f, template.settings.lang, (m) => (toNextYear ? m.updateTo(f.year) : m.update));
  }

  async function exportTemplate(): Promise<void> {
    try {
      const a = await actions();
      const fileName = a.templateFileName(form);
      services.downloadText(a.templateFileText(a.settingsFor(form, lang, data, proxy.pending), services.now()), fileName, "application/json");
      show("templateFile", (m) => ({ intent: "success", title: m.exportDone(fileName) }));
    } catch (error) {
      show("templateFile", await explain(error, "download"));
    }
  }

  async function importTemplate(file: File): Promise<void> {
    setBusy({ what: "import", place: "templateFile" });
    setOutcome(null);
    try {
      const a = await actions();
      const read = await a.readTemplateFileOf(file);
      if (!read.ok) {
        const problem = read.problem;
        show("templateFile", (m) => ({ intent: "error", title: m.importFailedTitle, body: a.describeTemplateFileProblem(problem, file.name, m) }));
        return;
      }
      dispatch({ type: "replace", form: a.formFromSettings(read.settings, form) });
      proxy.propose(a.proxyProposalFor(read.settings.source, form.baseUrl, "file"));
      show("templateFile", (m, l) => ({ intent: "success", title: m.importDoneTitle, body: m.importDone(file.name, a.describeTemplate(read.settings, m, l).summary) }));
    } catch (error) {
      show("templateFile", await explain(error, "load-file"));
    } finally {
      setBusy(null);
    }
  }

  const busyReason = busy ? { load: t.busyLoading, write: t.busyWriting, download: t.busyDownloading, import: t.busyReading }[busy.what] : null;
  const sourceReason =
    form.source === "file" && files.length === 0 ? t.needsFile : form.source === "ssb" && !isValidBaseUrl(form.baseUrl) ? t.needsBaseUrl : null;
  const loadReason = busyReason ?? sourceReason;
  const updateReason = busyReason ?? (proxy.pending ? t.proxyAnswerFirst : form.source === "file" && files.length === 0 ? t.templateNeedsFile : sourceReason);
  const reportReason = busyReason ?? (!data ? t.needsData : result && !result.ok ? t.needsProfile : null);
  // A write stores the template's SSB address; while the workbook's proposal is unanswered it would drop it.
  const writeReason = reportReason ?? (proxy.pending ? t.proxyAnswerFirst : null);
  // Saving as a template writes the report, so it waits for data like "Skriv til arbeidsbok".
  const templateFileReason = busyReason ?? (services.writeReport ? writeReason : null);
  const busyLoad = (place: Place) =>
    busy?.what === "load" && busy.place === place && progress ? (
      <Suspense fallback={<Caption1 role="status">{t.progressLabel}</Caption1>}>
        <LoadBusy t={t} lang={lang} progress={progress} now={services.now} onCancel={() => abort.current?.abort()} />
      </Suspense>
    ) : null;
  const unavailable = (reason: string | null, id: string) => (reason ? { disabledFocusable: true, "aria-describedby": id } : {});

  return (
    <main className={styles.pane}>
      <PaneHeader title={t.appTitle}>
        <LanguageSwitch lang={lang} onChange={(next) => void loadMessages(next).then(() => setLang(next))} />
      </PaneHeader>
      <HostStatus inExcel={services.inExcel} outsideExcelText={t.outsideExcel} />
      {template.kind !== "none" && template.kind !== "reading" && (
        <Suspense fallback={null}>
          <TemplateBanner t={t} lang={lang} template={template} nextYear={form.year + 1} reason={updateReason} onUpdate={(next) => void update(next)}>
            {busyLoad("template")}
            {outcomeAt("template")}
          </TemplateBanner>
        </Suspense>
      )}
      {proxy.question && (
        <Suspense fallback={null}>
          <ProxyProposal t={t} question={proxy.question} onAnswer={proxy.answer} />
        </Suspense>
      )}
      {replacing && (
        <Suspense fallback={null}>
          <ReplaceConfirm lang={lang} action={replacing.action(t)} sheets={replacing.sheets} answer={replacing.answer} />
        </Suspense>
      )}
      {data?.source === "sample" && <SampleNotice text={domain().SAMPLE_NOTICE[lang]} />}

      <section className={styles.section} aria-label={t.selectionHeading}>
        <TemplateEditorContext.Provider value={editorEnv}>
          <SelectionForm t={t} lang={lang} years={years} form={form} dispatch={choose} />
        </TemplateEditorContext.Provider>
        <AdvancedOptions
          t={t}
          summary={averagingLine(form, profile, lang)}
          focalName={focalName}
          value={form}
          onChange={(options) => choose({ type: "options", options })}
        />
        <SourcePicker
          t={t}
          value={form.source}
          selectionAvailable={Boolean(services.loadSelection)}
          files={files}
          disabled={busy !== null}
          onChange={(source) => choose({ type: "source", source })}
          onFiles={setFiles}
        />
        <ActionRow reason={loadReason} reasonId={ids.load}>
          <Button appearance="primary" {...unavailable(loadReason, ids.load)} onClick={() => void load("load", form, false)}>
            {t.load}
          </Button>
        </ActionRow>
        {busyLoad("load")}
        {outcomeAt("load")}
        {data && (data.source !== "sample" || data.warnings.length > 0) && (
          <Suspense fallback={null}>
            <DataReport t={t} lang={lang} data={data} />
          </Suspense>
        )}
      </section>

      <section className={styles.section} aria-label={t.previewHeading}>
        {!data ? (
          <Caption1 as="p" className={styles.quiet}>
            {t.noData}
          </Caption1>
        ) : result?.ok ? (
          <Suspense fallback={<Caption1 role="status">{t.loading}</Caption1>}>
            <ProfileView profile={result.profile} lang={lang} t={t} />
          </Suspense>
        ) : result ? (
          <ProfileError
            title={t.errorTitle}
            message={result.error instanceof KostraError ? result.error.messageIn(lang) : t.unexpectedError(result.error.message)}
          />
        ) : null}
      </section>

      <section className={styles.section} aria-labelledby={`${ids.report}-h`}>
        <Text as="h2" id={`${ids.report}-h`} size={400} weight="semibold" className={styles.heading}>
          {t.reportHeading}
        </Text>
        <ActionRow reason={services.writeReport ? writeReason : reportReason} reasonId={ids.report}>
          {services.writeReport && (
            <Button appearance="primary" {...unavailable(writeReason, ids.report)} onClick={() => data && void write("report", data, form, lang, (m) => m.write)}>
              {t.write}
            </Button>
          )}
          <Button {...unavailable(reportReason, ids.report)} onClick={() => void download()}>
            {t.download}
          </Button>
        </ActionRow>
        {outcomeAt("report")}
      </section>

      <section className={styles.section} aria-labelledby={`${ids.templateFile}-h`}>
        <Text as="h2" id={`${ids.templateFile}-h`} size={400} weight="semibold" className={styles.heading}>
          {t.templateHeading}
        </Text>
        <Caption1 as="p" className={styles.quiet}>
          {services.writeReport ? `${t.saveTemplateHint} ${t.templateFileHint}` : t.templateFileHint}
        </Caption1>
        <ActionRow reason={templateFileReason} reasonId={ids.templateFile}>
          {services.writeReport && (
            <Button {...unavailable(writeReason, ids.templateFile)} onClick={() => data && void write("templateFile", data, form, lang, (m) => m.saveTemplate)}>
              {t.saveTemplate}
            </Button>
          )}
          <Button {...unavailable(busyReason, ids.templateFile)} onClick={() => void exportTemplate()}>
            {t.exportTemplate}
          </Button>
          <FilePicker
            buttonText={t.importTemplate}
            inputLabel={t.templateFileInputLabel}
            accept=".json,application/json"
            disabled={busy !== null}
            onFiles={(picked) => void importTemplate(picked[0])}
          />
        </ActionRow>
        {outcomeAt("templateFile")}
      </section>
    </main>
  );
}
