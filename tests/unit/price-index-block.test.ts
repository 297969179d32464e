/**
 * The price-index table on the time-series sheet (report/price-index-block.ts): its cells
 * and formulas, the notes, and a template without money figures left as published.
 */
import { registerUserTemplate, resetUserCatalog, templateById, templateIndicators } from "../../src/kostra/catalog";
import type { PriceIndex } from "../../src/kostra/prices";
import { priceSection, priceTable } from "../../src/report/price-index-block";
import { buildReport } from "../../src/report/report";
import { sampleDataset } from "../../src/sources/sample";

const INDEX: PriceIndex = {
  id: "kommunal-deflator",
  rows: [
    { year: 2016, growth: 2.1, source: "TBU (synthetic)", confirmed: true },
    { year: 2018, growth: 2.9, source: "anslag (synthetic)", confirmed: false },
  ],
};

describe("the price-index table", () => {
  const indicators = templateIndicators(templateById("tekniske-tjenester")!);
  const section = priceSection({ index: INDEX, base: 2017 }, indicators, [2015, 2016, 2017, 2018], "nb");

  it("lists every price year the series needs (the fee of 2018 is priced in 2019) and names the missing growth", () => {
    expect(section.tableYears).toEqual([2015, 2016, 2017, 2018, 2019]);
    expect(section.missing).toEqual([2017, 2019]);
    expect(section.notes.some((n) => n.includes("mangler vekst for 2017, 2019"))).toBe(true);
    expect(section.notes.some((n) => n.startsWith("Veksten for 2018 er anslag"))).toBe(true);
  });

  it("chains the level from the base year with live formulas; growth is a number or empty, never text", () => {
    const { blocks, levelCell, baseCell } = priceTable(section, 30, "nb");
    expect(blocks[0]).toMatchObject({ at: "A30", style: "subtitle" });
    const rows = blocks[2].rows;
    expect(blocks[2].at).toBe("A32");
    // Rows 32–36: 2015–2019.
    expect(rows.map((r) => r[0])).toEqual([2015, 2016, 2017, 2018, 2019].map((y) => ({ kind: "number", value: y, format: "0" })));
    expect(rows.map((r) => r[1].kind)).toEqual(["empty", "number", "empty", "number", "empty"]);
    expect(rows[2][2]).toEqual({ kind: "number", value: 100, format: "0.000" });
    // Below the base: the next year's level over its growth; above: the previous year's level times its growth.
    expect(rows[1][2]).toMatchObject({ kind: "formula", formula: '=IF(AND(ISNUMBER(C34),ISNUMBER(B34)),C34/(1+B34/100),"")' });
    expect(rows[0][2]).toMatchObject({ kind: "formula", formula: '=IF(AND(ISNUMBER(C33),ISNUMBER(B33)),C33/(1+B33/100),"")' });
    expect(rows[3][2]).toMatchObject({ kind: "formula", formula: '=IF(AND(ISNUMBER(C34),ISNUMBER(B35)),C34*(1+B35/100),"")' });
    expect(rows[3][3]).toEqual({ kind: "text", text: "anslag (synthetic) (anslag, ikke endelig tall)" });
    expect(rows[1][3]).toEqual({ kind: "text", text: "TBU (synthetic)" });
    expect(levelCell(2019)).toBe("$C$36");
    expect(baseCell).toBe("$C$34");
  });
});

describe("a template without money figures", () => {
  afterEach(() => resetUserCatalog());

  it("is shown as published: no price table, no fixed-price headings", () => {
    expect(registerUserTemplate({ id: "mal-andeler", label: { nb: "Andeler", en: "Shares" }, indicators: ["barnehage-andel-barn-1-5", "barnehage-barn-per-arsverk"], defaultComparisons: [], network: "asss" }, [])).toEqual([]);
    const { plan, missingPriceYears } = buildReport(sampleDataset(), { sectors: ["mal-andeler"], municipality: "0219", year: 2017, years: [2015, 2016, 2017], lang: "nb", prices: { index: INDEX } });
    const sheet = plan.sheets.find((s) => s.key === "trend:mal-andeler")!;
    const texts = sheet.blocks.flatMap((b) => b.rows.flat()).flatMap((c) => (c.kind === "text" ? [c.text] : []));
    expect(texts).toContain("Verdier");
    expect(texts.some((t) => /Prisindeks|faste|Nominelle/.test(t))).toBe(false);
    expect(missingPriceYears).toEqual([]);
  });
});
