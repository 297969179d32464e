/**
 * The change list: a sheet of its own ("Endringer"), written when the report is made with
 * the previous figures beside the new ones (report-changes.ts). One row per changed figure
 * — indicator, municipality, year, the previous and the new value, the change, what kind of
 * change, both vintages — and whether the profile's index for that indicator moved by more
 * than the threshold; under it, each profile's index moves. The values are numbers written
 * as they were compared (a record of the comparison, not formulas over the data sheet,
 * which keeps both vintages itself). Text from input is only ever text.
 */
import { amountIndicatorFor, indicatorFor } from "../kostra/catalog";
import type { FigureChange } from "../kostra/changes";
import { formatNumber } from "../kostra/describe";
import { municipalityById } from "../kostra/municipalities";
import type { Lang } from "../kostra/types";
import { CHANGE_LIST_TEXT } from "./change-list-text";
import { empty, num, numberFormat, text, type Block, type PlanCell, type SheetPlan } from "./plan";
import type { ReportChanges } from "./report-changes";

export const CHANGE_SHEET_KEY = "changes";

const WIDTH = 10;

export function buildChangeListSheet(rc: ReportChanges, name: string, lang: Lang): SheetPlan {
  const t = CHANGE_LIST_TEXT[lang];
  const threshold = formatNumber(rc.threshold, 1, lang);
  const labels = new Map(rc.profiles.flatMap((p) => p.profile.rows.map((r) => [r.indicator.id, r.indicator.label[lang]] as const)));
  const labelOf = (id: string) => labels.get(id) ?? (indicatorFor(id) ?? amountIndicatorFor(id))?.label[lang] ?? id;
  const decimalsOf = (id: string) => rc.profiles.flatMap((p) => p.profile.rows).find((r) => r.indicator.id === id)?.indicator.decimals ?? (indicatorFor(id) ?? amountIndicatorFor(id))?.decimals ?? 1;
  const pad = (cells: PlanCell[]) => [...cells, ...Array<PlanCell>(WIDTH - cells.length).fill(empty)];

  const blocks: Block[] = [
    { at: "A1", rows: [pad([text(t.title)])], style: "title" },
    { at: "A2", rows: [pad([text(t.basis(rc.since, threshold))])], style: "note" },
    { at: "A3", rows: [pad([text(rc.changes.length === 0 ? t.none : t.count(rc.changes.length))])], style: "subtitle" },
  ];
  let row = 5;
  if (rc.changes.length > 0) {
    const c = t.columns;
    blocks.push({ at: `A${row}`, rows: [[c.indicator, c.municipality, c.year, c.before, c.after, c.change, c.kind, c.beforeUpdated, c.afterUpdated, c.moved(threshold)].map((h) => text(h))], style: "header" });
    row++;
    blocks.push({ at: `A${row}`, rows: rc.changes.map((ch) => changeRow(ch, labelOf(ch.indicator), numberFormat(decimalsOf(ch.indicator)), movedOf(rc, ch), lang)) });
    row += rc.changes.length + 1;
  }
  for (const { profile, moves } of rc.profiles) {
    const who = municipalityById(profile.focal.id)?.name ?? profile.focal.id;
    blocks.push({ at: `A${row}`, rows: [pad([text(t.movesTitle(profile.sector.label[lang], who, profile.year))])], style: "subtitle" });
    row++;
    if (moves === null || moves.length === 0) {
      blocks.push({ at: `A${row}`, rows: [pad([text(moves === null ? t.notComparable : t.noMoves)])], style: "note" });
      row += 2;
      continue;
    }
    const m = t.movesColumns;
    blocks.push({ at: `A${row}`, rows: [pad([m.indicator, m.before, m.after, m.points, m.beyond(threshold)].map((h) => text(h)))], style: "header" });
    row++;
    blocks.push({
      at: `A${row}`,
      rows: moves.map((mv) =>
        pad([text(labelOf(mv.indicator)), mv.before === null ? text("–") : num(mv.before, "0.0"), mv.after === null ? text("–") : num(mv.after, "0.0"), mv.points === null ? empty : num(mv.points, "+0.0;-0.0;0.0"), text(mv.beyond ? t.yes : t.no)]),
      ),
    });
    row += moves.length + 1;
  }
  return {
    key: CHANGE_SHEET_KEY,
    name,
    blocks,
    columnWidths: { A: 48, B: 18, C: 7, D: 14, E: 14, F: 12, G: 12, H: 22, I: 22, J: 24 },
    freeze: { rows: 0, columns: 1 },
  };
}

/** Whether the profile's index of the change's indicator moved beyond the threshold: only for the profile's own year. */
function movedOf(rc: ReportChanges, ch: FigureChange): boolean | undefined {
  for (const { profile, moves } of rc.profiles) {
    if (profile.year !== ch.year || moves === null || !profile.rows.some((r) => r.indicator.id === ch.indicator)) continue;
    return moves.some((m) => m.indicator === ch.indicator && m.beyond);
  }
  return undefined;
}

function changeRow(ch: FigureChange, label: string, format: string, moved: boolean | undefined, lang: Lang): PlanCell[] {
  const t = CHANGE_LIST_TEXT[lang];
  const side = (v: number | null, status: string | undefined) => (v === null ? text(status ?? "") : num(v, format));
  return [
    text(label),
    text(municipalityById(ch.municipality)?.name ?? ch.municipality),
    num(ch.year, "0"),
    side(ch.before, ch.beforeStatus),
    side(ch.after, ch.afterStatus),
    ch.change === null ? empty : num(ch.change, `+${format};-${format};0`),
    text(t.kinds[ch.kind]),
    text(ch.beforeUpdated ?? ""),
    text(ch.afterUpdated ?? ""),
    text(moved === undefined ? "" : moved ? t.yes : t.no),
  ];
}
