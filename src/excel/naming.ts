/**
 * Every name a write will use, decided before anything is written, from what the
 * workbook already holds:
 * - Final sheet names: the planned name, unless one of the user's sheets has it (then
 *   "name (2)", …). The previous report's sheets don't count: they are replaced.
 * - Temporary sheet names, unique in the workbook, for building the new report beside the
 *   old one. Formulas are written naming these (formula-sheets.ts).
 * - Table and defined names: Excel keeps them in one namespace and a table name must be
 *   unique in the workbook, so the new report's tables can't take their final names while
 *   the previous report's tables still exist. They are created under temporary names and
 *   renamed in the final request, after the old sheets (and their tables) are gone. A final
 *   name the user already uses for a table or a name gets a suffix ("KostraData_2").
 * - Defined names can't be renamed (NamedItem.name is read-only); they are added in the
 *   final request, after the previous report's names of the same name are deleted. A
 *   previous report's name is one the plan has that refers only to owned sheets.
 */
import { xmlSafe } from "../kostra/safe-text";
import { SHEET_NAME_MAX, truncate, type ReportPlan } from "../report/plan";
import { nameKey, sheetsReferenced } from "./formula-sheets";
import type { Inventory } from "./inventory";

export interface SheetNaming {
  key: string;
  /** The name the plan's formulas use. */
  planned: string;
  final: string;
  temporary: string;
}

export interface TableNaming {
  /** Key of the sheet the table is on. */
  sheet: string;
  planned: string;
  final: string;
  temporary: string;
}

export interface Naming {
  sheets: SheetNaming[];
  tables: TableNaming[];
  /** Defined names of the plan: the name to add. */
  names: { planned: string; final: string }[];
  /** The previous report's defined names, deleted before the new ones are added. */
  staleNames: string[];
}

const NAME_MAX = 255;

/** base shortened to make room for the suffix, never cutting a character in two (a lone surrogate would become U+FFFD in the settings, and the name would no longer match). */
const withSuffix = (base: string, suffix: string, max: number): string => truncate(base, max - suffix.length) + suffix;

/** The first of base, base+suffix(2), base+suffix(3)… whose key is not in `taken` (which it joins). */
function firstFree(base: string, taken: Set<string>, next: (n: number) => string): string {
  let name = base;
  for (let n = 2; taken.has(nameKey(name)); n++) name = next(n);
  taken.add(nameKey(name));
  return name;
}

export function resolveNaming(plan: ReportPlan, inventory: Inventory, owned: ReadonlySet<string>, stamp: string): Naming {
  const ownedNames = new Set(inventory.sheets.filter((s) => owned.has(s.id)).map((s) => nameKey(s.name)));

  const userSheets = new Set(inventory.sheets.filter((s) => !owned.has(s.id)).map((s) => nameKey(s.name)));
  const allSheets = new Set(inventory.sheets.map((s) => nameKey(s.name)));
  const sheets: SheetNaming[] = plan.sheets.map((s) => {
    const wanted = xmlSafe(s.name);
    return { key: s.key, planned: s.name, final: firstFree(wanted, userSheets, (n) => withSuffix(wanted, ` (${n})`, SHEET_NAME_MAX)), temporary: "" };
  });
  for (const s of sheets) allSheets.add(nameKey(s.final));
  sheets.forEach((s, i) => (s.temporary = firstFree(`kb-tmp-${stamp}-${i}`, allSheets, (n) => `kb-tmp-${stamp}-${i}-${n}`)));

  const plannedNames = new Set(plan.names.map((n) => nameKey(n.name)));
  const stale = inventory.names.filter((n) => {
    if (!plannedNames.has(nameKey(n.name))) return false;
    const refs = sheetsReferenced(n.formula);
    return refs.every((r) => ownedNames.has(nameKey(r))) && (refs.length > 0 || n.formula.includes("#REF!"));
  });
  const staleKeys = new Set(stale.map((n) => nameKey(n.name)));
  // Names the user has: tables on sheets we don't own, and defined names that aren't ours.
  const userNames = new Set([
    ...inventory.tables.filter((t) => !owned.has(t.sheetId)).map((t) => nameKey(t.name)),
    ...inventory.names.filter((n) => !staleKeys.has(nameKey(n.name))).map((n) => nameKey(n.name)),
  ]);
  const finalName = (planned: string) => firstFree(planned, userNames, (n) => withSuffix(planned, `_${n}`, NAME_MAX));
  const everyName = new Set([...inventory.tables.map((t) => nameKey(t.name)), ...inventory.names.map((n) => nameKey(n.name))]);
  const tables: TableNaming[] = [];
  for (const s of plan.sheets) for (const t of s.tables ?? []) tables.push({ sheet: s.key, planned: t.name, final: finalName(t.name), temporary: "" });
  const names = plan.names.map((n) => ({ planned: n.name, final: finalName(n.name) }));
  for (const n of [...tables.map((t) => t.final), ...names.map((n) => n.final)]) everyName.add(nameKey(n));
  tables.forEach((t, i) => (t.temporary = firstFree(`kb_tmp_${stamp}_${i}`, everyName, (n) => `kb_tmp_${stamp}_${i}_${n}`)));

  return { sheets, tables, names, staleNames: stale.map((n) => n.name) };
}
