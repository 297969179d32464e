/**
 * Query planner: the requests for a load, asking SSB for the cells the load needs. Per SSB
 * table (and year offset) each indicator's series is one need: its codes (a figure
 * summing f338 + f339, with the amount beside a per-capita figure when it is needed) for
 * the times it is read. The needs are split into requests whose cross products cover them
 * exactly or nearly, trading requests against cells (cell-cover.ts states the rule): a
 * network of a dozen municipalities gets one request per table, the whole country groups
 * of functions that need the same arts and contents, and runs of years with the same
 * region codes. A request over the cell limit is split; one whose GET URL would be too
 * long is sent as POST instead.
 *
 * Each data year of an indicator reads the series `seriesForYear` names (kostra/series.ts),
 * so a year outside an indicator's validity, or before its table begins, is never asked
 * for, and no request asks a code for a year no indicator reads it (f392 after 2020); a
 * series dated at 1 January of the year after (`yearOffset`) is asked for SSB's time
 * n + offset, under the region codes valid then.
 *
 * For a merged municipality's back series (`backSeries`), the years before its merger
 * also ask for its predecessors' codes (Drammen 2019: 0602, 0625, 0711) and, for
 * per-capita figures, the amount beside the figure so it can be recomputed from summed
 * amounts and population.
 */
import { INDICATORS, indicatorsToFetch, POPULATION_INDICATOR, weightIndicators } from "../../kostra/catalog";
import { structureInYear } from "../../kostra/mergers";
import { codeForYear } from "../../kostra/municipalities";
import { dataYearOf, selectorForYear, ssbTimeOf } from "../../kostra/series";
import type { Indicator, LocalizedText, Municipality, SsbSelector } from "../../kostra/types";
import { cellsOf, coverCells, neededCells, splitSelection, type CellNeed, type CoverContext } from "./cell-cover";
import { MAX_GET_URL_LENGTH, type PreparedRequest, type SsbLang, type SsbQuery } from "./types";

export { splitSelection };

export interface LoadRequest {
  indicators: readonly Indicator[];
  municipalities: readonly Municipality[];
  years: readonly number[];
  /**
   * A weighted average needs each indicator's weight: population (the amount series of
   * 12362 beside kroner per inhabitant, or table 07459) or the count the figure is per.
   */
  weighted: boolean;
  /**
   * Also load what the municipalities' years before a merger are computed from: the
   * predecessors' codes in those years, each per-capita figure's amount, and the weights
   * (population, counts) the figures are per.
   */
  backSeries?: boolean;
}

export interface PlannedQuery extends PreparedRequest {
  /** Indicator ids this request serves. */
  indicators: string[];
  years: number[];
}

export interface LoadPlan {
  queries: PlannedQuery[];
  /** Indicators that cannot be fetched live, and why. */
  unavailable: { indicator: string; reason: LocalizedText }[];
}

/** Amount (1000 kr) beside kroner per inhabitant gives the population KOSTRA divided by. */
const AMOUNT = "KOSbelop0000";
const PER_CAPITA = "KOSbelopinnbygge0000";

function pushUnique(list: string[], values: readonly string[]): void {
  for (const v of values) if (!list.includes(v)) list.push(v);
}

/** A list of distinct codes in first-seen order (a whole country's codes: a set beside the list). */
class CodeList {
  readonly codes: string[] = [];
  private readonly seen = new Set<string>();
  add(code: string): void {
    if (this.seen.has(code)) return;
    this.seen.add(code);
    this.codes.push(code);
  }
}

/** The region codes the municipalities had in the years, in first-seen order. */
export function regionCodes(municipalities: readonly Municipality[], years: readonly number[]): string[] {
  return regionList(municipalities, years).codes;
}

function regionList(municipalities: readonly Municipality[], years: readonly number[]): CodeList {
  const list = new CodeList();
  const sorted = [...years].sort((a, b) => a - b);
  for (const m of municipalities)
    for (const y of sorted) {
      const c = codeForYear(m, y);
      if (c !== undefined) list.add(c);
    }
  return list;
}

/**
 * The region codes of the municipalities and, in the years before each one's merger, of
 * its predecessors (the municipalities its area was made of), in first-seen order: for its
 * present area and for its area in each of the years, since a profile of any of them shows
 * the series on that year's structure (Ålesund 2020–2023 with Haram, 2024 without).
 */
export function regionCodesWithPredecessors(
  municipalities: readonly Municipality[],
  years: readonly number[],
  asOfYears: readonly number[] = years,
): string[] {
  const list = regionList(municipalities, years);
  const sorted = [...years].sort((a, b) => a - b);
  const areas = [undefined, ...[...asOfYears].sort((a, b) => a - b)];
  for (const m of municipalities) for (const y of sorted) for (const asOf of areas) for (const code of partCodes(m.id, y, asOf)) list.add(code);
  return list.codes;
}

/**
 * The codes a municipality's figure of a year was made of, on its area as of a year
 * (mergers.ts `structureInYear` over the product's registry, which never changes while it
 * runs): kept once worked out, since a whole country's back series asks it for every
 * municipality, year and area, for every table.
 */
const partCodesKnown = new Map<string, readonly string[]>();
function partCodes(id: string, year: number, asOf: number | undefined): readonly string[] {
  const key = `${id}|${year}|${asOf ?? ""}`;
  let codes = partCodesKnown.get(key);
  if (codes === undefined) partCodesKnown.set(key, (codes = structureInYear(id, year, undefined, asOf)?.parts.map((p) => p.code) ?? []));
  return codes;
}

/** GET URL of a data query. Brackets stay literal, as in SSB's own examples. */
export function dataUrl(baseUrl: string, query: SsbQuery, lang: SsbLang): string {
  const base = `${baseUrl.replace(/\/+$/, "")}/tables/${encodeURIComponent(query.table)}/data?lang=${lang}&outputFormat=json-stat2`;
  const params = Object.entries(query.selection).map(
    ([dim, codes]) => `valueCodes[${encodeURIComponent(dim)}]=${codes.map(encodeURIComponent).join(",")}`,
  );
  return [base, ...params].join("&");
}

/** GET when the URL is short enough, else POST with a `selection` body. */
export function prepare(baseUrl: string, query: SsbQuery, lang: SsbLang): PreparedRequest {
  const url = dataUrl(baseUrl, query, lang);
  const cells = cellsOf(query.selection);
  if (url.length <= MAX_GET_URL_LENGTH) return { query, method: "GET", url, cells };
  const postUrl = `${baseUrl.replace(/\/+$/, "")}/tables/${encodeURIComponent(query.table)}/data?lang=${lang}&outputFormat=json-stat2`;
  const body = JSON.stringify({
    selection: Object.entries(query.selection).map(([variableCode, valueCodes]) => ({ variableCode, valueCodes })),
  });
  return { query, method: "POST", url: postUrl, body, cells };
}

export interface PlanContext {
  baseUrl: string;
  lang: SsbLang;
  maxDataCells: number;
  /** Cells one request is worth when grouping a table's series (cell-cover.ts); REQUEST_COST_CELLS unless given. */
  requestCost?: number;
}

/** What a load reads from one table with one year offset: its series, one need each. */
interface TableSeries {
  table: string;
  ssb: SsbSelector;
  needs: CellNeed[];
}

/**
 * The needs of a load per table and year offset: each indicator's series (seriesForYear:
 * 12562 for barnehage's 2015–2019, 13502 for 2020–2024) with the SSB times it is read
 * for, so a year a table lacks or a year the figure is not valid in (f392 from 2021) is
 * never asked for; with the amount beside a per-capita figure for a weighted average (the
 * population it was divided by) and, for back series, the indicator's amount. Indicators
 * with a table not yet confirmed are returned as unavailable.
 */
function addTableSeries(
  byKey: Map<string, TableSeries>,
  wanted: readonly Indicator[],
  years: readonly number[],
  extras: { weighted: boolean; backSeries: boolean },
  unavailable: LoadPlan["unavailable"],
): void {
  for (const ind of wanted) {
    const perSelector = new Map<SsbSelector, number[]>();
    for (const y of years) {
      const ssb = selectorForYear(ind, y);
      if (ssb) perSelector.set(ssb, [...(perSelector.get(ssb) ?? []), y]);
    }
    for (const [ssb, ys] of perSelector) {
      if (ssb.table === null) {
        if (!unavailable.some((u) => u.indicator === ind.id))
          unavailable.push({
            indicator: ind.id,
            reason: {
              nb: `SSB-tabellen for «${ind.label.nb}» er ikke bekreftet ennå. Last inn tallene fra en fil.`,
              en: `The SSB table for "${ind.label.en}" is not confirmed yet. Load the figures from a file.`,
            },
          });
        continue;
      }
      const key = `${ssb.table}|${ssb.yearOffset ?? 0}|${ssb.regionDimension}|${ssb.timeDimension}`;
      const series = byKey.get(key) ?? { table: ssb.table, ssb, needs: [] };
      const select: Record<string, string[]> = Object.fromEntries(Object.entries(ssb.select).map(([dim, codes]) => [dim, [...codes]]));
      if (extras.weighted && select.ContentsCode?.includes(PER_CAPITA)) pushUnique(select.ContentsCode, [AMOUNT]);
      if (extras.backSeries) for (const [dim, codes] of Object.entries(ind.amount?.select ?? {})) pushUnique((select[dim] = select[dim] ?? []), codes);
      series.needs.push({ ids: [ind.id], select, times: ys.map((y) => ssbTimeOf(ssb, y)) });
      byKey.set(key, series);
    }
  }
}

const readsPerCapita = (need: CellNeed) => need.select.ContentsCode?.includes(PER_CAPITA) === true;

/** The needs of a load per table, and how each table's region codes are chosen. */
function loadNeeds(request: LoadRequest): { series: TableSeries[]; unavailable: LoadPlan["unavailable"] } {
  const unavailable: LoadPlan["unavailable"] = [];
  const backSeries = request.backSeries === true;
  const needsWeights = request.weighted || backSeries;
  // A ratio's series instead of the ratio, and the counts figures are weighted by.
  const wanted = indicatorsToFetch(request.indicators, needsWeights);
  const years = [...new Set(request.years)].sort((a, b) => a - b);
  const extras = { weighted: request.weighted, backSeries };
  const byKey = new Map<string, TableSeries>();
  addTableSeries(byKey, wanted, years, extras, unavailable);

  // Population: from the amount beside kroner per inhabitant where a 12362 request has it
  // (the very population KOSTRA divided by), else from 07459 for the years without one.
  if (needsWeights && weightIndicators(request.indicators).some((w) => w.id === POPULATION_INDICATOR)) {
    const covered = new Set([...byKey.values()].flatMap((s) => s.needs.filter(readsPerCapita).flatMap((n) => n.times.map((t) => dataYearOf(s.ssb, t)))));
    const pop = INDICATORS.find((i) => i.id === POPULATION_INDICATOR);
    const popYears = years.filter((y) => !covered.has(y));
    if (pop && popYears.length > 0) addTableSeries(byKey, [pop], popYears, extras, unavailable);
  }
  return { series: [...byKey.values()], unavailable };
}

/** The cover context of a table's series: its region codes for a load's municipalities. */
function coverContext(request: LoadRequest, s: TableSeries, ctx: PlanContext): CoverContext {
  // SSB publishes a time under the region codes valid then: 1 January n+1 under n+1's codes.
  // Back series: predecessors for every structure the load's times can be shown on.
  const allTimes = [...new Set(s.needs.flatMap((n) => n.times))].sort((a, b) => a - b);
  const known = new Map<string, string[]>();
  const regionsAt = (times: readonly number[]) =>
    request.backSeries ? regionCodesWithPredecessors(request.municipalities, times, allTimes) : regionCodes(request.municipalities, times);
  return {
    regionsAt: (times) => known.get(times.join(",")) ?? known.set(times.join(","), regionsAt(times)).get(times.join(","))!,
    maxCells: ctx.maxDataCells,
    requestCost: ctx.requestCost,
    regionDimension: s.ssb.regionDimension,
    timeDimension: s.ssb.timeDimension,
  };
}

/** Plan the requests for a load. Pure: the same request and limits give the same plan. */
export function planLoad(request: LoadRequest, ctx: PlanContext): LoadPlan {
  const { series, unavailable } = loadNeeds(request);
  const queries: PlannedQuery[] = [];
  for (const s of series) {
    const { regionDimension, timeDimension } = s.ssb;
    const cover = coverContext(request, s, ctx);
    for (const req of coverCells(s.needs, cover)) {
      const selection: Record<string, string[]> = { [regionDimension]: req.regions, ...req.select, [timeDimension]: req.times.map(String) };
      for (const part of splitSelection(selection, ctx.maxDataCells, [timeDimension, regionDimension])) {
        // A part with fewer times asks only for their region codes.
        const times = part[timeDimension].map(Number);
        if (times.length < req.times.length) {
          const own = new Set(cover.regionsAt(times));
          part[regionDimension] = part[regionDimension].filter((r) => own.has(r));
        }
        const prepared = prepare(ctx.baseUrl, { table: s.table, selection: part }, ctx.lang);
        queries.push({ ...prepared, indicators: req.ids, years: part[timeDimension].map((t) => dataYearOf(s.ssb, Number(t))) });
      }
    }
  }
  return { queries, unavailable };
}

/** Cells a plan fetches from one table, the cells its indicators need, and its requests. */
export interface TableCells {
  table: string;
  requested: number;
  needed: number;
  requests: number;
}

/**
 * Requested against needed cells per table, for the benchmark and the tests: needed is,
 * per time, the region codes of that time × every combination of codes a series read
 * then uses.
 */
export function planCells(request: LoadRequest, ctx: PlanContext): TableCells[] {
  const { series } = loadNeeds(request);
  const plan = planLoad(request, ctx);
  const byTable = new Map<string, TableCells>();
  for (const s of series) {
    const entry = byTable.get(s.table) ?? { table: s.table, requested: 0, needed: 0, requests: 0 };
    entry.needed += neededCells(s.needs, coverContext(request, s, ctx).regionsAt);
    byTable.set(s.table, entry);
  }
  for (const q of plan.queries) {
    const entry = byTable.get(q.query.table)!;
    entry.requested += q.cells;
    entry.requests++;
  }
  return [...byTable.values()];
}

/** A stable cache key for a request (method, URL and body). */
export function cacheKey(req: Pick<PreparedRequest, "method" | "url" | "body">): string {
  return `${req.method} ${req.url}${req.body ? `\n${req.body}` : ""}`;
}
