import { Dropdown, Field, makeStyles, Option } from "@fluentui/react-components";
import { SECTOR_TEMPLATES } from "../../kostra/catalog";
import type { Lang } from "../../kostra/types";

// Fluent gives the control a 250 px minimum width; in a narrow pane it must follow the layout instead.
const useStyles = makeStyles({ control: { minWidth: 0 } });

export interface TemplatePickerProps {
  label: string;
  lang: Lang;
  value: string;
  onChange: (sector: string) => void;
}

export function TemplatePicker({ label, lang, value, onChange }: TemplatePickerProps) {
  const styles = useStyles();
  const selected = SECTOR_TEMPLATES.find((t) => t.id === value);
  return (
    <Field label={label}>
      <Dropdown
        className={styles.control}
        value={selected?.label[lang] ?? ""}
        selectedOptions={[value]}
        onOptionSelect={(_, data) => data.optionValue && onChange(data.optionValue)}
      >
        {SECTOR_TEMPLATES.map((t) => (
          <Option key={t.id} value={t.id}>
            {t.label[lang]}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
