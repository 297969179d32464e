/**
 * The production task pane in headless Chromium: served from dist/ on 127.0.0.1, with every
 * other host blocked. Microsoft's CDN office.js is either served from node_modules or left
 * unreachable; the pane must render the sample profile either way.
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, contentType } from "./support/harness";
import { E2E_UI_WAIT_MS } from "../support/timing";
import { benchmark, defaultOptions } from "../../src/kostra/benchmark";
import { formatNumber } from "../../src/kostra/describe";
import { sampleDataset } from "../../src/sources/sample";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const OFFICE_JS_DIST = path.join(ROOT, "node_modules/@microsoft/office-js/dist");
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const SCREENSHOTS = path.join(ROOT, "test-results/e2e");
const KUNST = "Netto driftsutgifter kunstformidling pr. innbygger";
const NOTICE_START = "Eksempeldata (syntetiske)";



/** Resolve a URL path inside `base`, or null when it would escape it or names no file. */
function fileUnder(base: string, urlPath: string): string | null {
  const file = path.resolve(base, "." + decodeURIComponent(urlPath));
  if (file !== base && !file.startsWith(base + path.sep)) return null;
  return fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
}

function startServer(): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const urlPath = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    const file = fileUnder(DIST, urlPath === "/" ? "/taskpane.html" : urlPath);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": contentType(file) });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

let server: http.Server;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it with ` +
        "`apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-dejavu-core` " +
        "or set CHROMIUM_PATH.",
    );
  }
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) {
    throw new Error(`${path.join(DIST, "taskpane.html")} is missing: run \`npm run build\` before the end-to-end tests.`);
  }
  server = await startServer();
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

interface OpenedPane {
  page: Page;
  pageErrors: string[];
  close: () => Promise<void>;
}

/** A 340 px wide pane with the network closed except for our server (and, if asked, the routed CDN). */
async function openPane(options: { serveOfficeJs: boolean }): Promise<OpenedPane> {
  const context = await browser.newContext({ viewport: { width: 340, height: 800 }, locale: "nb-NO" });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));

  // Registered first, so it runs last: anything not on our server is aborted.
  await page.route("**/*", (route) => {
    const { hostname } = new URL(route.request().url());
    return hostname === "127.0.0.1" ? route.continue() : route.abort();
  });
  if (options.serveOfficeJs) {
    await page.route(`${CDN}**`, (route) => {
      const file = fileUnder(OFFICE_JS_DIST, "/" + route.request().url().slice(CDN.length).split(/[?#]/)[0]);
      if (!file) return route.fulfill({ status: 404, body: "" });
      return route.fulfill({ status: 200, path: file, contentType: contentType(file) });
    });
  }

  await page.goto(`${baseUrl}/taskpane.html`);
  return { page, pageErrors, close: () => context.close() };
}

async function expectSampleProfile(page: Page): Promise<void> {
  const table = page.getByRole("table", { name: /^Tallene for Bærum 2017/ });
  const row = table.getByRole("rowgroup", { name: KUNST });
  await row.waitFor({ state: "visible", timeout: E2E_UI_WAIT_MS });
  // The cell under a column: the columns' order is the header's.
  const columns = await table.getByRole("columnheader").allTextContents();
  const figure = (column: string) => row.getByRole("cell").nth(columns.indexOf(column));
  expect(await figure("Bærum").textContent()).toBe("141");
  // The pane averages as KS by default: kroner per inhabitant weighted by population (the seed's simple mean is 277).
  const asKs = benchmark(sampleDataset(), defaultOptions("plan-miljo-kultur", "0219", 2017)).rows[0];
  expect(await figure("Snitt ASSS").textContent()).toBe(formatNumber(asKs.average, 0, "nb"));
  expect(await figure("Snitt ASSS").textContent()).not.toBe("277");
  expect(await figure("Indeks").textContent()).toBe(formatNumber(asKs.index, 1, "nb"));
  expect(await page.getByText(NOTICE_START).isVisible()).toBe(true);
  expect(await page.getByRole("heading", { name: "Profil for Bærum 2017" }).isVisible()).toBe(true);
}

describe("task pane (production bundle)", () => {
  it("renders the sample profile with office.js served in place of the CDN", async () => {
    const { page, pageErrors, close } = await openPane({ serveOfficeJs: true });
    try {
      await expectSampleProfile(page);
      expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe("object");
      await page.getByText("Åpnet utenfor Excel").waitFor({ state: "visible" });

      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOTS, "pane-sample.png"), fullPage: true });

      // Nothing may overflow the pane sideways at its usual width.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(340);
      expect(pageErrors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("still renders the profile when office.js cannot be loaded", async () => {
    const { page, pageErrors, close } = await openPane({ serveOfficeJs: false });
    try {
      await expectSampleProfile(page);
      expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe("undefined");
      expect(await page.getByText("Åpnet utenfor Excel").isVisible()).toBe(true);
      expect(pageErrors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("takes a typed municipality from the keyboard and reports one that did not exist that year", async () => {
    const { page, pageErrors, close } = await openPane({ serveOfficeJs: false });
    try {
      await expectSampleProfile(page);
      const municipality = page.getByRole("combobox", { name: "Kommune" });
      await municipality.fill("");
      await municipality.pressSequentially("Lillestrøm");
      await municipality.press("Enter");
      const alert = page.getByRole("alert");
      await alert.waitFor({ state: "visible" });
      expect(await alert.textContent()).toContain("Lillestrøm fantes ikke som kommune i 2017.");
      expect(await page.getByText(NOTICE_START).isVisible()).toBe(true);
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOTS, "pane-error.png"), fullPage: true });

      await municipality.fill("");
      await municipality.pressSequentially("3201");
      await municipality.press("Enter");
      await expectSampleProfile(page);
      expect(await municipality.inputValue()).toBe("Bærum (0219)");
      expect(pageErrors).toEqual([]);
    } finally {
      await close();
    }
  });
});
