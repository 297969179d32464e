import { KostraError } from "../../src/kostra/errors";
import { hasXmlForbidden, quoteInput, xmlSafe, xmlSafeDeep } from "../../src/kostra/safe-text";
import { boundedText, dataYear, finiteNumber, parseInput, say, v } from "../../src/kostra/schema";

describe("safe text", () => {
  it("replaces every character XML 1.0 forbids and keeps the rest", () => {
    const bad = ["\u0000", "\u0001", "\u0008", "\u000B", "\u000C", "\u000E", "\u001F", "\uFFFE", "\uFFFF", "\uD800", "\uDFFF"];
    for (const c of bad) {
      expect(hasXmlForbidden(`a${c}b`)).toBe(true);
      expect(xmlSafe(`a${c}b`)).toBe("a\uFFFDb");
    }
    const good = "Tab\tLF\nCR\r æøå – € 😀 \uE000 \uFFFD";
    expect(hasXmlForbidden(good)).toBe(false);
    expect(xmlSafe(good)).toBe(good);
    // A surrogate pair stays; a high surrogate followed by a non-low one is replaced.
    expect(xmlSafe("\uD83D\uDE00\uD83Dx")).toBe("\uD83D\uDE00\uFFFDx");
  });

  it("cleans keys and strings at any depth", () => {
    expect(xmlSafeDeep({ "k\uFFFF": ["v\u0000", 1, null, { x: "\uDC00" }] })).toEqual({ "k\uFFFD": ["v\uFFFD", 1, null, { x: "\uFFFD" }] });
  });

  it("quotes input on one short line", () => {
    expect(quoteInput("a\nb\r\nc")).toBe("a b c");
    expect(quoteInput("x".repeat(100), 10)).toBe(`${"x".repeat(9)}…`);
    expect(quoteInput("😀".repeat(20), 5)).toBe("😀😀😀😀…");
  });
});

describe("parseInput", () => {
  const schema = v.object({
    name: boundedText(5),
    year: dataYear(),
    values: v.array(finiteNumber()),
    kind: v.picklist(["a", "b"]),
    code: v.pipe(v.string(), v.check((s) => /^\d{4}$/.test(s), say({ nb: "er ikke et kommunenummer", en: "is not a municipality number" }))),
  });
  const good = { name: "Bærum", year: 2017, values: [1, 2.5], kind: "a", code: "0219" };

  it("returns typed values and drops unknown fields", () => {
    expect(parseInput(schema, { ...good, extra: { formula: "HYPERLINK(1)" } }, "f.json")).toEqual(good);
  });

  it("names the field and the problem in both languages, on one line", () => {
    const cases: [unknown, RegExp, RegExp][] = [
      [{ ...good, values: [1, Infinity] }, /«values\[1\]» er ikke et endelig tall/, /"values\[1\]" is not a finite number/],
      [{ ...good, name: "toolong" }, /«name» er for lang \(over 5 tegn\)/, /"name" is too long/],
      [{ ...good, name: { formula: "WEBSERVICE(1)" } }, /«name» forventet tekst/, /"name" expected text/],
      [{ ...good, year: 2017.5 }, /«year» er ikke et heltall/, /not an integer/],
      [{ ...good, kind: "c\nd" }, /«kind» ugyldig verdi "c d"/, /invalid value "c d"; expected "a" or "b"/],
      [{ ...good, code: "12" }, /«code» er ikke et kommunenummer/, /"code" is not a municipality number/],
      [null, /^f\.json: forventet et objekt, fikk null\.$/, /expected an object, got null/],
    ];
    for (const [input, nb, en] of cases) {
      let error: unknown;
      try {
        parseInput(schema, input, "f.json");
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(KostraError);
      const k = error as KostraError;
      expect(k.code).toBe("bad-input");
      expect(k.text.nb).toMatch(nb);
      expect(k.text.en).toMatch(en);
      expect(k.text.nb).not.toMatch(/\n/);
    }
  });

  it("makes text XML-safe on the way in", () => {
    expect(parseInput(schema, { ...good, name: "a\uFFFFb" }, "f").name).toBe("a\uFFFDb");
  });
});

describe("a missing field", () => {
  it("is named as missing, in both languages", () => {
    const schema = v.object({ id: v.string(), nested: v.object({ year: dataYear() }) });
    expect(() => parseInput(schema, { nested: {} }, "f.json")).toThrow(expect.objectContaining({ text: { nb: "f.json: «id» mangler.", en: 'f.json: "id" is missing.' } }));
    expect(() => parseInput(schema, { id: "x", nested: {} }, "f.json")).toThrow(expect.objectContaining({ text: expect.objectContaining({ nb: "f.json: «nested.year» mangler." }) }));
  });
});

describe("quoted input in a message", () => {
  it("cannot turn itself around with bidirectional overrides", () => {
    expect(quoteInput("abc\u202Efdp.exe")).toBe("abc\uFFFDfdp.exe");
    expect(quoteInput("\u2066x\u2069")).toBe("\uFFFDx\uFFFD");
  });
});
