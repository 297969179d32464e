/**
 * Responses kept in memory: for tests, and as a first level in front of a slower
 * cache. With `maxEntries`, the least recently used entry (read or written) goes first.
 * The same limits as every cache (cache-entry.ts): an entry that does not fit is not kept.
 */
import { storableResponse } from "./cache-entry";
import type { CachedResponse, ResponseCache } from "./types";

export interface MemoryResponseCacheOptions {
  /** Keep at most this many responses (default: no limit). */
  maxEntries?: number;
}

export class MemoryResponseCache implements ResponseCache {
  /** A Map iterates in insertion order: re-inserting on use keeps the least recently used first. */
  private readonly entries = new Map<string, CachedResponse>();
  private readonly maxEntries: number;

  constructor(options: MemoryResponseCacheOptions = {}) {
    const max = options.maxEntries ?? Infinity;
    if (!(max >= 1)) throw new RangeError(`maxEntries must be at least 1, got ${options.maxEntries}`);
    this.maxEntries = max;
  }

  get size(): number {
    return this.entries.size;
  }

  async get(key: string): Promise<CachedResponse | undefined> {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return { ...value };
  }

  async set(key: string, value: CachedResponse): Promise<void> {
    this.entries.delete(key);
    // A copy, so a caller changing its object afterwards does not change the cache.
    const entry = storableResponse(value);
    if (!entry) return;
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  /** Whether `key` is cached, without counting as a use. */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
