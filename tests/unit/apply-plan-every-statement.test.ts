/**
 * All or nothing, at every statement. Excel runs a request statement by statement and
 * keeps what it did when one fails; the fake does the same. Each write below is run once
 * without failure, then once for every statement k of the whole write (over all its
 * requests, reads included) with statement k failing. Whatever k, the workbook must end
 * either exactly as it was — the previous report, its settings and the user's sheets
 * untouched, no temporary sheet left — with a message saying so, or holding the new
 * report completely, exactly as the write without failure left it.
 *
 * To keep this fast for the largest report (about 2,500 statements), a run for statement k
 * does not redo the requests before the one k is in: it starts from the workbook and the
 * write's own state as the write without failure had them at that request boundary (the
 * fake's workbooks fork cheaply, and a write's state between requests is plain data, see
 * src/excel/report-write.ts). Both are deterministic, so that is exactly where a full run
 * would be; statements in the reads come before the first boundary and run from the start.
 */
import { GatewayError, MAX_REQUEST_BYTES, type ApplyResult, type SettingsInput } from "../../src/excel/apply-plan";
import { continueWrite, startWrite, type WriteState } from "../../src/excel/report-write";
import type { ReportPlan } from "../../src/report/plan";
import { createFakeExcel, type FakeExcel } from "../support/fake-excel";
import { LARGEST_SETTINGS, SAMPLE_SETTINGS, WRITTEN_AT, applyOn, claimedIds, samplePlan } from "../support/gateway-runs";
import { largestReportPlan } from "../support/largest-report";
import { LONG_TEST_TIMEOUT_MS } from "../support/timing";

interface Tally {
  statements: number;
  unchanged: number;
  complete: number;
  finishedOnRetry: number;
  problems: string[];
}

interface Boundary {
  /** Statements the write had run when it reached the boundary. */
  statements: number;
  state: WriteState;
  workbook: FakeExcel;
}

async function failEveryStatement(start: FakeExcel, plan: ReportPlan, settings: SettingsInput): Promise<Tally> {
  // The user agreed to replace the previous report, as the pane asks before an update.
  const options = { settings, isSetSupported: () => true, now: () => WRITTEN_AT, replace: claimedIds(start) };
  const reference = start.fork();
  const boundaries: Boundary[] = [];
  await reference.run((context) =>
    startWrite(context, plan, options, MAX_REQUEST_BYTES, {
      atBoundary: (state) => boundaries.push({ statements: reference.stats.statements, state, workbook: reference.fork() }),
    }),
  );
  const tally: Tally = { statements: reference.stats.statements, unchanged: 0, complete: 0, finishedOnRetry: 0, problems: [] };
  const left = reference.workbook.snapshot().sheets.filter((s) => options.replace.includes(s.id));
  if (options.replace.length === 0 || left.length) tally.problems.push(`the previous report was not replaced: ${left.map((s) => s.name).join(", ") || "nothing to replace"}`);
  for (let k = 1; k <= tally.statements; k++) {
    const from = boundaries.filter((b) => b.statements < k).pop();
    const f = (from?.workbook ?? start).fork();
    f.failStatement(k - (from?.statements ?? 0));
    const write = from ? f.run((context) => continueWrite(context, plan, options, from.state)) : applyOn(f, plan, options);
    const outcome: ApplyResult | unknown = await write.catch((e: unknown) => e);
    const problem = (what: string) => tally.problems.push(`k=${k}: ${what}`);
    if (!f.stats.requests.some((r) => r.outcome === "failed")) problem("the failure was never injected");
    if (outcome instanceof GatewayError) {
      tally.unchanged++;
      if (outcome.state.kind !== "unchanged") problem(`state ${JSON.stringify(outcome.state)}`);
      if (!/(Den forrige rapporten er urørt, og ingenting|Ingenting) i arbeidsboken er endret\./.test(outcome.text.nb)) problem(`nb message: ${outcome.text.nb}`);
      if (!/(The previous report is intact; nothing|Nothing) in the workbook changed\./.test(outcome.text.en)) problem(`en message: ${outcome.text.en}`);
      for (const d of f.differencesFrom(start)) problem(`not intact: ${d}`);
    } else if (outcome instanceof Error) {
      problem(`unexpected ${outcome.name}: ${outcome.message}`);
    } else {
      tally.complete++;
      if ((outcome as ApplyResult).finishedOnRetry) tally.finishedOnRetry++;
      for (const d of f.differencesFrom(reference, { ids: "ignore", activeSheet: false })) problem(`not complete: ${d}`);
    }
  }
  return tally;
}

describe("a write stopped at any statement leaves the previous report or the new one, whole", () => {
  it("the sample report over the previous year's, beside the user's own sheet", async () => {
    const start = createFakeExcel({ sheets: ["Budsjett 2027"] });
    start.workbook.sheet("Budsjett 2027").setCell("B2", { value: 1234 });
    start.workbook.sheet("Budsjett 2027").setCell("C2", { formula: "=B2*2" });
    await applyOn(start, samplePlan(2017));
    const tally = await failEveryStatement(start, samplePlan(2018), { ...SAMPLE_SETTINGS, year: 2018 });
    expect(tally.problems.slice(0, 20)).toEqual([]);
    expect(tally.statements).toBeGreaterThan(200);
    expect(tally.unchanged).toBeGreaterThan(0);
    expect(tally.finishedOnRetry).toBeGreaterThan(0);
  });

  it("the largest report (13 templates × 10 years) over the previous year's", async () => {
    const start = createFakeExcel({ sheets: ["Ark1"] });
    await applyOn(start, largestReportPlan(2023), { settings: { ...LARGEST_SETTINGS, year: 2023 } });
    const tally = await failEveryStatement(start, largestReportPlan(2024), LARGEST_SETTINGS);
    expect(tally.problems.slice(0, 20)).toEqual([]);
    expect(tally.statements).toBeGreaterThan(2000);
    expect(tally.finishedOnRetry).toBeGreaterThan(0);
  }, LONG_TEST_TIMEOUT_MS);
});
