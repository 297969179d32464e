/**
 * What a template workbook or template file brings above the choices: the template
 * banner with its update (and that update's progress and outcome), and the question
 * about a proxy address it proposes. Shown only then, so loaded only then.
 */
import type { FormState } from "../state/form";
import type { TemplateState } from "../state/template";
import type { ProxyProposalState } from "../state/useProxyProposal";
import { ProxyProposal } from "./ProxyProposal";
import { RunFeedback, type PaneView } from "./RunFeedback";
import { TemplateBanner } from "./TemplateBanner";

export interface TemplateNoticesProps {
  pane: PaneView;
  template: TemplateState;
  form: FormState;
  proxy: ProxyProposalState;
}

export function TemplateNotices({ pane, template, form, proxy }: TemplateNoticesProps) {
  const { t, lang, actions, reasons } = pane;
  return (
    <>
      {template.kind !== "none" && template.kind !== "reading" && (
        <TemplateBanner t={t} lang={lang} template={template} nextYear={form.year + 1} reason={reasons.update} onUpdate={(next) => void actions.update(next)}>
          <RunFeedback place="template" pane={pane} />
        </TemplateBanner>
      )}
      {proxy.question && <ProxyProposal t={t} question={proxy.question} onAnswer={proxy.answer} />}
    </>
  );
}

export default TemplateNotices;
