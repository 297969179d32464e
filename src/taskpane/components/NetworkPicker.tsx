import { Field, Select } from "../controls";

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
  const choices = [
    ...start().NETWORKS.map((n) => ({ id: n.id, name: n.name, short: n.name })),
    { id: "custom", name: t.networkCustom, short: t.networkCustomShort },
    { id: "none", name: t.networkNone, short: t.networkNoneShort },
  ];
  // The list says what a choice means; the chosen one goes by its short name, which fits the narrow column it is shown in.
  return (
    <Field label={t.networkLabel}>
      <Select className={shared.narrow} value={value} onChange={(_, data) => onChange(data.value)}>
        {choices.map((n) => (
          <option key={n.id} value={n.id} title={n.name}>
            {n.id === value ? n.short : n.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
