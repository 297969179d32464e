/**
 * `kostra profile --format text` (issue 13, item 3): the profile's sentences, one per line
 * under a line naming the template, municipality and year — the engine's words, the same
 * the profile sheet's formulas give — in bokmål, or in English with `--lang en`;
 * `--sentence-band` sets how close counts as "på nivå med snittet", on `profile` and on
 * `report`, whose file keeps it in its template settings. Run on the embedded sample
 * (SYNTHETIC figures, built so Bærum 2017 gives the reference document's table).
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { benchmark, defaultOptions } from "../../src/kostra/benchmark";
import { profileSentences } from "../../src/kostra/sentences";
import { settingsFromXml } from "../../src/report/template-settings";
import { SAMPLE_NOTICE, sampleDataset } from "../../src/sources/sample";
import { kostraInProcess as kostra } from "../support/kostra-in-process";
import { englishIn, norwegianIn } from "../support/language-check";
import { LONG_TEST_TIMEOUT_MS } from "../support/timing";
import { customXmlParts } from "../support/xlsx-settings";

jest.setTimeout(LONG_TEST_TIMEOUT_MS);

const PROFILE = ["profile", "--sector", "plan-miljo-kultur", "--municipality", "0219", "--year", "2017", "--average", "simple"];
const profile = benchmark(sampleDataset(), { ...defaultOptions("plan-miljo-kultur", "0219", 2017), average: "simple" });

describe("kostra profile --format text", () => {
  it("prints a heading and the engine's sentence for each indicator, in bokmål", async () => {
    const r = await kostra(...PROFILE, "--format", "text");
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split("\n");
    expect(lines[0]).toBe("Plan, miljø og kultur – Bærum (0219) 2017");
    expect(lines.slice(1)).toEqual(profileSentences(profile, "nb"));
    // The seed's first row, worked by hand: 141 ÷ 277 = 50.9 → 49 % less.
    expect(lines[1]).toMatch(/^Netto driftsutgifter kunstformidling pr\. innbygger: Bærum bruker 49 % mindre enn snittet i ASSS: 141 kr mot 277 kr per innbygger\. Rang \d+ av \d+\.$/);
    expect(norwegianIn(r.out).length).toBeGreaterThan(0);
    expect(englishIn(r.out, ["Bærum"])).toEqual([]);
    // The sample says it is synthetic, beside the text rather than in it.
    expect(r.err).toContain(SAMPLE_NOTICE.nb);
  });

  it("prints them in English with --lang en", async () => {
    const r = await kostra(...PROFILE, "--format", "text", "--lang", "en");
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split("\n");
    expect(lines[0]).toBe("Planning, environment and culture – Bærum (0219) 2017");
    expect(lines.slice(1)).toEqual(profileSentences(profile, "en"));
    expect(lines[1]).toContain("Bærum spends 49% less than the ASSS average: NOK 141 compared with NOK 277 per inhabitant.");
    expect(norwegianIn(r.out, ["Bærum"])).toEqual([]);
  });

  it("follows --sentence-band", async () => {
    const wide = await kostra(...PROFILE, "--format", "text", "--sentence-band", "50");
    expect(wide.code).toBe(0);
    expect(wide.out.trimEnd().split("\n").slice(1)).toEqual(profileSentences(profile, "nb", 50));
    const level = (text: string) => text.split("\n").filter((l) => l.includes("på nivå med snittet")).length;
    const narrow = await kostra(...PROFILE, "--format", "text", "--sentence-band", "0");
    expect(level(wide.out)).toBeGreaterThan(level(narrow.out));
  });

  it.each(["51", "-1", "5.5", "fem", ""])("refuses --sentence-band %p with exit 2 and says what it takes", async (band) => {
        // "=" so that "-1" is the option's value, not an option of its own.
    const nb = await kostra(...PROFILE, "--format", "text", `--sentence-band=${band}`);
    expect(nb.code).toBe(2);
    expect(nb.out).toBe("");
    expect(nb.err).toContain("--sentence-band må være et helt antall prosent fra 0 til 50");
    const en = await kostra(...PROFILE, "--format", "text", `--sentence-band=${band}`, "--lang", "en");
    expect(en.err).toContain("--sentence-band must be a whole number of per cent from 0 to 50");
  });

  it("names text among the formats and the band among the options in --help", async () => {
    const r = await kostra("profile", "--help");
    expect(r.code).toBe(0);
    expect(r.out).toContain("table|csv|json|text");
    expect(r.out).toContain("--sentence-band");
    expect((await kostra("report", "--help", "--lang", "en")).out).toContain("--sentence-band");
  });
});

describe("kostra report --sentence-band", () => {
  it("keeps the band in the file's template settings", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "kostra-sentences-")), "rapport.xlsx");
    const r = await kostra("report", "--sector", "plan-miljo-kultur", "--municipality", "0219", "--year", "2017", "--sentence-band", "10", "--out", file);
    expect(r.code).toBe(0);
    const { parts } = await customXmlParts(readFileSync(file));
    const read = settingsFromXml(parts[0].xml);
    expect(read.kind).toBe("ok");
    expect(read.kind === "ok" && read.settings.sentenceBand).toBe(10);
  });
});
