/**
 * Which SSB series a data year of an indicator reads: the one rule the SSB planner, the
 * answer reader, the catalog check, the engine and the report builders ask.
 *
 * An indicator may switch series over time (`earlier`: barnehage key figures from 12562
 * until 2019, from 13502 from 2020; KS's samferdsel from f332 alone to f330 + f332) and
 * may mean nothing outside a span of data years (`valid`: the municipalities' grant to
 * other religious communities, f392, ended with the trossamfunnsloven in 2021). A series
 * may also date its figure differently from the data year (`yearOffset`: 12842's fees and
 * 07459's population are published at 1 January of the year after).
 */
import { inPeriod } from "./periods";
import type { Indicator, Lang, LocalizedText, SsbSelector, Validity, YearSpan } from "./types";

/** One series of an indicator and the data years it serves (inclusive; open ends allowed). */
export interface SeriesPeriod extends YearSpan {
  ssb: SsbSelector;
}

/** What a data year of an indicator reads: a series, nothing because the figure is not valid then, or nothing of its own (a figure computed from other series). */
export type YearSeries =
  | { kind: "series"; ssb: SsbSelector }
  | { kind: "not-valid"; valid: Validity }
  | { kind: "no-series" };

/**
 * The indicator's own current selector, or undefined when it has none (a figure computed
 * from other series). The one place that reads `Indicator.ssb`.
 */
export function ownSelector(ind: Indicator): SsbSelector | undefined {
  return (ind as { ssb?: SsbSelector }).ssb;
}

/** Every series of the indicator with its data years, oldest first: the earlier ones, then the current one. */
export function seriesPeriods(ind: Indicator): SeriesPeriod[] {
  const current = ownSelector(ind);
  if (current === undefined) return [];
  const periods: SeriesPeriod[] = [];
  let from: number | undefined;
  for (const e of ind.earlier ?? []) {
    periods.push({ ...(from !== undefined ? { from } : {}), to: e.to, ssb: e.ssb });
    from = e.to + 1;
  }
  periods.push({ ...(from !== undefined ? { from } : {}), ssb: current });
  return periods;
}

/** Every selector the indicator reads in some year (the current one last). */
export function allSelectors(ind: Indicator): SsbSelector[] {
  return seriesPeriods(ind).map((p) => p.ssb);
}

/** Whether the figure means something in the data year (its `valid` span; always when it has none). */
export function isValidInYear(ind: Indicator, year: number): boolean {
  return ind.valid === undefined || inPeriod(year, ind.valid.from, ind.valid.to);
}

/** The series data year `year` of the indicator reads, or why it reads none. */
export function seriesForYear(ind: Indicator, year: number): YearSeries {
  if (!isValidInYear(ind, year)) return { kind: "not-valid", valid: ind.valid as Validity };
  const period = seriesPeriods(ind).find((p) => inPeriod(year, p.from, p.to));
  return period ? { kind: "series", ssb: period.ssb } : { kind: "no-series" };
}

/** The selector data year `year` reads, or undefined (not valid, or no series of its own). */
export function selectorForYear(ind: Indicator, year: number): SsbSelector | undefined {
  const s = seriesForYear(ind, year);
  return s.kind === "series" ? s.ssb : undefined;
}

/** SSB's time code for data year `year` in the series: n + yearOffset. */
export function ssbTimeOf(ssb: SsbSelector, year: number): number {
  return year + (ssb.yearOffset ?? 0);
}

/** The data year of SSB's time `time` in the series: time − yearOffset. */
export function dataYearOf(ssb: SsbSelector, time: number): number {
  return time - (ssb.yearOffset ?? 0);
}

/**
 * What is wrong with the indicator's periods: earlier series that overlap or are out of
 * order, a validity span that ends before it starts, or a series that serves no valid year.
 */
export function periodProblems(ind: Indicator): string[] {
  const problems: string[] = [];
  const earlier = ind.earlier ?? [];
  for (let k = 1; k < earlier.length; k++)
    if (earlier[k].to <= earlier[k - 1].to)
      problems.push(`${ind.id}: earlier series up to ${earlier[k].to} overlaps or comes before the one up to ${earlier[k - 1].to} (list them oldest first)`);
  const v = ind.valid;
  if (v && v.from !== undefined && v.to !== undefined && v.from > v.to) problems.push(`${ind.id}: valid from ${v.from} to ${v.to} is an empty span`);
  if (v && !v.reason?.nb?.trim()) problems.push(`${ind.id}: validity without a reason`);
  if (v && problems.length === 0)
    for (const p of seriesPeriods(ind)) {
      const before = v.from !== undefined && p.to !== undefined && p.to < v.from;
      const after = v.to !== undefined && p.from !== undefined && p.from > v.to;
      if (before || after) problems.push(`${ind.id}: the series of table ${p.ssb.table ?? "?"} serves no year the figure is valid in`);
    }
  return problems;
}

/** "2015–2020", "fra 2020" / "from 2020", "til 2020" / "to 2020", or "" for an open span. */
export function describeSpan(span: YearSpan, lang: Lang): string {
  if (span.from !== undefined && span.to !== undefined) return span.from === span.to ? String(span.from) : `${span.from}–${span.to}`;
  if (span.from !== undefined) return { nb: `fra ${span.from}`, en: `from ${span.from}` }[lang];
  if (span.to !== undefined) return { nb: `til ${span.to}`, en: `to ${span.to}` }[lang];
  return "";
}

/** "ikke gyldig for 2021: <grunn>" / "not valid for 2021: <reason>". */
export const notValidText = (year: number | string, reason: LocalizedText, lang: Lang): string => notValidTexts(year, reason)[lang];

export const notValidTexts = (year: number | string, reason: LocalizedText): LocalizedText => ({
  nb: `ikke gyldig for ${year}: ${reason.nb}`,
  en: `not valid for ${year}: ${reason.en}`,
});

/**
 * The indicator as data year `year` shows it: a series dated at 1 January of another year
 * (12842's fees, 07459's population) says so in its label — "per 1.1.2018" in the 2017
 * profile. Other indicators are returned unchanged.
 */
export function indicatorInYear(ind: Indicator, year: number): Indicator {
  const ssb = selectorForYear(ind, year);
  if (!ssb?.yearOffset) return ind;
  const at = ssbTimeOf(ssb, year);
  return { ...ind, label: { nb: `${ind.label.nb} (per 1.1.${at})`, en: `${ind.label.en} (at 1 Jan ${at})` } };
}

/**
 * The label of a series shown over several years (the time series): a series dated at
 * 1 January says it is the 1 January after the data year.
 */
export function indicatorOverYears(ind: Indicator, years: readonly number[]): Indicator {
  const offset = years.map((y) => selectorForYear(ind, y)?.yearOffset ?? 0).find((o) => o !== 0);
  if (!offset) return ind;
  const nb = offset === 1 ? "per 1.1. året etter" : `per 1.1. år ${offset > 0 ? "+" : ""}${offset}`;
  const en = offset === 1 ? "at 1 Jan of the following year" : `at 1 Jan of year ${offset > 0 ? "+" : ""}${offset}`;
  return { ...ind, label: { nb: `${ind.label.nb} (${nb})`, en: `${ind.label.en} (${en})` } };
}
