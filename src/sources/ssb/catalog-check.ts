/**
 * Checks the indicator catalog's SSB selectors against table metadata: every dimension
 * an indicator selects exists in its table, with every value code it names, and the
 * table has the region and time dimensions the selector expects. A selector counts as
 * verified only against metadata recorded from SSB (the live API, or a file saved from
 * it); metadata assembled by hand from public sources shows that the selector is
 * consistent, not that SSB has those codes.
 */
import type { Indicator, LocalizedText, Sector } from "../../kostra/types";
import { readTableMetadata, type TableMetadata } from "./metadata";

/** Where a table's metadata came from. */
export type MetadataProvenance = "recorded" | "reconstructed";

export interface TableMetadataSource {
  metadata: TableMetadata;
  provenance: MetadataProvenance;
  /** Where it was recorded from, or what it was reconstructed from. */
  origin?: string;
}

export type SelectorProblem =
  | { code: "no-table" }
  | { code: "no-metadata"; table: string }
  | { code: "unknown-dimension"; table: string; dimension: string }
  | { code: "unknown-value"; table: string; dimension: string; value: string };

export type SelectorStatus = "verified" | "consistent" | "problem" | "unchecked";

export interface SelectorCheck {
  indicator: string;
  status: SelectorStatus;
  problems: SelectorProblem[];
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

/** Read a metadata file: SSB's json-stat2 metadata, with the product's provenance mark when it was assembled by hand. */
export function readMetadataSource(json: unknown, name: string): TableMetadataSource {
  const metadata = readTableMetadata(json, name);
  const mark = isObject(json) && isObject(json.extension) && isObject(json.extension.kostraBenchmark) ? json.extension.kostraBenchmark : undefined;
  // SSB's own responses carry no mark: anything unmarked is taken as recorded from SSB.
  const provenance: MetadataProvenance = mark?.provenance === "reconstructed" ? "reconstructed" : "recorded";
  const origin = typeof mark?.recordedFrom === "string" ? mark.recordedFrom : typeof mark?.note === "string" ? mark.note : undefined;
  return { metadata, provenance, ...(origin ? { origin } : {}) };
}

/** Every selector dimension and code of the indicator (and of its amount series) checked against the table. */
export function checkSelector(indicator: Indicator, tables: ReadonlyMap<string, TableMetadataSource>): SelectorCheck {
  const table = indicator.ssb.table;
  if (table === null) return { indicator: indicator.id, status: "unchecked", problems: [{ code: "no-table" }] };
  const source = tables.get(table);
  if (!source) return { indicator: indicator.id, status: "unchecked", problems: [{ code: "no-metadata", table }] };
  const dims = new Map(source.metadata.dimensions.map((d) => [d.id, new Set(d.values.map((v) => v.code))]));
  const problems: SelectorProblem[] = [];
  for (const dimension of [indicator.ssb.regionDimension, indicator.ssb.timeDimension])
    if (!dims.has(dimension)) problems.push({ code: "unknown-dimension", table, dimension });
  const selections = [indicator.ssb.select, ...(indicator.amount ? [indicator.amount.select] : [])];
  for (const select of selections)
    for (const [dimension, values] of Object.entries(select)) {
      const codes = dims.get(dimension);
      if (!codes) {
        if (!problems.some((p) => p.code === "unknown-dimension" && p.dimension === dimension))
          problems.push({ code: "unknown-dimension", table, dimension });
        continue;
      }
      for (const value of values) if (!codes.has(value)) problems.push({ code: "unknown-value", table, dimension, value });
    }
  // A table dimension the selector leaves out must be one SSB lets a query leave out (KOSTRA tables allow none).
  for (const d of source.metadata.dimensions)
    if (!d.elimination && d.id !== indicator.ssb.regionDimension && d.id !== indicator.ssb.timeDimension && !(d.id in indicator.ssb.select))
      problems.push({ code: "unknown-dimension", table, dimension: `${d.id} (not selected)` });
  const status: SelectorStatus = problems.length > 0 ? "problem" : source.provenance === "recorded" ? "verified" : "consistent";
  return { indicator: indicator.id, status, problems };
}

export function describeSelectorProblem(p: SelectorProblem): LocalizedText {
  switch (p.code) {
    case "no-table":
      return { nb: "SSB-tabellen er ikke bekreftet", en: "the SSB table is not confirmed" };
    case "no-metadata":
      return { nb: `ingen metadata for tabell ${p.table}`, en: `no metadata for table ${p.table}` };
    case "unknown-dimension":
      return { nb: `tabell ${p.table} har ikke dimensjonen ${p.dimension}`, en: `table ${p.table} has no dimension ${p.dimension}` };
    case "unknown-value":
      return { nb: `tabell ${p.table}: ${p.dimension} har ikke koden ${p.value}`, en: `table ${p.table}: ${p.dimension} has no code ${p.value}` };
  }
}

export interface SectorCheckSummary {
  sector: Sector;
  indicators: number;
  verified: number;
  consistent: number;
  unchecked: number;
  problems: number;
}

export interface CatalogCheck {
  sectors: SectorCheckSummary[];
  checks: SelectorCheck[];
}

/** Check every indicator and count, per sector, how many are verified, consistent, unchecked or wrong. */
export function checkCatalog(
  sectors: readonly Sector[],
  indicators: readonly Indicator[],
  tables: ReadonlyMap<string, TableMetadataSource>,
): CatalogCheck {
  const checks = indicators.map((i) => checkSelector(i, tables));
  const summaries = sectors.map((sector) => {
    const mine = checks.filter((c, k) => indicators[k].sector === sector.id);
    const count = (s: SelectorStatus) => mine.filter((c) => c.status === s).length;
    return {
      sector,
      indicators: mine.length,
      verified: count("verified"),
      consistent: count("consistent"),
      unchecked: count("unchecked"),
      problems: count("problem"),
    };
  });
  return { sectors: summaries, checks };
}
