/*
 * Test bundles for the browser, built apart from the product (never into dist/):
 *
 * - fake-excel.js: the fake Excel object model (tests/support/fake-excel) as one classic
 *   script for `page.addInitScript({ path })`. It installs `Excel`, `Office` and
 *   `OfficeExtension` on window and a test handle on `window.__kb`
 *   (tests/e2e/support/fake-excel-entry.ts).
 * - bare.js + bare.html: React 18 + Fluent UI v9 with one Button, the baseline the pane's
 *   start-up time is measured against (bench/pane.js).
 *
 * Used through `buildFakeExcel()` / `buildBarePage()` (webpack's Node API), or from the
 * command line: `npx webpack --config tests/e2e/webpack.e2e.js` builds the fake.
 */
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "../..");
const E2E_BUILD = path.join(ROOT, "test-results/e2e-build");

const tsRule = () => ({
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: "ts-loader",
    options: {
      transpileOnly: true,
      configFile: path.join(ROOT, "tsconfig.json"),
      compilerOptions: { module: "es2020", sourceMap: false, jsx: "react-jsx" },
      // Quiet unless something is wrong.
      logLevel: "warn",
    },
  },
});

/** The fake Excel as a classic script (no module wrapper the page would have to load). */
function fakeExcelConfig(outDir = E2E_BUILD) {
  return {
    name: "fake-excel",
    mode: "development",
    devtool: false,
    context: ROOT,
    target: ["web", "es2020"],
    entry: { "fake-excel": "./tests/e2e/support/fake-excel-entry.ts" },
    output: { path: outDir, filename: "[name].js", iife: true },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: { rules: [tsRule()] },
    performance: { hints: false },
    infrastructureLogging: { level: "error" },
    stats: "errors-warnings",
  };
}

/** React + Fluent with one Button, built like the product (production mode, ts-loader). */
function barePageConfig(outDir) {
  return {
    name: "bare-page",
    mode: "production",
    devtool: false,
    context: ROOT,
    entry: { bare: "./tests/e2e/support/bare-entry.tsx" },
    output: { path: outDir, filename: "[name].js", clean: true },
    resolve: { extensions: [".tsx", ".ts", ".js", ".json"] },
    module: { rules: [tsRule()] },
    performance: { hints: false },
    infrastructureLogging: { level: "error" },
    stats: "errors-warnings",
  };
}

/** The bare page's HTML: the same head as the pane's (CDN office.js first), then the bundle. */
function barePageHtml() {
  return [
    "<!doctype html>",
    '<html lang="nb">',
    "  <head>",
    '    <meta charset="utf-8" />',
    '    <meta name="viewport" content="width=device-width, initial-scale=1" />',
    "    <title>Bare React + Fluent UI</title>",
    '    <script type="text/javascript" src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>',
    '    <script defer src="bare.js"></script>',
    "  </head>",
    '  <body><div id="root"></div></body>',
    "</html>",
    "",
  ].join("\n");
}

function run(config) {
  const webpack = require("webpack");
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true, errorDetails: true })));
      resolve(stats);
    });
  });
}

function newestMtime(dirOrFile) {
  if (!fs.existsSync(dirOrFile)) return 0;
  const stat = fs.statSync(dirOrFile);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(dirOrFile)) newest = Math.max(newest, newestMtime(path.join(dirOrFile, entry)));
  return newest;
}

/** Sources the fake bundle is made from; a rebuild happens only when one is newer than the bundle. */
const FAKE_SOURCES = [
  "tests/support/fake-excel",
  "tests/e2e/support/fake-excel-entry.ts",
  "tests/e2e/support/kb-handle.ts",
  "src/report/template-settings.ts",
  "tests/e2e/webpack.e2e.js",
].map((p) => path.join(ROOT, p));

/** Build test-results/e2e-build/fake-excel.js unless it is up to date. Resolves to its path. */
async function buildFakeExcel(outDir = E2E_BUILD) {
  const file = path.join(outDir, "fake-excel.js");
  const built = fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0;
  if (built === 0 || FAKE_SOURCES.some((p) => newestMtime(p) > built)) await run(fakeExcelConfig(outDir));
  return file;
}

/** Build the bare React + Fluent page into `outDir` (bare.html, bare.js). */
async function buildBarePage(outDir) {
  await run(barePageConfig(outDir));
  fs.writeFileSync(path.join(outDir, "bare.html"), barePageHtml());
  return { html: path.join(outDir, "bare.html"), script: path.join(outDir, "bare.js") };
}

module.exports = () => fakeExcelConfig();
module.exports.fakeExcelConfig = fakeExcelConfig;
module.exports.barePageConfig = barePageConfig;
module.exports.buildFakeExcel = buildFakeExcel;
module.exports.buildBarePage = buildBarePage;
module.exports.E2E_BUILD = E2E_BUILD;
