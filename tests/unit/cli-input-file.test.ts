/**
 * `--input` and `--metadata` files are read only when they are regular files within
 * MAX_FILE_BYTES: a FIFO would block for ever, `/dev/zero` grow without bound, and a
 * file of hundreds of MB abort Node. Each is refused with one line before it is read.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { KostraError } from "../../src/kostra/errors";
import { MAX_FILE_BYTES } from "../../src/kostra/limits";
import { readInputFile } from "../../src/cli/input-file";

const dir = fs.mkdtempSync(join(tmpdir(), "kostra-in-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const refusal = (path: string, limit?: number): string => {
  try {
    readInputFile(path, limit);
  } catch (e) {
    if (e instanceof KostraError) return e.messageIn("nb");
    throw e;
  }
  return "read";
};

describe("readInputFile", () => {
  it("reads a regular file exactly", () => {
    const file = join(dir, "data.csv");
    fs.writeFileSync(file, "region;indikator;år;verdi\n");
    expect(Buffer.from(readInputFile(file)).toString("utf8")).toBe("region;indikator;år;verdi\n");
  });

  it("refuses a FIFO without blocking on it", () => {
    const fifo = join(dir, "pipe.json");
    execFileSync("mkfifo", [fifo]);
    expect(refusal(fifo)).toMatch(/pipe\.json er ikke en vanlig fil \(men en FIFO, en enhet eller en socket\)/);
  });

  it("refuses /dev/zero", () => {
    expect(refusal("/dev/zero")).toMatch(/\/dev\/zero er ikke en vanlig fil/);
  });

  it("refuses a folder", () => {
    expect(refusal(dir)).toMatch(/er en mappe, ikke en fil/);
  });

  it("refuses a 600 MB file before reading it (a sparse file: no disk used)", () => {
    const big = join(dir, "big.json");
    const fd = fs.openSync(big, "w");
    fs.ftruncateSync(fd, 600 * 1024 * 1024);
    fs.closeSync(fd);
    expect(600 * 1024 * 1024).toBeGreaterThan(MAX_FILE_BYTES);
    expect(refusal(big)).toMatch(/big\.json er for stor: 600 MB \(grensen er 100 MB\)/);
  });

  it("refuses a file one byte over the limit, reads one at the limit", () => {
    const file = join(dir, "edge.csv");
    fs.writeFileSync(file, "x".repeat(1025));
    expect(refusal(file, 1024)).toMatch(/edge\.csv er for stor/);
    expect(refusal(file, 1025)).toBe("read");
  });

  it("names a missing file", () => {
    expect(refusal(join(dir, "nope.csv"))).toMatch(/finner ikke filen .*nope\.csv/);
  });
});
