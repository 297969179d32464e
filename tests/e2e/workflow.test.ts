/**
 * The task pane's main flows in headless Chromium, on the production bundle:
 * template → municipality → comparisons → year → source → "Hent data" → preview →
 * "Skriv til arbeidsbok" / "Last ned som .xlsx".
 *
 * Inside Excel, the fake Excel object model is injected before the page's scripts and the
 * CDN office.js is an empty script, so `Office.onReady` reports Excel; the workbook is read
 * back through `window.__kb`. SSB's API (https://data.ssb.no/api/pxwebapi/v2) is answered
 * by the local PxWebApi 2 server, whose 2015–2018 figures equal the sample's. Every other
 * host is blocked. Screenshots of each main state go to test-results/e2e/, and axe-core
 * checks the initial, preview, error and success states.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Locator, Page } from "playwright-core";
import { templateById } from "../../src/kostra/catalog";
import type { LoggedRequest } from "../support/pxweb-server";
import type { TemplateSeed } from "./support/kb-handle";
import { SCREENSHOTS, axeScan, kb, screenshot, type AxeViolation } from "./support/harness";
import { usePaneWorld } from "./support/world";
import { E2E_UI_WAIT_MS as UI_TIMEOUT } from "../support/timing";

/**
 * C8, the first indicator's network average: kroner per inhabitant are averaged weighted by
 * population (the indicator's rule, as KS), over the sheet's row of weights, and empty when
 * no member counts — "=" in Excel's formula, without it in the .xlsx file.
 */
const WEIGHTED_AVERAGE_TEXT = /^IF\(SUMPRODUCT\(ISNUMBER\(\$R\$8:\$AA\$8\)\*ISNUMBER\(/;
const WEIGHTED_AVERAGE = new RegExp(`^=${WEIGHTED_AVERAGE_TEXT.source.slice(1)}`);

const PROFILE_2017 = "Plan, miljø og kultur 2017";
const PROFILE_2018 = "Plan, miljø og kultur 2018";
const DATA_SHEET = "KOSTRA-data";
const CHART_TITLE = "ASSS – Plan, miljø og kultur. Snitt nettverk = 100";

const world = usePaneWorld();
const open = world.open;

/** The pane's controls, by the names a screen reader announces. */
function ui(page: Page) {
  return {
    source: (name: "Eksempeldata" | "SSB direkte" | "Fil") => page.getByRole("radio", { name, exact: true }),
    fileInput: page.getByLabel("Velg datafil"),
    load: page.getByRole("button", { name: "Hent data", exact: true }),
    cancel: page.getByRole("button", { name: "Avbryt", exact: true }),
    progress: page.getByRole("progressbar"),
    write: page.getByRole("button", { name: "Skriv til arbeidsbok", exact: true }),
    download: page.getByRole("button", { name: "Last ned som .xlsx", exact: true }),
    updateTo: (year: number) => page.getByRole("button", { name: `Oppdater til ${year}`, exact: true }),
    /** The preview of the loaded data: the profile's heading. */
    preview: page.getByRole("heading", { name: "Profil for Bærum 2017", exact: true }),
    previewFor: (year: number) => page.getByRole("heading", { name: `Profil for Bærum ${year}`, exact: true }),
    /** Shown while the preview shows the (synthetic) sample. */
    sampleNotice: page.getByText(/^Eksempeldata \(syntetiske\)/),
    /** The success message's link to a written sheet ("Gå til «…»"; a link-styled button). */
    sheetLink: (name: string) => page.getByRole("button", { name: `Gå til «${name}»` }).or(page.getByRole("link", { name: `Gå til «${name}»` })),
    /** An error message bar. */
    alert: (text: RegExp) => page.getByRole("alert").filter({ hasText: text }),
  };
}

const visible = (locator: Locator, timeout = UI_TIMEOUT) => locator.first().waitFor({ state: "visible", timeout });

/** Resolves when `check` returns true; fails with `what` after `timeout` ms. */
async function until(check: () => Promise<boolean> | boolean, what: string, timeout = UI_TIMEOUT): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function expectEnabled(locator: Locator): Promise<void> {
  await visible(locator);
  await until(() => locator.first().isEnabled(), `${locator} to be enabled`);
}

async function loadSample(page: Page): Promise<void> {
  const u = ui(page);
  await expectEnabled(u.load);
  await u.source("Eksempeldata").check();
  await u.load.click();
  await visible(u.preview);
}

/** No serious or critical axe violations (the others are printed by axeScan). */
function expectNoSeriousViolations(violations: AxeViolation[]): void {
  expect(violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")})`)).toEqual([]);
}

/**
 * The question before a write replaces sheets this pane did not write: it names the button
 * and the sheets, starts on "Avbryt", and is answered "Erstatt" from the keyboard.
 */
async function replaceFromKeyboard(page: Page, action: string, sheets: string[]): Promise<void> {
  const dialog = page.getByRole("alertdialog", { name: "Erstatte ark?" });
  await visible(dialog);
  expect(await dialog.textContent()).toContain(`${action} erstatter disse arkene: ${sheets.map((n) => `«${n}»`).join(", ")}. Fortsett?`);
  const cancel = dialog.getByRole("button", { name: "Avbryt" });
  await until(() => cancel.evaluate((el) => el === document.activeElement), "focus on «Avbryt»");
  // Checked once shown: halfway through its fade-in its colours are blends.
  await until(() => dialog.evaluate((el) => el.getAnimations({ subtree: true }).every((a) => a.playState !== "running")), "the question's fade-in");
  expectNoSeriousViolations(await axeScan(page, "replace-question"));
  await page.keyboard.press("Shift+Tab");
  expect(await dialog.getByRole("button", { name: "Erstatt" }).evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press("Enter");
}

const isDataRequest = (r: LoggedRequest) => /\/tables\/[^/]+\/data$/.test(r.path);

/** Sheet names, the profile's C8 and the charts of a written report, read from the fake workbook. */
async function writtenReport(page: Page, sheet: string) {
  return kb(
    page,
    (h, name: string) => ({
      sheets: h.sheetNames(),
      c8: h.hasSheet(name) ? h.cell(name, "C8") : null,
      charts: h.charts().filter((c) => c.sheet === name).map((c) => c.title),
      tables: h.tables().map((t) => t.sheet),
      settings: h.templateSettings(),
    }),
    sheet,
  );
}

describe("task pane flows (production bundle, fake Excel, local SSB)", () => {
  it("(a) writes the sample report into the workbook: profile with formulas and chart, data sheet", async () => {
    const { page, pageErrors } = await open({ inExcel: true });
    const u = ui(page);
    await expectEnabled(u.load);
    await screenshot(page, "a-initial");
    expectNoSeriousViolations(await axeScan(page, "initial"));

    await u.source("Eksempeldata").check();
    await u.load.click();
    await visible(u.preview);
    await screenshot(page, "a-preview");
    expectNoSeriousViolations(await axeScan(page, "preview"));

    await expectEnabled(u.write);
    await u.write.click();
    await visible(u.sheetLink(PROFILE_2017));
    await screenshot(page, "a-success");
    expectNoSeriousViolations(await axeScan(page, "success"));

    const report = await writtenReport(page, PROFILE_2017);
    expect(report.sheets).toEqual(expect.arrayContaining([PROFILE_2017, DATA_SHEET]));
    expect(report.c8?.formula ?? "").toMatch(WEIGHTED_AVERAGE);
    expect(report.charts).toContain(CHART_TITLE);
    expect(report.tables).toContain(DATA_SHEET);
    expect(report.settings?.year).toBe(2017);
    expect(report.settings?.ownedSheets.map((s) => s.name)).toEqual(expect.arrayContaining([PROFILE_2017, DATA_SHEET]));
    expect(pageErrors).toEqual([]);
  });

  it("(b) shows the SSB load's progress and cancels it without writing anything", async () => {
    const { page, pageErrors } = await open({ inExcel: true });
    const u = ui(page);
    await expectEnabled(u.load);
    const before = world.pxweb().requests.length;
    // SSB takes its time over the data request, long enough to press "Avbryt".
    world.pxweb().delayNext(1, 20_000, isDataRequest);
    await u.source("SSB direkte").check();
    await u.load.click();

    await visible(u.progress);
    await visible(page.getByText(/forespørsel \d+ av \d+/i));
    await until(() => world.pxweb().requests.slice(before).some(isDataRequest), "the data request to reach the server");
    await screenshot(page, "b-progress");

    await u.cancel.click();
    await visible(page.getByText(/^Hentingen ble avbrutt\./));
    await screenshot(page, "b-cancelled");
    expect(await u.progress.count()).toBe(0);
    expect(await u.cancel.count()).toBe(0);
    // What was loaded before (the sample the pane opens with) is still what the preview shows.
    expect(await u.preview.isVisible()).toBe(true);
    expect(await u.sampleNotice.isVisible()).toBe(true);

    const workbook = await kb(page, (h) => ({ sheets: h.sheetNames(), parts: h.customXmlParts().length }));
    expect(workbook).toEqual({ sheets: ["Ark1"], parts: 0 });
    expect(pageErrors).toEqual([]);
  });

  it("(c) waits when SSB answers 429 with Retry-After, then shows the preview", async () => {
    const { page, pageErrors } = await open({ inExcel: true });
    const u = ui(page);
    await expectEnabled(u.load);
    const before = world.pxweb().requests.length;
    world.pxweb().failNext(1, { status: 429, retryAfterSeconds: 1 }, isDataRequest);
    await u.source("SSB direkte").check();
    await u.load.click();

    const waiting = page.getByRole("status").filter({ hasText: /SSB ber oss vente/ });
    await visible(waiting);
    await screenshot(page, "c-waiting");
    await visible(page.getByText(/^Data: SSB, hentet /), 30_000);
    await visible(u.preview);
    expect(await u.sampleNotice.count()).toBe(0);
    expect(await waiting.count()).toBe(0);
    await screenshot(page, "c-preview");
    // The refused data request and the one after the wait.
    expect(world.pxweb().requests.slice(before).filter(isDataRequest).length).toBeGreaterThanOrEqual(2);
    expect(pageErrors).toEqual([]);
  });

  it("(d) reports a bad data file by name and keeps the data already loaded", async () => {
    const { page, pageErrors } = await open({ inExcel: true });
    const u = ui(page);
    await loadSample(page);

    await u.source("Fil").check();
    await u.fileInput.setInputFiles({ name: "kostra-tall.json", mimeType: "application/json", buffer: Buffer.from('{"version": "2.0", "class": ') });
    await expectEnabled(u.load);
    await u.load.click();
    await visible(u.alert(/Filen kan ikke leses.*kostra-tall\.json: er ikke gyldig JSON/));
    await screenshot(page, "d-bad-json");
    expectNoSeriousViolations(await axeScan(page, "error"));
    expect(await u.preview.isVisible()).toBe(true);
    expect(await u.sampleNotice.isVisible()).toBe(true);

    const indicator = templateById("plan-miljo-kultur")?.indicators[0] as string;
    const csv = `region;indikator;år;verdi\n0219;${indicator};2017;12,5\n0301;${indicator};2017;12,3x\n`;
    await u.fileInput.setInputFiles({ name: "egne-tall.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    await expectEnabled(u.load);
    await u.load.click();
    await visible(u.alert(/Filen kan ikke leses.*egne-tall\.csv linje 3.*«12,3x» er ikke et tall/));
    await screenshot(page, "d-bad-csv");
    expect(await u.preview.isVisible()).toBe(true);
    expect(await u.sampleNotice.isVisible()).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it("(e) reopens a template workbook written earlier and updates it to 2018", async () => {
    // Write the 2017 report once, then open the same workbook in a new pane.
    const first = await open({ inExcel: true });
    await loadSample(first.page);
    await ui(first.page).write.click();
    await visible(ui(first.page).sheetLink(PROFILE_2017));
    const state = await kb(first.page, (h) => h.exportState());
    expect(state.parts.length).toBe(1);

    const { page, pageErrors } = await open({ inExcel: true, kb: { state } });
    const u = ui(page);
    await expectEnabled(u.updateTo(2018));
    await visible(page.getByText(/^Arbeidsboken er en mal: Plan, miljø og kultur, Bærum 2017\./));
    await screenshot(page, "e-template");
    await u.updateTo(2018).click();
    // A new pane did not write the 2017 report: it asks before replacing it.
    await replaceFromKeyboard(page, "Oppdater til 2018", [PROFILE_2017, "Utvikling Plan, miljø og kultur", DATA_SHEET]);
    await visible(u.sheetLink(PROFILE_2018), 30_000);
    await screenshot(page, "e-updated");

    const report = await writtenReport(page, PROFILE_2018);
    expect(report.sheets).toContain(PROFILE_2018);
    expect(report.sheets).not.toContain(PROFILE_2017);
    expect(report.sheets).toContain(DATA_SHEET);
    expect(report.c8?.formula ?? "").toMatch(WEIGHTED_AVERAGE);
    expect(report.settings?.year).toBe(2018);
    expect(pageErrors).toEqual([]);
  });

  it("(e) updates a seeded SSB template to 2018, replacing only the sheets it owns", async () => {
    const template: TemplateSeed = {
      schemaVersion: 1,
      sectors: ["plan-miljo-kultur"],
      municipality: "0219",
      comparisons: ["asker"],
      network: "asss",
      average: "simple",
      includeOslo: true,
      includeFocal: true,
      year: 2017,
      years: [2015, 2016, 2017],
      source: { kind: "ssb" },
      lang: "nb",
      writtenAt: "2018-03-01T09:00:00.000Z",
      ownedSheets: [
        { key: "profile:plan-miljo-kultur:2017", name: PROFILE_2017 },
        { key: "data", name: DATA_SHEET },
      ],
    };
    const { page, pageErrors } = await open({ inExcel: true, kb: { template } });
    const u = ui(page);
    await expectEnabled(u.updateTo(2018));
    expect(await u.source("SSB direkte").isChecked()).toBe(true);
    const before = world.pxweb().requests.length;
    await u.updateTo(2018).click();
    await replaceFromKeyboard(page, "Oppdater til 2018", [PROFILE_2017, DATA_SHEET]);
    await visible(u.sheetLink(PROFILE_2018), 30_000);
    expect(world.pxweb().requests.slice(before).filter(isDataRequest).length).toBeGreaterThanOrEqual(1);

    const report = await writtenReport(page, PROFILE_2018);
    // The user's own sheet stays; the template's 2017 profile (known by its sheet id) is gone.
    expect(report.sheets).toEqual(expect.arrayContaining(["Ark1", PROFILE_2018, DATA_SHEET]));
    expect(report.sheets).not.toContain(PROFILE_2017);
    // The template's own averaging: simple, the mean of the members that have a value.
    expect(report.c8?.formula ?? "").toMatch(/^=IF\(COUNT\(/);
    expect(report.settings?.year).toBe(2018);
    expect(report.settings?.source.kind).toBe("ssb");
    expect(pageErrors).toEqual([]);
  });

  it("(f) outside Excel: downloads the report as a valid .xlsx", async () => {
    const { page, pageErrors } = await open({ inExcel: false, acceptDownloads: true });
    const u = ui(page);
    await loadSample(page);
    expect(await page.getByText(/^Åpnet utenfor Excel/).isVisible()).toBe(true);
    // Writing into a workbook needs Excel: the button is not offered.
    expect(await u.write.count()).toBe(0);

    await expectEnabled(u.download);
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: UI_TIMEOUT }), u.download.click()]);
    const name = download.suggestedFilename();
    expect(name).toMatch(/\.xlsx$/);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const file = path.join(SCREENSHOTS, name);
    await download.saveAs(file);
    await screenshot(page, "f-downloaded");

    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    expect(zip.file("xl/workbook.xml")).not.toBeNull();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining([PROFILE_2017, DATA_SHEET]));
    const c8 = workbook.getWorksheet(PROFILE_2017)?.getCell("C8").formula ?? "";
    expect(c8).toMatch(WEIGHTED_AVERAGE_TEXT);
    await visible(page.getByText(`Lastet ned ${name}.`));
    expect(pageErrors).toEqual([]);
  });

  it("(g) runs the main flow with the keyboard only", async () => {
    const { page, pageErrors } = await open({ inExcel: true });
    const u = ui(page);
    await expectEnabled(u.load);
    const focused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement).catch(() => false);
    /** Tab (forwards) until `target` has focus; fails after `max` presses. */
    async function tabTo(target: Locator, what: string, max = 80): Promise<void> {
      for (let i = 0; i < max; i++) {
        if (await focused(target)) return;
        await page.keyboard.press("Tab");
      }
      throw new Error(`Tab never reached ${what}`);
    }

    // The municipality: type a code, move to the one option with the arrow key (the box announces it), choose it with Enter.
    const municipality = page.getByRole("combobox", { name: "Kommune" });
    await tabTo(municipality, "the municipality box");
    await page.keyboard.type("220");
    await visible(page.getByRole("listbox", { name: "Kommune" }).getByRole("option", { name: "Asker (0220)" }));
    await page.keyboard.press("ArrowDown");
    const activeOption = () =>
      municipality.evaluate((el) => document.getElementById(el.getAttribute("aria-activedescendant") ?? "")?.textContent?.trim() ?? "");
    expect(await activeOption()).toBe("Asker (0220)");
    await page.keyboard.press("Enter");
    await visible(page.getByRole("heading", { name: "Profil for Asker 2017", exact: true }));
    // Back to Bærum by its name without diacritics, confirmed with Enter as typed.
    await page.keyboard.press("Control+A");
    await page.keyboard.type("Baerum");
    await page.keyboard.press("Enter");
    expect(await municipality.inputValue()).toBe("Bærum (0219)");

    // The year: a native list; the arrow keys move its choice to 2018.
    const year = page.getByRole("combobox", { name: "År", exact: true });
    await tabTo(year, "the year list");
    for (let i = 0; i < 12 && (await year.inputValue()) !== "2018"; i++) await page.keyboard.press("ArrowDown");
    expect(await year.inputValue()).toBe("2018");
    await visible(u.previewFor(2018));

    // The source: Tab into the radio group, arrows to "SSB direkte" and back to "Eksempeldata".
    const sample = u.source("Eksempeldata");
    await tabTo(page.getByRole("radio", { checked: true }), "the checked source");
    await page.keyboard.press("ArrowDown");
    expect(await u.source("SSB direkte").isChecked()).toBe(true);
    await page.keyboard.press("ArrowUp");
    expect(await sample.isChecked()).toBe(true);

    await tabTo(u.load, "Hent data");
    await page.keyboard.press("Enter");
    await visible(u.previewFor(2018));

    await tabTo(u.write, "Skriv til arbeidsbok");
    await page.keyboard.press("Space");
    await visible(u.sheetLink(PROFILE_2018));
    await screenshot(page, "g-keyboard-success");

    const report = await writtenReport(page, PROFILE_2018);
    expect(report.sheets).toEqual(expect.arrayContaining([PROFILE_2018, DATA_SHEET]));
    expect(report.c8?.formula ?? "").toMatch(WEIGHTED_AVERAGE);
    expect(report.settings?.year).toBe(2018);
    expect(pageErrors).toEqual([]);
  });
});
