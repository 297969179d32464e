import { tokens } from "@fluentui/react-components";
import { createContext, useContext, useId, type ChangeEvent, type ReactNode } from "react";
import { cx, staticStyles } from "../styles";
import { useFieldControl } from "./field";

/*
 * Check boxes and radio buttons: the browser's own, in Fluent's brand colour
 * (accent-color), each with its label beside it. The system draws them, so Windows'
 * high-contrast colours, the keyboard (Space; arrow keys within a radio group) and screen
 * readers work as everywhere else.
 */
const styles = staticStyles("choice", {
  root: `display:inline-flex;align-items:flex-start;column-gap:${tokens.spacingHorizontalS};padding:6px ${tokens.spacingHorizontalS} 6px 0;color:${tokens.colorNeutralForeground1};font-family:${tokens.fontFamilyBase};font-size:${tokens.fontSizeBase300};line-height:${tokens.lineHeightBase300};`,
  input: `flex:none;width:16px;height:16px;margin:2px 0 0 ${tokens.spacingHorizontalS};accent-color:${tokens.colorCompoundBrandBackground};cursor:pointer;`,
  "input:focus-visible": `outline:2px solid ${tokens.colorStrokeFocus2};outline-offset:2px;`,
  "input:disabled": "cursor:not-allowed;",
  label: "cursor:pointer;",
  disabled: `color:${tokens.colorNeutralForegroundDisabled};`,
  group: "display:flex;flex-direction:column;align-items:flex-start;",
});

export interface CheckboxProps {
  label: ReactNode;
  checked: boolean;
  disabled?: boolean;
  /** As Fluent's: the event and whether the box is now checked. */
  onChange?: (event: ChangeEvent<HTMLInputElement>, data: { checked: boolean }) => void;
}

export function Checkbox({ label, checked, disabled, onChange }: CheckboxProps) {
  const id = useId();
  return (
    <span className={cx(styles.root, disabled && styles.disabled)}>
      <input
        id={id}
        type="checkbox"
        className={styles.input}
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange?.(event, { checked: event.target.checked })}
      />
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
    </span>
  );
}

interface RadioGroupState {
  name: string;
  value: string;
  disabled: boolean;
  onChange?: (event: ChangeEvent<HTMLInputElement>, data: { value: string }) => void;
}

const RadioGroupContext = createContext<RadioGroupState | null>(null);

export interface RadioGroupProps {
  value: string;
  disabled?: boolean;
  /** As Fluent's: the event and the chosen button's value. */
  onChange?: (event: ChangeEvent<HTMLInputElement>, data: { value: string }) => void;
  children: ReactNode;
}

/** Radio buttons under one name (one tab stop; the arrow keys choose), named by the Field around them (`<Field group>`). */
export function RadioGroup({ value, disabled = false, onChange, children }: RadioGroupProps) {
  const name = useId();
  const field = useFieldControl();
  return (
    <div role="radiogroup" aria-labelledby={field?.labelId} aria-describedby={field?.describedBy} aria-disabled={disabled || undefined} className={styles.group}>
      <RadioGroupContext.Provider value={{ name, value, disabled, onChange }}>{children}</RadioGroupContext.Provider>
    </div>
  );
}

export function Radio({ value, label }: { value: string; label: ReactNode }) {
  const group = useContext(RadioGroupContext);
  const id = useId();
  if (!group) throw new Error("Radio outside a RadioGroup");
  return (
    <span className={cx(styles.root, group.disabled && styles.disabled)}>
      <input
        id={id}
        type="radio"
        name={group.name}
        value={value}
        className={styles.input}
        checked={group.value === value}
        disabled={group.disabled}
        onChange={(event) => group.onChange?.(event, { value })}
      />
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
    </span>
  );
}
