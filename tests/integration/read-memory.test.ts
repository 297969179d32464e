/**
 * Reading the largest data files a user gives stays within twice the memory of the plainest
 * reading of the same bytes (issue 12, item 5): a whole-country tidy CSV (about 600,000
 * rows) against splitting its text into lines and fields, and a 1,000,000-cell JSON-stat
 * file against JSON.parse. Each reading runs in a process of its own (bench/read-path.js,
 * on the built CLI modules), from the file's bytes to the observations the engine gets,
 * and its peak resident memory is measured by the kernel. Files and values are SYNTHETIC.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LONG_TEST_TIMEOUT_MS } from "../support/timing";

jest.setTimeout(LONG_TEST_TIMEOUT_MS);

const ROOT = join(__dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "kostra-read-memory-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Reading {
  ms: number;
  records: number;
  peakRssBytes: number;
}

/** One run of bench/read-path.js in a process of its own, on the CLI build (`npm test` builds it first). */
function readPath(...args: string[]): Reading & Record<string, number> {
  const out = execFileSync(process.execPath, ["--expose-gc", join(ROOT, "bench", "read-path.js"), ...args], {
    encoding: "utf8",
    env: { ...process.env, READ_PATH_BUILD: join(ROOT, "build") },
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out);
}

describe("memory of reading the largest files", () => {
  it.each([
    // Every row is a known municipality, a catalog indicator and a year: every one is an observation.
    ["a whole-country CSV", "hele-landet.csv", "make-csv", "split", (made: Record<string, number>) => made.rows],
    // The cube holds the catalog's figures of 12362 for every municipality and year, and many other cells.
    ["a 1,000,000-cell JSON-stat file", "12362.json", "make", "parse", () => 250_000],
  ])("reads %s within twice the memory of its plainest reading", (_, name, make, floor, observations) => {
    const file = join(dir, name);
    const made = readPath(make, file);
    const plainest = readPath(floor, file);
    const ours = readPath("ours", file);
    expect(ours.records).toBeGreaterThanOrEqual(observations(made));
    expect(ours.peakRssBytes).toBeLessThanOrEqual(2 * plainest.peakRssBytes);
  });
});
