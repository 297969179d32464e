/**
 * The language a run speaks before its options are parsed (messages about the options
 * themselves): the last `--lang` on the line, as the parser reads it, anywhere on the
 * line; anything that is not a product language means bokmål, the default.
 */
import { langOfArgs } from "../../src/cli/io";

describe("langOfArgs", () => {
  it.each([
    [["profile", "--lang", "en"], "en"],
    [["profile", "--lang=en", "--year", "17"], "en"],
    [["--lang", "en"], "en"],
    [["profile", "--lang", "en", "--lang", "nb"], "nb"],
    [["profile", "--lang=nb", "--lang=en"], "en"],
    [["profile"], "nb"],
    [["profile", "--lang"], "nb"],
    [["profile", "--lang", "english"], "nb"],
    [["profile", "--lang=EN"], "nb"],
    // "en" as another option's value is not a language choice.
    [["fetch", "--ssb-lang", "en"], "nb"],
  ] as const)("%j → %s", (args, lang) => {
    expect(langOfArgs(args)).toBe(lang);
  });
});
