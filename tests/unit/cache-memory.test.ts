import { MAX_RESPONSE_BYTES } from "../../src/kostra/limits";
import { MemoryResponseCache } from "../../src/sources/ssb/cache-memory";
import type { CachedResponse } from "../../src/sources/ssb/types";

const response = (body: string): CachedResponse => ({ body, fetchedAt: "2025-01-06T08:00:00.000Z", updated: "2024-12-16T07:00:00Z" });

describe("MemoryResponseCache", () => {
  it("returns what was stored, and undefined for a key never stored", async () => {
    const cache = new MemoryResponseCache();
    await cache.set("GET a", response("A"));
    await expect(cache.get("GET a")).resolves.toEqual(response("A"));
    await expect(cache.get("GET b")).resolves.toBeUndefined();
  });

  it("keeps a response without SSB's updated timestamp as it is", async () => {
    const cache = new MemoryResponseCache();
    await cache.set("k", { body: "{}", fetchedAt: "2025-01-06T08:00:00.000Z" });
    await expect(cache.get("k")).resolves.toEqual({ body: "{}", fetchedAt: "2025-01-06T08:00:00.000Z" });
  });

  it("overwrites a key", async () => {
    const cache = new MemoryResponseCache();
    await cache.set("k", response("old"));
    await cache.set("k", response("new"));
    await expect(cache.get("k")).resolves.toEqual(response("new"));
    expect(cache.size).toBe(1);
  });

  it("is not changed by callers changing the objects they passed in or got back", async () => {
    const cache = new MemoryResponseCache();
    const value = response("A");
    await cache.set("k", value);
    value.body = "changed";
    const got = await cache.get("k");
    if (got) got.body = "changed too";
    await expect(cache.get("k")).resolves.toEqual(response("A"));
  });

  it("evicts the least recently used entry beyond maxEntries, counting reads as use", async () => {
    const cache = new MemoryResponseCache({ maxEntries: 3 });
    await cache.set("a", response("A"));
    await cache.set("b", response("B"));
    await cache.set("c", response("C"));
    await cache.get("a"); // a is now the most recently used; b the least
    await cache.set("d", response("D"));
    expect(cache.size).toBe(3);
    expect(cache.has("b")).toBe(false);
    expect(["a", "c", "d"].every((k) => cache.has(k))).toBe(true);

    await cache.set("c", response("C2")); // overwriting counts as use too
    await cache.set("e", response("E"));
    expect(cache.has("a")).toBe(false);
    await expect(cache.get("c")).resolves.toEqual(response("C2"));
  });

  it("misses are not a use and do not evict", async () => {
    const cache = new MemoryResponseCache({ maxEntries: 1 });
    await cache.set("a", response("A"));
    await expect(cache.get("zzz")).resolves.toBeUndefined();
    expect(cache.has("a")).toBe(true);
  });

  it("clear empties it, and a limit below 1 is refused", async () => {
    const cache = new MemoryResponseCache();
    await cache.set("a", response("A"));
    cache.clear();
    expect(cache.size).toBe(0);
    expect(() => new MemoryResponseCache({ maxEntries: 0 })).toThrow(RangeError);
    expect(() => new MemoryResponseCache({ maxEntries: Number.NaN })).toThrow(RangeError);
  });

  it("holds entries to the limits of every cache, and delete forgets", async () => {
    const cache = new MemoryResponseCache();
    await cache.set("big", { body: " ".repeat(MAX_RESPONSE_BYTES + 1), fetchedAt: "2025-01-06T08:00:00.000Z" });
    await cache.set("undated", { body: "{}", fetchedAt: "" });
    expect(cache.size).toBe(0);
    await cache.set("k", { body: "{}", fetchedAt: "2025-01-06T08:00:00.000Z" });
    await cache.delete("k");
    expect(cache.has("k")).toBe(false);
  });
});
