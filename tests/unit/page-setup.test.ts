/**
 * How the report prints, as planned: every sheet landscape and one page wide with the
 * table's header on every page; header and footer text from input escaped for Excel's
 * header language and bounded; the profile on one page; the time series chart under the
 * sheet's last printed row and never across a page boundary.
 */
import { buildReport } from "../../src/report/report";
import { chartTopOnOnePage, columnPointsWideFont, fitToWidthScale, headerFooterCode, HEADER_FOOTER_MAX, printedExtent, printSetup, SECTION_MAX, sectionCode } from "../../src/report/page-setup";
import { columnNumber, parseCell, text, type HeaderFooterPart, type SheetPlan } from "../../src/report/plan";
import { checkedPlan, PlanError } from "../../src/report/plan-check";
import { sampleDataset } from "../../src/sources/sample";

const sample = () =>
  buildReport(sampleDataset(), { sectors: ["plan-miljo-kultur", "tekniske-tjenester"], municipality: "0219", year: 2017, years: [2015, 2016, 2017, 2018], comparisons: ["asker"], lang: "nb" }).plan;

/** What Excel prints for a section's code: "&&" as "&", the fields as [page], [pages], [sheet]. */
function printed(code: string): string {
  return code.replace(/&(&|P|N|A)/g, (_, c: string) => ({ "&": "&", P: "[page]", N: "[pages]", A: "[sheet]" })[c]!);
}

/** True when every "&" of the code is a doubled "&&" or one of the fields the report writes. */
function onlyKnownCodes(code: string): boolean {
  return code.replace(/&&|&P|&N|&A/g, "").indexOf("&") === -1;
}

describe("header and footer text", () => {
  it.each([
    ["a name with &", "Sør & Nord", "Sør && Nord"],
    ["Excel's page code", "Bærum &P", "Bærum &&P"],
    ["a font-size code", "&72Stor", "&&72Stor"],
    ["a font code", '&"Wingdings,Bold"x', '&&"Wingdings,Bold"x'],
    ["a line break and a tab", "Linje 1\nLinje 2\tTab", "Linje 1 Linje 2 Tab"],
  ])("writes %s as text, never as a code", (_what, input, code) => {
    expect(sectionCode([{ text: input }])).toBe(code);
    expect(printed(sectionCode([{ text: input }]))).toBe(input.replace(/[\n\t]/g, " "));
  });

  it("writes the fields as codes around the words", () => {
    const parts: HeaderFooterPart[] = [{ field: "sheet" }, { text: " – side " }, { field: "page" }, { text: " av " }, { field: "pages" }];
    expect(sectionCode(parts)).toBe("&A – side &P av &N");
  });

  it("never lets a text after a page field be read as arithmetic on the page number", () => {
    // "&P+1" would print the next page's number.
    expect(sectionCode([{ field: "page" }, { text: "+1 (vedlegg)" }])).toBe("&P +1 (vedlegg)");
    expect(sectionCode([{ field: "pages" }, { text: "-2" }])).toBe("&N -2");
  });

  it("bounds a long section, cutting the text with … and keeping its fields", () => {
    const long = "Å".repeat(500);
    const code = sectionCode([{ text: long }, { text: " – side " }, { field: "page" }]);
    expect(code.length).toBeLessThanOrEqual(SECTION_MAX);
    expect(code).toMatch(/^Å+…&P$/);
  });

  it.each([
    ["& after &", "&".repeat(300)],
    ["a name of ampersands and letters", "a&".repeat(200)],
    ["emoji (surrogate pairs)", "😀".repeat(200)],
    ["XML-forbidden characters", "\u0000\u0001\uFFFE".repeat(100)],
  ])("keeps %s within Excel's limit, never cutting a code or a character in two", (_what, name) => {
    for (const max of [SECTION_MAX, 7, 8]) {
      const code = sectionCode([{ text: name }], max);
      expect(code.length).toBeLessThanOrEqual(max);
      expect(onlyKnownCodes(code)).toBe(true);
      expect(code).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      expect(code).not.toMatch(/[\u0000-\u001F\uFFFE\uFFFF]/);
    }
    const whole = headerFooterCode({ left: [{ text: name }], center: [{ text: name }], right: [{ text: name }, { field: "page" }] });
    expect(whole.length).toBeLessThanOrEqual(HEADER_FOOTER_MAX);
    expect(whole).toMatch(/^&L.*&C.*&R.*&P$/);
  });

  it("leaves out empty sections", () => {
    expect(headerFooterCode({ left: [], center: [{ text: "Midt" }] })).toBe("&CMidt");
    expect(headerFooterCode({})).toBe("");
  });
});

describe("page setup of the report's sheets", () => {
  const plan = sample();
  const sheet = (key: string) => plan.sheets.find((s) => s.key === key)!;

  it("gives every sheet a landscape page setup one page wide, with a header and footer naming municipality, subject, period, source and page", () => {
    for (const s of plan.sheets) {
      const setup = s.pageSetup!;
      expect(setup).toBeDefined();
      expect(setup.orientation).toBe("landscape");
      expect(setup.fitToWidth).toBe(1);
      expect(printed(headerFooterCode(setup.header))).toMatch(/^&LBærum \(0219\)&C.+&R(2017|2015–2018)$/);
      expect(printed(headerFooterCode(setup.footer))).toMatch(/^&LKilde: .+&R\[sheet\] – side \[page\] av \[pages\]$/);
    }
    expect(sheet("profile:plan-miljo-kultur:2017").pageSetup!.header.center).toEqual([{ text: "Plan, miljø og kultur" }]);
    expect(sheet("trend:plan-miljo-kultur").pageSetup!.header.right).toEqual([{ text: "2015–2018" }]);
  });

  it("fits a profile on one page and leaves the helper columns right of the rank out of print", () => {
    const profile = sheet("profile:plan-miljo-kultur:2017");
    const setup = profile.pageSetup!;
    expect(setup.fitToHeight).toBe(1);
    expect(setup.titleRows).toEqual({ from: 7, to: 7 });
    const header = profile.blocks.find((b) => b.style === "header" && b.at === "A7")!.rows[0];
    const rankColumn = header.findIndex((c) => c.kind === "text" && c.text.startsWith("Rang")) + 1;
    const [from, to] = setup.printArea.split(":").map(parseCell);
    expect(from).toEqual({ col: 1, row: 1 });
    expect(to.col).toBe(rankColumn);
    // The basis ("Grunnlag (formler)") starts right of the print area.
    const basis = profile.blocks.find((b) => b.rows[0][0].kind === "text" && b.rows[0][0].text === "Grunnlag (formler)")!;
    expect(parseCell(basis.at).col).toBeGreaterThan(to.col);
    // The definitions and the chart print.
    const lastBlock = Math.max(...profile.blocks.filter((b) => parseCell(b.at).col <= to.col).map((b) => parseCell(b.at).row + b.rows.length - 1));
    expect(to.row).toBe(lastBlock);
    expect(parseCell(profile.charts![0].position.to).row).toBeLessThan(to.row);
  });

  it("prints a time series as wide as its years, the year header on every page, the chart below its last row", () => {
    const trend = sheet("trend:plan-miljo-kultur");
    const setup = trend.pageSetup!;
    expect(setup.fitToHeight).toBe(0);
    expect(setup.printArea).toMatch(/^A1:E\d+$/);
    const yearHeader = trend.blocks.find((b) => b.style === "header")!;
    expect(setup.titleRows).toEqual({ from: parseCell(yearHeader.at).row, to: parseCell(yearHeader.at).row });
    const chart = trend.charts![0];
    const lastTableRow = printedExtent({ ...trend, charts: [] }, columnNumber("E")).bottom;
    expect(parseCell(chart.position.from).row).toBeGreaterThan(lastTableRow);
    expect(parseCell(chart.position.to)).toEqual({ col: columnNumber("E"), row: expect.any(Number) });
    expect(parseCell(setup.printArea.split(":")[1]).row).toBe(parseCell(chart.position.to).row);
  });

  it("repeats the data table's header row on every page", () => {
    const data = sheet("data").pageSetup!;
    expect(data.titleRows).toEqual({ from: 1, to: 1 });
    expect(data.fitToHeight).toBe(0);
    expect(printed(headerFooterCode(data.header))).toBe("&LBærum (0219)&CKOSTRA-data&R2015–2018");
  });

  it("checks a page setup like the rest of the plan", () => {
    const withSetup = (change: (s: SheetPlan) => void) => {
      const p = sample();
      change(p.sheets[0]);
      return () => checkedPlan(p);
    };
    expect(withSetup((s) => ((s.pageSetup as { orientation: string }).orientation = "sideways"))).toThrow(PlanError);
    expect(withSetup((s) => (s.pageSetup!.fitToWidth = 0))).toThrow(PlanError);
    expect(withSetup((s) => (s.pageSetup!.printArea = "A1:'x'!B2"))).toThrow(PlanError);
    expect(withSetup((s) => (s.pageSetup!.titleRows = { from: 8, to: 7 }))).toThrow(PlanError);
    expect(withSetup((s) => (s.pageSetup!.header.left = [{ field: "path" } as unknown as HeaderFooterPart]))).toThrow(PlanError);
    // Text XML forbids is made safe, as everywhere in the plan.
    const p = sample();
    p.sheets[0].pageSetup!.header.left = [{ text: "Bærum\u0000" }];
    expect(checkedPlan(p).sheets[0].pageSetup!.header.left).toEqual([{ text: "Bærum\uFFFD" }]);
  });
});

describe("chart placement for print", () => {
  const base = (rows: number): SheetPlan => ({
    key: "s",
    name: "S",
    blocks: [{ at: "A1", rows: Array.from({ length: rows }, (_, i) => [text(`rad ${i + 1}`), text("x")]) }],
    columnWidths: { A: 52, B: 12 },
  });

  it("puts the chart right below the rows when it fits on their page", () => {
    expect(chartTopOnOnePage(base(5), { from: 7, rows: 20, lastColumn: 2 })).toEqual({ top: 7 });
  });

  it("moves the chart down to a new page when a page would end inside it, whichever spreadsheet lays the pages out", () => {
    // A4 landscape at 100 %: about 32 rows of 15 points a page; a chart of 24 rows from row 22 would cross the end.
    const { top } = chartTopOnOnePage(base(20), { from: 22, rows: 24, lastColumn: 2 });
    // Below the latest the first page could end (Excel's page holds 32 rows, one 3 % taller 33)…
    expect(top).toBeGreaterThanOrEqual(35);
    // …and not further than it must.
    expect(top).toBeLessThanOrEqual(36);
    // Taller than a page: it goes where it was asked to, as nothing helps.
    expect(chartTopOnOnePage(base(20), { from: 22, rows: 60, lastColumn: 2 })).toEqual({ top: 22 });
  });

  it("keeps the chart clear of where the page ends with a wider font's columns too (a smaller scale, more rows a page)", () => {
    const narrow = base(20);
    const wide = { ...base(20), columnWidths: { A: 69, B: 12, C: 12, D: 12, E: 12 } };
    // Excel fits both at 100 %; with a font whose digit is 7 points the wide one is scaled to about 88 %.
    expect(fitToWidthScale(wide, 5)).toBe(1);
    expect(fitToWidthScale(wide, 5, columnPointsWideFont)).toBeCloseTo(0.88, 2);
    expect(chartTopOnOnePage(narrow, { from: 22, rows: 22, lastColumn: 5 }).top).toBe(35);
    // The first page may then hold up to 38 rows.
    expect(chartTopOnOnePage(wide, { from: 22, rows: 22, lastColumn: 5 }).top).toBeGreaterThanOrEqual(39);
  });

  it("repeats the title rows on every page, so fewer rows fit after the first", () => {
    const sheet = base(60);
    sheet.blocks.unshift({ at: "A1", rows: [[text("Overskrift med mange ord som bryter over flere linjer i en smal kolonne"), text("x")]], style: "header" });
    const without = chartTopOnOnePage(sheet, { from: 62, rows: 24, lastColumn: 2 });
    const withTitles = chartTopOnOnePage(sheet, { from: 62, rows: 24, lastColumn: 2, titleRows: { from: 1, to: 1 } });
    expect(withTitles.top).not.toBe(without.top);
  });

  it("follows what the sheet holds: a table added below moves the time series chart below it", () => {
    const plain = sample().sheets.find((s) => s.key === "trend:plan-miljo-kultur")!;
    const chartTop = (s: SheetPlan) => parseCell(s.charts![0].position.from).row;
    const withMore = sample().sheets.find((s) => s.key === "trend:plan-miljo-kultur")!;
    // Another table of 12 rows under the index, as a later part of the sheet might add.
    const bottom = printedExtent({ ...withMore, charts: [] }, 5).bottom;
    withMore.blocks.push({ at: `A${bottom + 2}`, rows: Array.from({ length: 12 }, () => [text("Prisindeks"), text("1")]) });
    const replaced = chartTopOnOnePage({ ...withMore, charts: [] }, { from: printedExtent({ ...withMore, charts: [] }, 5).bottom + 2, rows: 24, lastColumn: 5 });
    expect(replaced.top).toBeGreaterThan(bottom + 13);
    expect(replaced.top).toBeGreaterThan(chartTop(plain));
  });

  it("derives the print area from the printed blocks and charts", () => {
    const s = base(3);
    s.blocks.push({ at: "Z1", rows: [[text("hjelp")]] });
    s.charts = [{ name: "c", type: "line", title: "t", categories: { sheet: "s", range: "A1:A3" }, series: [], position: { from: "A5", to: "D20" } }];
    expect(printedExtent(s, 4)).toEqual({ bottom: 20, right: 4 });
    expect(printSetup(s, { lang: "en", municipality: "M", subject: "S", period: "2020", source: "SSB" }, { lastColumn: 4 }).printArea).toBe("A1:D20");
    expect(printSetup(s, { lang: "en", municipality: "M", subject: "S", period: "2020", source: "SSB" }).printArea).toBe("A1:Z20");
    expect(printed(headerFooterCode(printSetup(s, { lang: "en", municipality: "M", subject: "S", period: "2020", source: "SSB" }).footer))).toBe("&LSource: SSB&R[sheet] – page [page] of [pages]");
  });
});
