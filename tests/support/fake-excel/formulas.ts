/**
 * Sheet references inside formula text. Excel rewrites them when a sheet is renamed
 * ('Old name'!A1 → 'New name'!A1) and turns them into #REF! when the sheet is deleted;
 * the fake does the same for formulas in cells and in defined names. Text inside string
 * literals ("…") is left alone. 3-D references (Sheet1:Sheet3!A1) are not handled.
 *
 * A reference binds to the sheet when the formula is written: it names that sheet from
 * then on, whatever the sheet is later called, and a sheet added later under the same
 * name is a different sheet. A formula written with a reference to a sheet that does not
 * exist therefore never reaches a sheet added or renamed to that name afterwards; the fake
 * stores such a reference as #REF! (assumed: Excel treats it as a reference to another
 * workbook that it can't resolve — either way it is not the sheet the writer meant).
 */
import { sheetPrefix } from "./addresses";

/** Quoted ('It''s here'!) or bare (Data_2024!) sheet prefixes, outside string literals. */
const SHEET_REF = /'((?:[^']|'')+)'!|(?<![\p{L}\p{N}_.\\'\]#])([\p{L}_\\][\p{L}\p{N}_.]*)!/gu;

function mapOutsideStrings(formula: string, fn: (code: string) => string): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const quote = formula.indexOf('"', i);
    if (quote < 0) {
      out += fn(formula.slice(i));
      break;
    }
    out += fn(formula.slice(i, quote));
    // A string literal runs to the next lone quote ("" is an escaped quote).
    let j = quote + 1;
    while (j < formula.length) {
      if (formula[j] === '"') {
        if (formula[j + 1] === '"') {
          j += 2;
          continue;
        }
        break;
      }
      j += 1;
    }
    out += formula.slice(quote, j + 1);
    i = j + 1;
  }
  return out;
}

/** Rewritten formulas, remembered by formula, old and new sheet: tests rename the same sheets in the same formulas many times. */
const rewriteCache = new Map<string, string>();

/** Replace every reference to sheet `from` (case-insensitive) with `to` ("#REF!" when deleted). */
export function replaceSheetReferences(formula: string, from: string, to: { rename: string } | "deleted"): string {
  const key = `${from}\u0000${to === "deleted" ? "\u0000" : to.rename}\u0000${formula}`;
  let done = rewriteCache.get(key);
  if (done === undefined) {
    done = rewriteSheetReferences(formula, from, to);
    if (rewriteCache.size > 500_000) rewriteCache.clear();
    rewriteCache.set(key, done);
  }
  return done;
}

function rewriteSheetReferences(formula: string, from: string, to: { rename: string } | "deleted"): string {
  const target = from.toLowerCase();
  return mapOutsideStrings(formula, (code) =>
    code.replace(SHEET_REF, (whole: string, quoted: string | undefined, bare: string | undefined) => {
      const name = quoted !== undefined ? quoted.replace(/''/g, "'") : bare;
      if (name === undefined || name.toLowerCase() !== target) return whole;
      return to === "deleted" ? "#REF!" : `${sheetPrefix(to.rename)}!`;
    }),
  );
}

/** The sheets each formula text refers to, remembered: the same formulas are written again and again in tests. */
const referenceCache = new Map<string, string[]>();

export function sheetsIn(formula: string): string[] {
  let names = referenceCache.get(formula);
  if (!names) {
    const found = new Set<string>();
    referencedSheets(formula, found);
    names = [...found];
    if (referenceCache.size > 500_000) referenceCache.clear();
    referenceCache.set(formula, names);
  }
  return names;
}

/** References to sheets that don't exist (by `exists`, given lower-case names) become #REF!, as they can't bind to a sheet. */
export function bindSheetReferences(formula: string, exists: (lowerCaseName: string) => boolean): string {
  if (sheetsIn(formula).every(exists)) return formula;
  return mapOutsideStrings(formula, (code) =>
    code.replace(SHEET_REF, (whole: string, quoted: string | undefined, bare: string | undefined) => {
      const name = quoted !== undefined ? quoted.replace(/''/g, "'") : bare;
      return name === undefined || exists(name.toLowerCase()) ? whole : "#REF!";
    }),
  );
}

/** The sheets a formula refers to (lower case), for skipping formulas a rename can't touch. */
function referencedSheets(formula: string, into: Set<string>): void {
  mapOutsideStrings(formula, (code) => {
    for (const m of code.matchAll(SHEET_REF)) into.add((m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]).toLowerCase());
    return code;
  });
}
