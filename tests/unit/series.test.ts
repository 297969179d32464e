/**
 * Which series a data year reads (kostra/series.ts): validity periods, earlier tables,
 * series dated 1 January of the year after, and what makes a period list a catalog problem.
 */
import { catalogProblems, indicatorFor, INDICATORS, amountIndicatorOf } from "../../src/kostra/catalog";
import { municipalityById, sameAreaBetween } from "../../src/kostra/municipalities";
import { indicatorInYear, indicatorOverYears, periodProblems, selectorForYear, seriesForYear, seriesPeriods, ssbTimeOf, dataYearOf } from "../../src/kostra/series";
import type { Indicator } from "../../src/kostra/types";

const ind = (id: string) => indicatorFor(id)!;
const tableOf = (i: Indicator, y: number) => selectorForYear(i, y)?.table;

describe("the series a data year reads", () => {
  it("reads barnehage's key figures from 12562 up to 2019 and from 13502 from 2020", () => {
    const b = ind("barnehage-andel-barn-1-5");
    expect([2015, 2019, 2020, 2024].map((y) => tableOf(b, y))).toEqual(["12562", "12562", "13502", "13502"]);
    expect(seriesPeriods(b).map((p) => [p.from, p.to, p.ssb.table])).toEqual([[undefined, 2019, "12562"], [2020, undefined, "13502"]]);
    // Every 13502 indicator has its 12562 predecessor.
    for (const i of INDICATORS.filter((x) => x.ssb?.table === "13502")) expect([i.id, tableOf(i, 2017)]).toEqual([i.id, "12562"]);
  });

  it("reads KS's samferdsel as f332 alone up to 2019 and f330 + f332 from 2020", () => {
    const s = ind("samferdsel-netto-per-innbygger");
    expect(selectorForYear(s, 2019)!.select.KOKfunksjon0000).toEqual(["332"]);
    expect(selectorForYear(s, 2020)!.select.KOKfunksjon0000).toEqual(["330", "332"]);
    // Its amount (for merged municipalities' back series) follows the same periods.
    const amount = amountIndicatorOf(s)!;
    expect([selectorForYear(amount, 2019)!.select, selectorForYear(amount, 2020)!.select]).toEqual([
      { KOKfunksjon0000: ["332"], KOKart0000: ["AGD2"], ContentsCode: ["KOSbelop0000"] },
      { KOKfunksjon0000: ["330", "332"], KOKart0000: ["AGD2"], ContentsCode: ["KOSbelop0000"] },
    ]);
  });

  it("reads nothing for f392 after 2020 and says why", () => {
    const f392 = ind("andre-trossamfunn");
    expect(seriesForYear(f392, 2020).kind).toBe("series");
    const after = seriesForYear(f392, 2021);
    expect(after.kind).toBe("not-valid");
    expect(after.kind === "not-valid" && after.valid.reason.nb).toMatch(/trossamfunnsloven/);
    expect(selectorForYear(f392, 2024)).toBeUndefined();
  });

  it("dates 12842's fees and 07459's population at 1 January of the year after", () => {
    const fee = ind("arsgebyr-avfall");
    const sel = selectorForYear(fee, 2017)!;
    expect([ssbTimeOf(sel, 2017), dataYearOf(sel, 2018)]).toEqual([2018, 2017]);
    expect(indicatorInYear(fee, 2017).label).toEqual({ nb: "Årsgebyr for avfallstjenesten - ekskl. mva. (per 1.1.2018)", en: "Annual waste collection fee, excl. VAT (at 1 Jan 2018)" });
    expect(indicatorOverYears(fee, [2015, 2016]).label.nb).toBe("Årsgebyr for avfallstjenesten - ekskl. mva. (per 1.1. året etter)");
    for (const id of ["arsgebyr-feiing", "arsgebyr-vann", "arsgebyr-avlop", "arsgebyr-var-sum", "folkemengde"]) expect([id, ind(id).ssb?.yearOffset]).toEqual([id, 1]);
    // A figure of the data year itself keeps its label.
    expect(indicatorInYear(ind("bibliotek"), 2017)).toBe(ind("bibliotek"));
  });
});

describe("period problems", () => {
  const base = ind("barnehage-andel-barn-1-5");
  const earlier = base.earlier![0];

  it("finds none in the catalog", () => {
    expect(INDICATORS.flatMap(periodProblems)).toEqual([]);
  });

  it("refuses earlier series that overlap or are out of order, as a catalog problem", () => {
    const outOfOrder: Indicator = { ...base, earlier: [{ ...earlier, to: 2019 }, { ...earlier, to: 2017 }] };
    const overlap: Indicator = { ...base, earlier: [{ ...earlier, to: 2018 }, { ...earlier, to: 2018 }] };
    expect(periodProblems(outOfOrder)).toEqual([expect.stringMatching(/up to 2017 overlaps or comes before the one up to 2019/)]);
    expect(periodProblems(overlap)).toHaveLength(1);
    expect(catalogProblems([...INDICATORS.filter((i) => i.id !== base.id), outOfOrder], [])).toEqual([expect.stringMatching(/barnehage-andel-barn-1-5: earlier series/)]);
  });

  it("refuses an empty validity span, a validity without a reason, and a series that serves no valid year", () => {
    const reason = { nb: "grunn", en: "reason" };
    expect(periodProblems({ ...base, valid: { from: 2021, to: 2020, reason } })).toEqual([expect.stringMatching(/empty span/)]);
    expect(periodProblems({ ...base, valid: { to: 2020, reason: { nb: " ", en: "" } } })).toEqual([expect.stringMatching(/without a reason/)]);
    // Valid only from 2020: the 12562 series (to 2019) would never be read.
    expect(periodProblems({ ...base, valid: { from: 2020, reason } })).toEqual([expect.stringMatching(/table 12562 serves no year/)]);
  });

  it("checks the selectors of earlier periods too", () => {
    const twoCodes: Indicator = { ...base, earlier: [{ to: 2019, ssb: { ...earlier.ssb, select: { ContentsCode: ["A", "B"] } } }] };
    expect(catalogProblems([...INDICATORS.filter((i) => i.id !== base.id), twoCodes], [])).toEqual([
      "barnehage-andel-barn-1-5 must select exactly one code of ContentsCode unless it is summed",
    ]);
  });
});

describe("a municipality's area between two years", () => {
  const m = (id: string) => municipalityById(id)!;
  it("changes where a merger, a split or a part joining or leaving falls between them", () => {
    expect(sameAreaBetween(m("baerum"), 2019, 2020)).toBe(true); // renumbered only
    expect(sameAreaBetween(m("drammen"), 2019, 2020)).toBe(false); // Nedre Eiker and Svelvik joined
    expect(sameAreaBetween(m("drammen"), 2020, 2021)).toBe(true);
    expect(sameAreaBetween(m("narvik"), 2019, 2020)).toBe(false); // part of Tysfjord joined
    expect(sameAreaBetween(m("alesund"), 2023, 2024)).toBe(false); // Haram left
    expect(sameAreaBetween(m("alesund"), 2021, 2022)).toBe(true);
  });
});
