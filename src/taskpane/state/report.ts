/**
 * The report for the choices: the request buildReport takes and a download file name.
 * The report builders are loaded on demand (they are needed only to write or download).
 */
import type { PriceIndex } from "../../kostra/prices";
import type { Dataset, Lang } from "../../kostra/types";
import type { Report, ReportRequest } from "../../report/report";
import { formYears, reportSectors, type FormState } from "./form";
import { peerGroupOptions } from "./profile";
import { domain } from "../domain";
import { slug } from "./slug";

export { slug };

/** The report's request; `index` is the price index for fixed prices (see makeReport), none for nominal prices. */
export function reportRequest(form: FormState, lang: Lang, index?: PriceIndex): ReportRequest {
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
    ...(index ? { prices: { index, ...(form.prices !== "nominal" && form.prices.year !== undefined ? { year: form.prices.year } : {}) } } : {}),
    sentenceBand: form.sentenceBand,
  };
}

/**
 * The price index the choice asks for: the shipped kommunal deflator, or SSB's KPI fetched
 * for the years (from the proxy when one is set), each with the user's own rows over it.
 */
async function priceIndexOf(form: FormState, lang: Lang): Promise<PriceIndex | undefined> {
  if (form.prices === "nominal") return undefined;
  const { priceIndexFor } = await import("../../kostra/prices");
  if (form.prices.index !== "kpi") return priceIndexFor(form.prices, undefined, lang);
  const [{ SsbClient, ssbLangFor }, { fetchKpi }, { ssbAddress }] = await Promise.all([import("../../sources/ssb/client"), import("../../sources/ssb/kpi"), import("../services/ssbAddress")]);
  const kpi = await fetchKpi(new SsbClient({ baseUrl: ssbAddress(form.baseUrl) }), [...formYears(form), form.year], ssbLangFor(lang));
  return priceIndexFor(form.prices, kpi, lang);
}

/** Build the report plan, compared with the `previous` figures when given. Throws KostraError when the choices do not fit the data. */
export async function makeReport(dataset: Dataset, form: FormState, lang: Lang, previous?: Dataset): Promise<Report> {
  const [{ buildReport }, index] = await Promise.all([import("../../report/report"), priceIndexOf(form, lang)]);
  return buildReport(dataset, { ...reportRequest(form, lang, index), ...(previous ? { previous } : {}) });
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
