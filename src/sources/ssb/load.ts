/**
 * Load a sector's indicators from SSB: plan the requests, serve what the cache has,
 * fetch the rest politely, and turn responses into observations with provenance.
 *
 * A load never presents half the data as complete: a request that still fails after
 * the client's retries falls back to a cached copy when there is one, and otherwise
 * the result says exactly which indicators and years are missing. Cancelling stops
 * the load and returns nothing.
 */
import { amountIndicatorOf, POPULATION_INDICATOR, weightIndicators } from "../../kostra/catalog";
import { mergeDatasets } from "../../kostra/dataset";
import type { Dataset, LocalizedText, Provenance } from "../../kostra/types";
import type { SsbClient } from "./client";
import { readJsonStat } from "./jsonstat";
import { observationsFromCube } from "./observations";
import { cacheKey, planLoad, prepare, splitSelection, type LoadRequest, type PlannedQuery } from "./planner";
import { SsbError, type CachedResponse, type ResponseCache } from "./types";

/** cache-first: use a cached answer without asking SSB; refresh: ask SSB whether the table changed; network-only: always fetch. */
export type CachePolicy = "cache-first" | "refresh" | "network-only";

export interface LoadProgress {
  /** Requests done (from SSB or cache) and planned. */
  done: number;
  total: number;
  fromCache: number;
  message: LocalizedText;
}

export interface SsbLoadOptions {
  client: SsbClient;
  cache?: ResponseCache;
  policy?: CachePolicy;
  signal?: AbortSignal;
  onProgress?: (p: LoadProgress) => void;
  /** Clock for fetch times (tests). */
  now?: () => Date;
}

export interface MissingPart {
  indicator: string;
  years: number[];
  reason: LocalizedText;
}

export interface SsbLoadResult {
  dataset: Dataset;
  /** True when every planned indicator and year was loaded (from SSB or cache). */
  complete: boolean;
  missing: MissingPart[];
  /** Tables served from the cache, with when they were fetched ("fra hurtigbuffer, hentet …"). */
  fromCache: { table: string; fetchedAt: string; stale: boolean }[];
  /** Data requests sent to SSB in this load (retries included). */
  requests: number;
  warnings: LocalizedText[];
}

interface Served {
  query: PlannedQuery;
  body: string;
  fetchedAt: string;
  updated?: string;
  cached: boolean;
  stale: boolean;
}

export async function loadFromSsb(request: LoadRequest, options: SsbLoadOptions): Promise<SsbLoadResult> {
  const { client, cache, signal, onProgress } = options;
  const policy = options.policy ?? "cache-first";
  const now = options.now ?? (() => new Date());
  const sentBefore = client.sent;

  const limits = await configFor(client, cache, policy, now, signal);
  const plan = planLoad(request, { baseUrl: client.baseUrl, lang: client.lang, maxDataCells: limits.maxDataCells });
  const missing: MissingPart[] = plan.unavailable.map((u) => ({ indicator: u.indicator, years: [...request.years], reason: u.reason }));
  const warnings: LocalizedText[] = [];
  const served: Served[] = [];
  const failures: SsbError[] = [];
  let done = 0;
  let total = plan.queries.length;
  let fromCacheCount = 0;
  const progress = (message: LocalizedText) => onProgress?.({ done, total, fromCache: fromCacheCount, message });
  const updatedByTable = new Map<string, Promise<string | undefined>>();

  const tableUpdated = (table: string): Promise<string | undefined> => {
    let p = updatedByTable.get(table);
    if (!p) {
      p = client.tableInfo(table, signal).then((t) => t.updated);
      updatedByTable.set(table, p);
    }
    return p;
  };

  const fetchQuery = async (query: PlannedQuery, cached: CachedResponse | undefined): Promise<void> => {
    progress({
      nb: `Henter tabell ${query.query.table} fra SSB (forespørsel ${done + 1} av ${total})`,
      en: `Fetching table ${query.query.table} from SSB (request ${done + 1} of ${total})`,
    });
    try {
      const res = await client.send(query, signal);
      const fetchedAt = now().toISOString();
      const updated = updatedOf(res.body);
      served.push({ query, body: res.body, fetchedAt, updated, cached: false, stale: false });
      await cache?.set(cacheKey(query), { body: res.body, fetchedAt, updated });
      done++;
    } catch (e) {
      if (!(e instanceof SsbError)) throw e;
      if (e.kind === "cancelled") throw e;
      if (e.kind === "too-many-cells") {
        // SSB's limit was lower than its /config said: split in two and go on.
        const timeDim = Object.keys(query.query.selection).at(-1)!;
        const parts = splitSelection(query.query.selection, Math.max(1, Math.floor(query.cells / 2)), [timeDim]);
        if (parts.length > 1) {
          total += parts.length - 1;
          warnings.push({ nb: "For mange celler — spørringen deles opp.", en: "Too many cells — the query is split." });
          for (const selection of parts) {
            const prepared = prepare(client.baseUrl, { table: query.query.table, selection }, client.lang);
            await fetchQuery({ ...prepared, indicators: query.indicators, years: selection[timeDim].map(Number) }, undefined);
          }
          return;
        }
      }
      if (cached) {
        served.push({ query, body: cached.body, fetchedAt: cached.fetchedAt, updated: cached.updated, cached: true, stale: true });
        fromCacheCount++;
        done++;
        warnings.push({
          nb: `${e.text.nb} Viser tall fra hurtigbufferen, hentet ${cached.fetchedAt}.`,
          en: `${e.text.en} Showing figures from the cache, fetched ${cached.fetchedAt}.`,
        });
        return;
      }
      done++;
      for (const indicator of query.indicators) missing.push({ indicator, years: query.years, reason: e.text });
      failures.push(e);
    }
  };

  for (const query of plan.queries) {
    if (signal?.aborted) throw new SsbError("cancelled", { nb: "Hentingen fra SSB ble avbrutt.", en: "Loading from SSB was cancelled." });
    const key = cacheKey(query);
    const cached = policy === "network-only" ? undefined : await cache?.get(key);
    if (cached && policy === "cache-first") {
      served.push({ query, body: cached.body, fetchedAt: cached.fetchedAt, updated: cached.updated, cached: true, stale: false });
      fromCacheCount++;
      done++;
      progress({ nb: `Tabell ${query.query.table} fra hurtigbufferen`, en: `Table ${query.query.table} from the cache` });
      continue;
    }
    if (cached && policy === "refresh") {
      let current: string | undefined;
      try {
        progress({ nb: `Sjekker om tabell ${query.query.table} er oppdatert`, en: `Checking whether table ${query.query.table} has changed` });
        current = await tableUpdated(query.query.table);
      } catch (e) {
        if (e instanceof SsbError && e.kind === "cancelled") throw e;
        current = undefined;
      }
      if (current !== undefined && current === cached.updated) {
        served.push({ query, body: cached.body, fetchedAt: cached.fetchedAt, updated: cached.updated, cached: true, stale: false });
        fromCacheCount++;
        done++;
        continue;
      }
    }
    await fetchQuery(query, cached);
  }

  if (served.length === 0 && failures.length > 0) throw failures[0];

  const datasets: Dataset[] = [];
  const wanted = new Set([...request.indicators.map((i) => i.id), POPULATION_INDICATOR, ...weightIndicators(request.indicators).map((i) => i.id)]);
  // A back series recomputes per-capita figures from their amounts.
  if (request.backSeries) for (const i of request.indicators) if (amountIndicatorOf(i)) wanted.add(amountIndicatorOf(i)!.id);
  for (const s of served) {
    const name = `SSB tabell ${s.query.query.table}`;
    let cube;
    try {
      cube = readJsonStat(JSON.parse(s.body), name);
    } catch (e) {
      const reason = e instanceof Error && "text" in e ? (e as SsbError).text : { nb: `${name}: uleselig svar.`, en: `${name}: unreadable answer.` };
      for (const indicator of s.query.indicators) missing.push({ indicator, years: s.query.years, reason });
      continue;
    }
    // Codes not valid in every year are expected here (one request spans the years), so no warning.
    const { observations } = observationsFromCube(cube, name);
    const provenance: Provenance = {
      source: "ssb",
      table: cube.tableId ?? s.query.query.table,
      query: s.query.method === "POST" ? `POST ${s.query.url}\n${s.query.body}` : s.query.url,
      fetchedAt: s.fetchedAt,
      updated: cube.updated ?? s.updated,
      notes: cube.notes,
    };
    datasets.push({ observations: observations.filter((o) => wanted.has(o.indicator)).map((o) => ({ ...o, provenance: 0 })), provenance: [provenance] });
  }
  const dataset = mergeDatasets(datasets);
  const fromCache = served.filter((s) => s.cached).map((s) => ({ table: s.query.query.table, fetchedAt: s.fetchedAt, stale: s.stale }));
  progress({ nb: "Ferdig", en: "Done" });
  return {
    dataset,
    complete: missing.length === 0,
    missing: mergeMissing(missing),
    fromCache,
    requests: client.sent - sentBefore,
    warnings,
  };
}

const CONFIG_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * SSB's limits: from a /config answer cached within the last day (so a load served from
 * the cache sends nothing to SSB), else from SSB, cached for next time.
 */
async function configFor(client: SsbClient, cache: ResponseCache | undefined, policy: CachePolicy, now: () => Date, signal?: AbortSignal) {
  const key = `GET ${client.baseUrl}/config`;
  const cached = policy === "network-only" ? undefined : await cache?.get(key);
  if (cached && now().getTime() - Date.parse(cached.fetchedAt) < CONFIG_MAX_AGE_MS) return client.applyConfig(cached.body);
  const limits = await client.config(signal);
  if (cache && client.configBody) await cache.set(key, { body: client.configBody, fetchedAt: now().toISOString() });
  return limits;
}

/** SSB's `updated` from a json-stat2 body without parsing it twice in the common case. */
function updatedOf(body: string): string | undefined {
  const m = /"updated"\s*:\s*"([^"]+)"/.exec(body);
  return m?.[1];
}

function mergeMissing(parts: MissingPart[]): MissingPart[] {
  const byIndicator = new Map<string, MissingPart>();
  for (const p of parts) {
    const prev = byIndicator.get(p.indicator);
    if (prev) prev.years = [...new Set([...prev.years, ...p.years])].sort((a, b) => a - b);
    else byIndicator.set(p.indicator, { ...p, years: [...p.years].sort((a, b) => a - b) });
  }
  return [...byIndicator.values()];
}
