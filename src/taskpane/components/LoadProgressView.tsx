import { ProgressBar, tokens, type ProgressBarProps } from "@fluentui/react-components";
import { Caption1, Field, useFieldControl } from "../controls";
import { useEffect, useState } from "react";
import type { Lang } from "../../kostra/types";
import type { Messages } from "../i18n";
import type { PaneProgress } from "../state/data";
import { staticStyles } from "../styles";

const styles = staticStyles("progress", { detail: `color:${tokens.colorNeutralForeground2};margin:${tokens.spacingVerticalXS} 0 0 0;` });

export interface LoadProgressViewProps {
  t: Messages;
  lang: Lang;
  progress: PaneProgress;
  now: () => Date;
}

/** Seconds left until `until`, ticking once a second while there is a wait. */
function useSecondsLeft(until: number | undefined, now: () => Date): number | null {
  const [, tick] = useState(0);
  useEffect(() => {
    if (until === undefined) return;
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return until === undefined ? null : Math.max(0, Math.ceil((until - now().getTime()) / 1000));
}

/** Fluent's bar, named by the pane's Field around it (as a group: a bar is not an element a label can point to). */
function FieldProgressBar(props: ProgressBarProps) {
  const field = useFieldControl();
  return <ProgressBar aria-labelledby={field?.labelId} {...props} />;
}

/** What the load is doing: the step, requests done of planned, cache hits, and any wait for SSB's quota. */
export function LoadProgressView({ t, lang, progress, now }: LoadProgressViewProps) {
  const seconds = useSecondsLeft(progress.waiting?.until, now);
  // SSB's own step text says "request k of n"; the bar shows the share done.
  const counts = [progress.fromCache > 0 ? t.progressCache(progress.fromCache) : null].filter(Boolean);
  const step = progress.waiting && seconds !== null ? t.progressWaiting(progress.waiting.reason[lang], seconds) : typeof progress.message === "function" ? progress.message(t) : progress.message[lang];
  return (
    <div>
      <Field group label={t.progressLabel}>
        <FieldProgressBar value={progress.total > 0 ? progress.done / progress.total : undefined} max={1} thickness="large" />
      </Field>
      <Caption1 as="p" role="status" className={styles.detail}>
        {[step, ...counts].filter(Boolean).join(" · ")}
      </Caption1>
    </div>
  );
}
