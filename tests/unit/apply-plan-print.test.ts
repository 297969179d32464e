/**
 * The workbook gateway sets up printing as the xlsx writer does: each sheet of the sample
 * report in the fake Excel prints landscape on A4, one page wide (a profile one page
 * tall), with the plan's print area and title rows, header and footer in Excel's code, and
 * the header rows as high as their headings need. On a host without ExcelApi 1.9 the report
 * is still written, without a page setup, and the result says so. Header text from input
 * reaches Excel escaped and within its 255 characters (the fake refuses more).
 */
import { PRINT_SETUP_SKIPPED, type ApplyResult } from "../../src/excel/apply-plan";
import { writtenOutcome } from "../../src/taskpane/state/workbookWrite";
import { nb } from "../../src/taskpane/i18n/nb";
import { rowHeightsToSet, sectionCode } from "../../src/report/page-setup";
import type { ReportPlan } from "../../src/report/plan";
import { createFakeExcel } from "../support/fake-excel";
import { applyOn, samplePlan } from "../support/gateway-runs";

describe("page setup through Office.js", () => {
  it("sets every sheet's page setup from the plan, on the sheets as they are finally named", async () => {
    const fake = createFakeExcel({ sheets: ["Budsjett 2027"] });
    const plan = samplePlan();
    const result = await applyOn(fake, plan);
    expect(result.printSetupSkipped).toBeUndefined();
    for (const s of plan.sheets) {
      const setup = s.pageSetup!;
      const layout = fake.workbook.sheet(s.name).pageLayout;
      expect(layout).toEqual({
        orientation: "Landscape",
        paperSize: "A4",
        zoom: { horizontalFitToPages: 1, verticalFitToPages: setup.fitToHeight },
        printArea: setup.printArea,
        printTitleRows: `${setup.titleRows!.from}:${setup.titleRows!.to}`,
        headerFooter: {
          leftHeader: sectionCode(setup.header.left!),
          centerHeader: sectionCode(setup.header.center!),
          rightHeader: sectionCode(setup.header.right!),
          leftFooter: sectionCode(setup.footer.left!),
          centerFooter: "",
          rightFooter: sectionCode(setup.footer.right!),
        },
        rowBreaks: setup.breaksBefore ?? [],
      });
      for (const [row, height] of rowHeightsToSet(s)) expect([s.name, row, fake.workbook.sheet(s.name).rowHeight(row)]).toEqual([s.name, row, height]);
    }
    const profile = fake.workbook.sheet("Plan, miljø og kultur 2017").pageLayout;
    expect(profile.zoom.verticalFitToPages).toBe(1);
    expect(profile.headerFooter).toMatchObject({ leftHeader: "Bærum (0219)", centerHeader: "Plan, miljø og kultur", rightHeader: "2017", rightFooter: "&A – side &P av &N" });
    // The helper columns right of the rank do not print.
    expect(profile.printArea).toBe("A1:P45");
    // The user's own sheet is left as it was.
    expect(fake.workbook.sheet("Budsjett 2027").pageLayout.orientation).toBe("Portrait");
  });

  it("writes the report without a page setup where the host lacks ExcelApi 1.9, and says so", async () => {
    const fake = createFakeExcel({ sheets: ["Budsjett 2027"], requirementSets: { ExcelApi: "1.8" } });
    const plan = samplePlan();
    const result = await applyOn(fake, plan);
    expect(result.printSetupSkipped).toEqual(PRINT_SETUP_SKIPPED);
    expect(result.printSetupSkipped!.nb).toMatch(/ExcelApi 1\.9/);
    expect(fake.workbook.sheetNames()).toEqual(["Budsjett 2027", ...plan.sheets.map((s) => s.name)]);
    expect(fake.workbook.sheet("Plan, miljø og kultur 2017").cell("A8").value).toBe("Netto driftsutgifter kunstformidling pr. innbygger");
  });

  it("escapes and bounds header text from input, which the host would refuse or read as codes", async () => {
    const fake = createFakeExcel();
    const plan: ReportPlan = samplePlan();
    const hostile = `Sør & Nord &P &"Wingdings"&72 ${"&".repeat(400)}`;
    for (const s of plan.sheets) {
      s.pageSetup!.header.center = [{ text: hostile }];
      s.pageSetup!.footer.left = [{ text: "x".repeat(10_000) }];
    }
    await applyOn(fake, plan);
    for (const s of plan.sheets) {
      const hf = fake.workbook.sheet(s.name).pageLayout.headerFooter;
      expect(hf.centerHeader.startsWith('Sør && Nord &&P &&"Wingdings"&&72 &&&&')).toBe(true);
      expect(hf.centerHeader.replace(/&&/g, "")).not.toContain("&");
      for (const text of Object.values(hf)) expect(text.length).toBeLessThanOrEqual(80);
      expect(hf.leftFooter).toMatch(/^x+…$/);
    }
  });
});

describe("the fake Excel's page layout", () => {
  it("needs ExcelApi 1.9, refuses what Excel refuses and keeps the print area with a renamed sheet", async () => {
    const old = createFakeExcel({ sheets: ["Ark"], requirementSets: { ExcelApi: "1.8" } });
    await expect(old.run(async (context) => context.workbook.worksheets.getItem("Ark").pageLayout)).rejects.toThrow(/1\.9/);
    const fake = createFakeExcel({ sheets: ["Ark"] });
    const set = (change: (layout: Excel.PageLayout) => void) =>
      fake.run(async (context) => {
        change(context.workbook.worksheets.getItem("Ark").pageLayout);
        await context.sync();
      });
    await expect(set((l) => (l.orientation = "Sideways" as Excel.PageOrientation))).rejects.toThrow(/orientation/);
    await expect(set((l) => (l.headersFooters.defaultForAllPages.centerHeader = "x".repeat(256)))).rejects.toThrow(/255/);
    await expect(set((l) => (l.zoom = { horizontalFitToPages: -1 }))).rejects.toThrow(/pages/);
    await set((l) => {
      l.setPrintArea("A1:C9");
      l.setPrintTitleRows("$2:$3");
    });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Ark").name = "Nytt navn";
      await context.sync();
    });
    expect(fake.workbook.sheet("Nytt navn").pageLayout).toMatchObject({ printArea: "A1:C9", printTitleRows: "2:3" });
  });
});

describe("what the pane says after a write without a page setup", () => {
  it("lists the note, in the pane's language, beside the sheets written", () => {
    const written = { sheets: [{ id: "1", name: "Plan 2017", key: "profile:x:2017" }], syncs: 3, largestRequestBytes: 1, replaced: [], kept: [], renamed: [], printSetupSkipped: PRINT_SETUP_SKIPPED } as unknown as ApplyResult;
    for (const lang of ["nb", "en"] as const) expect(writtenOutcome(written, null)(nb, lang).list).toEqual([PRINT_SETUP_SKIPPED[lang]]);
    expect(writtenOutcome({ ...written, printSetupSkipped: undefined }, null)(nb, "nb").list).toEqual([]);
  });
});
