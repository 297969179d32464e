/**
 * The `kostra` command: the benchmark engine without Excel.
 *
 *   kostra profile | fetch | report | diff | templates | catalog [options]
 *   kostra templates --workbooks FOLDER …   one template workbook per template (template-workbooks.ts)
 *   kostra <command> --help     the command's options (command-options.ts, the table the parser reads)
 *   kostra --version
 *
 * Exit codes: 0 success, 2 bad arguments, bad input or a file that cannot be read or
 * written (one line naming the problem), 3 SSB could not deliver (or delivered only part),
 * 130 cancelled (SIGINT, SIGTERM), 1 a fault in the program itself.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { benchmark } from "../kostra/benchmark";
import { INDICATORS, SECTORS, templatesOfSector } from "../kostra/catalog";
import { KostraError } from "../kostra/errors";
import { quoteInput } from "../kostra/safe-text";
import type { Lang } from "../kostra/types";
import { SAMPLE_NOTICE } from "../sources/sample";
import { SsbError } from "../sources/ssb/types";
import { runCatalog } from "./catalog";
import { runDiff } from "./diff";
import { CLI_TEXT, inBoth } from "./messages";
import { commandUsage, COMMANDS, isCommand, overallUsage, PROFILE_OPTIONS, TEMPLATES_OPTIONS } from "./command-options";
import { runFetch, type FetchIo } from "./fetch";
import { runReport } from "./report";
import { checkListOnly, writeTemplateWorkbooks } from "./template-workbooks";
import { Cancelled, checkpoint, langOfArgs, UsageError, type Io } from "./io";
import { benchmarkOptions, langOf, loadDataset, oneOf, required, sentenceBandOf, templatesFor, yearOf } from "./options";
import { profilesToCsv, profilesToSentences, profileToJson, profileToTable } from "./profile-output";

export type { Io };
export { nodeIo } from "./node-io";


/** The version in package.json, two folders up both from src/cli and from the compiled build/cli. */
export function version(): string {
  const text = readFileSync(join(__dirname, "..", "..", "package.json"), "utf8");
  return (JSON.parse(text) as { version: string }).version;
}

const wantsHelp = (args: readonly string[]) => args.includes("--help") || args.includes("-h");

async function runProfile(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: PROFILE_OPTIONS,
    strict: true,
    allowPositionals: false,
  });
  const lang = langOf(values.lang);
  const templates = templatesFor([required("--sector", values.sector)]);
  const year = yearOf("--year", required("--year", values.year));
  const format = oneOf("--format", values.format, ["table", "csv", "json", "text"] as const, "table");
  const band = sentenceBandOf(values["sentence-band"]);
  const dataset = loadDataset(values.input ?? [], values.sample ?? false, io, lang);
  await checkpoint(io, "loaded");
  // A sector with several templates (pleie og omsorg, kommunehelse) gives one profile each.
  const profiles = templates.map((t) => benchmark(dataset, benchmarkOptions(t.id, year, values)));
  await checkpoint(io, "planned");
  let text: string;
  if (format === "json") {
    const json = profiles.map((p) => profileToJson(p, lang));
    text = JSON.stringify(json.length === 1 ? json[0] : json, null, 2) + "\n";
  } else if (format === "text") {
    text = profilesToSentences(profiles, lang, band);
  } else {
    text = format === "csv" ? profilesToCsv(profiles, lang) : profiles.map((p) => profileToTable(p, lang, { wide: values.wide ?? false })).join("\n");
  }
  await checkpoint(io, "before-output");
  if (profiles.some((p) => p.provenance.some((x) => x.synthetic)) && format !== "table") io.err(`${SAMPLE_NOTICE[lang]}\n`);
  io.out(text);
  return 0;
}

/** The sectors with their indicator counts, and each sector's templates; with --workbooks, a template workbook per template. */
async function runTemplates(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: TEMPLATES_OPTIONS, strict: true, allowPositionals: false });
  const lang = langOf(values.lang);
  if (values.workbooks !== undefined) return writeTemplateWorkbooks(values, required("--workbooks", values.workbooks), lang, io);
  checkListOnly(values);
  const text = CLI_TEXT[lang];
  for (const s of SECTORS) {
    const templates = templatesOfSector(s.id);
    const count = INDICATORS.filter((i) => i.sector === s.id).length;
    io.out(`${text.sectorSummary(s.label[lang], count, templates.length)}\n`);
    for (const t of templates) io.out(`  ${t.id.padEnd(28)} ${text.templateSummary(t.label[lang], t.indicators.length)}\n`);
  }
  return 0;
}

/** Run the command; resolves with the exit code. Never rejects. */
export async function main(argv: string[], io: FetchIo): Promise<number> {
  const [command, ...rest] = argv;
  // Before the options are parsed (and whatever is wrong with them): `kostra --lang en` too.
  const lang: Lang = langOfArgs(argv);
  try {
    if (command === "--version" || command === "-V") {
      io.out(`${version()}\n`);
      return 0;
    }
    if (isCommand(command) && wantsHelp(rest)) {
      io.out(commandUsage(command, lang));
      return 0;
    }
    if (command === "profile") return await runProfile(rest, io);
    if (command === "templates") return await runTemplates(rest, io);
    if (command === "fetch") return await runFetch(rest, io);
    if (command === "report") return await runReport(rest, io);
    if (command === "catalog") return await runCatalog(rest, io);
    if (command === "diff") return await runDiff(rest, io);
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      io.out(overallUsage(lang));
      return command === undefined ? 2 : 0;
    }
    throw new UsageError(inBoth((t) => t.unknownCommand(quoteInput(command), Object.keys(COMMANDS))));
  } catch (e) {
    if (e instanceof Cancelled) {
      io.err(`kostra: ${e.text[lang]}\n`);
      return 130;
    }
    if (e instanceof SsbError) {
      io.err(`kostra: ${e.messageIn(lang)}\n`);
      if (process.env.KOSTRA_DEBUG && e.detail) io.err(`${e.detail}\n`);
      return e.kind === "cancelled" ? 130 : 3;
    }
    if (e instanceof KostraError) {
      io.err(`kostra: ${e.messageIn(lang)}\n`);
      return 2;
    }
    if (e instanceof UsageError) {
      io.err(`kostra: ${e.text[lang]}. ${CLI_TEXT[lang].seeHelp}\n`);
      return 2;
    }
    // parseArgs reports unknown or malformed options with ERR_PARSE_ARGS_* codes.
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) {
      const option = /'([^']+)'/.exec((e as Error).message)?.[1];
      const text = CLI_TEXT[lang];
      const what = code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" ? text.unknownOption(option ?? "?") : text.badOption(option ?? "?");
      io.err(`kostra: ${what}. ${text.seeHelp}\n`);
      return 2;
    }
    io.err(`kostra: ${CLI_TEXT[lang].unexpected(e instanceof Error ? e.message : String(e))}\n`);
    if (process.env.KOSTRA_DEBUG && e instanceof Error) io.err(`${e.stack}\n`);
    return 1;
  }
}
