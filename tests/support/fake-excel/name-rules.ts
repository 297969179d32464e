/**
 * Excel's naming rules. The Office.js reference doesn't list them; these are Excel's
 * (Microsoft support: "Rename a worksheet", "Rename an Excel table", "Names in formulas"),
 * and the error codes are assumed: InvalidArgument for a bad name, ItemAlreadyExists for a
 * name already taken.
 */
import { looksLikeA1Cell, looksLikeR1C1 } from "./addresses";
import { FakeOfficeError, errors } from "./errors";

export const SHEET_NAME_MAX = 31;
const SHEET_FORBIDDEN = /[:\\/?*[\]]/;

/**
 * A worksheet name: 1–31 characters, none of : \ / ? * [ ], not starting or ending with
 * an apostrophe, not "History" (reserved by Excel). Returns the error, or null if valid.
 * Uniqueness (case-insensitive) is checked by the caller, which knows the other sheets.
 */
export function sheetNameError(name: unknown): FakeOfficeError | null {
  if (typeof name !== "string") return errors.invalidArgument("A worksheet name must be a string.");
  if (name.trim() === "") return errors.invalidArgument("A worksheet name can't be blank.");
  if (name.length > SHEET_NAME_MAX) return errors.invalidArgument(`A worksheet name can't have more than ${SHEET_NAME_MAX} characters.`);
  const bad = SHEET_FORBIDDEN.exec(name);
  if (bad) return errors.invalidArgument(`A worksheet name can't contain "${bad[0]}".`);
  if (name.startsWith("'") || name.endsWith("'")) return errors.invalidArgument("A worksheet name can't begin or end with an apostrophe.");
  if (name.toLowerCase() === "history") return errors.invalidArgument('"History" is a reserved worksheet name.');
  return null;
}

export const NAME_MAX = 255;

/**
 * A defined name or table name: starts with a letter, "_" or "\"; then letters, digits,
 * "_" or "."; at most 255 characters; not C/c/R/r, not a cell reference in A1 or R1C1
 * style (e.g. "Tbl2024" is cell TBL2024), not TRUE/FALSE. Spaces are not allowed.
 */
export function definedNameError(name: unknown, what: "table" | "name"): FakeOfficeError | null {
  const label = what === "table" ? "A table name" : "A name";
  if (typeof name !== "string" || name === "") return errors.invalidArgument(`${label} can't be empty.`);
  if (name.length > NAME_MAX) return errors.invalidArgument(`${label} can't have more than ${NAME_MAX} characters.`);
  if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name)) {
    return errors.invalidArgument(`${label} must start with a letter, "_" or "\\" and contain only letters, digits, "_" and ".": "${name}".`);
  }
  if (looksLikeA1Cell(name) || looksLikeR1C1(name)) return errors.invalidArgument(`${label} can't be a cell reference: "${name}".`);
  if (/^(true|false)$/i.test(name)) return errors.invalidArgument(`${label} can't be TRUE or FALSE.`);
  return null;
}
