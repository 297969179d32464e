/**
 * Template workbooks made outside Excel open in the pane as template workbooks: a workbook
 * written by `kostra report` and one downloaded with "Last ned som .xlsx" are loaded into
 * the fake Excel as Excel opens a file (sheets, cells, the custom XML parts the workbook
 * relates to; new worksheet ids), and the pane offers "Oppdater". The CLI-written one is
 * then updated to 2018: its report sheets, owned by name in the file, are the ones the
 * pane asks to replace, and the settings it writes know them by id.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Page } from "playwright-core";
import { main } from "../../src/cli/main";
import { E2E_UI_WAIT_MS as UI_TIMEOUT } from "../support/timing";
import { workbookStateFromXlsx } from "../support/xlsx-workbook";
import { kb, screenshot } from "./support/harness";
import { enabled, visible } from "./support/waits";
import { usePaneWorld } from "./support/world";

const PROFILE_2017 = "Plan, miljø og kultur 2017";
const PROFILE_2018 = "Plan, miljø og kultur 2018";
const TREND = "Utvikling Plan, miljø og kultur";
const DATA_SHEET = "KOSTRA-data";

const world = usePaneWorld();


const update = (page: Page) => page.getByRole("button", { name: "Oppdater", exact: true });
const updateTo = (page: Page, year: number) => page.getByRole("button", { name: `Oppdater til ${year}`, exact: true });

/** The banner and both update buttons of a template workbook. */
async function expectTemplateOffered(page: Page): Promise<void> {
  await enabled(update(page));
  await enabled(updateTo(page, 2018));
  await visible(page.getByText(/^Arbeidsboken er en mal: Plan, miljø og kultur, Bærum 2017\./));
}

describe("template workbooks made outside Excel, opened in the pane", () => {
  it("opens a workbook written by kostra report with «Oppdater» offered, and updates it to 2018", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kostra-e2e-template-"));
    const file = path.join(dir, "baerum.xlsx");
    const quiet = { out: () => undefined, err: () => undefined, readFile: (p: string) => fs.readFileSync(p) };
    expect(await main(["report", "--sample", "--sector", "plan-miljo-kultur", "--municipality", "0219", "--year", "2017", "--years", "2015-2017", "--out", file], quiet)).toBe(0);
    const state = await workbookStateFromXlsx(fs.readFileSync(file));
    expect(state.parts).toHaveLength(1);

    const { page, pageErrors } = await world.open({ inExcel: true, kb: { state } });
    await expectTemplateOffered(page);
    await screenshot(page, "t-cli-template");

    await updateTo(page, 2018).click();
    // The report's sheets, owned by name in the file, are the ones the pane asks to replace.
    const dialog = page.getByRole("alertdialog", { name: "Erstatte ark?" });
    await visible(dialog);
    expect(await dialog.textContent()).toContain(`Oppdater til 2018 erstatter disse arkene: ${[PROFILE_2017, TREND, DATA_SHEET].map((n) => `«${n}»`).join(", ")}. Fortsett?`);
    await dialog.getByRole("button", { name: "Erstatt" }).click();
    await visible(page.getByRole("button", { name: `Gå til «${PROFILE_2018}»` }).or(page.getByRole("link", { name: `Gå til «${PROFILE_2018}»` })), 30_000);

    const after = await kb(page, (h) => ({ sheets: h.sheetNames(), settings: h.templateSettings() }));
    expect(after.sheets).toEqual(expect.arrayContaining([PROFILE_2018, TREND, DATA_SHEET]));
    expect(after.sheets).not.toContain(PROFILE_2017);
    expect(after.settings?.year).toBe(2018);
    // Known by id from this write on.
    expect(after.settings?.ownedSheets.every((o) => typeof o.id === "string" && o.id.length > 0)).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it("opens a workbook downloaded with «Last ned som .xlsx» with «Oppdater» offered", async () => {
    const outside = await world.open({ inExcel: false, acceptDownloads: true });
    const load = outside.page.getByRole("button", { name: "Hent data", exact: true });
    await enabled(load);
    await outside.page.getByRole("radio", { name: "Eksempeldata", exact: true }).check();
    await load.click();
    await visible(outside.page.getByRole("heading", { name: "Profil for Bærum 2017", exact: true }));
    const button = outside.page.getByRole("button", { name: "Last ned som .xlsx", exact: true });
    await enabled(button);
    const [download] = await Promise.all([outside.page.waitForEvent("download", { timeout: UI_TIMEOUT }), button.click()]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kostra-e2e-download-")), download.suggestedFilename());
    await download.saveAs(file);
    const state = await workbookStateFromXlsx(fs.readFileSync(file));
    expect(state.sheets.map((s) => s.name)).toEqual([PROFILE_2017, TREND, DATA_SHEET]);
    expect(state.parts).toHaveLength(1);

    const { page, pageErrors } = await world.open({ inExcel: true, kb: { state } });
    await expectTemplateOffered(page);
    // The download's choices: the sample, as it was loaded.
    expect(await page.getByRole("radio", { name: "Eksempeldata", exact: true }).isChecked()).toBe(true);
    await screenshot(page, "t-downloaded-template");
    expect(outside.pageErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
