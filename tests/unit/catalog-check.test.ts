import fs from "fs";
import path from "path";
import { INDICATORS, SECTORS } from "../../src/kostra/catalog";
import type { Indicator } from "../../src/kostra/types";
import { checkCatalog, checkSelector, describeSelectorProblem, readMetadataSource, tableIdOf, type TableMetadataSource } from "../../src/sources/ssb/catalog-check";

const DIR = path.join(__dirname, "../fixtures/ssb/metadata");
const tables = new Map<string, TableMetadataSource>(
  fs.readdirSync(DIR).filter((f) => f.endsWith(".json")).map((f) => [f.slice(0, 5), readMetadataSource(JSON.parse(fs.readFileSync(path.join(DIR, f), "utf8")), f)]),
);
const bibliotek = INDICATORS.find((i) => i.id === "bibliotek") as Indicator;

describe("catalog selectors against SSB table metadata", () => {
  it("every indicator with a table names only dimensions and codes its table's metadata has", () => {
    const wrong = INDICATORS.map((i) => checkSelector(i, tables)).filter((c) => c.status === "problem");
    expect(wrong).toEqual([]);
  });

  it("counts per sector: every sector listed, counts add up, nothing verified against hand-assembled metadata", () => {
    const check = checkCatalog(SECTORS, INDICATORS, tables);
    expect(check.sectors.map((s) => s.sector.id)).toEqual(SECTORS.map((s) => s.id));
    for (const s of check.sectors) {
      expect(s.indicators).toBeGreaterThanOrEqual(8);
      expect(s.verified + s.consistent + s.unchecked + s.problems).toBe(s.indicators);
    }
    // The fixtures are marked "reconstructed": they can show consistency, not verify.
    expect(check.sectors.reduce((n, s) => n + s.verified, 0)).toBe(0);
    expect([...tables.values()].every((t) => t.provenance === "reconstructed")).toBe(true);
  });

  it("finds a code the table lacks, a dimension it lacks, and a table dimension the selector leaves out", () => {
    const badCode: Indicator = { ...bibliotek, id: "x", ssb: { ...bibliotek.ssb!, select: { ...bibliotek.ssb!.select, KOKfunksjon0000: ["999"] } } };
    expect(checkSelector(badCode, tables).problems).toEqual([{ code: "unknown-value", table: "12362", dimension: "KOKfunksjon0000", value: "999" }]);
    const withoutArt = Object.fromEntries(Object.entries(bibliotek.ssb!.select).filter(([d]) => d !== "KOKart0000"));
    const missingDim: Indicator = { ...bibliotek, id: "y", ssb: { ...bibliotek.ssb!, select: { ...withoutArt, Kjonn: ["0"] } } };
    const problems = checkSelector(missingDim, tables).problems.map((p) => describeSelectorProblem(p).en);
    expect(problems).toEqual(["table 12362 has no dimension Kjonn", "table 12362 requires a choice of KOKart0000, which the indicator does not make"]);
    const badAmount: Indicator = { ...bibliotek, id: "z", amount: { select: { ContentsCode: ["KOSnope"] }, scale: 1000 } };
    expect(checkSelector(badAmount, tables).status).toBe("problem");
  });

  it("verifies against a data response recorded from SSB (Oslo 2024 shares), combined with the assembled metadata; synthetic responses never verify", () => {
    const fixture = (name: string) => readMetadataSource(JSON.parse(fs.readFileSync(path.join(DIR, "..", name), "utf8")), name);
    const recorded = fixture("12362-oslo-2024-andel.json");
    expect(recorded.provenance).toBe("recorded");
    expect(fixture("12362-pmk-2017.json").provenance).toBe("reconstructed");
    const combined = new Map<string, TableMetadataSource | TableMetadataSource[]>(tables);
    combined.set("12362", [tables.get("12362")!, recorded]);
    const verified = INDICATORS.filter((i) => checkSelector(i, combined).status === "verified").map((i) => i.id);
    // Every code of these four is in SSB's own response: function group, AGD10, KOSandel3501, region and year dimensions.
    expect(verified.sort()).toEqual(["barnehage-andel-av-totale-utgifter", "grunnskole-andel-av-totale-utgifter", "sosial-andel-av-totale-utgifter", "var-andel-brutto"]);
    // A code only the assembled metadata has keeps an indicator "consistent".
    expect(checkSelector(bibliotek, combined).status).toBe("consistent");
  });

  it("verifies only against metadata recorded from SSB (unmarked, as SSB sends it)", () => {
    const raw = JSON.parse(fs.readFileSync(path.join(DIR, "12362.json"), "utf8"));
    delete raw.extension.kostraBenchmark;
    const recorded = new Map([["12362", readMetadataSource(raw, "12362")]]);
    expect(checkSelector(bibliotek, recorded).status).toBe("verified");
    expect(checkSelector(bibliotek, tables).status).toBe("consistent");
    expect(checkSelector({ ...bibliotek, ssb: { ...bibliotek.ssb!, table: "99999" } }, tables).status).toBe("unchecked");
  });
});

describe("the catalog against every response recorded from SSB (tests/fixtures/ssb-recorded)", () => {
  const RECORDED = path.join(__dirname, "../fixtures/ssb-recorded");
  const read = (file: string, pick: (json: unknown) => unknown = (j) => j) => readMetadataSource(pick(JSON.parse(fs.readFileSync(path.join(RECORDED, file), "utf8"))), file);
  const recorded = [
    read("jsonstat2-12367-2015-2020.json"),
    read("jsonstat2-12191-2018-2020.json"),
    read("v2-data-07459-80plus-2017-2024.json"),
    read("v2-data-12134-KOSAG110000-2024.json"),
    read("ssb-mock-12362-oslo-2024.json", (j) => (j as { mockStatbankResponseOslo: unknown }).mockStatbankResponseOslo),
  ];
  const combined = new Map<string, TableMetadataSource | TableMetadataSource[]>(tables);
  for (const source of recorded) {
    const id = tableIdOf(source) as string;
    combined.set(id, [...[combined.get(id) ?? []].flat(), source]);
  }

  it("every recording is taken as recorded from SSB, under its own table", () => {
    expect(recorded.map((s) => [tableIdOf(s), s.provenance])).toEqual([
      ["12367", "recorded"],
      ["12191", "recorded"],
      ["07459", "recorded"],
      ["12134", "recorded"],
      ["12362", "recorded"],
    ]);
  });

  it("verifies the four 12362 share indicators and nothing else: the catalog's 12367 series stay consistent (their function codes are not in SSB's 12367 response); none uses 12191 or 12134", () => {
    const check = checkCatalog(SECTORS, INDICATORS, combined);
    expect(check.checks.filter((c) => c.status === "verified").map((c) => c.indicator).sort()).toEqual([
      "barnehage-andel-av-totale-utgifter",
      "grunnskole-andel-av-totale-utgifter",
      "sosial-andel-av-totale-utgifter",
      "var-andel-brutto",
    ]);
    expect(check.checks.filter((c) => c.status === "problem")).toEqual([]);
    expect(INDICATORS.filter((i) => ["12191", "12134"].includes(i.ssb?.table ?? ""))).toEqual([]);
    // KS's numerators from the detailed accounts (barnevern 244+251+252, grunnskole 202, eiendomsforvaltning FGK6a).
    const from12367 = INDICATORS.filter((i) => i.ssb?.table === "12367");
    expect(from12367.map((i) => i.id).sort()).toEqual(["barnevern-netto-belop", "eiendom-netto-belop", "grunnskole-netto-202-belop", "hjemmetjeneste-netto-belop"]);
    const recordedFunctions = Object.keys(JSON.parse(fs.readFileSync(path.join(RECORDED, "jsonstat2-12367-2015-2020.json"), "utf8")).dimension.KOKfunksjon0000.category.index);
    for (const ind of from12367) {
      expect([ind.id, ind.ssb!.select.KOKfunksjon0000.every((f) => recordedFunctions.includes(f))]).toEqual([ind.id, false]);
      expect([ind.id, checkSelector(ind, combined)]).toEqual([ind.id, { indicator: ind.id, status: "consistent", problems: [] }]);
    }
  });

  it("keeps the population (07459) consistent: it sums every age, as SSB's 07459 response says Alder cannot be left out; leaving Alder out is a problem", () => {
    const folkemengde = INDICATORS.find((i) => i.id === "folkemengde") as Indicator;
    expect(folkemengde.ssb!.table).toBe("07459");
    const raw = JSON.parse(fs.readFileSync(path.join(RECORDED, "v2-data-07459-80plus-2017-2024.json"), "utf8"));
    expect([raw.dimension.Kjonn.extension.elimination, raw.dimension.Alder.extension.elimination]).toEqual([true, false]);
    // Consistent, not verified: SSB's recording shows ages 080–104 only.
    expect(checkSelector(folkemengde, combined)).toEqual({ indicator: "folkemengde", status: "consistent", problems: [] });
    // Region, Tid and Personer1 are SSB's: with only recorded ages chosen the selector would be verified.
    expect(checkSelector({ ...folkemengde, ssb: { ...folkemengde.ssb!, select: { ...folkemengde.ssb!.select, Alder: ["080", "081"] } } }, combined).status).toBe("verified");
    // The selector as it was (Alder left out): SSB's own answer outweighs the reconstructed metadata that allowed it.
    const withoutAge = Object.fromEntries(Object.entries(folkemengde.ssb!.select).filter(([d]) => d !== "Alder"));
    expect(checkSelector({ ...folkemengde, ssb: { ...folkemengde.ssb!, select: withoutAge, sum: undefined } }, combined).problems).toEqual([
      { code: "unselected-dimension", table: "07459", dimension: "Alder" },
    ]);
  });

  it("a selector of 12367 (regnskapsomfang, function, art, KOSbelop0000) is verified by SSB's 12367 response; a code it lacks is caught", () => {
    const f202: Indicator = {
      ...bibliotek,
      id: "grunnskole-12367",
      ssb: { ...bibliotek.ssb!, table: "12367", select: { KOKregnskapsomfa0000: ["A"], KOKfunksjon0000: ["FGK8b"], KOKart0000: ["AGD2"], ContentsCode: ["KOSbelop0000"] } },
      amount: undefined,
    };
    expect(checkSelector(f202, combined).status).toBe("verified");
    const noScope: Indicator = { ...f202, ssb: { ...f202.ssb!, select: { KOKfunksjon0000: ["FGK8b"], KOKart0000: ["AGD2"], ContentsCode: ["KOSbelop0000"] } } };
    expect(checkSelector(noScope, combined).problems).toEqual([{ code: "unselected-dimension", table: "12367", dimension: "KOKregnskapsomfa0000" }]);
    const perInhabitant: Indicator = { ...f202, ssb: { ...f202.ssb!, select: { ...f202.ssb!.select, ContentsCode: ["KOSbelopinnbygge0000"] } } };
    expect(checkSelector(perInhabitant, combined).problems).toEqual([{ code: "unknown-value", table: "12367", dimension: "ContentsCode", value: "KOSbelopinnbygge0000" }]);
  });
});

describe("an indicator that switched tables", () => {
  const barnehage = INDICATORS.find((i) => i.id === "barnehage-andel-barn-1-5") as Indicator;

  it("is checked in every period: 12562 until 2019 and 13502 from 2020", () => {
    expect(checkSelector(barnehage, tables)).toEqual({ indicator: barnehage.id, status: "consistent", problems: [] });
    const without12562 = new Map(tables);
    without12562.delete("12562");
    expect(checkSelector(barnehage, without12562)).toEqual({ indicator: barnehage.id, status: "unchecked", problems: [{ code: "no-metadata", table: "12562" }] });
    const wrongEarlier: Indicator = { ...barnehage, earlier: [{ to: 2019, ssb: { ...barnehage.earlier![0].ssb, select: { ContentsCode: ["KOSfinnesikke"] } } }] };
    expect(checkSelector(wrongEarlier, tables)).toEqual({
      indicator: barnehage.id,
      status: "problem",
      problems: [{ code: "unknown-value", table: "12562", dimension: "ContentsCode", value: "KOSfinnesikke" }],
    });
  });

  it("checks a figure KS computes from series by its series: as sure as the least sure of them", () => {
    const road = INDICATORS.find((i) => i.id === "vei-per-km") as Indicator;
    expect(checkSelector(road, tables)).toEqual({ indicator: "vei-per-km", status: "consistent", problems: [] });
    const without11814 = new Map(tables);
    without11814.delete("11814");
    expect(checkSelector(road, without11814)).toEqual({ indicator: "vei-per-km", status: "unchecked", problems: [{ code: "no-metadata", table: "11814" }] });
    // Series without a confirmed table: unchecked, the reason said once.
    const gruppe = INDICATORS.find((i) => i.id === "grunnskole-gruppestorrelse") as Indicator;
    expect(checkSelector(gruppe, tables)).toEqual({ indicator: gruppe.id, status: "unchecked", problems: [{ code: "no-table" }] });
  });
});
