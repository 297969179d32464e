/**
 * The readers of SSB's (or a proxy's) answers, one by one: /config clamped to sane
 * bounds, table information and searches by schema, a data answer checked against the
 * query that was asked, bodies read within a limit, web pages recognised, redirects
 * decided, Retry-After read. The same answers over real HTTP are in
 * tests/integration/hostile/ssb.test.ts.
 */
import { MAX_CUBE_CELLS, MAX_WAIT_SECONDS } from "../../src/kostra/limits";
import { readConfig, readSearch, readTableInfo } from "../../src/sources/ssb/answers";
import { BodyTooLarge, isWebPage, readBodyText } from "../../src/sources/ssb/body";
import { cachedAnswer, keepAnswer } from "../../src/sources/ssb/checked-cache";
import { retryAfterMs } from "../../src/sources/ssb/client";
import { cellsAsked, readDataAnswer } from "../../src/sources/ssb/data-answer";
import { clockTime, problemError, proxyOf } from "../../src/sources/ssb/errors";
import { MemoryResponseCache } from "../../src/sources/ssb/cache-memory";
import { redirectDecision } from "../../src/sources/ssb/redirect";
import { SsbError, type SsbQuery } from "../../src/sources/ssb/types";
import { worldDataset } from "../support/pxweb-world";
import { ssbFailureOf } from "../support/ssb-failure";

const URL_ = "https://data.ssb.no/api/pxwebapi/v2/x";

describe("/config", () => {
  it("reads the limits and clamps what is outside sane bounds", () => {
    expect(readConfig(JSON.stringify({ maxDataCells: 800000, maxCallsPerTimeWindow: 30, timeWindow: 60 }), URL_)).toEqual({ maxDataCells: 800000, maxCallsPerTimeWindow: 30, timeWindowSeconds: 60 });
    expect(readConfig(JSON.stringify({ maxDataCells: 1e12, maxCallsPerTimeWindow: 1e9, timeWindow: 1e9 }), URL_)).toEqual({
      maxDataCells: MAX_CUBE_CELLS,
      maxCallsPerTimeWindow: 1000,
      timeWindowSeconds: MAX_WAIT_SECONDS,
    });
    expect(readConfig(JSON.stringify({ maxDataCells: 1, maxCallsPerTimeWindow: 0.5, timeWindow: 0.001 }), URL_)).toEqual({ maxDataCells: 1000, maxCallsPerTimeWindow: 1, timeWindowSeconds: 1 });
  });

  it("falls back to SSB's published limits for a value that is missing, zero, text or not finite", () => {
    const published = { maxDataCells: 800000, maxCallsPerTimeWindow: 30, timeWindowSeconds: 60 };
    expect(readConfig("{}", URL_)).toEqual(published);
    expect(readConfig(JSON.stringify({ maxDataCells: "9", maxCallsPerTimeWindow: 0, timeWindow: null }), URL_)).toEqual(published);
    expect(readConfig('{"maxDataCells": 1e999, "timeWindow": -5}', URL_)).toEqual(published);
  });

  it.each(["", "[1,2]", "null", "<html>login</html>", '{"maxDataCells": 10'])("refuses %p as a /config", (body) => {
    expect(ssbFailureOf(() => readConfig(body, URL_)).kind).toBe("bad-response");
  });
});

describe("table information and searches", () => {
  const entry = { id: "12362", label: "12362: Utgifter", updated: "2025-06-16T06:00:00Z", firstPeriod: "2015", lastPeriod: "2024", variableNames: ["region", "år"] };

  it("reads a table's information, which must be about the table asked for", () => {
    expect(readTableInfo(JSON.stringify(entry), "12362", URL_)).toEqual(entry);
    expect(ssbFailureOf(() => readTableInfo(JSON.stringify({ ...entry, id: "12842" }), "12362", URL_)).text.nb).toMatch(/informasjon om tabell 12842, ikke 12362/);
    expect(ssbFailureOf(() => readTableInfo(JSON.stringify({ ...entry, id: { formula: "HYPERLINK(1)" } }), "12362", URL_)).text.en).toMatch(/"id" expected text/);
  });

  it("reads a search, with labels XML-safe and bounded", () => {
    const hits = readSearch(JSON.stringify({ tables: [{ ...entry, label: "a\uFFFFb" }] }), URL_);
    expect(hits[0].label).toBe("a\uFFFDb");
    expect(ssbFailureOf(() => readSearch(JSON.stringify({ tables: [{ ...entry, label: "x".repeat(30_000) }] }), URL_)).text.en).toMatch(/too long/);
    expect(ssbFailureOf(() => readSearch(JSON.stringify({ tables: Array(1001).fill(entry) }), URL_)).text.en).toMatch(/too many items/);
    expect(ssbFailureOf(() => readSearch('{"page": 1}', URL_)).kind).toBe("bad-response");
  });

  it("puts SSB's problem text in a message as one line, quoted and bounded", () => {
    const e = problemError(400, URL_, JSON.stringify({ title: "Bad\nRequest", detail: "x".repeat(5000) }));
    expect(e.text.nb).not.toMatch(/\n/);
    expect(e.text.nb.length).toBeLessThan(500);
    expect(problemError(400, URL_, JSON.stringify({ title: { formula: "X" } })).text.nb).toBe("SSB avviste spørringen. Kontroller malen, eller last inn en nedlastet fil.");
  });
});

describe("a data answer answers the query that was asked", () => {
  const query: SsbQuery = {
    table: "12362",
    selection: { KOKkommuneregion0000: ["0219", "0301"], KOKfunksjon0000: ["370"], KOKart0000: ["AGD2"], ContentsCode: ["KOSbelopinnbygge0000"], Tid: ["2017"] },
  };
  const answer = () => worldDataset("12362", query.selection) as unknown as Record<string, unknown>;

  it("reads the answer to the query", () => {
    const cube = readDataAnswer(JSON.stringify(answer()), query, URL_);
    expect(cube.tableId).toBe("12362");
    expect(cube.values).toHaveLength(cellsAsked(query));
  });

  it.each([
    ["another table", () => ({ ...answer(), extension: { px: { tableid: "12842" } } }), /tabell 12842, men tabell 12362 ble spurt etter/],
    ["another table, named only in the label", () => ({ ...answer(), extension: {}, label: "12842: Avfall" }), /tabell 12842, men tabell 12362/],
    ["a dimension missing", () => ({ ...answer(), id: (answer().id as string[]).filter((d) => d !== "Tid") }), /uten dimensjonen Tid/],
    ["more cells than asked", () => worldDataset("12362", { ...query.selection, Tid: ["2016", "2017"] }), /4 celler der 2 ble spurt etter/],
    ["a code missing", () => worldDataset("12362", { ...query.selection, KOKkommuneregion0000: ["0219", "1103"] }), /uten koden 0301 i KOKkommuneregion0000/],
    ["not JSON-stat", () => ({ id: ["a"], size: [1] }), /uten dimensjonen KOKkommuneregion0000/],
    ["a list", () => [answer()], /ikke er et JSON-objekt/],
    ["sizes that are not counts", () => ({ ...answer(), size: [1, 1, 1, 1, -2] }), /«size\[4\]» må være minst 0/],
  ])("refuses %s as an SSB failure, not bad input", (_, make, words) => {
    const e = ssbFailureOf(() => readDataAnswer(JSON.stringify(make()), query, URL_));
    expect(e.kind).toBe("bad-response");
    expect(e.code).toBe("ssb");
    expect(e.text.nb).toMatch(words);
  });

  it("accepts a dimension not asked for when it holds one category (SSB's total)", () => {
    const ds = answer() as { id: string[]; size: number[]; dimension: Record<string, unknown> };
    ds.id = [...ds.id, "Kjonn"];
    ds.size = [...ds.size, 1];
    ds.dimension.Kjonn = { label: "kjønn", category: { index: { "0": 0 }, label: { "0": "Begge" } } };
    expect(() => readDataAnswer(JSON.stringify(ds), query, URL_)).not.toThrow();
  });
});

describe("the cache rule", () => {
  const read = (body: string) => {
    if (!body.startsWith("ok")) throw thrownError();
    return body.length;
  };
  const thrownError = () => new SsbError("bad-response", { nb: "ikke ok", en: "not ok" });

  it("stores only what reads, and evicts a cached entry that no longer does", async () => {
    const cache = new MemoryResponseCache();
    await expect(keepAnswer(cache, "k", "bad", "2025-01-01T00:00:00Z", read)).rejects.toBeInstanceOf(SsbError);
    expect(cache.has("k")).toBe(false);
    await expect(keepAnswer(cache, "k", "ok!", "2025-01-01T00:00:00Z", read, () => "u")).resolves.toEqual({ value: 3, fetchedAt: "2025-01-01T00:00:00Z", updated: "u" });
    await expect(cachedAnswer(cache, "k", read)).resolves.toEqual({ value: 3, fetchedAt: "2025-01-01T00:00:00Z", updated: "u" });
    await cache.set("k", { body: "lie", fetchedAt: "2025-01-01T00:00:00Z" });
    const evicted: string[] = [];
    await expect(cachedAnswer(cache, "k", read, (e) => evicted.push(e.text.en))).resolves.toBeUndefined();
    expect(evicted).toEqual(["not ok"]);
    expect(cache.has("k")).toBe(false);
  });

  it("passes a programming error through instead of evicting", async () => {
    const cache = new MemoryResponseCache();
    await cache.set("k", { body: "x", fetchedAt: "2025-01-01T00:00:00Z" });
    await expect(
      cachedAnswer(cache, "k", () => {
        throw new TypeError("bug");
      }),
    ).rejects.toThrow("bug");
    expect(cache.has("k")).toBe(true);
  });
});

describe("bodies, web pages and redirects", () => {
  const stream = (chunks: string[]) => new Response(new ReadableStream({ pull(c) { const next = chunks.shift(); if (next === undefined) c.close(); else c.enqueue(new TextEncoder().encode(next)); } }));

  it("reads a body within the limit, stops one beyond it, and truncates an error body", async () => {
    await expect(readBodyText(stream(["\uFEFF{", '"a":1}']), 100)).resolves.toBe('{"a":1}');
    await expect(readBodyText(stream(["x".repeat(60), "x".repeat(60)]), 100)).rejects.toBeInstanceOf(BodyTooLarge);
    await expect(readBodyText(new Response("x", { headers: { "Content-Length": "1000" } }), 100)).rejects.toBeInstanceOf(BodyTooLarge);
    await expect(readBodyText(stream(["x".repeat(60), "y".repeat(60)]), 100, "truncate")).resolves.toBe(`${"x".repeat(60)}${"y".repeat(40)}`);
    // A character split across chunks is decoded whole.
    const bytes = new TextEncoder().encode("æ");
    const split = new Response(new ReadableStream({ start(c) { c.enqueue(bytes.subarray(0, 1)); c.enqueue(bytes.subarray(1)); c.close(); } }));
    await expect(readBodyText(split, 100)).resolves.toBe("æ");
  });

  it.each([
    ["text/html", "{}", true],
    ["application/json", "  <!DOCTYPE html><html>", true],
    ["application/json", "\uFEFF<html lang=nb>", true],
    [null, '<?xml version="1.0"?><html>', true],
    ["application/json", '{"html": "<html>"}', false],
    ["text/xml", "<correspondenceItemList/>", false],
  ])("content type %p with body %p is a web page: %p", (type, body, page) => {
    expect(isWebPage(type, body)).toBe(page);
  });

  const res = (status: number, headers: Record<string, string> = {}) => new Response(null, { status, headers });

  it("follows a redirect only within the origin, as GET after a 303 or a POST's 301/302", () => {
    const url = "https://proxy.kommune.no/api/pxwebapi/v2/tables/1/data?x";
    expect(redirectDecision(res(200), url, "GET", undefined)).toEqual({ kind: "none" });
    expect(redirectDecision(res(302, { Location: "/api/pxwebapi/v2/y" }), url, "GET", undefined)).toEqual({ kind: "follow", url: "https://proxy.kommune.no/api/pxwebapi/v2/y", method: "GET", body: undefined });
    expect(redirectDecision(res(307, { Location: "/y" }), url, "POST", "{}")).toMatchObject({ kind: "follow", method: "POST", body: "{}" });
    expect(redirectDecision(res(302, { Location: "/y" }), url, "POST", "{}")).toMatchObject({ kind: "follow", method: "GET", body: undefined });
    expect(redirectDecision(res(302, { Location: "https://evil.example/y" }), url, "GET", undefined)).toEqual({ kind: "refuse", to: "https://evil.example/y" });
    expect(redirectDecision(res(302, { Location: "http://proxy.kommune.no/y" }), url, "GET", undefined)).toMatchObject({ kind: "refuse" });
    expect(redirectDecision(res(302, { Location: "https://proxy.kommune.no:8443/y" }), url, "GET", undefined)).toMatchObject({ kind: "refuse" });
    expect(redirectDecision(res(302, { Location: "https://u:p@proxy.kommune.no/y" }), url, "GET", undefined)).toMatchObject({ kind: "refuse" });
    expect(redirectDecision(res(302), url, "GET", undefined)).toEqual({ kind: "refuse" });
  });
});

describe("Retry-After and clock times", () => {
  const now = Date.UTC(2025, 0, 6, 8);

  it("reads seconds and HTTP dates, and nothing else", () => {
    expect(retryAfterMs("120", now)).toBe(120_000);
    expect(retryAfterMs(" 3600 ", now)).toBe(3_600_000);
    expect(retryAfterMs("Mon, 06 Jan 2025 08:05:00 GMT", now)).toBe(300_000);
    expect(retryAfterMs("Mon, 06 Jan 2025 07:00:00 GMT", now)).toBe(0);
    expect(retryAfterMs("99999999999999999999", now)).toBe(1e23);
    for (const bad of [null, "", "-5", "1.5", "1e9", "soon", "x".repeat(200)]) expect(retryAfterMs(bad, now)).toBeUndefined();
  });

  it("says a time today as the clock shows it, and another day with its date", () => {
    const at = new Date(2025, 0, 6, 9, 5).getTime();
    expect(clockTime(at, new Date(2025, 0, 6, 8, 0).getTime())).toEqual({ nb: "kl. 09:05", en: "09:05" });
    expect(clockTime(new Date(2099, 9, 21, 12, 0).getTime(), at)).toEqual({ nb: "2099-10-21 kl. 12:00", en: "12:00 on 2099-10-21" });
    expect(clockTime(1e23, at)).toBeUndefined();
  });

  it("names a proxy by its origin, and SSB's own host not at all", () => {
    expect(proxyOf("https://data.ssb.no/api/pxwebapi/v2/config")).toBeUndefined();
    expect(proxyOf("https://proxy.kommune.no/ssb/api/pxwebapi/v2/config")).toBe("https://proxy.kommune.no");
  });
});
