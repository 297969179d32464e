/**
 * `kostra catalog`'s per-indicator columns: KS's averaging rule with its page, the validity
 * period with its reason, and the series by period. The indicator below is SYNTHETIC in
 * its combination (the barnehage key figure with 12562 until 2019 and 13502 from 2020,
 * as issue text and SSB's table list describe them), made to show every field.
 */
import { INDICATORS, SECTORS } from "../../src/kostra/catalog";
import type { Indicator } from "../../src/kostra/types";
import { describeAverage, describeSeries, describeValidity, indicatorRules, indicatorTables } from "../../src/cli/catalog-indicators";

const base = INDICATORS.find((i) => i.id === "barnehage-andel-barn-1-5")!;
const KS = "https://www.ks.no/asss-hjem/om-datagrunnlaget/asss-samlet/barnehage-asssindikatorbeskrivelser/";
const switching: Indicator = {
  ...base,
  defaultAverage: "weighted",
  averageSource: KS,
  valid: { from: 2015, to: 2023, reason: { nb: "definisjonen endret i 2024", en: "the definition changed in 2024" } },
  earlier: [{ to: 2019, ssb: { ...base.ssb!, table: "12562" } }],
};

describe("an indicator's rule, validity and series as kostra catalog prints them", () => {
  it("names KS's averaging with its page, the years with the reason, and each series with its period", () => {
    expect(describeAverage(switching, "nb")).toBe(`vektet (kilde: ${KS})`);
    expect(describeAverage({ ...switching, averageSource: undefined, defaultAverage: "simple" }, "en")).toBe("simple");
    expect(describeValidity(switching, "nb")).toBe("2015–2023: definisjonen endret i 2024");
    expect(describeValidity({ ...switching, valid: { to: 2020, reason: { nb: "erstattet av statstilskudd", en: "replaced by a state grant" } } }, "en")).toBe("to 2020: replaced by a state grant");
    expect(describeValidity({ ...switching, valid: { from: 2021, reason: { nb: "ny tabell", en: "new table" } } }, "nb")).toBe("fra 2021: ny tabell");
    expect(describeValidity({ ...switching, valid: undefined }, "nb")).toBe("alle år");
    expect(describeSeries(switching, "nb")).toBe("12562 til 2019, 13502 fra 2020");
    expect(describeSeries(switching, "en")).toBe("12562 to 2019, 13502 from 2020");
    expect(describeSeries({ ...switching, earlier: undefined }, "nb")).toBe("13502");
  });

  it("lists the indicators of each sector in columns, and gives the same in JSON", () => {
    const text = indicatorTables(SECTORS, [switching], [{ indicator: switching.id, status: "consistent", problems: [] }], "nb");
    const lines = text.split("\n").filter(Boolean);
    expect(lines[0]).toBe("Barnehage");
    expect(lines[1].split(/\s{2,}/)).toEqual(["Indikator", "Kontroll", "KS-snitt", "Gyldig", "Serier"]);
    // KS's page is a numbered note under the tables, once however many indicators cite it.
    expect(lines[2].split(/\s{2,}/)).toEqual([switching.id, "konsistent", "vektet [1]", "2015–2023: definisjonen endret i 2024", "12562 til 2019, 13502 fra 2020"]);
    expect(lines.slice(3)).toEqual([`[1] ${KS}`]);
    const two = indicatorTables(SECTORS, [switching, { ...switching, id: "annen" }], [], "nb").split("\n").filter(Boolean);
    expect(two.filter((l) => l.startsWith("["))).toEqual([`[1] ${KS}`]);
    expect(indicatorRules([switching])).toEqual([
      { indicator: switching.id, defaultAverage: "weighted", averageSource: KS, valid: switching.valid, series: [{ table: "12562", to: 2019 }, { table: "13502", from: 2020 }] },
    ]);
  });
});
