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
 *                 [--merged-history break|sum] [--prices nominal|deflator|kpi [--base-url URL]]
 *
 * --merged-history: a merged municipality's years before the merger (Drammen before 2020)
 * show a break (the default) or the sum of its predecessors, computed in the data sheet.
 *
 * --prices: the time series' kroner amounts as published (nominal, the default) or in fixed
 * kroner of --year, by the shipped kommunal deflator or SSB's KPI (fetched from --base-url),
 * with the price-index table on each time-series sheet; years the index lacks are named.
 *
 * The file carries the template settings the add-in keeps in a workbook (report-settings.ts),
 * so it opens in Excel as a template workbook with "Oppdater".
 *
 * --previous FILE: the figures the report was made from last time (a `kostra fetch` file or
 * any data file): the data sheet keeps each previous value and its vintage beside the new
 * one and marks the changed ones, and a change list sheet lists them (src/report/report-changes.ts);
 * --threshold: index points the profile's index may move before the list flags it.
 */
import { parseArgs } from "node:util";
import { missingYearsText, priceIndexFor, type PriceChoice, type PriceIndex } from "../kostra/prices";
import type { Dataset, Lang } from "../kostra/types";
import { SsbClient, ssbLangFor } from "../sources/ssb/client";
import { fetchKpi } from "../sources/ssb/kpi";
import { DEFAULT_BASE_URL } from "../sources/ssb/types";
import type { ReportChanges } from "../report/report-changes";
import { CHANGE_SHEET_KEY } from "../report/change-list-sheet";
import type { ReportPlan } from "../report/plan";
import type { TemplateChoicesInput } from "../report/template-settings";
import { buildReport } from "../report/report";
import { writeXlsx } from "../report/xlsx-writer";
import { SAMPLE_NOTICE } from "../sources/sample";
import { parseYears, serviceAddress } from "./fetch";
import { checkpoint, UsageError, type Io } from "./io";
import { CLI_TEXT, inBoth } from "./messages";
import { checkOutputTarget, writeOutputFile } from "./output-file";
import { REPORT_OPTIONS } from "./command-options";
import { benchmarkOptions, langOf, loadDataset, MERGED_HISTORY, oneOf, PRICES, priceChoiceOf, required, sentenceBandOf, templatesFor, thresholdOf, yearOf, type BenchmarkValues } from "./options";
import { reportSettings, settingsSource, type ReportChoices } from "./report-settings";

type ReportValues = ReturnType<typeof parseArgs<{ options: typeof REPORT_OPTIONS; strict: true; allowPositionals: false }>>["values"];

/** A report's plan, the template settings its file carries, and whether its figures are the synthetic sample. */
export interface PlannedReport {
  plan: ReportPlan;
  settings: TemplateChoicesInput;
  synthetic: boolean;
  /** With fixed prices: growth years the index lacks (those values are left empty). */
  missingPriceYears: number[];
  /** The comparison with the previous figures, when they were given. */
  changes?: ReportChanges;
}

/** The previous figures to compare with, and the index threshold. */
export interface Comparison {
  previous: Dataset;
  threshold?: number;
}

/**
 * Build one report's plan from loaded data (the engine's defaults for the first template,
 * then the user's choices) and the settings that make its file a template workbook.
 */
export function planReport(dataset: Dataset, values: BenchmarkValues, req: ReportChoices, source: TemplateChoicesInput["source"], comparison?: Comparison): PlannedReport {
  const { sectors, year, years, lang } = req;
  const options = benchmarkOptions(sectors[0], year, values);
  const { plan, profiles, missingPriceYears, changes } = buildReport(dataset, {
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
    ...(req.prices?.index ? { prices: { index: req.prices.index } } : {}),
    sentenceBand: req.sentenceBand,
    ...(comparison ? { previous: comparison.previous, threshold: comparison.threshold } : {}),
  });
  return {
    plan,
    settings: reportSettings(options, req, source),
    synthetic: profiles.some((p) => p.provenance.some((x) => x.synthetic)),
    missingPriceYears,
    ...(changes ? { changes } : {}),
  };
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
  // The previous figures are read before anything is written: a file that cannot be read stops the command.
  const previous = values.previous === undefined ? undefined : loadDataset([values.previous], false, io, req.lang);
  const threshold = values.threshold === undefined ? undefined : thresholdOf(values.threshold);
  await checkpoint(io, "loaded");
  const report = planReport(dataset, values, req, settingsSource(inputs, dataset), previous ? { previous, ...(threshold !== undefined ? { threshold } : {}) } : undefined);
  if (report.synthetic) io.err(`${SAMPLE_NOTICE[req.lang]}\n`);
  return report;
}

/**
 * `--prices`: nominal, the shipped kommunal deflator, or SSB's KPI fetched for the years
 * (from `--base-url`, SSB's own address by default).
 */
async function pricesFor(values: ReportValues, io: Io, lang: Lang, years: readonly number[]): Promise<{ choice: PriceChoice; index?: PriceIndex }> {
  const choice = priceChoiceOf(oneOf("--prices", values.prices, PRICES, "nominal"));
  if (choice === "nominal") return { choice };
  let kpi: PriceIndex | undefined;
  if (choice.index === "kpi") {
    const baseUrl = values["base-url"] === undefined ? DEFAULT_BASE_URL : serviceAddress("--base-url", values["base-url"]);
    kpi = await fetchKpi(new SsbClient({ baseUrl, lang: ssbLangFor(lang) }), years, ssbLangFor(lang), io.signal);
  }
  return { choice, index: priceIndexFor(choice, kpi, lang) };
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
  if (values.threshold !== undefined && values.previous === undefined) throw new UsageError(inBoth((t) => t.changes.thresholdNeedsPrevious));
  const sentenceBand = sentenceBandOf(values["sentence-band"]);
  const prices = await pricesFor(values, io, lang, [...years, year]);
  const { plan, settings, missingPriceYears, changes } = await reportPlan(values, io, { sectors, year, years, lang, mergedHistory, chartComparisons, prices, ...(sentenceBand !== undefined ? { sentenceBand } : {}) });
  if (prices.index && missingPriceYears.length > 0) io.err(`${missingYearsText(missingPriceYears, prices.index.id)[lang]}\n`);
  await checkpoint(io, "planned");
  const bytes = await writeXlsx(plan, { creator: "KOSTRA Benchmark", settings: { choices: settings, writtenAt: new Date() } });
  await writeOutputFile(out, bytes, { beforeRename: () => checkpoint(io, "before-rename") });
  io.err(`${CLI_TEXT[lang].wroteReport(out, plan.sheets.map((s) => s.name))}\n`);
  const listed = plan.sheets.find((s) => s.key === CHANGE_SHEET_KEY);
  if (changes && listed) io.err(`${CLI_TEXT[lang].changes.reportSummary(changes.changes.length, changes.since, listed.name)}\n`);
  return 0;
}
