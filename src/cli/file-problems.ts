/**
 * What went wrong with a file the command reads or writes, as one nb/en line (exit 2):
 * the operating system's error codes turned into words the user can act on.
 */
import { basename } from "node:path";
import { badInput, type KostraError } from "../kostra/errors";
import { quoteInput } from "../kostra/safe-text";

export const errnoOf = (e: unknown): string | undefined => {
  const code = typeof e === "object" && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : undefined;
};

/** A path as shown in a message: one line, not too long. */
export const shownPath = (path: string): string => quoteInput(path, 160);

const MB = 1024 * 1024;
export const megabytes = (bytes: number): string => `${Math.ceil(bytes / MB)} MB`;

/** The file cannot be read (`--input`, `--metadata`). */
export function cannotRead(path: string, e: unknown): KostraError {
  const p = shownPath(path);
  switch (errnoOf(e)) {
    case "ENOENT":
      return badInput({ nb: `finner ikke filen ${p}`, en: `cannot find the file ${p}` });
    case "EISDIR":
      return isFolder(path);
    case "EACCES":
    case "EPERM":
      return badInput({ nb: `har ikke lov til å lese ${p}`, en: `not allowed to read ${p}` });
    case "ENOTDIR":
      return badInput({ nb: `finner ikke filen ${p} (en del av stien er ikke en mappe)`, en: `cannot find the file ${p} (part of the path is not a folder)` });
    case "ELOOP":
      return badInput({ nb: `${p} er en lenke som peker i ring`, en: `${p} is a link that points in a circle` });
    default:
      return badInput({ nb: `kan ikke lese ${p} (${errnoOf(e) ?? String(e)})`, en: `cannot read ${p} (${errnoOf(e) ?? String(e)})` });
  }
}

export const isFolder = (path: string): KostraError =>
  badInput({ nb: `${shownPath(path)} er en mappe, ikke en fil`, en: `${shownPath(path)} is a folder, not a file` });

export const notRegularFile = (path: string): KostraError =>
  badInput({
    nb: `${shownPath(path)} er ikke en vanlig fil (men en FIFO, en enhet eller en socket); lagre dataene i en fil og oppgi den`,
    en: `${shownPath(path)} is not a regular file (but a FIFO, a device or a socket); save the data to a file and give that`,
  });

export const tooLarge = (path: string, bytes: number, limit: number): KostraError =>
  badInput({
    nb: `${shownPath(path)} er for stor: ${megabytes(bytes)} (grensen er ${megabytes(limit)})`,
    en: `${shownPath(path)} is too large: ${megabytes(bytes)} (the limit is ${megabytes(limit)})`,
  });

export const grewWhileRead = (path: string, limit: number): KostraError =>
  badInput({
    nb: `${shownPath(path)} endret seg mens den ble lest, eller er over grensen på ${megabytes(limit)}; prøv igjen når den er ferdig skrevet`,
    en: `${shownPath(path)} changed while it was read, or is over the limit of ${megabytes(limit)}; try again when it is completely written`,
  });

/**
 * The output cannot be written to `target` (in `folder`). Every case says that the
 * previous file, if any, is as it was: the command writes beside it and renames.
 */
export function cannotWrite(target: string, folder: string, e: unknown): KostraError {
  const t = shownPath(target);
  const f = shownPath(folder);
  const untouched = { nb: "en tidligere fil er urørt", en: "an earlier file is untouched" };
  switch (errnoOf(e)) {
    case "ENOENT":
      return badInput({ nb: `mappen ${f} finnes ikke; lag den først eller velg en annen --out`, en: `the folder ${f} does not exist; create it first or choose another --out` });
    case "ENOTDIR":
      return badInput({ nb: `${f} er ikke en mappe; velg en annen --out`, en: `${f} is not a folder; choose another --out` });
    case "EACCES":
    case "EPERM":
      return badInput({ nb: `har ikke lov til å skrive i mappen ${f}; velg en annen --out`, en: `not allowed to write in the folder ${f}; choose another --out` });
    case "EROFS":
      return badInput({ nb: `mappen ${f} er skrivebeskyttet; velg en annen --out`, en: `the folder ${f} is read-only; choose another --out` });
    case "ENOSPC":
    case "EDQUOT":
      return badInput({ nb: `det er ikke plass på disken til ${t}; ${untouched.nb}`, en: `there is no room on the disk for ${t}; ${untouched.en}` });
    case "EFBIG":
      return badInput({ nb: `${t} ble større enn systemet tillater en fil å være; ${untouched.nb}`, en: `${t} grew larger than the system allows a file to be; ${untouched.en}` });
    case "EISDIR":
      return isFolder(target);
    case "ENAMETOOLONG":
      return badInput({ nb: `filnavnet ${t} er for langt`, en: `the file name ${t} is too long` });
    default:
      return badInput({
        nb: `kan ikke skrive ${t} (${errnoOf(e) ?? String(e)}); ${untouched.nb}`,
        en: `cannot write ${t} (${errnoOf(e) ?? String(e)}); ${untouched.en}`,
      });
  }
}

/** An existing output file the user may not write: read-only, or someone else's (exit 2, before any work). */
export const mayNotChange = (target: string): KostraError =>
  badInput({
    nb: `har ikke lov til å endre ${shownPath(target)} (filen er skrivebeskyttet eller tilhører en annen); gjør den skrivbar eller velg en annen --out`,
    en: `not allowed to change ${shownPath(target)} (the file is read-only or someone else's); make it writable or choose another --out`,
  });

/**
 * Several files were to replace earlier ones together, and the system refused to rename
 * `failed` into place part-way: which files are new and which as before (each is whole,
 * old or new). With none replaced (the renames before it undone), all are as before.
 */
export function partlyReplaced(failed: string, replaced: readonly string[], unchanged: readonly string[], e: unknown): KostraError {
  const names = (paths: readonly string[]) => quoteInput(paths.map((p) => basename(p)).join(", "), 400);
  const code = errnoOf(e) ?? String(e);
  const total = replaced.length + unchanged.length;
  if (replaced.length === 0)
    return badInput({
      nb: `kunne ikke erstatte ${shownPath(failed)} (${code}); ingen av de ${total} filene er erstattet, alle er som før`,
      en: `could not replace ${shownPath(failed)} (${code}); none of the ${total} files is replaced, all are as before`,
    });
  return badInput({
    nb: `kunne ikke erstatte ${shownPath(failed)} (${code}); ${replaced.length} av ${total} filer er allerede erstattet (${names(replaced)}), de andre ${unchanged.length} er som før (${names(unchanged)}); hver fil er hel, gammel eller ny. Kjør kommandoen på nytt.`,
    en: `could not replace ${shownPath(failed)} (${code}); ${replaced.length} of ${total} files are already replaced (${names(replaced)}), the other ${unchanged.length} are as before (${names(unchanged)}); each file is whole, old or new. Run the command again.`,
  });
}
