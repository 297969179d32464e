/**
 * A table's metadata for a load or a catalog check: read before the table's data is
 * asked for, so a request names only codes and years the table has (selection-check.ts).
 *
 * Cached like every SSB answer (checked-cache.ts: only a checked answer about the table
 * asked for is stored). Metadata changes when SSB republishes a table, which
 * `/tables/{id}` tells by its `updated`: a cached copy younger than a day is used as it
 * is; an older one (or any, when the user asks for fresh figures) is kept only while
 * `/tables/{id}` still gives the `updated` it was fetched with — one small request instead
 * of the whole metadata — and fetched again when SSB says the table changed. When SSB
 * cannot be asked, a cached copy is used and the caller says so.
 */
import type { KostraError } from "../../kostra/errors";
import { cachedAnswer, keepAnswer, type CheckedAnswer } from "./checked-cache";
import type { SsbClient } from "./client";
import { readMetadataAnswer, type MetadataAnswer } from "./metadata-answer";
import { SsbError, type ResponseCache } from "./types";

/** How long cached metadata is used without asking `/tables/{id}` whether the table changed. */
export const METADATA_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** cache-first: a young cached copy as it is; refresh: always confirm with `/tables/{id}`; network-only: always fetch. */
export type MetadataPolicy = "cache-first" | "refresh" | "network-only";

export interface TableMetadataOptions {
  client: SsbClient;
  cache?: ResponseCache;
  policy?: MetadataPolicy;
  signal?: AbortSignal;
  now?: () => Date;
  /** Told when a cached copy could not be read and was removed. */
  onEvicted?: (reason: KostraError) => void;
}

export interface TableMetadataResult extends MetadataAnswer {
  fetchedAt: string;
  /** SSB's `updated` of the table when the metadata was read. */
  updated?: string;
  /** Served from the cache (without asking, or after `/tables/{id}` confirmed it). */
  cached: boolean;
  /** A cached copy used because SSB could not be asked whether the table changed: why. */
  stale?: SsbError;
}

const keyOf = (url: string) => `GET ${url}`;

/** The metadata cached for `table`, checked, without asking SSB; undefined when there is none. */
export async function cachedTableMetadata(table: string, options: Omit<TableMetadataOptions, "policy" | "signal">): Promise<CheckedAnswer<MetadataAnswer> | undefined> {
  const url = options.client.metadataUrl(table);
  return cachedAnswer(options.cache, keyOf(url), (body) => readMetadataAnswer(body, table, url), options.onEvicted);
}

/** The cached metadata when it may be used without asking SSB (cache-first and younger than a day). */
export async function freshCachedMetadata(table: string, options: TableMetadataOptions): Promise<TableMetadataResult | undefined> {
  if ((options.policy ?? "cache-first") !== "cache-first") return undefined;
  const cached = await cachedTableMetadata(table, options);
  if (!cached) return undefined;
  const age = (options.now ?? (() => new Date()))().getTime() - Date.parse(cached.fetchedAt);
  return age >= 0 && age < METADATA_MAX_AGE_MS ? result(cached, true) : undefined;
}

/**
 * The metadata of `table`: from the cache when it may be used, else from SSB (and cached).
 * Throws SsbError when SSB fails or answers something that is not this table's metadata
 * and no cached copy can stand in.
 */
export async function tableMetadata(table: string, options: TableMetadataOptions): Promise<TableMetadataResult> {
  const { client, cache, signal } = options;
  const policy = options.policy ?? "cache-first";
  const now = options.now ?? (() => new Date());
  const url = client.metadataUrl(table);
  const fresh = await freshCachedMetadata(table, options);
  if (fresh) return fresh;
  const cached = policy === "network-only" ? undefined : await cachedTableMetadata(table, options);
  if (cached) {
    let updated: string | undefined;
    try {
      updated = (await client.tableInfo(table, signal)).updated;
    } catch (e) {
      if (!(e instanceof SsbError) || e.kind === "cancelled") throw e;
      return { ...result(cached, true), stale: e };
    }
    // Unchanged since it was fetched: the copy is still true; its new date starts another day without asking.
    if (updated !== undefined && updated === cached.updated) {
      const kept = await keepAnswer(cache, keyOf(url), JSON.stringify(cached.value.json), now().toISOString(), (body) => readMetadataAnswer(body, table, url), updatedOf);
      return result(kept, true);
    }
  }
  const res = await client.request("GET", url, undefined, signal);
  const answer = await keepAnswer(cache, keyOf(url), res.body, now().toISOString(), (body) => readMetadataAnswer(body, table, url), updatedOf);
  return result(answer, false);
}

const updatedOf = (answer: MetadataAnswer) => answer.metadata.updated;

function result(answer: CheckedAnswer<MetadataAnswer>, cached: boolean): TableMetadataResult {
  return { ...answer.value, fetchedAt: answer.fetchedAt, ...(answer.updated !== undefined ? { updated: answer.updated } : {}), cached };
}
