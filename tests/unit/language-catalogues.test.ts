/**
 * The typed message catalogues (the CLI's CliText, the report's ReportText, the pane's
 * Messages and ReplaceTexts): every text in
 * each language, filled with stand-in values, is in that language — no Norwegian in the
 * English catalogue, no English in the Norwegian one — and the two languages differ where
 * they should, so a text copied untranslated from one to the other is caught. (That both
 * have every key is checked by the type checker: each is declared as the shared type.)
 */
import { CLI_TEXT } from "../../src/cli/messages";
import type { Lang } from "../../src/kostra/types";
import { REPORT_TEXT } from "../../src/report/report-text";
import { en as paneEn } from "../../src/taskpane/i18n/en";
import { nb as paneNb } from "../../src/taskpane/i18n/nb";
import { REPLACE_TEXTS } from "../../src/taskpane/i18n/replace";
import { englishIn, norwegianIn } from "../support/language-check";

/** A stand-in for any argument: an array of one year, which reads as "2017" in a text, a count and a list alike. */
const ANY = Object.freeze(["2017"]);

/** Every text of a catalogue, by its path ("catalog.legend", "oneOf"), functions called with stand-ins. */
function texts(catalogue: object, prefix = ""): [string, string][] {
  return Object.entries(catalogue).flatMap(([key, value]): [string, string][] => {
    const path = `${prefix}${key}`;
    if (typeof value === "string") return [[path, value]];
    if (typeof value === "function") return [[path, String((value as (...a: unknown[]) => unknown)(...Array.from({ length: value.length }, () => ANY)))]];
    if (Array.isArray(value)) return value.map((v, i) => [`${path}.${i}`, String(v)]);
    return texts(value as object, `${path}.`);
  });
}

describe.each([
  ["the CLI's", CLI_TEXT, []],
  ["the report's", REPORT_TEXT, []],
  // The product's name, the switch that always offers the other language by its own name, and pure formats.
  ["the pane's", { nb: paneNb, en: paneEn }, ["appTitle", "languageSwitch", "inLanguage", "fieldName", "missingItem", "templateSummary", "chartIndex"]],
  ["the pane's replace question", REPLACE_TEXTS, []],
] as const)("%s catalogue", (_name, catalogue: Readonly<Record<Lang, object>>, sameInBoth: readonly string[]) => {
  const nb = new Map(texts(catalogue.nb));
  const en = new Map(texts(catalogue.en));

  it("has the same texts in both languages", () => {
    expect([...en.keys()].sort()).toEqual([...nb.keys()].sort());
  });

  it.each([...en.keys()])("%s: English in English, Norwegian in Norwegian", (key) => {
    expect({ key, foreign: norwegianIn(en.get(key)!) }).toEqual({ key, foreign: [] });
    expect({ key, foreign: englishIn(nb.get(key)!) }).toEqual({ key, foreign: [] });
  });

  it("says things differently in the two languages", () => {
    const same = [...en.keys()].filter((k) => en.get(k) === nb.get(k) && !sameInBoth.includes(k));
    expect(same).toEqual([]);
  });
});
