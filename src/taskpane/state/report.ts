/**
 * The report for the choices: the request buildReport takes and a download file name.
 * The report builders are loaded on demand (they are needed only to write or download).
 */
import type { PriceChoice, PriceIndex } from "../../kostra/prices";
import type { Dataset, Lang, LocalizedText } from "../../kostra/types";
import type { PriceTableCells } from "../../report/price-table-read";
import type { Report, ReportRequest } from "../../report/report";
import { formYears, reportSectors, type FormState } from "./form";
import { peerGroupOptions } from "./profile";
import { domain } from "../domain";
import { slug } from "./slug";

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

/** The fixed-price choice with the user's rows as read back from the workbook's price-index tables, and what to tell about the reading. */
export interface KeptPrices {
  prices: PriceChoice;
  notes: LocalizedText[];
}

/**
 * The price index the choice asks for: the shipped kommunal deflator, or SSB's KPI fetched
 * for the years (from the proxy when one is set), each with the user's own rows over it.
 * `tables`: the workbook's price-index tables ("Oppdater"): the user's rows are taken from
 * them first (report/price-table-read.ts), so a growth typed into the sheet is kept.
 */
async function priceIndexOf(form: FormState, lang: Lang, tables?: readonly PriceTableCells[]): Promise<{ index?: PriceIndex; kept?: KeptPrices }> {
  if (form.prices === "nominal") return {};
  const choice = form.prices;
  const { priceIndexFor } = await import("../../kostra/prices");
  let kpi: PriceIndex | undefined;
  if (choice.index === "kpi") {
    const [{ SsbClient, ssbLangFor }, { fetchKpi }, { ssbAddress }] = await Promise.all([import("../../sources/ssb/client"), import("../../sources/ssb/kpi"), import("../services/ssbAddress")]);
    kpi = await fetchKpi(new SsbClient({ baseUrl: ssbAddress(form.baseUrl) }), [...formYears(form), form.year], ssbLangFor(lang));
  }
  if (!tables?.length) return { index: priceIndexFor(choice, kpi, lang) };
  const { keptUserRows } = await import("../../report/price-table-read");
  const read = keptUserRows(tables, priceIndexFor({ index: choice.index }, kpi, lang)!, choice.table);
  const prices: PriceChoice = { index: choice.index, ...(choice.year !== undefined ? { year: choice.year } : {}), ...(read.table.length > 0 ? { table: read.table } : {}) };
  return { index: priceIndexFor(prices, kpi, lang), kept: { prices, notes: read.notes } };
}

/**
 * Build the report plan, compared with the `previous` figures when given, with the user's
 * price-index rows read from the workbook's `priceTables` when given (then `kept` holds the
 * choice the settings must now store). Throws KostraError when the choices do not fit the data.
 */
export async function makeReport(dataset: Dataset, form: FormState, lang: Lang, previous?: Dataset, priceTables?: readonly PriceTableCells[]): Promise<Report & { kept?: KeptPrices }> {
  const [{ buildReport }, { index, kept }] = await Promise.all([import("../../report/report"), priceIndexOf(form, lang, priceTables)]);
  return { ...buildReport(dataset, { ...reportRequest(form, lang, index), ...(previous ? { previous } : {}) }), ...(kept ? { kept } : {}) };
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
