/**
 * The profile sheet for Hå against its own peers, with KOSTRA-gruppe 7's published value
 * as the average and Landet uten Oslo as a reference column: the plan's formulas, and the
 * workbook recalculated by LibreOffice giving the engine's numbers. Data: SYNTHETIC
 * (tests/support/groups-dataset.ts).
 */
import type { PlanCell, SheetPlan } from "../../src/report/plan";
import { buildReport } from "../../src/report/report";
import { writeXlsx } from "../../src/report/xlsx-writer";
import { recalculate, type RecalcResult } from "../support/libreoffice";
import { syntheticDataset, YEAR } from "../support/groups-dataset";
import { cellAt } from "../support/plan-cells";
import { LONG_TEST_TIMEOUT_MS } from "../support/timing";

// LibreOffice recalculates every workbook here: slow on a busy machine.
jest.setTimeout(LONG_TEST_TIMEOUT_MS);

const PEERS = ["time", "klepp", "gjesdal", "eigersund"];
const request = { sectors: ["plan-miljo-kultur"], municipality: "1119", year: YEAR, years: [YEAR], lang: "nb" as const, comparisons: [] };
const withBase = () => buildReport(syntheticDataset(), { ...request, network: "custom", peers: PEERS, base: "ekg07", references: ["eakuo", "eak"] });

const textAt = (sheet: SheetPlan, a1: string) => {
  const c = cellAt(sheet, a1);
  return c?.kind === "text" ? c.text : c?.kind === "formula" ? c.formula : undefined;
};

// Layout with no comparisons and two references: B Hå, C average (published), D lowest,
// E highest, F Landet uten Oslo, G Landet, (gap), I Hå index, J 100, K highest index,
// L lowest index, M/N reference indexes, O/P who, Q n, R rank.
const COL = { value: "B", average: "C", lowest: "D", highest: "E", eakuo: "F", eak: "G", index: "I", hundred: "J", highIndex: "K", lowIndex: "L", eakuoIndex: "M", eakIndex: "N", lowWho: "O", highWho: "P", n: "Q", rank: "R" };

describe("profile sheet with a published base and reference columns", () => {
  it("looks the average up in the data sheet as the group's published value and names it", () => {
    const { plan } = withBase();
    const sheet = plan.sheets[0];
    expect(textAt(sheet, "A2")).toBe("Egne sammenligningskommuner 2021 (4): Time, Klepp, Gjesdal, Eigersund");
    expect(textAt(sheet, "A3")).toBe(
      "Snitt = KOSTRA-gruppe 7 (publisert av SSB) = 100; laveste, høyeste og rang blant 4 egne sammenligningskommuner (Hå er ikke i utvalget)",
    );
    expect(textAt(sheet, "C7")).toBe("Gj.sn. KOSTRA-gruppe 7 (publisert av SSB)");
    expect(textAt(sheet, "F7")).toBe("Landet uten Oslo");
    expect(textAt(sheet, "M7")).toBe("Landet uten Oslo (indeks)");
    expect(textAt(sheet, "C8")).toMatch(/MATCH\("kunstformidling\|ekg07\|2021"/);
    expect(textAt(sheet, "F8")).toMatch(/MATCH\("kunstformidling\|eakuo\|2021"/);
    expect(textAt(sheet, "M8")).toBe(`=IF(ISNUMBER(C8),IF(C8>0,IF(ISNUMBER(F8),F8/C8*100,""),""),"")`);
    expect(sheet.charts![0].title).toBe("Hå – Plan, miljø og kultur. Snitt KOSTRA-gruppe 7 = 100");
    expect(sheet.charts![0].series.map((s) => s.name)).toEqual(["HÅ", "Snitt KOSTRA-gruppe 7", "Høyest kommune", "Laveste kommune", "Landet uten Oslo", "Landet"]);
  });

  it("puts the aggregates' and peers' observations in the data sheet", () => {
    const { plan } = withBase();
    const data = plan.sheets.find((s) => s.key === "data")!;
    const keys = data.blocks[0].rows.slice(1).map((r) => (r[0] as { text: string }).text);
    for (const id of ["ha", "time", "klepp", "gjesdal", "eigersund", "ekg07", "eakuo", "eak"]) expect(keys).toContain(`kunstformidling|${id}|2021`);
    const ekgRow = data.blocks[0].rows.find((r) => (r[0] as { text: string }).text === "kunstformidling|ekg07|2021")!;
    expect([ekgRow[3], ekgRow[4]]).toEqual([expect.objectContaining({ text: "KOSTRA-gruppe 7" }), expect.objectContaining({ text: "EKG07" })]);
  });

  it("without a network shows no lowest, highest or rank, and the chart only the focal, the base and references", () => {
    const { plan, profiles } = buildReport(syntheticDataset(), { ...request, network: "none", base: "eakuo" });
    const sheet = plan.sheets[0];
    expect(profiles[0].averagingSet).toEqual([]);
    expect(textAt(sheet, "A2")).toBe("Nettverk: ingen (snittet er publisert av SSB)");
    expect(textAt(sheet, "D8")).toBe("");
    expect(textAt(sheet, "C8")).toMatch(/eakuo\|2021/);
    expect(sheet.charts![0].series.map((s) => s.name)).toEqual(["HÅ", "Snitt Landet uten Oslo"]);
    expect(sheet.charts![0].title).toBe("Hå – Plan, miljø og kultur. Snitt Landet uten Oslo = 100");
  });

  describe("recalculated by LibreOffice", () => {
    let r: RecalcResult;
    const { plan, profiles } = withBase();
    const profile = profiles[0];
    const sheet = plan.sheets[0].name;
    beforeAll(async () => {
      r = await recalculate(await writeXlsx(plan));
    });
    const at = (k: keyof typeof COL, i: number) => r.value(sheet, `${COL[k]}${8 + i}`);

    it("gives the engine's published average, indexes, extremes and rank", () => {
      for (const i of [0, 1]) {
        const row = profile.rows[i];
        expect(at("average", i)).toBe(row.average);
        expect(at("index", i) as number).toBeCloseTo(row.index!, 9);
        expect(at("hundred", i)).toBe(100);
        expect(at("eakuo", i)).toBe(row.references[0].value);
        expect(at("eakuoIndex", i) as number).toBeCloseTo(row.references[0].index!, 9);
        expect(at("eakIndex", i) as number).toBeCloseTo(row.references[1].index!, 9);
        expect(at("lowest", i)).toBe(row.lowest!.value);
        expect(at("highIndex", i) as number).toBeCloseTo(row.highest!.index!, 9);
        expect(at("lowIndex", i) as number).toBeCloseTo(row.lowest!.index!, 9);
        expect(at("highWho", i)).toBe(row.highest!.municipality.name);
        expect(at("n", i)).toBe(row.n);
        expect(at("rank", i)).toBe(row.rank);
      }
      // Hand check of the arithmetic: 120 / 150 × 100 = 80; Landet uten Oslo 200 / 150 × 100.
      expect(at("index", 0)).toBeCloseTo(80, 9);
      expect(at("eakuoIndex", 0) as number).toBeCloseTo(133.333333333, 6);
    });

    it("leaves every index empty where the group has no published value (bibliotek), never 0", () => {
      expect(profile.rows[2].problem?.code).toBe("base-missing");
      expect(at("average", 2)).toBe("..");
      expect(at("index", 2)).toBe("");
      expect(at("eakuoIndex", 2)).toBe("");
      expect(at("hundred", 2)).toBe("");
    });
  });
});

describe("time series with a published base", () => {
  it("takes each year's average from the published figure, and indexes against it", async () => {
    const { plan } = buildReport(syntheticDataset(), { ...request, network: "none", base: "ekg07", years: [YEAR] });
    const series = plan.sheets.find((s) => s.key.startsWith("trend:"))!;
    const formulas = series.blocks.flatMap((b) => b.rows.flat()).filter((c): c is Extract<PlanCell, { kind: "formula" }> => c.kind === "formula").map((c) => c.formula);
    expect(formulas.some((f) => /MATCH\("kunstformidling\|ekg07\|2021"/.test(f))).toBe(true);
    expect(JSON.stringify(series.blocks)).toMatch(/Snitt KOSTRA-gruppe 7/);
    // Headings and chart name the published average, not "the network"; English reports use English words.
    expect(series.charts![0].title).toMatch(/Indeks over tid\. Snitt KOSTRA-gruppe 7 = 100$/);
    expect(JSON.stringify(series.blocks)).not.toMatch(/nettverk = 100/);
    const english = buildReport(syntheticDataset(), { ...request, lang: "en", network: "custom", peers: PEERS });
    const enSeries = english.plan.sheets.find((s) => s.key.startsWith("trend:"))!;
    expect(JSON.stringify(enSeries)).not.toMatch(/utvalg/);
    const r = await recalculate(await writeXlsx(plan));
    const a = (row: number) => r.value(series.name, `A${row}`);
    const rows = Array.from({ length: 120 }, (_, k) => k + 1);
    const indexTitle = rows.find((k) => typeof a(k) === "string" && /^Indeks/.test(a(k) as string))!;
    const label = a(indexTitle + 2);
    // The indicator's label appears in the values, the averages and the index sections, in that order.
    const [valueRow, averageRow, indexRow] = rows.filter((k) => a(k) === label);
    const [value, average, index] = [valueRow, averageRow, indexRow].map((k) => r.value(series.name, `B${k}`)) as number[];
    expect(typeof average).toBe("number");
    expect(index).toBeCloseTo((value / average) * 100, 6);
  });
});

describe("a weight of 0 in the workbook, as in the engine", () => {
  it("leaves a member with population 0 out of the weighted average and n, not out of lowest, highest and rank", async () => {
    // Time (the lowest value of 'andre kulturaktiviteter' after Gjesdal) gets population 0: it must not count.
    const dataset = syntheticDataset();
    const zero = dataset.observations.find((o) => o.indicator === "folkemengde" && o.municipality === "gjesdal")!;
    const withZero = { ...dataset, observations: dataset.observations.map((o) => (o === zero ? { ...o, value: 0 } : o)) };
    const req = { ...request, network: "custom", peers: PEERS, average: "weighted" as const };
    const { plan, profiles } = buildReport(withZero, req);
    const r = await recalculate(await writeXlsx(plan));
    const sheet = plan.sheets[0].name;
    // Layout with no comparisons and no references: B value, C average, D lowest, E highest, … who, n, rank after the indexes.
    const label = (k: number) => r.value(sheet, `A${8 + k}`);
    profiles[0].rows.forEach((row, k) => {
      expect(label(k)).toBe(row.indicator.label.nb);
      if (row.problem?.code === "not-valid") {
        // f392 in 2021: the reason instead of formulas, and nothing averaged.
        expect([row.indicator.id, r.value(sheet, `B${8 + k}`), r.value(sheet, `C${8 + k}`)]).toEqual([row.indicator.id, expect.stringMatching(/^ikke gyldig for 2021: /), null]);
        return;
      }
      expect([row.indicator.id, r.value(sheet, `C${8 + k}`)]).toEqual([row.indicator.id, row.average === null ? "" : expect.closeTo(row.average, 9)]);
      expect([row.indicator.id, r.value(sheet, `D${8 + k}`)]).toEqual([row.indicator.id, row.lowest?.value ?? ""]);
      expect([row.indicator.id, r.value(sheet, `E${8 + k}`)]).toEqual([row.indicator.id, row.highest?.value ?? ""]);
    });
    // Gjesdal holds the lowest kunstformidling (60) but has no weight: it is out of the
    // average (n = 3) and still the lowest — a weight matters to the average only.
    expect(profiles[0].rows[0].lowest?.municipality.id).toBe("gjesdal");
    expect(r.value(sheet, "D8")).toBe(60);
    expect(profiles[0].rows[0].n).toBe(3);
  });
});
