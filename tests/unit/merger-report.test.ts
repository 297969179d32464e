/**
 * The report's merged history: computed rows in the data sheet as live formulas over
 * the predecessors' rows, and the time series with a clear break or the computed rows.
 * All figures are SYNTHETIC (the sample plus invented predecessors).
 */
import { amountIndicatorOf, indicatorFor } from "../../src/kostra/catalog";
import type { Dataset } from "../../src/kostra/types";
import { parseCell, type PlanCell, type SheetPlan } from "../../src/report/plan";
import { buildReport, type ReportRequest } from "../../src/report/report";
import { settingsFromXml, settingsToXml, type TemplateSettings } from "../../src/report/template-settings";
import { alesundDataset } from "../support/alesund-data";
import { mergerDataset } from "../support/merger-data";
import { cellAt } from "../support/plan-cells";
import { writtenSettings } from "../support/settings-fixture";

const report = (dataset: Dataset, over: Partial<ReportRequest> = {}) =>
  buildReport(dataset, { sectors: ["plan-miljo-kultur"], municipality: "drammen", year: 2018, years: [2017, 2018], lang: "nb", mergedHistory: "sum", ...over });

const str = (c: PlanCell | undefined) => (c?.kind === "text" ? c.text : c?.kind === "formula" ? c.formula : c?.kind === "number" ? String(c.value) : "");

/** The data table's rows (without the header) by key. */
function dataRows(sheet: SheetPlan): Map<string, { row: number; cells: PlanCell[] }> {
  const rows = sheet.blocks[0].rows;
  return new Map(rows.slice(1).map((cells, i) => [str(cells[0]), { row: i + 2, cells }]));
}

/**
 * Evaluates a computed row's formulas the way a spreadsheet would, for the two shapes the
 * data sheet writes: sums of INDEX/MATCH lookups (times a scale) and the quotient of the helper cells.
 */
function evaluate(sheet: SheetPlan, key: string): number {
  const rows = dataRows(sheet);
  const { row, cells } = rows.get(key)!;
  // A lookup reads the row it was written from while the table is in order (every row's Rad,
  // the last cell, is its place), else finds the key in the whole column.
  const byRow = new Map([...rows.values()].map((r) => [r.row, r]));
  const inOrder = [...rows.values()].every((r) => str(r.cells[r.cells.length - 1]) === String(r.row - 1));
  const lookup = (f: string) =>
    f.replace(/IF\(\$[A-Z]+\$1,\$G\$(\d+),INDEX\(\$G\$2:\$G\$\d+,MATCH\("([^"]+)",\$A\$2:\$A\$\d+,0\)\)\)/g, (_, at: string, k: string) => {
      const own = byRow.get(Number(at));
      const c = (inOrder && own ? own : rows.get(k))?.cells[6];
      if (c?.kind !== "number") throw new Error(`${k} is not a number`);
      return String(c.value);
    });
  const arithmetic = (f: string) => {
    const js = lookup(f.slice(1));
    if (!/^[\d.+*()\- ]+$/.test(js)) throw new Error(`unexpected formula ${f}`);
    return Function(`return (${js});`)() as number;
  };
  const g = str(cells[6]);
  if (g === `=IF(O${row}>0,N${row}/O${row},"")`) return arithmetic(str(cells[13])) / arithmetic(str(cells[14]));
  return arithmetic(g);
}

describe("data sheet: computed rows for a merged municipality", () => {
  const dataset = mergerDataset(["plan-miljo-kultur", "barnehage"]);
  const { plan } = report(dataset);
  const data = plan.sheets.find((s) => s.key === "data")!;
  const rows = dataRows(data);
  const value = (ind: string, m: string, y: number) => dataset.observations.find((o) => o.indicator === ind && o.municipality === m && o.year === y)!.value!;
  const PARTS = ["drammen", "nedre-eiker", "svelvik"];

  it("writes one computed row per indicator and year before the merger, marked and with its parts", () => {
    const computed = [...rows.keys()].filter((k) => k.endsWith("|sammenslått"));
    expect(computed).toHaveLength(6 * 2);
    const row = rows.get("kunstformidling|drammen|2018|sammenslått")!.cells;
    expect(str(row[4])).toBe("0602+0625+0711");
    expect(str(row[12])).toMatch(/^Beregnet \(sammenslått\): sum beløp ÷ sum folkemengde for Drammen \(0602\), Nedre Eiker \(0625\) og Svelvik \(0711\)/);
    expect(str(row[12])).toContain("Syntetiske eksempeldata");
    // The helper columns serve every computed row: a merged municipality's summed amounts and a ratio's numerator.
    expect(str(data.blocks[0].rows[0][13])).toBe("Beregning: teller (sum beløp, kr)");
    expect(str(data.blocks[0].rows[0][14])).toBe("Beregning: nevner");
    // The parts' rows are in the sheet: the amounts and population of each municipality (its per-capita value is not a part).
    for (const m of PARTS) for (const ind of ["kunstformidling:belop", "folkemengde"]) expect(rows.has(`${ind}|${m}|2018`)).toBe(true);
    expect(rows.has("kunstformidling|svelvik|2018")).toBe(false);
    expect(str(rows.get("kunstformidling:belop|svelvik|2018")!.cells[1])).toBe("Netto driftsutgifter kunstformidling (beløp, 1000 kr)");
    expect(data.tables![0].range).toBe(`A1:P${rows.size + 1}`);
  });

  it("makes the value the quotient of summed amounts and summed population, visible in helper cells", () => {
    const { row, cells } = rows.get("bibliotek|drammen|2017|sammenslått")!;
    expect(cells[6]).toEqual({ kind: "formula", formula: `=IF(O${row}>0,N${row}/O${row},"")`, format: "#,##0" });
    const n = str(cells[13]);
    const o = str(cells[14]);
    for (const m of PARTS) {
      expect(n).toContain(`"bibliotek:belop|${m}|2017"`);
      expect(o).toContain(`"folkemengde|${m}|2017"`);
    }
    expect(n).toMatch(/\)\*1000$/);
    // Evaluated: Σ amount × 1000 ÷ Σ population, from the inputs — not the mean of the per-capita values.
    const expected = (PARTS.reduce((s, m) => s + value("bibliotek:belop", m, 2017), 0) * 1000) / PARTS.reduce((s, m) => s + value("folkemengde", m, 2017), 0);
    expect(evaluate(data, "bibliotek|drammen|2017|sammenslått")).toBeCloseTo(expected, 9);
    const mean = PARTS.reduce((s, m) => s + value("bibliotek", m, 2017), 0) / 3;
    expect(Math.abs(expected - mean)).toBeGreaterThan(1);
  });

  it("sums counts: population of the merged municipality when the report is weighted", () => {
    const weighted = report(dataset, { average: "weighted" }).plan.sheets.find((s) => s.key === "data")!;
    const wrows = dataRows(weighted);
    // Population is a weight here, not a time-series indicator: it gets no computed row of its own.
    expect(wrows.has("folkemengde|drammen|2018|sammenslått")).toBe(false);
    expect(evaluate(weighted, "kart-oppmaling|drammen|2018|sammenslått")).toBeCloseTo(
      (PARTS.reduce((s, m) => s + value("kart-oppmaling:belop", m, 2018), 0) * 1000) / PARTS.reduce((s, m) => s + value("folkemengde", m, 2018), 0),
      9,
    );
  });

  it("derives the amount from value × population when a part's amount is missing, and says so", () => {
    const ds = mergerDataset(["plan-miljo-kultur"]);
    ds.observations = ds.observations.filter((o) => !(o.indicator === "bibliotek:belop" && o.municipality === "svelvik" && o.year === 2017));
    const d = report(ds).plan.sheets.find((s) => s.key === "data")!;
    const r = dataRows(d).get("bibliotek|drammen|2017|sammenslått")!.cells;
    expect(str(r[13])).not.toContain(":belop");
    expect(str(r[13])).toContain(`MATCH("bibliotek|svelvik|2017"`);
    expect(str(r[12])).toContain("beløpet er regnet ut fordi SSBs beløp mangler");
    const v = (ind: string, m: string) => ds.observations.find((o) => o.indicator === ind && o.municipality === m && o.year === 2017)!.value!;
    expect(evaluate(d, "bibliotek|drammen|2017|sammenslått")).toBeCloseTo(PARTS.reduce((s, m) => s + v("bibliotek", m) * v("folkemengde", m), 0) / PARTS.reduce((s, m) => s + v("folkemengde", m), 0), 9);
  });
});

describe("time series: break or sum", () => {
  const dataset = mergerDataset(["plan-miljo-kultur", "barnehage"]);
  const valueRow = (ts: SheetPlan) => {
    const header = ts.blocks.find((b) => b.style === "header")!;
    return parseCell(header.at).row + 1;
  };

  it("break: notes the merger and shows no value before it; no computed rows", () => {
    const { plan } = report(dataset, { mergedHistory: "break" });
    const ts = plan.sheets[1];
    expect(str(cellAt(ts, "A3"))).toBe("Brudd i serien: fra 2020 er Drammen en sammenslåing av Drammen (0602), Nedre Eiker (0625) og Svelvik (0711). SSBs tall for 2017–2018 gjelder en annen kommuneinndeling.");
    expect(str(cellAt(ts, "A4"))).toBe("2017–2018 vises derfor uten verdi for Drammen.");
    const r = valueRow(ts);
    expect(str(cellAt(ts, `A${r}`))).toBe(indicatorFor("kunstformidling")!.label.nb);
    expect(cellAt(ts, `B${r}`)).toEqual({ kind: "empty" });
    expect(cellAt(ts, `C${r}`)).toEqual({ kind: "empty" });
    const data = plan.sheets.find((s) => s.key === "data")!;
    expect([...dataRows(data).keys()].some((k) => k.endsWith("|sammenslått"))).toBe(false);
    // The default is the break.
    expect(report(dataset, { mergedHistory: undefined }).plan.sheets[1].blocks).toEqual(ts.blocks);
  });

  it("sum: the values before the merger are the computed rows", () => {
    const { plan } = report(dataset);
    const ts = plan.sheets[1];
    expect(str(cellAt(ts, "A4"))).toMatch(/^2017–2018 er beregnet for Drammen slik kommunen er nå/);
    const r = valueRow(ts);
    for (const [col, y] of [["B", 2017], ["C", 2018]] as const) expect(str(cellAt(ts, `${col}${r}`))).toContain(`"kunstformidling|drammen|${y}|sammenslått"`);
  });

  it("sum: shares and key figures show the break, named in a note (Kristiansand, barnehage)", () => {
    const { plan } = report(dataset, { municipality: "kristiansand", sectors: ["barnehage"] });
    const ts = plan.sheets[1];
    const notes = ts.blocks.find((b) => b.at === "A3")!.rows.map((x) => str(x[0]));
    expect(notes[0]).toContain("Kristiansand (1001), Songdalen (1017) og Søgne (1018)");
    const shares = notes.find((x) => x.startsWith("Andeler og nøkkeltall"))!;
    expect(shares).toContain(indicatorFor("barnehage-andel-barn-1-5")!.label.nb);
    expect(shares).toContain(indicatorFor("barnehage-netto-per-innbygger-1-5")!.label.nb);
    const r = valueRow(ts);
    const labels = ts.blocks.find((b) => parseCell(b.at).row === r)!.rows.map((x) => str(x[0]));
    // As KS (the default) a simply averaged row's label carries " *".
    const rowOfLabel = (label: string) => {
      const i = labels.findIndex((l) => l === label || l === `${label} *`);
      expect([label, i >= 0]).toEqual([label, true]);
      return r + i;
    };
    const shareRow = rowOfLabel(indicatorFor("barnehage-andel-barn-1-5")!.label.nb);
    const perCapitaRow = rowOfLabel(indicatorFor("barnehage-netto-per-innbygger")!.label.nb);
    expect(cellAt(ts, `B${shareRow}`)).toEqual({ kind: "empty" });
    expect(str(cellAt(ts, `B${perCapitaRow}`))).toContain("|kristiansand|2017|sammenslått");
  });

  it("sum: a missing part gives no value and the reason", () => {
    const ds = mergerDataset(["plan-miljo-kultur"]);
    ds.observations = ds.observations.filter((o) => !(o.municipality === "svelvik" && o.year === 2018 && o.indicator.startsWith("bibliotek")));
    const { plan } = report(ds);
    const ts = plan.sheets[1];
    const notes = ts.blocks.find((b) => b.at === "A3")!.rows.map((x) => str(x[0]));
    expect(notes).toContain(`Drammen 2018 kan ikke beregnes: ingen «${indicatorFor("bibliotek")!.label.nb}» for Svelvik (0711) i datagrunnlaget.`);
    const r = valueRow(ts);
    const labels = ts.blocks.find((b) => parseCell(b.at).row === r)!.rows.map((x) => str(x[0]));
    const bib = r + labels.indexOf(indicatorFor("bibliotek")!.label.nb);
    expect(cellAt(ts, `C${bib}`)).toEqual({ kind: "empty" });
    expect(str(cellAt(ts, `B${bib}`))).toContain("bibliotek|drammen|2017|sammenslått");
    expect(amountIndicatorOf(indicatorFor("bibliotek")!)).not.toBeNull();
  });

  it("changes nothing for a municipality without a merger", () => {
    const a = buildReport(dataset, { sectors: ["plan-miljo-kultur"], municipality: "0219", year: 2017, years: [2015, 2016, 2017], lang: "nb", mergedHistory: "sum" });
    const b = buildReport(dataset, { sectors: ["plan-miljo-kultur"], municipality: "0219", year: 2017, years: [2015, 2016, 2017], lang: "nb", mergedHistory: "break" });
    expect(a.plan).toEqual(b.plan);
    expect(cellAt(a.plan.sheets[1], "A3")).toEqual({ kind: "text", text: "Verdier" });
  });
});

describe("template settings keep the merged-history choice", () => {
  const settings: TemplateSettings = writtenSettings();

  it("round-trips sum and rejects an unknown choice", () => {
    const sum = { ...settings, mergedHistory: "sum" as const };
    expect(settingsFromXml(settingsToXml(sum))).toEqual({ kind: "ok", settings: sum });
    const bad = settingsFromXml(settingsToXml({ ...settings, mergedHistory: "average" as "sum" }));
    expect(bad.kind).toBe("invalid");
    expect(bad.kind === "invalid" && bad.reason.nb).toMatch(/«mergedHistory» ugyldig verdi "average"/);
  });
});

describe("time series measured against a KOSTRA group across 2020", () => {
  it("notes the regrouping of 2020 when the years span it, and only then", async () => {
    const { groupingNotes } = await import("../../src/report/time-series-sheet");
    expect(groupingNotes("ekg07", [2018, 2019, 2020, 2021], "nb")).toEqual([expect.stringMatching(/^Brudd i snittet: KOSTRA-gruppene fikk nytt innhold i 2020/)]);
    expect(groupingNotes("ekg07", [2020, 2021], "nb")).toEqual([]);
    expect(groupingNotes("eakuo", [2018, 2021], "en")).toEqual([]);
    expect(groupingNotes(undefined, [2018, 2021], "en")).toEqual([]);
  });
});

describe("time series: Ålesund and Haram (SYNTHETIC figures, tests/support/alesund-data.ts)", () => {
  const dataset = alesundDataset();
  const ts = (over: Partial<ReportRequest>) => report(dataset, { years: [2019, 2020, 2021, 2022, 2023, 2024], year: 2024, municipality: "alesund", ...over }).plan.sheets[1];
  const allNotesOf = (sheet: SheetPlan) => sheet.blocks.find((b) => b.at === "A3")!.rows.map((x) => str(x[0]));
  // The notes about the merger; a figure not valid in some of the years (f392 from 2021) has its own note last.
  const F392_NOTE = "Netto driftsutgifter tilskudd til andre trossamfunn pr. innbygger: ikke gyldig for 2021–2024: fra 2021 gir staten ett tilskudd til tros- og livssynssamfunn (trossamfunnsloven), kommunene gir ikke lenger tilskudd.";
  const notesOf = (sheet: SheetPlan) => allNotesOf(sheet).filter((n) => !/: (ikke gyldig|not valid) for /.test(n));
  const kunstRow = (sheet: SheetPlan) => {
    const header = sheet.blocks.find((b) => b.style === "header")!;
    const r = parseCell(header.at).row + 1;
    const labels = sheet.blocks.find((b) => parseCell(b.at).row === r)!.rows.map((x) => str(x[0]));
    return r + labels.indexOf(indicatorFor("kunstformidling")!.label.nb);
  };
  const MERGER_2019 = "Brudd i serien: fra 2020 er Ålesund en sammenslåing av Ålesund (1504), Ørskog (1523), Skodje (1529) og Sandøy (1546). SSBs tall for 2019 gjelder en annen kommuneinndeling.";
  const HARAM_INSIDE =
    "Brudd i serien: Haram var en del av Ålesund 2020–2023. SSBs tall for Ålesund i 2020–2023 omfatter Haram, som SSB ikke har egne tall for, og kan ikke sammenlignes med Ålesund fra 2024.";

  it("break: a 2024 Ålesund flags 2019 (another structure) and 2020–2023 (with Haram) and shows only 2024", () => {
    const sheet = ts({ mergedHistory: "break" });
    expect(allNotesOf(sheet)).toEqual([MERGER_2019, HARAM_INSIDE, "2019–2023 vises derfor uten verdi for Ålesund.", F392_NOTE]);
    const r = kunstRow(sheet);
    for (const col of ["B", "C", "D", "E", "F"]) expect(cellAt(sheet, `${col}${r}`)).toEqual({ kind: "empty" });
    expect(str(cellAt(sheet, `G${r}`))).toContain(`"kunstformidling|alesund|2024"`);
  });

  it("sum: a 2024 Ålesund has 2019 computed without Haram; 2020–2023 stay a break", () => {
    const sheet = ts({ mergedHistory: "sum" });
    const notes = notesOf(sheet);
    expect(notes.slice(0, 2)).toEqual([MERGER_2019, HARAM_INSIDE]);
    expect(notes[2]).toMatch(/^2019 er beregnet for Ålesund slik kommunen er nå: /);
    expect(notes[3]).toBe("2020–2023 kan ikke beregnes og vises uten verdi for Ålesund.");
    // The rest name the template's indicators the synthetic data lacks, one by one; never a 2020–2023 year.
    expect(notes.slice(4).every((n) => n.startsWith("Ålesund 2019 kan ikke beregnes: ingen «") && !n.includes("kunstformidling"))).toBe(true);
    const r = kunstRow(sheet);
    expect(str(cellAt(sheet, `B${r}`))).toContain(`"kunstformidling|alesund|2019|sammenslått"`);
    for (const col of ["C", "D", "E", "F"]) expect(cellAt(sheet, `${col}${r}`)).toEqual({ kind: "empty" });
    const data = report(dataset, { years: [2019, 2024], year: 2024, municipality: "alesund" }).plan.sheets.find((s) => s.key === "data")!;
    expect(str(dataRows(data).get("kunstformidling|alesund|2019|sammenslått")!.cells[4])).toBe("1504+1523+1529+1546");
    // (13 400 + 230 + 470 + 125) × 1000 ÷ (67 000 + 2 300 + 4 700 + 1 250)
    expect(evaluate(data, "kunstformidling|alesund|2019|sammenslått")).toBeCloseTo(14_225_000 / 75_250, 9);
  });

  it("sum: a 2021 Ålesund includes Haram before 2020, and 2020–2021 are its own figures", () => {
    const sheet = ts({ mergedHistory: "sum", year: 2021, years: [2019, 2020, 2021] });
    const notes = notesOf(sheet);
    expect(notes[0]).toBe("Brudd i serien: fra 2020 er Ålesund en sammenslåing av Ålesund (1504), Ørskog (1523), Skodje (1529), Haram (1534) og Sandøy (1546). SSBs tall for 2019 gjelder en annen kommuneinndeling.");
    expect(notes[1]).toMatch(/^2019 er beregnet for Ålesund slik kommunen var i 2021: /);
    expect(notes.slice(2).every((n) => n.startsWith("Ålesund 2019 kan ikke beregnes: ingen «"))).toBe(true);
    const r = kunstRow(sheet);
    expect(str(cellAt(sheet, `C${r}`))).toContain(`"kunstformidling|alesund|2020"`);
    const data = report(dataset, { year: 2021, years: [2019, 2021], municipality: "alesund" }).plan.sheets.find((s) => s.key === "data")!;
    expect(str(dataRows(data).get("kunstformidling|alesund|2019|sammenslått")!.cells[4])).toBe("1504+1523+1529+1534+1546");
    // (13 400 + 230 + 470 + 920 + 125) × 1000 ÷ (67 000 + 2 300 + 4 700 + 9 200 + 1 250)
    expect(evaluate(data, "kunstformidling|alesund|2019|sammenslått")).toBeCloseTo(15_145_000 / 84_450, 9);
  });

  it.each(["break", "sum"] as const)("%s: Haram (2024) shows «.» for 2020–2023 with the reason, and its own 2019 figure", (mergedHistory) => {
    const sheet = ts({ mergedHistory, municipality: "haram" });
    expect(notesOf(sheet)).toEqual(["Haram var en del av Ålesund 2020–2023 og har ingen egne tall for 2020–2023 («.»)."]);
    const r = kunstRow(sheet);
    expect(str(cellAt(sheet, `B${r}`))).toContain(`"kunstformidling|haram|2019"`);
    for (const col of ["C", "D", "E", "F"]) expect(cellAt(sheet, `${col}${r}`)).toEqual({ kind: "text", text: "." });
    expect(str(cellAt(sheet, `G${r}`))).toContain(`"kunstformidling|haram|2024"`);
  });

  it("in English too", () => {
    const notes = notesOf(ts({ mergedHistory: "sum", lang: "en" }));
    expect(notes[1]).toBe(
      "Break in the series: Haram was part of Ålesund 2020–2023. SSB's figures for Ålesund in 2020–2023 include Haram, for which SSB has no figures of its own, and cannot be compared with Ålesund from 2024.",
    );
    expect(notes[3]).toBe("2020–2023 cannot be computed and is shown without a value for Ålesund.");
  });
});
