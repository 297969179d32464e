/**
 * Loading from SSB over real HTTP against the local PxWebApi 2 server: planning,
 * code-by-year selection, splitting, every error status, retries, timeouts, cancel,
 * the cache (hit, refresh, offline with and without it) and partial failures.
 */
import { templateById, templateIndicators } from "../../src/kostra/catalog";
import { municipalityById } from "../../src/kostra/municipalities";
import { networkById, networkMembers } from "../../src/kostra/networks";
import { withRatios } from "../../src/kostra/ratios";
import type { Municipality, Observation } from "../../src/kostra/types";
import { SsbClient, type SsbClientOptions } from "../../src/sources/ssb/client";
import { MemoryResponseCache } from "../../src/sources/ssb/cache-memory";
import { loadFromSsb, type SsbLoadOptions } from "../../src/sources/ssb/load";
import type { LoadRequest } from "../../src/sources/ssb/planner";
import { RateLimiter } from "../../src/sources/ssb/rate-limiter";
import { SsbError } from "../../src/sources/ssb/types";
import { startPxWebServer, type PxWebServer } from "../support/pxweb-server";
import { worldCell } from "../support/pxweb-world";

const m = (id: string) => municipalityById(id)!;
const years = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const pmk = templateIndicators(templateById("plan-miljo-kultur")!);
const tt = templateIndicators(templateById("tekniske-tjenester")!);

function networkOver(ys: number[], extra: string[] = []): Municipality[] {
  const ids = new Set<string>(extra);
  for (const y of ys) for (const id of networkMembers(networkById("asss")!, y)) ids.add(id);
  return [...ids].map(m);
}

let server: PxWebServer;
beforeEach(async () => {
  server = await startPxWebServer();
});
afterEach(async () => {
  await server.close();
});

const dataRequests = () => server.requests.filter((r) => r.path.endsWith("/data"));

function client(extra: Partial<SsbClientOptions> = {}): SsbClient {
  return new SsbClient({
    baseUrl: server.baseUrl,
    backoffMs: 20,
    // The local server answers in milliseconds; the margin is for a test machine under load.
    // The tests of timeouts and cancelling set their own.
    timeoutMs: 10_000,
    limiter: new RateLimiter({ maxCalls: 30, windowMs: 60_000 }),
    ...extra,
  });
}

const load = (request: LoadRequest, options: Partial<SsbLoadOptions> = {}) => loadFromSsb(request, { client: client(), ...options });

const find = (obs: Observation[], indicator: string, municipality: string, year: number) =>
  obs.find((o) => o.indicator === indicator && o.municipality === municipality && o.year === year);

const strip = (obs: Observation[]) =>
  obs
    .map((o) => ({ indicator: o.indicator, municipality: o.municipality, year: o.year, code: o.code, value: o.value, status: o.status }))
    .sort((a, b) => `${a.indicator}/${a.municipality}/${a.year}`.localeCompare(`${b.indicator}/${b.municipality}/${b.year}`));

async function errorOf(p: Promise<unknown>): Promise<SsbError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SsbError) return e;
    throw e;
  }
  throw new Error("expected an SsbError");
}

describe("loading from SSB", () => {
  it("loads both templates over 10 years with one request per table, each value with provenance", async () => {
    const ys = years(2015, 2024);
    const result = await load({ indicators: [...pmk, ...tt], municipalities: networkOver(ys, ["baerum", "asker"]), years: ys, weighted: false });
    // Road cost per km is fetched as its series: f332 gross (12362) and road length (11814);
    // f392 (valid to 2020) is asked for on its own, for 2015–2020 only.
    expect(dataRequests().map((r) => r.path).sort()).toEqual(["/tables/11814/data", "/tables/12362/data", "/tables/12362/data", "/tables/12842/data"]);
    expect(result.requests).toBe(8); // /config, metadata of each of the 3 tables, and data for each table and period
    expect(result.complete).toBe(true);
    expect(result.missing).toEqual([]);
    const obs = result.dataset.observations;
    expect(find(obs, "kommunale-veier-brutto-belop", "baerum", 2017)).toMatchObject({ code: "0219", value: 101811 });
    expect(find(obs, "km-kommunale-veier", "baerum", 2017)).toMatchObject({ code: "0219", value: 367.0677054978 });
    // KS: A × 1000 ÷ B = 101 811 × 1000 ÷ 367.0677054978 = 277 363 kr per km, the seed's Bærum 2017 figure.
    expect(find(withRatios(result.dataset).observations, "vei-per-km", "baerum", 2017)!.value).toBeCloseTo(277363, 6);
    expect(find(obs, "kunstformidling", "baerum", 2017)).toMatchObject({ code: "0219", value: 141 });
    expect(find(obs, "arsgebyr-avfall", "baerum", 2017)).toMatchObject({ value: 2550 });
    const p = result.dataset.provenance[find(obs, "bibliotek", "oslo", 2020)!.provenance];
    expect(p).toMatchObject({ source: "ssb", table: "12362" });
    expect(p.query).toContain("/tables/12362/data?lang=no&outputFormat=json-stat2");
    expect(p.updated).toEqual(expect.any(String));
    expect(p.fetchedAt).toEqual(expect.any(String));
    expect(p.notes!.length).toBeGreaterThan(0);
  });

  it("selects the code of each year across 2019/2020 and 2023/2024, never taking SSB's 0 for an invalid code", async () => {
    const result = await load({ indicators: pmk, municipalities: [m("baerum"), m("bergen"), m("tromso")], years: [2019, 2020, 2023, 2024], weighted: false });
    // f392 is valid to 2020, so 2019–2020 (with f392) and 2023–2024 are two requests, each with the codes of its own years.
    const asked = dataRequests().map((r) => [r.query["valueCodes[Tid]"], r.query["valueCodes[KOKkommuneregion0000]"].split(",")]);
    expect(asked).toEqual([
      ["2019,2020", ["0219", "3024", "1201", "4601", "1902", "5401"]],
      ["2023,2024", ["3024", "3201", "4601", "5401", "5501"]],
    ]);
    const obs = result.dataset.observations;
    expect(find(obs, "bibliotek", "baerum", 2019)!.code).toBe("0219");
    expect(find(obs, "bibliotek", "baerum", 2020)!.code).toBe("3024");
    expect(find(obs, "bibliotek", "baerum", 2023)!.code).toBe("3024");
    expect(find(obs, "bibliotek", "baerum", 2024)!.code).toBe("3201");
    expect(find(obs, "bibliotek", "tromso", 2024)!.code).toBe("5501");
    // SSB shows Bergen's old code 1201 as 0 in 2020; the 2020 value comes from 4601.
    const bergen2020 = find(obs, "bibliotek", "bergen", 2020)!;
    expect(bergen2020.code).toBe("4601");
    expect(bergen2020.value).toBe(worldCell("12362", { KOKkommuneregion0000: "4601", KOKfunksjon0000: "370", KOKart0000: "AGD2", ContentsCode: "KOSbelopinnbygge0000", Tid: "2020" }).value);
    expect(obs.filter((o) => o.municipality === "baerum" && o.indicator === "bibliotek")).toHaveLength(4);
  });

  it("splits a load over the cell limit and reassembles identical observations", async () => {
    const request = { indicators: pmk, municipalities: networkOver(years(2015, 2024)), years: years(2015, 2024), weighted: false };
    const whole = await load(request);
    await server.close();
    server = await startPxWebServer({ maxDataCells: 500 });
    const split = await load(request);
    expect(dataRequests().length).toBeGreaterThan(1);
    expect(strip(split.dataset.observations)).toEqual(strip(whole.dataset.observations));
  });

  it("splits and carries on when SSB says too many cells although /config allowed them", async () => {
    server.failNext(1, { status: 403, problem: { title: "Forbidden", detail: "Too many cells selected" } }, (r) => r.path.endsWith("/data"));
    const result = await load({ indicators: pmk, municipalities: [m("baerum"), m("oslo")], years: [2016, 2017], weighted: false });
    expect(dataRequests()).toHaveLength(3);
    expect(result.complete).toBe(true);
    expect(find(result.dataset.observations, "kunstformidling", "baerum", 2017)!.value).toBe(141);
    expect(result.warnings.map((w) => w.nb)).toContain("For mange celler — spørringen deles opp.");
  });

  it.each([
    [429, "rate-limited"],
    [503, "unavailable"],
  ])("retries a %i (honouring Retry-After) and then succeeds", async (status) => {
    server.failNext(2, { status, retryAfterSeconds: 1 }, (r) => r.path.endsWith("/data"));
    const t0 = Date.now();
    const result = await load({ indicators: pmk, municipalities: [m("baerum")], years: [2017], weighted: false });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1900);
    expect(dataRequests()).toHaveLength(3);
    expect(result.complete).toBe(true);
  });

  it.each([
    [{ status: 400, problem: { title: "Bad Request", detail: "Non-existent value 9999 for variable KOKkommuneregion0000" } }, "unknown-value", /SSB kjenner ikke verdien 9999 for variabelen KOKkommuneregion0000/],
    [{ status: 404, problem: { title: "Not Found", detail: "Table not found" } }, "not-found", /SSB finner ikke tabell 12362/],
    [{ status: 503 }, "unavailable", /SSB gjennom mellomtjeneren «http:\/\/127\.0\.0\.1:\d+» svarer ikke — prøv igjen, eller last inn en nedlastet fil/],
    [{ status: 429, retryAfterSeconds: 0 }, "rate-limited", /for mange forespørsler/],
    [{ status: 500, body: "<html>oops</html>", contentType: "text/html" }, "unavailable", /SSB .*svarer ikke/],
  ])("reports a failing request (%#) with a message naming what failed and what to do", async (failure, kind, message) => {
    server.failNext(100, failure, (r) => r.path.endsWith("/data"));
    const e = await errorOf(loadFromSsb({ indicators: pmk, municipalities: [m("baerum")], years: [2017], weighted: false }, { client: client({ maxRetries: 1 }) }));
    expect(e.kind).toBe(kind);
    expect(e.messageIn("nb")).toMatch(message);
    expect(e.detail).toBeDefined();
  });

  it("times out a slow answer, and retries a dropped connection once", async () => {
    server.delayNext(1, 1500, (r) => r.path.endsWith("/data"));
    const e = await errorOf(loadFromSsb({ indicators: pmk, municipalities: [m("baerum")], years: [2017], weighted: false }, { client: client({ timeoutMs: 300, maxRetries: 0 }) }));
    expect(e.kind).toBe("timeout");

    server.dropNext(1, (r) => r.path.endsWith("/data"));
    const before = dataRequests().length;
    const ok = await load({ indicators: pmk, municipalities: [m("baerum")], years: [2017], weighted: false });
    expect(ok.complete).toBe(true);
    expect(dataRequests().length - before).toBe(2);
  });

  it("cancels a load in flight and returns nothing", async () => {
    server.delayNext(1, 60_000, (r) => r.path.endsWith("/data"));
    const controller = new AbortController();
    const held = server.nextRequest((r) => r.path.endsWith("/data"));
    const p = load({ indicators: pmk, municipalities: [m("baerum")], years: [2017], weighted: false }, { signal: controller.signal });
    // Cancelled while SSB holds the data request.
    await held;
    controller.abort();
    const e = await errorOf(p);
    expect(e.kind).toBe("cancelled");
  });

  it("serves a second load from the cache without asking SSB, also offline", async () => {
    const cache = new MemoryResponseCache();
    const request = { indicators: [...pmk, ...tt], municipalities: networkOver([2017], ["asker"]), years: [2017], weighted: false };
    const first = await load(request, { cache });
    const before = server.requests.length;
    const second = await load(request, { cache });
    expect(server.requests.length - before).toBe(0); // nothing: data and /config come from the cache
    expect(second.fromCache.map((c) => c.table).sort()).toEqual(["11814", "12362", "12842"]);
    expect(strip(second.dataset.observations)).toEqual(strip(first.dataset.observations));

    const offline = await loadFromSsb(request, { client: client({ isOnline: () => false }), cache });
    expect(strip(offline.dataset.observations)).toEqual(strip(first.dataset.observations));
    expect(offline.fromCache[0].fetchedAt).toBe(first.dataset.provenance[0].fetchedAt);
  });

  it("says what to do when offline without a cache", async () => {
    const e = await errorOf(loadFromSsb({ indicators: pmk, municipalities: [m("baerum")], years: [2017], weighted: false }, { client: client({ isOnline: () => false }) }));
    expect(e.kind).toBe("offline");
    expect(e.messageIn("nb")).toMatch(/Ingen nettverksforbindelse/);
  });

  it("refresh (the pane's Oppdater, --refresh) fetches again without reading the cache, and renews the cached copy", async () => {
    const cache = new MemoryResponseCache();
    const request = { indicators: pmk, municipalities: [m("baerum")], years: [2017], weighted: false };
    const first = await load(request, { cache });
    const before = dataRequests().length;
    server.setUpdated("12362", "2026-03-15T07:00:00Z");
    const refreshed = await load(request, { cache, policy: "refresh" });
    expect(dataRequests().length).toBe(before + 1);
    expect(refreshed.fromCache).toHaveLength(0);
    expect(refreshed.dataset.provenance[0].updated).toBe("2026-03-15T07:00:00Z");
    expect(refreshed.dataset.provenance[0].fetchedAt! >= first.dataset.provenance[0].fetchedAt!).toBe(true);
    // The renewed copy is what cache-first serves next.
    const next = await load(request, { cache });
    expect(dataRequests().length).toBe(before + 1);
    expect(next.dataset.provenance[0].updated).toBe("2026-03-15T07:00:00Z");
  });

  it("falls back to the cache when SSB fails, and says so", async () => {
    const cache = new MemoryResponseCache();
    const request = { indicators: pmk, municipalities: [m("baerum")], years: [2017], weighted: false };
    await load(request, { cache });
    server.setUpdated("12362", "2026-03-15T07:00:00Z");
    server.failNext(100, { status: 503 }, (r) => r.path.endsWith("/data"));
    const r = await loadFromSsb(request, { client: client({ maxRetries: 0 }), cache, policy: "refresh" });
    expect(r.complete).toBe(true);
    expect(r.fromCache[0].stale).toBe(true);
    expect(r.warnings[0].nb).toMatch(/Viser tall fra hurtigbufferen, hentet/);
  });

  it("reports exactly which indicators and years are missing when one table fails", async () => {
    server.failNext(100, { status: 503 }, (r) => r.path === "/tables/12842/data");
    const r = await loadFromSsb(
      { indicators: tt.filter((i) => i.ssb?.table !== null), municipalities: [m("baerum"), m("oslo")], years: [2016, 2017], weighted: false },
      { client: client({ maxRetries: 1 }) },
    );
    expect(r.complete).toBe(false);
    expect(r.missing).toEqual([{ indicator: "arsgebyr-avfall", years: [2016, 2017], reason: expect.objectContaining({ nb: expect.stringMatching(/SSB .*svarer ikke/) }) }]);
    expect(find(r.dataset.observations, "idrett", "baerum", 2017)!.value).toBe(122);
    expect(r.dataset.observations.some((o) => o.indicator === "arsgebyr-avfall")).toBe(false);
  });

  it("loads population for a weighted average from the amount series", async () => {
    const r = await load({ indicators: pmk, municipalities: [m("baerum")], years: [2017], weighted: true });
    const pop = find(r.dataset.observations, "folkemengde", "baerum", 2017)!;
    expect(pop.value).toBeGreaterThan(100_000);
    expect(pop.value).toBeLessThan(150_000);
  });
});
