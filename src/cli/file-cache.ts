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
 * an unreadable file is a miss, and a write that fails (read-only or full disk, a path
 * that is not a directory) is skipped; both are told to `onError`.
 *
 * Entries are held to the same limits as every cache (sources/ssb/cache-entry.ts): an
 * answer too large is not written, and a file that is not an entry for its key (corrupt,
 * another query's, too large, planted) is deleted when read. Files are opened without
 * following symbolic links and must be regular files, so a link or a FIFO planted in the
 * cache folder can neither be read through nor hang the command.
 */
import { constants } from "node:fs";
import { createHash, randomBytes } from "node:crypto";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";
import { MAX_RESPONSE_BYTES } from "../kostra/limits";
import { readStoredResponse, storableResponse, toStoredResponse } from "../sources/ssb/cache-entry";
import type { CachedResponse, ResponseCache } from "../sources/ssb/types";

export type FileCacheOperation = "get" | "set" | "delete";

/**
 * Largest cache file read: an entry's body is at most MAX_RESPONSE_BYTES, and JSON escapes
 * at most double it (quotes and backslashes); beyond that the file is not an entry.
 */
const MAX_FILE_BYTES = 2 * MAX_RESPONSE_BYTES + 64 * 1024;

/** O_NOFOLLOW and O_NONBLOCK where the platform has them (not on Windows). */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

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
      const read = await readEntryFile(path);
      if (read === "not-an-entry") {
        this.report(new Error(`Cache file ${path} is not a regular file of a readable size; removed`), "get", path);
        await this.delete(key);
        return undefined;
      }
      text = read;
    } catch (error) {
      if (errorCode(error) === "ELOOP") {
        this.report(new Error(`Cache file ${path} is a symbolic link; removed`, { cause: error }), "get", path);
        await this.delete(key);
      } else if (errorCode(error) !== "ENOENT") this.report(error, "get", path);
      return undefined;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      this.report(new Error(`Cache file ${path} is not valid JSON; removed`, { cause: error }), "get", path);
      await this.delete(key);
      return undefined;
    }
    const entry = readStoredResponse(parsed, key);
    if (!entry) {
      this.report(new Error(`Cache file ${path} is not a cached SSB response for this query (damaged, or another query's); removed`), "get", path);
      await this.delete(key);
      return undefined;
    }
    return entry;
  }

  async set(key: string, value: CachedResponse): Promise<void> {
    const path = this.pathFor(key);
    const entry = storableResponse(value);
    if (!entry) {
      this.report(new Error(`The answer for ${path} is too large or malformed to cache; not stored`), "set", path);
      return;
    }
    // Unique per writer, so two processes caching the same query never share a temporary file.
    const temp = `${path}.${process.pid}-${randomBytes(6).toString("hex")}.tmp`;
    try {
      await mkdir(this.directory, { recursive: true });
      const handle = await open(temp, "wx");
      try {
        await handle.writeFile(JSON.stringify(toStoredResponse(key, entry)), "utf8");
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

  async delete(key: string): Promise<void> {
    const path = this.pathFor(key);
    try {
      await rm(path, { force: true });
    } catch (error) {
      this.report(error, "delete", path);
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

/** The file's text, or "not-an-entry" when it is not a regular file or is larger than any entry. */
async function readEntryFile(path: string): Promise<string | "not-an-entry"> {
  const handle = await open(path, READ_FLAGS);
  try {
    const stat = await handle.stat();
    if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return "not-an-entry";
    const bytes = Buffer.alloc(stat.size);
    let filled = 0;
    while (filled < stat.size) {
      const { bytesRead } = await handle.read(bytes, filled, stat.size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return bytes.subarray(0, filled).toString("utf8");
  } finally {
    await handle.close();
  }
}
