/**
 * The final request of a write, when the new report stands complete on its temporary
 * sheets: it only writes the settings, deletes the previous report's sheets, renames the
 * new sheets and their tables into place, replaces the report's defined names and writes
 * the settings again. It is small whatever the size of the report.
 *
 * Its first statement writes settings that own both the previous and the new sheets: the
 * point of no return. Excel can stop a request part-way and keeps what it did; from that
 * statement on, the gateway finishes the write rather than undo it, and if even that
 * fails, the settings already own every sheet involved, so the next write removes them
 * all and the workbook is whole again.
 *
 * The same function queues the first attempt and a later attempt to finish: it compares
 * what should be with what the workbook holds now and queues only what is missing.
 */
import { settingsFromXml } from "../report/template-settings";
import { jsonBytes } from "./cells";
import { nameKey } from "./formula-sheets";
import type { Inventory } from "./inventory";
import type { RequestMeter } from "./request-meter";

export interface FinishPlan {
  /** The previous report's sheets (ids). */
  oldSheets: string[];
  /** The new report's sheets (ids) and their final names. */
  newSheets: { id: string; final: string }[];
  /** The new report's tables: temporary and final name. */
  tables: { temporary: string; final: string }[];
  /** The previous report's defined names, deleted before the new ones are added. */
  staleNames: string[];
  names: { final: string; sheetId: string; range: string; comment?: string }[];
  /** Settings owning the previous and the new sheets (the point of no return). */
  transitionXml: string;
  /** Settings owning the new sheets. */
  finalXml: string;
}

/** The settings part holding this write's settings (transition or final), if any. */
export function committedPart(plan: FinishPlan, inventory: Inventory): string | undefined {
  const ids = plan.newSheets.map((s) => s.id);
  return inventory.parts.find((p) => {
    const read = settingsFromXml(p.xml);
    return read.kind === "ok" && ids.every((id) => read.settings.ownedSheets.some((o) => o.id === id));
  })?.id;
}

/** Queue the statements that finish the write from what the workbook holds now. */
export async function queueFinish(context: Excel.RequestContext, meter: RequestMeter, plan: FinishPlan, now: Inventory): Promise<void> {
  const wb = context.workbook;
  const sheets = new Map(now.sheets.map((s) => [s.id, s.name]));
  const tables = new Set(now.tables.map((t) => nameKey(t.name)));
  const names = new Set(now.names.map((n) => nameKey(n.name)));
  const committed = committedPart(plan, now);
  const oldSheets = plan.oldSheets.filter((id) => sheets.has(id));
  const renames = plan.newSheets.filter((s) => sheets.get(s.id) !== s.final);
  const tableRenames = plan.tables.filter((t) => tables.has(nameKey(t.temporary)));
  const stale = plan.staleNames.filter((n) => names.has(nameKey(n)));
  const missingNames = plan.names.filter((n) => !names.has(nameKey(n.final)) || stale.some((s) => nameKey(s) === nameKey(n.final)));
  const otherParts = now.parts.filter((p) => p.id !== committed && !(committed === undefined && now.parts.length === 1));
  const statements = 2 + otherParts.length + oldSheets.length + renames.length + tableRenames.length + stale.length + missingNames.length;
  const texts = [plan.transitionXml, plan.finalXml, ...renames.map((s) => s.final), ...tableRenames.map((t) => t.final), ...missingNames.flatMap((n) => [n.final, n.range, n.comment ?? ""])];
  await meter.reserve(statements, texts.reduce((n, t) => n + jsonBytes(t), 0));

  let part: Excel.CustomXmlPart;
  if (committed !== undefined) part = wb.customXmlParts.getItem(committed);
  else if (now.parts.length === 1) {
    part = wb.customXmlParts.getItem(now.parts[0].id);
    part.setXml(plan.transitionXml);
  } else part = wb.customXmlParts.add(plan.transitionXml);
  for (const p of otherParts) wb.customXmlParts.getItem(p.id).delete();
  for (const id of oldSheets) wb.worksheets.getItem(id).delete();
  for (const s of renames) wb.worksheets.getItem(s.id).name = s.final;
  for (const t of tableRenames) wb.tables.getItem(t.temporary).name = t.final;
  for (const n of stale) wb.names.getItem(n).delete();
  for (const n of missingNames) wb.names.add(n.final, wb.worksheets.getItem(n.sheetId).getRange(n.range), n.comment);
  part.setXml(plan.finalXml);
}
