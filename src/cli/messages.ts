/**
 * Every line the `kostra` command writes of its own — results, progress, warnings, usage
 * errors, the usage itself, the headings of its tables — in one catalogue per language
 * (messages-nb.ts, messages-en.ts). Both must be a `CliText`, so a text missing in one
 * language fails the type check, and `--lang en` reaches every line. Messages from the
 * engine, the file readers and SSB come as LocalizedText values already.
 */
import type { Lang, LocalizedText } from "../kostra/types";
import { en } from "./messages-en";
import { nb } from "./messages-nb";

/** Some of several files, and their names as a message shows them. */
export interface FileGroup {
  count: number;
  names: string;
}

export interface CliText {
  /** The language's quotation marks around input the user gave: «x» / “x”. */
  quoted: (text: string) => string;

  // Lines around the command's work.
  warning: (text: string) => string;
  missing: (text: string) => string;
  unexpected: (text: string) => string;
  cancelled: string;
  cannotWriteOutput: (code: string) => string;

  // Usage errors (exit 2), followed by seeHelp.
  seeHelp: string;
  unknownCommand: (command: string, commands: readonly string[]) => string;
  unknownOption: (option: string) => string;
  badOption: (option: string) => string;
  missingOption: (flag: string) => string;
  /** `flag` takes one of `allowed`, not `value`. */
  oneOf: (flag: string, allowed: readonly string[], value: string) => string;
  yearFormat: (flag: string, value: string) => string;
  yearsFormat: (value: string) => string;
  yearRange: (value: string) => string;
  peersNeedCustom: (network: string) => string;
  /** An option of `kostra templates` that needs --workbooks. */
  needsWorkbooks: (flag: string) => string;
  ownGroupNeedsMunicipality: string;
  timeoutRange: (min: number, max: number, value: string) => string;
  metadataOrLive: string;
  recordNeedsLive: string;
  pathNotFound: (path: string) => string;
  noMetadataFiles: (path: string) => string;
  notJson: (file: string) => string;
  noTableNumber: (file: string) => string;

  // Files the command reads or writes (exit 2). Paths come shown (quoted, shortened).
  files: {
    notFound: (path: string) => string;
    mayNotRead: (path: string) => string;
    notFoundNotFolder: (path: string) => string;
    linkLoop: (path: string) => string;
    cannotRead: (path: string, code: string) => string;
    isFolder: (path: string) => string;
    notRegularFile: (path: string) => string;
    tooLarge: (path: string, size: string, limit: string) => string;
    grewWhileRead: (path: string, limit: string) => string;
    folderMissing: (folder: string) => string;
    notAFolder: (folder: string) => string;
    mayNotWriteIn: (folder: string) => string;
    folderReadOnly: (folder: string) => string;
    noRoom: (target: string) => string;
    tooLargeForSystem: (target: string) => string;
    nameTooLong: (target: string) => string;
    cannotWrite: (target: string, code: string) => string;
    mayNotChange: (target: string) => string;
    notRegularTarget: (target: string) => string;
    alreadyExists: (target: string) => string;
    wrongExtension: (extension: string, target: string) => string;
    noneReplaced: (failed: string, code: string, total: number) => string;
    partlyReplaced: (failed: string, code: string, replaced: FileGroup, unchanged: FileGroup, total: number) => string;
  };

  // Progress and results.
  fetchingGroups: (years: readonly number[]) => string;
  groupsFromCache: (year: number, fetchedAt: string) => string;
  ownGroupUnknown: (name: string, year: number) => string;
  tableFromCache: (table: string, fetchedAt: string) => string;
  incomplete: (missing: number) => string;
  wroteObservations: (count: number, path: string, requests: number) => string;
  wroteReport: (path: string, sheets: readonly string[]) => string;
  wroteWorkbooks: (folder: string, files: readonly string[]) => string;
  checkingTable: (k: number, of: number, table: string) => string;
  tableUnknown: (table: string) => string;
  tableUnknownUsedBy: (table: string, indicators: readonly string[]) => string;

  // `kostra templates`.
  sectorSummary: (sector: string, indicators: number, templates: number) => string;
  templateSummary: (template: string, indicators: number) => string;

  // The usage.
  usage: string;
  optionsHeading: string;
  commandsHeading: string;
  commandPlaceholder: string;
  helpOption: string;
  versionOption: string;
  moreHelp: string;

  // `kostra catalog`'s tables.
  catalog: {
    sector: string;
    indicators: string;
    verified: string;
    consistent: string;
    unchecked: string;
    problems: string;
    total: string;
    legend: string;
    /** The per-indicator table's headings: indicator, check, KS average, valid, series. */
    head: readonly [string, string, string, string, string];
    status: Readonly<Record<"verified" | "consistent" | "unchecked" | "problem", string>>;
    average: Readonly<Record<"simple" | "weighted", string>>;
    source: string;
    allYears: string;
    from: string;
    to: string;
    unconfirmed: string;
    computedFrom: string;
  };

  // `kostra profile`'s table and CSV.
  /** `kostra diff`. */
  diff: {
    twoFiles: (given: number) => string;
    profileNeeds: (flag: string) => string;
    thresholdFormat: (text: string) => string;
    heading: (before: string, after: string, count: number) => string;
    movesHeading: (template: string, municipality: string, year: number, threshold: string) => string;
    noMoves: string;
    beyondNote: (threshold: string) => string;
    kinds: { revised: string; published: string; withdrawn: string };
    columns: { indicator: string; municipality: string; year: string; before: string; after: string; change: string; kind: string; indexBefore: string; indexAfter: string; points: string };
  };
  profile: {
    indicator: string;
    average: string;
    lowest: string;
    highest: string;
    index: string;
    withData: string;
    members: string;
    source: string;
    rank: string;
    noData: string;
    notShown: string;
    table: (table: string) => string;
    updated: (date: string) => string;
    fetched: (time: string) => string;
    synthetic: string;
  };
  /** `--sentence-band`. */
  sentences: {
    bandFormat: (flag: string, text: string) => string;
  };
  /** Comparing with the previous figures (`kostra report --previous`, `kostra fetch` over an earlier file). */
  changes: {
    /** After a report: how many figures changed, since which vintage, and the sheet that lists them. */
    reportSummary: (count: number, since: string | undefined, sheet: string) => string;
    /** After a fetch: the heading of the list of changes against the previous file. */
    fetchHeading: (previous: string, count: number) => string;
    /** The existing --out file could not be read as the previous figures: not compared. */
    notCompared: (file: string, reason: string) => string;
    thresholdNeedsPrevious: string;
  };
}

export const CLI_TEXT: Readonly<Record<Lang, CliText>> = { nb, en };

/** A message in both languages: for an error (KostraError, UsageError) shown in whichever the run speaks. */
export const inBoth = (pick: (text: CliText) => string): LocalizedText => ({ nb: pick(nb), en: pick(en) });
