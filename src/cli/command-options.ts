/**
 * Every command's options in one table: the parser reads its `type`/`multiple` (node's
 * parseArgs ignores the other fields) and `kostra <command> --help` prints its `arg` and
 * `help`, so the usage cannot list an option the parser rejects, or miss one it accepts.
 */
import type { Lang, LocalizedText } from "../kostra/types";
import { CLI_TEXT } from "./messages";

export interface OptionSpec {
  readonly type: "string" | "boolean";
  readonly multiple?: boolean;
  /** What a string option's value is, as the usage shows it. */
  readonly arg?: LocalizedText;
  /** One line for the usage. */
  readonly help: LocalizedText;
}

const CODE = { nb: "KODE", en: "CODE" } as const;
const CODES = { nb: "KODE,…", en: "CODE,…" } as const;
const ID = { nb: "ID", en: "ID" } as const;
const IDS = { nb: "ID,…", en: "ID,…" } as const;
const FILE = { nb: "FIL", en: "FILE" } as const;
const FOLDER = { nb: "MAPPE", en: "FOLDER" } as const;
const YEAR = { nb: "ÅÅÅÅ", en: "YYYY" } as const;
const URL_ARG = { nb: "URL", en: "URL" } as const;

const lang = { type: "string", arg: { nb: "nb|en", en: "nb|en" }, help: { nb: "språket i utdata og meldinger (standard nb)", en: "language of output and messages (default nb)" } } as const;
const sectorHelp = { nb: "mal (pleie-omsorg-67) eller sektor (pleie-omsorg: alle)", en: "template (pleie-omsorg-67) or sector (pleie-omsorg: all)" } as const;
const mergedHistory = {
  type: "string",
  arg: { nb: "break|sum", en: "break|sum" },
  help: { nb: "sum: årene før en sammenslåing summeres fra kommunene", en: "sum: years before a merger = sum of the former municipalities" },
} as const;

/** The profile's sentences: how close to the average is "på nivå med snittet". */
const sentenceBand = {
  type: "string",
  arg: { nb: "PROSENT", en: "PERCENT" },
  help: { nb: "setningene: ± prosent «på nivå med snittet» (standard 5)", en: "the sentences: ± per cent that is \"on a par\" (default 5)" },
} as const;
const baseUrl = { type: "string", arg: URL_ARG, help: { nb: "adressen til SSBs PxWebApi (https, eller http lokalt)", en: "address of SSB's PxWebApi (https, or http locally)" } } as const;
const ssbLang = { type: "string", arg: { nb: "no|en", en: "no|en" }, help: { nb: "språket SSB svarer på (standard no)", en: "language SSB answers in (default no)" } } as const;

/** The comparison choices every benchmarking command takes (profile, report; fetch asks for the data they need). */
const COMPARISON_OPTIONS = {
  municipality: { type: "string", arg: CODE, help: { nb: "kommunen som sammenlignes (kode eller navn)", en: "the municipality compared (code or name)" } },
  compare: { type: "string", arg: CODES, help: { nb: "kommuner vist ved siden av (i tillegg til malens)", en: "municipalities shown beside it (besides the template's)" } },
  network: { type: "string", arg: { nb: "asss|custom|none", en: "asss|custom|none" }, help: { nb: "gruppen: ASSS (standard), egne kommuner eller ingen", en: "comparison group: ASSS (default), own peers or none" } },
  peers: { type: "string", arg: CODES, help: { nb: "egne sammenligningskommuner (gir --network custom)", en: "own peer municipalities (means --network custom)" } },
  base: { type: "string", arg: ID, help: { nb: "snitt = 100: eak, eakuo, ekg01–ekg17 eller kostragruppe", en: "average = 100: eak, eakuo, ekg01–ekg17 or kostragruppe" } },
  reference: { type: "string", arg: IDS, help: { nb: "SSB-publiserte snitt som ekstra kolonner, f.eks. eakuo,eak", en: "SSB's published averages as extra columns, e.g. eakuo,eak" } },
  average: { type: "string", arg: { nb: "simple|weighted|indicator", en: "simple|weighted|indicator" }, help: { nb: "hvordan snittet regnes (standard: indikatorens egen regel)", en: "how the average is computed (default: the indicator's rule)" } },
} as const;

/** parseArgs definitions of the options every benchmarking command takes. */
export const BENCHMARK_OPTIONS = {
  input: { type: "string", multiple: true, arg: FILE, help: { nb: "datafil (CSV, JSON-stat eller fra kostra fetch); kan gjentas", en: "data file (CSV, JSON-stat or from kostra fetch); repeatable" } },
  sample: { type: "boolean", help: { nb: "eksempeldata (syntetiske); med --input: filene lagt over dem", en: "sample data (synthetic); with --input: the files laid over it" } },
  sector: { type: "string", arg: ID, help: sectorHelp },
  ...COMPARISON_OPTIONS,
  "exclude-oslo": { type: "boolean", help: { nb: "Oslo regnes ikke med i snittet", en: "Oslo is left out of the average" } },
  "exclude-focal": { type: "boolean", help: { nb: "kommunen selv regnes ikke med i snittet", en: "the municipality itself is left out of the average" } },
  lang,
} as const;

export const PROFILE_OPTIONS = {
  ...BENCHMARK_OPTIONS,
  year: { type: "string", arg: YEAR, help: { nb: "året som sammenlignes", en: "the year compared" } },
  format: {
    type: "string",
    arg: { nb: "table|csv|json|text", en: "table|csv|json|text" },
    help: { nb: "utdataformat (standard table; text: setningene)", en: "output format (default table; text: the sentences)" },
  },
  wide: { type: "boolean", help: { nb: "tabellen med én linje per indikator, uansett bredde", en: "the table with one line per indicator, however wide" } },
  "sentence-band": sentenceBand,
} as const;

const threshold = { type: "string", arg: { nb: "POENG", en: "POINTS" }, help: { nb: "indekspoeng før en endring merkes (standard 1)", en: "index points before a move is marked (default 1)" } } as const;
const previous = {
  type: "string",
  arg: FILE,
  help: { nb: "forrige datafil: endringene listes og beholdes", en: "the previous data file: changes listed and kept" },
} as const;

export const REPORT_OPTIONS = {
  ...BENCHMARK_OPTIONS,
  sector: { type: "string", multiple: true, arg: IDS, help: sectorHelp },
  year: { type: "string", arg: YEAR, help: { nb: "året profilen viser", en: "the year the profile shows" } },
  years: { type: "string", arg: { nb: "ÅÅÅÅ-ÅÅÅÅ", en: "YYYY-YYYY" }, help: { nb: "årene i tidsserien (standard bare --year)", en: "the years of the time series (default --year only)" } },
  "chart-comparisons": { type: "boolean", help: { nb: "sammenligningskommunene også i diagrammet", en: "the comparison municipalities in the chart too" } },
  "merged-history": mergedHistory,
  prices: {
    type: "string",
    arg: { nb: "nominal|deflator|kpi", en: "nominal|deflator|kpi" },
    help: { nb: "tidsseriens kroner: løpende (standard) eller faste fra --year", en: "the time series’ kroner: current (default) or fixed of --year" },
  },
  "base-url": { type: "string", arg: URL_ARG, help: { nb: "med --prices kpi: adressen til SSBs PxWebApi", en: "with --prices kpi: address of SSB's PxWebApi" } },
  "sentence-band": sentenceBand,
  previous,
  threshold,
  out: { type: "string", arg: { nb: "FIL.xlsx", en: "FILE.xlsx" }, help: { nb: "arbeidsboken som skrives", en: "the workbook written" } },
} as const;

export const FETCH_OPTIONS = {
  sector: { type: "string", multiple: true, arg: IDS, help: sectorHelp },
  years: { type: "string", arg: { nb: "ÅÅÅÅ-ÅÅÅÅ", en: "YYYY-YYYY" }, help: { nb: "årene som hentes, f.eks. 2015-2017", en: "the years fetched, e.g. 2015-2017" } },
  ...COMPARISON_OPTIONS,
  "base-url": baseUrl,
  "klass-url": { type: "string", arg: URL_ARG, help: { nb: "adressen til SSBs Klass (KOSTRA-grupperingen)", en: "address of SSB's Klass (the KOSTRA grouping)" } },
  "ssb-lang": ssbLang,
  "cache-dir": { type: "string", arg: FOLDER, help: { nb: "mappen for hurtigbufferet", en: "the folder of the cache" } },
  "no-cache": { type: "boolean", help: { nb: "ingen hurtigbuffer: alt hentes fra SSB", en: "no cache: everything is fetched from SSB" } },
  refresh: { type: "boolean", help: { nb: "hent på nytt og oppdater hurtigbufferet", en: "fetch again and update the cache" } },
  "allow-partial": { type: "boolean", help: { nb: "skriv det som ble hentet selv om noe mangler", en: "write what was fetched even when something is missing" } },
  "merged-history": mergedHistory,
  timeout: { type: "string", arg: { nb: "SEK", en: "SEC" }, help: { nb: "tidsgrense per forespørsel i sekunder (standard 30)", en: "time limit per request in seconds (default 30)" } },
  out: { type: "string", arg: { nb: "FIL.json", en: "FILE.json" }, help: { nb: "datafilen som skrives", en: "the data file written" } },
  previous: { ...previous, help: { nb: "sammenlign med denne (standard: --out som finnes)", en: "compare with it (default: the existing --out)" } },
  lang,
} as const;

export const CATALOG_OPTIONS = {
  metadata: { type: "string", multiple: true, arg: { nb: "MAPPE|FIL", en: "FOLDER|FILE" }, help: { nb: "kontroller mot lagrede tabellmetadata; kan gjentas", en: "check against stored table metadata; may be repeated" } },
  live: { type: "boolean", help: { nb: "kontroller mot SSBs metadata nå", en: "check against SSB's metadata now" } },
  record: { type: "string", arg: FOLDER, help: { nb: "med --live: lagre svarene i mappen", en: "with --live: save the answers in the folder" } },
  "base-url": baseUrl,
  "ssb-lang": ssbLang,
  format: { type: "string", arg: { nb: "table|json", en: "table|json" }, help: { nb: "utdataformat (standard table)", en: "output format (default table)" } },
  lang,
} as const;

export const DIFF_OPTIONS = {
  sector: { type: "string", arg: ID, help: { nb: "profilens mal (med --municipality og --year)", en: "the profile's template (with --municipality, --year)" } },
  year: { type: "string", arg: YEAR, help: { nb: "profilens år", en: "the profile's year" } },
  ...COMPARISON_OPTIONS,
  "exclude-oslo": BENCHMARK_OPTIONS["exclude-oslo"],
  "exclude-focal": BENCHMARK_OPTIONS["exclude-focal"],
  threshold,
  format: { type: "string", arg: { nb: "table|csv|json", en: "table|csv|json" }, help: { nb: "utdataformat (standard table)", en: "output format (default table)" } },
  lang,
} as const;

/** `kostra templates` lists the templates; with --workbooks it writes one template workbook per template. */
export const TEMPLATES_OPTIONS = {
  workbooks: { type: "string", arg: FOLDER, help: { nb: "skriv én malarbeidsbok per mal i mappen", en: "write one template workbook per template in the folder" } },
  templates: { type: "string", multiple: true, arg: IDS, help: { nb: "bare disse malene eller sektorene (standard alle)", en: "only these templates or sectors (default all)" } },
  input: BENCHMARK_OPTIONS.input,
  sample: BENCHMARK_OPTIONS.sample,
  ...COMPARISON_OPTIONS,
  "exclude-oslo": BENCHMARK_OPTIONS["exclude-oslo"],
  "exclude-focal": BENCHMARK_OPTIONS["exclude-focal"],
  year: REPORT_OPTIONS.year,
  years: REPORT_OPTIONS.years,
  "chart-comparisons": REPORT_OPTIONS["chart-comparisons"],
  "merged-history": mergedHistory,
  overwrite: { type: "boolean", help: { nb: "erstatt arbeidsbøker som finnes", en: "replace workbooks that exist" } },
  lang,
} as const;

export interface CommandSpec {
  readonly summary: LocalizedText;
  /** The required options, as the usage's first line shows them. */
  readonly synopsis: LocalizedText;
  readonly options: Readonly<Record<string, OptionSpec>>;
}

export const COMMANDS = {
  profile: {
    summary: { nb: "indikatorene for én kommune og ett år, mot snittet (= 100)", en: "the indicators of one municipality and year, against the average (= 100)" },
    synopsis: { nb: "--sector ID --municipality KODE --year ÅÅÅÅ [valg]", en: "--sector ID --municipality CODE --year YYYY [options]" },
    options: PROFILE_OPTIONS,
  },
  fetch: {
    summary: { nb: "henter data fra SSB til en datafil", en: "fetches data from SSB into a data file" },
    synopsis: { nb: "--sector ID[,ID] --years ÅÅÅÅ-ÅÅÅÅ --out FIL.json [valg]", en: "--sector ID[,ID] --years YYYY-YYYY --out FILE.json [options]" },
    options: FETCH_OPTIONS,
  },
  report: {
    summary: { nb: "skriver en Excel-arbeidsbok med profil, tidsserie og formler", en: "writes an Excel workbook with profile, time series and formulas" },
    synopsis: { nb: "--sector ID[,ID] --municipality KODE --year ÅÅÅÅ --out FIL.xlsx [valg]", en: "--sector ID[,ID] --municipality CODE --year YYYY --out FILE.xlsx [options]" },
    options: REPORT_OPTIONS,
  },
  diff: {
    summary: { nb: "hvilke tall som er endret mellom to datafiler (f.eks. mars og juni)", en: "which figures changed between two data files (e.g. March and June)" },
    synopsis: { nb: "GAMMEL.json NY.json [--sector ID --municipality KODE --year ÅÅÅÅ] [valg]", en: "OLD.json NEW.json [--sector ID --municipality CODE --year YYYY] [options]" },
    options: DIFF_OPTIONS,
  },
  templates: {
    summary: { nb: "sektorer og maler; med --workbooks én malarbeidsbok per mal", en: "sectors and templates; with --workbooks one template workbook each" },
    synopsis: { nb: "[--workbooks MAPPE --municipality KODE --year ÅÅÅÅ] [valg]", en: "[--workbooks FOLDER --municipality CODE --year YYYY] [options]" },
    options: TEMPLATES_OPTIONS,
  },
  catalog: {
    summary: { nb: "kontrollerer katalogens SSB-koder mot tabellenes metadata", en: "checks the catalog's SSB codes against the tables' metadata" },
    synopsis: { nb: "(--metadata MAPPE | --live [--record MAPPE]) [valg]", en: "(--metadata FOLDER | --live [--record FOLDER]) [options]" },
    options: CATALOG_OPTIONS,
  },
} as const satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMANDS;

export const isCommand = (name: string | undefined): name is CommandName => name !== undefined && Object.prototype.hasOwnProperty.call(COMMANDS, name);

/** Option lines: the option and its value left, one line of help right. */
function optionLines(options: Readonly<Record<string, OptionSpec>>, lang: Lang): string[] {
  const left = (name: string, o: OptionSpec) => `--${name}${o.arg ? ` ${o.arg[lang]}` : ""}`;
  const rows = [...Object.entries(options).map(([name, o]) => [left(name, o), o.help[lang]]), ["--help", CLI_TEXT[lang].helpOption]];
  const width = Math.max(...rows.map(([l]) => l.length));
  return rows.map(([l, h]) => `  ${l.padEnd(width)}  ${h}`);
}

/** `kostra <command> --help`. */
export function commandUsage(name: CommandName, lang: Lang): string {
  const c: CommandSpec = COMMANDS[name];
  const t = CLI_TEXT[lang];
  return [`${t.usage}: kostra ${name} ${c.synopsis[lang]}`, c.summary[lang], "", `${t.optionsHeading}:`, ...optionLines(c.options, lang), ""].join("\n");
}

/** `kostra --help`: the commands, one line each. */
export function overallUsage(lang: Lang): string {
  const t = CLI_TEXT[lang];
  const names = Object.keys(COMMANDS) as CommandName[];
  const width = Math.max(...names.map((n) => n.length));
  return [
    `${t.usage}: kostra ${t.commandPlaceholder}`,
    "",
    `${t.commandsHeading}:`,
    ...names.map((n) => `  ${n.padEnd(width)}  ${COMMANDS[n].summary[lang]}`),
    "",
    `  kostra --version  ${t.versionOption}`,
    t.moreHelp,
    "",
  ].join("\n");
}
