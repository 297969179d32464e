/**
 * Load a sector's indicators from SSB: plan the requests, serve what the cache has,
 * fetch the rest politely, and turn responses into observations with provenance.
 *
 * A load never presents half the data as complete: a request that still fails after
 * the client's retries falls back to a cached copy when there is one, and otherwise
 * the result says exactly which indicators and years are missing. Cancelling stops
 * the load and returns nothing.
 *
 * Every answer is read and checked against its query before it is used or cached
 * (data-answer.ts, checked-cache.ts): a login page, a cut-off body or another table's
 * answer is a failed request, never a cached entry; a cached entry that no longer reads
 * is evicted and fetched again.
 *
 * Metadata first: before a table's data is asked for, its metadata is read (once per
 * table and load, cached: table-metadata.ts) and each query asks only for the codes and
 * years the table has (selection-check.ts). What the table lacks is named in `absent`
 * and the rest still loads. A table whose metadata cannot be read is not asked for data
 * with an unchecked selection: its indicators are missing, with SSB's failure as reason.
 */
import { amountIndicatorOf, INDICATORS, indicatorsToFetch, POPULATION_INDICATOR, weightIndicators } from "../../kostra/catalog";
import { mergeDatasets } from "../../kostra/dataset";
import { KostraError } from "../../kostra/errors";
import { MAX_LOAD_SECONDS } from "../../kostra/limits";
import type { Dataset, Indicator, LocalizedText, Provenance } from "../../kostra/types";
import { readConfig } from "./answers";
import { loadTooLong } from "./errors";
import type { SsbClient } from "./client";
import { cachedAnswer, keepAnswer, type CheckedAnswer } from "./checked-cache";
import { readDataAnswer } from "./data-answer";
import type { JsonStatCube } from "./jsonstat";
import { observationsFromCube, populationKey, type CubeObservations } from "./observations";
import { cacheKey, planLoad, prepare, splitSelection, type LoadRequest, type PlannedQuery } from "./planner";
import { checkQuery, mergeLackingYears, type LackingYears, type MissingPart } from "./selection-check";
import { freshCachedMetadata, tableMetadata, type TableMetadataResult } from "./table-metadata";
import { SsbError, type ResponseCache, type SsbLimits } from "./types";

export type { MissingPart } from "./selection-check";

/**
 * cache-first: use a cached answer without asking SSB; refresh: fetch everything again
 * (the pane's "Oppdater", `--refresh`), a cached copy used only when SSB fails;
 * network-only: always fetch, never read the cache.
 */
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

export interface SsbLoadResult {
  dataset: Dataset;
  /** True when every planned indicator and year SSB's tables have was loaded (from SSB or cache). */
  complete: boolean;
  /** What could not be loaded: SSB failed, or the table is not confirmed. */
  missing: MissingPart[];
  /**
   * What SSB's tables do not have, by their metadata ("Tabell 13502 har ikke 2017", a code
   * the table lacks): never asked for, so it costs the rest nothing. Not a failure.
   */
  absent: MissingPart[];
  /** Tables served from the cache, with when they were fetched ("fra hurtigbuffer, hentet …"). */
  fromCache: { table: string; fetchedAt: string; stale: boolean }[];
  /** Requests sent to SSB in this load (/config, metadata and data; retries included). */
  requests: number;
  warnings: LocalizedText[];
}

interface Served {
  query: PlannedQuery;
  cube: JsonStatCube;
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
  const warnings: LocalizedText[] = [];

  const limits = await configFor(client, cache, policy, now, warnings, signal);
  const plan = planLoad(request, { baseUrl: client.baseUrl, lang: client.lang, maxDataCells: limits.maxDataCells });
  const missing: MissingPart[] = plan.unavailable.map((u) => ({ indicator: u.indicator, years: [...request.years], reason: u.reason }));
  const served: Served[] = [];
  const failures: SsbError[] = [];
  let done = 0;
  let total = plan.queries.length;
  let fromCacheCount = 0;
  const progress = (message: LocalizedText) => onProgress?.({ done, total, fromCache: fromCacheCount, message });

  const readFor = (query: PlannedQuery) => (body: string) => readDataAnswer(body, query.query, query.url);
  /** The cached answer to `query`, checked; a damaged one is evicted and said so. */
  const cachedFor = (query: PlannedQuery) =>
    cachedAnswer(cache, cacheKey(query), readFor(query), (reason) =>
      warnings.push({
        nb: `Et lagret svar for tabell ${query.query.table} kunne ikke brukes og ble slettet fra hurtigbufferen: ${reason.text.nb}`,
        en: `A cached answer for table ${query.query.table} could not be used and was removed from the cache: ${reason.text.en}`,
      }),
    );
  const serve = (query: PlannedQuery, answer: CheckedAnswer<JsonStatCube>, cached: boolean, stale: boolean) => {
    served.push({ query, cube: answer.value, fetchedAt: answer.fetchedAt, updated: answer.updated, cached, stale });
    if (cached) fromCacheCount++;
    done++;
  };

  const fetchQuery = async (query: PlannedQuery): Promise<void> => {
    progress({
      nb: `Henter tabell ${query.query.table} fra SSB (forespørsel ${done + 1} av ${total})`,
      en: `Fetching table ${query.query.table} from SSB (request ${done + 1} of ${total})`,
    });
    try {
      const res = await client.send(query, signal);
      const answer = await keepAnswer(cache, cacheKey(query), res.body, now().toISOString(), readFor(query), (cube) => cube.updated);
      serve(query, answer, false, false);
    } catch (e) {
      if (!(e instanceof SsbError)) throw e;
      if (e.kind === "cancelled") throw e;
      if (e.kind === "too-many-cells") {
        // SSB's limit was lower than its /config said: split in two and go on.
        const dims = Object.keys(query.query.selection);
        const timeDim = dims[dims.length - 1];
        const parts = splitSelection(query.query.selection, Math.max(1, Math.floor(query.cells / 2)), [timeDim]);
        if (parts.length > 1) {
          total += parts.length - 1;
          warnings.push({ nb: "For mange celler — spørringen deles opp.", en: "Too many cells — the query is split." });
          for (const selection of parts) {
            const prepared = prepare(client.baseUrl, { table: query.query.table, selection }, client.lang);
            await fetchQuery({ ...prepared, indicators: query.indicators, years: selection[timeDim].map(Number) });
          }
          return;
        }
      }
      const cached = policy === "network-only" ? undefined : await cachedFor(query);
      if (cached) {
        serve(query, cached, true, true);
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

  const cancelled = () => new SsbError("cancelled", { nb: "Hentingen fra SSB ble avbrutt.", en: "Loading from SSB was cancelled." });
  const indicators = indicatorsOf(request);
  const absent: MissingPart[] = [];
  const lacking: LackingYears[] = [];
  const metadataOptions = {
    client,
    cache,
    policy,
    signal,
    now,
    onEvicted: (reason: KostraError) =>
      warnings.push({
        nb: `Lagret metadata kunne ikke brukes og ble slettet fra hurtigbufferen: ${reason.text.nb}`,
        en: `Cached metadata could not be used and was removed from the cache: ${reason.text.en}`,
      }),
  };
  const tables = [...new Set(plan.queries.map((q) => q.query.table))];
  const queriesOf = (table: string) => plan.queries.filter((q) => q.query.table === table);
  const toFetch: PlannedQuery[] = [];
  /** Ask only for what the table has (named when it lacks something); serve a cached answer, or fetch it later. */
  const admit = async (query: PlannedQuery, meta: TableMetadataResult) => {
    const checked = checkQuery(query, meta.metadata, indicators, { baseUrl: client.baseUrl, lang: client.lang });
    absent.push(...checked.absent);
    lacking.push(...checked.lackingYears);
    warnings.push(...checked.warnings);
    if (!checked.query) {
      done++;
      return;
    }
    const cached = policy === "cache-first" ? await cachedFor(checked.query) : undefined;
    if (cached) {
      serve(checked.query, cached, true, false);
      progress({ nb: `Tabell ${query.query.table} fra hurtigbufferen`, en: `Table ${query.query.table} from the cache` });
    } else toFetch.push(meta.updated === undefined ? checked.query : { ...checked.query, tableUpdated: meta.updated });
  };

  // First what needs no request: tables whose metadata the cache may give without asking.
  const unread: string[] = [];
  for (const table of tables) {
    if (signal?.aborted) throw cancelled();
    const meta = await freshCachedMetadata(table, metadataOptions);
    if (!meta) unread.push(table);
    else for (const query of queriesOf(table)) await admit(query, meta);
  }
  // The quota decides how long the requests take at the least: the first window's worth at
  // once, then one window for each further batch. Refuse what would take too long
  // (counting each table's metadata and, not knowing yet what its metadata leaves, all its queries).
  const requests = toFetch.length + unread.length + unread.reduce((n, t) => n + queriesOf(t).length, 0);
  const leastSeconds = Math.floor(Math.max(0, requests - 1) / limits.maxCallsPerTimeWindow) * limits.timeWindowSeconds;
  if (leastSeconds > MAX_LOAD_SECONDS) {
    throw loadTooLong({ url: client.baseUrl, requests, calls: limits.maxCallsPerTimeWindow, windowSeconds: limits.timeWindowSeconds, seconds: leastSeconds });
  }
  for (const table of unread) {
    if (signal?.aborted) throw cancelled();
    progress({ nb: `Henter metadata for tabell ${table} fra SSB`, en: `Fetching the metadata of table ${table} from SSB` });
    let meta: TableMetadataResult;
    try {
      meta = await tableMetadata(table, metadataOptions);
    } catch (e) {
      if (!(e instanceof SsbError) || e.kind === "cancelled") throw e;
      // Never a data request with a selection nobody checked: the table's indicators are missing, and why.
      const reason = metadataFailed(table, e);
      for (const query of queriesOf(table)) {
        done++;
        for (const indicator of query.indicators) missing.push({ indicator, years: query.years, reason });
      }
      failures.push(e);
      continue;
    }
    if (meta.stale)
      warnings.push({
        nb: `SSB kunne ikke svare på om tabell ${table} er endret; metadata fra hurtigbufferen, hentet ${meta.fetchedAt}, brukes. ${meta.stale.text.nb}`,
        en: `SSB could not say whether table ${table} changed; metadata from the cache, fetched ${meta.fetchedAt}, is used. ${meta.stale.text.en}`,
      });
    for (const query of queriesOf(table)) await admit(query, meta);
  }
  for (const query of toFetch) {
    if (signal?.aborted) throw cancelled();
    await fetchQuery(query);
  }

  if (served.length === 0 && failures.length > 0) throw failures[0];

  const datasets: Dataset[] = [];
  // What was asked for as the planner expanded it (a ratio's series, the weights), and population.
  const wanted = new Set([...indicatorsToFetch(request.indicators, true).map((i) => i.id), POPULATION_INDICATOR]);
  // A back series recomputes per-capita figures from their amounts.
  if (request.backSeries) for (const i of request.indicators) if (amountIndicatorOf(i)) wanted.add(amountIndicatorOf(i)!.id);
  const answers: { s: (typeof served)[number]; read: CubeObservations }[] = [];
  for (const s of served) {
    const name = `SSB tabell ${s.query.query.table}`;
    try {
      // Codes not valid in every year are expected here (one request spans the years), so no warning.
      answers.push({ s, read: observationsFromCube(s.cube, name) });
    } catch (e) {
      if (!(e instanceof KostraError)) throw e;
      for (const indicator of s.query.indicators) missing.push({ indicator, years: s.query.years, reason: e.text });
    }
  }
  const populationFrom = bestPopulationAnswers(answers.map((a) => a.read));
  answers.forEach(({ s, read }, at) => {
    const provenance: Provenance = {
      source: "ssb",
      table: s.cube.tableId ?? s.query.query.table,
      query: s.query.method === "POST" ? `POST ${s.query.url}\n${s.query.body}` : s.query.url,
      fetchedAt: s.fetchedAt,
      updated: s.cube.updated ?? s.updated,
      notes: s.cube.notes,
    };
    const kept = read.observations.filter((o) => wanted.has(o.indicator) && (o.indicator !== POPULATION_INDICATOR || populationFrom.get(populationKey(o.municipality, o.year)) === at));
    datasets.push({ observations: kept.map((o) => ({ ...o, provenance: 0 })), provenance: [provenance] });
  });
  const dataset = mergeDatasets(datasets);
  const fromCache = served.filter((s) => s.cached).map((s) => ({ table: s.query.query.table, fetchedAt: s.fetchedAt, stale: s.stale }));
  progress({ nb: "Ferdig", en: "Done" });
  return {
    dataset,
    complete: missing.length === 0,
    missing: mergeMissing(missing),
    absent: [...mergeAbsent(absent), ...mergeLackingYears(lacking)],
    fromCache,
    requests: client.sent - sentBefore,
    warnings,
  };
}

/**
 * Which answer each population is taken from, by "municipality/year" (index into `answers`).
 * 12362's population is derived from an amount and its kroner per inhabitant (rounded to
 * whole kroner), and a load split over several requests can derive one municipality's
 * population in more than one answer, each from another amount: the one from the largest
 * amount has the least rounding (observations.ts, derivedPopulation). A population SSB
 * publishes as a count (07459) is exact and is preferred to any derived one.
 */
export function bestPopulationAnswers(answers: readonly CubeObservations[]): Map<string, number> {
  const best = new Map<string, { amount: number; at: number }>();
  answers.forEach((a, at) => {
    for (const o of a.observations) {
      if (o.indicator !== POPULATION_INDICATOR) continue;
      const key = populationKey(o.municipality, o.year);
      const amount = a.populationAmounts.get(key) ?? Infinity;
      const now = best.get(key);
      if (now === undefined || amount > now.amount) best.set(key, { amount, at });
    }
  });
  return new Map([...best].map(([key, { at }]) => [key, at]));
}

const CONFIG_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * SSB's limits: from a /config answer cached within the last day (so a load served from
 * the cache sends nothing to SSB), else from SSB — cached only when it was a valid
 * /config. When SSB's /config cannot be read, SSB's published limits are used and a
 * warning says so.
 */
async function configFor(client: SsbClient, cache: ResponseCache | undefined, policy: CachePolicy, now: () => Date, warnings: LocalizedText[], signal?: AbortSignal): Promise<SsbLimits> {
  const url = `${client.baseUrl}/config`;
  const key = `GET ${url}`;
  const read = (body: string) => readConfig(body, url);
  const cached = policy === "cache-first" ? await cachedAnswer(cache, key, read) : undefined;
  const age = cached ? now().getTime() - Date.parse(cached.fetchedAt) : NaN;
  if (cached && age >= 0 && age < CONFIG_MAX_AGE_MS) return client.useLimits(cached.value);
  const answer = await client.config(signal);
  if (answer.body !== undefined) await keepAnswer(cache, key, answer.body, now().toISOString(), read);
  if (answer.problem)
    warnings.push({
      nb: `SSBs grenser (/config) kunne ikke leses; SSBs publiserte grenser brukes. ${answer.problem.text.nb}`,
      en: `SSB's limits (/config) could not be read; SSB's published limits are used. ${answer.problem.text.en}`,
    });
  return answer.limits;
}

/** Every indicator the load may meet, by id: the catalog's and the request's own (a user template's). */
function indicatorsOf(request: LoadRequest): Map<string, Indicator> {
  return new Map([...INDICATORS, ...weightIndicators(request.indicators), ...request.indicators].map((i) => [i.id, i]));
}

function metadataFailed(table: string, e: SsbError): LocalizedText {
  return {
    nb: `Metadata for tabell ${table} kunne ikke leses, så tabellen ble ikke spurt om data. ${e.text.nb}`,
    en: `The metadata of table ${table} could not be read, so the table was not asked for data. ${e.text.en}`,
  };
}

/** One entry per indicator and reason, years merged (a split query names the same lack twice). */
function mergeAbsent(parts: MissingPart[]): MissingPart[] {
  const byKey = new Map<string, MissingPart>();
  for (const p of parts) {
    const key = `${p.indicator}\n${p.reason.nb}`;
    const prev = byKey.get(key);
    if (prev) prev.years = [...new Set([...prev.years, ...p.years])].sort((a, b) => a - b);
    else byKey.set(key, { ...p, years: [...p.years].sort((a, b) => a - b) });
  }
  return [...byKey.values()];
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
