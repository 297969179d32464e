/**
 * The formulas behind "network average = 100", shared by the profile and the time
 * series: per indicator and year, one helper cell per member (a lookup into the data
 * sheet), and from those the average, lowest, highest, who, n and rank — the same rules
 * as the engine (src/kostra/benchmark.ts), over the same members (src/kostra/averaging-set.ts):
 * - lowest, highest, who and rank range over all members with a value; the average and n
 *   over the members that count in the average (KS shows the range across the network,
 *   research/domain.md §1.3);
 * - a missing value (text symbol or absent) is skipped by AVERAGE, MIN, MAX and COUNT;
 * - a weighted average is Σ(value × weight) / Σ(weight) over members that have both, with
 *   a positive weight (the weight is population, or the count the figure is per:
 *   children, pupils…); an indicator without a weight is averaged simply even when the
 *   profile is weighted;
 * - ties go to the first member in network order (MATCH finds the first).
 *
 * Weights: every weighted row of a year reads the same weights (population for most
 * figures), so a sheet holds one row of weights per weight indicator and year (the
 * weights block, `weightBlock`) — a lookup per member, "" for a member left out of the
 * average — and each weighted row's average reads it with SUMPRODUCT (which, in Excel as
 * in LibreOffice, counts text as 0):
 *   Σ(v × w) / Σ(w) over the members where v and w are numbers and w > 0.
 * Helper cells per member for "counts", "weight" and "value × weight" on every row would
 * be the same numbers, three more formulas per member and row: a report of 13 templates
 * × 10 years × 50 peers had 134,000 of them, a third of LibreOffice's recalculation time.
 */
import { amountIndicatorFor, indicatorFor, POPULATION_INDICATOR, rowWeightIndicator } from "../kostra/catalog";
import type { AverageChoice, Lang, MunicipalityRef } from "../kostra/types";
import { cellAddress, formula, text, type PlanCell } from "./plan";
import { REPORT_TEXT } from "./report-text";

export interface BasisContext {
  /** The members lowest, highest and rank range over (all members of the year), in network order. */
  members: readonly MunicipalityRef[];
  /** The members that count in the average: a subset of `members`, same order. */
  averaging: readonly MunicipalityRef[];
  /** Simple for every row, or weighted where the row's indicator is weighted under the choice. */
  average: AverageChoice;
  /** Formula (without "=") for a value in the data sheet. */
  lookup: (indicator: string, municipality: string) => string;
}

/**
 * The indicator an indicator's average is weighted by under the averaging choice:
 * population unless the catalog names another weight; null when the indicator is
 * averaged simply (it has no weight, or KS averages it simply).
 */
export function weightIndicatorOf(indicator: string, choice: AverageChoice): string | null {
  const ind = indicatorFor(indicator);
  return ind ? rowWeightIndicator(ind, choice) : choice === "simple" ? null : POPULATION_INDICATOR;
}

export interface BasisRefs {
  /** Range of all members' values (A1, absolute): what lowest, highest and rank range over. */
  range: string;
  /** Range of the member names, same width as `range`. */
  names: string;
  /** Range of the values that count in the (simple) average; undefined when no member counts or the row is weighted. */
  usable?: string;
  /** A weighted row: its weights, same width as `range` ("" for a member left out of the average). */
  weights?: string;
}

/** Whether some member is left out of the average (then the average has cells of its own). */
const leavesOut = (ctx: BasisContext) => ctx.averaging.length < ctx.members.length;

/** How many helper columns a basis row takes. */
export function basisWidth(ctx: BasisContext): number {
  return ctx.members.length + (leavesOut(ctx) ? ctx.averaging.length : 0);
}

/** The header row over the helper columns: member names first (the names row "who" looks up). */
export function basisHeader(ctx: BasisContext, lang: Lang): PlanCell[] {
  const names = ctx.members.map((m) => text(m.name));
  return leavesOut(ctx) ? [...names, ...ctx.averaging.map((m) => text(`${m.name} ${REPORT_TEXT[lang].inAverage}`))] : names;
}

/** One sheet's weights of a year: a row per weight indicator, in the order first needed. */
export interface WeightBlock {
  /** The header row (a label cell, then the members' names) and the rows (the weight's name, then one cell per member). */
  header: PlanCell[];
  rows: PlanCell[][];
  /** The range of a weighted indicator's weights (absolute), or undefined when the indicator is averaged simply. */
  weightsOf(indicator: string): string | undefined;
}

/**
 * The weights block for the rows of `indicators`, its header on `headerRow` and its first
 * row on `firstRow`, starting at column `startCol` (the weight's name; the members'
 * weights from the next column on, aligned with the basis rows' values). A member left out
 * of the average has "" for a weight, so it never counts.
 */
export function weightBlock(ctx: BasisContext, indicators: readonly string[], startCol: number, firstRow: number, lang: Lang): WeightBlock {
  const order: string[] = [];
  const of = new Map<string, string>();
  for (const id of indicators) {
    const w = ctx.averaging.length > 0 ? weightIndicatorOf(id, ctx.average) : null;
    if (w === null) continue;
    if (!order.includes(w)) order.push(w);
    of.set(id, w);
  }
  const counted = new Set(ctx.averaging.map((m) => m.id));
  const t = REPORT_TEXT[lang];
  const rowOf = (w: string) => firstRow + order.indexOf(w);
  return {
    header: order.length ? [text(t.weights), ...ctx.members.map((m) => text(`${m.name} ${t.weight}`))] : [],
    rows: order.map((w) => [
      text((indicatorFor(w) ?? amountIndicatorFor(w))?.label[lang] ?? w),
      ...ctx.members.map((m) => (counted.has(m.id) ? formula(ctx.lookup(w, m.id)) : text(""))),
    ]),
    weightsOf(indicator) {
      const w = of.get(indicator);
      return w === undefined ? undefined : `${cellAddress(startCol + 1, rowOf(w), true)}:${cellAddress(startCol + ctx.members.length, rowOf(w), true)}`;
    },
  };
}

/**
 * The helper cells of one indicator row, starting at column `startCol` on row `row`,
 * with the header (names) on `headerRow`: first every member's value (a lookup), then,
 * when someone is left out of a simple average, the values of the members that count.
 * A weighted row (`weights`: its range in the weights block) needs no more cells: the
 * weights block leaves out who does not count.
 */
export function basisRow(ctx: BasisContext, indicator: string, row: number, startCol: number, headerRow: number, weights?: string): { cells: PlanCell[]; refs: BasisRefs } {
  const all = ctx.members.length;
  const k = ctx.averaging.length;
  const span = (from: number, width: number, r: number) => `${cellAddress(from, r, true)}:${cellAddress(from + width - 1, r, true)}`;
  const values = ctx.members.map((m) => formula(ctx.lookup(indicator, m.id)));
  const range = span(startCol, all, row);
  const names = span(startCol, all, headerRow);
  const extra = leavesOut(ctx) ? k : 0;
  if (k === 0) return { cells: values, refs: { range, names } };
  if (weights !== undefined) return { cells: [...values, ...Array.from({ length: extra }, () => text(""))], refs: { range, names, weights } };
  if (!leavesOut(ctx)) return { cells: values, refs: { range, names, usable: range } };
  const valueOf = (m: MunicipalityRef) => cellAddress(startCol + ctx.members.findIndex((x) => x.id === m.id), row);
  const counted = ctx.averaging.map((m) => formula(`IF(ISNUMBER(${valueOf(m)}),${valueOf(m)},"")`));
  return { cells: [...values, ...counted], refs: { range, names, usable: span(startCol + all, k, row) } };
}

/** 1 for each member that counts in a weighted average (a value and a positive weight), else 0. */
const countsIn = (refs: BasisRefs & { weights: string }) => `ISNUMBER(${refs.range})*ISNUMBER(${refs.weights})*(${refs.weights}>0)`;

/** Average of the row, or "" when there is nothing to average. Weighted where the row has weights. */
export function averageFormula(refs: BasisRefs): string {
  if (refs.weights !== undefined) {
    const counts = countsIn({ ...refs, weights: refs.weights });
    return `IF(SUMPRODUCT(${counts})=0,"",SUMPRODUCT(${counts},${refs.range},${refs.weights})/SUMPRODUCT(${counts},${refs.weights}))`;
  }
  if (refs.usable === undefined) return `""`;
  return `IF(COUNT(${refs.usable})=0,"",AVERAGE(${refs.usable}))`;
}

export const lowestFormula = (refs: BasisRefs) => `IF(COUNT(${refs.range})=0,"",MIN(${refs.range}))`;
export const highestFormula = (refs: BasisRefs) => `IF(COUNT(${refs.range})=0,"",MAX(${refs.range}))`;
export const lowestWhoFormula = (refs: BasisRefs) => `IF(COUNT(${refs.range})=0,"",INDEX(${refs.names},MATCH(MIN(${refs.range}),${refs.range},0)))`;
export const highestWhoFormula = (refs: BasisRefs) => `IF(COUNT(${refs.range})=0,"",INDEX(${refs.names},MATCH(MAX(${refs.range}),${refs.range},0)))`;
/** How many members count in the average (have a value, and a weight where weighted). */
export const countFormula = (refs: BasisRefs) =>
  refs.weights !== undefined ? `SUMPRODUCT(${countsIn({ ...refs, weights: refs.weights })})` : refs.usable === undefined ? "0" : `COUNT(${refs.usable})`;
/** Rank 1 = highest; ties share a rank; the focal value is ranked against all members. */
export const rankFormula = (refs: BasisRefs, value: string) => `IF(ISNUMBER(${value}),COUNTIF(${refs.range},">"&${value})+1,"")`;
/** value / average × 100, or "" when either is missing or the average is not positive. */
export const indexFormula = (value: string, average: string) => `IF(ISNUMBER(${average}),IF(${average}>0,IF(ISNUMBER(${value}),${value}/${average}*100,""),""),"")`;
