/**
 * Plan cells as Office.js wants them, and the size of what a write sends. Text is
 * written with a leading apostrophe, Excel's own marker for "this is text": a label
 * that starts with "=", "+", "-" or "@" can never run as a formula, and a code such as
 * "0219" keeps its leading zero.
 */
import type { Block, PlanCell } from "../report/plan";

export type OfficeCell = string | number | boolean;

export function toOfficeCell(cell: PlanCell): OfficeCell {
  switch (cell.kind) {
    case "text":
      return `'${cell.text}`;
    case "number":
      return cell.value;
    case "formula":
      return cell.formula;
    case "empty":
      return "";
  }
}

export const formatOf = (cell: PlanCell): string => ("format" in cell && cell.format ? cell.format : "General");

export const hasFormula = (block: Block): boolean => block.rows.some((r) => r.some((c) => c.kind === "formula"));

/** Approximate bytes a block adds to a request: its cells and formats as JSON. */
export function blockBytes(block: Block): number {
  let bytes = 64;
  for (const row of block.rows) for (const c of row) bytes += JSON.stringify(toOfficeCell(c)).length + formatOf(c).length + 4;
  return bytes;
}

/** Split a block into row slices, each under `maxBytes` (a single row is never split). */
export function splitBlock(block: Block, maxBytes: number): Block[] {
  if (blockBytes(block) <= maxBytes) return [block];
  const m = /^([A-Z]+)(\d+)$/.exec(block.at);
  if (!m) throw new Error(`Not an A1 cell address: ${block.at}`);
  const parts: Block[] = [];
  let start = 0;
  let bytes = 64;
  for (let i = 0; i < block.rows.length; i++) {
    const rowBytes = blockBytes({ at: "A1", rows: [block.rows[i]] }) - 64;
    if (i > start && bytes + rowBytes > maxBytes) {
      parts.push({ ...block, at: `${m[1]}${Number(m[2]) + start}`, rows: block.rows.slice(start, i) });
      start = i;
      bytes = 64;
    }
    bytes += rowBytes;
  }
  parts.push({ ...block, at: `${m[1]}${Number(m[2]) + start}`, rows: block.rows.slice(start) });
  return parts;
}
