/**
 * Merger back series for Drammen, Kristiansand and Lillestrøm across 2019/2020.
 * Every figure here is SYNTHETIC (invented for the arithmetic); the municipalities, codes
 * and mergers are real (1 January 2020).
 */
import { amountIndicatorOf, indicatorFor } from "../../src/kostra/catalog";
import { backSeries, mergerYearAfter, predecessorsOf, preMergerYears, structureInYear } from "../../src/kostra/mergers";
import { MUNICIPALITIES } from "../../src/kostra/municipalities";
import type { Dataset, Indicator, Municipality, Observation } from "../../src/kostra/types";

/**
 * The 2020 mergers as the registry describes them (written out here so the arithmetic does
 * not depend on the rest of the registry), plus Tysfjord, split between Narvik and Hamarøy.
 */
const OWN_IDS = ["drammen", "nedre-eiker", "svelvik", "kristiansand", "songdalen", "sogne", "lillestrom", "skedsmo", "fet", "sorum", "narvik", "tysfjord"];
const REGISTRY: Municipality[] = [
  ...MUNICIPALITIES.filter((m) => !OWN_IDS.includes(m.id) && m.successor === undefined),
  { id: "drammen", name: "Drammen", codes: [{ code: "0602", to: 2019 }, { code: "3005", from: 2020, to: 2023 }, { code: "3301", from: 2024 }] },
  { id: "nedre-eiker", name: "Nedre Eiker", codes: [{ code: "0625", to: 2019 }], successor: "drammen" },
  { id: "svelvik", name: "Svelvik", codes: [{ code: "0711", to: 2019 }], successor: "drammen" },
  { id: "kristiansand", name: "Kristiansand", codes: [{ code: "1001", to: 2019 }, { code: "4204", from: 2020 }] },
  { id: "songdalen", name: "Songdalen", codes: [{ code: "1017", to: 2019 }], successor: "kristiansand" },
  { id: "sogne", name: "Søgne", codes: [{ code: "1018", to: 2019 }], successor: "kristiansand" },
  { id: "lillestrom", name: "Lillestrøm", codes: [{ code: "3030", from: 2020, to: 2023 }, { code: "3205", from: 2024 }] },
  { id: "skedsmo", name: "Skedsmo", codes: [{ code: "0231", to: 2019 }], successor: "lillestrom" },
  { id: "fet", name: "Fet", codes: [{ code: "0227", to: 2019 }], successor: "lillestrom" },
  { id: "sorum", name: "Sørum", codes: [{ code: "0226", to: 2019 }], successor: "lillestrom" },
  { id: "narvik", name: "Narvik", codes: [{ code: "1805", to: 2019 }, { code: "1806", from: 2020 }] },
  { id: "tysfjord", name: "Tysfjord", codes: [{ code: "1850", to: 2019 }], successor: "narvik", successors: ["narvik", "hamaroy"] },
];

const ind = (id: string): Indicator => indicatorFor(id)!;
const KUNST = ind("kunstformidling");
const KUNST_BELOP = amountIndicatorOf(KUNST)!;
const POP = ind("folkemengde");
const SHARE = ind("barnehage-andel-barn-1-5");
const KEY = ind("grunnskole-grunnskolepoeng");
const ROAD_AMOUNT = ind("kommunale-veier-brutto-belop");
const PER_CHILD = ind("barnevern-netto-per-barn-undersokelse-tiltak");
const CHILDREN = ind("barnevern-barn-undersokelse-tiltak-0-22");

const code = (id: string, year: number) => structureInYear(id, year, REGISTRY)?.parts.find((p) => p.id === id)?.code ?? REGISTRY.find((m) => m.id === id)!.codes.at(-1)!.code;

/** SYNTHETIC observations: [indicator, municipality, year, value | status]. */
function dataset(rows: [string, string, number, number | string][]): Dataset {
  const observations: Observation[] = rows.map(([indicator, municipality, year, v]) => {
    const m = REGISTRY.find((x) => x.id === municipality)!;
    const c = m.codes.find((p) => (p.from ?? 0) <= year && year <= (p.to ?? 9999))!.code;
    return typeof v === "number" ? { indicator, municipality, year, code: c, value: v, provenance: 0 } : { indicator, municipality, year, code: c, value: null, status: v, provenance: 0 };
  });
  return { observations, provenance: [{ source: "sample", synthetic: true }] };
}

const DRAMMEN_2019 = { drammen: { pop: 69_000, kunst: 210, belop: 14_490 }, "nedre-eiker": { pop: 25_000, kunst: 90, belop: 2_250 }, svelvik: { pop: 6_700, kunst: 400, belop: 2_680 } } as const;

describe("merger structure", () => {
  it("finds the predecessors of each merged municipality", () => {
    expect(predecessorsOf("drammen", REGISTRY).map((m) => m.id)).toEqual(["nedre-eiker", "svelvik"]);
    expect(predecessorsOf("kristiansand", REGISTRY).map((m) => m.id)).toEqual(["songdalen", "sogne"]);
    expect(predecessorsOf("lillestrom", REGISTRY).map((m) => m.id).sort()).toEqual(["fet", "skedsmo", "sorum"]);
    expect(predecessorsOf("baerum", REGISTRY)).toEqual([]);
  });

  it("gives the make-up in 2019 with each code of that year, and nothing from 2020", () => {
    expect(structureInYear("drammen", 2019, REGISTRY)?.parts.map((p) => `${p.name} ${p.code}`)).toEqual(["Drammen 0602", "Nedre Eiker 0625", "Svelvik 0711"]);
    expect(structureInYear("kristiansand", 2019, REGISTRY)?.parts.map((p) => p.code)).toEqual(["1001", "1017", "1018"]);
    // Lillestrøm had no code of its own before 2020.
    expect(structureInYear("lillestrom", 2019, REGISTRY)?.parts.map((p) => p.code)).toEqual(["0226", "0227", "0231"]);
    for (const id of ["drammen", "kristiansand", "lillestrom"]) expect(structureInYear(id, 2020, REGISTRY)).toBeNull();
    expect(structureInYear("baerum", 2019, REGISTRY)).toBeNull();
    expect(preMergerYears("drammen", [2020, 2018, 2019], REGISTRY).map((s) => s.year)).toEqual([2018, 2019]);
    expect(mergerYearAfter("drammen", [2018, 2019, 2020], REGISTRY)).toBe(2020);
    expect(structureInYear("drammen", 2017, REGISTRY)?.mergerYear).toBe(2020);
    expect(mergerYearAfter("drammen", [2020, 2021], REGISTRY)).toBeNull();
  });

  it("sums no split municipality: Narvik 2019 has no computed figures", () => {
    const narvik = structureInYear("narvik", 2019, REGISTRY)!;
    expect(narvik.parts.map((p) => p.code)).toEqual(["1805"]);
    expect(narvik.split.map((p) => p.code)).toEqual(["1850"]);
    expect(predecessorsOf("narvik", REGISTRY)).toEqual([]);
    expect(structureInYear("drammen", 2019, REGISTRY)?.split).toEqual([]);
    const ds = dataset([
      ["folkemengde", "narvik", 2019, 18_000],
      ["folkemengde", "tysfjord", 2019, 1_900],
    ]);
    const r = backSeries(ds, { municipality: "narvik", indicators: [POP], years: [2019], registry: REGISTRY });
    expect(r.observations).toEqual([]);
    expect(r.notComputed).toMatchObject([{ indicator: "folkemengde", year: 2019, kind: "split" }]);
    expect(r.notComputed[0].reason.nb).toContain("Tysfjord (1850) ble delt");
  });
});

describe("back series", () => {
  const drammen = (extra: [string, string, number, number | string][] = []) =>
    dataset([
      ...Object.entries(DRAMMEN_2019).flatMap(([id, v]) => [
        ["folkemengde", id, 2019, v.pop],
        ["kunstformidling", id, 2019, v.kunst],
        [KUNST_BELOP.id, id, 2019, v.belop],
      ] as [string, string, number, number][]),
      ["folkemengde", "drammen", 2020, 101_000],
      ["kunstformidling", "drammen", 2020, 190],
      ...extra,
    ]);

  it("sums population for Drammen 2019 and computes nothing for 2020", () => {
    const r = backSeries(drammen(), { municipality: "drammen", indicators: [POP], years: [2019, 2020], registry: REGISTRY });
    expect(r.observations).toHaveLength(1);
    const o = r.observations[0];
    expect(o).toMatchObject({ indicator: "folkemengde", municipality: "drammen", year: 2019, code: "0602+0625+0711" });
    expect(o.value).toBe(69_000 + 25_000 + 6_700);
    expect(o.computed?.method).toBe("sum");
    expect(o.computed?.parts.map((p) => [p.municipality, p.code, p.value])).toEqual([["drammen", "0602", 69_000], ["nedre-eiker", "0625", 25_000], ["svelvik", "0711", 6_700]]);
    expect(o.computed?.note.nb).toMatch(/^Beregnet \(sammenslått\): summen for Drammen \(0602\), Nedre Eiker \(0625\) og Svelvik \(0711\)/);
  });

  it("recomputes per-capita from summed amounts and population, not the average of per-capita values", () => {
    const r = backSeries(drammen(), { municipality: "drammen", indicators: [KUNST], years: [2019, 2020], registry: REGISTRY });
    const o = r.observations.find((x) => x.indicator === "kunstformidling" && x.year === 2019)!;
    const parts = Object.values(DRAMMEN_2019);
    const expected = (parts.reduce((s, p) => s + p.belop, 0) * 1000) / parts.reduce((s, p) => s + p.pop, 0);
    expect(o.value).toBeCloseTo(expected, 9);
    const mean = parts.reduce((s, p) => s + p.kunst, 0) / parts.length;
    expect(Math.abs(o.value! - mean)).toBeGreaterThan(10);
    expect(o.computed).toMatchObject({ method: "ratio-of-sums", amountScale: 1000 });
    expect(o.computed!.parts.filter((p) => p.role === "amount").map((p) => p.indicator)).toEqual(Array(3).fill("kunstformidling:belop"));
    expect(o.computed!.parts.filter((p) => p.role === "denominator").map((p) => p.value)).toEqual(parts.map((p) => p.pop));
    expect(o.computed!.note.nb).toContain("sum beløp ÷ sum folkemengde");
  });

  it("derives the amount as value × population when the amount series is missing, and says so", () => {
    const ds = drammen();
    ds.observations = ds.observations.filter((o) => !(o.indicator === KUNST_BELOP.id && o.municipality === "svelvik"));
    const o = backSeries(ds, { municipality: "drammen", indicators: [KUNST], years: [2019], registry: REGISTRY }).observations[0];
    const parts = Object.values(DRAMMEN_2019);
    expect(o.value).toBeCloseTo(parts.reduce((s, p) => s + p.kunst * p.pop, 0) / parts.reduce((s, p) => s + p.pop, 0), 9);
    expect(o.computed?.amountScale).toBeUndefined();
    expect(o.computed!.parts.filter((p) => p.role === "amount").every((p) => p.derived === "value-times-denominator" && p.indicator === "kunstformidling")).toBe(true);
    expect(o.computed!.note.nb).toMatch(/beløpet er regnet ut fordi SSBs beløp mangler/);
  });

  it("sums Kristiansand's amounts and recomputes a per-child figure from its count", () => {
    const ds = dataset([
      [ROAD_AMOUNT.id, "kristiansand", 2019, 120_000],
      [ROAD_AMOUNT.id, "songdalen", 2019, 11_000],
      [ROAD_AMOUNT.id, "sogne", 2019, 14_500],
      [PER_CHILD.id, "kristiansand", 2019, 150_000],
      [PER_CHILD.id, "songdalen", 2019, 90_000],
      [PER_CHILD.id, "sogne", 2019, 120_000],
      [CHILDREN.id, "kristiansand", 2019, 1_400],
      [CHILDREN.id, "songdalen", 2019, 100],
      [CHILDREN.id, "sogne", 2019, 200],
    ]);
    const r = backSeries(ds, { municipality: "kristiansand", indicators: [ROAD_AMOUNT, PER_CHILD], years: [2019, 2020], registry: REGISTRY });
    expect(r.observations.find((o) => o.indicator === ROAD_AMOUNT.id)!.value).toBe(120_000 + 11_000 + 14_500);
    const perChild = r.observations.find((o) => o.indicator === PER_CHILD.id)!;
    expect(perChild.value).toBeCloseTo((150_000 * 1_400 + 90_000 * 100 + 120_000 * 200) / 1_700, 6);
    expect(perChild.code).toBe("1001+1017+1018");
    expect(perChild.computed!.parts.filter((p) => p.role === "denominator").map((p) => p.indicator)).toEqual(Array(3).fill(CHILDREN.id));
  });

  it("leaves shares and key figures as a break, with the reason", () => {
    const ds = dataset([
      [SHARE.id, "skedsmo", 2019, 92.1],
      [SHARE.id, "fet", 2019, 88.0],
      [SHARE.id, "sorum", 2019, 90.3],
      [KEY.id, "skedsmo", 2019, 42.1],
      [KEY.id, "fet", 2019, 41.0],
      [KEY.id, "sorum", 2019, 40.2],
    ]);
    const r = backSeries(ds, { municipality: "lillestrom", indicators: [SHARE, KEY], years: [2019, 2020], registry: REGISTRY });
    expect(r.observations).toEqual([]);
    expect(r.notComputed.map((n) => [n.indicator, n.year, n.kind])).toEqual([
      [SHARE.id, 2019, "not-additive"],
      [KEY.id, 2019, "not-additive"],
    ]);
    expect(r.notComputed[0].reason.nb).toMatch(/er en andel og kan ikke legges sammen for Sørum \(0226\), Fet \(0227\) og Skedsmo \(0231\)/);
  });

  it("gives no value when a part is missing, naming the part and SSB's symbol", () => {
    const rows: [string, string, number, number | string][] = [
      ["folkemengde", "skedsmo", 2019, 55_000],
      ["folkemengde", "fet", 2019, 11_500],
      ["folkemengde", "sorum", 2019, 17_500],
      ["kunstformidling", "skedsmo", 2019, 120],
      ["kunstformidling", "fet", 2019, ":"],
      ["kunstformidling", "sorum", 2019, 80],
    ];
    const r = backSeries(dataset(rows), { municipality: "lillestrom", indicators: [POP, KUNST], years: [2019], registry: REGISTRY });
    expect(r.observations.map((o) => o.indicator)).toEqual(["folkemengde"]);
    expect(r.notComputed).toHaveLength(1);
    expect(r.notComputed[0]).toMatchObject({ indicator: "kunstformidling", year: 2019, kind: "missing-part" });
    expect(r.notComputed[0].reason.nb).toContain("Fet (0227)");
    expect(r.notComputed[0].reason.nb).toContain("«:»");

    // No population for Sørum: no per-capita figure either, and the reason says which.
    const noPop = backSeries(dataset(rows.filter((x) => !(x[0] === "folkemengde" && x[1] === "sorum"))), { municipality: "lillestrom", indicators: [POP], years: [2019], registry: REGISTRY });
    expect(noPop.observations).toEqual([]);
    expect(noPop.notComputed[0].reason.nb).toMatch(/ingen «Folkemengde» for Sørum \(0226\)/);
  });

  it("never uses a part's figure published under another code", () => {
    // An observation for Drammen 2019 under the new code (3005) is not old Drammen's.
    const ds = dataset([
      ["folkemengde", "nedre-eiker", 2019, 25_000],
      ["folkemengde", "svelvik", 2019, 6_700],
    ]);
    ds.observations.push({ indicator: "folkemengde", municipality: "drammen", year: 2019, code: "3005", value: 101_000, provenance: 0 });
    const r = backSeries(ds, { municipality: "drammen", indicators: [POP], years: [2019], registry: REGISTRY });
    expect(r.observations).toEqual([]);
    expect(r.notComputed[0].reason.nb).toContain("Drammen (0602)");
    expect(code("drammen", 2019)).toBe("0602");
  });
});
