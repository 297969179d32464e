import { benchmark, defaultOptions, indexOf, rankOf } from "../../src/kostra/benchmark";
import { describeAveraging } from "../../src/kostra/describe";
import { KostraError } from "../../src/kostra/errors";
import { municipalityById, codeForYear } from "../../src/kostra/municipalities";
import type { BenchmarkOptions, Dataset, Observation } from "../../src/kostra/types";
import { sampleDataset } from "../../src/sources/sample";
import { atSeedPrecision, SEED_2017 } from "../support/seed-tables";

/** The seed's tables are simple means over the members: `--average simple`. */
const simpleOptions = (...args: Parameters<typeof defaultOptions>) => ({ ...defaultOptions(...args), average: "simple" as const });


describe("the sample reproduces the reference document's 2017 profiles for Bærum", () => {
  for (const [sector, rows] of Object.entries(SEED_2017)) {
    for (const focal of ["0219", "3024", "3201"]) {
      it(`${sector} with code ${focal}`, () => {
        const p = benchmark(sampleDataset(), simpleOptions(sector, focal, 2017));
        expect(p.focal).toEqual({ id: "baerum", code: "0219", name: "Bærum" });
        expect(p.rows.map((r) => [r.value, r.average, r.lowest?.value, r.highest?.value, r.comparisons[0].value].map(atSeedPrecision))).toEqual(rows);
        for (const r of p.rows) {
          expect(r.n).toBe(10);
          expect(r.index).toBeCloseTo((r.value! / r.average!) * 100, 10);
          expect(r.highest!.index).toBeCloseTo((r.highest!.value / r.average!) * 100, 10);
          expect(r.comparisons[0].municipality.name).toBe("Asker");
        }
      });
    }
  }

  it("gives kunstformidling index 141/277×100 and a correct bibliotek highest index (127, not the 138 drawn by hand)", () => {
    const p = benchmark(sampleDataset(), simpleOptions("plan-miljo-kultur", "0219", 2017));
    expect(p.rows[0].index).toBeCloseTo(50.90252707581227, 10);
    expect(Math.round(p.rows[2].highest!.index!)).toBe(127);
  });

  it("labels every sample figure as synthetic in its provenance", () => {
    const p = benchmark(sampleDataset(), simpleOptions("plan-miljo-kultur", "0219", 2017));
    expect(p.provenance).toHaveLength(1);
    expect(p.provenance[0].synthetic).toBe(true);
  });
});

// A small hand-made dataset (synthetic) for the edge cases.
const YEAR = 2017;
function dataset(values: Record<string, (number | null)[]>, population?: Record<string, number>, status: Record<string, string> = {}): Dataset {
  const observations: Observation[] = [];
  for (const [m, vals] of Object.entries(values)) {
    const code = codeForYear(municipalityById(m)!, YEAR)!;
    vals.forEach((v, i) => {
      const indicator = ["kunstformidling", "andre-kulturaktiviteter"][i];
      observations.push({ indicator, municipality: m, year: YEAR, code, value: v, ...(v === null ? { status: status[m] ?? ".." } : {}), provenance: 0 });
    });
  }
  for (const [m, p] of Object.entries(population ?? {})) {
    observations.push({ indicator: "folkemengde", municipality: m, year: YEAR, code: codeForYear(municipalityById(m)!, YEAR)!, value: p, provenance: 0 });
  }
  return { observations, provenance: [{ source: "sample", synthetic: true }] };
}
const TEN = ["bergen", "baerum", "drammen", "fredrikstad", "kristiansand", "oslo", "sandnes", "stavanger", "tromso", "trondheim"];
const opts = (o: Partial<BenchmarkOptions> = {}): BenchmarkOptions => ({ ...simpleOptions("plan-miljo-kultur", "baerum", YEAR), ...o });
const uniform = (f: (m: string, i: number) => number | null) => Object.fromEntries(TEN.map((m, i) => [m, [f(m, i), 10]]));

describe("benchmark edge cases", () => {
  it("averages simply over members with data; a null is never 0 and keeps its symbol", () => {
    const vals = uniform((_, i) => (i + 1) * 10); // 10..100, Bærum = 20
    vals.tromso = [null, 10];
    const p = benchmark(dataset(vals, undefined, { tromso: ":" }), opts());
    const row = p.rows[0];
    const expected = (10 + 20 + 30 + 40 + 50 + 60 + 70 + 80 + 100) / 9;
    expect(row.average).toBeCloseTo(expected, 12);
    expect(row.n).toBe(9);
    expect(row.of).toBe(10);
    expect(row.lowest?.value).toBe(10);
    expect(row.missing).toEqual([{ municipality: { id: "tromso", code: "1902", name: "Tromsø" }, status: ":" }]);
  });

  it("weights by population: Σ(value×population) / Σpopulation", () => {
    const vals = uniform((m) => (m === "oslo" ? 300 : 100));
    const pop = Object.fromEntries(TEN.map((m) => [m, m === "oslo" ? 600000 : 100000]));
    const p = benchmark(dataset(vals, pop), opts({ average: "weighted" }));
    expect(p.rows[0].average).toBeCloseTo((300 * 600000 + 100 * 900000) / 1500000, 12);
    const simple = benchmark(dataset(vals, pop), opts({ average: "simple" }));
    expect(simple.rows[0].average).toBeCloseTo(120, 12);
  });

  it("leaves a member without a weight out of a weighted average and says so when no weights exist", () => {
    const vals = uniform(() => 100);
    const pop = Object.fromEntries(TEN.filter((m) => m !== "bergen").map((m) => [m, 1000]));
    const p = benchmark(dataset(vals, pop), opts({ average: "weighted" }));
    expect(p.rows[0].n).toBe(9);
    const none = benchmark(dataset(vals), opts({ average: "weighted" }));
    expect(none.rows[0].average).toBeNull();
    expect(none.rows[0].problem).toEqual({ code: "no-weights", weight: "folkemengde" });
    expect(none.rows[0].index).toBeNull();
  });

  it("can exclude Oslo and the focal municipality from the averaging set", () => {
    const vals = uniform((m) => (m === "oslo" ? 1000 : m === "baerum" ? 10 : 100));
    const all = benchmark(dataset(vals), opts());
    expect(all.rows[0].average).toBeCloseTo((1000 + 10 + 800) / 10, 12);
    const noOslo = benchmark(dataset(vals), opts({ includeOslo: false }));
    expect(noOslo.averagingSet.map((m) => m.id)).not.toContain("oslo");
    expect(noOslo.rows[0].average).toBeCloseTo((10 + 800) / 9, 12);
    // Oslo is left out of the average, not out of the range: KS shows the range across the network.
    expect(noOslo.rows[0].highest).toMatchObject({ value: 1000, municipality: { id: "oslo" } });
    const neither = benchmark(dataset(vals), opts({ includeOslo: false, includeFocal: false }));
    expect(neither.rows[0].average).toBe(100);
    expect(neither.rows[0].n).toBe(8);
    expect(neither.rows[0].index).toBeCloseTo(10, 12);
    expect(neither.rows[0].lowest).toMatchObject({ value: 10, municipality: { id: "baerum" } });
    // The focal municipality is ranked among all ten members: Oslo first, eight at 100 share 2nd, Bærum 10th.
    expect(neither.rows[0].rank).toBe(10);
    expect(neither.rows[0].rankOf).toBe(10);
  });

  it("benchmarks a focal municipality outside the network (Asker in 2017) against the members", () => {
    const vals = uniform(() => 100);
    vals.asker = [150, 10];
    const p = benchmark(dataset(vals), { ...opts(), focal: "asker", comparisons: [] });
    expect(p.focalInNetwork).toBe(false);
    expect(p.focal.code).toBe("0220");
    expect(p.rows[0].average).toBe(100);
    expect(p.rows[0].n).toBe(10);
    expect(p.rows[0].index).toBeCloseTo(150, 12);
    expect(p.rows[0].rank).toBe(1);
    expect(p.rows[0].rankOf).toBe(11);
    expect(p.rows[0].highest?.municipality.id).not.toBe("asker");
  });

  it("shares ranks between ties and picks the first member in network order for a tied extreme", () => {
    const vals = uniform((m) => (m === "baerum" || m === "oslo" || m === "bergen" ? 500 : m === "drammen" || m === "tromso" ? 5 : 100));
    const row = benchmark(dataset(vals), opts()).rows[0];
    expect(row.rank).toBe(1);
    expect(row.highest?.municipality.id).toBe("bergen");
    expect(row.lowest?.municipality.id).toBe("drammen");
    expect(rankOf(100, [500, 500, 500, 100, 100, 5])).toBe(4);
  });

  it("gives a reason, not NaN or Infinity, when the average is 0, negative or missing", () => {
    const zero = benchmark(dataset(uniform(() => 0)), opts()).rows[0];
    expect(zero.problem).toEqual({ code: "average-zero" });
    expect(zero.index).toBeNull();
    expect(zero.highest?.index).toBeNull();

    const neg = benchmark(dataset(uniform(() => -5)), opts()).rows[0];
    expect(neg.problem).toEqual({ code: "average-negative", average: -5 });
    expect(neg.index).toBeNull();

    const none = benchmark(dataset(uniform(() => null)), opts()).rows[0];
    expect(none.problem).toEqual({ code: "no-data" });
    expect(none.average).toBeNull();
    expect(none.lowest).toBeNull();
    expect(none.n).toBe(0);
    for (const r of [zero, neg, none]) expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
  });

  it("reports a missing focal value with its symbol and no rank", () => {
    const vals = uniform(() => 100);
    vals.baerum = [null, 10];
    const row = benchmark(dataset(vals, undefined, { baerum: "." }), opts()).rows[0];
    expect(row.value).toBeNull();
    expect(row.status).toBe(".");
    expect(row.problem).toEqual({ code: "focal-missing", status: "." });
    expect(row.rank).toBeNull();
    expect(row.n).toBe(9);
  });

  it("handles a network member that has no observations at all", () => {
    const vals = uniform(() => 100);
    delete vals.sandnes;
    const row = benchmark(dataset(vals), opts()).rows[0];
    expect(row.n).toBe(9);
    expect(row.missing.map((m) => m.municipality.id)).toEqual(["sandnes"]);
  });

  it("rejects unknown sectors, networks, municipalities and years without data with typed errors", () => {
    const ds = sampleDataset();
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as KostraError).code;
      }
      return "no error";
    };
    expect(code(() => benchmark(ds, opts({ sector: "nope" })))).toBe("unknown-sector");
    expect(code(() => benchmark(ds, opts({ network: "nope" })))).toBe("unknown-network");
    expect(code(() => benchmark(ds, opts({ focal: "9999" })))).toBe("unknown-municipality");
    expect(code(() => benchmark(ds, opts({ year: 2030 })))).toBe("no-data-for-year");
    expect(code(() => benchmark(ds, opts({ focal: "lillestrom" })))).toBe("municipality-not-in-year");
  });

  it("computes index only from a positive average", () => {
    expect(indexOf(50, 100)).toBe(50);
    expect(indexOf(null, 100)).toBeNull();
    expect(indexOf(50, 0)).toBeNull();
    expect(indexOf(50, -1)).toBeNull();
    expect(indexOf(50, null)).toBeNull();
  });
});

describe("wording", () => {
  it("names the template in the user's language when a year has no data", () => {
    try {
      benchmark(sampleDataset(), simpleOptions("plan-miljo-kultur", "0219", 2030));
      throw new Error("expected an error");
    } catch (e) {
      expect((e as KostraError).messageIn("en")).toMatch(/"Planning, environment and culture"/);
      expect((e as KostraError).messageIn("nb")).toMatch(/«Plan, miljø og kultur»/);
    }
  });

  it("marks a comparison municipality that did not exist that year with '.'", () => {
    const p = benchmark(sampleDataset(), { ...defaultOptions("plan-miljo-kultur", "0219", 2017), comparisons: ["lillestrom"] });
    expect(p.rows[0].comparisons[0]).toMatchObject({ value: null, status: ".", index: null });
  });

  it("says the focal municipality is not a member instead of 'included' when it is outside the network", () => {
    const asker = benchmark(sampleDataset(), { ...defaultOptions("plan-miljo-kultur", "asker", 2017), comparisons: [] });
    expect(describeAveraging(asker, "nb")).toBe("Snitt: som KS (vektet for 6 indikatorer), 10 kommuner, Oslo med, Asker er ikke medlem");
    const baerum = benchmark(sampleDataset(), { ...defaultOptions("plan-miljo-kultur", "baerum", 2017), includeOslo: false, average: "weighted" });
    expect(describeAveraging(baerum, "en")).toBe("Average: weighted, 9 municipalities, without Oslo, Bærum included; lowest, highest and rank among all 10");
  });
});

describe("a missing weight is named", () => {
  it("says which count is missing when a figure per place has no places to weight by", async () => {
    const { sampleDataset } = await import("../../src/sources/sample");
    const { indicatorFor } = await import("../../src/kostra/catalog");
    const { describeProblem } = await import("../../src/kostra/describe");
    const full = sampleDataset();
    const withoutPlaces = { ...full, observations: full.observations.filter((o) => o.indicator !== "institusjonsplasser") };
    const profile = benchmark(withoutPlaces, { ...defaultOptions("pleie-omsorg-0-66", "0219", 2017), average: "weighted" });
    const row = profile.rows.find((r) => r.indicator.id === "korr-brutto-per-plass-institusjon")!;
    expect(row.problem).toEqual({ code: "no-weights", weight: "institusjonsplasser" });
    expect(describeProblem(row.problem!, "nb")).toBe(`Mangler «${indicatorFor("institusjonsplasser")!.label.nb}» til vekting – bruk uvektet snitt eller hent dette tallet.`);
  });
});
