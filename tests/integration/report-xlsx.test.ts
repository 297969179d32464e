/**
 * `kostra report` as a spreadsheet engine sees it: the workbook recalculated by
 * LibreOffice headless must give the engine's averages, lowest, highest, indexes and
 * rank — and for Bærum 2017 the reference document's published figures — and a changed
 * data cell must change the index.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { benchmark, defaultOptions } from "../../src/kostra/benchmark";
import { sampleDataset } from "../../src/sources/sample";
import { buildReport } from "../../src/report/report";
import type { ReportPlan } from "../../src/report/plan";
import { writeXlsx } from "../../src/report/xlsx-writer";
import { syntheticDataset, YEAR } from "../support/groups-dataset";
import { recalculate, type RecalcResult } from "../support/libreoffice";
import { mergerDataset } from "../support/merger-data";
import { atSeedPrecision, SEED_2017 } from "../support/seed-tables";
import { checkWorkbook } from "../support/xlsx-check";
import { LONG_TEST_TIMEOUT_MS } from "../support/timing";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const sample = require("../../src/sources/sample/sample-data.json") as { values: Record<string, Record<string, (number | null)[]>> };

// LibreOffice recalculates every workbook here: slow on a busy machine.
jest.setTimeout(LONG_TEST_TIMEOUT_MS);

const ROOT = join(__dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "kostra-report-"));

function kostra(args: string[]): Promise<{ code: number; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, "bin", "kostra.js"), ...args], { cwd: ROOT, encoding: "utf8" }, (error, _out, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, err: stderr }),
    );
  });
}

const PROFILE_COLUMNS = { value: "B", average: "C", lowest: "D", highest: "E", asker: "F", index: "H", hundred: "I", highIndex: "J", lowIndex: "K", askerIndex: "L", lowWho: "M", highWho: "N", n: "O", rank: "P" };
const num = (r: RecalcResult, sheet: string, a1: string) => r.value(sheet, a1) as number;

describe("kostra report recalculated by LibreOffice", () => {
  let file: string;
  let recalculated: RecalcResult;

  beforeAll(async () => {
    file = join(dir, "report.xlsx");
    // The seed's tables average simply (the default is KS's rule per indicator).
    const r = await kostra(["report", "--sector", "plan-miljo-kultur,tekniske-tjenester", "--municipality", "0219", "--year", "2017", "--years", "2015-2018", "--average", "simple", "--out", file]);
    expect(r.code).toBe(0);
    recalculated = await recalculate(readFileSync(file));
  });

  it.each([
    ["plan-miljo-kultur", "Plan, miljø og kultur 2017"],
    ["tekniske-tjenester", "Tekniske tjenester 2017"],
  ] as const)("gives the reference document's figures and the engine's for %s", (sector, sheet) => {
    const profile = benchmark(sampleDataset(), { ...defaultOptions(sector, "0219", 2017), average: "simple" });
    profile.rows.forEach((row, i) => {
      const r = 8 + i;
      const c = (k: keyof typeof PROFILE_COLUMNS) => `${PROFILE_COLUMNS[k]}${r}`;
      expect([num(recalculated, sheet, c("value")), num(recalculated, sheet, c("average")), num(recalculated, sheet, c("lowest")), num(recalculated, sheet, c("highest")), num(recalculated, sheet, c("asker"))].map(atSeedPrecision)).toEqual(SEED_2017[sector][i]);
      expect(num(recalculated, sheet, c("average"))).toBeCloseTo(row.average!, 9);
      expect(num(recalculated, sheet, c("index"))).toBeCloseTo(row.index!, 9);
      expect(num(recalculated, sheet, c("hundred"))).toBe(100);
      expect(num(recalculated, sheet, c("highIndex"))).toBeCloseTo(row.highest!.index!, 9);
      expect(num(recalculated, sheet, c("lowIndex"))).toBeCloseTo(row.lowest!.index!, 9);
      expect(num(recalculated, sheet, c("askerIndex"))).toBeCloseTo(row.comparisons[0].index!, 9);
      expect(recalculated.value(sheet, c("lowWho"))).toBe(row.lowest!.municipality.name);
      expect(recalculated.value(sheet, c("highWho"))).toBe(row.highest!.municipality.name);
      expect(num(recalculated, sheet, c("n"))).toBe(row.n);
      expect(num(recalculated, sheet, c("rank"))).toBe(row.rank);
    });
  });

  it("matches the engine for a weighted average without Oslo, and a year with a missing value", async () => {
    const weightedFile = join(dir, "weighted.xlsx");
    const r = await kostra(["report", "--sector", "plan-miljo-kultur", "--municipality", "0219", "--year", "2015", "--average", "weighted", "--exclude-oslo", "--out", weightedFile]);
    expect(r.code).toBe(0);
    const w = await recalculate(readFileSync(weightedFile));
    const options = { ...defaultOptions("plan-miljo-kultur", "0219", 2015), average: "weighted" as const, includeOslo: false };
    const profile = benchmark(sampleDataset(), options);
    profile.rows.forEach((row, i) => {
      const sheet = "Plan, miljø og kultur 2015";
      expect(num(w, sheet, `C${8 + i}`)).toBeCloseTo(row.average!, 9);
      expect(num(w, sheet, `H${8 + i}`)).toBeCloseTo(row.index!, 9);
      expect(num(w, sheet, `O${8 + i}`)).toBe(row.n);
    });
    // Sandnes has "." for andre-trossamfunn in 2015: n drops.
    expect(profile.rows[3].n).toBe(8);
  });

  it("changes the index when a data cell is corrected", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const data = wb.getWorksheet("KOSTRA-data")!;
    let target = 0;
    data.eachRow((row, n) => {
      if (row.getCell(1).value === "kunstformidling|baerum|2017") target = n;
    });
    expect(target).toBeGreaterThan(1);
    data.getCell(`G${target}`).value = 277;
    const edited = join(dir, "edited.xlsx");
    await wb.xlsx.writeFile(edited);
    const r = await recalculate(readFileSync(edited));
    const sheet = "Plan, miljø og kultur 2017";
    expect(num(r, sheet, "B8")).toBe(277);
    const avg = (277 * 10 - 141 + 277) / 10;
    expect(num(r, sheet, "C8")).toBeCloseTo(avg, 9);
    expect(num(r, sheet, "H8")).toBeCloseTo((277 / avg) * 100, 9);
  });

  it("computes the time series: yearly change and index over time", () => {
    const sheet = "Utvikling Tekniske tjenester";
    // Bærum's idrett 2015 and 2016 from the reference document: 131 and 125.
    expect(num(recalculated, sheet, "B5")).toBe(131);
    expect(num(recalculated, sheet, "C5")).toBe(125);
    expect(num(recalculated, sheet, "C6")).toBeCloseTo((125 - 131) / 131, 12);
    const p2017 = benchmark(sampleDataset(), { ...defaultOptions("tekniske-tjenester", "0219", 2017), average: "simple" });
    // Index rows come after values (2 × 6 rows) and averages (6 rows): find 2017's idrett index by its label.
    let indexRow = 0;
    for (let r = 20; r < 60; r++) if (recalculated.value(sheet, `A${r}`) === "Indeks (snitt nettverk = 100)") indexRow = r + 2;
    expect(indexRow).toBeGreaterThan(0);
    expect(num(recalculated, sheet, `D${indexRow}`)).toBeCloseTo(p2017.rows[0].index!, 9);
  });
});

describe("averaging as KS does: amounts weighted, ready-made key figures simple", () => {
  it("weights kroner per inhabitant by population and road cost per km by road length, averages the waste fee simply, in the engine and in the workbook", async () => {
    const options = defaultOptions("tekniske-tjenester", "0219", 2017);
    expect(options.average).toBe("indicator");
    const profile = benchmark(sampleDataset(), options);
    const kinds = Object.fromEntries(profile.rows.map((r) => [r.indicator.id, r.averageKind]));
    expect(kinds).toEqual({
      idrett: "weighted",
      "rekreasjon-naturforvaltning": "weighted",
      "brann-ulykkesvern": "weighted",
      "vei-per-km": "weighted",
      "avfall-driftsutgifter": "weighted",
      "arsgebyr-avfall": "simple",
    });
    // The simple rows equal the all-simple profile's, the weighted rows the all-weighted profile's.
    const simple = benchmark(sampleDataset(), { ...options, average: "simple" });
    const weighted = benchmark(sampleDataset(), { ...options, average: "weighted" });
    profile.rows.forEach((row, i) => {
      const same = row.averageKind === "simple" ? simple.rows[i] : weighted.rows[i];
      expect([row.indicator.id, row.average]).toEqual([row.indicator.id, same.average]);
    });
    expect(profile.rows[0].average).not.toBeCloseTo(simple.rows[0].average!, 3);
    // KS: Σ A × 1000 ÷ Σ B over the ten members (A: f332 gross, 1000 kr; B: km), from the sample's series.
    const asss = ["bergen", "baerum", "drammen", "fredrikstad", "kristiansand", "oslo", "sandnes", "stavanger", "tromso", "trondheim"];
    const total = (id: string) => asss.reduce((sum, m) => sum + (sample.values[id][m][2] as number), 0);
    const road = profile.rows.find((row) => row.indicator.id === "vei-per-km")!;
    expect(road.average).toBeCloseTo((total("kommunale-veier-brutto-belop") * 1000) / total("km-kommunale-veier"), 6);

    const { plan } = buildReport(sampleDataset(), { sectors: ["tekniske-tjenester"], municipality: "0219", year: 2017, years: [2017], lang: "nb", average: "indicator" });
    const r = await recalculate(await writeXlsx(plan));
    const sheet = plan.sheets[0].name;
    expect(r.value(sheet, "A3")).toBe("Snitt: som KS (vektet for 5 indikatorer; uvektet for 1 indikator, merket *), 10 kommuner, Oslo med, Bærum med");
    // The simply averaged row carries the * the averaging line refers to.
    const rowOf = (label: string) => Array.from({ length: 40 }, (_, k) => k + 1).find((k) => r.value(sheet, `A${k}`) === label)!;
    for (const row of profile.rows) {
      const label = row.indicator.label.nb + (row.averageKind === "simple" ? " *" : "");
      expect([row.indicator.id, num(r, sheet, `C${rowOf(label)}`)]).toEqual([row.indicator.id, expect.closeTo(row.average!, 9)]);
    }
  });
});

describe("a written report holds exactly the formulas its plan planned, in well-formed parts, and no links", () => {
  const cases: [string, () => Promise<ReportPlan>][] = [
    ["the sample report", async () => buildReport(sampleDataset(), { sectors: ["plan-miljo-kultur"], municipality: "0219", year: 2017, years: [2015, 2016, 2017, 2018], lang: "nb" }).plan],
    [
      "a report of several templates, weighted, in English",
      async () =>
        buildReport(sampleDataset(), { sectors: ["plan-miljo-kultur", "tekniske-tjenester"], municipality: "0219", year: 2017, years: [2015, 2016, 2017], lang: "en", average: "weighted", chartComparisons: true }).plan,
    ],
    [
      "a merged municipality's history computed from its predecessors",
      async () => buildReport(mergerDataset(["plan-miljo-kultur"]), { sectors: ["plan-miljo-kultur"], municipality: "drammen", year: 2018, years: [2017, 2018], lang: "nb", average: "weighted", mergedHistory: "sum" }).plan,
    ],
    [
      "own peers with a published base and reference regions",
      async () => buildReport(syntheticDataset(), { sectors: ["plan-miljo-kultur"], municipality: "1119", year: YEAR, years: [YEAR], lang: "nb", network: "custom", peers: ["time", "klepp", "gjesdal", "eigersund"], base: "ekg07", references: ["eakuo", "eak"] }).plan,
    ],
  ];

  it.each(cases)("%s", async (_, makePlan) => {
    const plan = await makePlan();
    const check = await checkWorkbook(await writeXlsx(plan), plan);
    expect(check.problems).toEqual([]);
    // The comparison has something to compare: hundreds of cell formulas and every chart's references.
    expect(check.written.cells.size).toBeGreaterThan(100);
    expect(check.written.charts.length).toBeGreaterThan(0);
  });
});
