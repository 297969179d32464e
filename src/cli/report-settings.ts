/**
 * The template settings a workbook written by the command carries (`kostra report`,
 * `kostra templates --workbooks`): the choices the report was made with, as the pane
 * keeps them, so the file opens in Excel as a template workbook with "Oppdater".
 */
import { basename } from "node:path";
import type { MergedHistory } from "../kostra/mergers";
import type { PriceChoice, PriceIndex } from "../kostra/prices";
import { resolveMunicipality } from "../kostra/municipalities";
import type { BenchmarkOptions, Dataset, Lang } from "../kostra/types";
import type { TemplateChoicesInput } from "../report/template-settings";

export interface ReportChoices {
  sectors: readonly string[];
  year: number;
  years: readonly number[];
  lang: Lang;
  mergedHistory: MergedHistory;
  chartComparisons: boolean;
  /** The time series' prices as chosen, and the index they use (nominal when absent). */
  prices?: { choice: PriceChoice; index?: PriceIndex };
  /** The sentences' band, when `--sentence-band` gave one. */
  sentenceBand?: number;
}

/**
 * Where "Oppdater" gets the figures again: the sample when the report was made from it;
 * SSB when every figure came from SSB (files written by `kostra fetch`), so the workbook
 * is refreshed from SSB in Excel; otherwise the data files by name, which the pane asks for.
 */
export function settingsSource(inputs: readonly string[], dataset: Dataset): TemplateChoicesInput["source"] {
  if (inputs.length === 0) return { kind: "sample" };
  const fromSsb = dataset.provenance.length > 0 && dataset.provenance.every((p) => p.source === "ssb" && !p.synthetic);
  return fromSsb ? { kind: "ssb" } : { kind: "file", files: inputs.map((p) => basename(p)) };
}

/**
 * The settings' choices for a report made with `options` (the engine's, after the command's
 * defaults) and `req`. Municipalities are kept as the ids they name in the profile's year,
 * as the pane keeps them: a code that belonged to another municipality in another year
 * ("1601") means the same municipality wherever the settings are read.
 */
export function reportSettings(options: BenchmarkOptions, req: ReportChoices, source: TemplateChoicesInput["source"]): TemplateChoicesInput {
  const ids = (texts: readonly string[]) => texts.map((t) => resolveMunicipality(t, req.year)?.id ?? t);
  return {
    sectors: [...req.sectors],
    municipality: options.focal,
    comparisons: ids(options.comparisons),
    network: options.network,
    ...(options.peers ? { peers: ids(options.peers) } : {}),
    ...(options.base ? { base: options.base } : {}),
    ...(options.references?.length ? { references: [...options.references] } : {}),
    average: options.average,
    includeOslo: options.includeOslo,
    includeFocal: options.includeFocal,
    year: req.year,
    // As the report has them: the time series' years with the profile's year.
    years: [...new Set([...req.years, req.year])].sort((a, b) => a - b),
    source,
    chartComparisons: req.chartComparisons,
    ...(req.mergedHistory === "sum" ? { mergedHistory: "sum" as const } : {}),
    lang: req.lang,
    ...(req.prices && req.prices.choice !== "nominal" ? { prices: req.prices.choice } : {}),
    ...(req.sentenceBand !== undefined ? { sentenceBand: req.sentenceBand } : {}),
  };
}
