/**
 * Which requests fetch the cells a load needs from one SSB table.
 *
 * SSB answers a request with the cross product of the codes it names. One request per
 * table naming every code any indicator reads fetches every combination of them: for all
 * templates, 12362's 48 functions × 2 arts × 3 contents, where about 170 of the 288
 * combinations are read; and every region code of every year for every year, where a
 * code is valid in some of them (838 codes over 2015–2024, about 400 in each year).
 *
 * Here a table's needs are split into requests that cover them exactly or nearly:
 * - a need (one indicator's series: its codes per dimension, for the times it is read)
 *   is never split across requests: a figure summing several codes (f338 + f339), and a
 *   per-capita figure with the amount beside it, is read from one answer;
 * - needs that share a cell go in one request, and requests never overlap: every needed
 *   cell is fetched by exactly one request;
 * - a code is never asked for at a time no need of the table reads it (f392 after 2020);
 * - needs are grouped, and each group's times split into runs of consecutive times, to
 *   minimise  cells fetched + REQUEST_COST_CELLS × requests.
 *
 * The rule, and why: SSB lets one address send 30 requests a minute, shared by everyone
 * behind a municipality's network, and a load spends some on metadata too; the
 * thirty-first waits for the next minute. Cells cost bytes and reading (about 12 bytes
 * of JSON-stat and a few microseconds each), but no wait. So one request is worth
 * REQUEST_COST_CELLS cells: two groups share a request when that fetches fewer extra
 * cells than that (small over-fetch: fewer requests), and stay apart when it would
 * fetch more (large over-fetch: fewer cells). A small load (a network of a dozen
 * municipalities) then needs one request per table; the whole country gets its exact
 * groups. Within SSB's cell limit a request over it is split (time first, then region)
 * and counted as the requests it becomes.
 */

/** One request's worth of cells: see the rule above. */
export const REQUEST_COST_CELLS = 50_000;

/** One series read from a table: its codes per dimension (besides region and time) and its times. */
export interface CellNeed {
  /** What the need serves (indicator ids), carried to the requests holding it. */
  ids: readonly string[];
  /** Codes per dimension other than region and time; the need's cells are their cross product with its regions and times. */
  select: Readonly<Record<string, readonly string[]>>;
  /** SSB time codes the need is read for. */
  times: readonly number[];
}

export interface CoverContext {
  /**
   * The region codes a request for these times asks for, in a stable order: as a set, the
   * union of each time's own codes (`regionsAt([t])`).
   */
  regionsAt(times: readonly number[]): readonly string[];
  /** SSB's cell limit per request. */
  maxCells: number;
  /** Cells one request is worth (REQUEST_COST_CELLS). */
  requestCost?: number;
  /** Dimensions to split a request over the limit along first (time, then region). */
  regionDimension: string;
  timeDimension: string;
}

/** One request of a cover, before splitting over the cell limit. */
export interface CoverRequest {
  /** Codes per dimension besides region and time, in first-seen order. */
  select: Record<string, string[]>;
  times: number[];
  regions: string[];
  /** Ids of the needs it holds, first-seen order. */
  ids: string[];
}

export const cellsOf = (selection: Readonly<Record<string, readonly unknown[]>>): number =>
  Object.values(selection).reduce((n, codes) => n * codes.length, 1);

/**
 * Split a selection in halves along its largest splittable dimension (preferring time,
 * then region) until each part is within `maxCells`.
 */
export function splitSelection(
  selection: Record<string, string[]>,
  maxCells: number,
  prefer: readonly string[],
): Record<string, string[]>[] {
  if (cellsOf(selection) <= maxCells) return [selection];
  const dims = Object.keys(selection).filter((d) => selection[d].length > 1);
  if (dims.length === 0) return [selection];
  const rank = (d: string) => (prefer.indexOf(d) < 0 ? prefer.length : prefer.indexOf(d));
  const dim = [...dims].sort((a, b) => rank(a) - rank(b) || selection[b].length - selection[a].length)[0];
  const codes = selection[dim];
  const half = Math.ceil(codes.length / 2);
  return [codes.slice(0, half), codes.slice(half)].flatMap((part) => splitSelection({ ...selection, [dim]: part }, maxCells, prefer));
}

/** The codes of the needs per dimension, in first-seen order (their smallest cross product). */
function boundingSelect(needs: readonly CellNeed[]): Record<string, string[]> {
  const box: Record<string, string[]> = {};
  for (const n of needs)
    for (const [dim, codes] of Object.entries(n.select)) {
      const list = (box[dim] = box[dim] ?? []);
      for (const c of codes) if (!list.includes(c)) list.push(c);
    }
  return box;
}

/**
 * The needs of a table by number: each code a (dimension, index) pair, each time an index
 * into the table's times, so a group's cross product and times are flags, not strings.
 */
class Indexed {
  readonly times: number[];
  /** Per need: its dimensions' signature, codes per dimension index, and times as flags. */
  readonly signature: string[];
  readonly codes: number[][][];
  readonly at: Uint8Array[];
  /** Per dimension and code: the times some need reads it. */
  readonly readAt: Uint8Array[][];
  readonly dimensionCount: number;
  readonly codeCounts: number[];

  constructor(needs: readonly CellNeed[]) {
    this.times = [...new Set(needs.flatMap((n) => n.times))].sort((a, b) => a - b);
    const timeIndex = new Map(this.times.map((t, i) => [t, i]));
    const dims = new Map<string, Map<string, number>>();
    const index = (dim: string, code: string) => {
      const codes = dims.get(dim) ?? dims.set(dim, new Map()).get(dim)!;
      return codes.get(code) ?? codes.set(code, codes.size).get(code)!;
    };
    const dimIndex = (dim: string) => [...dims.keys()].indexOf(dim);
    for (const n of needs) for (const [dim, codes] of Object.entries(n.select)) for (const c of codes) index(dim, c);
    this.dimensionCount = dims.size;
    this.codeCounts = [...dims.values()].map((m) => m.size);
    this.readAt = this.codeCounts.map((n) => Array.from({ length: n }, () => new Uint8Array(this.times.length)));
    this.signature = needs.map((n) => Object.keys(n.select).sort().join("\u0000"));
    this.codes = needs.map((n) => {
      const perDim: number[][] = Array.from({ length: dims.size }, () => []);
      for (const [dim, codes] of Object.entries(n.select)) perDim[dimIndex(dim)] = codes.map((c) => index(dim, c));
      return perDim;
    });
    this.at = needs.map((n, i) => {
      const flags = new Uint8Array(this.times.length);
      for (const t of n.times) flags[timeIndex.get(t)!] = 1;
      this.codes[i].forEach((codes, d) => codes.forEach((c) => flags.forEach((f, t) => f && (this.readAt[d][c][t] = 1))));
      return flags;
    });
  }
}

/** A set of needs that go together, with its cross product and times as flags. */
interface Group {
  /** Indices of the needs, ascending. */
  members: number[];
  signature: string;
  /** Per dimension, per code: whether the group's cross product holds it. */
  box: Uint8Array[];
  at: Uint8Array;
}

interface Run {
  /** Indices into the table's times. */
  times: number[];
  /** Needs read in the run (indices, ascending). */
  members: number[];
}

interface Priced {
  cells: number;
  requests: number;
  runs: Run[];
}

const costOf = (p: Pick<Priced, "cells" | "requests">, requestCost: number) => p.cells + requestCost * p.requests;

/**
 * Cover a table's needs with requests (see the module comment). Pure and deterministic:
 * the same needs and context give the same requests, in the needs' order.
 */
export function coverCells(needs: readonly CellNeed[], ctx: CoverContext): CoverRequest[] {
  if (needs.length === 0) return [];
  const requestCost = ctx.requestCost ?? REQUEST_COST_CELLS;
  const ix = new Indexed(needs);
  const timesOf = (indices: readonly number[]) => indices.map((t) => ix.times[t]);
  const regionsIn = regionCounter(ctx);

  const requestsFor = (members: readonly number[], times: readonly number[], cells: number): number => {
    if (cells <= ctx.maxCells) return 1;
    const at = timesOf(times);
    const selection = { [ctx.regionDimension]: [...ctx.regionsAt(at)], ...boundingSelect(members.map((i) => needs[i])), [ctx.timeDimension]: at.map(String) };
    return splitSelection(selection, ctx.maxCells, [ctx.timeDimension, ctx.regionDimension]).length;
  };

  /**
   * The cheapest split of a group's times into runs of consecutive times (dynamic
   * programming over where each run starts). A run grows backwards from its end time,
   * taking in the needs read at each time it adds; once it would ask a code at a time
   * no need reads it, every longer run would too.
   */
  const priced = new Map<string, Priced>();
  const price = (members: readonly number[]): Priced => {
    const key = members.join(",");
    const known = priced.get(key);
    if (known) return known;
    const times: number[] = [];
    for (let t = 0; t < ix.times.length; t++) if (members.some((i) => ix.at[i][t])) times.push(t);
    type Step = { cells: number; requests: number; from: number; members: number[] };
    const best: Step[] = [{ cells: 0, requests: 0, from: -1, members: [] }];
    const stamp = ix.codeCounts.map((n) => new Int32Array(n).fill(-1));
    for (let end = 1; end <= times.length; end++) {
      const active: number[] = [];
      const taken = new Set<number>();
      const held: number[][] = ix.codeCounts.map(() => []);
      let step: Step | undefined;
      for (let start = end - 1; start >= 0; start--) {
        const t = times[start];
        // Every code held so far must be read at the new time too.
        if (held.some((codes, d) => codes.some((c) => !ix.readAt[d][c][t]))) break;
        let readable = true;
        for (const i of members)
          if (ix.at[i][t] && !taken.has(i)) {
            taken.add(i);
            active.push(i);
            ix.codes[i].forEach((codes, d) => {
              for (const c of codes)
                if (stamp[d][c] !== end) {
                  stamp[d][c] = end;
                  held[d].push(c);
                  for (let k = start; k < end && readable; k++) readable = ix.readAt[d][c][times[k]] === 1;
                }
            });
          }
        if (!readable) break;
        const run = times.slice(start, end);
        const count = held.reduce((n, codes) => (codes.length > 0 ? n * codes.length : n), 1);
        const cells = regionsIn(timesOf(run)) * run.length * count;
        const inRun = [...active].sort((a, b) => a - b);
        const candidate = { cells: best[start].cells + cells, requests: best[start].requests + requestsFor(inRun, run, cells), from: start, members: inRun };
        if (!step || costOf(candidate, requestCost) <= costOf(step, requestCost)) step = candidate;
      }
      // A single time is always readable: each of its codes is read then by the need that names it.
      best[end] = step!;
    }
    const runs: Run[] = [];
    for (let end = times.length; end > 0; end = best[end].from) runs.unshift({ times: times.slice(best[end].from, end), members: best[end].members });
    const result = { cells: best[times.length].cells, requests: best[times.length].requests, runs };
    priced.set(key, result);
    return result;
  };

  const single = (i: number): Group => ({
    members: [i],
    signature: ix.signature[i],
    box: ix.codeCounts.map((n, d) => {
      const flags = new Uint8Array(n);
      for (const c of ix.codes[i][d]) flags[c] = 1;
      return flags;
    }),
    at: ix.at[i],
  });

  // Needs that share a cell, or whose groups' cross products would, form one group.
  let groups: Group[] = [];
  needs.forEach((_, i) => (groups = absorb(single(i), groups)));

  groups = mergeSlices(groups, (merged, parts) => costOf(price(merged.members), requestCost) <= parts.reduce((n, g) => n + costOf(price(g.members), requestCost), 0));

  // Merge groups while a merge lowers the cost, the one fetching the fewest extra cells per
  // request it saves first (a merge that fetches nothing more comes before one that does).
  // A pair's merge is kept from one round to the next while the groups it took in are still
  // there and no newer group meets it.
  const born = new Map<Group, number>(groups.map((g) => [g, 0]));
  let round = 0;
  const merges = new Map<Group, Map<Group, { merged: Group; gone: Group[]; round: number; rank?: number }>>();
  const mergeOf = (a: Group, b: Group, present: ReadonlySet<Group>) => {
    const known = merges.get(a)?.get(b);
    if (known && known.gone.every((g) => present.has(g)) && groups.every((g) => born.get(g)! <= known.round || known.gone.includes(g) || !groupsMeet(g, known.merged)))
      return known;
    const list = absorb(union(a, b), groups.filter((g) => g !== a && g !== b));
    const merged = list[list.length - 1];
    const gone = groups.filter((g) => !list.includes(g));
    const before = gone.map((g) => price(g.members));
    const after = price(merged.members);
    const extraCells = after.cells - before.reduce((n, p) => n + p.cells, 0);
    const savedRequests = before.reduce((n, p) => n + p.requests, 0) - after.requests;
    const worth = extraCells - requestCost * savedRequests < 0;
    const result = { merged, gone, round, ...(worth ? { rank: savedRequests > 0 ? extraCells / savedRequests : -Infinity } : {}) };
    merges.set(a, (merges.get(a) ?? new Map()).set(b, result));
    return result;
  };
  for (;;) {
    const present = new Set(groups);
    let best: { merged: Group; gone: Group[]; rank?: number } | undefined;
    for (let a = 0; a < groups.length; a++)
      for (let b = a + 1; b < groups.length; b++) {
        if (groups[a].signature !== groups[b].signature) continue;
        const m = mergeOf(groups[a], groups[b], present);
        if (m.rank !== undefined && (best === undefined || m.rank < best.rank!)) best = m;
      }
    if (!best) break;
    round++;
    const { merged, gone } = best;
    groups = [...groups.filter((g) => !gone.includes(g)), merged];
    born.set(merged, round);
  }

  groups.sort((x, y) => x.members[0] - y.members[0]);
  return groups.flatMap((g) =>
    price(g.members).runs.map((run) => {
      const held = run.members.map((i) => needs[i]);
      const times = timesOf(run.times);
      return { select: boundingSelect(held), times, regions: [...ctx.regionsAt(times)], ids: [...new Set(held.flatMap((n) => n.ids))] };
    }),
  );
}

/** The number of region codes of a set of times, from each time's codes (cached). */
function regionCounter(ctx: Pick<CoverContext, "regionsAt">): (times: readonly number[]) => number {
  const perTime = new Map<number, readonly string[]>();
  const counted = new Map<string, number>();
  return (times) => {
    const key = times.join(",");
    let n = counted.get(key);
    if (n === undefined) {
      const codes = new Set<string>();
      for (const t of times) {
        let own = perTime.get(t);
        if (own === undefined) perTime.set(t, (own = ctx.regionsAt([t])));
        for (const c of own) codes.add(c);
      }
      counted.set(key, (n = codes.size));
    }
    return n;
  };
}

/**
 * The cells the needs need: per time, that time's region codes × every combination of
 * codes a need read then uses (needs that share cells count them once).
 */
export function neededCells(needs: readonly CellNeed[], regionsAt: CoverContext["regionsAt"]): number {
  const times = [...new Set(needs.flatMap((n) => n.times))];
  let total = 0;
  for (const t of times) {
    const combos = new Set<string>();
    for (const n of needs.filter((x) => x.times.includes(t))) for (const combo of combinations(n.select)) combos.add(combo);
    total += regionsAt([t]).length * combos.size;
  }
  return total;
}

/** Every combination of a cross product's codes, as one key each (dimensions in sorted order). */
function combinations(select: Readonly<Record<string, readonly string[]>>): string[] {
  let keys = [""];
  for (const dim of Object.keys(select).sort()) keys = keys.flatMap((k) => select[dim].map((c) => `${k}\u0000${dim}=${c}`));
  return keys;
}

const or = (a: Uint8Array, b: Uint8Array) => a.map((x, i) => x | b[i]);
const meet = (a: Uint8Array, b: Uint8Array) => a.some((x, i) => x && b[i]);

function union(a: Group, b: Group): Group {
  return {
    members: [...a.members, ...b.members].sort((x, y) => x - y),
    signature: a.signature,
    box: a.box.map((flags, d) => or(flags, b.box[d])),
    at: or(a.at, b.at),
  };
}

/** Whether two groups' cross products share a cell at a common time (same dimensions, a common code in each). */
function groupsMeet(a: Group, b: Group): boolean {
  if (a.signature !== b.signature || !meet(a.at, b.at)) return false;
  return a.box.every((flags, d) => !flags.some((x) => x) || meet(flags, b.box[d]));
}

/**
 * Merge groups that are slices of one cross product: the same dimensions, times and codes
 * in every dimension but one (functions 377 and 385, each × AGD2 × kroner per
 * inhabitant), when `cheaper` says the merged group costs no more. Such a merge fetches
 * no extra cell, so it needs no weighing against the others; it only spares the search.
 */
function mergeSlices(groups: Group[], cheaper: (merged: Group, parts: readonly Group[]) => boolean): Group[] {
  const key = (flags: Uint8Array) => flags.join("");
  let list = groups;
  for (let changed = true; changed; ) {
    changed = false;
    const dimensions = list[0]?.box.length ?? 0;
    for (let d = 0; d < dimensions && !changed; d++) {
      const slices = new Map<string, Group[]>();
      for (const g of list) {
        const k = [g.signature, key(g.at), ...g.box.map((flags, e) => (e === d ? "" : key(flags)))].join("|");
        slices.set(k, [...(slices.get(k) ?? []), g]);
      }
      for (const parts of slices.values()) {
        if (parts.length < 2) continue;
        const merged = parts.slice(1).reduce(union, parts[0]);
        if (!cheaper(merged, parts)) continue;
        list = [...list.filter((g) => !parts.includes(g)), merged];
        changed = true;
      }
    }
  }
  return list;
}

/**
 * Add `group` to `others` (no two of which meet), merging into it every group it meets,
 * until it meets none: the merged group last.
 */
function absorb(group: Group, others: readonly Group[]): Group[] {
  let merged = group;
  let rest = [...others];
  for (;;) {
    const k = rest.findIndex((g) => groupsMeet(g, merged));
    if (k < 0) return [...rest, merged];
    merged = union(merged, rest[k]);
    rest = rest.filter((_, i) => i !== k);
  }
}
