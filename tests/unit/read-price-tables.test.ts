/**
 * "Oppdater" on a report in fixed prices, through the gateway: the report written into a
 * (fake) workbook, the user's corrections typed into the time-series sheets' price-index
 * tables, the tables read back before the rewrite, and the report written again with the
 * user's rows kept — in the settings' rows and in the new sheets. Data: the SYNTHETIC sample;
 * the growth figures typed here are invented for the test.
 */
import { readPriceTables } from "../../src/excel/read-price-tables";
import { kommunalDeflator, priceIndexFor, type UserIndexRow } from "../../src/kostra/prices";
import { keptUserRows } from "../../src/report/price-table-read";
import { buildReport, type ReportRequest } from "../../src/report/report";
import type { OwnedSheet } from "../../src/report/template-settings";
import { sampleDataset } from "../../src/sources/sample";
import { createFakeExcel } from "../support/fake-excel";
import { rewriteOn } from "../support/gateway-runs";

type Fake = ReturnType<typeof createFakeExcel>;
const request: ReportRequest = { sectors: ["plan-miljo-kultur", "tekniske-tjenester"], municipality: "0219", year: 2017, years: [2015, 2016, 2017], lang: "nb", comparisons: [] };

async function writeReport(f: Fake, table: UserIndexRow[] | undefined) {
  const index = priceIndexFor({ index: "kommunal-deflator", ...(table ? { table } : {}) }, undefined, "nb")!;
  return (await rewriteOn(f, buildReport(sampleDataset(), { ...request, prices: { index } }).plan)).sheets;
}

/** What the pane does on "Oppdater": read the tables, keep the user's rows, write the report with them. */
async function update(f: Fake, owned: OwnedSheet[], table: UserIndexRow[] | undefined) {
  const tables = await readPriceTables(owned, f.run);
  const kept = keptUserRows(tables, kommunalDeflator(), table);
  return { ...kept, tables, owned: await writeReport(f, kept.table.length ? kept.table : undefined) };
}

const trendSheets = (f: Fake, owned: OwnedSheet[]) =>
  owned.filter((s) => s.key.startsWith("trend:")).sort((a, b) => f.workbook.sheetNames().indexOf(a.name) - f.workbook.sheetNames().indexOf(b.name)).map((s) => s.name);

/** The row (1-based) of a year in a sheet's price-index table. */
function yearRow(f: Fake, sheet: string, year: number): number {
  const a = f.workbook.sheet(sheet).values("A1:A400").map((r) => r[0]);
  const header = a.findIndex((x, i) => x === "År" && typeof a[i - 1] === "string" && (a[i - 1] as string).startsWith("Prisindeks:"));
  const i = a.findIndex((x, k) => k > header && x === year);
  expect(i).toBeGreaterThan(header);
  return i + 1;
}
const growthAt = (f: Fake, sheet: string, year: number) => f.workbook.sheet(sheet).values(`B${yearRow(f, sheet, year)}`)[0][0];
const typeGrowth = (f: Fake, sheet: string, year: number, value: unknown) => f.workbook.sheet(sheet).setValues(`B${yearRow(f, sheet, year)}`, [[value]]);

describe("the price-index tables, read back before «Oppdater»", () => {
  it("keeps an edited growth and an added year, in the settings' rows and in every rewritten sheet", async () => {
    const f = createFakeExcel({ sheets: ["Ark1"] });
    const owned = await writeReport(f, undefined);
    const [first, second] = trendSheets(f, owned);
    expect(growthAt(f, first, 2016)).toBe(2.7); // shipped
    expect(growthAt(f, first, 2017)).toBe(""); // not shipped: the user adds it
    typeGrowth(f, first, 2016, 2.5);
    typeGrowth(f, second, 2017, 1.9);
    const after = await update(f, owned, undefined);
    expect(after.notes).toEqual([]);
    expect(after.table).toEqual([
      { year: 2016, growth: 2.5 },
      { year: 2017, growth: 1.9 },
    ]);
    for (const sheet of [first, second]) {
      expect(growthAt(f, sheet, 2016)).toBe(2.5);
      expect(growthAt(f, sheet, 2017)).toBe(1.9);
      expect(f.workbook.sheet(sheet).values(`D${yearRow(f, sheet, 2017)}`)[0][0]).toBe("skrevet inn av brukeren");
    }
    // A second "Oppdater" with nothing changed keeps the same rows.
    expect((await update(f, after.owned, after.table)).table).toEqual(after.table);
  });

  it("gives the shipped figure back for a growth cell the user empties", async () => {
    const f = createFakeExcel({ sheets: ["Ark1"] });
    const table = [{ year: 2016, growth: 2.5 }, { year: 2017, growth: 1.9 }];
    const owned = await writeReport(f, table);
    const [first, second] = trendSheets(f, owned);
    expect(growthAt(f, second, 2016)).toBe(2.5);
    typeGrowth(f, second, 2016, "");
    const after = await update(f, owned, table);
    expect(after.table).toEqual([{ year: 2017, growth: 1.9 }]);
    expect(growthAt(f, first, 2016)).toBe(2.7);
    expect(f.workbook.sheet(first).values(`D${yearRow(f, first, 2016)}`)[0][0]).toMatch(/^Anslag i statsbudsjettet 2016/);
  });

  it("refuses formulas, text, error values and huge strings with a note, and never writes them back", async () => {
    const f = createFakeExcel({ sheets: ["Ark1"] });
    const owned = await writeReport(f, [{ year: 2017, growth: 1.9 }]);
    const [first, second] = trendSheets(f, owned);
    const sheet = f.workbook.sheet(first);
    sheet.setCell(`B${yearRow(f, first, 2016)}`, { formula: '=HYPERLINK("http://evil.example","9")', result: 9 });
    typeGrowth(f, first, 2017, "mye");
    sheet.setCell(`B${yearRow(f, first, 2015)}`, { formula: "=1/0", result: "#DIV/0!" });
    f.workbook.sheet(second).setValues(`D${yearRow(f, second, 2017)}`, [["x".repeat(5000)]]);
    const after = await update(f, owned, [{ year: 2017, growth: 1.9 }]);
    const nb = after.notes.map((n) => n.nb).join("\n");
    for (const y of [2015, 2016]) expect(nb).toContain(`«${first}», prisindeks/price index (rad/row ${yearRow(f, first, y)}): en formel i år-, vekst- eller kildecellen er ikke tatt med`);
    expect(nb).toContain(`«${first}», prisindeks/price index (rad/row ${yearRow(f, first, 2017)}): «growth» forventet et tall, fikk "mye". Raden er ikke tatt med.`);
    expect(nb).toMatch(new RegExp(`«${second}».*«source»`));
    expect(after.notes.every((n) => n.en.length > 0)).toBe(true);
    expect(after.notes).toHaveLength(4);
    // The settings' row stands; nothing typed is kept, and no growth cell holds a formula.
    expect(after.table).toEqual([{ year: 2017, growth: 1.9 }]);
    for (const s of [first, second]) {
      const rows = [2015, 2016, 2017].map((y) => yearRow(f, s, y));
      expect(rows.map((r) => f.workbook.sheet(s).formulas(`B${r}`)[0][0])).toEqual(["", 2.7, 1.9]);
    }
  });

  it("lets the first sheet in the workbook win where two were corrected differently, and says so", async () => {
    const f = createFakeExcel({ sheets: ["Ark1"] });
    const owned = await writeReport(f, undefined);
    const [first, second] = trendSheets(f, owned);
    typeGrowth(f, second, 2016, 2.9);
    typeGrowth(f, first, 2016, 2.5);
    const after = await update(f, owned, undefined);
    expect(after.tables.map((t) => t.sheet)).toEqual([first, second]);
    expect(after.table).toEqual([{ year: 2016, growth: 2.5 }]);
    expect(after.notes).toEqual([
      {
        nb: `Prisindeksen for 2016 er rettet ulikt på arkene «${first}» (2,5) og «${second}» (2,9); tallet på «${first}», det første av dem i arbeidsboken, gjelder.`,
        en: `The price index for 2016 was corrected differently on the sheets "${first}" (2.5) and "${second}" (2.9); the figure on "${first}", the first of them in the workbook, is used.`,
      },
    ]);
    expect(growthAt(f, second, 2016)).toBe(2.5);
  });

  it("reads nothing from a report without time-series sheets, nor from one the user renamed", async () => {
    const f = createFakeExcel({ sheets: ["Ark1"] });
    const owned = await writeReport(f, undefined);
    expect(await readPriceTables(owned.filter((s) => !s.key.startsWith("trend:")), f.run)).toEqual([]);
    const renamed = owned.map((s) => (s.key.startsWith("trend:") ? { ...s, name: `${s.name} (mitt)` } : s));
    expect(await readPriceTables(renamed, f.run)).toEqual([]);
    expect(priceIndexFor({ index: "kommunal-deflator" }, undefined, "nb")).toEqual(kommunalDeflator());
  });
});
