/**
 * The one rule for caching SSB's answers: a cache never stores a lie. An answer is
 * stored only after it was read and checked — parsed, validated, and found to answer the
 * query that was asked — and a cached answer is read and checked again before it is
 * used; one that no longer passes is evicted, so the next load asks SSB again instead of
 * failing on the same bad entry for ever.
 *
 * The loaders (data, /config, Klass) go through these two functions only; they never
 * call a cache's `set` themselves.
 */
import { KostraError } from "../../kostra/errors";
import type { CachedResponse, ResponseCache } from "./types";

/** Reads an answer's body into a typed value; throws a KostraError (an SsbError or "bad-input") when it is not a valid answer. */
export type ReadAnswer<T> = (body: string) => T;

export interface CheckedAnswer<T> {
  value: T;
  fetchedAt: string;
  updated?: string;
}

/**
 * The cached answer for `key`, read and checked; undefined when there is none. An entry
 * that fails the check is deleted and `onEvicted` is told why.
 */
export async function cachedAnswer<T>(
  cache: ResponseCache | undefined,
  key: string,
  read: ReadAnswer<T>,
  onEvicted?: (reason: KostraError) => void,
): Promise<CheckedAnswer<T> | undefined> {
  const entry = await cache?.get(key);
  if (!cache || !entry) return undefined;
  try {
    return { value: read(entry.body), fetchedAt: entry.fetchedAt, ...(entry.updated !== undefined ? { updated: entry.updated } : {}) };
  } catch (e) {
    if (!(e instanceof KostraError)) throw e;
    await cache.delete(key);
    onEvicted?.(e);
    return undefined;
  }
}

/**
 * Read and check a fresh answer, then store it: when `read` throws, nothing is stored
 * and the error goes to the caller. `updatedOf` gives SSB's `updated` of the value.
 */
export async function keepAnswer<T>(
  cache: ResponseCache | undefined,
  key: string,
  body: string,
  fetchedAt: string,
  read: ReadAnswer<T>,
  updatedOf?: (value: T) => string | undefined,
): Promise<CheckedAnswer<T>> {
  const value = read(body);
  const updated = updatedOf?.(value);
  const entry: CachedResponse = updated === undefined ? { body, fetchedAt } : { body, fetchedAt, updated };
  await cache?.set(key, entry);
  return { value, fetchedAt, ...(updated !== undefined ? { updated } : {}) };
}
