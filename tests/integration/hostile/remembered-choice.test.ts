/**
 * Hostile-input corpus, area "the remembered choice": what the pane reads back from the
 * browser's storage when it opens (src/taskpane/state/rememberedChoice.ts). Anything may
 * have written it, so each way it can be wrong is tried on its own: the field falls back
 * to its default, the other fields are kept, and nothing throws. Values for the property
 * test come from fast-check with a fixed seed (the same every run; a failure prints it).
 */
import fc from "fast-check";
import { MAX_SETTINGS_BYTES } from "../../../src/kostra/limits";
import { municipalityById } from "../../../src/kostra/municipalities";
import { initialForm, type FormState } from "../../../src/taskpane/state/form";
import { choiceToRemember, rememberedChoice, type ChoiceContext, type RememberedChoice } from "../../../src/taskpane/state/rememberedChoice";

const NOW = new Date("2025-11-27T08:13:00Z");
const outsideExcel: ChoiceContext = { now: NOW, selectionAvailable: false };
const insideExcel: ChoiceContext = { now: NOW, selectionAvailable: true };

/** Every field away from its default, as a user who changed them all would leave it. */
const CHOSEN: RememberedChoice = {
  sector: "grunnskole",
  municipality: "bergen",
  comparisons: ["asker", "oslo"],
  network: "custom",
  peers: ["trondheim", "stavanger"],
  base: "eakuo",
  kostraGroup: "ekg13",
  references: ["kostragruppe", "eak"],
  year: 2021,
  span: { from: 2018, to: 2020 },
  average: "weighted",
  includeOslo: false,
  includeFocal: false,
  chartComparisons: true,
  mergedHistory: "sum",
  source: "ssb",
  baseUrl: "https://kostra-proxy.bergen.kommune.no/api/v2",
};

/** The stored choice with one field replaced by `value` (as stored text). */
const withField = (key: string, value: unknown) => JSON.stringify({ ...CHOSEN, [key]: value });
/** The choice read back, minus one field: what the other fields must still be. */
const without = (key: keyof RememberedChoice): Partial<RememberedChoice> => {
  const rest: Partial<RememberedChoice> = { ...CHOSEN };
  delete rest[key];
  return rest;
};

describe("the remembered choice read back", () => {
  it("comes back whole when it is sound", () => {
    const form: FormState = { ...initialForm(), ...CHOSEN, extraSectors: ["barnehage"] };
    expect(rememberedChoice(choiceToRemember(form), outsideExcel)).toEqual(CHOSEN);
  });

  it("does not keep a template workbook's further templates (they stay with the workbook)", () => {
    const stored = JSON.parse(choiceToRemember({ ...initialForm(), extraSectors: ["barnehage"] })) as Record<string, unknown>;
    expect(stored).not.toHaveProperty("extraSectors");
    expect(rememberedChoice(withField("extraSectors", ["barnehage"]), outsideExcel)).not.toHaveProperty("extraSectors");
  });

  it.each([
    ["nothing stored", null],
    ["text that is not JSON", "{sector: grunnskole"],
    ["an empty text", ""],
    ["JSON null", "null"],
    ["a number", "42"],
    ["a string", JSON.stringify(JSON.stringify(CHOSEN))],
    ["a list", JSON.stringify([CHOSEN])],
  ])("gives the defaults for %s", (_what, text) => {
    expect(rememberedChoice(text, outsideExcel)).toEqual({});
  });

  it("ignores a stored text larger than any choice, without parsing it", () => {
    const huge = JSON.stringify({ ...CHOSEN, padding: "x".repeat(MAX_SETTINGS_BYTES) });
    const parse = jest.spyOn(JSON, "parse");
    try {
      expect(rememberedChoice(huge, outsideExcel)).toEqual({});
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });

  it.each<[keyof RememberedChoice, string, unknown]>([
    ["sector", "a template the product does not know", "mal-forsvunnet"],
    ["sector", "a template id of the wrong form", "Plan/Miljø"],
    ["sector", "a number", 7],
    ["municipality", "a municipality the product does not know", "atlantis"],
    ["municipality", "an aggregate (not a municipality)", "eakuo"],
    ["municipality", "a code instead of an id", "0219"],
    ["municipality", "an object", { id: "bergen" }],
    ["comparisons", "a list that is too long", Array.from({ length: 501 }, () => "asker")],
    ["comparisons", "not a list", "asker"],
    ["network", "an unknown network", "kommune-nettverk"],
    ["base", "an unknown base", "ekg13"],
    ["kostraGroup", "a KOSTRA group the registry does not have", "ekg99"],
    ["kostraGroup", "an aggregate that is not a KOSTRA group", "eakuo"],
    ["references", "an unknown reference", ["kostragruppe", "fylket"]],
    ["year", "a year before any data", 1989],
    ["year", "a year not yet over", NOW.getFullYear() + 1],
    ["year", "a fraction", 2017.5],
    ["year", "text", "2017"],
    ["span", "a reversed span", { from: 2020, to: 2018 }],
    ["span", "a span with a year out of bounds", { from: 1989, to: 2018 }],
    ["span", "half a span", { from: 2018 }],
    ["average", "an unknown averaging", "median"],
    ["includeOslo", "text for a yes/no", "false"],
    ["chartComparisons", "a number for a yes/no", 1],
    ["mergedHistory", "an unknown rule", "guess"],
    ["source", "an unknown source", "ftp"],
    ["source", "the selected range outside Excel", "selection"],
    ["baseUrl", "plain http to another machine", "http://kostra-proxy.example.no"],
    ["baseUrl", "an address with a user name", "https://data.ssb.no@evil.example/"],
    ["baseUrl", "an address with a query", "https://proxy.example.no/?x=1"],
    ["baseUrl", "a script address", "javascript:alert(1)"],
    ["baseUrl", "an address too long to be one", `https://proxy.example.no/${"a".repeat(3000)}`],
  ])("drops %s when it is %s, and keeps the other fields", (key, _what, value) => {
    expect(rememberedChoice(withField(key, value), outsideExcel)).toEqual(without(key));
  });

  it("drops the unknown, aggregate, repeated and malformed entries of a list of municipalities, and keeps the rest", () => {
    const choice = rememberedChoice(withField("comparisons", ["asker", "atlantis", "eak", 42, null, "asker", { id: "oslo" }, "oslo"]), outsideExcel);
    expect(choice.comparisons).toEqual(["asker", "oslo"]);
    expect(rememberedChoice(withField("peers", ["__proto__", "trondheim"]), outsideExcel).peers).toEqual(["trondheim"]);
  });

  it("keeps a time series that starts before the first year the pane offers (it followed the profile year there)", () => {
    expect(rememberedChoice(withField("span", { from: 2013, to: 2015 }), outsideExcel).span).toEqual({ from: 2013, to: 2015 });
  });

  it("keeps the selected range as the source inside Excel", () => {
    expect(rememberedChoice(withField("source", "selection"), insideExcel).source).toBe("selection");
  });

  it("keeps a proxy address that passes the address rule, and one to this machine over http", () => {
    expect(rememberedChoice(withField("baseUrl", "  http://localhost:8080/api  "), outsideExcel).baseUrl).toBe("http://localhost:8080/api");
    expect(rememberedChoice(withField("baseUrl", ""), outsideExcel).baseUrl).toBe("");
  });

  it("makes the fields agree as the pane's own rules do", () => {
    // Without a network there is no network average; no peer is the municipality itself.
    const choice = rememberedChoice(JSON.stringify({ network: "none", base: "network", municipality: "bergen", peers: ["bergen", "oslo"], references: ["eak", "kostragruppe"] }), outsideExcel);
    expect(choice).toEqual({ network: "none", base: "kostragruppe", municipality: "bergen", peers: ["oslo"], references: ["kostragruppe", "eak"] });
    // A base that fell back (to "network") gives way the same.
    expect(rememberedChoice(JSON.stringify({ network: "none", base: 5 }), outsideExcel).base).toBe("kostragruppe");
  });

  it("drops fields it does not know and is not led astray by __proto__ or constructor", () => {
    const text = `{"__proto__": {"sector": "barnehage", "polluted": true}, "constructor": {"prototype": {"polluted": true}}, "sector": "var", "admin": true}`;
    const choice = rememberedChoice(text, outsideExcel);
    expect(choice).toEqual({ sector: "var" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reads a legacy value of the wrong type as nothing", () => {
    expect(rememberedChoice(JSON.stringify({ municipality: null }), outsideExcel)).toEqual({});
  });

  it("never throws, and whatever it keeps is a sound choice, whatever JSON is stored in any field", () => {
    const keys = Object.keys(CHOSEN) as (keyof RememberedChoice)[];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue(), (key, value) => {
        const choice = rememberedChoice(withField(key, value), outsideExcel);
        const form = initialForm(choice);
        expect(typeof form.sector).toBe("string");
        expect(municipalityById(form.municipality)).toBeDefined();
        for (const m of [...form.comparisons, ...form.peers]) expect(municipalityById(m)?.kind).not.toBe("aggregate");
        expect(Number.isInteger(form.year) && form.year >= 1990 && form.year <= NOW.getFullYear()).toBe(true);
        expect(form.span.from <= form.span.to).toBe(true);
        expect(["sample", "ssb", "file"]).toContain(form.source);
        for (const k of keys) if (k !== key) expect(choice[k]).toEqual(CHOSEN[k]);
      }),
      { seed: 20261205, numRuns: 300 },
    );
  });
});
