import { lazy, Suspense } from "react";
import type { FormState } from "../state/form";
import type { TemplateState } from "../state/template";
import type { ProxyProposalState } from "../state/useProxyProposal";
import { RunFeedback, type PaneView } from "./RunFeedback";

// Each appears only in some workbooks or after some actions, so each loads on demand.
const TemplateBanner = lazy(() => import(/* webpackChunkName: "template-banner" */ "./TemplateBanner"));
const ProxyProposal = lazy(() => import(/* webpackChunkName: "template-banner" */ "./ProxyProposal"));
const ReplaceConfirm = lazy(() => import(/* webpackChunkName: "replace-confirm" */ "./ReplaceConfirm"));

export interface PaneNoticesProps {
  pane: PaneView;
  template: TemplateState;
  form: FormState;
  proxy: ProxyProposalState;
}

/** Above the choices: the template workbook's banner with its update, the proxy question, and the question before replacing sheets. */
export function PaneNotices({ pane, template, form, proxy }: PaneNoticesProps) {
  const { t, lang, actions, reasons } = pane;
  const replacing = actions.replacing;
  // Each in its own boundary: one still loading hides none of the others.
  return (
    <>
      {template.kind !== "none" && template.kind !== "reading" && (
        <Suspense fallback={null}>
          <TemplateBanner t={t} lang={lang} template={template} nextYear={form.year + 1} reason={reasons.update} onUpdate={(next) => void actions.update(next)}>
            <RunFeedback place="template" pane={pane} />
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
    </>
  );
}
