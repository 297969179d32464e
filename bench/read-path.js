/**
 * The whole read path of a data file, file bytes to observations, measured in a process of
 * its own so that its peak memory is its own (bench/run.js starts one per reader and run).
 *
 *   node --expose-gc bench/read-path.js make <file>            writes the 1,000,000-cell JSON-stat file
 *   node --expose-gc bench/read-path.js make-csv <file>        writes the whole-country tidy CSV
 *   node --expose-gc bench/read-path.js make-fetch-file <csv> <file>
 *                                                              writes the CSV's observations as `kostra fetch` would
 *   node --expose-gc bench/read-path.js <reader> <file>        prints {ms, peakRssBytes, …}
 *
 * Readers:
 *   ours      the product's readDataFile (src/sources/file.ts), for any data file: decode,
 *             JSON.parse or the CSV reader, schema, observations of the catalog's
 *             indicators, provenance and warnings; then combineInputs (src/sources/inputs.ts),
 *             which gives the engine the files' observations.
 *   toolkit   jsonstat-toolkit doing the same from the same bytes: decode, JSON.parse,
 *             JSONstat(), then every cell (Unflatten) into an observation-like record
 *             {region, year, value, status, codes of the other dimensions}.
 *   parse     decode + JSON.parse alone (the floor every JSON reader stands on).
 *   split     decode + split into lines + split each line at ";" (the floor for a CSV: the
 *             fields as text, kept, nothing checked or typed).
 *
 * The product's modules are loaded from build/bench/src (npm run bench compiles them), or
 * from the directory READ_PATH_BUILD names (the CLI build, `build`, for the tests).
 *
 * Peak memory is the process's peak resident set (VmHWM, Linux, reset after start-up and a
 * full GC) minus its resident set then, i.e. what reading the file added at its highest.
 */
"use strict";
const fs = require("fs");
const path = require("path");

const BUILD = process.env.READ_PATH_BUILD ? path.resolve(process.env.READ_PATH_BUILD) : path.join(__dirname, "..", "build", "bench", "src");

function status() {
  const text = fs.readFileSync("/proc/self/status", "utf8");
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(text)?.[1] ?? NaN) * 1024;
  return { rss: kb("VmRSS"), hwm: kb("VmHWM") };
}

/**
 * A table 12362 response as SSB sends it for every municipality code in use 2015–2024 and
 * the art codes and as many of the function codes the catalog reads from 12362 as make
 * 1,000,000 cells (at least; padded with other codes of the same shape if too few), both contents (kr per
 * inhabitant and 1000 kr). Values are SYNTHETIC; every 97th cell is null with status "..".
 */
function makeFile(file) {
  const { buildSsbDataset } = require("../tests/support/ssb-shape");
  const { INDICATORS } = require(path.join(BUILD, "kostra/catalog"));
  const { allSelectors } = require(path.join(BUILD, "kostra/series"));
  const { MUNICIPALITIES, isCodeValidInYear } = require(path.join(BUILD, "kostra/municipalities"));
  const years = Array.from({ length: 10 }, (_, i) => 2015 + i);
  const regions = new Set();
  for (const m of MUNICIPALITIES) for (const { code } of m.codes) if (years.some((y) => isCodeValidInYear(code, y))) regions.add(code);
  const fromCatalog = { KOKfunksjon0000: new Set(), KOKart0000: new Set() };
  for (const ind of INDICATORS)
    for (const s of allSelectors(ind))
      if (s.table === "12362") for (const dim of Object.keys(fromCatalog)) for (const c of s.select[dim] ?? []) fromCatalog[dim].add(c);
  const arts = [...fromCatalog.KOKart0000];
  const contents = ["KOSbelopinnbygge0000", "KOSbelop0000"];
  // As many function codes as make 1,000,000 cells (at least), the catalog's first.
  const perFunction = regions.size * arts.length * contents.length * years.length;
  const functions = [...fromCatalog.KOKfunksjon0000].slice(0, Math.ceil(1_000_000 / perFunction));
  for (let f = 900; functions.length * perFunction < 1_000_000; f++) if (!functions.includes(String(f))) functions.push(String(f));
  let k = 0;
  const ds = buildSsbDataset({
    table: "12362",
    title: "12362: synthetic benchmark response",
    order: ["KOKkommuneregion0000", "KOKfunksjon0000", "KOKart0000", "ContentsCode", "Tid"],
    dims: {
      KOKkommuneregion0000: { codes: [...regions].sort() },
      KOKfunksjon0000: { codes: functions },
      KOKart0000: { codes: arts },
      ContentsCode: { codes: contents },
      Tid: { codes: years.map(String) },
    },
    cell: () => {
      k++;
      if (k % 97 === 0) return { value: null, status: ".." };
      return ((k * 7919) % 100000) / 10 + 1;
    },
  });
  fs.writeFileSync(file, JSON.stringify(ds));
  return { cells: k, regions: regions.size, functions: functions.length, catalogFunctions: fromCatalog.KOKfunksjon0000.size, arts: arts.length, bytes: fs.statSync(file).size };
}

/**
 * A tidy CSV of every catalog indicator for every municipality code in use 2015–2024, as a
 * user's own export of the whole country would be (region;indikator;år;verdi;status, decimal
 * comma): about 600,000 rows and 24 MB. Values are SYNTHETIC; every 97th row is missing
 * ("..").
 */
function makeCsv(file) {
  const { INDICATORS } = require(path.join(BUILD, "kostra/catalog"));
  const { MUNICIPALITIES, codeForYear } = require(path.join(BUILD, "kostra/municipalities"));
  const out = fs.openSync(file, "w");
  let rows = 0;
  try {
    fs.writeSync(out, "region;indikator;år;verdi;status\n");
    for (let year = 2015; year <= 2024; year++) {
      const lines = [];
      for (const m of MUNICIPALITIES) {
        const code = codeForYear(m, year);
        if (code === undefined) continue;
        for (const ind of INDICATORS) {
          rows++;
          const value = rows % 97 === 0 ? ";.." : `${String(((rows * 7919) % 1000000) / 10).replace(".", ",")};`;
          lines.push(`${code};${ind.id};${year};${value}\n`);
        }
      }
      fs.writeSync(out, lines.join(""));
    }
  } finally {
    fs.closeSync(out);
  }
  return { rows, bytes: fs.statSync(file).size };
}

const READERS = {
  ours(bytes, name) {
    const { readDataFile } = require(path.join(BUILD, "sources/file"));
    const { combineInputs } = require(path.join(BUILD, "sources/inputs"));
    const r = readDataFile(bytes, name);
    // As `kostra report --input` and the pane's import give the file to the engine.
    const { dataset } = combineInputs([{ name, ...r }]);
    return { records: dataset.observations.length };
  },
  toolkit(bytes) {
    const JSONstat = require("jsonstat-toolkit");
    const ds = JSONstat(JSON.parse(new TextDecoder("utf-8").decode(bytes)));
    const ids = ds.id;
    const region = ids[0];
    const time = ids[ids.length - 1];
    const others = ids.slice(1, -1);
    const records = [];
    ds.Unflatten((coords, point) => {
      const codes = {};
      for (const d of others) codes[d] = coords[d];
      records.push({ region: coords[region], year: Number(coords[time]), value: point.value, status: point.status ?? undefined, codes });
    });
    return { records: records.length };
  },
  parse(bytes) {
    const json = JSON.parse(new TextDecoder("utf-8").decode(bytes));
    return { records: (json.value ?? json.observations).length };
  },
  split(bytes) {
    const rows = new TextDecoder("utf-8").decode(bytes).split("\n").map((line) => line.split(";"));
    return { records: rows.length };
  },
};

function main() {
  const [what, file] = process.argv.slice(2);
  if (what === "make") {
    console.log(JSON.stringify(makeFile(file)));
    return;
  }
  if (what === "make-csv") {
    console.log(JSON.stringify(makeCsv(file)));
    return;
  }
  if (what === "make-fetch-file") {
    const { readDataFile } = require(path.join(BUILD, "sources/file"));
    const { writeObservationsFile } = require(path.join(BUILD, "sources/observations-file"));
    const { dataset } = readDataFile(fs.readFileSync(file), path.basename(file));
    fs.writeFileSync(process.argv[4], writeObservationsFile(dataset, { createdAt: new Date("2026-01-01T00:00:00Z") }));
    console.log(JSON.stringify({ observations: dataset.observations.length }));
    return;
  }
  const reader = READERS[what];
  if (!reader || !file) throw new Error("usage: read-path.js make|make-csv|make-fetch-file|ours|toolkit|parse|split <file>");
  // Load the code first, so that only reading counts.
  try {
    reader(Buffer.from('{"version":"2.0","class":"dataset","id":[],"size":[],"dimension":{},"value":[]}'), "warm-up.json");
  } catch {
    // An empty cube is refused; the modules are loaded all the same.
  }
  global.gc?.();
  // Reset the peak to the current resident set (Linux: "5" to clear_refs), so the peak is the read's.
  fs.writeFileSync("/proc/self/clear_refs", "5");
  const before = status().rss;
  const bytes = fs.readFileSync(file);
  const t0 = process.hrtime.bigint();
  const r = reader(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), path.basename(file));
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const after = status();
  console.log(JSON.stringify({ reader: what, ms, records: r.records, peakRssBytes: after.hwm - before, heapUsedBytes: process.memoryUsage().heapUsed }));
}

main();
