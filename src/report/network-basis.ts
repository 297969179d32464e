/**
 * The formulas behind "network average = 100", shared by the profile and the time
 * series: per indicator and year, one helper cell per member (a lookup into the data
 * sheet), and from those the average, lowest, highest, who, n and rank — the same rules
 * as the engine (src/kostra/benchmark.ts), over the same members (src/kostra/averaging-set.ts):
 * - lowest, highest, who and rank range over all members with a value; the average and n
 *   over the members that count in the average (KS shows the range across the network,
 *   research/domain.md §1.3);
 * - a missing value (text symbol or absent) is skipped by AVERAGE, MIN, MAX and COUNT;
 * - a weighted average is Σ(value × weight) / Σ(weight) over members that have both
 *   (the weight is population, or the count the figure is per: children, pupils…); an
 *   indicator without a weight is averaged simply even when the profile is weighted;
 * - ties go to the first member in network order (MATCH finds the first).
 */
import { indicatorFor, POPULATION_INDICATOR, rowWeightIndicator } from "../kostra/catalog";
import type { AverageChoice, MunicipalityRef } from "../kostra/types";
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
  /** Formula for a member's weight for an indicator (population or a count), or null when the indicator has no weight. */
  weight: (indicator: string, municipality: string) => string | null;
}

/**
 * The weight formula for an indicator under the averaging choice, from a lookup of the
 * weight indicator's value: population unless the catalog names another weight; null when
 * the indicator is averaged simply (it has no weight, or KS averages it simply).
 */
export function weightLookup(indicator: string, choice: AverageChoice, lookup: (weightIndicator: string) => string): string | null {
  const ind = indicatorFor(indicator);
  const w = ind ? rowWeightIndicator(ind, choice) : choice === "simple" ? null : POPULATION_INDICATOR;
  return w === null ? null : lookup(w);
}

export interface BasisRefs {
  /** Range of all members' values (A1, absolute): what lowest, highest and rank range over. */
  range: string;
  /** Range of the member names, same width as `range`. */
  names: string;
  /** Range of the values that count in the average; undefined when no member counts. */
  usable?: string;
  /** For a weighted average: products and weights used. */
  products?: string;
  weights?: string;
}

/** Whether some member is left out of the average (then the average has cells of its own). */
const leavesOut = (ctx: BasisContext) => ctx.averaging.length < ctx.members.length;

/** How many helper columns a basis row takes. */
export function basisWidth(ctx: BasisContext): number {
  const k = ctx.averaging.length;
  return ctx.members.length + (ctx.average === "simple" ? (leavesOut(ctx) ? k : 0) : 3 * k);
}

/** The header row over the helper columns: member names first (the names row "who" looks up). */
export function basisHeader(ctx: BasisContext, lang: "nb" | "en"): PlanCell[] {
  const names = ctx.members.map((m) => text(m.name));
  const tag = (s: string) => ctx.averaging.map((m) => text(`${m.name} ${s}`));
  const t = REPORT_TEXT[lang];
  const counted = tag(t.inAverage);
  if (ctx.average === "simple") return leavesOut(ctx) ? [...names, ...counted] : names;
  return [...names, ...counted, ...tag(t.weight), ...tag(t.valueTimesWeight)];
}

/**
 * The helper cells of one indicator row, starting at column `startCol` on row `row`,
 * with the header (names) on `headerRow`: first every member's value (a lookup), then
 * for the members that count in the average — simple: their values (only when someone
 * is left out); weighted: the values that count (a value and a positive weight), the
 * weights and the products. For an indicator without a weight the values that count are
 * the values and the weight cells stay empty.
 */
export function basisRow(ctx: BasisContext, indicator: string, row: number, startCol: number, headerRow: number): { cells: PlanCell[]; refs: BasisRefs } {
  const all = ctx.members.length;
  const k = ctx.averaging.length;
  const span = (from: number, width: number, r: number) => `${cellAddress(from, r, true)}:${cellAddress(from + width - 1, r, true)}`;
  const values = ctx.members.map((m) => formula(ctx.lookup(indicator, m.id)));
  const range = span(startCol, all, row);
  const names = span(startCol, all, headerRow);
  const weighted = ctx.average !== "simple";
  if (!weighted && !leavesOut(ctx)) return { cells: values, refs: { range, names, ...(k > 0 ? { usable: range } : {}) } };
  if (k === 0) return { cells: values, refs: { range, names } };
  // The member's value among all members' (group 0), and the cells of group g for the i-th member that counts.
  const valueOf = (m: MunicipalityRef) => cellAddress(startCol + ctx.members.findIndex((x) => x.id === m.id), row);
  const at = (group: number, i: number) => cellAddress(startCol + all + group * k + i, row);
  const usable = span(startCol + all, k, row);
  const counted = (m: MunicipalityRef) => formula(`IF(ISNUMBER(${valueOf(m)}),${valueOf(m)},"")`);
  if (!weighted || (ctx.averaging.length > 0 && ctx.weight(indicator, ctx.averaging[0].id) === null)) {
    const blank = weighted ? ctx.averaging.map(() => text("")) : [];
    return { cells: [...values, ...ctx.averaging.map(counted), ...blank, ...blank], refs: { range, names, usable } };
  }
  // A member counts where it has a value and a positive weight (as in the engine: a weight of 0 is no weight).
  const use = ctx.averaging.map((m, i) => formula(`IF(AND(ISNUMBER(${valueOf(m)}),ISNUMBER(${at(1, i)})),IF(${at(1, i)}>0,${valueOf(m)},""),"")`));
  const weights = ctx.averaging.map((m) => formula(`IF(ISNUMBER(${valueOf(m)}),${ctx.weight(indicator, m.id)},"")`));
  const products = ctx.averaging.map((_, i) => formula(`IF(ISNUMBER(${at(0, i)}),${at(0, i)}*${at(1, i)},"")`));
  return {
    cells: [...values, ...use, ...weights, ...products],
    refs: { range, names, usable, weights: span(startCol + all + k, k, row), products: span(startCol + all + 2 * k, k, row) },
  };
}

/** Average of the row, or "" when there is nothing to average. Weighted where the row has weights. */
export function averageFormula(refs: BasisRefs): string {
  if (refs.usable === undefined) return `""`;
  if (refs.weights === undefined || refs.products === undefined) return `IF(COUNT(${refs.usable})=0,"",AVERAGE(${refs.usable}))`;
  // A weight cell holds a number only where the member also has a value; the positive ones
  // are exactly the members that count, so their sum is the total weight.
  return `IF(COUNT(${refs.usable})=0,"",SUM(${refs.products})/SUMIF(${refs.weights},">0"))`;
}

export const lowestFormula = (refs: BasisRefs) => `IF(COUNT(${refs.range})=0,"",MIN(${refs.range}))`;
export const highestFormula = (refs: BasisRefs) => `IF(COUNT(${refs.range})=0,"",MAX(${refs.range}))`;
export const lowestWhoFormula = (refs: BasisRefs) => `IF(COUNT(${refs.range})=0,"",INDEX(${refs.names},MATCH(MIN(${refs.range}),${refs.range},0)))`;
export const highestWhoFormula = (refs: BasisRefs) => `IF(COUNT(${refs.range})=0,"",INDEX(${refs.names},MATCH(MAX(${refs.range}),${refs.range},0)))`;
/** How many members count in the average (have a value, and a weight where weighted). */
export const countFormula = (refs: BasisRefs) => (refs.usable === undefined ? "0" : `COUNT(${refs.usable})`);
/** Rank 1 = highest; ties share a rank; the focal value is ranked against all members. */
export const rankFormula = (refs: BasisRefs, value: string) => `IF(ISNUMBER(${value}),COUNTIF(${refs.range},">"&${value})+1,"")`;
/** value / average × 100, or "" when either is missing or the average is not positive. */
export const indexFormula = (value: string, average: string) => `IF(ISNUMBER(${average}),IF(${average}>0,IF(ISNUMBER(${value}),${value}/${average}*100,""),""),"")`;
