/**
 * The workbook gateway on the fake Excel object model: few syncs, requests under the
 * budget (the final one too), in-place re-runs, the user's sheets, tables and names
 * untouched, only the report's closed cell kinds, XML-safe text, and what the user is
 * told when Excel stops a write and keeps stopping it. (A failure at every single
 * statement is in apply-plan-every-statement.test.ts.)
 */
import { GatewayError, MAX_REQUEST_BYTES, PlanError } from "../../src/excel/apply-plan";
import { readTemplateSettings } from "../../src/excel/settings-store";
import { buildDataSheet } from "../../src/report/data-sheet";
import type { PlanCell, ReportPlan } from "../../src/report/plan";
import { SETTINGS_NAMESPACE, settingsToXml } from "../../src/report/template-settings";
import { hasXmlForbidden } from "../../src/kostra/safe-text";
import { createFakeExcel, type FakeExcel, type FakeExcelOptions } from "../support/fake-excel";
import { LARGEST_SETTINGS, SAMPLE_SETTINGS, claimedIds, rewriteOn, samplePlan } from "../support/gateway-runs";
import { largeDataset } from "../support/large-dataset";
import { largestReportPlan } from "../support/largest-report";
import { writtenSettings } from "../support/settings-fixture";

function fake(options: FakeExcelOptions = {}): FakeExcel {
  return createFakeExcel({ sheets: ["Budsjett 2027"], ...options });
}

/** Every write here is made as after the user agreed to replace the previous report (what a write does without that: tests/integration/hostile/workbook-write.test.ts). */
const apply = rewriteOn;

/** Every formula in the workbook, with its place. */
function formulas(f: FakeExcel): string[] {
  const out: string[] = [];
  for (const s of f.workbook.snapshot().sheets) for (const [a, c] of Object.entries(s.cells)) if (c.formula) out.push(`${s.name}!${a} ${c.formula}`);
  return out;
}

/** Every string inside a value. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (value && typeof value === "object") for (const v of Object.values(value)) strings(v, out);
  return out;
}

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
    // The population-weighted average over the members with a value and a positive weight.
    expect(profile.cell("C8").formula).toMatch(/^=IF\(SUMPRODUCT\(/);
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
    expect(f.workbook.sheetNames().some((n) => n.startsWith("kb-tmp-"))).toBe(false);
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

  it("replaces its own report in place on a re-run, formulas on the new sheets, and leaves the user's sheets alone", async () => {
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
    // Formulas were written naming the temporary sheets and followed them into place: none
    // refers to the previous report's sheets (which would now be #REF!).
    expect(formulas(f).filter((x) => x.includes("#REF!"))).toEqual([]);
    expect(f.workbook.sheet("Plan, miljø og kultur 2017").cell("B8").formula).toContain("'KOSTRA-data'!$G$2:");
    // A new year replaces the old profile sheets too.
    await apply(f, samplePlan(2018));
    expect(f.workbook.sheetNames()).toContain("Plan, miljø og kultur 2018");
    expect(f.workbook.sheetNames()).not.toContain("Plan, miljø og kultur 2017");
    expect(formulas(f).filter((x) => x.includes("#REF!"))).toEqual([]);
  });

  it("never overwrites a user's sheet that has a planned name: the report gets a suffix and its formulas follow", async () => {
    const f = fake({ sheets: ["KOSTRA-data"] });
    f.workbook.sheet("KOSTRA-data").setCell("A1", { value: "mine" });
    const result = await apply(f, samplePlan());
    expect(f.workbook.sheet("KOSTRA-data").cell("A1").value).toBe("mine");
    expect(result.renamed).toEqual([{ planned: "KOSTRA-data", used: "KOSTRA-data (2)" }]);
    expect(f.workbook.sheet("Plan, miljø og kultur 2017").cell("B8").formula).toContain("'KOSTRA-data (2)'!$G$2:");
  });

  // A user table named KostraData: tests/integration/hostile/workbook-write.test.ts.

  it("deletes a sheet named in the settings only while it has the name the settings record: a shared workbook cannot aim at the user's sheets", async () => {
    const f = fake();
    const user = f.workbook.sheet("Budsjett 2027");
    user.setCell("A1", { value: "mine" });
    // Settings as a crafted workbook could carry them: the id of the user's sheet, under a report sheet's name.
    f.workbook.addCustomXmlPart(settingsToXml(writtenSettings({ ownedSheets: [{ key: "data", id: user.snapshot().id, name: "KOSTRA-data" }] })));
    await apply(f, samplePlan());
    expect(f.workbook.sheet("Budsjett 2027").cell("A1").value).toBe("mine");
    expect(f.workbook.sheetNames()).toEqual(["Budsjett 2027", ...samplePlan().sheets.map((s) => s.name)]);
  });

  it("keeps a report sheet the user renamed to keep it, and writes the new report beside it", async () => {
    const f = fake();
    await apply(f, samplePlan());
    await f.run(async (context) => {
      context.workbook.worksheets.getItem("Plan, miljø og kultur 2017").name = "PMK 2017 (min kopi)";
      await context.sync();
    });
    await apply(f, samplePlan());
    expect(f.workbook.sheetNames()).toContain("PMK 2017 (min kopi)");
    expect(f.workbook.sheetNames()).toContain("Plan, miljø og kultur 2017");
  });

  it("keeps clear of a user's defined name and of a sheet named like a temporary one", async () => {
    const f = fake();
    await f.run(async (context) => {
      context.workbook.names.add("KostraData", context.workbook.worksheets.getItem("Budsjett 2027").getRange("A1:A3"));
      await context.sync();
    });
    // The temporary names come from the time of the write; a user could have one by chance.
    const stamp = new Date("2026-03-15T08:00:00Z").getTime().toString(36);
    f.workbook.addSheet(`kb-tmp-${stamp}-0`).setCell("A1", { value: "mine" });
    const before = f.workbook.snapshot();
    const result = await apply(f, samplePlan());
    expect(result.renamedTables).toEqual([{ planned: "KostraData", used: "KostraData_2" }]);
    expect(f.workbook.names()).toEqual(before.names);
    expect(f.workbook.sheet(`kb-tmp-${stamp}-0`).snapshot()).toEqual(before.sheets[1]);
    expect(f.workbook.sheetNames()).toEqual(["Budsjett 2027", `kb-tmp-${stamp}-0`, ...samplePlan().sheets.map((s) => s.name)]);
  });

  it("replaces the report's own defined names on a re-run and keeps clear of the user's", async () => {
    const f = fake();
    await f.run(async (context) => {
      context.workbook.names.add("Verdier_2", context.workbook.worksheets.getItem("Budsjett 2027").getRange("B1:B2"));
      await context.sync();
    });
    const plan = (year: number): ReportPlan => ({
      ...samplePlan(year),
      names: [
        { name: "Verdier", ref: { sheet: "data", range: "$G$2:$G$9" }, comment: "Verdiene" },
        { name: "Budsjett", ref: { sheet: "data", range: "$A$1" } },
      ],
    });
    // The user's own name "Budsjett" comes after the first write.
    await apply(f, plan(2017));
    await f.run(async (context) => {
      context.workbook.names.getItem("Budsjett").delete();
      context.workbook.names.add("Budsjett", context.workbook.worksheets.getItem("Budsjett 2027").getRange("A1"));
      await context.sync();
    });
    const result = await apply(f, plan(2018));
    expect(result.sheets.map((s) => s.name)).toContain("Plan, miljø og kultur 2018");
    expect(f.workbook.names()).toEqual([
      { name: "Verdier_2", formula: "='Budsjett 2027'!$B$1:$B$2", comment: "", visible: true },
      { name: "Budsjett", formula: "='Budsjett 2027'!$A$1", comment: "", visible: true },
      { name: "Verdier", formula: "='KOSTRA-data'!$G$2:$G$9", comment: "Verdiene", visible: true },
      { name: "Budsjett_2", formula: "='KOSTRA-data'!$A$1", comment: "", visible: true },
    ]);
  });

  it("keeps text from data as text, whatever it starts with", async () => {
    const f = fake();
    const dangerous = ["=SUM(A1:A2)", "+1", "-2", "@x", '=HYPERLINK("http://x")', "'quoted"];
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

  it("writes only XML-safe text: cells, sheet names, chart texts and settings", async () => {
    const f = fake();
    const bad = "A\uFFFEB\u0001C\uD800";
    const plan = samplePlan();
    const tampered: ReportPlan = {
      ...plan,
      sheets: plan.sheets.map((s) =>
        s.key.startsWith("profile:plan")
          ? { ...s, name: `P${bad}`, blocks: [{ at: "A1", rows: [[{ kind: "text", text: `=${bad}` }]] }, ...s.blocks.slice(1)], charts: s.charts?.map((c) => ({ ...c, title: bad, series: c.series.map((x) => ({ ...x, name: bad })) })) }
          : s,
      ),
    };
    await apply(f, tampered, { settings: { ...SAMPLE_SETTINGS, source: { kind: "file", files: [`data${bad}.csv`] } } });
    const safe = "A\uFFFDB\uFFFDC\uFFFD";
    expect(f.workbook.sheetNames()).toContain(`P${safe}`);
    const sheet = f.workbook.sheet(`P${safe}`);
    expect(sheet.cell("A1")).toMatchObject({ value: `=${safe}`, formula: null, isText: true });
    const chart = sheet.charts()[0];
    expect(chart.title).toBe(safe);
    expect(chart.series.map((s) => s.name)).toEqual(chart.series.map(() => safe));
    const xml = f.workbook.customXmlParts()[0].xml;
    expect(xml).toContain(`data${safe}.csv`);
    expect(strings(f.workbook.snapshot()).filter(hasXmlForbidden)).toEqual([]);
  });

  it.each<[string, PlanCell | unknown]>([
    ["an object as text", { kind: "text", text: { formula: 'HYPERLINK("http://x")' } }],
    ["an object as a cell", { formula: "WEBSERVICE(A2)" }],
    ["NaN", { kind: "number", value: NaN }],
    ["Infinity", { kind: "number", value: Infinity }],
    ["a number as text", { kind: "text", text: 42 }],
    ["a formula without =", { kind: "formula", formula: "SUM(A1)" }],
    ["an unknown kind", { kind: "link", url: "http://x" }],
    ["null", null],
  ])("refuses %s as a programming error before anything is sent to Excel", async (_what, cell) => {
    const f = fake();
    const plan = { sheets: [{ key: "data", name: "KOSTRA-data", blocks: [{ at: "A1", rows: [[{ kind: "empty" }, cell]] }] }], names: [] } as unknown as ReportPlan;
    await expect(apply(f, plan)).rejects.toThrow(PlanError);
    expect(f.stats.syncs).toBe(0);
  });

  it("chunks a 357-municipality × 12-indicator × 10-year data sheet under the request limit", async () => {
    const f = fake();
    const ds = largeDataset();
    const data = buildDataSheet(ds, ds.observations, "KOSTRA-data", "nb");
    const result = await apply(f, { sheets: [data.sheet], names: [] });
    expect(ds.observations).toHaveLength(42_840);
    expect(f.stats.requests.every((r) => r.bytes <= MAX_REQUEST_BYTES)).toBe(true);
    expect(result.largestRequestBytes).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    expect(result.syncs).toBeGreaterThan(3);
    const sheet = f.workbook.sheet("KOSTRA-data");
    // The table (A–N), and right of it on the header row the in-order cell (Q1) and its label.
    expect(sheet.usedAddress()).toBe("A1:Q42841");
    expect(sheet.cell("Q1").formula).toBe("=SUMPRODUCT(--($N$2:$N$42841<>ROW($N$2:$N$42841)-1))=0");
    expect(sheet.cell("D42841").value).toBe("m357");
  });

  it("keeps every request of the largest report under the budget, the final one small", async () => {
    const f = fake();
    await apply(f, largestReportPlan(2023), { settings: { ...LARGEST_SETTINGS, year: 2023 } });
    const before = f.stats.requests.length;
    const result = await apply(f, largestReportPlan(2024), { settings: LARGEST_SETTINGS });
    const requests = f.stats.requests.slice(before);
    expect(requests.every((r) => r.outcome === "ok")).toBe(true);
    // As the fake measures them (the JSON of every queued command), and as the gateway estimates them.
    expect(Math.max(...requests.map((r) => r.bytes))).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    expect(result.largestRequestBytes).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    // The final request: the one that deletes the previous report's sheets (the last request only shows a sheet).
    const final = requests[requests.length - 2];
    expect(final.operations).toBe(1 + 27 + 27 + 1 + 1);
    expect(final.bytes).toBeLessThan(100_000);
    expect(result.finalRequestBytes!).toBeGreaterThanOrEqual(final.bytes);
    expect(result.finalRequestBytes!).toBeLessThan(100_000);
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
    expect((e as GatewayError).state).toEqual({ kind: "unchanged" });
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

describe("when Excel keeps failing", () => {
  /**
   * A workbook with last year's report, and where this year's write puts its statements
   * (numbered as the fake counts them): the build's first request after the temporary
   * sheets are added, and the final request. Learnt from the same write on a copy.
   */
  async function withPrevious(): Promise<{ f: FakeExcel; buildStarts: number; finalStarts: number }> {
    const f = fake();
    await apply(f, samplePlan(2017));
    const probe = f.fork();
    await apply(probe, samplePlan(2018));
    const write = probe.stats.requests;
    expect(write.map((r) => r.operations)[2]).toBe(2 * 5);
    return { f, buildStarts: f.stats.statements + write[3].firstStatement, finalStarts: f.stats.statements + write[write.length - 2].firstStatement };
  }

  it("says the previous report is intact, and names the temporary sheets it could not remove", async () => {
    const { f, buildStarts } = await withPrevious();
    const before = f.workbook.snapshot();
    // The workbook is protected while the report is being built: Excel still answers reads.
    f.failChangesFrom(buildStarts + 3, { code: "AccessDenied" });
    const e = (await apply(f, samplePlan(2018)).catch((x) => x)) as GatewayError;
    const left = f.workbook.sheetNames().filter((n) => n.startsWith("kb-tmp-"));
    expect(left.length).toBe(5);
    expect(e.state).toEqual({ kind: "leftovers", sheets: left, certain: true });
    expect(e.text.nb).toContain("Den forrige rapporten er urørt");
    expect(e.text.nb).toContain(`«${left[0]}»`);
    expect(e.text.en).toContain(`“${left[0]}”`);
    expect(e.text.nb).toContain("(Excel: AccessDenied)");
    // The previous report and its settings are untouched.
    expect(f.workbook.snapshot().sheets.filter((s) => !s.name.startsWith("kb-tmp-"))).toEqual(before.sheets);
    expect(f.workbook.customXmlParts()).toEqual(before.customXmlParts);
  });

  it("describes a half-done final request exactly, and the next write puts the workbook right", async () => {
    const { f, finalStarts } = await withPrevious();
    // The first settings and two deletions go through; then Excel refuses every change.
    f.failChangesFrom(finalStarts + 3);
    const e = (await apply(f, samplePlan(2018)).catch((x) => x)) as GatewayError;
    expect(e.state).toEqual({
      kind: "partial",
      oldSheets: ["Tekniske tjenester 2017", "Utvikling Tekniske tjenester", "KOSTRA-data"],
      temporarySheets: samplePlan(2018).sheets.map((s, i) => ({ name: expect.stringMatching(new RegExp(`^kb-tmp-.*-${i}$`)), final: s.name })),
      temporaryTables: [{ name: expect.stringMatching(/^kb_tmp_/), final: "KostraData" }],
      settingsDone: false,
      ownedSheetIds: expect.any(Array),
    });
    // The sheets the settings now own, old and new: writing again replaces them all (the pane does not ask again).
    const present = new Set(f.workbook.snapshot().sheets.map((s) => s.id));
    const owned = e.state.kind === "partial" ? e.state.ownedSheetIds : [];
    expect(owned).toHaveLength(3 + 5);
    expect([...owned].sort()).toEqual(claimedIds(f).filter((id) => present.has(id)).sort());
    expect(e.text.nb).toContain("Den nye rapporten er skrevet helt, men arkene «kb-tmp-");
    expect(e.text.nb).toContain("Arkene «Tekniske tjenester 2017», «Utvikling Tekniske tjenester», «KOSTRA-data» fra den forrige rapporten står fortsatt.");
    expect(e.text.nb).toContain("Skriv rapporten på nytt");
    expect(e.text.en).toContain("The new report is written completely, but the sheets “kb-tmp-");
    // Excel works again; the next write removes the leftovers of both reports and writes the report whole.
    f.recover();
    await apply(f, samplePlan(2018));
    expect(f.workbook.sheetNames()).toEqual(["Budsjett 2027", ...samplePlan(2018).sheets.map((s) => s.name)]);
    expect(f.workbook.tables().map((t) => t.name)).toEqual(["KostraData"]);
    expect(f.workbook.customXmlParts()).toHaveLength(1);
    expect(formulas(f).filter((x) => x.includes("#REF!"))).toEqual([]);
  });

  it("says it does not know how far the write came when the workbook cannot even be read", async () => {
    const { f, finalStarts } = await withPrevious();
    f.failStatementsFrom(finalStarts + 1);
    const e = (await apply(f, samplePlan(2018)).catch((x) => x)) as GatewayError;
    expect(e.state).toEqual({ kind: "unknown", temporaryPrefix: "kb-tmp-" });
    expect(e.text.nb).toContain("vet ikke hvor langt skrivingen kom");
    f.recover();
    await apply(f, samplePlan(2018));
    expect(f.workbook.sheetNames()).toEqual(["Budsjett 2027", ...samplePlan(2018).sheets.map((s) => s.name)]);
  });
});
