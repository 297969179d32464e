#!/usr/bin/env node
/**
 * Renders the product's nginx configurations (see docs/deploy.md):
 *
 *   cache  the department's shared cache in front of SSB (kostra-ssb-cache.conf.template)
 *     node deploy/nginx/render.js cache --addin-origin https://kostra.kommune.no \
 *       --server-name ssb-cache.kommune.no \
 *       --certificate /etc/ssl/certs/ssb-cache.pem --certificate-key /etc/ssl/private/ssb-cache.key \
 *       > /etc/nginx/conf.d/kostra-ssb-cache.conf
 *
 *   addin  the add-in's built files (kostra-addin.conf.template), with the headers they need
 *     node deploy/nginx/render.js addin --root /srv/kostra/dist --server-name kostra.kommune.no \
 *       --certificate /etc/ssl/certs/kostra.pem --certificate-key /etc/ssl/private/kostra.key \
 *       > /etc/nginx/conf.d/kostra-addin.conf
 *
 * Every value is checked before it is written into the configuration: a value that could
 * end a directive or open a block (; { } quotes, spaces where none belong, new lines, $)
 * is refused with a message naming the option, so a typo cannot change what nginx does.
 */
"use strict";
const fs = require("fs");
const path = require("path");


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
    if (!/^[A-Za-z0-9.-]{1,253}$/.test(url.hostname)) throw new Error(`${option}: «${text}» has a host name with characters host names do not have.`);
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

const TLS_OPTIONS = {
  certificate: ["CERTIFICATE", checks.path, undefined],
  "certificate-key": ["CERTIFICATE_KEY", checks.path, undefined],
};

/** The configurations: template and options (name → [template value, check, default]). */
const SITES = {
  cache: {
    template: "kostra-ssb-cache.conf.template",
    options: {
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
      "ca-certificates": ["CA_CERTIFICATES", checks.path, "/etc/ssl/certs/ca-certificates.crt"],
      ...TLS_OPTIONS,
    },
    derive(v) {
      if (!v.ADDIN_ORIGIN) throw new Error("--addin-origin is missing: the add-in's address (https://…), the only origin the cache answers.");
      return {
        SSB_HOST: new URL(v.SSB_ORIGIN).host,
        SHORT_TTL_SECONDS: String(seconds("--short-ttl", v.SHORT_TTL)),
        DATA_TTL_SECONDS: String(seconds("--data-ttl", v.DATA_TTL)),
        KLASS_TTL_SECONDS: String(seconds("--klass-ttl", v.KLASS_TTL)),
      };
    },
  },
  addin: {
    template: "kostra-addin.conf.template",
    options: {
      root: ["ROOT", checks.path, undefined],
      "server-name": ["SERVER_NAME", checks.host, "_"],
      listen: ["LISTEN", checks.listen, "443 ssl"],
      ...TLS_OPTIONS,
    },
    derive(v) {
      if (!v.ROOT) throw new Error("--root is missing: the folder `npm run build` wrote (dist/), copied to the server.");
      return { CSP: builtPolicy(v.ROOT), HSTS: isTls(v) ? '    add_header Strict-Transport-Security "max-age=31536000" always;\n' : "" };
    },
  },
};

const isTls = (v) => / ssl\b/.test(v.LISTEN);

/**
 * The Content-Security-Policy of the built taskpane.html (its <meta> tag), so the header
 * says exactly what the page says. Only the characters a policy of ours has may pass.
 */
function builtPolicy(root) {
  const page = path.join(root, "taskpane.html");
  if (!fs.existsSync(page)) throw new Error(`--root ${root}: no taskpane.html there. Give the folder \`npm run build\` wrote (dist/).`);
  const m = /<meta http-equiv="?Content-Security-Policy"? content="([^"]*)"/.exec(fs.readFileSync(page, "utf8"));
  if (!m) throw new Error(`${page} has no Content-Security-Policy <meta> tag: is it the product's built page?`);
  if (!/^[A-Za-z0-9 :;'*.\/_+-]{1,2000}$/.test(m[1])) throw new Error(`${page}: its Content-Security-Policy has characters that do not belong in one.`);
  return m[1];
}

/** The configuration text of `site` for the given options (names as on the command line, without --). */
function renderConfig(site, given) {
  const def = SITES[site];
  if (!def) throw new Error(`Which configuration? «${site}»: give cache (the shared SSB cache) or addin (the add-in's files).`);
  for (const name of Object.keys(given)) if (!(name in def.options)) throw new Error(`Unknown option --${name} for ${site}. Known: ${Object.keys(def.options).map((o) => `--${o}`).join(", ")}.`);
  const v = {};
  for (const [name, [key, check, fallback]] of Object.entries(def.options)) {
    const text = given[name] ?? fallback;
    if (text !== undefined) v[key] = check(`--${name}`, String(text));
  }
  if (isTls(v) && !(v.CERTIFICATE && v.CERTIFICATE_KEY)) throw new Error(`--listen ${v.LISTEN} needs --certificate and --certificate-key.`);
  const values = {
    ...v,
    TLS: isTls(v) ? `    ssl_certificate ${v.CERTIFICATE};\n    ssl_certificate_key ${v.CERTIFICATE_KEY};\n    ssl_protocols TLSv1.2 TLSv1.3;\n` : "",
    ...def.derive(v),
  };
  return fs.readFileSync(path.join(__dirname, def.template), "utf8").replace(/\$\{([A-Z_]+)\}/g, (whole, key) => {
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

module.exports = { renderConfig, parseArgs, SITES };

if (require.main === module) {
  try {
    const [site, ...rest] = process.argv.slice(2);
    process.stdout.write(renderConfig(site, parseArgs(rest)));
  } catch (e) {
    process.stderr.write(`render.js: ${e.message}\n`);
    process.exit(2);
  }
}
