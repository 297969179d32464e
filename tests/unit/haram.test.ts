/**
 * Ålesund and Haram: Ålesund (1507) was merged in 2020 from Ålesund (1504), Ørskog (1523),
 * Skodje (1529), Haram (1534) and Sandøy (1546); Haram left again on 1 January 2024
 * (Haram 1580, Ålesund 1508). A back series is shown on the municipal structure of the
 * profile year: a 2024 Ålesund is old Ålesund + Ørskog + Skodje + Sandøy before 2020 and
 * cannot be compared with its 2020–2023 figures (they contain Haram, for which SSB has no
 * figures then); a 2021 Ålesund is the five municipalities before 2020. The registry is the
 * product's own; every figure is SYNTHETIC (tests/support/alesund-data.ts).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { indicatorFor } from "../../src/kostra/catalog";
import { backSeries, mergerYearAfter, predecessorsOf, preMergerYears, structureInYear } from "../../src/kostra/mergers";
import { municipalityById } from "../../src/kostra/municipalities";
import { regionCodesWithPredecessors } from "../../src/sources/ssb/planner";
import { ALESUND_FIGURES, alesundDataset } from "../support/alesund-data";

const POP = indicatorFor("folkemengde")!;
const KUNST = indicatorFor("kunstformidling")!;
const codes = (id: string, year: number, asOf?: number) => structureInYear(id, year, undefined, asOf)?.parts.map((p) => `${p.name} ${p.code}`);
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];

describe("the registry's Ålesund and Haram against SSB's recorded region lists", () => {
  const DIR = join(__dirname, "..", "fixtures", "ssb-recorded");
  // SSB's 2026 region list (12209): "1507,Ålesund (2020-2023)" and the like.
  const labels = new Map(
    readFileSync(join(DIR, "v2-regions-KOKkommuneregion0000-891.csv"), "utf8")
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((l) => [l.slice(0, l.indexOf(",")), l.slice(l.indexOf(",") + 1)] as const),
  );
  const klass = (JSON.parse(readFileSync(join(DIR, "klass-131-codesAt-2026-01-01.json"), "utf8")) as { codes: { code: string; name: string }[] }).codes;

  it.each([
    ["alesund", "1504", "Ålesund (-2019)", undefined, 2019],
    ["alesund", "1507", "Ålesund (2020-2023)", 2020, 2023],
    ["alesund", "1508", "Ålesund", 2024, undefined],
    ["haram", "1534", "Haram (-2019)", undefined, 2019],
    ["haram", "1580", "Haram", 2024, undefined],
    ["orskog", "1523", "Ørskog (-2019)", undefined, 2019],
    ["skodje", "1529", "Skodje (-2019)", undefined, 2019],
    ["sandoy", "1546", "Sandøy (-2019)", undefined, 2019],
  ])("%s has %s with SSB's period «%s»", (id, code, label, from, to) => {
    expect(labels.get(code)).toBe(label);
    const period = municipalityById(id)!.codes.find((p) => p.code === code);
    expect(period && { from: period.from, to: period.to }).toEqual({ from, to });
  });

  it("Haram has no code 2020–2023 and is part of Ålesund then; Klass 131 at 2026-01-01 has 1508 Ålesund and 1580 Haram only", () => {
    const haram = municipalityById("haram")!;
    expect(haram.partOf).toEqual([{ id: "alesund", from: 2020, to: 2023 }]);
    expect(haram.successor).toBeUndefined();
    expect(["orskog", "skodje", "sandoy"].map((id) => municipalityById(id)!.successor)).toEqual(["alesund", "alesund", "alesund"]);
    expect(klass.filter((k) => ["1504", "1507", "1508", "1534", "1580"].includes(k.code)).map((k) => `${k.code} ${k.name}`)).toEqual(["1508 Ålesund", "1580 Haram"]);
  });
});

describe("Ålesund's structure per reference year", () => {
  it("a present-day (2024) Ålesund: before 2020 the four municipalities without Haram", () => {
    for (const asOf of [undefined, 2024, 2025])
      expect(codes("alesund", 2019, asOf)).toEqual(["Ålesund 1504", "Ørskog 1523", "Skodje 1529", "Sandøy 1546"]);
    expect(predecessorsOf("alesund").map((m) => m.id)).toEqual(["orskog", "skodje", "sandoy"]);
    expect(structureInYear("alesund", 2024, undefined, 2024)).toBeNull();
  });

  it("a present-day Ålesund's 2020–2023 figures contain Haram: a break that summing cannot mend", () => {
    for (const y of [2020, 2021, 2022, 2023]) {
      const s = structureInYear("alesund", y, undefined, 2024)!;
      expect(s.parts.map((p) => p.code)).toEqual(["1507"]);
      expect(s.included).toEqual([{ id: "haram", name: "Haram", from: 2020, to: 2023 }]);
      expect(s.mergerYear).toBe(2024);
    }
    expect(structureInYear("alesund", 2019, undefined, 2024)!.included).toEqual([]);
    expect(preMergerYears("alesund", YEARS, undefined, 2024).map((s) => s.year)).toEqual([2019, 2020, 2021, 2022, 2023]);
    expect(mergerYearAfter("alesund", YEARS, undefined, 2024)).toBe(2024);
    expect(mergerYearAfter("alesund", [2018, 2019], undefined, 2024)).toBe(2020);
  });

  it("the Ålesund of 2020–2023 includes Haram: before 2020 the five municipalities", () => {
    for (const asOf of [2020, 2021, 2023]) {
      expect(codes("alesund", 2019, asOf)).toEqual(["Ålesund 1504", "Ørskog 1523", "Skodje 1529", "Haram 1534", "Sandøy 1546"]);
      expect(structureInYear("alesund", 2019, undefined, asOf)!.mergerYear).toBe(2020);
      expect(structureInYear("alesund", 2019, undefined, asOf)!.asOf).toBe(asOf);
      for (const y of [2020, 2021, 2022, 2023]) expect(structureInYear("alesund", y, undefined, asOf)).toBeNull();
    }
    expect(predecessorsOf("alesund", undefined, 2021).map((m) => m.id)).toEqual(["orskog", "skodje", "sandoy", "haram"]);
    // After Haram left, the 2021 area is Ålesund and Haram together again.
    expect(codes("alesund", 2024, 2021)).toEqual(["Ålesund 1508", "Haram 1580"]);
    expect(structureInYear("alesund", 2024, undefined, 2021)!.mergerYear).toBe(2024);
  });

  it("Haram (2024) was part of Ålesund 2020–2023 and is its own municipality before 2020", () => {
    expect(structureInYear("haram", 2019, undefined, 2024)).toBeNull();
    expect(structureInYear("haram", 2024, undefined, 2024)).toBeNull();
    for (const y of [2020, 2021, 2022, 2023]) {
      const s = structureInYear("haram", y, undefined, 2024)!;
      expect(s.parts).toEqual([]);
      expect(s.partOf).toEqual({ id: "alesund", code: "1507", name: "Ålesund", from: 2020, to: 2023 });
      expect(s.mergerYear).toBe(2024);
    }
    expect(predecessorsOf("haram")).toEqual([]);
  });

  it("the planner asks for the codes of every structure the years can be shown on", () => {
    const alesund = municipalityById("alesund")!;
    const haram = municipalityById("haram")!;
    // 2019–2024: Ålesund's own codes, the three merged away, and Haram before 2020 and from 2024 (for a 2020–2023 profile).
    expect(regionCodesWithPredecessors([alesund], YEARS)).toEqual(["1504", "1507", "1508", "1523", "1529", "1546", "1534", "1580"]);
    // Only present-day years: no Haram (its own figures are not part of a 2024 Ålesund).
    expect(regionCodesWithPredecessors([alesund], [2018, 2019, 2024])).toEqual(["1504", "1508", "1523", "1529", "1546"]);
    expect(regionCodesWithPredecessors([haram], YEARS)).toEqual(["1534", "1580"]);
  });
});

describe("Ålesund's and Haram's back series", () => {
  const dataset = alesundDataset();
  const f = ALESUND_FIGURES;

  it("a 2024 Ålesund in 2019: Σ amounts ÷ Σ population of Ålesund, Ørskog, Skodje and Sandøy (not Haram)", () => {
    const r = backSeries(dataset, { municipality: "alesund", indicators: [POP, KUNST], years: YEARS, asOf: 2024 });
    const pop = r.observations.find((o) => o.indicator === "folkemengde" && o.year === 2019)!;
    // 67 000 + 2 300 + 4 700 + 1 250 = 75 250
    expect(pop.value).toBe(75_250);
    expect(pop.code).toBe("1504+1523+1529+1546");
    const kunst = r.observations.find((o) => o.indicator === "kunstformidling" && o.year === 2019)!;
    // (13 400 + 230 + 470 + 125) × 1000 ÷ 75 250 = 14 225 000 ÷ 75 250 = 189.0365…
    expect(kunst.value).toBeCloseTo(14_225_000 / 75_250, 9);
    expect(kunst.value).toBeCloseTo(189.0365, 4);
    expect(r.observations.map((o) => o.year)).toEqual([2019, 2019]);
  });

  it("a 2024 Ålesund in 2020–2023: no computed value, the reason says Haram was part of Ålesund", () => {
    const r = backSeries(dataset, { municipality: "alesund", indicators: [POP, KUNST], years: YEARS, asOf: 2024 });
    const skipped = r.notComputed.filter((n) => n.year >= 2020);
    expect(skipped.map((n) => `${n.indicator} ${n.year} ${n.kind}`)).toEqual(
      [2020, 2021, 2022, 2023].flatMap((y) => [`folkemengde ${y} included`, `kunstformidling ${y} included`]),
    );
    expect(skipped[0].reason.nb).toBe("Haram var en del av Ålesund 2020–2023: Ålesunds tall for 2020 omfatter Haram, og SSB har ingen egne tall for Haram i de årene.");
    expect(skipped[0].reason.en).toBe("Haram was part of Ålesund 2020–2023: Ålesund's figures for 2020 include Haram, and SSB has no figures of Haram's own in those years.");
  });

  it("a 2021 Ålesund in 2019: the five municipalities, Haram included", () => {
    const r = backSeries(dataset, { municipality: "alesund", indicators: [POP, KUNST], years: [2019, 2020, 2021], asOf: 2021 });
    expect(r.notComputed).toEqual([]);
    const pop = r.observations.find((o) => o.indicator === "folkemengde")!;
    // 75 250 + 9 200 = 84 450
    expect(pop.value).toBe(84_450);
    expect(pop.code).toBe("1504+1523+1529+1534+1546");
    // (14 225 + 920) × 1000 ÷ 84 450 = 15 145 000 ÷ 84 450 = 179.3369…
    const kunst = r.observations.find((o) => o.indicator === "kunstformidling")!;
    expect(kunst.value).toBeCloseTo(15_145_000 / 84_450, 9);
    expect(kunst.value).toBeCloseTo(179.3369, 4);
    expect(kunst.computed!.parts.filter((p) => p.role === "denominator").map((p) => [p.code, p.value])).toEqual(
      [["1504", f.alesund[2019][0]], ["1523", f.orskog[2019][0]], ["1529", f.skodje[2019][0]], ["1534", f.haram[2019][0]], ["1546", f.sandoy[2019][0]]],
    );
  });

  it("a 2021 Ålesund in 2024: Ålesund and Haram summed again", () => {
    const r = backSeries(dataset, { municipality: "alesund", indicators: [POP], years: [2021, 2024], asOf: 2021 });
    // 77 000 + 9 300
    expect(r.observations.map((o) => [o.year, o.code, o.value])).toEqual([[2024, "1508+1580", 86_300]]);
  });

  it("Haram (2024): no figures 2020–2023, with the reason; its own code's figures before 2020", () => {
    const r = backSeries(dataset, { municipality: "haram", indicators: [KUNST], years: YEARS, asOf: 2024 });
    expect(r.observations).toEqual([]);
    expect(r.notComputed.map((n) => `${n.year} ${n.kind}`)).toEqual(["2020 part-of", "2021 part-of", "2022 part-of", "2023 part-of"]);
    expect(r.notComputed[0].reason.nb).toBe("Haram var en del av Ålesund 2020–2023 og har ingen egne tall for 2020 («.»).");
    expect(r.notComputed[0].reason.en).toBe("Haram was part of Ålesund 2020–2023 and has no figures of its own for 2020 (\".\").");
    expect(r.structure.map((s) => s.year)).toEqual([2020, 2021, 2022, 2023]);
  });
});
