/**
 * Sheet references inside formula text. Excel rewrites them when a sheet is renamed
 * ('Old name'!A1 → 'New name'!A1) and turns them into #REF! when the sheet is deleted;
 * the fake does the same for formulas in cells and in defined names. Text inside string
 * literals ("…") is left alone. 3-D references (Sheet1:Sheet3!A1) are not handled.
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

/** Replace every reference to sheet `from` (case-insensitive) with `to` ("#REF!" when deleted). */
export function replaceSheetReferences(formula: string, from: string, to: { rename: string } | "deleted"): string {
  const target = from.toLowerCase();
  return mapOutsideStrings(formula, (code) =>
    code.replace(SHEET_REF, (whole: string, quoted: string | undefined, bare: string | undefined) => {
      const name = quoted !== undefined ? quoted.replace(/''/g, "'") : bare;
      if (name === undefined || name.toLowerCase() !== target) return whole;
      return to === "deleted" ? "#REF!" : `${sheetPrefix(to.rename)}!`;
    }),
  );
}
