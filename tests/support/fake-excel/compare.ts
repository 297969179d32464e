/**
 * Comparing two workbooks, fast enough to do it after each of thousands of writes: the
 * differences as readable lines (empty when the workbooks are the same).
 *
 * A sheet that still holds the cell map it shares with a fork (model.ts) has the same
 * cells by construction and is not compared cell by cell; any other sheet is. With
 * `ids: "ignore"`, workbooks written by two different runs compare equal when they hold
 * the same content: sheet, table, chart and part ids are left out, and sheet ids inside
 * custom XML parts are replaced by the sheets' positions.
 */
import { cellA1, parseCellKey } from "./addresses";
import type { CellModel } from "./cells";
import { chartSnapshot } from "./inspect";
import type { SheetModel, WorkbookModel } from "./model";

export interface CompareOptions {
  ids: "same" | "ignore";
  /** Compare which sheet is active (default true). */
  activeSheet?: boolean;
}

function sameCell(a: CellModel, b: CellModel): boolean {
  if (a.value !== b.value || a.formula !== b.formula || a.result !== b.result || a.quotePrefix !== b.quotePrefix || a.numberFormat !== b.numberFormat) return false;
  const ka = Object.keys(a.format) as (keyof CellModel["format"])[];
  return ka.length === Object.keys(b.format).length && ka.every((k) => a.format[k] === b.format[k]);
}

function cellDifferences(a: SheetModel, b: SheetModel, out: string[], most = 5): void {
  if (a.cells === b.cells) return;
  let found = 0;
  const note = (key: number, what: string) => {
    if (found++ < most) {
      const { row, col } = parseCellKey(key);
      out.push(`${a.name}!${cellA1(row, col)}: ${what}`);
    }
  };
  for (const [key, cell] of a.cells) {
    const other = b.cells.get(key);
    if (!other) note(key, `${JSON.stringify(cell.formula ?? cell.value)} vs nothing`);
    else if (!sameCell(cell, other)) note(key, `${JSON.stringify(cell)} vs ${JSON.stringify(other)}`);
  }
  for (const key of b.cells.keys()) if (!a.cells.has(key)) note(key, `nothing vs ${JSON.stringify(b.cells.get(key))}`);
  if (found > most) out.push(`${a.name}: ${found - most} more cell differences`);
}

const sheetInfo = (s: SheetModel, ids: boolean) => ({
  ...(ids ? { id: s.id } : {}),
  name: s.name,
  visibility: s.visibility,
  freeze: s.freeze,
  showGridlines: s.showGridlines,
  tabColor: s.tabColor,
  columnWidths: [...s.columnWidths].sort((x, y) => x[0] - y[0]),
  rowHeights: [...s.rowHeights].sort((x, y) => x[0] - y[0]),
  hiddenColumns: [...s.hiddenColumns].sort((x, y) => x - y),
  hiddenRows: [...s.hiddenRows].sort((x, y) => x - y),
});

/** Summaries already made, by workbook, options and revision (a workbook compared again and again doesn't change). */
const summaries = new WeakMap<WorkbookModel, { key: string; value: Record<string, string> }>();

/** Tables, charts, names, parts and the active sheet, each as JSON. */
function structure(m: WorkbookModel, options: CompareOptions): Record<string, string> {
  const key = `${m.revision}/${options.ids}/${options.activeSheet !== false}`;
  const known = summaries.get(m);
  if (known?.key === key) return known.value;
  const value = Object.fromEntries(Object.entries(describe(m, options)).map(([k, v]) => [k, JSON.stringify(v)]));
  summaries.set(m, { key, value });
  return value;
}

function describe(m: WorkbookModel, options: CompareOptions): Record<string, unknown> {
  const ids = options.ids === "same";
  const withoutId = <T extends { id: string }>(x: T) => (ids ? x : { ...x, id: undefined });
  const sheetIds = m.sheets.map((s) => s.id);
  return {
    ...(options.activeSheet === false ? {} : { activeSheet: m.activeSheet.name }),
    calculationMode: m.calculationMode,
    tables: m.tables.map((t) => withoutId({ id: t.id, name: t.name, sheet: t.sheet.name, rect: t.rect, showHeaders: t.showHeaders, style: t.style })),
    charts: m.charts.map((c) => withoutId(chartSnapshot(c))),
    names: m.names.map((n) => ({ name: n.name, formula: n.formula, comment: n.comment, visible: n.visible })),
    parts: m.parts.map((p) => withoutId({ id: p.id, namespaceUri: p.namespaceUri, xml: ids ? p.xml : sheetIds.reduce((xml, id, i) => xml.split(id).join(`#sheet${i}`), p.xml) })),
  };
}

/** Where workbook `b` differs from workbook `a`. */
export function workbookDifferences(a: WorkbookModel, b: WorkbookModel, options: CompareOptions): string[] {
  const out: string[] = [];
  const ids = options.ids === "same";
  if (a.sheets.length !== b.sheets.length) out.push(`sheets: ${a.sheets.map((s) => s.name).join(", ")} vs ${b.sheets.map((s) => s.name).join(", ")}`);
  a.sheets.forEach((s, i) => {
    const t = b.sheets[i];
    if (!t) return;
    const x = JSON.stringify(sheetInfo(s, ids));
    const y = JSON.stringify(sheetInfo(t, ids));
    if (x !== y) out.push(`sheet ${i + 1}: ${x} vs ${y}`);
    cellDifferences(s, t, out);
  });
  const x = structure(a, options);
  const y = structure(b, options);
  for (const key of Object.keys(x)) if (x[key] !== y[key]) out.push(`${key}: ${x[key].slice(0, 600)} vs ${String(y[key]).slice(0, 600)}`);
  return out;
}
