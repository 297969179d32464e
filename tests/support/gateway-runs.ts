/**
 * Running the workbook gateway against the fake Excel in tests: the settings a write
 * stores, the sample and largest reports, and one call that applies a plan the way the
 * task pane does (with the fake's requirement sets and a fixed clock) — replacing no sheet
 * unless told which, or (`rewriteOn`) after the user agreed to replace the previous report.
 */
import { applyPlan, type ApplyOptions, type ApplyResult, type SettingsInput } from "../../src/excel/apply-plan";
import type { ReportPlan } from "../../src/report/plan";
import { settingsFromXml, SETTINGS_NAMESPACE } from "../../src/report/template-settings";
import { buildReport } from "../../src/report/report";
import { sampleDataset } from "../../src/sources/sample";
import type { FakeExcel } from "./fake-excel";
import { LARGEST_REQUEST } from "./largest-report";
import { writtenSettings } from "./settings-fixture";

/** What the pane gives the gateway: the settings without what the gateway adds itself. */
const WRITTEN_BY_GATEWAY = ["schemaVersion", "ownedSheets", "writtenAt"];

/** The sample report's settings: both sample templates, 2015–2018. */
export const SAMPLE_SETTINGS = Object.fromEntries(
  Object.entries(writtenSettings({ sectors: ["plan-miljo-kultur", "tekniske-tjenester"], years: [2015, 2016, 2017, 2018], source: { kind: "sample" } })).filter(
    ([key]) => !WRITTEN_BY_GATEWAY.includes(key),
  ),
) as SettingsInput;

export const LARGEST_SETTINGS: SettingsInput = {
  ...SAMPLE_SETTINGS,
  sectors: [...LARGEST_REQUEST.sectors],
  comparisons: [],
  year: LARGEST_REQUEST.year,
  years: [...LARGEST_REQUEST.years],
};

export const samplePlan = (year = 2017): ReportPlan =>
  buildReport(sampleDataset(), { sectors: SAMPLE_SETTINGS.sectors, municipality: "0219", year, years: [2015, 2016, 2017, 2018], lang: "nb" }).plan;

export const WRITTEN_AT = new Date("2026-03-15T08:00:00Z");

export function applyOn(fake: FakeExcel, plan: ReportPlan, extra: Partial<ApplyOptions> = {}): Promise<ApplyResult> {
  return applyPlan(plan, {
    settings: SAMPLE_SETTINGS,
    run: fake.run,
    isSetSupported: (n, v) => fake.Office.context.requirements.isSetSupported(n, v),
    now: () => WRITTEN_AT,
    ...extra,
  });
}

/** The ids of the sheets the workbook's settings claim: what a user who answers "Fortsett" agrees to replace. */
export function claimedIds(fake: FakeExcel): string[] {
  return fake.workbook
    .customXmlParts()
    .filter((p) => p.namespaceUri === SETTINGS_NAMESPACE)
    .flatMap((p) => {
      const read = settingsFromXml(p.xml);
      // A sheet named without an id (a file written outside Excel) is the one of that name.
      const ids = new Map(fake.workbook.snapshot().sheets.map((s) => [s.name, s.id]));
      return read.kind === "ok" ? read.settings.ownedSheets.flatMap((o) => o.id ?? ids.get(o.name) ?? []) : [];
    });
}

/** Write as the pane does once the user agreed to replace the previous report (every sheet the settings claim). */
export function rewriteOn(fake: FakeExcel, plan: ReportPlan, extra: Partial<ApplyOptions> = {}): Promise<ApplyResult> {
  return applyOn(fake, plan, { replace: claimedIds(fake), ...extra });
}
