#!/usr/bin/env node
/**
 * `npm run test:stress [-- --runs N] [-- --burners N]`: the unit and integration suites run
 * N times (default 3) while other processes keep every core busy (default: one CPU burner
 * per core). A test that waits for the clock instead of for the element, event or promise
 * it needs fails here long before it fails in CI on a developer's busy machine. Not part of
 * CI: it finds races.
 *
 * Writes test-results/stress.json (passes / runs; per run: pass or fail, failing tests,
 * load average, duration; jest's output in test-results/stress-run-N.log) and prints one
 * line. Exit code 0 when every run passed, 1 when one failed, 2 on a bad argument.
 */
"use strict";

const { spawn, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const OUT_DIR = path.join(ROOT, "test-results");
const JEST = require.resolve("jest/bin/jest");
const TSC = require.resolve("typescript/bin/tsc");
/** How often the load average is sampled during a run. */
const LOAD_SAMPLE_MS = 5_000;

function parseArgs(argv) {
  const options = { runs: 3, burners: os.availableParallelism() };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const key = flag.replace(/^--/, "");
    if (!(key in options)) return { error: `unknown option ${flag} (use --runs N, --burners N)` };
    const value = Number(argv[++i]);
    if (!Number.isInteger(value) || value < (key === "runs" ? 1 : 0) || value > 100) return { error: `${flag} needs a whole number (runs 1–100, burners 0–100)` };
    options[key] = value;
  }
  return { options };
}

/** One process per core that does nothing but spin: "another process keeps both cores busy". */
function startBurners(count) {
  return Array.from({ length: count }, () => spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" }));
}

function stopBurners(burners) {
  for (const burner of burners) if (burner.exitCode === null) burner.kill("SIGKILL");
}

/** The tests that failed in one jest --json report, as "file › full name" (a file that did not run: "file › (suite did not run)"). */
function failingTests(report) {
  const failing = [];
  for (const file of report?.testResults ?? []) {
    const name = path.relative(ROOT, file.name);
    const failed = (file.assertionResults ?? []).filter((t) => t.status === "failed");
    for (const test of failed) failing.push(`${name} › ${test.fullName}`);
    if (!failed.length && file.status === "failed") failing.push(`${name} › (suite did not run: ${String(file.message).split("\n").find((l) => l.trim()) ?? ""})`);
  }
  return failing;
}

function readReport(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

/** Run jest once; resolve with the run's record. */
function runOnce(index) {
  const reportFile = path.join(OUT_DIR, `stress-run-${index}.json`);
  const logFile = path.join(OUT_DIR, `stress-run-${index}.log`);
  fs.rmSync(reportFile, { force: true });
  const log = fs.openSync(logFile, "w");
  const loads = [os.loadavg()[0]];
  const sampler = setInterval(() => loads.push(os.loadavg()[0]), LOAD_SAMPLE_MS);
  const started = Date.now();
  return new Promise((resolve) => {
    const jest = spawn(process.execPath, [JEST, "--ci", "--json", `--outputFile=${reportFile}`], { cwd: ROOT, stdio: ["ignore", log, log] });
    jest.on("close", (code, signal) => {
      clearInterval(sampler);
      fs.closeSync(log);
      loads.push(os.loadavg()[0]);
      const report = readReport(reportFile);
      const failing = failingTests(report);
      const passed = code === 0 && report?.success === true;
      if (!passed && !failing.length) failing.push(`(jest ended with ${signal ?? `exit code ${code}`} and no failing test in its report; see ${path.relative(ROOT, logFile)})`);
      resolve({
        run: index,
        passed,
        durationSeconds: Math.round((Date.now() - started) / 1000),
        tests: report ? { total: report.numTotalTests, passed: report.numPassedTests, failed: report.numFailedTests } : null,
        failing,
        loadAverage1m: { mean: round(loads.reduce((a, b) => a + b, 0) / loads.length), max: round(Math.max(...loads)) },
        log: path.relative(ROOT, logFile),
      });
    });
  });
}

const round = (n) => Math.round(n * 100) / 100;

async function main() {
  const { options, error } = parseArgs(process.argv.slice(2));
  if (error) {
    console.error(`test:stress: ${error}`);
    process.exit(2);
  }
  fs.mkdirSync(OUT_DIR, { recursive: true });
  // The integration tests run the compiled CLI, as `npm test` does (build:cli first, not under load).
  const build = spawnSync(process.execPath, [TSC, "-p", "tsconfig.cli.json"], { cwd: ROOT, stdio: "inherit" });
  if (build.status !== 0) {
    console.error("test:stress: the CLI did not compile (tsc -p tsconfig.cli.json)");
    process.exit(1);
  }

  const burners = startBurners(options.burners);
  const stop = () => {
    stopBurners(burners);
    process.exit(130);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);

  const started = new Date();
  const runs = [];
  try {
    for (let i = 1; i <= options.runs; i++) runs.push(await runOnce(i));
  } finally {
    stopBurners(burners);
  }

  const passes = runs.filter((r) => r.passed).length;
  const result = {
    startedAt: started.toISOString(),
    machine: { cpus: os.cpus().length, node: process.version, platform: `${os.platform()} ${os.release()}` },
    burners: options.burners,
    passes,
    runs: runs.length,
    durationSeconds: Math.round((Date.now() - started.getTime()) / 1000),
    results: runs,
  };
  fs.writeFileSync(path.join(OUT_DIR, "stress.json"), JSON.stringify(result, null, 2) + "\n");

  const failed = [...new Set(runs.flatMap((r) => r.failing))];
  const meanLoad = round(runs.reduce((a, r) => a + r.loadAverage1m.mean, 0) / runs.length);
  console.log(
    `test:stress: ${passes}/${runs.length} runs passed with ${options.burners} CPU burner(s) on ${os.cpus().length} cores ` +
      `(load average ${meanLoad}, ${runs.map((r) => `${r.durationSeconds} s`).join(" + ")})` +
      (failed.length ? `; failing: ${failed.join("; ")}` : "") +
      " — test-results/stress.json",
  );
  process.exit(passes === runs.length ? 0 : 1);
}

main().catch((err) => {
  console.error(`test:stress: ${err && err.stack ? err.stack : err}`);
  process.exit(1);
});
