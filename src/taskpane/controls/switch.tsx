import { tokens } from "@fluentui/react-components";
import { useId, type ChangeEvent, type ReactNode } from "react";
import { staticStyles } from "../styles";

/*
 * An on/off switch: a check box with the switch role (read as "switch, on/off"), laid
 * invisibly over the track Fluent's Switch draws, so the browser's own box takes the
 * clicks, Space and the focus.
 */
const styles = staticStyles("switch", {
  root: `display:inline-flex;align-items:center;column-gap:${tokens.spacingHorizontalS};color:${tokens.colorNeutralForeground1};font-family:${tokens.fontFamilyBase};font-size:${tokens.fontSizeBase300};line-height:${tokens.lineHeightBase300};`,
  label: "cursor:pointer;",
  control: "position:relative;display:inline-flex;width:40px;height:20px;margin:6px 0;",
  input: "position:absolute;inset:0;width:100%;height:100%;margin:0;opacity:0;cursor:pointer;",
  track: `box-sizing:border-box;width:40px;height:20px;border:1px solid ${tokens.colorNeutralStrokeAccessible};border-radius:${tokens.borderRadiusCircular};background:${tokens.colorTransparentBackground};pointer-events:none;`,
  thumb: `display:block;width:14px;height:14px;margin:2px;border-radius:50%;background:${tokens.colorNeutralForeground3};transition:transform 150ms;`,
  "input:checked+.kb-switch-track": `background:${tokens.colorCompoundBrandBackground};border-color:transparent;`,
  "input:checked+.kb-switch-track>.kb-switch-thumb": `background:${tokens.colorNeutralForegroundInverted};transform:translateX(20px);`,
  "input:focus-visible+.kb-switch-track": `outline:2px solid ${tokens.colorStrokeFocus2};outline-offset:2px;`,
  // Windows' high-contrast colours would drop the backgrounds: the system's colours draw the thumb and the "on" track.
  "thumb @media (forced-colors: active)": "forced-color-adjust:none;background:ButtonText;",
  "input:checked+.kb-switch-track @media (forced-colors: active)": "forced-color-adjust:none;background:Highlight;border-color:Highlight;",
  "input:checked+.kb-switch-track>.kb-switch-thumb @media (forced-colors: active)": "background:HighlightText;",
});

export interface SwitchProps {
  label: ReactNode;
  checked: boolean;
  onChange?: (event: ChangeEvent<HTMLInputElement>, data: { checked: boolean }) => void;
}

/** A switch with its label before it. */
export function Switch({ label, checked, onChange }: SwitchProps) {
  const id = useId();
  return (
    <span className={styles.root}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <span className={styles.control}>
        <input
          id={id}
          type="checkbox"
          role="switch"
          className={styles.input}
          checked={checked}
          onChange={(event) => onChange?.(event, { checked: event.target.checked })}
        />
        <span aria-hidden="true" className={styles.track}>
          <span className={styles.thumb} />
        </span>
      </span>
    </span>
  );
}
