#!/usr/bin/env node
/**
 * Writes the production manifest: every https://localhost:3000/ in manifest.xml is
 * replaced by the URL where the add-in is hosted, and the department's shared SSB cache
 * (deploy/nginx/), when there is one, joins SSB in <AppDomains>.
 *
 *   ADDIN_BASE_URL=https://addin.example.kommune.no/kostra/ \
 *   SSB_PROXY_URL=https://ssb-cache.example.kommune.no/api/pxwebapi/v2 node scripts/build-manifest.js
 *   node scripts/build-manifest.js --base-url https://… [--proxy-url https://…] [--out path/to/manifest.xml]
 *
 * Without a base URL the localhost URLs are kept (a development manifest in dist/).
 * Exit code 2 with a one-line message when an address is unusable.
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");

const DEV_BASE_URL = "https://localhost:3000/";
const ROOT = path.resolve(__dirname, "..");

/** `raw` as a URL, or an error naming the setting (`name`) it came from. */
function parsedUrl(name, raw) {
  const text = String(raw ?? "").trim();
  try {
    return { text, url: new URL(text) };
  } catch {
    throw new Error(`${name} is not a valid URL: "${text}"`);
  }
}

/**
 * Checks a hosting URL and returns it with a trailing slash.
 * Office only loads add-in pages over https; a query or fragment would not survive
 * being glued in front of the manifest's paths, and credentials don't belong there.
 */
function normaliseBaseUrl(raw) {
  const { text, url } = parsedUrl("ADDIN_BASE_URL", raw);
  if (url.protocol !== "https:") {
    throw new Error(`ADDIN_BASE_URL must use https (Office only loads add-ins over https): "${text}"`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new Error(`ADDIN_BASE_URL must be a plain https base URL without credentials, query or fragment: "${text}"`);
  }
  return url.pathname.endsWith("/") ? url.href : `${url.href}/`;
}

/**
 * The origin of the department's shared SSB cache (https only: Office loads the pane over
 * https, and a page on https cannot call http), for <AppDomains>.
 */
function proxyOrigin(raw) {
  const { text, url } = parsedUrl("SSB_PROXY_URL", raw);
  if (url.protocol !== "https:" || url.username || url.password || url.search || url.hash || !/^[A-Za-z0-9.-]+$/.test(url.hostname)) {
    throw new Error(`SSB_PROXY_URL must be a plain https address such as https://ssb-cache.kommune.no/api/pxwebapi/v2: "${text}"`);
  }
  return url.origin;
}

/**
 * The shared cache's address as the built pane asks it (SSB_PROXY_URL, checked as for the
 * manifest), without a trailing slash; "" when the build has none.
 */
function builtProxyUrl(raw) {
  if (raw === undefined || String(raw).trim() === "") return "";
  proxyOrigin(raw);
  return new URL(String(raw).trim()).href.replace(/\/+$/, "");
}

const SSB_APP_DOMAIN = "<AppDomain>https://data.ssb.no</AppDomain>";

/** Returns `xml` with every development URL pointing at `baseUrl` instead, and the proxy's origin (if any) in <AppDomains>. */
function rewriteManifest(xml, baseUrl, proxyUrl) {
  const base = normaliseBaseUrl(baseUrl);
  const rewritten = xml.split(DEV_BASE_URL).join(base);
  if (proxyUrl === undefined || proxyUrl === "") return rewritten;
  const origin = proxyOrigin(proxyUrl);
  if (!rewritten.includes(SSB_APP_DOMAIN)) throw new Error("manifest.xml has no <AppDomain> for https://data.ssb.no to put the proxy beside");
  if (origin === "https://data.ssb.no") return rewritten;
  const indent = /\n([ \t]*)<AppDomain>https:\/\/data\.ssb\.no/.exec(rewritten)?.[1] ?? "    ";
  return rewritten.replace(SSB_APP_DOMAIN, `${SSB_APP_DOMAIN}\n${indent}<AppDomain>${origin}</AppDomain>`);
}

function parseArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (flag === "--base-url") options.baseUrl = value();
    else if (flag === "--proxy-url") options.proxyUrl = value();
    else if (flag === "--out") options.out = value();
    else throw new Error(`Unknown option: ${argv[i]} (expected --base-url, --proxy-url or --out)`);
  }
  return options;
}

function main() {
  let options;
  let xml;
  try {
    options = parseArgs(process.argv.slice(2));
    const baseUrl = options.baseUrl ?? process.env.ADDIN_BASE_URL ?? DEV_BASE_URL;
    const proxyUrl = options.proxyUrl ?? process.env.SSB_PROXY_URL;
    xml = rewriteManifest(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"), baseUrl, proxyUrl);
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

module.exports = { rewriteManifest, normaliseBaseUrl, proxyOrigin, builtProxyUrl, DEV_BASE_URL };
