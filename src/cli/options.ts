/** Options shared by the commands that benchmark: parsing, checking and loading the data. */
import { basename } from "node:path";
import { defaultOptions } from "../kostra/benchmark";
import { SECTORS, SECTOR_TEMPLATES, templateById, templatesOfSector } from "../kostra/catalog";
import { aggregateAsFocal, KostraError, kostraGroupUnknown, unknownSector } from "../kostra/errors";
import { isAggregate, kostraGroupOf, regionNamed, resolveAggregate, resolveMunicipality } from "../kostra/municipalities";
import { CUSTOM_NETWORK } from "../kostra/networks";
import { registerKostraGroups } from "../kostra/registry/aggregates";
import type { AverageChoice, BenchmarkOptions, Dataset, Lang, SectorTemplate } from "../kostra/types";
import type { PriceChoice } from "../kostra/prices";
import { readDataFile } from "../sources/file";
import { combineInputs, type InputFile } from "../sources/inputs";
import { sampleDataset } from "../sources/sample";
import { cannotRead } from "./file-problems";
import { quoteInput } from "../kostra/safe-text";
import { MAX_SENTENCE_BAND } from "../kostra/limits";
import { DEFAULT_LANG, LANGS, UsageError, type Io } from "./io";
import { CLI_TEXT, inBoth } from "./messages";


export interface BenchmarkValues {
  municipality?: string;
  compare?: string;
  network?: string;
  peers?: string;
  base?: string;
  reference?: string;
  average?: string;
  "exclude-oslo"?: boolean;
  "exclude-focal"?: boolean;
}

/** What `--merged-history` takes: a break before a merger (the default), or the former municipalities summed. */
export const MERGED_HISTORY = ["break", "sum"] as const;

/** What `--prices` takes: current kroner (the default), or fixed kroner by the kommunal deflator or the KPI. */
export const PRICES = ["nominal", "deflator", "kpi"] as const;

/** The stored choice for a `--prices` value. */
export function priceChoiceOf(value: (typeof PRICES)[number]): PriceChoice {
  return value === "nominal" ? "nominal" : { index: value === "kpi" ? "kpi" : "kommunal-deflator" };
}

/** What `--average` takes. */
export const AVERAGES: readonly AverageChoice[] = ["simple", "weighted", "indicator"];

/** The languages SSB answers in (`--ssb-lang`). */
export const SSB_LANGS = ["no", "en"] as const;

/** "a, b,,c" → ["a", "b", "c"]. */
export const listOf = (text: string): string[] =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** The word --base takes for "the focal municipality's KOSTRA group". */
export const KOSTRA_GROUP_WORD = "kostragruppe";

/**
 * The aggregate id a --base or --reference names: an id, code or name, or "kostragruppe"
 * for the focal municipality's KOSTRA group in the year (an error naming what to do
 * when the group is not known). Anything else is passed on for the engine to reject.
 */
export function aggregateChoice(text: string, focal: { id: string; name: string }, year: number): string {
  if (text.trim().toLowerCase() === KOSTRA_GROUP_WORD) {
    const group = kostraGroupOf(focal.id, year);
    if (!group) throw kostraGroupUnknown(focal.name, year);
    return group;
  }
  return resolveAggregate(text)?.id ?? text.trim();
}

export const langOf = (value: string | undefined): Lang => oneOf("--lang", value, LANGS, DEFAULT_LANG);

export function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(inBoth((t) => t.oneOf(flag, allowed, quoteInput(value))));
}

export function required(flag: string, value: string | undefined): string {
  if (value === undefined || value.trim() === "") throw new UsageError(inBoth((t) => t.missingOption(flag)));
  return value;
}

/** Each input's name in messages and provenance: its file name, or the path as given where two share a name. */
function inputNames(paths: readonly string[]): string[] {
  const names = paths.map((p) => basename(p));
  return names.map((n, i) => (names.indexOf(n) !== names.lastIndexOf(n) ? paths[i] : n));
}

/**
 * The data for a benchmarking command: the sample when no --input is given; else the
 * files, combined without guessing (a figure or a KOSTRA group they disagree on is an
 * error naming both), and laid over the sample with --sample.
 */
export function loadDataset(inputs: string[], withSample: boolean, io: Io, lang: Lang): Dataset {
  if (inputs.length === 0) return sampleDataset();
  const names = inputNames(inputs);
  const files: InputFile[] = inputs.map((path, i) => {
    let bytes: Uint8Array;
    try {
      bytes = io.readFile(path);
    } catch (e) {
      throw e instanceof KostraError ? e : cannotRead(path, e);
    }
    const { dataset, warnings, kostraGroups } = readDataFile(bytes, names[i]);
    for (const w of warnings) io.err(`${CLI_TEXT[lang].warning(w[lang])}\n`);
    return { name: names[i], dataset, ...(kostraGroups ? { kostraGroups } : {}) };
  });
  const combined = combineInputs(files, withSample ? { laidOver: sampleDataset() } : {});
  // SSB's KOSTRA group membership saved by `kostra fetch`: "kostragruppe" then works for any municipality.
  for (const g of combined.kostraGroups) registerKostraGroups(g.year, g.groups, g.source);
  return combined.dataset;
}


/** `--sentence-band`: whole per cent, 0–50; undefined when not given (the rule's default applies). */
export function sentenceBandOf(text: string | undefined, flag = "--sentence-band"): number | undefined {
  if (text === undefined) return undefined;
  const band = /^\s*\d{1,2}\s*$/.test(text) ? Number(text) : NaN;
  if (!(band >= 0 && band <= MAX_SENTENCE_BAND)) throw new UsageError(inBoth((t) => t.sentences.bandFormat(flag, quoteInput(text))));
  return band;
}

/** `--threshold POINTS`: index points, e.g. 1 or 2,5. */
export function thresholdOf(text: string): number {
  const n = Number(text.replace(",", "."));
  if (!/^\d{1,3}([.,]\d{1,2})?$/.test(text) || !Number.isFinite(n)) throw new UsageError(inBoth((x) => x.diff.thresholdFormat(text)));
  return n;
}

export function yearOf(flag: string, text: string): number {
  if (!/^\d{4}$/.test(text)) throw new UsageError(inBoth((t) => t.yearFormat(flag, quoteInput(text))));
  return Number(text);
}

/**
 * The network `--network` and `--peers` ask for together: a peer list means custom peers
 * unless another network is named, which is a contradiction (the same rule for every command).
 */
export function networkChoice(network: string | undefined, hasPeers: boolean, fallback: string): string {
  if (!hasPeers) return network ?? fallback;
  if (network !== undefined && network !== CUSTOM_NETWORK) throw new UsageError(inBoth((t) => t.peersNeedCustom(quoteInput(network))));
  return CUSTOM_NETWORK;
}

/** Benchmark options from the command line: the template's defaults, then what the user chose. */
export function benchmarkOptions(sector: string, year: number, values: BenchmarkValues): BenchmarkOptions {
  const municipalityText = required("--municipality", values.municipality);
  const focal = regionNamed(municipalityText, { kind: "municipality" });
  if (isAggregate(focal)) throw aggregateAsFocal(focal.name);
  const options = defaultOptions(sector, focal.id, year);
  options.network = networkChoice(values.network, values.peers !== undefined, options.network);
  if (values.peers !== undefined) options.peers = listOf(values.peers);
  if (values.base !== undefined) options.base = aggregateChoice(values.base, focal, year);
  if (values.reference !== undefined) options.references = listOf(values.reference).map((r) => aggregateChoice(r, focal, year));
  options.average = oneOf("--average", values.average, AVERAGES, "indicator");
  options.includeOslo = !values["exclude-oslo"];
  options.includeFocal = !values["exclude-focal"];
  if (values.compare !== undefined) {
    options.comparisons = values.compare
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  }
  options.comparisons = options.comparisons.filter((c) => resolveMunicipality(c)?.id !== focal.id);
  return options;
}

/**
 * The templates `--sector` names: each value a template id ("pleie-omsorg-67") or a
 * sector id ("pleie-omsorg", meaning all its templates), comma-separated or repeated.
 */
export function templatesFor(values: readonly string[]): SectorTemplate[] {
  const ids = values.flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) throw new UsageError(inBoth((t) => t.missingOption("--sector")));
  const templates: SectorTemplate[] = [];
  for (const id of ids) {
    const found = templateById(id) ? [templateById(id)!] : templatesOfSector(id);
    if (found.length === 0) throw unknownSector(id, [...SECTORS.map((x) => x.id), ...SECTOR_TEMPLATES.map((x) => x.id)].filter((x, i, all) => all.indexOf(x) === i));
    for (const t of found) if (!templates.includes(t)) templates.push(t);
  }
  return templates;
}
