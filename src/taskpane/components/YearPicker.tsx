import { Field, Select } from "../controls";
import { shared } from "../styles";

export interface YearPickerProps {
  label: string;
  years: readonly number[];
  value: number;
  onChange: (year: number) => void;
}

/** A native list (the pane's Select, ../controls): light, and at home with the keyboard, screen readers and touch. */
export function YearPicker({ label, years, value, onChange }: YearPickerProps) {
  return (
    <Field label={label}>
      <Select className={shared.narrow} value={String(value)} onChange={(_, data) => onChange(Number(data.value))}>
        {years.map((y) => (
          <option key={y} value={String(y)}>
            {String(y)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
