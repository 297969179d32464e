/**
 * Recalculation that costs the same at any size (issue 12, item 3): every figure on a
 * profile or time-series sheet reads its observation from the one data row it was written
 * from — its value cell — while the data sheet's in-order cell says the table is in the
 * order it was written, and reaches the whole key column only in the branch taken when it
 * is not (the user has sorted the table). Before, every figure searched the whole key
 * column, so the work grew as rows × figures.
 *
 * The reports here: the sample's (Bærum 2017, two templates) with a weighted average and
 * a published reference, and the largest the add-in writes (13 templates × 10 years, ASSS,
 * SYNTHETIC figures, tests/support/largest-report.ts).
 */
import { retargetSheets } from "../../src/excel/formula-sheets";
import { cellAddress, parseCell, type PlanCell, type ReportPlan, type SheetPlan } from "../../src/report/plan";
import { buildReport } from "../../src/report/report";
import { sampleDataset } from "../../src/sources/sample";
import { createFakeExcel } from "../support/fake-excel";
import { applyOn, samplePlan } from "../support/gateway-runs";
import { largestReportPlan } from "../support/largest-report";
import { mergerDataset } from "../support/merger-data";

const DATA = "'KOSTRA-data'";

/** One lookup as the report writes it: while the table is in order (its in-order cell) the row's value, else the key found in the whole column. */
const LOOKUP = new RegExp(
  String.raw`IF\(${DATA}!(\$[A-Z]+\$1),${DATA}!\$G\$(\d+),INDEX\(${DATA}!\$G\$2:\$G\$(\d+),MATCH\("([^"]*)",${DATA}!\$A\$2:\$A\$\3,0\)\)\)`,
  "g",
);

/** The data sheet's in-order cell (row 1, right of the table): its address and formula. */
function inOrderCell(plan: ReportPlan): { address: string; formula: string } {
  const block = dataSheet(plan).blocks[1];
  const at = parseCell(block.at);
  return { address: cellAddress(at.col + 1, at.row, true), formula: str(block.rows[0][1]) };
}

const str = (c: PlanCell | undefined): string => (c?.kind === "text" ? c.text : c?.kind === "formula" ? c.formula : c?.kind === "number" ? String(c.value) : "");

function dataSheet(plan: ReportPlan): SheetPlan {
  return plan.sheets.find((s) => s.key === "data")!;
}

/** Every formula of the sheets other than the data sheet. */
function reportFormulas(plan: ReportPlan): string[] {
  return plan.sheets.filter((s) => s.key !== "data").flatMap((s) => s.blocks.flatMap((b) => b.rows.flat().flatMap((c) => (c.kind === "formula" ? [c.formula] : []))));
}

/**
 * What each formula reads from the data sheet while the table is in its written order:
 * checks that every lookup's row holds the lookup's key, and returns the formulas with the
 * lookups taken out (nothing of the data sheet may be left in them) and the count of lookups.
 */
function readsInWrittenOrder(plan: ReportPlan): { rest: string[]; lookups: number; lastRow: number; wrong: string[] } {
  const rows = dataSheet(plan).blocks[0].rows;
  const lastRow = rows.length;
  let lookups = 0;
  const wrong: string[] = [];
  const inOrder = inOrderCell(plan).address;
  const rest = reportFormulas(plan).map((f) =>
    f.replace(LOOKUP, (lookup: string, flag: string, row: string, last: string, key: string) => {
      lookups++;
      if (flag !== inOrder || str(rows[Number(row) - 1]?.[0]) !== key || Number(last) !== lastRow) wrong.push(lookup);
      return "LOOKUP";
    }),
  );
  return { rest, lookups, lastRow, wrong };
}

describe("each figure reads one data row", () => {
  it.each([
    ["the sample report, weighted, with Landet uten Oslo as reference", () => buildReport(sampleDataset(), { sectors: ["plan-miljo-kultur", "tekniske-tjenester"], municipality: "0219", year: 2017, years: [2015, 2016, 2017, 2018], average: "weighted", references: ["eakuo"], comparisons: ["asker"], lang: "nb" }).plan],
    ["the largest report (13 templates × 10 years, SYNTHETIC)", () => largestReportPlan()],
  ])("%s: its own row's value while the table is in order, the whole column only when it is not", (_, make) => {
    const plan = make();
    const { rest, lookups, lastRow, wrong } = readsInWrittenOrder(plan);
    expect(lookups).toBeGreaterThan(100);
    expect(lastRow).toBeGreaterThan(100);
    // Each lookup's row holds its key, it asks the in-order cell, and its whole-column branch spans the whole table.
    expect(wrong).toEqual([]);
    // Nothing else of the data sheet is read: no whole-table search outside a lookup's sorted branch.
    expect(rest.filter((f) => f.includes(`${DATA}!`))).toEqual([]);
  });

  it("a data row's value, its key and the formula agree: the value cell read is the observation's", () => {
    const dataset = sampleDataset();
    const { plan } = buildReport(dataset, { sectors: ["plan-miljo-kultur"], municipality: "0219", year: 2017, years: [2017], lang: "nb" });
    const rows = dataSheet(plan).blocks[0].rows;
    const cell = reportFormulas(plan).find((f) => f.includes('"kunstformidling|baerum|2017"'))!;
    const row = Number(/\$G\$(\d+),INDEX/.exec(cell)![1]);
    const o = dataset.observations.find((x) => x.indicator === "kunstformidling" && x.municipality === "baerum" && x.year === 2017)!;
    expect(str(rows[row - 1][0])).toBe("kunstformidling|baerum|2017");
    expect(rows[row - 1][6]).toMatchObject({ kind: "number", value: o.value });
  });

  it("a merged municipality's computed rows read their parts' rows the same way, within the data sheet", () => {
    const { plan } = buildReport(mergerDataset(["plan-miljo-kultur"]), { sectors: ["plan-miljo-kultur"], municipality: "drammen", year: 2018, years: [2017, 2018], average: "weighted", mergedHistory: "sum", lang: "nb" });
    const rows = dataSheet(plan).blocks[0].rows;
    const local = /IF\((\$[A-Z]+\$1),\$G\$(\d+),INDEX\(\$G\$2:\$G\$(\d+),MATCH\("([^"]*)",\$A\$2:\$A\$\3,0\)\)\)/g;
    const formulas = rows.flatMap((r) => r.filter((c) => c.kind === "formula").map((c) => str(c)));
    let parts = 0;
    const rest = formulas.map((f) =>
      f.replace(local, (_, flag: string, row: string, _last: string, key: string) => {
        parts++;
        expect(flag).toBe(inOrderCell(plan).address);
        expect(str(rows[Number(row) - 1][0])).toBe(key);
        return "PART";
      }),
    );
    expect(parts).toBeGreaterThan(10);
    expect(rest.filter((f) => /\$[AG]\$2:/.test(f))).toEqual([]);
  });
});

describe("the data table's Rad column", () => {
  it("numbers the rows as written, 1 to n, so a sorted table can be sorted back to the order that recalculates fast", () => {
    const { plan } = buildReport(mergerDataset(["plan-miljo-kultur"]), { sectors: ["plan-miljo-kultur"], municipality: "drammen", year: 2018, years: [2017, 2018], mergedHistory: "sum", lang: "en" });
    const data = dataSheet(plan);
    const [header, ...body] = data.blocks[0].rows;
    expect(str(header[header.length - 1])).toBe("Row");
    expect(body.map((r) => r[r.length - 1])).toEqual(body.map((_, i) => ({ kind: "number", value: i + 1, format: "0" })));
    // The table covers it.
    expect(data.tables![0].range).toBe(`A1:P${body.length + 1}`);
  });

  it("is what the in-order cell checks: every row's Rad equal to its place, on the header row right of the table, which no sort of the table moves", () => {
    const { plan } = buildReport(mergerDataset(["plan-miljo-kultur"]), { sectors: ["plan-miljo-kultur"], municipality: "drammen", year: 2018, years: [2017, 2018], mergedHistory: "sum", lang: "nb" });
    const data = dataSheet(plan);
    const last = data.blocks[0].rows.length;
    expect(inOrderCell(plan)).toEqual({ address: "$S$1", formula: `=SUMPRODUCT(--($P$2:$P$${last}<>ROW($P$2:$P$${last})-1))=0` });
    expect(str(data.blocks[1].rows[0][0])).toMatch(/^Tabellen står i skrevet rekkefølge/);
  });
});

describe("the Office.js gateway writes the same lookups", () => {
  it("the workbook it fills holds the plan's formulas, cell for cell, once the report's sheets have their names", async () => {
    const fake = createFakeExcel({ sheets: ["Ark1"] });
    const plan = samplePlan();
    await applyOn(fake, plan);
    const written = new Map(fake.workbook.snapshot().sheets.flatMap((s) => Object.entries(s.cells).flatMap(([a, c]) => (c.formula ? [[`${s.name}!${a}`, c.formula] as const] : []))));
    const planned = plan.sheets.flatMap((s) =>
      s.blocks.flatMap((b) => {
        const at = parseCell(b.at);
        return b.rows.flatMap((row, r) => row.flatMap((c, k) => (c.kind === "formula" ? [[`${s.name}!${cellAddress(at.col + k, at.row + r)}`, c.formula] as const] : [])));
      }),
    );
    const lookup = new RegExp(LOOKUP.source);
    expect(planned.filter(([, f]) => lookup.test(f)).length).toBeGreaterThan(100);
    expect(planned.filter(([where, f]) => written.get(where) !== f)).toEqual([]);
    expect(written.size).toBe(planned.length);
  });


  it("pointing every reference of a lookup at the temporary data sheet, and nothing in its key", () => {
    const f = `=IFERROR(IF(${DATA}!$S$1,${DATA}!$G$105,INDEX(${DATA}!$G$2:$G$900,MATCH("x'KOSTRA-data'!|baerum|2017",${DATA}!$A$2:$A$900,0))),"")`;
    const moved = retargetSheets(f, new Map([["kostra-data", "kb-tmp-1"]]));
    expect(moved).toBe(f.split(`${DATA}!$`).join("'kb-tmp-1'!$"));
    expect(moved.match(/'kb-tmp-1'!/g)).toHaveLength(4);
  });
});
