/**
 * Any size fits, through Office.js: Excel on the web refuses a request over 5 MB, and the
 * formulas of a large report are far more than that. On the fake Excel object model
 * (which measures each request as the JSON of its queued commands, and refuses one over
 * 5,000,000 bytes like Excel on the web): the 13 templates × 10 years report with a
 * weighted average is written in requests under the gateway's budget, every formula
 * arriving; the whole-country report (every municipality as peers) is compiled into units
 * of at most half a request; and a write Excel stops at a request in the middle of the
 * formulas leaves the workbook as it was.
 */
import { GatewayError, MAX_REQUEST_BYTES } from "../../src/excel/apply-plan";
import { resolveNaming } from "../../src/excel/naming";
import { STATEMENT_BYTES } from "../../src/excel/request-meter";
import { compileProgram, type Unit } from "../../src/excel/write-program";
import type { ReportPlan } from "../../src/report/plan";
import { checkedPlan } from "../../src/report/plan-check";
import { buildReport } from "../../src/report/report";
import { createFakeExcel, type FakeExcel } from "../support/fake-excel";
import { LARGEST_SETTINGS, rewriteOn } from "../support/gateway-runs";
import { LARGEST_REQUEST, largestDataset, wholeCountryReportPlan } from "../support/largest-report";
import { LONG_TEST_TIMEOUT_MS } from "../support/timing";

jest.setTimeout(LONG_TEST_TIMEOUT_MS);

const WEIGHTED = { ...LARGEST_SETTINGS, average: "weighted" as const };

function weightedPlan(year: number): ReportPlan {
  return buildReport(largestDataset(), { ...LARGEST_REQUEST, year, average: "weighted" }).plan;
}

/** Formula cells of the plan and the bytes of their text. */
function formulaCells(plan: ReportPlan): { count: number; bytes: number } {
  let count = 0;
  let bytes = 0;
  for (const s of plan.sheets)
    for (const b of s.blocks)
      for (const row of b.rows)
        for (const c of row)
          if (c.kind === "formula") {
            count++;
            bytes += c.formula.length;
          }
  return { count, bytes };
}

/** Formula cells in the workbook. */
function formulasIn(f: FakeExcel): number {
  return f.workbook.snapshot().sheets.reduce((n, s) => n + Object.values(s.cells).filter((c) => c.formula).length, 0);
}

describe("every request of the largest reports stays under the budget, formulas included", () => {
  it("13 templates × 10 years, ASSS, weighted average, over last year's report", async () => {
    const f = createFakeExcel({ sheets: ["Ark1"] });
    await rewriteOn(f, weightedPlan(2023), { settings: { ...WEIGHTED, year: 2023 } });
    const before = f.stats.requests.length;
    const plan = weightedPlan(2024);
    const formulas = formulaCells(plan);
    // More formula text than one request may carry: it has to be split to be written at all.
    expect(formulas.bytes).toBeGreaterThan(MAX_REQUEST_BYTES);
    const result = await rewriteOn(f, plan, { settings: WEIGHTED });
    const requests = f.stats.requests.slice(before);
    expect(requests.every((r) => r.outcome === "ok")).toBe(true);
    expect(Math.max(...requests.map((r) => r.bytes))).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    expect(result.largestRequestBytes).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    // The gateway's estimate never undercounts what the fake measured.
    expect(result.largestRequestBytes).toBeGreaterThanOrEqual(Math.max(...requests.map((r) => r.bytes)));
    expect(formulasIn(f)).toBe(formulas.count);
    // The swap is small whatever the size of the report.
    expect(requests[requests.length - 2].bytes).toBeLessThan(100_000);
  });

  it("the whole country (13 templates × 10 years, all 357 municipalities as peers): every unit under half a request, as the fake measures it", async () => {
    // The fake keeps every cell, and eight million do not fit a test's memory: the whole
    // write is measured by the benchmark (bench/whole-country.js apply). Here: the program
    // the gateway compiles for it, each unit at most half the budget (so two fill a request
    // and none passes it), and the largest units sent on the fake, measured as Excel would.
    const plan = checkedPlan(wholeCountryReportPlan());
    expect(formulaCells(plan).bytes).toBeGreaterThan(20 * MAX_REQUEST_BYTES);
    const naming = resolveNaming(plan, { sheets: [{ id: "{0}", name: "Ark1" }], tables: [], names: [], parts: [] }, new Set(), "t");
    const units = compileProgram(plan, naming, MAX_REQUEST_BYTES);
    const cost = (u: Unit) => u.statements * STATEMENT_BYTES + u.bytes;
    expect(units.filter((u) => u.kind === "cells").length).toBeGreaterThan(80);
    expect(Math.max(...units.map(cost))).toBeLessThanOrEqual(MAX_REQUEST_BYTES / 2);
    const largest = [...units].sort((a, b) => cost(b) - cost(a)).slice(0, 3);
    const f = createFakeExcel({ sheets: naming.sheets.map((s) => s.temporary) });
    const byKey = new Map(naming.sheets.map((s) => [s.key, s.temporary]));
    for (const unit of largest) {
      await f.run(async (context) => {
        unit.queue((key) => context.workbook.worksheets.getItem(byKey.get(key)!));
        await context.sync();
      });
      const sent = f.stats.requests[f.stats.requests.length - 1];
      expect(sent.outcome).toBe("ok");
      // The gateway's estimate, with the one statement that finds the sheet, never undercounts.
      expect(sent.bytes).toBeLessThanOrEqual(cost(unit) + STATEMENT_BYTES);
      expect(sent.bytes).toBeGreaterThan(MAX_REQUEST_BYTES / 4);
    }
  });
});

describe("Excel stops the write in the middle of the formulas", () => {
  /** Last year's weighted report, and this year's write run once on a copy to see its requests. */
  async function withPrevious(): Promise<{ f: FakeExcel; plan: ReportPlan; middle: { sync: number; firstStatement: number; operations: number } }> {
    const f = createFakeExcel({ sheets: ["Ark1"] });
    f.workbook.sheet("Ark1").setCell("A1", { value: "Budsjett" });
    await rewriteOn(f, weightedPlan(2023), { settings: { ...WEIGHTED, year: 2023 } });
    const plan = weightedPlan(2024);
    const probe = f.fork();
    await rewriteOn(probe, plan, { settings: WEIGHTED });
    // The requests that carry cells (the large ones), and the one in the middle of them.
    const bulky = probe.stats.requests.filter((r) => r.bytes > MAX_REQUEST_BYTES / 4);
    expect(bulky.length).toBeGreaterThanOrEqual(3);
    const m = bulky[Math.floor(bulky.length / 2)];
    return { f, plan, middle: { sync: f.stats.syncs + m.sync, firstStatement: f.stats.statements + m.firstStatement, operations: m.operations } };
  }

  it.each([
    ["refuses the whole request", (f: FakeExcel, m: { sync: number }) => f.failSyncNumber(m.sync)],
    ["stops half-way through the request", (f: FakeExcel, m: { firstStatement: number; operations: number }) => f.failStatement(m.firstStatement + Math.floor(m.operations / 2))],
  ])("when Excel %s, the previous report, its settings and the user's sheet are as they were", async (_, inject) => {
    const { f, plan, middle } = await withPrevious();
    const start = f.fork();
    inject(f, middle);
    const e = await rewriteOn(f, plan, { settings: WEIGHTED }).catch((x: unknown) => x);
    expect(f.stats.requests.some((r) => r.outcome === "failed")).toBe(true);
    expect(e).toBeInstanceOf(GatewayError);
    expect((e as GatewayError).state).toEqual({ kind: "unchanged" });
    expect((e as GatewayError).text.nb).toContain("Den forrige rapporten er urørt");
    expect(f.differencesFrom(start)).toEqual([]);
    expect(f.workbook.sheetNames().filter((n) => n.startsWith("kb-tmp-"))).toEqual([]);
  });
});
