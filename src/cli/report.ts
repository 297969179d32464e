/**
 * `kostra report`: the report as an .xlsx workbook — data sheet, profile sheet(s) with the
 * "Snitt nettverk = 100" chart, and time series — with the same live formulas the add-in
 * writes into Excel. For users outside Excel, and for checking the formulas with a real
 * spreadsheet engine.
 *
 *   kostra report --sector ID[,ID] --municipality CODE --year YYYY [--years A-B]
 *                 [--input FILE]… [--sample] [--compare CODE,…]
 *                 [--network asss|custom|none] [--peers CODE,…] [--base eakuo|eak|ekg07|kostragruppe]
 *                 [--reference eakuo,eak]
 *                 [--average simple|weighted|indicator] [--exclude-oslo] [--exclude-focal]
 *                 [--chart-comparisons] [--lang nb|en] --out FILE.xlsx
 *                 [--merged-history break|sum]
 *
 * --merged-history: a merged municipality's years before the merger (Drammen before 2020)
 * show a break (the default) or the sum of its predecessors, computed in the data sheet.
 *
 * The file carries the template settings the add-in keeps in a workbook (report-settings.ts),
 * so it opens in Excel as a template workbook with "Oppdater".
 */
import { parseArgs } from "node:util";
import type { Dataset } from "../kostra/types";
import type { ReportPlan } from "../report/plan";
import type { TemplateChoicesInput } from "../report/template-settings";
import { buildReport } from "../report/report";
import { writeXlsx } from "../report/xlsx-writer";
import { SAMPLE_NOTICE } from "../sources/sample";
import { parseYears } from "./fetch";
import { checkpoint, type Io } from "./io";
import { CLI_TEXT } from "./messages";
import { checkOutputTarget, writeOutputFile } from "./output-file";
import { REPORT_OPTIONS } from "./command-options";
import { benchmarkOptions, langOf, loadDataset, MERGED_HISTORY, oneOf, required, sentenceBandOf, templatesFor, yearOf, type BenchmarkValues } from "./options";
import { reportSettings, settingsSource, type ReportChoices } from "./report-settings";

type ReportValues = ReturnType<typeof parseArgs<{ options: typeof REPORT_OPTIONS; strict: true; allowPositionals: false }>>["values"];

/** A report's plan, the template settings its file carries, and whether its figures are the synthetic sample. */
export interface PlannedReport {
  plan: ReportPlan;
  settings: TemplateChoicesInput;
  synthetic: boolean;
}

/**
 * Build one report's plan from loaded data (the engine's defaults for the first template,
 * then the user's choices) and the settings that make its file a template workbook.
 */
export function planReport(dataset: Dataset, values: BenchmarkValues, req: ReportChoices, source: TemplateChoicesInput["source"]): PlannedReport {
  const { sectors, year, years, lang } = req;
  const options = benchmarkOptions(sectors[0], year, values);
  const { plan, profiles } = buildReport(dataset, {
    sectors,
    municipality: options.focal,
    year,
    years,
    comparisons: options.comparisons,
    network: options.network,
    ...(options.peers ? { peers: options.peers } : {}),
    ...(options.base ? { base: options.base } : {}),
    ...(options.references ? { references: options.references } : {}),
    average: options.average,
    includeOslo: options.includeOslo,
    includeFocal: options.includeFocal,
    lang,
    chartComparisons: req.chartComparisons,
    mergedHistory: req.mergedHistory,
    sentenceBand: req.sentenceBand,
  });
  return { plan, settings: reportSettings(options, req, source), synthetic: profiles.some((p) => p.provenance.some((x) => x.synthetic)) };
}

/**
 * Load the data and build the plan. On its own so that the data set, and the profiles
 * built from it, can be let go while the file is written: what the writing needs is the
 * plan (and its settings) alone.
 */
async function reportPlan(values: ReportValues, io: Io, req: ReportChoices): Promise<PlannedReport> {
  // The data first: a `kostra fetch` file may carry the KOSTRA groups "kostragruppe" needs.
  const inputs = values.input ?? [];
  const dataset = loadDataset(inputs, values.sample ?? false, io, req.lang);
  await checkpoint(io, "loaded");
  const report = planReport(dataset, values, req, settingsSource(inputs, dataset));
  if (report.synthetic) io.err(`${SAMPLE_NOTICE[req.lang]}\n`);
  return report;
}

export async function runReport(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: REPORT_OPTIONS,
    strict: true,
    allowPositionals: false,
  });
  const lang = langOf(values.lang);
  const sectors = templatesFor(values.sector ?? []).map((t) => t.id);
  const year = yearOf("--year", required("--year", values.year));
  const years = values.years ? parseYears(values.years) : [year];
  const out = required("--out", values.out);
  const mergedHistory = oneOf("--merged-history", values["merged-history"], MERGED_HISTORY, "break");
  checkOutputTarget(out, ".xlsx");

  const chartComparisons = values["chart-comparisons"] ?? false;
  const sentenceBand = sentenceBandOf(values["sentence-band"]);
  const { plan, settings } = await reportPlan(values, io, { sectors, year, years, lang, mergedHistory, chartComparisons, ...(sentenceBand !== undefined ? { sentenceBand } : {}) });
  await checkpoint(io, "planned");
  const bytes = await writeXlsx(plan, { creator: "KOSTRA Benchmark", settings: { choices: settings, writtenAt: new Date() } });
  await writeOutputFile(out, bytes, { beforeRename: () => checkpoint(io, "before-rename") });
  io.err(`${CLI_TEXT[lang].wroteReport(out, plan.sheets.map((s) => s.name))}\n`);
  return 0;
}
