import { tokens } from "@fluentui/react-components";
import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import type { Lang } from "../kostra/types";
import { ChoiceSection } from "./components/ChoiceSection";
import { HostStatus } from "./components/HostStatus";
import { LanguageSwitch } from "./components/LanguageSwitch";
import { PaneHeader } from "./components/PaneHeader";
import { PreviewSection } from "./components/PreviewSection";
import { ReportSection, TemplateFileSection } from "./components/ReportSections";
import type { PaneView } from "./components/RunFeedback";
import { langFromDisplayLanguage, loadMessages } from "./i18n";
import type { PaneServices } from "./services/types";
import type { FormState } from "./state/form";
import { actionReasons } from "./state/reasons";
import { useChoices } from "./state/useChoices";
import { useMessages } from "./state/useMessages";
import { usePaneActions } from "./state/usePaneActions";
import { useProxyProposal } from "./state/useProxyProposal";
import { useWorkbookTemplate } from "./state/useWorkbookTemplate";
import { yearOptions } from "./state/years";
import { staticStyles } from "./styles";
import { domain, domainLoaded, start } from "./domain";
import { useStartData } from "./state/useStartData";
import { useShownAfterFirstPaint } from "./state/useShownAfterFirstPaint";

// Each appears only in some workbooks or after some actions, so each loads on demand.
const TemplateNotices = lazy(() => import(/* webpackChunkName: "template-banner" */ "./components/TemplateNotices"));
const ReplaceConfirm = lazy(() => import(/* webpackChunkName: "replace-confirm" */ "./components/ReplaceConfirm"));
// The sample and its notice come with the domain chunk (after the first view): the notice travels in that chunk.
const SampleNotice = lazy(() => import(/* webpackChunkName: "domain" */ "./components/SampleNotice").then((m) => ({ default: m.SampleNotice })));

const styles = staticStyles("app", {
  pane: `display:flex;flex-direction:column;row-gap:${tokens.spacingVerticalL};padding:${tokens.spacingVerticalM} ${tokens.spacingHorizontalM};max-width:40rem;box-sizing:border-box;`,
  section: `display:flex;flex-direction:column;row-gap:${tokens.spacingVerticalS};min-width:0;`,
  heading: "margin:0;",
  quiet: `color:${tokens.colorNeutralForeground2};margin:0;`,
});

export interface AppProps {
  services: PaneServices;
  /** Office's display language (e.g. "nb-NO", "en-US"); bokmål unless it is English. */
  displayLanguage?: string;
  /** Choices to start from instead of the remembered ones or the defaults (tests, links). */
  initialForm?: Partial<FormState>;
  /**
   * Mount the sections under "Hent data" (the preview, the report, the template file) only
   * once the first view has been painted, so the first frame holds only the choices and
   * the button (index.tsx: the pane as users open it). They come one frame later, in their
   * place in the page, so keyboard and screen-reader order are as before.
   */
  laterSectionsAfterFirstPaint?: boolean;
}

/**
 * The task pane: choose a template, municipality, comparisons, years and source; load the
 * data; preview the profile; write it into the workbook or download it. The workbook is
 * touched only when the user presses a button that says so. Everything outside React
 * comes in through `services`, so the pane runs in tests and in a plain browser alike.
 */
export function App({ services, displayLanguage, initialForm: overrides, laterSectionsAfterFirstPaint = false }: AppProps) {
  const [lang, setLang] = useState<Lang>(() => langFromDisplayLanguage(displayLanguage));
  const t = useMessages(lang);
  const { form, choose, dispatch } = useChoices(services, overrides);
  const { data, setData, startOver } = useStartData(services, form.source);
  const [files, setFiles] = useState<File[]>([]);
  // A proxy address from a workbook or template file is used only when the user accepts it.
  const proxy = useProxyProposal(choose);
  const [template, setTemplate] = useWorkbookTemplate(services, dispatch, form, startOver, proxy.propose);
  const actions = usePaneActions({ services, lang, form, choose, data, setData, files, template, setTemplate, proxy });
  const laterSections = useShownAfterFirstPaint(laterSectionsAfterFirstPaint);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const years = useMemo(() => yearOptions(services.now(), form.year, form.span.from, form.span.to), [services, form.year, form.span.from, form.span.to]);
  // Data comes with (or after) the domain modules, and so do the profile and the averaging line.
  const result = useMemo(() => (data ? domain().computeProfile(data.dataset, form) : null), [data, form]);
  const profile = result?.ok ? result.profile : null;
  const canWrite = Boolean(services.writeReport);
  const reasons = actionReasons(t, { busy: actions.busy?.what, form, files, data, profileOk: result?.ok ?? true, proxyPending: proxy.pending, canWrite });
  const pane: PaneView = { t, lang, services, actions, reasons };
  const classNames = { section: styles.section, heading: styles.heading, quiet: styles.quiet };

  return (
    <main className={styles.pane}>
      <PaneHeader title={t.appTitle}>
        <LanguageSwitch lang={lang} onChange={(next) => void loadMessages(next).then(() => setLang(next))} />
      </PaneHeader>
      <HostStatus inExcel={services.inExcel} outsideExcelText={t.outsideExcel} />
      {((template.kind !== "none" && template.kind !== "reading") || proxy.question) && (
        <Suspense fallback={null}>
          <TemplateNotices pane={pane} template={template} form={form} proxy={proxy} />
        </Suspense>
      )}
      {actions.replacing && (
        <Suspense fallback={null}>
          <ReplaceConfirm lang={lang} action={actions.replacing.action(t)} sheets={actions.replacing.sheets} answer={actions.replacing.answer} />
        </Suspense>
      )}
      {data?.source === "sample" && (
        <Suspense fallback={null}>
          <SampleNotice text={domain().SAMPLE_NOTICE[lang]} />
        </Suspense>
      )}
      <ChoiceSection
        pane={pane}
        className={styles.section}
        form={form}
        choose={choose}
        years={years}
        averaging={domainLoaded() ? domain().averagingLine(form, profile, lang) : null}
        focalName={start().municipalityName(form.municipality)?.[1] ?? form.municipality}
        data={data}
        files={files}
        setFiles={setFiles}
      />
      {laterSections && (
        <>
          <PreviewSection t={t} lang={lang} className={styles.section} quietClassName={styles.quiet} result={result} />
          <ReportSection pane={pane} classNames={classNames} form={form} data={data} />
          <TemplateFileSection pane={pane} classNames={classNames} form={form} data={data} />
        </>
      )}
    </main>
  );
}
