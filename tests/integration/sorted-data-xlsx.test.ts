/**
 * Users sort and filter the data table. A figure reads its value from the row it was
 * written from and checks that row's key; after a sort the row holds another
 * observation, and the figure must find its own by key instead — never take the other
 * row's value. Recalculated by LibreOffice: the report with its data table sorted by value
 * (as a user sorts the "Verdi" column, largest first) and reversed gives every figure of
 * every profile and time-series sheet exactly as the unsorted report does, and the
 * engine's; the computed rows of a merged municipality move with the sort and still
 * compute their sums. Figures are the sample's (Bærum 2017, published seed tables) and,
 * for the merger, SYNTHETIC (tests/support/merger-data.ts).
 */
import type { Dataset } from "../../src/kostra/types";
import type { PlanCell, ReportPlan } from "../../src/report/plan";
import { buildReport, type ReportRequest } from "../../src/report/report";
import { writeXlsx } from "../../src/report/xlsx-writer";
import { sampleDataset } from "../../src/sources/sample";
import { recalculate, type RecalcResult } from "../support/libreoffice";
import { mergerDataset } from "../support/merger-data";
import { reportFormulaCells, sortedDataRows } from "../support/sort-data";
import { LONG_TEST_TIMEOUT_MS } from "../support/timing";

jest.setTimeout(LONG_TEST_TIMEOUT_MS);

const DATA = "KOSTRA-data";

/** The "Verdi" column as a user's descending sort orders it: numbers largest first, then texts, then formulas' rows by key. */
const byValueDescending = (a: PlanCell[], b: PlanCell[]): number => {
  const rank = (c: PlanCell) => (c.kind === "number" ? 0 : c.kind === "text" ? 1 : 2);
  const [x, y] = [a[6], b[6]];
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (x.kind === "number" && y.kind === "number") return y.value - x.value;
  const key = (c: PlanCell[]) => (c[0].kind === "text" ? c[0].text : "");
  return key(a).localeCompare(key(b));
};

/** The data table's rows (without the header) in the order written. */
const dataSheetRows = (plan: ReportPlan): PlanCell[][] => plan.sheets.find((s) => s.key === "data")!.blocks[0].rows.slice(1);
const keysOf = (plan: ReportPlan): string[] => dataSheetRows(plan).map((r) => (r[0].kind === "text" ? r[0].text : ""));

interface Case {
  title: string;
  dataset: Dataset;
  request: ReportRequest;
}

const CASES: Case[] = [
  {
    title: "Bærum 2017, two templates, 2015–2018, population-weighted",
    dataset: sampleDataset(),
    request: { sectors: ["plan-miljo-kultur", "tekniske-tjenester"], municipality: "0219", year: 2017, years: [2015, 2016, 2017, 2018], average: "weighted", comparisons: ["asker"], lang: "nb" },
  },
  {
    title: "Drammen 2018 with its history before the merger summed (computed rows, SYNTHETIC)",
    dataset: mergerDataset(["plan-miljo-kultur"]),
    request: { sectors: ["plan-miljo-kultur"], municipality: "drammen", year: 2018, years: [2017, 2018], average: "weighted", mergedHistory: "sum", lang: "nb" },
  },
];

describe.each(CASES)("a sorted data table recalculated by LibreOffice: $title", ({ dataset, request }) => {
  const { plan, profiles } = buildReport(dataset, request);
  const sorted = sortedDataRows(plan, byValueDescending);
  // The last column, Rad, is each row's place as written: sorted by it, largest first, the table is reversed.
  const rad = (r: PlanCell[]) => (r[r.length - 1].kind === "number" ? (r[r.length - 1] as { value: number }).value : NaN);
  const reversed = sortedDataRows(plan, (a, b) => rad(b) - rad(a));
  const cells = reportFormulaCells(plan);
  let original: RecalcResult;
  let bySort: RecalcResult;

  beforeAll(async () => {
    [original, bySort] = [await recalculate(await writeXlsx(plan)), await recalculate(await writeXlsx(sorted))];
  });

  it("the sort moves most rows, so most figures' own rows hold another observation", () => {
    const before = keysOf(plan);
    const after = keysOf(sorted);
    expect([...after].sort()).toEqual([...before].sort());
    expect(after.filter((k, i) => k !== before[i]).length).toBeGreaterThan(before.length * 0.8);
    expect(cells.length).toBeGreaterThan(50);
  });

  /** The figures that differ between two recalculations, as "sheet!cell: before → after". */
  const differing = (a: RecalcResult, b: RecalcResult): string[] =>
    cells.flatMap(({ sheet, address }) => {
      const [x, y] = [a.value(sheet, address), b.value(sheet, address)];
      const same = typeof x === "number" && typeof y === "number" ? Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x)) : x === y;
      return same ? [] : [`${sheet}!${address}: ${x} → ${y}`];
    });

  it("every profile and time-series figure is what the unsorted report gives", () => {
    expect(differing(original, bySort)).toEqual([]);
    // And the figures are numbers, not blanks that would agree by being empty alike.
    expect(cells.filter(({ sheet, address }) => typeof bySort.value(sheet, address) === "number").length).toBeGreaterThan(cells.length / 2);
  });

  it("the profile's values and averages are the engine's after the sort", () => {
    let compared = 0;
    for (const profile of profiles) {
      const sheet = plan.sheets.find((s) => s.key === `profile:${profile.sector.id}:${profile.year}`)!.name;
      profile.rows.forEach((row, i) => {
        const r = 8 + i;
        if (row.value === null || row.average === null) return;
        expect(bySort.value(sheet, `B${r}`)).toBeCloseTo(row.value, 9);
        expect(bySort.value(sheet, `C${r}`)).toBeCloseTo(row.average, 9);
        compared++;
      });
    }
    expect(compared).toBeGreaterThan(5);
  });

  it("the computed rows moved with the sort and still compute (a merged municipality's sums)", () => {
    const data = sorted.sheets.find((s) => s.key === "data")!;
    const rows = data.blocks[0].rows;
    const computed = rows.map((r, i) => ({ key: r[0].kind === "text" ? r[0].text : "", row: i + 1, formula: r[6].kind === "formula" })).filter((r) => r.formula);
    // A ratio's figures (vei-per-km) and a merged municipality's years before the merger are formulas.
    const written = dataSheetRows(plan).filter((r) => r[6].kind === "formula").length;
    expect(written).toBeGreaterThan(0);
    expect(computed).toHaveLength(written);
    for (const { key, row } of computed) {
      const at = keysOf(plan).indexOf(key) + 2;
      expect(bySort.value(DATA, `A${row}`)).toBe(key);
      const [a, b] = [original.value(DATA, `G${at}`), bySort.value(DATA, `G${row}`)];
      if (typeof a === "number") expect(b).toBeCloseTo(a, 9);
      else expect(b).toBe(a);
    }
  });

  it("reversed (sorted by Rad, largest first), every figure is still the unsorted report's", async () => {
    expect(keysOf(reversed)).toEqual([...keysOf(plan)].reverse());
    expect(differing(original, await recalculate(await writeXlsx(reversed)))).toEqual([]);
  });
});
