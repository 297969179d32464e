/**
 * Output files written all or nothing: a temporary file created exclusively beside the
 * target and renamed over it. Failures are injected into the file-system calls (a disk
 * that fills up mid-write, a failing flush, a cancelled run, a link planted under the
 * temporary name just before it is opened); every time the earlier file must be intact
 * and no temporary file left behind.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { KostraError } from "../../src/kostra/errors";
import { Cancelled, CANCELLED_TEXT } from "../../src/cli/io";
import { checkOutputTarget, prepareOutputFolder, writeOutputFile, type OutputFileSystem } from "../../src/cli/output-file";

const PREVIOUS = "the earlier report\n";
let dir: string;
let target: string;
beforeEach(() => {
  dir = fs.mkdtempSync(join(tmpdir(), "kostra-out-"));
  target = join(dir, "kostra.json");
  fs.writeFileSync(target, PREVIOUS);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const errno = (code: string) => Object.assign(new Error(`${code}: injected`), { code });
const leftovers = () => fs.readdirSync(dir).filter((f) => f !== "kostra.json");
const messageOf = (e: unknown) => (e instanceof KostraError ? e.messageIn("nb") : String(e));

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error("expected a failure");
}

describe("writeOutputFile", () => {
  it("replaces the earlier file with the complete new one and leaves nothing beside it", async () => {
    await writeOutputFile(target, "new content\n");
    expect(fs.readFileSync(target, "utf8")).toBe("new content\n");
    expect(leftovers()).toEqual([]);
  });

  it("disk full in the middle of the write: exit-2 error naming the disk, the earlier file intact, no temporary file", async () => {
    let calls = 0;
    const full: OutputFileSystem = {
      ...fs,
      writeSync: ((fd: number, buffer: Uint8Array, offset: number) => {
        if (calls++ > 0) throw errno("ENOSPC");
        return fs.writeSync(fd, buffer, offset, 10);
      }) as typeof fs.writeSync,
    };
    const e = await failure(writeOutputFile(target, "x".repeat(100_000), { fs: full }));
    expect(e).toBeInstanceOf(KostraError);
    expect(messageOf(e)).toMatch(/ikke plass på disken .*kostra\.json.*en tidligere fil er urørt/);
    expect(calls).toBe(2);
    expect(fs.readFileSync(target, "utf8")).toBe(PREVIOUS);
    expect(leftovers()).toEqual([]);
  });

  it("a flush that fails (EIO) leaves the earlier file and no temporary file", async () => {
    const e = await failure(writeOutputFile(target, "new", { fs: { ...fs, fsyncSync: () => { throw errno("EIO"); } } }));
    expect(messageOf(e)).toMatch(/kan ikke skrive .*kostra\.json \(EIO\)/);
    expect(fs.readFileSync(target, "utf8")).toBe(PREVIOUS);
    expect(leftovers()).toEqual([]);
  });

  it("a cancelled run (the last check before the rename) leaves the earlier file and no temporary file", async () => {
    let written: string[] = [];
    const e = await failure(
      writeOutputFile(target, "new", {
        beforeRename: async () => {
          written = leftovers();
          throw new Cancelled(CANCELLED_TEXT);
        },
      }),
    );
    expect(e).toBeInstanceOf(Cancelled);
    expect(written).toHaveLength(1); // the temporary file existed, complete, until then
    expect(fs.readFileSync(target, "utf8")).toBe(PREVIOUS);
    expect(leftovers()).toEqual([]);
  });

  it("never writes through a link planted under the temporary name: the open fails and another name is used", async () => {
    const victim = join(dir, "victim.txt");
    fs.writeFileSync(victim, "the user's other file\n");
    const planted: string[] = [];
    const racing: OutputFileSystem = {
      ...fs,
      openSync: ((path: string, flags: number, mode?: number) => {
        if (planted.length === 0) {
          fs.symlinkSync(victim, path); // an attacker wins the race for this name
          planted.push(path);
        }
        return fs.openSync(path, flags, mode);
      }) as typeof fs.openSync,
    };
    await writeOutputFile(target, "new", { fs: racing });
    expect(fs.readFileSync(victim, "utf8")).toBe("the user's other file\n");
    expect(fs.readFileSync(target, "utf8")).toBe("new");
    expect(fs.lstatSync(planted[0]).isSymbolicLink()).toBe(true);
  });

  it("uses an unpredictable temporary name, different every time and not made from the process id", async () => {
    const names: string[] = [];
    const watching: OutputFileSystem = { ...fs, renameSync: (from, to) => (names.push(String(from)), fs.renameSync(from, to)) };
    await writeOutputFile(target, "a", { fs: watching });
    await writeOutputFile(target, "b", { fs: watching });
    expect(names[0]).not.toBe(names[1]);
    for (const n of names) {
      expect(n.startsWith(join(dir, ".kostra.json."))).toBe(true);
      expect(n).not.toContain(`.${process.pid}.`);
      expect(n).toMatch(/\.[0-9a-f]{24}\.tmp$/);
    }
  });

  it("replaces a link at the target itself, never writing through it", async () => {
    const victim = join(dir, "victim.txt");
    fs.writeFileSync(victim, "keep\n");
    fs.rmSync(target);
    fs.symlinkSync(victim, target);
    await writeOutputFile(target, "new");
    expect(fs.readFileSync(victim, "utf8")).toBe("keep\n");
    expect(fs.lstatSync(target).isFile()).toBe(true);
  });
});

describe("checkOutputTarget", () => {
  const problem = (path: string, ext = ".json") => {
    try {
      checkOutputTarget(path, ext);
    } catch (e) {
      return messageOf(e);
    }
    return "no problem";
  };

  it.each([
    ["a missing folder", () => join(dir, "nope", "x.json"), /mappen .*nope.* finnes ikke/],
    ["a folder as --out", () => ((fs.mkdirSync(join(dir, "d.json")), join(dir, "d.json"))), /d\.json er en mappe, ikke en fil/],
    ["a file in place of the folder", () => join(target, "x.json"), /kostra\.json er ikke en mappe/],
    ["the wrong extension", () => join(dir, "x.xlsx"), /--out må være en \.json-fil/],
    ["only the extension", () => join(dir, ".json"), /--out må være en \.json-fil/],
  ])("refuses %s", (_, path, message) => {
    expect(problem(path())).toMatch(message);
    expect(fs.readFileSync(target, "utf8")).toBe(PREVIOUS);
    expect(leftovers().filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("refuses a FIFO (or other non-file) as --out", () => {
    const fifo = join(dir, "pipe.json");
    execFileSync("mkfifo", [fifo]);
    expect(problem(fifo)).toMatch(/pipe\.json finnes og er ikke en vanlig fil/);
  });

  it("accepts a new or existing file (case-insensitive extension) and leaves no probe behind", () => {
    expect(problem(target)).toBe("no problem");
    expect(problem(join(dir, "NY.JSON"))).toBe("no problem");
    expect(leftovers()).toEqual([]);
  });

  it("prepareOutputFolder creates a folder for --record, and refuses a file in its place", () => {
    prepareOutputFolder(join(dir, "a", "b"));
    expect(fs.statSync(join(dir, "a", "b")).isDirectory()).toBe(true);
    expect(fs.readdirSync(join(dir, "a", "b"))).toEqual([]);
    expect(() => prepareOutputFolder(target)).toThrow(/is not a folder/);
  });
});
