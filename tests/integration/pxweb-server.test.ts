/**
 * The local PxWebApi 2 server (tests/support/pxweb-server.ts) over its SYNTHETIC world:
 * the shapes it answers with, the failures it can be told to produce, and that its
 * numbers agree with the embedded sample where the sample has them.
 */
import { cell, readJsonStat } from "../../src/sources/ssb/jsonstat";
import { startPxWebServer, type PxWebServer, type PxWebServerOptions } from "../support/pxweb-server";
import { AGES, GENUINE_NULLS, ZERO_INSTEAD_OF_DOT, tableDefinition, worldCell, worldDataset } from "../support/pxweb-world";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const sample = require("../../src/sources/sample/sample-data.json") as { years: number[]; values: Record<string, Record<string, (number | null)[]>> };

const KOSTRA_ORDER = ["KOKkommuneregion0000", "KOKfunksjon0000", "KOKart0000", "ContentsCode", "Tid"];
const PMK_QUERY = {
  KOKkommuneregion0000: "0219,0301",
  KOKfunksjon0000: "377,385",
  KOKart0000: "AGD2",
  ContentsCode: "KOSbelopinnbygge0000",
  Tid: "2015,2016,2017",
};

let server: PxWebServer;
const extraServers: PxWebServer[] = [];

beforeAll(async () => {
  server = await startPxWebServer();
});
afterAll(async () => {
  await Promise.all([server, ...extraServers].map((s) => s.close()));
});

async function startExtra(options: PxWebServerOptions): Promise<PxWebServer> {
  const s = await startPxWebServer(options);
  extraServers.push(s);
  return s;
}

/** A data URL with `valueCodes[DIM]=…` parameters (brackets left readable, as SSB's own examples write them). */
function dataUrl(base: string, table: string, selection: Record<string, string>, extra = "lang=no&outputFormat=json-stat2"): string {
  const params = Object.entries(selection).map(([dim, codes]) => `valueCodes[${dim}]=${encodeURIComponent(codes)}`);
  return `${base}/tables/${table}/data?${[extra, ...params].join("&")}`;
}

async function json(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>;
}

async function expectProblem(res: Response, status: number, title: RegExp | string): Promise<Record<string, unknown>> {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const body = await json(res);
  expect(body).toMatchObject({ status, type: expect.any(String) });
  expect(body.title).toEqual(typeof title === "string" ? title : expect.stringMatching(title));
  return body;
}

describe("configuration and table search", () => {
  it("answers /config in SSB's shape", async () => {
    const res = await fetch(`${server.baseUrl}/config`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await json(res)).toMatchObject({
      apiVersion: expect.any(String),
      appVersion: expect.any(String),
      languages: [
        { id: "no", label: "Norsk" },
        { id: "en", label: "English" },
      ],
      defaultLanguage: "no",
      maxDataCells: 800000,
      maxCallsPerTimeWindow: 30,
      timeWindow: 60,
      license: expect.any(String),
      sourceReferences: expect.arrayContaining([{ language: "no", text: "Kilde: Statistisk sentralbyrå" }]),
      defaultDataFormat: "json-stat2",
      dataFormats: expect.arrayContaining(["json-stat2"]),
    });
  });

  it("reports the configured limits and config overrides", async () => {
    const s = await startExtra({ maxDataCells: 1000, maxCallsPerTimeWindow: 5, timeWindow: 10, config: { appVersion: "x" } });
    expect(await json(await fetch(`${s.baseUrl}/config`))).toMatchObject({ maxDataCells: 1000, maxCallsPerTimeWindow: 5, timeWindow: 10, appVersion: "x" });
  });

  it("finds 12362 by a word of its title and by a variable code", async () => {
    for (const query of ["utgifter", "UTGIFTER tjenesteområdene", "KOKfunksjon0000"]) {
      const body = await json(await fetch(`${server.baseUrl}/tables?query=${encodeURIComponent(query)}&lang=no`));
      const tables = body.tables as Record<string, unknown>[];
      expect(tables.map((t) => t.id)).toEqual(["12362"]);
      expect(body.page).toMatchObject({ pageNumber: 1, totalElements: 1, totalPages: 1 });
      expect(body.language).toBe("no");
      expect(tables[0]).toMatchObject({
        type: "Table",
        id: "12362",
        label: "12362: Utgifter til tjenesteområdene, kommunekonsern, etter region, funksjon, art, statistikkvariabel og år",
        updated: "2025-06-16T06:00:00Z",
        firstPeriod: "2015",
        lastPeriod: "2024",
        category: "public",
        variableNames: ["region", "funksjon", "art", "statistikkvariabel", "år"],
      });
      const rels = (tables[0].links as { rel: string; href: string }[]).map((l) => l.rel);
      expect(rels).toEqual(["self", "alternate", "metadata", "data"]);
    }
  });

  it("finds the fee, road-length and population tables, pages the list of four, and says 404 past the last page", async () => {
    const ids = async (q: string) => ((await json(await fetch(`${server.baseUrl}/tables?query=${encodeURIComponent(q)}`))).tables as { id: string }[]).map((t) => t.id);
    expect(await ids("gebyrer bolig")).toEqual(["12842"]);
    expect(await ids("befolkning")).toEqual(["07459"]);
    expect(await ids("veier og gater")).toEqual(["11814"]);
    expect(await ids("kakemiks")).toEqual([]);
    const page = await json(await fetch(`${server.baseUrl}/tables?pageSize=2&pageNumber=1`));
    expect((page.tables as unknown[]).length).toBe(2);
    expect(page.page).toMatchObject({ pageNumber: 1, pageSize: 2, totalElements: 4, totalPages: 2 });
    expect(((page.page as { links: { rel: string }[] }).links).map((l) => l.rel)).toEqual(["next", "last"]);
    await expectProblem(await fetch(`${server.baseUrl}/tables?pageSize=2&pageNumber=3`), 404, "Non-existent page");
  });

  it("answers /tables/{id} like a list entry with the language, and 404 for a table it lacks", async () => {
    const body = await json(await fetch(`${server.baseUrl}/tables/12842?lang=en`));
    // 12842 dates fees at 1 January: its 2025 is data year 2024's fee.
    expect(body).toMatchObject({ language: "en", type: "Table", id: "12842", firstPeriod: "2015", lastPeriod: "2025" });
    expect(body.label).toMatch(/^12842: Municipal fees related to housing, by region/);
    const problem = await expectProblem(await fetch(`${server.baseUrl}/tables/99999?lang=no`), 404, "Non-existent table");
    expect(problem.detail).toMatch(/99999/);
  });

  it("refuses other languages with 400", async () => {
    await expectProblem(await fetch(`${server.baseUrl}/tables?lang=sv`), 400, "Unsupported language");
    await expectProblem(await fetch(`${server.baseUrl}/tables/12362/metadata?lang=de`), 400, "Unsupported language");
  });
});

describe("metadata", () => {
  it("lists every dimension and category with labels, units, notes and no values", async () => {
    const res = await fetch(`${server.baseUrl}/tables/12362/metadata?lang=no&outputFormat=json-stat2`);
    expect(res.status).toBe(200);
    const meta = await json(res);
    expect(meta).toMatchObject({ version: "2.0", class: "dataset", updated: "2025-06-16T06:00:00Z", value: [] });
    expect(meta.status).toBeUndefined();
    expect(meta.id).toEqual(KOSTRA_ORDER);
    expect(meta.size).toEqual([32, 14, 2, 2, 10]);
    expect((meta.extension as { px: { tableid: string } }).px.tableid).toBe("12362");
    expect(meta.role).toEqual({ time: ["Tid"], geo: ["KOKkommuneregion0000"], metric: ["ContentsCode"] });
    expect((meta.note as string[])[0]).toMatch(/SYNTETISKE/);
    const dims = meta.dimension as Record<string, { label: string; category: { index: Record<string, number>; label: Record<string, string>; unit?: unknown } }>;
    const region = dims.KOKkommuneregion0000.category;
    expect(region.label["0219"]).toBe("Bærum (-2019)");
    expect(region.label["3024"]).toBe("Bærum (2020-2023)");
    expect(region.label["3201"]).toBe("Bærum");
    expect(region.label["0301"]).toBe("Oslo - Oslove");
    expect(region.label.EAK).toBe("Landet");
    // Positions come from the index values: integer-like codes ("1001") come first in any parsed object's key order.
    expect(region.index).toMatchObject({ EAK: 0, EAKUO: 1, "0106": 2 });
    expect(dims.ContentsCode.category.unit).toEqual({ KOSbelopinnbygge0000: { base: "kr", decimals: 0 }, KOSbelop0000: { base: "1000 kr", decimals: 0 } });
    expect(Object.keys(dims.KOKfunksjon0000.category.index)).toEqual(["301", "303", "332", "335", "338", "339", "355", "360", "370", "377", "380", "381", "385", "392"]);
  });

  it("speaks English, and 07459 has its region as Region", async () => {
    const meta = await json(await fetch(`${server.baseUrl}/tables/07459/metadata?lang=en`));
    // Alder cannot be left out of 07459, as SSB's own answer says.
    expect(meta.id).toEqual(["Region", "Alder", "ContentsCode", "Tid"]);
    expect(meta.role).toEqual({ time: ["Tid"], geo: ["Region"], metric: ["ContentsCode"] });
    expect((meta.dimension as Record<string, { label: string }>).Tid.label).toBe("year");
    expect((meta.extension as { px: { language: string } }).px.language).toBe("en");
  });
});

describe("data by GET", () => {
  it("answers 2 regions × 2 functions × 3 years with the sample's values", async () => {
    const res = await fetch(dataUrl(server.baseUrl, "12362", PMK_QUERY));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const ds = await json(res);
    expect(ds.id).toEqual(KOSTRA_ORDER);
    expect(ds.size).toEqual([2, 2, 1, 1, 3]);
    expect((ds.value as unknown[]).length).toBe(12);
    const cube = readJsonStat(ds, "12362");
    const fixed = { KOKart0000: "AGD2", ContentsCode: "KOSbelopinnbygge0000" };
    for (const [code, id] of [["0219", "baerum"], ["0301", "oslo"]])
      for (const [f, indicator] of [["377", "kunstformidling"], ["385", "andre-kulturaktiviteter"]])
        for (const year of [2015, 2016, 2017]) {
          const got = cell(cube, { ...fixed, KOKkommuneregion0000: code, KOKfunksjon0000: f, Tid: String(year) });
          expect(got).toEqual({ value: sample.values[indicator][id][sample.years.indexOf(year)], status: undefined });
        }
    expect(cell(cube, { ...fixed, KOKkommuneregion0000: "0219", KOKfunksjon0000: "377", Tid: "2017" })?.value).toBe(141);
  });

  it("shows a code that was not valid in the year as '.', some as 0, and keeps genuine nulls", async () => {
    const ds = readJsonStat(
      await json(await fetch(dataUrl(server.baseUrl, "12362", { ...PMK_QUERY, KOKkommuneregion0000: "0219,3024,1201,EAK", Tid: "2019,2020" }))),
    );
    const at = (region: string, year: string) => cell(ds, { KOKkommuneregion0000: region, KOKfunksjon0000: "377", KOKart0000: "AGD2", ContentsCode: "KOSbelopinnbygge0000", Tid: year });
    expect(at("0219", "2020")).toEqual({ value: null, status: "." });
    expect(at("3024", "2019")).toEqual({ value: null, status: "." });
    expect(at("0219", "2019")?.value).toEqual(expect.any(Number));
    expect(at("3024", "2020")?.value).toEqual(expect.any(Number));
    expect(at("1201", "2020")).toEqual({ value: 0, status: undefined });
    expect(at("EAK", "2020")?.value).toBeGreaterThan(0);
    expect(ZERO_INSTEAD_OF_DOT.find((z) => z.region === "1201")?.years).toContain(2020);
    for (const n of GENUINE_NULLS) {
      const codes: Record<string, string> =
        n.table === "12362"
          ? { KOKkommuneregion0000: n.region, KOKfunksjon0000: n.funksjon as string, KOKart0000: "AGD10", ContentsCode: "KOSbelop0000", Tid: String(n.year) }
          : { KOKkommuneregion0000: n.region, ContentsCode: "KOSaarsgebyravfa0000", Tid: String(n.year) };
      expect(worldCell(n.table, codes)).toEqual({ value: null, status: n.status });
    }
  });

  it("expands *, top, bottom, from, to, range (bracketed in a GET), masks and codes in any case", async () => {
    const years = async (expr: string) => {
      const ds = await json(await fetch(dataUrl(server.baseUrl, "12842", { KOKkommuneregion0000: "0219", ContentsCode: "KOSaarsgebyravfa0000", Tid: expr })));
      return Object.keys((ds.dimension as Record<string, { category: { index: Record<string, number> } }>).Tid.category.index);
    };
    expect(await years("top(2)")).toEqual(["2024", "2025"]);
    expect(await years("[top(2,1)]")).toEqual(["2023", "2024"]);
    expect(await years("bottom(2)")).toEqual(["2015", "2016"]);
    expect(await years("from(2022)")).toEqual(["2022", "2023", "2024", "2025"]);
    expect(await years("to(2016)")).toEqual(["2015", "2016"]);
    expect(await years("[range(2018,2016)]")).toEqual(["2016", "2017", "2018"]);
    expect(await years("201?")).toEqual(["2015", "2016", "2017", "2018", "2019"]);
    expect(await years("2024,2015,2015")).toEqual(["2015", "2024"]);
    expect(await years("*")).toHaveLength(11);
    const all = await json(await fetch(dataUrl(server.baseUrl, "12842", { kokkommuneregion0000: "*", ContentsCode: "kosaarsgebyravfa0000", Tid: "2017" })));
    expect(all.size).toEqual([32, 1, 1]);
    await expectProblem(
      await fetch(dataUrl(server.baseUrl, "12842", { KOKkommuneregion0000: "0219", ContentsCode: "KOSaarsgebyravfa0000", Tid: "range(2015,2017)" })),
      400,
      "Illegal selection expression",
    );
  });

  it("answers the default selection when nothing is selected", async () => {
    const ds = await json(await fetch(`${server.baseUrl}/tables/12362/data?lang=no`));
    expect(ds.size).toEqual([1, 1, 1, 1, 1]);
    expect(Object.keys((ds.dimension as Record<string, { category: { index: object } }>).Tid.category.index)).toEqual(["2024"]);
  });

  it("says 400 naming an unknown value, a missing variable, an unknown variable, a codelist or another output format", async () => {
    const unknownValue = await expectProblem(await fetch(dataUrl(server.baseUrl, "12362", { ...PMK_QUERY, KOKkommuneregion0000: "0219,9999" })), 400, "Non-existent value");
    expect(unknownValue.detail).toMatch(/9999/);
    expect(unknownValue.detail).toMatch(/KOKkommuneregion0000/);
    const withoutTid = Object.fromEntries(Object.entries(PMK_QUERY).filter(([dim]) => dim !== "Tid"));
    const missing = await expectProblem(await fetch(dataUrl(server.baseUrl, "12362", withoutTid)), 400, /^Missing selection/);
    expect(missing.detail).toMatch(/\bTid\b/);
    const unknownVariable = await expectProblem(await fetch(dataUrl(server.baseUrl, "12362", { ...PMK_QUERY, Kjonn: "1" })), 400, "Non-existent variable");
    expect(unknownVariable.detail).toMatch(/Kjonn/);
    await expectProblem(await fetch(`${dataUrl(server.baseUrl, "12362", PMK_QUERY)}&codelist[KOKkommuneregion0000]=agg_x`), 400, "Non-existent codelist");
    await expectProblem(await fetch(dataUrl(server.baseUrl, "12362", PMK_QUERY, "lang=no&outputFormat=csv")), 400, "Unsupported output format");
    await expectProblem(await fetch(`${server.baseUrl}/tables/12345/data?lang=no`), 404, "Non-existent table");
  });

  it("leaves out of the answer a variable the table lets a query eliminate (07459's Kjonn), and still requires the others (Alder)", async () => {
    const catalog = await startExtra({ world: "catalog" });
    const query = { Region: "0219", Alder: "066,067", ContentsCode: "Personer1", Tid: "2018" };
    const res = await fetch(dataUrl(catalog.baseUrl, "07459", query));
    expect(res.status).toBe(200);
    const ds = readJsonStat(await res.json());
    expect(ds.dimensions.map((d) => d.id)).toEqual(["Region", "Alder", "ContentsCode", "Tid"]);
    const at = (Alder: string) => cell(ds, { Region: "0219", Alder, ContentsCode: "Personer1", Tid: "2018" });
    // The world's 07459 cell is the age's whole population whatever the sex asked for.
    const world = (Alder: string) => worldCell("07459", { Region: "0219", Kjonn: "1", Alder, ContentsCode: "Personer1", Tid: "2018" }, "catalog").value;
    expect([at("066")?.value, at("067")?.value]).toEqual([world("066"), world("067")]);
    expect(world("066")).toBeGreaterThan(0);
    const withoutAge = Object.fromEntries(Object.entries(query).filter(([dim]) => dim !== "Alder"));
    const missing = await expectProblem(await fetch(dataUrl(catalog.baseUrl, "07459", withoutAge)), 400, /^Missing selection/);
    expect(missing.detail).toMatch(/\bAlder\b/);
  });

  it("says 403 when the selection has more cells than maxDataCells", async () => {
    const s = await startExtra({ maxDataCells: 100 });
    const all = { KOKkommuneregion0000: "*", KOKfunksjon0000: "*", KOKart0000: "*", ContentsCode: "*", Tid: "*" };
    const problem = await expectProblem(await fetch(dataUrl(s.baseUrl, "12362", all)), 403, "Too many cells selected");
    expect(problem.detail).toBe("Too many cells selected");
    expect((await fetch(dataUrl(s.baseUrl, "12362", PMK_QUERY))).status).toBe(200);
  });

  it("says 404 when the URL is longer than 2100 characters", async () => {
    const regions = Array.from({ length: 500 }, (_, i) => String(1000 + i)).join(",");
    const url = dataUrl(server.baseUrl, "12362", { ...PMK_QUERY, KOKkommuneregion0000: regions });
    expect(new URL(url).pathname.length + new URL(url).search.length).toBeGreaterThan(2100);
    const res = await fetch(url);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).not.toMatch(/json/);
  });
});

describe("data by POST", () => {
  const body = (selection: Record<string, string[]>, extra: object = {}) =>
    JSON.stringify({ selection: Object.entries(selection).map(([variableCode, valueCodes]) => ({ variableCode, valueCodes })), ...extra });
  const post = (base: string, text: string) =>
    fetch(`${base}/tables/12362/data?lang=no&outputFormat=json-stat2`, { method: "POST", headers: { "Content-Type": "application/json" }, body: text });
  const pmkArrays = Object.fromEntries(Object.entries(PMK_QUERY).map(([k, v]) => [k, v.split(",")]));

  it("gives the same data as GET", async () => {
    const viaGet = await json(await fetch(dataUrl(server.baseUrl, "12362", PMK_QUERY)));
    const res = await post(server.baseUrl, body(pmkArrays));
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual(viaGet);
  });

  it("says 400 with problem+json for a body it cannot read", async () => {
    await expectProblem(await post(server.baseUrl, "{not json"), 400, /validation errors/);
    await expectProblem(await post(server.baseUrl, JSON.stringify({ selections: [] })), 400, /validation errors/);
    await expectProblem(await post(server.baseUrl, JSON.stringify({ selection: [{ variableCode: "Tid", valueCodes: "2017" }] })), 400, /validation errors/);
    await expectProblem(await post(server.baseUrl, body({ ...pmkArrays, Tid: ["1999"] })), 400, "Non-existent value");
  });

  it("orders the dimensions by a placement: stub, then heading", async () => {
    const res = await post(server.baseUrl, body(pmkArrays, { placement: { heading: ["Tid", "KOKkommuneregion0000", "ContentsCode", "KOKfunksjon0000"], stub: ["KOKart0000"] } }));
    const ds = await json(res);
    expect(ds.id).toEqual(["KOKart0000", "Tid", "KOKkommuneregion0000", "ContentsCode", "KOKfunksjon0000"]);
    expect(ds.label).toBe("12362: Utgifter til tjenesteområdene, kommunekonsern, etter art, år, region, statistikkvariabel og funksjon");
    await expectProblem(await post(server.baseUrl, body(pmkArrays, { placement: { heading: ["Tid"], stub: ["KOKart0000"] } })), 400, "Illegal placment");
  });

  it("answers in postDimensionOrder when the server is told to, with the same cells", async () => {
    const order = ["KOKart0000", "Tid", "KOKkommuneregion0000", "ContentsCode", "KOKfunksjon0000"];
    const s = await startExtra({ postDimensionOrder: order });
    const reordered = readJsonStat(await json(await post(s.baseUrl, body(pmkArrays))));
    const plain = readJsonStat(await json(await fetch(dataUrl(s.baseUrl, "12362", PMK_QUERY))));
    expect(reordered.dimensions.map((d) => d.id)).toEqual(order);
    expect(plain.dimensions.map((d) => d.id)).toEqual(KOSTRA_ORDER);
    for (const region of ["0219", "0301"])
      for (const f of ["377", "385"])
        for (const year of ["2015", "2016", "2017"]) {
          const codes = { KOKkommuneregion0000: region, KOKfunksjon0000: f, KOKart0000: "AGD2", ContentsCode: "KOSbelopinnbygge0000", Tid: year };
          expect(cell(reordered, codes)).toEqual(cell(plain, codes));
        }
  });
});

describe("failure injection and the request log", () => {
  it("logs method, path, query and body", async () => {
    const s = await startExtra({});
    await fetch(`${s.baseUrl}/tables?query=utgifter&lang=no`);
    await fetch(`${s.baseUrl}/tables/12362/data?lang=no`, { method: "POST", body: JSON.stringify({ selection: [] }) });
    expect(s.requests).toHaveLength(2);
    expect(s.requests[0]).toMatchObject({ method: "GET", path: "/tables", query: { query: "utgifter", lang: "no" } });
    expect(s.requests[0].body).toBeUndefined();
    expect(s.requests[1]).toMatchObject({ method: "POST", path: "/tables/12362/data", body: { selection: [] } });
    expect(s.requests[1].time).toBeGreaterThanOrEqual(s.requests[0].time);
  });

  it("fails the next matching requests with 429 and Retry-After, then answers again", async () => {
    const s = await startExtra({});
    s.failNext(2, { status: 429, retryAfterSeconds: 7 }, (r) => r.path.endsWith("/data"));
    expect((await fetch(`${s.baseUrl}/config`)).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const res = await fetch(dataUrl(s.baseUrl, "12362", PMK_QUERY));
      expect(res.headers.get("retry-after")).toBe("7");
      await expectProblem(res, 429, "Too many requests");
    }
    expect((await fetch(dataUrl(s.baseUrl, "12362", PMK_QUERY))).status).toBe(200);
  });

  it("fails with a given problem or a raw body", async () => {
    const s = await startExtra({});
    s.failNext(1, { status: 503, problem: { title: "Service Unavailable", detail: "Maintenance" } });
    s.failNext(1, { status: 502, body: "<html>Bad gateway</html>", contentType: "text/html" });
    expect(await json(await fetch(`${s.baseUrl}/config`))).toMatchObject({ status: 503, title: "Service Unavailable", detail: "Maintenance" });
    const raw = await fetch(`${s.baseUrl}/config`);
    expect(raw.status).toBe(502);
    expect(raw.headers.get("content-type")).toBe("text/html");
    expect(await raw.text()).toBe("<html>Bad gateway</html>");
  });

  it("delays the next requests", async () => {
    const s = await startExtra({});
    s.delayNext(1, 300);
    const t0 = Date.now();
    expect((await fetch(`${s.baseUrl}/config`)).status).toBe(200);
    // A lower bound only: a busy machine can only make it later.
    expect(Date.now() - t0).toBeGreaterThanOrEqual(280);
    // Only the next request is held: one sent after it is answered while it still waits.
    s.delayNext(1, 60_000);
    const arrived = s.nextRequest();
    const controller = new AbortController();
    let heldAnswered = false;
    const held = fetch(`${s.baseUrl}/config`, { signal: controller.signal }).then(() => (heldAnswered = true));
    await arrived;
    expect((await fetch(`${s.baseUrl}/config`)).status).toBe(200);
    expect(heldAnswered).toBe(false);
    controller.abort();
    await expect(held).rejects.toThrow();
  });

  it("drops the next requests without an answer", async () => {
    const s = await startExtra({});
    s.dropNext(1, (r) => r.method === "GET" && r.path === "/config");
    await expect(fetch(`${s.baseUrl}/config`)).rejects.toThrow();
    expect((await fetch(`${s.baseUrl}/config`)).status).toBe(200);
  });

  it("enforces the rate limit in real time when asked", async () => {
    const s = await startExtra({ enforceRateLimit: true, maxCallsPerTimeWindow: 3, timeWindow: 60 });
    for (let i = 0; i < 3; i++) expect((await fetch(`${s.baseUrl}/config`)).status).toBe(200);
    const res = await fetch(`${s.baseUrl}/config`);
    const wait = Number(res.headers.get("retry-after"));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    await expectProblem(res, 429, "Too many requests");
  });

  it("reports a republished table's new updated", async () => {
    const s = await startExtra({});
    s.setUpdated("12362", "2026-03-15T07:00:00Z");
    expect((await json(await fetch(dataUrl(s.baseUrl, "12362", PMK_QUERY)))).updated).toBe("2026-03-15T07:00:00Z");
    expect((await json(await fetch(`${s.baseUrl}/tables/12362`))).updated).toBe("2026-03-15T07:00:00Z");
    expect((await json(await fetch(`${s.baseUrl}/tables/12362/metadata`))).updated).toBe("2026-03-15T07:00:00Z");
  });
});

describe("hostile answers", () => {
  const url = () => dataUrl(server.baseUrl, "12362", PMK_QUERY);
  const isData = (r: { path: string }) => r.path.endsWith("/data");

  it("cuts the real answer in half, or drops the connection half-way through it", async () => {
    const whole = await (await fetch(url())).text();
    server.hostileNext(1, { kind: "truncated" }, isData);
    const half = await (await fetch(url())).text();
    expect(half).toBe(whole.slice(0, Math.floor(whole.length / 2)));
    server.hostileNext(1, { kind: "cut-connection" }, isData);
    const res = await fetch(url());
    expect(Number(res.headers.get("content-length"))).toBe(Buffer.byteLength(whole));
    await expect(res.text()).rejects.toThrow();
  });

  it("answers a login page, an empty body, another table, a cube bomb, Retry-After and redirects", async () => {
    server.hostileNext(1, { kind: "html-200" }, isData);
    const page = await fetch(url());
    expect([page.status, page.headers.get("content-type")]).toEqual([200, "text/html; charset=utf-8"]);
    expect(await page.text()).toMatch(/^<!DOCTYPE html>/);
    server.hostileNext(1, { kind: "empty-200" }, isData);
    expect(await (await fetch(url())).text()).toBe("");
    server.hostileNext(1, { kind: "other-table", table: "12842" }, isData);
    expect(((await json(await fetch(url()))).extension as { px: { tableid: string } }).px.tableid).toBe("12842");
    server.hostileNext(1, { kind: "cube-bomb" }, isData);
    const bombText = await (await fetch(url())).text();
    const bomb = JSON.parse(bombText) as { id: string[]; size: number[] };
    expect(bomb.id).toEqual(KOSTRA_ORDER);
    expect(bomb.size.reduce((a, b) => a * b, 1)).toBe(30 ** 5);
    expect(bombText.length).toBeLessThan(2500);
    server.hostileNext(1, { kind: "retry-after", status: 429, value: "Wed, 21 Oct 2099 12:00:00 GMT" }, isData);
    const limited = await fetch(url());
    expect([limited.status, limited.headers.get("retry-after")]).toEqual([429, "Wed, 21 Oct 2099 12:00:00 GMT"]);
    server.hostileNext(1, { kind: "redirect", to: "https://evil.example/x", status: 307 }, isData);
    const moved = await fetch(url(), { redirect: "manual" });
    expect([moved.status, moved.headers.get("location")]).toEqual([307, "https://evil.example/x"]);
  });

  it("sends a body that never ends, until the client goes away", async () => {
    server.hostileNext(1, { kind: "endless" }, isData);
    const controller = new AbortController();
    const reader = (await fetch(url(), { signal: controller.signal })).body!.getReader();
    let bytes = 0;
    while (bytes < 4 * 1024 * 1024) bytes += (await reader.read()).value!.byteLength;
    controller.abort();
    expect(bytes).toBeGreaterThanOrEqual(4 * 1024 * 1024);
    // The server carries on answering others.
    expect((await fetch(url())).status).toBe(200);
  });
});

describe("the world", () => {
  it("reads as a full json-stat2 dataset", () => {
    const cube = readJsonStat(worldDataset("12362"), "world 12362");
    expect(cube.tableId).toBe("12362");
    expect(cube.size).toEqual([32, 14, 2, 2, 10]);
    expect(cube.values.length).toBe(32 * 14 * 2 * 2 * 10);
    expect(cube.notes[0]).toMatch(/SYNTETISKE/);
    expect(readJsonStat(worldDataset("12842")).size).toEqual([32, 1, 11]);
    expect(readJsonStat(worldDataset("07459")).size).toEqual([30, 106, 1, 11]);
  });

  it("agrees with the sample: summed indicators add up, amounts follow population", () => {
    const at = (region: string, f: string, art: string, contents: string, year: number) =>
      worldCell("12362", { KOKkommuneregion0000: region, KOKfunksjon0000: f, KOKart0000: art, ContentsCode: contents, Tid: String(year) }).value as number;
    const i2017 = sample.years.indexOf(2017);
    expect(at("0219", "335", "AGD10", "KOSbelopinnbygge0000", 2017) + at("0219", "360", "AGD10", "KOSbelopinnbygge0000", 2017)).toBe(
      sample.values["rekreasjon-naturforvaltning"].baerum[i2017],
    );
    expect(at("1201", "338", "AGD2", "KOSbelopinnbygge0000", 2016) + at("1201", "339", "AGD2", "KOSbelopinnbygge0000", 2016)).toBe(
      sample.values["brann-ulykkesvern"].bergen[sample.years.indexOf(2016)],
    );
    // 07459 at 1 January 2018 summed over ages is the end of 2017: the population 12362 divides by in 2017.
    const populationAt = (region: string, tid: string) => AGES.reduce((sum, Alder) => sum + (worldCell("07459", { Region: region, Alder, ContentsCode: "Personer1", Tid: tid }).value as number), 0);
    const population = populationAt("0219", "2018");
    expect(population).toBe(sample.values.folkemengde.baerum[i2017]);
    expect(at("0219", "370", "AGD2", "KOSbelop0000", 2017)).toBe(Math.round((at("0219", "370", "AGD2", "KOSbelopinnbygge0000", 2017) * population) / 1000));
    // The fee at 1 January 2018 is the sample's 2017 figure (the seed's "gjelder rapporteringsåret+1").
    const fee = worldCell("12842", { KOKkommuneregion0000: "0219", ContentsCode: "KOSaarsgebyravfa0000", Tid: "2018" }).value;
    expect(fee).toBe(sample.values["arsgebyr-avfall"].baerum[i2017]);
    const p2020 = populationAt("3024", "2021");
    expect(p2020).toBe(Math.round(sample.values.folkemengde.baerum[sample.years.indexOf(2018)] as number * 1.011 ** 2));
    expect(worldCell("12362", { KOKkommuneregion0000: "1102", KOKfunksjon0000: "392", KOKart0000: "AGD2", ContentsCode: "KOSbelopinnbygge0000", Tid: "2015" })).toEqual({ value: null, status: "." });
  });

  it("is deterministic and labels itself synthetic", () => {
    expect(worldDataset("12362", { Tid: ["2022"] })).toEqual(worldDataset("12362", { Tid: ["2022"] }));
    for (const id of ["12362", "12842", "07459"]) expect(tableDefinition(id)?.note.join(" ")).toMatch(/SYNTETISKE/);
  });
});
