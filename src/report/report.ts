/**
 * The whole report for one or more sector templates: the data sheet, a profile sheet per
 * template for the chosen year, and a time series sheet per template over the chosen
 * years. Pure: the same data and request give the same plan.
 */
import { benchmark, defaultOptions } from "../kostra/benchmark";
import { indicatorsToFetch, ratioSeriesIds, templateById, templateIndicators } from "../kostra/catalog";
import { ratioBackSeries, withRatios } from "../kostra/ratios";
import { backSeries, type MergedHistory } from "../kostra/mergers";
import { networkMembers } from "../kostra/networks";
import { missingForSeries, type PriceIndex } from "../kostra/prices";
import type { AverageChoice, Dataset, Lang, Observation, Profile } from "../kostra/types";
import { buildDataSheet } from "./data-sheet";
import { parseCell, safeSheetName, SHEET_NAME_MAX, truncate, type ReportPlan, type SheetPlan } from "./plan";
import { buildProfileSheet, sourceText } from "./profile-sheet";
import { buildTimeSeriesSheet } from "./time-series-sheet";
import { REPORT_TEXT } from "./report-text";
import { buildChangeListSheet, CHANGE_SHEET_KEY } from "./change-list-sheet";
import { CHANGE_LIST_TEXT } from "./change-list-text";
import { DEFAULT_INDEX_THRESHOLD, reportChanges, type ReportChanges } from "./report-changes";
import { printSetup, yearSpan } from "./page-setup";

export interface ReportRequest {
  sectors: readonly string[];
  /** Municipality code, name or id. */
  municipality: string;
  /** The profile's year. */
  year: number;
  /** Years of the time series (the profile year is added when missing). */
  years: readonly number[];
  comparisons?: readonly string[];
  /** "asss", "custom" (with `peers`) or "none" (with `base`). */
  network?: string;
  /** Municipality codes, names or ids of a custom peer list. */
  peers?: readonly string[];
  /** An aggregate ("eakuo", "eak", "ekg07") whose published value is the average. */
  base?: string;
  /** Aggregates shown as reference columns. */
  references?: readonly string[];
  average?: AverageChoice;
  includeOslo?: boolean;
  includeFocal?: boolean;
  lang: Lang;
  chartComparisons?: boolean;
  /** A merged municipality's years before the merger: "break" (no value, a note; the default) or "sum" (computed from its predecessors). */
  mergedHistory?: MergedHistory;
  /** The time series' money in fixed prices by this index, in the kroner of `year` (the profile's year when absent); nominal when absent. */
  prices?: { index: PriceIndex; year?: number };
  /** Per cent around the average the profile's sentences call "på nivå med snittet" (default 5). */
  sentenceBand?: number;
  /**
   * The figures the report was made from last time (a `kostra fetch` file, an earlier
   * report's data sheet): the data sheet then keeps each previous value and its vintage
   * beside the new one, marks the changed ones, and a change list sheet is written.
   */
  previous?: Dataset;
  /** Index points the profile's index may move before the change list flags it (default 1). */
  threshold?: number;
}

export interface Report {
  plan: ReportPlan;
  profiles: Profile[];
  /** With fixed prices: the growth years the index lacks for some time series (their values are left empty). */
  missingPriceYears: number[];
  /** The comparison with `previous`, when it was given. */
  changes?: ReportChanges;
  /** The plan key of the change list sheet, when there is one. */
  changeListKey?: string;
}

/** Unique, valid sheet names in plan order. */
function uniqueName(wanted: string, taken: Set<string>): string {
  const base = safeSheetName(wanted);
  let name = base;
  for (let i = 2; taken.has(name.toLocaleLowerCase("nb-NO")); i++) {
    const suffix = ` (${i})`;
    name = truncate(base, SHEET_NAME_MAX - suffix.length) + suffix;
  }
  taken.add(name.toLocaleLowerCase("nb-NO"));
  return name;
}

/** Build the report plan. Throws KostraError for unknown sectors, municipalities or a year without data. */
export function buildReport(given: Dataset, req: ReportRequest): Report {
  // Ratios (figures KS computes from series) derived once, as the engine derives them.
  const dataset = withRatios(given);
  const years = [...new Set([...req.years, req.year])].sort((a, b) => a - b);
  const profiles = req.sectors.map((sector) => {
    const options = defaultOptions(sector, req.municipality, req.year);
    if (req.network) options.network = req.network;
    if (req.comparisons) options.comparisons = [...req.comparisons];
    if (req.peers) options.peers = [...req.peers];
    if (req.base) options.base = req.base;
    if (req.references) options.references = [...req.references];
    if (req.average) options.average = req.average;
    if (req.includeOslo !== undefined) options.includeOslo = req.includeOslo;
    if (req.includeFocal !== undefined) options.includeFocal = req.includeFocal;
    return benchmark(dataset, options);
  });
  const first = profiles[0];
  const focalId = first.focal.id;
  const network = first.network;

  // The observations the formulas can reach: the templates' indicators (and population
  // for a weighted average), for the network's members of each year, the municipality
  // and the comparisons.
  const indicatorIds: string[] = [];
  for (const p of profiles) for (const r of p.rows) if (!indicatorIds.includes(r.indicator.id)) indicatorIds.push(r.indicator.id);
  // Weights (population, or the counts figures are per) for a weighted average.
  for (const p of profiles) for (const r of p.rows) if (r.weightIndicator && !indicatorIds.includes(r.weightIndicator)) indicatorIds.push(r.weightIndicator);
  // A ratio's series: its value (and the weighted average) is a formula over them.
  for (const p of profiles) for (const r of p.rows) for (const id of ratioSeriesIds(r.indicator)) if (!indicatorIds.includes(id)) indicatorIds.push(id);
  const municipalityOrder: string[] = [];
  const addMunicipality = (id: string) => !municipalityOrder.includes(id) && municipalityOrder.push(id);
  addMunicipality(focalId);
  for (const y of years) networkMembers(network, y).forEach(addMunicipality);
  for (const p of profiles) p.options.comparisons.forEach(addMunicipality);
  // The published base and reference regions (Landet uten Oslo, a KOSTRA group) the formulas look up.
  for (const p of profiles) [...(p.options.base ? [p.options.base] : []), ...(p.options.references ?? [])].forEach(addMunicipality);
  const wantedIndicator = new Map(indicatorIds.map((id, i) => [id, i]));
  const wantedMunicipality = new Map(municipalityOrder.map((id, i) => [id, i]));
  const wantedYear = new Set(years);
  // The figures the report shows.
  const shows = (o: Observation) => wantedIndicator.has(o.indicator) && wantedMunicipality.has(o.municipality) && wantedYear.has(o.year);
  const used: Observation[] = dataset.observations
    .filter(shows)
    .sort(
      (a, b) =>
        wantedIndicator.get(a.indicator)! - wantedIndicator.get(b.indicator)! ||
        a.year - b.year ||
        wantedMunicipality.get(a.municipality)! - wantedMunicipality.get(b.municipality)!,
    );

  const taken = new Set<string>();
  const mergedHistory = req.mergedHistory ?? "break";
  // Each profile's template indicators, worked out once: its time series shows them, and fixed prices check their years.
  const indicatorsOf = new Map(profiles.map((p) => [p, templateIndicators(templateById(p.sector.id)!)]));
  const seriesIndicators = [...new Map([...indicatorsOf.values()].flat().map((i) => [i.id, i])).values()];
  // Before a merger a ratio's series are summed over the predecessors and the ratio derived from the sums.
  const ratios = seriesIndicators.filter((i) => i.ratio);
  const summable = indicatorsToFetch(seriesIndicators, false);
  const merged = mergedHistory === "sum" ? backSeries(dataset, { municipality: focalId, indicators: summable, years, asOf: req.year }) : null;
  const mergedRatios = merged ? ratioBackSeries(merged, ratios) : null;
  const back = merged && mergedRatios ? { ...merged, observations: [...merged.observations, ...mergedRatios.observations], notComputed: [...merged.notComputed, ...mergedRatios.notComputed] } : null;
  const derived = used.filter((o) => o.computed);
  const changes = req.previous ? reportChanges(req.previous, dataset, shows, profiles, req.threshold ?? DEFAULT_INDEX_THRESHOLD) : undefined;
  const data = buildDataSheet(dataset, used.filter((o) => !o.computed), uniqueName(REPORT_TEXT[req.lang].dataSheet, taken), req.lang, [...derived, ...(back?.observations ?? [])], changes);
  const sheets: SheetPlan[] = [];
  const prices = req.prices ? { index: req.prices.index, base: req.prices.year ?? req.year } : undefined;
  const usedProvenance = [...new Set(used.map((o) => o.provenance))].sort((a, b) => a - b).map((i) => dataset.provenance[i]);
  const source = sourceText(usedProvenance, req.lang);
  for (const p of profiles) {
    const label = p.sector.label[req.lang];
    // Sheet names hold 31 characters: a template with a long name gives a short one for its sheets.
    const sheetLabel = p.sector.sheetLabel?.[req.lang] ?? label;
    sheets.push(
      buildProfileSheet(p, {
        key: `profile:${p.sector.id}:${p.year}`,
        name: uniqueName(`${sheetLabel} ${p.year}`, taken),
        lang: req.lang,
        lookup: data.lookup,
        chartComparisons: req.chartComparisons,
        sentenceBand: req.sentenceBand,
      }),
    );
    sheets.push(
      buildTimeSeriesSheet({
        key: `trend:${p.sector.id}`,
        name: uniqueName(`${REPORT_TEXT[req.lang].seriesPrefix} ${sheetLabel}`, taken),
        lang: req.lang,
        sectorLabel: label,
        focal: p.focal,
        network,
        indicators: indicatorsOf.get(p)!,
        years,
        options: p.options,
        lookup: data.lookup,
        source,
        mergedHistory,
        lookupComputed: data.lookupComputed,
        notComputed: back?.notComputed,
        asOf: req.year,
        ...(prices ? { prices } : {}),
      }),
    );
  }
  if (changes) sheets.push(buildChangeListSheet(changes, uniqueName(CHANGE_LIST_TEXT[req.lang].sheet, taken), req.lang));
  sheets.push(data.sheet);
  // Every sheet prints: those the builders did not lay out for print with the report's heading, the table's header on every page.
  const heading = { lang: req.lang, municipality: `${first.focal.name} (${first.focal.code})`, period: yearSpan(years), source };
  for (const sheet of sheets) {
    if (sheet.pageSetup) continue;
    // A sheet with a table prints the table (not the notes beside it), its header row on every page.
    const [topLeft, bottomRight] = sheet.tables?.[0]?.range.split(":").map(parseCell) ?? [];
    sheet.pageSetup = printSetup(sheet, { ...heading, subject: sheet.name }, topLeft ? { titleRows: { from: topLeft.row, to: topLeft.row }, lastColumn: (bottomRight ?? topLeft).col } : {});
  }
  const missing = prices ? profiles.flatMap((p) => missingForSeries(prices, indicatorsOf.get(p)!, years)) : [];
  return {
    plan: { sheets, names: [] },
    profiles,
    missingPriceYears: [...new Set(missing)].sort((a, b) => a - b),
    ...(changes ? { changes, changeListKey: CHANGE_SHEET_KEY } : {}),
  };
}
