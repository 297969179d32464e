/**
 * The whole-country report — 13 templates × 10 years (2015–2024) with every municipality
 * of 2024 (357) as peers — and smaller reports of the same shape (the first n of them by
 * name), each step in a process of its own so that its memory is its own (bench/run.js
 * starts them). The data are SYNTHETIC (tests/support/largest-report.ts).
 *
 *   node bench/whole-country.js make <dir> <n|all>     writes <dir>/country-<n>.json (a
 *                                                        `kostra fetch` file) and prints
 *                                                        {file, peers, observations, bytes}
 *   node --max-old-space-size=2048 --trace-gc bench/whole-country.js report <dir> <n|all>
 *        runs `kostra report` on that file in this process (build/cli) and prints, after
 *        the GC trace, one line "RESULT {exitCode, ms, peakRssBytes, fileBytes}"
 *   node --max-old-space-size=8192 bench/whole-country.js apply <n|all>
 *        writes the report through the workbook gateway on the fake Excel object model and
 *        prints {syncs, largestRequestBytes, estimatedLargestRequestBytes, cells, formulaCells, ms}
 *
 * Peak RSS is the process's VmHWM (Linux); the peak heap is read by bench/run.js from
 * the GC trace (heap in use when a collection started, the highest of them).
 */
"use strict";
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const BUILD = path.join(ROOT, "build", "bench");
const support = () => require(path.join(BUILD, "tests/support/largest-report"));
const sizeOf = (arg) => (arg === "all" ? undefined : Number(arg));

function make(dir, arg) {
  const { wholeCountryDataset, wholeCountryRequest } = support();
  const { writeObservationsFile } = require(path.join(BUILD, "src/sources/observations-file"));
  const dataset = wholeCountryDataset(sizeOf(arg));
  const file = path.join(dir, `country-${arg}.json`);
  const text = writeObservationsFile(dataset, { createdAt: new Date("2026-01-01T00:00:00Z") });
  fs.writeFileSync(file, text);
  const peers = wholeCountryRequest(sizeOf(arg)).peers;
  fs.writeFileSync(path.join(dir, `peers-${arg}.txt`), peers.join(","));
  return { file, peers: peers.length, observations: dataset.observations.length, bytes: Buffer.byteLength(text) };
}

async function report(dir, arg) {
  const { LARGEST_REQUEST } = support();
  const { main } = require(path.join(ROOT, "build", "cli", "main.js"));
  const { nodeIo } = require(path.join(ROOT, "build", "cli", "node-io.js"));
  const out = path.join(dir, `report-${arg}.xlsx`);
  const args = [
    "report",
    "--input", path.join(dir, `country-${arg}.json`),
    "--sector", LARGEST_REQUEST.sectors.join(","),
    "--municipality", LARGEST_REQUEST.municipality,
    "--year", String(LARGEST_REQUEST.year),
    "--years", `${LARGEST_REQUEST.years[0]}-${LARGEST_REQUEST.years[LARGEST_REQUEST.years.length - 1]}`,
    "--network", "custom",
    "--peers", fs.readFileSync(path.join(dir, `peers-${arg}.txt`), "utf8"),
    "--out", out,
  ];
  const t0 = process.hrtime.bigint();
  const exitCode = await main(args, { ...nodeIo("nb"), err: () => {} });
  const ms = Math.round(Number(process.hrtime.bigint() - t0) / 1e6);
  const hwm = Number(/^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync("/proc/self/status", "utf8"))?.[1] ?? NaN) * 1024;
  return { exitCode, ms, peakRssBytes: hwm, fileBytes: exitCode === 0 ? fs.statSync(out).size : null };
}

async function apply(arg) {
  const { wholeCountryReportPlan, LARGEST_REQUEST } = support();
  const { applyPlan } = require(path.join(BUILD, "src/excel/apply-plan"));
  const { createFakeExcel } = require(path.join(BUILD, "tests/support/fake-excel"));
  const plan = wholeCountryReportPlan(sizeOf(arg));
  const cells = plan.sheets.flatMap((s) => s.blocks.flatMap((b) => b.rows.flat()));
  const formulaCells = cells.filter((c) => c.kind === "formula").length;
  const settings = { sectors: LARGEST_REQUEST.sectors, municipality: "baerum", comparisons: [], network: "custom", average: "indicator", includeOslo: true, includeFocal: true, year: LARGEST_REQUEST.year, years: LARGEST_REQUEST.years, source: { kind: "sample" }, lang: "nb" };
  const fake = createFakeExcel({ sheets: ["Ark1"] });
  const t0 = process.hrtime.bigint();
  const r = await applyPlan(plan, { settings, run: fake.run, isSetSupported: () => true });
  const ms = Math.round(Number(process.hrtime.bigint() - t0) / 1e6);
  if (fake.stats.requests.some((q) => q.outcome !== "ok")) throw new Error("a request of the whole-country write failed");
  return {
    sheets: plan.sheets.length,
    cells: cells.length,
    formulaCells,
    syncs: fake.stats.requests.length,
    largestRequestBytes: Math.max(...fake.stats.requests.map((q) => q.bytes)),
    estimatedLargestRequestBytes: r.largestRequestBytes,
    ms,
  };
}

async function run() {
  const [command, ...args] = process.argv.slice(2);
  if (command === "make") console.log(JSON.stringify(make(args[0], args[1])));
  else if (command === "report") console.log(`RESULT ${JSON.stringify(await report(args[0], args[1]))}`);
  else if (command === "apply") console.log(JSON.stringify(await apply(args[0])));
  else throw new Error(`usage: whole-country.js make|report|apply …`);
}

run().catch((e) => {
  console.error(e);
  process.exit(1);
});
