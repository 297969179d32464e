/**
 * `kostra catalog`: checks every indicator's SSB selector against table metadata and
 * reports, per sector, how many indicators are verified against SSB's recorded
 * metadata, only consistent with hand-assembled metadata, unchecked, or wrong; then, per
 * sector, each indicator with its check, KS's averaging rule (and the KS page), the data
 * years it is valid for and the SSB series it reads (catalog-indicators.ts).
 *
 *   kostra catalog --metadata DIR|FILE [--metadata …] [--format table|json] [--lang nb|en]
 *   kostra catalog --live [--base-url URL] [--ssb-lang no|en] [--record DIR] [--format …]
 *
 * --metadata reads json-stat2 metadata or data responses (a folder of them, or files),
 * several per table if need be: what they say is combined per table.
 * --live asks SSB for each table's metadata, read as a load reads it (table-metadata.ts); --record saves what SSB answered into DIR,
 * marked with where and when it was recorded, for use with --metadata later: the metadata
 * as the schema checked it (recorded-metadata.ts), one `<table>.json` per table SSB knows,
 * all or nothing — every file is written under a temporary name once the last table has
 * answered, and only then are they renamed over the earlier ones (output-file.ts). A run
 * that is cancelled or that SSB cannot finish leaves DIR as it was; a table SSB does not
 * know keeps its earlier file.
 * Exit codes: 0 all selectors sound, 2 a selector names a dimension or code the table
 * lacks (or bad arguments), 3 SSB could not deliver.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { INDICATORS, SECTORS } from "../kostra/catalog";
import { xmlSafeDeep } from "../kostra/safe-text";
import { allSelectors } from "../kostra/series";
import type { Indicator, Lang } from "../kostra/types";
import {
  checkCatalog,
  describeSelectorProblem,
  readMetadataSource,
  tableIdOf,
  type CatalogCheck,
  type TableMetadataSource,
} from "../sources/ssb/catalog-check";
import { SsbClient } from "../sources/ssb/client";
import { tableMetadata } from "../sources/ssb/table-metadata";
import { indicatorRules, indicatorTables } from "./catalog-indicators";
import { DEFAULT_BASE_URL, SsbError } from "../sources/ssb/types";
import { serviceAddress, type FetchIo } from "./fetch";
import { CATALOG_OPTIONS } from "./command-options";
import { checkpoint, UsageError } from "./io";
import { CLI_TEXT, inBoth } from "./messages";
import { shownPath } from "./file-problems";
import { langOf, oneOf, SSB_LANGS } from "./options";
import { prepareOutputFolder, writeOutputFiles, type OutputFile } from "./output-file";
import { recordedMetadata } from "./recorded-metadata";

/**
 * Metadata from the paths given: a folder (every .json file in it) or a single file.
 * Each file is a json-stat2 metadata or data response; its table is SSB's table id in
 * the file (or the title "12362: …", or the file name's first five digits).
 */
function readMetadataPaths(paths: readonly string[], io: FetchIo): Map<string, TableMetadataSource[]> {
  const files: string[] = [];
  for (const p of paths) {
    let entries: string[] | null = null;
    try {
      entries = statSync(p).isDirectory() ? readdirSync(p).filter((f) => f.endsWith(".json")).sort().map((f) => path.join(p, f)) : [p];
    } catch {
      throw new UsageError(inBoth((t) => t.pathNotFound(shownPath(p))));
    }
    if (entries.length === 0) throw new UsageError(inBoth((t) => t.noMetadataFiles(shownPath(p))));
    files.push(...entries);
  }
  const tables = new Map<string, TableMetadataSource[]>();
  for (const file of files) {
    const bytes = io.readFile(file);
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      throw new UsageError(inBoth((t) => t.notJson(shownPath(file))));
    }
    const source = readMetadataSource(json, file);
    const table = tableIdOf(source) ?? /^(\d{5})/.exec(path.basename(file))?.[1];
    if (!table) throw new UsageError(inBoth((t) => t.noTableNumber(shownPath(file))));
    tables.set(table, [...(tables.get(table) ?? []), source]);
  }
  return tables;
}

/** The SSB tables the catalog's indicators use in some year (earlier tables too), sorted. */
const catalogTables = (): string[] => [...new Set(INDICATORS.flatMap(tablesOf).filter((t): t is string => t !== null))].sort();
const tablesOf = (i: Indicator): (string | null)[] => allSelectors(i).map((s) => s.table);

/** The file a table's metadata is recorded in. */
const recordFile = (id: string): string => `${id}.json`;

/**
 * Every catalog table's metadata from SSB, the tables SSB answered "not found" for, and
 * (with `record`) the files that record what it answered, not yet written.
 */
async function readLive(
  baseUrl: string,
  ssbLang: "no" | "en",
  record: string | undefined,
  io: FetchIo,
  lang: Lang,
): Promise<{ tables: Map<string, TableMetadataSource>; unknownTables: string[]; recording: OutputFile[] }> {
  const unknownTables: string[] = [];
  const recording: OutputFile[] = [];
  const client = new SsbClient({
    baseUrl,
    lang: ssbLang,
    fetch: io.fetch,
    onWait: (reason, ms) => io.err(`  ${reason[lang]} (${Math.ceil(ms / 1000)} s)\n`),
  });
  const ids = catalogTables();
  const tables = new Map<string, TableMetadataSource>();
  for (const [k, id] of ids.entries()) {
    io.err(`${CLI_TEXT[lang].checkingTable(k + 1, ids.length, id)}\n`);
    let json: unknown;
    try {
      // The same reading of a table's metadata as a load's (checked to be this table's), never from a cache: the check is of SSB as it is now.
      json = (await tableMetadata(id, { client, policy: "network-only", signal: io.signal, now: io.now })).json;
    } catch (e) {
      // A table SSB does not know leaves its indicators unchecked; the rest are still checked.
      if (!(e instanceof SsbError) || e.kind !== "not-found") throw e;
      io.err(`  ${CLI_TEXT[lang].tableUnknown(id)}\n`);
      unknownTables.push(id);
      continue;
    }
    const source = readMetadataSource(json, `SSB ${id}`);
    tables.set(id, source);
    if (record) {
      const recordedFrom = `${baseUrl.replace(/\/+$/, "")}/tables/${id}/metadata?lang=${ssbLang}`;
      const recordedAt = (io.now ?? (() => new Date()))().toISOString();
      const data = JSON.stringify(recordedMetadata(source.metadata, json, { recordedFrom, recordedAt }), null, 1) + "\n";
      recording.push({ target: path.join(record, recordFile(id)), data });
    }
  }
  return { tables, unknownTables, recording };
}

export function catalogCheckTable(check: CatalogCheck, lang: Lang): string {
  const t = CLI_TEXT[lang].catalog;
  const rows = check.sectors.map((s) => [s.sector.label[lang], s.indicators, s.verified, s.consistent, s.unchecked, s.problems].map(String));
  const sum = (k: "indicators" | "verified" | "consistent" | "unchecked" | "problems") => String(check.sectors.reduce((n, s) => n + s[k], 0));
  rows.push([t.total, sum("indicators"), sum("verified"), sum("consistent"), sum("unchecked"), sum("problems")]);
  const head = [t.sector, t.indicators, t.verified, t.consistent, t.unchecked, t.problems];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ").trimEnd();
  const out = [line(head), ...rows.map(line)];
  for (const c of check.checks) {
    if (c.status !== "problem" && c.status !== "unchecked") continue;
    out.push(`${t.status[c.status]}: ${c.indicator}: ${c.problems.map((p) => describeSelectorProblem(p)[lang]).join("; ")}`);
  }
  out.push(t.legend);
  return out.join("\n") + "\n";
}

export async function runCatalog(args: string[], io: FetchIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: CATALOG_OPTIONS,
    strict: true,
  });
  const lang = langOf(values.lang);
  const format = oneOf("--format", values.format, ["table", "json"] as const, "table");
  if ((values.metadata === undefined) === !values.live) throw new UsageError(inBoth((t) => t.metadataOrLive));
  if (values.record && !values.live) throw new UsageError(inBoth((t) => t.recordNeedsLive));
  const ssbLang = oneOf("--ssb-lang", values["ssb-lang"], SSB_LANGS, "no");
  const baseUrl = values["base-url"] === undefined ? DEFAULT_BASE_URL : serviceAddress("--base-url", values["base-url"]);
  // Before anything is asked of SSB: the folder answers are recorded in, and every file in it to be replaced, must be usable.
  if (values.record) prepareOutputFolder(values.record, catalogTables().map(recordFile));
  const { tables, unknownTables, recording } = values.metadata
    ? { tables: readMetadataPaths(values.metadata, io), unknownTables: [], recording: [] }
    : await readLive(baseUrl, ssbLang, values.record, io, lang);
  await checkpoint(io, "loaded");
  if (recording.length > 0) await writeOutputFiles(recording, { beforeRename: () => checkpoint(io, "before-rename") });
  const check = checkCatalog(SECTORS, INDICATORS, tables);
  if (format === "json") {
    io.out(JSON.stringify(xmlSafeDeep({ sectors: check.sectors.map((s) => ({ ...s, sector: s.sector.id })), checks: check.checks, indicators: indicatorRules(INDICATORS) }), null, 2) + "\n");
  } else {
    io.out(catalogCheckTable(check, lang) + xmlSafeDeep(indicatorTables(SECTORS, INDICATORS, check.checks, lang)));
  }
  // A table SSB does not know is a wrong selector for every indicator that names it.
  for (const id of unknownTables) {
    const users = INDICATORS.filter((i) => tablesOf(i).includes(id)).map((i) => i.id);
    io.err(`${CLI_TEXT[lang].tableUnknownUsedBy(id, users)}\n`);
  }
  return check.checks.some((c) => c.status === "problem") || unknownTables.length > 0 ? 2 : 0;
}
