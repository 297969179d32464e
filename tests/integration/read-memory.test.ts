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
  it("reads a whole-country CSV within twice the memory of splitting it into lines and fields", () => {
    const file = join(dir, "hele-landet.csv");
    const { rows } = readPath("make-csv", file);
    expect(rows).toBeGreaterThan(600_000);
    const split = readPath("split", file);
    const ours = readPath("ours", file);
    // Every row is a known municipality, a catalog indicator and a year: every one is an observation.
    expect(ours.records).toBe(rows);
    expect(ours.peakRssBytes).toBeLessThanOrEqual(2 * split.peakRssBytes);
  });

  it("reads a 1,000,000-cell JSON-stat file within twice the memory of JSON.parse of it", () => {
    const file = join(dir, "12362.json");
    const { cells } = readPath("make", file);
    expect(cells).toBeGreaterThanOrEqual(1_000_000);
    const parse = readPath("parse", file);
    const ours = readPath("ours", file);
    expect(ours.records).toBeGreaterThan(250_000);
    expect(ours.peakRssBytes).toBeLessThanOrEqual(2 * parse.peakRssBytes);
  });
});
