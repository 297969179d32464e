/**
 * The profile picture in the production bundle, in headless Chromium outside Excel (the
 * pane opens on the synthetic sample: Bærum 2017 against ASSS, Asker under "Sammenlign
 * med"): the chart with Asker marked and its table at Office's narrowest pane (320 px),
 * a usual one (350 px) and a wide one (800 px), with screenshots kept in
 * test-results/e2e/picture-*.png, axe-core, keyboard-only use, "Kopier figur" onto the
 * clipboard, and the refusal that offers "Last ned PNG" instead; under the picture the
 * profile's sentences, "Kopier tekst" onto the clipboard as plain text from the keyboard,
 * and its refusal (screenshots test-results/e2e/sentences-*.png).
 */
import * as fs from "fs";
import type { Browser, Page } from "playwright-core";
import { axeScan, checkPrerequisites, DIST, launchBrowser, openPane, screenshot, startStaticServer, type AxeViolation, type OpenedPane, type PaneOptions, type StaticServer } from "./support/harness";
import { benchmark, defaultOptions } from "../../src/kostra/benchmark";
import { formatNumber } from "../../src/kostra/describe";
import { profileSentences } from "../../src/kostra/sentences";
import { sampleDataset } from "../../src/sources/sample";

/** The chart's title, with no-break spaces around "=" so "= 100" never wraps apart. */
const CHART = /^Plan, miljø og kultur 2017\. Snitt ASSS\s=\s100$/;
const TABLE = /^Tallene for Bærum 2017/;
const KUNST = "Netto driftsutgifter kunstformidling pr. innbygger";
/** The engine's profile for the pane's first view: what the picture must show. */
const PROFILE = benchmark(sampleDataset(), defaultOptions("plan-miljo-kultur", "0219", 2017));
/** The engine's sentences for that profile: what "Tekst til analysen" must show and copy. */
const SENTENCES = profileSentences(PROFILE, "nb");

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
  await pane.page.getByRole("img", { name: CHART }).waitFor({ state: "visible" });
  return pane;
}

function expectNoSeriousViolations(violations: AxeViolation[]): void {
  expect(violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")})`)).toEqual([]);
}

/** The element that has the keyboard focus, described by role-ish facts. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName.toLowerCase() ?? "", role: el?.getAttribute("role") ?? "", text: el?.textContent?.trim().slice(0, 80) ?? "" };
  });

describe("the profile picture (production bundle)", () => {
  it.each([320, 350, 800])("shows the chart with Asker marked and the table at %i px, without sideways scrolling", async (width) => {
    const { page, pageErrors } = await open({ width, height: 1000 });
    const chart = page.getByRole("img", { name: CHART });

    // Asker is chosen under "Sammenlign med" and the picture marks it: in the legend, as a symbol on each row it has an index for, in the text alternative.
    expect(PROFILE.rows[0].comparisons.map((c) => c.municipality.name)).toEqual(["Asker"]);
    const askerRows = PROFILE.rows.filter((r) => r.comparisons[0].index !== null).length;
    expect(askerRows).toBeGreaterThan(0);
    const marks = await chart.evaluate((svg) => ({
      focal: svg.querySelectorAll(".kb-chart-mark0").length,
      asker: svg.querySelectorAll(".kb-chart-mark1").length,
      legend: Array.from(svg.querySelectorAll("text")).map((t) => t.textContent),
      desc: svg.querySelector("desc")?.textContent ?? "",
    }));
    // One per row with an index, plus the legend's.
    expect(marks.asker).toBe(askerRows + 1);
    expect(marks.focal).toBe(PROFILE.rows.filter((r) => r.index !== null).length + 1);
    expect(marks.legend).toEqual(expect.arrayContaining(["Bærum", "Asker", "Snitt ASSS = 100"]));
    const kunst = PROFILE.rows[0];
    expect(marks.desc).toContain(`Bærum ${formatNumber(kunst.index, 0, "nb")}, Asker ${formatNumber(kunst.comparisons[0].index, 0, "nb")}`);

    // The table under it holds the numbers: Bærum's value, the average, index, rank, Asker's index.
    const table = page.getByRole("table", { name: TABLE });
    const header = await table.getByRole("columnheader").allTextContents();
    expect(header.slice(0, 5)).toEqual(["Bærum", "Snitt ASSS", "Indeks", "Rang", "Indeks Asker"]);
    const kunstCells = await table.getByRole("rowgroup", { name: new RegExp(`^${KUNST}`) }).getByRole("cell").allTextContents();
    expect(kunstCells.slice(0, 5)).toEqual([
      "141",
      formatNumber(kunst.average, 0, "nb"),
      formatNumber(kunst.index, 1, "nb"),
      `${kunst.rank} av ${kunst.rankOf}`,
      formatNumber(kunst.comparisons[0].index, 1, "nb"),
    ]);

    // The table fits: its region does not need to scroll (with the template's six indicators and one comparison).
    expect(await page.getByRole("region", { name: TABLE }).evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);

    // Nothing makes the pane scroll sideways; the chart stays inside it.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    const box = await chart.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= width).toBe(true);
    // Long names wrap inside the drawing: no text of the chart reaches past its right edge.
    const overflow = await chart.evaluate((svg) => {
      const right = svg.getBoundingClientRect().right;
      return Array.from(svg.querySelectorAll("text")).filter((t) => t.getBoundingClientRect().right > right + 0.5).map((t) => t.textContent);
    });
    expect(overflow).toEqual([]);

    // Every list's arrow stays inside its field and the pane (item 12: the municipality's stuck out at 320 px).
    const arrows = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>(".kb-select-icon")).map((arrow) => {
        const root = arrow.closest(".kb-select-root") as HTMLElement;
        const control = root.querySelector("select") as HTMLElement;
        const field = document.querySelector(`label[for="${control.id}"]`)?.textContent ?? control.id;
        const [a, r] = [arrow, root].map((el) => el.getBoundingClientRect());
        return { field, arrowWidth: a.width, outsideField: a.right - r.right, outsidePane: a.right - document.documentElement.clientWidth };
      }),
    );
    // Template, year, network, time series from and to, what = 100.
    expect(arrows.length).toBeGreaterThanOrEqual(6);
    for (const a of arrows) {
      expect(a.arrowWidth).toBeGreaterThan(0);
      expect({ field: a.field, outsideField: Math.max(0, a.outsideField), outsidePane: Math.max(0, a.outsidePane) }).toEqual({ field: a.field, outsideField: 0, outsidePane: 0 });
    }
    // The searchable boxes and their open lists stay inside the pane too.
    for (const name of ["Kommune", "Sammenlign med"]) {
      const box = page.getByRole("combobox", { name, exact: true });
      await box.click();
      const list = page.getByRole("listbox", { name, exact: true });
      await list.waitFor({ state: "visible" });
      const [b, l] = [await box.boundingBox(), await list.boundingBox()];
      expect({ name, box: b && b.x >= 0 && b.x + b.width <= width, list: l && l.x >= 0 && l.x + l.width <= width }).toEqual({ name, box: true, list: true });
      await page.keyboard.press("Escape");
      await list.waitFor({ state: "hidden" });
    }

    const file = await screenshot(page, `picture-${width}`);
    console.log(`screenshot of the picture at ${width} px: ${file}`);
    expectNoSeriousViolations(await axeScan(page, `picture-${width}`));
    expect(pageErrors).toEqual([]);
  });

  it("is used from the keyboard alone: Tab reaches the chart, the copy button and the table, whose rows read with their headers", async () => {
    const { page, pageErrors } = await open({ width: 350, height: 900 });
    const stops: { tag: string; role: string; text: string }[] = [];
    // From the page's start, Tab until the chart has the focus (bounded: the form before it has some 30 stops).
    await page.locator("body").focus();
    for (let i = 0; i < 80 && !stops.some((s) => s.role === "img"); i++) {
      await page.keyboard.press("Tab");
      stops.push(await focused(page));
    }
    expect(stops.at(-1)).toMatchObject({ tag: "svg", role: "img" });
    // The chart is in view when it has the focus.
    expect(await page.getByRole("img", { name: CHART }).evaluate((el) => el.getBoundingClientRect().top < window.innerHeight)).toBe(true);

    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ tag: "button", text: "Kopier figur" });
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ role: "region" });
    const region = page.getByRole("region", { name: TABLE });
    expect(await region.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await region.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top < window.innerHeight && r.bottom > 0; })).toBe(true);

    // Each figure is read with its column and its indicator.
    const table = page.getByRole("table", { name: TABLE });
    const first = table.getByRole("cell").first();
    const headers = await first.evaluate((td) => (td.getAttribute("headers") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent ?? ""));
    expect(headers[0]).toBe("Bærum");
    expect(headers[1]).toMatch(new RegExp(`^${KUNST}`));
    expect(await table.getByRole("rowheader").count()).toBe(PROFILE.rows.length);
    expect(pageErrors).toEqual([]);
  });

  it("«Kopier figur» puts the chart on the clipboard as a PNG twice its size", async () => {
    const { page, context, pageErrors } = await open({ width: 350 });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: dist.baseUrl });
    const button = page.getByRole("button", { name: "Kopier figur" });
    await button.focus();
    await page.keyboard.press("Enter");
    await page.getByText("Figuren er kopiert. Lim den inn i Word eller en e-post.").waitFor({ state: "visible" });

    const pasted = await page.evaluate(async () => {
      const items = await navigator.clipboard.read();
      const item = items.find((i) => i.types.includes("image/png"));
      if (!item) return { types: items.flatMap((i) => i.types), width: 0, height: 0, bytes: 0, marked: 0, transparent: 0 };
      const blob = await item.getType("image/png");
      const bitmap = await createImageBitmap(blob);
      // The pasted image carries the chart's colours: pixels in the municipality's mark colour, on an opaque background.
      const canvas = document.createElement("canvas");
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      const g = canvas.getContext("2d")!;
      g.drawImage(bitmap, 0, 0);
      const pixels = g.getImageData(0, 0, bitmap.width, bitmap.height).data;
      const mark = getComputedStyle(document.querySelector(".kb-chart-mark0")!).fill.match(/\d+/g)!.map(Number);
      let marked = 0;
      let transparent = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        if (Math.abs(pixels[i] - mark[0]) + Math.abs(pixels[i + 1] - mark[1]) + Math.abs(pixels[i + 2] - mark[2]) < 12) marked++;
        if (pixels[i + 3] < 255) transparent++;
      }
      return { types: item.types, width: bitmap.width, height: bitmap.height, bytes: blob.size, marked, transparent };
    });
    const size = await page.getByRole("img", { name: CHART }).evaluate((svg) => {
      const { width, height } = (svg as SVGSVGElement).viewBox.baseVal;
      return { width, height };
    });
    expect(pasted.types).toContain("image/png");
    expect(pasted.width).toBe(Math.round(size.width * 2));
    expect(pasted.height).toBe(Math.round(size.height * 2));
    expect(pasted.bytes).toBeGreaterThan(2000);
    // Seven circles (six rows and the legend) of radius 6 or 5 at twice the size: well over 500 pixels.
    expect(pasted.marked).toBeGreaterThan(500);
    expect(pasted.transparent).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it("says so when the clipboard refuses the image, and «Last ned PNG» saves it instead", async () => {
    // An Office host whose browser has no ClipboardItem (older Office on Windows).
    const { page, pageErrors } = await open({ width: 320, acceptDownloads: true, beforeLoad: "delete window.ClipboardItem;" });
    await page.getByRole("button", { name: "Kopier figur" }).click();
    const message = page.getByRole("status").filter({ hasText: /^Utklippstavlen tok ikke imot bildet/ });
    await message.waitFor({ state: "visible" });
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Last ned PNG" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("kostra-figur-plan-miljo-og-kultur-baerum-2017.png");
    const bytes = fs.readFileSync(await file.path());
    expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    expect(await axeScan(page, "picture-copy-refused").then((v) => v.map((x) => x.id))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

/** The pane with its sentences on screen (they come with the picture). */
async function openWithSentences(options: Omit<PaneOptions, "inExcel"> = {}): Promise<OpenedPane> {
  const pane = await open(options);
  await pane.page.getByRole("heading", { name: "Tekst til analysen" }).waitFor({ state: "visible" });
  return pane;
}

describe("the preview's sentences (production bundle)", () => {
  it("shows the engine's sentences at 320 px without sideways scrolling, and axe finds nothing", async () => {
    const { page, pageErrors } = await openWithSentences({ width: 320, height: 1600 });
    const items = page.getByTestId("profile-sentences").getByRole("listitem");
    expect(await items.allTextContents()).toEqual(SENTENCES);
    // The pane's average is KS's rule (weighted by population here): 141 kr against the weighted average.
    expect(SENTENCES[0]).toMatch(/^Netto driftsutgifter kunstformidling pr\. innbygger: Bærum bruker \d+ % mindre enn snittet i ASSS: 141 kr mot \d+ kr per innbygger\. Rang \d+ av \d+\.$/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await page.getByRole("button", { name: "Kopier tekst" }).scrollIntoViewIfNeeded();
    await screenshot(page, "sentences-320");
    expect(await axeScan(page, "sentences-320").then((v) => v.map((x) => `${x.impact} ${x.id}`))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("«Kopier tekst» from the keyboard puts the sentences on the clipboard as plain text, one per line, and says so", async () => {
    const { page, context, pageErrors } = await openWithSentences({ width: 350, height: 1200 });
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
    const { page, pageErrors } = await openWithSentences({
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
