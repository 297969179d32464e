/** The `kostra` command's own lines in English (`--lang en`). */
import { joinNames } from "../kostra/mergers";
import type { CliText } from "./messages";

const quoted = (text: string): string => `“${text}”`;
const UNTOUCHED = "an earlier file is untouched";
const either = (items: readonly string[]): string => joinNames(items, "or");

export const en: CliText = {
  quoted,

  warning: (text) => `warning: ${text}`,
  missing: (text) => `missing: ${text}`,
  unexpected: (text) => `unexpected error: ${text}`,
  cancelled: "Cancelled; no file was written, and an earlier file is untouched.",
  cannotWriteOutput: (code) => `could not write the output (${code})`,

  seeHelp: "See “kostra --help”.",
  unknownCommand: (command, commands) => `unknown command ${quoted(command)} (use ${either(commands)})`,
  unknownOption: (option) => `unknown option ${quoted(option)}`,
  badOption: (option) => `invalid use of ${quoted(option)}`,
  missingOption: (flag) => `${flag} is missing`,
  oneOf: (flag, allowed, value) => `${flag} must be ${either(allowed)} (got ${quoted(value)})`,
  yearFormat: (flag, value) => `${flag} must be a year such as 2017 (got ${quoted(value)})`,
  yearsFormat: (value) => `--years must be years such as 2015-2017 or 2015,2017 (got ${quoted(value)})`,
  yearRange: (value) => `invalid range of years ${quoted(value)}`,
  needsWorkbooks: (flag) => `${flag} applies only with --workbooks FOLDER`,
  peersNeedCustom: (network) => `--peers applies only to --network custom (got --network ${network})`,
  ownGroupNeedsMunicipality: "“kostragruppe” means the municipality's own KOSTRA group: give the municipality with --municipality, or the group (e.g. ekg07)",
  timeoutRange: (min, max, value) => `--timeout must be a number of seconds from ${min} to ${max} (got ${value})`,
  metadataOrLive: "use either --metadata FOLDER|FILE … or --live",
  recordNeedsLive: "--record requires --live",
  pathNotFound: (path) => `cannot find ${path}`,
  noMetadataFiles: (path) => `${path} has no .json files with metadata`,
  notJson: (file) => `${file} is not valid JSON`,
  noTableNumber: (file) => `${file}: cannot find the table number (extension.px.tableid, title or file name)`,

  files: {
    notFound: (path) => `cannot find the file ${path}`,
    mayNotRead: (path) => `not allowed to read ${path}`,
    notFoundNotFolder: (path) => `cannot find the file ${path} (part of the path is not a folder)`,
    linkLoop: (path) => `${path} is a link that points in a circle`,
    cannotRead: (path, code) => `cannot read ${path} (${code})`,
    isFolder: (path) => `${path} is a folder, not a file`,
    notRegularFile: (path) => `${path} is not a regular file (but a FIFO, a device or a socket); save the data to a file and give that`,
    tooLarge: (path, size, limit) => `${path} is too large: ${size} (the limit is ${limit})`,
    grewWhileRead: (path, limit) => `${path} changed while it was read, or is over the limit of ${limit}; try again when it is completely written`,
    folderMissing: (folder) => `the folder ${folder} does not exist; create it first or choose another folder`,
    notAFolder: (folder) => `${folder} is not a folder; choose another`,
    mayNotWriteIn: (folder) => `not allowed to write in the folder ${folder}; choose another folder`,
    folderReadOnly: (folder) => `the folder ${folder} is read-only; choose another folder`,
    noRoom: (target) => `there is no room on the disk for ${target}; ${UNTOUCHED}`,
    tooLargeForSystem: (target) => `${target} grew larger than the system allows a file to be; ${UNTOUCHED}`,
    nameTooLong: (target) => `the file name ${target} is too long`,
    cannotWrite: (target, code) => `cannot write ${target} (${code}); ${UNTOUCHED}`,
    mayNotChange: (target) =>
      `not allowed to change ${target} (the file is read-only or someone else's); make it writable or choose another file`,
    notRegularTarget: (target) => `${target} exists and is not a regular file; choose another file`,
    alreadyExists: (target) => `${target} exists already; no file was written (--overwrite replaces existing files)`,
    wrongExtension: (extension, target) => `--out must be a ${extension} file (got ${target})`,
    noneReplaced: (failed, code, total) => `could not replace ${failed} (${code}); none of the ${total} files is replaced, all are as before`,
    partlyReplaced: (failed, code, replaced, unchanged, total) =>
      `could not replace ${failed} (${code}); ${replaced.count} of ${total} files are already replaced (${replaced.names}), the other ${unchanged.count} are as before (${unchanged.names}); each file is whole, old or new. Run the command again.`,
  },

  fetchingGroups: (years) => `Fetching the KOSTRA grouping from SSB (Klass): ${years.join(", ")}`,
  groupsFromCache: (year, fetchedAt) => `KOSTRA grouping ${year}: from the cache, fetched ${fetchedAt}`,
  ownGroupUnknown: (name, year) => `${name}'s KOSTRA group in ${year} is unknown; use --base ekgNN`,
  tableFromCache: (table, fetchedAt) => `table ${table}: from the cache, fetched ${fetchedAt}`,
  incomplete: (missing) =>
    `the fetch was not complete (${missing} indicators missing); no file written. Use --allow-partial to write what was fetched.`,
  wroteObservations: (count, path, requests) => `wrote ${count} observations to ${path} (${requests} requests to SSB)`,
  wroteReport: (path, sheets) => `wrote ${path}: ${sheets.join(", ")}`,
  wroteWorkbooks: (folder, files) => `wrote ${files.length} template ${files.length === 1 ? "workbook" : "workbooks"} in ${folder}: ${files.join(", ")}`,
  checkingTable: (k, of, table) => `[${k}/${of}] table ${table}`,
  tableUnknown: (table) => `SSB does not know table ${table}`,
  tableUnknownUsedBy: (table, indicators) => `wrong: SSB does not know table ${table} (used by ${indicators.join(", ")})`,

  sectorSummary: (sector, indicators, templates) => `${sector}: ${indicators} indicators, ${templates} ${templates === 1 ? "template" : "templates"}`,
  templateSummary: (template, indicators) => `${template} (${indicators} indicators)`,

  usage: "Usage",
  optionsHeading: "Options",
  commandsHeading: "Commands",
  commandPlaceholder: "COMMAND [options]",
  helpOption: "this text",
  versionOption: "the program's version",
  moreHelp: "More about a command: kostra COMMAND --help",

  catalog: {
    sector: "Sector",
    indicators: "Indicators",
    verified: "Verified",
    consistent: "Consistent",
    unchecked: "Unchecked",
    problems: "Wrong",
    total: "Total",
    legend:
      "Verified: every code appears in metadata or a response recorded from SSB. Consistent: the codes appear in metadata assembled from public sources (not recorded from SSB). Unchecked: table unknown or without metadata.",
    head: ["Indicator", "Check", "KS average", "Valid", "Series"],
    status: { verified: "verified", consistent: "consistent", unchecked: "unchecked", problem: "wrong" },
    average: { simple: "simple", weighted: "weighted" },
    source: "source",
    allYears: "all years",
    from: "from",
    to: "to",
    unconfirmed: "unconfirmed",
    computedFrom: "computed from",
  },

  diff: {
    twoFiles: (given) => `kostra diff needs two data files, the older first (got ${given})`,
    profileNeeds: (flag) => `the index moves of a profile need ${flag} (with --sector, --municipality and --year)`,
    thresholdFormat: (text) => `--threshold must be index points, e.g. 1 or 2.5 (got “${text}”)`,
    heading: (before, after, count) => (count === 0 ? `No figure changed from ${before} to ${after}.` : `${count} ${count === 1 ? "figure changed" : "figures changed"} from ${before} to ${after}:`),
    movesHeading: (template, municipality, year, threshold) => `Index for ${municipality} ${year}, ${template} (* = moved more than ${threshold} points):`,
    noMoves: "No index changed.",
    beyondNote: (threshold) => `* moved more than ${threshold} index points. The average moves when other municipalities' figures change, too.`,
    kinds: { revised: "revised", published: "new figure", withdrawn: "withdrawn" },
    columns: { indicator: "Indicator", municipality: "Municipality", year: "Year", before: "Before", after: "Now", change: "Change", kind: "What", indexBefore: "Index before", indexAfter: "Index now", points: "Points" },
  },
  profile: {
    indicator: "Indicator",
    average: "Average",
    lowest: "Lowest",
    highest: "Highest",
    index: "Index",
    withData: "With data",
    members: "Members",
    source: "Source",
    rank: "Rank",
    noData: "No data",
    notShown: "Not shown here (see --wide or --format csv)",
    table: (table) => `table ${table}`,
    updated: (date) => `updated ${date}`,
    fetched: (time) => `fetched ${time}`,
    synthetic: "synthetic data",
  },
  sentences: {
    bandFormat: (flag, text) => `${flag} must be a whole number of per cent from 0 to 50, such as 5 (got ${quoted(text)})`,
  },
  changes: {
    reportSummary: (count, since, sheet) =>
      `${count === 0 ? "No figure has changed" : `${count} ${count === 1 ? "figure has" : "figures have"} changed`} since ${since ? `SSB's figures updated ${since}` : "the previous fetch"} (see the sheet “${sheet}”).`,
    fetchHeading: (previous, count) => (count === 0 ? `No figure changed since ${previous}.` : `${count} ${count === 1 ? "figure changed" : "figures changed"} since ${previous}:`),
    notCompared: (file, reason) => `not compared with ${file}, which could not be read as a data file: ${reason}`,
    thresholdNeedsPrevious: "--threshold is about the changes and needs --previous",
  },
};
