/**
 * Fixed prices: a money figure of year y shown in the kroner of a base year P (the
 * profile's year), so a time series' "% endring" is real growth and not the price increase.
 *
 * The rule (SSB, "Faste priser": a value is adjusted for the price increase by a price
 * index, https://www.ssb.no/ajax/ordforklaring?key=413023; TBU states the municipal
 * sector's real growth the same way, deflating by the kommunal deflator):
 *
 *   fixed(y) = nominal(y) × L(P) ÷ L(y),   L(P) = 100,
 *   L(y) = L(y−1) × (1 + g(y)/100) for y > P,   L(y) = L(y+1) ÷ (1 + g(y+1)/100) for y < P,
 *
 * where g(y) is the index's published growth from y−1 to y in per cent. The level is chained
 * outward from the base year, so a missing growth figure blanks only the years on its far
 * side from P (their value cannot be known), never a year that does not need it.
 *
 * Which figures are money: the catalog's unit says kroner ("kr per innbygger", "1000 kr",
 * "kr per km", "kr"); shares, counts and key figures without money are never deflated.
 *
 * A series dated at 1 January of the year after (12842's fees: `yearOffset` 1) is priced in
 * that year: its price year is SSB's time, not the data year. This is why the reference
 * document's 2017 fee is the same in its fixed-price table as in its profile (2 550 kr):
 * the fee of 1.1.2018 is already in 2018 kroner.
 */
import deflatorFile from "./prices/kommunal-deflator.json";
import { boundedText, dataYear, say, v } from "./schema";
import { selectorForYear, ssbTimeOf } from "./series";
import type { Indicator, Lang, LocalizedText } from "./types";

export type PriceIndexId = "kommunal-deflator" | "kpi";
export const PRICE_INDEX_IDS: readonly PriceIndexId[] = ["kommunal-deflator", "kpi"];

/** One year of a price index: growth from the year before in per cent, and where the figure comes from. */
export interface PriceIndexRow {
  year: number;
  growth: number;
  source: string;
  /** False for a figure that is not the index's final published one (an estimate); the sheet says so. */
  confirmed: boolean;
}

export interface PriceIndex {
  id: PriceIndexId;
  /** Oldest year first, one row per year. */
  rows: PriceIndexRow[];
}

/** How a report shows money: as published, or in the base year's kroner by an index. */
export type PriceChoice = "nominal" | { index: PriceIndexId; table?: UserIndexRow[]; year?: number };

/** A row the user typed or corrected (stored in the template settings). */
export interface UserIndexRow {
  year: number;
  growth: number;
  source?: string;
}

/** The index and base year a report deflates with. */
export interface FixedPrices {
  index: PriceIndex;
  base: number;
}

const NAMES: Record<PriceIndexId, LocalizedText> = {
  "kommunal-deflator": { nb: "kommunal deflator", en: "municipal deflator" },
  kpi: { nb: "KPI", en: "CPI" },
};

export const priceIndexName = (id: PriceIndexId, lang: Lang): string => NAMES[id][lang];

/** "faste 2017-kroner, kommunal deflator" / "fixed 2017 kroner, municipal deflator". */
export function fixedPricesLabel(base: number, id: PriceIndexId, lang: Lang): string {
  return { nb: `faste ${base}-kroner, ${NAMES[id].nb}`, en: `fixed ${base} kroner, ${NAMES[id].en}` }[lang];
}

// ---------------------------------------------------------------------------
// Which figures are money

/** Whether a unit is in kroner ("kr", "kr per innbygger", "1000 kr"). */
export const isKronerUnit = (unit: LocalizedText): boolean => /^(1000 )?kr\b/i.test(unit.nb.trim());

/**
 * Whether the figure is an amount of money (deflated in fixed prices): per-capita kroner,
 * amounts in kroner or 1000 kr, and key figures in kroner (fees, kroner per km). Never a
 * share, a count, or a key figure without money (pupils per group, points, hours).
 */
export function isMoneyAmount(ind: Pick<Indicator, "unit" | "measure">): boolean {
  if (ind.measure === "share" || ind.measure === "count") return false;
  return isKronerUnit(ind.unit);
}

/** The year whose prices the figure of data year `year` is in: SSB's time of its series (see the module comment). */
export function priceYear(ind: Indicator, year: number): number {
  const ssb = selectorForYear(ind, year);
  return ssb ? ssbTimeOf(ssb, year) : year;
}

// ---------------------------------------------------------------------------
// Levels

/** The years whose growth links price year `y` to the base year (empty for the base itself). */
export function linkingYears(y: number, base: number): number[] {
  const years: number[] = [];
  if (y < base) for (let k = y + 1; k <= base; k++) years.push(k);
  else for (let k = base + 1; k <= y; k++) years.push(k);
  return years;
}

/** The price level of each year from `from` to `to` with the base year at 100; null where a linking year has no growth. */
export function priceLevels(index: PriceIndex, base: number, from: number, to: number): Map<number, number | null> {
  const growth = new Map(index.rows.map((r) => [r.year, r.growth]));
  const levels = new Map<number, number | null>();
  const lo = Math.min(from, base);
  const hi = Math.max(to, base);
  levels.set(base, 100);
  for (let y = base + 1; y <= hi; y++) {
    const prev = levels.get(y - 1) ?? null;
    const g = growth.get(y);
    levels.set(y, prev === null || g === undefined ? null : prev * (1 + g / 100));
  }
  for (let y = base - 1; y >= lo; y--) {
    const next = levels.get(y + 1) ?? null;
    const g = growth.get(y + 1);
    levels.set(y, next === null || g === undefined ? null : next / (1 + g / 100));
  }
  for (const y of [...levels.keys()]) if (y < from || y > to) levels.delete(y);
  return levels;
}

/** The value of `nominal` (in the prices of `year`) in the base year's kroner, or null when the index cannot link the two years. */
export function fixedValue(nominal: number | null, prices: FixedPrices, year: number): number | null {
  if (nominal === null) return null;
  const level = priceLevels(prices.index, prices.base, year, year).get(year) ?? null;
  return level === null ? null : (nominal * 100) / level;
}

/** The growth years the index lacks for linking these price years to the base year, oldest first. */
export function missingGrowthYears(index: PriceIndex, base: number, years: Iterable<number>): number[] {
  const have = new Set(index.rows.map((r) => r.year));
  const missing = new Set<number>();
  for (const y of years) for (const k of linkingYears(y, base)) if (!have.has(k)) missing.add(k);
  return [...missing].sort((a, b) => a - b);
}

/** The price years a time series of these indicators needs linked to the base year (the money figures' only), with the base year. */
export function seriesPriceYears(indicators: readonly Indicator[], years: readonly number[], base: number): number[] {
  const needed = new Set<number>([base]);
  for (const ind of indicators) if (isMoneyAmount(ind)) for (const y of years) needed.add(priceYear(ind, y));
  return [...needed].sort((a, b) => a - b);
}

/** The growth years the index lacks for a time series of these indicators (none when no figure is money). */
export function missingForSeries(prices: FixedPrices, indicators: readonly Indicator[], years: readonly number[]): number[] {
  if (!indicators.some((i) => isMoneyAmount(i))) return [];
  return missingGrowthYears(prices.index, prices.base, seriesPriceYears(indicators, years, prices.base));
}

/** The years whose value cannot be put in fixed prices, and why, in one line each language. */
export function missingYearsText(missing: readonly number[], id: PriceIndexId): LocalizedText {
  const list = missing.join(", ");
  const one = missing.length === 1;
  return {
    nb: `Prisindeksen (${NAMES[id].nb}) mangler vekst for ${list}, så verdier i faste priser som trenger ${one ? "den" : "dem"} står tomme. Skriv inn veksten i prisindekstabellen.`,
    en: `The price index (${NAMES[id].en}) lacks the growth for ${list}, so fixed-price values that need ${one ? "it" : "them"} are left empty. Type the growth into the price index table.`,
  };
}

// ---------------------------------------------------------------------------
// The indexes

/** The kommunal deflator as shipped: published figures with their sources (see the data file). */
export function kommunalDeflator(): PriceIndex {
  return { id: "kommunal-deflator", rows: deflatorFile.rows.map((r) => ({ year: r.year, growth: r.growth, source: r.source, confirmed: r.confirmed })) };
}

/**
 * Yearly growth from annual-average index levels (SSB's KPI, 2015 = 100): g(y) = (L(y) ÷ L(y−1) − 1) × 100,
 * for each year whose previous year is there too.
 */
export function growthFromLevels(levels: readonly { year: number; level: number }[], source: string): PriceIndexRow[] {
  const byYear = new Map(levels.map((l) => [l.year, l.level]));
  return [...byYear.keys()]
    .sort((a, b) => a - b)
    .filter((y) => byYear.has(y - 1) && byYear.get(y - 1)! > 0)
    .map((y) => ({ year: y, growth: (byYear.get(y)! / byYear.get(y - 1)! - 1) * 100, source, confirmed: true }));
}

export const USER_SOURCE: LocalizedText = { nb: "skrevet inn av brukeren", en: "typed by the user" };

/** The index with the user's rows laid over it, year by year (a typed row replaces the shipped or fetched one). */
export function withUserRows(index: PriceIndex, rows: readonly UserIndexRow[] | undefined, lang: Lang): PriceIndex {
  if (!rows?.length) return index;
  const byYear = new Map(index.rows.map((r) => [r.year, r]));
  for (const r of rows) byYear.set(r.year, { year: r.year, growth: r.growth, source: r.source?.trim() || USER_SOURCE[lang], confirmed: true });
  return { id: index.id, rows: [...byYear.values()].sort((a, b) => a.year - b.year) };
}

/**
 * The index a stored choice asks for, with the user's rows laid over it: the shipped
 * deflator, or the KPI as fetched from SSB (`kpi`; only the user's rows when it could not
 * be fetched). Undefined for nominal prices.
 */
export function priceIndexFor(choice: PriceChoice | undefined, kpi: PriceIndex | undefined, lang: Lang): PriceIndex | undefined {
  if (choice === undefined || choice === "nominal") return undefined;
  const fetched = choice.index === "kpi" ? (kpi ?? { id: "kpi", rows: [] }) : kommunalDeflator();
  return withUserRows(fetched, choice.table, lang);
}

// ---------------------------------------------------------------------------
// The choice as stored (template settings): checked as hostile input

/** Most rows a user table may have, and the growth a year may show (a price fall of half, a doubling). */
export const MAX_INDEX_ROWS = 100;
const MIN_GROWTH = -50;
const MAX_GROWTH = 100;
/** Longest source text a row may have. */
export const MAX_SOURCE_LENGTH = 300;

/** One row the user typed, as the settings store it (and as it is read back from a sheet's table). */
export const userIndexRowSchema = v.object({
  year: dataYear(),
  growth: v.pipe(
    v.number(),
    v.finite(),
    v.minValue(MIN_GROWTH, say({ nb: `er under ${MIN_GROWTH} %`, en: `is below ${MIN_GROWTH} %` })),
    v.maxValue(MAX_GROWTH, say({ nb: `er over ${MAX_GROWTH} %`, en: `is above ${MAX_GROWTH} %` })),
  ),
  source: v.optional(boundedText(MAX_SOURCE_LENGTH)),
});

const uniqueYears = (rows: { year: number }[]) => new Set(rows.map((r) => r.year)).size === rows.length;

/** An index with the user's rows (unique years) and an optional base year. */
const fixedChoiceSchema = v.object({
  index: v.picklist(PRICE_INDEX_IDS),
  table: v.optional(
    v.pipe(
      v.array(userIndexRowSchema),
      v.maxLength(MAX_INDEX_ROWS),
      v.check((rows) => uniqueYears(rows), say({ nb: "har samme år to ganger", en: "has the same year twice" })),
    ),
  ),
  year: v.optional(dataYear()),
});

/**
 * "nominal", or an index with the user's rows. Chosen by the input's kind rather than as a
 * union, so a wrong row is named by its path ("prices.table[0].growth"), not as "neither".
 */
export const priceChoiceSchema = v.lazy((input) => (typeof input === "string" ? v.literal("nominal") : fixedChoiceSchema));
