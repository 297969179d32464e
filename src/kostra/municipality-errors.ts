/**
 * The messages of the municipality search: near misses and names several municipalities
 * share. Apart from ./errors because only the registry's search raises them, and the
 * pane's first script, which holds ./errors, has no room for them.
 */
import { KostraError, unknownMunicipality } from "./errors";
import type { Lang, LocalizedText } from "./types";

/** "A, B eller C" / "A, B, or C". */
const orList = (items: readonly string[], lang: Lang): string => new Intl.ListFormat(lang, { type: "disjunction" }).format(items);

/** "Mente du Bærum?": the near misses of what someone typed, for a message or a picker's no-match line. */
export const didYouMean = (names: readonly string[]): LocalizedText => ({
  nb: `Mente du ${orList(names, "nb")}?`,
  en: `Did you mean ${orList(names, "en")}?`,
});

/** "Barum": nothing by that name or code; `suggestions` are the near misses' names (at most three). */
export const noMunicipalityLike = (what: string, suggestions: readonly string[]): KostraError =>
  suggestions.length === 0
    ? unknownMunicipality(what)
    : new KostraError("unknown-municipality", {
        nb: `Fant ingen kommune «${what}». ${didYouMean(suggestions).nb}`,
        en: `Found no municipality "${what}". ${didYouMean(suggestions).en}`,
      });

/** "Herøy": a name several municipalities share; the user chooses, the product does not guess. */
export const ambiguousMunicipality = (what: string, names: readonly string[]): KostraError =>
  new KostraError("unknown-municipality", {
    nb: `«${what}» kan være ${orList(names, "nb")}. Oppgi hele navnet eller kommunenummeret.`,
    en: `"${what}" may be ${orList(names, "en")}. Give the full name or the municipality number.`,
  });

/** A search problem (nothing fits, or several do) about a peer municipality: says so, keeps the near misses. */
export const asPeerProblem = (problem: KostraError): KostraError =>
  new KostraError("bad-comparison-group", {
    nb: `Sammenligningskommune: ${lowerFirst(problem.text.nb)}`,
    en: `Peer municipality: ${lowerFirst(problem.text.en)}`,
  });

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
