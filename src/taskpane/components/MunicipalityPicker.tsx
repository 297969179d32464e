import { Combobox, Field } from "@fluentui/react-components";

import { useMemo, useRef, useState, type KeyboardEvent } from "react";

import type { Lang, LocalizedText } from "../../kostra/types";
import type { Messages } from "../i18n";
import { municipalityOptions, searchOptions, type MunicipalityOption } from "../state/municipalityOptions";

import { shared, staticStyles } from "../styles";

import { MunicipalityOptionList } from "./MunicipalityOptionList";
import { start } from "../domain";


const styles = staticStyles("municipality", {
  // The text box takes the room the arrow leaves, down to nothing: by its own default width it pushed the arrow out of a 320 px pane.
  input: "min-width:0;width:100%;box-sizing:border-box;",
});

export interface MunicipalityPickerProps {
  t: Messages;
  lang: Lang;
  year: number;
  /** Stable id of the chosen municipality. */
  value: string;
  onChange: (municipality: string) => void;
}

/** "Bærum (0219)": the name with the code valid in the year, or when it existed ("Lillestrøm (fra 2020)"). */
function optionLabel(option: MunicipalityOption, year: number, t: Messages): string {
  if (option.code) return `${option.name} (${option.code})`;
  if (option.firstYear !== undefined && year < option.firstYear) return `${option.name} (${t.municipalityFrom(option.firstYear)})`;
  if (option.lastYear !== undefined && year > option.lastYear) return `${option.name} (${t.municipalityUntil(option.lastYear)})`;
  return option.name;
}

/** Searchable by name or by any code the municipality has had; a typed code or name is accepted with Enter. */
export function MunicipalityPicker({ t, lang, year, value, onChange }: MunicipalityPickerProps) {
  const options = useMemo(() => municipalityOptions(year, [value]), [year, value]);
  const [query, setQuery] = useState<string | null>(null);
  /** Why the text the user entered names no municipality ("Mente du Bærum?", or which Herøy). */
  const [rejected, setRejected] = useState<LocalizedText | null>(null);
  const pickedFromList = useRef(false);
  const [open, setOpen] = useState(false);

  const selected = options.find((o) => o.id === value);
  const { shown, suggestion } = useMemo(() => (query === null ? { shown: options } : searchOptions(options, query)), [options, query]);

  const choose = (id: string) => {
    setQuery(null);
    setRejected(null);
    setOpen(false);
    onChange(id);
  };

  /** Accept the typed text: an exact label, the only match, or anything the domain resolves (codes, names). */
  const commit = (text: string) => {
    const typed = text.trim();
    if (typed === "") {
      setQuery(null);
      setRejected(null);
      return;
    }
    const byLabel = options.find((o) => optionLabel(o, year, t).toLocaleLowerCase("nb-NO") === typed.toLocaleLowerCase("nb-NO"));
    const only = shown.length === 1 ? shown[0] : undefined;
    const found = start().lookUpRegion(typed, { kind: "municipality", year });
    const id = byLabel?.id ?? found.region?.id ?? only?.id;
    if (id) choose(id);
    else setRejected(found.problem?.text ?? null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== "Enter") return;
    // The list's own Enter handling has already picked the highlighted option.
    if (pickedFromList.current) {
      pickedFromList.current = false;
      return;
    }
    if (query !== null) commit(query);
  };

  return (
    <Field
      label={t.municipalityLabel}
      validationState={rejected === null ? "none" : "error"}
      validationMessage={rejected === null ? undefined : rejected[lang]}
    >
      <Combobox
        className={shared.narrow}
        input={{ className: styles.input }}
        freeform
        open={open}
        onOpenChange={(_, data) => setOpen(data.open)}
        placeholder={t.municipalityPlaceholder}
        value={query ?? (selected ? optionLabel(selected, year, t) : "")}
        selectedOptions={[value]}
        onChange={(event) => {
          pickedFromList.current = false;
          setQuery(event.target.value);
          setRejected(null);
        }}
        onOptionSelect={(_, data) => {
          if (!data.optionValue) return;
          pickedFromList.current = true;
          choose(data.optionValue);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          pickedFromList.current = false;
          if (query !== null) commit(query);
        }}
      >
        <MunicipalityOptionList shown={shown} label={(o) => optionLabel(o, year, t)} noMatch={suggestion?.[lang] ?? t.municipalityNoMatch} />
      </Combobox>
    </Field>
  );
}
