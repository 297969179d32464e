/**
 * Debian's nginx running the product's shared SSB cache (deploy/nginx/) for a test: the
 * configuration rendered by deploy/nginx/render.js with local ports and a fresh cache
 * folder, in front of a local PxWebApi 2 test server (./pxweb-server). nginx is installed
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
  /** e.g. http://127.0.0.1:PORT/api/pxwebapi/v2, the address the product is given as its SSB proxy. */
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
  if (!NGINX) throw new Error("nginx is not installed: run scripts/install-system-packages.sh (Debian's nginx-light or nginx).");
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
  for (const d of ["body", "proxy"]) mkdirSync(join(dir, d));
  writeFileSync(join(dir, "site.conf"), config);
  const asRoot = process.getuid?.() === 0;
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
  const origin = `http://127.0.0.1:${port}`;
  return {
    baseUrl: `${origin}/api/pxwebapi/v2`,
    origin,
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
