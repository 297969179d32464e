import type { Lang } from "../../kostra/types";
import type { Messages } from "../i18n";
import { useMunicipalitySearch } from "../state/useMunicipalitySearch";
import { SearchCombobox } from "./SearchCombobox";
import { start } from "../domain";

export interface ComparisonPickerProps {
  t: Messages;
  lang: Lang;
  year: number;
  /** Stable id of the municipality itself (not offered: it is already in the profile). */
  focal: string;
  value: readonly string[];
  onChange: (ids: string[]) => void;
  /** Texts for another use of the picker (the user's own peer group); the comparisons' texts by default. */
  texts?: { label: string; hint: string; placeholder: string };
}

/**
 * Several municipalities to show beside the network's figures: the list narrows as the
 * user types, a click or Enter on an option adds or removes it, and typed text confirmed
 * with Enter adds the one municipality it names (or says why not, "Mente du Bærum?").
 */
export function ComparisonPicker({ t, lang, year, focal, value, onChange, texts }: ComparisonPickerProps) {
  const { label, hint, placeholder } = texts ?? { label: t.comparisonsLabel, hint: t.comparisonsHint, placeholder: t.comparisonsPlaceholder };
  const add = (id: string) => onChange(value.includes(id) ? [...value] : [...value, id]);
  const search = useMunicipalitySearch({ t, lang, year, keep: value, exclude: focal, onFound: add });
  // Named from the start manifest, which knows every municipality (also one that is now the municipality itself, no longer offered).
  const chosen = value.map((id) => start().municipalityName(id)?.[1] ?? id).join(", ");
  return (
    <SearchCombobox
      label={label}
      hint={hint}
      placeholder={placeholder}
      display={chosen}
      query={search.query}
      onQuery={search.setQuery}
      options={search.shown.map((o) => ({ id: o.id, label: search.label(o) }))}
      selected={value}
      multiselect
      emptyLine={search.emptyLine}
      onPick={(id) => onChange(value.includes(id) ? value.filter((x) => x !== id) : [...value, id])}
      // Leaving the box drops unconfirmed text, as it always has: only Enter adds what was typed.
      onCommit={(text, how) => (how === "enter" ? search.confirm(text) : search.setQuery(null))}
      error={search.rejected}
      onUse={search.need}
    />
  );
}
