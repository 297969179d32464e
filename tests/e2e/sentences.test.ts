/**
 * The preview's sentences in the production bundle, in headless Chromium outside Excel (the
 * pane opens on the SYNTHETIC sample: Bærum 2017 against ASSS): under the picture the
 * engine's sentence for each indicator; "Kopier tekst" reached and pressed from the
 * keyboard puts them on the clipboard as plain text, one per line, and the status line
 * says so; where the clipboard refuses, the status line says how to copy by hand. axe-core
 * finds nothing at Office's narrowest pane; screenshots in test-results/e2e/sentences-*.png.
 */
import type { Browser } from "playwright-core";
import { benchmark, defaultOptions } from "../../src/kostra/benchmark";
import { profileSentences } from "../../src/kostra/sentences";
import { sampleDataset } from "../../src/sources/sample";
import { axeScan, checkPrerequisites, DIST, launchBrowser, openPane, screenshot, startStaticServer, type OpenedPane, type PaneOptions, type StaticServer } from "./support/harness";

const SENTENCES = profileSentences(benchmark(sampleDataset(), defaultOptions("plan-miljo-kultur", "0219", 2017)), "nb");
const TABLE = /^Tallene for Bærum 2017/;

let browser: Browser;
let dist: StaticServer;
const opened: OpenedPane[] = [];

beforeAll(async () => {
  checkPrerequisites();
  [dist, browser] = await Promise.all([startStaticServer(DIST), launchBrowser()]);
});
afterEach(async () => {
  while (opened.length) await opened.pop()?.close();
});
afterAll(async () => {
  await browser?.close();
  await dist?.close();
});

async function open(options: Omit<PaneOptions, "inExcel"> = {}): Promise<OpenedPane> {
  const pane = await openPane(browser, `${dist.baseUrl}/taskpane.html`, { inExcel: false, ...options });
  opened.push(pane);
  await pane.page.getByRole("heading", { name: "Tekst til analysen" }).waitFor({ state: "visible" });
  return pane;
}

describe("the preview's sentences (production bundle)", () => {
  it("shows the engine's sentences at 320 px without sideways scrolling, and axe finds nothing", async () => {
    const { page, pageErrors } = await open({ width: 320, height: 1600 });
    const items = page.getByTestId("profile-sentences").getByRole("listitem");
    expect(await items.allTextContents()).toEqual(SENTENCES);
    expect(SENTENCES[0]).toMatch(/^Netto driftsutgifter kunstformidling pr\. innbygger: Bærum bruker 49 % mindre enn snittet i ASSS: 141 kr mot 277 kr per innbygger\./);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await page.getByRole("button", { name: "Kopier tekst" }).scrollIntoViewIfNeeded();
    await screenshot(page, "sentences-320");
    expect(await axeScan(page, "sentences-320").then((v) => v.map((x) => `${x.impact} ${x.id}`))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("«Kopier tekst» from the keyboard puts the sentences on the clipboard as plain text, one per line, and says so", async () => {
    const { page, context, pageErrors } = await open({ width: 350, height: 1200 });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: dist.baseUrl });
    // The next stop after the figures' table is the button.
    await page.getByRole("region", { name: TABLE }).focus();
    await page.keyboard.press("Tab");
    const button = page.getByRole("button", { name: "Kopier tekst" });
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    const status = page.getByRole("status").filter({ hasText: "De 6 setningene er kopiert som ren tekst. Lim inn i Word." });
    await status.waitFor({ state: "visible" });
    const pasted = await page.evaluate(async () => {
      const items = await navigator.clipboard.read();
      return { types: items.flatMap((i) => i.types), text: await navigator.clipboard.readText() };
    });
    expect(pasted.types).toEqual(["text/plain"]);
    expect(pasted.text).toBe(SENTENCES.join("\n") + "\n");
    // The focus stays on the button.
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it("says how to copy by hand where the clipboard refuses the text", async () => {
    const { page, pageErrors } = await open({
      width: 320,
      beforeLoad: "Object.defineProperty(navigator, 'clipboard', { value: undefined }); document.execCommand = () => false;",
    });
    await page.getByRole("button", { name: "Kopier tekst" }).click();
    await page.getByRole("status").filter({ hasText: /^Utklippstavlen tok ikke imot teksten her\./ }).waitFor({ state: "visible" });
    await screenshot(page, "sentences-refused");
    expect(await axeScan(page, "sentences-refused").then((v) => v.map((x) => `${x.impact} ${x.id}`))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
