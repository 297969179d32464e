/**
 * Hostile-input corpus, area "the previous data sheet": "Oppdater" reads the workbook's data
 * sheet back as the previous figures, and a shared workbook's data sheet can hold anything.
 * Any value in any cell the reader looks at (the key, the value, the SSB symbol, the code,
 * the table, the vintage) ends in one of two ways only:
 * - refused: a KostraError ("bad-input") with one line in each language naming the sheet;
 * - accepted: a report whose workbook has exactly the formulas the report planned — none
 *   added, none changed, no links — and no text from the sheet outside the symbols and
 *   dates the reader admits.
 * Values from fast-check with a fixed seed. All data SYNTHETIC (the embedded sample).
 */
import fc from "fast-check";
import { KostraError } from "../../../src/kostra/errors";
import { datasetFromDataSheet, type SheetValue } from "../../../src/report/data-sheet-read";
import { buildReport, type ReportRequest } from "../../../src/report/report";
import { writeXlsx } from "../../../src/report/xlsx-writer";
import { sampleDataset } from "../../../src/sources/sample";
import { checkWorkbook } from "../../support/xlsx-check";

const request: ReportRequest = { sectors: ["plan-miljo-kultur"], municipality: "0219", year: 2017, years: [2016, 2017], lang: "nb", comparisons: [] };
const HEAD = ["Nøkkel", "Indikator", "Indikator-id", "Kommune", "Kommunenr.", "År", "Verdi", "SSB-symbol", "Tabell", "Spørring", "Hentet", "SSB oppdatert", "Merknad", "Rad"];
const GOOD: SheetValue[] = ["kunstformidling|stavanger|2017", "Kunst", "kunstformidling", "Stavanger", "1103", 2017, 250, "", "12362", "", "", "2026-03-15T07:00:00Z", "", 1];
/** The columns the reader reads: key, code, value, symbol, table, vintage. */
const READ = [0, 4, 6, 7, 8, 11];

const hostile = fc.oneof(
  fc.constantFrom<SheetValue>(
    '=HYPERLINK("https://evil.example","x")',
    "=WEBSERVICE(\"https://evil.example\")",
    "+1+1",
    "@SUM(A1)",
    "-2+3",
    "=cmd|' /C calc'!A0",
    "kunstformidling|stavanger|2017|x",
    "%{3d}1+1|stavanger|2017",
    "\u0000\uFFFE\uD800",
    "x".repeat(40_000),
    Infinity,
    NaN,
    -1e308,
    true,
    null,
    undefined,
  ),
  fc.string({ maxLength: 60 }),
  fc.double(),
);

describe("a hostile previous data sheet", () => {
  it("is refused with one line in each language, or makes a report with only its own formulas", async () => {
    const current = sampleDataset();
    let refused = 0;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...READ), hostile, async (col, value) => {
        const row = [...GOOD];
        row[col] = value;
        let previous;
        try {
          previous = datasetFromDataSheet([HEAD, row], "KOSTRA-data");
        } catch (e) {
          expect(e).toBeInstanceOf(KostraError);
          const { nb, en } = (e as KostraError).text;
          for (const line of [nb, en]) {
            expect(line).toMatch(/^KOSTRA-data/);
            expect(line).not.toMatch(/\n/);
            expect(line.length).toBeLessThan(400);
          }
          refused++;
          return;
        }
        accepted++;
        const { plan } = buildReport(current, { ...request, previous });
        const check = await checkWorkbook(await writeXlsx(plan), plan);
        expect(check.problems).toEqual([]);
        for (const f of check.written.cells.values()) expect(f).not.toMatch(/HYPERLINK|WEBSERVICE|cmd|evil/i);
        // Nothing from the sheet is text in the new report except SSB's symbols and ISO dates.
        const texts = plan.sheets.flatMap((s) => s.blocks.flatMap((b) => b.rows.flat())).flatMap((c) => (c.kind === "text" ? [c.text] : []));
        if (typeof value === "string" && value.length > 3 && !/^\d{4}-\d{2}-\d{2}/.test(value) && !/^\d+$/.test(value)) expect(texts).not.toContain(value);
      }),
      { seed: 20260315, numRuns: 120 },
    );
    expect(refused).toBeGreaterThan(0);
    expect(accepted).toBeGreaterThan(0);
  }, 300_000);
});
