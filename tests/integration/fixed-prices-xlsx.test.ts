/**
 * Fixed prices in the workbook, recalculated by LibreOffice (issue 13, item 1's acceptance):
 * Bærum's plan-miljø-kultur 2015–2018 (with tekniske tjenester, whose fee is dated 1 January
 * of the year after, and barnehage, whose shares and key figures must stay as published) in
 * fixed 2018 kroner equals the engine's; changing one growth cell of the price-index table
 * changes exactly the cells that depend on it (every cell of every sheet compared); a year
 * the index lacks leaves its values empty and is named.
 *
 * The figures are the embedded sample (SYNTHETIC) and the growth rates are synthetic too.
 */
import { benchmark, defaultOptions } from "../../src/kostra/benchmark";
import { templateById, templateIndicators } from "../../src/kostra/catalog";
import { fixedValue, isMoneyAmount, linkingYears, priceYear, type FixedPrices, type PriceIndex } from "../../src/kostra/prices";
import { indicatorOverYears } from "../../src/kostra/series";
import type { Indicator } from "../../src/kostra/types";
import { cellAddress, parseCell, type PlanCell, type ReportPlan, type SheetPlan } from "../../src/report/plan";
import { buildReport } from "../../src/report/report";
import { writeXlsx } from "../../src/report/xlsx-writer";
import { sampleDataset } from "../../src/sources/sample";
import { recalculate, type RecalcResult, type RecalcValue } from "../support/libreoffice";
import { LONG_TEST_TIMEOUT_MS } from "../support/timing";

jest.setTimeout(LONG_TEST_TIMEOUT_MS);

const YEARS = [2015, 2016, 2017, 2018];
const BASE = 2018;
const SECTORS = ["plan-miljo-kultur", "tekniske-tjenester", "barnehage"];
/** Synthetic growth rates; 2019 because the 2018 fee is priced at 1 January 2019. */
const INDEX: PriceIndex = {
  id: "kommunal-deflator",
  rows: [
    { year: 2016, growth: 2.1, source: "synthetic", confirmed: true },
    { year: 2017, growth: 2.6, source: "synthetic", confirmed: true },
    { year: 2018, growth: 2.85, source: "synthetic", confirmed: true },
    { year: 2019, growth: 3.1, source: "synthetic", confirmed: true },
  ],
};

function plan(index: PriceIndex, average: "simple" | "weighted" = "simple"): ReportPlan {
  return buildReport(sampleDataset(), { sectors: SECTORS, municipality: "0219", year: BASE, years: YEARS, average, lang: "nb", prices: { index } }).plan;
}

async function recalculated(p: ReportPlan): Promise<RecalcResult> {
  return recalculate(await writeXlsx(p, { creator: "test" }));
}

/** Every cell address the plan writes, per sheet name. */
function planCells(p: ReportPlan): { sheet: string; a1: string }[] {
  const out: { sheet: string; a1: string }[] = [];
  for (const s of p.sheets)
    for (const b of s.blocks) {
      const at = parseCell(b.at);
      b.rows.forEach((row, r) => row.forEach((_, c) => out.push({ sheet: s.name, a1: cellAddress(at.col + c, at.row + r) })));
    }
  return out;
}

const differs = (a: RecalcValue, b: RecalcValue) =>
  typeof a === "number" && typeof b === "number" ? Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a)) : a !== b;

/** The row of the time series' sheet whose column A is `label`, searching from `from`. */
function rowOf(sheet: SheetPlan, label: string, from = 1): number {
  const hits: number[] = [];
  for (const b of sheet.blocks) {
    const at = parseCell(b.at);
    if (at.col !== 1) continue;
    b.rows.forEach((row, r) => {
      const c = row[0] as PlanCell;
      if (c.kind === "text" && c.text.replace(/ \*$/, "") === label && at.row + r >= from) hits.push(at.row + r);
    });
  }
  if (hits.length === 0) throw new Error(`no row ${label}`);
  return Math.min(...hits);
}

/** The template's indicators with the labels the time series shows (a fee dated 1 January says so). */
const labelled = (sector: string) => templateIndicators(templateById(sector)!).map((i) => indicatorOverYears(i, YEARS));
const trendSheet = (p: ReportPlan, sector: string) => p.sheets.find((s) => s.key === `trend:${sector}`)!;
const yearCol = (k: number) => 2 + k;

/** The engine's value, average and index of each indicator and year, in fixed prices where the figure is money. */
function engine(sector: string, prices: FixedPrices, average: "simple" | "weighted" = "simple") {
  const rows = new Map<string, { value: number | null; average: number | null; index: number | null }>();
  for (const y of YEARS) {
    const profile = benchmark(sampleDataset(), { ...defaultOptions(sector, "0219", y), average });
    for (const r of profile.rows) {
      const money = isMoneyAmount(r.indicator);
      const at = priceYear(r.indicator, y);
      const fix = (x: number | null | undefined) => (x == null ? null : money ? fixedValue(x, prices, at) : x);
      rows.set(`${r.indicator.id}|${y}`, { value: fix(r.value), average: fix(r.average), index: r.index ?? null });
    }
  }
  return rows;
}

describe("a fixed-price time series recalculated by LibreOffice", () => {
  let before: RecalcResult;
  let beforePlan: ReportPlan;

  beforeAll(async () => {
    beforePlan = plan(INDEX);
    before = await recalculated(beforePlan);
  });

  it.each(SECTORS)("equals the engine's values, averages and indexes for %s, with money in fixed 2018 kroner", (sector) => {
    const sheet = trendSheet(beforePlan, sector);
    const expected = engine(sector, { index: INDEX, base: BASE });
    const indicators: Indicator[] = labelled(sector);
    const valuesStart = rowOf(sheet, "Indikator");
    let checked = 0;
    for (const ind of indicators) {
      const valueRow = rowOf(sheet, ind.label.nb, valuesStart);
      const averageRow = rowOf(sheet, ind.label.nb, valueRow + 1);
      const indexRow = rowOf(sheet, ind.label.nb, averageRow + 1);
      YEARS.forEach((y, k) => {
        const e = expected.get(`${ind.id}|${y}`)!;
        const col = yearCol(k);
        for (const [row, want] of [[valueRow, e.value], [averageRow, e.average], [indexRow, e.index]] as const) {
          const got = before.value(sheet.name, cellAddress(col, row));
          if (want === null) expect(got === "" || got === null).toBe(true);
          else {
            expect(got).toBeCloseTo(want, 6);
            checked++;
          }
        }
      });
    }
    expect(checked).toBeGreaterThan(indicators.length * YEARS.length * 2);
  });

  it("equals the engine's weighted averages in fixed kroner too (Σ amounts ÷ Σ population, converted after)", async () => {
    const p = plan(INDEX, "weighted");
    const r = await recalculated(p);
    for (const sector of ["plan-miljo-kultur", "tekniske-tjenester"]) {
      const sheet = trendSheet(p, sector);
      const expected = engine(sector, { index: INDEX, base: BASE }, "weighted");
      const valuesStart = rowOf(sheet, "Indikator");
      let checked = 0;
      for (const ind of labelled(sector)) {
        const valueRow = rowOf(sheet, ind.label.nb, valuesStart);
        const averageRow = rowOf(sheet, ind.label.nb, valueRow + 1);
        YEARS.forEach((y, k) => {
          const want = expected.get(`${ind.id}|${y}`)!.average;
          const got = r.value(sheet.name, cellAddress(yearCol(k), averageRow));
          if (want === null) expect(got === "" || got === null).toBe(true);
          else {
            expect(got).toBeCloseTo(want, 6);
            checked++;
          }
        });
      }
      expect(checked).toBeGreaterThan(YEARS.length);
    }
  });

  it("says fixed 2018 kroner and the index in the headings and the chart title", () => {
    const sheet = trendSheet(beforePlan, "plan-miljo-kultur");
    const texts = sheet.blocks.flatMap((b) => b.rows.flat()).flatMap((c) => (c.kind === "text" ? [c.text] : []));
    expect(texts).toContain("Verdier (faste 2018-kroner, kommunal deflator)");
    expect(texts.some((t) => t.startsWith("Prisindeks: kommunal deflator (prisnivå 2018 = 100)"))).toBe(true);
    expect(sheet.charts![0].title).toContain("(faste 2018-kroner, kommunal deflator)");
  });

  it.each([
    [2016, "below the base year: only 2015's level and the cells using it"],
    [2019, "above the base year: only 2019's level and the 2018 fee priced in it"],
  ])("changing the growth of %i changes exactly the dependent cells (%s)", async (year) => {
    const changedIndex: PriceIndex = { ...INDEX, rows: INDEX.rows.map((r) => (r.year === year ? { ...r, growth: r.growth + 1.7 } : r)) };
    const afterPlan = plan(changedIndex);
    const after = await recalculated(afterPlan);
    const cells = planCells(beforePlan);
    expect(planCells(afterPlan)).toEqual(cells);

    // What should change: the growth cell, the levels the changed growth links to the base year,
    // and in every time series the money cells priced in those years and the changes next to them.
    const relinked = new Set([2015, 2016, 2017, 2018, 2019].filter((y) => linkingYears(y, BASE).includes(year)));
    const expected = new Set<string>();
    for (const sector of SECTORS) {
      const sheet = trendSheet(beforePlan, sector);
      const valuesStart = rowOf(sheet, "Indikator");
      for (const ind of labelled(sector)) {
        if (!isMoneyAmount(ind)) continue;
        const valueRow = rowOf(sheet, ind.label.nb, valuesStart);
        const averageRow = rowOf(sheet, ind.label.nb, valueRow + 1);
        YEARS.forEach((y, k) => {
          if (!relinked.has(priceYear(ind, y))) return;
          for (const row of [valueRow, averageRow]) expected.add(`${sheet.name}!${cellAddress(yearCol(k), row)}`);
          // The percentage change into this year and out of it.
          if (k > 0) expected.add(`${sheet.name}!${cellAddress(yearCol(k), valueRow + 1)}`);
          if (k < YEARS.length - 1) expected.add(`${sheet.name}!${cellAddress(yearCol(k + 1), valueRow + 1)}`);
        });
      }
    }
    const changed = new Set(cells.filter(({ sheet, a1 }) => differs(before.value(sheet, a1), after.value(sheet, a1))).map(({ sheet, a1 }) => `${sheet}!${a1}`));
    // The price-index table's own cells: the growth typed, and the levels it relinks.
    const tableCells = [...changed].filter((c) => !expected.has(c));
    for (const sector of SECTORS) {
      const name = trendSheet(beforePlan, sector).name;
      const own = tableCells.filter((c) => c.startsWith(`${name}!`)).map((c) => c.slice(name.length + 1));
      // Only the table's growth (B) and level (C) cells, in the rows of the years it lists.
      const first = priceTableRow(trendSheet(beforePlan, sector));
      const listedRows = tableYears(sector).map((_, k) => first + k);
      const growthAndLevels = own.filter((a1) => /^[BC]\d+$/.test(a1) && listedRows.includes(parseCell(a1).row));
      expect(own).toEqual(growthAndLevels);
      // One growth cell and one level per relinked year, where the sheet's table lists the year.
      const listed = tableYears(sector);
      expect(growthAndLevels.filter((a1) => a1.startsWith("B"))).toHaveLength(listed.includes(year) ? 1 : 0);
      expect(growthAndLevels.filter((a1) => a1.startsWith("C")).length).toBe([...relinked].filter((y) => listed.includes(y)).length);
    }
    // Every expected cell changed (a money value that is missing stays empty in both).
    for (const c of expected) {
      const [sheet, a1] = c.split("!");
      if (before.value(sheet, a1) === "" && after.value(sheet, a1) === "") continue;
      expect(changed.has(c)).toBe(true);
    }
    // Nothing on the data sheet or the profiles changed, nor any index, share or key figure.
    for (const c of changed) expect(trendSheetNames(beforePlan)).toContain(c.split("!")[0]);
    // The engine agrees after the change as before.
    const sheet = trendSheet(afterPlan, "plan-miljo-kultur");
    const e = engine("plan-miljo-kultur", { index: changedIndex, base: BASE });
    const first = templateIndicators(templateById("plan-miljo-kultur")!)[0];
    const valueRow = rowOf(sheet, first.label.nb, rowOf(sheet, "Indikator"));
    YEARS.forEach((y, k) => expect(after.value(sheet.name, cellAddress(yearCol(k), valueRow))).toBeCloseTo(e.get(`${first.id}|${y}`)!.value!, 6));
  });

  it("leaves empty the years a missing growth cannot link, names them, and keeps the rest", async () => {
    const gappy: PriceIndex = { ...INDEX, rows: INDEX.rows.filter((r) => r.year !== 2016) };
    const p = plan(gappy);
    const r = await recalculated(p);
    const sheet = trendSheet(p, "plan-miljo-kultur");
    const texts = sheet.blocks.flatMap((b) => b.rows.flat()).flatMap((c) => (c.kind === "text" ? [c.text] : []));
    expect(texts.some((t) => t.includes("mangler vekst for 2016"))).toBe(true);
    const e = engine("plan-miljo-kultur", { index: gappy, base: BASE });
    const first = templateIndicators(templateById("plan-miljo-kultur")!)[0];
    const valueRow = rowOf(sheet, first.label.nb, rowOf(sheet, "Indikator"));
    expect(r.value(sheet.name, cellAddress(yearCol(0), valueRow))).toBe("");
    expect(e.get(`${first.id}|2015`)!.value).toBeNull();
    YEARS.slice(1).forEach((y, k) => expect(r.value(sheet.name, cellAddress(yearCol(k + 1), valueRow))).toBeCloseTo(e.get(`${first.id}|${y}`)!.value!, 6));
  });
});

/** The price years a sector's table lists: every year its money figures are priced in, and the base year. */
function tableYears(sector: string): number[] {
  const needed = [BASE, ...templateIndicators(templateById(sector)!).filter((i) => isMoneyAmount(i)).flatMap((i) => YEARS.map((y) => priceYear(i, y)))];
  const lo = Math.min(...needed);
  return Array.from({ length: Math.max(...needed) - lo + 1 }, (_, k) => lo + k);
}

/** The first row of the price-index table: the row under its "År" header. */
function priceTableRow(sheet: SheetPlan): number {
  const header = sheet.blocks.find((b) => b.style === "header" && b.rows[0][0].kind === "text" && b.rows[0][0].text === "År")!;
  return parseCell(header.at).row + 1;
}

function trendSheetNames(p: ReportPlan): string[] {
  return p.sheets.filter((s) => s.key.startsWith("trend:")).map((s) => s.name);
}
