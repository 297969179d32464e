/**
 * "Oppdater" in Excel, through the gateway: the March report written into a (fake) workbook,
 * its data sheet read back before the June report replaces it, and the June report then
 * written with the change list and both vintages — twice, as a user who presses "Oppdater"
 * after each of SSB's publications. Data: the SYNTHETIC sample with figures changed by hand.
 */
import { readDataSheet } from "../../src/excel/read-data-sheet";
import type { Dataset } from "../../src/kostra/types";
import { datasetFromDataSheet } from "../../src/report/data-sheet-read";
import { buildReport, type ReportRequest } from "../../src/report/report";
import { sampleDataset } from "../../src/sources/sample";
import { createFakeExcel } from "../support/fake-excel";
import { rewriteOn } from "../support/gateway-runs";

const vintage = (d: Dataset, updated: string): Dataset => ({ observations: d.observations.map((o) => ({ ...o })), provenance: d.provenance.map((p) => ({ ...p, updated })) });
const revise = (d: Dataset, indicator: string, municipality: string, year: number, by: number) => {
  const o = d.observations.find((x) => x.indicator === indicator && x.municipality === municipality && x.year === year)!;
  o.value = o.value! + by;
};
const request: ReportRequest = { sectors: ["plan-miljo-kultur"], municipality: "0219", year: 2017, years: [2016, 2017], lang: "nb", comparisons: [] };
const march = vintage(sampleDataset(), "2026-03-15T07:00:00Z");
const june = vintage(sampleDataset(), "2026-06-15T06:00:00Z");
revise(june, "kunstformidling", "stavanger", 2017, 100);
const july = vintage(june, "2026-07-01T06:00:00Z");
revise(july, "bibliotek", "bergen", 2016, -3);

/** What the pane does on "Oppdater": read the report's data sheet, build the new report against it, write it. */
async function update(f: ReturnType<typeof createFakeExcel>, owned: { key: string; id: string; name: string }[], figures: Dataset) {
  const data = owned.find((s) => s.key === "data")!;
  const cells = await readDataSheet(data, f.run);
  const previous = cells ? datasetFromDataSheet(cells.rows, cells.name) : undefined;
  const report = buildReport(figures, { ...request, ...(previous ? { previous } : {}) });
  const written = await rewriteOn(f, report.plan);
  return { report, written };
}

describe("the previous data sheet, read from the workbook", () => {
  it("lists exactly what changed at each update, and keeps the vintage before it beside each figure", async () => {
    const f = createFakeExcel({ sheets: ["Ark1"] });
    const first = await rewriteOn(f, buildReport(march, request).plan);
    const june1 = await update(f, first.sheets, june);
    expect(june1.report.changes!.changes.map((c) => `${c.indicator} ${c.municipality} ${c.year} ${c.change}`)).toEqual(["kunstformidling stavanger 2017 100"]);
    // The changes sheet is written and owned; the data sheet keeps March beside June.
    expect(june1.written.sheets.map((s) => s.key)).toContain("changes");
    const data = f.workbook.sheet("KOSTRA-data");
    const rows = data.values("A1:Q200").map((r) => r.map((c) => c ?? ""));
    const head = rows[0].map(String);
    const row = rows.find((r) => r[0] === "kunstformidling|stavanger|2017")!;
    expect([row[head.indexOf("SSB oppdatert")], row[head.indexOf("Forrige verdi")], row[head.indexOf("Forrige SSB oppdatert")], row[head.indexOf("Endret")]]).toEqual([
      "2026-06-15T06:00:00Z",
      (row[head.indexOf("Verdi")] as number) - 100,
      "2026-03-15T07:00:00Z",
      "revidert",
    ]);
    // The mark Excel shows: the changed value and its "Endret" cell bold on a grey fill, no other cell of the row.
    const n = rows.indexOf(row) + 1;
    const letter = (i: number) => String.fromCharCode(65 + i);
    const format = (col: string) => data.cell(`${letter(head.indexOf(col))}${n}`).format;
    for (const col of ["Verdi", "Endret"]) expect(format(col)).toMatchObject({ bold: true, fillColor: "#BFBFBF" });
    expect(format("Kommune").fillColor).toBeUndefined();
    // The second update compares with June (read from the sheet the first one wrote, extra columns and all), not March.
    const july1 = await update(f, june1.written.sheets, july);
    expect(july1.report.changes!.changes.map((c) => `${c.indicator} ${c.municipality} ${c.year} ${c.change}`)).toEqual(["bibliotek bergen 2016 -3"]);
    expect(july1.report.changes!.since).toBe("2026-06-15T06:00:00Z");
  });

  it("reads only the columns the figures come from, in slices of rows", async () => {
    const f = createFakeExcel({ sheets: ["Ark1"] });
    const written = await rewriteOn(f, buildReport(june, { ...request, previous: march }).plan);
    const data = written.sheets.find((s) => s.key === "data")!;
    const whole = f.workbook.sheet("KOSTRA-data").values("A1:Q200").filter((r) => r[0] !== null && r[0] !== "");
    const syncs = f.stats.syncs;
    const read = (await readDataSheet(data, f.run))!;
    expect(read.rows[0]).toEqual(["Nøkkel", "Kommunenr.", "Verdi", "SSB-symbol", "Tabell", "SSB oppdatert"]);
    expect(read.rows.map((r) => r[0])).toEqual(whole.map((r) => r[0]));
    expect(f.stats.syncs - syncs).toBe(3); // what is there, the headings, one slice of rows
    expect(datasetFromDataSheet(read.rows, read.name).observations.length).toBe(whole.length - 1);
    // In slices of 7 rows: the same rows, one request each.
    const before = f.stats.syncs;
    expect(await readDataSheet(data, f.run, 7)).toEqual(read);
    expect(f.stats.syncs - before).toBe(2 + Math.ceil((whole.length - 1) / 7));
  });

  it("reads nothing from a data sheet the user renamed (it is theirs now) or deleted, nor from a sheet that is not one", async () => {
    const f = createFakeExcel({ sheets: ["Ark1"] });
    const written = await rewriteOn(f, buildReport(march, request).plan);
    const data = written.sheets.find((s) => s.key === "data")!;
    expect(await readDataSheet(data, f.run)).not.toBeNull();
    f.workbook.sheet("Ark1").setValues("B2", [["Budsjett"], [1234]]);
    expect(await readDataSheet({ key: "data", name: "Ark1" }, f.run)).toBeNull();
    expect(await readDataSheet({ ...data, name: "Mine tall" }, f.run)).toBeNull();
    expect(await readDataSheet({ key: "data", id: "{ukjent}", name: data.name }, f.run)).toBeNull();
  });
});
