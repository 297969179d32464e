/**
 * Query planner: the fewest PxWebApi 2 requests for a load. One request per SSB table,
 * holding all the load's indicators of that table, every region code the municipalities
 * had in the chosen years, and all years; split only when a request would exceed the
 * cell limit. A request whose GET URL would be too long is sent as POST instead.
 *
 * Each data year of an indicator reads the series `seriesForYear` names (kostra/series.ts):
 * requests are grouped by table, year offset and data years, so a year outside an
 * indicator's validity, or before its table begins, is never asked for; a series dated at
 * 1 January of the year after (`yearOffset`) is asked for SSB's time n + offset.
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
import { MAX_GET_URL_LENGTH, type PreparedRequest, type SsbLang, type SsbQuery } from "./types";

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

const cellsOf = (selection: Record<string, string[]>): number =>
  Object.values(selection).reduce((n, codes) => n * codes.length, 1);

function pushUnique(list: string[], values: readonly string[]): void {
  for (const v of values) if (!list.includes(v)) list.push(v);
}

/** The region codes the municipalities had in the years, in first-seen order. */
export function regionCodes(municipalities: readonly Municipality[], years: readonly number[]): string[] {
  const codes: string[] = [];
  for (const m of municipalities)
    for (const y of [...years].sort((a, b) => a - b)) {
      const c = codeForYear(m, y);
      if (c !== undefined) pushUnique(codes, [c]);
    }
  return codes;
}

/**
 * The region codes of the municipalities and, in the years before each one's merger, of
 * its predecessors (the municipalities its area was made of), in first-seen order: for its
 * present area and for its area in each of the years, since a profile of any of them shows
 * the series on that year's structure (Ålesund 2020–2023 with Haram, 2024 without).
 */
export function regionCodesWithPredecessors(municipalities: readonly Municipality[], years: readonly number[]): string[] {
  const codes = regionCodes(municipalities, years);
  const sorted = [...years].sort((a, b) => a - b);
  for (const m of municipalities)
    for (const y of sorted)
      for (const asOf of [undefined, ...sorted]) pushUnique(codes, structureInYear(m.id, y, undefined, asOf)?.parts.map((p) => p.code) ?? []);
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

/**
 * Split a selection in halves along its largest splittable dimension (preferring time,
 * then region) until each part is within `maxCells`.
 */
export function splitSelection(
  selection: Record<string, string[]>,
  maxCells: number,
  prefer: readonly string[],
): Record<string, string[]>[] {
  if (cellsOf(selection) <= maxCells) return [selection];
  const dims = Object.keys(selection).filter((d) => selection[d].length > 1);
  if (dims.length === 0) return [selection];
  const byPreference = [...dims].sort((a, b) => {
    const pa = prefer.indexOf(a) < 0 ? prefer.length : prefer.indexOf(a);
    const pb = prefer.indexOf(b) < 0 ? prefer.length : prefer.indexOf(b);
    return pa - pb || selection[b].length - selection[a].length;
  });
  const dim = byPreference[0];
  const codes = selection[dim];
  const half = Math.ceil(codes.length / 2);
  return [codes.slice(0, half), codes.slice(half)].flatMap((part) =>
    splitSelection({ ...selection, [dim]: part }, maxCells, prefer),
  );
}

export interface PlanContext {
  baseUrl: string;
  lang: SsbLang;
  maxDataCells: number;
}

/** One request group: a table read with one year offset for one set of data years. */
interface Group {
  table: string;
  ssb: SsbSelector;
  /** Data years, ascending. */
  years: number[];
  indicators: { ind: Indicator; ssb: SsbSelector }[];
}

/**
 * The requests' groups: each indicator's years grouped by the series each year reads
 * (seriesForYear: 12562 for barnehage's 2015–2019, 13502 for 2020–2024), one group per
 * table, year offset and set of data years, so a year a table lacks or a year the figure
 * is not valid in (f392 from 2021) is never asked for. Indicators with a table not yet
 * confirmed are returned as unavailable.
 */
function groupsOf(wanted: readonly Indicator[], years: readonly number[], unavailable: LoadPlan["unavailable"]): Group[] {
  const byKey = new Map<string, Group>();
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
      const key = `${ssb.table}|${ssb.yearOffset ?? 0}|${ys.join(",")}`;
      const group = byKey.get(key) ?? { table: ssb.table, ssb, years: ys, indicators: [] };
      group.indicators.push({ ind, ssb });
      byKey.set(key, group);
    }
  }
  return [...byKey.values()];
}

const asksPerCapita = (g: Group) => g.indicators.some((i) => i.ssb.select.ContentsCode?.includes(PER_CAPITA));

/** Plan the requests for a load. Pure: the same request and limits give the same plan. */
export function planLoad(request: LoadRequest, ctx: PlanContext): LoadPlan {
  const unavailable: LoadPlan["unavailable"] = [];
  const needsWeights = request.weighted || request.backSeries === true;
  // A ratio's series instead of the ratio, and the counts figures are weighted by.
  const wanted = indicatorsToFetch(request.indicators, needsWeights);
  const years = [...new Set(request.years)].sort((a, b) => a - b);
  const groups = groupsOf(wanted, years, unavailable);

  // Population: from the amount beside kroner per inhabitant where a 12362 request has it
  // (the very population KOSTRA divided by), else from 07459 for the years without one.
  if (needsWeights && weightIndicators(request.indicators).some((w) => w.id === POPULATION_INDICATOR)) {
    const covered = new Set(groups.filter(asksPerCapita).flatMap((g) => g.years));
    const pop = INDICATORS.find((i) => i.id === POPULATION_INDICATOR);
    const popYears = years.filter((y) => !covered.has(y));
    if (pop && popYears.length > 0) groups.push(...groupsOf([pop], popYears, unavailable));
  }

  const queries: PlannedQuery[] = [];
  for (const group of groups) {
    const { regionDimension, timeDimension } = group.ssb;
    // SSB publishes a time under the region codes valid then: 1 January n+1 under n+1's codes.
    const times = group.years.map((y) => ssbTimeOf(group.ssb, y));
    const regions = request.backSeries ? regionCodesWithPredecessors(request.municipalities, times) : regionCodes(request.municipalities, times);
    const selection: Record<string, string[]> = { [regionDimension]: [...regions] };
    for (const { ssb } of group.indicators) {
      for (const [dim, codes] of Object.entries(ssb.select)) {
        selection[dim] = selection[dim] ?? [];
        pushUnique(selection[dim], codes);
      }
    }
    if (request.weighted && selection.ContentsCode?.includes(PER_CAPITA)) pushUnique(selection.ContentsCode, [AMOUNT]);
    if (request.backSeries)
      for (const { ind } of group.indicators)
        for (const [dim, codes] of Object.entries(ind.amount?.select ?? {})) pushUnique((selection[dim] = selection[dim] ?? []), codes);
    selection[timeDimension] = times.map(String);

    for (const part of splitSelection(selection, ctx.maxDataCells, [timeDimension, regionDimension])) {
      const prepared = prepare(ctx.baseUrl, { table: group.table, selection: part }, ctx.lang);
      queries.push({
        ...prepared,
        indicators: group.indicators.map((i) => i.ind.id),
        years: part[timeDimension].map((t) => dataYearOf(group.ssb, Number(t))),
      });
    }
  }
  return { queries, unavailable };
}

/** A stable cache key for a request (method, URL and body). */
export function cacheKey(req: Pick<PreparedRequest, "method" | "url" | "body">): string {
  return `${req.method} ${req.url}${req.body ? `\n${req.body}` : ""}`;
}
