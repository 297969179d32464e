/**
 * The report on paper: the sample report written by the xlsx writer and printed to PDF by
 * LibreOffice (every sheet, as its page setup says). Pages are told apart by their
 * footer, which names the sheet ("Plan, miljø og kultur 2017 – side 1 av 11"). Each
 * profile (table, chart, definitions) is one page and each time series at most two; no
 * number prints as "###" and no heading is cut; a chart's title and its legend are on
 * the same page. And the page setup survives LibreOffice: saved again as .xlsx it still
 * says landscape, fitted to one page wide, title rows, header and footer.
 */
import { buildReport, type ReportRequest } from "../../src/report/report";
import { headerFooterCode } from "../../src/report/page-setup";
import { parseCell, type ReportPlan, type SheetPlan } from "../../src/report/plan";
import { writeXlsx } from "../../src/report/xlsx-writer";
import { sampleDataset } from "../../src/sources/sample";
import { printToPdf, recalculate } from "../support/libreoffice";
import { readPageSetups } from "../support/xlsx-page-setup";
import { LONG_TEST_TIMEOUT_MS } from "../support/timing";

jest.setTimeout(LONG_TEST_TIMEOUT_MS);

const SAMPLE: ReportRequest = { sectors: ["plan-miljo-kultur", "tekniske-tjenester"], municipality: "0219", year: 2017, years: [2015, 2016, 2017, 2018], lang: "nb" };

const PAGE_WORD = { nb: "side", en: "page" } as const;

/** The sheet each page belongs to, from the footer's "<sheet> – side k av n"; the longest name that matches wins. */
function sheetOfPages(plan: ReportPlan, pageTexts: string[], lang: "nb" | "en"): string[] {
  const names = plan.sheets.map((s) => s.name).sort((a, b) => b.length - a.length);
  return pageTexts.map((text, i) => {
    const name = names.find((n) => text.includes(`${n} – ${PAGE_WORD[lang]} ${i + 1} `));
    if (!name) throw new Error(`Page ${i + 1} names no sheet in its footer:\n${text.slice(-400)}`);
    return name;
  });
}

/** The words (of three letters or more) of a sheet's printed header row, within its print area. */
function headerWords(sheet: SheetPlan): string[] {
  const setup = sheet.pageSetup!;
  const lastColumn = parseCell(setup.printArea.split(":")[1]).col;
  const row = setup.titleRows!.from;
  const words: string[] = [];
  for (const block of sheet.blocks) {
    const at = parseCell(block.at);
    const cells = block.rows[row - at.row];
    if (!cells) continue;
    cells.forEach((cell, k) => {
      const col = at.col + k;
      if (cell.kind !== "text" || col > lastColumn || sheet.hiddenColumns?.includes(String.fromCharCode(64 + col))) return;
      for (const w of cell.text.split(/\s+/)) {
        const word = w.replace(/^[(«"]+|[)»",.:]+$/g, "");
        if (word.length >= 3) words.push(word);
      }
    });
  }
  return words;
}

describe.each([
  ["the sample report", SAMPLE],
  ["the sample report in English, weighted, with Landet uten Oslo beside", { ...SAMPLE, lang: "en", average: "weighted", references: ["eakuo"] } as ReportRequest],
])("%s printed to PDF by LibreOffice", (_what, request) => {
  let plan: ReportPlan;
  let printed: { pages: number; pageTexts: string[] };
  let owner: string[];

  beforeAll(async () => {
    plan = buildReport(sampleDataset(), request).plan;
    printed = await printToPdf(await writeXlsx(plan));
    owner = sheetOfPages(plan, printed.pageTexts, request.lang);
  });

  const pagesOf = (name: string) => owner.flatMap((o, i) => (o === name ? [i] : []));

  it("prints each profile on one page and each time series on at most two, numbered through", () => {
    expect(printed.pageTexts).toHaveLength(printed.pages);
    const counts = Object.fromEntries(plan.sheets.map((s) => [s.key, pagesOf(s.name).length]));
    for (const s of plan.sheets) {
      if (s.key.startsWith("profile:")) expect([s.key, counts[s.key]]).toEqual([s.key, 1]);
      else if (s.key.startsWith("trend:")) expect([s.key, counts[s.key] >= 1 && counts[s.key] <= 2]).toEqual([s.key, true]);
      else expect(counts[s.key]).toBeGreaterThanOrEqual(1);
    }
    // Pages in the sheets' order, each sheet's pages together.
    const order = owner.filter((o, i) => i === 0 || owner[i - 1] !== o);
    expect(order).toEqual(plan.sheets.map((s) => s.name));
    const of = request.lang === "nb" ? "av" : "of";
    printed.pageTexts.forEach((text, i) => expect(text).toContain(`${PAGE_WORD[request.lang]} ${i + 1} ${of} ${printed.pages}`));
    // Before the page setup, the same report printed on 117 pages.
    expect(printed.pages).toBeLessThanOrEqual(20);
  });

  it("prints the header with municipality, subject and year on every page", () => {
    for (const s of plan.sheets)
      for (const page of pagesOf(s.name)) {
        const first = printed.pageTexts[page].split("\n").find((l) => l.trim() !== "")!;
        expect(first).toMatch(/^\s*Bærum \(0219\)\s{2,}\S.*\s{2,}(2017|2015–2018)\s*$/);
      }
  });

  it("shows every number (no ###) and every heading of the printed tables whole", () => {
    printed.pageTexts.forEach((text) => expect(text).not.toMatch(/###/));
    for (const s of plan.sheets) {
      const text = printed.pageTexts[pagesOf(s.name)[0]];
      const missing = headerWords(s).filter((w) => !text.includes(w));
      expect([s.name, missing]).toEqual([s.name, []]);
    }
  });

  it("never splits a chart: its title and its legend's last entry are on one page", () => {
    for (const s of plan.sheets)
      for (const chart of s.charts ?? []) {
        // A long title wraps within the chart: white space read as one space.
        const flat = (t: string) => t.replace(/\s+/g, " ");
        const pages = pagesOf(s.name).filter((p) => flat(printed.pageTexts[p]).includes(flat(chart.title)));
        expect([chart.title, pages.length]).toEqual([chart.title, 1]);
        const afterTitle = flat(printed.pageTexts[pages[0]]).split(flat(chart.title))[1];
        expect(afterTitle).toContain(chart.series[chart.series.length - 1].name);
      }
  });
});

describe("the page setup through LibreOffice", () => {
  it("survives a round trip: orientation, fitting, print area, title rows, header and footer", async () => {
    const plan = buildReport(sampleDataset(), SAMPLE).plan;
    const saved = await readPageSetups((await recalculate(await writeXlsx(plan))).bytes);
    for (const s of plan.sheets) {
      const setup = s.pageSetup!;
      const back = saved.get(s.name)!;
      expect(back).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: setup.fitToHeight, paperSize: 9 });
      const quoted = `'${s.name}'!`;
      const [from, to] = setup.printArea.split(":").map(parseCell);
      expect(back.printArea).toBe(`${quoted}$A$${from.row}:$${setup.printArea.split(":")[1].replace(/\d+$/, "")}$${to.row}`);
      expect(back.printTitles).toBe(`${quoted}$${setup.titleRows!.from}:$${setup.titleRows!.to}`);
      expect(back.oddHeader).toBe(headerFooterCode(setup.header));
      expect(back.oddFooter).toBe(headerFooterCode(setup.footer));
      expect(back.rowBreaks).toEqual(setup.breaksBefore ?? []);
    }
  });

  it("prints a name with & and Excel's codes in it as it is, and keeps it escaped when saved again", async () => {
    const plan = buildReport(sampleDataset(), { ...SAMPLE, sectors: ["plan-miljo-kultur"] }).plan;
    // A template's name is the user's: "&P" or "&72" in it is text, not a page number or a font size.
    const hostile = "Plan & bygg &P &N &72 &\"Wingdings\" &&";
    for (const s of plan.sheets) s.pageSetup!.header.center = [{ text: hostile }];
    const xlsx = await writeXlsx(plan);
    const { pageTexts } = await printToPdf(xlsx);
    for (const text of pageTexts) expect(text.split("\n").find((l) => l.trim() !== "")).toContain(hostile);
    const saved = await readPageSetups((await recalculate(xlsx)).bytes);
    for (const s of plan.sheets) expect(saved.get(s.name)!.oddHeader).toContain("Plan && bygg &&P &&N &&72 &&\"Wingdings\" &&&&");
  });
});
