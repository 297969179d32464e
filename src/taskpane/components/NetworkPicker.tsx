import { Dropdown, Field, Option } from "@fluentui/react-components";

import { shared } from "../styles";
import { domain } from "../domain";


export interface NetworkPickerProps {
  label: string;
  value: string;
  onChange: (network: string) => void;
}

export function NetworkPicker({ label, value, onChange }: NetworkPickerProps) {
  const selected = domain().NETWORKS.find((n) => n.id === value);
  return (
    <Field label={label}>
      <Dropdown
        className={shared.narrow}
        value={selected?.name ?? value}
        selectedOptions={[value]}
        onOptionSelect={(_, data) => data.optionValue && onChange(data.optionValue)}
      >
        {domain().NETWORKS.map((n) => (
          <Option key={n.id} value={n.id}>
            {n.name}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
