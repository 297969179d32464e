/**
 * SSB answers read by the series each data year uses (kostra/series.ts): an earlier table's
 * answer is the indicator's figure for the years it serves, a series dated 1 January n+1
 * becomes data year n, and the population derived from 12362 is read from the largest
 * amount. All numbers are SYNTHETIC.
 */
import { readJsonStat } from "../../src/sources/ssb/jsonstat";
import { bestPopulationAnswers } from "../../src/sources/ssb/load";
import { derivedPopulation, observationsFromCube, populationKey } from "../../src/sources/ssb/observations";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildSsbDataset } = require("../support/ssb-shape");

type Cell = number | null | { value: null; status: string };
const cube = (table: string, dims: Record<string, string[]>, cell: (c: Record<string, string>) => Cell) =>
  readJsonStat(
    buildSsbDataset({
      table,
      title: `${table}: syntetisk`,
      order: Object.keys(dims),
      dims: Object.fromEntries(Object.entries(dims).map(([d, codes]) => [d, { codes }])),
      cell,
    }),
  );

describe("an earlier table's answer", () => {
  it("is barnehage's figure for the years 12562 serves, and nothing for 2020 (13502's year)", () => {
    const c = cube("12562", { KOKkommuneregion0000: ["0219", "3024"], ContentsCode: ["KOSandel150000"], Tid: ["2018", "2019", "2020"] }, (x) =>
      x.KOKkommuneregion0000 === "0219" ? 90 + Number(x.Tid) - 2018 : 93,
    );
    const obs = observationsFromCube(c, "12562").observations.filter((o) => o.indicator === "barnehage-andel-barn-1-5");
    expect(obs).toEqual([
      { indicator: "barnehage-andel-barn-1-5", municipality: "baerum", year: 2018, code: "0219", value: 90 },
      { indicator: "barnehage-andel-barn-1-5", municipality: "baerum", year: 2019, code: "0219", value: 91 },
    ]);
  });

  it("is not read for 13502's years from 13502 before 2020", () => {
    const c = cube("13502", { KOKkommuneregion0000: ["0219", "3024"], ContentsCode: ["KOSandel150000"], Tid: ["2019", "2020"] }, () => 95);
    const obs = observationsFromCube(c, "13502").observations.filter((o) => o.indicator === "barnehage-andel-barn-1-5");
    expect(obs.map((o) => [o.year, o.code])).toEqual([[2020, "3024"]]);
  });

  it("gives f392 no figure for a year it is not valid in", () => {
    const c = cube(
      "12362",
      { KOKkommuneregion0000: ["3024"], KOKfunksjon0000: ["392"], KOKart0000: ["AGD2"], ContentsCode: ["KOSbelopinnbygge0000"], Tid: ["2020", "2021"] },
      () => 12,
    );
    expect(observationsFromCube(c, "f392").observations.filter((o) => o.indicator === "andre-trossamfunn").map((o) => o.year)).toEqual([2020]);
  });
});

describe("a series dated 1 January of the year after", () => {
  it("reads 12842's fee at 1 January 2018 as the 2017 figure", () => {
    const c = cube("12842", { KOKkommuneregion0000: ["0219"], ContentsCode: ["KOSaarsgebyravfa0000"], Tid: ["2017", "2018", "2019"] }, (x) => 3000 + Number(x.Tid));
    const obs = observationsFromCube(c, "12842").observations.filter((o) => o.indicator === "arsgebyr-avfall");
    expect(obs).toEqual([
      { indicator: "arsgebyr-avfall", municipality: "baerum", year: 2016, code: "0219", value: 5017 },
      { indicator: "arsgebyr-avfall", municipality: "baerum", year: 2017, code: "0219", value: 5018 },
      { indicator: "arsgebyr-avfall", municipality: "baerum", year: 2018, code: "0219", value: 5019 },
    ]);
  });

  it("reads 07459 at 1 January 2020 as the end of 2019, under the code of the data year, unless the area changed", () => {
    // 07459 must be asked for ages (SSB's Alder cannot be left out); the figure is their sum.
    const ages = [...Array.from({ length: 105 }, (_, a) => String(a).padStart(3, "0")), "105+"];
    const pop: Record<string, number> = { "3024": 127_000, "3005": 102_000, "0219": 126_000, "0602": 69_000, "0625": 25_000 };
    const c = cube(
      "07459",
      { Region: ["0219", "3024", "0602", "3005", "0625"], Alder: ages, ContentsCode: ["Personer1"], Tid: ["2019", "2020"] },
      (x) => {
        const valid = (x.Region.startsWith("30") ? x.Tid === "2020" : x.Tid === "2019");
        if (!valid) return { value: null, status: "." };
        // Ages share the population evenly, the remainder on 105+.
        const p = pop[x.Region];
        return x.Alder === "105+" ? p - 105 * Math.floor(p / 106) : Math.floor(p / 106);
      },
    );
    const obs = observationsFromCube(c, "07459").observations.filter((o) => o.indicator === "folkemengde");
    // Bærum was only renumbered (0219 → 3024): 1.1.2020 is its end of 2019, filed under 0219.
    expect(obs).toEqual(expect.arrayContaining([{ indicator: "folkemengde", municipality: "baerum", year: 2019, code: "0219", value: 127_000 }]));
    // 1.1.2019 is the end of 2018.
    expect(obs).toEqual(expect.arrayContaining([{ indicator: "folkemengde", municipality: "baerum", year: 2018, code: "0219", value: 126_000 }]));
    // Drammen on 1.1.2020 includes Nedre Eiker and Svelvik: not old Drammen's end of 2019.
    expect(obs.filter((o) => o.municipality === "drammen").map((o) => o.year)).toEqual([2018]);
    expect(obs.filter((o) => o.municipality === "nedre-eiker").map((o) => o.year)).toEqual([2018]);
  });
});

describe("the population derived from 12362", () => {
  it("uses the cell with the largest amount, not the first over 1 mill. kr", () => {
    // SYNTHETIC: 100 000 inhabitants. SSB rounds kroner per inhabitant to whole kroner.
    // f. 390: 1 234 (1000 kr) → 12.34 kr → published 12: 1 234 000 / 12 = 102 833 inhabitants.
    // f. 201: 987 654 (1000 kr) → 9 876.54 kr → published 9 877: 987 654 000 / 9 877 = 99 995.
    const c = cube(
      "12362",
      { KOKkommuneregion0000: ["0219"], KOKfunksjon0000: ["390", "201"], KOKart0000: ["AGD2"], ContentsCode: ["KOSbelopinnbygge0000", "KOSbelop0000"], Tid: ["2017"] },
      (x) => (x.KOKfunksjon0000 === "390" ? (x.ContentsCode === "KOSbelop0000" ? 1234 : 12) : x.ContentsCode === "KOSbelop0000" ? 987_654 : 9877),
    );
    expect(Math.round((1234 * 1000) / 12)).toBe(102_833); // the first cell over 1 mill. kr
    expect(derivedPopulation(c, "0219", "2017", "KOKkommuneregion0000", "Tid")).toBe(Math.round(987_654_000 / 9877));
    expect(derivedPopulation(c, "0219", "2017", "KOKkommuneregion0000", "Tid")).toBe(99_995);
  });

  it("gives no population when the largest amount is under 1 mill. kr", () => {
    const c = cube(
      "12362",
      { KOKkommuneregion0000: ["0219"], KOKfunksjon0000: ["390"], KOKart0000: ["AGD2"], ContentsCode: ["KOSbelopinnbygge0000", "KOSbelop0000"], Tid: ["2017"] },
      (x) => (x.ContentsCode === "KOSbelop0000" ? 999 : 10),
    );
    expect(derivedPopulation(c, "0219", "2017", "KOKkommuneregion0000", "Tid")).toBeNull();
  });

  // A load split over several 12362 requests derives Bærum's 2017 population in each answer.
  // SYNTHETIC, the figures above: kunstformidling (f. 377) gives 102 833 inhabitants (from
  // 1 234), kultur in all (FGK2) 99 995 (from 987 654).
  const answer = (funksjon: "377" | "FGK2") =>
    observationsFromCube(
      cube(
        "12362",
        { KOKkommuneregion0000: ["0219"], KOKfunksjon0000: [funksjon], KOKart0000: ["AGD2"], ContentsCode: ["KOSbelopinnbygge0000", "KOSbelop0000"], Tid: ["2017"] },
        (x) => (funksjon === "377" ? (x.ContentsCode === "KOSbelop0000" ? 1234 : 12) : x.ContentsCode === "KOSbelop0000" ? 987_654 : 9877),
      ),
      `12362 f. ${funksjon}`,
    );

  it("takes the population from the answer with the largest amount, whichever came last", () => {
    const [small, large] = [answer("377"), answer("FGK2")];
    expect(small.populationAmounts.get(populationKey("baerum", 2017))).toBe(1234);
    expect(large.populationAmounts.get(populationKey("baerum", 2017))).toBe(987_654);
    const population = (r: typeof small) => r.observations.find((o) => o.indicator === "folkemengde")?.value;
    expect([population(small), population(large)]).toEqual([102_833, 99_995]);
    expect(bestPopulationAnswers([large, small]).get(populationKey("baerum", 2017))).toBe(0);
    expect(bestPopulationAnswers([small, large]).get(populationKey("baerum", 2017))).toBe(1);
  });

  it("prefers a population SSB publishes as a count (07459) to any derived one", () => {
    const counted = observationsFromCube(
      // Every age, as 07459 must be asked: 105 ages of 900 and 105+ of 5 500.
      cube("07459", { Region: ["0219"], Alder: [...Array.from({ length: 105 }, (_, a) => String(a).padStart(3, "0")), "105+"], ContentsCode: ["Personer1"], Tid: ["2018"] }, (x) =>
        x.Alder === "105+" ? 5500 : 900,
      ),
      "07459",
    );
    expect(counted.observations).toEqual(expect.arrayContaining([expect.objectContaining({ indicator: "folkemengde", municipality: "baerum", year: 2017, value: 100_000 })]));
    expect(bestPopulationAnswers([answer("FGK2"), counted, answer("377")]).get(populationKey("baerum", 2017))).toBe(1);
  });
});
