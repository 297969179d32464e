/**
 * The `kostra` command: the benchmark engine without Excel.
 *
 *   kostra profile [--input FILE]… [--sample] --sector SECTOR|TEMPLATE --municipality CODE --year YYYY
 *                  [--compare CODE,…] [--network asss|custom|none] [--peers CODE,…]
 *                  [--base eakuo|eak|ekg07|kostragruppe] [--reference eakuo,eak] [--average simple|weighted|indicator]
 *                  [--exclude-oslo] [--exclude-focal] [--format table|csv|json] [--lang nb|en]
 *   kostra templates [--lang nb|en]
 *   kostra catalog (--metadata DIR | --live [--record DIR]) [--format table|json] [--lang nb|en]
 *
 * Exit codes: 0 success, 2 bad arguments, bad input or a file that cannot be read or
 * written (one line naming the problem), 3 SSB could not deliver (or delivered only part),
 * 130 cancelled (SIGINT, SIGTERM), 1 a fault in the program itself.
 */
import { parseArgs } from "node:util";
import { benchmark } from "../kostra/benchmark";
import { INDICATORS, SECTORS, templatesOfSector } from "../kostra/catalog";
import { KostraError } from "../kostra/errors";
import type { Lang } from "../kostra/types";
import { SAMPLE_NOTICE } from "../sources/sample";
import { SsbError } from "../sources/ssb/types";
import { runCatalog } from "./catalog";
import { runFetch, type FetchIo } from "./fetch";
import { runReport } from "./report";
import { Cancelled, checkpoint, langOfArgs, UsageError, type Io } from "./io";
import { BENCHMARK_OPTIONS, benchmarkOptions, langOf, loadDataset, oneOf, required, templatesFor, yearOf } from "./options";
import { profilesToCsv, profileToJson, profileToTable } from "./profile-output";

export type { Io };
export { nodeIo } from "./node-io";


const USAGE = `Bruk / usage:
  kostra profile [--input FIL]… [--sample] --sector ID --municipality KODE --year ÅÅÅÅ
                 [--compare KODE,…] [--network asss|custom|none] [--peers KODE,…]
                 [--base eakuo|eak|ekg07|kostragruppe] [--reference eakuo,eak]
                 [--average simple|weighted|indicator] [--exclude-oslo] [--exclude-focal]
                 [--format table|csv|json] [--lang nb|en]
  kostra fetch --sector ID[,ID] --years 2015-2017 [--municipality KODE] [--compare KODE,…]
               [--network asss|custom|none] [--peers KODE,…] [--base ID] [--reference ID,…]
               [--average simple|weighted|indicator] [--base-url URL] [--klass-url URL] [--ssb-lang no|en]
               [--cache-dir MAPPE | --no-cache] [--refresh] [--allow-partial] [--timeout SEK]
               [--merged-history break|sum] --out FIL.json
  kostra report --sector ID[,ID] --municipality KODE --year ÅÅÅÅ [--years A-B] [--input FIL]… [--sample]
                [--compare KODE,…] [--network asss|custom|none] [--peers KODE,…]
                [--base eakuo|eak|ekg07|kostragruppe] [--reference eakuo,eak]
                [--average simple|weighted|indicator] [--exclude-oslo] [--exclude-focal]
                [--chart-comparisons] [--merged-history break|sum] [--lang nb|en] --out FIL.xlsx
  kostra templates [--lang nb|en]                  sektorer, maler og antall indikatorer
  kostra catalog (--metadata MAPPE | --live [--base-url URL] [--record MAPPE]) [--format table|json] [--lang nb|en]

--sector: en mal (pleie-omsorg-67) eller en sektor (pleie-omsorg = alle sektorens maler).
--merged-history sum: år før en kommunesammenslåing summeres fra de tidligere kommunene
  (beløp og antall; per innbygger regnes om fra summert beløp og folketall).

Sammenligningsgrupper / comparison groups:
  --network asss     ASSS-nettverket (standard)
  --network custom   egne sammenligningskommuner, --peers 1120,1121,Gjesdal
  --network none     ingen nettverk; snittet er et tall SSB publiserer (--base)
  --base ID          snitt = 100 er SSBs publiserte tall for eak (Landet), eakuo (Landet uten Oslo),
                     ekg01–ekg17 (KOSTRA-gruppe) eller kostragruppe (kommunens egen gruppe, når den er kjent;
                     «kostra fetch» henter grupperingen fra SSBs Klass og lagrer den i filen)
  --reference ID,…   SSB-publiserte snitt som ekstra kolonner, f.eks. eakuo,eak
`;

async function runProfile(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { ...BENCHMARK_OPTIONS, year: { type: "string" }, format: { type: "string" } },
    strict: true,
    allowPositionals: false,
  });
  const lang = langOf(values.lang);
  const templates = templatesFor([required("--sector", values.sector)]);
  const year = yearOf("--year", required("--year", values.year));
  const format = oneOf("--format", values.format, ["table", "csv", "json"] as const, "table");
  const dataset = loadDataset(values.input ?? [], values.sample ?? false, io, lang);
  await checkpoint(io, "loaded");
  // A sector with several templates (pleie og omsorg, kommunehelse) gives one profile each.
  const profiles = templates.map((t) => benchmark(dataset, benchmarkOptions(t.id, year, values)));
  await checkpoint(io, "planned");
  let text: string;
  if (format === "json") {
    const json = profiles.map((p) => profileToJson(p, lang));
    text = JSON.stringify(json.length === 1 ? json[0] : json, null, 2) + "\n";
  } else {
    text = format === "csv" ? profilesToCsv(profiles, lang) : profiles.map((p) => profileToTable(p, lang)).join("\n");
  }
  await checkpoint(io, "before-output");
  if (profiles.some((p) => p.provenance.some((x) => x.synthetic)) && format !== "table") io.err(`${SAMPLE_NOTICE[lang]}\n`);
  io.out(text);
  return 0;
}

/** The sectors with their indicator counts, and each sector's templates. */
function runTemplates(args: string[], io: Io): number {
  const { values } = parseArgs({ args, options: { lang: { type: "string" } }, strict: true });
  const lang = langOf(values.lang);
  const word = lang === "nb" ? { ind: "indikatorer", tpl: "mal", tpls: "maler" } : { ind: "indicators", tpl: "template", tpls: "templates" };
  for (const s of SECTORS) {
    const templates = templatesOfSector(s.id);
    const count = INDICATORS.filter((i) => i.sector === s.id).length;
    io.out(`${s.label[lang]}: ${count} ${word.ind}, ${templates.length} ${templates.length === 1 ? word.tpl : word.tpls}\n`);
    for (const t of templates) io.out(`  ${t.id.padEnd(28)} ${t.label[lang]} (${t.indicators.length} ${word.ind})\n`);
  }
  return 0;
}

/** Run the command; resolves with the exit code. Never rejects. */
export async function main(argv: string[], io: FetchIo): Promise<number> {
  const [command, ...rest] = argv;
  const lang: Lang = langOfArgs(rest);
  try {
    if (command === "profile") return await runProfile(rest, io);
    if (command === "templates") return runTemplates(rest, io);
    if (command === "fetch") return await runFetch(rest, io, lang);
    if (command === "report") return await runReport(rest, io);
    if (command === "catalog") return await runCatalog(rest, io);
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    }
    throw new UsageError(`ukjent kommando «${command}» (bruk profile, fetch, report, templates eller catalog)`);
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
      io.err(`kostra: ${e.message}. Se «kostra --help».\n`);
      return 2;
    }
    // parseArgs reports unknown or malformed options with ERR_PARSE_ARGS_* codes.
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) {
      const option = /'([^']+)'/.exec((e as Error).message)?.[1];
      const what = code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" ? `ukjent valg «${option}»` : `ugyldig bruk av «${option ?? "?"}»`;
      io.err(`kostra: ${what}. Se «kostra --help».\n`);
      return 2;
    }
    io.err(`kostra: uventet feil: ${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env.KOSTRA_DEBUG && e instanceof Error) io.err(`${e.stack}\n`);
    return 1;
  }
}
