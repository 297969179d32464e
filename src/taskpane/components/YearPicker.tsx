import { Dropdown, Field, Option } from "@fluentui/react-components";
import { shared } from "../styles";

export interface YearPickerProps {
  label: string;
  years: readonly number[];
  value: number;
  onChange: (year: number) => void;
}

export function YearPicker({ label, years, value, onChange }: YearPickerProps) {
  return (
    <Field label={label}>
      <Dropdown
        className={shared.narrow}
        value={String(value)}
        selectedOptions={[String(value)]}
        onOptionSelect={(_, data) => data.optionValue && onChange(Number(data.optionValue))}
      >
        {years.map((y) => (
          <Option key={y} value={String(y)}>
            {String(y)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
