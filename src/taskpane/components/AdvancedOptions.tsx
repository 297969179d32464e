import { tokens } from "@fluentui/react-components";
import { Caption1 } from "../controls";
import { lazy, Suspense } from "react";
import type { Messages } from "../i18n";
import type { AdvancedOptions as Options } from "../state/form";
import { staticStyles } from "../styles";
import { afterNextPaint } from "../afterPaint";

// The accordion and its controls are folded away at start, so they load after the first view has been painted.
const AdvancedPanel = lazy(() => afterNextPaint().then(() => import(/* webpackChunkName: "advanced" */ "./AdvancedPanel")));

const styles = staticStyles("advanced-summary", {
  summary: `color:${tokens.colorNeutralForeground2};margin:0;`,
  // Holds the accordion header's place while it loads, so the page does not jump.
  placeholder: "min-height:32px;",
});

export interface AdvancedOptionsProps {
  t: Messages;
  /** The averaging rule in one line, always visible. */
  summary: string | null;
  focalName: string;
  value: Options;
  onChange: (options: Partial<Options>) => void;
}

/** The averaging rule, always visible in one line, above the folded advanced options. */
export function AdvancedOptions({ t, summary, focalName, value, onChange }: AdvancedOptionsProps) {
  const line = [summary, value.chartComparisons ? t.chartWithComparisons : null].filter(Boolean).join(" · ");
  return (
    <div>
      {line && (
        <Caption1 as="p" className={styles.summary} role="status">
          {line}
        </Caption1>
      )}
      <Suspense fallback={<div className={styles.placeholder} />}>
        <AdvancedPanel t={t} focalName={focalName} value={value} onChange={onChange} />
      </Suspense>
    </div>
  );
}
