import { indicatorFor, templateById, templateIndicators } from "../../src/kostra/catalog";
import { codeForYear, municipalityById } from "../../src/kostra/municipalities";
import { networkById, networkMembers } from "../../src/kostra/networks";
import { selectorForYear } from "../../src/kostra/series";
import type { Municipality } from "../../src/kostra/types";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cacheKey, dataUrl, planLoad, regionCodes, splitSelection } from "../../src/sources/ssb/planner";

const BASE = "https://data.ssb.no/api/pxwebapi/v2";
const ctx = { baseUrl: BASE, lang: "no" as const, maxDataCells: 800_000 };
const m = (id: string) => municipalityById(id)!;
const asss2024 = networkMembers(networkById("asss")!, 2024).map(m);
const years = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const pmk = templateIndicators(templateById("plan-miljo-kultur")!);
const tt = templateIndicators(templateById("tekniske-tjenester")!);

describe("query planner", () => {
  it("plans one GET for 12 indicators of one table, 12 municipalities and 10 years", () => {
    // The catalog's ten 12362 indicators plus two more of the same table (synthetic definitions).
    const extra = (id: string, f: string) => ({ ...pmk[0], id, ssb: { ...pmk[0].ssb!, select: { ...pmk[0].ssb!.select, KOKfunksjon0000: [f] } } });
    // (f392 is valid only to 2020 and is asked for on its own: see below.)
    const always = [...pmk, ...tt].filter((i) => i.ssb?.table === "12362" && i.valid === undefined);
    const indicators = [...always, extra("vei-brutto", "332"), extra("idrettsbygg", "381"), extra("kino", "373")];
    expect(indicators).toHaveLength(12);
    expect(asss2024).toHaveLength(12);
    // 12 municipalities for the 2024 codes only: one code each.
    const plan = planLoad({ indicators, municipalities: asss2024, years: [2024], weighted: false }, ctx);
    expect(plan.queries).toHaveLength(1);
    const tenYears = planLoad({ indicators, municipalities: asss2024, years: years(2015, 2024), weighted: false }, ctx);
    expect(tenYears.queries).toHaveLength(1);
    const q = tenYears.queries[0];
    expect(q.query.table).toBe("12362");
    expect(q.query.selection.Tid).toEqual(years(2015, 2024).map(String));
    expect(q.query.selection.KOKfunksjon0000).toEqual(expect.arrayContaining(["377", "385", "370", "373", "301", "303", "380", "335", "360", "338", "339", "355"]));
    expect(q.query.selection.KOKart0000).toEqual(["AGD2", "AGD10"]);
    expect(q.cells).toBe(Object.values(q.query.selection).reduce((n, c) => n * c.length, 1));
  });

  it("asks for the code each municipality had in each year", () => {
    expect(regionCodes([m("baerum")], [2017])).toEqual(["0219"]);
    expect(regionCodes([m("baerum")], [2024])).toEqual(["3201"]);
    expect(regionCodes([m("baerum")], [2019, 2020])).toEqual(["0219", "3024"]);
    expect(regionCodes([m("baerum"), m("tromso")], [2023, 2024])).toEqual(["3024", "3201", "5401", "5501"]);
    expect(regionCodes([m("lillestrom")], [2019])).toEqual([]);
    const plan = planLoad({ indicators: pmk, municipalities: [m("baerum")], years: [2017], weighted: false }, ctx);
    expect(plan.queries[0].url).toContain("valueCodes[KOKkommuneregion0000]=0219&");
  });

  it("plans both templates in one request per table, 12362 in two: f392 (valid to 2020) is asked for 2015–2020 only; road cost per km is fetched as its series, f332 gross from 12362 and km from 11814", () => {
    const plan = planLoad({ indicators: [...pmk, ...tt], municipalities: asss2024, years: years(2015, 2024), weighted: false }, ctx);
    expect(plan.queries.map((q) => q.query.table).sort()).toEqual(["11814", "12362", "12362", "12842"]);
    // f392 is valid to 2020: the request holding it asks 2015–2020 only, the other 2021–2024, and every other figure is in both.
    const [early, late] = plan.queries.filter((q) => q.query.table === "12362");
    expect([early.query.selection.Tid, late.query.selection.Tid]).toEqual([years(2015, 2020).map(String), years(2021, 2024).map(String)]);
    expect([early.query.selection.KOKfunksjon0000.includes("392"), late.query.selection.KOKfunksjon0000.includes("392")]).toEqual([true, false]);
    expect([early.indicators.includes("andre-trossamfunn"), late.indicators.includes("andre-trossamfunn")]).toEqual([true, false]);
    expect(late.indicators.length).toBe(early.indicators.length - 1);
    // Each asks for the codes the municipalities had in its years: Bærum 0219 and 3024 before 2021, 3024 and 3201 after.
    expect(early.query.selection.KOKkommuneregion0000).toEqual(expect.arrayContaining(["0219", "3024"]));
    expect(early.query.selection.KOKkommuneregion0000).not.toContain("3201");
    expect(late.query.selection.KOKkommuneregion0000).toEqual(expect.arrayContaining(["3024", "3201"]));
    expect(late.query.selection.KOKkommuneregion0000).not.toContain("0219");
    expect(plan.unavailable).toEqual([]);
    const of = (table: string) => plan.queries.find((q) => q.query.table === table)!.query.selection;
    expect(of("11814").ContentsCode).toEqual(["KOSkmkommvei0000"]);
    expect(of("12362").KOKfunksjon0000).toContain("332");
    expect(of("12362").KOKart0000).toContain("AGD10");
    expect(of("12362").ContentsCode).toContain("KOSbelop0000");
  });

  it("splits over the cell limit, and every cell is asked for exactly once", () => {
    const plan = planLoad({ indicators: pmk, municipalities: asss2024, years: years(2015, 2024), weighted: false }, { ...ctx, maxDataCells: 200 });
    expect(plan.queries.length).toBeGreaterThan(1);
    const cells = (queries: typeof plan.queries) => {
      const seen: string[] = [];
      for (const q of queries) {
        const s = q.query.selection;
        for (const r of s.KOKkommuneregion0000)
          for (const f of s.KOKfunksjon0000) for (const a of s.KOKart0000) for (const c of s.ContentsCode) for (const t of s.Tid) seen.push(`${r}/${f}/${a}/${c}/${t}`);
      }
      return seen;
    };
    for (const q of plan.queries) expect(q.cells).toBeLessThanOrEqual(200);
    const split = cells(plan.queries);
    expect(new Set(split).size).toBe(split.length);
    // Every figure the unsplit plan asks for (each indicator's function and art, its region codes and years) is still asked for.
    const whole = cells(planLoad({ indicators: pmk, municipalities: asss2024, years: years(2015, 2024), weighted: false }, ctx).queries);
    const needed = pmk.flatMap((i) => years(2015, 2024).flatMap((y) => {
      const ssb = selectorForYear(i, y);
      if (!ssb) return [];
      const { KOKfunksjon0000: fs, KOKart0000: as, ContentsCode: cs } = ssb.select;
      const codes = asss2024.map((mu) => codeForYear(mu, y)).filter((c) => c !== undefined);
      return codes.flatMap((r) => fs.flatMap((f) => as.flatMap((a) => cs.map((c) => `${r}/${f}/${a}/${c}/${y}`))));
    }));
    const asked = new Set(split);
    expect(needed.filter((k) => !asked.has(k))).toEqual([]);
    expect(needed.filter((k) => !whole.includes(k))).toEqual([]);
  });

  it("splits down to single values of a dimension when needed", () => {
    const parts = splitSelection({ A: ["1", "2", "3"], B: ["x", "y"] }, 2, ["A"]);
    expect(parts).toEqual([{ A: ["1"], B: ["x", "y"] }, { A: ["2"], B: ["x", "y"] }, { A: ["3"], B: ["x", "y"] }]);
    expect(splitSelection({ A: ["1", "2"], B: ["x", "y"] }, 1, ["A"])).toHaveLength(4);
  });

  it("sends a POST with a selection body when the GET URL would exceed 2,000 characters", () => {
    const many: Municipality[] = Array.from({ length: 400 }, (_, i) => ({ id: `m${i}`, name: `M${i}`, codes: [{ code: String(1000 + i) }] }));
    const plan = planLoad({ indicators: pmk, municipalities: many, years: [2017], weighted: false }, ctx);
    expect(plan.queries).toHaveLength(1);
    const q = plan.queries[0];
    expect(q.method).toBe("POST");
    expect(q.url).toBe(`${BASE}/tables/12362/data?lang=no&outputFormat=json-stat2`);
    const body = JSON.parse(q.body!);
    expect(body.selection).toEqual(expect.arrayContaining([{ variableCode: "Tid", valueCodes: ["2017"] }]));
    expect(body.selection.find((s: { variableCode: string }) => s.variableCode === "KOKkommuneregion0000").valueCodes).toHaveLength(400);
    expect(dataUrl(BASE, q.query, "no").length).toBeGreaterThan(2000);
  });

  it("keys the cache by method, URL and body", () => {
    expect(cacheKey({ method: "GET", url: "u" })).not.toBe(cacheKey({ method: "POST", url: "u", body: "{}" }));
    expect(cacheKey({ method: "POST", url: "u", body: "a" })).not.toBe(cacheKey({ method: "POST", url: "u", body: "b" }));
  });

  it("asks 12562 for barnehage's 2015–2019 and 13502 for 2020–2024, never a year a table lacks", () => {
    const bh = templateIndicators(templateById("barnehage")!);
    const plan = planLoad({ indicators: bh, municipalities: asss2024, years: years(2015, 2024), weighted: false }, ctx);
    const byTable = Object.fromEntries(plan.queries.map((q) => [q.query.table, q]));
    expect(plan.queries.filter((q) => ["12562", "13502"].includes(q.query.table))).toHaveLength(2);
    expect(byTable["12562"].query.selection.Tid).toEqual(years(2015, 2019).map(String));
    expect(byTable["13502"].query.selection.Tid).toEqual(years(2020, 2024).map(String));
    expect(byTable["12562"].indicators.sort()).toEqual(byTable["13502"].indicators.sort());
    // Each period asks for the codes the municipalities had in its years: Bærum 0219 for 12562, 3024 and 3201 for 13502.
    expect(byTable["12562"].query.selection.KOKkommuneregion0000).toContain("0219");
    expect(byTable["12562"].query.selection.KOKkommuneregion0000).not.toContain("3201");
    expect(byTable["13502"].query.selection.KOKkommuneregion0000).toEqual(expect.arrayContaining(["3024", "3201"]));
    expect(byTable["13502"].query.selection.KOKkommuneregion0000).not.toContain("0219");
  });

  it("never asks for f392 after 2020, and asks nothing for it in a year it is not valid in", () => {
    const f392 = pmk.filter((i) => i.id === "andre-trossamfunn");
    expect(planLoad({ indicators: f392, municipalities: asss2024, years: years(2021, 2024), weighted: false }, ctx)).toEqual({ queries: [], unavailable: [] });
    const all = planLoad({ indicators: pmk, municipalities: asss2024, years: years(2015, 2024), weighted: false }, ctx);
    for (const q of all.queries)
      if (q.query.selection.KOKfunksjon0000.includes("392")) expect(q.query.selection.Tid.every((t) => Number(t) <= 2020)).toBe(true);
  });

  it("asks 12842 for 1 January n+1 under the codes valid then, and names the data years", () => {
    const fee = tt.filter((i) => i.id === "arsgebyr-avfall");
    const plan = planLoad({ indicators: fee, municipalities: [m("baerum")], years: [2018, 2019], weighted: false }, ctx);
    expect(plan.queries).toHaveLength(1);
    const q = plan.queries[0];
    expect(q.query.selection.Tid).toEqual(["2019", "2020"]);
    // 1 January 2020 is under Bærum's 2020 code.
    expect(q.query.selection.KOKkommuneregion0000).toEqual(["0219", "3024"]);
    expect(q.years).toEqual([2018, 2019]);
  });

  it("asks 07459 for the end of the year (1 January n+1) over every age, as SSB's own 07459 answer requires", () => {
    const fee = tt.filter((i) => i.id === "arsgebyr-avfall").map((i) => ({ ...i, weight: "population" as const }));
    const plan = planLoad({ indicators: fee, municipalities: asss2024, years: [2017], weighted: true }, ctx);
    const pop = plan.queries.find((q) => q.query.table === "07459")!;
    expect(pop.query.selection.Tid).toEqual(["2018"]);
    expect(pop.years).toEqual([2017]);
    // SSB's recorded 07459 response: which dimensions a query may leave out, and how ages are coded.
    const recorded = JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "ssb-recorded", "v2-data-07459-80plus-2017-2024.json"), "utf8"));
    const mandatory = (recorded.id as string[]).filter((d) => recorded.dimension[d].extension.elimination === false);
    expect(mandatory).toEqual(["Region", "Alder", "ContentsCode", "Tid"]);
    for (const d of mandatory) expect(pop.query.selection[d]?.length).toBeGreaterThan(0);
    // Every age SSB answered with (080–104) is asked for, in SSB's coding, and the ages run 000–105+ without a gap.
    expect(pop.query.selection.Alder).toEqual(expect.arrayContaining(Object.keys(recorded.dimension.Alder.category.index)));
    expect(pop.query.selection.Alder).toHaveLength(106);
    expect(pop.query.selection.Alder.slice(0, 2)).toEqual(["000", "001"]);
    expect(pop.query.selection.Alder[105]).toBe("105+");
    // Sex may be left out (elimination), and is.
    expect(recorded.dimension.Kjonn.extension.elimination).toBe(true);
    expect(pop.query.selection.Kjonn).toBeUndefined();
    expect(Object.keys(recorded.dimension.ContentsCode.category.index)).toEqual(pop.query.selection.ContentsCode);
  });

  it("asks for KS's home-service figures by age: f254 from 12367, inhabitants 0–66 and 67+ from 07459 at 1 January n+1, and names the 12292 hours as not confirmed", () => {
    const plo = [...templateIndicators(templateById("pleie-omsorg-0-66")!), ...templateIndicators(templateById("pleie-omsorg-67")!)];
    const plan = planLoad({ indicators: plo, municipalities: [m("baerum")], years: [2017, 2018], weighted: true }, ctx);
    const a = plan.queries.find((q) => q.query.table === "12367")!;
    expect(a.indicators).toEqual(["hjemmetjeneste-netto-belop"]);
    expect(a.query.selection).toEqual({ KOKkommuneregion0000: ["0219"], KOKregnskapsomfa0000: ["A"], KOKfunksjon0000: ["254"], KOKart0000: ["AGD2"], ContentsCode: ["KOSbelop0000"], Tid: ["2017", "2018"] });
    const d = plan.queries.find((q) => q.query.table === "07459")!;
    expect(d.indicators.sort()).toEqual(["innbyggere-0-66", "innbyggere-67-og-eldre"]);
    // The end of 2017 and 2018: 1 January 2018 and 2019.
    expect([d.query.selection.Tid, d.years]).toEqual([["2018", "2019"], [2017, 2018]]);
    // The two figures divide by inhabitants 0–66 and 67+.
    expect(plo.flatMap((i) => i.ratio?.denominator ?? []).sort()).toEqual(["innbyggere-0-66", "innbyggere-67-og-eldre"]);
    const young = indicatorFor("innbyggere-0-66")!.ssb!.select.Alder;
    const old = indicatorFor("innbyggere-67-og-eldre")!.ssb!.select.Alder;
    expect([young.length, young[0], young[66], old.length, old[0], old[old.length - 1]]).toEqual([67, "000", "066", 39, "067", "105+"]);
    // Together every age once, as SSB's 07459 has them; the request asks for all of them.
    expect([...young, ...old]).toEqual(indicatorFor("folkemengde")!.ssb!.select.Alder);
    expect(d.query.selection.Alder).toEqual([...young, ...old]);
    expect(d.query.selection.Kjonn).toBeUndefined();
    expect(plan.queries.some((q) => q.query.table === "12292" && q.indicators.some((i) => i.startsWith("hjemmetjeneste-timer")))).toBe(false);
    expect(plan.unavailable.map((u) => u.indicator)).toEqual(["hjemmetjeneste-timer-0-66", "hjemmetjeneste-timer-67"]);
    expect(plan.unavailable[0].reason.nb).toContain("ikke bekreftet");
  });

  it("asks 07459 only for the years no 12362 request brings population for", () => {
    const f392 = pmk.filter((i) => i.id === "andre-trossamfunn");
    const plan = planLoad({ indicators: f392, municipalities: asss2024, years: years(2019, 2022), weighted: true }, ctx);
    const pop = plan.queries.find((q) => q.query.table === "07459")!;
    // f392's 12362 request (2019–2020) carries amount and per inhabitant; 2021–2022 need 07459.
    expect(pop.years).toEqual([2021, 2022]);
    expect(pop.query.selection.Tid).toEqual(["2022", "2023"]);
  });
});
