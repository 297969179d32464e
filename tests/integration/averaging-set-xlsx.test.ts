/**
 * Who counts in an average for a year is decided in one place (src/kostra/averaging-set.ts)
 * and the profile, the time series and the workbook's formulas agree on it.
 *
 * The case: Bærum against its own peers Drammen and Nedre Eiker. Nedre Eiker merged into
 * Drammen on 1 January 2020, so it did not exist in data year 2020 and is no member that
 * year, even when a file carries a figure for it (SSB: "For de årene da kommunenummeret
 * ikke var gyldig vil det enten stå en prikk eller null"; see DOMAIN.md, "Mergers").
 * Lowest, highest and rank range over all members that year, whoever is left out of the
 * average (KS, "Om tjenesteprofilen": the profile shows the highest and lowest value across
 * the network; DOMAIN.md "ASSS — the network"), so the focal value is never outside the
 * range shown beside it.
 * Data: SYNTHETIC (invented for the arithmetic), not SSB's.
 */
import { benchmark, defaultOptions } from "../../src/kostra/benchmark";
import { codeForYear, municipalityById } from "../../src/kostra/municipalities";
import type { Dataset, Observation } from "../../src/kostra/types";
import { buildReport } from "../../src/report/report";
import { writeXlsx } from "../../src/report/xlsx-writer";
import { recalculate, type RecalcResult } from "../support/libreoffice";
import { cellAt } from "../support/plan-cells";
import { LONG_TEST_TIMEOUT_MS } from "../support/timing";

jest.setTimeout(LONG_TEST_TIMEOUT_MS);

const IND = "kunstformidling";
/** SYNTHETIC kunstformidling per inhabitant by year; Nedre Eiker's 2020 figure is the stray 0 a file may carry. */
const VALUES: Record<string, Record<number, number>> = {
  baerum: { 2019: 50, 2020: 80 },
  drammen: { 2019: 90, 2020: 100 },
  "nedre-eiker": { 2019: 30, 2020: 0 },
};

function dataset(values = VALUES, population: Record<string, number> = {}): Dataset {
  const observations: Observation[] = [];
  for (const [id, byYear] of Object.entries(values))
    for (const [y, value] of Object.entries(byYear)) {
      const year = Number(y);
      const m = municipalityById(id)!;
      // Nedre Eiker had no code in 2020; the stray figure is filed under its last one.
      const code = codeForYear(m, year) ?? "0625";
      observations.push({ indicator: IND, municipality: id, year, code, value, provenance: 0 });
      if (population[id]) observations.push({ indicator: "folkemengde", municipality: id, year, code, value: population[id], provenance: 0 });
    }
  return { observations, provenance: [{ source: "file", query: "syntetisk.csv", synthetic: true, notes: ["SYNTETISKE testdata", "SYNTHETIC test data"] }] };
}

const request = {
  sectors: ["plan-miljo-kultur"],
  municipality: "baerum",
  year: 2020,
  years: [2019, 2020],
  network: "custom",
  peers: ["drammen", "nedre-eiker"],
  comparisons: [],
  average: "simple" as const,
  lang: "nb" as const,
};

// Worked by hand. 2019: Drammen and Nedre Eiker both existed, (90 + 30) / 2 = 60.
// 2020: Nedre Eiker was part of Drammen, so Drammen alone counts: 100 / 1 = 100.
const AVERAGE = { 2019: 60, 2020: 100 };

describe("who counts in an average for a year (Drammen/Nedre Eiker 2020)", () => {
  it("the engine leaves a peer that did not exist in the year out of the average", () => {
    const options = { ...defaultOptions("plan-miljo-kultur", "baerum", 2020), network: "custom", peers: ["drammen", "nedre-eiker"], comparisons: [], average: "simple" as const };
    const row = benchmark(dataset(), options).rows.find((r) => r.indicator.id === IND)!;
    expect(row.average).toBe(AVERAGE[2020]);
    expect(row.n).toBe(1);
  });

  describe("the workbook recalculated by LibreOffice", () => {
    let r: RecalcResult;
    const { plan, profiles } = buildReport(dataset(), request);
    const profileSheet = plan.sheets[0].name;
    const seriesPlan = plan.sheets.find((s) => s.key.startsWith("trend:"))!;
    beforeAll(async () => {
      r = await recalculate(await writeXlsx(plan));
    });
    /** The row in column A of the time series that holds `label`, after the row holding `after`. */
    const rowOf = (label: string, after = 1) => {
      for (let row = after; row < 80; row++) if (r.value(seriesPlan.name, `A${row}`) === label) return row;
      throw new Error(`no row «${label}»`);
    };

    it("gives the same average in the profile and in the time series", () => {
      expect(profiles[0].rows[0].average).toBe(AVERAGE[2020]);
      expect(r.value(profileSheet, "C8")).toBe(AVERAGE[2020]);
      const label = profiles[0].rows[0].indicator.label.nb;
      const averages = rowOf(label, rowOf("Snitt utvalg"));
      // Years 2019 and 2020 in columns B and C.
      expect(r.value(seriesPlan.name, `B${averages}`)).toBe(AVERAGE[2019]);
      expect(r.value(seriesPlan.name, `C${averages}`)).toBe(AVERAGE[2020]);
    });
  });
});

/** SYNTHETIC 2019 figures for four of ASSS's ten members (the others have none). */
const ASSS_2019: Record<string, Record<number, number>> = {
  oslo: { 2019: 300 },
  baerum: { 2019: 20 },
  drammen: { 2019: 90 },
  bergen: { 2019: 110 },
};
/** SYNTHETIC populations; Oslo and Bærum have none, which matters to no range. */
const POPULATION = { drammen: 100000, bergen: 285000 };
const withoutOsloAndFocal = {
  sectors: ["plan-miljo-kultur"],
  municipality: "baerum",
  year: 2019,
  years: [2019],
  network: "asss",
  comparisons: [],
  includeOslo: false,
  includeFocal: false,
  lang: "nb" as const,
};

// Profile sheet layout without comparisons or references: B Bærum, C average, D lowest,
// E highest, (gap), G–J indexes, K lowest who, L highest who, M n, N rank.
const COL = { average: "C", lowest: "D", highest: "E", lowIndex: "J", highIndex: "I", lowWho: "K", highWho: "L", n: "M", rank: "N" };

describe.each([
  // Worked by hand. Simple: Oslo and Bærum left out, (90 + 110) / 2 = 100.
  ["simple", 100],
  // Weighted by population: (90 × 100 000 + 110 × 285 000) / (100 000 + 285 000) = 40 350 000 / 385 000.
  ["weighted", 40350000 / 385000],
] as const)("range over all members with Oslo and the municipality left out of the %s average", (average, expected) => {
  const { plan, profiles } = buildReport(dataset(ASSS_2019, POPULATION), { ...withoutOsloAndFocal, average });
  const row = profiles[0].rows[0];

  it("averages over the others, but ranges and ranks over all ten members", () => {
    expect(row.average).toBeCloseTo(expected, 9);
    expect(row.n).toBe(2);
    // Lowest is Bærum's own 20, highest Oslo's 300; Bærum is 4th of the 4 members with a figure.
    expect(row.lowest).toMatchObject({ value: 20, municipality: { id: "baerum" } });
    expect(row.highest).toMatchObject({ value: 300, municipality: { id: "oslo" } });
    expect([row.rank, row.rankOf]).toEqual([4, 4]);
    expect(row.lowest!.index).toBeCloseTo((20 / expected) * 100, 9);
    // The rank column says what rank 1 means: ranks are by value (the catalog has no "better" direction).
    expect(cellAt(plan.sheets[0], `${COL.rank}7`)).toMatchObject({ text: "Rang (1 = høyest verdi)" });
    // The sheet's averaging line says so.
    const kind = average === "simple" ? "uvektet" : "vektet";
    expect(cellAt(plan.sheets[0], "A3")).toMatchObject({ text: `Snitt: ${kind}, 8 kommuner, uten Oslo, uten Bærum; laveste, høyeste og rang blant alle 10` });
  });

  it("gives the engine's numbers in the workbook recalculated by LibreOffice", async () => {
    const r = await recalculate(await writeXlsx(plan));
    const at = (k: keyof typeof COL) => r.value(plan.sheets[0].name, `${COL[k]}8`);
    expect(at("average") as number).toBeCloseTo(expected, 9);
    expect([at("lowest"), at("highest"), at("lowWho"), at("highWho"), at("n"), at("rank")]).toEqual([20, 300, "Bærum", "Oslo", 2, 4]);
    expect(at("lowIndex") as number).toBeCloseTo(row.lowest!.index!, 9);
    expect(at("highIndex") as number).toBeCloseTo(row.highest!.index!, 9);
    // The time series averages over the same members.
    const series = plan.sheets.find((s) => s.key.startsWith("trend:"))!.name;
    let label = 1;
    while (r.value(series, `A${label}`) !== "Snitt ASSS") label++;
    expect(r.value(series, `B${label + 2}`) as number).toBeCloseTo(expected, 9);
  });
});
