import { csvRowProblem, parseNumber, readTidyCsv, readTidyRows } from "../../src/sources/csv";
import { v } from "../../src/kostra/schema";
import { CSV_ROW } from "../../src/sources/schemas/csv-row";
import { decodeText } from "../../src/sources/decode";
import { mergeDatasets } from "../../src/kostra/dataset";
import { readDataFile } from "../../src/sources/file";
import { kostraErrorOf } from "../support/kostra-error";
import { MAX_FILE_BYTES, MAX_OBSERVATIONS } from "../../src/kostra/limits";

const enc = (s: string) => new TextEncoder().encode(s);
/** Latin-1 bytes for a string whose characters are all below U+0100. */
const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

const messageOf = (f: () => unknown): string => kostraErrorOf(f).messageIn("nb");

describe("tidy CSV import", () => {
  it("reads semicolon-separated rows with decimal commas, codes with names and SSB symbols", () => {
    const text = "region;indikator;år;verdi;status\n0219 Bærum;bibliotek;2017;304,5\n0301;bibliotek;2017;..;\n1201;bibliotek;2017;;:\n1103;bibliotek;2017;-\n";
    const { observations } = readTidyCsv(text, "t.csv");
    expect(observations).toEqual([
      { indicator: "bibliotek", municipality: "baerum", year: 2017, code: "0219", value: 304.5 },
      { indicator: "bibliotek", municipality: "oslo", year: 2017, code: "0301", value: null, status: ".." },
      { indicator: "bibliotek", municipality: "bergen", year: 2017, code: "1201", value: null, status: ":" },
      { indicator: "bibliotek", municipality: "stavanger", year: 2017, code: "1103", value: 0, status: "-" },
    ]);
  });

  it("reads comma-separated rows with decimal points and labels as indicator names", () => {
    const text = 'region,indicator,year,value\n3024,Netto driftsutgifter bibliotek pr. innbygger,2021,"1 234.5"\nBærum,kunstformidling,2017,141\n';
    const { observations } = readTidyCsv(text, "t.csv");
    expect(observations[0]).toMatchObject({ indicator: "bibliotek", municipality: "baerum", year: 2021, code: "3024", value: 1234.5 });
    expect(observations[1]).toMatchObject({ municipality: "baerum", code: "0219", value: 141 });
  });

  it("restores the leading zero Excel drops from a code saved as a number", () => {
    const { observations } = readTidyCsv("region;indicator;year;value\n301;bibliotek;2017;1\n219;bibliotek;2017;2\n", "t.csv");
    expect(observations.map((o) => [o.municipality, o.code])).toEqual([["oslo", "0301"], ["baerum", "0219"]]);
  });

  it("reads a name in any year under the code valid then", () => {
    const { observations } = readTidyCsv("region;indicator;year;value\nBærum;bibliotek;2017;1\nBærum;bibliotek;2024;2\n", "t.csv");
    expect(observations.map((o) => o.code)).toEqual(["0219", "3201"]);
  });

  it("skips unknown regions and indicators with a warning naming them and their line", () => {
    const { observations, warnings } = readTidyCsv("region;indicator;year;value\nEKA11;bibliotek;2017;1\n0219;nope;2017;2\n0219;bibliotek;2017;3\n", "t.csv");
    expect(observations).toHaveLength(1);
    expect(warnings.map((w) => w.nb)).toEqual([
      "t.csv: ukjente regioner hoppet over: «EKA11» (linje 2).",
      "t.csv: ukjente indikatorer hoppet over: «nope» (linje 3).",
    ]);
  });

  it.each([
    ["a missing column", "region;indicator;value\n0219;bibliotek;1\n", /t\.csv linje 1: mangler kolonne «år»/],
    ["a bad number", "region;indicator;year;value\n0219;bibliotek;2017;12x\n", /t\.csv linje 2, felt «verdi»: «12x» er ikke et tall/],
    ["a bad year", "region;indicator;year;value\n0219;bibliotek;17;1\n", /t\.csv linje 2, felt «år»: «17» er ikke et årstall/],
    ["a duplicate row", "region;indicator;year;value\n0219;bibliotek;2017;1\nBærum;bibliotek;2017;2\n", /linje 3: samme kommune, indikator og år som linje 2/],
    ["nothing usable", "region;indicator;year;value\nEKA11;bibliotek;2017;1\n", /ingen rader med kjent kommune og indikator/],
    ["an empty file", "", /filen er tom/],
    ["an unterminated quote", 'region;indicator;year;value\n0219;"bibliotek;2017;1\n', /uavsluttet anførselstegn/],
  ])("rejects %s with a message naming file, line and field", (_, text, message) => {
    expect(messageOf(() => readTidyCsv(text, "t.csv"))).toMatch(message);
  });

  it.each([
    ["Infinity written as 1e309", "region;indicator;year;value\n0219;bibliotek;2017;1e309\n", /t\.csv linje 2, felt «verdi»: «1e309» er ikke et endelig tall/, /t\.csv line 2, field "value": "1e309" is not a finite number/],
    ["a quarter for an annual indicator", "region;indicator;year;value\n0219;bibliotek;2017K1;1\n0219;bibliotek;2017K2;2\n", /t\.csv linje 2, felt «år»: «2017K1» er en tidskode for del av et år; indikatorene er årlige/, /t\.csv line 2, field "year": "2017K1" is a time code for part of a year; the indicators are annual/],
    ["a status that is too long", `region;indicator;year;value;status\n0219;bibliotek;2017;;${"x".repeat(1001)}\n`, /t\.csv linje 2, felt «status»: «x+…» er for lang \(over 1000 tegn\)/, /line 2, field "status"/],
    ["a year before KOSTRA", "region;indicator;year;value\n0219;bibliotek;1899;1\n", /t\.csv linje 2, felt «år»: «1899» må være minst 1990/, /must be at least 1990/],
  ])("rejects %s, naming file, line and field in both languages", (_, text, nb, en) => {
    const error = kostraErrorOf(() => readTidyCsv(text, "t.csv"));
    expect(error.messageIn("nb")).toMatch(nb);
    expect(error.messageIn("en")).toMatch(en);
    expect(error.messageIn("nb")).not.toMatch(/\n/);
  });

  it("refuses more rows than the limit before reading them", () => {
    const rows: string[][] = new Array(MAX_OBSERVATIONS + 2);
    rows[0] = ["region", "indicator", "year", "value"];
    expect(messageOf(() => readTidyRows(rows, "t.csv"))).toBe("t.csv: har flere enn 5 000 000 rader, som er grensen.");
  });

  it.each([
    ["the same column twice", "region;indikator;år;verdi;verdi\n0219;bibliotek;2017;1;2\n", "t.csv linje 1: kolonnen «verdi» står to ganger (kolonne 4 og 5).", 't.csv line 1: the column "verdi" appears twice (columns 4 and 5).'],
    ["two names for one column", "region;indikator;år;value;Verdi\n0219;bibliotek;2017;1;2\n", "t.csv linje 1: kolonnene «value» og «Verdi» betyr begge verdi (kolonne 4 og 5).", 't.csv line 1: the columns "value" and "Verdi" both mean value (columns 4 and 5).'],
    ["a status column twice", "region;indikator;år;verdi;status;symbol\n0219;bibliotek;2017;1;;:\n", "t.csv linje 1: kolonnene «status» og «symbol» betyr begge status (kolonne 5 og 6).", 't.csv line 1: the columns "status" and "symbol" both mean status (columns 5 and 6).'],
  ])("refuses %s in the header, naming the column", (_, text, nb, en) => {
    const e = kostraErrorOf(() => readTidyCsv(text, "t.csv"));
    expect(e.messageIn("nb")).toBe(nb);
    expect(e.messageIn("en")).toBe(en);
  });

  it("keeps columns it does not read, even when their names repeat", () => {
    const { observations } = readTidyCsv("region;merknad;indikator;år;verdi;merknad\n0219;a;bibliotek;2017;1;b\n", "t.csv");
    expect(observations).toEqual([{ indicator: "bibliotek", municipality: "baerum", year: 2017, code: "0219", value: 1 }]);
  });

  it("names the line, not a field called undefined, for a problem with the row as a whole", () => {
    const e = csvRowProblem(v.safeParse(CSV_ROW, null).issues!, { region: "", indicator: "", year: "", value: "", status: undefined }, "t.csv", 7);
    expect(e.messageIn("nb")).toBe("t.csv linje 7: forventet et objekt, fikk null.");
    expect(e.messageIn("en")).toBe("t.csv line 7: expected an object, got null.");
  });

  it.each([
    ["Haram while it was part of Ålesund", "1534 Haram;bibliotek;2021;5", "t.csv linje 2: «1534 Haram» er Haram, som ikke hadde eget kommunenummer i 2021 (den var en del av Ålesund).", 't.csv line 2: "1534 Haram" is Haram, which had no code of its own in 2021 (it was part of Ålesund).'],
    ["Hof after it became part of Holmestrand", "Hof;bibliotek;2021;", "t.csv linje 2: «Hof» er Hof, som ikke hadde eget kommunenummer i 2021 (den var blitt en del av Holmestrand).", 't.csv line 2: "Hof" is Hof, which had no code of its own in 2021 (it had become part of Holmestrand).'],
    ["Lillestrøm before it was formed", "3030;bibliotek;2017;5", "t.csv linje 2: «3030» er Lillestrøm, som ikke hadde eget kommunenummer i 2017 (den fantes ikke ennå).", 't.csv line 2: "3030" is Lillestrøm, which had no code of its own in 2017 (it did not exist yet).'],
    // The rule every reader applies (municipalities.ts, isCodeValidInYear): KOSTRA publishes
    // each year under the codes valid then, so "3201" in a 2017 row is not a 2017 figure of
    // anyone — Bærum was 0219 until 2019, 3024 in 2020–2023 and 3201 from 2024.
    ["a later code (Bærum's 3201 from 2024)", "3201;bibliotek;2017;1", "t.csv linje 2, felt «region»: koden «3201» gjelder ikke Bærum i 2017 (den er gyldig fra 2024; Bærum hadde 0219).", 't.csv line 2, field "region": code "3201" is not Bærum\'s in 2017 (it is valid from 2024; Bærum had 0219).'],
    ["an earlier code with its name (Drammen's 0602 up to 2019)", "0602 Drammen;bibliotek;2021;1", "t.csv linje 2, felt «region»: koden «0602» gjelder ikke Drammen i 2021 (den er gyldig til og med 2019; Drammen hadde 3005).", 't.csv line 2, field "region": code "0602" is not Drammen\'s in 2021 (it is valid up to 2019; Drammen had 3005).'],
    ["a code of a period (Bærum's 3024 in 2020–2023)", "3024;bibliotek;2024;1", "t.csv linje 2, felt «region»: koden «3024» gjelder ikke Bærum i 2024 (den er gyldig i 2020–2023; Bærum hadde 3201).", 't.csv line 2, field "region": code "3024" is not Bærum\'s in 2024 (it is valid in 2020–2023; Bærum had 3201).'],
  ])("refuses a row for %s, naming the line, the region and the year", (_, row, nb, en) => {
    const e = kostraErrorOf(() => readTidyCsv(`region;indikator;år;verdi\n${row}\n`, "t.csv"));
    expect(e.code).toBe("bad-input"); // exit 2
    expect(e.messageIn("nb")).toBe(nb);
    expect(e.messageIn("en")).toBe(en);
  });

  it("reads Haram again from 2024, under its new code, and Ålesund while Haram was part of it", () => {
    const { observations } = readTidyCsv("region;indikator;år;verdi\nHaram;bibliotek;2024;1\n1534;bibliotek;2019;2\nÅlesund;bibliotek;2021;3\n", "t.csv");
    expect(observations.map((o) => [o.municipality, o.year, o.code])).toEqual([["haram", 2024, "1580"], ["haram", 2019, "1534"], ["alesund", 2021, "1507"]]);
  });

  it("makes status symbols XML-safe and keeps formula-like text as text", () => {
    const { observations } = readTidyCsv('region;indicator;year;value;status\n0219;bibliotek;2017;;"\u0001=HYPERLINK(""http://x"")\uFFFF"\n', "t.csv");
    expect(observations[0]).toEqual({ indicator: "bibliotek", municipality: "baerum", year: 2017, code: "0219", value: null, status: '\uFFFD=HYPERLINK("http://x")\uFFFD' });
  });

  it.each([
    ["a blank line", "region;indicator;year;value\n0219;bibliotek;2017;1\n\n0301;bibliotek;2017;12x\n", "t.csv linje 4, felt «verdi»: «12x» er ikke et tall."],
    ["a line of blanks and separators", "region;indicator;year;value\n\n ; ; ;\r\n0301;bibliotek;17;1\n", "t.csv linje 4, felt «år»: «17» er ikke et årstall."],
    ["a quoted field over two lines", 'region;indicator;year;value\n0219;"biblio\ntek";2017;1\n0301;bibliotek;2017;12x\n', "t.csv linje 4, felt «verdi»: «12x» er ikke et tall."],
    ["Windows line ends and a quoted field over three", 'region;indicator;year;value\r\n0219;"a\r\nb\r\nc";2017;1\r\n0301;bibliotek;2017;12x\r\n', "t.csv linje 5, felt «verdi»: «12x» er ikke et tall."],
    ["an unterminated quote after a blank line", 'region;indicator;year;value\n\n0219;"bibliotek;2017;1\n0301;bibliotek;2017;1\n', "t.csv linje 3: uavsluttet anførselstegn."],
    ["a header after blank lines", "\n\nregion;indicator;year;value\n0301;bibliotek;2017;12x\n", "t.csv linje 4, felt «verdi»: «12x» er ikke et tall."],
    ["a header after blank lines, missing a column", "\r\n\r\nregion;indicator;value\r\n0301;bibliotek;1\r\n", "t.csv linje 3: mangler kolonne «år». Forventet overskrift: region;indikator;år;verdi[;status]."],
  ])("names the file's own line after %s", (_, text, message) => {
    expect(messageOf(() => readTidyCsv(text, "t.csv"))).toBe(message);
  });

  it("types each field by its schema on every row, also a text seen on earlier rows", () => {
    const long = "x".repeat(1001);
    // The same year and region texts read fine before; the status is refused where it first appears.
    const text = `region;indicator;year;value;status\n0219;bibliotek;2017;1;\n0301;bibliotek;2017;2;..\n1201;bibliotek;2017;;${long}\n1103;bibliotek;2017;;${long}\n`;
    expect(messageOf(() => readTidyCsv(text, "t.csv"))).toMatch(/^t\.csv linje 4, felt «status»: «x+…» er for lang \(over 1000 tegn\)\.$/);
    // A row's first problem is named, in the row's order of fields (region before value).
    const both = `region;indicator;year;value\n0219;bibliotek;2017;1\n${long};bibliotek;2017;12x\n`;
    expect(messageOf(() => readTidyCsv(both, "t.csv"))).toMatch(/^t\.csv linje 3, felt «region»: «x+…» er for lang/);
    // A value is typed on every row, however often the same text appears.
    const values = readTidyCsv("region;indicator;year;value\n0219;bibliotek;2017;1 234,5\n0301;bibliotek;2017;1 234,5\n", "t.csv").observations;
    expect(values.map((o) => o.value)).toEqual([1234.5, 1234.5]);
  });

  it("gives the engine every observation with its provenance, as read", () => {
    const { dataset } = readDataFile(enc("region;indicator;year;value;status\n0219;bibliotek;2017;1;\n0301;bibliotek;2017;..;\n"), "t.csv");
    expect(dataset.observations).toStrictEqual([
      { indicator: "bibliotek", municipality: "baerum", year: 2017, code: "0219", value: 1, provenance: 0 },
      { indicator: "bibliotek", municipality: "oslo", year: 2017, code: "0301", value: null, status: "..", provenance: 0 },
    ]);
  });

  it("names both lines and the codes of a duplicate, and whether the values differ", () => {
    const same = messageOf(() => readTidyCsv("region;indicator;year;value\n0219;bibliotek;2017;1\n0219 Bærum;bibliotek;2017;1\n", "t.csv"));
    expect(same).toBe("t.csv linje 3: samme kommune, indikator og år som linje 2 (0219 Bærum, bibliotek, 2017).");
    const conflict = messageOf(() => readTidyCsv("region;indicator;year;value\n0219;bibliotek;2017;1\n0219;bibliotek;2017;2\n", "t.csv"));
    expect(conflict).toBe("t.csv linje 3: samme kommune, indikator og år som linje 2 (0219 Bærum, bibliotek, 2017), med en annen verdi (2, ikke 1).");
  });

  it.each([
    ["1 234,5", 1234.5],
    ["1.234,5", 1234.5],
    ["1,234.5", 1234.5],
    ["-12", -12],
    ["\u221212", -12],
    ["277\u00a0363", 277363],
    ["abc", null],
    ["1,2,3", null],
    ["", null],
  ])("parses %s as %s", (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });
});

describe("file decoding and format detection", () => {
  const csv = "region;indikator;år;verdi\n0219 Bærum;bibliotek;2017;304\n";

  it("decodes UTF-8 with and without BOM, and Latin-1", () => {
    expect(decodeText(enc(csv)).text).toBe(csv);
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...enc(csv)])).text).toBe(csv);
    const l = decodeText(latin1(csv));
    expect(l.encoding).toBe("windows-1252");
    expect(l.text).toBe(csv);
  });

  it("reads the same observations from UTF-8, UTF-8 with BOM and Latin-1 files", () => {
    const a = readDataFile(enc(csv), "a.csv").dataset.observations;
    const b = readDataFile(Uint8Array.from([0xef, 0xbb, 0xbf, ...enc(csv)]), "b.csv").dataset.observations;
    const c = readDataFile(latin1(csv), "c.csv").dataset.observations;
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(a[0]).toMatchObject({ municipality: "baerum", value: 304 });
  });

  it("recognises JSON by content and reports invalid JSON", () => {
    expect(messageOf(() => readDataFile(enc("{ not json"), "x.json"))).toMatch(/^x\.json: er ikke gyldig JSON/);
    expect(messageOf(() => readDataFile(new Uint8Array(), "x.json"))).toMatch(/x\.json: filen er tom/);
  });

  it("refuses a file over the size limit before decoding it", () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1).fill(0x20);
    big[0] = 0x7b; // "{": JSON by content
    const error = kostraErrorOf(() => readDataFile(big, "stor.json"));
    expect(error.messageIn("nb")).toBe("stor.json: filen er større enn 100 MB, som er grensen for datafiler.");
    expect(error.messageIn("en")).toBe("stor.json: the file is larger than 100 MB, the limit for data files.");
    // Exactly at the limit is read (and here fails as JSON, not as too large).
    expect(messageOf(() => readDataFile(big.subarray(0, MAX_FILE_BYTES), "stor.json"))).toMatch(/er ikke gyldig JSON/);
  });

  it("keeps a file name with forbidden characters out of the provenance", () => {
    const r = readDataFile(enc(csv), "a\u0007.csv", new Date("2026-03-15T08:00:00Z"));
    expect(r.dataset.provenance[0].query).toBe("a\uFFFD.csv");
  });

  it("records provenance with file name and read time", () => {
    const r = readDataFile(enc(csv), "a.csv", new Date("2026-03-15T08:00:00Z"));
    expect(r.dataset.provenance).toEqual([{ source: "file", query: "a.csv", fetchedAt: "2026-03-15T08:00:00.000Z" }]);
  });

  it("lets a later dataset replace earlier observations and keeps provenance indexes right", () => {
    const a = readDataFile(enc(csv), "a.csv").dataset;
    const b = readDataFile(enc("region;indikator;år;verdi\n0219;bibliotek;2017;999\n0301;bibliotek;2017;1\n"), "b.csv").dataset;
    const merged = mergeDatasets([a, b]);
    expect(merged.observations).toHaveLength(2);
    const baerum = merged.observations.find((o) => o.municipality === "baerum")!;
    expect(baerum.value).toBe(999);
    expect(merged.provenance[baerum.provenance].query).toBe("b.csv");
  });
});
