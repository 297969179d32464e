/**
 * The one municipality search the CLI and the pane share: what a typed text names, what a
 * picker offers for it, and which near misses to suggest.
 */
import { foldName } from "../../src/kostra/municipality-search";
import { AGGREGATES, MUNICIPALITIES, regionNamed, resolveMunicipality, searchMunicipalities } from "../../src/kostra/municipalities";
import { KostraError } from "../../src/kostra/errors";

const ids = (ms: readonly { id: string }[]) => ms.map((m) => m.id);

describe("folding names", () => {
  it.each([
    ["Bærum", "Baerum"],
    ["BÆRUM", "baerum"],
    ["Tromsø", "Tromso"],
    ["Tromsø", "tromsoe"],
    ["Ålesund", "Aalesund"],
    ["Ålesund", "alesund"],
    ["Deatnu-Tana", "deatnu tana"],
    ["Guovdageaidnu - Kautokeino", "guovdageaidnu kautokeino"],
  ])("%s and %s fold alike", (a, b) => {
    expect(foldName(a)).toBe(foldName(b));
  });

  it("keeps Bærum and Barum apart", () => {
    expect(foldName("Barum")).not.toBe(foldName("Bærum"));
  });
});

describe("what a text names", () => {
  it.each([
    ["Baerum", "baerum"],
    ["bærum", "baerum"],
    ["BÆRUM", "baerum"],
    ["Tromso", "tromso"],
    ["tromsø", "tromso"],
    ["Aalesund", "alesund"],
    ["Ålesund", "alesund"],
    ["219", "baerum"],
    ["0219", "baerum"],
    ["3024", "baerum"],
    ["3201", "baerum"],
    ["301", "oslo"],
    ["0219 Bærum", "baerum"],
  ])("%s names %s", (text, id) => {
    expect(ids(searchMunicipalities(text, { kind: "municipality" }).named)).toEqual([id]);
    expect(resolveMunicipality(text)?.id).toBe(id);
  });

  it("takes a code without its leading zero only as the code it pads to", () => {
    // 219 is 0219 (Bærum up to 2019), not a prefix of some other code.
    expect(ids(searchMunicipalities("219").named)).toEqual(["baerum"]);
    expect(searchMunicipalities("21").named).toEqual([]);
    expect(searchMunicipalities("99999").named).toEqual([]);
  });

  it("returns every municipality a folded name fits, not a guess", () => {
    const heroy = searchMunicipalities("Heroy", { kind: "municipality" });
    expect(ids(heroy.named).sort()).toEqual(["heroy-more-og-romsdal", "heroy-nordland"]);
    expect(resolveMunicipality("Heroy")).toBeUndefined();
    expect(ids(searchMunicipalities("våler", { kind: "municipality" }).named).sort()).toEqual(["valer-innlandet", "valer-ostfold"]);
    // The full name and the stable id files use still name one.
    expect(ids(searchMunicipalities("sande").named)).toEqual(["sande"]);
    expect(ids(searchMunicipalities("Herøy (Nordland)").named)).toEqual(["heroy-nordland"]);
  });

  it("never gives an aggregate where a municipality is wanted", () => {
    const landet = AGGREGATES.find((a) => a.id === "eak")!;
    expect(ids(searchMunicipalities(landet.name).named)).toEqual(["eak"]);
    const asMunicipality = searchMunicipalities(landet.name, { kind: "municipality" });
    expect(asMunicipality.named).toEqual([]);
    expect(asMunicipality.matches.some((m) => m.kind === "aggregate")).toBe(false);
    expect(asMunicipality.suggestions.some((m) => m.kind === "aggregate")).toBe(false);
    expect(searchMunicipalities("EKG07", { kind: "municipality" }).named).toEqual([]);
    expect(searchMunicipalities("kostra", { kind: "municipality" }).matches).toEqual([]);
  });
});

describe("what a picker offers", () => {
  it("offers the named municipality first, then names that start with the text, then names that contain it", () => {
    const offered = ids(searchMunicipalities("as", { kind: "municipality" }).matches);
    expect(offered.indexOf("as")).toBe(0);
    expect(offered).toContain("asker");
    // "Asker" starts with the text, "Evenes" only contains it.
    expect(offered).toContain("evenes");
    expect(offered.indexOf("asker")).toBeLessThan(offered.indexOf("evenes"));
  });

  it.each([
    ["Baerum", "baerum"],
    ["Tromso", "tromso"],
    ["219", "baerum"],
    ["Aale", "alesund"],
  ])("offers %s as %s", (text, id) => {
    expect(ids(searchMunicipalities(text, { kind: "municipality" }).matches)[0]).toBe(id);
  });

  it("offers every municipality for an empty text, and codes by their start", () => {
    expect(searchMunicipalities("", { kind: "municipality" }).matches).toHaveLength(MUNICIPALITIES.length);
    const byCodeStart = searchMunicipalities("02", { kind: "municipality" }).matches;
    expect(byCodeStart.length).toBeGreaterThan(10);
    expect(byCodeStart.every((m) => m.codes.some((c) => c.code.startsWith("02")))).toBe(true);
  });
});

describe("near misses", () => {
  it("suggests Bærum for Barum and nothing as named", () => {
    const r = searchMunicipalities("Barum", { kind: "municipality" });
    expect(r.named).toEqual([]);
    expect(r.matches).toEqual([]);
    expect(ids(r.suggestions)[0]).toBe("baerum");
  });

  it.each([
    ["Tromsa", "tromso"],
    ["Lillestorm", "lillestrom"],
    ["Drammn", "drammen"],
  ])("suggests for %s: %s", (text, id) => {
    expect(ids(searchMunicipalities(text, { kind: "municipality" }).suggestions)).toContain(id);
  });

  it("suggests at most three, and nothing far off", () => {
    expect(searchMunicipalities("Bo", { kind: "municipality" }).suggestions.length).toBeLessThanOrEqual(3);
    expect(searchMunicipalities("Nrd", { kind: "municipality" }).suggestions.length).toBeLessThanOrEqual(3);
    expect(searchMunicipalities("Atlantis", { kind: "municipality" }).suggestions).toEqual([]);
    expect(searchMunicipalities("9999").suggestions).toEqual([]);
  });
});

describe("a region named, or a message that helps", () => {
  it("says what the user may have meant, in both languages", () => {
    let error: unknown;
    try {
      regionNamed("Barum");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KostraError);
    expect((error as KostraError).messageIn("nb")).toBe("Fant ingen kommune «Barum». Mente du Bærum?");
    expect((error as KostraError).messageIn("en")).toBe('Found no municipality "Barum". Did you mean Bærum?');
  });

  it("names both municipalities a name fits", () => {
    expect(() => regionNamed("Heroy")).toThrow(/Herøy \(Møre og Romsdal\).*Herøy \(Nordland\)/);
  });

  it("finds Bærum by a folded name", () => {
    expect(regionNamed("Baerum").id).toBe("baerum");
  });
});

describe("only what a text names (the readers' lookup per observation)", () => {
  it("names exactly what the full search names, for codes, ids, names and near misses", () => {
    const texts = ["0219", "219", "3201", "bærum", "Baerum", "Tromso", "Heroy", "sande", "Sande", "EAKUO", "Landet", "Barum", "", "9999", "0219 Bærum", "0219 Oslo"];
    for (const text of texts)
      for (const year of [undefined, 2017, 2024]) {
        const full = searchMunicipalities(text, { year });
        const only = searchMunicipalities(text, { year, namedOnly: true });
        expect([text, year, only.named.map((m) => m.id)]).toEqual([text, year, full.named.map((m) => m.id)]);
        expect([only.matches, only.suggestions]).toEqual([[], []]);
      }
  });
});
