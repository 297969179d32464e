/**
 * The report for the choices: the request buildReport takes and a download file name.
 * The report builders are loaded on demand (they are needed only to write or download).
 */
import type { Dataset, Lang } from "../../kostra/types";
import type { Report, ReportRequest } from "../../report/report";
import { formYears, reportSectors, type FormState } from "./form";
import { peerGroupOptions } from "./profile";
import { domain } from "../domain";


export function reportRequest(form: FormState, lang: Lang): ReportRequest {
  return {
    sectors: reportSectors(form),
    municipality: form.municipality,
    year: form.year,
    years: formYears(form),
    comparisons: [...form.comparisons],
    network: form.network,
    ...peerGroupOptions(form),
    average: form.average,
    includeOslo: form.includeOslo,
    includeFocal: form.includeFocal,
    lang,
    chartComparisons: form.chartComparisons,
    mergedHistory: form.mergedHistory,
  };
}

/** Build the report plan, compared with the `previous` figures when given. Throws KostraError when the choices do not fit the data. */
export async function makeReport(dataset: Dataset, form: FormState, lang: Lang, previous?: Dataset): Promise<Report> {
  const { buildReport } = await import("../../report/report");
  return buildReport(dataset, { ...reportRequest(form, lang), ...(previous ? { previous } : {}) });
}

/** "Bærum" → "baerum": ASCII for file names that survive e-mail and file shares. */
export function slug(text: string): string {
  return text
    .toLocaleLowerCase("nb-NO")
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/å/g, "a")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function baseName(form: FormState): string {
  const name = domain().municipalityById(form.municipality)?.name ?? form.municipality;
  return `${slug(name) || "kommune"}-${form.year}`;
}

/** "kostra-baerum-2017.xlsx" */
export function xlsxFileName(form: FormState): string {
  return `kostra-${baseName(form)}.xlsx`;
}

/** "kostra-mal-baerum-2017.json" */
export function templateFileName(form: FormState): string {
  return `kostra-mal-${baseName(form)}.json`;
}
