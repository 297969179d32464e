import { Dropdown, Field, makeStyles, Option } from "@fluentui/react-components";

// Fluent gives the control a 250 px minimum width; in a narrow pane it must follow the layout instead.
const useStyles = makeStyles({ control: { minWidth: 0 } });

export interface YearPickerProps {
  label: string;
  years: readonly number[];
  value: number;
  onChange: (year: number) => void;
}

export function YearPicker({ label, years, value, onChange }: YearPickerProps) {
  const styles = useStyles();
  return (
    <Field label={label}>
      <Dropdown
        className={styles.control}
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
