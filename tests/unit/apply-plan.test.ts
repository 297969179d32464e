/**
 * The workbook gateway on the fake Excel object model: few syncs, chunking under the
 * request limit, in-place re-runs, the user's sheets untouched, all-or-nothing under a
 * failure at every sync, and text that can never run as a formula.
 */
import { applyPlan, GatewayError, type SettingsInput } from "../../src/excel/apply-plan";
import { readTemplateSettings } from "../../src/excel/settings-store";
import { buildDataSheet } from "../../src/report/data-sheet";
import type { ReportPlan } from "../../src/report/plan";
import { buildReport } from "../../src/report/report";
import { SETTINGS_NAMESPACE } from "../../src/report/template-settings";
import { sampleDataset } from "../../src/sources/sample";
import { createFakeExcel, type FakeExcel, type FakeExcelOptions } from "../support/fake-excel";
import { largeDataset } from "../support/large-dataset";

const SETTINGS: SettingsInput = {
  sectors: ["plan-miljo-kultur", "tekniske-tjenester"],
  municipality: "baerum",
  comparisons: ["asker"],
  network: "asss",
  average: "simple",
  includeOslo: true,
  includeFocal: true,
  year: 2017,
  years: [2015, 2016, 2017, 2018],
  source: { kind: "sample" },
  lang: "nb",
};

const samplePlan = (year = 2017): ReportPlan =>
  buildReport(sampleDataset(), { sectors: SETTINGS.sectors, municipality: "0219", year, years: [2015, 2016, 2017, 2018], lang: "nb" }).plan;

function fake(options: FakeExcelOptions = {}): FakeExcel {
  return createFakeExcel({ sheets: ["Budsjett 2027"], ...options });
}

const apply = (f: FakeExcel, plan: ReportPlan, extra: Partial<Parameters<typeof applyPlan>[1]> = {}) =>
  applyPlan(plan, { settings: SETTINGS, run: f.run, isSetSupported: (n, v) => f.Office.context.requirements.isSetSupported(n, v), now: () => new Date("2026-03-15T08:00:00Z"), ...extra });

describe("workbook gateway", () => {
  it("writes the full sample report in at most 6 syncs, formulas as formulas and text as text", async () => {
    const f = fake();
    const plan = samplePlan();
    const result = await apply(f, plan);
    expect(result.syncs).toBeLessThanOrEqual(6);
    expect(f.stats.syncs).toBeLessThanOrEqual(6);
    expect(f.workbook.sheetNames()).toEqual(["Budsjett 2027", ...plan.sheets.map((s) => s.name)]);
    const profile = f.workbook.sheet("Plan, miljø og kultur 2017");
    expect(profile.cell("A8").value).toBe("Netto driftsutgifter kunstformidling pr. innbygger");
    expect(profile.cell("A8").isText).toBe(true);
    expect(profile.cell("C8").formula).toMatch(/^=IF\(COUNT\(/);
    expect(profile.cell("B8").formula).toContain("'KOSTRA-data'!$G$2:");
    // Codes keep their leading zero as text (Bærum's rows come first).
    const data = f.workbook.sheet("KOSTRA-data");
    expect(data.cell("E2").value).toBe("0219");
    expect(data.cell("E2").isText).toBe(true);
    expect(f.workbook.tables().map((t) => t.name)).toEqual(["KostraData"]);
    const charts = f.workbook.charts();
    const index = charts.find((c) => c.title === "ASSS – Plan, miljø og kultur. Snitt nettverk = 100")!;
    expect(index.chartType).toBe("ColumnClustered");
    expect(index.series.map((s) => s.name)).toEqual(["BÆRUM", "Snitt ASSS", "Høyest kommune", "Laveste kommune"]);
    expect(index.series[0].values).toEqual({ sheet: "Plan, miljø og kultur 2017", address: "H8:H13" });
    expect(index.series[0].categories).toEqual({ sheet: "Plan, miljø og kultur 2017", address: "A8:A13" });
    expect(f.workbook.activeSheet()).toBe("Plan, miljø og kultur 2017");
  });

  it("stores the template settings with the sheets it owns", async () => {
    const f = fake();
    const result = await apply(f, samplePlan());
    const parts = f.workbook.customXmlParts();
    expect(parts).toHaveLength(1);
    expect(parts[0].namespaceUri).toBe(SETTINGS_NAMESPACE);
    const read = await readTemplateSettings(f.run);
    expect(read.kind).toBe("ok");
    if (read.kind === "ok") {
      expect(read.settings.ownedSheets).toEqual(result.sheets);
      expect(read.settings.years).toEqual([2015, 2016, 2017, 2018]);
    }
  });

  it("replaces its own report in place on a re-run, without duplicates, and leaves the user's sheets alone", async () => {
    const f = fake();
    f.workbook.sheet("Budsjett 2027").setCell("B2", { value: 1234 });
    f.workbook.sheet("Budsjett 2027").setCell("C2", { formula: "=B2*2" });
    await apply(f, samplePlan());
    const userBefore = f.workbook.sheet("Budsjett 2027").snapshot();
    await apply(f, samplePlan());
    expect(f.workbook.sheetNames()).toEqual(["Budsjett 2027", ...samplePlan().sheets.map((s) => s.name)]);
    expect(f.workbook.tables()).toHaveLength(1);
    expect(f.workbook.charts()).toHaveLength(4);
    expect(f.workbook.customXmlParts()).toHaveLength(1);
    expect(f.workbook.sheet("Budsjett 2027").snapshot()).toEqual(userBefore);
    // A new year replaces the old profile sheets too.
    await apply(f, samplePlan(2018));
    expect(f.workbook.sheetNames()).toContain("Plan, miljø og kultur 2018");
    expect(f.workbook.sheetNames()).not.toContain("Plan, miljø og kultur 2017");
  });

  it("never overwrites a user's sheet that has a planned name: the report gets a suffix and its formulas follow", async () => {
    const f = fake({ sheets: ["KOSTRA-data"] });
    f.workbook.sheet("KOSTRA-data").setCell("A1", { value: "mine" });
    const result = await apply(f, samplePlan());
    expect(f.workbook.sheet("KOSTRA-data").cell("A1").value).toBe("mine");
    expect(result.renamed).toEqual([{ planned: "KOSTRA-data", used: "KOSTRA-data (2)" }]);
    expect(f.workbook.sheet("Plan, miljø og kultur 2017").cell("B8").formula).toContain("'KOSTRA-data (2)'!$G$2:");
  });

  it("leaves the old report or none — never a mix — when any sync fails", async () => {
    // Count the syncs of a re-run first, then fail each one in turn.
    const probe = fake();
    await apply(probe, samplePlan());
    const before = probe.stats.syncs;
    await apply(probe, samplePlan(2018));
    const syncsOfRerun = probe.stats.syncs - before;
    expect(syncsOfRerun).toBeGreaterThan(1);

    for (let k = 1; k <= syncsOfRerun; k++) {
      const f = fake();
      await apply(f, samplePlan());
      const snapshot = f.workbook.snapshot();
      f.failSyncNumber(f.stats.syncs + k);
      await expect(apply(f, samplePlan(2018))).rejects.toThrow(GatewayError);
      const after = f.workbook.snapshot();
      expect(after.sheets.map((s) => s.name)).toEqual(snapshot.sheets.map((s) => s.name));
      expect(after).toEqual(snapshot);
    }
  });

  it("keeps text from data as text, whatever it starts with", async () => {
    const f = fake();
    const dangerous = ["=SUM(A1:A2)", "+1", "-2", "@x", '=HYPERLINK("http://x")'];
    const plan: ReportPlan = {
      sheets: [{ key: "data", name: "KOSTRA-data", blocks: [{ at: "A1", rows: [dangerous.map((t) => ({ kind: "text" as const, text: t }))] }] }],
      names: [],
    };
    await apply(f, plan);
    const sheet = f.workbook.sheet("KOSTRA-data");
    dangerous.forEach((t, i) => {
      const cell = sheet.cell(`${String.fromCharCode(65 + i)}1`);
      expect(cell.value).toBe(t);
      expect(cell.formula).toBeNull();
      expect(cell.isText).toBe(true);
    });
  });

  it("chunks a 357-municipality × 12-indicator × 10-year data sheet under the request limit", async () => {
    const f = fake();
    const ds = largeDataset();
    const data = buildDataSheet(ds, ds.observations, "KOSTRA-data", "nb");
    const result = await apply(f, { sheets: [data.sheet], names: [] });
    expect(ds.observations).toHaveLength(42_840);
    expect(f.stats.requests.every((r) => r.bytes < 5_000_000)).toBe(true);
    expect(result.largestRequestBytes).toBeLessThanOrEqual(3_500_000);
    expect(f.stats.maxRequestBytes).toBeLessThan(4_000_000);
    expect(result.syncs).toBeGreaterThan(3);
    const sheet = f.workbook.sheet("KOSTRA-data");
    expect(sheet.usedAddress()).toBe("A1:M42841");
    expect(sheet.cell("D42841").value).toBe("m357");
  });

  it("refuses settings it cannot read unless told to replace them, and says so", async () => {
    const f = fake();
    await f.run(async (context) => {
      context.workbook.customXmlParts.add(`<kostraBenchmark xmlns="${SETTINGS_NAMESPACE}"><settings><![CDATA[{broken]]></settings></kostraBenchmark>`);
      await context.sync();
    });
    const names = f.workbook.sheetNames();
    const e = await apply(f, samplePlan()).catch((x) => x);
    expect(e).toBeInstanceOf(GatewayError);
    expect((e as GatewayError).text.nb).toMatch(/skadet .* arbeidsboken er uendret/);
    expect(f.workbook.sheetNames()).toEqual(names);
    await apply(f, samplePlan(), { overwriteInvalidSettings: true });
    expect(f.workbook.customXmlParts()).toHaveLength(1);
  });

  it("explains what is missing on an Excel without the needed requirement set", async () => {
    const f = fake({ requirementSets: { ExcelApi: "1.4" } });
    const e = await apply(f, samplePlan()).catch((x) => x);
    expect(e).toBeInstanceOf(GatewayError);
    expect((e as GatewayError).kind).toBe("unsupported");
    expect((e as GatewayError).text.nb).toMatch(/mangler ExcelApi 1.7/);
    expect(f.stats.syncs).toBe(0);
  });
});
