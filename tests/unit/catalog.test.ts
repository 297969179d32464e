import { INDICATORS, SECTORS, SECTOR_TEMPLATES, templateById, templateIndicators, templatesOfSector } from "../../src/kostra/catalog";

describe("indicator catalog and sector templates", () => {
  it("has the plan-miljo-kultur template in the reference document's order, all from 12362 AGD2 per inhabitant", () => {
    const t = templateById("plan-miljo-kultur")!;
    const inds = templateIndicators(t);
    expect(inds.map((i) => i.ssb!.select.KOKfunksjon0000)).toEqual([["377"], ["385"], ["370"], ["392"], ["301"], ["303"]]);
    for (const i of inds) {
      expect(i.ssb!.table).toBe("12362");
      expect(i.ssb!.select.KOKart0000).toEqual(["AGD2"]);
      expect(i.ssb!.select.ContentsCode).toEqual(["KOSbelopinnbygge0000"]);
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
    expect(fee.ssb!.table).toBe("12842");
    expect(fee.ssb!.select.ContentsCode).toEqual(["KOSaarsgebyravfa0000"]);
    const rec = inds[1];
    expect(rec.ssb!.select.KOKfunksjon0000).toEqual(["335", "360"]);
    expect(rec.ssb!.sum).toEqual(["KOKfunksjon0000"]);
    expect(rec.ssb!.select.KOKart0000).toEqual(["AGD10"]);
  });

  it("says so in the definition wherever a mapping is uncertain, and names its sources", () => {
    for (const i of INDICATORS.filter((x) => x.confidence === "low")) {
      expect([i.id, i.definition.nb]).toEqual([i.id, expect.stringMatching(/usikker/i)]);
      expect([i.id, i.definition.en]).toEqual([i.id, expect.stringMatching(/uncertain/i)]);
    }
    for (const i of INDICATORS) expect([i.id, (i.source ?? "").length > 10]).toEqual([i.id, true]);
  });

  it("records KS's averaging rule for every figure in a template, with the KS page that states it", () => {
    for (const t of SECTOR_TEMPLATES)
      for (const i of templateIndicators(t)) {
        expect([t.id, i.id, i.averageSource]).toEqual([t.id, i.id, expect.stringMatching(/^KS: .*https:\/\/www\.ks\.no\//)]);
        // Weighted = Σ numerator ÷ Σ denominator: only where the figure has a denominator to weight by.
        if (i.defaultAverage === "weighted") expect([i.id, i.weight]).not.toEqual([i.id, "none"]);
      }
  });

  it("has a template for every sector with at least 8 indicators, the reference document's two kept as they are", () => {
    for (const s of SECTORS) expect([s.id, templatesOfSector(s.id).length > 0]).toEqual([s.id, true]);
    for (const t of SECTOR_TEMPLATES) {
      const seed = t.id === "plan-miljo-kultur" || t.id === "tekniske-tjenester";
      expect([t.id, t.indicators.length >= 8]).toEqual([t.id, !seed]);
    }
    expect(SECTORS.map((s) => s.id)).toEqual(expect.arrayContaining([
      "barnevern", "barnehage", "grunnskole", "pleie-omsorg", "kommunehelse", "sosiale-tjenester",
      "eiendomsforvaltning", "samferdsel", "var", "plan-miljo-kultur", "tekniske-tjenester",
    ]));
    expect(templatesOfSector("pleie-omsorg")).toHaveLength(2);
    expect(templatesOfSector("kommunehelse")).toHaveLength(2);
  });

  it("gives every indicator labels, unit and decimals in both languages", () => {
    for (const i of INDICATORS) {
      expect(i.label.nb.length).toBeGreaterThan(3);
      expect(i.label.en.length).toBeGreaterThan(3);
      expect(i.unit.nb && i.unit.en).toBeTruthy();
      expect(Number.isInteger(i.decimals)).toBe(true);
    }
    expect(SECTOR_TEMPLATES.slice(0, 2).map((t) => t.id)).toEqual(["plan-miljo-kultur", "tekniske-tjenester"]);
  });
});
