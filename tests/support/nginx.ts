/**
 * Debian's nginx running the product's configurations (deploy/nginx/) for a test, rendered
 * by deploy/nginx/render.js with local ports: the shared SSB cache with a fresh cache folder
 * in front of a local PxWebApi 2 test server (./pxweb-server), or the add-in's built files
 * with their headers. nginx is installed
 * by scripts/install-system-packages.sh; a machine without it fails the test, saying so.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** render.js beside the repository's tests (from tests/support/, or compiled under build/bench/tests/support/). */
const RENDER_JS = [join(__dirname, "../../deploy/nginx/render.js"), join(__dirname, "../../../../deploy/nginx/render.js")].find((p) => existsSync(p));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { renderConfig } = require(RENDER_JS ?? "deploy/nginx/render.js is missing") as { renderConfig: (site: "cache" | "addin", options: Record<string, string>) => string };

export const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => existsSync(p));

export interface RunningNginx {
  /** The cache: http://127.0.0.1:PORT/api/pxwebapi/v2, the address the product is given as its SSB proxy; the add-in's host: its origin. */
  baseUrl: string;
  origin: string;
  /** The folder with the configuration, the cache and the logs. */
  dir: string;
  /** The rendered site configuration. */
  config: string;
  errorLog(): string;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const until = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx stopped at start (exit ${child.exitCode}):\n${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    if (Date.now() > until) throw new Error(`nginx did not listen on ${port} within 10 s:\n${log()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Starts nginx with the shared cache in front of `upstreamOrigin` (http://127.0.0.1:PORT).
 * `options` are render.js's (e.g. { "ssb-rate": "600r/m", "short-ttl": "2s" }).
 */
export async function startNginx(upstreamOrigin: string, options: Record<string, string> = {}): Promise<RunningNginx> {
  const dir = mkdtempSync(join(tmpdir(), "kostra-nginx-"));
  const [port, inner] = [await freePort(), await freePort()];
  const config = renderConfig("cache", {
    "addin-origin": "https://localhost:3000",
    listen: `127.0.0.1:${port}`,
    "inner-listen": `127.0.0.1:${inner}`,
    "ssb-origin": upstreamOrigin,
    "cache-dir": join(dir, "cache"),
    ...options,
  });
  const origin = await runNginx(dir, config, port);
  return { ...origin, baseUrl: `${origin.origin}/api/pxwebapi/v2` };
}

/** Starts nginx serving the add-in's built files from `root` (dist/) as deploy/nginx/kostra-addin.conf.template says. */
export async function startAddinHost(root: string): Promise<RunningNginx> {
  const dir = mkdtempSync(join(tmpdir(), "kostra-nginx-addin-"));
  const port = await freePort();
  const config = renderConfig("addin", { root, listen: `127.0.0.1:${port}` });
  const running = await runNginx(dir, config, port);
  return { ...running, baseUrl: running.origin };
}

/** Runs nginx in `dir` with the site configuration `config` in its http context, until stop(). */
async function runNginx(dir: string, config: string, port: number): Promise<Omit<RunningNginx, "baseUrl">> {
  if (!NGINX) throw new Error("nginx is not installed: run scripts/install-system-packages.sh (Debian's nginx).");
  for (const d of ["body", "proxy"]) mkdirSync(join(dir, d));
  writeFileSync(join(dir, "site.conf"), config);
  const asRoot = process.getuid?.() === 0;
  const mimeTypes = ["/etc/nginx/mime.types"].find((f) => existsSync(f));
  writeFileSync(
    join(dir, "nginx.conf"),
    [
      // As root, nginx's workers would run as "nobody", who may not write in this folder.
      asRoot ? "user root;" : "",
      "worker_processes 1;",
      `pid ${join(dir, "nginx.pid")};`,
      `error_log ${join(dir, "error.log")} info;`,
      "events { worker_connections 1024; }",
      "http {",
      // As Debian's own nginx.conf: the types of files by their extension.
      mimeTypes ? `  include ${mimeTypes};` : "",
      `  access_log ${join(dir, "access.log")};`,
      `  client_body_temp_path ${join(dir, "body")};`,
      `  proxy_temp_path ${join(dir, "proxy")};`,
      `  include ${join(dir, "site.conf")};`,
      "}",
      "",
    ].join("\n"),
  );
  const check = spawnSync(NGINX, ["-t", "-q", "-p", dir, "-c", join(dir, "nginx.conf")], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`nginx refused the configuration:\n${check.stderr}`);
  const child = spawn(NGINX, ["-p", dir, "-c", join(dir, "nginx.conf"), "-g", "daemon off;"], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (d) => (stderr += String(d)));
  const errorLog = () => {
    const file = join(dir, "error.log");
    return `${stderr}${existsSync(file) ? readFileSync(file, "utf8") : ""}`;
  };
  await waitForPort(port, child, errorLog);
  return {
    origin: `http://127.0.0.1:${port}`,
    dir,
    config,
    errorLog,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
