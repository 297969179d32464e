/**
 * Conflicting data in one source. The same indicator, municipality and year twice cannot
 * be resolved by the product — which figure is right is the user's call, and keeping the
 * last one silently gives a municipality a figure it may not have — so it is an error
 * naming both places and the codes. An exact repeat is refused too: the product never
 * writes one, so it means a file was put together by hand or by another tool, and the
 * user should see that before benchmarking on it.
 */
import { municipalityById } from "../kostra/municipalities";
import type { LocalizedText, Observation } from "../kostra/types";

type Keyed = Pick<Observation, "indicator" | "municipality" | "year" | "code" | "value">;

export interface EarlierObservation<P> {
  place: P;
  value: number | null;
}

/** Where each indicator, municipality and year of a source was read. */
export class ObservationIndex<P> {
  /** indicator → municipality → year (nested maps: several times faster than one joined string key). */
  private readonly seen = new Map<string, Map<string, Map<number, EarlierObservation<P>>>>();

  /** Record where an observation was read; returns the earlier one of the same indicator, municipality and year, if any. */
  add(o: Keyed, place: P): EarlierObservation<P> | undefined {
    let byMunicipality = this.seen.get(o.indicator);
    if (!byMunicipality) this.seen.set(o.indicator, (byMunicipality = new Map()));
    let byYear = byMunicipality.get(o.municipality);
    if (!byYear) byMunicipality.set(o.municipality, (byYear = new Map()));
    const earlier = byYear.get(o.year);
    if (earlier === undefined) byYear.set(o.year, { place, value: o.value });
    return earlier;
  }
}

const shown = (value: number | null, lang: keyof LocalizedText) => (value === null ? (lang === "nb" ? "ingen verdi" : "no value") : String(value));

/**
 * The end of a duplicate's message: which observation (code, name, indicator, year) and,
 * when the values differ, both: " (0219 Bærum, bibliotek, 2017), med en annen verdi (2, ikke 1)."
 */
export function duplicateDetails(o: Keyed, earlierValue: number | null): LocalizedText {
  const what = `${o.code} ${municipalityById(o.municipality)?.name ?? o.municipality}, ${o.indicator}, ${o.year}`;
  const same = Object.is(o.value, earlierValue);
  return {
    nb: ` (${what})${same ? "" : `, med en annen verdi (${shown(o.value, "nb")}, ikke ${shown(earlierValue, "nb")})`}.`,
    en: ` (${what})${same ? "" : `, with another value (${shown(o.value, "en")}, not ${shown(earlierValue, "en")})`}.`,
  };
}
