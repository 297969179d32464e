/**
 * The data sheet's in-order cell: TRUE while every row of the data table stands where it
 * was written (its "Rad" equal to its place), which is when each figure may read its own
 * row's value; anything else — a sort, a row whose "Rad" has been typed over — makes it
 * FALSE, and every figure then finds its observation by key (src/report/data-sheet.ts).
 * Recalculated by LibreOffice; figures are the sample's (Bærum 2017, published seed tables).
 */
import { cellAddress, parseCell, type PlanCell, type ReportPlan } from "../../src/report/plan";
import { buildReport } from "../../src/report/report";
import { writeXlsx } from "../../src/report/xlsx-writer";
import { sampleDataset } from "../../src/sources/sample";
import { recalculate, type RecalcResult } from "../support/libreoffice";
import { reportFormulaCells, sortedDataRows } from "../support/sort-data";
import { LONG_TEST_TIMEOUT_MS } from "../support/timing";

jest.setTimeout(LONG_TEST_TIMEOUT_MS);

const DATA = "KOSTRA-data";
const { plan } = buildReport(sampleDataset(), { sectors: ["plan-miljo-kultur"], municipality: "0219", year: 2017, years: [2016, 2017], average: "weighted", comparisons: ["asker"], lang: "nb" });

/** The in-order cell's address on the data sheet (row 1, right of the table). */
function inOrderAddress(p: ReportPlan): string {
  const block = p.sheets.find((s) => s.key === "data")!.blocks[1];
  const at = parseCell(block.at);
  return cellAddress(at.col + 1, at.row);
}

/** The plan with one data row's "Rad" (its last cell) typed over by the user. */
function radTypedOver(p: ReportPlan, row: number, cell: PlanCell): ReportPlan {
  return {
    ...p,
    sheets: p.sheets.map((s) => {
      if (s.key !== "data") return s;
      const [table, ...rest] = s.blocks;
      const rows = table.rows.map((r, i) => (i === row - 1 ? [...r.slice(0, -1), cell] : r));
      return { ...s, blocks: [{ ...table, rows }, ...rest] };
    }),
  };
}

/** Figures (sheet!address) whose recalculated value differs between two workbooks. */
function differing(a: RecalcResult, b: RecalcResult): string[] {
  return reportFormulaCells(plan)
    .filter(({ sheet, address }) => a.value(sheet, address) !== b.value(sheet, address))
    .map(({ sheet, address }) => `${sheet}!${address}`);
}

describe("the data sheet's in-order cell, recalculated by LibreOffice", () => {
  let written: RecalcResult;
  beforeAll(async () => {
    written = await recalculate(await writeXlsx(plan));
  });

  it("is TRUE for the table as written, and no figure is an error", () => {
    expect(written.value(DATA, inOrderAddress(plan))).toBe(true);
    const errors = reportFormulaCells(plan).filter(({ sheet, address }) => /^#/.test(String(written.value(sheet, address))));
    expect(errors).toEqual([]);
  });

  it("is FALSE once the table is sorted, and every figure is still the written table's", async () => {
    const rad = (r: PlanCell[]) => (r[r.length - 1] as { value: number }).value;
    const sorted = sortedDataRows(plan, (a, b) => rad(b) - rad(a));
    const r = await recalculate(await writeXlsx(sorted));
    expect(r.value(DATA, inOrderAddress(sorted))).toBe(false);
    expect(differing(written, r)).toEqual([]);
  });

  it("is FALSE when a row's Rad has been typed over, and every figure is still the written table's", async () => {
    for (const cell of [{ kind: "text", text: "x" }, { kind: "number", value: 1 }] as PlanCell[]) {
      const typedOver = radTypedOver(plan, 5, cell);
      const r = await recalculate(await writeXlsx(typedOver));
      expect(r.value(DATA, inOrderAddress(typedOver))).toBe(false);
      expect(differing(written, r)).toEqual([]);
    }
  });
});
