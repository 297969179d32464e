import { buildReport } from "../../src/report/report";
import { templateById, templateIndicators } from "../../src/kostra/catalog";
import { indicatorInYear } from "../../src/kostra/series";
import { blockRange, CELL_TEXT_MAX, numberFormat, quoteSheet, safeSheetName, stringLiteral, text } from "../../src/report/plan";
import { checkedFormula, checkedPlan, sheetText } from "../../src/report/plan-check";
import { computedKey, observationKey } from "../../src/report/data-sheet";
import { sampleDataset } from "../../src/sources/sample";
import { cellAt } from "../support/plan-cells";

const report = (over: Partial<Parameters<typeof buildReport>[1]> = {}) =>
  buildReport(sampleDataset(), { sectors: ["plan-miljo-kultur"], municipality: "0219", year: 2017, years: [2015, 2016, 2017, 2018], lang: "nb", ...over });


describe("report plan", () => {
  it("has a profile sheet, a time series sheet and the data sheet, with valid unique names", () => {
    const { plan } = report({ sectors: ["plan-miljo-kultur", "tekniske-tjenester"] });
    expect(plan.sheets.map((s) => s.name)).toEqual([
      "Plan, miljø og kultur 2017",
      "Utvikling Plan, miljø og kultur",
      "Tekniske tjenester 2017",
      "Utvikling Tekniske tjenester",
      "KOSTRA-data",
    ]);
    for (const s of plan.sheets) expect(s.name.length).toBeLessThanOrEqual(31);
  });

  it("writes every observation used once to the data table, missing values as their SSB symbol", () => {
    const { plan } = report();
    const data = plan.sheets.find((s) => s.key === "data")!;
    const rows = data.blocks[0].rows;
    expect(rows[0].map((c) => (c.kind === "text" ? c.text : ""))).toEqual(expect.arrayContaining(["Indikator", "Kommune", "Kommunenr.", "År", "Verdi", "SSB-symbol", "Tabell", "Spørring", "Hentet", "SSB oppdatert"]));
    expect(data.tables![0].range).toBe(blockRange(data.blocks[0]));
    const keys = rows.slice(1).map((r) => (r[0] as { text: string }).text);
    expect(new Set(keys).size).toBe(keys.length);
    // (6 indicators + the population KS weights kroner per inhabitant by) × 4 years × (10 members + Asker) = 308 observations.
    expect(keys).toHaveLength(308);
    expect(keys.filter((k) => k.startsWith("folkemengde|"))).toHaveLength(44);
    // Averaged simply, nothing is weighted: the 264 figures alone.
    const simple = report({ average: "simple" }).plan.sheets.find((s) => s.key === "data")!.blocks[0].rows.slice(1);
    expect(simple).toHaveLength(264);
    const missing = rows.find((r) => (r[0] as { text: string }).text === "andre-trossamfunn|sandnes|2015")!;
    expect(missing[6]).toEqual({ kind: "text", text: "." });
    expect(missing[7]).toEqual({ kind: "text", text: "." });
  });

  it("makes every profile figure a live formula and binds the chart to the index cells", () => {
    const { plan } = report();
    const profile = plan.sheets[0];
    expect(cellAt(profile, "A1")).toEqual({ kind: "text", text: "Plan, miljø og kultur – Bærum (0219) 2017" });
    expect(cellAt(profile, "A8")).toEqual({ kind: "text", text: "Netto driftsutgifter kunstformidling pr. innbygger" });
    for (const col of ["B", "C", "D", "E", "F", "H", "I", "J", "K", "L", "M", "N", "O", "P"]) {
      expect(cellAt(profile, `${col}8`)?.kind).toBe("formula");
    }
    // As KS (the default) kroner per inhabitant are weighted by population: Σ value × weight ÷ Σ weight,
    // over the members with a value and a positive weight, the weights read from the sheet's population row.
    expect((cellAt(profile, "C8") as { formula: string }).formula).toMatch(
      /^=IF\(SUMPRODUCT\(ISNUMBER\((\$\w+\$8:\$\w+\$8)\)\*ISNUMBER\((\$\w+\$\d+:\$\w+\$\d+)\)\*\(\2>0\)\)=0,"",SUMPRODUCT\(.*,\1,\2\)\/SUMPRODUCT\(.*,\2\)\)$/,
    );
    const simple = report({ average: "simple" }).plan.sheets[0];
    expect((cellAt(simple, "C8") as { formula: string }).formula).toMatch(/^=IF\(COUNT\(\$\w+\$8:\$\w+\$8\)=0,"",AVERAGE/);
    const chart = profile.charts![0];
    expect(chart.type).toBe("columnClustered");
    expect(chart.title).toBe("ASSS – Plan, miljø og kultur. Snitt nettverk = 100");
    expect(chart.series.map((s) => s.name)).toEqual(["BÆRUM", "Snitt ASSS", "Høyest kommune", "Laveste kommune"]);
    expect(chart.categories.range).toBe("$A$8:$A$13");
    expect(chart.series[0].values.range).toBe("$H$8:$H$13");
  });

  it("states the averaging rule and the synthetic source in the header", () => {
    const { plan } = report({ average: "weighted", includeOslo: false });
    const profile = plan.sheets[0];
    const header = profile.blocks[1].rows.map((r) => (r[0] as { text: string }).text);
    expect(header[1]).toBe("Snitt: vektet, 9 kommuner, uten Oslo, Bærum med; laveste, høyeste og rang blant alle 10");
    expect(header[2]).toMatch(/Eksempeldata \(syntetiske\)/);
    // Weighted: Σ value × weight ÷ Σ weight over the members that count, from one population row.
    expect(cellAt(profile, "C8")).toMatchObject({ kind: "formula", formula: expect.stringMatching(/SUMPRODUCT\(.*\)\/SUMPRODUCT\(.*\)/) });
  });

  it("builds the time series with yearly change and index over time", () => {
    const { plan } = report();
    const ts = plan.sheets[1];
    expect(cellAt(ts, "B4")).toEqual({ kind: "number", value: 2015, format: "0" });
    expect(cellAt(ts, "A6")).toEqual({ kind: "text", text: "Prosentvis endring" });
    expect(cellAt(ts, "C6")).toMatchObject({ kind: "formula", format: "0.0 %" });
    expect(ts.charts![0].type).toBe("line");
    expect(ts.charts![0].series).toHaveLength(7);
  });
});

describe("definitions under the profile", () => {
  it("lists every indicator with its definition, its SSB table and how sure the mapping is", () => {
    const { plan } = report({ sectors: ["tekniske-tjenester"] });
    const sheet = plan.sheets[0];
    const heading = sheet.blocks.find((b) => b.rows[0]?.[0]?.kind === "text" && (b.rows[0][0] as { text: string }).text === "Definisjoner og kilder");
    expect(heading).toBeDefined();
    const list = sheet.blocks[sheet.blocks.indexOf(heading!) + 1];
    const text = (c: unknown) => (c as { text: string }).text;
    // The fee of 12842 is dated 1 January of the year after: the 2017 profile says which day.
    expect(list.rows.map((r) => text(r[0]))).toEqual(templateIndicators(templateById("tekniske-tjenester")!).map((i) => indicatorInYear(i, 2017).label.nb));
    expect(text(list.rows[5][0])).toBe("Årsgebyr for avfallstjenesten - ekskl. mva. (per 1.1.2018)");
    const byLabel = new Map(list.rows.map((r) => [text(r[0]), text(r[1])]));
    // Certain: the definition alone (it names its table). Medium: says so. Low: says so.
    expect(byLabel.get("Netto driftsutgifter brann- og ulykkesvern per innbygger")).toMatch(/middels sikkerhet\.$/);
    // Road cost per km is computed from two confirmed tables (12362, 11814), the road length's code uncertain.
    const road = byLabel.get(templateIndicators(templateById("tekniske-tjenester")!)[3].label.nb)!;
    expect(road).toMatch(/^Brutto driftsutgifter i kr per km vei og gate: \(A × 1000\) ÷ B\. .*tabell 12362\..*tabell 11814\..* Koblingen til SSB er usikker\.$/);
    expect(road).not.toMatch(/SSB-tabellen er ikke bekreftet/);
    const fee = byLabel.get(text(list.rows[5][0]))!;
    expect(fee).toMatch(/12842/);
    expect(fee).not.toMatch(/sikkerhet|usikker/);
    // Below the chart, not over it.
    expect(Number(heading!.at.slice(1))).toBeGreaterThan(Number(sheet.charts![0].position.to.replace(/^[A-Z]+/, "")));
  });
});

describe("what a template cannot show of KS's profile", () => {
  const text = (c: unknown) => (c as { text: string }).text;
  const definitionsAndNotes = (sector: string, lang: "nb" | "en") => {
    const { plan } = report({ sectors: [sector], lang });
    const sheet = plan.sheets[0];
    const heading = sheet.blocks.findIndex((b) => b.rows[0]?.[0]?.kind === "text" && ["Definisjoner og kilder", "Definitions and sources"].includes(text(b.rows[0][0])));
    const list = sheet.blocks[heading + 1];
    return { sheet, list, after: sheet.blocks.slice(heading + 2) };
  };

  it("says on the profile sheet, right under the definitions, which KS figures SSB's tables cannot give (TTU, ressursbruksindikator)", () => {
    for (const lang of ["nb", "en"] as const) {
      const { sheet, list, after } = definitionsAndNotes("pleie-omsorg-0-66", lang);
      const template = templateById("pleie-omsorg-0-66")!;
      // The first figure is KS's own for the age group.
      expect(text(list.rows[0][0])).toBe(templateIndicators(template)[0].label[lang]);
      expect(text(list.rows[0][0])).toMatch(lang === "nb" ? /hjemmetjeneste 0-66 år per innbygger 0-66 år/ : /aged 0-66 per inhabitant aged 0-66/);
      expect(after).toHaveLength(1);
      const notes = after[0];
      expect(Number(notes.at.slice(1))).toBe(Number(list.at.slice(1)) + list.rows.length);
      expect(notes.rows.map((r) => text(r[0]))).toEqual(template.notes!.map((n) => n[lang]));
      expect(notes.rows.map((r) => text(r[0])).join(" ")).toMatch(lang === "nb" ? /TTU.*ikke fra SSB.*Ressursbruksindikator.*kan ikke bygges fra SSBs tabeller/ : /TTU.*not from SSB.*Ressursbruksindikator.*cannot be built from SSB's tables/);
      expect(cellAt(sheet, `A${Number(notes.at.slice(1))}`)).toEqual(notes.rows[0][0]);
    }
    const older = definitionsAndNotes("pleie-omsorg-67", "nb").after[0].rows.map((r) => text(r[0])).join(" ");
    expect(older).toMatch(/Ressursbruksindikator/);
    expect(older).not.toMatch(/TTU/);
  });

  it("adds nothing under the definitions of a template without notes", () => {
    expect(templateById("tekniske-tjenester")!.notes).toBeUndefined();
    expect(definitionsAndNotes("tekniske-tjenester", "nb").after).toEqual([]);
  });
});

describe("text from input in formulas and sheet names", () => {
  it("enters a formula only as a string literal with its quotes doubled, or a quoted sheet name with its apostrophes doubled", () => {
    expect(stringLiteral('x"),HYPERLINK("http://x')).toBe('"x""),HYPERLINK(""http://x"');
    expect(quoteSheet("O'Neil'!A1,HYPERLINK(")).toBe("'O''Neil''!A1,HYPERLINK('");
    expect(() => stringLiteral("x".repeat(256))).toThrow(/255/);
    // Both pass the writer's formula check, which reads them back as one literal and one sheet.
    const sheets = new Set(["O'Neil'!A1,HYPERLINK("]);
    expect(checkedFormula(`=IF(${quoteSheet("O'Neil'!A1,HYPERLINK(")}!A1=${stringLiteral('x"),HYPERLINK("http://x')},1,2)`, "Ark!A1", sheets)).toMatch(/^=IF\(/);
  });

  it("makes a valid sheet name of any label: no forbidden or control characters, no edge apostrophes, 31 characters without halving a character", () => {
    expect(safeSheetName("a/b:c\\d?e*f[g]")).toBe("a-b-c-d-e-f-g-");
    expect(safeSheetName("Tab\there\nand\u0001\u007Fthere")).toBe("Tab here and there");
    expect(safeSheetName("x\uFFFEy\uD800")).toBe("x\uFFFDy\uFFFD");
    expect(safeSheetName("'quoted'")).toBe("quoted");
    expect(safeSheetName("   ")).toBe("Ark");
    expect(safeSheetName("history")).toBe("history (1)");
    const astral = `${"a".repeat(30)}😀`;
    expect(safeSheetName(astral)).toBe("a".repeat(30));
    expect(safeSheetName(`${"a".repeat(29)}'b`)).toBe(`${"a".repeat(29)}'b`);
    expect(safeSheetName(`${"a".repeat(30)}'b`)).toBe("a".repeat(30));
  });

  it("looks data up by keys that are plain text to Excel and MATCH, whatever the ids hold, and never the same for different ids", () => {
    expect(observationKey("kunstformidling:belop", "baerum", 2017)).toBe("kunstformidling:belop|baerum|2017");
    expect(computedKey("folkemengde", "nedre-eiker", 2019)).toBe("folkemengde|nedre-eiker|2019|sammenslått");
    expect(observationKey("bruker-Bø_1.2", "ålesund", 2020)).toBe("bruker-Bø_1.2|ålesund|2020");
    expect(observationKey('x"*?~|%\u0001\uFFFE 😀', "m", 2017)).toBe("x%{22}%{2a}%{3f}%{7e}%{7c}%{25}%{1}%{fffe}%{20}%{1f600}|m|2017");
    expect(observationKey("a|b", "c", 2017)).not.toBe(observationKey("a", "b|c", 2017));
    expect(observationKey("a%{7c}", "b", 2017)).not.toBe(observationKey("a|", "b", 2017));
  });

  it("never builds an absurd number format", () => {
    expect(numberFormat(0)).toBe("#,##0");
    expect(numberFormat(2)).toBe("#,##0.00");
    expect(numberFormat(1e9)).toBe("#,##0.0000000000");
    expect(numberFormat(-3)).toBe("#,##0");
    expect(numberFormat(NaN)).toBe("#,##0");
    expect(numberFormat(Infinity)).toBe("#,##0");
  });
});

describe("the writers' check of a report plan", () => {
  it("passes every formula the report builds, unchanged", () => {
    const { plan } = report({ sectors: ["plan-miljo-kultur", "tekniske-tjenester"], average: "weighted", references: ["eakuo"] });
    expect(checkedPlan(plan)).toEqual(JSON.parse(JSON.stringify({ ...plan, sheets: plan.sheets.map((s) => ({ tables: [], charts: [], columnWidths: {}, hiddenColumns: [], ...s })) })));
  });

  it("makes text XML-safe, line ends LF, in one way for cells, formulas and sheet names alike, so references still meet", () => {
    expect(sheetText("a\u0000b\u007Fc\uFFFFd\uDC00")).toBe("a\uFFFDb\uFFFDc\uFFFDd\uFFFD");
    expect(sheetText("tab\tline\ncr\rcrlf\r\n😀")).toBe("tab\tline\ncr\ncrlf\n😀");
  });
});

describe("text longer than a cell holds", () => {
  it("is cut with an ellipsis, so a report from many long sources is still written", () => {
    const dataset = sampleDataset();
    const long = (c: string) => ({ source: "file" as const, query: c.repeat(19_999) });
    const many = { ...dataset, provenance: [long("A"), long("B"), long("C")], observations: dataset.observations.map((o, i) => ({ ...o, provenance: i % 3 })) };
    const { plan } = buildReport(many, { sectors: ["plan-miljo-kultur"], municipality: "0219", year: 2017, years: [2017], lang: "nb" });
    const cells = plan.sheets.flatMap((s) => s.blocks.flatMap((b) => b.rows.flat()));
    const source = cells.find((c) => c.kind === "text" && c.text.startsWith("Kilde: "));
    expect(source?.kind === "text" && source.text.length).toBe(CELL_TEXT_MAX);
    expect(source?.kind === "text" && source.text.endsWith("…")).toBe(true);
    expect(() => checkedPlan(plan)).not.toThrow();
    expect(text("😀".repeat(20_000)).kind === "text" && (text("😀".repeat(20_000)) as { text: string }).text).toMatch(/😀…$/);
  });
});
