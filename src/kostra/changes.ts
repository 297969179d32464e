/**
 * What changed between two loads of the same figures: SSB publishes KOSTRA twice a year —
 * unrevised on 15 March, revised on 15 June (research/domain.md) — and an economist who
 * wrote an analysis in April must be able to see which of its numbers moved in June.
 *
 * A figure is one indicator, municipality and year. Between an earlier and a later dataset
 * it is revised (both have a number, and they differ), published (a number now, none
 * before: absent or an SSB symbol such as ".."), or withdrawn (a number before, none now).
 * Figures both loads lack, and unchanged numbers, are not changes. Each change keeps the
 * vintage of both sides: SSB's `updated` time of the table each came from.
 *
 * Which changes matter for a profile: `indexMoves` compares the profile's index (the
 * municipality's value ÷ the network average × 100, the engine's rule) before and after,
 * and names the rows where it moved by more than a threshold in index points — a revision
 * of another member's figure moves the average, so a row can move without a change of the
 * municipality's own number.
 */
import { benchmark } from "./benchmark";
import type { BenchmarkOptions, Dataset, Observation, Profile } from "./types";

export type ChangeKind = "revised" | "published" | "withdrawn";

export interface FigureChange {
  kind: ChangeKind;
  indicator: string;
  municipality: string;
  year: number;
  before: number | null;
  after: number | null;
  /** after − before, when both are numbers. */
  change: number | null;
  /** The SSB symbol (status) where a side has no number. */
  beforeStatus?: string;
  afterStatus?: string;
  /** SSB's `updated` of the table each side came from, where known. */
  beforeUpdated?: string;
  afterUpdated?: string;
}

const keyOf = (o: Pick<Observation, "indicator" | "municipality" | "year">) => `${o.indicator}|${o.municipality}|${o.year}`;

/**
 * Two numbers are the same figure when they are equal to 12 significant digits: a value
 * read from a CSV and the same value read from JSON-stat may differ in the last binary
 * digit, never in what SSB published.
 */
const same = (a: number, b: number): boolean => a === b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));

/**
 * The changed figures from `before` to `after`, in the order indicator, municipality,
 * year. `only` limits the comparison (e.g. to the years both loads asked for): a figure
 * outside a load's request is not "withdrawn" because it was never asked for.
 */
export function figureChanges(before: Dataset, after: Dataset, only: (o: Observation) => boolean = () => true): FigureChange[] {
  const earlier = new Map<string, Observation>();
  for (const o of before.observations) if (only(o)) earlier.set(keyOf(o), o);
  const later = new Map<string, Observation>();
  for (const o of after.observations) if (only(o)) later.set(keyOf(o), o);
  const updatedOf = (ds: Dataset, o: Observation | undefined) => (o === undefined ? undefined : ds.provenance[o.provenance]?.updated);
  const changes: FigureChange[] = [];
  for (const key of new Set([...earlier.keys(), ...later.keys()])) {
    const [b, a] = [earlier.get(key), later.get(key)];
    const [bv, av] = [b?.value ?? null, a?.value ?? null];
    let kind: ChangeKind;
    if (bv !== null && av !== null) {
      if (same(bv, av)) continue;
      kind = "revised";
    } else if (bv === null && av !== null) kind = "published";
    else if (bv !== null && av === null) kind = "withdrawn";
    else continue;
    const o = (a ?? b)!;
    const bu = updatedOf(before, b);
    const au = updatedOf(after, a);
    changes.push({
      kind,
      indicator: o.indicator,
      municipality: o.municipality,
      year: o.year,
      before: bv,
      after: av,
      change: bv !== null && av !== null ? av - bv : null,
      ...(b?.status !== undefined && bv === null ? { beforeStatus: b.status } : {}),
      ...(a?.status !== undefined && av === null ? { afterStatus: a.status } : {}),
      ...(bu !== undefined ? { beforeUpdated: bu } : {}),
      ...(au !== undefined ? { afterUpdated: au } : {}),
    });
  }
  return changes.sort((x, y) => x.indicator.localeCompare(y.indicator) || x.municipality.localeCompare(y.municipality) || x.year - y.year);
}

/**
 * Whether a figure's indicator and year are held by both loads (any municipality's figure,
 * a number or a symbol): a year or an indicator only one load was asked for is not a change.
 */
export function heldByBoth(before: Dataset, after: Dataset): (o: Pick<Observation, "indicator" | "year">) => boolean {
  const pairs = (d: Dataset) => new Set(d.observations.map((o) => `${o.indicator}|${o.year}`));
  const [b, a] = [pairs(before), pairs(after)];
  return (o) => b.has(`${o.indicator}|${o.year}`) && a.has(`${o.indicator}|${o.year}`);
}

export interface IndexMove {
  indicator: string;
  before: number | null;
  after: number | null;
  /** after − before in index points, when both exist. */
  points: number | null;
  /** Whether it moved by more than the threshold (or appeared or disappeared). */
  beyond: boolean;
}

/**
 * The profile's index per indicator before and after, for the rows where it differs; each
 * marked `beyond` when it moved by more than `threshold` index points, or exists on one
 * side only. Throws the engine's KostraError when either dataset cannot make the profile.
 */
export function indexMoves(before: Dataset, after: Dataset, options: BenchmarkOptions, threshold: number): IndexMove[] {
  const rowsOf = (p: Profile) => new Map(p.rows.map((r) => [r.indicator.id, r.index]));
  const [b, a] = [rowsOf(benchmark(before, options)), rowsOf(benchmark(after, options))];
  const moves: IndexMove[] = [];
  for (const indicator of new Set([...b.keys(), ...a.keys()])) {
    const [bi, ai] = [b.get(indicator) ?? null, a.get(indicator) ?? null];
    if (bi === ai || (bi !== null && ai !== null && same(bi, ai))) continue;
    const points = bi !== null && ai !== null ? ai - bi : null;
    moves.push({ indicator, before: bi, after: ai, points, beyond: points === null || Math.abs(points) > threshold });
  }
  return moves;
}
