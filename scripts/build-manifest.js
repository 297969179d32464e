#!/usr/bin/env node
/**
 * Writes the production manifest: every https://localhost:3000/ in manifest.xml is
 * replaced by the URL where the add-in is hosted.
 *
 *   ADDIN_BASE_URL=https://addin.example.kommune.no/kostra/ node scripts/build-manifest.js
 *   node scripts/build-manifest.js --base-url https://… [--out path/to/manifest.xml]
 *
 * Without a base URL the localhost URLs are kept (a development manifest in dist/).
 * Exit code 2 with a one-line message when the base URL is unusable.
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");

const DEV_BASE_URL = "https://localhost:3000/";
const ROOT = path.resolve(__dirname, "..");

/**
 * Checks a hosting URL and returns it with a trailing slash.
 * Office only loads add-in pages over https; a query or fragment would not survive
 * being glued in front of the manifest's paths, and credentials don't belong there.
 */
function normaliseBaseUrl(raw) {
  const text = String(raw ?? "").trim();
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`ADDIN_BASE_URL is not a valid URL: "${text}"`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`ADDIN_BASE_URL must use https (Office only loads add-ins over https): "${text}"`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new Error(`ADDIN_BASE_URL must be a plain https base URL without credentials, query or fragment: "${text}"`);
  }
  return url.pathname.endsWith("/") ? url.href : `${url.href}/`;
}

/** Returns `xml` with every development URL pointing at `baseUrl` instead. */
function rewriteManifest(xml, baseUrl) {
  const base = normaliseBaseUrl(baseUrl);
  return xml.split(DEV_BASE_URL).join(base);
}

function parseArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (flag === "--base-url") options.baseUrl = value();
    else if (flag === "--out") options.out = value();
    else throw new Error(`Unknown option: ${argv[i]} (expected --base-url or --out)`);
  }
  return options;
}

function main() {
  let options;
  let xml;
  try {
    options = parseArgs(process.argv.slice(2));
    const baseUrl = options.baseUrl ?? process.env.ADDIN_BASE_URL ?? DEV_BASE_URL;
    xml = rewriteManifest(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"), baseUrl);
  } catch (err) {
    console.error(`build-manifest: ${err.message}`);
    process.exit(2);
  }
  const out = path.resolve(options.out ?? path.join(ROOT, "dist", "manifest.xml"));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, xml);
  const shown = path.relative(process.cwd(), out);
  console.log(`build-manifest: wrote ${shown.startsWith("..") ? out : shown}`);
}

if (require.main === module) main();

module.exports = { rewriteManifest, normaliseBaseUrl, DEV_BASE_URL };
