/**
 * The template editor in headless Chromium, on the production bundle, inside the fake Excel:
 * open the editor, add an indicator from the catalog and one picked from an SSB table's
 * metadata (the local PxWebApi 2 server answers `/tables?query=` and the metadata), reorder
 * with the keyboard, rename, save; load the template's figures from "SSB" (the local server,
 * SYNTHETIC numbers), write to the workbook, export the template as JSON, and import it in a
 * fresh page with a new workbook. The workbook written also opens on the template elsewhere.
 */
import * as fs from "fs";
import * as path from "path";
import type { Locator, Page } from "playwright-core";
import type { KbConfig } from "./support/kb-handle";
import { SCREENSHOTS, axeScan, kb, screenshot, type OpenedPane } from "./support/harness";
import { usePaneWorld } from "./support/world";
import { E2E_UI_WAIT_MS as UI_TIMEOUT } from "../support/timing";

const BIBLIOTEK = "Netto driftsutgifter bibliotek pr. innbygger";
const NAME = "Kulturnøkkeltall";
const SSB_LABEL = "Kunstformidling (SSB)";

const world = usePaneWorld();
const open = (kbConfig: KbConfig = {}): Promise<OpenedPane> => world.open({ inExcel: true, kb: kbConfig, acceptDownloads: true });

const visible = (locator: Locator, timeout = UI_TIMEOUT) => locator.first().waitFor({ state: "visible", timeout });
const picker = (page: Page) => page.getByRole("combobox", { name: "Sektormal" });
/** The template the picker (a native list) has chosen, by its name. */
const chosenTemplate = (page: Page) => picker(page).evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? "");
const labels = (dialog: Locator) => dialog.getByRole("textbox", { name: /^Visningsnavn for/ }).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));

describe("template editor in the browser", () => {
  it("builds a template from the catalog and SSB, writes it, exports it and opens it in another workbook", async () => {
    const { page, pageErrors } = await open();
    await visible(picker(page));
    await page.getByRole("button", { name: "Ny mal", exact: true }).click();
    const dialog = page.getByRole("dialog");
    await visible(dialog);
    await dialog.getByRole("textbox", { name: /Navn på malen/ }).fill(NAME);
    // The list's heading stands apart from the note under it: nothing overlaps, and there is space between.
    // Measured once the dialog has finished opening (its entrance animation scales and moves it).
    await dialog.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished.catch(() => undefined))));
    const heading = await dialog.getByRole("heading", { name: "Indikatorer i malen" }).boundingBox();
    const below = await dialog.getByText(/^Malen har ingen indikatorer ennå/).first().boundingBox();
    expect(heading && below && below.y - (heading.y + heading.height)).toBeGreaterThanOrEqual(4);

    // From the catalog.
    await dialog.getByRole("searchbox", { name: "Søk i katalogen" }).fill("bibliotek");
    await dialog.getByRole("button", { name: `Legg til «${BIBLIOTEK}»` }).click();

    // From SSB: search, choose the table, one code per dimension.
    await dialog.getByRole("searchbox", { name: "Søk etter SSB-tabell" }).fill("12362");
    await dialog.getByRole("button", { name: "Søk i SSB" }).click();
    await dialog.getByRole("button", { name: "Velg tabell 12362" }).click();
    await visible(dialog.getByRole("heading", { name: /^Tabell 12362/ }));
    await dialog.getByRole("combobox", { name: "funksjon" }).selectOption("377");
    await dialog.getByRole("combobox", { name: "art" }).selectOption("AGD2");
    await dialog.getByRole("combobox", { name: "statistikkvariabel" }).selectOption("KOSbelopinnbygge0000");
    await dialog.getByRole("textbox", { name: /Navn på indikatoren/ }).fill(SSB_LABEL);
    await dialog.getByRole("button", { name: "Legg til indikatoren" }).click();
    expect(await labels(dialog)).toEqual([BIBLIOTEK, SSB_LABEL]);
    expect(world.pxweb().requests.some((r) => r.path === "/tables" && r.query.query === "12362")).toBe(true);
    expect(world.pxweb().requests.some((r) => r.path === "/tables/12362/metadata")).toBe(true);

    // Reorder with the keyboard; rename.
    await dialog.getByRole("button", { name: `Flytt «${SSB_LABEL}» opp` }).focus();
    await page.keyboard.press("Enter");
    expect(await labels(dialog)).toEqual([SSB_LABEL, BIBLIOTEK]);
    await expectFocused(dialog.getByRole("button", { name: `Flytt «${SSB_LABEL}» opp` }));
    await dialog.getByRole("textbox", { name: `Visningsnavn for «${BIBLIOTEK}»` }).fill("Bibliotek");
    await dialog.getByRole("combobox", { name: "Desimaler for «Bibliotek»" }).selectOption("1");
    await screenshot(page, "editor-open");
    const violations = await axeScan(page, "editor-open");
    expect(violations.map((v) => v.id)).toEqual([]);

    await dialog.getByRole("button", { name: "Lagre malen" }).click();
    await dialog.waitFor({ state: "detached", timeout: UI_TIMEOUT });
    await expectFocused(page.getByRole("button", { name: "Ny mal", exact: true }));
    expect(await chosenTemplate(page)).toBe(NAME);

    // The template's figures from "SSB" (the local server), then into the workbook.
    await page.getByRole("radio", { name: "SSB direkte", exact: true }).check();
    await page.getByRole("button", { name: "Hent data", exact: true }).click();
    await visible(page.getByRole("rowgroup", { name: new RegExp(SSB_LABEL.replace(/[()]/g, "\\$&")) }), 30_000);
    await visible(page.getByRole("rowgroup", { name: /^Bibliotek/ }));
    await screenshot(page, "editor-preview");
    await page.getByRole("button", { name: "Skriv til arbeidsbok", exact: true }).click();
    await visible(page.getByText("Rapporten er skrevet."), 30_000);
    const settings = await kb(page, (h) => h.templateSettings());
    expect(settings?.sectors).toEqual(["mal-kulturnokkeltall"]);
    expect(settings?.userTemplate?.template.indicators).toEqual(["bruker-12362-kosbelopinnbygge0000-agd2-377", "bibliotek"]);
    expect(settings?.userTemplate?.indicators.map((i) => i.ssb!.select)).toEqual([{ KOKfunksjon0000: ["377"], KOKart0000: ["AGD2"], ContentsCode: ["KOSbelopinnbygge0000"] }]);
    const state = await kb(page, (h) => h.exportState());

    // Export the template as JSON.
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: UI_TIMEOUT }), page.getByRole("button", { name: "Eksporter mal", exact: true }).click()]);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const file = path.join(SCREENSHOTS, download.suggestedFilename());
    await download.saveAs(file);
    const exported = JSON.parse(fs.readFileSync(file, "utf8"));
    expect(exported.userTemplate.template.labels).toEqual({ bibliotek: { nb: "Bibliotek", en: "Bibliotek" } });
    expect(pageErrors).toEqual([]);

    // A fresh page with a new workbook knows nothing of it until the file is imported.
    const fresh = await open();
    await visible(picker(fresh.page));
    expect(await picker(fresh.page).getByRole("option", { name: NAME }).count()).toBe(0);
    await fresh.page.getByLabel("Velg malfil").setInputFiles(file);
    await visible(fresh.page.getByText("Malen er lest inn."));
    expect(await chosenTemplate(fresh.page)).toBe(NAME);
    // Among the user's own templates (the native list's group; Playwright's roles do not name an optgroup by its label).
    expect(await picker(fresh.page).locator('optgroup[label="Egne maler"] > option').allTextContents()).toEqual([NAME]);
    await screenshot(fresh.page, "editor-imported");
    expect(fresh.pageErrors).toEqual([]);

    // The workbook written in the first page opens on the template in another pane.
    const reopened = await open({ state });
    await visible(reopened.page.getByText(new RegExp(`Arbeidsboken er en mal: ${NAME}`)));
    expect(await chosenTemplate(reopened.page)).toBe(NAME);
    expect(reopened.pageErrors).toEqual([]);
  });
});

describe("the template editor's dialog", () => {
  it("is the page's one modal from the moment it opens, also when it is opened again at once", async () => {
    const { page, pageErrors } = await open();
    await visible(picker(page));
    const pane = page.locator("#root");
    for (const round of [1, 2]) {
      await page.getByRole("button", { name: "Ny mal", exact: true }).click();
      const dialog = page.getByRole("dialog");
      await visible(dialog);
      // The focus starts in the first field; Fluent's focus manager then hides the pane behind the dialog
      // from screen readers (aria-hidden), never the dialog itself.
      await expectFocused(dialog.getByRole("textbox", { name: /Navn på malen/ }));
      await pane.and(page.locator("[aria-hidden=true]")).waitFor({ state: "attached", timeout: UI_TIMEOUT });
      expect(await dialog.count()).toBe(1);
      expect(await dialog.evaluate((el) => el.closest("[aria-hidden=true]") === null)).toBe(true);
      if (round === 1) {
        // A save that is refused changes the dialog without moving the focus; it stays the modal.
        await dialog.getByRole("textbox", { name: /Navn på malen/ }).fill("");
        await dialog.getByRole("button", { name: "Lagre malen" }).click();
        await visible(dialog.getByRole("alert"));
      }
      await dialog.getByRole("button", { name: "Avbryt" }).click();
      await dialog.waitFor({ state: "detached", timeout: UI_TIMEOUT });
      await pane.and(page.locator(":not([aria-hidden])")).waitFor({ state: "attached", timeout: UI_TIMEOUT });
    }
    expect(pageErrors).toEqual([]);
  });
});

/** Wait until the element has the focus (it moves there after a render, or on a timer). */
async function expectFocused(locator: Locator): Promise<void> {
  const element = await locator.elementHandle({ timeout: UI_TIMEOUT });
  await locator.page().waitForFunction((el) => el === document.activeElement, element, { timeout: UI_TIMEOUT });
}
