import { templateById, templateIndicators } from "../../src/kostra/catalog";
import { municipalityById } from "../../src/kostra/municipalities";
import { networkById, networkMembers } from "../../src/kostra/networks";
import type { Municipality } from "../../src/kostra/types";
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
    const indicators = [...[...pmk, ...tt].filter((i) => i.ssb?.table === "12362"), extra("vei-brutto", "332"), extra("idrettsbygg", "381")];
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
    expect(q.query.selection.KOKfunksjon0000).toEqual(expect.arrayContaining(["377", "385", "370", "392", "301", "303", "380", "335", "360", "338", "339", "355"]));
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

  it("plans one request per table for both templates; road cost per km is fetched as its series, f332 gross from 12362 and km from 11814", () => {
    const plan = planLoad({ indicators: [...pmk, ...tt], municipalities: asss2024, years: years(2015, 2024), weighted: false }, ctx);
    expect(plan.queries.map((q) => q.query.table).sort()).toEqual(["11814", "12362", "12842"]);
    expect(plan.unavailable).toEqual([]);
    const of = (table: string) => plan.queries.find((q) => q.query.table === table)!.query.selection;
    expect(of("11814").ContentsCode).toEqual(["KOSkmkommvei0000"]);
    expect(of("12362").KOKfunksjon0000).toContain("332");
    expect(of("12362").KOKart0000).toContain("AGD10");
    expect(of("12362").ContentsCode).toContain("KOSbelop0000");
  });

  it("adds the amount series for a weighted average, or population from 07459 when no 12362 table is loaded", () => {
    const plan = planLoad({ indicators: pmk, municipalities: asss2024, years: [2024], weighted: true }, ctx);
    expect(plan.queries).toHaveLength(1);
    expect(plan.queries[0].query.selection.ContentsCode).toEqual(["KOSbelopinnbygge0000", "KOSbelop0000"]);
    // The waste fee is averaged simply (no weight): a weighted load asks for nothing more.
    const fee = tt.filter((i) => i.id === "arsgebyr-avfall");
    expect(fee[0].weight).toBe("none");
    const feePlan = planLoad({ indicators: fee, municipalities: asss2024, years: [2024], weighted: true }, ctx);
    expect(feePlan.queries.map((q) => q.query.table)).toEqual(["12842"]);
    // A figure weighted by population from a table without amounts gets population from 07459.
    const perInhabitant = fee.map((i) => ({ ...i, weight: "population" as const }));
    const popPlan = planLoad({ indicators: perInhabitant, municipalities: asss2024, years: [2024], weighted: true }, ctx);
    expect(popPlan.queries.map((q) => q.query.table)).toEqual(["12842", "07459"]);
  });

  it("splits over the cell limit along years, and every cell is asked for exactly once", () => {
    const plan = planLoad({ indicators: pmk, municipalities: asss2024, years: years(2015, 2024), weighted: false }, { ...ctx, maxDataCells: 200 });
    expect(plan.queries.length).toBeGreaterThan(1);
    const seen = new Set<string>();
    for (const q of plan.queries) {
      expect(q.cells).toBeLessThanOrEqual(200);
      const s = q.query.selection;
      for (const r of s.KOKkommuneregion0000) for (const f of s.KOKfunksjon0000) for (const t of s.Tid) {
        const k = `${r}/${f}/${t}`;
        expect(seen.has(k)).toBe(false);
        seen.add(k);
      }
    }
    const whole = planLoad({ indicators: pmk, municipalities: asss2024, years: years(2015, 2024), weighted: false }, ctx).queries[0];
    expect(seen.size).toBe(whole.cells);
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
});
