import { Button, MessageBar, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import type { PaneMessage } from "../state/outcome";
import { staticStyles } from "../styles";

const styles = staticStyles("outcome", {
  list: `margin:${tokens.spacingVerticalXS} 0 0 0;padding-left:${tokens.spacingHorizontalL};`,
  para: `margin:${tokens.spacingVerticalXS} 0 0 0;`,
  // A button that reads as a link: it acts in the workbook rather than navigating.
  // At least 24 px tall: WCAG 2.2 target size (2.5.8).
  link: "padding:0;min-width:0;min-height:24px;text-decoration-line:underline;justify-content:flex-start;text-align:start;",
  sheets: `display:flex;flex-direction:column;align-items:flex-start;row-gap:${tokens.spacingVerticalXXS};margin-top:${tokens.spacingVerticalXS};`,
});

export interface OutcomeBarProps {
  message: PaneMessage;
  goToSheet?: { label: (name: string) => string; onClick: (sheet: { id: string; name: string }) => void };
}

/** A message bar saying what happened and what to do; after a write, links to the written sheets. */
export function OutcomeBar({ message, goToSheet }: OutcomeBarProps) {
  return (
    <MessageBar intent={message.intent} layout="multiline" role={message.intent === "error" ? "alert" : undefined}>
      <MessageBarBody>
        <MessageBarTitle>{message.title}</MessageBarTitle>
        {message.body && <> {message.body}</>}
        {message.list && message.list.length > 0 && (
          <ul className={styles.list}>
            {message.list.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ul>
        )}
        {message.advice && <p className={styles.para}>{message.advice}</p>}
        {goToSheet && message.sheets && message.sheets.length > 0 && (
          <div className={styles.sheets}>
            {message.sheets.map((s) => (
              <Button key={s.id} appearance="transparent" size="small" className={styles.link} onClick={() => goToSheet.onClick(s)}>
                {goToSheet.label(s.name)}
              </Button>
            ))}
          </div>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

export default OutcomeBar;
