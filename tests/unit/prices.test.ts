/**
 * Fixed prices (kostra/prices.ts): the chained price level, the fixed-price value by hand,
 * missing years, which catalog figures are money, the reference document's fixed-price
 * table, and the stored choice's schema.
 */
import { indicatorFor, INDICATORS } from "../../src/kostra/catalog";
import {
  fixedPricesLabel,
  fixedValue,
  growthFromLevels,
  isMoneyAmount,
  kommunalDeflator,
  missingGrowthYears,
  missingYearsText,
  priceChoiceSchema,
  priceLevels,
  priceYear,
  withUserRows,
  type PriceIndex,
} from "../../src/kostra/prices";
import { v } from "../../src/kostra/schema";

/** Synthetic growth figures, chosen for arithmetic by hand. */
const HAND: PriceIndex = {
  id: "kommunal-deflator",
  rows: [
    { year: 2016, growth: 2, source: "synthetic", confirmed: true },
    { year: 2017, growth: 3, source: "synthetic", confirmed: true },
    { year: 2018, growth: 2.5, source: "synthetic", confirmed: true },
  ],
};

describe("the price level and fixed-price values", () => {
  it("chains the level outward from the base year (worked by hand)", () => {
    // Base 2017 = 100; 2018 = 100 × 1.025 = 102.5; 2016 = 100 ÷ 1.03 = 97.0874; 2015 = 97.0874 ÷ 1.02 = 95.1837.
    const levels = priceLevels(HAND, 2017, 2015, 2018);
    expect(levels.get(2017)).toBe(100);
    expect(levels.get(2018)).toBeCloseTo(102.5, 10);
    expect(levels.get(2016)).toBeCloseTo(97.087378640776, 9);
    expect(levels.get(2015)).toBeCloseTo(95.183704549780, 9);
  });

  it("puts a nominal value in the base year's kroner (worked by hand)", () => {
    const prices = { index: HAND, base: 2017 };
    // 1 000 kr in 2015 is 1 000 × 1.02 × 1.03 = 1 050.60 kr in 2017 kroner.
    expect(fixedValue(1000, prices, 2015)).toBeCloseTo(1050.6, 9);
    // 1 000 kr in 2018 is 1 000 ÷ 1.025 = 975.61 kr in 2017 kroner.
    expect(fixedValue(1000, prices, 2018)).toBeCloseTo(975.609756097561, 9);
    expect(fixedValue(1000, prices, 2017)).toBe(1000);
    expect(fixedValue(null, prices, 2016)).toBeNull();
  });

  it("leaves empty exactly the years a missing growth cannot link, and names the missing years", () => {
    const without2016: PriceIndex = { ...HAND, rows: HAND.rows.filter((r) => r.year !== 2016) };
    const levels = priceLevels(without2016, 2017, 2015, 2018);
    // 2015 needs 2016's growth; 2016 needs only 2017's; 2018 only 2018's.
    expect(levels.get(2015)).toBeNull();
    expect(levels.get(2016)).toBeCloseTo(97.087378640776, 9);
    expect(levels.get(2018)).toBeCloseTo(102.5, 10);
    expect(missingGrowthYears(without2016, 2017, [2015, 2016, 2017, 2018])).toEqual([2016]);
    expect(missingGrowthYears(HAND, 2017, [2014, 2019])).toEqual([2015, 2019]);
    const text = missingYearsText([2015, 2019], "kommunal-deflator");
    expect(text.nb).toContain("2015, 2019");
    expect(text.en).toContain("2015, 2019");
    expect(text.nb).toMatch(/tomme/);
    expect(text.en).toMatch(/empty/);
  });

  it("says the base year and the index in both languages", () => {
    expect(fixedPricesLabel(2017, "kommunal-deflator", "nb")).toBe("faste 2017-kroner, kommunal deflator");
    expect(fixedPricesLabel(2017, "kpi", "en")).toBe("fixed 2017 kroner, CPI");
  });

  it("derives yearly growth from annual-average levels (KPI)", () => {
    // SSB: the CPI rose 1.8 % from 2016 to 2017 and 2.7 % from 2017 to 2018 (ssb.no, "Faste priser").
    const rows = growthFromLevels(
      [
        { year: 2017, level: 105.5 },
        { year: 2016, level: 103.6 },
        { year: 2018, level: 108.4 },
      ],
      "SSB 03014",
    );
    expect(rows.map((r) => r.year)).toEqual([2017, 2018]);
    expect(rows[0].growth).toBeCloseTo((105.5 / 103.6 - 1) * 100, 12);
    expect(rows[0].growth.toFixed(1)).toBe("1.8");
    expect(rows[1].growth.toFixed(1)).toBe("2.7");
    // The chained level reproduces the ratio of the published levels.
    expect(priceLevels({ id: "kpi", rows }, 2018, 2016, 2018).get(2016)).toBeCloseTo((103.6 / 108.4) * 100, 10);
  });
});

describe("the reference document's fixed-price table (seed, Bærum, 'sammenligning over tid')", () => {
  // Profile table (2017, nominal) and the time series' 2017 column, both rounded to whole kroner.
  const PAIRS = [
    { id: "brann-ulykkesvern", nominal: 609, fixed: 626 },
    { id: "avfall-driftsutgifter", nominal: 1000, fixed: 1028 },
    { id: "vei-per-km", nominal: 277_363, fixed: 285_267 },
  ];

  it("is in 2018 kroner with one year's growth of about 2.85 % (every pair agrees within its rounding)", () => {
    // Each pair bounds the factor by the rounding of both figures; together they pin it down.
    const lo = Math.max(...PAIRS.map((p) => (p.fixed - 0.5) / (p.nominal + 0.5)));
    const hi = Math.min(...PAIRS.map((p) => (p.fixed + 0.5) / (p.nominal - 0.5)));
    expect(lo).toBeLessThan(hi);
    expect((lo - 1) * 100).toBeGreaterThan(2.84);
    expect((hi - 1) * 100).toBeLessThan(2.86);
    // The engine with that growth for 2018 and base year 2018 gives the seed's figures within rounding.
    const index: PriceIndex = { id: "kommunal-deflator", rows: [{ year: 2018, growth: 2.85, source: "implied by the seed", confirmed: false }] };
    for (const p of PAIRS) {
      const ind = indicatorFor(p.id)!;
      expect(isMoneyAmount(ind)).toBe(true);
      const fixed = fixedValue(p.nominal, { index, base: 2018 }, priceYear(ind, 2017))!;
      expect(Math.abs(fixed - p.fixed)).toBeLessThanOrEqual(0.5 * (1 + 1.0285));
    }
    // A growth rounded to one decimal does not give them: 2.8 % or 2.9 % is off by over 100 kroner per km.
    for (const g of [2.8, 2.9]) expect(Math.abs(277_363 * (1 + g / 100) - 285_267)).toBeGreaterThan(100);
  });

  it("leaves the fee unchanged: the 2017 fee is dated 1 January 2018, already in 2018 kroner", () => {
    const fee = indicatorFor("arsgebyr-avfall")!;
    expect(isMoneyAmount(fee)).toBe(true);
    expect(priceYear(fee, 2017)).toBe(2018);
    const index: PriceIndex = { id: "kommunal-deflator", rows: [{ year: 2018, growth: 2.85, source: "implied by the seed", confirmed: false }] };
    expect(fixedValue(2550, { index, base: 2018 }, priceYear(fee, 2017))).toBe(2550);
  });
});

describe("which catalog figures are money", () => {
  /** Every catalog figure that is not an amount of kroner: shares, counts, key figures without money. */
  const NOT_MONEY = [
    "folkemengde", "km-kommunale-veier",
    "barnehage-andel-barn-1-5", "barnehage-andel-barn-3-5", "barnehage-barn-per-arsverk", "barnehage-andel-minoritetsspraklige", "barnehage-andel-barn-kommunale", "barnehage-andel-av-totale-utgifter",
    "grunnskole-andel-av-totale-utgifter", "grunnskole-gruppestorrelse", "grunnskole-grunnskolepoeng", "grunnskole-elevtimer", "grunnskole-laerertimer", "elever-grunnskole",
    "barnevern-andel-barn-undersokelse", "barnevern-andel-barn-tiltak-0-17", "barnevern-andel-netto-244", "barnevern-andel-netto-251", "barnevern-stillinger-fagutdanning-per-1000-barn", "barnevern-andel-barn-melding",
    "barnevern-barn-undersokelse-tiltak-0-22", "barnevern-barn-tiltak-plassert-0-22", "barnevern-barn-tiltak-ikke-plassert-0-22", "barnevern-barn-undersokelse-0-17", "innbyggere-0-17",
    "hjemmetjeneste-timer-0-66", "hjemmetjeneste-timer-67", "innbyggere-0-66", "innbyggere-67-og-eldre", "plo-andel-brutto", "andel-80-hjemmetjenester", "andel-80-institusjon", "andel-80-langtid-sykehjem",
    "belegg-institusjon", "legetimer-per-beboer", "hjemmetjeneste-brukere", "hjemmetjeneste-brukere-0-66", "hjemmetjeneste-brukere-80", "beboere-institusjon", "langtidsbeboere-institusjon", "institusjonsplasser",
    "helse-andel-232-av-totale-utgifter", "helse-andel-233-av-totale-utgifter", "helse-andel-241-av-totale-utgifter", "helse-andel-256-av-totale-utgifter", "sosial-andel-av-totale-utgifter",
    "eiendom-andel-brutto", "eiendom-andel-netto", "samferdsel-andel-brutto", "var-andel-brutto",
  ];

  it("classifies every indicator, and the kroner ones are exactly the rest of the catalog", () => {
    const notMoney = INDICATORS.filter((i) => !isMoneyAmount(i)).map((i) => i.id).sort();
    expect(notMoney).toEqual([...NOT_MONEY].sort());
    for (const ind of INDICATORS.filter((i) => isMoneyAmount(i))) {
      expect(ind.unit.nb).toMatch(/^(1000 )?kr\b/);
      expect(["per-capita", "amount", "key-figure"]).toContain(ind.measure);
    }
  });

  it("never deflates a share, a count or a key figure without money, whatever the unit says", () => {
    expect(isMoneyAmount({ measure: "share", unit: { nb: "kr", en: "NOK" } })).toBe(false);
    expect(isMoneyAmount({ measure: "count", unit: { nb: "kr", en: "NOK" } })).toBe(false);
    expect(isMoneyAmount({ measure: "key-figure", unit: { nb: "antall per 1000 barn", en: "per 1000 children" } })).toBe(false);
    expect(isMoneyAmount({ measure: "key-figure", unit: { nb: "kroner", en: "NOK" } })).toBe(false);
    expect(isMoneyAmount({ measure: "amount", unit: { nb: "1000 kr", en: "NOK 1000" } })).toBe(true);
  });
});

describe("the shipped deflator and the user's rows", () => {
  it("ships only rows with a source, none of them claiming to be final", () => {
    const index = kommunalDeflator();
    expect(index.rows.length).toBeGreaterThan(0);
    for (const r of index.rows) {
      expect(r.source.length).toBeGreaterThan(20);
      expect(r.confirmed).toBe(false);
      expect(Number.isFinite(r.growth)).toBe(true);
    }
    expect(new Set(index.rows.map((r) => r.year)).size).toBe(index.rows.length);
  });

  it("lays the user's rows over the shipped ones, year by year", () => {
    const index = withUserRows(kommunalDeflator(), [{ year: 2017, growth: 2.4 }, { year: 2021, growth: 3.5, source: "TBU april 2022" }], "nb");
    expect(index.rows.find((r) => r.year === 2017)).toEqual({ year: 2017, growth: 2.4, source: "skrevet inn av brukeren", confirmed: true });
    expect(index.rows.find((r) => r.year === 2021)).toEqual({ year: 2021, growth: 3.5, source: "TBU april 2022", confirmed: true });
    expect(index.rows.map((r) => r.year)).toEqual([...index.rows.map((r) => r.year)].sort((a, b) => a - b));
  });

  it("accepts the stored choices and refuses hostile ones", () => {
    expect(v.safeParse(priceChoiceSchema, "nominal").success).toBe(true);
    expect(v.safeParse(priceChoiceSchema, { index: "kpi" }).success).toBe(true);
    expect(v.safeParse(priceChoiceSchema, { index: "kommunal-deflator", table: [{ year: 2017, growth: 2.3, source: "TBU" }], year: 2018 }).success).toBe(true);
    for (const bad of [
      "real",
      { index: "ppi" },
      { index: "kpi", table: [{ year: 2017, growth: Number.NaN }] },
      { index: "kpi", table: [{ year: 2017, growth: Infinity }] },
      { index: "kpi", table: [{ year: 2017, growth: 1e9 }] },
      { index: "kpi", table: [{ year: 2017, growth: "=HYPERLINK(\"x\")" }] },
      { index: "kpi", table: [{ year: 2017.5, growth: 1 }] },
      { index: "kpi", table: [{ year: 2017, growth: 1 }, { year: 2017, growth: 2 }] },
      { index: "kpi", table: Array.from({ length: 101 }, (_, k) => ({ year: 1990 + (k % 100), growth: 1 })) },
      { index: "kpi", table: [{ year: 2017, growth: 1, source: "x".repeat(301) }] },
      { index: "kpi", year: 1800 },
    ]) {
      expect(v.safeParse(priceChoiceSchema, bad).success).toBe(false);
    }
  });
});
