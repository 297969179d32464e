/**
 * SSB responses cached as files for the `kostra` command, so running it again (or
 * offline) does not spend SSB's quota on figures already fetched.
 *
 * One file per key, named by the key's SHA-256 (keys are long URLs and bodies), holding
 * `{ key, body, fetchedAt, updated }`. The key is stored too and must equal the key
 * asked for, so a file can never answer for another query.
 *
 * Writes go to a temporary file that is then renamed over the entry: a crash leaves
 * the old entry or the new one, never half a file. The cache never fails a command:
 * an unreadable, corrupt or foreign file is a miss, and a write that fails (read-only
 * or full disk, a path that is not a directory) is skipped; both are told to `onError`.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";
import type { CachedResponse, ResponseCache } from "../sources/ssb/types";

export type FileCacheOperation = "get" | "set";

export interface FileResponseCacheOptions {
  /** Told of every failure the cache absorbed, with the file concerned. */
  onError?: (error: unknown, operation: FileCacheOperation, path: string) => void;
}

/**
 * Where the cache lives by default: `$XDG_CACHE_HOME/kostra-benchmark/ssb`, else
 * `~/.cache/kostra-benchmark/ssb`; on Windows `%LOCALAPPDATA%\kostra-benchmark\ssb`.
 * A relative XDG_CACHE_HOME is ignored, as the XDG specification says.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env, home: string = homedir(), platform: NodeJS.Platform = process.platform): string {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, "kostra-benchmark", "ssb");
  const localAppData = env.LOCALAPPDATA;
  if (platform === "win32" && localAppData && isAbsolute(localAppData)) return join(localAppData, "kostra-benchmark", "ssb");
  return join(home, ".cache", "kostra-benchmark", "ssb");
}

interface CacheFile extends CachedResponse {
  key: string;
}

function isCacheFile(value: unknown): value is CacheFile {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.key === "string" && typeof v.body === "string" && typeof v.fetchedAt === "string" && (v.updated === undefined || typeof v.updated === "string");
}

function errorCode(error: unknown): unknown {
  return typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
}

export class FileResponseCache implements ResponseCache {
  private readonly onError?: (error: unknown, operation: FileCacheOperation, path: string) => void;

  constructor(
    readonly directory: string = defaultCacheDir(),
    options: FileResponseCacheOptions = {},
  ) {
    this.onError = options.onError;
  }

  /** The file that holds `key`'s response. */
  pathFor(key: string): string {
    return join(this.directory, `${createHash("sha256").update(key, "utf8").digest("hex")}.json`);
  }

  async get(key: string): Promise<CachedResponse | undefined> {
    const path = this.pathFor(key);
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      if (errorCode(error) !== "ENOENT") this.report(error, "get", path);
      return undefined;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      this.report(new Error(`Cache file ${path} is not valid JSON; treated as not cached`, { cause: error }), "get", path);
      return undefined;
    }
    if (!isCacheFile(parsed)) {
      this.report(new Error(`Cache file ${path} is not a cached SSB response; treated as not cached`), "get", path);
      return undefined;
    }
    if (parsed.key !== key) {
      this.report(new Error(`Cache file ${path} holds another query's response; treated as not cached`), "get", path);
      return undefined;
    }
    const { body, fetchedAt, updated } = parsed;
    return updated === undefined ? { body, fetchedAt } : { body, fetchedAt, updated };
  }

  async set(key: string, value: CachedResponse): Promise<void> {
    const path = this.pathFor(key);
    const entry: CacheFile = { key, body: value.body, fetchedAt: value.fetchedAt };
    if (value.updated !== undefined) entry.updated = value.updated;
    // Unique per writer, so two processes caching the same query never share a temporary file.
    const temp = `${path}.${process.pid}-${randomBytes(6).toString("hex")}.tmp`;
    try {
      await mkdir(this.directory, { recursive: true });
      const handle = await open(temp, "wx");
      try {
        await handle.writeFile(JSON.stringify(entry), "utf8");
        // On disk before the rename makes it the entry, so a power cut cannot leave an empty file.
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, path);
    } catch (error) {
      this.report(error, "set", path);
      await rm(temp, { force: true }).catch(() => undefined);
    }
  }

  private report(error: unknown, operation: FileCacheOperation, path: string): void {
    try {
      this.onError?.(error, operation, path);
    } catch {
      // A failing error callback must not fail the command the cache serves.
    }
  }
}
