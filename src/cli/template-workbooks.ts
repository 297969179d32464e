/**
 * `kostra templates --workbooks FOLDER`: one template workbook per sector template (or per
 * template `--templates` names), for a department to put on a shared drive. Each is the
 * report `kostra report` writes for that template alone — data sheet, profile, time series —
 * with the template settings part, so it opens in Excel on its settings with "Oppdater".
 *
 *   kostra templates --workbooks FOLDER --municipality CODE --year YYYY [--years A-B]
 *                    [--templates ID,…] [--input FILE]… [--sample] [comparison options]
 *                    [--overwrite] [--lang nb|en]
 *
 * The figures come from `--input` (files from `kostra fetch` make templates that "Oppdater"
 * refreshes from SSB) or the sample. Files are named after the template
 * (`plan-miljo-kultur.xlsx`). Existing files are refused before any work unless
 * `--overwrite` is given; all files are written together or none (output-file.ts).
 */
import { join } from "node:path";
import { SECTOR_TEMPLATES } from "../kostra/catalog";
import { SAMPLE_NOTICE } from "../sources/sample";
import { writeXlsx } from "../report/xlsx-writer";
import { parseYears } from "./fetch";
import { checkpoint, UsageError, type Io } from "./io";
import { CLI_TEXT, inBoth } from "./messages";
import { loadDataset, MERGED_HISTORY, oneOf, required, templatesFor, yearOf, type BenchmarkValues } from "./options";
import { prepareOutputFolder, writeOutputFiles, type OutputFile } from "./output-file";
import { planReport } from "./report";
import { settingsSource } from "./report-settings";
import type { Lang } from "../kostra/types";

export interface WorkbookValues extends BenchmarkValues {
  workbooks?: string;
  templates?: string[];
  year?: string;
  years?: string;
  input?: string[];
  sample?: boolean;
  "chart-comparisons"?: boolean;
  "merged-history"?: string;
  overwrite?: boolean;
}

/** The options that only mean something with --workbooks. */
const WORKBOOK_ONLY = ["templates", "municipality", "compare", "network", "peers", "base", "reference", "average", "exclude-oslo", "exclude-focal", "input", "sample", "year", "years", "chart-comparisons", "merged-history", "overwrite"] as const;

/** Refuse workbook options without --workbooks: they would otherwise be silently ignored. */
export function checkListOnly(values: WorkbookValues): void {
  const given = WORKBOOK_ONLY.find((name) => values[name] !== undefined);
  if (given) throw new UsageError(inBoth((t) => t.needsWorkbooks(`--${given}`)));
}

/** A template workbook's file name: the template's id, which is safe on every file system. */
export const workbookFileName = (templateId: string): string => `${templateId}.xlsx`;

export async function writeTemplateWorkbooks(values: WorkbookValues, folder: string, lang: Lang, io: Io): Promise<number> {
  const templates = values.templates ? templatesFor(values.templates) : SECTOR_TEMPLATES;
  const year = yearOf("--year", required("--year", values.year));
  const years = values.years ? parseYears(values.years) : [year];
  required("--municipality", values.municipality);
  const mergedHistory = oneOf("--merged-history", values["merged-history"], MERGED_HISTORY, "break");
  const keepExisting = !values.overwrite;
  const names = templates.map((t) => workbookFileName(t.id));
  // Before any work: the folder can take new files, and none of them exists (unless --overwrite).
  prepareOutputFolder(folder, names, undefined, keepExisting);

  const inputs = values.input ?? [];
  const dataset = loadDataset(inputs, values.sample ?? false, io, lang);
  await checkpoint(io, "loaded");
  const source = settingsSource(inputs, dataset);
  const writtenAt = new Date();
  const files: OutputFile[] = [];
  let synthetic = false;
  for (const [i, t] of templates.entries()) {
    const req = { sectors: [t.id], year, years, lang, mergedHistory, chartComparisons: values["chart-comparisons"] ?? false };
    const report = planReport(dataset, values, req, source);
    synthetic ||= report.synthetic;
    files.push({ target: join(folder, names[i]), data: await writeXlsx(report.plan, { creator: "KOSTRA Benchmark", settings: { choices: report.settings, writtenAt } }) });
  }
  if (synthetic) io.err(`${SAMPLE_NOTICE[lang]}\n`);
  await checkpoint(io, "planned");
  await writeOutputFiles(files, { keepExisting, beforeRename: () => checkpoint(io, "before-rename") });
  io.err(`${CLI_TEXT[lang].wroteWorkbooks(folder, names)}\n`);
  return 0;
}
