/**
 * Who counts in an average for a year is decided in one place (src/kostra/averaging-set.ts)
 * and the profile, the time series and the workbook's formulas agree on it.
 *
 * The case: Bærum against its own peers Drammen and Nedre Eiker. Nedre Eiker merged into
 * Drammen on 1 January 2020, so it did not exist in data year 2020 and is no member that
 * year, even when a file carries a figure for it (SSB: "For de årene da kommunenummeret
 * ikke var gyldig vil det enten stå en prikk eller null"; see DOMAIN.md, "Mergers").
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
/** SYNTHETIC kunstformidling per inhabitant by year; Nedre Eiker's 2020 figure is the stray 0 a file may carry. */
const VALUES: Record<string, Record<number, number>> = {
  baerum: { 2019: 50, 2020: 80 },
  drammen: { 2019: 90, 2020: 100 },
  "nedre-eiker": { 2019: 30, 2020: 0 },
};

function dataset(): Dataset {
  const observations: Observation[] = [];
  for (const [id, byYear] of Object.entries(VALUES))
    for (const [y, value] of Object.entries(byYear)) {
      const year = Number(y);
      const m = municipalityById(id)!;
      // Nedre Eiker had no code in 2020; the stray figure is filed under its last one.
      observations.push({ indicator: IND, municipality: id, year, code: codeForYear(m, year) ?? "0625", value, provenance: 0 });
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
