/**
 * The production pane served as a municipality's IT serves it: Debian's nginx with the
 * add-in configuration (deploy/nginx/kostra-addin.conf.template, rendered by render.js)
 * over the built dist/ folder, opened in headless Chromium.
 * - The Content-Security-Policy arrives as a header, the same as the page's own, and the
 *   pane loads under it with no violation and no error;
 * - hashed files are cached for a year and immutable, pages and the manifest revalidated on
 *   every opening, icons cacheable (Office refuses icons served no-cache);
 * - nothing else is served: no listing, no hidden files.
 */
import * as fs from "fs";
import * as path from "path";
import type { Browser } from "playwright-core";
import { startAddinHost, type RunningNginx } from "../support/nginx";
import { E2E_UI_WAIT_MS as UI_TIMEOUT } from "../support/timing";
import { cspViolations, DIST, launchBrowser, openPane } from "./support/harness";

let host: RunningNginx;
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/ is missing: run `npm run build` first.");
  [host, browser] = await Promise.all([startAddinHost(DIST), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

const pagePolicy = () => /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8"))?.[1];
const hashedScript = () => fs.readdirSync(DIST).find((f) => /^taskpane\.[0-9a-f]{8}\.js$/.test(f));

describe("the add-in's files on nginx", () => {
  it("sends the page's own Content-Security-Policy as a header, and the pane loads under it: no violation, no error", async () => {
    const res = await fetch(`${host.origin}/taskpane.html`);
    expect(res.status).toBe(200);
    expect(pagePolicy()).toBeDefined();
    expect(res.headers.get("content-security-policy")).toBe(pagePolicy());
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBeNull(); // Excel shows the pane in a frame

    const pane = await openPane(browser, `${host.origin}/taskpane.html`, { inExcel: false });
    try {
      const consoleCsp: string[] = [];
      pane.page.on("console", (m) => /Content Security Policy|Refused to/i.test(m.text()) && consoleCsp.push(m.text()));
      await pane.page.getByRole("button", { name: "Hent data", exact: true }).waitFor({ state: "visible", timeout: UI_TIMEOUT });
      // The preview (the domain chunk, loaded after the first view) shows too.
      await pane.page.getByRole("heading", { name: /^Profil for / }).waitFor({ state: "visible", timeout: UI_TIMEOUT });
      expect(await cspViolations(pane.page)).toEqual([]);
      expect(consoleCsp).toEqual([]);
      expect(pane.pageErrors).toEqual([]);
    } finally {
      await pane.close();
    }
  });

  it("caches hashed files for a year, revalidates pages and the manifest, keeps icons cacheable", async () => {
    const script = hashedScript();
    expect(script).toBeDefined();
    const hashed = await fetch(`${host.origin}/${script}`);
    expect([hashed.status, hashed.headers.get("cache-control")]).toEqual([200, "public, max-age=31536000, immutable"]);
    expect(hashed.headers.get("content-type")).toMatch(/javascript/);
    for (const file of fs.readdirSync(DIST).filter((f) => /\.[0-9a-f]{8}\.(js|css)$/.test(f))) {
      const res = await fetch(`${host.origin}/${file}`);
      expect([file, res.status, res.headers.get("cache-control")]).toEqual([file, 200, "public, max-age=31536000, immutable"]);
    }
    for (const file of ["taskpane.html", "commands.html", "manifest.xml"]) {
      expect(fs.existsSync(path.join(DIST, file))).toBe(true);
      const res = await fetch(`${host.origin}/${file}`);
      expect([file, res.status, res.headers.get("cache-control")]).toEqual([file, 200, "no-cache"]);
    }
    const icon = await fetch(`${host.origin}/assets/icon-32.png`);
    expect([icon.status, icon.headers.get("content-type"), icon.headers.get("cache-control")]).toEqual([200, "image/png", "public, max-age=86400"]);
  });

  it("serves nothing but the add-in's files", async () => {
    expect((await fetch(`${host.origin}/assets/`)).status).toBe(404);
    expect((await fetch(`${host.origin}/.git/config`)).status).toBe(404);
    expect((await fetch(`${host.origin}/../package.json`)).status).toBe(404);
    expect((await fetch(`${host.origin}/nothing.js`)).status).toBe(404);
    const root = await fetch(`${host.origin}/`, { redirect: "manual" });
    expect([root.status, root.headers.get("location")]).toEqual([302, expect.stringMatching(/\/taskpane\.html$/)]);
  });
});
