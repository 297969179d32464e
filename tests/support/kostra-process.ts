/**
 * The built `kostra` command (bin/kostra.js) in a child process, as a user runs it, for
 * tests of exit codes, files, pipes and signals. `npm test` builds the CLI first.
 */
import { execFileSync, spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startPxWebServer, type PxWebServer } from "./pxweb-server";
import { UI_WAIT_MS } from "./timing";

export const ROOT = join(__dirname, "..", "..");
export const BIN = join(ROOT, "bin", "kostra.js");

export interface KostraRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

export interface KostraOptions {
  env?: Record<string, string>;
  /** Run as this user and group (only possible when the tests run as root). */
  uid?: number;
  gid?: number;
  /** Standard output: captured (default) or this file descriptor. */
  stdout?: number;
  /** Shell commands run before the command (e.g. "ulimit -f 8"). */
  shellPrefix?: string;
  /** Kill the child after this many ms (a test that would otherwise hang). */
  timeoutMs?: number;
}

export interface KostraProcess {
  child: ChildProcess;
  /** Resolves when standard error has matched `pattern`. */
  stderrMatches(pattern: RegExp): Promise<void>;
  done: Promise<KostraRun>;
}

export function startKostra(args: string[], options: KostraOptions = {}): KostraProcess {
  const stdio: StdioOptions = ["ignore", options.stdout ?? "pipe", "pipe"];
  const [command, argv] = options.shellPrefix
    ? ["/bin/sh", ["-c", `${options.shellPrefix} && exec "$0" "$@"`, process.execPath, BIN, ...args]]
    : [process.execPath, [BIN, ...args]];
  const child = spawn(command, argv, {
    cwd: ROOT,
    stdio,
    env: { ...process.env, ...options.env },
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid ?? options.uid } : {}),
  });
  let out = "";
  let err = "";
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  child.stdout?.setEncoding("utf8").on("data", (t: string) => (out += t));
  child.stderr?.setEncoding("utf8").on("data", (t: string) => {
    err += t;
    for (const w of waiters.splice(0)) if (w.pattern.test(err)) w.resolve();
      else waiters.push(w);
  });
  const timer = options.timeoutMs ? setTimeout(() => child.kill("SIGKILL"), options.timeoutMs) : undefined;
  const done = new Promise<KostraRun>((resolve) => {
    child.on("close", (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, out, err });
    });
  });
  return {
    child,
    done,
    stderrMatches: (pattern) =>
      new Promise<void>((resolve, reject) => {
        if (pattern.test(err)) return resolve();
        waiters.push({ pattern, resolve });
        void done.then(() => (pattern.test(err) ? resolve() : reject(new Error(`kostra ended without printing ${pattern}; stderr:\n${err}`))));
      }),
  };
}

export const kostra = (args: string[], options: KostraOptions = {}): Promise<KostraRun> => startKostra(args, options).done;

const SIGNAL_NUMBERS: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 2, SIGTERM: 15 };

/**
 * Wait until the kernel has delivered `signal` to process `pid` (it is no longer pending
 * in /proc/PID/status), so a test can go on knowing the process's handler has run. Where
 * /proc is not available, waits a generous moment instead.
 */
export async function signalDelivered(pid: number, signal: NodeJS.Signals): Promise<void> {
  const status = `/proc/${pid}/status`;
  const bit = 1n << BigInt((SIGNAL_NUMBERS[signal] ?? 1) - 1);
  if (!existsSync(status)) return new Promise((r) => setTimeout(r, 500));
  const end = Date.now() + UI_WAIT_MS;
  while (Date.now() < end) {
    let text: string;
    try {
      text = readFileSync(status, "utf8");
    } catch {
      return; // the process has ended
    }
    const pending = ["SigPnd", "ShdPnd"].map((field) => BigInt(`0x${new RegExp(`^${field}:\\s*([0-9a-f]+)`, "m").exec(text)?.[1] ?? "0"}`));
    if (pending.every((p) => (p & bit) === 0n)) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`${signal} still pending for process ${pid} after ${UI_WAIT_MS} ms`);
}

export interface CommandWorld {
  /** The local PxWebApi server standing in for SSB (started before the file's tests). */
  readonly server: PxWebServer;
  /** A new temporary folder, open to every user (for runs as "nobody"), removed after the file's tests. */
  folder(): string;
}

/** What the command's tests run against: a local SSB and temporary folders, for one test file. */
export function commandWorld(prefix: string): CommandWorld {
  let server: PxWebServer | undefined;
  const folders: string[] = [];
  beforeAll(async () => {
    server = await startPxWebServer();
  });
  afterAll(async () => {
    await server?.close();
    for (const dir of folders) {
      execFileSync("chmod", ["-R", "u+rwx", dir]); // folders a test made read-only
      rmSync(dir, { recursive: true, force: true });
    }
  });
  return {
    get server() {
      if (!server) throw new Error("the local SSB server starts in beforeAll");
      return server;
    },
    folder() {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      chmodSync(dir, 0o755);
      folders.push(dir);
      return dir;
    },
  };
}
