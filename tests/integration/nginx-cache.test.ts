/**
 * The department's shared SSB cache (deploy/nginx/) for real: Debian's nginx with the
 * rendered configuration in front of the local PxWebApi 2 test server (SYNTHETIC tables).
 * - many panes asking the same queries at once cause one request each to SSB;
 * - SSB's rate limit is kept toward SSB;
 * - cached answers come back while SSB fails, rate-limits or is gone; an uncached query
 *   gets SSB's error through;
 * - a republished table (a new `updated`) is a new cache entry for the product's client;
 * - CORS answers the add-in's origin only;
 * - the product's own client loads a profile through it.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { benchmark } from "../../src/kostra/benchmark";
import { templateById, templateIndicators } from "../../src/kostra/catalog";
import { municipalityById } from "../../src/kostra/municipalities";
import { networkById, networkMembers } from "../../src/kostra/networks";
import { SHARED_CACHE_HEADER, SsbClient, TABLE_UPDATED_HEADER } from "../../src/sources/ssb/client";
import { loadFromSsb } from "../../src/sources/ssb/load";
import { RateLimiter } from "../../src/sources/ssb/rate-limiter";
import { startNginx, type RunningNginx } from "../support/nginx";
import { startPxWebServer, type PxWebServer } from "../support/pxweb-server";

jest.setTimeout(60_000);

const PMK = { KOKkommuneregion0000: "0219,0301", KOKfunksjon0000: "377,385", KOKart0000: "AGD2", ContentsCode: "KOSbelopinnbygge0000", Tid: "2015,2016,2017" };
const QUERIES = [PMK, { ...PMK, Tid: "2017" }, { ...PMK, KOKkommuneregion0000: "0219" }];
const dataUrl = (base: string, selection: Record<string, string>) =>
  `${base}/tables/12362/data?lang=no&outputFormat=json-stat2&${Object.entries(selection)
    .map(([dim, codes]) => `valueCodes[${dim}]=${encodeURIComponent(codes)}`)
    .join("&")}`;

/** The keys of nginx's cache entries (each file's "KEY: " line). */
function cacheKeys(dir: string): string[] {
  const files = (readdirSync(dir, { recursive: true }) as string[]).map((f) => join(dir, f)).filter((f) => statSync(f).isFile());
  return files.map((f) => /\nKEY: ([^\n]*)\n/.exec(readFileSync(f, "latin1"))?.[1] ?? "");
}

async function waitFor(done: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!done()) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

let ssb: PxWebServer;
let proxy: RunningNginx | undefined;
const upstreamData = () => ssb.requests.filter((r) => r.path.endsWith("/data"));

beforeEach(async () => {
  ssb = await startPxWebServer();
});
afterEach(async () => {
  await proxy?.stop();
  proxy = undefined;
  await ssb.close();
});

const start = async (options: Record<string, string> = {}) => {
  proxy = await startNginx(new URL(ssb.baseUrl).origin, options);
  return proxy;
};

describe("one request to SSB per distinct query", () => {
  it("50 panes asking the same 3 queries at once cause exactly 3 requests to SSB, spaced by SSB's rate limit", async () => {
    const p = await start();
    ssb.delayNext(3, 300, (r) => r.path.endsWith("/data"));
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => Promise.all(QUERIES.map(async (q) => {
        const res = await fetch(dataUrl(p.baseUrl, q));
        return { status: res.status, cache: res.headers.get(SHARED_CACHE_HEADER), body: await res.text() };
      }))),
    );
    expect(upstreamData()).toHaveLength(3);
    // Every pane got the same, complete answer to each query.
    for (let q = 0; q < 3; q++) {
      const bodies = new Set(answers.map((a) => a[q].body));
      expect(bodies.size).toBe(1);
      expect(answers.every((a) => a[q].status === 200)).toBe(true);
      expect(JSON.parse([...bodies][0]).class).toBe("dataset");
    }
    // 150 answers, of which 3 were misses; the rest waited for them or came from the cache.
    const statuses = answers.flat().map((a) => a.cache);
    expect(statuses.filter((s) => s === "MISS")).toHaveLength(3);
    // 30 a minute toward SSB: at least 2 s between the misses (nginx's leaky bucket).
    const times = upstreamData().map((r) => r.time).sort((a, b) => a - b);
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(1800);
    expect(times[2] - times[1]).toBeGreaterThanOrEqual(1800);
  });

  it("asks SSB once for a query it refuses (400): every pane gets SSB's problem, for a minute", async () => {
    const p = await start({ "ssb-rate": "6000r/m" });
    const bad = dataUrl(p.baseUrl, { ...QUERIES[1], KOKkommuneregion0000: "9999" });
    const answers = await Promise.all(Array.from({ length: 20 }, async () => {
      const res = await fetch(bad);
      return [res.status, (await res.json()).title];
    }));
    expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(new Set([JSON.stringify([400, "Non-existent value"])]));
    expect(upstreamData()).toHaveLength(1);
  });

  it("caches a POST query by its body: the same body once, another body again", async () => {
    const p = await start({ "ssb-rate": "6000r/m" });
    const body = (regions: string[]) =>
      JSON.stringify({ selection: Object.entries({ ...QUERIES[0], KOKkommuneregion0000: regions.join(",") }).map(([variableCode, codes]) => ({ variableCode, valueCodes: codes.split(",") })) });
    const post = (text: string) => fetch(`${p.baseUrl}/tables/12362/data?lang=no&outputFormat=json-stat2`, { method: "POST", headers: { "Content-Type": "application/json" }, body: text });
    const a = await post(body(["0219", "0301"]));
    const b = await post(body(["0219", "0301"]));
    const c = await post(body(["0219"]));
    expect([a.status, b.status, c.status]).toEqual([200, 200, 200]);
    expect([a.headers.get(SHARED_CACHE_HEADER), b.headers.get(SHARED_CACHE_HEADER), c.headers.get(SHARED_CACHE_HEADER)]).toEqual(["MISS", "HIT", "MISS"]);
    expect(await b.text()).toBe(await a.text());
    expect(upstreamData()).toHaveLength(2);
  });
});

describe("when SSB fails", () => {
  it.each([
    ["rate-limits (429)", { status: 429, retryAfterSeconds: 30 }],
    ["is unavailable (503)", { status: 503 }],
  ])("serves the cached answer while SSB %s, and passes SSB's error through for a query it never cached", async (_, failure) => {
    const p = await start({ "ssb-rate": "6000r/m", "short-ttl": "1s" });
    const url = dataUrl(p.baseUrl, QUERIES[0]);
    const fresh = await fetch(url);
    const body = await fresh.text();
    await new Promise((r) => setTimeout(r, 2200)); // the answer is now expired (nginx counts whole seconds)
    ssb.failNext(10, failure);
    const stale = await fetch(url);
    expect(stale.status).toBe(200);
    expect(stale.headers.get(SHARED_CACHE_HEADER)).toMatch(/STALE|UPDATING/);
    expect(await stale.text()).toBe(body);
    const uncached = await fetch(dataUrl(p.baseUrl, QUERIES[1]));
    expect(uncached.status).toBe(failure.status);
    expect(uncached.headers.get("content-type")).toMatch(/problem\+json/);
    if (failure.status === 429) expect(uncached.headers.get("retry-after")).toBe("30");
  });

  it("serves cached answers when SSB is gone, and says 502 for a query it never cached", async () => {
    const p = await start({ "ssb-rate": "6000r/m", "short-ttl": "1s" });
    const url = dataUrl(p.baseUrl, QUERIES[0]);
    const body = await (await fetch(url)).text();
    await ssb.close();
    await new Promise((r) => setTimeout(r, 2200));
    const stale = await fetch(url);
    expect([stale.status, await stale.text()]).toEqual([200, body]);
    const uncached = await fetch(dataUrl(p.baseUrl, QUERIES[1]));
    expect(uncached.status).toBe(502);
    ssb = await startPxWebServer(); // for afterEach
  });
});

describe("lifetimes follow SSB's releases", () => {
  it("keeps data for the table's `updated` the product names; a republished table is asked again", async () => {
    const p = await start({ "ssb-rate": "6000r/m", "short-ttl": "1s" });
    const url = dataUrl(p.baseUrl, QUERIES[0]);
    const ask = (updated?: string) => fetch(url, { headers: updated ? { [TABLE_UPDATED_HEADER]: updated } : {} });
    expect((await ask("2025-06-15T06:00:00Z")).headers.get(SHARED_CACHE_HEADER)).toBe("MISS");
    await new Promise((r) => setTimeout(r, 2200));
    // Past the short lifetime, the same `updated` is still a hit: data is kept long.
    expect((await ask("2025-06-15T06:00:00Z")).headers.get(SHARED_CACHE_HEADER)).toBe("HIT");
    // SSB republished the table: a new key, asked again.
    expect((await ask("2026-03-15T07:00:00Z")).headers.get(SHARED_CACHE_HEADER)).toBe("MISS");
    // Without `updated`, data is kept only for the short lifetime.
    expect((await ask()).headers.get(SHARED_CACHE_HEADER)).toBe("MISS");
    await new Promise((r) => setTimeout(r, 2200));
    // Expired: served as it was while it is fetched again in the background.
    expect((await ask()).headers.get(SHARED_CACHE_HEADER)).toMatch(/STALE|UPDATING/);
    await waitFor(() => upstreamData().length === 4);
    // SSB never sees the product's header.
    expect(upstreamData().every((r) => !JSON.stringify(r).includes("2025-06-15T06:00:00Z"))).toBe(true);
  });
});

describe("Klass", () => {
  it("is routed and cached the same way: the product's Klass address beside the cache's PxWebApi address", async () => {
    await ssb.close();
    ssb = await startPxWebServer({ klass: {} });
    const p = await start({ "ssb-rate": "6000r/m" });
    const { klassBaseUrlFor } = await import("../../src/sources/ssb/klass");
    const url = `${klassBaseUrlFor(p.baseUrl)}/classifications/131/correspondsAt?targetClassificationId=112&date=2024-01-01&language=nb`;
    expect(url.startsWith(`${p.origin}/api/klass/v1/`)).toBe(true);
    const first = await fetch(url);
    const second = await fetch(url);
    expect([first.status, first.headers.get(SHARED_CACHE_HEADER), second.headers.get(SHARED_CACHE_HEADER)]).toEqual([200, "MISS", "HIT"]);
    expect(await second.text()).toBe(await first.text());
    expect(ssb.requests.filter((r) => r.url.includes("/api/klass/v1/"))).toHaveLength(1);
  });
});

describe("CORS", () => {
  it("answers the add-in's origin, preflight included, and nobody else's", async () => {
    const p = await start({ "ssb-rate": "6000r/m" });
    const preflight = await fetch(`${p.baseUrl}/tables/12362/data?lang=no`, {
      method: "OPTIONS",
      headers: { Origin: "https://localhost:3000", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": `content-type,${TABLE_UPDATED_HEADER.toLowerCase()}` },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("https://localhost:3000");
    expect(preflight.headers.get("access-control-allow-headers")).toMatch(new RegExp(TABLE_UPDATED_HEADER, "i"));
    const ours = await fetch(`${p.baseUrl}/config`, { headers: { Origin: "https://localhost:3000" } });
    expect(ours.headers.get("access-control-allow-origin")).toBe("https://localhost:3000");
    expect(ours.headers.get("access-control-expose-headers")).toMatch(new RegExp(SHARED_CACHE_HEADER, "i"));
    const theirs = await fetch(`${p.baseUrl}/config`, { headers: { Origin: "https://evil.example" } });
    expect(theirs.headers.get("access-control-allow-origin")).toBeNull();
    // Nothing but SSB's two APIs goes through.
    expect((await fetch(`${p.origin}/etc/passwd`)).status).toBe(404);
    expect((await fetch(`${p.baseUrl}/config`, { method: "DELETE" })).status).toBe(405);
  });
});

describe("the product's client through the cache", () => {
  const pmk = templateIndicators(templateById("plan-miljo-kultur")!);
  const asss = networkMembers(networkById("asss")!, 2017).map((id) => municipalityById(id)!);
  const load = (baseUrl: string) =>
    loadFromSsb(
      { indicators: pmk, municipalities: asss, years: [2016, 2017], weighted: true },
      { client: new SsbClient({ baseUrl, backoffMs: 20, timeoutMs: 10_000, limiter: new RateLimiter({ maxCalls: 1000, windowMs: 60_000 }) }) },
    );

  it("loads the same profile as straight from SSB, a second economist's load sends SSB nothing, and the table's `updated` goes along", async () => {
    ssb.setUpdated("12362", "2026-03-15T07:00:00Z");
    const direct = await load(ssb.baseUrl);
    const p = await start({ "ssb-rate": "6000r/m" });
    const before = ssb.requests.length;
    const first = await load(p.baseUrl);
    const sentByFirst = ssb.requests.length - before;
    expect(sentByFirst).toBeGreaterThan(0);
    const second = await load(p.baseUrl);
    expect(ssb.requests.length - before).toBe(sentByFirst);
    const profile = (d: typeof direct.dataset) => benchmark(d, { sector: "plan-miljo-kultur", focal: "baerum", year: 2017, network: "asss", comparisons: [], average: "indicator", includeOslo: true, includeFocal: true }).rows.map((r) => [r.indicator.id, r.value, r.average]);
    expect(profile(first.dataset)).toEqual(profile(direct.dataset));
    expect(profile(second.dataset)).toEqual(profile(direct.dataset));
    // The data requests named the table's `updated` (the client learnt from /config that it
    // is behind the cache): 12362's cache entries are keyed by it.
    const keys = cacheKeys(`${p.dir}/cache`).filter((k) => k.includes("/tables/12362/data"));
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k.includes("|2026-03-15T07:00:00Z|"))).toBe(true);
  });
});
