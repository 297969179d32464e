/**
 * The profile sheet ("tjenesteprofil") for one template and year: a header that says
 * who, when, which network and which averaging rule; the reference document's table
 * (indicator, municipality, network average, lowest, highest, comparisons, reference
 * regions) followed by the index columns; and the "Snitt nettverk = 100" column chart
 * bound to those cells. Every figure is a live formula over the data sheet. With a
 * published base (KOSTRA-gruppe 7, Landet uten Oslo) the average column looks up SSB's
 * figure for it in the data sheet instead of averaging the members.
 */
import { sourceTables } from "../kostra/catalog";
import { describeAveraging, describeProblem, sampleNote, simpleMark } from "../kostra/describe";
import { averageName, networkLine, regionLabel } from "../kostra/describe-profile";
import { networkLabel } from "../kostra/networks";
import { DEFAULT_SENTENCE_BAND, sentenceContext, sentenceRule, sentenceText, type SentenceWord } from "../kostra/sentences";
import type { Indicator, Lang, Profile, Provenance } from "../kostra/types";
import {
  averageFormula,
  basisHeader,
  basisRow,
  basisWidth,
  countFormula,
  highestFormula,
  highestWhoFormula,
  indexFormula,
  lowestFormula,
  lowestWhoFormula,
  rankFormula,
  weightBlock,
  type BasisContext,
} from "./network-basis";
import { cellAddress, columnLetter, empty, formula, numberFormat, text, type Block, type ChartPlan, type PlanCell, type SheetPlan } from "./plan";
import { REPORT_TEXT } from "./report-text";
import { sentenceFormula } from "./sentence-formula";
import { labelColumnWidth, printSetup } from "./page-setup";

export interface ProfileSheetOptions {
  key: string;
  name: string;
  lang: Lang;
  /** Formula (without "=") for a value in the data sheet. */
  lookup: (indicator: string, municipality: string, year: number) => string;
  /** Show the comparison municipalities as series in the chart too. */
  chartComparisons?: boolean;
  /** Per cent around the average a sentence calls "på nivå med snittet" (default 5). */
  sentenceBand?: number;
}

const T = {
  nb: {
    indicator: "Indikator", avg: "Gj.sn.", low: "Laveste verdi", high: "Høyeste verdi", index: "indeks",
    snitt: "Snitt", highMun: "Høyest kommune", lowMun: "Laveste kommune", lowWho: "Lavest: kommune", highWho: "Høyest: kommune",
    n: "Med data", rank: "Rang (1 = høyest verdi)", sentence: "Setning (formel)", source: "Kilde", fetched: "hentet", basis: "Grunnlag (formler)", definitions: "Definisjoner og kilder",
    indexRule: "Indeks = verdi ÷ snitt × 100. Alle tall er formler over dataarket; endres en verdi der, følger tabell og diagram.",
    chart: (net: string, sector: string) => `${net} – ${sector}. Snitt nettverk = 100`,
    chartBase: (focal: string, sector: string, base: string) => `${focal} – ${sector}. Snitt ${base} = 100`,
    published: "publisert av SSB",
  },
  en: {
    indicator: "Indicator", avg: "Average", low: "Lowest value", high: "Highest value", index: "index",
    snitt: "Average", highMun: "Highest municipality", lowMun: "Lowest municipality", lowWho: "Lowest: municipality", highWho: "Highest: municipality",
    n: "With data", rank: "Rank (1 = highest value)", sentence: "Sentence (formula)", source: "Source", fetched: "fetched", basis: "Basis (formulas)", definitions: "Definitions and sources",
    indexRule: "Index = value ÷ average × 100. Every figure is a formula over the data sheet; change a value there and table and chart follow.",
    chart: (net: string, sector: string) => `${net} – ${sector}. Network average = 100`,
    chartBase: (focal: string, sector: string, base: string) => `${focal} – ${sector}. Average ${base} = 100`,
    published: "published by SSB",
  },
};

const HEADER_ROW = 7;

/** The indicator's words a sentence reads from cells of its row (hidden beside the sentence). */
const SENTENCE_WORDS: readonly SentenceWord[] = ["label", "unitBefore", "unitAfter", "unitTail"];

export function sourceText(provenance: readonly Provenance[], lang: Lang): string {
  const t = T[lang];
  return provenance
    .map((p) => {
      if (p.synthetic) return sampleNote(p, lang) ?? "";
      const what = p.source === "ssb" ? `SSB${p.table ? ` ${REPORT_TEXT[lang].ssbTable(p.table)}` : ""}` : (p.query ?? p.source);
      return [what, p.updated ? REPORT_TEXT[lang].updated(p.updated) : "", p.fetchedAt ? `${t.fetched} ${p.fetchedAt}` : ""].filter(Boolean).join(", ");
    })
    .filter((s, i, all) => s && all.indexOf(s) === i)
    .join("; ");
}

const CONFIDENCE: Record<Lang, Record<"medium" | "low", string>> = {
  nb: { medium: "Koblingen til SSB har middels sikkerhet.", low: "Koblingen til SSB er usikker." },
  en: { medium: "The mapping to SSB is of medium certainty.", low: "The mapping to SSB is uncertain." },
};

/** An indicator's definition, its SSB table and, where the mapping is not certain, how sure it is. */
export function definitionText(indicator: Indicator, lang: Lang, year?: number): string {
  // The tables the year reads (barnehage: 12562 until 2019, 13502 from 2020; a ratio: its series' tables).
  const tables = sourceTables(indicator, year);
  const table = tables.length > 0 ? REPORT_TEXT[lang].ssbTables(tables) : REPORT_TEXT[lang].tableNotConfirmed;
  const sure = indicator.confidence === "high" ? "" : CONFIDENCE[lang][indicator.confidence];
  const definition = indicator.definition[lang].trim();
  // Definitions often end by naming the table already.
  const named = tables.length > 0 && tables.every((t) => definition.includes(t));
  return [definition, named ? "" : table, sure].filter(Boolean).join(" ");
}

export function buildProfileSheet(profile: Profile, opts: ProfileSheetOptions): SheetPlan {
  const t = T[opts.lang];
  const lang = opts.lang;
  const { focal, year, network } = profile;
  const base = profile.base;
  const baseLabel = base ? regionLabel(base, year, lang) : undefined;
  const net = networkLabel(network, lang);
  const avgName = averageName(profile, lang);
  // Lowest, highest and rank range over all members, whoever is left out of the average.
  const hasMembers = profile.members.length > 0;
  const comps = profile.rows[0]?.comparisons.map((c) => c.municipality) ?? [];
  const refs = profile.references ?? [];
  const ctx: BasisContext = {
    members: profile.members,
    averaging: profile.averagingSet,
    average: profile.options.average,
    lookup: (ind, m) => opts.lookup(ind, m, year),
  };

  // Column layout: A indicator; B focal; C average; D lowest; E highest; comparisons;
  // reference regions; a gap; the index columns; who is lowest/highest; n; rank; the
  // row's sentence; the helper basis; the weights; and, hidden, the indicator's words the
  // sentences read.
  const cFocal = 2, cAvg = 3, cLow = 4, cHigh = 5, cComp0 = 6;
  const cRef0 = cComp0 + comps.length;
  const cIdx = cRef0 + refs.length + 1;
  const cIdxFocal = cIdx, cIdxAvg = cIdx + 1, cIdxHigh = cIdx + 2, cIdxLow = cIdx + 3, cIdxComp0 = cIdx + 4;
  const cIdxRef0 = cIdxComp0 + comps.length;
  const cLowWho = cIdxRef0 + refs.length, cHighWho = cLowWho + 1, cN = cLowWho + 2, cRank = cLowWho + 3;
  const cSentence = cRank + 1;
  const cBasis = cRank + 2;
  // The weights of a weighted average, one row per weight, to the right of the basis.
  const cWeights = cBasis + basisWidth(ctx) + 1;
  const weights = weightBlock(ctx, profile.rows.filter((r) => r.problem?.code !== "not-valid").map((r) => r.indicator.id), cWeights, HEADER_ROW + 1, lang);
  // Right of the weights (a weight's name and one cell per member), after a gap.
  const cWords = cWeights + profile.members.length + 2;

  const header: PlanCell[] = Array.from({ length: cBasis - 1 + basisWidth(ctx) }, () => empty);
  const put = (row: PlanCell[], col: number, cell: PlanCell) => (row[col - 1] = cell);
  put(header, 1, text(t.indicator));
  put(header, cFocal, text(focal.name));
  put(header, cAvg, text(base ? `${t.avg} ${baseLabel} (${t.published})` : `${t.avg} ${net}`));
  put(header, cLow, text(t.low));
  put(header, cHigh, text(t.high));
  comps.forEach((c, i) => put(header, cComp0 + i, text(c.name)));
  refs.forEach((r, i) => put(header, cRef0 + i, text(regionLabel(r, year, lang))));
  put(header, cIdxFocal, text(`${focal.name} (${t.index})`));
  put(header, cIdxAvg, text(`${t.snitt} ${avgName}`));
  put(header, cIdxHigh, text(t.highMun));
  put(header, cIdxLow, text(t.lowMun));
  comps.forEach((c, i) => put(header, cIdxComp0 + i, text(`${c.name} (${t.index})`)));
  refs.forEach((r, i) => put(header, cIdxRef0 + i, text(`${regionLabel(r, year, lang)} (${t.index})`)));
  put(header, cLowWho, text(t.lowWho));
  put(header, cHighWho, text(t.highWho));
  put(header, cN, text(t.n));
  put(header, cRank, text(t.rank));
  put(header, cSentence, text(t.sentence));
  basisHeader(ctx, lang).forEach((cell, i) => put(header, cBasis + i, cell));

  // Each row's sentence, by the engine's rule, over the row's cells (src/kostra/sentences.ts).
  const sentences = sentenceContext(profile, lang, opts.sentenceBand ?? DEFAULT_SENTENCE_BAND);
  // The focal value is ranked among the members; counted once more when it is not one of them.
  const focalIsMember = profile.members.some((m) => m.id === focal.id);
  // The indicator's words each row's sentence reads, one row each (a block of their own, hidden).
  const sentenceWords: PlanCell[][] = [];
  const rows: PlanCell[][] = profile.rows.map((r, i) => {
    const row = HEADER_ROW + 1 + i;
    const ind = r.indicator;
    const fmt = numberFormat(ind.decimals);
    const cells: PlanCell[] = Array.from({ length: header.length }, () => empty);
    const basis = basisRow(ctx, ind.id, row, cBasis, HEADER_ROW, weights.weightsOf(ind.id));
    const at = (col: number) => cellAddress(col, row);
    put(cells, 1, text(ind.label[lang] + simpleMark(r, profile.options)));
    // A figure not valid in the year says why and has no formulas: whatever the data sheet holds for it is not used.
    const rule = sentenceRule(r, sentences);
    sentenceWords.push(SENTENCE_WORDS.map((w) => text(rule.words[w])));
    if (r.problem?.code === "not-valid") {
      put(cells, cFocal, text(describeProblem(r.problem, lang)));
      put(cells, cSentence, text(sentenceText(rule, { value: null, average: null, index: null, rank: null, rankOf: 0 }, lang)));
      return cells;
    }
    put(cells, cFocal, formula(opts.lookup(ind.id, focal.id, year), fmt));
    // The published base's value, or the members' average; a missing published value
    // stays "" (or SSB's symbol), so every index on the row is "" rather than a wrong number.
    put(cells, cAvg, formula(base ? opts.lookup(ind.id, base.id, year) : averageFormula(basis.refs), fmt));
    // Without members (no network) there is no lowest, highest, who, n or rank.
    const members = (f: string, format?: string) => (hasMembers ? formula(f, format) : text(""));
    put(cells, cLow, members(lowestFormula(basis.refs), fmt));
    put(cells, cHigh, members(highestFormula(basis.refs), fmt));
    comps.forEach((c, k) => put(cells, cComp0 + k, formula(opts.lookup(ind.id, c.id, year), fmt)));
    refs.forEach((r, k) => put(cells, cRef0 + k, formula(opts.lookup(ind.id, r.id, year), fmt)));
    put(cells, cIdxFocal, formula(indexFormula(at(cFocal), at(cAvg)), "0.0"));
    put(cells, cIdxAvg, formula(`IF(ISNUMBER(${at(cAvg)}),IF(${at(cAvg)}>0,100,""),"")`, "0.0"));
    put(cells, cIdxHigh, members(indexFormula(at(cHigh), at(cAvg)), "0.0"));
    put(cells, cIdxLow, members(indexFormula(at(cLow), at(cAvg)), "0.0"));
    comps.forEach((_, k) => put(cells, cIdxComp0 + k, formula(indexFormula(at(cComp0 + k), at(cAvg)), "0.0")));
    refs.forEach((_, k) => put(cells, cIdxRef0 + k, formula(indexFormula(at(cRef0 + k), at(cAvg)), "0.0")));
    put(cells, cLowWho, members(lowestWhoFormula(basis.refs)));
    put(cells, cHighWho, members(highestWhoFormula(basis.refs)));
    put(cells, cN, members(countFormula(basis.refs), "0"));
    put(cells, cRank, members(rankFormula(basis.refs, at(cFocal)), "0"));
    const rankOf = `COUNT(${basis.refs.range})${focalIsMember ? "" : `+1`}`;
    const words = Object.fromEntries(SENTENCE_WORDS.map((w, k) => [w, at(cWords + k)])) as Record<SentenceWord, string>;
    put(cells, cSentence, formula(sentenceFormula(rule, { value: at(cFocal), average: at(cAvg), index: at(cIdxFocal), rank: at(cRank), rankOf, words })));
    basis.cells.forEach((cell, k) => put(cells, cBasis + k, cell));
    return cells;
  });

  const lastRow = HEADER_ROW + profile.rows.length;
  const blocks: Block[] = [
    { at: "A1", rows: [[text(`${profile.sector.label[lang]} – ${focal.name} (${focal.code}) ${year}`)]], style: "title" },
    {
      at: "A2",
      rows: [
        [text(networkLine(profile, lang))],
        [text(describeAveraging(profile, lang))],
        [text(`${t.source}: ${sourceText(profile.provenance, lang)}`)],
        [text(t.indexRule)],
      ],
      style: "note",
    },
    { at: `A${HEADER_ROW}`, rows: [header], style: "header" },
    { at: `A${HEADER_ROW + 1}`, rows },
    { at: `${columnLetter(cBasis)}${HEADER_ROW - 1}`, rows: [[text(t.basis)]], style: "note" },
    { at: `${columnLetter(cWords)}${HEADER_ROW}`, rows: [SENTENCE_WORDS.map((w) => text(`${t.sentence}: ${w}`))], style: "header" },
    { at: `${columnLetter(cWords)}${HEADER_ROW + 1}`, rows: sentenceWords },
    ...(weights.rows.length ? [{ at: `${columnLetter(cWeights)}${HEADER_ROW}`, rows: [weights.header], style: "header" as const }, { at: `${columnLetter(cWeights)}${HEADER_ROW + 1}`, rows: weights.rows }] : []),
    // Below the chart: what each figure is, where it comes from and how sure the mapping is.
    { at: `A${lastRow + 26}`, rows: [[text(t.definitions)]], style: "subtitle" },
    { at: `A${lastRow + 27}`, rows: profile.rows.map((r) => [text(r.indicator.label[lang]), text(definitionText(r.indicator, lang, year))]), style: "note" },
    // Then what the template cannot show of KS's profile (a KS figure SSB's tables cannot give).
    ...(profile.sector.notes ? [{ at: `A${lastRow + 27 + profile.rows.length}`, rows: profile.sector.notes.map((n) => [text(n[lang])]), style: "note" as const }] : []),
  ];

  const col = (c: number) => `${cellAddress(c, HEADER_ROW + 1, true)}:${cellAddress(c, lastRow, true)}`;
  const series = [
    { name: focal.name.toLocaleUpperCase("nb-NO"), values: { sheet: opts.key, range: col(cIdxFocal) } },
    { name: `${t.snitt} ${avgName}`, values: { sheet: opts.key, range: col(cIdxAvg) } },
    ...(hasMembers
      ? [
          { name: t.highMun, values: { sheet: opts.key, range: col(cIdxHigh) } },
          { name: t.lowMun, values: { sheet: opts.key, range: col(cIdxLow) } },
        ]
      : []),
    ...refs.map((r, k) => ({ name: regionLabel(r, year, lang), values: { sheet: opts.key, range: col(cIdxRef0 + k) } })),
    ...(opts.chartComparisons ? comps.map((c, k) => ({ name: c.name, values: { sheet: opts.key, range: col(cIdxComp0 + k) } })) : []),
  ];
  const chart: ChartPlan = {
    name: `Indeks_${opts.key.replace(/[^A-Za-z0-9]/g, "_").slice(0, 200)}`,
    type: "columnClustered",
    title: base || network.id !== "asss" ? t.chartBase(focal.name, profile.sector.label[lang], avgName) : t.chart(net, profile.sector.label[lang]),
    categories: { sheet: opts.key, range: col(1) },
    series,
    position: { from: `A${lastRow + 3}`, to: `${columnLetter(cIdxLow)}${lastRow + 24}` },
    valueAxisTitle: REPORT_TEXT[lang].indexAxis,
  };

  // Column A as wide as the longest label, so no indicator's name is cut.
  const widths: Record<string, number> = { A: labelColumnWidth(profile.rows.map((r) => r.indicator.label[lang] + simpleMark(r, profile.options)), 52) };
  for (let c = 2; c < cBasis; c++) widths[columnLetter(c)] = 13;
  widths[columnLetter(cSentence)] = 100;
  const hiddenWords = SENTENCE_WORDS.map((_, k) => columnLetter(cWords + k));
  const sheet: SheetPlan = {
    key: opts.key,
    name: opts.name,
    blocks,
    columnWidths: widths,
    freeze: { rows: HEADER_ROW, columns: 1 },
    charts: [chart],
    hiddenColumns: hiddenWords,
  };
  // The profile prints on one page — table, chart, definitions — without the basis right of the rank.
  const heading = { lang, municipality: `${focal.name} (${focal.code})`, subject: profile.sector.label[lang], period: String(year), source: sourceText(profile.provenance, lang) };
  sheet.pageSetup = printSetup(sheet, heading, { lastColumn: cRank, titleRows: { from: HEADER_ROW, to: HEADER_ROW }, onePage: true });
  return sheet;
}
