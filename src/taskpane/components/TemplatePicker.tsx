import { Dropdown, Field, Option } from "@fluentui/react-components";

import type { Lang } from "../../kostra/types";
import { shared } from "../styles";
import { domain } from "../domain";


export interface TemplatePickerProps {
  label: string;
  lang: Lang;
  value: string;
  onChange: (sector: string) => void;
}

export function TemplatePicker({ label, lang, value, onChange }: TemplatePickerProps) {
  const selected = domain().SECTOR_TEMPLATES.find((t) => t.id === value);
  return (
    <Field label={label}>
      <Dropdown
        className={shared.narrow}
        value={selected?.label[lang] ?? ""}
        selectedOptions={[value]}
        onOptionSelect={(_, data) => data.optionValue && onChange(data.optionValue)}
      >
        {domain().SECTOR_TEMPLATES.map((t) => (
          <Option key={t.id} value={t.id}>
            {t.label[lang]}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
