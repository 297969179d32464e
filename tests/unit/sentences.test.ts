/**
 * The profile's sentences (issue 13, item 3): one rule, the words an economist types under
 * the tjenesteprofil. Every expected sentence below is worked by hand from the figures in
 * the row: the percentage is |value ÷ average × 100 − 100| rounded to a whole per cent (the
 * index's distance from 100, as the chart shows it), e.g. kunstformidling 141 ÷ 277 × 100
 * = 50.90 → 49 % under; the reference document (Bærum 2019) has 141 kr against 277 kr for
 * 2017. Figures other than the seed's are synthetic.
 */
import { benchmark, defaultOptions } from "../../src/kostra/benchmark";
import { indicatorFor } from "../../src/kostra/catalog";
import {
  DEFAULT_SENTENCE_BAND,
  formatFixed,
  isSpending,
  profileSentences,
  roundHalfAway,
  sentenceCase,
  sentenceRule,
  sentenceText,
  unitParts,
  type SentenceContext,
  type SentenceFacts,
} from "../../src/kostra/sentences";
import type { BenchmarkOptions, Lang, ProfileRow } from "../../src/kostra/types";
import { sampleDataset } from "../../src/sources/sample";
import { formula } from "../../src/report/plan";
import { checkedPlanCell } from "../../src/report/plan-check";
import { sentenceFormula } from "../../src/report/sentence-formula";

const NBSP = "\u00a0";

const context = (lang: Lang, over: Partial<SentenceContext> = {}): SentenceContext => ({
  lang,
  year: 2017,
  focalName: "Bærum",
  average: lang === "nb" ? "snittet i ASSS" : "the ASSS average",
  ranked: true,
  band: DEFAULT_SENTENCE_BAND,
  ...over,
});

/** The facts of a row with this value and average (index as the engine computes it). */
const facts = (value: number | null, average: number | null, rank: number | null = null, rankOf = 10): SentenceFacts => ({
  value,
  average,
  index: value !== null && average !== null && average > 0 ? (value / average) * 100 : null,
  rank,
  rankOf,
});

const sentence = (indicator: string, f: SentenceFacts, lang: Lang, over: Partial<SentenceContext> = {}) => {
  const ind = indicatorFor(indicator)!;
  expect(ind).toBeDefined();
  return sentenceText(sentenceRule({ indicator: ind, problem: null }, context(lang, over)), f, lang);
};

describe("the sentence of one indicator", () => {
  it.each<[string, string, Lang, SentenceFacts, Partial<SentenceContext>, string]>([
    // Below the average, money spent: the seed's own figures (141 ÷ 277 = 50.9 → 49 % less).
    ["below, spending", "kunstformidling", "nb", facts(141, 277, 9), {},
      "Netto driftsutgifter kunstformidling pr. innbygger: Bærum bruker 49 % mindre enn snittet i ASSS: 141 kr mot 277 kr per innbygger. Rang 9 av 10."],
    ["below, spending", "kunstformidling", "en", facts(141, 277, 9), {},
      "Net operating expenditure, art dissemination, per inhabitant: Bærum spends 49% less than the ASSS average: NOK 141 compared with NOK 277 per inhabitant. Rank 9 of 10."],
    // Above: bibliotek 304 ÷ 263 = 115.59 → 16 % more.
    ["above, spending", "bibliotek", "nb", facts(304, 263, 2), {},
      "Netto driftsutgifter bibliotek pr. innbygger: Bærum bruker 16 % mer enn snittet i ASSS: 304 kr mot 263 kr per innbygger. Rang 2 av 10."],
    ["above, spending", "bibliotek", "en", facts(304, 263, 2), {},
      "Net operating expenditure, libraries, per inhabitant: Bærum spends 16% more than the ASSS average: NOK 304 compared with NOK 263 per inhabitant. Rank 2 of 10."],
    // plansaksbehandling 282 ÷ 263 = 107.22 → 7 %: outside ±5 %, inside ±10 %.
    ["above the default band", "plansaksbehandling", "nb", facts(282, 263, 4), {},
      "Netto driftsutgifter til plansaksbehandling pr. innbygger: Bærum bruker 7 % mer enn snittet i ASSS: 282 kr mot 263 kr per innbygger. Rang 4 av 10."],
    ["at the average within a band of 10", "plansaksbehandling", "nb", facts(282, 263, 4), { band: 10 },
      "Netto driftsutgifter til plansaksbehandling pr. innbygger: Bærum ligger på nivå med snittet i ASSS: 282 kr mot 263 kr per innbygger. Rang 4 av 10."],
    ["at the average within a band of 10", "plansaksbehandling", "en", facts(282, 263, 4), { band: 10 },
      "Net operating expenditure, planning, per inhabitant: Bærum is on a par with the ASSS average: NOK 282 compared with NOK 263 per inhabitant. Rank 4 of 10."],
    // 277 ÷ 263 = 105.32 → 5 %, at the band's edge: still on a level; 278 ÷ 263 = 105.70 → 6 %.
    ["at the band's edge", "plansaksbehandling", "nb", facts(277, 263, 5), {},
      "Netto driftsutgifter til plansaksbehandling pr. innbygger: Bærum ligger på nivå med snittet i ASSS: 277 kr mot 263 kr per innbygger. Rang 5 av 10."],
    ["just beyond the band", "plansaksbehandling", "nb", facts(278, 263, 5), {},
      "Netto driftsutgifter til plansaksbehandling pr. innbygger: Bærum bruker 6 % mer enn snittet i ASSS: 278 kr mot 263 kr per innbygger. Rang 5 av 10."],
    // A share is not money: "lavere", and its figures as percentages (80.0 ÷ 90.0 = 88.89 → 11 %).
    ["below, a share", "barnehage-andel-barn-1-5", "nb", facts(80, 90, 10), {},
      "Andel barn 1-5 år i barnehage, i forhold til innbyggere 1-5 år: Bærum ligger 11 % lavere enn snittet i ASSS: 80,0 % mot 90,0 %. Rang 10 av 10."],
    ["below, a share", "barnehage-andel-barn-1-5", "en", facts(80, 90, 10), {},
      "Children aged 1-5 in kindergarten as a share of inhabitants aged 1-5: Bærum is 11% lower than the ASSS average: 80.0% compared with 90.0%. Rank 10 of 10."],
    // Higher is better (Udir): 43.1 ÷ 40.0 = 107.75 → 8 % higher.
    ["above, higher is better", "grunnskole-grunnskolepoeng", "nb", facts(43.1, 40, 1), {},
      "Gjennomsnittlige grunnskolepoeng: Bærum ligger 8 % høyere enn snittet i ASSS (høyere er bedre): 43,1 mot 40,0 poeng. Rang 1 av 10."],
    ["above, higher is better", "grunnskole-grunnskolepoeng", "en", facts(43.1, 40, 1), {},
      "Average lower-secondary completion points: Bærum is 8% higher than the ASSS average (higher is better): 43.1 compared with 40.0 points. Rank 1 of 10."],
    // Lower is better (the staffing norm): 5.2 ÷ 6.0 = 86.67 → 13 % lower; a bare count has no unit word.
    ["below, lower is better", "barnehage-barn-per-arsverk", "nb", facts(5.2, 6, 9), {},
      "Antall barn korrigert for alder per årsverk til grunnbemanning: Bærum ligger 13 % lavere enn snittet i ASSS (lavere er bedre): 5,2 mot 6,0. Rang 9 av 10."],
    // A fee is money but not spending: "lavere"; thousands with FIXED's no-break space (2 400 ÷ 3 000 = 80 → 20 %).
    ["below, a fee", "arsgebyr-avfall", "nb", facts(2400, 3000, 8), {},
      `Årsgebyr for avfallstjenesten - ekskl. mva.: Bærum ligger 20 % lavere enn snittet i ASSS: 2${NBSP}400 kr mot 3${NBSP}000 kr. Rang 8 av 10.`],
    ["below, a fee", "arsgebyr-avfall", "en", facts(2400, 3000, 8), {},
      "Annual waste collection fee, excl. VAT: Bærum is 20% lower than the ASSS average: NOK 2,400 compared with NOK 3,000. Rank 8 of 10."],
    // Thousands of kroner are named once, in brackets (123 456 ÷ 100 000 = 123.46 → 23 %).
    ["above, an amount in 1000 kr", "barnevern-netto-belop", "nb", facts(123456, 100000, 3), {},
      `Netto driftsutgifter barnevern (244, 251, 252), beløp: Bærum bruker 23 % mer enn snittet i ASSS: 123${NBSP}456 mot 100${NBSP}000 (1000 kr). Rang 3 av 10.`],
    ["above, an amount in 1000 kr", "barnevern-netto-belop", "en", facts(123456, 100000, 3), {},
      "Net operating expenditure, child welfare (244, 251, 252), amount: Bærum spends 23% more than the ASSS average: 123,456 compared with 100,000 (NOK 1000). Rank 3 of 10."],
    // Missing figures.
    ["no value", "kunstformidling", "nb", facts(null, 277), {},
      "Netto driftsutgifter kunstformidling pr. innbygger: Bærum har ikke tall for 2017; snittet i ASSS er 277 kr per innbygger."],
    ["no value", "kunstformidling", "en", facts(null, 277), {},
      "Net operating expenditure, art dissemination, per inhabitant: Bærum has no figure for 2017; the ASSS average is NOK 277 per inhabitant."],
    ["no value, no average", "kunstformidling", "nb", facts(null, null), {},
      "Netto driftsutgifter kunstformidling pr. innbygger: Bærum har ikke tall for 2017, og snittet i ASSS mangler."],
    ["no value, no average", "kunstformidling", "en", facts(null, null), {},
      "Net operating expenditure, art dissemination, per inhabitant: Bærum has no figure for 2017, and the ASSS average is missing."],
    ["no average", "kunstformidling", "nb", facts(141, null, 1, 1), {},
      "Netto driftsutgifter kunstformidling pr. innbygger: Bærum har 141 kr per innbygger; snittet i ASSS mangler for 2017. Rang 1 av 1."],
    ["no average", "kunstformidling", "en", facts(141, null, 1, 1), {},
      "Net operating expenditure, art dissemination, per inhabitant: Bærum has NOK 141 per inhabitant; the ASSS average is missing for 2017. Rank 1 of 1."],
    // A negative average (net income) has no index.
    ["a negative average", "kunstformidling", "nb", facts(12, -3, 2), {},
      "Netto driftsutgifter kunstformidling pr. innbygger: Bærum har 12 kr per innbygger; snittet i ASSS er -3 kr per innbygger, så en prosentvis forskjell gir ikke mening. Rang 2 av 10."],
    ["a negative average", "kunstformidling", "en", facts(12, -3, 2), {},
      "Net operating expenditure, art dissemination, per inhabitant: Bærum has NOK 12 per inhabitant; the ASSS average is NOK -3 per inhabitant, so a percentage difference is not meaningful. Rank 2 of 10."],
    // No network (only a published base): nothing to rank in, and it says so.
    ["not ranked", "kunstformidling", "nb", facts(141, 277), { ranked: false, average: "snittet for Landet uten Oslo" },
      "Netto driftsutgifter kunstformidling pr. innbygger: Bærum bruker 49 % mindre enn snittet for Landet uten Oslo: 141 kr mot 277 kr per innbygger. Ikke rangert (ingen nettverk å rangere i)."],
    ["not ranked", "kunstformidling", "en", facts(141, 277), { ranked: false, average: "the average for Norway excluding Oslo" },
      "Net operating expenditure, art dissemination, per inhabitant: Bærum spends 49% less than the average for Norway excluding Oslo: NOK 141 compared with NOK 277 per inhabitant. Not ranked (no network to rank in)."],
  ])("%s: %s (%s)", (_what, indicator, lang, f, over, expected) => {
    expect(sentence(indicator, f, lang, over)).toBe(expected);
  });

  it("says why a figure not valid in the year has no sentence of figures", () => {
    const ind = indicatorFor("andre-trossamfunn")!;
    const problem = { code: "not-valid" as const, year: 2022, reason: ind.valid!.reason };
    const nb = sentenceText(sentenceRule({ indicator: ind, problem }, context("nb", { year: 2022 })), facts(null, null), "nb");
    expect(nb.startsWith("Netto driftsutgifter tilskudd til andre trossamfunn pr. innbygger: ")).toBe(true);
    expect(nb).toContain("trossamfunnsloven");
    expect(nb).not.toMatch(/\d+ %/);
  });

  it("tests the cases in one order: value, average, index, band, side", () => {
    expect(sentenceCase(facts(null, null), 5)).toBe("missing-both");
    expect(sentenceCase(facts(null, 10), 5)).toBe("missing-value");
    expect(sentenceCase(facts(10, null), 5)).toBe("missing-average");
    expect(sentenceCase(facts(10, 0), 5)).toBe("no-index");
    expect(sentenceCase(facts(10, -1), 5)).toBe("no-index");
    // 95.5 → 4.5 → 5 (half away from zero): on a level; 94.4 → 5.6 → 6: below.
    expect(sentenceCase(facts(95.5, 100), 5)).toBe("at-level");
    expect(sentenceCase(facts(94.4, 100), 5)).toBe("below");
    expect(sentenceCase(facts(100, 100), 0)).toBe("at-level");
    expect(sentenceCase(facts(101, 100), 0)).toBe("above");
  });
});

describe("numbers as FIXED(ROUND(x, d), d) writes them", () => {
  it.each<[number, number, Lang, string]>([
    [1234.5, 1, "nb", `1${NBSP}234,5`],
    [1234.5, 1, "en", "1,234.5"],
    [-1234567.25, 2, "nb", `-1${NBSP}234${NBSP}567,25`],
    [-1234567.25, 2, "en", "-1,234,567.25"],
    // Excel and LibreOffice round half away from zero after 15 significant digits.
    [1.005, 2, "nb", "1,01"],
    [2.5, 0, "en", "3"],
    [-2.5, 0, "en", "-3"],
    [-0.4, 0, "nb", "0"],
    [999.96, 1, "nb", `1${NBSP}000,0`],
    [0, 3, "en", "0.000"],
  ])("%d with %d decimals (%s) is %s", (x, d, lang, expected) => {
    expect(formatFixed(x, d, lang)).toBe(expected);
  });

  it("rounds half away from zero as ROUND does", () => {
    expect(roundHalfAway(2.675, 2)).toBe(2.68);
    expect(roundHalfAway(-4.5, 0)).toBe(-5);
    expect(roundHalfAway(4.49999, 0)).toBe(4);
  });
});

describe("units and words", () => {
  it("places kroner, per cent and the rest of the unit as an economist writes them", () => {
    expect(unitParts("kr per innbygger 1-5 år", "nb")).toEqual({ before: "", after: " kr", tail: " per innbygger 1-5 år" });
    expect(unitParts("NOK per pupil", "en")).toEqual({ before: "NOK ", after: "", tail: " per pupil" });
    expect(unitParts("antall per 1000 barn", "nb")).toEqual({ before: "", after: "", tail: " per 1000 barn" });
    expect(unitParts("timer per uke", "nb")).toEqual({ before: "", after: "", tail: " timer per uke" });
    expect(unitParts("", "en")).toEqual({ before: "", after: "", tail: "" });
  });

  it("calls money spent spending, and a fee or a share not", () => {
    expect(isSpending(indicatorFor("kunstformidling")!)).toBe(true);
    expect(isSpending(indicatorFor("vei-netto-per-km")!)).toBe(true);
    expect(isSpending(indicatorFor("arsgebyr-avfall")!)).toBe(false);
    expect(isSpending(indicatorFor("barnehage-andel-barn-1-5")!)).toBe(false);
  });
});

describe("a profile's sentences", () => {
  const profileWith = (options: Partial<BenchmarkOptions>) => benchmark(sampleDataset(), { ...defaultOptions("plan-miljo-kultur", "0219", 2017), ...options });

  it("say what the seed's table says for Bærum's 2017 profile (simple average, as the seed's table)", () => {
    const profile = profileWith({ average: "simple" });
    const [kunst] = profileSentences(profile, "nb");
    const row = profile.rows[0];
    // The sample reproduces the seed's table: 141 against 277.
    expect([Math.round(row.value!), Math.round(row.average!)]).toEqual([141, 277]);
    expect(kunst).toBe(
      `Netto driftsutgifter kunstformidling pr. innbygger: Bærum bruker 49 % mindre enn snittet i ASSS: 141 kr mot 277 kr per innbygger. Rang ${row.rank} av ${row.rankOf}.`,
    );
    expect(profileSentences(profile, "en")[0]).toContain("Bærum spends 49% less than the ASSS average: NOK 141 compared with NOK 277 per inhabitant.");
  });

  it("name the custom peers and a published base as the average, and do not rank without a network", () => {
    expect(profileSentences(profileWith({ network: "custom", peers: ["0301", "4601"] }), "nb")[0]).toContain("snittet i utvalget");
    const landet = profileSentences(profileWith({ network: "none", base: "eakuo" }), "en");
    for (const s of landet) expect(s).toMatch(/the average for Norway excluding Oslo|has no figure/);
    expect(landet.some((s) => s.endsWith("Not ranked (no network to rank in)."))).toBe(true);
  });

  it("follow the band it is given", () => {
    const profile = profileWith({ average: "simple" });
    const wide = profileSentences(profile, "nb", 50);
    const level = wide.filter((s) => s.includes("på nivå med"));
    expect(level.length).toBeGreaterThan(profileSentences(profile, "nb", 0).filter((s) => s.includes("på nivå med")).length);
    const rows = profile.rows as ProfileRow[];
    rows.forEach((r, i) => {
      if (r.index !== null && Math.abs(r.index - 100) < 49.5) expect(wide[i]).toContain("på nivå med");
    });
  });
});

describe("the sentence as a formula", () => {
  const WORDS = { label: "$T8", unitBefore: "$U8", unitAfter: "$V8", unitTail: "$W8" };
  const cells = { value: "B8", average: "C8", index: "H8", rank: "P8", rankOf: "COUNT($S$8:$AB$8)+1", words: WORDS };

  it("holds no text from input: the label and unit are read from cells, the rule's own words are literals", () => {
    const ind = { ...indicatorFor("kunstformidling")!, label: { nb: `=HYPERLINK("http://x") "sitat" ${"lang etikett ".repeat(60)}`, en: "x" }, unit: { nb: 'kr per "WEBSERVICE"', en: "NOK" } };
    const rule = sentenceRule({ indicator: ind, problem: null }, context("nb"));
    expect(rule.words).toEqual({ label: ind.label.nb, unitBefore: "", unitAfter: " kr", unitTail: ' per "WEBSERVICE"' });
    const f = sentenceFormula(rule, cells);
    expect(checkedPlanCell(formula(f), "test", new Set()).kind).toBe("formula");
    expect(f).not.toMatch(/HYPERLINK|sitat|WEBSERVICE|etikett/);
    expect(f.startsWith(`$T8&": "&IF(ISNUMBER(B8),`)).toBe(true);
    expect(f).toContain("&$V8&");
    expect(f).toContain("&$W8&");
    // An empty word (no unit before the number in bokmål) is not referred to at all.
    expect(f).not.toContain("$U8");
    const code = f.replace(/"(?:[^"]|"")*"/g, '""');
    expect(new Set(code.match(/[A-Z]+(?=\()/g))).toEqual(new Set(["IF", "ISNUMBER", "ROUND", "ABS", "FIXED", "COUNT"]));
    // Every literal fits Excel's 255 characters.
    for (const literal of f.match(/"(?:[^"]|"")*"/g) ?? []) expect(literal.slice(1, -1).replace(/""/g, '"').length).toBeLessThanOrEqual(255);
  });

  it("gives the engine's text when its cells hold the words (the rule's pieces read the same words)", () => {
    const rule = sentenceRule({ indicator: indicatorFor("kunstformidling")!, problem: null }, context("en"));
    expect(rule.words).toEqual({ label: "Net operating expenditure, art dissemination, per inhabitant", unitBefore: "NOK ", unitAfter: "", unitTail: " per inhabitant" });
    expect(sentenceFormula(rule, cells)).toContain(`$U8&FIXED(ROUND(B8,0),0)&" compared with "&$U8&FIXED(ROUND(C8,0),0)&$W8`);
  });
});
