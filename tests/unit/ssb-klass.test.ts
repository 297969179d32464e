/**
 * SSB's KOSTRA grouping from Klass (131→112): reading the answer tolerantly, mapping codes
 * to the registry's municipalities, and the client path against the local test server's
 * SYNTHETIC Klass (same host, same rate limiter, errors in words, the cache).
 */
import { clearKostraGroups, kostraGroupOf, registerKostraGroups } from "../../src/kostra/registry/aggregates";
import { SsbClient } from "../../src/sources/ssb/client";
import { MemoryResponseCache } from "../../src/sources/ssb/cache-memory";
import {
  klassBaseUrlFor,
  kostraGroupsUrl,
  loadKostraGroups,
  loadKostraGroupsForYears,
  membershipForYear,
  normalizeKostraGroupCode,
  parseKostraGroups,
} from "../../src/sources/ssb/klass";
import { resetSharedRateLimiters, sharedRateLimiter } from "../../src/sources/ssb/rate-limiter";
import { SsbError } from "../../src/sources/ssb/types";
import { ssbFailure } from "../support/ssb-failure";
import { KLASS_PATH, startPxWebServer, syntheticKostraGroups, type PxWebServer } from "../support/pxweb-server";

const item = (sourceCode: string, targetCode: string, sourceName = "", targetName = "") => ({ sourceCode, sourceName, targetCode, targetName });
const body = (...items: object[]) => JSON.stringify({ correspondenceItems: items });

describe("reading Klass's correspondence", () => {
  it.each([
    ["EKG07", "ekg07"],
    ["ekg7", "ekg07"],
    ["07", "ekg07"],
    ["7", "ekg07"],
    ["K07", "ekg07"],
    ["KOSTRA-gruppe 13", "ekg13"],
    [" EKG17 ", "ekg17"],
  ])("reads the group code %p as %p", (code, id) => {
    expect(normalizeKostraGroupCode(code)).toBe(id);
  });

  it.each(["0301", "1119", "99", "18", "0", "EKG", "EAKUO", "", null, undefined])("does not read %p as a group", (code) => {
    expect(normalizeKostraGroupCode(code)).toBeUndefined();
  });

  it("reads 131→112 and 112→131 alike, whatever the group code looks like", () => {
    const a = parseKostraGroups(body(item("1119", "EKG07", "Hå", "KOSTRA-gruppe 7"), item("0301", "13")));
    const b = parseKostraGroups(body(item("7", "1119", "KOSTRA-gruppe 7", "Hå"), item("EKG13", "0301")));
    const expected = [
      { municipalityCode: "1119", group: "ekg07" },
      { municipalityCode: "0301", group: "ekg13" },
    ];
    expect(a.items).toMatchObject(expected);
    expect(b.items).toMatchObject(expected);
    expect(a.items[0].municipalityName).toBe("Hå");
  });

  it("falls back to the group's name when its code is unreadable, skips rows without a municipality and keeps a municipality once", () => {
    const r = parseKostraGroups(body(item("1119", "X7", "Hå", "KOSTRA-gruppe 7"), item("9999", "??"), item("1119", "EKG08"), item("Uoppgitt", "EKG01")));
    expect(r.items).toEqual([{ municipalityCode: "1119", municipalityName: "Hå", group: "ekg07" }]);
    expect(r.skipped).toEqual(["9999→??", "Uoppgitt→EKG01"]);
  });

  it("rejects what is not Klass JSON with a message naming Klass, and accepts an empty list", () => {
    for (const bad of ["<xml/>", "{}", '{"correspondenceItems": 3}', "null"]) {
      try {
        parseKostraGroups(bad, "http://x/klass");
        throw new Error("no error");
      } catch (e) {
        expect(e).toBeInstanceOf(SsbError);
        expect((e as SsbError).kind).toBe("bad-response");
        expect((e as SsbError).text.nb).toMatch(/Klass.*KOSTRA-gruppen/);
      }
    }
    expect(parseKostraGroups(body()).items).toEqual([]);
  });

  it("maps codes to the registry's municipalities by the code valid in the year", () => {
    // Bærum was 0219 until 2019 and 3024 in 2020–2023; 3024 in 2019 and unknown codes are reported, not guessed.
    const parsed = parseKostraGroups(body(item("0219", "EKG13"), item("3024", "EKG13"), item("1119", "EKG07"), item("7777", "EKG01")));
    const y2019 = membershipForYear(parsed, 2019);
    expect(y2019.groups).toEqual({ baerum: "ekg13", ha: "ekg07" });
    expect(y2019.unknownCodes).toEqual(["3024", "7777"]);
    expect(membershipForYear(parsed, 2021).groups).toEqual({ baerum: "ekg13", ha: "ekg07" });
    expect(membershipForYear(parsed, 2021).unknownCodes).toEqual(["0219", "7777"]);
  });

  it("puts Klass beside the PxWebApi address, with the documented parameters", () => {
    expect(klassBaseUrlFor("https://data.ssb.no/api/pxwebapi/v2")).toBe("https://data.ssb.no/api/klass/v1");
    expect(klassBaseUrlFor("https://proxy.kommune.no/ssb/api/pxwebapi/v2/")).toBe("https://proxy.kommune.no/ssb/api/klass/v1");
    expect(klassBaseUrlFor("https://proxy.kommune.no/ssb")).toBe("https://data.ssb.no/api/klass/v1");
    const url = new URL(kostraGroupsUrl("https://data.ssb.no/api/klass/v1", 2021));
    expect(url.pathname).toBe("/api/klass/v1/classifications/131/correspondsAt");
    expect(Object.fromEntries(url.searchParams)).toEqual({ targetClassificationId: "112", date: "2021-01-01", language: "nb" });
  });
});

describe("loading the grouping from the (SYNTHETIC) Klass of the local server", () => {
  let server: PxWebServer;
  beforeEach(() => resetSharedRateLimiters());
  afterEach(async () => {
    clearKostraGroups();
    await server?.close();
  });

  const klassRequests = () => server.requests.filter((r) => r.path.startsWith(KLASS_PATH));

  it("gives every municipality of the year its group, Hå in group 7, and sends JSON's Accept header through the client", async () => {
    server = await startPxWebServer({ klass: {} });
    const client = new SsbClient({ baseUrl: server.baseUrl });
    const r = await loadKostraGroups(2021, { client, now: () => new Date("2026-02-01T10:00:00Z") });
    const expected = syntheticKostraGroups(2021);
    expect(Object.keys(r.groups)).toHaveLength(expected.size);
    expect(r.groups.ha).toBe("ekg07");
    expect(r.groups.oslo).toBe("ekg13");
    expect(r.unknownCodes).toEqual([]);
    expect(r).toMatchObject({ year: 2021, date: "2021-01-01", fromCache: false, stale: false, fetchedAt: "2026-02-01T10:00:00.000Z", source: "SSB Klass 131→112, 2021-01-01" });
    expect(klassRequests()).toHaveLength(1);
    expect(klassRequests()[0].query).toMatchObject({ targetClassificationId: "112", date: "2021-01-01" });
  });

  it.each(["07", "7"] as const)("reads group codes written as %p", async (codeFormat) => {
    server = await startPxWebServer({ klass: { codeFormat } });
    const r = await loadKostraGroups(2022, { client: new SsbClient({ baseUrl: server.baseUrl }) });
    expect(r.groups.ha).toBe("ekg07");
    expect(Object.values(r.groups).every((g) => /^ekg(0[1-9]|1[0-7])$/.test(g))).toBe(true);
  });

  it("asks 112→131 once when 131→112 is not found", async () => {
    server = await startPxWebServer({ klass: { directions: ["112-131"] } });
    const r = await loadKostraGroups(2021, { client: new SsbClient({ baseUrl: server.baseUrl }) });
    expect(r.groups.ha).toBe("ekg07");
    expect(r.source).toBe("SSB Klass 112→131, 2021-01-01");
    expect(klassRequests().map((x) => x.path)).toEqual([`${KLASS_PATH}/classifications/131/correspondsAt`, `${KLASS_PATH}/classifications/112/correspondsAt`]);
  });

  it("labels a cached 112→131 answer as such, and asks SSB again when the cached copy is damaged", async () => {
    server = await startPxWebServer({ klass: { directions: ["112-131"] } });
    const cache = new MemoryResponseCache();
    const client = () => new SsbClient({ baseUrl: server.baseUrl });
    await loadKostraGroups(2021, { client: client(), cache });
    const again = await loadKostraGroups(2021, { client: client(), cache });
    expect(again).toMatchObject({ fromCache: true, source: "SSB Klass 112→131, 2021-01-01" });
    const before = klassRequests().length;
    // Damage the cached copy: the next load asks SSB rather than failing.
    const key = `GET ${kostraGroupsUrl(klassBaseUrlFor(server.baseUrl), 2021, "no")}`;
    expect(await cache.get(key)).toBeDefined();
    await cache.set(key, { body: "{ not json", fetchedAt: "2026-01-01T00:00:00.000Z" });
    const fresh = await loadKostraGroups(2021, { client: client(), cache });
    expect(fresh).toMatchObject({ fromCache: false });
    expect(fresh.groups.ha).toBe("ekg07");
    expect(klassRequests().length).toBeGreaterThan(before);
  });

  it("says in words that SSB has no grouping for a year (404, or an empty list), and loads the other years", async () => {
    server = await startPxWebServer({ klass: { years: [2020, 2026] } });
    const client = new SsbClient({ baseUrl: server.baseUrl });
    const err = await ssbFailure(loadKostraGroups(2017, { client }));
    expect(err).toBeInstanceOf(SsbError);
    expect(err.kind).toBe("not-found");
    expect(err.text.nb).toBe("SSB har ingen KOSTRA-gruppering for 2017 i klassifikasjonsdatabasen Klass (kommuner → KOSTRA-grupper). Velg KOSTRA-gruppen selv.");
    expect(err.text.en).toMatch(/^SSB has no KOSTRA grouping for 2017/);

    const both = await loadKostraGroupsForYears([2019, 2020], { client });
    expect(both.loaded.map((x) => x.year)).toEqual([2020]);
    expect(both.failures.map((f) => [f.year, f.error.kind])).toEqual([[2019, "not-found"]]);

    const empty = await ssbFailure(
      loadKostraGroups(2021, {
        client: new SsbClient({ baseUrl: server.baseUrl, fetch: (async () => new Response(body(), { status: 200 })) as unknown as typeof fetch }),
      }),
    );
    expect(empty.kind).toBe("not-found");
  });

  it("counts its requests against the same SSB quota as the table requests", async () => {
    server = await startPxWebServer({ klass: {} });
    const limiter = sharedRateLimiter(server.baseUrl, { maxCalls: 2, windowMs: 60_000 });
    const tables = new SsbClient({ baseUrl: server.baseUrl });
    const groups = new SsbClient({ baseUrl: server.baseUrl });
    expect(groups.limiter).toBe(limiter);
    await tables.tableInfo("12362");
    expect(limiter.plannedDelay()).toBe(0);
    await loadKostraGroups(2021, { client: groups });
    // Two starts in the window: a third request, of either kind, must wait.
    expect(limiter.plannedDelay()).toBeGreaterThan(50_000);
  });

  it("retries a 503 and names the grouping when SSB keeps failing; a cached copy is used then", async () => {
    server = await startPxWebServer({ klass: {} });
    const cache = new MemoryResponseCache();
    const fast = () => new SsbClient({ baseUrl: server.baseUrl, backoffMs: 1, maxRetries: 1 });
    server.failNext(1, { status: 503 }, (r) => r.path.startsWith(KLASS_PATH));
    const first = await loadKostraGroups(2021, { client: fast(), cache });
    expect(first.groups.ha).toBe("ekg07");
    expect(klassRequests()).toHaveLength(2);

    // cache-first: no request at all.
    const again = await loadKostraGroups(2021, { client: fast(), cache });
    expect(again).toMatchObject({ fromCache: true, stale: false, fetchedAt: first.fetchedAt });
    expect(klassRequests()).toHaveLength(2);

    // refresh while SSB fails: the cached copy, with a warning saying so.
    server.failNext(5, { status: 503 }, (r) => r.path.startsWith(KLASS_PATH));
    const stale = await loadKostraGroups(2021, { client: fast(), cache, policy: "refresh" });
    expect(stale).toMatchObject({ fromCache: true, stale: true });
    expect(stale.groups.ha).toBe("ekg07");
    expect(stale.warnings[0].nb).toMatch(/^Kunne ikke hente KOSTRA-grupperingen for 2021 fra SSB \(Klass\): SSB gjennom mellomtjeneren «http:\/\/127\.0\.0\.1:\d+» svarer ikke.*hurtigbufferen/);

    // Without a copy the failure is the client's, in words about the grouping.
    server.failNext(5, { status: 503 }, (r) => r.path.startsWith(KLASS_PATH));
    const err = await ssbFailure(loadKostraGroups(2022, { client: fast() }));
    expect(err.kind).toBe("unavailable");
    expect(err.text.en).toMatch(/^Could not load the KOSTRA grouping for 2022 from SSB \(Klass\): SSB through the proxy "http:\/\/127\.0\.0\.1:\d+" is not answering/);
  });

  it("stops at once when cancelled", async () => {
    server = await startPxWebServer({ klass: {} });
    const controller = new AbortController();
    controller.abort();
    const err = await ssbFailure(loadKostraGroups(2021, { client: new SsbClient({ baseUrl: server.baseUrl }), signal: controller.signal }));
    expect(err.kind).toBe("cancelled");
    await expect(loadKostraGroupsForYears([2021], { client: new SsbClient({ baseUrl: server.baseUrl }), signal: controller.signal })).rejects.toMatchObject({ kind: "cancelled" });
    expect(klassRequests()).toHaveLength(0);
  });

  it("registered, the loaded grouping answers kostraGroupOf for the year", async () => {
    server = await startPxWebServer({ klass: {} });
    expect(kostraGroupOf("ha", 2021)).toBeUndefined();
    const r = await loadKostraGroups(2021, { client: new SsbClient({ baseUrl: server.baseUrl }) });
    registerKostraGroups(r.year, r.groups, { description: r.source, url: r.url, fetchedAt: r.fetchedAt });
    expect(kostraGroupOf("ha", 2021)).toBe("ekg07");
    expect(kostraGroupOf("ha", 2022)).toBeUndefined();
  });
});
