/**
 * What went wrong with a file the command reads or writes, as one nb/en line (exit 2):
 * the operating system's error codes turned into words the user can act on.
 */
import { basename } from "node:path";
import { badInput, type KostraError } from "../kostra/errors";
import { quoteInput } from "../kostra/safe-text";
import { inBoth, type CliText } from "./messages";

export const errnoOf = (e: unknown): string | undefined => {
  const code = typeof e === "object" && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : undefined;
};

/** A path as shown in a message: one line, not too long. */
export const shownPath = (path: string): string => quoteInput(path, 160);

const MB = 1024 * 1024;
export const megabytes = (bytes: number): string => `${Math.ceil(bytes / MB)} MB`;

/** A file problem in both languages, from the catalogue's `files` texts. */
const fileProblem = (pick: (t: CliText["files"]) => string): KostraError => badInput(inBoth((t) => pick(t.files)));

/** The file cannot be read (`--input`, `--metadata`). */
export function cannotRead(path: string, e: unknown): KostraError {
  const p = shownPath(path);
  switch (errnoOf(e)) {
    case "ENOENT":
      return fileProblem((t) => t.notFound(p));
    case "EISDIR":
      return isFolder(path);
    case "EACCES":
    case "EPERM":
      return fileProblem((t) => t.mayNotRead(p));
    case "ENOTDIR":
      return fileProblem((t) => t.notFoundNotFolder(p));
    case "ELOOP":
      return fileProblem((t) => t.linkLoop(p));
    default:
      return fileProblem((t) => t.cannotRead(p, errnoOf(e) ?? String(e)));
  }
}

export const isFolder = (path: string): KostraError => fileProblem((t) => t.isFolder(shownPath(path)));

export const notRegularFile = (path: string): KostraError => fileProblem((t) => t.notRegularFile(shownPath(path)));

export const tooLarge = (path: string, bytes: number, limit: number): KostraError => fileProblem((t) => t.tooLarge(shownPath(path), megabytes(bytes), megabytes(limit)));

export const grewWhileRead = (path: string, limit: number): KostraError => fileProblem((t) => t.grewWhileRead(shownPath(path), megabytes(limit)));

/**
 * The output cannot be written to `target` (in `folder`). Every case says that the
 * previous file, if any, is as it was: the command writes beside it and renames.
 */
export function cannotWrite(target: string, folder: string, e: unknown): KostraError {
  const t = shownPath(target);
  const f = shownPath(folder);
  switch (errnoOf(e)) {
    case "ENOENT":
      return fileProblem((x) => x.folderMissing(f));
    case "ENOTDIR":
      return fileProblem((x) => x.notAFolder(f));
    case "EACCES":
    case "EPERM":
      return fileProblem((x) => x.mayNotWriteIn(f));
    case "EROFS":
      return fileProblem((x) => x.folderReadOnly(f));
    case "ENOSPC":
    case "EDQUOT":
      return fileProblem((x) => x.noRoom(t));
    case "EFBIG":
      return fileProblem((x) => x.tooLargeForSystem(t));
    case "EISDIR":
      return isFolder(target);
    case "ENAMETOOLONG":
      return fileProblem((x) => x.nameTooLong(t));
    default:
      return fileProblem((x) => x.cannotWrite(t, errnoOf(e) ?? String(e)));
  }
}

/** An existing output file the user may not write: read-only, or someone else's (exit 2, before any work). */
export const mayNotChange = (target: string): KostraError => fileProblem((t) => t.mayNotChange(shownPath(target)));

/** An output file that exists, where the command writes only new files unless told to replace them (exit 2, before any work). */
export const alreadyExists = (target: string): KostraError => fileProblem((t) => t.alreadyExists(shownPath(target)));

/** Something at the output path that is neither a file nor a folder (a FIFO, a device). */
export const notRegularTarget = (target: string): KostraError => fileProblem((t) => t.notRegularTarget(shownPath(target)));

/** An output path without the command's extension. */
export const wrongExtension = (target: string, extension: string): KostraError => fileProblem((t) => t.wrongExtension(extension, shownPath(target)));

/**
 * Several files were to replace earlier ones together, and the system refused to rename
 * `failed` into place part-way: which files are new and which as before (each is whole,
 * old or new). With none replaced (the renames before it undone), all are as before.
 */
export function partlyReplaced(failed: string, replaced: readonly string[], unchanged: readonly string[], e: unknown): KostraError {
  const names = (paths: readonly string[]) => quoteInput(paths.map((p) => basename(p)).join(", "), 400);
  const code = errnoOf(e) ?? String(e);
  const total = replaced.length + unchanged.length;
  if (replaced.length === 0) return fileProblem((t) => t.noneReplaced(shownPath(failed), code, total));
  return fileProblem((t) => t.partlyReplaced(shownPath(failed), code, { count: replaced.length, names: names(replaced) }, { count: unchanged.length, names: names(unchanged) }, total));
}
