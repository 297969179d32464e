/**
 * A weighted average in the workbook: Σ(value × weight) / Σ(weight) over the members that
 * count — those with a value and a positive weight (src/kostra/benchmark.ts; KS weights
 * kroner per inhabitant by population, research/domain.md §1.3) — read from one row of
 * weights per weight and year (src/report/network-basis.ts), so that every weighted row
 * does not repeat the population lookups and three helper cells per member.
 *
 * The case covers every way a member can fail to count: left out of the average (Oslo,
 * with "uten Oslo"), a weight of 0, a negative weight (a file can carry one), a weight but
 * no value, a value but no weight.
 * Data: SYNTHETIC (invented for the arithmetic), not SSB's.
 */
import { benchmark, defaultOptions } from "../../src/kostra/benchmark";
import { codeForYear, municipalityById } from "../../src/kostra/municipalities";
import type { Dataset, Observation } from "../../src/kostra/types";
import { buildReport } from "../../src/report/report";
import { writeXlsx } from "../../src/report/xlsx-writer";
import { recalculate, type RecalcResult } from "../support/libreoffice";
import { LONG_TEST_TIMEOUT_MS } from "../support/timing";

jest.setTimeout(LONG_TEST_TIMEOUT_MS);

const IND = "kunstformidling";
const YEAR = 2019;
/** SYNTHETIC kunstformidling per inhabitant (null: SSB's ".."), and population (undefined: none in the data). */
const MEMBERS: Record<string, { value: number | null; population?: number }> = {
  baerum: { value: 20, population: 500 },
  oslo: { value: 300, population: 700 },
  drammen: { value: 90, population: 100 },
  bergen: { value: 110, population: 300 },
  stavanger: { value: 60, population: 0 },
  trondheim: { value: 200, population: -50 },
  sandnes: { value: null, population: 1000 },
  tromso: { value: 40 },
};
const PEERS = Object.keys(MEMBERS).filter((id) => id !== "baerum");

function dataset(): Dataset {
  const observations: Observation[] = [];
  for (const [id, { value, population }] of Object.entries(MEMBERS)) {
    const code = codeForYear(municipalityById(id)!, YEAR)!;
    observations.push({ indicator: IND, municipality: id, year: YEAR, code, value, ...(value === null ? { status: ".." } : {}), provenance: 0 });
    if (population !== undefined) observations.push({ indicator: "folkemengde", municipality: id, year: YEAR, code, value: population, provenance: 0 });
  }
  return { observations, provenance: [{ source: "file", query: "syntetisk.csv", synthetic: true, notes: ["SYNTETISKE testdata", "SYNTHETIC test data"] }] };
}

const request = {
  sectors: ["plan-miljo-kultur"],
  municipality: "baerum",
  year: YEAR,
  years: [YEAR - 1, YEAR],
  network: "custom",
  peers: PEERS,
  comparisons: [],
  average: "weighted" as const,
  includeOslo: false,
  lang: "nb" as const,
};

// Worked by hand: Oslo is left out, and of the others only Drammen and Bergen have a value
// and a positive weight: (90 × 100 + 110 × 300) / (100 + 300) = 42 000 / 400 = 105.
const AVERAGE = 105;
// Lowest, highest and rank range over every member (the seven peers) with a value: Tromsø's
// 40 is lowest, Oslo's 300 highest, and six members are above Bærum's 20.
const LOWEST = 40;
const HIGHEST = 300;
const RANK = 7;

// Profile sheet layout without comparisons or references: B Bærum, C average, D lowest,
// E highest, (gap), G–J indexes, K lowest who, L highest who, M n, N rank.
const COL = { average: "C", lowest: "D", highest: "E", lowWho: "K", highWho: "L", n: "M", rank: "N" };

describe("a weighted average over the members with a value and a positive weight", () => {
  const { plan, profiles } = buildReport(dataset(), request);
  const row = profiles[0].rows.find((r) => r.indicator.id === IND)!;
  const rowNo = 8 + profiles[0].rows.indexOf(row);

  it("is the engine's, worked by hand", () => {
    const options = { ...defaultOptions("plan-miljo-kultur", "baerum", YEAR), network: "custom", peers: PEERS, comparisons: [], average: "weighted" as const, includeOslo: false };
    const engine = benchmark(dataset(), options).rows.find((r) => r.indicator.id === IND)!;
    expect(engine.average).toBe(AVERAGE);
    expect(engine.n).toBe(2);
    expect([engine.lowest?.value, engine.highest?.value, engine.rank]).toEqual([LOWEST, HIGHEST, RANK]);
  });

  it("reads one row of weights per weight and year, not a lookup per indicator", () => {
    const series = plan.sheets.find((s) => s.key.startsWith("trend:"))!;
    const populationLookups = series.blocks.flatMap((b) => b.rows.flat()).filter((c) => c.kind === "formula" && c.formula.includes('"folkemengde|'));
    // The template has several weighted indicators, all weighted by population ...
    expect(profiles[0].rows.filter((r) => r.averageKind === "weighted" && r.weightIndicator === "folkemengde").length).toBeGreaterThan(1);
    // ... and the series looks population up once per member that counts and has one (2019 only; Oslo is left out).
    const withPopulation = PEERS.filter((id) => id !== "oslo" && MEMBERS[id].population !== undefined);
    expect(populationLookups).toHaveLength(withPopulation.length);
  });

  describe("in the workbook recalculated by LibreOffice", () => {
    let r: RecalcResult;
    beforeAll(async () => {
      r = await recalculate(await writeXlsx(plan));
    });

    it("gives the same average, n, range and rank on the profile", () => {
      const at = (k: keyof typeof COL) => r.value(plan.sheets[0].name, `${COL[k]}${rowNo}`);
      expect(at("average") as number).toBeCloseTo(AVERAGE, 9);
      expect([at("n"), at("lowest"), at("highest"), at("lowWho"), at("highWho"), at("rank")]).toEqual([2, LOWEST, HIGHEST, "Tromsø", "Oslo", RANK]);
    });

    it("gives the same average in the time series, and none for the year without data", () => {
      const series = plan.sheets.find((s) => s.key.startsWith("trend:"))!.name;
      let heading = 1;
      while (r.value(series, `A${heading}`) !== "Snitt utvalg") heading++;
      let line = heading + 1;
      while (r.value(series, `A${line}`) !== row.indicator.label.nb) line++;
      // 2018 in column B (no figures at all: no average), 2019 in column C.
      expect(r.value(series, `B${line}`)).toBe("");
      expect(r.value(series, `C${line}`) as number).toBeCloseTo(AVERAGE, 9);
    });
  });
});
