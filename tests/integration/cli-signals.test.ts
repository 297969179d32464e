/**
 * Ctrl+C (SIGINT) and SIGTERM end `kostra profile`, `report` and `fetch` with exit 130,
 * nothing on standard output, the earlier output file intact and no temporary file left.
 *
 * The signal arrives at a controlled moment: the command is held at a step boundary
 * (KOSTRA_HOLD_AT) blocking like a long computation — so its signal handler cannot run
 * until the step ends — and is let go (KOSTRA_HOLD_UNTIL) only once the kernel has
 * delivered the signal. The held step is, for the file writers, also the last moment
 * before the rename: the complete temporary file is there and must not be renamed.
 * For `fetch`, the signal also arrives while a request to SSB is under way. `catalog
 * --live --record` writes a folder of files: a cancelled run leaves all of them as they were.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { commandWorld, signalDelivered, startKostra } from "../support/kostra-process";
import { CATALOG_TABLES, catalogServerForSuite } from "../support/catalog-recording";


const PREVIOUS = "the earlier file: must survive a cancelled run\n";
const PROFILE = ["--sector", "plan-miljo-kultur", "--municipality", "0219", "--year", "2017"];

const world = commandWorld("kostra-sig-");

function workspace(name: string) {
  const dir = world.folder();
  const out = join(dir, name);
  writeFileSync(out, PREVIOUS);
  return { dir, out, release: join(dir, "release") };
}

const commands = {
  profile: () => ({ ...workspace("profile.csv"), args: () => ["profile", ...PROFILE, "--format", "csv"] }),
  report: () => ({ ...workspace("report.xlsx"), args: (out: string) => ["report", ...PROFILE, "--years", "2015-2017", "--out", out] }),
  fetch: () => ({
    ...workspace("kostra.json"),
    args: (out: string) => ["fetch", "--sector", "plan-miljo-kultur", "--years", "2016-2017", "--municipality", "0219", "--base-url", world.server.baseUrl, "--no-cache", "--out", out],
  }),
};

/** Hold `command` at `step`, send `signal` once it is held, let it go when the signal has been delivered. */
async function cancelledAt(command: keyof typeof commands, step: string, signal: NodeJS.Signals | null) {
  const { dir, out, release, args } = commands[command]();
  const run = startKostra(args(out), { env: { KOSTRA_HOLD_AT: step, KOSTRA_HOLD_UNTIL: release }, timeoutMs: 90_000 });
  await run.stderrMatches(new RegExp(`holding at ${step}`));
  const whileHeld = readdirSync(dir);
  if (signal) {
    run.child.kill(signal);
    await signalDelivered(run.child.pid!, signal);
  }
  writeFileSync(release, "");
  const result = await run.done;
  const left = readdirSync(dir).filter((f) => f !== "release");
  return { result, whileHeld, left, previous: readFileSync(out, "utf8"), out };
}

describe.each([
  ["report", "loaded", "SIGTERM"],
  ["report", "planned", "SIGINT"],
  ["report", "before-rename", "SIGINT"],
  ["report", "before-rename", "SIGTERM"],
  ["fetch", "loaded", "SIGTERM"],
  ["fetch", "before-rename", "SIGINT"],
] as const)("kostra %s, signal at %s (%s)", (command, step, signal) => {
  it("exits 130 with one line, the earlier file intact, no temporary file left", async () => {
    const { result, whileHeld, left, previous, out } = await cancelledAt(command, step, signal);
    expect(result.code).toBe(130);
    expect(result.err).toMatch(/kostra: Avbrutt; ingen fil er skrevet, og en tidligere fil er urørt\./);
    expect(result.err).not.toMatch(/\bat .*\.js:\d+/);
    expect(previous).toBe(PREVIOUS);
    expect(left).toEqual([out.split("/").pop()]);
    // Held before the rename, the complete new file was there under a temporary name.
    if (step === "before-rename") expect(whileHeld.filter((f) => f.endsWith(".tmp"))).toHaveLength(1);
  });
});

describe.each([
  ["loaded", "SIGINT"],
  ["planned", "SIGTERM"],
  ["before-output", "SIGINT"],
] as const)("kostra profile, signal at %s (%s)", (step, signal) => {
  it("exits 130 and prints nothing on standard output", async () => {
    const { result } = await cancelledAt("profile", step, signal);
    expect(result.code).toBe(130);
    expect(result.out).toBe("");
    expect(result.err).toMatch(/kostra: Avbrutt/);
  });
});

describe("control: held without a signal", () => {
  it.each(["report", "fetch"] as const)("kostra %s finishes with exit 0 and replaces the file", async (command) => {
    const { result, previous, left } = await cancelledAt(command, "before-rename", null);
    expect(result.code).toBe(0);
    expect(previous).not.toBe(PREVIOUS);
    expect(left.filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("kostra fetch, Ctrl+C while SSB is answering", () => {
  it("exits 130 at once, the earlier file intact", async () => {
    const { dir, out, args } = commands.fetch();
    world.server.delayNext(1, 60_000, (q) => q.path.endsWith("/data"));
    const asked = world.server.nextRequest((q) => q.path.endsWith("/data"));
    const run = startKostra(args(out), { timeoutMs: 90_000 });
    await asked;
    const sent = Date.now();
    run.child.kill("SIGINT");
    const result = await run.done;
    expect(result.code).toBe(130);
    expect(Date.now() - sent).toBeLessThan(30_000);
    expect(result.err).toMatch(/kostra: Hentingen fra SSB ble avbrutt/);
    expect(readFileSync(out, "utf8")).toBe(PREVIOUS);
    expect(readdirSync(dir)).toEqual(["kostra.json"]);
  });
});

/**
 * A second Ctrl+C (or SIGTERM) — the user insisting — must not kill the process outright:
 * the temporary file is removed, the earlier file is intact, and the exit code is still 130.
 * The command is held before the rename in a way that lets the first signal's handler run
 * (KOSTRA_HOLD_YIELDING), as it does when the first signal arrives while the report is
 * being packed or SSB is answering; the second comes once the first has been seen.
 */
describe.each([
  ["report", "SIGINT"],
  ["report", "SIGTERM"],
  ["fetch", "SIGINT"],
  ["fetch", "SIGTERM"],
] as const)("kostra %s, a second %s while the new file waits under its temporary name", (command, signal) => {
  it("removes the temporary file and exits 130, the earlier file intact", async () => {
    const { dir, out, release, args } = commands[command]();
    const run = startKostra(args(out), { env: { KOSTRA_HOLD_AT: "before-rename", KOSTRA_HOLD_UNTIL: release, KOSTRA_HOLD_YIELDING: "1" }, timeoutMs: 90_000 });
    await run.stderrMatches(/holding at before-rename/);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toHaveLength(1);
    run.child.kill(signal);
    await run.stderrMatches(/held, cancelled/);
    run.child.kill(signal);
    const result = await run.done;
    expect({ code: result.code, signal: result.signal }).toEqual({ code: 130, signal: null });
    expect(result.err).toMatch(/kostra: Avbrutt; ingen fil er skrevet, og en tidligere fil er urørt\./);
    expect(readFileSync(out, "utf8")).toBe(PREVIOUS);
    expect(readdirSync(dir)).toEqual([out.split("/").pop()]);
  });
});

/** `kostra catalog --live --record DIR` over an earlier recording: a cancelled run leaves every file as it was. */
describe("kostra catalog --live --record, cancelled", () => {
  const catalogServer = catalogServerForSuite();
  const TABLES = CATALOG_TABLES;

  function recording() {
    const dir = world.folder();
    const folder = join(dir, "metadata");
    mkdirSync(folder);
    for (const t of TABLES) writeFileSync(join(folder, `${t}.json`), `earlier recording of ${t}\n`);
    const files = () => Object.fromEntries(readdirSync(folder).sort().map((f) => [f, readFileSync(join(folder, f), "utf8")]));
    return { folder, release: join(dir, "release"), files, before: files() };
  }
  const args = (folder: string) => ["catalog", "--live", "--base-url", catalogServer().baseUrl, "--record", folder];

  it.each(["SIGINT", "SIGTERM"] as const)("%s held before the renames: exit 130, every file as it was, no temporary file", async (signal) => {
    const { folder, release, files, before } = recording();
    const run = startKostra(args(folder), { env: { KOSTRA_HOLD_AT: "before-rename", KOSTRA_HOLD_UNTIL: release }, timeoutMs: 90_000 });
    await run.stderrMatches(/holding at before-rename/);
    // Every table's new file is written, complete, under a temporary name before any is renamed.
    expect(readdirSync(folder).filter((f) => f.endsWith(".tmp"))).toHaveLength(TABLES.length);
    run.child.kill(signal);
    await signalDelivered(run.child.pid!, signal);
    writeFileSync(release, "");
    const result = await run.done;
    expect(result.code).toBe(130);
    expect(result.out).toBe("");
    expect(result.err).toMatch(/kostra: Avbrutt; ingen fil er skrevet/);
    expect(files()).toEqual(before);
  });

  it("a second SIGTERM while the files wait under temporary names: all removed, exit 130, every file as it was", async () => {
    const { folder, release, files, before } = recording();
    const run = startKostra(args(folder), { env: { KOSTRA_HOLD_AT: "before-rename", KOSTRA_HOLD_UNTIL: release, KOSTRA_HOLD_YIELDING: "1" }, timeoutMs: 90_000 });
    await run.stderrMatches(/holding at before-rename/);
    run.child.kill("SIGTERM");
    await run.stderrMatches(/held, cancelled/);
    run.child.kill("SIGTERM");
    const result = await run.done;
    expect({ code: result.code, signal: result.signal }).toEqual({ code: 130, signal: null });
    expect(files()).toEqual(before);
  });

  it("(control) held without a signal: exit 0, every file replaced at once, none left under a temporary name", async () => {
    const { folder, release, files } = recording();
    const run = startKostra(args(folder), { env: { KOSTRA_HOLD_AT: "before-rename", KOSTRA_HOLD_UNTIL: release }, timeoutMs: 90_000 });
    await run.stderrMatches(/holding at before-rename/);
    writeFileSync(release, "");
    const result = await run.done;
    expect(result.code).toBe(0);
    const after = files();
    expect(Object.keys(after)).toEqual(TABLES.map((t) => `${t}.json`));
    expect(Object.values(after).every((text) => text.includes('"recordedFrom"'))).toBe(true);
  });
});
