import { tokens } from "@fluentui/react-components";
import type { ChangeEvent, SelectHTMLAttributes } from "react";
import { cx, staticStyles } from "../styles";
import { useFieldControlProps } from "./field";
import { boxRules } from "./box";

const styles = staticStyles("select", {
  ...boxRules(),
  select: `appearance:none;width:100%;min-width:0;height:32px;box-sizing:border-box;margin:0;padding:0 28px 0 ${tokens.spacingHorizontalMNudge};border:none;border-radius:${tokens.borderRadiusMedium};background:transparent;color:${tokens.colorNeutralForeground1};font-family:${tokens.fontFamilyBase};font-size:${tokens.fontSizeBase300};line-height:${tokens.lineHeightBase300};cursor:pointer;outline:none;`,
  "select:disabled": `color:${tokens.colorNeutralForegroundDisabled};cursor:not-allowed;`,
  // The arrow: a chevron drawn in the text's colour (so Windows' high-contrast colours draw it too).
  icon: "position:absolute;right:12px;top:11px;width:6px;height:6px;border-right:1.5px solid currentColor;border-bottom:1.5px solid currentColor;transform:rotate(45deg);pointer-events:none;color:inherit;",
});

export interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "onChange"> {
  /** As Fluent's: the event and the chosen option's value. */
  onChange?: (event: ChangeEvent<HTMLSelectElement>, data: { value: string }) => void;
}

/**
 * A drop-down list: the browser's <select> (its list opens as the system's, within the
 * pane), styled as Fluent's outline Select. `className` goes on the frame around it.
 */
export function Select({ className, onChange, children, disabled, ...rest }: SelectProps) {
  const field = useFieldControlProps();
  return (
    <span className={cx(styles.root, disabled && styles.disabled, field.invalid && styles.invalid, className)}>
      <select
        {...field.props}
        {...rest}
        disabled={disabled}
        className={styles.select}
        onChange={(event) => onChange?.(event, { value: event.target.value })}
      >
        {children}
      </select>
      <span aria-hidden="true" className={styles.icon} />
    </span>
  );
}
