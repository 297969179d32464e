import type { Lang } from "../../kostra/types";
import type { Messages } from "../i18n";
import { useMunicipalitySearch } from "../state/useMunicipalitySearch";
import { SearchCombobox } from "./SearchCombobox";

export interface MunicipalityPickerProps {
  t: Messages;
  lang: Lang;
  year: number;
  /** Stable id of the chosen municipality. */
  value: string;
  onChange: (municipality: string) => void;
}

/**
 * Searchable by name or by any code the municipality has had; typed text is accepted with
 * Enter (or on leaving the box) when it names one municipality, and explained when not.
 */
export function MunicipalityPicker({ t, lang, year, value, onChange }: MunicipalityPickerProps) {
  const search = useMunicipalitySearch({ t, lang, year, keep: [value], onFound: onChange });
  const selected = search.options.find((o) => o.id === value);
  return (
    <SearchCombobox
      label={t.municipalityLabel}
      placeholder={t.municipalityPlaceholder}
      display={selected ? search.label(selected) : ""}
      query={search.query}
      onQuery={search.setQuery}
      options={search.shown.map((o) => ({ id: o.id, label: search.label(o) }))}
      selected={[value]}
      emptyLine={search.emptyLine}
      onPick={(id) => {
        search.setQuery(null);
        onChange(id);
      }}
      onCommit={(text) => search.confirm(text)}
      error={search.rejected}
      onUse={search.need}
    />
  );
}
