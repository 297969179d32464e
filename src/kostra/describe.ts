/**
 * Words and number formats for the domain's values, in each product language:
 * SSB status symbols, per-row problems, the averaging rule in one line, numbers.
 */
import { indicatorFor, POPULATION_INDICATOR } from "./catalog";
import { aggregateLabel } from "./municipalities";
import { notValidText } from "./series";
import { CUSTOM_NETWORK, NO_NETWORK } from "./networks";
import type { Lang, Profile, ProfileRow, RowProblem } from "./types";

const STATUS: Record<string, { nb: string; en: string }> = {
  ".": { nb: "kan ikke forekomme", en: "not applicable" },
  "..": { nb: "mangler data", en: "data missing" },
  "...": { nb: "ikke tilgjengelig ennå", en: "not yet available" },
  ":": { nb: "skjermet (konfidensielt)", en: "confidential" },
  "-": { nb: "null", en: "nil" },
};

/** What an SSB status symbol means, e.g. ".." → "mangler data". */
export function describeStatus(symbol: string | undefined, lang: Lang): string {
  if (!symbol) return lang === "nb" ? "ingen verdi" : "no value";
  return STATUS[symbol]?.[lang] ?? (lang === "nb" ? `SSB-symbol «${symbol}»` : `SSB symbol "${symbol}"`);
}

/** The reason a profile row has no index, in the user's language. */
export function describeProblem(problem: RowProblem, lang: Lang, focalName = ""): string {
  const nb = lang === "nb";
  switch (problem.code) {
    case "no-data":
      return nb ? "Ingen kommuner i nettverket har data – snitt og indeks kan ikke beregnes." : "No network member has data – average and index cannot be computed.";
    case "no-weights": {
      // The weight is population, or the count the figure is per (children, pupils, places).
      const count = problem.weight && problem.weight !== POPULATION_INDICATOR ? indicatorFor(problem.weight) : undefined;
      if (count)
        return nb
          ? `Mangler «${count.label.nb}» til vekting – bruk uvektet snitt eller hent dette tallet.`
          : `"${count.label.en}" for weighting is missing – use a simple average or load that figure.`;
      return nb ? "Mangler folketall til vekting – bruk uvektet snitt eller hent folketall." : "Population for weighting is missing – use a simple average or load population.";
    }
    case "average-zero":
      return nb ? "Snittet er 0 – indeks kan ikke beregnes." : "The average is 0 – the index cannot be computed.";
    case "average-negative":
      return nb ? "Snittet er negativt – indeks gir ikke mening." : "The average is negative – an index is not meaningful.";
    case "focal-missing":
      return nb
        ? `${focalName || "Kommunen"} mangler verdi (${describeStatus(problem.status, lang)}).`
        : `${focalName || "The municipality"} has no value (${describeStatus(problem.status, lang)}).`;
    case "not-valid":
      return notValidText(problem.year, problem.reason, lang);
    case "base-missing": {
      const name = aggregateLabel(problem.base.id, undefined, lang) ?? problem.base.name;
      return nb
        ? `SSB har ikke publisert tall for ${name} (${describeStatus(problem.status, lang)}) – snitt og indeks kan ikke beregnes.`
        : `SSB has published no figure for ${name} (${describeStatus(problem.status, lang)}) – average and index cannot be computed.`;
    }
  }
}

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
  const nb = lang === "nb";
  const custom = options.network === CUSTOM_NETWORK;
  // Weighted: each indicator by its own weight (population for amounts per inhabitant, the
  // denominator or count a figure is per otherwise); "as KS": each indicator by KS's rule.
  const kind =
    options.average === "weighted"
      ? nb ? "vektet" : "weighted"
      : options.average === "indicator"
        ? asKs(profile.rows, lang)
        : nb ? "uvektet" : "simple";
  const oslo = options.includeOslo ? (nb ? "Oslo med" : "Oslo included") : nb ? "uten Oslo" : "without Oslo";
  const focal = !focalInNetwork
    ? custom
      ? nb ? `${focalName} er ikke i utvalget` : `${focalName} is not among the peers`
      : nb ? `${focalName} er ikke medlem` : `${focalName} is not a member`
    : options.includeFocal
      ? nb ? `${focalName} med` : `${focalName} included`
      : nb ? `uten ${focalName}` : `without ${focalName}`;
  const whoOf = (size: number) =>
    custom
      ? nb ? `${size} egne sammenligningskommuner` : `${size} custom peers`
      : nb ? `${size} kommuner` : `${size} municipalities`;
  const who = whoOf(setSize);
  // Oslo's inclusion only matters where Oslo can be among the members.
  const osloPart = custom && !(options.peers ?? []).includes("oslo") ? [] : [oslo];
  if (options.base !== undefined) {
    const base = aggregateLabel(options.base, options.year, lang) ?? options.base;
    const head = nb ? `Snitt = ${base} (publisert av SSB) = 100` : `Average = ${base} (published by SSB) = 100`;
    if (options.network === NO_NETWORK || memberCount === 0) return head;
    // Who is left out of an average does not matter here: the range is over all members.
    const outside = focalInNetwork ? "" : ` (${focal})`;
    return nb
      ? `${head}; laveste, høyeste og rang blant ${whoOf(memberCount)}${outside}`
      : `${head}; lowest, highest and rank among ${whoOf(memberCount)}${outside}`;
  }
  const range = setSize < memberCount ? (nb ? `; laveste, høyeste og rang blant alle ${memberCount}` : `; lowest, highest and rank among all ${memberCount}`) : "";
  return nb
    ? `Snitt: ${[kind, who, ...osloPart, focal].join(", ")}${range}`
    : `Average: ${[kind, who, ...osloPart, focal].join(", ")}${range}`;
}

/**
 * "As KS" in words: how many rows are weighted (Σ numerator ÷ Σ denominator) and how many
 * averaged simply (KS's ready-made figures, marked * on the sheets) — KS,
 * "Gjennomsnittsberegninger i ASSS-analysene". Without rows, the rule itself.
 */
function asKs(all: readonly (Pick<ProfileRow, "averageKind"> & { problem?: ProfileRow["problem"] })[] | undefined, lang: Lang): string {
  const nb = lang === "nb";
  // Rows not valid in the year are averaged neither way.
  const rows = all?.filter((r) => r.problem?.code !== "not-valid");
  if (!rows || rows.length === 0)
    return nb ? "som KS (vektet: sum teller ÷ sum nevner; ferdige nøkkeltall, merket *, uvektet)" : "as KS (weighted: sum of numerators ÷ sum of denominators; ready-made figures, marked *, simple)";
  const weighted = rows.filter((r) => r.averageKind === "weighted").length;
  const simple = rows.length - weighted;
  const count = (n: number) => (nb ? `${n} ${n === 1 ? "indikator" : "indikatorer"}` : `${n} ${n === 1 ? "indicator" : "indicators"}`);
  const parts = [
    ...(weighted > 0 ? [nb ? `vektet for ${count(weighted)}` : `weighted for ${count(weighted)}`] : []),
    ...(simple > 0 ? [nb ? `uvektet for ${count(simple)}, merket *` : `simple for ${count(simple)}, marked *`] : []),
  ];
  return `${nb ? "som KS" : "as KS"} (${parts.join("; ")})`;
}

/** The mark after a row's label when "as KS" averages it simply (a ready-made figure KS marks *); "" otherwise. */
export function simpleMark(row: Pick<ProfileRow, "averageKind"> & { problem?: ProfileRow["problem"] }, options: Pick<Profile["options"], "average">): string {
  // A figure not valid in the year has no average at all.
  return options.average === "indicator" && row.averageKind === "simple" && row.problem?.code !== "not-valid" ? " *" : "";
}

const formatters = new Map<string, Intl.NumberFormat>();

/** A number in the locale's format (nb-NO: "277 363", "50,9"); "" for null. */
export function formatNumber(value: number | null, decimals: number, lang: Lang): string {
  if (value === null) return "";
  const key = `${lang}/${decimals}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === "nb" ? "nb-NO" : "en-GB", {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    formatters.set(key, f);
  }
  // nb-NO groups with a narrow no-break space and uses U+2212 for minus; plain text readers want ASCII.
  return f.format(value).replace(/\u00a0|\u202f/g, " ").replace(/\u2212/g, "-");
}
