#!/usr/bin/env node
/**
 * `npm start`: serves the task pane on https://localhost:3000 with webpack-dev-server
 * and says how to open it in Excel or in a plain browser.
 *
 * Certificates come from office-addin-dev-certs (~/.office-addin-dev-certs). Installing
 * its CA needs sudo on Linux; where that fails we still serve with the generated
 * certificate and say which file the browser must be told to trust. If no certificate
 * can be had at all, we serve plain http so the pane can still be tried in a browser.
 */
"use strict";

const { spawn } = require("node:child_process");
const crypto = require("node:crypto");
const fs = require("node:fs");
const https = require("node:https");
const http = require("node:http");
const os = require("node:os");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const PORT = 3000;
const CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs"); // where office-addin-dev-certs keeps them
const CERT_FILES = {
  ca: path.join(CERT_DIR, "ca.crt"),
  cert: path.join(CERT_DIR, "localhost.crt"),
  key: path.join(CERT_DIR, "localhost.key"),
};

const firstLine = (err) => String((err && err.message) || err).split("\n").find((l) => l.trim()) ?? "";

/** True when the certificate files exist, belong together and stay valid for another day. */
function certificatesUsable(files = CERT_FILES) {
  try {
    const cert = new crypto.X509Certificate(fs.readFileSync(files.cert));
    const ca = new crypto.X509Certificate(fs.readFileSync(files.ca));
    const key = crypto.createPrivateKey(fs.readFileSync(files.key));
    const tomorrow = Date.now() + 24 * 3600 * 1000;
    return cert.checkPrivateKey(key) && cert.verify(ca.publicKey) && Date.parse(cert.validTo) > tomorrow;
  } catch {
    return false;
  }
}

/**
 * Finds or makes the localhost certificate and tries to have its CA trusted.
 * Returns { files, trusted, problem }; files is null when there is no certificate.
 */
async function resolveCertificates(devCerts = require("office-addin-dev-certs")) {
  let trusted = false;
  let problem = "";
  if (certificatesUsable()) {
    // Reuse what exists, so a CA the user told the browser to trust stays the same.
    try {
      trusted = devCerts.isCaCertificateInstalled();
      if (!trusted) {
        await devCerts.installCaCertificate(CERT_FILES.ca);
        trusted = true;
      }
    } catch (err) {
      problem = firstLine(err);
    }
  } else {
    try {
      await devCerts.getHttpsServerOptions(); // generates the files, then installs the CA
      trusted = true;
    } catch (err) {
      problem = firstLine(err);
    }
    if (!certificatesUsable()) {
      try {
        // Stale files would stop the generator from writing new ones.
        for (const file of Object.values(CERT_FILES)) fs.rmSync(file, { force: true });
        await devCerts.generateCertificates(CERT_FILES.ca, CERT_FILES.cert, CERT_FILES.key);
      } catch (err) {
        problem = problem || firstLine(err);
      }
    }
  }
  const usable = certificatesUsable();
  return { files: usable ? CERT_FILES : null, trusted: usable && trusted, problem };
}

function devServerArgs(certs) {
  const args = [require.resolve("webpack-cli/bin/cli.js"), "serve", "--mode", "development"];
  args.push("--port", String(PORT), "--host", "localhost");
  if (!certs.files) return [...args, "--server-type", "http"];
  return [
    ...args,
    "--server-type", "https",
    "--server-options-key", certs.files.key,
    "--server-options-cert", certs.files.cert,
    "--server-options-ca", certs.files.ca,
  ];
}

/** Resolves once the dev server answers (any status) or after `timeoutMs`. */
function waitForServer(url, timeoutMs = 180000) {
  const client = url.startsWith("https:") ? https : http;
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve) => {
    const attempt = () => {
      const req = client.get(url, { rejectUnauthorized: false, timeout: 2000 }, (res) => {
        res.resume();
        resolve(true);
      });
      req.on("error", () => (Date.now() > deadline ? resolve(false) : setTimeout(attempt, 1000)));
      req.on("timeout", () => req.destroy());
    };
    attempt();
  });
}

function banner(certs, url) {
  const manifest = path.join(ROOT, "manifest.xml");
  const lines = [
    "",
    "KOSTRA Benchmark – utviklingsserver / development server",
    "",
    `  Oppgaveruten serveres på ${url}`,
    `  The task pane is served at ${url}`,
    "",
    "  Åpnet i en vanlig nettleser virker ruten på de innebygde eksempeldataene, uten arbeidsbok.",
    "  Opened in a plain browser, the pane works on the embedded sample data, without a workbook.",
  ];
  if (certs.files) {
    lines.push(
      "",
      `  Excel på nettet: Hjem > Tillegg > Mine tillegg > Last opp mitt tillegg, og velg ${manifest}`,
      `  Excel on the web: Home > Add-ins > My Add-ins > Upload My Add-in, and choose ${manifest}`,
    );
  }
  if (certs.files && (process.platform === "win32" || process.platform === "darwin")) {
    lines.push(
      "",
      "  Excel på skrivebordet: npx office-addin-debugging start manifest.xml",
      "  Desktop Excel: npx office-addin-debugging start manifest.xml",
    );
  }
  if (!certs.files) {
    lines.push(
      "",
      `  Fant eller laget ikke noe sertifikat (${certs.problem}); serverer over vanlig http. Excel krever https, så bruk nettleseren.`,
      `  No certificate could be found or made (${certs.problem}); serving plain http. Excel needs https, so use the browser.`,
    );
  } else if (!certs.trusted) {
    lines.push(
      "",
      `  Sertifikatutstederen (CA) kunne ikke installeres${certs.problem ? ` (${certs.problem})` : ""}.`,
      `  Be nettleseren stole på ${certs.files.ca} før du åpner ruten eller laster opp tillegget.`,
      `  The CA could not be installed${certs.problem ? ` (${certs.problem})` : ""}.`,
      `  Tell the browser to trust ${certs.files.ca} before opening the pane or uploading the add-in.`,
    );
  }
  lines.push("", "  Stopp med Ctrl+C. / Stop with Ctrl+C.", "");
  return lines.join("\n");
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, "webpack.config.js"))) {
    console.error("Fant ikke webpack.config.js i prosjektmappen. / webpack.config.js not found in the project folder.");
    process.exit(1);
  }
  const certs = await resolveCertificates();
  if (!certs.files) {
    console.warn(`Merk: ingen sertifikat, serverer http på port ${PORT}. / Note: no certificate, serving http on port ${PORT}.`);
  }
  const child = spawn(process.execPath, devServerArgs(certs), { cwd: ROOT, stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => child.kill(signal));
  }
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));

  const url = `${certs.files ? "https" : "http"}://localhost:${PORT}/taskpane.html`;
  if (await waitForServer(url)) console.log(banner(certs, url));
}

if (require.main === module) {
  main().catch((err) => {
    console.error(`npm start: ${firstLine(err)}`);
    process.exit(1);
  });
}

module.exports = { resolveCertificates, certificatesUsable, devServerArgs, banner, CERT_FILES };
