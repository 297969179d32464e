/**
 * `kostra profile --format csv|json|table` with hostile text in the data: a status symbol
 * that is a formula, XML-forbidden characters, terminal control characters. The CSV is
 * parsed back with papaparse, as a spreadsheet's importer would split it.
 */
import Papa from "papaparse";
import { profilesToCsv, profileToJson, profileToTable } from "../../src/cli/profile-output";
import { csvDialect, csvNumber, csvText } from "../../src/cli/spreadsheet-csv";
import { FORBIDDEN_STATUS as FORBIDDEN, HYPERLINK_STATUS as HYPERLINK, hostileProfile } from "../support/hostile-profile";

const parse = (csv: string, delimiter: string) => Papa.parse<string[]>(csv, { delimiter, skipEmptyLines: true }).data;

describe("CSV cells", () => {
  const nb = csvDialect("nb");
  const en = csvDialect("en");

  it.each(["=1+1", "+47 22", "-A1", "@SUM(A1)", "\tx", "\rx", HYPERLINK])("escapes formula-leading text %j with a quote mark, quoted", (text) => {
    const cell = csvText(text, nb);
    expect(cell.startsWith(`"'`)).toBe(true);
    expect(parse(cell, ";")[0][0]).toBe(`'${text}`);
  });

  // OWASP's rule applied to the first character that is not white space, and to the
  // full-width forms (U+FF1D ＝, U+FF0B ＋, U+FF0D －, U+FF20 ＠) some spreadsheets and input
  // methods turn into the ASCII ones.
  it.each([
    " =1+1",
    "   +47 22",
    "\u00A0=HYPERLINK(\"http://evil.example\")",
    "\n=1+1",
    "\r\n@SUM(A1)",
    "\t -A1",
    "\u3000=1+1",
    "\u2028=1+1",
    "\uFEFF=1+1",
    "\u200B=1+1",
    "＝1+1",
    "＋47 22",
    "－A1",
    "＠SUM(A1)",
    " ＝1+1",
  ])("escapes text whose first non-white-space character starts a formula, %j", (text) => {
    const cell = csvText(text, nb);
    expect(cell.startsWith(`"'`)).toBe(true);
    expect(parse(`${cell}\n`, ";")[0][0]).toBe(`'${text}`);
  });

  it.each(["Bærum", " Bærum", "1 = 1", "a-b", "e-post@kommune.no", "50 %", " 10", "\u00A0"])("leaves text that does not start a formula as it is, %j", (text) => {
    expect(csvText(text, nb)).not.toMatch(/^"?'/);
  });

  it("leaves ordinary text and SSB's lone '-' as they are, and quotes separators and quotes", () => {
    expect(csvText("Bærum", nb)).toBe("Bærum");
    expect(csvText("-", nb)).toBe("-");
    expect(csvText("a;b", nb)).toBe('"a;b"');
    expect(csvText("a,b", nb)).toBe("a,b");
    expect(csvText("a,b", en)).toBe('"a,b"');
    expect(csvText('si "hei"', nb)).toBe('"si ""hei"""');
    expect(csvText("to\nlinjer", nb)).toBe('"to\nlinjer"');
  });

  it("replaces XML-forbidden characters", () => {
    expect(csvText(FORBIDDEN, nb)).toBe("x\uFFFDy\uFFFDz\uFFFD");
  });

  it("writes numbers as numbers: decimal comma for nb, point for en, negative numbers unescaped", () => {
    expect(csvNumber(50.5, nb)).toBe("50,5");
    expect(csvNumber(-12.5, nb)).toBe("-12,5");
    expect(csvNumber(-12.5, en)).toBe("-12.5");
    expect(csvNumber(1234567, nb)).toBe("1234567");
    expect(csvNumber(Infinity, nb)).toBe("");
    expect(csvNumber(NaN, en)).toBe("");
  });
});

describe("kostra profile --format csv", () => {
  const profile = hostileProfile();

  it("starts with a UTF-8 byte-order mark, once for several profiles", () => {
    const csv = profilesToCsv([profile, profile], "nb");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.indexOf("\uFEFF", 1)).toBe(-1);
  });

  it("nb: ';' between cells, decimal comma, coverage as two number columns, the formula-like status as text", () => {
    const rows = parse(profilesToCsv([profile], "nb").slice(1), ";");
    const head = rows[0];
    expect(head.slice(-3)).toEqual(["Rang", "Med data", "Medlemmer"]);
    expect(rows).toHaveLength(1 + profile.rows.length);
    const kunst = rows[1];
    expect(kunst).toHaveLength(head.length);
    expect(kunst[0]).toBe("Netto driftsutgifter kunstformidling pr. innbygger");
    expect(kunst[1]).toBe(`'${HYPERLINK}`);
    expect(kunst[head.indexOf("Asker")]).toBe("-12,5");
    const row = profile.rows[0];
    expect(kunst[2]).toBe(String(row.average).replace(".", ","));
    expect(kunst.slice(-2)).toEqual([String(row.n), String(row.of)]);
    expect(kunst.some((c) => /^\d+\/\d+$/.test(c))).toBe(false);
    const bibliotek = rows[3];
    expect(bibliotek[head.indexOf("Asker")]).toBe("x\uFFFDy\uFFFDz\uFFFD");
    // Every number cell reads back as a number in the nb convention.
    for (const r of rows.slice(1)) for (const c of r.slice(2, 5)) expect(c === "" || /^-?\d+(,\d+)?$/.test(c)).toBe(true);
  });

  it("en: ',' between cells and decimal point", () => {
    const rows = parse(profilesToCsv([profile], "en").slice(1), ",");
    expect(rows[0].slice(-2)).toEqual(["With data", "Members"]);
    expect(rows[1][1]).toBe(`'${HYPERLINK}`);
    expect(rows[1][rows[0].indexOf("Asker")]).toBe("-12.5");
    expect(rows[1][2]).toBe(String(profile.rows[0].average));
  });
});

describe("kostra profile --format json and table", () => {
  it("json: every string XML-safe, and valid JSON", () => {
    const text = JSON.stringify(profileToJson(hostileProfile(FORBIDDEN), "nb"));
    const back = JSON.parse(text);
    expect(back.rows[0].status).toBe("x\uFFFDy\uFFFDz\uFFFD");
    expect(text).not.toMatch(/\\u0001|\\ud800|\uFFFE/i);
  });

  it("table: control characters that could drive a terminal are replaced", () => {
    const table = profileToTable(hostileProfile("\u001b[2J\r\u009b31m"), "nb");
    expect(table).not.toMatch(/[\u001b\r\u009b]/);
    expect(table).toContain("\uFFFD[2J");
  });
});
