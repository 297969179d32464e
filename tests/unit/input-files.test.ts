/**
 * Several data files given together (`--input` repeated, the pane's several files): their
 * observations and KOSTRA groupings are combined, a figure two files disagree on is an
 * error naming both files and the codes, the same figure in two files is used once, and
 * files laid over the sample replace its figures. Every figure is SYNTHETIC.
 */
import type { Dataset, Observation } from "../../src/kostra/types";
import { combineInputs, type InputFile } from "../../src/sources/inputs";
import type { KostraGroupsRecord } from "../../src/sources/observations-file";
import { kostraErrorOf } from "../support/kostra-error";

const obs = (municipality: string, code: string, value: number | null, more: Partial<Observation> = {}): Observation => ({
  indicator: "kunstformidling",
  municipality,
  year: 2017,
  code,
  value,
  provenance: 0,
  ...more,
});

const file = (name: string, observations: Observation[], kostraGroups?: KostraGroupsRecord[]): InputFile => ({
  name,
  dataset: { observations, provenance: [{ source: "file", query: name, fetchedAt: "2026-01-01T00:00:00.000Z" }] },
  ...(kostraGroups ? { kostraGroups } : {}),
});

const grouping = (year: number, groups: Record<string, string>, source = `SSB Klass 131→112, ${year}-01-01`): KostraGroupsRecord => ({ year, source, groups });

describe("observations of several files", () => {
  it("keeps every file's figures with provenance pointing at the file they came from", () => {
    const { dataset } = combineInputs([file("a.json", [obs("baerum", "0219", 100)]), file("b.csv", [obs("oslo", "0301", 90), obs("oslo", "0301", 80, { year: 2016 })])]);
    expect(dataset.observations).toHaveLength(3);
    const from = (m: string, year = 2017) => dataset.provenance[dataset.observations.find((o) => o.municipality === m && o.year === year)!.provenance].query;
    expect([from("baerum"), from("oslo"), from("oslo", 2016)]).toEqual(["a.json", "b.csv", "b.csv"]);
  });

  it("refuses a figure two files disagree on, naming both files and the codes (Bærum kunstformidling 2017 = 100 and 141)", () => {
    const e = kostraErrorOf(() => combineInputs([file("a.json", [obs("baerum", "0219", 100)]), file("b.csv", [obs("oslo", "0301", 1), obs("baerum", "0219", 141)])]));
    expect(e.code).toBe("bad-input");
    expect(e.messageIn("nb")).toBe("b.csv: samme kommune, indikator og år som i a.json (0219 Bærum, kunstformidling, 2017), med en annen verdi (141, ikke 100). Filene er uenige: rett eller fjern tallet i den ene.");
    expect(e.messageIn("en")).toBe("b.csv: same municipality, indicator and year as in a.json (0219 Bærum, kunstformidling, 2017), with another value (141, not 100). The files disagree: correct or remove the figure in one of them.");
  });

  it("refuses a figure with a value in one file and none in the other", () => {
    const e = kostraErrorOf(() => combineInputs([file("a.json", [obs("baerum", "0219", null, { status: ".." })]), file("b.csv", [obs("baerum", "0219", 141)])]));
    expect(e.messageIn("nb")).toMatch(/^b\.csv: samme kommune, indikator og år som i a\.json \(0219 Bærum, kunstformidling, 2017\), med en annen verdi \(141, ikke ingen verdi\)/);
  });

  it("refuses the same value with another SSB symbol, naming both symbols", () => {
    const e = kostraErrorOf(() => combineInputs([file("a.json", [obs("baerum", "0219", null, { status: ".." })]), file("b.json", [obs("baerum", "0219", null, { status: ":" })])]));
    expect(e.messageIn("nb")).toMatch(/^b\.json: samme kommune, indikator og år som i a\.json \(0219 Bærum, kunstformidling, 2017\), med et annet SSB-symbol \(«:», ikke «\.\.»\)\./);
    expect(e.messageIn("en")).toMatch(/with another SSB symbol \(":", not "\.\."\)\./);
  });

  it("uses the same figure in two files once, with the first file's provenance", () => {
    const a = file("a.json", [obs("baerum", "0219", 100), obs("oslo", "0301", null, { status: ":" })]);
    const b = file("b.csv", [obs("baerum", "0219", 100), obs("oslo", "0301", null, { status: ":" }), obs("bergen", "1201", 70)]);
    const { dataset } = combineInputs([a, b]);
    expect(dataset.observations).toHaveLength(3);
    const baerum = dataset.observations.filter((o) => o.municipality === "baerum");
    expect(baerum).toHaveLength(1);
    expect(dataset.provenance[baerum[0].provenance].query).toBe("a.json");
    expect(dataset.provenance[dataset.observations.find((o) => o.municipality === "bergen")!.provenance].query).toBe("b.csv");
  });

  it("lays files over the sample: a file's figure replaces the sample's, and the sample keeps the rest", () => {
    const sample: Dataset = { observations: [obs("baerum", "0219", 141), obs("oslo", "0301", 90)], provenance: [{ source: "sample", synthetic: true }] };
    const { dataset } = combineInputs([file("a.csv", [obs("baerum", "0219", 100)])], { laidOver: sample });
    const byId = Object.fromEntries(dataset.observations.map((o) => [o.municipality, o]));
    expect(byId.baerum.value).toBe(100);
    expect(dataset.provenance[byId.baerum.provenance].query).toBe("a.csv");
    expect(byId.oslo.value).toBe(90);
    expect(dataset.provenance[byId.oslo.provenance].source).toBe("sample");
    // Two files over the sample still may not disagree with each other.
    const e = kostraErrorOf(() => combineInputs([file("a.csv", [obs("baerum", "0219", 100)]), file("b.csv", [obs("baerum", "0219", 101)])], { laidOver: sample }));
    expect(e.messageIn("nb")).toMatch(/^b\.csv: samme kommune, indikator og år som i a\.csv .*\(101, ikke 100\)/);
  });
});

describe("the observations the engine gets", () => {
  it("gives one file's observations as read, not copies (a whole-country file holds over half a million)", () => {
    const a = file("a.csv", [obs("baerum", "0219", 100), obs("oslo", "0301", null, { status: ".." })]);
    const { dataset } = combineInputs([a]);
    expect(dataset.observations).toHaveLength(2);
    dataset.observations.forEach((o, i) => expect(o).toBe(a.dataset.observations[i]));
    expect(dataset.provenance).toEqual(a.dataset.provenance);
  });

  it("renumbers a later file's provenance and keeps its figures, status and all, whole", () => {
    const a = file("a.csv", [obs("baerum", "0219", 100)]);
    const b = file("b.csv", [obs("oslo", "0301", null, { status: ":" }), obs("bergen", "1201", 7)]);
    const { dataset } = combineInputs([a, b]);
    expect(dataset.observations).toStrictEqual([
      obs("baerum", "0219", 100),
      { indicator: "kunstformidling", municipality: "oslo", year: 2017, code: "0301", value: null, status: ":", provenance: 1 },
      { indicator: "kunstformidling", municipality: "bergen", year: 2017, code: "1201", value: 7, provenance: 1 },
    ]);
    // The files' own datasets are left as they were.
    expect(b.dataset.observations.map((o) => o.provenance)).toEqual([0, 0]);
  });

  it("keeps how a computed figure was made when it renumbers it", () => {
    const computed = { method: "sum", parts: [] } as unknown as Observation["computed"];
    const b = file("b.json", [obs("oslo", "0301", 5, { computed })]);
    const { dataset } = combineInputs([file("a.csv", [obs("baerum", "0219", 100)]), b]);
    expect(dataset.observations[1]).toEqual({ ...b.dataset.observations[0], provenance: 1 });
  });

  it("lays two files over the sample: each replaces the sample's figure it gives, and the same figure in both is used once", () => {
    const sample: Dataset = {
      observations: [obs("baerum", "0219", 141), obs("oslo", "0301", 90), obs("bergen", "1201", 80)],
      provenance: [{ source: "sample", synthetic: true }],
    };
    const { dataset } = combineInputs([file("a.csv", [obs("baerum", "0219", 100)]), file("b.csv", [obs("baerum", "0219", 100), obs("bergen", "1201", 81)])], { laidOver: sample });
    const byId = Object.fromEntries(dataset.observations.map((o) => [o.municipality, o]));
    expect(dataset.observations).toHaveLength(3);
    expect([byId.baerum.value, byId.oslo.value, byId.bergen.value]).toEqual([100, 90, 81]);
    expect([byId.baerum, byId.oslo, byId.bergen].map((o) => dataset.provenance[o.provenance].query ?? dataset.provenance[o.provenance].source)).toEqual(["a.csv", "sample", "b.csv"]);
  });
});

describe("KOSTRA groupings of several files", () => {
  it("merges the municipalities of one year from two files (Hå from one, Time from the other)", () => {
    const { kostraGroups } = combineInputs([file("a.json", [], [grouping(2021, { ha: "ekg07" })]), file("b.json", [], [grouping(2021, { time: "ekg07", oslo: "ekg13" }), grouping(2020, { ha: "ekg07" })])]);
    expect(kostraGroups).toEqual([
      { year: 2021, groups: { ha: "ekg07", time: "ekg07", oslo: "ekg13" }, source: { description: "SSB Klass 131→112, 2021-01-01 (a.json, b.json)" } },
      { year: 2020, groups: { ha: "ekg07" }, source: { description: "SSB Klass 131→112, 2020-01-01 (b.json)" } },
    ]);
  });

  it("keeps one file's address and fetch time, and names each source once", () => {
    const a: KostraGroupsRecord = { year: 2021, source: "SSB Klass 131→112, 2021-01-01", url: "https://data.ssb.no/api/klass/v1/x", fetchedAt: "2026-01-01T00:00:00.000Z", groups: { ha: "ekg07" } };
    const b = grouping(2021, { time: "ekg07" }, "SSB Klass (egen kopi)");
    const { kostraGroups } = combineInputs([file("a.json", [], [a]), file("b.json", [], [b])]);
    expect(kostraGroups[0].source).toEqual({ description: "SSB Klass 131→112, 2021-01-01 (a.json); SSB Klass (egen kopi) (b.json)", url: a.url, fetchedAt: a.fetchedAt });
  });

  it("refuses a municipality in two different groups in one year, naming both files, the municipality, the year and the groups", () => {
    const e = kostraErrorOf(() => combineInputs([file("a.json", [], [grouping(2021, { ha: "ekg07" })]), file("b.json", [], [grouping(2020, { ha: "ekg07" }), grouping(2021, { time: "ekg07", ha: "ekg08" })])]));
    expect(e.code).toBe("bad-input");
    expect(e.messageIn("nb")).toBe("b.json: «kostraGroups[1].groups.ha»: Hå (1119) er i KOSTRA-gruppe 8 i 2021, men i KOSTRA-gruppe 7 i a.json. Filene er uenige: bruk grupperingen fra én av dem.");
    expect(e.messageIn("en")).toBe('b.json: "kostraGroups[1].groups.ha": Hå (1119) is in KOSTRA group 8 in 2021, but in KOSTRA group 7 in a.json. The files disagree: use the grouping from one of them.');
  });
});
