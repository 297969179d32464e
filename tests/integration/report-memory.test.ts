/**
 * `kostra report` in a bounded heap: all 13 templates × 10 years with 50 municipalities as
 * peers (1.1 million cells, a 12 MB input file of synthetic data) is written within a
 * 700 MB heap. The writer that kept a spreadsheet library's object per cell needed 1.8 GB
 * for it and could not write the whole-country report (357 peers) in 5 GB; the benchmark
 * (report-cli-memory) runs that one within 2 GB.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { writeObservationsFile } from "../../src/sources/observations-file";
import { kostra } from "../support/kostra-process";
import { LARGEST_REQUEST, wholeCountryDataset, wholeCountryRequest } from "../support/largest-report";
import { LONG_TEST_TIMEOUT_MS } from "../support/timing";

jest.setTimeout(LONG_TEST_TIMEOUT_MS);

const PEERS = 50;
const HEAP_MB = 700;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "kostra-report-memory-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it(`writes 13 templates × 10 years with ${PEERS} peers within a ${HEAP_MB} MB heap`, async () => {
  const dataset = wholeCountryDataset(PEERS);
  const input = join(dir, "country.json");
  writeFileSync(input, writeObservationsFile(dataset, { createdAt: new Date("2026-01-01T00:00:00Z") }));
  const out = join(dir, "rapport.xlsx");
  const run = await kostra(
    [
      "report",
      "--input", input,
      "--sector", LARGEST_REQUEST.sectors.join(","),
      "--municipality", "0219",
      "--year", "2024",
      "--years", "2015-2024",
      "--network", "custom",
      "--peers", wholeCountryRequest(PEERS).peers!.join(","),
      "--out", out,
    ],
    { env: { NODE_OPTIONS: `--max-old-space-size=${HEAP_MB}` } },
  );
  expect(run.err).not.toMatch(/heap out of memory/);
  expect(run.code).toBe(0);
  // The whole report is in the file: every sheet, and the data sheet down to its last row.
  const zip = await JSZip.loadAsync(readFileSync(out));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  expect(workbook.match(/<sheet /g)).toHaveLength(2 * LARGEST_REQUEST.sectors.length + 1);
  const data = await zip.file(`xl/worksheets/sheet${2 * LARGEST_REQUEST.sectors.length + 1}.xml`)!.async("string");
  const rows = Number(/<dimension ref="A1:[A-Z]+(\d+)"\/>/.exec(data)![1]);
  expect(rows).toBeGreaterThan(dataset.observations.length / 2);
  expect(data.lastIndexOf(`<row r="${rows}">`)).toBeGreaterThan(0);
});
