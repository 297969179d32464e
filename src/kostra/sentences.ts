/**
 * The sentence an economist writes under a service profile, one per indicator, the way
 * the virksomhetsanalyse words it ("… er høyere i Bærum enn snittet", "betydelig lavere
 * enn ASSS-snittet"): who, how far from the average in per cent (the index less 100, so
 * the sentence says what the "Snitt nettverk = 100" chart shows), both figures, and the
 * rank. For example (nb):
 *
 *   Netto driftsutgifter kunstformidling pr. innbygger: Bærum bruker 49 % mindre enn
 *   snittet i ASSS: 141 kr mot 277 kr per innbygger. Rang 9 av 10.
 *
 * The rule is written once, as pieces (words and the row's figures) per case, so that it
 * can be rendered twice: as text here (the pane, `kostra profile --format text`) and as a
 * live formula on the profile sheet (src/report/sentence-formula.ts) that tests the same
 * cases in the same order over the row's cells. Numbers are rounded as Excel's ROUND
 * rounds (half away from zero, after 15 significant digits) and written as FIXED writes
 * them in the language's locale (nb-NO: "1 234,5" with a no-break space, "-" for minus;
 * en: "1,234.5"), so a recalculated sheet and the pane say the same words.
 *
 * Words:
 * - money spent (an amount in kroner, or kroner per inhabitant, pupil, child, km…):
 *   "bruker X % mer/mindre enn snittet"; anything else (shares, counts, points, a fee):
 *   "ligger X % høyere/lavere enn snittet";
 * - within the band (default ±5 %, a template setting): "ligger på nivå med snittet";
 * - where the catalog gives the indicator a direction (with its source), the sentence says
 *   which way is better: "(høyere er bedre)";
 * - a missing value, a missing average, an average that is zero or negative (no index),
 *   and a municipality that cannot be ranked (no network) each say so in plain words.
 */
import { DEFAULT_SENTENCE_BAND, MAX_SENTENCE_BAND } from "./limits";
import type { Indicator, Lang, Profile, ProfileRow } from "./types";
import { describeProblem } from "./describe";
import { averageName } from "./describe-profile";
import { CUSTOM_NETWORK } from "./networks";
import { isKronerUnit } from "./prices";

export { DEFAULT_SENTENCE_BAND };

/** A figure of the row, as the sentence shows it. */
export type SentenceFigure = "value" | "average" | "percent" | "rank" | "rankOf";

/**
 * The words of a row that come from its indicator (its label and unit, which a user's own
 * template may bring from anywhere): the sheet holds them in cells of their own and the
 * formula refers to them, so no text from input is ever part of a formula.
 */
export type SentenceWord = "label" | "unitBefore" | "unitAfter" | "unitTail";

/** A piece of a sentence: the rule's own words, the indicator's words, or one of the row's figures with its decimals. */
export type SentencePiece = string | { word: SentenceWord } | { figure: SentenceFigure; decimals: number };

/**
 * The cases, tested in this order: no value (with or without an average), no average, no
 * index (the average is zero or negative), within the band, above, below.
 */
export type SentenceCase = "missing-both" | "missing-value" | "missing-average" | "no-index" | "at-level" | "above" | "below";

export interface SentenceRule {
  /** Before every case: the indicator's label and a colon. */
  lead: SentencePiece[];
  /** The indicator's words the pieces name. */
  words: Record<SentenceWord, string>;
  /** A figure not valid in the year: the sentence is only this (no figures at all). */
  fixed?: string;
  cases: Record<SentenceCase, SentencePiece[]>;
  /** Appended to every case with a value: the rank, or that there is no network to rank in. */
  rank: SentencePiece[];
  /** Per cent around the average that counts as "on a level". */
  band: number;
}

/** The row's numbers a sentence reads (the cells of the profile sheet's row). */
export interface SentenceFacts {
  value: number | null;
  average: number | null;
  /** value ÷ average × 100; null when either is missing or the average is not positive. */
  index: number | null;
  rank: number | null;
  rankOf: number;
}

export interface SentenceContext {
  lang: Lang;
  year: number;
  /** The municipality's name ("Bærum"). */
  focalName: string;
  /** How the average is named in a sentence ("snittet i ASSS"). */
  average: string;
  /** Whether there are network members to rank in (not so with only a published base). */
  ranked: boolean;
  band: number;
}

type Unit = { before: string; after: string; tail: string };

const WORDS = {
  nb: {
    more: "mer", less: "mindre", higher: "høyere", lower: "lavere",
    spends: (name: string, pct: SentencePiece[], word: string, avg: string) => [`${name} bruker `, ...pct, ` ${word} enn ${avg}`],
    lies: (name: string, pct: SentencePiece[], word: string, avg: string) => [`${name} ligger `, ...pct, ` ${word} enn ${avg}`],
    level: (name: string, avg: string) => [`${name} ligger på nivå med ${avg}`],
    versus: " mot ",
    better: { higher: " (høyere er bedre)", lower: " (lavere er bedre)" },
    percent: " %",
    missingValue: (name: string, year: number, avg: string, a: SentencePiece[]) => [`${name} har ikke tall for ${year}; ${avg} er `, ...a, "."],
    missingBoth: (name: string, year: number, avg: string) => [`${name} har ikke tall for ${year}, og ${avg} mangler.`],
    missingAverage: (name: string, year: number, avg: string, v: SentencePiece[]) => [`${name} har `, ...v, `; ${avg} mangler for ${year}.`],
    noIndex: (name: string, avg: string, v: SentencePiece[], a: SentencePiece[]) => [`${name} har `, ...v, `; ${avg} er `, ...a, ", så en prosentvis forskjell gir ikke mening."],
    rank: (r: SentencePiece, of: SentencePiece) => [" Rang ", r, " av ", of, "."],
    notRanked: " Ikke rangert (ingen nettverk å rangere i).",
    averageOf: { network: (n: string) => `snittet i ${n}`, custom: "snittet i utvalget", base: (b: string) => `snittet for ${b}` },
  },
  en: {
    more: "more", less: "less", higher: "higher", lower: "lower",
    spends: (name: string, pct: SentencePiece[], word: string, avg: string) => [`${name} spends `, ...pct, ` ${word} than ${avg}`],
    lies: (name: string, pct: SentencePiece[], word: string, avg: string) => [`${name} is `, ...pct, ` ${word} than ${avg}`],
    level: (name: string, avg: string) => [`${name} is on a par with ${avg}`],
    versus: " compared with ",
    better: { higher: " (higher is better)", lower: " (lower is better)" },
    percent: "%",
    missingValue: (name: string, year: number, avg: string, a: SentencePiece[]) => [`${name} has no figure for ${year}; ${avg} is `, ...a, "."],
    missingBoth: (name: string, year: number, avg: string) => [`${name} has no figure for ${year}, and ${avg} is missing.`],
    missingAverage: (name: string, year: number, avg: string, v: SentencePiece[]) => [`${name} has `, ...v, `; ${avg} is missing for ${year}.`],
    noIndex: (name: string, avg: string, v: SentencePiece[], a: SentencePiece[]) => [`${name} has `, ...v, `; ${avg} is `, ...a, ", so a percentage difference is not meaningful."],
    rank: (r: SentencePiece, of: SentencePiece) => [" Rank ", r, " of ", of, "."],
    notRanked: " Not ranked (no network to rank in).",
    averageOf: { network: (n: string) => `the ${n} average`, custom: "the peers' average", base: (b: string) => `the average for ${b}` },
  },
} as const;

/**
 * How a unit goes with a number: kroner after it in bokmål ("141 kr"), before it in English
 * ("NOK 141"); a percentage as "%"; the rest of the unit ("per innbygger") once, after the
 * second number; thousands of kroner named in brackets; a bare count ("antall") not at all.
 */
export function unitParts(unit: string, lang: Lang): Unit {
  const u = unit.trim();
  for (const [pattern, parts] of UNIT_RULES[lang]) {
    const m = pattern.exec(u);
    if (m) return parts(m[1] ?? "");
  }
  return { before: "", after: "", tail: u ? ` ${u}` : "" };
}

/** Per language, in order: a unit's pattern (its group: the rest, "per innbygger") and where its words go. */
const UNIT_RULES: Record<Lang, [RegExp, (rest: string) => Unit][]> = {
  nb: [
    [/^1000 kr(?:oner)?$/i, () => ({ before: "", after: "", tail: " (1000 kr)" })],
    [/^kr\b\.?(.*)$/i, (rest) => ({ before: "", after: " kr", tail: rest })],
    [/^(?:prosent|%)$/i, () => ({ before: "", after: " %", tail: "" })],
    [/^antall\b(.*)$/i, (rest) => ({ before: "", after: "", tail: rest })],
  ],
  en: [
    [/^(?:NOK 1000|1000 NOK)$/i, () => ({ before: "", after: "", tail: " (NOK 1000)" })],
    [/^NOK\b(.*)$/, (rest) => ({ before: "NOK ", after: "", tail: rest })],
    [/^(?:per ?cent|%)$/i, () => ({ before: "", after: "%", tail: "" })],
    [/^number\b(.*)$/i, (rest) => ({ before: "", after: "", tail: rest })],
  ],
};

/** Money spent: a unit in kroner, except a fee (a key figure in plain kroner: årsgebyr). */
export function isSpending(indicator: Pick<Indicator, "unit" | "measure">): boolean {
  return isKronerUnit(indicator.unit) && !(indicator.measure === "key-figure" && /^kr\.?$/i.test(indicator.unit.nb.trim()));
}

/** How the row's average is named in a sentence: "snittet i ASSS", "snittet i utvalget", "snittet for KOSTRA-gruppe 7". */
export function averagePhrase(profile: Pick<Profile, "network" | "year" | "base">, lang: Lang): string {
  const w = WORDS[lang].averageOf;
  if (profile.base) return w.base(averageName(profile, lang));
  if (profile.network.id === CUSTOM_NETWORK) return w.custom;
  return w.network(averageName(profile, lang));
}

const fig = (figure: SentenceFigure, decimals: number): SentencePiece => ({ figure, decimals });

/** The rule for one row of a profile: its pieces for every case. */
export function sentenceRule(row: Pick<ProfileRow, "indicator" | "problem">, ctx: SentenceContext): SentenceRule {
  const w = WORDS[ctx.lang];
  const ind = row.indicator;
  const band = clampBand(ctx.band);
  const d = clampDecimals(ind.decimals);
  const unit = unitParts(ind.unit[ctx.lang], ctx.lang);
  const words: Record<SentenceWord, string> = { label: ind.label[ctx.lang], unitBefore: unit.before, unitAfter: unit.after, unitTail: unit.tail };
  const word = (w: SentenceWord): SentencePiece[] => (words[w] === "" ? [] : [{ word: w }]);
  const name = ctx.focalName;
  const avg = ctx.average;
  const number = (f: SentenceFigure) => [...word("unitBefore"), fig(f, d), ...word("unitAfter")];
  const withTail = (f: SentenceFigure) => [...number(f), ...word("unitTail")];
  const pct = [fig("percent", 0), w.percent];
  const both = [" ", ...number("value"), w.versus, ...withTail("average"), "."];
  const better = ind.direction ? w.better[ind.direction.better] : "";
  const apart = (word: "up" | "down") =>
    isSpending(ind) ? w.spends(name, pct, word === "up" ? w.more : w.less, avg) : w.lies(name, pct, word === "up" ? w.higher : w.lower, avg);
  const cases: Record<SentenceCase, SentencePiece[]> = {
    "missing-both": w.missingBoth(name, ctx.year, avg),
    "missing-value": w.missingValue(name, ctx.year, avg, withTail("average")),
    "missing-average": w.missingAverage(name, ctx.year, avg, withTail("value")),
    "no-index": w.noIndex(name, avg, withTail("value"), withTail("average")),
    "at-level": [...w.level(name, avg), ":", ...both],
    above: [...apart("up"), better, ":", ...both],
    below: [...apart("down"), better, ":", ...both],
  };
  const rank = ctx.ranked ? w.rank(fig("rank", 0), fig("rankOf", 0)) : [w.notRanked];
  const fixed = row.problem?.code === "not-valid" ? describeProblem(row.problem, ctx.lang) : undefined;
  return { lead: [{ word: "label" }, ": "], words, ...(fixed !== undefined ? { fixed } : {}), cases: mapCases(cases, tidy), rank: tidy(rank), band };
}

const mapCases = (cases: Record<SentenceCase, SentencePiece[]>, f: (p: SentencePiece[]) => SentencePiece[]) =>
  Object.fromEntries(Object.entries(cases).map(([k, v]) => [k, f(v)])) as Record<SentenceCase, SentencePiece[]>;

/** Adjacent words joined and empty ones dropped: fewer, longer literals in the formula. */
function tidy(pieces: readonly SentencePiece[]): SentencePiece[] {
  const out: SentencePiece[] = [];
  for (const p of pieces) {
    if (p === "") continue;
    const last = out[out.length - 1];
    if (typeof p === "string" && typeof last === "string") out[out.length - 1] = last + p;
    else out.push(p);
  }
  return out;
}

export const clampBand = (band: number) => (Number.isFinite(band) ? Math.min(MAX_SENTENCE_BAND, Math.max(0, band)) : DEFAULT_SENTENCE_BAND);
const clampDecimals = (d: number) => (Number.isFinite(d) ? Math.min(10, Math.max(0, Math.round(d))) : 0);

/** The percentage apart from the average the sentence states: |index − 100|, rounded to a whole per cent. */
export const percentApart = (index: number) => roundHalfAway(Math.abs(index - 100), 0);

/** Which case a row's facts are: the order the formula tests them in too. */
export function sentenceCase(facts: SentenceFacts, band: number): SentenceCase {
  if (facts.value === null) return facts.average === null ? "missing-both" : "missing-value";
  if (facts.average === null) return "missing-average";
  if (facts.index === null) return "no-index";
  if (percentApart(facts.index) <= band) return "at-level";
  return facts.index > 100 ? "above" : "below";
}

/** The sentence for a row's facts under its rule. */
export function sentenceText(rule: SentenceRule, facts: SentenceFacts, lang: Lang): string {
  const number = (f: SentenceFigure): number => {
    switch (f) {
      case "value": return facts.value ?? 0;
      case "average": return facts.average ?? 0;
      case "percent": return percentApart(facts.index ?? 100);
      case "rank": return facts.rank ?? 0;
      case "rankOf": return facts.rankOf;
    }
  };
  const say = (pieces: readonly SentencePiece[]) =>
    pieces.map((p) => (typeof p === "string" ? p : "word" in p ? rule.words[p.word] : formatFixed(number(p.figure), p.decimals, lang))).join("");
  if (rule.fixed !== undefined) return say(rule.lead) + rule.fixed;
  const which = sentenceCase(facts, rule.band);
  const pieces = facts.value === null ? rule.cases[which] : [...rule.cases[which], ...rule.rank];
  return say(rule.lead) + say(pieces);
}

/** Every row's sentence of a profile, in its order, in the language. */
export function profileSentences(profile: Profile, lang: Lang, band = DEFAULT_SENTENCE_BAND): string[] {
  const ctx = sentenceContext(profile, lang, band);
  return profile.rows.map((row) => sentenceText(sentenceRule(row, ctx), factsOf(row), lang));
}

/** What every row's rule of a profile shares. */
export function sentenceContext(profile: Profile, lang: Lang, band = DEFAULT_SENTENCE_BAND): SentenceContext {
  return { lang, year: profile.year, focalName: profile.focal.name, average: averagePhrase(profile, lang), ranked: profile.members.length > 0, band };
}

export const factsOf = (row: ProfileRow): SentenceFacts => ({ value: row.value, average: row.average, index: row.index, rank: row.rank, rankOf: row.rankOf });

/**
 * Round as Excel's (and LibreOffice's) ROUND: half away from zero, after cutting the
 * product to 15 significant digits, so 1.005 → 1.01 and 2.675 → 2.68 as a user sees them.
 */
export function roundHalfAway(x: number, decimals: number): number {
  const scale = 10 ** decimals;
  const scaled = Number((Math.abs(x) * scale).toPrecision(15));
  const rounded = Math.floor(scaled + 0.5) / scale;
  return rounded === 0 ? 0 : Math.sign(x) * rounded;
}

const SEPARATORS: Record<Lang, { group: string; decimal: string }> = {
  // What FIXED writes in a Norwegian locale (Excel on Windows, LibreOffice nb-NO): a no-break space between thousands.
  nb: { group: "\u00a0", decimal: "," },
  en: { group: ",", decimal: "." },
};

/** A number as FIXED(ROUND(x, d), d) writes it in the language's locale: "1 234,5", "-12", "1,234.5". */
export function formatFixed(x: number, decimals: number, lang: Lang): string {
  const d = clampDecimals(decimals);
  const r = roundHalfAway(x, d);
  const [whole, fraction] = Math.abs(r).toFixed(d).split(".");
  const { group, decimal } = SEPARATORS[lang];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${r < 0 ? "-" : ""}${grouped}${fraction ? decimal + fraction : ""}`;
}
