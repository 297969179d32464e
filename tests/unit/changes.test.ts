/**
 * What changed between two loads (src/kostra/changes.ts): revised, published and withdrawn
 * figures with both vintages, and the profile rows whose index moved. Worked by hand from
 * the engine's rule (index = value ÷ network average × 100, a simple average over the
 * members). All figures SYNTHETIC.
 */
import { figureChanges, indexMoves } from "../../src/kostra/changes";
import type { BenchmarkOptions, Dataset, Observation } from "../../src/kostra/types";

const MARCH = { source: "ssb" as const, table: "12362", query: "GET …", fetchedAt: "2026-03-15T09:00:00Z", updated: "2026-03-15T07:00:00Z" };
const JUNE = { ...MARCH, fetchedAt: "2026-06-15T09:00:00Z", updated: "2026-06-15T06:00:00Z" };
const CODES: Record<string, string> = { baerum: "3024", asker: "3025", drammen: "3005", fredrikstad: "3004" };

const obs = (indicator: string, municipality: string, year: number, value: number | null, status?: string): Observation => ({
  indicator,
  municipality,
  year,
  code: CODES[municipality],
  value,
  ...(status ? { status } : {}),
  provenance: 0,
});
const dataset = (provenance: typeof MARCH, observations: Observation[]): Dataset => ({ observations, provenance: [provenance] });

describe("figureChanges", () => {
  const before = dataset(MARCH, [
    obs("kunstformidling", "baerum", 2024, 100),
    obs("kunstformidling", "asker", 2024, 150),
    obs("kunstformidling", "drammen", 2024, 50),
    obs("bibliotek", "baerum", 2024, null, ".."),
    obs("bibliotek", "asker", 2024, 300),
    obs("museer", "drammen", 2024, 12.5),
  ]);
  const after = dataset(JUNE, [
    obs("kunstformidling", "baerum", 2024, 100),
    obs("kunstformidling", "asker", 2024, 150.0000000000001), // the same figure, read another way
    obs("kunstformidling", "drammen", 2024, 80),
    obs("bibliotek", "baerum", 2024, 410),
    obs("bibliotek", "asker", 2024, null, ":"),
    obs("museer", "fredrikstad", 2024, 7),
  ]);

  it("names revised, published and withdrawn figures, with both vintages; unchanged ones are not changes", () => {
    expect(figureChanges(before, after)).toEqual([
      // Asker's bibliotek: a number in March, confidential in June.
      { kind: "withdrawn", indicator: "bibliotek", municipality: "asker", year: 2024, before: 300, after: null, change: null, afterStatus: ":", beforeUpdated: MARCH.updated, afterUpdated: JUNE.updated },
      // Bærum's bibliotek: ".." in March, 410 in June.
      { kind: "published", indicator: "bibliotek", municipality: "baerum", year: 2024, before: null, after: 410, change: null, beforeStatus: "..", beforeUpdated: MARCH.updated, afterUpdated: JUNE.updated },
      // Drammen's kunstformidling: 50 → 80, +30.
      { kind: "revised", indicator: "kunstformidling", municipality: "drammen", year: 2024, before: 50, after: 80, change: 30, beforeUpdated: MARCH.updated, afterUpdated: JUNE.updated },
      // Drammen's museer is absent in June, Fredrikstad's absent in March.
      { kind: "withdrawn", indicator: "museer", municipality: "drammen", year: 2024, before: 12.5, after: null, change: null, beforeUpdated: MARCH.updated },
      { kind: "published", indicator: "museer", municipality: "fredrikstad", year: 2024, before: null, after: 7, change: null, afterUpdated: JUNE.updated },
    ]);
  });

  it("compares only what `only` lets through: a figure outside a load's request is not withdrawn", () => {
    expect(figureChanges(before, after, (o) => o.indicator === "kunstformidling").map((c) => [c.kind, c.municipality, c.change])).toEqual([["revised", "drammen", 30]]);
  });

  it("finds nothing between a load and itself", () => {
    expect(figureChanges(before, before)).toEqual([]);
  });
});

describe("indexMoves", () => {
  // A custom network of Asker and Drammen (Bærum is compared with it, not a member of it), simple average.
  const options: BenchmarkOptions = { sector: "plan-miljo-kultur", focal: "baerum", year: 2024, network: "custom", peers: ["asker", "drammen"], comparisons: [], average: "simple", includeOslo: true, includeFocal: true };
  const march = dataset(MARCH, [obs("kunstformidling", "baerum", 2024, 100), obs("kunstformidling", "asker", 2024, 150), obs("kunstformidling", "drammen", 2024, 50), obs("bibliotek", "baerum", 2024, 200), obs("bibliotek", "asker", 2024, 200), obs("bibliotek", "drammen", 2024, 200)]);
  // June: Drammen's kunstformidling revised 50 → 80 (Bærum's own figure unchanged); bibliotek 200 → 203 for Asker.
  const june = dataset(JUNE, [obs("kunstformidling", "baerum", 2024, 100), obs("kunstformidling", "asker", 2024, 150), obs("kunstformidling", "drammen", 2024, 80), obs("bibliotek", "baerum", 2024, 200), obs("bibliotek", "asker", 2024, 203), obs("bibliotek", "drammen", 2024, 200)]);

  it("moves Bærum's index when another member's figure is revised, and marks what moved more than the threshold", () => {
    const moves = indexMoves(march, june, options, 5);
    // kunstformidling: average (150 + 50) / 2 = 100 → index 100 / 100 × 100 = 100; then (150 + 80) / 2 = 115 → 100 / 115 × 100 = 86.956…
    const kunst = moves.find((m) => m.indicator === "kunstformidling")!;
    expect(kunst.before).toBeCloseTo(100, 9);
    expect(kunst.after).toBeCloseTo((100 / 115) * 100, 9);
    expect(kunst.points).toBeCloseTo((100 / 115) * 100 - 100, 9);
    expect(kunst.beyond).toBe(true);
    // bibliotek: 200 / 200 × 100 = 100 → 200 / ((203 + 200) / 2) × 100 = 99.255…: moved 0.74 points, within 5.
    const bib = moves.find((m) => m.indicator === "bibliotek")!;
    expect(bib.after).toBeCloseTo((200 / 201.5) * 100, 9);
    expect(bib.beyond).toBe(false);
    // Nothing else moved.
    expect(moves.map((m) => m.indicator).sort()).toEqual(["bibliotek", "kunstformidling"]);
  });
});
