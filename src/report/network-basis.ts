/**
 * The formulas behind "network average = 100", shared by the profile and the time
 * series: per indicator and year, one helper cell per member of the averaging set
 * (a lookup into the data sheet), and from those the average, lowest, highest, who,
 * n and rank — the same rules as the engine (src/kostra/benchmark.ts):
 * - a missing value (text symbol or absent) is skipped by AVERAGE, MIN, MAX and COUNT;
 * - a weighted average is Σ(value × weight) / Σ(weight) over members that have both
 *   (the weight is population, or the count the figure is per: children, pupils…), and
 *   then lowest, highest and n are over those members too; an indicator without a
 *   weight is averaged simply even when the profile is weighted;
 * - ties go to the first member in network order (MATCH finds the first).
 */
import { indicatorFor, POPULATION_INDICATOR, rowWeightIndicator } from "../kostra/catalog";
import type { AverageChoice, MunicipalityRef } from "../kostra/types";
import { cellAddress, formula, text, type PlanCell } from "./plan";

export interface BasisContext {
  members: readonly MunicipalityRef[];
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
  /** Range of the values that count (A1, absolute). */
  usable: string;
  /** Range of the member names, same width as `usable`. */
  names: string;
  /** For a weighted average: products and weights used. */
  products?: string;
  weights?: string;
}

/** How many helper columns a basis row takes. */
export function basisWidth(ctx: BasisContext): number {
  return ctx.members.length * (ctx.average === "simple" ? 1 : 4);
}

/** The header row over the helper columns: member names (the names row lowest/highest look up). */
export function basisHeader(ctx: BasisContext, lang: "nb" | "en"): PlanCell[] {
  const names = ctx.members.map((m) => text(m.name));
  if (ctx.average === "simple") return names;
  const tag = (s: string) => ctx.members.map((m) => text(`${m.name} ${s}`));
  return [
    ...names,
    ...tag(lang === "nb" ? "(verdi)" : "(value)"),
    ...tag(lang === "nb" ? "(vekt)" : "(weight)"),
    ...tag(lang === "nb" ? "(verdi × vekt)" : "(value × weight)"),
  ];
}

/**
 * The helper cells of one indicator row, starting at column `startCol` on row `row`,
 * with the header (names) on `headerRow`. Simple: the lookups. Weighted: usable values
 * (value where the weight is known), raw lookups, weights, products; for an indicator
 * without a weight the usable values are the values and the weight cells stay empty.
 */
export function basisRow(ctx: BasisContext, indicator: string, row: number, startCol: number, headerRow: number): { cells: PlanCell[]; refs: BasisRefs } {
  const k = ctx.members.length;
  const range = (offset: number, r: number) => `${cellAddress(startCol + offset, r, true)}:${cellAddress(startCol + offset + k - 1, r, true)}`;
  const names = range(0, headerRow);
  if (ctx.average === "simple") {
    return { cells: ctx.members.map((m) => formula(ctx.lookup(indicator, m.id))), refs: { usable: range(0, row), names } };
  }
  const at = (group: number, i: number) => cellAddress(startCol + group * k + i, row);
  const raw = ctx.members.map((m) => formula(ctx.lookup(indicator, m.id)));
  if (ctx.members.length > 0 && ctx.weight(indicator, ctx.members[0].id) === null) {
    const values = ctx.members.map((_, i) => formula(`IF(ISNUMBER(${at(1, i)}),${at(1, i)},"")`));
    const blank = ctx.members.map(() => text(""));
    return { cells: [...values, ...raw, ...blank, ...blank], refs: { usable: range(0, row), names } };
  }
  // A member counts where it has a value and a positive weight (as in the engine: a weight of 0 is no weight).
  const usable = ctx.members.map((_, i) => formula(`IF(AND(ISNUMBER(${at(1, i)}),ISNUMBER(${at(2, i)})),IF(${at(2, i)}>0,${at(1, i)},""),"")`));
  const weights = ctx.members.map((m, i) => formula(`IF(ISNUMBER(${at(1, i)}),${ctx.weight(indicator, m.id)},"")`));
  const products = ctx.members.map((_, i) => formula(`IF(ISNUMBER(${at(0, i)}),${at(0, i)}*${at(2, i)},"")`));
  return {
    cells: [...usable, ...raw, ...weights, ...products],
    refs: { usable: range(0, row), names, weights: range(2 * k, row), products: range(3 * k, row) },
  };
}

/** Average of the row, or "" when there is nothing to average. Weighted where the row has weights. */
export function averageFormula(refs: BasisRefs): string {
  if (refs.weights === undefined || refs.products === undefined) return `IF(COUNT(${refs.usable})=0,"",AVERAGE(${refs.usable}))`;
  // A weight cell holds a number only where the member also has a value; the positive ones
  // are exactly the members that count, so their sum is the total weight.
  return `IF(COUNT(${refs.usable})=0,"",SUM(${refs.products})/SUMIF(${refs.weights},">0"))`;
}

export const lowestFormula = (refs: BasisRefs) => `IF(COUNT(${refs.usable})=0,"",MIN(${refs.usable}))`;
export const highestFormula = (refs: BasisRefs) => `IF(COUNT(${refs.usable})=0,"",MAX(${refs.usable}))`;
export const lowestWhoFormula = (refs: BasisRefs) => `IF(COUNT(${refs.usable})=0,"",INDEX(${refs.names},MATCH(MIN(${refs.usable}),${refs.usable},0)))`;
export const highestWhoFormula = (refs: BasisRefs) => `IF(COUNT(${refs.usable})=0,"",INDEX(${refs.names},MATCH(MAX(${refs.usable}),${refs.usable},0)))`;
export const countFormula = (refs: BasisRefs) => `COUNT(${refs.usable})`;
/** Rank 1 = highest; ties share a rank; the focal value is ranked against the set. */
export const rankFormula = (refs: BasisRefs, value: string) => `IF(ISNUMBER(${value}),COUNTIF(${refs.usable},">"&${value})+1,"")`;
/** value / average × 100, or "" when either is missing or the average is not positive. */
export const indexFormula = (value: string, average: string) => `IF(ISNUMBER(${average}),IF(${average}>0,IF(ISNUMBER(${value}),${value}/${average}*100,""),""),"")`;
