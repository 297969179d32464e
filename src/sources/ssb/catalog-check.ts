/**
 * Checks the indicator catalog's SSB selectors against table metadata: every dimension
 * an indicator selects exists in its table, with every value code it names, and the
 * table has the region and time dimensions the selector expects. A table's evidence may
 * come from several files: metadata responses and data responses (a JSON-stat dataset
 * names its dimensions and codes too). A selector counts as verified only when every
 * code it names appears in something recorded from SSB (the live API, or a response
 * saved from it); metadata assembled by hand from public sources shows that the selector
 * is consistent, not that SSB has those codes.
 */
import { indicatorFor, ratioSeriesIds } from "../../kostra/catalog";
import { allSelectors } from "../../kostra/series";
import type { Indicator, LocalizedText, Sector, SsbSelector } from "../../kostra/types";
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
  | { code: "unknown-value"; table: string; dimension: string; value: string }
  | { code: "unselected-dimension"; table: string; dimension: string };

export type SelectorStatus = "verified" | "consistent" | "problem" | "unchecked";

export interface SelectorCheck {
  indicator: string;
  status: SelectorStatus;
  problems: SelectorProblem[];
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

/**
 * Read a metadata (or data) response: SSB's json-stat2, with the product's provenance mark
 * when it was assembled by hand. Anything marked, or whose notes call it synthetic, is
 * not taken as recorded from SSB.
 */
export function readMetadataSource(json: unknown, name: string): TableMetadataSource {
  const metadata = readTableMetadata(json, name);
  const mark = isObject(json) && isObject(json.extension) && isObject(json.extension.kostraBenchmark) ? json.extension.kostraBenchmark : undefined;
  const synthetic = metadata.notes.some((n) => /syntet|synthetic/i.test(n));
  // SSB's own responses carry no mark: anything unmarked and not synthetic is taken as recorded from SSB.
  const provenance: MetadataProvenance = mark?.provenance === "reconstructed" || synthetic ? "reconstructed" : "recorded";
  const origin = typeof mark?.recordedFrom === "string" ? mark.recordedFrom : typeof mark?.note === "string" ? mark.note : undefined;
  return { metadata, provenance, ...(origin ? { origin } : {}) };
}

/** The table id a response is about: SSB's `extension.px.tableid`, else its title ("12362: …"). */
export function tableIdOf(source: TableMetadataSource): string | undefined {
  return source.metadata.tableId ?? /^(\d{5})\b/.exec(source.metadata.label ?? "")?.[1];
}

/** What the sources of one table say together: every dimension with its codes, and which of them something recorded from SSB shows. */
interface TableEvidence {
  dims: Map<string, { codes: Set<string>; recorded: Set<string>; recordedDimension: boolean; elimination: boolean; recordedElimination: boolean }>;
}

function evidenceOf(sources: readonly TableMetadataSource[]): TableEvidence {
  const dims: TableEvidence["dims"] = new Map();
  for (const source of sources)
    for (const d of source.metadata.dimensions) {
      const e = dims.get(d.id) ?? { codes: new Set<string>(), recorded: new Set<string>(), recordedDimension: false, elimination: false, recordedElimination: false };
      for (const v of d.values) {
        e.codes.add(v.code);
        if (source.provenance === "recorded") e.recorded.add(v.code);
      }
      if (source.provenance === "recorded") e.recordedDimension = true;
      e.elimination ||= d.elimination === true;
      if (source.provenance === "recorded") e.recordedElimination ||= d.elimination === true;
      dims.set(d.id, e);
    }
  // What SSB itself says about leaving a dimension out outweighs what was assembled by hand
  // (07459's Alder: a public query left it out, SSB's own response says it cannot be).
  for (const e of dims.values()) if (e.recordedDimension) e.elimination = e.recordedElimination;
  return { dims };
}

type TableSources = ReadonlyMap<string, TableMetadataSource | readonly TableMetadataSource[]>;

const STATUS_ORDER: readonly SelectorStatus[] = ["verified", "consistent", "unchecked", "problem"];

/**
 * Every series the indicator reads in some year (an earlier table too: barnehage's 12562
 * before 13502), each with its amount series, checked against its table. The indicator is
 * as sure as its least sure series; the problems of every series are listed.
 */
export function checkSelector(indicator: Indicator, tables: TableSources): SelectorCheck {
  // A figure KS computes from series is as sure as its least sure series.
  const checks = indicator.ratio
    ? ratioSeriesIds(indicator).map((id) => indicatorFor(id)).map((s) => (s ? checkSelector(s, tables) : { status: "unchecked" as const, problems: [] }))
    : allSelectors(indicator).map((ssb) => checkSeries(ssb, indicator.amount?.select, tables));
  const status = checks.reduce<SelectorStatus>((worst, c) => (STATUS_ORDER.indexOf(c.status) > STATUS_ORDER.indexOf(worst) ? c.status : worst), "verified");
  const problems = [...new Map(checks.flatMap((c) => c.problems).map((p) => [JSON.stringify(p), p])).values()];
  return { indicator: indicator.id, status: checks.length === 0 ? "unchecked" : status, problems };
}

/** One series' dimensions and codes (and its amount's) checked against its table. */
function checkSeries(ssb: SsbSelector, amount: Record<string, string[]> | undefined, tables: TableSources): Omit<SelectorCheck, "indicator"> {
  const table = ssb.table;
  if (table === null) return { status: "unchecked", problems: [{ code: "no-table" }] };
  const found = tables.get(table);
  const sources = found === undefined ? [] : Array.isArray(found) ? (found as readonly TableMetadataSource[]) : [found as TableMetadataSource];
  if (sources.length === 0) return { status: "unchecked", problems: [{ code: "no-metadata", table }] };
  const evidence = evidenceOf(sources);
  const dims = new Map([...evidence.dims].map(([id, e]) => [id, e.codes]));
  let allRecorded = true;
  const problems: SelectorProblem[] = [];
  for (const dimension of [ssb.regionDimension, ssb.timeDimension])
    if (!dims.has(dimension)) problems.push({ code: "unknown-dimension", table, dimension });
  const selections = [ssb.select, ...(amount ? [amount] : [])];
  for (const select of selections)
    for (const [dimension, values] of Object.entries(select)) {
      const codes = dims.get(dimension);
      if (!codes) {
        if (!problems.some((p) => p.code === "unknown-dimension" && p.dimension === dimension))
          problems.push({ code: "unknown-dimension", table, dimension });
        continue;
      }
      for (const value of values) {
        if (!codes.has(value)) problems.push({ code: "unknown-value", table, dimension, value });
        else if (!evidence.dims.get(dimension)!.recorded.has(value)) allRecorded = false;
      }
    }
  for (const dimension of [ssb.regionDimension, ssb.timeDimension])
    if (!evidence.dims.get(dimension)?.recordedDimension) allRecorded = false;
  // A table dimension the selector leaves out must be one SSB lets a query leave out (KOSTRA tables allow none).
  // Verified also means SSB itself lets the query leave it out: a recording that says otherwise leaves the selector "consistent".
  for (const [id, e] of evidence.dims) {
    if (id === ssb.regionDimension || id === ssb.timeDimension || id in ssb.select) continue;
    if (!e.elimination) problems.push({ code: "unselected-dimension", table, dimension: id });
    else if (!e.recordedElimination) allRecorded = false;
  }
  const status: SelectorStatus = problems.length > 0 ? "problem" : allRecorded ? "verified" : "consistent";
  return { status, problems };
}

export function describeSelectorProblem(p: SelectorProblem): LocalizedText {
  switch (p.code) {
    case "no-table":
      return { nb: "SSB-tabellen er ikke bekreftet", en: "the SSB table is not confirmed" };
    case "no-metadata":
      return { nb: `ingen metadata for tabell ${p.table}`, en: `no metadata for table ${p.table}` };
    case "unknown-dimension":
      return { nb: `tabell ${p.table} har ikke dimensjonen ${p.dimension}`, en: `table ${p.table} has no dimension ${p.dimension}` };
    case "unselected-dimension":
      return {
        nb: `tabell ${p.table} krever et valg i ${p.dimension}, som indikatoren ikke velger`,
        en: `table ${p.table} requires a choice of ${p.dimension}, which the indicator does not make`,
      };
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
export function checkCatalog(sectors: readonly Sector[], indicators: readonly Indicator[], tables: TableSources): CatalogCheck {
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
