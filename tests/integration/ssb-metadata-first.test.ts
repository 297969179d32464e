/**
 * Metadata first, over real HTTP against the local PxWebApi 2 server (SYNTHETIC data):
 * a load reads each table's metadata once, asks only for the codes and years the table
 * has, names what it lacks, and never sends a data request with a selection nobody
 * checked. In the catalog world 13502 (barnehage key figures) begins in 2020, as SSB's
 * does; 12362 and 12272 go back to 2015.
 */
import { INDICATORS, templateById, templateIndicators } from "../../src/kostra/catalog";
import { municipalityById } from "../../src/kostra/municipalities";
import type { Indicator } from "../../src/kostra/types";
import { MemoryResponseCache } from "../../src/sources/ssb/cache-memory";
import { SsbClient } from "../../src/sources/ssb/client";
import { loadFromSsb, type SsbLoadOptions } from "../../src/sources/ssb/load";
import type { LoadRequest } from "../../src/sources/ssb/planner";
import { RateLimiter } from "../../src/sources/ssb/rate-limiter";
import { startPxWebServer, type LoggedRequest, type PxWebServer } from "../support/pxweb-server";

const m = (id: string) => municipalityById(id)!;
// Barnehage's key figures read 12562 before 2020 (their `earlier` series); without it, as a
// user's own pick from 13502 would be, a load before 2020 asks 13502 for years it lacks.
const barnehage = templateIndicators(templateById("barnehage")!).map((i) => {
  const own = { ...i };
  delete own.earlier;
  return own;
});
const pmk = templateIndicators(templateById("plan-miljo-kultur")!);
const on13502 = barnehage.filter((i) => i.ssb?.table === "13502").map((i) => i.id);

let server: PxWebServer;
afterEach(async () => {
  await server?.close();
});

const client = () => new SsbClient({ baseUrl: server.baseUrl, backoffMs: 5, timeoutMs: 2000, maxRetries: 1, limiter: new RateLimiter({ maxCalls: 1000, windowMs: 60_000 }) });
const load = (request: LoadRequest, options: Partial<SsbLoadOptions> = {}) => loadFromSsb(request, { client: client(), ...options });
const requestsTo = (kind: "data" | "metadata" | "info", table?: string) =>
  server.requests.filter((r) => {
    const p = /^\/tables\/([^/]+)(\/metadata|\/data)?$/.exec(r.path);
    if (!p || (table !== undefined && p[1] !== table)) return false;
    return kind === "info" ? p[2] === undefined : p[2] === `/${kind}`;
  });
const yearsAsked = (r: LoggedRequest) => r.query["valueCodes[Tid]"].split(",");

describe("a load asking for years a table lacks", () => {
  it("loads every other year of that table and every other table, and names the missing years per indicator", async () => {
    server = await startPxWebServer({ world: "catalog" });
    const r = await load({ indicators: barnehage, municipalities: [m("baerum"), m("bergen")], years: [2018, 2019, 2020, 2021], weighted: false });
    // 13502 is asked only for the years it has; no request is answered 400.
    expect(requestsTo("data", "13502").map(yearsAsked)).toEqual([["2020", "2021"]]);
    expect(requestsTo("data", "12362").map(yearsAsked)).toEqual([["2018", "2019", "2020", "2021"]]);
    expect(requestsTo("data").length).toBe(3);
    expect(r.complete).toBe(true);
    expect(r.missing).toEqual([]);
    expect(r.absent).toEqual(on13502.map((indicator) => ({ indicator, years: [2018, 2019], reason: { nb: "Tabell 13502 har ikke 2018, 2019", en: "Table 13502 has no 2018, 2019" } })));
    const has = (indicator: string, year: number) => r.dataset.observations.some((o) => o.indicator === indicator && o.municipality === "baerum" && o.year === year);
    for (const y of [2020, 2021]) expect(has(on13502[0], y)).toBe(true);
    for (const y of [2018, 2019, 2020, 2021]) expect(has("barnehage-netto-per-innbygger", y)).toBe(true);
    for (const y of [2018, 2019, 2020, 2021]) expect(has("barnehage-andel-minoritetsspraklige", y)).toBe(true);
  });

  it("sends no data request to a table that has none of the years", async () => {
    server = await startPxWebServer({ world: "catalog" });
    const r = await load({ indicators: barnehage, municipalities: [m("baerum")], years: [2016, 2017], weighted: false });
    expect(requestsTo("metadata", "13502")).toHaveLength(1);
    expect(requestsTo("data", "13502")).toHaveLength(0);
    expect(r.complete).toBe(true);
    expect(r.absent.map((a) => [a.indicator, a.reason.nb])).toEqual(on13502.map((i) => [i, "Tabell 13502 har ikke 2016, 2017"]));
    expect(r.dataset.observations.some((o) => o.indicator === "barnehage-netto-per-innbygger" && o.year === 2017)).toBe(true);
  });
});

describe("a catalog code the table lacks", () => {
  it("loses only that indicator, named, and the rest of the table loads", async () => {
    server = await startPxWebServer();
    const bibliotek = INDICATORS.find((i) => i.id === "bibliotek")!;
    const wrong: Indicator = { ...bibliotek, id: "bibliotek-feil-funksjon", ssb: { ...bibliotek.ssb!, select: { ...bibliotek.ssb!.select, KOKfunksjon0000: ["999"] } } };
    const r = await load({ indicators: [...pmk, wrong], municipalities: [m("baerum")], years: [2017], weighted: false });
    const data = requestsTo("data", "12362");
    expect(data).toHaveLength(1);
    expect(data[0].query["valueCodes[KOKfunksjon0000]"].split(",")).not.toContain("999");
    expect(r.complete).toBe(true);
    expect(r.absent).toEqual([
      {
        indicator: "bibliotek-feil-funksjon",
        years: [2017],
        reason: { nb: "Tabell 12362 har ikke koden 999 i KOKfunksjon0000 (indikator bibliotek-feil-funksjon)", en: "Table 12362 has no code 999 in KOKfunksjon0000 (indicator bibliotek-feil-funksjon)" },
      },
    ]);
    expect(new Set(r.dataset.observations.map((o) => o.indicator))).toEqual(new Set(pmk.map((i) => i.id)));
  });
});

describe("metadata once per table and load, from the cache next time", () => {
  it("asks each table's metadata once even when the data is split, then serves it from the cache, and refetches it when SSB changed the table", async () => {
    server = await startPxWebServer({ maxDataCells: 1_000 });
    const cache = new MemoryResponseCache();
    const request: LoadRequest = { indicators: pmk, municipalities: ["oslo", "bergen", "trondheim", "stavanger", "baerum", "kristiansand", "drammen", "fredrikstad", "sandnes", "tromso"].map(m), years: [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024], weighted: false };
    let clock = new Date("2026-03-02T08:00:00Z");
    const now = () => clock;
    const first = await load(request, { cache, now });
    expect(requestsTo("data", "12362").length).toBeGreaterThan(1);
    expect(requestsTo("metadata").map((r) => r.path)).toEqual(["/tables/12362/metadata"]);
    expect(first.requests).toBe(1 + 1 + requestsTo("data").length); // /config, the metadata, the data

    // The next load, the same day: metadata and data from the cache, nothing sent.
    const sent = server.requests.length;
    const second = await load(request, { cache, now });
    expect(server.requests.length).toBe(sent);
    expect(second.requests).toBe(0);
    expect(second.fromCache.length).toBe(requestsTo("data", "12362").length);

    // A day later SSB is asked whether the table changed; it did not: the cached metadata stays.
    clock = new Date("2026-03-03T09:00:00Z");
    await load(request, { cache, now });
    expect(requestsTo("info", "12362")).toHaveLength(1);
    expect(requestsTo("metadata")).toHaveLength(1);

    // SSB republishes the table: the next check sees the new `updated` and fetches the metadata again.
    server.setUpdated("12362", "2026-03-04T06:00:00Z");
    clock = new Date("2026-03-05T09:00:00Z");
    await load(request, { cache, now });
    expect(requestsTo("info", "12362")).toHaveLength(2);
    expect(requestsTo("metadata")).toHaveLength(2);
    // "Oppdater" always asks whether the table changed, and fetches the metadata only when it did.
    await load(request, { cache, now, policy: "refresh" });
    expect(requestsTo("info", "12362")).toHaveLength(3);
    expect(requestsTo("metadata")).toHaveLength(2);
  });

  it("uses the cached metadata, saying so, when SSB cannot tell whether the table changed", async () => {
    server = await startPxWebServer();
    const cache = new MemoryResponseCache();
    const request: LoadRequest = { indicators: pmk, municipalities: [m("baerum")], years: [2017], weighted: false };
    await load(request, { cache });
    server.failNext(1, { status: 404 }, (r) => r.path === "/tables/12362");
    const r = await load(request, { cache, policy: "refresh" });
    expect(r.complete).toBe(true);
    expect(r.warnings.map((w) => w.nb).join("\n")).toMatch(/SSB kunne ikke svare på om tabell 12362 er endret; metadata fra hurtigbufferen, hentet .*, brukes\./);
    expect(requestsTo("metadata")).toHaveLength(1);
  });
});

describe("metadata SSB cannot give", () => {
  const request: LoadRequest = { indicators: [...pmk, ...templateIndicators(templateById("tekniske-tjenester")!)], municipalities: [m("baerum")], years: [2017], weighted: false };
  const pmkIds = pmk.map((i) => i.id).sort();

  it.each([
    ["a cut-off answer", (s: PxWebServer) => s.hostileNext(1, { kind: "truncated" }, (r) => r.path === "/tables/12362/metadata"), /svarte med noe som ikke er data/],
    ["another table's answer", (s: PxWebServer) => s.hostileNext(1, { kind: "other-table", table: "12842" }, (r) => r.path === "/tables/12362/metadata"), /metadata for tabell 12842, ikke 12362/],
    ["an SSB error", (s: PxWebServer) => s.failNext(2, { status: 503 }, (r) => r.path === "/tables/12362/metadata"), /svarer ikke — prøv igjen/],
  ])("%s fails that table with a clear message and no data request for it; the other tables load", async (_what, fail, message) => {
    server = await startPxWebServer();
    const cache = new MemoryResponseCache();
    fail(server);
    const r = await load(request, { cache });
    expect(requestsTo("data", "12362")).toHaveLength(0);
    expect(requestsTo("data", "12842")).toHaveLength(1);
    expect(r.complete).toBe(false);
    const failed = r.missing.filter((x) => x.reason.nb.startsWith("Metadata for tabell 12362 kunne ikke leses, så tabellen ble ikke spurt om data."));
    expect(failed.map((x) => x.indicator).filter((i) => pmkIds.includes(i)).sort()).toEqual(pmkIds);
    expect(failed[0].reason.nb).toMatch(message);
    expect(r.dataset.observations.some((o) => o.indicator === "arsgebyr-avfall")).toBe(true);
    // Nothing untrue was cached: the next load asks for the metadata again and loads the table.
    const again = await load(request, { cache });
    expect(requestsTo("metadata", "12362").length).toBeGreaterThanOrEqual(2);
    // (Road cost per km loads as its series, f332 gross from 12362 and road length from 11814.)
    expect([again.complete, again.missing]).toEqual([true, []]);
  });
});
