#!/usr/bin/env node
/**
 * Benchmarks, written to bench/results.json. Each compares our code with a baseline
 * measured in the same run on the same input.
 *
 * jsonstat-read: reading a 1,000,000-cell json-stat2 response shaped like SSB's
 * (table 12362 dimensions, nulls with sparse status) and visiting every cell with its
 * category codes, value and status — ours (src/sources/ssb/jsonstat.ts) vs
 * jsonstat-toolkit (its fastest full walk, Unflatten). Both start from the same
 * response text, so JSON.parse is part of both.
 *
 * jsonstat-read-path: the whole read path, file bytes to observations (readDataFile), vs
 * jsonstat-toolkit parsing the same bytes and turning every cell into a record, and vs
 * JSON.parse alone; time and peak memory of each, each run in a process of its own
 * (bench/read-path.js). The jsonstat-read entry above times the cube walk only (no
 * schema, no observations).
 *
 * csv-read-path: the same for a whole-country tidy CSV (about 600,000 rows) against
 * splitting its text into lines and fields; fetch-file-read-path: the same observations
 * as the product's own file against JSON.parse of it.
 *
 * ssb-load-requests: requests sent for the full tekniske-tjenester + plan-miljo-kultur
 * load over 10 years for the ASSS network (target: one data request per SSB table).
 *
 * ssb-cells: cells the SSB planner asks for against the cells the load needs, and its
 * requests, per table and in total, for every template, every municipality, 2015-2024
 * (simple and population-weighted average). Baseline: the previous plan, one request per
 * table and period of data years asking the cross product of every code (split at the
 * cell limit), computed in the same run.
 *
 * ssb-load-time: end-to-end load of that set from the local PxWebApi 2 server (plan,
 * HTTP, json-stat2 parsing, observations) vs the same load served from the cache.
 *
 * report-plan: time to build the report plan (both templates, 4 years, sample) and the
 * data sheet plan for 357 municipalities × 12 indicators × 10 years.
 *
 * report-apply: syncs and largest request when the workbook gateway writes those plans
 * (on the fake Excel object model that counts syncs and request sizes like Office.js),
 * and for the largest report (all 13 templates, 10 years, ASSS) written over the previous
 * year's, with each indicator's own and with population-weighted average, as the product writes it
 * (profile sheets of live formulas over the data sheet; the run fails if the plan has no
 * formulas): the largest request and the final request (the one that swaps the reports),
 * as the fake measures them (the JSON of every queued command) and as the gateway
 * estimates them.
 *
 * report-cli-memory: peak memory (heap and RSS) of `kostra report` for the whole-country
 * report and two smaller sizes of the same shape (bench/whole-country.js).
 *
 * pane-initial-js and pane-startup: see bench/pane.js (needs the production build).
 *
 * report-recalc: LibreOffice headless (as the tests run it, forced recalculation on load)
 * opening, recalculating and saving the report of all 13 templates × 10 years × 50 peers
 * (synthetic figures) as the product writes it, against the same workbook as values
 * (every formula replaced by its result: same cells, styles, tables and charts), in
 * paired, alternating runs; the ratio of the median CPU times LibreOffice spends is the
 * formulas' cost (the wall-time ratio is kept beside it: on a shared machine it measures
 * the neighbours as much as the workbook).
 *
 * Run: npm run bench   (compiles the library and the local test server first; about a minute)
 * release-day-proxy: release day with and without the department's nginx cache (bench/release-day.js).
 *
 * Only some:  BENCH_ONLY=report npm run bench   (groups: jsonstat, ssb, report, recalc, memory, pane, proxy; the
 * other entries of results.json are kept as they were)
 */
"use strict";
const fs = require("fs");
const path = require("path");
const os = require("os");
const { buildSsbDataset } = require("../tests/support/ssb-shape");
const { readJsonStat, forEachCell } = require("../build/bench/src/sources/ssb/jsonstat");
const JSONstat = require("jsonstat-toolkit");

const RUNS = Number(process.env.BENCH_RUNS || 7);

function makeResponse() {
  // 400 regions × 50 functions × 5 arts × 1 contents × 10 years = 1,000,000 cells.
  const codes = (n, f) => Array.from({ length: n }, (_, i) => f(i));
  const regions = codes(400, (i) => String(1000 + i).padStart(4, "0"));
  const functions = codes(50, (i) => String(100 + i * 7));
  const arts = ["AGD2", "AGD4", "AGD10", "AGI2", "AGD1"];
  const years = codes(10, (i) => String(2015 + i));
  let k = 0;
  const ds = buildSsbDataset({
    table: "12362",
    title: "12362: synthetic benchmark response",
    order: ["KOKkommuneregion0000", "KOKfunksjon0000", "KOKart0000", "ContentsCode", "Tid"],
    dims: {
      KOKkommuneregion0000: { codes: regions },
      KOKfunksjon0000: { codes: functions },
      KOKart0000: { codes: arts },
      ContentsCode: { codes: ["KOSbelopinnbygge0000"] },
      Tid: { codes: years },
    },
    cell: () => {
      k++;
      if (k % 97 === 0) return { value: null, status: ".." };
      return (k * 7919) % 100000 / 10;
    },
  });
  return JSON.stringify(ds);
}

function ours(text) {
  const cube = readJsonStat(JSON.parse(text));
  const dims = cube.dimensions;
  let sum = 0;
  let nulls = 0;
  let codeChars = 0;
  forEachCell(cube, (pos, value, status) => {
    for (let d = 0; d < dims.length; d++) codeChars += dims[d].codes[pos[d]].length;
    if (value === null) nulls += status ? 1 : 0;
    else sum += value;
  });
  return { sum, nulls, codeChars };
}

function toolkit(text) {
  const ds = JSONstat(JSON.parse(text));
  let sum = 0;
  let nulls = 0;
  let codeChars = 0;
  const ids = ds.id;
  ds.Unflatten((coords, point) => {
    for (let d = 0; d < ids.length; d++) codeChars += coords[ids[d]].length;
    if (point.value === null) nulls += point.status ? 1 : 0;
    else sum += point.value;
  });
  return { sum, nulls, codeChars };
}

function time(f, text) {
  const t0 = process.hrtime.bigint();
  const r = f(text);
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, r };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function ssbLoadBenchmarks() {
  const { startPxWebServer } = require("../build/bench/tests/support/pxweb-server");
  const { SsbClient } = require("../build/bench/src/sources/ssb/client");
  const { RateLimiter } = require("../build/bench/src/sources/ssb/rate-limiter");
  const { MemoryResponseCache } = require("../build/bench/src/sources/ssb/cache-memory");
  const { loadFromSsb } = require("../build/bench/src/sources/ssb/load");
  const { indicatorsToFetch, templateById, templateIndicators } = require("../build/bench/src/kostra/catalog");
  const { selectorForYear } = require("../build/bench/src/kostra/series");
  const { municipalityById } = require("../build/bench/src/kostra/municipalities");
  const { networkById, networkMembers } = require("../build/bench/src/kostra/networks");

  const years = Array.from({ length: 10 }, (_, i) => 2015 + i);
  const ids = new Set(["baerum", "asker"]);
  for (const y of years) for (const id of networkMembers(networkById("asss"), y)) ids.add(id);
  const indicators = [...templateIndicators(templateById("tekniske-tjenester")), ...templateIndicators(templateById("plan-miljo-kultur"))];
  const request = { indicators, municipalities: [...ids].map(municipalityById), years, weighted: true };
  // What the load reads: each figure's series (a ratio's numerator and denominator), per
  // table and period of data years (f392 is valid to 2020 and asked for on its own).
  const periods = new Set();
  for (const ind of indicatorsToFetch(indicators, true)) {
    const yearsOf = new Map();
    for (const y of years) {
      const s = selectorForYear(ind, y);
      if (s && s.table !== null) yearsOf.set(`${s.table}|${s.yearOffset ?? 0}`, [...(yearsOf.get(`${s.table}|${s.yearOffset ?? 0}`) ?? []), y]);
    }
    for (const [key, ys] of yearsOf) periods.add(`${key}|${ys.join(",")}`);
  }
  const tables = new Set([...periods].map((p) => p.split("|")[0]));

  const server = await startPxWebServer();
  try {
    const client = () => new SsbClient({ baseUrl: server.baseUrl, limiter: new RateLimiter({ maxCalls: 1000, windowMs: 60_000 }) });
    const cache = new MemoryResponseCache();
    const first = await loadFromSsb(request, { client: client(), cache, policy: "network-only" });
    const dataRequests = server.requests.filter((r) => r.path.endsWith("/data")).length;
    const requests = {
      name: "ssb-load-requests",
      description: "Requests for tekniske-tjenester + plan-miljo-kultur, 10 years (2015-2024), ASSS members of every year plus Bærum and Asker, population-weighted",
      municipalities: ids.size,
      observations: first.dataset.observations.length,
      tablesInvolved: tables.size,
      tablePeriodsInvolved: periods.size,
      dataRequests,
      totalRequests: first.requests,
      target: "at most one data request per SSB table and period of data years involved (metadata requests besides)",
      targetMet: dataRequests <= periods.size,
      unavailableIndicators: first.missing.map((m) => m.indicator),
    };

    const networkMs = [];
    const cacheMs = [];
    for (let i = 0; i < RUNS; i++) {
      let t0 = process.hrtime.bigint();
      await loadFromSsb(request, { client: client(), cache, policy: "network-only" });
      networkMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
      t0 = process.hrtime.bigint();
      const cached = await loadFromSsb(request, { client: client(), cache, policy: "cache-first" });
      cacheMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (cached.fromCache.length < periods.size) throw new Error("cache was not used");
    }
    const time = {
      name: "ssb-load-time",
      description: "End-to-end load of the same set: from the local PxWebApi 2 server (loopback HTTP, server-side json-stat2 generation included) vs from the response cache (memory)",
      runs: RUNS,
      serverMedianMs: Math.round(median(networkMs) * 10) / 10,
      cacheMedianMs: Math.round(median(cacheMs) * 10) / 10,
      baseline: "load from the local server in the same run",
      serverRunsMs: networkMs.map((x) => Math.round(x)),
      cacheRunsMs: cacheMs.map((x) => Math.round(x)),
    };
    time.speedup = Math.round((time.serverMedianMs / time.cacheMedianMs) * 100) / 100;
    return [requests, time, ssbCellsBenchmark()];
  } finally {
    await server.close();
  }
}

/** Requested against needed cells for every template and municipality, 2015-2024 (see ssb-cells above). */
function ssbCellsBenchmark() {
  const { planCells, regionCodes, splitSelection } = require("../build/bench/src/sources/ssb/planner");
  const { DEFAULT_LIMITS } = require("../build/bench/src/sources/ssb/types");
  const { indicatorsToFetch, SECTOR_TEMPLATES, templateIndicators } = require("../build/bench/src/kostra/catalog");
  const { selectorForYear, ssbTimeOf } = require("../build/bench/src/kostra/series");
  const { MUNICIPALITIES } = require("../build/bench/src/kostra/municipalities");
  const years = Array.from({ length: 10 }, (_, i) => 2015 + i);
  const indicators = [...new Map(SECTOR_TEMPLATES.flatMap((t) => templateIndicators(t)).map((i) => [i.id, i])).values()];
  const ctx = { baseUrl: "https://data.ssb.no/api/pxwebapi/v2", lang: "no", maxDataCells: DEFAULT_LIMITS.maxDataCells };
  const ratio = (a, b) => Math.round((a / b) * 100) / 100;
  const sum = (rows, key) => rows.reduce((n, r) => n + r[key], 0);

  // The previous plan: per table, year offset and set of data years, every code any indicator names, for every region code of those years.
  const crossProduct = () => {
    const groups = new Map();
    for (const ind of indicatorsToFetch(indicators, false)) {
      const perSelector = new Map();
      for (const y of years) {
        const ssb = selectorForYear(ind, y);
        if (ssb && ssb.table !== null) perSelector.set(ssb, [...(perSelector.get(ssb) ?? []), y]);
      }
      for (const [ssb, ys] of perSelector) {
        const key = `${ssb.table}|${ssb.yearOffset ?? 0}|${ys.join(",")}`;
        const g = groups.get(key) ?? { table: ssb.table, ssb, times: ys.map((y) => ssbTimeOf(ssb, y)), select: {} };
        for (const [dim, codes] of Object.entries(ssb.select)) g.select[dim] = [...new Set([...(g.select[dim] ?? []), ...codes])];
        groups.set(key, g);
      }
    }
    const byTable = new Map();
    for (const g of groups.values()) {
      const selection = { [g.ssb.regionDimension]: regionCodes(MUNICIPALITIES, g.times), ...g.select, [g.ssb.timeDimension]: g.times.map(String) };
      const parts = splitSelection(selection, ctx.maxDataCells, [g.ssb.timeDimension, g.ssb.regionDimension]);
      const row = byTable.get(g.table) ?? { table: g.table, requested: 0, requests: 0 };
      row.requested += parts.reduce((n, p) => n + Object.values(p).reduce((c, codes) => c * codes.length, 1), 0);
      row.requests += parts.length;
      byTable.set(g.table, row);
    }
    return byTable;
  };

  const t0 = process.hrtime.bigint();
  const simple = planCells({ indicators, municipalities: MUNICIPALITIES, years, weighted: false }, ctx);
  const planMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const weighted = planCells({ indicators, municipalities: MUNICIPALITIES, years, weighted: true }, ctx);
  const before = crossProduct();
  const perTable = simple.map((r) => ({
    ...r,
    ratio: ratio(r.requested, r.needed),
    baselineRequested: before.get(r.table)?.requested,
    baselineRequests: before.get(r.table)?.requests,
  }));
  const total = (rows) => ({ requested: sum(rows, "requested"), needed: sum(rows, "needed"), requests: sum(rows, "requests"), ratio: ratio(sum(rows, "requested"), sum(rows, "needed")) });
  const t12362 = perTable.find((r) => r.table === "12362");
  return {
    name: "ssb-cells",
    description:
      "Cells the SSB planner requests against the cells the load needs (per time: that time's region codes x the code combinations read then), and its requests, for every template, every municipality, 2015-2024, simple average; totals also for a population-weighted average (the amount beside each per-capita figure). Baseline: the previous plan (one request per table and period of data years, the cross product of every code, split at the cell limit), same run.",
    municipalities: MUNICIPALITIES.length,
    indicators: indicators.length,
    maxDataCells: ctx.maxDataCells,
    planMs: Math.round(planMs),
    total: { ...total(simple), baselineRequested: sum([...before.values()], "requested"), baselineRequests: sum([...before.values()], "requests") },
    totalWeighted: total(weighted),
    table12362: t12362,
    perTable,
    rule: "minimise cells + 50 000 x requests (cell-cover.ts REQUEST_COST_CELLS): groups share a request when that fetches fewer than 50 000 extra cells",
    target: "12362 requested/needed at most 1.5 in at most 6 requests; all tables at most 1.4",
    targetMet: t12362.requested / t12362.needed <= 1.5 && t12362.requests <= 6 && total(simple).ratio <= 1.4 && total(weighted).ratio <= 1.4,
  };
}

async function reportBenchmarks() {
  const { buildReport } = require("../build/bench/src/report/report");
  const { buildDataSheet } = require("../build/bench/src/report/data-sheet");
  const { applyPlan, MAX_REQUEST_BYTES } = require("../build/bench/src/excel/apply-plan");
  const { sampleDataset } = require("../build/bench/src/sources/sample");
  const { createFakeExcel } = require("../build/bench/tests/support/fake-excel");
  const { largeDataset } = require("../build/bench/tests/support/large-dataset");
  const { LARGEST_REQUEST } = require("../build/bench/tests/support/largest-report");

  const sample = sampleDataset();
  const request = { sectors: ["plan-miljo-kultur", "tekniske-tjenester"], municipality: "0219", year: 2017, years: [2015, 2016, 2017, 2018], lang: "nb" };
  const large = largeDataset();
  const sampleMs = [];
  const largeMs = [];
  let samplePlan;
  let largePlan;
  for (let i = 0; i < RUNS; i++) {
    let t0 = process.hrtime.bigint();
    samplePlan = buildReport(sample, request).plan;
    sampleMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
    t0 = process.hrtime.bigint();
    largePlan = { sheets: [buildDataSheet(large, large.observations, "KOSTRA-data", "nb").sheet], names: [] };
    largeMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const settings = { sectors: request.sectors, municipality: "baerum", comparisons: ["asker"], network: "asss", average: "simple", includeOslo: true, includeFocal: true, year: 2017, years: request.years, source: { kind: "sample" }, lang: "nb" };
  const applied = async (plan) => {
    const fake = createFakeExcel({ sheets: ["Ark1"] });
    const t0 = process.hrtime.bigint();
    const r = await applyPlan(plan, { settings, run: fake.run, isSetSupported: () => true });
    return { syncs: r.syncs, largestRequestBytes: fake.stats.maxRequestBytes, ms: Math.round(Number(process.hrtime.bigint() - t0) / 1e6) };
  };
  const sampleApply = await applied(samplePlan);
  const largeApply = await applied(largePlan);

  // The largest report, written over the previous year's as "Oppdater til <år>" does, as the
  // product writes it: profile sheets of live formulas over the data sheet.
  const { buildReport: build } = require("../build/bench/src/report/report");
  const { largestDataset } = require("../build/bench/tests/support/largest-report");
  const largestData = largestDataset();
  const largest = async (average) => {
    const largestSettings = { ...settings, ...(average ? { average } : {}), sectors: LARGEST_REQUEST.sectors, comparisons: [], years: LARGEST_REQUEST.years };
    const planFor = (year) => build(largestData, { ...LARGEST_REQUEST, year, ...(average ? { average } : {}) }).plan;
    const fake = createFakeExcel({ sheets: ["Ark1"] });
    const previous = await applyPlan(planFor(LARGEST_REQUEST.year - 1), { settings: { ...largestSettings, year: LARGEST_REQUEST.year - 1 }, run: fake.run, isSetSupported: () => true });
    const before = fake.stats.requests.length;
    const plan = planFor(LARGEST_REQUEST.year);
    const t0 = process.hrtime.bigint();
    // The user agreed to replace last year's report (the pane asks, or it wrote it itself).
    const replace = previous.sheets.map((s) => s.id);
    const r = await applyPlan(plan, { settings: { ...largestSettings, year: LARGEST_REQUEST.year }, run: fake.run, isSetSupported: () => true, replace });
    const ms = Math.round(Number(process.hrtime.bigint() - t0) / 1e6);
    const requests = fake.stats.requests.slice(before);
    // The final request is the last but one: the last only shows the first profile sheet.
    const final = requests[requests.length - 2];
    const cells = plan.sheets.flatMap((s) => s.blocks.flatMap((b) => b.rows.flat()));
    const formulaCells = cells.filter((c) => c && c.kind === "formula").length;
    if (formulaCells === 0) throw new Error("the largest report has no formulas: it is not written as the product writes it");
    return {
      templates: LARGEST_REQUEST.sectors.length,
      years: LARGEST_REQUEST.years.length,
      average: average ?? "each indicator's own (the report's default)",
      sheets: plan.sheets.length,
      cells: cells.length,
      formulaCells,
      syncs: requests.length,
      statements: requests.reduce((n, q) => n + q.operations, 0),
      largestRequestBytes: Math.max(...requests.map((q) => q.bytes)),
      finalRequestBytes: final.bytes,
      finalRequestStatements: final.operations,
      estimatedLargestRequestBytes: r.largestRequestBytes,
      estimatedFinalRequestBytes: r.finalRequestBytes,
      budgetBytes: MAX_REQUEST_BYTES,
      ms,
    };
  };
  const largestApply = await largest(undefined);
  const largestWeightedApply = await largest("weighted");
  // The whole country in a process of its own: the fake Excel keeps every cell of it.
  const wholeCountryApply = JSON.parse(
    require("child_process").execFileSync(process.execPath, ["--max-old-space-size=8192", path.join(__dirname, "whole-country.js"), "apply", "all"], { encoding: "utf8", maxBuffer: 1 << 20 }),
  );
  return [
    {
      name: "report-plan",
      description: "Time to build report plans: the full sample report (2 templates, 4 years) and a 357 × 12 × 10 data sheet (42,840 rows)",
      runs: RUNS,
      sampleReportMedianMs: Math.round(median(sampleMs) * 10) / 10,
      largeDataSheetMedianMs: Math.round(median(largeMs) * 10) / 10,
    },
    {
      name: "report-apply",
      description:
        "Workbook gateway on the fake Excel object model: syncs and the largest request (Excel on the web rejects requests over 5 MB); the large data sheet is values only; the largest report (13 templates × 10 years, ASSS, over the previous year's report, each indicator's own and population-weighted average) is written as the product writes it, profile sheets of live formulas over the data sheet (formulaCells counts them), with the final request, which swaps the reports; and the whole-country report (all 357 municipalities as peers)",
      sampleReport: sampleApply,
      largeDataSheet: largeApply,
      largestReport: largestApply,
      largestReportWeighted: largestWeightedApply,
      wholeCountryReport: { description: "13 templates × 10 years with all 357 municipalities of 2024 as peers (synthetic data), each indicator's own average", ...wholeCountryApply },
      budgetBytes: MAX_REQUEST_BYTES,
      target: "at most 6 syncs for a full sector report; every request, the final one included, under the gateway's budget (3.5 MB) and so under 5 MB",
      targetMet:
        sampleApply.syncs <= 6 &&
        [sampleApply, largeApply, largestApply, largestWeightedApply, wholeCountryApply].every((a) => a.largestRequestBytes <= MAX_REQUEST_BYTES) &&
        [largestApply, largestWeightedApply].every((a) => a.finalRequestBytes <= MAX_REQUEST_BYTES),
    },
  ];
}

async function jsonstatBenchmarks() {
  const text = makeResponse();
  const cells = 1_000_000;
  // Both must see the same data.
  const a = ours(text);
  const b = toolkit(text);
  if (Math.abs(a.sum - b.sum) > 1e-6 * Math.abs(a.sum) || a.nulls !== b.nulls || a.codeChars !== b.codeChars) {
    throw new Error(`readers disagree: ours ${JSON.stringify(a)} vs toolkit ${JSON.stringify(b)}`);
  }
  const oursMs = [];
  const toolkitMs = [];
  const parseMs = [];
  for (let i = 0; i < RUNS; i++) {
    // Alternate the order so neither always runs on a warmer heap.
    parseMs.push(time(JSON.parse, text).ms);
    if (i % 2 === 0) {
      oursMs.push(time(ours, text).ms);
      toolkitMs.push(time(toolkit, text).ms);
    } else {
      toolkitMs.push(time(toolkit, text).ms);
      oursMs.push(time(ours, text).ms);
    }
  }
  const result = {
    name: "jsonstat-read",
    description: "Read a 1,000,000-cell json-stat2 response (SSB 12362 shape) and visit every cell with codes, value and status",
    cells,
    responseBytes: Buffer.byteLength(text),
    runs: RUNS,
    oursMedianMs: Math.round(median(oursMs) * 10) / 10,
    baselineMedianMs: Math.round(median(toolkitMs) * 10) / 10,
    jsonParseMedianMs: Math.round(median(parseMs) * 10) / 10,
    baseline: `jsonstat-toolkit ${JSONstat("version")} (Unflatten)`,
    oursRunsMs: oursMs.map((x) => Math.round(x)),
    baselineRunsMs: toolkitMs.map((x) => Math.round(x)),
  };
  result.speedup = Math.round((result.baselineMedianMs / result.oursMedianMs) * 100) / 100;
  result.target = "ours at least 2x faster";
  result.targetMet = result.speedup >= 2;
  return [result];
}

/**
 * The whole read path, file bytes to observations, for the largest files a user gives:
 * the product's readDataFile against a floor (JSON.parse, or splitting the CSV into lines
 * and fields) and, for JSON-stat, jsonstat-toolkit making an observation-like record of
 * every cell. Each file is written in this run; each run in a fresh process
 * (bench/read-path.js) for its time and peak memory, alternating the readers.
 */
async function readPathBenchmarks() {
  const { execFileSync } = require("child_process");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kostra-read-path-"));
  const script = path.join(__dirname, "read-path.js");
  const child = (...args) => JSON.parse(execFileSync(process.execPath, ["--expose-gc", script, ...args], { encoding: "utf8", maxBuffer: 1 << 20 }));
  const mb = (bytes) => Math.round(bytes / 1e5) / 10;
  const ratio = (a, b) => Math.round((a / b) * 100) / 100;
  /** Runs of each reader on `file`, alternating their order; medians of time and peak memory. */
  const measure = (file, readers, runs = RUNS) => {
    const all = Object.fromEntries(readers.map((r) => [r, []]));
    for (let i = 0; i < runs; i++) for (const reader of i % 2 === 0 ? readers : [...readers].reverse()) all[reader].push(child(reader, file));
    const of = (reader) => ({
      ms: Math.round(median(all[reader].map((r) => r.ms)) * 10) / 10,
      peak: median(all[reader].map((r) => r.peakRssBytes)),
      records: all[reader][0].records,
      runsMs: all[reader].map((r) => Math.round(r.ms)),
    });
    return Object.fromEntries(readers.map((r) => [r, of(r)]));
  };
  try {
    const jsonFile = path.join(tmp, "12362-benchmark.json");
    const made = child("make", jsonFile);
    const j = measure(jsonFile, ["parse", "ours", "toolkit"]);
    const jsonstat = {
      name: "jsonstat-read-path",
      description:
        "Whole read path of a 1,000,000-cell json-stat2 file (table 12362 shape, every municipality code in use 2015-2024, catalog function and art codes, both contents; synthetic values): file bytes to observations. Ours: readDataFile (decode, JSON.parse of all but the cells, cells read from the text into a Float64Array, schema, cube, catalog observations) and combineInputs, which gives them to the engine. Baseline: jsonstat-toolkit from the same bytes (decode, JSON.parse, JSONstat, every cell into an observation-like record). Each run in a fresh process; peak memory = peak resident set added by the read (VmHWM reset after start-up).",
      cells: made.cells,
      fileBytes: made.bytes,
      runs: RUNS,
      oursObservations: j.ours.records,
      baselineRecords: j.toolkit.records,
      oursMedianMs: j.ours.ms,
      baselineMedianMs: j.toolkit.ms,
      jsonParseMedianMs: j.parse.ms,
      oursPeakMB: mb(j.ours.peak),
      baselinePeakMB: mb(j.toolkit.peak),
      jsonParsePeakMB: mb(j.parse.peak),
      baseline: `jsonstat-toolkit ${JSONstat("version")} (JSONstat + Unflatten into records)`,
      oursRunsMs: j.ours.runsMs,
      baselineRunsMs: j.toolkit.runsMs,
      speedup: ratio(j.toolkit.ms, j.ours.ms),
      timeToJsonParse: ratio(j.ours.ms, j.parse.ms),
      peakMemoryToJsonParse: ratio(j.ours.peak, j.parse.peak),
      target: "ours at least as fast as jsonstat-toolkit's full walk; peak memory at most 2x that of JSON.parse of the same file (issue 12, item 5)",
    };
    jsonstat.targetMet = jsonstat.speedup >= 1 && jsonstat.peakMemoryToJsonParse <= 2;

    const csvFile = path.join(tmp, "hele-landet.csv");
    const csvMade = child("make-csv", csvFile);
    const c = measure(csvFile, ["split", "ours"]);
    const csv = {
      name: "csv-read-path",
      description:
        "Whole read path of a tidy CSV of every catalog indicator for every municipality code in use 2015-2024 (region;indikator;år;verdi;status, decimal comma; synthetic values): file bytes to observations. Ours: readDataFile (decode, papaparse row by row, schema per field, municipality and code checks, duplicate check, observations) and combineInputs, which gives them to the engine. Baseline: decode and split the text into lines and each line at ';', all kept (nothing typed or checked). Each run in a fresh process; peak memory = peak resident set added by the read.",
      rows: csvMade.rows,
      fileBytes: csvMade.bytes,
      runs: RUNS,
      oursObservations: c.ours.records,
      oursMedianMs: c.ours.ms,
      splitMedianMs: c.split.ms,
      oursPeakMB: mb(c.ours.peak),
      splitPeakMB: mb(c.split.peak),
      oursRunsMs: c.ours.runsMs,
      baselineRunsMs: c.split.runsMs,
      timeToSplit: ratio(c.ours.ms, c.split.ms),
      peakMemoryToSplit: ratio(c.ours.peak, c.split.peak),
      target: "peak memory at most 2x that of a plain split of the same file (issue 12, item 5); the time ratio is reported",
    };
    csv.targetMet = csv.peakMemoryToSplit <= 2;

    // The same observations as the product's own file (`kostra fetch` writes it), the largest file a user gives.
    const fetchFile = path.join(tmp, "hele-landet.json");
    child("make-fetch-file", csvFile, fetchFile);
    const runs = Math.min(RUNS, 3);
    const f = measure(fetchFile, ["parse", "ours"], runs);
    const fetched = {
      name: "fetch-file-read-path",
      description:
        "Whole read path of the product's observations file (as kostra fetch writes it) holding the CSV case's observations: file bytes to observations. Ours: readDataFile (decode, JSON.parse, schema of every observation, catalog, municipality, code and duplicate checks) and combineInputs, which gives them to the engine. Baseline: decode + JSON.parse alone. Each run in a fresh process; peak memory = peak resident set added by the read.",
      observations: f.ours.records,
      fileBytes: fs.statSync(fetchFile).size,
      runs,
      oursMedianMs: f.ours.ms,
      jsonParseMedianMs: f.parse.ms,
      oursPeakMB: mb(f.ours.peak),
      jsonParsePeakMB: mb(f.parse.peak),
      oursRunsMs: f.ours.runsMs,
      baselineRunsMs: f.parse.runsMs,
      timeToJsonParse: ratio(f.ours.ms, f.parse.ms),
      peakMemoryToJsonParse: ratio(f.ours.peak, f.parse.peak),
      target: "peak memory at most 2x that of JSON.parse of the same file (issue 12, item 5); the time ratio is reported",
    };
    fetched.targetMet = fetched.peakMemoryToJsonParse <= 2;
    return [jsonstat, csv, fetched];
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Recalculation of the 13 × 10 × 50-peer report in LibreOffice against its values-only
 * copy. Each conversion is one soffice process (start-up, load, recalculation, save), so
 * the values-only time is the floor every workbook of that size pays.
 */
async function recalcBenchmarks() {
  const { buildReport } = require("../build/bench/src/report/report");
  const { writeXlsx } = require("../build/bench/src/report/xlsx-writer");
  const { recalcDataset, recalcPeers, recalcRequest } = require("../build/bench/tests/support/recalc-report");
  const { recalculatedFile } = require("../build/bench/tests/support/libreoffice");
  const { valuesOnly, formulaCount, errorCellCount } = require("../build/bench/tests/support/values-only");
  const runs = Number(process.env.BENCH_RECALC_RUNS || 3);
  const peers = recalcPeers();
  const request = recalcRequest(peers);
  const plan = buildReport(recalcDataset(peers), request).plan;
  const formulas = await writeXlsx(plan);
  // The first conversion also gives the values-only copy its results.
  const first = await recalculatedFile(formulas);
  const values = await valuesOnly(first.bytes);
  const formulaCells = await formulaCount(formulas);
  if (formulaCells === 0 || (await formulaCount(values)) !== 0) throw new Error("the formulas workbook must have formulas and its copy none");
  // A workbook whose formulas fail would be timed for nothing.
  const errorCells = await errorCellCount(first.bytes);
  if (errorCells > 0) throw new Error(`the recalculated report has ${errorCells} cells with an error`);
  // The first conversion warmed LibreOffice's profile and the file cache; it is not counted.
  const timed = { formulas: { wall: [], cpu: [] }, values: { wall: [], cpu: [] } };
  for (let i = 0; i < runs; i++) {
    // Alternate the order, so neither always runs after the other.
    for (const which of i % 2 === 0 ? ["values", "formulas"] : ["formulas", "values"]) {
      const { elapsedMs, cpuMs } = await recalculatedFile(which === "values" ? values : formulas);
      timed[which].wall.push(elapsedMs);
      timed[which].cpu.push(cpuMs);
    }
  }
  const mid = (xs) => Math.round(median(xs));
  const data = plan.sheets.find((s) => s.key === "data");
  const result = {
    name: "report-recalc",
    description:
      "LibreOffice headless, forced recalculation on load (tests/support/libreoffice.ts): open, recalculate and save the report of all 13 templates × 10 years (2015-2024) × 50 peer municipalities (synthetic figures) as the product writes it, against the same workbook as values (the formulas replaced by their results); one soffice process per run, paired and alternating, after one warm-up; CPU time (user + system of LibreOffice's processes) and wall time; the recalculated report has no error cells",
    templates: request.sectors.length,
    years: request.years.length,
    peers: peers.length,
    sheets: plan.sheets.length,
    dataRows: data ? data.blocks[0].rows.length - 1 : 0,
    formulaCells,
    formulasBytes: formulas.length,
    valuesBytes: values.length,
    errorCells,
    runs,
    warmUpFormulasMs: first.elapsedMs,
    formulasCpuMedianMs: mid(timed.formulas.cpu),
    valuesCpuMedianMs: mid(timed.values.cpu),
    formulasMedianMs: mid(timed.formulas.wall),
    valuesMedianMs: mid(timed.values.wall),
    formulasCpuRunsMs: timed.formulas.cpu,
    valuesCpuRunsMs: timed.values.cpu,
    formulasRunsMs: timed.formulas.wall,
    valuesRunsMs: timed.values.wall,
    cpuLoadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10),
  };
  // The ratio of the CPU time LibreOffice spends (its processes' user + system time): the
  // work of the recalculation, steady when others share the machine; the wall-time ratio beside it.
  result.ratio = Math.round((result.formulasCpuMedianMs / result.valuesCpuMedianMs) * 100) / 100;
  result.wallRatio = Math.round((result.formulasMedianMs / result.valuesMedianMs) * 100) / 100;
  result.target = "recalculation of the formulas workbook within 1.5x of its values-only copy in LibreOffice's CPU time (issue 12, item 3); wallRatio is the same in wall time, steady only on a quiet machine";
  result.targetMet = result.ratio <= 1.5;
  return [result];
}

/**
 * Peak memory of `kostra report` for 13 templates × 10 years with n municipalities as
 * peers — the whole country (357) and two smaller sizes of the same shape, to show memory
 * growing linearly with the data — each in a fresh process with a 2 GB heap
 * (bench/whole-country.js). Needs the command built (build/cli), which this does first.
 */
async function reportMemoryBenchmarks() {
  const { execFileSync } = require("child_process");
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(__dirname, "..", "tsconfig.cli.json")], { stdio: "inherit" });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kostra-whole-country-"));
  const script = path.join(__dirname, "whole-country.js");
  const HEAP_MB = 2048;
  try {
    const sizes = [];
    for (const n of ["50", "150", "all"]) {
      const made = JSON.parse(execFileSync(process.execPath, [script, "make", tmp, n], { encoding: "utf8", maxBuffer: 1 << 20 }));
      const out = execFileSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, "--trace-gc", script, "report", tmp, n], { encoding: "utf8", maxBuffer: 1 << 28 });
      const result = JSON.parse(/^RESULT (.*)$/m.exec(out)[1]);
      // Heap in use when each collection started: the highest is the peak.
      const heaps = [...out.matchAll(/(?:Scavenge|Mark-Compact|Mark-sweep)[^\d]*([\d.]+) \(/g)].map((m) => Number(m[1]));
      sizes.push({
        peers: made.peers,
        observations: made.observations,
        inputBytes: made.bytes,
        exitCode: result.exitCode,
        seconds: Math.round(result.ms / 100) / 10,
        peakHeapMB: Math.round(Math.max(...heaps)),
        peakRssMB: Math.round(result.peakRssBytes / 1e6),
        xlsxBytes: result.fileBytes,
      });
      fs.rmSync(path.join(tmp, `report-${n}.xlsx`), { force: true });
    }
    const whole = sizes[sizes.length - 1];
    // Linear: the heap per observation of the largest size is no more than 1.5 × that of the smallest.
    const perObservation = sizes.map((s) => s.peakHeapMB / s.observations);
    const linearity = Math.round((perObservation[perObservation.length - 1] / perObservation[0]) * 100) / 100;
    return [
      {
        name: "report-cli-memory",
        description: `kostra report --sector <all 13 templates> --years 2015-2024 --network custom --peers <n municipalities of 2024> on a kostra fetch file of synthetic data, in a fresh process with --max-old-space-size=${HEAP_MB}: time, peak heap (from the GC trace) and peak RSS (VmHWM), for 50, 150 and all 357 municipalities as peers`,
        heapLimitMB: HEAP_MB,
        sizes,
        wholeCountryPeakHeapMB: whole.peakHeapMB,
        wholeCountryPeakRssMB: whole.peakRssMB,
        heapPerObservationLargestToSmallest: linearity,
        target: "the whole-country report is written (exit 0) within a 2 GB heap; heap per observation at the largest size at most 1.5 × that at the smallest (linear growth)",
        targetMet: sizes.every((s) => s.exitCode === 0) && whole.peakHeapMB <= HEAP_MB && linearity <= 1.5,
      },
    ];
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const GROUPS = {
  jsonstat: async () => [...(await jsonstatBenchmarks()), ...(await readPathBenchmarks())],
  ssb: ssbLoadBenchmarks,
  report: reportBenchmarks,
  recalc: recalcBenchmarks,
  memory: reportMemoryBenchmarks,
  pane: () => require("./pane").paneBenchmarks(),
  proxy: async () => [await require("./release-day").releaseDay()],
};

async function main() {
  const only = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(",").map((x) => x.trim()) : Object.keys(GROUPS);
  const unknown = only.filter((g) => !(g in GROUPS));
  if (unknown.length) throw new Error(`BENCH_ONLY: unknown group(s) ${unknown.join(", ")}; known: ${Object.keys(GROUPS).join(", ")}`);
  const fresh = [];
  for (const group of Object.keys(GROUPS)) if (only.includes(group)) fresh.push(...(await GROUPS[group]()));
  const file = path.join(__dirname, "results.json");
  // A partial run replaces its own entries and keeps the others.
  const kept = only.length < Object.keys(GROUPS).length && fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")).benchmarks : [];
  const benchmarks = [...kept.map((b) => fresh.find((f) => f.name === b.name) ?? b), ...fresh.filter((f) => !kept.some((b) => b.name === f.name))];
  const out = {
    measuredAt: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    ...(kept.length ? { partialRun: only } : {}),
    benchmarks,
  };
  fs.writeFileSync(file, JSON.stringify(out, null, 2) + "\n");
  for (const b of fresh) console.log(`${b.name}: ${JSON.stringify({ ...b, description: undefined, oursRunsMs: undefined, baselineRunsMs: undefined, serverRunsMs: undefined, cacheRunsMs: undefined, formulasRunsMs: undefined, valuesRunsMs: undefined, formulasCpuRunsMs: undefined, valuesCpuRunsMs: undefined })}`);
  console.log(`written to ${path.relative(process.cwd(), file)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
