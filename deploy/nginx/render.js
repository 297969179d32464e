#!/usr/bin/env node
/**
 * Renders deploy/nginx/kostra-ssb-cache.conf.template into an nginx configuration for a
 * department's shared SSB cache (see docs/deploy.md).
 *
 *   node deploy/nginx/render.js --addin-origin https://kostra.kommune.no \
 *     --server-name ssb-cache.kommune.no \
 *     --certificate /etc/ssl/certs/ssb-cache.pem --certificate-key /etc/ssl/private/ssb-cache.key \
 *     > /etc/nginx/conf.d/kostra-ssb-cache.conf
 *
 * Every value is checked before it is written into the configuration: a value that could
 * end a directive or open a block (; { } quotes, spaces where none belong, new lines) is
 * refused with a message naming the option, so a typo cannot change what nginx does.
 */
"use strict";
const fs = require("fs");
const path = require("path");

const TEMPLATE = path.join(__dirname, "kostra-ssb-cache.conf.template");

/** Durations nginx understands: 10m, 1d, 30d… (seconds are derived for X-Accel-Expires). */
const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400 };
function seconds(option, text) {
  const m = /^(\d{1,6})([smhd])$/.exec(text);
  if (!m) throw new Error(`${option}: «${text}» is not a duration such as 10m, 12h or 30d.`);
  return Number(m[1]) * UNIT_SECONDS[m[2]];
}

const checks = {
  origin: (option, text) => {
    let url;
    try {
      url = new URL(text);
    } catch {
      throw new Error(`${option}: «${text}» is not an address such as https://kostra.kommune.no.`);
    }
    const local = url.hostname === "127.0.0.1" || url.hostname === "localhost";
    if (!(url.protocol === "https:" || (url.protocol === "http:" && local)) || url.origin !== text.replace(/\/$/, "") || url.username || url.password)
      throw new Error(`${option}: «${text}» must be an origin only (https://host[:port], no path), http only for localhost.`);
    return url.origin;
  },
  host: (option, text) => {
    if (text !== "_" && !/^[A-Za-z0-9.-]{1,253}$/.test(text)) throw new Error(`${option}: «${text}» is not a host name.`);
    return text;
  },
  listen: (option, text) => {
    if (!/^(\[[0-9a-fA-F:]+\]:|[0-9.]+:|[A-Za-z0-9.-]+:)?\d{1,5}( (ssl|http2))*$/.test(text)) throw new Error(`${option}: «${text}» is not a listen address such as 443 ssl or 127.0.0.1:8481.`);
    return text;
  },
  path: (option, text) => {
    if (!/^\/[A-Za-z0-9._/-]{1,255}$/.test(text)) throw new Error(`${option}: «${text}» is not an absolute path of letters, digits, . _ - and /.`);
    return text;
  },
  rate: (option, text) => {
    if (!/^\d{1,5}r\/[sm]$/.test(text)) throw new Error(`${option}: «${text}» is not a rate such as 30r/m.`);
    return text;
  },
  size: (option, text) => {
    if (!/^\d{1,6}[kmg]$/.test(text)) throw new Error(`${option}: «${text}» is not a size such as 2g.`);
    return text;
  },
  duration: (option, text) => (seconds(option, text), text),
};

/** Options: name → [template value, check, default]. */
const OPTIONS = {
  "addin-origin": ["ADDIN_ORIGIN", checks.origin, undefined],
  "server-name": ["SERVER_NAME", checks.host, "_"],
  listen: ["LISTEN", checks.listen, "443 ssl"],
  "inner-listen": ["INNER_LISTEN", checks.listen, "127.0.0.1:8481"],
  "ssb-origin": ["SSB_ORIGIN", checks.origin, "https://data.ssb.no"],
  "ssb-rate": ["SSB_RATE", checks.rate, "30r/m"],
  "cache-dir": ["CACHE_DIR", checks.path, "/var/cache/nginx/kostra-ssb"],
  "cache-max-size": ["CACHE_MAX_SIZE", checks.size, "2g"],
  "short-ttl": ["SHORT_TTL", checks.duration, "10m"],
  "data-ttl": ["DATA_TTL", checks.duration, "30d"],
  "klass-ttl": ["KLASS_TTL", checks.duration, "1d"],
  certificate: ["CERTIFICATE", checks.path, undefined],
  "certificate-key": ["CERTIFICATE_KEY", checks.path, undefined],
};

/** The configuration text for the given options (names as on the command line, without --). */
function renderConfig(given) {
  for (const name of Object.keys(given)) if (!(name in OPTIONS)) throw new Error(`Unknown option --${name}. Known: ${Object.keys(OPTIONS).map((o) => `--${o}`).join(", ")}.`);
  const v = {};
  for (const [name, [key, check, fallback]] of Object.entries(OPTIONS)) {
    const text = given[name] ?? fallback;
    if (text !== undefined) v[key] = check(`--${name}`, String(text));
  }
  if (!v.ADDIN_ORIGIN) throw new Error("--addin-origin is missing: the add-in's address (https://…), the only origin the cache answers.");
  const tls = / ssl\b/.test(v.LISTEN);
  if (tls && !(v.CERTIFICATE && v.CERTIFICATE_KEY)) throw new Error(`--listen ${v.LISTEN} needs --certificate and --certificate-key.`);
  const ssb = new URL(v.SSB_ORIGIN);
  const values = {
    ...v,
    SSB_HOST: ssb.host,
    TLS: tls ? `    ssl_certificate ${v.CERTIFICATE};\n    ssl_certificate_key ${v.CERTIFICATE_KEY};\n    ssl_protocols TLSv1.2 TLSv1.3;\n` : "",
    SHORT_TTL_SECONDS: String(seconds("--short-ttl", v.SHORT_TTL)),
    DATA_TTL_SECONDS: String(seconds("--data-ttl", v.DATA_TTL)),
    KLASS_TTL_SECONDS: String(seconds("--klass-ttl", v.KLASS_TTL)),
  };
  return fs.readFileSync(TEMPLATE, "utf8").replace(/\$\{([A-Z_]+)\}/g, (whole, key) => {
    if (!(key in values)) throw new Error(`The template names \${${key}}, which has no value.`);
    return values[key];
  });
}

function parseArgs(argv) {
  const given = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new Error(`«${argv[i]}» is not an option (--name value).`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${m[1]} needs a value.`);
    given[m[1]] = value;
  }
  return given;
}

module.exports = { renderConfig, parseArgs, OPTIONS };

if (require.main === module) {
  try {
    process.stdout.write(renderConfig(parseArgs(process.argv.slice(2))));
  } catch (e) {
    process.stderr.write(`render.js: ${e.message}\n`);
    process.exit(2);
  }
}
