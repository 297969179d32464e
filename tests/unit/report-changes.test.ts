/**
 * The report made with the previous figures beside the new ones: the change list sheet,
 * the data sheet's previous value, vintage and mark, and reading an earlier data sheet back
 * (src/report/report-changes.ts, change-list-sheet.ts, data-sheet.ts, data-sheet-read.ts).
 * Data: the SYNTHETIC sample as "March", with figures changed by hand for "June".
 */
import { benchmark } from "../../src/kostra/benchmark";
import type { Dataset, Observation } from "../../src/kostra/types";
import { KostraError } from "../../src/kostra/errors";
import { datasetFromDataSheet, type SheetValue } from "../../src/report/data-sheet-read";
import type { PlanCell, SheetPlan } from "../../src/report/plan";
import { parseCell } from "../../src/report/plan";
import { buildReport, type ReportRequest } from "../../src/report/report";
import { sampleDataset } from "../../src/sources/sample";

const MARCH_UPDATED = "2026-03-15T07:00:00Z";
const JUNE_UPDATED = "2026-06-15T06:00:00Z";

function withVintage(d: Dataset, updated: string): Dataset {
  return { observations: d.observations.map((o) => ({ ...o })), provenance: d.provenance.map((p) => ({ ...p, source: "ssb", synthetic: false, updated })) };
}
const find = (d: Dataset, indicator: string, municipality: string, year: number) => d.observations.find((o) => o.indicator === indicator && o.municipality === municipality && o.year === year)!;

// March: the sample without 2018 (a year June brings new). June: one figure revised, one
// withdrawn (".."), one published (".." in March), one gone from SSB's answer altogether.
const sample = sampleDataset();
const march = withVintage({ ...sample, observations: sample.observations.filter((o) => o.year !== 2018) }, MARCH_UPDATED);
find(march, "plansaksbehandling", "bergen", 2016).value = null;
find(march, "plansaksbehandling", "bergen", 2016).status = "..";
const june = withVintage(sample, JUNE_UPDATED);
find(june, "kunstformidling", "stavanger", 2017).value! += 100;
find(june, "bibliotek", "oslo", 2017).value = null;
find(june, "bibliotek", "oslo", 2017).status = "..";
june.observations = june.observations.filter((o) => !(o.indicator === "kart-oppmaling" && o.municipality === "trondheim" && o.year === 2015));

const request: ReportRequest = { sectors: ["plan-miljo-kultur"], municipality: "0219", year: 2017, years: [2015, 2016, 2017, 2018], lang: "nb", comparisons: [] };

const sheetOf = (plan: { sheets: SheetPlan[] }, key: string) => plan.sheets.find((s) => s.key === key)!;
/** Every cell of a sheet by address; a later block wins a cell it shares with an earlier one (as both writers do). */
function cells(sheet: SheetPlan): Map<string, { cell: PlanCell; style?: string }> {
  const out = new Map<string, { cell: PlanCell; style?: string }>();
  for (const b of sheet.blocks) {
    const at = parseCell(b.at);
    b.rows.forEach((r, i) => r.forEach((c, j) => out.set(`${j + at.col},${i + at.row}`, { cell: c, style: b.style })));
  }
  return out;
}
/** The sheet's rows as Office.js reads a range's values: numbers, texts, "" for empty (formulas need a workbook). */
function valuesOf(sheet: SheetPlan): SheetValue[][] {
  const all = cells(sheet);
  const rows: SheetValue[][] = [];
  for (const [at, { cell }] of all) {
    const [col, row] = at.split(",").map(Number);
    (rows[row - 1] ??= [])[col - 1] = cell.kind === "number" ? cell.value : cell.kind === "text" ? cell.text : cell.kind === "formula" ? cell.formula : "";
  }
  return Array.from(rows, (r) => Array.from(r ?? [], (x) => x ?? ""));
}

describe("a report made with the previous figures", () => {
  const report = buildReport(june, { ...request, previous: march });
  const list = sheetOf(report.plan, "changes");
  const data = sheetOf(report.plan, "data");
  const dataValues = valuesOf(data);
  const header = dataValues[0];
  const col = (name: string) => header.indexOf(name);
  const rowOf = (indicator: string, municipality: string, year: number) => dataValues.find((r) => r[col("Indikator-id")] === indicator && r[col("År")] === year && r[0] === `${indicator}|${municipality}|${year}`)!;

  it("lists exactly the revised, withdrawn, published and vanished figures, not the new year", () => {
    const named = report.changes!.changes.map((c) => `${c.kind} ${c.indicator} ${c.municipality} ${c.year}`).sort();
    expect(named).toEqual(
      [
        "published plansaksbehandling bergen 2016",
        "revised kunstformidling stavanger 2017",
        "withdrawn bibliotek oslo 2017",
        "withdrawn kart-oppmaling trondheim 2015",
      ].sort(),
    );
    const stavanger = report.changes!.changes.find((c) => c.municipality === "stavanger")!;
    const before = find(march, "kunstformidling", "stavanger", 2017).value!;
    expect(stavanger).toMatchObject({ before, after: before + 100, change: 100, beforeUpdated: MARCH_UPDATED, afterUpdated: JUNE_UPDATED });
    expect(report.changes!.since).toBe(MARCH_UPDATED);
  });

  it("writes them on the change list sheet with both values, the change and both vintages", () => {
    const rows = valuesOf(list);
    expect(rows[2][0]).toBe("4 tall er endret.");
    const head = rows[4];
    expect(head.slice(0, 9)).toEqual(["Indikator", "Kommune", "År", "Forrige verdi", "Ny verdi", "Endring", "Hva", "Forrige SSB oppdatert", "SSB oppdatert"]);
    const stavanger = rows.find((r) => r[1] === "Stavanger")!;
    const before = find(march, "kunstformidling", "stavanger", 2017).value!;
    expect(stavanger.slice(2, 9)).toEqual([2017, before, before + 100, 100, "revidert", MARCH_UPDATED, JUNE_UPDATED]);
    const oslo = rows.find((r) => r[1] === "Oslo")!;
    expect(oslo.slice(3, 7)).toEqual([find(march, "bibliotek", "oslo", 2017).value, "..", "", "trukket"]);
  });

  it("flags whether the profile's index moved by more than the threshold, as the engine computes it", () => {
    const options = report.profiles[0].options;
    const index = (d: Dataset, id: string) => benchmark(d, options).rows.find((r) => r.indicator.id === id)!.index!;
    const moved = (id: string) => Math.abs(index(june, id) - index(march, id)) > 1;
    const rows = valuesOf(list);
    const flag = (municipality: string) => rows.find((r) => r[1] === municipality)![9];
    expect(flag("Stavanger")).toBe(moved("kunstformidling") ? "ja" : "nei");
    expect(flag("Oslo")).toBe(moved("bibliotek") ? "ja" : "nei");
    // Not the profile's year: no index to speak of.
    expect(flag("Trondheim")).toBe("");
    // The moves block under the list names the moved indicators with before and after.
    const label = report.profiles[0].rows.find((r) => r.indicator.id === "kunstformidling")!.indicator.label.nb;
    const kunst = rows.find((r) => r[0] === label && typeof r[1] === "number")!;
    expect(kunst[1]).toBeCloseTo(index(march, "kunstformidling"), 9);
    expect(kunst[2]).toBeCloseTo(index(june, "kunstformidling"), 9);
    // A higher threshold flags nothing the engine's move stays under.
    const lenient = buildReport(june, { ...request, previous: march, threshold: 999 });
    expect(lenient.changes!.profiles[0].moves!.every((m) => !m.beyond)).toBe(true);
  });

  it("keeps the previous value and its vintage beside the new one in the data sheet, and marks the changed cells", () => {
    expect(header.slice(13, 16)).toEqual(["Forrige verdi", "Forrige SSB oppdatert", "Endret"]);
    expect(header[16]).toBe("Rad");
    const stavanger = rowOf("kunstformidling", "stavanger", 2017);
    const before = find(march, "kunstformidling", "stavanger", 2017).value!;
    expect([stavanger[col("Verdi")], stavanger[col("SSB oppdatert")], stavanger[13], stavanger[14], stavanger[15]]).toEqual([before + 100, JUNE_UPDATED, before, MARCH_UPDATED, "revidert"]);
    const unchanged = rowOf("kunstformidling", "baerum", 2017);
    expect([unchanged[13], unchanged[14], unchanged[15]]).toEqual([unchanged[col("Verdi")], MARCH_UPDATED, ""]);
    // A new year had no previous figure: nothing beside it, not marked.
    const newYear = rowOf("kunstformidling", "stavanger", 2018);
    expect([newYear[13], newYear[14], newYear[15]]).toEqual(["", "", ""]);
    // The mark: the changed rows' value and "Endret" cells, and no others, in the "changed" style.
    const marked = [...cells(data)].filter(([, c]) => c.style === "changed").map(([at]) => at);
    const changedRows = dataValues.map((r, i) => (r[15] !== "" && i > 0 ? i + 1 : 0)).filter((r) => r > 0);
    expect(changedRows).toHaveLength(3); // the vanished figure has no row
    expect(marked.sort()).toEqual(changedRows.flatMap((r) => [`7,${r}`, `16,${r}`]).sort());
    // The data table still spans every column, "Rad" last.
    expect(data.tables![0].range).toBe(`A1:Q${dataValues.filter((r) => typeof r[0] === "string" && r[0] !== "").length}`);
  });

  it("says so when nothing changed: an empty list and no marks", () => {
    const same = buildReport(june, { ...request, previous: june });
    expect(same.changes!.changes).toEqual([]);
    expect(valuesOf(sheetOf(same.plan, "changes"))[2][0]).toBe("Ingen tall er endret siden forrige henting.");
    expect(sheetOf(same.plan, "data").blocks.some((b) => b.style === "changed")).toBe(false);
    expect(valuesOf(sheetOf(buildReport(june, { ...request, lang: "en", previous: june }).plan, "changes"))[2][0]).toBe("No figure has changed since the previous fetch.");
  });

  it("without previous figures writes no change list and the data sheet as before", () => {
    const plain = buildReport(june, request);
    expect(plain.plan.sheets.some((s) => s.key === "changes")).toBe(false);
    expect(valuesOf(sheetOf(plain.plan, "data"))[0].slice(12, 14)).toEqual(["Merknad", "Rad"]);
  });

  it("reads its own data sheet back as the previous figures, vintages and symbols included", () => {
    const marchReport = buildReport(march, request);
    const back = datasetFromDataSheet(valuesOf(sheetOf(marchReport.plan, "data")), "KOSTRA-data");
    const fromSheet = buildReport(june, { ...request, previous: back });
    expect(fromSheet.changes!.changes).toEqual(report.changes!.changes);
    const bergen = back.observations.find((o) => o.indicator === "plansaksbehandling" && o.municipality === "bergen" && o.year === 2016)!;
    expect(bergen).toMatchObject({ value: null, status: ".." });
    expect(back.provenance[bergen.provenance].updated).toBe(MARCH_UPDATED);
  });
});

describe("reading an earlier data sheet", () => {
  const head = ["Nøkkel", "Indikator", "Indikator-id", "Kommune", "Kommunenr.", "År", "Verdi", "SSB-symbol", "Tabell", "Spørring", "Hentet", "SSB oppdatert", "Merknad", "Rad"];
  const row = (over: Partial<Record<number, SheetValue>> = {}): SheetValue[] => {
    const r: SheetValue[] = ["kunstformidling|baerum|2017", "Kunstformidling", "kunstformidling", "Bærum", "0219", 2017, 141, "", "12362", "", "", MARCH_UPDATED, "", 1];
    for (const [i, v] of Object.entries(over)) r[Number(i)] = v;
    return r;
  };
  const problem = (rows: SheetValue[][]) => {
    try {
      datasetFromDataSheet(rows, "KOSTRA-data");
    } catch (e) {
      expect(e).toBeInstanceOf(KostraError);
      return (e as KostraError).text;
    }
    throw new Error("no problem reported");
  };

  it("reads a sheet sorted by the user, in English, with figures computed for a merger left out", () => {
    const en = ["Key", "Indicator", "Indicator id", "Municipality", "Code", "Year", "Value", "SSB symbol", "Table", "Query", "Fetched", "SSB updated", "Note", "Row"];
    // Excel took the code "0219" and the table "12362" for numbers (a value typed in, a sheet saved elsewhere): still the same figure.
    const d = datasetFromDataSheet([en, row({ 0: "bibliotek|baerum|2017", 6: "..", 7: ".." }), row({ 4: 219, 8: 12362 }), row({ 0: "kunstformidling|drammen|2017|sammenslått", 6: 5 })], "KOSTRA data");
    expect(d.observations.map((o: Observation) => [o.indicator, o.value, o.status])).toEqual([
      ["bibliotek", null, ".."],
      ["kunstformidling", 141, undefined],
    ]);
  });

  it("decodes a key the report encoded (a user indicator's id with odd characters)", () => {
    const d = datasetFromDataSheet([head, row({ 0: "bruker-a%{20}b%{7c}c|baerum|2017" })], "KOSTRA-data");
    expect(d.observations[0].indicator).toBe("bruker-a b|c");
  });

  it.each([
    ["a sheet that is not a data sheet", [["Navn", "Tall"], ["a", 1]], /er ikke en KOSTRA-dataside: kolonnen «Nøkkel», «Verdi» mangler/, /missing from its first row/],
    ["an empty sheet", [], /er tom/, /is empty/],
    ["a value typed over with text", [head, row({ 6: "mye" })], /rad\/row 2\): «value» ugyldig verdi "mye"; forventet et tall eller/, /"value" invalid value "mye"; expected a number or/],
    ["a key the report does not write", [head, row({ 0: "=HYPERLINK(\"x\")|baerum|2017" })], /rad\/row 2.*«key».*ikke en nøkkel/, /not a key the report writes/],
    ["a year that is not one", [head, row({ 0: "kunstformidling|baerum|17" })], /ikke en nøkkel/, /not a key/],
    ["a vintage that is not a date", [head, row({ 11: "i fjor" })], /«updated».*ikke en dato/, /is not a date/],
    ["an infinite value", [head, row({ 6: Infinity })], /«value»/, /"value"/],
    ["the same figure twice", [head, row(), row({ 6: 150 })], /rad 2 og 3 har samme tall/, /rows 2 and 3 hold the same figure/],
  ])("refuses %s with one line in each language", (_what, rows, nb, en) => {
    const text = problem(rows as SheetValue[][]);
    expect(text.nb).toMatch(nb);
    expect(text.en).toMatch(en);
  });
});
