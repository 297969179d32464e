import { Dropdown, Field, Option } from "@fluentui/react-components";
import { NETWORKS } from "../../kostra/networks";
import { shared } from "../styles";

export interface NetworkPickerProps {
  label: string;
  value: string;
  onChange: (network: string) => void;
}

export function NetworkPicker({ label, value, onChange }: NetworkPickerProps) {
  const selected = NETWORKS.find((n) => n.id === value);
  return (
    <Field label={label}>
      <Dropdown
        className={shared.narrow}
        value={selected?.name ?? value}
        selectedOptions={[value]}
        onOptionSelect={(_, data) => data.optionValue && onChange(data.optionValue)}
      >
        {NETWORKS.map((n) => (
          <Option key={n.id} value={n.id}>
            {n.name}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
