/**
 * Files the command writes (`fetch --out`, `report --out`, `catalog --record`): after a
 * run the target is either the earlier file, as it was, or the complete new one.
 *
 * - The target is checked before any work (`checkOutputTarget`): the extension, that it is
 *   not a folder or a device, and that a file can be created in its folder — so a missing
 *   or read-only folder is found before SSB's quota is spent.
 * - The new content goes to a temporary file in the target's folder (so the rename cannot
 *   cross file systems) with an unpredictable name, created exclusively (O_CREAT|O_EXCL,
 *   and O_NOFOLLOW where the system has it): a file or link planted under that name makes
 *   the open fail instead of writing through it to another file.
 * - It is written in full and flushed to disk, the run is given its last chance to be
 *   cancelled, and then it is renamed over the target. A link at the target is replaced,
 *   never followed. On any failure (disk full, a signal, …) the temporary file is removed.
 */
import { randomBytes } from "node:crypto";
import * as nodeFs from "node:fs";
import { basename, dirname, join } from "node:path";
import { badInput, KostraError } from "../kostra/errors";
import { cannotWrite, errnoOf, isFolder, shownPath } from "./file-problems";
import { Cancelled } from "./io";

/** The file-system calls this module makes; a test can replace any of them. */
export type OutputFileSystem = Pick<typeof nodeFs, "openSync" | "writeSync" | "fsyncSync" | "closeSync" | "renameSync" | "unlinkSync" | "lstatSync" | "mkdirSync">;

const CREATE_EXCLUSIVE = nodeFs.constants.O_WRONLY | nodeFs.constants.O_CREAT | nodeFs.constants.O_EXCL | (nodeFs.constants.O_NOFOLLOW ?? 0);

/** `.report.xlsx.3f9c1a…tmp`: hidden, named after the target, 96 random bits. */
const temporaryName = (target: string): string => join(dirname(target), `.${basename(target)}.${randomBytes(12).toString("hex")}.tmp`);

/** A new, empty temporary file beside `target`, created exclusively. */
function createTemporary(target: string, fs: OutputFileSystem): { path: string; fd: number } {
  // A clash with an existing name is astronomically unlikely unless planted; try a few names.
  for (let attempt = 0; ; attempt++) {
    const path = temporaryName(target);
    try {
      return { path, fd: fs.openSync(path, CREATE_EXCLUSIVE, 0o666) };
    } catch (e) {
      if (errnoOf(e) !== "EEXIST" || attempt >= 4) throw e;
    }
  }
}

function removeQuietly(path: string, fs: OutputFileSystem): void {
  try {
    fs.unlinkSync(path);
  } catch {
    // Already gone, or the folder has become unwritable: nothing more can be done.
  }
}

/**
 * Check an output path before any work: it ends in `extension`, it is not a folder or a
 * device, and a file can be created in its folder (tried with a temporary file that is
 * removed at once). Throws a one-line KostraError (exit 2).
 */
export function checkOutputTarget(target: string, extension: string, fs: OutputFileSystem = nodeFs): void {
  if (!target.toLowerCase().endsWith(extension.toLowerCase()) || basename(target).length <= extension.length)
    throw badInput({ nb: `--out må være en ${extension}-fil (fikk ${shownPath(target)})`, en: `--out must be a ${extension} file (got ${shownPath(target)})` });
  let existing: nodeFs.Stats | undefined;
  try {
    existing = fs.lstatSync(target);
  } catch (e) {
    if (errnoOf(e) !== "ENOENT") throw cannotWrite(target, dirname(target), e);
  }
  if (existing?.isDirectory()) throw isFolder(target);
  if (existing && !existing.isFile() && !existing.isSymbolicLink())
    throw badInput({
      nb: `${shownPath(target)} finnes og er ikke en vanlig fil; velg en annen --out`,
      en: `${shownPath(target)} exists and is not a regular file; choose another --out`,
    });
  probeFolder(target, fs);
}

/** Create the folder `--record` names (if need be) and check that files can be created in it. */
export function prepareOutputFolder(folder: string, fs: OutputFileSystem = nodeFs): void {
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (e) {
    // mkdir -p answers EEXIST when the path is a file: it is not a folder.
    throw cannotWrite(folder, folder, errnoOf(e) === "EEXIST" ? { code: "ENOTDIR" } : e);
  }
  probeFolder(join(folder, "probe"), fs);
}

function probeFolder(target: string, fs: OutputFileSystem): void {
  let probe: { path: string; fd: number };
  try {
    probe = createTemporary(target, fs);
  } catch (e) {
    throw cannotWrite(target, dirname(target), e);
  }
  fs.closeSync(probe.fd);
  removeQuietly(probe.path, fs);
}

export interface WriteOutputOptions {
  /** The last step before the rename: throws `Cancelled` when the run has been cancelled. */
  beforeRename?: () => Promise<void>;
  fs?: OutputFileSystem;
}

/**
 * Write `data` to `target` all or nothing: temporary file, flushed, renamed over the target.
 * A cancelled run (`beforeRename` throws) or any failure removes the temporary file and
 * leaves the target as it was; file-system failures become one-line KostraErrors (exit 2).
 */
export async function writeOutputFile(target: string, data: string | Uint8Array, options: WriteOutputOptions = {}): Promise<void> {
  const fs = options.fs ?? nodeFs;
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  let temporary: { path: string; fd: number } | undefined;
  let open = false;
  try {
    temporary = createTemporary(target, fs);
    open = true;
    for (let done = 0; done < bytes.length; ) done += fs.writeSync(temporary.fd, bytes, done, bytes.length - done);
    // Flushed before the rename, so a crash after it cannot leave an empty file in place of the earlier one.
    fs.fsyncSync(temporary.fd);
    open = false;
    fs.closeSync(temporary.fd);
    await options.beforeRename?.();
    // Nothing may come between the last check and the rename: no await here.
    fs.renameSync(temporary.path, target);
    temporary = undefined;
  } catch (e) {
    if (temporary) {
      if (open) {
        try {
          fs.closeSync(temporary.fd);
        } catch {
          // The descriptor is unusable; the file is removed below all the same.
        }
      }
      removeQuietly(temporary.path, fs);
    }
    if (e instanceof Cancelled || e instanceof KostraError) throw e;
    if (errnoOf(e) !== undefined) throw cannotWrite(target, dirname(target), e);
    throw e;
  }
}
