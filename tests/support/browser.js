/**
 * Headless Chromium as the tests and benchmarks run it: Debian's /usr/bin/chromium
 * (browsers from Playwright's own download step are not used), with flags that keep it
 * off the network, and the content types the local static servers send.
 */
"use strict";
const path = require("path");

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const TYPES = {
  ".css": "text/css; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml",
};

const contentType = (file) => TYPES[path.extname(file)] || "application/octet-stream";

module.exports = { CHROMIUM, CHROMIUM_ARGS, contentType };
