import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { defaultCacheDir, FileResponseCache, type FileCacheOperation } from "../../src/cli/file-cache";
import { MAX_RESPONSE_BYTES } from "../../src/kostra/limits";
import type { CachedResponse } from "../../src/sources/ssb/types";

const response = (body: string): CachedResponse => ({ body, fetchedAt: "2025-01-06T08:00:00.000Z", updated: "2024-12-16T07:00:00Z" });
const KEY = "GET https://data.ssb.no/api/pxwebapi/v2/tables/12362/data?lang=no&valueCodes[Tid]=2024";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "kostra-file-cache-"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function errors() {
  const seen: { error: unknown; operation: FileCacheOperation; path: string }[] = [];
  return { seen, onError: (error: unknown, operation: FileCacheOperation, path: string) => seen.push({ error, operation, path }) };
}

describe("FileResponseCache", () => {
  it("returns what was stored, also to a new instance (the next run of the command)", async () => {
    const dir = join(root, "ssb");
    await new FileResponseCache(dir).set(KEY, response("A"));
    await expect(new FileResponseCache(dir).get(KEY)).resolves.toEqual(response("A"));
  });

  it("writes one JSON file per key, named by the key's SHA-256", async () => {
    const cache = new FileResponseCache(root);
    await cache.set(KEY, response("A"));
    const hash = createHash("sha256").update(KEY).digest("hex");
    expect(basename(cache.pathFor(KEY))).toBe(`${hash}.json`);
    expect(await readdir(root)).toEqual([`${hash}.json`]);
    expect(JSON.parse(await readFile(join(root, `${hash}.json`), "utf8"))).toEqual({ key: KEY, ...response("A") });
  });

  it("keeps a response without SSB's updated timestamp without inventing one", async () => {
    const cache = new FileResponseCache(root);
    await cache.set("k", { body: "{}", fetchedAt: "2025-01-06T08:00:00.000Z" });
    const got = await cache.get("k");
    expect(got).toEqual({ body: "{}", fetchedAt: "2025-01-06T08:00:00.000Z" });
    expect(got && "updated" in got).toBe(false);
  });

  it("overwrites a key and leaves no temporary files", async () => {
    const cache = new FileResponseCache(root);
    await cache.set(KEY, response("old"));
    await cache.set(KEY, response("new"));
    await expect(cache.get(KEY)).resolves.toEqual(response("new"));
    expect(await readdir(root)).toHaveLength(1);
  });

  it("ends with one whole entry when the same key is written many times at once", async () => {
    const cache = new FileResponseCache(root);
    await Promise.all(Array.from({ length: 20 }, (_, i) => cache.set(KEY, response(`body ${i}`.repeat(5_000)))));
    const got = await cache.get(KEY);
    expect(got?.body).toMatch(/^(body \d+)+$/);
    expect(await readdir(root)).toHaveLength(1);
  });

  it("answers undefined for a key never stored, without calling it an error — also before the directory exists", async () => {
    const { seen, onError } = errors();
    await expect(new FileResponseCache(join(root, "not", "yet"), { onError }).get(KEY)).resolves.toBeUndefined();
    const cache = new FileResponseCache(root, { onError });
    await cache.set("a", response("A"));
    await expect(cache.get("b")).resolves.toBeUndefined();
    expect(seen).toEqual([]);
  });

  it("creates its directory, parents included, on the first write", async () => {
    const cache = new FileResponseCache(join(root, "a", "b", "ssb"));
    await cache.set(KEY, response("A"));
    await expect(cache.get(KEY)).resolves.toEqual(response("A"));
  });

  it("keeps keys apart, however long or unusual", async () => {
    const cache = new FileResponseCache(root);
    const long = `POST ${"x".repeat(10_000)}`;
    const keys = [KEY, `${KEY} `, long, "Tromsø – Romsa ∑ 🙂", ""];
    for (const [i, key] of keys.entries()) await cache.set(key, response(`body ${i}`));
    for (const [i, key] of keys.entries()) await expect(cache.get(key)).resolves.toEqual(response(`body ${i}`));
  });

  describe("reads a bad file as a miss and reports it", () => {
    it("a truncated or otherwise damaged file", async () => {
      const { seen, onError } = errors();
      const cache = new FileResponseCache(root, { onError });
      await cache.set(KEY, response("A"));
      const path = cache.pathFor(KEY);
      const whole = await readFile(path, "utf8");
      await writeFile(path, whole.slice(0, whole.length / 2));
      await expect(cache.get(KEY)).resolves.toBeUndefined();
      expect(seen.map((e) => [e.operation, e.path])).toEqual([["get", path]]);
    });

    it("a file that is JSON but not a cached response", async () => {
      const { seen, onError } = errors();
      const cache = new FileResponseCache(root, { onError });
      await writeFile(cache.pathFor(KEY), JSON.stringify({ key: KEY, body: 42 }));
      await expect(cache.get(KEY)).resolves.toBeUndefined();
      expect(seen).toHaveLength(1);
    });

    it("a file that holds another key's response (a hash collision, or a file copied by hand)", async () => {
      const { seen, onError } = errors();
      const cache = new FileResponseCache(root, { onError });
      await cache.set("other query", response("B"));
      await writeFile(cache.pathFor(KEY), await readFile(cache.pathFor("other query")));
      await expect(cache.get(KEY)).resolves.toBeUndefined();
      await expect(cache.get("other query")).resolves.toEqual(response("B"));
      expect(String(seen[0]?.error)).toMatch(/another query/);
    });

    it("an entry that cannot be read (here a directory in its place)", async () => {
      const { seen, onError } = errors();
      const cache = new FileResponseCache(root, { onError });
      await mkdir(cache.pathFor(KEY));
      await expect(cache.get(KEY)).resolves.toBeUndefined();
      // Reported, and not removed: the cache deletes files, never folders.
      expect(seen.map((e) => e.operation)).toEqual(["get", "delete"]);
    });
  });

  describe("never reads through what was planted in the cache folder", () => {
    it("a symbolic link in an entry's place: not followed, removed, its target untouched", async () => {
      const { seen, onError } = errors();
      const cache = new FileResponseCache(root, { onError });
      const target = join(root, "secret.json");
      await writeFile(target, JSON.stringify({ key: KEY, ...response("stolen") }));
      await symlink(target, cache.pathFor(KEY));
      await expect(cache.get(KEY)).resolves.toBeUndefined();
      expect(String(seen[0]?.error)).toMatch(/symbolic link/);
      expect(existsSync(cache.pathFor(KEY))).toBe(false);
      expect(JSON.parse(await readFile(target, "utf8")).body).toBe("stolen");
    });

    it("a FIFO in an entry's place: not waited on, removed", async () => {
      if (process.platform === "win32") return;
      const cache = new FileResponseCache(root);
      execFileSync("mkfifo", [cache.pathFor(KEY)]);
      await expect(cache.get(KEY)).resolves.toBeUndefined();
      expect(existsSync(cache.pathFor(KEY))).toBe(false);
    });

    it("an entry too large for any answer: not read, removed; and one too large is never written", async () => {
      const { seen, onError } = errors();
      const cache = new FileResponseCache(root, { onError });
      await cache.set(KEY, { body: " ".repeat(MAX_RESPONSE_BYTES + 1), fetchedAt: "2025-01-06T08:00:00.000Z" });
      expect(await readdir(root)).toEqual([]);
      expect(seen.map((e) => e.operation)).toEqual(["set"]);
      await writeFile(cache.pathFor(KEY), "");
      await truncate(cache.pathFor(KEY), 2 * MAX_RESPONSE_BYTES + 1024 * 1024);
      await expect(cache.get(KEY)).resolves.toBeUndefined();
      expect(existsSync(cache.pathFor(KEY))).toBe(false);
    });
  });

  describe("skips a write it cannot make, reports it and throws nothing", () => {
    it("when the cache directory cannot be created (a file is in the way)", async () => {
      const blocker = join(root, "not-a-directory");
      await writeFile(blocker, "");
      const { seen, onError } = errors();
      const cache = new FileResponseCache(join(blocker, "ssb"), { onError });
      await expect(cache.set(KEY, response("A"))).resolves.toBeUndefined();
      await expect(cache.get(KEY)).resolves.toBeUndefined();
      expect(seen.map((e) => e.operation)).toEqual(["set", "get"]);
    });

    it("when the entry cannot be replaced, removing its temporary file", async () => {
      const { seen, onError } = errors();
      const cache = new FileResponseCache(root, { onError });
      await mkdir(join(cache.pathFor(KEY), "occupied"), { recursive: true });
      await expect(cache.set(KEY, response("A"))).resolves.toBeUndefined();
      expect(seen.map((e) => e.operation)).toEqual(["set"]);
      expect(await readdir(root)).toEqual([basename(cache.pathFor(KEY))]);
    });

    it("even when the error callback itself throws", async () => {
      const blocker = join(root, "file");
      await writeFile(blocker, "");
      const cache = new FileResponseCache(join(blocker, "ssb"), {
        onError: () => {
          throw new Error("logging failed");
        },
      });
      await expect(cache.set(KEY, response("A"))).resolves.toBeUndefined();
      await expect(cache.get(KEY)).resolves.toBeUndefined();
    });
  });
});

describe("defaultCacheDir", () => {
  it("uses XDG_CACHE_HOME when it is an absolute path, else ~/.cache", () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: "/var/cache/me" }, "/home/me", "linux")).toBe(join("/var/cache/me", "kostra-benchmark", "ssb"));
    expect(defaultCacheDir({}, "/home/me", "linux")).toBe(join("/home/me", ".cache", "kostra-benchmark", "ssb"));
    expect(defaultCacheDir({ XDG_CACHE_HOME: "relative/cache" }, "/home/me", "linux")).toBe(join("/home/me", ".cache", "kostra-benchmark", "ssb"));
    expect(defaultCacheDir({ XDG_CACHE_HOME: "" }, "/home/me", "darwin")).toBe(join("/home/me", ".cache", "kostra-benchmark", "ssb"));
  });

  it("uses LOCALAPPDATA on Windows, where XDG_CACHE_HOME is rarely set", () => {
    expect(defaultCacheDir({ LOCALAPPDATA: "/c/Users/me/AppData/Local" }, "/c/Users/me", "win32")).toBe(join("/c/Users/me/AppData/Local", "kostra-benchmark", "ssb"));
    expect(defaultCacheDir({ LOCALAPPDATA: "/c/Users/me/AppData/Local" }, "/home/me", "linux")).toBe(join("/home/me", ".cache", "kostra-benchmark", "ssb"));
  });
});
