import { tokens } from "@fluentui/react-components";
import { createContext, useContext, useId, type ReactNode } from "react";
import { cx, staticStyles } from "../styles";

/*
 * The pane's form controls are the browser's own (<select>, <input>, <label>) under Fluent's
 * design tokens, not Fluent's components: they look the same, are labelled the same way,
 * and a screen reader, the keyboard and Windows' high-contrast colours treat them as
 * native controls; and the pane's first view renders in a fraction of the time (bench/pane.js).
 */

export type ValidationState = "none" | "warning" | "error";

/** What a control inside a Field takes from it: its id (the label's `for`), its description and whether it is invalid. */
export interface FieldControl {
  id: string;
  labelId: string;
  describedBy: string | undefined;
  invalid: boolean;
  required: boolean;
}

const FieldContext = createContext<FieldControl | null>(null);

/** The Field around a control, or null outside one. */
export const useFieldControl = (): FieldControl | null => useContext(FieldContext);

/** What a select or a text box inside a Field carries from it: the id its label points to, its description, invalid and required. */
export function useFieldControlProps() {
  const field = useFieldControl();
  return {
    invalid: field?.invalid ?? false,
    props: { id: field?.id, "aria-describedby": field?.describedBy, "aria-invalid": field?.invalid || undefined, required: field?.required || undefined },
  };
}

const styles = staticStyles("field", {
  root: `display:grid;grid-template-columns:minmax(0, 1fr);row-gap:${tokens.spacingVerticalXXS};min-width:0;`,
  label: `color:${tokens.colorNeutralForeground1};font-family:${tokens.fontFamilyBase};font-size:${tokens.fontSizeBase300};line-height:${tokens.lineHeightBase300};font-weight:${tokens.fontWeightRegular};padding:${tokens.spacingVerticalXXS} 0;`,
  message: `margin:0;font-family:${tokens.fontFamilyBase};font-size:${tokens.fontSizeBase200};line-height:${tokens.lineHeightBase200};color:${tokens.colorNeutralForeground3};`,
  error: `color:${tokens.colorPaletteRedForeground1};`,
  // A warning or an error is marked by a sign, not by its colour alone; a screen reader reads the message, not the sign ('/ ""').
  // (The plain form first: a browser without the alternative text keeps it, so the sign is drawn everywhere.)
  "warning::before": `content:"⚠ ";content:"⚠ "/"";color:${tokens.colorPaletteDarkOrangeForeground1};`,
  "error::before": `content:"⨯ ";content:"⨯ "/"";`,
  required: `color:${tokens.colorPaletteRedForeground3};padding-left:${tokens.spacingHorizontalXS};`,
});

export interface FieldProps {
  label: ReactNode;
  /** A line under the control that explains it. */
  hint?: ReactNode;
  validationState?: ValidationState;
  /** Shown under the control (before the hint) when there is something to say about its value. */
  validationMessage?: ReactNode;
  className?: string;
  /** A value is needed: an asterisk after the label, and the control says so (`required`). */
  required?: boolean;
  /** The control is a group (radio buttons): the label names it through `aria-labelledby`, being no label `for` one element. */
  group?: boolean;
  children: ReactNode;
}

/**
 * A labelled control: the label names the control (`for`, or `aria-labelledby` for a
 * group), the validation message and the hint describe it (`aria-describedby`), and an
 * error marks it invalid (`aria-invalid`).
 */
export function Field({ label, hint, validationState = "none", validationMessage, className, required = false, group = false, children }: FieldProps) {
  const id = useId();
  const labelId = `${id}-label`;
  const messageId = validationMessage ? `${id}-message` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  const describedBy = [messageId, hintId].filter(Boolean).join(" ") || undefined;
  const control: FieldControl = { id, labelId, describedBy, invalid: validationState === "error", required };
  return (
    <div className={cx(styles.root, className)}>
      {group ? (
        <span id={labelId} className={styles.label}>
          {label}
        </span>
      ) : (
        <label id={labelId} htmlFor={id} className={styles.label}>
          {label}
          {required && (
            <span aria-hidden="true" className={styles.required}>
              *
            </span>
          )}
        </label>
      )}
      <FieldContext.Provider value={control}>{children}</FieldContext.Provider>
      {validationMessage && (
        // An error or a warning is announced as it appears (as Fluent's Field does); the control keeps the focus.
        <p
          id={messageId}
          role={validationState === "none" ? undefined : "alert"}
          className={cx(styles.message, validationState === "error" && styles.error, validationState === "warning" && styles.warning)}
        >
          {validationMessage}
        </p>
      )}
      {hint && (
        <p id={hintId} className={styles.message}>
          {hint}
        </p>
      )}
    </div>
  );
}
