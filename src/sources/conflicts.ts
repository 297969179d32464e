/**
 * Conflicting data. The same indicator, municipality and year twice cannot be resolved by
 * the product — which figure is right is the user's call, and keeping the last one
 * silently gives a municipality a figure it may not have — so it is an error naming both
 * places and the codes. Within one source an exact repeat is refused too: the product
 * never writes one, so it means a file was put together by hand or by another tool, and
 * the user should see that before benchmarking on it. Between files given together
 * (inputs.ts) an exact repeat is the common case of files that overlap, and is used once.
 */
import { municipalityById } from "../kostra/municipalities";
import { quoteInput } from "../kostra/safe-text";
import type { LocalizedText, Observation } from "../kostra/types";

type Keyed = Pick<Observation, "indicator" | "municipality" | "year" | "code" | "value" | "status">;

export interface EarlierObservation<P> {
  place: P;
  value: number | null;
  status?: string;
}

/** Numbers given to ids in the order first seen (an index's keys are built from them). */
class Numbering {
  private readonly numbers = new Map<string, number>();
  of(id: string): number {
    let n = this.numbers.get(id);
    if (n === undefined) this.numbers.set(id, (n = this.numbers.size));
    return n;
  }
}

/** Municipalities numbered below this make a key of their own with any indicator's number. */
const MUNICIPALITY_SPAN = 2 ** 21;

/**
 * Where each indicator, municipality and year of a source was read. A whole-country file
 * has over half a million observations, so the index holds for each one a number key and a
 * slot: the observation itself (which the reader keeps anyway) and where it was read. The
 * earlier observation's record is made only when there is one, which is an error or a
 * repeat between files.
 */
export class ObservationIndex<P> {
  private readonly indicators = new Numbering();
  private readonly municipalities = new Numbering();
  /** Year → (indicator number × MUNICIPALITY_SPAN + municipality number) → slot. */
  private readonly byYear = new Map<number, Map<number, number>>();
  private readonly figures: Keyed[] = [];
  private readonly places: P[] = [];

  /** Record where an observation was read; returns the earlier one of the same indicator, municipality and year, if any. */
  add(o: Keyed, place: P): EarlierObservation<P> | undefined {
    const [slots, key] = this.slotsOf(o);
    const slot = slots.get(key);
    if (slot !== undefined) {
      const earlier = this.figures[slot];
      return { place: this.places[slot], value: earlier.value, ...(earlier.status !== undefined ? { status: earlier.status } : {}) };
    }
    slots.set(key, this.figures.length);
    this.figures.push(o);
    this.places.push(place);
    return undefined;
  }

  /** Where an observation of the same indicator, municipality and year was read, if one was. */
  placeOf(o: Keyed): P | undefined {
    const [slots, key] = this.slotsOf(o);
    const slot = slots.get(key);
    return slot === undefined ? undefined : this.places[slot];
  }

  /** The slots of the observation's year, and its key there. */
  private slotsOf(o: Keyed): [Map<number, number>, number] {
    const municipality = this.municipalities.of(o.municipality);
    if (municipality >= MUNICIPALITY_SPAN) throw new Error(`ObservationIndex: more than ${MUNICIPALITY_SPAN} municipalities`);
    let slots = this.byYear.get(o.year);
    if (!slots) this.byYear.set(o.year, (slots = new Map()));
    return [slots, this.indicators.of(o.indicator) * MUNICIPALITY_SPAN + municipality];
  }
}

/** Whether two figures of the same indicator, municipality and year say the same: value and SSB symbol. */
export const sameFigure = (o: Keyed, earlier: Omit<EarlierObservation<unknown>, "place">): boolean => Object.is(o.value, earlier.value) && o.status === earlier.status;

const NO_VALUE: LocalizedText = { nb: "ingen verdi", en: "no value" };
const NO_SYMBOL: LocalizedText = { nb: "intet", en: "none" };

const shown = (value: number | null, lang: keyof LocalizedText): string => (value === null ? NO_VALUE[lang] : String(value));

const symbol = (status: string | undefined, lang: keyof LocalizedText): string => {
  if (status === undefined) return NO_SYMBOL[lang];
  const q = quoteInput(status, 20);
  return { nb: `«${q}»`, en: `"${q}"` }[lang];
};

/**
 * The end of a duplicate's message: which observation (code, name, indicator, year) and
 * how the two differ, if they do: " (0219 Bærum, bibliotek, 2017), med en annen verdi (2, ikke 1)."
 * or, for the same value, " …, med et annet SSB-symbol («:», ikke «..»)."
 */
export function duplicateDetails(o: Keyed, earlier: Omit<EarlierObservation<unknown>, "place">): LocalizedText {
  const what = `${o.code} ${municipalityById(o.municipality)?.name ?? o.municipality}, ${o.indicator}, ${o.year}`;
  if (!Object.is(o.value, earlier.value))
    return {
      nb: ` (${what}), med en annen verdi (${shown(o.value, "nb")}, ikke ${shown(earlier.value, "nb")}).`,
      en: ` (${what}), with another value (${shown(o.value, "en")}, not ${shown(earlier.value, "en")}).`,
    };
  if (o.status !== earlier.status)
    return {
      nb: ` (${what}), med et annet SSB-symbol (${symbol(o.status, "nb")}, ikke ${symbol(earlier.status, "nb")}).`,
      en: ` (${what}), with another SSB symbol (${symbol(o.status, "en")}, not ${symbol(earlier.status, "en")}).`,
    };
  return { nb: ` (${what}).`, en: ` (${what}).` };
}
