import { Dropdown, Field, Option } from "@fluentui/react-components";

import type { Messages } from "../i18n";
import { shared } from "../styles";
import { start } from "../domain";

export interface NetworkPickerProps {
  t: Messages;
  value: string;
  onChange: (network: string) => void;
}

/** The named networks (ASSS), the user's own peer municipalities, or none (SSB's published averages only). */
export function NetworkPicker({ t, value, onChange }: NetworkPickerProps) {
  // The list says what a choice means; the closed field shows a short name that fits the narrow column.
  const choices = [
    ...start().NETWORKS.map((n) => ({ id: n.id, name: n.name, short: n.name })),
    { id: "custom", name: t.networkCustom, short: t.networkCustomShort },
    { id: "none", name: t.networkNone, short: t.networkNoneShort },
  ];
  const selected = choices.find((n) => n.id === value);
  return (
    <Field label={t.networkLabel}>
      <Dropdown
        className={shared.narrow}
        value={selected?.short ?? value}
        selectedOptions={[value]}
        onOptionSelect={(_, data) => data.optionValue && onChange(data.optionValue)}
      >
        {choices.map((n) => (
          <Option key={n.id} value={n.id} text={n.name}>
            {n.name}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
