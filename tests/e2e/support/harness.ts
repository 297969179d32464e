/**
 * What the browser tests share: the production bundle served from dist/ on 127.0.0.1,
 * headless Chromium with the network closed, Microsoft's CDN office.js either replaced by
 * the fake Excel (inside Excel) or served from node_modules (outside Excel), SSB's API
 * answered by the local PxWebApi 2 server, screenshots and axe-core scans.
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import { chromium, type Browser, type BrowserContext, type Page, type Route } from "playwright-core";
import { KLASS_PATH, type PxWebServer } from "../../support/pxweb-server";
import { E2E_UI_WAIT_MS } from "../../support/timing";
import type { KbConfig, KbHandle } from "./kb-handle";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const browser = require("../../support/browser") as { CHROMIUM: string; CHROMIUM_ARGS: string[]; contentType(file: string): string };
export const { CHROMIUM, CHROMIUM_ARGS, contentType } = browser;

export const ROOT = path.resolve(__dirname, "../../..");
export const DIST = path.join(ROOT, "dist");
export const OFFICE_JS_DIST = path.join(ROOT, "node_modules/@microsoft/office-js/dist");
export const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
export const SSB_API = "https://data.ssb.no/api/pxwebapi/v2";
/** SSB's classification service Klass, answered by the same local server. */
export const SSB_KLASS = "https://data.ssb.no/api/klass/v1";
export const RESULTS = path.join(ROOT, "test-results");
export const SCREENSHOTS = path.join(RESULTS, "e2e");




/** Resolve a URL path inside `base`, or null when it would escape it or names no file. */
export function fileUnder(base: string, urlPath: string): string | null {
  const file = path.resolve(base, "." + decodeURIComponent(urlPath));
  if (file !== base && !file.startsWith(base + path.sep)) return null;
  return fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
}

export interface StaticServer {
  baseUrl: string;
  close(): Promise<void>;
}

/** Serve `dir` on 127.0.0.1 (an ephemeral port); "/" is taskpane.html. */
export async function startStaticServer(dir: string): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    const urlPath = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    const file = fileUnder(dir, urlPath === "/" ? "/taskpane.html" : urlPath);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": contentType(file) });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export function checkPrerequisites(): void {
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
}

export const launchBrowser = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

/**
 * Close the page off from the internet. Registered first, so it runs last (Playwright
 * tries the most recently registered matching route first): anything the later routes
 * don't handle and that isn't on 127.0.0.1 is aborted.
 */
export async function blockExternalHosts(target: Page | BrowserContext): Promise<void> {
  await target.route("**/*", (route) => {
    const { hostname } = new URL(route.request().url());
    return hostname === "127.0.0.1" ? route.continue() : route.abort();
  });
}

/** office.js and its companion files from the npm package instead of Microsoft's CDN. */
export async function serveOfficeJs(target: Page | BrowserContext): Promise<void> {
  await target.route(`${OFFICE_CDN}**`, (route) => {
    const file = fileUnder(OFFICE_JS_DIST, "/" + route.request().url().slice(OFFICE_CDN.length).split(/[?#]/)[0]);
    if (!file) return route.fulfill({ status: 404, body: "" });
    return route.fulfill({ status: 200, path: file, contentType: contentType(file) });
  });
}

/** The CDN office.js as an empty script: the injected fake already provides `Office`. */
export async function emptyOfficeJs(target: Page | BrowserContext): Promise<void> {
  await target.route(`${OFFICE_CDN}**`, (route) => route.fulfill({ status: 200, body: "", contentType: "text/javascript" }));
}

/**
 * SSB's API answered by the local PxWebApi 2 server, so the pane keeps its default SSB
 * address. The request goes out from the test process (route.fetch) and comes back with
 * CORS allowed, as data.ssb.no answers.
 */
export async function routeSsb(target: Page | BrowserContext, pxweb: PxWebServer): Promise<void> {
  await routeTo(target, SSB_API, pxweb.baseUrl);
  await routeTo(target, SSB_KLASS, new URL(pxweb.baseUrl).origin + KLASS_PATH);
}

/** Answer requests below `prefix` from the same path below `local`, with CORS as SSB sends it. */
export async function routeTo(target: Page | BrowserContext, prefix: string, local: string): Promise<void> {
  await target.route(`${prefix}/**`, async (route: Route) => {
    const request = route.request();
    const rewritten = local + request.url().slice(prefix.length);
    if (request.method() === "OPTIONS") {
      await route
        .fulfill({
          status: 204,
          headers: {
            "Access-Control-Allow-Origin": "*",
            "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
            "Access-Control-Allow-Headers": "Content-Type, Accept",
          },
        })
        .catch(() => undefined);
      return;
    }
    try {
      const response = await route.fetch({ url: rewritten, timeout: 60_000 });
      await route.fulfill({ response, headers: { ...response.headers(), "access-control-allow-origin": "*" } });
    } catch {
      // The page gave up on the request (cancelled, or the page closed) while the server held it.
      await route.abort().catch(() => undefined);
    }
  });
}

export interface PaneOptions {
  /** Inside Excel: the fake Excel is injected and office.js is an empty script. Outside: the real office.js from node_modules. */
  inExcel: boolean;
  /** Options for the fake (only inside Excel). */
  kb?: KbConfig;
  /** Route SSB's API to this server (otherwise it is blocked like any other host). */
  pxweb?: PxWebServer;
  width?: number;
  height?: number;
  /** Allow downloads (outside Excel, "Last ned som .xlsx"). */
  acceptDownloads?: boolean;
  /** The fake Excel bundle (tests/e2e/webpack.e2e.js `buildFakeExcel()`), needed inside Excel. */
  fakeExcelScript?: string;
  /** Script run in the page before its own (e.g. to take away a feature the browser check looks for). */
  beforeLoad?: string;
  /** A proxy address for SSB, answered by the same local server as SSB itself. */
  routeProxy?: string;
}

/** A Content-Security-Policy violation the page reported. */
export interface CspViolation {
  directive: string;
  blockedURI: string;
  sample: string;
}

declare global {
  interface Window {
    __cspViolations?: CspViolation[];
  }
}

/** Every Content-Security-Policy violation the page has reported so far. */
export function cspViolations(page: Page): Promise<CspViolation[]> {
  return page.evaluate(() => window.__cspViolations ?? []);
}

export interface OpenedPane {
  page: Page;
  context: BrowserContext;
  /** Uncaught exceptions in the page. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** A pane of the usual task-pane size in a fresh context (no cache, no storage), at `url`. */
export async function openPane(browser: Browser, url: string, options: PaneOptions): Promise<OpenedPane> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 360, height: options.height ?? 900 },
    locale: "nb-NO",
    acceptDownloads: options.acceptDownloads ?? false,
  });
  // Every wait for an element or event in the page is bounded by the one E2E bound (tests/support/timing.js).
  context.setDefaultTimeout(E2E_UI_WAIT_MS);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));

  // Collect the page's Content-Security-Policy violations from before its first script.
  await page.addInitScript(() => {
    const seen: CspViolation[] = (window.__cspViolations = []);
    document.addEventListener("securitypolicyviolation", (e) => seen.push({ directive: e.effectiveDirective, blockedURI: e.blockedURI, sample: e.sample }));
  });
  if (options.beforeLoad) await page.addInitScript(options.beforeLoad);
  await blockExternalHosts(page);
  if (options.pxweb) await routeSsb(page, options.pxweb);
  if (options.pxweb && options.routeProxy) await routeTo(page, options.routeProxy, options.pxweb.baseUrl);
  if (options.inExcel) {
    if (!options.fakeExcelScript) throw new Error("openPane: inside Excel needs the fake Excel bundle");
    await emptyOfficeJs(page);
    await page.addInitScript((config: KbConfig) => {
      window.__kbConfig = config;
    }, options.kb ?? {});
    await page.addInitScript({ path: options.fakeExcelScript });
  } else {
    await serveOfficeJs(page);
  }
  await page.goto(url);
  return { page, context, pageErrors, close: () => context.close() };
}

/**
 * Call the fake workbook's test handle in the page: `kb(page, (h, name) => h.hasSheet(name), "Ark1")`.
 * `fn` runs in the page, so it can use only its arguments.
 */
export function kb<R, A = undefined>(page: Page, fn: (handle: KbHandle, arg: A) => R, arg?: A): Promise<R> {
  return page.evaluate(
    ({ source, value }) => {
      const handle = window.__kb;
      if (!handle) throw new Error("The fake Excel is not installed in this page");
      return (0, eval)(`(${source})`)(handle, value);
    },
    { source: fn.toString(), value: arg },
  ) as Promise<R>;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

interface AxeNode {
  target: unknown[];
  html: string;
  summary: string;
}
export interface AxeViolation {
  id: string;
  impact: "minor" | "moderate" | "serious" | "critical" | null;
  help: string;
  helpUrl: string;
  tags: string[];
  nodes: AxeNode[];
}

/** Rules axe runs: WCAG 2.0/2.1 A and AA, best practices, and WCAG 2.2 AA (reported only, see axeScan). */
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice", "wcag22aa"];

/**
 * Run axe-core on the page as it is now, with WCAG 2.0, 2.1 and 2.2 A/AA rules (2.2's,
 * such as target-size, are off in axe by default) and best practices. Prints every
 * violation; returns those with impact serious or critical.
 */
export async function axeScan(page: Page, state: string): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== "undefined");
  // Evaluated, not added as a <script>: the page's Content-Security-Policy refuses inline scripts.
  if (!loaded) await page.evaluate(fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
  const violations = await page.evaluate(async (tags) => {
    interface RawNode {
      target: unknown[];
      html: string;
      failureSummary?: string;
    }
    interface RawViolation {
      id: string;
      impact: AxeViolation["impact"];
      help: string;
      helpUrl: string;
      tags: string[];
      nodes: RawNode[];
    }
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: RawViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      tags: v.tags,
      nodes: v.nodes.map((n) => ({
        target: n.target,
        html: n.html.replace(/ class="[^"]*"/g, "").slice(0, 300),
        summary: (n.failureSummary ?? "").replace(/\s+/g, " ").slice(0, 400),
      })),
    }));
  }, AXE_TAGS);
  for (const v of violations) {
    const nodes = v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.html}\n    ${n.summary}`).join("\n  ");
    console.log(`axe [${state}] ${v.impact ?? "?"} ${v.id}: ${v.help} (${v.nodes.length}×) ${v.helpUrl}\n  ${nodes}`);
  }
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}
