/**
 * `--lang en` reaches every line the `kostra` command writes: its results, progress lines,
 * warnings, usage errors and errors (from the CLI, the engine, the file readers and SSB).
 * Each command and each failure a user can run into is run in-process with `--lang en`,
 * and what it wrote (standard output and error) must hold no Norwegian: no æøå, no «»
 * quotes, none of a list of common Norwegian words. The same runs with `--lang nb` must
 * hold none of a list of common English words. Names are names: municipality names (Bærum,
 * Tromsø), catalog ids ("pleie-omsorg-67"), option names and the input the user typed are
 * taken out before the words are looked for.
 *
 * SSB's answers come from the local PxWebApi 2 test server (SYNTHETIC data), told to fail
 * where a case needs SSB to fail.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FetchIo } from "../../src/cli/fetch";
import { main } from "../../src/cli/main";
import type { Lang } from "../../src/kostra/types";
import { resetSharedRateLimiters } from "../../src/sources/ssb/rate-limiter";
import { englishIn, norwegianIn } from "../support/language-check";
import { startPxWebServer, type PxWebServer } from "../support/pxweb-server";

const ROOT = join(__dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "kostra-lang-"));
let server: PxWebServer;
beforeAll(async () => {
  server = await startPxWebServer();
  mkdirSync(join(dir, "empty"));
  mkdirSync(join(dir, "metadata"));
  writeFileSync(join(dir, "metadata", "broken.json"), "{ not json");
  writeFileSync(join(dir, "bad.csv"), "region;indicator;year;value\n0301;nope;2017;abc\n");
  writeFileSync(join(dir, "notes.txt"), "just some words\n");
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => resetSharedRateLimiters());

interface Run {
  code: number;
  text: string;
}

async function kostra(args: readonly string[], io: Partial<FetchIo> = {}): Promise<Run> {
  let text = "";
  const code = await main([...args], {
    out: (t) => void (text += t),
    err: (t) => void (text += t),
    readFile: (p) => readFileSync(p),
    now: () => new Date("2026-11-27T09:00:00Z"),
    ...io,
  });
  return { code, text };
}

const NOT_FOUND = "SSB does not know the table (HTTP 404)";

/** The case under way, for failures injected only while it runs. */
let running = "";

interface Case {
  name: string;
  args: (lang: Lang) => string[];
  code: number;
  /** Make SSB (the local server) fail for this run. */
  before?: () => void;
  io?: () => Partial<FetchIo>;
}

const out = (name: string) => join(dir, name);
const PROFILE = ["profile", "--sample", "--sector", "barnehage", "--municipality", "0301", "--year", "2017"];
const REPORT = ["report", "--sample", "--sector", "barnehage", "--municipality", "0301", "--year", "2017"];
const FETCH = () => ["fetch", "--sector", "plan-miljo-kultur", "--years", "2017", "--municipality", "0219", "--no-cache", "--base-url", server.baseUrl];
const aborted = () => {
  const c = new AbortController();
  c.abort();
  return { signal: c.signal };
};

const CASES: Case[] = [
  // Results and progress.
  { name: "overall usage", args: (l) => ["--help", "--lang", l], code: 0 },
  { name: "profile --help", args: (l) => ["profile", "--help", "--lang", l], code: 0 },
  { name: "fetch --help", args: (l) => ["fetch", "--help", `--lang=${l}`], code: 0 },
  { name: "templates", args: (l) => ["templates", "--lang", l], code: 0 },
  { name: "profile as a table", args: (l) => [...PROFILE, "--lang", l], code: 0 },
  { name: "profile as a narrow table", args: (l) => ["profile", "--sample", "--sector", "pleie-omsorg", "--municipality", "0301", "--year", "2017", "--compare", "0219,1103", "--reference", "eakuo", "--lang", l], code: 0 },
  { name: "profile as CSV", args: (l) => [...PROFILE, "--format", "csv", "--lang", l], code: 0 },
  { name: "report", args: (l) => [...REPORT, "--out", out(`report-${l}.xlsx`), "--lang", l], code: 0 },
  { name: "fetch with progress", args: (l) => [...FETCH(), "--out", out(`fetch-${l}.json`), "--lang", l], code: 0 },
  { name: "catalog from stored metadata", args: (l) => ["catalog", "--metadata", join(ROOT, "tests", "fixtures", "ssb", "metadata"), "--lang", l], code: 0 },
  // Usage errors.
  { name: "no command", args: (l) => ["--lang", l], code: 2 },
  { name: "unknown command", args: (l) => ["frobnicate", "--lang", l], code: 2 },
  { name: "unknown option", args: (l) => [...PROFILE, "--frobnicate", "--lang", l], code: 2 },
  { name: "option without its value", args: (l) => ["profile", "--lang", l, "--sector"], code: 2 },
  { name: "missing --sector", args: (l) => ["profile", "--sample", "--municipality", "0301", "--year", "2017", "--lang", l], code: 2 },
  { name: "missing --year", args: (l) => ["profile", "--sample", "--sector", "barnehage", "--municipality", "0301", "--lang", l], code: 2 },
  { name: "missing --municipality", args: (l) => ["profile", "--sample", "--sector", "barnehage", "--year", "2017", "--lang", l], code: 2 },
  { name: "bad year", args: (l) => ["profile", "--sample", "--sector", "barnehage", "--municipality", "0301", "--year", "17", "--lang", l], code: 2 },
  { name: "year without data", args: (l) => ["profile", "--sample", "--sector", "barnehage", "--municipality", "0301", "--year", "1999", "--lang", l], code: 2 },
  { name: "bad format", args: (l) => [...PROFILE, "--format", "xml", "--lang", l], code: 2 },
  { name: "bad average", args: (l) => [...PROFILE, "--average", "median", "--lang", l], code: 2 },
  { name: "unknown network", args: (l) => [...PROFILE, "--network", "nordic", "--lang", l], code: 2 },
  { name: "peers with another network", args: (l) => [...PROFILE, "--network", "asss", "--peers", "0219", "--lang", l], code: 2 },
  { name: "unknown sector", args: (l) => ["profile", "--sample", "--sector", "space", "--municipality", "0301", "--year", "2017", "--lang", l], code: 2 },
  { name: "unknown municipality", args: (l) => ["profile", "--sample", "--sector", "barnehage", "--municipality", "9999", "--year", "2017", "--lang", l], code: 2 },
  { name: "municipality near miss", args: (l) => ["profile", "--sample", "--sector", "barnehage", "--municipality", "Barum", "--year", "2017", "--lang", l], code: 2 },
  { name: "aggregate as municipality", args: (l) => ["profile", "--sample", "--sector", "barnehage", "--municipality", "eak", "--year", "2017", "--lang", l], code: 2 },
  { name: "unknown base", args: (l) => [...PROFILE, "--base", "atlantis", "--lang", l], code: 2 },
  { name: "missing file", args: (l) => ["profile", "--input", out("nowhere.csv"), "--sector", "barnehage", "--municipality", "0301", "--year", "2017", "--lang", l], code: 2 },
  { name: "a folder as file", args: (l) => ["profile", "--input", out("empty"), "--sector", "barnehage", "--municipality", "0301", "--year", "2017", "--lang", l], code: 2 },
  { name: "a file that is not data", args: (l) => ["profile", "--input", out("notes.txt"), "--sector", "barnehage", "--municipality", "0301", "--year", "2017", "--lang", l], code: 2 },
  { name: "a CSV with bad rows", args: (l) => ["profile", "--input", out("bad.csv"), "--sector", "barnehage", "--municipality", "0301", "--year", "2017", "--lang", l], code: 2 },
  { name: "report: --out not .xlsx", args: (l) => [...REPORT, "--out", out("report.txt"), "--lang", l], code: 2 },
  { name: "report: missing folder", args: (l) => [...REPORT, "--out", out("nowhere/report.xlsx"), "--lang", l], code: 2 },
  { name: "report: missing --out", args: (l) => [...REPORT, "--lang", l], code: 2 },
  { name: "report: bad --years", args: (l) => [...REPORT, "--years", "2019-2015", "--out", out("r.xlsx"), "--lang", l], code: 2 },
  { name: "report: bad --merged-history", args: (l) => [...REPORT, "--merged-history", "glue", "--out", out("r.xlsx"), "--lang", l], code: 2 },
  { name: "fetch: missing --years", args: (l) => ["fetch", "--sector", "barnehage", "--out", out("f.json"), "--lang", l], code: 2 },
  { name: "fetch: bad --years", args: (l) => ["fetch", "--sector", "barnehage", "--years", "last", "--out", out("f.json"), "--lang", l], code: 2 },
  { name: "fetch: missing --out", args: (l) => ["fetch", "--sector", "barnehage", "--years", "2017", "--lang", l], code: 2 },
  { name: "fetch: bad --ssb-lang", args: (l) => ["fetch", "--sector", "barnehage", "--years", "2017", "--ssb-lang", "se", "--out", out("f.json"), "--lang", l], code: 2 },
  { name: "fetch: bad --average", args: (l) => ["fetch", "--sector", "barnehage", "--years", "2017", "--average", "median", "--out", out("f.json"), "--lang", l], code: 2 },
  { name: "fetch: bad --merged-history", args: (l) => ["fetch", "--sector", "barnehage", "--years", "2017", "--merged-history", "glue", "--out", out("f.json"), "--lang", l], code: 2 },
  { name: "fetch: refused address", args: (l) => ["fetch", "--sector", "barnehage", "--years", "2017", "--base-url", "http://example.com/api", "--out", out("f.json"), "--lang", l], code: 2 },
  { name: "fetch: bad --timeout", args: (l) => ["fetch", "--sector", "barnehage", "--years", "2017", "--timeout", "forever", "--out", out("f.json"), "--lang", l], code: 2 },
  { name: "fetch: own group without municipality", args: (l) => ["fetch", "--sector", "barnehage", "--years", "2017", "--base", "kostragruppe", "--out", out("f.json"), "--lang", l], code: 2 },
  { name: "fetch: unknown peer", args: (l) => ["fetch", "--sector", "barnehage", "--years", "2017", "--peers", "Narnia", "--out", out("f.json"), "--lang", l], code: 2 },
  { name: "fetch: aggregate as peer", args: (l) => ["fetch", "--sector", "barnehage", "--years", "2017", "--peers", "eak", "--out", out("f.json"), "--lang", l], code: 2 },
  { name: "catalog: neither --metadata nor --live", args: (l) => ["catalog", "--lang", l], code: 2 },
  { name: "catalog: --record without --live", args: (l) => ["catalog", "--metadata", out("metadata"), "--record", out("rec"), "--lang", l], code: 2 },
  { name: "catalog: missing metadata", args: (l) => ["catalog", "--metadata", out("nowhere"), "--lang", l], code: 2 },
  { name: "catalog: folder without metadata", args: (l) => ["catalog", "--metadata", out("empty"), "--lang", l], code: 2 },
  { name: "catalog: metadata not JSON", args: (l) => ["catalog", "--metadata", out("metadata"), "--lang", l], code: 2 },
  // SSB failing, and the user cancelling.
  {
    name: "SSB asks to wait (HTTP 429)",
    args: (l) => [...FETCH(), "--out", out(`f429-${l}.json`), "--lang", l],
    code: 0,
    before: () => server.hostileNext(1, { kind: "retry-after", status: 429, value: "1" }, (r) => r.path === "/tables/12362/data"),
  },
  {
    name: "SSB refuses the query (HTTP 400)",
    args: (l) => [...FETCH(), "--out", out(`f400-${l}.json`), "--lang", l],
    code: 3,
    before: () => server.failNext(1, { status: 400, problem: { title: "Bad Request" } }, (r) => r.path === "/tables/12362/data"),
  },
  {
    name: NOT_FOUND,
    args: (l) => [...FETCH(), "--out", out(`f404-${l}.json`), "--lang", l],
    code: 3,
    // Every request about the table while this case runs (the client asks more than once).
    before: () => server.failNext(100, { status: 404 }, (r) => running === NOT_FOUND && r.path.startsWith("/tables/12362")),
  },
  { name: "SSB unreachable", args: (l) => [...FETCH().slice(0, -1), "http://127.0.0.1:9/api/pxwebapi/v2", "--timeout", "1", "--out", out(`off-${l}.json`), "--lang", l], code: 3 },
  { name: "cancelled", args: (l) => [...PROFILE, "--lang", l], code: 130, io: aborted },
];

/** What the user typed that may show in a message as given. */
const INPUT = ["frobnicate", "xml", "median", "nordic", "space", "9999", "Barum", "atlantis", "last", "glue", "forever", "Narnia", "2019-2015", "eak", "17", "1999", "example.com", "se"];

/** Each line with foreign words, and the words: what a failure shows. */
const foreignLines = (text: string, foreign: (line: string, input: readonly string[]) => string[], input: readonly string[]): string[] =>
  text.split("\n").flatMap((line) => {
    const words = foreign(line, input);
    return words.length > 0 ? [`${words.join(", ")} in: ${line}`] : [];
  });

/** The values options take, the same in both languages ("--format table"). */
const VALUES = ["table", "csv", "json", "simple", "weighted", "indicator", "break", "sum", "asss", "custom", "none", "no", "en", "nb"];

describe.each([
  ["en", norwegianIn, "Norwegian"],
  ["nb", englishIn, "English"],
] as const)("kostra … --lang %s", (lang, foreign, language) => {
  it.each(CASES.map((c) => [c.name, c] as const))(`%s: exit code as documented, no ${language}`, async (_name, c) => {
    c.before?.();
    running = c.name;
    const r = await kostra(c.args(lang), c.io?.() ?? {}).finally(() => (running = ""));
    expect(r.text.trim()).not.toBe("");
    expect({ code: r.code, foreign: foreignLines(r.text, foreign, [...INPUT, ...VALUES, dir, server.baseUrl]) }).toEqual({ code: c.code, foreign: [] });
  });
});

describe("the language checks themselves", () => {
  it("find Norwegian in English text, and English in Norwegian text", () => {
    expect(norwegianIn("kostra: mangler --years. See “kostra --help”.")).toEqual(["mangler"]);
    expect(norwegianIn("kostra: unknown option «--x»")).toEqual(["«", "»"]);
    expect(norwegianIn("wrote 3 observations (table 12362, Bærum and Tromsø)")).toEqual([]);
    expect(englishIn("kostra: cannot find the file x.csv")).toEqual(["the", "cannot", "file"]);
    expect(englishIn("kostra: finner ikke filen x.csv (pleie-omsorg-67, --allow-partial)")).toEqual([]);
  });
});
