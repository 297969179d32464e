import { INDICATORS, SECTOR_TEMPLATES, templateById, templateIndicators } from "../../src/kostra/catalog";

describe("indicator catalog and sector templates", () => {
  it("has the plan-miljo-kultur template in the reference document's order, all from 12362 AGD2 per inhabitant", () => {
    const t = templateById("plan-miljo-kultur")!;
    const inds = templateIndicators(t);
    expect(inds.map((i) => i.ssb.select.KOKfunksjon0000)).toEqual([["377"], ["385"], ["370"], ["392"], ["301"], ["303"]]);
    for (const i of inds) {
      expect(i.ssb.table).toBe("12362");
      expect(i.ssb.select.KOKart0000).toEqual(["AGD2"]);
      expect(i.ssb.select.ContentsCode).toEqual(["KOSbelopinnbygge0000"]);
    }
    expect(t.defaultComparisons).toEqual(["asker"]);
  });

  it("has the tekniske-tjenester template with the waste fee from table 12842", () => {
    const inds = templateIndicators(templateById("tekniske-tjenester")!);
    expect(inds.map((i) => i.id)).toEqual([
      "idrett",
      "rekreasjon-naturforvaltning",
      "brann-ulykkesvern",
      "vei-per-km",
      "avfall-driftsutgifter",
      "arsgebyr-avfall",
    ]);
    const fee = inds[5];
    expect(fee.ssb.table).toBe("12842");
    expect(fee.ssb.select.ContentsCode).toEqual(["KOSaarsgebyravfa0000"]);
    const rec = inds[1];
    expect(rec.ssb.select.KOKfunksjon0000).toEqual(["335", "360"]);
    expect(rec.ssb.sum).toEqual(["KOKfunksjon0000"]);
    expect(rec.ssb.select.KOKart0000).toEqual(["AGD10"]);
  });

  it("says so in the definition wherever a mapping is not certain", () => {
    for (const i of INDICATORS.filter((x) => x.confidence !== "high")) {
      expect(i.definition.nb).toMatch(/usikker|middels/i);
      expect(i.definition.en).toMatch(/uncertain|medium/i);
    }
  });

  it("gives every indicator labels, unit and decimals in both languages", () => {
    for (const i of INDICATORS) {
      expect(i.label.nb.length).toBeGreaterThan(3);
      expect(i.label.en.length).toBeGreaterThan(3);
      expect(i.unit.nb && i.unit.en).toBeTruthy();
      expect(Number.isInteger(i.decimals)).toBe(true);
    }
    expect(SECTOR_TEMPLATES.map((t) => t.id)).toEqual(["plan-miljo-kultur", "tekniske-tjenester"]);
  });
});
