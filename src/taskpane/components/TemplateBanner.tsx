import { Button, MessageBar, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import { useId, type ReactNode } from "react";
import type { Lang } from "../../kostra/types";
import type { Messages } from "../i18n";
import { formatDateTime } from "../i18n/format";
import { describeTemplate, type TemplateState } from "../state/template";
import { staticStyles } from "../styles";
import { ActionRow } from "./ActionRow";

const styles = staticStyles("template", {
  wrap: `display:flex;flex-direction:column;row-gap:${tokens.spacingVerticalS};`,
  para: `margin:${tokens.spacingVerticalXS} 0 0 0;`,
});

export interface TemplateBannerProps {
  t: Messages;
  lang: Lang;
  template: TemplateState;
  /** The year "Oppdater til" moves to. */
  nextYear: number;
  /** Why updating is not possible now (work running, a file to choose). */
  reason: string | null;
  onUpdate: (toNextYear: boolean) => void;
  /** Progress and outcomes of an update, shown here where the user pressed. */
  children?: ReactNode;
}

/** The workbook is a template: say so, and offer to update it (same year, or the next). Or say why its settings cannot be used. */
export function TemplateBanner({ t, lang, template, nextYear, reason, onUpdate, children }: TemplateBannerProps) {
  const reasonId = useId();
  if (template.kind === "invalid" || template.kind === "failed") {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t.templateInvalidTitle}</MessageBarTitle> {template.kind === "invalid" ? template.reason[lang] : t.templateReadFailed}
          <p className={styles.para}>{t.templateInvalidAdvice}</p>
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (template.kind !== "ok") return null;
  const { settings } = template;
  const about = describeTemplate(settings, t, lang);
  const unavailable = reason !== null;
  return (
    <div className={styles.wrap}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t.templateFound(about.sector, about.municipality, about.year)}</MessageBarTitle>
          {settings.writtenAt && <> {t.templateWritten(formatDateTime(settings.writtenAt, lang))}</>}
          <p className={styles.para}>{t.templateUpdateHint}</p>
        </MessageBarBody>
      </MessageBar>
      <ActionRow reason={reason} reasonId={reasonId}>
        <Button appearance="primary" disabledFocusable={unavailable} aria-describedby={unavailable ? reasonId : undefined} onClick={() => onUpdate(false)}>
          {t.update}
        </Button>
        <Button disabledFocusable={unavailable} aria-describedby={unavailable ? reasonId : undefined} onClick={() => onUpdate(true)}>
          {t.updateTo(nextYear)}
        </Button>
      </ActionRow>
      {children}
    </div>
  );
}

export default TemplateBanner;
