import { Button, tokens } from "@fluentui/react-components";
import type { Lang } from "../../kostra/types";
import type { Messages } from "../i18n";
import type { PaneProgress } from "../state/data";
import { staticStyles } from "../styles";
import { LoadProgressView } from "./LoadProgressView";

const styles = staticStyles("busy", {
  wrap: `display:flex;flex-direction:column;row-gap:${tokens.spacingVerticalS};align-items:stretch;`,
  cancel: "align-self:flex-start;",
});

export interface LoadBusyProps {
  t: Messages;
  lang: Lang;
  progress: PaneProgress;
  now: () => Date;
  onCancel: () => void;
}

/** A load under way: what it is doing, and the way to stop it. */
export function LoadBusy({ t, lang, progress, now, onCancel }: LoadBusyProps) {
  return (
    <div className={styles.wrap}>
      <LoadProgressView t={t} lang={lang} progress={progress} now={now} />
      <Button className={styles.cancel} onClick={onCancel}>
        {t.cancel}
      </Button>
    </div>
  );
}

export default LoadBusy;
