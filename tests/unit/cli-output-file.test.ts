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
import { checkOutputTarget, prepareOutputFolder, removeTemporaryFiles, writeOutputFile, writeOutputFiles, type OutputFileSystem } from "../../src/cli/output-file";

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

  it("uses an unpredictable temporary name of fixed length in the target's folder, different every time and not made from the process id", async () => {
    const names: string[] = [];
    const watching: OutputFileSystem = { ...fs, renameSync: (from, to) => (names.push(String(from)), fs.renameSync(from, to)) };
    await writeOutputFile(target, "a", { fs: watching });
    await writeOutputFile(join(dir, `${"b".repeat(200)}.json`), "b", { fs: watching });
    expect(names[0]).not.toBe(names[1]);
    for (const n of names) {
      expect(n.startsWith(join(dir, ".kostra-"))).toBe(true);
      expect(n).not.toContain(`${process.pid}`);
      expect(n.slice(dir.length + 1)).toMatch(/^\.kostra-[0-9a-f]{24}\.tmp$/);
    }
  });

  it.each([
    ["250 ASCII characters", `${"r".repeat(245)}.json`],
    ["255 bytes of æøå", `${"æ".repeat(125)}.json`],
  ])("writes a target whose name is as long as the system allows (%s): the temporary name never is longer", async (_, name) => {
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
    const long = join(dir, name);
    checkOutputTarget(long, ".json");
    await writeOutputFile(long, "long\n");
    expect(fs.readFileSync(long, "utf8")).toBe("long\n");
    expect(leftovers().sort()).toEqual([name]);
  });

  it.each([0o600, 0o640, 0o604, 0o755].map((m) => [m.toString(8), m] as const))("keeps the permission bits of the file it replaces (0%s)", async (_, mode) => {
    fs.chmodSync(target, mode);
    await writeOutputFile(target, "new\n");
    expect(fs.readFileSync(target, "utf8")).toBe("new\n");
    expect(fs.statSync(target).mode & 0o777).toBe(mode);
  });

  it("gives a new file the usual permissions (0666 less the umask), and a file replacing a link the same", async () => {
    const umask = process.umask();
    await writeOutputFile(join(dir, "ny.json"), "new\n");
    expect(fs.statSync(join(dir, "ny.json")).mode & 0o777).toBe(0o666 & ~umask);
    fs.rmSync(target);
    fs.symlinkSync(join(dir, "ny.json"), target);
    fs.chmodSync(join(dir, "ny.json"), 0o600);
    await writeOutputFile(target, "new\n");
    expect(fs.lstatSync(target).mode & 0o777).toBe(0o666 & ~umask);
  });

  it("replaces a read-only (0444) file the system lets this user write, keeping it read-only", async () => {
    fs.chmodSync(target, 0o444);
    await writeOutputFile(target, "new\n", { fs: { ...fs, accessSync: () => undefined } });
    expect(fs.readFileSync(target, "utf8")).toBe("new\n");
    expect(fs.statSync(target).mode & 0o777).toBe(0o444);
  });

  it("refuses a file this user may not write (read-only, or someone else's) with exit 2, the file intact and nothing left", async () => {
    fs.chmodSync(target, 0o444);
    const denied: OutputFileSystem = { ...fs, accessSync: () => { throw errno("EACCES"); } };
    const e = await failure(writeOutputFile(target, "new\n", { fs: denied }));
    expect(messageOf(e)).toMatch(/har ikke lov til å endre .*kostra\.json \(filen er skrivebeskyttet eller tilhører en annen\)/);
    expect(fs.readFileSync(target, "utf8")).toBe(PREVIOUS);
    expect(leftovers()).toEqual([]);
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

  it("refuses an existing file this user may not write, before any work", () => {
    const denied: OutputFileSystem = { ...fs, accessSync: () => { throw errno("EACCES"); } };
    expect(() => checkOutputTarget(target, ".json", denied)).toThrow(/not allowed to change .*kostra\.json \(the file is read-only or someone else's\)/);
    // A new file, and a link (replaced, never written through), are not asked about.
    expect(() => checkOutputTarget(join(dir, "ny.json"), ".json", denied)).not.toThrow();
    fs.symlinkSync(target, join(dir, "lenke.json"));
    expect(() => checkOutputTarget(join(dir, "lenke.json"), ".json", denied)).not.toThrow();
    expect(leftovers().filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("prepareOutputFolder checks the files it will replace: not a folder, not read-only", () => {
    const record = join(dir, "rec");
    fs.mkdirSync(join(record, "12362.json"), { recursive: true });
    expect(() => prepareOutputFolder(record, ["07459.json", "12362.json"])).toThrow(/12362\.json is a folder, not a file/);
    fs.rmdirSync(join(record, "12362.json"));
    fs.writeFileSync(join(record, "12362.json"), "earlier");
    const denied: OutputFileSystem = { ...fs, accessSync: () => { throw errno("EPERM"); } };
    expect(() => prepareOutputFolder(record, ["07459.json", "12362.json"], denied)).toThrow(/not allowed to change .*12362\.json/);
    expect(() => prepareOutputFolder(record, ["07459.json", "12362.json"])).not.toThrow();
    expect(fs.readdirSync(record)).toEqual(["12362.json"]);
  });

  it("prepareOutputFolder creates a folder for --record, and refuses a file in its place", () => {
    prepareOutputFolder(join(dir, "a", "b"));
    expect(fs.statSync(join(dir, "a", "b")).isDirectory()).toBe(true);
    expect(fs.readdirSync(join(dir, "a", "b"))).toEqual([]);
    expect(() => prepareOutputFolder(target)).toThrow(/is not a folder/);
  });
});

describe("writeOutputFiles: several files, all or nothing", () => {
  const names = ["07459.json", "11814.json", "12362.json", "12842.json"];
  const earlier = (name: string) => `earlier ${name}\n`;
  const files = () => names.map((name) => ({ target: join(dir, name), data: `new ${name}\n` }));
  const contents = () => Object.fromEntries(fs.readdirSync(dir).sort().map((f) => [f, fs.readFileSync(join(dir, f), "utf8")]));
  const before = () => ({ "kostra.json": PREVIOUS, ...Object.fromEntries(names.slice(0, 3).map((n) => [n, earlier(n)])) });
  beforeEach(() => {
    // An earlier recording of three of the four files.
    for (const n of names.slice(0, 3)) fs.writeFileSync(join(dir, n), earlier(n));
  });

  it("replaces every file and creates the new one", async () => {
    await writeOutputFiles(files());
    expect(contents()).toEqual({ "kostra.json": PREVIOUS, ...Object.fromEntries(names.map((n) => [n, `new ${n}\n`])) });
  });

  it("renames nothing until every file is written: cancelled at the last check, every earlier file is as it was", async () => {
    let staged: string[] = [];
    const e = await failure(
      writeOutputFiles(files(), {
        beforeRename: async () => {
          staged = fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"));
          throw new Cancelled(CANCELLED_TEXT);
        },
      }),
    );
    expect(e).toBeInstanceOf(Cancelled);
    expect(staged).toHaveLength(names.length);
    expect(contents()).toEqual(before());
  });

  it("a disk that fills up at the third file: nothing replaced, no temporary file", async () => {
    let opened = 0;
    const full: OutputFileSystem = {
      ...fs,
      writeSync: ((fd: number, buffer: Uint8Array, offset: number, length: number) => {
        if (++opened === 3) throw errno("ENOSPC");
        return fs.writeSync(fd, buffer, offset, length);
      }) as typeof fs.writeSync,
    };
    const e = await failure(writeOutputFiles(files(), { fs: full }));
    expect(messageOf(e)).toMatch(/ikke plass på disken .*12362\.json/);
    expect(contents()).toEqual(before());
  });

  const refusingRename = (at: number, extra: Partial<OutputFileSystem> = {}): OutputFileSystem => {
    let renames = 0;
    return {
      ...fs,
      ...extra,
      renameSync: (from, to) => {
        // Only the renames of new files into place count; putting an earlier file back is let through.
        if (String(from).endsWith(".tmp") && !fs.readFileSync(from, "utf8").startsWith("earlier") && ++renames === at) throw errno("EPERM");
        fs.renameSync(from, to);
      },
    };
  };

  it("a rename the system refuses part-way is undone: every file as it was (a new one removed), no temporary file, the message says so", async () => {
    // The new file first, so that undoing removes it as well as putting earlier files back.
    const order = [files()[3], ...files().slice(0, 3)];
    const e = await failure(writeOutputFiles(order, { fs: refusingRename(4) }));
    expect(e).toBeInstanceOf(KostraError);
    expect(messageOf(e)).toMatch(/kunne ikke erstatte .*12362\.json \(EPERM\); ingen av de 4 filene er erstattet, alle er som før/);
    expect(contents()).toEqual(before());
  });

  it("keeps a replaced file's earlier content reachable only while renaming: after a good run no second name is left", async () => {
    const linked: string[] = [];
    await writeOutputFiles(files(), { fs: { ...fs, linkSync: (from, to) => (fs.linkSync(from, to), linked.push(String(to)), undefined) } });
    // The three earlier files were kept (the fourth is new), and none of those names is left.
    expect(linked).toHaveLength(3);
    expect(linked.filter((p) => fs.existsSync(p))).toEqual([]);
    expect(contents()).toEqual({ "kostra.json": PREVIOUS, ...Object.fromEntries(names.map((n) => [n, `new ${n}\n`])) });
  });

  it("where earlier files cannot be kept (no hard links) a refused rename says which files are new and which as before, each whole", async () => {
    const e = await failure(writeOutputFiles(files(), { fs: refusingRename(3, { linkSync: () => { throw errno("EPERM"); } }) }));
    expect(messageOf(e)).toMatch(/kunne ikke erstatte .*12362\.json \(EPERM\); 2 av 4 filer er allerede erstattet \(07459\.json, 11814\.json\), de andre 2 er som før \(12362\.json, 12842\.json\)/);
    expect(contents()).toEqual({ ...before(), "07459.json": "new 07459.json\n", "11814.json": "new 11814.json\n" });
  });
});

describe("removeTemporaryFiles (a second Ctrl+C)", () => {
  it("removes the temporary files of a write still under way, and only those", async () => {
    fs.writeFileSync(join(dir, ".kostra-000000000000000000000000.tmp"), "someone else's");
    let during: string[] = [];
    let removed = 0;
    const write = writeOutputFiles(
      [
        { target: target, data: "new" },
        { target: join(dir, "b.json"), data: "new b" },
      ],
      {
        beforeRename: async () => {
          during = leftovers().filter((f) => f.endsWith(".tmp"));
          removed = removeTemporaryFiles();
          throw new Cancelled(CANCELLED_TEXT);
        },
      },
    );
    await failure(write);
    expect(during).toHaveLength(3);
    expect(removed).toBe(2);
    expect(leftovers()).toEqual([".kostra-000000000000000000000000.tmp"]);
    expect(fs.readFileSync(target, "utf8")).toBe(PREVIOUS);
    expect(removeTemporaryFiles()).toBe(0);
  });
});
