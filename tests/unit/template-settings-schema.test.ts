/**
 * A workbook's settings part is hostile input: read in one linear pass (no regular
 * expression over the part), size-limited, and checked by a schema with known versions and
 * bounded, typed fields.
 */
import { userIndicatorFromSsb } from "../../src/kostra/catalog";
import { MAX_SETTINGS_BYTES } from "../../src/kostra/limits";
import { settingsFromXml, settingsPayload, settingsToXml, SETTINGS_NAMESPACE, type TemplateSettings } from "../../src/report/template-settings";
import { writtenSettings } from "../support/settings-fixture";
import { LIBRARIES_PICK } from "../support/ssb-pick";

const settings = writtenSettings();
const part = (json: string) => `<?xml version="1.0" encoding="UTF-8"?><kostraBenchmark xmlns="${SETTINGS_NAMESPACE}" schemaVersion="1"><settings><![CDATA[${json.replace(/]]>/g, "]]]]><![CDATA[>")}]]></settings></kostraBenchmark>`;
const withJson = (changes: Record<string, unknown>) => part(JSON.stringify({ ...settings, ...changes }));

function reason(xml: string): string {
  const read = settingsFromXml(xml);
  if (read.kind !== "invalid") throw new Error(`expected the part to be refused, got ${read.kind}`);
  expect(read.reason.en.length).toBeGreaterThan(10);
  expect(read.reason.nb).not.toMatch(/\n/);
  return read.reason.nb;
}

/** Longest text any regular expression was run on while `fn` ran. */
function longestRegexInput(fn: () => void): number {
  const exec = jest.spyOn(RegExp.prototype, "exec");
  try {
    fn();
    return Math.max(0, ...exec.mock.calls.map(([input]) => String(input).length));
  } finally {
    exec.mockRestore();
  }
}

/** The part that took 16 s: a settings start repeated, never closed (each start made the old pattern scan to the end). */
const crafted = (bytes: number) => `<kostraBenchmark xmlns="${SETTINGS_NAMESPACE}">` + "<settings><![CDATA[".repeat(Math.floor(bytes / 19));

describe("reading a crafted settings part", () => {
  it("runs no regular expression over the part (608 KB)", () => {
    const xml = crafted(608 * 1024);
    let read: ReturnType<typeof settingsFromXml> | undefined;
    expect(longestRegexInput(() => (read = settingsFromXml(xml)))).toBeLessThan(20_000);
    expect(read).toMatchObject({ kind: "invalid", reason: { nb: expect.stringMatching(/skadet \(ikke gyldig XML\)/) } });
  });

  it("reads a part just under the limit in well under a second", () => {
    const xml = crafted(MAX_SETTINGS_BYTES - 200);
    expect(xml.length).toBeLessThanOrEqual(MAX_SETTINGS_BYTES);
    const started = performance.now();
    expect(settingsFromXml(xml).kind).toBe("invalid");
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("refuses a part over the limit, however well-formed", () => {
    const big = withJson({ source: { kind: "file", files: Array.from({ length: 40 }, () => "x".repeat(250)) }, comparisons: [], padding: " ".repeat(MAX_SETTINGS_BYTES) });
    expect(reason(big)).toMatch(/for store \(over 1 MB\)/);
    // Counted in UTF-8 bytes: 400 000 three-byte characters are 1.2 MB.
    expect(settingsPayload(part(`"${"€".repeat(400_000)}"`))).toEqual({ ok: false, why: "too-large" });
  });

  it.each([
    ["an unclosed CDATA section", part("{").replace("]]>", "")],
    ["an element inside settings", part("{}").replace("<settings>", "<settings><x/>")],
    ["text after the root", part("{}") + "<more/>"],
    ["an unknown entity", part("{}").replace("<settings>", "<settings>&nbsp;")],
    ["a reference to a forbidden character", part("{}").replace("<settings>", "<settings>&#1;")],
    ["an attribute without quotes", part("{}").replace('schemaVersion="1"', "schemaVersion=1")],
  ])("calls %s damaged", (_, xml) => {
    expect(reason(xml)).toMatch(/skadet \(ikke gyldig XML\)/);
  });

  it("reads the JSON however an XML library may have rewritten the part", () => {
    const json = JSON.stringify(settings);
    const escaped = json.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&#x3E;");
    const rewritten = `\uFEFF<?xml version='1.0' encoding='utf-8' standalone='yes'?>\r\n<kostraBenchmark schemaVersion='1' xmlns='${SETTINGS_NAMESPACE}'>\n  <settings>${escaped}</settings>\n</kostraBenchmark>\n`;
    expect(settingsFromXml(rewritten)).toEqual({ kind: "ok", settings });
  });
});

describe("the settings' version", () => {
  it.each([
    [0.5, /ukjent versjon \(«0\.5»\)/],
    [-7, /ukjent versjon \(«-7»\)/],
    ["1", /ukjent versjon \(«1»\)/],
    [null, /ukjent versjon \(«object»\)/],
    [1e9, /ukjent versjon \(«1000000000»\)/],
    [undefined, /mangler versjonsnummer/],
  ])("refuses %p", (version, message) => {
    expect(reason(withJson({ schemaVersion: version }))).toMatch(message);
  });

  it("names a newer version and asks to update the add-in", () => {
    expect(reason(withJson({ schemaVersion: 2 }))).toMatch(/nyere versjon av KOSTRA Benchmark \(malversjon 2\)\. Oppdater tillegget/);
  });
});

describe("every field typed and bounded", () => {
  const pick = LIBRARIES_PICK;
  const indicator = userIndicatorFromSsb(pick);
  const userTemplate = {
    template: { id: "mal-bibliotek", label: { nb: "Bibliotek", en: "Libraries" }, indicators: [indicator.id], defaultComparisons: [], network: "asss" },
    indicators: [indicator],
  };
  const withUser = (template: object, indicators: object[] = [indicator]) => withJson({ sectors: ["mal-bibliotek"], userTemplate: { template: { ...userTemplate.template, ...template }, indicators } });

  it("reads a user template", () => {
    const read = settingsFromXml(withUser({}));
    expect(read.kind).toBe("ok");
  });

  it.each<[string, string, RegExp]>([
    ["an indicator's decimals of 1e9", withUser({}, [{ ...indicator, decimals: 1e9 }]), /«userTemplate\.indicators\[0\]\.decimals» må være høyst 4/],
    ["an indicator's decimals of 1.5", withUser({}, [{ ...indicator, decimals: 1.5 }]), /«userTemplate\.indicators\[0\]\.decimals» er ikke et heltall/],
    ["a template's decimals of 1e9", withUser({ decimals: { [indicator.id]: 1e9 } }), /«userTemplate\.template\.decimals\[.*\]» må være høyst 4/],
    ["a year of 12", withJson({ year: 12 }), /«year» må være minst 1990/],
    ["a year of Infinity", withJson({ years: [2015, 1e309] }), /«years\[1\]»/],
    ["a label of 100 000 characters", withUser({ label: { nb: "x".repeat(100_000), en: "x" } }), /«userTemplate\.template\.label\.nb» er for lang/],
    ["an SSB code with a quote", withUser({}, [{ ...indicator, ssb: { ...indicator.ssb, select: { ContentsCode: ['x" or "1'] } } }]), /er ikke en SSB-kode/],
    ["a user template id outside mal-…", withUser({ id: "plan-miljo-kultur" }), /«userTemplate\.template\.id» er ikke en egen mal-id/],
    ["an owned sheet that is an object", withJson({ ownedSheets: [{ key: { formula: "A1" }, id: "{1}", name: "x" }] }), /«ownedSheets\[0\]\.key» forventet tekst/],
    ["a list of 10 000 comparisons", withJson({ comparisons: Array(10_000).fill("asker") }), /«comparisons» har for mange elementer/],
  ])("refuses %s, naming the field", (_, xml, message) => {
    expect(reason(xml)).toMatch(message);
  });

  it("keeps a hostile proxy address as text: whether to use it is the user's decision", () => {
    const read = settingsFromXml(withJson({ source: { kind: "ssb", baseUrl: "https://data.ssb.no@evil.example/" } }));
    expect(read).toMatchObject({ kind: "ok", settings: { source: { kind: "ssb", baseUrl: "https://data.ssb.no@evil.example/" } } });
  });

  it("replaces characters XML forbids, and writes parts that are valid XML", () => {
    const s: TemplateSettings = { ...settings, source: { kind: "file", files: ["a\uFFFFb\u0001c\uD800.csv"] } };
    const xml = settingsToXml(s);
    expect(xml).not.toMatch(/[\uFFFE\uFFFF\u0000-\u0008\uD800-\uDFFF]/);
    const read = settingsFromXml(xml);
    expect(read).toMatchObject({ kind: "ok", settings: { source: { files: ["a\uFFFDb\uFFFDc\uFFFD.csv"] } } });
  });

  it("never lets a __proto__ key reach an object's prototype", () => {
    const json = JSON.stringify({ ...settings, sectors: ["mal-bibliotek"], userTemplate })
      .replace('{"schemaVersion"', '{"__proto__":{"polluted":true},"schemaVersion"')
      .replace('"labels":', '"x":')
      .replace('"defaultComparisons"', '"labels":{"__proto__":{"nb":"x","en":"y"}},"decimals":{"__proto__":2},"defaultComparisons"');
    const read = settingsFromXml(part(json));
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(read.kind).toBe("ok");
    if (read.kind !== "ok") return;
    expect(Object.getPrototypeOf(read.settings)).toBe(Object.prototype);
    expect(Object.keys(read.settings)).not.toContain("__proto__");
    expect(Object.getPrototypeOf(read.settings.userTemplate?.template.labels)).toBe(Object.prototype);
    expect(Object.keys(read.settings.userTemplate?.template.decimals ?? {})).toEqual([]);
  });
});
