/**
 * Query planner: the fewest PxWebApi 2 requests for a load. One request per SSB table,
 * holding all the load's indicators of that table, every region code the municipalities
 * had in the chosen years, and all years; split only when a request would exceed the
 * cell limit. A request whose GET URL would be too long is sent as POST instead.
 *
 * For a merged municipality's back series (`backSeries`), the years before its merger
 * also ask for its predecessors' codes (Drammen 2019: 0602, 0625, 0711) and, for
 * per-capita figures, the amount beside the figure so it can be recomputed from summed
 * amounts and population.
 */
import { INDICATORS, indicatorsToFetch, POPULATION_INDICATOR, weightIndicators } from "../../kostra/catalog";
import { structureInYear } from "../../kostra/mergers";
import { codeForYear } from "../../kostra/municipalities";
import type { Indicator, LocalizedText, Municipality } from "../../kostra/types";
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
 * its predecessors (the municipalities its present area was made of), in first-seen order.
 */
export function regionCodesWithPredecessors(municipalities: readonly Municipality[], years: readonly number[]): string[] {
  const codes = regionCodes(municipalities, years);
  for (const m of municipalities)
    for (const y of [...years].sort((a, b) => a - b)) pushUnique(codes, structureInYear(m.id, y)?.parts.map((p) => p.code) ?? []);
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

/** Plan the requests for a load. Pure: the same request and limits give the same plan. */
export function planLoad(request: LoadRequest, ctx: PlanContext): LoadPlan {
  const unavailable: LoadPlan["unavailable"] = [];
  const byTable = new Map<string, Indicator[]>();
  const needsWeights = request.weighted || request.backSeries === true;
  // A ratio's series instead of the ratio, and the counts figures are weighted by.
  const wanted = indicatorsToFetch(request.indicators, needsWeights);
  for (const ind of wanted) {
    if (!ind.ssb || ind.ssb.table === null) {
      unavailable.push({
        indicator: ind.id,
        reason: {
          nb: `SSB-tabellen for «${ind.label.nb}» er ikke bekreftet ennå. Last inn tallene fra en fil.`,
          en: `The SSB table for "${ind.label.en}" is not confirmed yet. Load the figures from a file.`,
        },
      });
      continue;
    }
    const list = byTable.get(ind.ssb.table) ?? [];
    list.push(ind);
    byTable.set(ind.ssb.table, list);
  }

  const years = [...new Set(request.years)].sort((a, b) => a - b);
  const yearCodes = years.map(String);
  const regions = request.backSeries ? regionCodesWithPredecessors(request.municipalities, years) : regionCodes(request.municipalities, years);

  if (needsWeights && weightIndicators(request.indicators).some((w) => w.id === POPULATION_INDICATOR)) {
    const perCapitaTable = [...byTable.entries()].find(([, inds]) => inds.some((i) => i.ssb?.select.ContentsCode?.includes(PER_CAPITA)));
    if (!perCapitaTable) {
      const pop = INDICATORS.find((i) => i.id === POPULATION_INDICATOR);
      if (pop?.ssb?.table) byTable.set(pop.ssb.table, [...(byTable.get(pop.ssb.table) ?? []), pop]);
    }
  }

  const queries: PlannedQuery[] = [];
  for (const [table, inds] of byTable) {
    const first = inds[0].ssb!;
    const selection: Record<string, string[]> = { [first.regionDimension]: [...regions] };
    for (const ind of inds) {
      for (const [dim, codes] of Object.entries(ind.ssb!.select)) {
        selection[dim] = selection[dim] ?? [];
        pushUnique(selection[dim], codes);
      }
    }
    if (request.weighted && selection.ContentsCode?.includes(PER_CAPITA)) pushUnique(selection.ContentsCode, [AMOUNT]);
    if (request.backSeries)
      for (const ind of inds)
        for (const [dim, codes] of Object.entries(ind.amount?.select ?? {})) pushUnique((selection[dim] = selection[dim] ?? []), codes);
    selection[first.timeDimension] = [...yearCodes];

    for (const part of splitSelection(selection, ctx.maxDataCells, [first.timeDimension, first.regionDimension])) {
      const prepared = prepare(ctx.baseUrl, { table, selection: part }, ctx.lang);
      queries.push({
        ...prepared,
        indicators: inds.map((i) => i.id),
        years: part[first.timeDimension].map(Number),
      });
    }
  }
  return { queries, unavailable };
}

/** A stable cache key for a request (method, URL and body). */
export function cacheKey(req: Pick<PreparedRequest, "method" | "url" | "body">): string {
  return `${req.method} ${req.url}${req.body ? `\n${req.body}` : ""}`;
}
