/**
 * Every sector end to end, offline: `kostra profile --sample` for every template, and
 * `kostra fetch` from the local PxWebApi 2 server's catalog world (every table with a
 * metadata fixture) followed by `kostra profile --input` for every template. The CLI runs
 * in-process (main() with a captured io). All figures are SYNTHETIC.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { benchmark, defaultOptions } from "../../src/kostra/benchmark";
import { INDICATORS, indicatorsToFetch, ratioSeriesIds, SECTORS, SECTOR_TEMPLATES, templateIndicators } from "../../src/kostra/catalog";
import { municipalityById } from "../../src/kostra/municipalities";
import { selectorForYear, ssbTimeOf } from "../../src/kostra/series";
import type { Indicator } from "../../src/kostra/types";
import { SAMPLE_NOTICE, sampleDataset } from "../../src/sources/sample";
import { startPxWebServer, type PxWebServer } from "../support/pxweb-server";
import { tableDefinition, worldCell, worldTableIds } from "../support/pxweb-world";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const sample = require("../../src/sources/sample/sample-data.json") as { years: number[]; values: Record<string, Record<string, (number | null)[]>> };

const ROOT = join(__dirname, "..", "..");
const METADATA = join(ROOT, "tests", "fixtures", "ssb", "metadata");
const TEMPLATE_IDS = SECTOR_TEMPLATES.map((t) => t.id);

async function kostra(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (t) => void (out += t), err: (t) => void (err += t), readFile: (p) => readFileSync(p) });
  return { code, out, err };
}

interface Row {
  indicator: { id: string };
  value: number | null;
  status: string | null;
  average: number | null;
  n: number;
  reason: string | null;
}

/** A json-stat2 category's codes in their order (an index object lists them by position, not by key order). */
const codesOf = (index: Record<string, number> | string[]): string[] =>
  Array.isArray(index) ? index : Object.entries(index).sort((a, b) => a[1] - b[1]).map(([c]) => c);

/** The years of a table in the catalog world: none for a table without a metadata fixture (the world does not serve it). */
const fixtureYears = (table: string): string[] => {
  if (!existsSync(join(METADATA, `${table}.json`))) return [];
  const meta = JSON.parse(readFileSync(join(METADATA, `${table}.json`), "utf8"));
  // 07459's reconstructed metadata has no role; its time dimension is Tid, as every table's here.
  return codesOf(meta.dimension[meta.role?.time?.[0] ?? "Tid"].category.index);
};

/**
 * How many years the sample holds for an indicator and municipality: a ratio has no
 * figures of its own in the sample (the engine derives it), only its series, each of which
 * must cover every year.
 */
function sampleLength(ind: Indicator, m: string): number | undefined {
  if (!ind.ratio) return sample.values[ind.id]?.[m]?.length;
  if (sample.values[ind.id] !== undefined) return -1;
  const lengths = new Set(ratioSeriesIds(ind).map((id) => sample.values[id]?.[m]?.length));
  return lengths.size === 1 ? [...lengths][0] : undefined;
}

/** Why an indicator cannot be fetched for the years from the catalog world: no table, or a table without those years. */
/** Data years the catalog world cannot deliver: no confirmed table, or the table the year reads lacks SSB's time for it. */
function unavailableYears(ind: Indicator, years: number[]): number[] {
  // A ratio is there where all its series are.
  if (ind.ratio) return [...new Set(ratioSeriesIds(ind).flatMap((id) => unavailableYears(INDICATORS.find((i) => i.id === id)!, years)))].sort();
  return years.filter((y) => {
    const ssb = selectorForYear(ind, y);
    if (ssb === undefined) return false; // not valid that year: nothing to deliver
    return ssb.table === null || !fixtureYears(ssb.table).includes(String(ssbTimeOf(ssb, y)));
  });
}

const byId = (id: string): Indicator => INDICATORS.find((i) => i.id === id)!;

/** Whether the indicator's tables are confirmed: a figure computed from series is as sure as its least sure series. */
const confirmed = (x: Indicator): boolean => (x.ratio ? ratioSeriesIds(x).every((id) => confirmed(byId(id))) : x.ssb!.table !== null);

/**
 * The sample's figure for an indicator, municipality and year index: a single series as
 * the sample holds it; a figure KS computes from series (a ratio) by its definition from
 * the sample's series, scale × ΣA [× Σshare ÷ (Σshare + Σrest)] ÷ ΣB (KS's
 * indikatorbeskrivelser, e.g. barnevern per innbygger 0–17 år = (A/B) × 1000), or null
 * where a series lacks a value. SYNTHETIC figures.
 */
function sampleFigure(ind: Indicator, m: string, i: number): number | null {
  if (!ind.ratio) return sample.values[ind.id][m][i];
  const total = (ids: readonly string[]): number | null => {
    const vs = ids.map((id) => sample.values[id][m][i]);
    return vs.some((v) => v === null) ? null : (vs as number[]).reduce((s, v) => s + v, 0);
  };
  const { numerator, denominator, scale, key } = ind.ratio;
  const a = total(numerator);
  const b = total(denominator);
  if (a === null || b === null || !(b > 0)) return null;
  if (!key) return (scale * a) / b;
  const share = total(key.share);
  const rest = total(key.rest);
  return share === null || rest === null ? null : (scale * a * (share / (share + rest))) / b;
}

/**
 * Upper bounds per inhabitant for counts that are not a small group of service users: the
 * denominators of figures KS computes from series. Inhabitants 0–17 are about a fifth of
 * the population, pupils about an eighth; teacher hours run to about 10 and pupil hours
 * (about 15 pupils per teacher hour) to about 150 per inhabitant. Every other count stays
 * under 0.1.
 */
const COUNT_PER_INHABITANT: Record<string, number> = {
  "innbyggere-0-17": 0.3,
  "elever-grunnskole": 0.2,
  "grunnskole-laerertimer": 20,
  "grunnskole-elevtimer": 300,
  "innbyggere-0-66": 0.95,
  "innbyggere-67-og-eldre": 0.3,
  "hjemmetjeneste-timer-0-66": 0.5,
  "hjemmetjeneste-timer-67": 0.5,
};

describe("kostra profile --sample for every template", () => {
  it("covers every catalog indicator for the ASSS members and Asker, 2015–2018", () => {
    const ids = ["bergen", "baerum", "drammen", "fredrikstad", "kristiansand", "oslo", "sandnes", "stavanger", "tromso", "trondheim", "asker"];
    for (const ind of INDICATORS) for (const m of ids) expect([ind.id, m, sampleLength(ind, m)]).toEqual([ind.id, m, sample.years.length]);
    expect(sample.years).toEqual([2015, 2016, 2017, 2018]);
  });

  it.each(TEMPLATE_IDS)("%s: a row per indicator, values and averages, and the synthetic notice", async (template) => {
    const r = await kostra("profile", "--sample", "--sector", template, "--municipality", "0219", "--year", "2017", "--format", "json");
    expect(r.err).toContain(SAMPLE_NOTICE.nb);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    const t = SECTOR_TEMPLATES.find((x) => x.id === template)!;
    expect(json.rows.map((row: Row) => row.indicator.id)).toEqual(t.indicators);
    for (const row of json.rows as Row[]) {
      const i2017 = sample.years.indexOf(2017);
      expect([row.indicator.id, row.value]).toEqual([row.indicator.id, sampleFigure(byId(row.indicator.id), "baerum", i2017)]);
      expect([row.indicator.id, typeof row.average, row.n]).toEqual([row.indicator.id, "number", 10]);
    }
    expect(json.provenance.every((p: { synthetic?: boolean }) => p.synthetic)).toBe(true);
    const table = await kostra("profile", "--sample", "--sector", template, "--municipality", "0219", "--year", "2017");
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/syntetiske/i);
  });

  it("keeps plausible sizes: shares within 0–100, counts scaled by population, sums equal to their parts", () => {
    const i2017 = sample.years.indexOf(2017);
    for (const ind of INDICATORS) {
      if (ind.ratio) {
        // A share KS computes from counts lies within 0–100 too.
        const ms = Object.keys(sample.values[ind.ratio.numerator[0]]);
        for (const m of ms)
          for (let i = 0; i < sample.years.length; i++) {
            const v = sampleFigure(ind, m, i);
            if (v !== null && ind.measure === "share") expect([ind.id, m, v >= 0 && v <= 100]).toEqual([ind.id, m, true]);
          }
        continue;
      }
      for (const [m, series] of Object.entries(sample.values[ind.id])) {
        for (const v of series) if (v !== null && ind.measure === "share") expect([ind.id, m, v >= 0 && v <= 100]).toEqual([ind.id, m, true]);
        if (ind.measure === "count" && ind.id !== "folkemengde") {
          const perInhabitant = (series[i2017] as number) / (sample.values.folkemengde[m][i2017] as number);
          expect([ind.id, m, perInhabitant > 0 && perInhabitant < (COUNT_PER_INHABITANT[ind.id] ?? 0.1)]).toEqual([ind.id, m, true]);
        }
      }
    }
    // The age groups KS divides home services' expenditure by add up to the population, every year.
    for (const [m, pop] of Object.entries(sample.values.folkemengde))
      expect([m, pop.map((p, i) => (sample.values["innbyggere-0-66"][m][i] as number) + (sample.values["innbyggere-67-og-eldre"][m][i] as number) - (p as number))]).toEqual([m, pop.map(() => 0)]);
    // A sum over functions equals the sum of the single-function indicators that exist for each of its parts.
    const single = (f: string, art: string) =>
      INDICATORS.find((i) => i.ssb?.table === "12362" && i.ssb!.select.KOKfunksjon0000?.length === 1 && i.ssb!.select.KOKfunksjon0000[0] === f && i.ssb!.select.KOKart0000?.[0] === art && i.ssb!.select.ContentsCode?.[0] === "KOSbelopinnbygge0000");
    let checked = 0;
    for (const ind of INDICATORS.filter((i) => i.ssb?.table === "12362" && (i.ssb!.select.KOKfunksjon0000?.length ?? 0) > 1 && i.ssb!.select.ContentsCode?.[0] === "KOSbelopinnbygge0000")) {
      const parts = ind.ssb!.select.KOKfunksjon0000.map((f) => single(f, ind.ssb!.select.KOKart0000[0]));
      if (parts.some((p) => !p)) continue;
      for (const m of Object.keys(sample.values[ind.id]))
        expect([ind.id, m, sample.values[ind.id][m][i2017]]).toEqual([ind.id, m, parts.reduce((s, p) => s + (sample.values[p!.id][m][i2017] as number), 0)]);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  });
});

describe("the sample beyond ASSS", () => {
  const EXTRA = ["ha", "time", "klepp", "gjesdal", "sola", "eak", "eakuo", "ekg07", "ekg08", "nedre-eiker", "svelvik", "songdalen", "sogne", "skedsmo", "fet", "sorum"];

  it("has every indicator for Hå and its neighbours, Landet, Landet uten Oslo, KOSTRA groups 7 and 8 and the predecessors of 2020's mergers", () => {
    for (const id of EXTRA) {
      expect([id, municipalityById(id)?.id]).toEqual([id, id]);
      for (const ind of INDICATORS) expect([ind.id, id, sampleLength(ind, id)]).toEqual([ind.id, id, 4]);
    }
    // Landet uten Oslo is Landet less Oslo.
    expect(sample.values.folkemengde.eakuo).toEqual(sample.values.folkemengde.eak.map((v, i) => (v as number) - (sample.values.folkemengde.oslo[i] as number)));
  });

  it.each(TEMPLATE_IDS)("%s: Hå (1119) against its neighbours, with Landet uten Oslo and KOSTRA group 8 as references", (template) => {
    const p = benchmark(sampleDataset(), { ...defaultOptions(template, "1119", 2017), network: "custom", peers: ["time", "klepp", "gjesdal", "sola"], comparisons: [], references: ["EAKUO", "EKG08"] });
    expect(p.focal.id).toBe("ha");
    expect(p.averagingSet.map((m) => m.id).sort()).toEqual(["gjesdal", "klepp", "sola", "time"]);
    for (const row of p.rows) {
      const ind = byId(row.indicator.id);
      expect([row.indicator.id, row.value]).toEqual([row.indicator.id, sampleFigure(ind, "ha", 2)]);
      expect([row.indicator.id, typeof row.average]).toEqual([row.indicator.id, "number"]);
      expect(row.references.map((r) => r.value)).toEqual([sampleFigure(ind, "eakuo", 2), sampleFigure(ind, "ekg08", 2)]);
    }
  });
});

describe("the catalog world of the local SSB server", () => {
  it("serves every table that has a metadata fixture, with the fixture's dimensions and codes", () => {
    const fixtures = readdirSync(METADATA).filter((f) => /^\d{5}\.json$/.test(f)).map((f) => f.slice(0, 5));
    expect(worldTableIds("catalog")).toEqual(expect.arrayContaining([...fixtures, "07459"]));
    for (const id of fixtures) {
      const meta = JSON.parse(readFileSync(join(METADATA, `${id}.json`), "utf8"));
      const def = tableDefinition(id, "no", "catalog")!;
      expect(def.dimensions.map((d) => d.id)).toEqual(meta.id);
      for (const d of def.dimensions) {
        const codes = codesOf(meta.dimension[d.id].category.index);
        expect(d.codes.slice(0, codes.length)).toEqual(codes);
        for (const c of codes) expect(d.labels[c]).toBe(meta.dimension[d.id].category.label?.[c] ?? c);
      }
      expect(def.note.join(" ")).toMatch(/SYNTETISKE/);
    }
  });

  it("shows invalid codes as '.', keeps genuine nulls, and agrees with the sample", () => {
    const cell = (table: string, region: string, contents: string, year: number) =>
      worldCell(table, { KOKkommuneregion0000: region, ContentsCode: contents, Tid: String(year) }, "catalog");
    expect(cell("12293", "0219", "KOSbeleggomsorgs0000", 2020)).toEqual({ value: null, status: "." });
    expect(cell("12293", "1201", "KOSbeleggomsorgs0000", 2019)).toEqual({ value: null, status: ".." });
    expect(cell("12293", "3024", "KOSbeleggomsorgs0000", 2020).value).toEqual(expect.any(Number));
    expect(cell("12293", "0219", "KOSbeleggomsorgs0000", 2017).value).toBe(sample.values["belegg-institusjon"].baerum[2]);
    expect(cell("12292", "EKG07", "KOSkjernetotalt0000", 2017).value).toBeGreaterThan(0);
    expect(cell("12293", "1119", "KOSbeleggomsorgs0000", 2017).value).toBeLessThanOrEqual(100);
  });
});

/** What the catalog world publishes for an indicator and region code (summed over a summed dimension). SYNTHETIC. */
function publishedValue(ind: Indicator, region: string, year: number): number {
  const summed = ind.ssb!.sum?.[0];
  const codes = summed ? ind.ssb!.select[summed] : [undefined];
  let total = 0;
  for (const code of codes) {
    const sel: Record<string, string> = { [ind.ssb!.regionDimension]: region, [ind.ssb!.timeDimension]: String(year) };
    for (const [dim, values] of Object.entries(ind.ssb!.select)) sel[dim] = dim === summed ? (code as string) : values[0];
    const v = worldCell(ind.ssb!.table!, sel, "catalog").value;
    if (v === null || v === undefined) throw new Error(`no published value for ${ind.id} ${region} ${year}`);
    total += v;
  }
  return total;
}

/** The sample's indicator carrying the series `id` reads in `year`: itself, or the indicator whose own series that is. */
function sampleIdFor(id: string, year: number): string | undefined {
  const ind = INDICATORS.find((i) => i.id === id)!;
  const ssb = selectorForYear(ind, year)!;
  if (ssb === ind.ssb) return id;
  return INDICATORS.find((i) => i.ssb?.table === ssb.table && JSON.stringify(i.ssb?.select) === JSON.stringify(ssb.select))?.id;
}

describe("kostra fetch from the catalog world, then kostra profile --input, for every template", () => {
  let server: PxWebServer;
  const dir = mkdtempSync(join(tmpdir(), "kostra-sectors-"));
  beforeAll(async () => {
    // A /config limit above SSB's 30 calls a minute, so thirteen loads in a row don't wait.
    server = await startPxWebServer({ world: "catalog", maxCallsPerTimeWindow: 1000 });
  });
  afterAll(async () => {
    await server.close();
  });

  it.each(TEMPLATE_IDS)("%s", async (template) => {
    const out = join(dir, `${template}.json`);
    const years = [2017, 2018];
    const f = await kostra("fetch", "--sector", template, "--years", "2017-2018", "--municipality", "0219", "--base-url", server.baseUrl, "--no-cache", "--allow-partial", "--out", out);
    expect(f.err).toMatch(/skrev \d+ observasjoner/);
    expect(f.code).toBe(0);
    const inds = templateIndicators(SECTOR_TEMPLATES.find((t) => t.id === template)!);
    // Missing exactly where the catalog world cannot deliver: no confirmed table (a failure), or a
    // table without the years (a warning naming them; the table's metadata says so and they are not asked for).
    const expectedMissing = inds.filter((i) => unavailableYears(i, years).length > 0).map((i) => i.id);
    // The fetch names what it could not fetch: a figure KS computes from series is fetched as its series (and, averaged as KS, the counts it is weighted by).
    const expectedUnfetched = indicatorsToFetch(inds, true).filter((i) => unavailableYears(i, years).length > 0).map((i) => i.id);
    const reported = [...f.err.matchAll(/^mangler: (\S+) /gm)].map((m) => m[1]);
    // A series without a confirmed table is a failure ("mangler"); a table lacking a year is a warning naming it.
    const fetched = indicatorsToFetch(inds, true);
    const noTable = fetched.filter((i) => years.some((y) => selectorForYear(i, y)?.table === null)).map((i) => i.id);
    expect(reported.sort()).toEqual(noTable.sort());
    const lacking = [...f.err.matchAll(/^advarsel: (\S+) [\d, ]+: Tabell \S+ har ikke \d{4}/gm)].map((m) => m[1]);
    expect(lacking.sort()).toEqual(expectedUnfetched.filter((id) => !reported.includes(id)).sort());

    const p = await kostra("profile", "--input", out, "--sector", template, "--municipality", "0219", "--year", "2017", "--format", "json");
    expect(p.code).toBe(0);
    const rows = JSON.parse(p.out).rows as Row[];
    expect(rows.map((r) => r.indicator.id)).toEqual(inds.map((i) => i.id));
    for (const row of rows) {
      if (expectedMissing.includes(row.indicator.id)) {
        expect([row.indicator.id, row.value]).toEqual([row.indicator.id, null]);
        continue;
      }
      // The world's figures for Bærum are the sample's, sums of functions included (a ratio from
      // the sample's series); where 2017 reads an earlier series (KS's samferdsel: f332 alone),
      // the sample's figure of that series.
      const ind = byId(row.indicator.id);
      const carrier = ind.ratio ? ind.id : sampleIdFor(row.indicator.id, 2017);
      const want =
        carrier === undefined
          ? publishedValue({ ...ind, ssb: selectorForYear(ind, 2017)! }, "0219", 2017)
          : (sampleFigure(byId(carrier), "baerum", sample.years.indexOf(2017)) as number);
      expect([row.indicator.id, row.value]).toEqual([row.indicator.id, expect.closeTo(want, 6)]);
      expect([row.indicator.id, typeof row.average, row.n]).toEqual([row.indicator.id, "number", 10]);
    }
  });

  it("Hå (1119) against KOSTRA group 7 as SSB publishes it, with Landet uten Oslo beside, fetched and profiled", async () => {
    const out = join(dir, "ha-2021.json");
    const f = await kostra("fetch", "--sector", "grunnskole", "--years", "2020-2021", "--municipality", "1119", "--network", "none", "--base", "ekg07", "--reference", "eakuo", "--base-url", server.baseUrl, "--no-cache", "--allow-partial", "--out", out);
    expect(f.code).toBe(0);
    const p = await kostra("profile", "--input", out, "--sector", "grunnskole", "--municipality", "1119", "--year", "2021", "--network", "none", "--base", "ekg07", "--reference", "eakuo", "--format", "json");
    expect([p.code, p.err]).toEqual([0, ""]);
    const json = JSON.parse(p.out) as { rows: (Row & { index: number | null; references: { value: number | null; index: number | null }[] })[] };
    const checked = json.rows.filter((r) => r.value !== null && r.average !== null);
    expect(checked.length).toBeGreaterThan(5);
    for (const row of checked) {
      // The average is the server's published figure for EKG07, and the index is measured against it.
      const sel = INDICATORS.find((i) => i.id === row.indicator.id)!;
      const published = publishedValue(sel, "EKG07", 2021);
      expect([row.indicator.id, row.average]).toEqual([row.indicator.id, expect.closeTo(published, 6)]);
      expect([row.indicator.id, row.index]).toEqual([row.indicator.id, expect.closeTo((row.value! / published) * 100, 6)]);
      const eakuo = publishedValue(sel, "EAKUO", 2021);
      expect([row.indicator.id, row.references[0].value]).toEqual([row.indicator.id, expect.closeTo(eakuo, 6)]);
    }
  });

  it("barnehage loads completely for years its key-figure table has", async () => {
    const out = join(dir, "barnehage-2020.json");
    const f = await kostra("fetch", "--sector", "barnehage", "--years", "2020-2021", "--municipality", "3024", "--base-url", server.baseUrl, "--no-cache", "--out", out);
    expect(f.err).not.toMatch(/mangler:/);
    expect(f.code).toBe(0);
    const p = await kostra("profile", "--input", out, "--sector", "barnehage", "--municipality", "3024", "--year", "2021", "--format", "json");
    expect(p.code).toBe(0);
    for (const row of JSON.parse(p.out).rows as Row[]) expect([row.indicator.id, typeof row.value]).toEqual([row.indicator.id, "number"]);
  });
});

describe("kostra catalog --metadata on the fixtures", () => {
  it("exits 0 and lists every sector with its indicator count", async () => {
    const r = await kostra("catalog", "--metadata", METADATA);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    for (const s of SECTORS) {
      const count = INDICATORS.filter((i) => i.sector === s.id).length;
      const line = lines.find((l) => l.startsWith(`${s.label.nb}  `) || l.startsWith(`${s.label.nb} `));
      expect([s.id, line?.trim().split(/\s{2,}/)[1]]).toEqual([s.id, String(count)]);
    }
    const json = JSON.parse((await kostra("catalog", "--metadata", METADATA, "--format", "json")).out);
    expect(json.sectors.map((s: { sector: string }) => s.sector)).toEqual(SECTORS.map((s) => s.id));
  });

  it("prints a table per sector with the check, KS's averaging, the valid years and the series of every indicator", async () => {
    const r = await kostra("catalog", "--metadata", METADATA);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    for (const s of SECTORS) {
      const at = lines.indexOf(s.label.nb);
      expect([s.id, at > 0]).toEqual([s.id, true]);
      expect(lines[at + 1].split(/\s{2,}/)).toEqual(["Indikator", "Kontroll", "KS-snitt", "Gyldig", "Serier"]);
    }
    for (const i of INDICATORS.filter((x) => x.sector !== undefined)) {
      const row = lines.find((l) => l.startsWith(`${i.id} `))?.split(/\s{2,}/);
      expect(row?.[0]).toBe(i.id);
      expect(row?.[1]).toBe(confirmed(i) ? "konsistent" : "ukontrollert");
      expect(row?.[2]).toMatch(i.defaultAverage === "weighted" ? /^vektet/ : /^enkelt/);
      if (!i.valid) expect(row?.[3]).toBe("alle år");
      if (i.ratio) expect(row?.[4]).toMatch(/^beregnet fra \S/);
      else if (!i.earlier) expect(row?.[4]).toBe(i.ssb!.table ?? "ubekreftet");
    }
    const en = await kostra("catalog", "--metadata", METADATA, "--lang", "en");
    expect(en.out.split("\n")).toContain(SECTORS[0].label.en);
    expect(en.out).toMatch(/^bibliotek\s+consistent\s+(simple|weighted).*\s+all years\s+12362$/m);
    const json = JSON.parse((await kostra("catalog", "--metadata", METADATA, "--format", "json")).out);
    expect(json.indicators).toHaveLength(INDICATORS.length);
    expect(json.indicators.find((x: { indicator: string }) => x.indicator === "bibliotek")).toMatchObject({ defaultAverage: expect.stringMatching(/simple|weighted/), series: [{ table: "12362" }] });
  });
});
