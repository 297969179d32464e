/**
 * The pane's page itself, on the production build in headless Chromium: its
 * Content-Security-Policy holds while the pane loads from SSB and writes a report (no
 * violation is reported), the browser check in front of the bundle shows a clear message
 * where the pane cannot run, and a proxy address from a template workbook is asked about
 * and answered from the keyboard.
 *
 * SSB is answered by the local PxWebApi 2 server through Playwright's routing: the page
 * still asks https://data.ssb.no, so the policy's `connect-src https:` is what is tested.
 */
import { teamsHighContrastTheme, webLightTheme } from "@fluentui/react-components";
import * as fs from "fs";
import * as path from "path";
import type { Page, Request } from "playwright-core";
import { newerThanEs5 } from "../support/es5-syntax";
import { writtenSettings } from "../support/settings-fixture";
import type { TemplateSeed } from "./support/kb-handle";
import { axeScan, cspViolations, DIST, kb, screenshot } from "./support/harness";
import { fluentButtonClass } from "./support/fluent-styles";
import { usePaneWorld } from "./support/world";
import { E2E_UI_WAIT_MS as UI_TIMEOUT } from "../support/timing";

const world = usePaneWorld();

const PROFILE_2017 = "Plan, miljø og kultur 2017";
const PROFILE_2018 = "Plan, miljø og kultur 2018";

/** The policy in the built page, directive → sources. */
function builtPolicy(file: string): Map<string, string[]> {
  const html = fs.readFileSync(path.join(DIST, file), "utf8");
  const content = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/i.exec(html)?.[1];
  if (!content) throw new Error(`${file} has no Content-Security-Policy`);
  return new Map(content.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));
}

describe("the page's Content-Security-Policy", () => {
  it.each(["taskpane.html", "commands.html"])("%s allows only our scripts and Office's, and connections over https", (file) => {
    const policy = builtPolicy(file);
    expect(policy.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    // https anywhere; plain http only to this machine (a local proxy, as checkBaseUrl allows).
    expect(policy.get("connect-src")).toEqual(["'self'", "https:", "http://localhost:*", "http://127.0.0.1:*"]);
    expect(policy.get("img-src")).toEqual(["'self'", "data:"]);
  });

  it("the pane page has no inline script: every script is a file of ours or Office's", () => {
    const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    for (const [, attributes, body] of scripts) {
      expect(body.trim()).toBe("");
      expect(attributes).toMatch(/src=/);
    }
  });

  it("has before the policy only links to the page's own stylesheet and scripts (so the browser fetches them at once), nothing the policy would refuse", () => {
    const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
    const head = html.slice(0, html.search(/<meta http-equiv="?Content-Security-Policy/i));
    const elements = [...head.matchAll(/<([a-z]+)\b([^>]*)>/gi)].map(([, tag, attributes]) => ({ tag: tag.toLowerCase(), attributes }));
    const links = elements.filter((e) => e.tag === "link");
    expect(elements.filter((e) => !["html", "head", "meta", "title", "link"].includes(e.tag))).toEqual([]);
    // Only charset and viewport; no other policy, refresh or redirect before it.
    expect(elements.filter((e) => e.tag === "meta").map((e) => /\b(charset|name)=/.exec(e.attributes)?.[1])).toEqual(["charset", "name"]);
    expect(links.length).toBe(3);
    for (const { attributes } of links) {
      const href = /href="?([^"\s>]+)/.exec(attributes)?.[1] ?? "";
      // A file of this site's (the policy's 'self'), by its content-hashed name, and only as a stylesheet or a script preload.
      expect(href).toMatch(/^[a-z-]+\.[0-9a-f]{8}\.(css|js)$/);
      expect(fs.existsSync(path.join(DIST, href))).toBe(true);
      expect(attributes).toMatch(href.endsWith(".css") ? /rel="?stylesheet/ : /rel="?preload"?[^>]*as="?script|as="?script"?[^>]*rel="?preload/);
    }
    // The scripts themselves (the browser check, office.js) come after the policy.
    expect(head).not.toMatch(/<script/i);
  });

  it("holds while the pane loads from SSB and writes the report: no violation, no error", async () => {
    const { page, pageErrors } = await world.open({ inExcel: true });
    const requests: string[] = [];
    page.on("request", (r: Request) => requests.push(r.url()));
    const consoleCsp: string[] = [];
    page.on("console", (m) => /Content Security Policy|Refused to/i.test(m.text()) && consoleCsp.push(m.text()));

    await page.getByRole("radio", { name: "SSB direkte", exact: true }).check();
    const load = page.getByRole("button", { name: "Hent data", exact: true });
    await load.click();
    await page.getByRole("heading", { name: "Profil for Bærum 2017", exact: true }).waitFor({ state: "visible", timeout: UI_TIMEOUT });
    await page.getByRole("button", { name: "Skriv til arbeidsbok", exact: true }).click();
    await page.getByRole("button", { name: `Gå til «${PROFILE_2017}»` }).waitFor({ state: "visible", timeout: UI_TIMEOUT });
    // The advanced options (a chunk of their own) and English (another) load under the policy too.
    await page.getByRole("button", { name: "Avanserte valg" }).click();
    await page.getByRole("textbox", { name: "SSB-adresse (proxy)" }).waitFor({ state: "visible", timeout: UI_TIMEOUT });
    await page.getByRole("switch", { name: "English" }).click();
    await page.getByRole("button", { name: "Load data", exact: true }).waitFor({ state: "visible", timeout: UI_TIMEOUT });

    expect(requests.some((u) => u.startsWith("https://data.ssb.no/api/pxwebapi/v2/tables/"))).toBe(true);
    expect(await kb(page, (h) => h.sheetNames())).toContain(PROFILE_2017);
    expect(await cspViolations(page)).toEqual([]);
    expect(consoleCsp).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("styles the pane from the linked CSS file under the policy (Fluent's rules, the light theme's variables and its own), inserting none of them at run time", async () => {
    const { page, pageErrors } = await world.open({ inExcel: false });
    await page.getByRole("heading", { name: "Profil for Bærum 2017", exact: true }).waitFor({ state: "visible", timeout: UI_TIMEOUT });
    const button = fluentButtonClass();
    const seen = await page.evaluate((buttonClass) => {
      const links = Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]'));
      // What scripts put into <style> elements, as text or (as Griffel and FluentProvider do) through the CSSOM.
      const inserted = Array.from(document.querySelectorAll("style"))
        .flatMap((s) => [s.textContent ?? "", ...Array.from(s.sheet?.cssRules ?? [], (r) => r.cssText)])
        .join("\n");
      const load = Array.from(document.querySelectorAll("button")).find((b) => b.textContent?.trim() === "Hent data");
      const style = load ? getComputedStyle(load) : null;
      return {
        sheets: links.map((l) => ({ href: l.getAttribute("href"), rules: l.sheet ? l.sheet.cssRules.length : -1 })),
        buttonRuleInserted: new RegExp(`\\.${buttonClass}\\s*\\{`).test(inserted),
        themeVariablesInserted: /--colorBrandBackground:\s*#/.test(inserted),
        loadHasButtonClass: load?.classList.contains(buttonClass) ?? false,
        loadBackground: style?.backgroundColor,
        brand: getComputedStyle(load ?? document.body).getPropertyValue("--colorBrandBackground").trim(),
        rootBrand: getComputedStyle(document.documentElement).getPropertyValue("--colorBrandBackground").trim(),
        rootThemeClass: document.documentElement.className,
        ownStyleElement: document.getElementById("kb-styles") !== null,
        paneMaxWidth: getComputedStyle(document.querySelector(".kb-app-pane") ?? document.body).maxWidth,
      };
    }, button);
    // One sheet, applied (a refused sheet, e.g. for its content type, has none), holding Fluent's rules.
    expect(seen.sheets).toHaveLength(1);
    expect(seen.sheets[0].href).toMatch(/^griffel\.[0-9a-f]{8}\.css$/);
    expect(seen.sheets[0].rules).toBeGreaterThan(500);
    // Fluent's rules come from the file, not from Griffel at run time; so does the light theme,
    // on the page's root element (src/taskpane/lightTheme.ts), not from FluentProvider.
    expect(seen.buttonRuleInserted).toBe(false);
    expect(seen.themeVariablesInserted).toBe(false);
    expect(seen.rootThemeClass.split(" ")).toContain("kb-theme-light");
    expect(seen.rootBrand).toBe(webLightTheme.colorBrandBackground);
    // "Hent data" is a primary Button: the file's rules over the theme's variables give it the brand colour.
    expect(seen.loadHasButtonClass).toBe(true);
    expect(seen.brand).toMatch(/^#[0-9a-f]{6}$/i);
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(seen.brand.slice(i, i + 2), 16));
    expect(seen.loadBackground).toBe(`rgb(${r}, ${g}, ${b})`);
    // The pane's own rules come from the file as well: no <style> of staticStyles, and its layout holds (40rem).
    expect(seen.ownStyleElement).toBe(false);
    expect(seen.paneMaxWidth).toBe("640px");
    // A chunk loaded later (the advanced options) brings no stylesheet and inserts no rules: they were in the file from the start.
    await page.getByRole("button", { name: "Avanserte valg" }).click();
    await page.getByRole("textbox", { name: "SSB-adresse (proxy)" }).waitFor({ state: "visible", timeout: UI_TIMEOUT });
    const later = await page.evaluate(() => ({
      links: document.querySelectorAll('link[rel="stylesheet"]').length,
      requests: performance.getEntriesByType("resource").filter((e) => new URL(e.name).pathname.endsWith(".css")).length,
      ownStyleElement: document.getElementById("kb-styles") !== null,
      advancedPanel: getComputedStyle(document.querySelector(".kb-advanced-panel") ?? document.body).display,
    }));
    expect(later).toEqual({ links: 1, requests: 1, ownStyleElement: false, advancedPanel: "flex" });
    expect(await cspViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("takes Fluent's high-contrast theme under forced colours, its rules still from the CSS file", async () => {
    const { page, pageErrors } = await world.open({ inExcel: false });
    await page.emulateMedia({ forcedColors: "active" });
    await page.reload();
    await page.getByRole("heading", { name: "Profil for Bærum 2017", exact: true }).waitFor({ state: "visible", timeout: UI_TIMEOUT });
    // The theme loads as a chunk of its own once the pane sees forced colours; then FluentProvider sets its variables.
    await page.waitForFunction(
      (background) => getComputedStyle(document.querySelector(".fui-FluentProvider") ?? document.body).getPropertyValue("--colorNeutralBackground1").trim() === background,
      teamsHighContrastTheme.colorNeutralBackground1,
      { timeout: UI_TIMEOUT },
    );
    const seen = await page.evaluate(() => {
      const provider = getComputedStyle(document.querySelector(".fui-FluentProvider")!);
      const link = document.querySelector<HTMLLinkElement>('link[rel="stylesheet"]');
      const forcedColourRules = Array.from(link?.sheet?.cssRules ?? []).filter((r) => r instanceof CSSMediaRule && /forced-colors:\s*active/.test(r.conditionText)).length;
      return { brand: provider.getPropertyValue("--colorBrandBackground").trim(), forcedColourRules, ownStyleElement: document.getElementById("kb-styles") !== null };
    });
    expect(seen.brand).toBe(teamsHighContrastTheme.colorBrandBackground);
    // Fluent's own forced-colour rules are among those extracted.
    expect(seen.forcedColourRules).toBeGreaterThan(10);
    expect(seen.ownStyleElement).toBe(false);
    expect(await cspViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("blocks what it is there to block: a script from another host, an inline script", async () => {
    const { page } = await world.open({ inExcel: false });
    await page.getByRole("heading", { name: "Profil for Bærum 2017", exact: true }).waitFor({ state: "visible", timeout: UI_TIMEOUT });
    // (Playwright's own evaluation is exempt from the policy, as DevTools is; what it adds to the page is not.)
    await page.evaluate(() => {
      const remote = document.createElement("script");
      remote.src = "https://evil.example/steal.js";
      document.head.appendChild(remote);
      const inline = document.createElement("script");
      inline.textContent = "window.__ranInline = true;";
      document.head.appendChild(inline);
    });
    await page.waitForFunction(() => (window.__cspViolations ?? []).length >= 2);
    const violations = await cspViolations(page);
    expect(violations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ directive: "script-src-elem", blockedURI: "https://evil.example/steal.js" }),
        expect.objectContaining({ directive: "script-src-elem", blockedURI: "inline" }),
      ]),
    );
    expect(await page.evaluate(() => (window as unknown as { __ranInline?: boolean }).__ranInline)).toBeUndefined();
  });
});

describe("the browser check in front of the bundle", () => {
  const MESSAGE_NB = "Denne versjonen av Office viser tillegg i en gammel nettleser (Internet Explorer/Edge Legacy) som KOSTRA Benchmark ikke kan bruke.";
  const MESSAGE_EN = "This version of Office runs add-ins in an old browser (Internet Explorer/Edge Legacy) that KOSTRA Benchmark cannot use.";

  async function expectMessageInstead(page: Page, pageErrors: string[]): Promise<void> {
    const alert = page.getByRole("alert");
    await alert.waitFor({ state: "visible", timeout: UI_TIMEOUT });
    expect(await alert.textContent()).toContain(MESSAGE_NB);
    expect(await alert.textContent()).toContain(MESSAGE_EN);
    expect(await alert.textContent()).toContain("Use Microsoft 365, Excel 2021 or later, or Excel on the web.");
    expect(await page.getByRole("heading", { name: "KOSTRA Benchmark kan ikke kjøre her" }).isVisible()).toBe(true);
    // The bundle is not run: no script of it in the page, nothing of React's.
    expect(await page.evaluate(() => Array.from(document.scripts).map((s) => s.src).filter((src) => /\/taskpane\.[0-9a-f]+\.js$/.test(src)))).toEqual([]);
    // Every script the page has has run by its load event; none of them may have drawn the pane.
    await page.waitForLoadState("load");
    expect(await page.getByRole("button").count()).toBe(0);
    expect(await cspViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  }

  it.each([
    ["without Promise.allSettled (as Edge Legacy)", "delete Promise.allSettled;"],
    ["without Object.fromEntries (as Edge Legacy)", "delete Object.fromEntries;"],
    ["without String.prototype.replaceAll (as Safari 13.0, which cannot parse ?.)", "delete String.prototype.replaceAll;"],
    ["without Promise (as Internet Explorer 11)", "delete window.Promise;"],
  ])("says why %s, in both languages, and does not run the pane", async (_, disable) => {
    const { page, pageErrors } = await world.open({ inExcel: false, beforeLoad: disable });
    await expectMessageInstead(page, pageErrors);
    await screenshot(page, "legacy-browser");
  });

  it("lets a browser that can run the pane run it, with Office's own office.js under the policy", async () => {
    const { page, pageErrors } = await world.open({ inExcel: false });
    await page.getByRole("heading", { name: "Profil for Bærum 2017", exact: true }).waitFor({ state: "visible", timeout: UI_TIMEOUT });
    expect(await page.getByText(MESSAGE_NB).isHidden()).toBe(true);
    expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe("object");
    expect(await cspViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("is served as ES5, not minified into newer syntax", () => {
    const built = fs.readdirSync(DIST).filter((f) => /^legacy-check\.[0-9a-f]{8}\.js$/.test(f));
    expect(built).toHaveLength(1);
    const served = fs.readFileSync(path.join(DIST, built[0]), "utf8");
    expect(newerThanEs5(served)).toEqual([]);
    expect(served).toContain('getAttribute("data-scripts")');
  });
});

describe("a proxy address in a template workbook", () => {
  const PROXY = "https://ssb-proxy.kommune.example/api/pxwebapi/v2";
  const template = (baseUrl: string): TemplateSeed => ({
    ...writtenSettings({ municipality: "0219", source: { kind: "ssb", baseUrl }, writtenAt: "2018-03-01T09:00:00.000Z" }),
    ownedSheets: [{ key: "profile:plan-miljo-kultur:2017", name: PROFILE_2017 }],
  });

  it("is asked about, accepted from the keyboard, and then used for the update", async () => {
    const { page, pageErrors } = await world.open({ inExcel: true, kb: { template: template(PROXY) }, routeProxy: PROXY });
    const ssbHosts = new Set<string>();
    page.on("request", (r: Request) => r.url().includes("/tables/") && ssbHosts.add(new URL(r.url()).host));
    const question = page.getByRole("region", { name: "Arbeidsboken foreslår en SSB-adresse" });
    await question.waitFor({ state: "visible", timeout: UI_TIMEOUT });
    expect(await question.textContent()).toContain(`Arbeidsboken ber om å hente SSB-data gjennom ${PROXY}. Vil du bruke den?`);
    expect(await page.getByRole("button", { name: "Oppdater til 2018" }).getAttribute("aria-disabled")).toBe("true");
    await screenshot(page, "proxy-question");
    expect((await axeScan(page, "proxy-question")).map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    // Keyboard only: Tab until "Bruk adressen" has focus, then Enter.
    const use = page.getByRole("button", { name: "Bruk adressen" });
    for (let i = 0; i < 40 && !(await use.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    expect(await use.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    const said = page.getByText(`SSB-data hentes nå gjennom ${PROXY}.`, { exact: false });
    await said.waitFor({ state: "visible", timeout: UI_TIMEOUT });
    expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("status");

    await page.getByRole("button", { name: "Oppdater til 2018" }).click();
    // The template's 2017 profile was not written by this pane: the pane asks before replacing it.
    await page.getByRole("alertdialog", { name: "Erstatte ark?" }).getByRole("button", { name: "Erstatt" }).click({ timeout: UI_TIMEOUT });
    await page.getByRole("button", { name: `Gå til «${PROFILE_2018}»` }).waitFor({ state: "visible", timeout: UI_TIMEOUT });
    expect([...ssbHosts]).toEqual([new URL(PROXY).host]);
    expect(await cspViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("is refused with the reason when it hides another host behind a user name, and SSB itself is used", async () => {
    const hostile = "https://data.ssb.no@evil.example/api/pxwebapi/v2";
    const { page, pageErrors } = await world.open({ inExcel: true, kb: { template: template(hostile) } });
    const hosts = new Set<string>();
    page.on("request", (r: Request) => r.url().includes("/tables/") && hosts.add(new URL(r.url()).host));
    const refused = page.getByRole("region", { name: "SSB-adressen i arbeidsboken brukes ikke" });
    await refused.waitFor({ state: "visible", timeout: UI_TIMEOUT });
    expect(await refused.textContent()).toContain("inneholder brukernavn eller passord");
    expect(await page.getByRole("button", { name: "Bruk adressen" }).count()).toBe(0);
    await screenshot(page, "proxy-refused");
    expect((await axeScan(page, "proxy-refused")).map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await page.getByRole("button", { name: "Oppdater til 2018" }).click();
    // The template's 2017 profile was not written by this pane: the pane asks before replacing it.
    await page.getByRole("alertdialog", { name: "Erstatte ark?" }).getByRole("button", { name: "Erstatt" }).click({ timeout: UI_TIMEOUT });
    await page.getByRole("button", { name: `Gå til «${PROFILE_2018}»` }).waitFor({ state: "visible", timeout: UI_TIMEOUT });
    expect([...hosts]).toEqual(["data.ssb.no"]);
    expect(pageErrors).toEqual([]);
  });
});
