/**
 * Files the command writes (`fetch --out`, `report --out`, `catalog --record`): after a
 * run each target is either the earlier file, as it was, or the complete new one.
 *
 * - The target is checked before any work (`checkOutputTarget`, `prepareOutputFolder`):
 *   the extension, that it is not a folder or a device, that an existing file is one the
 *   user may change, and that a file can be created in its folder — so a missing or
 *   read-only folder is found before SSB's quota is spent.
 * - An existing file the user may not write or replace (read-only, 0444, someone else's,
 *   or someone else's in a shared folder with the sticky bit such as /tmp) is
 *   refused with exit 2, as the shell's `>` and Excel refuse it: a read-only report is
 *   usually one somebody meant to keep. Where the system lets the user write it (root),
 *   it is replaced and stays read-only. A replaced file keeps its permission bits (a 0600
 *   file stays 0600); its owner is the user who runs the command.
 * - The new content goes to a temporary file in the target's folder (so the rename cannot
 *   cross file systems) with an unpredictable name of fixed length (`.kostra-<96 random
 *   bits>.tmp`, 36 characters, so it fits wherever the target's own name fits), created
 *   exclusively (O_CREAT|O_EXCL, and O_NOFOLLOW where the system has it): a file or link
 *   planted under that name makes the open fail instead of writing through it.
 * - It is written in full and flushed to disk, the run is given its last chance to be
 *   cancelled, and then it is renamed over the target. A link at the target is replaced,
 *   never followed. On any failure (disk full, a signal, …) the temporary file is removed;
 *   so is every one still there when a second Ctrl+C ends the process (`removeTemporaryFiles`).
 * - Several files (`writeOutputFiles`) are all written under temporary names before the
 *   first is renamed, and the renames follow each other with nothing in between that could
 *   let a signal handler run: a cancelled or failed run replaces none of them. Each earlier
 *   file is kept under a second name (a hard link) during the renames, so a rename the
 *   system refuses part-way (an immutable file, say) is undone: every file as it was.
 *   Only where that is impossible too (no hard links, the folder made read-only
 *   meanwhile) are some files new and the rest as they were — each whole — and the
 *   message names both.
 * - Where the command writes only new files (`keepExisting`: `kostra templates --workbooks`
 *   without --overwrite), an existing target is refused before any work, and each file is
 *   put in place with a hard link, which fails if the name was taken meanwhile (a rename
 *   would replace it); on a file system without hard links, the name is checked just
 *   before the rename.
 */
import { randomBytes } from "node:crypto";
import * as nodeFs from "node:fs";
import { basename, dirname, join } from "node:path";
import { KostraError } from "../kostra/errors";
import { alreadyExists, cannotWrite, errnoOf, isFolder, mayNotChange, notRegularTarget, partlyReplaced, wrongExtension } from "./file-problems";
import { Cancelled } from "./io";

/** The file-system calls this module makes; a test can replace any of them. */
export type OutputFileSystem = Pick<
  typeof nodeFs,
  "openSync" | "writeSync" | "fchmodSync" | "fsyncSync" | "closeSync" | "renameSync" | "linkSync" | "unlinkSync" | "lstatSync" | "statSync" | "accessSync" | "mkdirSync"
>;

export interface OutputFile {
  target: string;
  data: string | Uint8Array;
}

const CREATE_EXCLUSIVE = nodeFs.constants.O_WRONLY | nodeFs.constants.O_CREAT | nodeFs.constants.O_EXCL | (nodeFs.constants.O_NOFOLLOW ?? 0);

const temporaryName = (folder: string): string => join(folder, `.kostra-${randomBytes(12).toString("hex")}.tmp`);

/** Temporary files created and neither renamed nor removed yet: what a second Ctrl+C removes. */
const pending = new Set<string>();

/** A new, empty temporary file in `folder`, created exclusively. */
function createTemporary(folder: string, fs: OutputFileSystem): { path: string; fd: number } {
  // A clash with an existing name is astronomically unlikely unless planted; try a few names.
  for (let attempt = 0; ; attempt++) {
    const path = temporaryName(folder);
    try {
      const fd = fs.openSync(path, CREATE_EXCLUSIVE, 0o666);
      pending.add(path);
      return { path, fd };
    } catch (e) {
      if (errnoOf(e) !== "EEXIST" || attempt >= 4) throw e;
    }
  }
}

function removeQuietly(path: string, fs: OutputFileSystem): void {
  pending.delete(path);
  try {
    fs.unlinkSync(path);
  } catch {
    // Already gone, or the folder has become unwritable: nothing more can be done.
  }
}

/**
 * Remove every temporary file this process has not yet renamed into place, for a process
 * about to end before its writes could finish (a second Ctrl+C). Returns how many.
 */
export function removeTemporaryFiles(fs: OutputFileSystem = nodeFs): number {
  const paths = [...pending];
  for (const path of paths) removeQuietly(path, fs);
  return paths.length;
}

/** The sticky bit of a folder's mode (S_ISVTX). */
const STICKY = 0o1000;

/**
 * Someone else's file in a shared folder with the sticky bit (as /tmp): the system lets
 * only its owner (or the folder's) rename over it, however writable the file is.
 */
function othersInStickyFolder(target: string, existing: nodeFs.Stats, fs: OutputFileSystem): boolean {
  const uid = process.getuid?.();
  if (uid === undefined || uid === 0 || existing.uid === uid) return false;
  const folder = fs.statSync(dirname(target));
  return (folder.mode & STICKY) !== 0 && folder.uid !== uid;
}

/**
 * What is at `target` now, for replacing it: nothing (a new file), a link (replaced, never
 * followed) or a regular file the user may change, whose permission bits the new file keeps.
 * Anything else is a one-line KostraError (exit 2).
 */
function replaceable(target: string, fs: OutputFileSystem, keepExisting = false): { mode?: number } {
  let existing: nodeFs.Stats;
  try {
    existing = fs.lstatSync(target);
  } catch (e) {
    if (errnoOf(e) === "ENOENT") return {};
    throw cannotWrite(target, dirname(target), e);
  }
  if (existing.isDirectory()) throw isFolder(target);
  if (keepExisting) throw alreadyExists(target);
  if (existing.isSymbolicLink()) return {};
  if (!existing.isFile())
    throw notRegularTarget(target);
  try {
    fs.accessSync(target, nodeFs.constants.W_OK);
  } catch (e) {
    const code = errnoOf(e);
    if (code === "EACCES" || code === "EPERM") throw mayNotChange(target);
    throw cannotWrite(target, dirname(target), e);
  }
  if (othersInStickyFolder(target, existing, fs)) throw mayNotChange(target);
  return { mode: existing.mode & 0o777 };
}

/**
 * Check an output path before any work: it ends in `extension`, it is not a folder or a
 * device, an existing file may be changed, and a file can be created in its folder (tried
 * with a temporary file that is removed at once). Throws a one-line KostraError (exit 2).
 */
export function checkOutputTarget(target: string, extension: string, fs: OutputFileSystem = nodeFs): void {
  if (!target.toLowerCase().endsWith(extension.toLowerCase()) || basename(target).length <= extension.length)
    throw wrongExtension(target, extension);
  // The folder first: in a read-only folder nothing can be replaced, whatever the file's own mode.
  probeFolder(dirname(target), target, fs);
  replaceable(target, fs);
}

/**
 * Create the folder `--record` or `--workbooks` names (if need be), check that files can be
 * created in it and that each of `files` (names in it) that exists can be replaced — or,
 * with `keepExisting`, that none of them exists.
 */
export function prepareOutputFolder(folder: string, files: readonly string[] = [], fs: OutputFileSystem = nodeFs, keepExisting = false): void {
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (e) {
    // mkdir -p answers EEXIST when the path is a file: it is not a folder.
    throw cannotWrite(folder, folder, errnoOf(e) === "EEXIST" ? { code: "ENOTDIR" } : e);
  }
  probeFolder(folder, join(folder, "probe"), fs);
  for (const name of files) replaceable(join(folder, name), fs, keepExisting);
}

function probeFolder(folder: string, target: string, fs: OutputFileSystem): void {
  let probe: { path: string; fd: number };
  try {
    probe = createTemporary(folder, fs);
  } catch (e) {
    throw cannotWrite(target, folder, e);
  }
  fs.closeSync(probe.fd);
  removeQuietly(probe.path, fs);
}

export interface WriteOutputOptions {
  /** The last step before the renames: throws `Cancelled` when the run has been cancelled. */
  beforeRename?: () => Promise<void>;
  /** Write only files that do not exist yet: an existing target is refused, never replaced. */
  keepExisting?: boolean;
  fs?: OutputFileSystem;
}

interface Staged {
  target: string;
  path: string;
}

/** The new content of `target` complete and flushed under a temporary name beside it, with the mode of the file it replaces. */
function stage(target: string, data: string | Uint8Array, fs: OutputFileSystem, keepExisting: boolean): Staged {
  const { mode } = replaceable(target, fs, keepExisting);
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  const temporary = createTemporary(dirname(target), fs);
  let open = true;
  try {
    for (let done = 0; done < bytes.length; ) done += fs.writeSync(temporary.fd, bytes, done, bytes.length - done);
    if (mode !== undefined) fs.fchmodSync(temporary.fd, mode);
    // Flushed before the rename, so a crash after it cannot leave an empty file in place of the earlier one.
    fs.fsyncSync(temporary.fd);
    open = false;
    fs.closeSync(temporary.fd);
  } catch (e) {
    if (open) {
      try {
        fs.closeSync(temporary.fd);
      } catch {
        // The descriptor is unusable; the file is removed below all the same.
      }
    }
    removeQuietly(temporary.path, fs);
    throw e;
  }
  return { target, path: temporary.path };
}

/** A failure while writing `target`, as the user is told it (file-system errors become one-line KostraErrors, exit 2). */
function asWriteFailure(e: unknown, target: string): unknown {
  if (e instanceof Cancelled || e instanceof KostraError) return e;
  return errnoOf(e) !== undefined ? cannotWrite(target, dirname(target), e) : e;
}

/**
 * What each target is now, kept under a second name while several files are renamed, so
 * that a rename the system refuses part-way can be undone: a hard link (the target itself
 * stays in place; a link at the target is linked, not followed), `null` for a target that
 * does not exist, `undefined` where it could not be kept (a file system without hard links).
 */
function keepEarlier(staged: readonly Staged[], fs: OutputFileSystem): (string | null | undefined)[] {
  return staged.map(({ target }) => {
    const path = temporaryName(dirname(target));
    try {
      fs.linkSync(target, path);
      pending.add(path);
      return path;
    } catch (e) {
      return errnoOf(e) === "ENOENT" || !exists(target, fs) ? null : undefined;
    }
  });
}

/** Whether anything is at `path` (a link counts, whatever it points to). */
function exists(path: string, fs: OutputFileSystem): boolean {
  try {
    fs.lstatSync(path);
    return true;
  } catch (e) {
    return errnoOf(e) !== "ENOENT";
  }
}

/** Undo the renames of `replaced` (each earlier file back in its place, a new target removed); the targets that stay new. */
function putBack(replaced: readonly Staged[], kept: readonly (string | null | undefined)[], fs: OutputFileSystem): string[] {
  return replaced.flatMap((s, j) => {
    const earlier = kept[j];
    try {
      if (earlier === undefined) return [s.target];
      if (earlier === null) fs.unlinkSync(s.target);
      else fs.renameSync(earlier, s.target);
      return [];
    } catch {
      return [s.target];
    }
  });
}

/** Errors of a file system that has no hard links (some network shares). */
const NO_HARD_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS"]);

/** Put the staged file at `target` only while nothing is there: a hard link fails on a taken name, where a rename would replace it. */
function placeNew(s: Staged, fs: OutputFileSystem): void {
  try {
    fs.linkSync(s.path, s.target);
  } catch (e) {
    const code = errnoOf(e);
    if (code === "EEXIST") throw alreadyExists(s.target);
    if (code === undefined || !NO_HARD_LINKS.has(code)) throw e;
    // No hard links here: the name is checked just before the rename.
    replaceable(s.target, fs, true);
    fs.renameSync(s.path, s.target);
    pending.delete(s.path);
    return;
  }
  removeQuietly(s.path, fs);
}

/**
 * Rename every staged file over its target, one right after the other (synchronous: no
 * signal handler runs in between). A rename refused part-way undoes the ones before it.
 */
function commit(staged: readonly Staged[], fs: OutputFileSystem, keepExisting: boolean): void {
  const kept = staged.length > 1 ? keepEarlier(staged, fs) : [];
  try {
    for (const [k, s] of staged.entries()) {
      try {
        if (keepExisting) placeNew(s, fs);
        else {
          fs.renameSync(s.path, s.target);
          pending.delete(s.path);
        }
      } catch (e) {
        for (const rest of staged.slice(k)) removeQuietly(rest.path, fs);
        if (k === 0) throw asWriteFailure(e, s.target);
        const stillNew = putBack(staged.slice(0, k), kept, fs);
        // A name taken meanwhile, and every file before it removed again: as if none was written.
        if (stillNew.length === 0 && e instanceof KostraError) throw e;
        throw partlyReplaced(
          s.target,
          stillNew,
          staged.map((x) => x.target).filter((t) => !stillNew.includes(t)),
          e,
        );
      }
    }
  } finally {
    for (const path of kept) if (path) removeQuietly(path, fs);
  }
}

/**
 * Write every file all or nothing: each to a temporary file, flushed; then the last
 * chance to cancel (`beforeRename`); then all renamed over their targets. A cancelled run
 * or any failure before the renames removes the temporary files and leaves every target
 * as it was; file-system failures become one-line KostraErrors (exit 2).
 */
export async function writeOutputFiles(files: readonly OutputFile[], options: WriteOutputOptions = {}): Promise<void> {
  const fs = options.fs ?? nodeFs;
  const staged: Staged[] = [];
  let current = files[0]?.target ?? "";
  try {
    for (const file of files) {
      current = file.target;
      staged.push(stage(file.target, file.data, fs, options.keepExisting ?? false));
    }
    await options.beforeRename?.();
  } catch (e) {
    for (const s of staged) removeQuietly(s.path, fs);
    throw asWriteFailure(e, current);
  }
  // Nothing may come between the last check and the renames: no await from here on.
  commit(staged, fs, options.keepExisting ?? false);
}

/** Write `data` to `target` all or nothing (see writeOutputFiles). */
export function writeOutputFile(target: string, data: string | Uint8Array, options: WriteOutputOptions = {}): Promise<void> {
  return writeOutputFiles([{ target, data }], options);
}
