/**
 * The tjenesteprofil picture as plain data: every indicator's index on one common scale
 * (network average = 100), its lowest–highest range among the network's members, and the
 * municipality and the ones it is compared with marked. The chart, its text alternative and
 * the copied image are drawn from this, so what they show cannot drift apart from the table.
 *
 * Index = value ÷ average × 100, as KS's "Snitt nettverk = 100" profiles (and the engine)
 * define it; this module only places the engine's numbers, it computes no figure itself.
 */
import type { Lang, MunicipalityRef, Profile, ProfileRow } from "../../kostra/types";

/** Who a mark stands for: the municipality itself, a "Sammenlign med" municipality, or an SSB aggregate shown beside. */
export type MarkKind = "focal" | "comparison" | "reference";

export interface PictureMark {
  kind: MarkKind;
  who: MunicipalityRef;
  /** The index (average = 100), or null when there is none (no value, no average). */
  index: number | null;
  /** The symbol drawn for this one: 0 is the municipality's; the others in the legend's order. */
  symbol: number;
}

export interface PictureRow {
  row: ProfileRow;
  /** The indicator's name as the template shows it (with " *" where the average is simple as KS's). */
  label: string;
  /** Lowest and highest index among the network's members; null when the row has none. */
  range: { low: number; high: number } | null;
  marks: PictureMark[];
}

export interface PictureScale {
  from: number;
  to: number;
  /** Grid lines, 100 among them. */
  ticks: number[];
}

export interface ProfilePicture {
  rows: PictureRow[];
  scale: PictureScale;
  /** Everyone marked, in the legend's order (the municipality first). */
  legend: PictureMark[];
}

/** Shapes a mark can have: the municipality's circle (0) and five for the others, which repeat from the sixth on. */
export const SHAPES = 6;

/** The shape (and colour) of a symbol: only the municipality is ever a circle. */
export const shapeOf = (symbol: number): number => (symbol === 0 ? 0 : 1 + ((symbol - 1) % (SHAPES - 1)));

/** The scale reaches at least 0–200 (the average in the middle) and at most this far: further figures are drawn at the edge, their numbers are in the table. */
export const SCALE_CAP = 400;
export const SCALE_FLOOR = -100;
const STEP = 50;

/** One scale for all rows: 0 to the highest index (at least 200) in steps of 50, within SCALE_FLOOR…SCALE_CAP. */
export function pictureScale(values: readonly (number | null)[]): PictureScale {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const high = Math.max(200, ...known);
  const low = Math.min(0, ...known);
  const to = Math.min(SCALE_CAP, Math.ceil(high / STEP) * STEP);
  const from = Math.max(SCALE_FLOOR, Math.floor(low / STEP) * STEP);
  const step = to - from > 200 ? 100 : STEP;
  const ticks: number[] = [];
  for (let v = Math.ceil(from / step) * step; v <= to; v += step) ticks.push(v);
  if (!ticks.includes(100)) ticks.push(100);
  return { from, to, ticks: ticks.sort((a, b) => a - b) };
}

/** Where `value` falls on the scale, 0…1, and whether it lies beyond an end (drawn at the edge). */
export function place(scale: PictureScale, value: number): { at: number; beyond: "below" | "above" | null } {
  if (value < scale.from) return { at: 0, beyond: "below" };
  if (value > scale.to) return { at: 1, beyond: "above" };
  return { at: (value - scale.from) / (scale.to - scale.from), beyond: null };
}

/** The picture of a computed profile. `mark` is the label's suffix for a row (" *" for KS's simple averages). */
export function profilePicture(profile: Profile, lang: Lang, mark: (row: ProfileRow) => string = () => ""): ProfilePicture {
  const first = profile.rows[0];
  const legend: PictureMark[] = [
    { kind: "focal", who: profile.focal, index: null, symbol: 0 },
    ...(first?.comparisons ?? []).map((c, i) => ({ kind: "comparison" as const, who: c.municipality, index: null, symbol: i + 1 })),
    ...(first?.references ?? []).map((r, i) => ({ kind: "reference" as const, who: r.municipality, index: null, symbol: (first?.comparisons.length ?? 0) + i + 1 })),
  ];
  const rows = profile.rows.map((row): PictureRow => {
    const low = row.lowest?.index ?? null;
    const high = row.highest?.index ?? null;
    const others = [...row.comparisons, ...row.references];
    return {
      row,
      label: row.indicator.label[lang] + mark(row),
      range: low !== null && high !== null ? { low, high } : null,
      marks: [
        { kind: "focal", who: profile.focal, index: row.index, symbol: 0 },
        ...others.map((o, i) => ({ ...legend[i + 1], who: o.municipality, index: o.index })),
      ],
    };
  });
  const scale = pictureScale(rows.flatMap((r) => [r.range?.low ?? null, r.range?.high ?? null, ...r.marks.map((m) => m.index)]));
  return { rows, scale, legend };
}
