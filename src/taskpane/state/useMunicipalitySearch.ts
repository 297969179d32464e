/**
 * What a municipality picker needs between the text box and the registry: the options for
 * the year, what the typed text finds, the list's line when it finds nothing ("Mente du
 * Bærum?"), and what confirmed text names — never a guess between several ("Herøy").
 *
 * The first view opens before the registry has loaded (see ../domain): until then the
 * options are the start manifest's names, and the search waits for the registry. What
 * the user types meanwhile stays in the box; text confirmed meanwhile is looked up as
 * soon as the registry is there.
 */
import { useEffect, useMemo, useState } from "react";
import type { Lang, LocalizedText } from "../../kostra/types";
import type { Registry } from "../domain";
import type { Messages } from "../i18n";
import { municipalityOptions, optionLabel, searchOptions, startOptions, type MunicipalityOption } from "./municipalityOptions";
import { useRegistry } from "./useRegistry";

export interface MunicipalitySearchInput {
  t: Messages;
  lang: Lang;
  year: number;
  /** Municipalities kept among the options even in a year they did not exist (the choice). */
  keep: readonly string[];
  /** A municipality never offered (the focal one, beside itself). */
  exclude?: string;
  /** The typed text named this municipality (one of the options). */
  onFound: (id: string) => void;
}

export interface MunicipalitySearch {
  options: readonly MunicipalityOption[];
  label: (o: MunicipalityOption) => string;
  query: string | null;
  setQuery: (query: string | null) => void;
  /** The options the list shows: all of them, or those the typed text finds (none until the registry is there). */
  shown: readonly MunicipalityOption[];
  /** The list's line when it shows none. */
  emptyLine: string;
  /** Why the confirmed text names no municipality ("Fant ingen kommune «Barum». Mente du Bærum?", or which Herøy). */
  rejected: string | null;
  /** Look the typed text up and choose what it names, now or once the registry has loaded. */
  confirm: (text: string) => void;
  /** The box is in use: fetch the registry now if it is not there yet. */
  need: () => void;
}

export function useMunicipalitySearch({ t, lang, year, keep, exclude, onFound }: MunicipalitySearchInput): MunicipalitySearch {
  const { registry, need } = useRegistry();
  const [query, setQueryNow] = useState<string | null>(null);
  const [rejected, setRejected] = useState<LocalizedText | null>(null);
  /** Text confirmed before the registry had loaded. */
  const [waiting, setWaiting] = useState<string | null>(null);

  const keepKey = keep.join(" ");
  const options = useMemo(
    () => (registry ? municipalityOptions(registry, year, keep) : startOptions(year, keep)).filter((o) => o.id !== exclude),
    // `keep` by content: callers pass a new array each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [registry, year, keepKey, exclude],
  );
  const found = useMemo(
    () => (query === null ? { shown: options } : registry ? searchOptions(registry, options, query) : { shown: [] }),
    [registry, options, query],
  );
  const label = (o: MunicipalityOption) => optionLabel(o, year, t);

  const settle = (text: string, reg: Registry) => {
    const typed = text.trim();
    const lower = (s: string) => s.toLocaleLowerCase("nb-NO");
    const byLabel = options.find((o) => lower(label(o)) === lower(typed));
    const lookup = typed === "" ? {} : reg.lookUpRegion(typed, { kind: "municipality", year });
    // The only option the search finds is what the text names too (a part of a name: "Bæ").
    const only = found.shown.length === 1 ? found.shown[0] : undefined;
    const id = byLabel?.id ?? lookup.region?.id ?? only?.id;
    if (typed === "" || (id !== undefined && id === exclude)) {
      // Nothing typed, or the one municipality not offered here (the focal one): back to the choice.
      setQueryNow(null);
      setRejected(null);
    } else if (id !== undefined) {
      setQueryNow(null);
      setRejected(null);
      onFound(id);
    } else setRejected(lookup.problem?.text ?? null);
  };

  useEffect(() => {
    if (registry && waiting !== null) {
      setWaiting(null);
      settle(waiting, registry);
    }
    // Runs when the registry arrives for text confirmed before; `settle` reads this render's options.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [registry, waiting]);

  return {
    options,
    label,
    query,
    setQuery: (next) => {
      setQueryNow(next);
      setRejected(null);
      setWaiting(null);
      if (next !== null) need();
    },
    shown: found.shown,
    emptyLine: registry === null ? t.municipalitiesLoading : (("suggestion" in found && found.suggestion?.[lang]) || t.municipalityNoMatch),
    rejected: rejected?.[lang] ?? null,
    confirm: (text) => {
      if (registry) settle(text, registry);
      else {
        setWaiting(text);
        need();
      }
    },
    need,
  };
}
