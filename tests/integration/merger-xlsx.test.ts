/**
 * `kostra report --merged-history sum` recalculated by LibreOffice: the data sheet's
 * computed rows for Drammen and Kristiansand before the 2020 mergers equal the sum of the
 * predecessors (population) and Σ amount ÷ Σ population (per-capita figures), the time
 * series shows them, and "break" leaves those years without a value; a 2024 Ålesund's
 * 2019 is summed without Haram and its 2020–2023 (with Haram) are a flagged break. All
 * figures are SYNTHETIC (the sample plus invented predecessors).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { backSeries } from "../../src/kostra/mergers";
import { indicatorFor, templateById, templateIndicators } from "../../src/kostra/catalog";
import type { Dataset } from "../../src/kostra/types";
import { runReport } from "../../src/cli/report";
import { UsageError } from "../../src/cli/io";
import { writeObservationsFile } from "../../src/sources/observations-file";
import { recalculate, type RecalcResult } from "../support/libreoffice";
import { alesundDataset } from "../support/alesund-data";
import { mergerDataset } from "../support/merger-data";
import { LONG_TEST_TIMEOUT_MS } from "../support/timing";

// LibreOffice recalculates every workbook here: slow on a busy machine.
jest.setTimeout(LONG_TEST_TIMEOUT_MS);

const dir = mkdtempSync(join(tmpdir(), "kostra-merger-"));

async function report(dataset: Dataset, args: string[]): Promise<Uint8Array> {
  const input = join(dir, `data-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(input, writeObservationsFile(dataset, { createdAt: new Date("2025-01-01T00:00:00Z") }));
  const out = join(dir, `report-${Math.random().toString(36).slice(2)}.xlsx`);
  const err: string[] = [];
  const code = await runReport(["--input", input, "--out", out, ...args], { out: () => undefined, err: (t) => err.push(t), readFile: (p) => readFileSync(p) });
  expect(code).toBe(0);
  return readFileSync(out);
}

/** Row number of a key in the data sheet's hidden key column. */
function rowOf(r: RecalcResult, sheet: string, key: string): number {
  for (let row = 2; row < 5000; row++) {
    const v = r.value(sheet, `A${row}`);
    if (v === key) return row;
    if (v === null) break;
  }
  throw new Error(`no row ${key}`);
}

describe("merged history recalculated by LibreOffice", () => {
  const dataset = mergerDataset(["plan-miljo-kultur"]);
  let sum: RecalcResult;
  let brk: RecalcResult;

  beforeAll(async () => {
    const args = ["--sector", "plan-miljo-kultur", "--municipality", "drammen", "--year", "2018", "--years", "2017-2018", "--average", "weighted"];
    sum = await recalculate(await report(dataset, [...args, "--merged-history", "sum"]));
    brk = await recalculate(await report(dataset, [...args, "--merged-history", "break"]));
  });

  it("computes Drammen 2017–2018 per-capita figures as Σ amount ÷ Σ population, equal to the engine", () => {
    const back = backSeries(dataset, { municipality: "drammen", indicators: templateIndicators(templateById("plan-miljo-kultur")!), years: [2017, 2018] });
    expect(back.observations).toHaveLength(12);
    const get = (ind: string, m: string, y: number) => dataset.observations.find((o) => o.indicator === ind && o.municipality === m && o.year === y)!.value!;
    for (const o of back.observations) {
      const row = rowOf(sum, "KOSTRA-data", `${o.indicator}|drammen|${o.year}|sammenslått`);
      const parts = ["drammen", "nedre-eiker", "svelvik"];
      const amounts = parts.reduce((s, m) => s + get(`${o.indicator}:belop`, m, o.year), 0) * 1000;
      const population = parts.reduce((s, m) => s + get("folkemengde", m, o.year), 0);
      expect(sum.value("KOSTRA-data", `N${row}`)).toBe(amounts);
      expect(sum.value("KOSTRA-data", `O${row}`)).toBe(population);
      expect(sum.value("KOSTRA-data", `G${row}`) as number).toBeCloseTo(amounts / population, 9);
      expect(sum.value("KOSTRA-data", `G${row}`) as number).toBeCloseTo(o.value!, 9);
      expect(sum.value("KOSTRA-data", `E${row}`)).toBe("0602+0625+0711");
    }
  });

  it("shows the computed values in the time series with sum, and none with break", () => {
    const label = indicatorFor("kunstformidling")!.label.nb;
    const sheet = "Utvikling Plan, miljø og kultur";
    const find = (r: RecalcResult) => {
      for (let row = 3; row < 40; row++) if (r.value(sheet, `A${row}`) === label) return row;
      throw new Error("no row");
    };
    const s = find(sum);
    const dataRow = rowOf(sum, "KOSTRA-data", "kunstformidling|drammen|2018|sammenslått");
    expect(sum.value(sheet, `C${s}`)).toBe(sum.value("KOSTRA-data", `G${dataRow}`));
    expect(typeof sum.value(sheet, `B${s}`)).toBe("number");
    const b = find(brk);
    expect(brk.value(sheet, `B${b}`)).toBeNull();
    expect(brk.value(sheet, `C${b}`)).toBeNull();
    expect(String(brk.value(sheet, "A3"))).toMatch(/^Brudd i serien: fra 2020 er Drammen/);
  });

  it("rejects an unknown --merged-history", async () => {
    await expect(report(dataset, ["--sector", "plan-miljo-kultur", "--municipality", "drammen", "--year", "2018", "--merged-history", "average"])).rejects.toThrow(UsageError);
  });
});

describe("merged history: population summed for Kristiansand", () => {
  it("writes the population sum as a live sum of the parts", async () => {
    // The population indicator is not in a template: check the sum formula through a weighted report's computed per-capita row.
    const dataset = mergerDataset(["plan-miljo-kultur"]);
    const r = await recalculate(
      await report(dataset, ["--sector", "plan-miljo-kultur", "--municipality", "kristiansand", "--year", "2018", "--years", "2018", "--merged-history", "sum"]),
    );
    const row = rowOf(r, "KOSTRA-data", "bibliotek|kristiansand|2018|sammenslått");
    const pop = ["kristiansand", "songdalen", "sogne"].reduce((s, m) => s + dataset.observations.find((o) => o.indicator === "folkemengde" && o.municipality === m && o.year === 2018)!.value!, 0);
    expect(r.value("KOSTRA-data", `O${row}`)).toBe(pop);
    expect(r.value("KOSTRA-data", `E${row}`)).toBe("1001+1017+1018");
  });
});

describe("Ålesund 2024 over 2019–2024 recalculated by LibreOffice (SYNTHETIC figures, tests/support/alesund-data.ts)", () => {
  const dataset = alesundDataset();
  const sheet = "Utvikling Plan, miljø og kultur";
  const label = indicatorFor("kunstformidling")!.label.nb;
  const find = (r: RecalcResult) => {
    for (let row = 3; row < 40; row++) if (r.value(sheet, `A${row}`) === label) return row;
    throw new Error("no row");
  };
  let sum: RecalcResult;
  let brk: RecalcResult;

  beforeAll(async () => {
    const args = ["--sector", "plan-miljo-kultur", "--municipality", "alesund", "--year", "2024", "--years", "2019-2024"];
    sum = await recalculate(await report(dataset, [...args, "--merged-history", "sum"]));
    brk = await recalculate(await report(dataset, [...args, "--merged-history", "break"]));
  });

  it("sum: 2019 is old Ålesund + Ørskog + Skodje + Sandøy (not Haram); 2020–2023 are flagged and empty; 2024 is SSB's", () => {
    const dataRow = rowOf(sum, "KOSTRA-data", "kunstformidling|alesund|2019|sammenslått");
    expect(sum.value("KOSTRA-data", `E${dataRow}`)).toBe("1504+1523+1529+1546");
    // (13 400 + 230 + 470 + 125) × 1000 = 14 225 000 kr over 67 000 + 2 300 + 4 700 + 1 250 = 75 250 inhabitants.
    expect(sum.value("KOSTRA-data", `N${dataRow}`)).toBe(14_225_000);
    expect(sum.value("KOSTRA-data", `O${dataRow}`)).toBe(75_250);
    const r = find(sum);
    expect(sum.value(sheet, `B${r}`) as number).toBeCloseTo(189.0365, 4);
    for (const col of ["C", "D", "E", "F"]) expect(sum.value(sheet, `${col}${r}`)).toBeNull();
    // 15 400 000 ÷ 77 000 = 200, as published.
    expect(sum.value(sheet, `G${r}`)).toBe(200);
    // No change across the break: 2024 against an empty 2023 gives none.
    expect(sum.value(sheet, `G${r + 1}`)).toBe("");
    expect(String(sum.value(sheet, "A4"))).toBe(
      "Brudd i serien: Haram var en del av Ålesund 2020–2023. SSBs tall for Ålesund i 2020–2023 omfatter Haram, som SSB ikke har egne tall for, og kan ikke sammenlignes med Ålesund fra 2024.",
    );
    expect(String(sum.value(sheet, "A6"))).toBe("2020–2023 kan ikke beregnes og vises uten verdi for Ålesund.");
  });

  it("break: only 2024 has a value, and the notes say why", () => {
    const r = find(brk);
    for (const col of ["B", "C", "D", "E", "F"]) expect(brk.value(sheet, `${col}${r}`)).toBeNull();
    expect(brk.value(sheet, `G${r}`)).toBe(200);
    expect(String(brk.value(sheet, "A3"))).toMatch(/^Brudd i serien: fra 2020 er Ålesund en sammenslåing av Ålesund \(1504\), Ørskog \(1523\), Skodje \(1529\) og Sandøy \(1546\)\./);
    expect(String(brk.value(sheet, "A4"))).toMatch(/^Brudd i serien: Haram var en del av Ålesund 2020–2023\./);
    expect(String(brk.value(sheet, "A5"))).toBe("2019–2023 vises derfor uten verdi for Ålesund.");
  });
});
