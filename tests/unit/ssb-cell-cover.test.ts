/**
 * The SSB planner asks for the cells a load needs: requested against needed cells for the
 * whole catalog and every municipality, and, for random loads, every needed cell asked
 * for by exactly one request that holds the indicator's whole series, no request over the
 * cell limit, and no code asked for a year no indicator reads it.
 *
 * "Needed" is computed here from the catalog on its own terms (each indicator's series
 * for each year, the region code each municipality had at SSB's time, the amount beside
 * a per-capita figure for a weighted average), not by the planner's code.
 */
import fc from "fast-check";
import { indicatorsToFetch, INDICATORS, POPULATION_INDICATOR, SECTOR_TEMPLATES, templateIndicators, weightIndicators } from "../../src/kostra/catalog";
import { codeForYear, MUNICIPALITIES } from "../../src/kostra/municipalities";
import { selectorForYear, ssbTimeOf } from "../../src/kostra/series";
import type { Indicator } from "../../src/kostra/types";
import { coverCells, REQUEST_COST_CELLS, type CellNeed } from "../../src/sources/ssb/cell-cover";
import { planCells, planLoad, type LoadPlan, type LoadRequest } from "../../src/sources/ssb/planner";

const ctx = { baseUrl: "https://data.ssb.no/api/pxwebapi/v2", lang: "no" as const, maxDataCells: 800_000 };
const years = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const allTemplates = [...new Map(SECTOR_TEMPLATES.flatMap((t) => templateIndicators(t)).map((i) => [i.id, i])).values()];
const PER_CAPITA = "KOSbelopinnbygge0000";
const AMOUNT = "KOSbelop0000";

/** One indicator's series in one year: its table, SSB time, codes and the regions it is read for. */
interface Need {
  indicator: string;
  table: string;
  regionDim: string;
  timeDim: string;
  time: string;
  select: Record<string, string[]>;
  regions: string[];
}

/** What a load must get: each indicator's series per year, as the catalog defines it. */
function needsOf(request: LoadRequest, indicators: readonly Indicator[]): Need[] {
  const needs: Need[] = [];
  for (const ind of indicators)
    for (const y of request.years) {
      const ssb = selectorForYear(ind, y);
      if (!ssb || ssb.table === null) continue;
      const select = Object.fromEntries(Object.entries(ssb.select).map(([d, c]) => [d, [...c]]));
      // A weighted average divides by the population KOSTRA used: the amount beside kroner per inhabitant, in the same answer.
      if (request.weighted && select.ContentsCode?.includes(PER_CAPITA)) select.ContentsCode.push(AMOUNT);
      const time = ssbTimeOf(ssb, y);
      const regions = [...new Set(request.municipalities.map((m) => codeForYear(m, time)).filter((c): c is string => c !== undefined))];
      needs.push({ indicator: ind.id, table: ssb.table, regionDim: ssb.regionDimension, timeDim: ssb.timeDimension, time: String(time), select, regions });
    }
  return needs;
}

const combos = (select: Record<string, string[]>) => Object.values(select).reduce((n, c) => n * c.length, 1);

/** Needed cells per table: per time, the region codes × the distinct code combinations read then. */
function neededPerTable(needs: readonly Need[]): Map<string, number> {
  const perTime = new Map<string, { regions: number; combos: Set<string> }>();
  for (const n of needs) {
    const key = `${n.table}|${n.time}`;
    const entry = perTime.get(key) ?? { regions: n.regions.length, combos: new Set<string>() };
    let keys = [""];
    for (const dim of Object.keys(n.select).sort()) keys = keys.flatMap((k) => n.select[dim].map((c) => `${k}|${dim}=${c}`));
    for (const k of keys) entry.combos.add(k);
    perTime.set(key, entry);
  }
  const total = new Map<string, number>();
  for (const [key, e] of perTime) total.set(key.split("|")[0], (total.get(key.split("|")[0]) ?? 0) + e.regions * e.combos.size);
  return total;
}

/** Whether two requests of a table share a cell: the same dimensions and a common code in each. */
function share(a: Record<string, string[]>, b: Record<string, string[]>): boolean {
  const dims = Object.keys(a);
  if (dims.length !== Object.keys(b).length || !dims.every((d) => d in b)) return false;
  return dims.every((d) => a[d].some((c) => b[d].includes(c)));
}

/**
 * The plan's promises for `needs`: each need's cells, per region, in exactly one request,
 * which holds its whole series and names its indicator; no two requests share a cell; none
 * over the limit; no code asked at a time no need of the load reads it (`reads`: the
 * codes each table's needs read per time, with what the planner may add beside them).
 */
function checkPlan(plan: LoadPlan, needs: readonly Need[], reads: readonly Need[], maxCells: number): void {
  const queries = plan.queries;
  for (const q of queries) expect(q.cells).toBeLessThanOrEqual(maxCells);
  for (let a = 0; a < queries.length; a++)
    for (let b = a + 1; b < queries.length; b++)
      if (queries[a].query.table === queries[b].query.table) expect([a, b, share(queries[a].query.selection, queries[b].query.selection)]).toEqual([a, b, false]);

  const sets = queries.map((q) => new Map(Object.entries(q.query.selection).map(([d, codes]) => [d, new Set(codes)])));
  for (const n of needs) {
    const holders = queries
      .map((q, k) => ({ q, s: sets[k] }))
      .filter(({ q, s }) => q.query.table === n.table && s.get(n.timeDim)?.has(n.time) && Object.entries(n.select).every(([d, codes]) => codes.every((c) => s.get(d)?.has(c))));
    for (const r of n.regions) {
      const holding = holders.filter(({ s }) => s.get(n.regionDim)!.has(r));
      if (holding.length !== 1) expect([n.indicator, n.time, r, holding.length]).toEqual([n.indicator, n.time, r, 1]);
    }
    for (const { q } of holders) expect(q.indicators).toContain(n.indicator);
  }

  const read = new Set(reads.flatMap((n) => Object.entries(n.select).flatMap(([d, codes]) => codes.map((c) => `${n.table}|${n.time}|${d}|${c}`))));
  for (const q of queries) {
    const timeDim = Object.keys(q.query.selection).pop()!;
    const regionDim = Object.keys(q.query.selection)[0];
    for (const t of q.query.selection[timeDim])
      for (const [d, codes] of Object.entries(q.query.selection))
        if (d !== timeDim && d !== regionDim) for (const c of codes) expect([q.query.table, t, d, c, read.has(`${q.query.table}|${t}|${d}|${c}`)]).toEqual([q.query.table, t, d, c, true]);
  }
}

/** What a load may read: its indicators' series and, for weights, population in every year; the amounts for back series. */
function readsOf(request: LoadRequest): Need[] {
  const weights = request.weighted || request.backSeries === true;
  const indicators = indicatorsToFetch(request.indicators, weights);
  const pop = weights && weightIndicators(request.indicators).some((w) => w.id === POPULATION_INDICATOR) ? INDICATORS.filter((i) => i.id === POPULATION_INDICATOR) : [];
  const reads = needsOf(request, [...indicators, ...pop]);
  if (request.backSeries)
    for (const ind of indicators)
      for (const n of needsOf(request, [ind]))
        for (const [d, codes] of Object.entries(ind.amount?.select ?? {})) reads.push({ ...n, select: { ...n.select, [d]: [...codes] } });
  return reads;
}

describe("cells requested against cells needed: every template, every municipality, 2015–2024", () => {
  it.each([
    ["a simple average", false],
    ["a weighted average", true],
  ])("with %s, 12362 asks at most 1.5× the cells it needs in at most 6 requests, every table together at most 1.4× in at most 25, each needed cell once", (_, weighted) => {
    const request: LoadRequest = { indicators: allTemplates, municipalities: MUNICIPALITIES, years: years(2015, 2024), weighted };
    const needs = needsOf(request, indicatorsToFetch(request.indicators, weighted));
    const needed = neededPerTable(needs);
    const plan = planLoad(request, ctx);
    const requested = (table?: string) => plan.queries.filter((q) => table === undefined || q.query.table === table).reduce((n, q) => n + q.cells, 0);
    const requests = (table?: string) => plan.queries.filter((q) => table === undefined || q.query.table === table).length;
    const neededAll = [...needed.values()].reduce((a, b) => a + b, 0);

    // The full cross product asked 12362 for 2.45 million cells, 7.5× the 326 thousand a simple average needs.
    expect(needed.get("12362")).toBeGreaterThan(300_000);
    expect(requested("12362") / needed.get("12362")!).toBeLessThanOrEqual(1.5);
    expect(requests("12362")).toBeLessThanOrEqual(6);
    expect(requested() / neededAll).toBeLessThanOrEqual(1.4);
    expect(requests()).toBeLessThanOrEqual(25);
    // The benchmark's count agrees with the catalog's own.
    const counted = planCells(request, ctx);
    for (const row of counted) expect([row.table, row.needed]).toEqual([row.table, needed.get(row.table) ?? row.needed]);
    expect(counted.reduce((n, r) => n + r.requested, 0)).toBe(requested());
    expect(counted.reduce((n, r) => n + r.requests, 0)).toBe(requests());

    checkPlan(plan, needs, readsOf(request), ctx.maxDataCells);
  });
});

describe("every needed cell asked for exactly once, for random loads", () => {
  const withTable = INDICATORS.filter((i) => selectorForYear(i, 2024)?.table || selectorForYear(i, 2016)?.table);
  const load = fc.record({
    indicators: fc.subarray(withTable, { minLength: 1, maxLength: 40 }),
    municipalities: fc.oneof({ arbitrary: fc.subarray([...MUNICIPALITIES], { minLength: 1, maxLength: 30 }), weight: 5 }, { arbitrary: fc.constant([...MUNICIPALITIES]), weight: 1 }),
    years: fc.subarray(years(2015, 2024), { minLength: 1 }),
    weighted: fc.boolean(),
    backSeries: fc.boolean(),
    maxDataCells: fc.oneof(fc.constant(800_000), fc.integer({ min: 1_000, max: 200_000 })),
    requestCost: fc.option(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1_000_000 })), { nil: undefined }),
  });

  it("holds each indicator's whole series in one request per region and year, never two requests for a cell, none over the limit, no code in a year nobody reads it", () => {
    fc.assert(
      // (A whole country's back series is left to the counting test's size: its structures take seconds to work out.)
      fc.property(load, (l) => {
        fc.pre(!(l.backSeries && l.municipalities.length > 30));
        const request: LoadRequest = { indicators: l.indicators, municipalities: l.municipalities, years: l.years, weighted: l.weighted, backSeries: l.backSeries };
        const plan = planLoad(request, { ...ctx, maxDataCells: l.maxDataCells, requestCost: l.requestCost });
        checkPlan(plan, needsOf(request, indicatorsToFetch(request.indicators, l.weighted || l.backSeries)), readsOf(request), l.maxDataCells);
      }),
      { numRuns: 40, seed: 20261205 },
    );
  });
});

describe("covering a table's needs", () => {
  const regions: Record<number, string[]> = { 2019: ["a", "b", "c", "d"], 2020: ["A", "B"], 2021: ["A", "B"] };
  const cover = (needs: CellNeed[], requestCost?: number, maxCells = 800_000) =>
    coverCells(needs, {
      regionsAt: (times) => [...new Set(times.flatMap((t) => regions[t]))],
      maxCells,
      requestCost,
      regionDimension: "R",
      timeDimension: "T",
    });
  const need = (id: string, f: string[], a: string[], times = [2019, 2020, 2021]): CellNeed => ({ ids: [id], select: { F: f, A: a }, times });

  it("asks slices of one cross product in one request, whatever a request costs", () => {
    for (const cost of [0, 1, REQUEST_COST_CELLS])
      expect(cover([need("x", ["1"], ["p"], [2020, 2021]), need("y", ["2"], ["p"], [2020, 2021])], cost)).toEqual([
        { select: { F: ["1", "2"], A: ["p"] }, times: [2020, 2021], regions: ["A", "B"], ids: ["x", "y"] },
      ]);
  });

  it("fetches exactly the needed cells when a request costs nothing, and the fewest requests when a request costs more than any over-fetch", () => {
    const needs = [need("x", ["1"], ["p"]), need("y", ["2"], ["q"]), need("z", ["3"], ["p", "q"])];
    const cells = (reqs: ReturnType<typeof cover>) => reqs.reduce((n, r) => n + r.regions.length * r.times.length * combos(r.select), 0);
    // Needed: x and y one combination each, z two, over 2019 (4 regions) and 2020–2021 (2 regions each).
    const needed = (1 + 1 + 2) * (4 + 2 + 2);
    expect(cells(cover(needs, 0))).toBe(needed);
    const few = cover(needs, 1e9);
    expect(few).toHaveLength(1);
    // One request: 3 functions × 2 arts × 6 codes (both years' regions) × 3 years.
    expect(cells(few)).toBe(3 * 2 * 6 * 3);
  });

  it("keeps needs that share a cell in one request, and needs of other dimensions apart", () => {
    const reqs = cover([need("x", ["1", "2"], ["p"]), need("y", ["2"], ["p", "q"]), { ids: ["w"], select: { F: ["1"] }, times: [2020] }], 0);
    const holding = (id: string) => reqs.filter((r) => r.ids.includes(id));
    expect(holding("x").map((r) => r.times)).toEqual(holding("y").map((r) => r.times));
    for (const r of holding("x")) expect(r.select).toEqual({ F: ["1", "2"], A: ["p", "q"] });
    expect(holding("w")).toEqual([{ select: { F: ["1"] }, times: [2020], regions: ["A", "B"], ids: ["w"] }]);
  });

  it("never asks a code at a time no need reads it, even when one request would be cheaper", () => {
    const reqs = cover([need("x", ["1"], ["p"]), need("old", ["9"], ["p"], [2019])], 1e9);
    for (const r of reqs) if (r.select.F.includes("9")) expect(r.times).toEqual([2019]);
    expect(reqs.flatMap((r) => r.times).sort()).toEqual([2019, 2020, 2021]);
  });

  it("splits the years where the region codes change when that saves more cells than a request is worth", () => {
    const wide = Array.from({ length: 40 }, (_, i) => String(i));
    // 40 functions: one request asks 2019's 4 codes and 2020–2021's 2 for all 3 years (6 × 3 × 40 = 720 cells),
    // two ask what is needed, (4 + 2 × 2) × 40 = 320: one request is worth it when a request costs more than 400 cells.
    expect(cover([need("x", wide, ["p"])], 300).map((r) => r.times)).toEqual([[2019], [2020, 2021]]);
    expect(cover([need("x", wide, ["p"])], 500).map((r) => r.times)).toEqual([[2019, 2020, 2021]]);
  });

  it("counts a request over the cell limit as the requests it is split into", () => {
    const wide = Array.from({ length: 40 }, (_, i) => String(i));
    // In one request: 720 cells, over a limit of 400, so split in two anyway; the years' own runs need no more requests and fewer cells.
    expect(cover([need("x", wide, ["p"])], 1e6, 400).map((r) => r.times)).toEqual([[2019], [2020, 2021]]);
  });

  it("gives the same requests for the same needs", () => {
    const needs = [need("x", ["1"], ["p"]), need("y", ["2"], ["q"]), need("z", ["3"], ["p", "q"], [2020, 2021])];
    expect(cover(needs)).toEqual(cover(needs.map((n) => ({ ...n }))));
  });
});
