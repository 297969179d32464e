/**
 * Plan cells as Office.js wants them, and what they add to a request.
 *
 * The gateway writes only the report's closed cell kinds: text, a finite number, the
 * report's own formula, empty (checked for the whole plan before anything is sent, see
 * plan-check.ts). Text is written with a leading apostrophe, Excel's own marker for "this
 * is text": a label that starts with "=", "+", "-" or "@" can never run as a formula, and
 * a code such as "0219" keeps its leading zero. Every string is made XML-safe first
 * (characters XML 1.0 forbids become U+FFFD), since Excel keeps cell text in XML.
 */
import { xmlSafe } from "../kostra/safe-text";
import type { PlanCell } from "../report/plan";

export type OfficeCell = string | number;

export function toOfficeCell(cell: PlanCell): OfficeCell {
  switch (cell.kind) {
    case "text":
      return `'${xmlSafe(cell.text)}`;
    case "number":
      return cell.value;
    case "formula":
      return xmlSafe(cell.formula);
    case "empty":
      return "";
  }
}

export const formatOf = (cell: PlanCell): string => ("format" in cell && cell.format ? xmlSafe(cell.format) : "General");

/**
 * Bytes a value adds to a request as JSON in UTF-8, with the comma that separates it;
 * escapes counted at their longest (\u0000), which never undercounts.
 */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

export function jsonBytes(value: string | number): number {
  if (typeof value === "number") return String(value).length + 1;
  if (PLAIN.test(value)) return value.length + 3;
  let n = 3;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20) n += 6;
    else if (c < 0x80) n += c === 0x22 || c === 0x5c ? 2 : 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdfff) n += 6;
    else n += 3;
  }
  return n;
}

/**
 * One row of the plan as the two arrays a write sends (formulas and number formats), and
 * their size; `formula` rewrites formula text (the gateway points it at temporary sheets).
 */
export function officeRow(cells: readonly PlanCell[], formula: (text: string) => string = (f) => f): { formulas: OfficeCell[]; formats: string[]; bytes: number } {
  const formulas = new Array<OfficeCell>(cells.length);
  const formats = new Array<string>(cells.length);
  let bytes = 4;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    formulas[i] = cell.kind === "formula" ? formula(toOfficeCell(cell) as string) : toOfficeCell(cell);
    formats[i] = formatOf(cell);
    bytes += jsonBytes(formulas[i]) + jsonBytes(formats[i]);
  }
  return { formulas, formats, bytes };
}
