/**
 * The pane's form controls and text: the browser's own elements under Fluent's design
 * tokens (see ./field.tsx for why). Fluent's components stay for what the browser has no
 * element for (buttons' looks, message bars, dialogs, the accordion, progress).
 */
export { Field, useFieldControl, type FieldProps, type ValidationState } from "./field";
export { Select, type SelectProps } from "./select";
export { Input, type InputProps } from "./input";
export { Checkbox, Radio, RadioGroup, type CheckboxProps, type RadioGroupProps } from "./choice";
export { Switch, type SwitchProps } from "./switch";
export { Body1, Caption1, PaneTitle } from "./text";
