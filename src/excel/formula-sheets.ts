/**
 * Pointing a formula's sheet references at other sheets. The report plan writes formulas
 * with the sheets' final names ('KOSTRA-data'!$G$2); the gateway writes them on temporary
 * sheets and must make them name those temporary sheets, because Excel binds a reference
 * to the sheet that has the name when the formula is written. A formula naming
 * 'KOSTRA-data' while the previous report's sheet of that name still exists would follow
 * that old sheet and turn into #REF! when it is deleted. Named after the temporary sheet,
 * the reference follows it through the final rename.
 *
 * References are 'quoted name'! or bare_name!; text inside string literals ("…") is left
 * alone.
 */
import { quoteSheet } from "../report/plan";

/** How the gateway compares sheet names: Excel treats them without regard to case. */
export const nameKey = (name: string): string => name.toLowerCase();

/** A string literal (kept as it is), a quoted sheet reference, or a bare one. */
const TOKEN = /"(?:[^"]|"")*"|'((?:[^']|'')+)'!|(?<![\p{L}\p{N}_.\\'\]#])([\p{L}_\\][\p{L}\p{N}_.]*)!/gu;

/**
 * Visit the sheet references of a formula: `visit(name)` gets each referenced sheet's
 * name and returns the sheet to name instead, or undefined to keep the reference.
 */
export function mapSheetReferences(formula: string, visit: (sheetName: string) => string | undefined): string {
  if (!formula.includes("!")) return formula;
  return formula.replace(TOKEN, (token: string, quoted: string | undefined, bare: string | undefined) => {
    const name = quoted !== undefined ? quoted.replace(/''/g, "'") : bare;
    const target = name === undefined ? undefined : visit(name);
    return target === undefined ? token : `${quoteSheet(target)}!`;
  });
}

/** The formula with every reference to a sheet named in `to` (by nameKey) pointing at the sheet `to` gives. */
export function retargetSheets(formula: string, to: ReadonlyMap<string, string>): string {
  return to.size === 0 ? formula : mapSheetReferences(formula, (name) => to.get(nameKey(name)));
}

/** The names of the sheets a formula refers to. */
export function sheetsReferenced(formula: string): string[] {
  const found: string[] = [];
  mapSheetReferences(formula, (name) => void found.push(name));
  return found;
}
