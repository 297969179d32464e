/**
 * Words and number formats for the domain's values, in each product language:
 * SSB status symbols, per-row problems, the averaging rule in one line, numbers.
 */
import { indicatorFor, POPULATION_INDICATOR } from "./catalog";
import { aggregateLabel } from "./municipalities";
import { notValidTexts } from "./series";
import { CUSTOM_NETWORK, NO_NETWORK } from "./networks";
import type { Lang, LocalizedText, Profile, ProfileRow, Provenance, RowProblem } from "./types";

const STATUS: Record<string, LocalizedText> = {
  ".": { nb: "kan ikke forekomme", en: "not applicable" },
  "..": { nb: "mangler data", en: "data missing" },
  "...": { nb: "ikke tilgjengelig ennå", en: "not yet available" },
  ":": { nb: "skjermet (konfidensielt)", en: "confidential" },
  "-": { nb: "null", en: "nil" },
};

/** What an SSB status symbol means, e.g. ".." → "mangler data". */
export function describeStatus(symbol: string | undefined, lang: Lang): string {
  return statusText(symbol)[lang];
}

function statusText(symbol: string | undefined): LocalizedText {
  if (!symbol) return { nb: "ingen verdi", en: "no value" };
  return STATUS[symbol] ?? { nb: `SSB-symbol «${symbol}»`, en: `SSB symbol "${symbol}"` };
}

/** The reason a profile row has no index, in the user's language. */
export function describeProblem(problem: RowProblem, lang: Lang, focalName = ""): string {
  return problemText(problem, focalName)[lang];
}

function problemText(problem: RowProblem, focalName: string): LocalizedText {
  switch (problem.code) {
    case "no-data":
      return { nb: "Ingen kommuner i nettverket har data – snitt og indeks kan ikke beregnes.", en: "No network member has data – average and index cannot be computed." };
    case "no-weights": {
      // The weight is population, or the count the figure is per (children, pupils, places).
      const count = problem.weight && problem.weight !== POPULATION_INDICATOR ? indicatorFor(problem.weight) : undefined;
      if (count)
        return {
          nb: `Mangler «${count.label.nb}» til vekting – bruk uvektet snitt eller hent dette tallet.`,
          en: `"${count.label.en}" for weighting is missing – use a simple average or load that figure.`,
        };
      return { nb: "Mangler folketall til vekting – bruk uvektet snitt eller hent folketall.", en: "Population for weighting is missing – use a simple average or load population." };
    }
    case "average-zero":
      return { nb: "Snittet er 0 – indeks kan ikke beregnes.", en: "The average is 0 – the index cannot be computed." };
    case "average-negative":
      return { nb: "Snittet er negativt – indeks gir ikke mening.", en: "The average is negative – an index is not meaningful." };
    case "focal-missing": {
      const status = statusText(problem.status);
      return {
        nb: `${focalName || "Kommunen"} mangler verdi (${status.nb}).`,
        en: `${focalName || "The municipality"} has no value (${status.en}).`,
      };
    }
    case "not-valid":
      return notValidTexts(problem.year, problem.reason);
    case "base-missing": {
      const name = (lang: Lang) => aggregateLabel(problem.base.id, undefined, lang) ?? problem.base.name;
      const status = statusText(problem.status);
      return {
        nb: `SSB har ikke publisert tall for ${name("nb")} (${status.nb}) – snitt og indeks kan ikke beregnes.`,
        en: `SSB has published no figure for ${name("en")} (${status.en}) – average and index cannot be computed.`,
      };
    }
  }
}

/** The words of the averaging rule's line, per language. */
interface AveragingWords {
  weighted: string;
  simple: string;
  osloIncluded: string;
  withoutOslo: string;
  notAmongPeers: (name: string) => string;
  notMember: (name: string) => string;
  included: (name: string) => string;
  without: (name: string) => string;
  peers: (n: number) => string;
  municipalities: (n: number) => string;
  publishedBase: (base: string) => string;
  rangeAmong: (who: string) => string;
  rangeAmongAll: (n: number) => string;
  line: (parts: string) => string;
  asKsRule: string;
  asKs: (parts: string) => string;
  weightedFor: (indicators: string) => string;
  simpleFor: (indicators: string) => string;
  indicators: (n: number) => string;
}

const AVERAGING: Readonly<Record<Lang, AveragingWords>> = {
  nb: {
    weighted: "vektet",
    simple: "uvektet",
    osloIncluded: "Oslo med",
    withoutOslo: "uten Oslo",
    notAmongPeers: (name) => `${name} er ikke i utvalget`,
    notMember: (name) => `${name} er ikke medlem`,
    included: (name) => `${name} med`,
    without: (name) => `uten ${name}`,
    peers: (n) => `${n} egne sammenligningskommuner`,
    municipalities: (n) => `${n} kommuner`,
    publishedBase: (base) => `Snitt = ${base} (publisert av SSB) = 100`,
    rangeAmong: (who) => `; laveste, høyeste og rang blant ${who}`,
    rangeAmongAll: (n) => `; laveste, høyeste og rang blant alle ${n}`,
    line: (parts) => `Snitt: ${parts}`,
    asKsRule: "som KS (vektet: sum teller ÷ sum nevner; ferdige nøkkeltall, merket *, uvektet)",
    asKs: (parts) => `som KS (${parts})`,
    weightedFor: (indicators) => `vektet for ${indicators}`,
    simpleFor: (indicators) => `uvektet for ${indicators}, merket *`,
    indicators: (n) => `${n} ${n === 1 ? "indikator" : "indikatorer"}`,
  },
  en: {
    weighted: "weighted",
    simple: "simple",
    osloIncluded: "Oslo included",
    withoutOslo: "without Oslo",
    notAmongPeers: (name) => `${name} is not among the peers`,
    notMember: (name) => `${name} is not a member`,
    included: (name) => `${name} included`,
    without: (name) => `without ${name}`,
    peers: (n) => `${n} custom peers`,
    municipalities: (n) => `${n} municipalities`,
    publishedBase: (base) => `Average = ${base} (published by SSB) = 100`,
    rangeAmong: (who) => `; lowest, highest and rank among ${who}`,
    rangeAmongAll: (n) => `; lowest, highest and rank among all ${n}`,
    line: (parts) => `Average: ${parts}`,
    asKsRule: "as KS (weighted: sum of numerators ÷ sum of denominators; ready-made figures, marked *, simple)",
    asKs: (parts) => `as KS (${parts})`,
    weightedFor: (indicators) => `weighted for ${indicators}`,
    simpleFor: (indicators) => `simple for ${indicators}, marked *`,
    indicators: (n) => `${n} ${n === 1 ? "indicator" : "indicators"}`,
  },
};

/**
 * The averaging rule in one line: "Snitt: uvektet, 10 kommuner, Oslo med, Bærum med";
 * for custom peers "Snitt: uvektet, 4 egne sammenligningskommuner, Hå er ikke i utvalget";
 * with a published base "Snitt = KOSTRA-gruppe 7 (publisert av SSB) = 100; laveste, høyeste
 * og rang blant 4 egne sammenligningskommuner".
 */
export function describeAveraging(
  profile: Pick<Profile, "options" | "members" | "averagingSet" | "focal" | "focalInNetwork"> & { rows?: readonly (Pick<ProfileRow, "averageKind"> & { problem?: ProfileRow["problem"] })[] },
  lang: Lang,
): string {
  const { options, focalInNetwork } = profile;
  const setSize = profile.averagingSet.length;
  // Lowest, highest and rank range over all members, whoever is left out of the average.
  const memberCount = profile.members.length;
  const focalName = profile.focal.name;
  const w = AVERAGING[lang];
  const custom = options.network === CUSTOM_NETWORK;
  // Weighted: each indicator by its own weight (population for amounts per inhabitant, the
  // denominator or count a figure is per otherwise); "as KS": each indicator by KS's rule.
  const kind = options.average === "weighted" ? w.weighted : options.average === "indicator" ? asKs(profile.rows, w) : w.simple;
  const oslo = options.includeOslo ? w.osloIncluded : w.withoutOslo;
  const focal = !focalInNetwork
    ? custom
      ? w.notAmongPeers(focalName)
      : w.notMember(focalName)
    : options.includeFocal
      ? w.included(focalName)
      : w.without(focalName);
  const whoOf = (size: number) => (custom ? w.peers(size) : w.municipalities(size));
  const who = whoOf(setSize);
  // Oslo's inclusion only matters where Oslo can be among the members.
  const osloPart = custom && !(options.peers ?? []).includes("oslo") ? [] : [oslo];
  if (options.base !== undefined) {
    const head = w.publishedBase(aggregateLabel(options.base, options.year, lang) ?? options.base);
    if (options.network === NO_NETWORK || memberCount === 0) return head;
    // Who is left out of an average does not matter here: the range is over all members.
    const outside = focalInNetwork ? "" : ` (${focal})`;
    return `${head}${w.rangeAmong(whoOf(memberCount))}${outside}`;
  }
  const range = setSize < memberCount ? w.rangeAmongAll(memberCount) : "";
  return `${w.line([kind, who, ...osloPart, focal].join(", "))}${range}`;
}

/**
 * "As KS" in words: how many rows are weighted (Σ numerator ÷ Σ denominator) and how many
 * averaged simply (KS's ready-made figures, marked * on the sheets) — KS,
 * "Gjennomsnittsberegninger i ASSS-analysene". Without rows, the rule itself.
 */
function asKs(all: readonly (Pick<ProfileRow, "averageKind"> & { problem?: ProfileRow["problem"] })[] | undefined, w: AveragingWords): string {
  // Rows not valid in the year are averaged neither way.
  const rows = all?.filter((r) => r.problem?.code !== "not-valid");
  if (!rows || rows.length === 0) return w.asKsRule;
  const weighted = rows.filter((r) => r.averageKind === "weighted").length;
  const simple = rows.length - weighted;
  const parts = [...(weighted > 0 ? [w.weightedFor(w.indicators(weighted))] : []), ...(simple > 0 ? [w.simpleFor(w.indicators(simple))] : [])];
  return w.asKs(parts.join("; "));
}

/** The mark after a row's label when "as KS" averages it simply (a ready-made figure KS marks *); "" otherwise. */
export function simpleMark(row: Pick<ProfileRow, "averageKind"> & { problem?: ProfileRow["problem"] }, options: Pick<Profile["options"], "average">): string {
  // A figure not valid in the year has no average at all.
  return options.average === "indicator" && row.averageKind === "simple" && row.problem?.code !== "not-valid" ? " *" : "";
}

/** The locale of each product language's numbers and dates. */
export const LOCALES: Readonly<Record<Lang, string>> = { nb: "nb-NO", en: "en-GB" };

const formatters = new Map<string, Intl.NumberFormat>();

/** A number in the locale's format (nb-NO: "277 363", "50,9"); "" for null. */
export function formatNumber(value: number | null, decimals: number, lang: Lang): string {
  if (value === null) return "";
  const key = `${lang}/${decimals}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    formatters.set(key, f);
  }
  // nb-NO groups with a narrow no-break space and uses U+2212 for minus; plain text readers want ASCII.
  return f.format(value).replace(/\u00a0|\u202f/g, " ").replace(/\u2212/g, "-");
}

/**
 * The sample's disclaimer in the language: a synthetic source carries it as its notes,
 * in bokmål and then English (src/sources/sample). Undefined for other sources.
 */
export function sampleNote(p: Pick<Provenance, "synthetic" | "notes">, lang: Lang): string | undefined {
  return p.synthetic ? p.notes?.[NOTE_ORDER.indexOf(lang)] : undefined;
}

/** The order of a synthetic source's notes. */
const NOTE_ORDER: readonly Lang[] = ["nb", "en"];
