/**
 * A planned query held against a table's metadata, with SSB's real json-stat2 answer for
 * 12367 (tests/fixtures/ssb-recorded/jsonstat2-12367-2015-2020.json, recorded by
 * KSAnalyse/ks-json-stat.java): its time dimension has 2015, 2016, 2017, 2019 and 2020 —
 * no 2018 — which makes it a real table that lacks a year. The indicators are SYNTHETIC
 * selectors on that table.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { INDICATORS } from "../../src/kostra/catalog";
import type { Indicator } from "../../src/kostra/types";
import { readTableMetadata } from "../../src/sources/ssb/metadata";
import { prepare, type PlannedQuery } from "../../src/sources/ssb/planner";
import { checkQuery, mergeLackingYears } from "../../src/sources/ssb/selection-check";

const BASE = "https://ssb.example/api/pxwebapi/v2";
const recorded = readTableMetadata(JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "ssb-recorded", "jsonstat2-12367-2015-2020.json"), "utf8")), "12367");

const on12367 = (id: string, select: Record<string, string[]>): Indicator => ({
  ...INDICATORS[0],
  id,
  ssb: { table: "12367", regionDimension: "KOKkommuneregion0000", timeDimension: "Tid", select },
});
const admin = on12367("admin-b", { KOKregnskapsomfa0000: ["B"], KOKfunksjon0000: ["120"], KOKart0000: ["AGD2"], ContentsCode: ["KOSbelop0000"] });
const wrong = on12367("feil-kode", { KOKregnskapsomfa0000: ["B"], KOKfunksjon0000: ["999"], KOKart0000: ["AGD2"], ContentsCode: ["KOSbelop0000"] });
const byId = new Map([admin, wrong].map((i) => [i.id, i]));

function planned(selection: Record<string, string[]>, indicators: string[]): PlannedQuery {
  return { ...prepare(BASE, { table: "12367", selection }, "no"), indicators, years: selection.Tid.map(Number) };
}
const years = ["2015", "2016", "2017", "2018", "2019", "2020"];
const full = (extra: Partial<Record<string, string[]>> = {}): Record<string, string[]> => ({
  KOKkommuneregion0000: ["3001", "EAK"],
  KOKregnskapsomfa0000: ["B"],
  KOKfunksjon0000: ["120", "999"],
  KOKart0000: ["AGD2"],
  ContentsCode: ["KOSbelop0000"],
  Tid: years,
  ...(extra as Record<string, string[]>),
});
const check = (q: PlannedQuery) => checkQuery(q, recorded, byId, { baseUrl: BASE, lang: "no" });

describe("a query held against the table's metadata", () => {
  it("leaves out the year the table lacks and the indicator whose code it lacks, naming both, and asks for the rest", () => {
    const r = check(planned(full(), ["admin-b", "feil-kode"]));
    expect(r.query!.query.selection).toEqual({ ...full(), KOKfunksjon0000: ["120"], Tid: ["2015", "2016", "2017", "2019", "2020"] });
    expect(r.query!.indicators).toEqual(["admin-b"]);
    expect(r.query!.years).toEqual([2015, 2016, 2017, 2019, 2020]);
    expect(r.query!.url).not.toMatch(/999|2018/);
    expect(r.absent).toEqual([
      { indicator: "feil-kode", years: [2015, 2016, 2017, 2018, 2019, 2020], reason: { nb: "Tabell 12367 har ikke koden 999 i KOKfunksjon0000 (indikator feil-kode)", en: "Table 12367 has no code 999 in KOKfunksjon0000 (indicator feil-kode)" } },
    ]);
    expect(mergeLackingYears(r.lackingYears)).toEqual([{ indicator: "admin-b", years: [2018], reason: { nb: "Tabell 12367 har ikke 2018", en: "Table 12367 has no 2018" } }]);
    expect(r.warnings).toEqual([]);
  });

  it("keeps the very query when the table has everything it asks for", () => {
    const q = planned({ ...full(), KOKfunksjon0000: ["120"], Tid: ["2016", "2017"] }, ["admin-b"]);
    const r = check(q);
    expect(r.query).toBe(q);
    expect([r.absent, r.lackingYears, r.warnings]).toEqual([[], [], []]);
  });

  it("leaves out a region code the table lacks with a warning, and sends nothing when no year is left", () => {
    const regions = check(planned({ ...full(), KOKfunksjon0000: ["120"], KOKkommuneregion0000: ["3001", "0301"] }, ["admin-b"]));
    expect(regions.query!.query.selection.KOKkommuneregion0000).toEqual(["3001"]);
    expect(regions.warnings.map((w) => w.nb)).toEqual(["Tabell 12367 har ikke regionkodene 0301; de hentes ikke fra denne tabellen."]);
    const none = check(planned({ ...full(), Tid: ["2018", "2021"] }, ["admin-b"]));
    expect(none.query).toBeUndefined();
    expect(mergeLackingYears(none.lackingYears)).toEqual([{ indicator: "admin-b", years: [2018, 2021], reason: { nb: "Tabell 12367 har ikke 2018, 2021", en: "Table 12367 has no 2018, 2021" } }]);
  });

  it("sends nothing when only indicators with a wrong code are left, or when the table requires a dimension nobody chooses", () => {
    const onlyWrong = check(planned(full(), ["feil-kode"]));
    expect(onlyWrong.query).toBeUndefined();
    expect(onlyWrong.absent.map((a) => a.indicator)).toEqual(["feil-kode"]);
    const unchosen = full();
    delete unchosen.KOKregnskapsomfa0000;
    const r = check(planned(unchosen, ["admin-b"]));
    expect(r.query).toBeUndefined();
    expect(r.absent).toEqual([{ indicator: "admin-b", years: [2015, 2016, 2017, 2018, 2019, 2020], reason: expect.objectContaining({ nb: "Tabell 12367 krever et valg i KOKregnskapsomfa0000, som katalogen ikke gjør" }) }]);
  });
});
