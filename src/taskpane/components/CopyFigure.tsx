import { Button, tokens } from "@fluentui/react-components";
import { Caption1 } from "../controls";
import { useState, type RefObject } from "react";
import type { Messages } from "../i18n";
import { copyPng, downloadPng, pngOf } from "../services/figureImage";
import { staticStyles } from "../styles";

const styles = staticStyles("copyfig", {
  row: `display:flex;flex-wrap:wrap;align-items:center;column-gap:${tokens.spacingHorizontalS};row-gap:${tokens.spacingVerticalXS};`,
  note: `flex-basis:100%;color:${tokens.colorNeutralForeground2};`,
  problem: `flex-basis:100%;color:${tokens.colorPaletteDarkOrangeForeground1};`,
});

type State = { kind: "idle" | "copying" | "copied" | "refused" } | { kind: "failed"; message: string };

/** What the status line says in each state (nothing before the first press). */
function said(state: State, t: Messages): string {
  switch (state.kind) {
    case "idle":
      return "";
    case "copying":
      return t.copyingFigure;
    case "copied":
      return t.figureCopied;
    case "refused":
      return t.copyRefused;
    case "failed":
      return t.pngFailed(state.message);
  }
}

export interface CopyFigureProps {
  /** The chart to copy. */
  svg: RefObject<SVGSVGElement>;
  fileName: string;
  t: Messages;
}

/** "Kopier figur": the chart as a PNG on the clipboard; where the clipboard refuses, a message and "Last ned PNG". */
export function CopyFigure({ svg, fileName, t }: CopyFigureProps) {
  const [state, setState] = useState<State>({ kind: "idle" });
  const failed = (error: unknown) => setState({ kind: "failed", message: error instanceof Error ? error.message : String(error) });

  const copy = async () => {
    const chart = svg.current;
    if (!chart) return;
    setState({ kind: "copying" });
    const outcome = await copyPng(() => pngOf(chart));
    if (outcome.kind === "failed") failed(outcome.error);
    else setState({ kind: outcome.kind });
  };

  const download = async () => {
    const chart = svg.current;
    if (!chart) return;
    try {
      await downloadPng(chart, fileName);
    } catch (error) {
      failed(error);
    }
  };

  const refused = state.kind === "refused" || state.kind === "failed";
  return (
    <div className={styles.row}>
      <Button onClick={() => void copy()} disabledFocusable={state.kind === "copying"}>
        {t.copyFigure}
      </Button>
      {refused && <Button onClick={() => void download()}>{t.downloadPng}</Button>}
      <Caption1 role="status" className={refused ? styles.problem : styles.note}>
        {said(state, t)}
      </Caption1>
    </div>
  );
}
