/**
 * What a cached SSB answer must look like in every cache (memory, IndexedDB, files):
 * the body within MAX_RESPONSE_BYTES, when it was fetched as an ISO date, SSB's `updated`
 * as short text, and, where the store keeps it, the key it answers. An entry that does not
 * fit is never written, and one read back that does not fit is evicted by the cache.
 */
import { MAX_RESPONSE_BYTES } from "../../kostra/limits";
import { boundedText, isoDateTime, v } from "../../kostra/schema";
import type { CachedResponse } from "./types";

const responseEntries = {
  // Characters, not bytes: a UTF-8 body has at least as many bytes as UTF-16 code units.
  body: v.pipe(v.string(), v.maxLength(MAX_RESPONSE_BYTES)),
  fetchedAt: isoDateTime(),
  updated: v.optional(boundedText(100)),
};

const cachedResponseSchema = v.object(responseEntries);

/** An entry as the value of a store that keeps the key beside it (IndexedDB, files). */
export interface StoredResponse extends CachedResponse {
  key: string;
}

const storedResponseSchema = v.object({ key: v.string(), ...responseEntries });

function plain(value: { body: string; fetchedAt: string; updated?: string }): CachedResponse {
  return value.updated === undefined ? { body: value.body, fetchedAt: value.fetchedAt } : { body: value.body, fetchedAt: value.fetchedAt, updated: value.updated };
}

/** The entry as it may be stored, or undefined when it does not fit (too large, not a date…). */
export function storableResponse(value: CachedResponse): CachedResponse | undefined {
  const r = v.safeParse(cachedResponseSchema, value);
  return r.success ? plain(r.output) : undefined;
}

/** What was stored for `key`, or undefined when it is not a cached response for that key. */
export function readStoredResponse(stored: unknown, key: string): CachedResponse | undefined {
  const r = v.safeParse(storedResponseSchema, stored);
  return r.success && r.output.key === key ? plain(r.output) : undefined;
}

/** The value a store that keeps the key writes for `key`. */
export function toStoredResponse(key: string, value: CachedResponse): StoredResponse {
  return { key, ...plain(value) };
}
