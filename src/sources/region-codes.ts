/**
 * A figure's region code must be the code its region had in the figure's year. KOSTRA
 * publishes each year under the codes valid then, so a figure filed as Bærum's under Oslo's
 * code, or as Haram's in a year Haram was part of Ålesund, cannot be right: which region it
 * belongs to is unknowable, and the back series of merged municipalities (which look their
 * parts up by code) would quietly skip it. The readers refuse such a figure with these texts.
 */
import { aggregateLabel, codeForYear, codeYears, isAggregate, municipalityById } from "../kostra/municipalities";
import type { Lang, LocalizedText, Municipality } from "../kostra/types";
import { inPeriod } from "../kostra/periods";

/** The region's name in messages: the municipality's name, or the aggregate's in the language ("Norway"). */
export function regionName(m: Municipality, lang: Lang): string {
  return (isAggregate(m) ? aggregateLabel(m.id, undefined, lang) : undefined) ?? m.name;
}

const nameOf = (id: string): string => municipalityById(id)?.name ?? id;


/**
 * Why a region had no code of its own in a year it has none: part of another municipality
 * (Haram in Ålesund 2020–2023), merged into one (Hof into Holmestrand), divided (Tysfjord),
 * or not formed yet (Lillestrøm before 2020). Undefined when the registry does not say.
 */
export function whyNoCode(m: Municipality, year: number): LocalizedText | undefined {
  const host = m.partOf?.find((p) => inPeriod(year, p.from, p.to));
  if (host) return { nb: `den var en del av ${nameOf(host.id)}`, en: `it was part of ${nameOf(host.id)}` };
  const first = Math.min(...m.codes.map((p) => p.from ?? -Infinity));
  if (year < first) return { nb: "den fantes ikke ennå", en: "it did not exist yet" };
  if (m.successors?.length) {
    const names = m.successors.map(nameOf);
    const list = (and: string) => (names.length > 1 ? `${names.slice(0, -1).join(", ")} ${and} ${names[names.length - 1]}` : names.join(""));
    return { nb: `den var delt mellom ${list("og")}`, en: `it had been divided between ${list("and")}` };
  }
  if (m.successor) return { nb: `den var blitt en del av ${nameOf(m.successor)}`, en: `it had become part of ${nameOf(m.successor)}` };
  return undefined;
}

/**
 * What is wrong with filing a figure of `m` in `year` under `code`, or undefined when the
 * code is the one `m` had that year: "koden «0301» gjelder ikke Bærum i 2017 (Bærum hadde 0219)".
 */
export function codeMismatch(m: Municipality, code: string, year: number, quoted: string): LocalizedText | undefined {
  const had = codeForYear(m, year);
  if (had === code) return undefined;
  const [nb, en] = [regionName(m, "nb"), regionName(m, "en")];
  const why = had === undefined ? whyNoCode(m, year) : undefined;
  const tail =
    had !== undefined
      ? { nb: `${nb} hadde ${had}`, en: `${en} had ${had}` }
      : { nb: `${nb} hadde ingen egen kode i ${year}${why ? `; ${why.nb}` : ""}`, en: `${en} had no code of its own in ${year}${why ? `; ${why.en}` : ""}` };
  // The region's own code of other years: say which years it is valid for.
  const valid = codeYears(m, code);
  const years = valid && yearsText(valid);
  const when = years ? { nb: `den er gyldig ${years.nb}; `, en: `it is valid ${years.en}; ` } : { nb: "", en: "" };
  return { nb: `koden «${quoted}» gjelder ikke ${nb} i ${year} (${when.nb}${tail.nb})`, en: `code "${quoted}" is not ${en}'s in ${year} (${when.en}${tail.en})` };
}

/** "fra 2024", "til og med 2019", "i 2020–2023"; undefined for a code valid in every year. */
function yearsText({ from, to }: { from?: number; to?: number }): LocalizedText | undefined {
  if (from !== undefined && to !== undefined) return from === to ? { nb: `i ${from}`, en: `in ${from}` } : { nb: `i ${from}–${to}`, en: `in ${from}–${to}` };
  if (from !== undefined) return { nb: `fra ${from}`, en: `from ${from}` };
  if (to !== undefined) return { nb: `til og med ${to}`, en: `up to ${to}` };
  return undefined;
}
