/**
 * The xlsx writer on small hand-made plans: what exceljs reads back, what the zip holds
 * (tables, names, charts), and what LibreOffice computes when it recalculates the file.
 */
import * as path from "node:path";
import * as fs from "node:fs";
import JSZip from "jszip";
import { XMLParser } from "fast-xml-parser";
import { Workbook } from "exceljs";
import { empty, formula, num, quoteSheet, text, type ReportPlan } from "../../src/report/plan";
import { writeXlsx } from "../../src/report/xlsx-writer";
import { recalculate, toPdfPng, type RecalcResult } from "../support/libreoffice";
import { LONG_TEST_TIMEOUT_MS } from "../support/timing";

jest.setTimeout(LONG_TEST_TIMEOUT_MS);

const DATA = "Data KOSTRA ø";
const PROFILE = "Profil 2024";
const TEXTS = "Tekst";
const D = quoteSheet(DATA);
const INJECTIONS = ["=SUM(A1:A2)", "+1", "-2", "@x", '=HYPERLINK("http://x")'];

function samplePlan(): ReportPlan {
  return {
    sheets: [
      {
        key: "profile",
        name: PROFILE,
        blocks: [
          { at: "A1", rows: [[text("Netto driftsutgifter per innbygger, Asker 2024")]], style: "title" },
          { at: "A2", rows: [[text("Sammenlignet med ASSS-nettverket")]], style: "subtitle" },
          { at: "A3", rows: [[text("Kilde: SSB, tabell 12362 (syntetiske tall)")]], style: "note" },
          { at: "A4", rows: [[text("Indikator"), text("Asker"), text("Snitt"), text("Indeks"), text("Høyest"), text("Feil"), text("Sum")]], style: "header" },
          {
            at: "A5",
            rows: [
              [
                text("Barnehager"),
                formula(`=${D}!B2`, "#,##0"),
                formula(`=AVERAGE(${D}!B2:B4)`, "#,##0.0"),
                formula("=B5/C5*100", "0"),
                formula(`=INDEX(${D}!A2:A4,MATCH(MAX(${D}!B2:B4),${D}!B2:B4,0))`),
                formula('=IFERROR(1/0,"")'),
                formula("=SUM(Verdier)", "#,##0"),
              ],
            ],
          },
          { at: "A6", rows: [[empty, num(1234.5678, "0.0"), num(277363, "#,##0"), text("tekst", "@"), empty, empty, empty]] },
        ],
        columnWidths: { A: 32, B: 12.5 },
        freeze: { rows: 4, columns: 1 },
        hiddenColumns: ["F"],
        charts: [
          {
            name: "kostra-profil-søyler",
            type: "columnClustered",
            title: "Netto driftsutgifter per innbygger",
            categories: { sheet: "data", range: "A2:A4" },
            series: [
              { name: "Kroner per innbygger", values: { sheet: "data", range: "B2:B4" } },
              { name: "Snitt", values: { sheet: "data", range: "C2:C4" } },
            ],
            position: { from: "A8", to: "H26" },
            valueAxisTitle: "kr per innbygger",
          },
        ],
      },
      {
        key: "data",
        name: DATA,
        blocks: [
          { at: "A1", rows: [[text("Kommune"), text("Verdi"), text("Snitt")]], style: "header" },
          {
            at: "A2",
            rows: [
              [text("Asker"), num(100, "#,##0"), formula("=AVERAGE($B$2:$B$4)", "#,##0.0")],
              [text("Bærum"), num(200, "#,##0"), formula("=AVERAGE($B$2:$B$4)", "#,##0.0")],
              [text("Oslo"), num(300, "#,##0"), formula("=AVERAGE($B$2:$B$4)", "#,##0.0")],
            ],
          },
        ],
        tables: [{ name: "KostraData", range: "A1:C4" }],
        charts: [
          {
            name: "kostra-tidsserie",
            type: "line",
            title: "Utvikling",
            categories: { sheet: "data", range: "A2:A4" },
            series: [{ name: "Verdi", values: { sheet: "data", range: "B2:B4" } }],
            position: { from: "E2", to: "L16" },
          },
        ],
      },
      {
        key: "texts",
        name: TEXTS,
        blocks: [
          { at: "A1", rows: INJECTIONS.map((t) => [text(t)]) },
          { at: "B1", rows: [[num(1)], [num(2)]] },
          { at: "C1", rows: [[formula("=B1-B1")], [formula("=B1>B2")], [formula("=1/0")]] },
        ],
      },
    ],
    names: [{ name: "Verdier", ref: { sheet: "data", range: "B2:B4" }, comment: "Verdiene i datatabellen" }],
  };
}

const CREATED = new Date("2025-01-15T10:00:00Z");

async function readBack(bytes: Uint8Array): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

async function zipText(bytes: Uint8Array, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file(part);
  if (!file) throw new Error(`no part ${part}; parts: ${Object.keys(zip.files).join(", ")}`);
  return file.async("string");
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => ["c:ser", "Relationship", "Override", "sheet", "definedName", "xdr:twoCellAnchor", "tableColumn", "c"].includes(name) });

type Node = Record<string, unknown>;
const at = (node: unknown, ...keys: string[]): unknown => keys.reduce<unknown>((n, k) => (n as Node | undefined)?.[k], node);

let bytes: Uint8Array;
let recalc: RecalcResult;

beforeAll(async () => {
  bytes = await writeXlsx(samplePlan(), { creator: "Økonomiavdelingen", created: CREATED });
  recalc = await recalculate(bytes);
});

describe("cells, formats and sheet settings (read back with exceljs)", () => {
  let wb: Workbook;
  beforeAll(async () => {
    wb = await readBack(bytes);
  });

  it("keeps the sheets in plan order with their names", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([PROFILE, DATA, TEXTS]);
    expect(wb.creator).toBe("Økonomiavdelingen");
    expect(wb.created.toISOString()).toBe(CREATED.toISOString());
  });

  it("writes text as text, numbers as numbers and formulas without cached results", () => {
    const ws = wb.getWorksheet(PROFILE)!;
    expect(ws.getCell("A1").value).toBe("Netto driftsutgifter per innbygger, Asker 2024");
    expect(ws.getCell("B6").value).toBe(1234.5678);
    expect(ws.getCell("C6").value).toBe(277363);
    expect(ws.getCell("D6").value).toBe("tekst");
    expect(ws.getCell("A6").value).toBeNull();
    expect(ws.getCell("B5").value).toEqual({ formula: `${D}!B2` });
    expect(ws.getCell("D5").value).toEqual({ formula: "B5/C5*100" });
  });

  it("sets number formats and block styles", () => {
    const ws = wb.getWorksheet(PROFILE)!;
    expect(ws.getCell("B5").numFmt).toBe("#,##0");
    expect(ws.getCell("C5").numFmt).toBe("#,##0.0");
    expect(ws.getCell("B6").numFmt).toBe("0.0");
    expect(ws.getCell("D6").numFmt).toBe("@");
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 14 });
    expect(ws.getCell("A2").font).toMatchObject({ bold: true });
    expect(ws.getCell("A3").font).toMatchObject({ italic: true, color: { argb: "FF595959" } });
    expect(ws.getCell("C4").font).toMatchObject({ bold: true });
    expect(ws.getCell("C4").border.bottom).toMatchObject({ style: "thin" });
    expect(ws.getCell("C4").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } });
    expect(ws.getCell("B5").font?.bold).toBeFalsy();
  });

  it("sets column widths, hidden columns and frozen panes", () => {
    const ws = wb.getWorksheet(PROFILE)!;
    expect(ws.getColumn("A").width).toBe(32);
    expect(ws.getColumn("B").width).toBe(12.5);
    expect(ws.getColumn("F").hidden).toBe(true);
    expect(ws.getColumn("E").hidden).toBe(false);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 4 });
  });

  it("asks for a full recalculation on load", async () => {
    expect(await zipText(bytes, "xl/workbook.xml")).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });
});

describe("text that looks like a formula", () => {
  it("is stored as a string cell, not a formula", async () => {
    const wb = await readBack(bytes);
    const ws = wb.getWorksheet(TEXTS)!;
    INJECTIONS.forEach((t, i) => expect(ws.getCell(`A${i + 1}`).value).toBe(t));
    const sheetXml = await zipText(bytes, "xl/worksheets/sheet3.xml");
    const cells = (at(xml.parse(sheetXml), "worksheet", "sheetData", "row") as Node[]).flatMap((r) => r.c as Node[]);
    const columnA = cells.filter((c) => String(c["@r"]).startsWith("A"));
    expect(columnA).toHaveLength(INJECTIONS.length);
    for (const c of columnA) {
      expect(c["@t"]).toBe("s");
      expect(c.f).toBeUndefined();
    }
  });

  it("stays the same text after LibreOffice recalculates", () => {
    INJECTIONS.forEach((t, i) => {
      expect(recalc.value(TEXTS, `A${i + 1}`)).toBe(t);
      expect(recalc.formula(TEXTS, `A${i + 1}`)).toBeUndefined();
    });
  });
});

describe("formulas recalculated by LibreOffice", () => {
  it("computes averages, ratios, lookups and IFERROR across sheets with quoted names", () => {
    expect(recalc.sheetNames).toEqual([PROFILE, DATA, TEXTS]);
    expect(recalc.value(PROFILE, "B5")).toBe(100);
    expect(recalc.value(PROFILE, "C5")).toBe(200);
    expect(recalc.value(PROFILE, "D5")).toBe(50);
    expect(recalc.value(PROFILE, "E5")).toBe("Oslo");
    expect(recalc.value(PROFILE, "F5")).toBe("");
    expect(recalc.value(DATA, "C3")).toBe(200);
  });

  it("reports zeros, FALSE and errors as values", () => {
    expect(recalc.value(TEXTS, "C1")).toBe(0);
    expect(recalc.value(TEXTS, "C2")).toBe(false);
    expect(recalc.value(TEXTS, "C3")).toBe("#DIV/0!");
    expect(recalc.value(TEXTS, "Z99")).toBeNull();
  });

  it("resolves a defined name", () => {
    expect(recalc.value(PROFILE, "G5")).toBe(600);
  });

  it("keeps the formulas as formulas", () => {
    expect(recalc.formula(PROFILE, "C5")).toBe(`=AVERAGE(${D}!B2:B4)`);
    expect(recalc.formula(PROFILE, "D5")).toBe("=B5/C5*100");
  });

  it("follows a changed input cell", async () => {
    const wb = await readBack(bytes);
    wb.getWorksheet(DATA)!.getCell("B2").value = 400;
    const edited = new Uint8Array(await wb.xlsx.writeBuffer());
    const again = await recalculate(edited);
    expect(again.value(PROFILE, "B5")).toBe(400);
    expect(again.value(PROFILE, "C5")).toBe(300);
    expect(again.value(PROFILE, "D5")).toBeCloseTo(133.333, 3);
    expect(again.value(PROFILE, "E5")).toBe("Asker");
    expect(again.value(PROFILE, "G5")).toBe(900);
  });
});

describe("tables and defined names", () => {
  it("writes the table over the planned range with the header cells as columns", async () => {
    const rels = xml.parse(await zipText(bytes, "xl/worksheets/_rels/sheet2.xml.rels"));
    const tableRel = (at(rels, "Relationships", "Relationship") as Node[]).find((r) => String(r["@Type"]).endsWith("/table"));
    expect(tableRel).toBeDefined();
    const table = at(xml.parse(await zipText(bytes, `xl/${String(tableRel!["@Target"]).replace("../", "")}`)), "table") as Node;
    expect(table["@name"]).toBe("KostraData");
    expect(table["@ref"]).toBe("A1:C4");
    expect(table["@headerRowCount"]).toBe("1");
    expect((at(table, "tableColumns", "tableColumn") as Node[]).map((c) => c["@name"])).toEqual(["Kommune", "Verdi", "Snitt"]);
    const ws = (await readBack(bytes)).getWorksheet(DATA)!;
    expect(["A1", "B1", "C1"].map((a) => ws.getCell(a).value)).toEqual(["Kommune", "Verdi", "Snitt"]);
    expect(ws.getCell("C2").value).toEqual({ formula: "AVERAGE($B$2:$B$4)" });
  });

  it("writes workbook-level names with absolute, quoted references", async () => {
    const names = at(xml.parse(await zipText(bytes, "xl/workbook.xml")), "workbook", "definedNames", "definedName") as Node[];
    expect(names).toEqual([{ "#text": `${D}!$B$2:$B$4`, "@name": "Verdier", "@comment": "Verdiene i datatabellen" }]);
  });

  it("survive a round trip through LibreOffice", async () => {
    const wb = at(xml.parse(await zipText(recalc.bytes, "xl/workbook.xml")), "workbook") as Node;
    const names = (at(wb, "definedNames", "definedName") as Node[]).map((n) => [n["@name"], n["#text"]]);
    expect(names).toContainEqual(["Verdier", `${D}!$B$2:$B$4`]);
    const zip = await JSZip.loadAsync(recalc.bytes);
    const tables = await Promise.all(zip.file(/^xl\/tables\/table\d+\.xml$/).map((f) => f.async("string")));
    expect(tables.map((t) => at(xml.parse(t), "table", "@ref"))).toEqual(["A1:C4"]);
  });
});

describe("charts", () => {
  async function chartsOf(file: Uint8Array): Promise<Node[]> {
    const zip = await JSZip.loadAsync(file);
    const parts = zip.file(/^xl\/charts\/chart\d+\.xml$/).sort((a, b) => a.name.localeCompare(b.name));
    return Promise.all(parts.map(async (p) => at(xml.parse(await p.async("string")), "c:chartSpace", "c:chart") as Node));
  }
  const refs = (chart: Node, kind: "c:barChart" | "c:lineChart") =>
    (at(chart, "c:plotArea", kind, "c:ser") as Node[]).map((s) => ({
      cat: at(s, "c:cat", "c:strRef", "c:f") ?? at(s, "c:cat", "c:numRef", "c:f"),
      val: at(s, "c:val", "c:numRef", "c:f"),
    }));

  it("writes a column chart and a line chart bound to the planned ranges", async () => {
    const [bar, line] = await chartsOf(bytes);
    expect(at(bar, "c:plotArea", "c:barChart", "c:barDir", "@val")).toBe("col");
    expect(at(bar, "c:plotArea", "c:barChart", "c:grouping", "@val")).toBe("clustered");
    expect(refs(bar, "c:barChart")).toEqual([
      { cat: `${D}!$A$2:$A$4`, val: `${D}!$B$2:$B$4` },
      { cat: `${D}!$A$2:$A$4`, val: `${D}!$C$2:$C$4` },
    ]);
    expect((at(bar, "c:plotArea", "c:barChart", "c:ser") as Node[]).map((s) => at(s, "c:tx", "c:v"))).toEqual(["Kroner per innbygger", "Snitt"]);
    expect(at(bar, "c:title", "c:tx", "c:rich", "a:p", "a:r", "a:t")).toBe("Netto driftsutgifter per innbygger");
    expect(at(bar, "c:plotArea", "c:valAx", "c:title", "c:tx", "c:rich", "a:p", "a:r", "a:t")).toBe("kr per innbygger");
    expect(at(bar, "c:legend", "c:legendPos", "@val")).toBe("b");
    expect(refs(line, "c:lineChart")).toEqual([{ cat: `${D}!$A$2:$A$4`, val: `${D}!$B$2:$B$4` }]);
  });

  it("anchors each chart on its sheet through drawing relationships and content types", async () => {
    const zip = await JSZip.loadAsync(bytes);
    const read = async (p: string) => xml.parse(await zip.file(p)!.async("string"));
    const relTargets = async (p: string) => (at(await read(p), "Relationships", "Relationship") as Node[]).map((r) => [String(r["@Type"]).split("/").pop(), r["@Target"], r["@Id"]]);

    const sheet1 = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const drawingRel = (await relTargets("xl/worksheets/_rels/sheet1.xml.rels")).find(([t]) => t === "drawing")!;
    expect(drawingRel[1]).toBe("../drawings/drawing1.xml");
    expect(sheet1).toContain(`<drawing r:id="${drawingRel[2]}"/>`);
    // CT_Worksheet order: drawing after pageSetup, before tableParts.
    const sheet2 = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    expect(sheet2.indexOf("<pageSetup")).toBeLessThan(sheet2.indexOf("<drawing "));
    expect(sheet2.indexOf("<drawing ")).toBeLessThan(sheet2.indexOf("<tableParts"));

    expect(await relTargets("xl/drawings/_rels/drawing1.xml.rels")).toEqual([["chart", "../charts/chart1.xml", "rId1"]]);
    const anchor = (at(await read("xl/drawings/drawing1.xml"), "xdr:wsDr", "xdr:twoCellAnchor") as Node[])[0];
    // A8 → 0-based column 0, row 7; covering H26 fully ends at column 8, row 26.
    expect(at(anchor, "xdr:from")).toMatchObject({ "xdr:col": 0, "xdr:row": 7 });
    expect(at(anchor, "xdr:to")).toMatchObject({ "xdr:col": 8, "xdr:row": 26 });
    expect(at(anchor, "xdr:graphicFrame", "xdr:nvGraphicFramePr", "xdr:cNvPr", "@name")).toBe("kostra-profil-søyler");

    const overrides = (at(await read("[Content_Types].xml"), "Types", "Override") as Node[]).map((o) => o["@PartName"]);
    expect(overrides).toEqual(expect.arrayContaining(["/xl/charts/chart1.xml", "/xl/charts/chart2.xml", "/xl/drawings/drawing1.xml", "/xl/drawings/drawing2.xml"]));
  });

  it("are read by LibreOffice, still bound to the same cells", async () => {
    const charts = await chartsOf(recalc.bytes);
    expect(charts).toHaveLength(2);
    const all = charts.flatMap((c) => [...(at(c, "c:plotArea", "c:barChart") ? refs(c, "c:barChart") : []), ...(at(c, "c:plotArea", "c:lineChart") ? refs(c, "c:lineChart") : [])]);
    expect(all).toEqual(expect.arrayContaining([{ cat: `${D}!$A$2:$A$4`, val: `${D}!$C$2:$C$4` }]));
  });

  it("render in LibreOffice's PDF output", async () => {
    const out = path.resolve(__dirname, "../../test-results/xlsx-writer/profile-chart.png");
    const { png, pdf } = await toPdfPng(bytes, out);
    expect(fs.statSync(pdf).size).toBeGreaterThan(1000);
    expect(fs.statSync(png).size).toBeGreaterThan(5000);
  });
});

describe("awkward names and text", () => {
  const ODD = "Ola's tall & <mer>";
  const plan = (): ReportPlan => ({
    sheets: [
      {
        key: "odd",
        name: ODD,
        blocks: [
          { at: "A1", rows: [[text("Kommune"), text("Verdi")]], style: "header" },
          { at: "A3", rows: [[text("Bø"), num(7)]] },
        ],
        tables: [{ name: "BareOverskrift", range: "A1:B1" }],
      },
      {
        key: "use",
        name: "Bruk",
        blocks: [{ at: "A1", rows: [[formula(`=${quoteSheet(ODD)}!B3*2`), formula("=Sju+1")]] }],
        charts: [
          {
            name: "rar",
            type: "columnClustered",
            title: "Kr <per> innb. & \u0007år",
            categories: { sheet: "odd", range: "A3" },
            series: [{ name: "Verdi \"B\"", values: { sheet: "odd", range: "B3" } }],
            position: { from: "A3", to: "F14" },
          },
        ],
      },
    ],
    names: [{ name: "Sju", ref: { sheet: "odd", range: "B3" } }],
  });

  it("quotes sheet names with apostrophes in formulas, names and charts, and LibreOffice reads them", async () => {
    const file = await writeXlsx(plan());
    const names = at(xml.parse(await zipText(file, "xl/workbook.xml")), "workbook", "definedNames", "definedName") as Node[];
    expect(names[0]["#text"]).toBe("'Ola''s tall & <mer>'!$B$3");
    const chart = at(xml.parse(await zipText(file, "xl/charts/chart1.xml")), "c:chartSpace", "c:chart") as Node;
    // A character XML cannot carry is shown as U+FFFD, in charts as in cells.
    expect(at(chart, "c:title", "c:tx", "c:rich", "a:p", "a:r", "a:t")).toBe("Kr <per> innb. & \uFFFDår");
    const ser = (at(chart, "c:plotArea", "c:barChart", "c:ser") as Node[])[0];
    expect(at(ser, "c:tx", "c:v")).toBe('Verdi "B"');
    expect(at(ser, "c:val", "c:numRef", "c:f")).toBe("'Ola''s tall & <mer>'!$B$3");

    const result = await recalculate(file);
    expect(result.sheetNames).toEqual([ODD, "Bruk"]);
    expect(result.value("Bruk", "A1")).toBe(14);
    expect(result.value("Bruk", "B1")).toBe(8);
  });

  it("gives a header-only table one empty row, as Excel does", async () => {
    const file = await writeXlsx(plan());
    const table = at(xml.parse(await zipText(file, "xl/tables/table1.xml")), "table") as Node;
    expect(table["@ref"]).toBe("A1:B2");
    const ws = (await readBack(file)).getWorksheet(ODD)!;
    expect(ws.getCell("A3").value).toBe("Bø");
  });
});

describe("the LibreOffice harness", () => {
  it("recalculates formulas whose cached result is wrong", async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet("Ark");
    ws.getCell("A1").value = 21;
    ws.getCell("A2").value = { formula: "A1*2", result: 999 };
    const result = await recalculate(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(result.value("Ark", "A2")).toBe(42);
    expect(result.elapsedMs).toBeGreaterThan(0);
  });

  it("fails clearly on a file LibreOffice cannot open, and without soffice", async () => {
    await expect(recalculate(new TextEncoder().encode("not a workbook"))).rejects.toThrow(/LibreOffice did not convert/);
    const saved = process.env.SOFFICE;
    process.env.SOFFICE = "/nonexistent/soffice";
    try {
      await expect(recalculate(bytes)).rejects.toThrow(/libreoffice-calc-nogui/);
    } finally {
      if (saved === undefined) delete process.env.SOFFICE;
      else process.env.SOFFICE = saved;
    }
  });
});

describe("plan errors", () => {
  const base = (): ReportPlan => ({ sheets: [{ key: "s", name: "Ark", blocks: [{ at: "A1", rows: [[text("Navn"), text("Verdi")], [text("a"), num(1)]] }] }], names: [] });

  it("rejects a reference to a sheet key that is not in the plan", async () => {
    const plan = base();
    plan.names.push({ name: "Ukjent", ref: { sheet: "nope", range: "A1" } });
    await expect(writeXlsx(plan)).rejects.toThrow(/sheet key.*nope/);
  });

  it("rejects a number that is not finite", async () => {
    const plan = base();
    plan.sheets[0].blocks.push({ at: "C1", rows: [[num(NaN)]] });
    await expect(writeXlsx(plan)).rejects.toThrow(/Ark!C1.*finite/);
  });

  it("rejects a table whose header is not text, and names used twice", async () => {
    const plan = base();
    plan.sheets[0].tables = [{ name: "Tabell", range: "A2:B2" }];
    await expect(writeXlsx(plan)).rejects.toThrow(/header cell B2 must be text/);
    const twice = base();
    twice.sheets[0].tables = [{ name: "Data", range: "A1:B2" }];
    twice.names.push({ name: "data", ref: { sheet: "s", range: "B2" } });
    await expect(writeXlsx(twice)).rejects.toThrow(/used twice/);
  });

  it("rejects a name or table name that Excel would read as a cell reference", async () => {
    const plan = base();
    plan.names.push({ name: "AB12", ref: { sheet: "s", range: "B2" } });
    await expect(writeXlsx(plan)).rejects.toThrow(/Not a valid Excel name/);
    const table = base();
    table.sheets[0].tables = [{ name: "T1", range: "A1:B2" }];
    await expect(writeXlsx(table)).rejects.toThrow(/Not a valid Excel name: T1/);
  });
});
