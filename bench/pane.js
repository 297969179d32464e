/**
 * Task pane benchmarks (run after `npm run build`; bench/run.js adds them to results.json).
 *
 * pane-initial-js: the JavaScript the pane needs before it can render, i.e. the scripts
 * dist/taskpane.html references, minified as built and compressed with gzip -9. Chunks
 * webpack splits off for later (lazy chunks) are reported separately; the ribbon's
 * commands.html scripts are neither. Target: initial JS at most 150 KB gzip
 * (150,000 bytes).
 *
 * pane-startup-js: everything the pane loads before it is interactive: the <script> tags,
 * the scripts taskpane.html preloads or prefetches, and every script requested before the
 * ready point in the timed runs (resource timing), gzip -9; and its ratio to the bare
 * page's script. Target: at most 1.5x the bare page. Beside it, so that moving bytes from
 * JavaScript into CSS shows, the start-up CSS of both pages: the stylesheets the page
 * links (or preloads as style) and every stylesheet requested before the ready point,
 * gzip -9; and JavaScript and CSS together against the bare page's. The production pane
 * links Fluent's styles extracted at build time (webpack.config.js); the bare page keeps
 * Griffel's run-time insertion, so its styles are in its script.
 *
 * pane-startup: time from navigation start to an interactive pane in headless Chromium,
 * median of several cold runs (a new browser context per run: no HTTP cache, no storage).
 * "Interactive" is the moment the "Hent data" button is in the DOM, enabled, and a frame
 * has been painted after that (a MutationObserver installed before the page's scripts
 * notes the first DOM change where the button is there and enabled, then waits for the
 * next animation frame). What the pane shows after that is timed too: the sample's profile
 * in the preview (its "Profil for …" heading, then a painted frame), which arrives with
 * the domain chunk the pane loads once its first view is up. The baseline is a bare React 18 + Fluent UI v9 page
 * (FluentProvider and one "Hent data" Button, tests/e2e/support/bare-entry.tsx) built in
 * the same run with the repository's webpack and ts-loader in production mode. Both pages
 * have the same <head>, with Microsoft's CDN office.js, and in both that request is
 * aborted (as every other non-local request), so neither waits for office.js or Office:
 * the comparison is of our own code's start-up only. Both are served from 127.0.0.1 by
 * the same in-process server, runs alternate between the two. Target: the median of the
 * paired ratios (pane / bare page, run by run) at most 1.3.
 *
 * pane-startup-throttled: the same over a throttled network with compression: Chromium's
 * network emulation (10 Mbit/s, 40 ms latency) and gzip from the server, for both pages.
 *
 * BENCH_PANE_RUNS (or BENCH_RUNS) sets the paired runs (default 30), BENCH_THROTTLED_RUNS
 * the throttled ones (default 10).
 *
 *   node -e 'require("./bench/pane.js").paneBenchmarks().then(r => console.log(JSON.stringify(r, null, 1)))'
 */
"use strict";
const fs = require("fs");
const http = require("http");
const os = require("os");
const path = require("path");
const zlib = require("zlib");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const { CHROMIUM, CHROMIUM_ARGS, contentType } = require("../tests/support/browser");
const INITIAL_JS_TARGET_GZIP = 150_000;
const READY_BUTTON = "Hent data";
/** The preview's heading once the sample's profile is shown ("Profil for Bærum 2017"). */
const PREVIEW_HEADING = /^Profil for /;
const READY_TIMEOUT_MS = 20_000;

const gzipSize = (buffer) => zlib.gzipSync(buffer, { level: 9 }).length;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round1 = (x) => Math.round(x * 10) / 10;

/** An attribute's value in a start tag; values may be quoted or not (html-webpack-plugin minifies the HTML). */
function attributeOf(tag, name) {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/**
 * Local script paths an HTML file loads, in order; external URLs are skipped. That is each
 * <script src>, and after the pane's browser check (src/taskpane/legacy-check.js) the
 * scripts it loads, named in its data-scripts attribute.
 */
function scriptsOf(htmlFile) {
  const html = fs.readFileSync(htmlFile, "utf8");
  const out = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    for (const src of [attributeOf(tag, "src"), ...(attributeOf(tag, "data-scripts") ?? "").split(/\s+/)]) {
      if (!src || /^[a-z]+:\/\//i.test(src) || src.startsWith("//")) continue;
      out.push(path.posix.normalize(src.split(/[?#]/)[0].replace(/^\/+/, "")));
    }
  }
  return out;
}

/** Local scripts an HTML file preloads or prefetches (<link rel=preload|modulepreload|prefetch as=script href>). */
function preloadsOf(htmlFile) {
  const html = fs.readFileSync(htmlFile, "utf8");
  const out = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attributeOf(tag, "rel")?.toLowerCase().split(/\s+/) ?? [];
    if (!rel.some((r) => r === "preload" || r === "modulepreload" || r === "prefetch")) continue;
    const as = attributeOf(tag, "as");
    const href = attributeOf(tag, "href");
    if (!href || (as !== undefined && as !== "script") || /^[a-z]+:\/\//i.test(href) || href.startsWith("//")) continue;
    if (as === undefined && !href.endsWith(".js")) continue;
    out.push(path.posix.normalize(href.split(/[?#]/)[0].replace(/^\/+/, "")));
  }
  return out;
}

/** Local stylesheets an HTML file links (<link rel=stylesheet href>, or preloaded as style), in order. */
function stylesheetsOf(htmlFile) {
  const html = fs.readFileSync(htmlFile, "utf8");
  const out = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attributeOf(tag, "rel")?.toLowerCase().split(/\s+/) ?? [];
    const href = attributeOf(tag, "href");
    const isStyle = rel.includes("stylesheet") || (rel.includes("preload") && attributeOf(tag, "as") === "style");
    if (!isStyle || !href || /^[a-z]+:\/\//i.test(href) || href.startsWith("//")) continue;
    const file = path.posix.normalize(href.split(/[?#]/)[0].replace(/^\/+/, ""));
    if (!out.includes(file)) out.push(file);
  }
  return out;
}

function listJs(dir, base = dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listJs(full, base);
    return entry.name.endsWith(".js") ? [path.relative(base, full).split(path.sep).join("/")] : [];
  });
}

function requireDist() {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) {
    throw new Error("dist/taskpane.html is missing: run `npm run build` (or `npx webpack --mode production`) first.");
  }
}

function initialJsSize() {
  requireDist();
  const initial = scriptsOf(path.join(DIST, "taskpane.html"));
  const otherPages = fs
    .readdirSync(DIST)
    .filter((f) => f.endsWith(".html") && f !== "taskpane.html")
    .flatMap((f) => scriptsOf(path.join(DIST, f)));
  const lazy = listJs(DIST).filter((f) => !initial.includes(f) && !otherPages.includes(f));
  const measure = (files) =>
    files.map((file) => {
      const bytes = fs.readFileSync(path.join(DIST, file));
      return { file, bytes: bytes.length, gzipBytes: gzipSize(bytes) };
    });
  const initialFiles = measure(initial);
  const lazyFiles = measure(lazy);
  const sum = (files, key) => files.reduce((a, f) => a + f[key], 0);
  const initialGzip = sum(initialFiles, "gzipBytes");
  return {
    name: "pane-initial-js",
    description:
      "JavaScript loaded by dist/taskpane.html before the pane can render (production build), gzip -9; lazy chunks reported apart, commands.html's scripts excluded",
    initialFiles,
    initialBytes: sum(initialFiles, "bytes"),
    initialGzipBytes: initialGzip,
    lazyChunks: lazyFiles.length,
    lazyBytes: sum(lazyFiles, "bytes"),
    lazyGzipBytes: sum(lazyFiles, "gzipBytes"),
    lazyFiles,
    target: `initial JS at most ${INITIAL_JS_TARGET_GZIP.toLocaleString("en")} bytes gzip`,
    targetMet: initialGzip <= INITIAL_JS_TARGET_GZIP,
  };
}

// ---------------------------------------------------------------------------
// Start-up time


/**
 * One server for both pages: /pane/… from dist/, /bare/… from the bare page's folder.
 * With `gzip`, text files (HTML, JavaScript, CSS, JSON) go out gzip-compressed (level 6,
 * as common web servers do) to a client that accepts it.
 */
function startServer(roots, { gzip = false } = {}) {
  const compressed = new Map();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url || "/", "http://127.0.0.1");
    const [, mount, ...rest] = url.pathname.split("/");
    const base = roots[mount];
    const file = base ? path.resolve(base, "." + path.posix.join("/", decodeURIComponent(rest.join("/")))) : null;
    if (!file || !file.startsWith(base + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    const type = contentType(file);
    if (gzip && /gzip/.test(req.headers["accept-encoding"] || "") && /^(text\/|application\/(javascript|json))/.test(type)) {
      if (!compressed.has(file)) compressed.set(file, zlib.gzipSync(fs.readFileSync(file), { level: 6 }));
      const body = compressed.get(file);
      res.writeHead(200, { "Content-Type": type, "Content-Encoding": "gzip", "Content-Length": body.length, "Cache-Control": "no-store", Vary: "Accept-Encoding" });
      res.end(body);
      return;
    }
    res.writeHead(200, { "Content-Type": type, "Cache-Control": "no-store" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/**
 * Installed before any page script: notes when the ready button is first there and
 * enabled, then the next frame; and likewise when a heading matching `previewSource` (the
 * preview's profile) is first there.
 */
function readyProbe({ label, previewSource }) {
  const preview = new RegExp(previewSource);
  const ready = () =>
    Array.from(document.querySelectorAll("button")).some(
      (b) => b.textContent.trim() === label && !b.disabled && b.getAttribute("aria-disabled") !== "true",
    );
  const previewShown = () => Array.from(document.querySelectorAll("h1, h2, h3")).some((h) => preview.test(h.textContent.trim()));
  const check = () => {
    if (window.__readyInDomAt === undefined && ready()) {
      window.__readyInDomAt = performance.now();
      requestAnimationFrame(() => {
        window.__readyAt = performance.now();
      });
    }
    if (window.__previewInDomAt === undefined && previewShown()) {
      window.__previewInDomAt = performance.now();
      requestAnimationFrame(() => {
        window.__previewAt = performance.now();
      });
    }
    if (window.__readyInDomAt !== undefined && window.__previewInDomAt !== undefined) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  check();
}

/** The throttled network: Chromium's network emulation (DevTools protocol), per page. */
const THROTTLE = { offline: false, latency: 40, downloadThroughput: (10e6 / 8), uploadThroughput: (10e6 / 8) };
const THROTTLE_TEXT = "10 Mbit/s down and up, 40 ms latency (Chromium Network.emulateNetworkConditions), gzip level 6 from the server";

/** Waits up to this long after ready for the pane's preview; the bare page has none. */
const PREVIEW_TIMEOUT_MS = 20_000;

async function timeOnce(browser, url, { throttle = false, preview = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 360, height: 900 }, locale: "nb-NO" });
  try {
    const page = await context.newPage();
    if (throttle) {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", THROTTLE);
    }
    // Everything not on 127.0.0.1 is aborted, Microsoft's CDN office.js included.
    await page.route("**/*", (route) => (new URL(route.request().url()).hostname === "127.0.0.1" ? route.continue() : route.abort()));
    await page.addInitScript(readyProbe, { label: READY_BUTTON, previewSource: PREVIEW_HEADING.source });
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: READY_TIMEOUT_MS, polling: 50 });
    // A preview that never shows (another heading, a failed load) is reported as missing, not timed.
    if (preview) await page.waitForFunction(() => window.__previewAt !== undefined, null, { timeout: PREVIEW_TIMEOUT_MS, polling: 50 }).catch(() => undefined);
    return await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0];
      // Every script and stylesheet requested before the pane was interactive (resource timing), with the bytes that crossed the wire.
      const requested = (extension) =>
        performance
          .getEntriesByType("resource")
          .filter((e) => e.startTime <= window.__readyAt && new URL(e.name).pathname.endsWith(extension) && new URL(e.name).hostname === "127.0.0.1")
          .map((e) => ({ path: new URL(e.name).pathname, encodedBodySize: e.encodedBodySize, decodedBodySize: e.decodedBodySize }));
      const [scripts, stylesheets] = [requested(".js"), requested(".css")];
      // A linked stylesheet the browser refused (a wrong content type, a failed load) has no sheet: the page was timed unstyled.
      const unappliedStylesheets = Array.from(document.querySelectorAll('link[rel="stylesheet"]'))
        .filter((link) => link.sheet === null)
        .map((link) => link.href);
      return { readyMs: window.__readyAt, inDomMs: window.__readyInDomAt, previewMs: window.__previewAt ?? null, domContentLoadedMs: nav ? nav.domContentLoadedEventEnd : null, scripts, stylesheets, unappliedStylesheets };
    });
  } finally {
    await context.close();
  }
}

/** Paired, alternating runs of both pages (one discarded run each first, so neither pays for the browser's warm-up). */
async function pairedRuns(browser, urls, runs, options = {}) {
  const paneOptions = { ...options, preview: true };
  await timeOnce(browser, urls.pane, paneOptions);
  await timeOnce(browser, urls.bare, options);
  const pane = [];
  const baseline = [];
  for (let i = 0; i < runs; i++) {
    pane.push(await timeOnce(browser, urls.pane, paneOptions));
    baseline.push(await timeOnce(browser, urls.bare, options));
  }
  const unapplied = [...pane, ...baseline].flatMap((r) => r.unappliedStylesheets);
  if (unapplied.length > 0) throw new Error(`stylesheets not applied (content type? load failure?): ${[...new Set(unapplied)].join(", ")}`);
  const paneMs = pane.map((r) => round1(r.readyMs));
  const bareMs = baseline.map((r) => round1(r.readyMs));
  const paneMedian = round1(median(paneMs));
  const bareMedian = round1(median(bareMs));
  return {
    pane,
    baseline,
    summary: {
      runs,
      paneMedianMs: paneMedian,
      baselineMedianMs: bareMedian,
      overheadMs: round1(paneMedian - bareMedian),
      ratio: Math.round((paneMedian / bareMedian) * 100) / 100,
      pairedRatioMedian: Math.round(median(paneMs.map((p, i) => p / bareMs[i])) * 100) / 100,
      panePreviewMedianMs: previewMedian(pane),
      panePreviewMissing: pane.filter((r) => r.previewMs === null).length,
      paneRunsMs: paneMs,
      baselineRunsMs: bareMs,
      paneDomContentLoadedMedianMs: round1(median(pane.map((r) => r.domContentLoadedMs ?? 0))),
      baselineDomContentLoadedMedianMs: round1(median(baseline.map((r) => r.domContentLoadedMs ?? 0))),
    },
  };
}

/** Median time to the pane's preview over the runs where it showed; null when it never did. */
function previewMedian(runs) {
  const shown = runs.map((r) => r.previewMs).filter((ms) => ms !== null);
  return shown.length > 0 ? round1(median(shown)) : null;
}

/** Paths (under the page's folder) of the scripts, or the stylesheets, requested before ready in any of the runs. */
const requestedBeforeReady = (runs, mount, kind = "scripts") => [
  ...new Set(runs.flatMap((r) => r[kind].filter((s) => s.path.startsWith(`/${mount}/`)).map((s) => s.path.slice(mount.length + 2)))),
];

/** The gzip -9 size of stylesheets under `dir`: the ones `htmlFile` links and the ones requested before ready. */
function stylesheetFiles(dir, htmlFile, requested) {
  const linked = stylesheetsOf(htmlFile);
  return [...new Set([...linked, ...requested])].map((file) => {
    const bytes = fs.readFileSync(path.join(dir, file));
    return { file, bytes: bytes.length, gzipBytes: gzipSize(bytes), why: [linked.includes(file) && "linked", requested.includes(file) && "requested before ready"].filter(Boolean).join(", ") };
  });
}

async function startupTime(runs, throttledRuns = runs) {
  requireDist();
  const { chromium } = require("playwright-core");
  const { buildBarePage } = require("../tests/e2e/webpack.e2e.js");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kostra-bare-page-"));
  const servers = [];
  let browser;
  try {
    const t0 = process.hrtime.bigint();
    const bare = await buildBarePage(tmp);
    const bareBuildMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const bareJs = fs.readFileSync(bare.script);
    const urlsOf = (server) => {
      const base = `http://127.0.0.1:${server.address().port}`;
      return { pane: `${base}/pane/taskpane.html`, bare: `${base}/bare/bare.html` };
    };
    servers.push(await startServer({ pane: DIST, bare: tmp }));
    servers.push(await startServer({ pane: DIST, bare: tmp }, { gzip: true }));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const loopback = await pairedRuns(browser, urlsOf(servers[0]), runs);
    const throttled = await pairedRuns(browser, urlsOf(servers[1]), throttledRuns, { throttle: true });
    const wire = (results, kind = "scripts") => Math.round(median(results.map((r) => r[kind].reduce((n, x) => n + x.encodedBodySize, 0))));
    const baselineFacts = {
      baseline: "bare React 18 + Fluent UI v9 page (tests/e2e/support/bare-entry.tsx), webpack production, ts-loader",
      baselineJsBytes: bareJs.length,
      baselineJsGzipBytes: gzipSize(bareJs),
      baselineBuildMs: Math.round(bareBuildMs),
      chromium: browser.version(),
    };
    return {
      startup: {
        name: "pane-startup",
        description:
          "Navigation start to an interactive pane in headless Chromium (the 'Hent data' button present and enabled, plus one painted frame), cold context per run; baseline: a bare React 18 + Fluent UI v9 page (FluentProvider + one Button) built in the same run. office.js from Microsoft's CDN is aborted for both pages. Served over loopback, uncompressed, no throttling.",
        readiness: "'Hent data' button present and enabled, then the next animation frame",
        officeJs: "aborted (both pages)",
        ...loopback.summary,
        preview: "the sample's profile in the preview ('Profil for …' heading, then a painted frame): it comes with the domain chunk, loaded after the first view",
        target: "pane interactive at most 1.3x the bare page (median of the paired ratios)",
        targetMet: loopback.summary.pairedRatioMedian <= 1.3,
        ...baselineFacts,
      },
      throttled: {
        name: "pane-startup-throttled",
        description: `The same measure over a throttled network with compression: ${THROTTLE_TEXT}; cold context per run, runs alternating between the pane and the bare page.`,
        network: THROTTLE_TEXT,
        readiness: "'Hent data' button present and enabled, then the next animation frame",
        officeJs: "aborted (both pages)",
        ...throttled.summary,
        paneScriptWireBytesMedian: wire(throttled.pane),
        baselineScriptWireBytesMedian: wire(throttled.baseline),
        paneStylesheetWireBytesMedian: wire(throttled.pane, "stylesheets"),
        baselineStylesheetWireBytesMedian: wire(throttled.baseline, "stylesheets"),
        target: "pane interactive at most 1.3x the bare page (median of the paired ratios)",
        targetMet: throttled.summary.pairedRatioMedian <= 1.3,
        ...baselineFacts,
      },
      paneScriptsBeforeReady: requestedBeforeReady([...loopback.pane, ...throttled.pane], "pane"),
      paneStylesheetsBeforeReady: requestedBeforeReady([...loopback.pane, ...throttled.pane], "pane", "stylesheets"),
      baselineJsGzipBytes: baselineFacts.baselineJsGzipBytes,
      baselineCssFiles: stylesheetFiles(tmp, bare.html, requestedBeforeReady([...loopback.baseline, ...throttled.baseline], "bare", "stylesheets")),
    };
  } finally {
    await browser?.close();
    for (const server of servers) await new Promise((resolve) => server.close(resolve));
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Start-up JavaScript: the first script (the <script> tags) and everything else the pane
 * loads before it is interactive, i.e. the scripts taskpane.html preloads or prefetches
 * and every script requested before the ready point in the timed runs; against the bare
 * page's script, gzip -9 both. The start-up CSS beside it (stylesheets linked or requested
 * before ready, both pages), and both together, so bytes moved from JavaScript to CSS
 * are not lost from view.
 */
function startupJs(initial, timed) {
  const { paneScriptsBeforeReady: scriptsRequested, paneStylesheetsBeforeReady = [], baselineJsGzipBytes, baselineCssFiles = [] } = timed;
  const html = path.join(DIST, "taskpane.html");
  const scripts = scriptsOf(html);
  const preloaded = preloadsOf(html);
  const files = [...new Set([...scripts, ...preloaded, ...scriptsRequested])].map((file) => {
    const bytes = fs.readFileSync(path.join(DIST, file));
    return {
      file,
      bytes: bytes.length,
      gzipBytes: gzipSize(bytes),
      why: [scripts.includes(file) && "script tag", preloaded.includes(file) && "preloaded", scriptsRequested.includes(file) && "requested before ready"].filter(Boolean).join(", "),
    };
  });
  const cssFiles = stylesheetFiles(DIST, html, paneStylesheetsBeforeReady);
  const sum = (xs) => xs.reduce((n, f) => n + f.gzipBytes, 0);
  const ratioOf = (a, b) => Math.round((a / b) * 100) / 100;
  const gzip = sum(files);
  const cssGzip = sum(cssFiles);
  const baselineCssGzip = sum(baselineCssFiles);
  const ratio = ratioOf(gzip, baselineJsGzipBytes);
  return {
    name: "pane-startup-js",
    description:
      "JavaScript the pane loads before it is interactive (production build, gzip -9): its <script> tags, the scripts taskpane.html preloads or prefetches, and every script requested before the ready point in the timed runs (resource timing); against the bare React + Fluent page's script. Start-up CSS (stylesheets linked or requested before ready, gzip -9) reported beside it for both pages, and JavaScript + CSS together",
    firstScriptGzipBytes: initial.initialGzipBytes,
    startupJsBytes: files.reduce((n, f) => n + f.bytes, 0),
    startupJsGzipBytes: gzip,
    startupFiles: files,
    preloadedNotRequestedBeforeReady: preloaded.filter((f) => !scriptsRequested.includes(f)),
    requestedBeforeReadyNotPreloaded: scriptsRequested.filter((f) => !preloaded.includes(f) && !scripts.includes(f)),
    baselineJsGzipBytes,
    startupJsRatio: ratio,
    startupCssGzipBytes: cssGzip,
    startupCssFiles: cssFiles,
    baselineCssGzipBytes: baselineCssGzip,
    startupJsAndCssGzipBytes: gzip + cssGzip,
    baselineJsAndCssGzipBytes: baselineJsGzipBytes + baselineCssGzip,
    startupJsAndCssRatio: ratioOf(gzip + cssGzip, baselineJsGzipBytes + baselineCssGzip),
    target: "start-up JS at most 1.5x the bare page's gzip size (CSS reported, not part of the target)",
    targetMet: ratio <= 1.5,
  };
}

/** The pane benchmarks, as entries for bench/results.json. */
async function paneBenchmarks(options = {}) {
  const runs = options.runs ?? Number(process.env.BENCH_PANE_RUNS || process.env.BENCH_RUNS || 30);
  const throttledRuns = options.throttledRuns ?? Number(process.env.BENCH_THROTTLED_RUNS || 10);
  const initial = initialJsSize();
  const timed = await startupTime(runs, throttledRuns);
  return [initial, startupJs(initial, timed), timed.startup, timed.throttled];
}

module.exports = { paneBenchmarks, initialJsSize, startupTime, startupJs, preloadsOf, scriptsOf, stylesheetsOf };

if (require.main === module) {
  paneBenchmarks().then(
    (r) => console.log(JSON.stringify(r, null, 1)),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
