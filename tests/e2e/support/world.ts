/**
 * The world an end-to-end test file runs in: the production bundle on a local static
 * server, the fake Excel script, the local PxWebApi 2 server and headless Chromium —
 * started once per file, every opened pane closed after each test.
 */
import type { Browser } from "playwright-core";
import { startPxWebServer, type PxWebServer } from "../../support/pxweb-server";
import type { WorldName } from "../../support/pxweb-world";
import type { KbConfig } from "./kb-handle";
import { DIST, checkPrerequisites, launchBrowser, openPane, startStaticServer, type OpenedPane, type StaticServer } from "./harness";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildFakeExcel } = require("../webpack.e2e.js") as { buildFakeExcel: () => Promise<string> };

export interface PaneWorld {
  /** Open the pane in a fresh page (closed after the test). */
  open(options: { inExcel: boolean; kb?: KbConfig; acceptDownloads?: boolean; beforeLoad?: string; routeProxy?: string }): Promise<OpenedPane>;
  /** The local PxWebApi 2 server answering for SSB. */
  pxweb(): PxWebServer;
}

/** Register the file's set-up and tear-down hooks and hand out its world (SSB's tables: the classic three, or every catalog table). */
export function usePaneWorld(options: { world?: WorldName } = {}): PaneWorld {
  let browser: Browser;
  let dist: StaticServer;
  let pxweb: PxWebServer;
  let fakeExcelScript: string;
  const opened: OpenedPane[] = [];

  beforeAll(async () => {
    checkPrerequisites();
    [fakeExcelScript, dist, pxweb, browser] = await Promise.all([buildFakeExcel(), startStaticServer(DIST), startPxWebServer({ world: options.world ?? "classic" }), launchBrowser()]);
  });
  afterEach(async () => {
    while (opened.length) await opened.pop()?.close();
  });
  afterAll(async () => {
    await browser?.close();
    await dist?.close();
    await pxweb?.close();
  });

  return {
    async open(options) {
      const pane = await openPane(browser, `${dist.baseUrl}/taskpane.html`, { ...options, pxweb, fakeExcelScript });
      opened.push(pane);
      return pane;
    },
    pxweb: () => pxweb,
  };
}
