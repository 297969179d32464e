import { tokens } from "@fluentui/react-components";
import { forwardRef, type ChangeEvent, type InputHTMLAttributes } from "react";
import { cx, staticStyles } from "../styles";
import { boxRules } from "./box";
import { useFieldControlProps } from "./field";

const styles = staticStyles("input", {
  ...boxRules(),
  input: `flex:1 1 auto;width:100%;min-width:0;align-self:stretch;box-sizing:border-box;margin:0;padding:0 ${tokens.spacingHorizontalMNudge};border:none;border-radius:${tokens.borderRadiusMedium};background:transparent;color:${tokens.colorNeutralForeground1};font-family:${tokens.fontFamilyBase};font-size:${tokens.fontSizeBase300};line-height:${tokens.lineHeightBase300};outline:none;`,
  "input:disabled": `color:${tokens.colorNeutralForegroundDisabled};cursor:not-allowed;`,
});

export interface InputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "onChange"> {
  /** As Fluent's: the event and the box's text. */
  onChange?: (event: ChangeEvent<HTMLInputElement>, data: { value: string }) => void;
}

/** A text box: the browser's <input>, styled as Fluent's outline Input. `className` goes on the frame around it, `ref` to the box. */
export const Input = forwardRef<HTMLInputElement, InputProps>(function Input({ className, onChange, disabled, ...rest }, ref) {
  const field = useFieldControlProps();
  return (
    <span className={cx(styles.root, disabled && styles.disabled, field.invalid && styles.invalid, className)}>
      <input
        {...field.props}
        {...rest}
        ref={ref}
        disabled={disabled}
        className={styles.input}
        onChange={(event) => onChange?.(event, { value: event.target.value })}
      />
    </span>
  );
});
