/**
 * Any municipality, other comparison groups: Hå (1119) against KOSTRA-gruppe 7 and Landet
 * uten Oslo, and against its own neighbours. Every number here is SYNTHETIC (hand-made
 * for the arithmetic), not SSB's.
 */
import { benchmark, defaultOptions } from "../../src/kostra/benchmark";
import { describeAveraging, describeProblem } from "../../src/kostra/describe";
import { KostraError } from "../../src/kostra/errors";
import type { BenchmarkOptions } from "../../src/kostra/types";
import { syntheticDataset, VALUES, YEAR } from "../support/groups-dataset";

const PEERS = ["time", "klepp", "1122", "Eigersund"];
const opts = (o: Partial<BenchmarkOptions> = {}): BenchmarkOptions => ({
  ...defaultOptions("plan-miljo-kultur", "1119", YEAR),
  comparisons: [],
  ...o,
});

describe("Hå against KOSTRA-gruppe 7 (published) with Landet uten Oslo as reference", () => {
  const p = benchmark(syntheticDataset(), opts({ network: "none", base: "EKG07", references: ["eakuo", "EAK"] }));

  it("takes the average from the published group value: index = value / published × 100", () => {
    expect(p.focal).toEqual({ id: "ha", code: "1119", name: "Hå" });
    expect(p.base).toEqual({ id: "ekg07", code: "EKG07", name: "KOSTRA-gruppe 7" });
    const kunst = p.rows[0];
    expect(kunst.average).toBe(150);
    expect(kunst.index).toBeCloseTo((120 / 150) * 100, 12);
    expect(p.rows[1].index).toBeCloseTo((300 / 250) * 100, 12);
    expect(kunst.problem).toBeNull();
    // No network: nothing to rank against.
    expect([kunst.n, kunst.of, kunst.lowest, kunst.rank]).toEqual([0, 0, null, 1]);
  });

  it("shows the references with their value and index against the base", () => {
    const [eakuo, eak] = p.rows[0].references;
    expect(eakuo.municipality).toEqual({ id: "eakuo", code: "EAKUO", name: "Landet uten Oslo" });
    expect(eakuo.value).toBe(200);
    expect(eakuo.index).toBeCloseTo((200 / 150) * 100, 12);
    expect(eak.index).toBeCloseTo((210 / 150) * 100, 12);
    expect(p.options.references).toEqual(["eakuo", "eak"]);
  });

  it("makes a missing published value a clear per-row problem, never 0", () => {
    const bib = p.rows[2];
    expect(bib.value).toBe(250);
    expect(bib.average).toBeNull();
    expect(bib.index).toBeNull();
    expect(bib.problem).toEqual({ code: "base-missing", base: p.base, status: ".." });
    expect(bib.references[0].index).toBeNull();
    expect(describeProblem(bib.problem!, "nb")).toBe("SSB har ikke publisert tall for KOSTRA-gruppe 7 (mangler data) – snitt og indeks kan ikke beregnes.");
    expect(describeProblem(bib.problem!, "en")).toMatch(/^SSB has published no figure for KOSTRA group 7/);
  });

  it("says on the sheet that the average is the published group figure", () => {
    expect(describeAveraging(p, "nb")).toBe("Snitt = KOSTRA-gruppe 7 (publisert av SSB) = 100");
    expect(describeAveraging(p, "en")).toBe("Average = KOSTRA group 7 (published by SSB) = 100");
  });
});

describe("Hå against its own peers", () => {
  it("averages the custom peers (simple and population-weighted) and ranks among them", () => {
    const p = benchmark(syntheticDataset(), opts({ network: "custom", peers: PEERS, average: "simple" }));
    expect(p.network.id).toBe("custom");
    expect(p.members.map((m) => m.code)).toEqual(["1121", "1120", "1122", "1101"]);
    expect(p.focalInNetwork).toBe(false);
    expect(p.options.peers).toEqual(["time", "klepp", "gjesdal", "eigersund"]);
    const kunst = p.rows[0];
    expect(kunst.average).toBeCloseTo((100 + 80 + 60 + 140) / 4, 12);
    expect(kunst.index).toBeCloseTo((120 / 95) * 100, 12);
    expect(kunst.lowest).toMatchObject({ value: 60, municipality: { id: "gjesdal" } });
    expect(kunst.highest).toMatchObject({ value: 140, municipality: { id: "eigersund" } });
    expect([kunst.rank, kunst.rankOf]).toEqual([2, 5]);
    // Klepp has no bibliotek figure: the average is over three.
    expect(p.rows[2].n).toBe(3);
    expect(p.rows[2].average).toBeCloseTo(200, 12);
    expect(describeAveraging(p, "nb")).toBe("Snitt: uvektet, 4 egne sammenligningskommuner, Hå er ikke i utvalget");

    const w = benchmark(syntheticDataset(), opts({ network: "custom", peers: PEERS, average: "weighted" }));
    const expected = (100 * 19500 + 80 * 19800 + 60 * 12000 + 140 * 15000) / (19500 + 19800 + 12000 + 15000);
    expect(w.rows[0].average).toBeCloseTo(expected, 10);
    // As KS (the default) kroner per inhabitant are weighted by population too.
    const asKs = benchmark(syntheticDataset(), opts({ network: "custom", peers: PEERS }));
    expect(asKs.options.average).toBe("indicator");
    expect(asKs.rows[0].average).toBeCloseTo(expected, 10);
  });

  it("uses the published base for 100 but keeps lowest, highest, n and rank over the peers", () => {
    const p = benchmark(syntheticDataset(), opts({ network: "custom", peers: PEERS, base: "ekg07", references: ["eakuo"], average: "simple" }));
    const kunst = p.rows[0];
    expect(kunst.average).toBe(150);
    expect(kunst.networkAverage).toBeCloseTo(95, 12);
    expect(kunst.n).toBe(4);
    expect(kunst.highest).toMatchObject({ value: 140, index: (140 / 150) * 100 });
    expect(kunst.lowest?.index).toBeCloseTo(40, 12);
    expect(kunst.rank).toBe(2);
    expect(describeAveraging(p, "nb")).toBe(
      "Snitt = KOSTRA-gruppe 7 (publisert av SSB) = 100; laveste, høyeste og rang blant 4 egne sammenligningskommuner (Hå er ikke i utvalget)",
    );
  });

  it("counts a peer only in the years it existed", () => {
    const data = syntheticDataset();
    const p = benchmark(data, opts({ network: "custom", peers: ["time", "forsand"] }));
    expect(p.members.map((m) => m.id)).toEqual(["time"]);
  });

  it("keeps ASSS as before, with a published base on request", () => {
    const asss = benchmark(syntheticDataset({ ...VALUES, oslo: [100, 100, 100], bergen: [300, 300, 300] }), opts({ focal: "bergen", network: "asss", base: "eakuo", average: "simple" }));
    expect(asss.network.id).toBe("asss");
    expect(asss.rows[0].average).toBe(200);
    expect(asss.rows[0].index).toBeCloseTo(150, 12);
    expect(asss.rows[0].networkAverage).toBeCloseTo(200, 12);
    expect(asss.rows[0].n).toBe(2);
  });
});

describe("errors name what is wrong, in both languages", () => {
  const err = (o: Partial<BenchmarkOptions>): KostraError => {
    try {
      benchmark(syntheticDataset(), opts(o));
    } catch (e) {
      if (e instanceof KostraError) return e;
      throw e;
    }
    throw new Error("expected a KostraError");
  };

  it.each<[string, Partial<BenchmarkOptions>, RegExp, RegExp]>([
    ["an unknown peer", { network: "custom", peers: ["time", "Atlantis"] }, /^Sammenligningskommune: fant ingen kommune «Atlantis»\. Oppgi et kommunenummer/, /^Peer municipality: found no municipality "Atlantis"\. Give a municipality number/],
    // The same near misses as the municipality search gives the focal municipality.
    ["a misspelt peer", { network: "custom", peers: ["time", "Barum"] }, /^Sammenligningskommune: fant ingen kommune «Barum»\. Mente du Bærum\?$/, /^Peer municipality: found no municipality "Barum"\. Did you mean Bærum\?$/],
    // A name two municipalities share is never guessed.
    ["a peer name two municipalities share", { network: "custom", peers: ["Herøy"] }, /^Sammenligningskommune: «Herøy» kan være Herøy \(Møre og Romsdal\) eller Herøy \(Nordland\)/, /^Peer municipality: "Herøy" may be Herøy \(Møre og Romsdal\) or Herøy \(Nordland\)/],
    ["a misspelt comparison", { comparisons: ["Tormsø"] }, /Fant ingen kommune «Tormsø»\. Mente du Tromsø\?/, /Did you mean Tromsø\?/],
    ["an aggregate as peer", { network: "custom", peers: ["EAKUO"] }, /«Landet uten Oslo» er et snitt publisert av SSB, ikke en kommune/, /not a municipality/],
    ["an aggregate as comparison", { comparisons: ["ekg07"] }, /«KOSTRA-gruppe 7» er et snitt/, /"KOSTRA group 7" is an average published by SSB.*not as a peer/],
    ["an empty peer list", { network: "custom", peers: [] }, /listen er tom/, /list is empty/],
    ["a base that is not an aggregate", { base: "time" }, /«time» kan ikke brukes som snitt \(base\)/, /cannot be used as the base/],
    ["a reference that is not an aggregate", { base: "eak", references: ["0301"] }, /kan ikke brukes som referanse/, /as a reference/],
    ["no network and no base", { network: "none" }, /Uten nettverk må snittet/, /Without a network/],
    ["an aggregate as focal", { focal: "EAK" }, /kan ikke være kommunen som sammenlignes/, /cannot be the municipality benchmarked/],
    ["an unknown network", { network: "kostra" }, /Ukjent nettverk: «kostra».*asss, custom, none/, /Unknown network/],
  ])("%s", (_, o, nb, en) => {
    const e = err(o);
    expect(e.messageIn("nb")).toMatch(nb);
    expect(e.messageIn("en")).toMatch(en);
  });

  it("a KOSTRA group that did not exist that year (EKG17 before 2020)", () => {
    const data = syntheticDataset();
    const old = { ...data, observations: data.observations.map((o) => ({ ...o, year: 2019 })) };
    expect(() => benchmark(old, { ...opts(), year: 2019, network: "none", base: "ekg17" })).toThrow(/SSB publishes no KOSTRA group 17 for 2019/);
  });
});
