/**
 * Hostile-input corpus, area "the price-index tables read back before «Oppdater»": a shared
 * workbook's time-series sheet can hold anything in the table's year, growth and source
 * cells. Any value ends in one of two ways only:
 * - refused: the row is not kept, with one short line in each language naming the sheet;
 * - kept: a row the settings' own schema accepts (so it round-trips through the template
 *   settings), and a report whose workbook has exactly the formulas the report planned.
 * Values from fast-check with a fixed seed. All data SYNTHETIC (the embedded sample).
 */
import fc from "fast-check";
import { kommunalDeflator, priceChoiceSchema, priceIndexFor } from "../../../src/kostra/prices";
import { parseInput } from "../../../src/kostra/schema";
import type { SheetValue } from "../../../src/report/data-sheet-read";
import { keptUserRows, readPriceRows, type PriceTableCells } from "../../../src/report/price-table-read";
import { buildReport } from "../../../src/report/report";
import { writeXlsx } from "../../../src/report/xlsx-writer";
import { sampleDataset } from "../../../src/sources/sample";
import { checkWorkbook } from "../../support/xlsx-check";

const GOOD: SheetValue[] = [2017, 2.5, 102.5, "TBU april 2018"];

const hostile = fc.oneof(
  fc.constantFrom<SheetValue>(
    '=HYPERLINK("https://evil.example","x")',
    '=WEBSERVICE("https://evil.example")',
    "#DIV/0!",
    "#N/A",
    "+1+1",
    "@SUM(A1)",
    "=cmd|' /C calc'!A0",
    "\u0000\uFFFE\uD800",
    "x".repeat(40_000),
    "2,5",
    Infinity,
    NaN,
    -1e308,
    1e300,
    -80,
    2017.5,
    3000,
    true,
    null,
    undefined,
    "",
  ),
  fc.string({ maxLength: 60 }),
  fc.double(),
);

/** A cell as Office.js reads it: a formula's `values` is its result, its `formulas` the formula. */
const table = (row: SheetValue[]): PriceTableCells => ({
  sheet: "Utvikling Plan, miljø og kultur",
  firstRow: 30,
  values: [row.map((c) => (typeof c === "string" && c.startsWith("=") ? "#VALUE!" : c))],
  formulas: [row],
});

describe("a hostile price-index table", () => {
  it("refuses the row with one line in each language, or keeps a row the settings accept and the workbook writes as a value", async () => {
    let refused = 0;
    let kept = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(0, 1, 3), hostile, async (col, value) => {
        const row = [...GOOD];
        row[col] = value;
        const read = keptUserRows([table(row)], kommunalDeflator(), undefined);
        for (const n of read.notes)
          for (const line of [n.nb, n.en]) {
            expect(line).toMatch(/^«Utvikling Plan, miljø og kultur», prisindeks\/price index \(rad\/row 30\)/);
            expect(line).not.toMatch(/\n/);
            expect(line.length).toBeLessThan(600);
          }
        if (read.notes.length > 0) {
          refused++;
          expect(read.table).toEqual([]);
          return;
        }
        kept++;
        const choice = parseInput(priceChoiceSchema, JSON.parse(JSON.stringify({ index: "kommunal-deflator", table: read.table })), "prices");
        const { plan } = buildReport(sampleDataset(), { sectors: ["plan-miljo-kultur"], municipality: "0219", year: 2017, years: [2015, 2016, 2017], lang: "nb", prices: { index: priceIndexFor(choice, undefined, "nb")! } });
        const check = await checkWorkbook(await writeXlsx(plan), plan);
        expect(check.problems).toEqual([]);
        for (const f of check.written.cells.values()) expect(f).not.toMatch(/HYPERLINK|WEBSERVICE|cmd|evil/i);
      }),
      { seed: 20260605, numRuns: 80 },
    );
    expect(refused).toBeGreaterThan(0);
    expect(kept).toBeGreaterThan(0);
  }, 300_000);

  it("reads at most the rows a settings table may hold", () => {
    const rows = Array.from({ length: 5000 }, (_, k) => [1990 + (k % 100), 1, 100, ""] as SheetValue[]);
    expect(readPriceRows({ sheet: "S", firstRow: 2, values: rows, formulas: rows }).rows).toHaveLength(100);
  });
});
