import { Combobox, Field } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Messages } from "../i18n";
import { municipalityOptions, searchOptions, type MunicipalityOption } from "../state/municipalityOptions";
import { shared } from "../styles";
import { MunicipalityOptionList } from "./MunicipalityOptionList";

export interface ComparisonPickerProps {
  t: Messages;
  year: number;
  /** Stable id of the municipality itself (not offered: it is already in the profile). */
  focal: string;
  value: readonly string[];
  onChange: (ids: string[]) => void;
  /** Texts for another use of the picker (the user's own peer group); the comparisons' texts by default. */
  texts?: { label: string; hint: string; placeholder: string };
}

const label = (o: MunicipalityOption) => (o.code ? `${o.name} (${o.code})` : o.name);

/** Several municipalities to show beside the network's figures; the list narrows as the user types. */
export function ComparisonPicker({ t, year, focal, value, onChange, texts }: ComparisonPickerProps) {
  const { label: fieldLabel, hint, placeholder } = texts ?? { label: t.comparisonsLabel, hint: t.comparisonsHint, placeholder: t.comparisonsPlaceholder };
  const options = useMemo(() => municipalityOptions(year, value).filter((o) => o.id !== focal), [year, focal, value]);
  const [query, setQuery] = useState<string | null>(null);
  const { shown } = useMemo(() => (query === null ? { shown: options } : searchOptions(options, query)), [options, query]);
  const chosen = value.map((id) => options.find((o) => o.id === id)?.name ?? id).join(", ");

  return (
    <Field label={fieldLabel} hint={hint}>
      <Combobox
        className={shared.narrow}
        multiselect
        placeholder={placeholder}
        value={query ?? chosen}
        selectedOptions={[...value]}
        onChange={(event) => setQuery(event.target.value)}
        onOptionSelect={(_, data) => onChange(data.selectedOptions)}
        onOpenChange={(_, data) => {
          if (!data.open) setQuery(null);
        }}
        onBlur={() => setQuery(null)}
      >
        <MunicipalityOptionList shown={shown} label={label} noMatch={t.municipalityNoMatch} />
      </Combobox>
    </Field>
  );
}
