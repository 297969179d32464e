import { Button, MessageBar, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import { Caption1 } from "../controls";
import { useEffect, useId, useRef } from "react";
import type { Messages } from "../i18n";
import type { ProxyQuestion } from "../state/useProxyProposal";
import { staticStyles } from "../styles";
import { ActionRow } from "./ActionRow";

const styles = staticStyles("proxy", {
  wrap: `display:flex;flex-direction:column;row-gap:${tokens.spacingVerticalS};`,
  para: `margin:${tokens.spacingVerticalXS} 0 0 0;`,
  // A long address must wrap in a narrow pane.
  body: "overflow-wrap:anywhere;",
  answered: `margin:0;color:${tokens.colorNeutralForeground2};`,
});

export interface ProxyProposalProps {
  t: Messages;
  question: ProxyQuestion;
  onAnswer: (use: boolean) => void;
}

/**
 * The SSB address a workbook or template file proposes: asked about, with "Bruk adressen" and
 * "Ignorer"; or, when the address is refused, shown with the reason and only dismissed. The
 * answer is said in one line where the question was, and focus moves there, so keyboard and
 * screen reader users are not left on a button that disappeared.
 */
export function ProxyProposal({ t, question, onAnswer }: ProxyProposalProps) {
  const answeredRef = useRef<HTMLParagraphElement>(null);
  const titleId = useId();
  const answered = question.kind === "answered";
  useEffect(() => {
    if (answered) answeredRef.current?.focus();
  }, [answered]);

  const { proposal } = question;
  if (question.kind === "answered") {
    return (
      <p role="status" tabIndex={-1} ref={answeredRef} className={styles.answered}>
        <Caption1>{question.used && proposal.check.ok ? t.proxyUsed(proposal.check.url) : t.proxyIgnored}</Caption1>
      </p>
    );
  }
  const check = proposal.check;
  return (
    <section className={styles.wrap} aria-labelledby={titleId}>
      {check.ok ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody className={styles.body}>
            <MessageBarTitle id={titleId}>{t.proxyAskTitle(proposal.from)}</MessageBarTitle>{" "}
            {/* The address in checkBaseUrl's normal form: a look-alike host shows as xn--…. */}
            {t.proxyAsk(proposal.from, check.url)}
            <p className={styles.para}>{t.proxyAskNote}</p>
          </MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody className={styles.body}>
            <MessageBarTitle id={titleId}>{t.proxyRefusedTitle(proposal.from)}</MessageBarTitle> {t.inLanguage(check.reason)}
            <p className={styles.para}>{t.proxyRefusedNote}</p>
          </MessageBarBody>
        </MessageBar>
      )}
      <ActionRow reasonId={`${titleId}-reason`}>
        {check.ok ? (
          <>
            <Button appearance="primary" onClick={() => onAnswer(true)}>
              {t.proxyUse}
            </Button>
            <Button onClick={() => onAnswer(false)}>{t.proxyIgnore}</Button>
          </>
        ) : (
          <Button onClick={() => onAnswer(false)}>{t.proxyDismiss}</Button>
        )}
      </ActionRow>
    </section>
  );
}

export default ProxyProposal;
