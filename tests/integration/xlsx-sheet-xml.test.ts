/**
 * The worksheet parts the xlsx writer makes row by row from the plan's blocks: blocks
 * beside each other on the same rows, gaps between blocks, a later block over an earlier
 * one's cells, shared strings written once, white space kept, a table header written as
 * its trimmed column name — read back with exceljs and from the XML itself.
 */
import JSZip from "jszip";
import { Workbook } from "exceljs";
import { empty, formula, num, text, type ReportPlan } from "../../src/report/plan";
import { checkedPlan } from "../../src/report/plan-check";
import { writeXlsx } from "../../src/report/xlsx-writer";

const plan: ReportPlan = {
  sheets: [
    {
      key: "s",
      name: "Ark",
      blocks: [
        // Right-hand block first: rows must still come out in column order.
        { at: "D2", rows: [[text("høyre"), num(4)], [text("høyre"), num(5)]], style: "header" },
        { at: "A2", rows: [[text("venstre"), num(1), formula("=B2*2")], [text(" mellomrom "), num(2), empty]] },
        // A gap of rows, then a block that a later one partly covers.
        { at: "A10", rows: [[text("under"), text("dekket")]] },
        { at: "B10", rows: [[num(99, "#,##0.0")]] },
        { at: "A12", rows: [[text("  Kommune "), text("Verdi")], [text("Asker"), num(3)]] },
      ],
      tables: [{ name: "Tabell1", range: "A12:B13" }],
    },
  ],
  names: [],
};

let bytes: Uint8Array;
let wb: Workbook;
let sheetXml: string;
let strings: string;

beforeAll(async () => {
  bytes = await writeXlsx(plan, { created: new Date("2026-01-01T00:00:00Z") });
  wb = new Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const zip = await JSZip.loadAsync(bytes);
  sheetXml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  strings = await zip.file("xl/sharedStrings.xml")!.async("string");
});

describe("rows from blocks", () => {
  it("merges blocks on the same rows in column order, and leaves gaps empty", () => {
    const ws = wb.getWorksheet("Ark")!;
    expect([1, 2, 3, 4, 5].map((c) => ws.getRow(2).getCell(c).value)).toEqual(["venstre", 1, { formula: "B2*2" }, "høyre", 4]);
    expect(ws.getCell("E3").value).toBe(5);
    expect(ws.getCell("A5").value).toBeNull();
    const refs = [...sheetXml.matchAll(/<c r="([A-Z]+\d+)"/g)].map((m) => m[1]);
    expect(refs.slice(0, 5)).toEqual(["A2", "B2", "C2", "D2", "E2"]);
    expect([...sheetXml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([2, 3, 10, 12, 13]);
    expect(sheetXml).toContain('<dimension ref="A2:E13"/>');
  });

  it("lets a later block win a cell an earlier one also fills, with its own format", () => {
    const ws = wb.getWorksheet("Ark")!;
    expect(ws.getCell("B10").value).toBe(99);
    expect(ws.getCell("B10").numFmt).toBe("#,##0.0");
    expect(sheetXml.match(/<c r="B10"/g)).toHaveLength(1);
  });

  it("writes each distinct text once and keeps white space around a text", () => {
    const ws = wb.getWorksheet("Ark")!;
    expect(ws.getCell("A3").value).toBe(" mellomrom ");
    expect(strings.match(/<t>høyre<\/t>/g)).toHaveLength(1);
    expect(strings).toMatch(/count="\d+" uniqueCount="\d+"/);
    const [, count, unique] = /count="(\d+)" uniqueCount="(\d+)"/.exec(strings)!;
    expect(Number(count)).toBeGreaterThan(Number(unique));
  });

  it("styles the cells of a styled block, and only those", () => {
    const ws = wb.getWorksheet("Ark")!;
    expect(ws.getCell("D2").font).toMatchObject({ bold: true });
    expect(ws.getCell("A2").font?.bold).toBeFalsy();
  });

  it("writes a table header with white space around it as the column name", async () => {
    const ws = wb.getWorksheet("Ark")!;
    expect(ws.getCell("A12").value).toBe("Kommune");
    const zip = await JSZip.loadAsync(bytes);
    const table = await zip.file("xl/tables/table1.xml")!.async("string");
    expect(table).toContain('<tableColumn id="1" name="Kommune"/>');
    expect(table).toContain('ref="A12:B13"');
  });
});

describe("the plan check", () => {
  it("passes a well-built plan through as it is, without copying its cells", () => {
    const checked = checkedPlan(plan);
    plan.sheets[0].blocks.forEach((b, i) => expect(checked.sheets[0].blocks[i].rows).toBe(b.rows));
  });

  it("copies a row only where a cell is not exactly its checked self", () => {
    const odd = { kind: "text", text: "a", hyperlink: "https://example.com" } as unknown as ReturnType<typeof text>;
    const unsafe = text("b\u0001");
    const rows = [[text("x"), num(1)], [odd, num(2)], [unsafe, num(3)]];
    const checked = checkedPlan({ sheets: [{ key: "s", name: "Ark", blocks: [{ at: "A1", rows }] }], names: [] }).sheets[0].blocks[0].rows;
    expect(checked).not.toBe(rows);
    expect(checked[0]).toBe(rows[0]);
    expect(checked[1]).not.toBe(rows[1]);
    expect(checked[1][0]).toEqual({ kind: "text", text: "a" });
    expect(checked[1][1]).toBe(rows[1][1]);
    expect(checked[2][0]).toEqual({ kind: "text", text: "b\uFFFD" });
  });

  it("copies a cell whose value is a getter, so what is written is what was checked", () => {
    let reads = 0;
    const sly = { kind: "text", get text() { return reads++ === 0 ? "ok" : "=HYPERLINK(\"x\")"; } } as unknown as ReturnType<typeof text>;
    const checked = checkedPlan({ sheets: [{ key: "s", name: "Ark", blocks: [{ at: "A1", rows: [[sly]] }] }], names: [] }).sheets[0].blocks[0].rows[0][0];
    expect(checked).not.toBe(sly);
    expect(checked).toEqual({ kind: "text", text: "ok" });
  });
});
