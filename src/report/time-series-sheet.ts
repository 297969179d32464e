/**
 * The time series sheet: the municipality's values over the chosen years with the
 * yearly percentage change (the reference document's "sammenligning over tid"), the
 * network average per year, and the index over time (value ÷ that year's network
 * average × 100) with a line chart — all live formulas over the data sheet. The network
 * is taken as it was in each year (ASSS grew from 10 to 12 members in 2022).
 *
 * A focal municipality merged within the years (Drammen, Kristiansand, Lillestrøm in
 * 2020) has a break: SSB's figures before the merger are for another municipal
 * structure. `mergedHistory` "break" shows no value for those years and says why;
 * "sum" shows the computed rows of the data sheet (the predecessors summed, per-capita
 * figures recomputed from summed amounts and population) and says which figures could
 * not be computed. The series is shown on the profile year's structure (`asOf`): a 2024
 * Ålesund is without Haram, so its 2020–2023 figures (with Haram) are a break in both
 * modes; a 2021 Ålesund includes Haram in the sum before 2020; Haram (2024) shows "."
 * for 2020–2023, when it was part of Ålesund. The network averages stay as SSB published them.
 */
import { joinNames, type MergedHistory, type NotComputed, preMergerYears, type YearStructure } from "../kostra/mergers";
import { membersInYear } from "../kostra/averaging-set";
import { indicatorOverYears, isValidInYear, notValidText } from "../kostra/series";
import { rowWeightIndicator } from "../kostra/catalog";
import { simpleMark } from "../kostra/describe";
import { averageName } from "../kostra/describe-profile";
import { isMoneyAmount } from "../kostra/prices";
import type { BenchmarkOptions, Indicator, Lang, MunicipalityRef, Network } from "../kostra/types";
import { averageFormula, basisHeader, basisRow, basisWidth, indexFormula, weightBlock, type BasisContext } from "./network-basis";
import { cellAddress, columnLetter, empty, formula, num, numberFormat, text, type Block, type PlanCell, type SheetPlan } from "./plan";
import { REPORT_TEXT } from "./report-text";
import { fixedPriceExpression, fixedPriceFormula, indicatorHeading, nominalHeading, priceSection, priceTable, type FixedPrices } from "./price-index-block";
import { chartTopOnOnePage, labelColumnWidth, printedExtent, printSetup, yearSpan } from "./page-setup";

export interface TimeSeriesOptions {
  key: string;
  name: string;
  lang: Lang;
  sectorLabel: string;
  focal: MunicipalityRef;
  network: Network;
  indicators: readonly Indicator[];
  years: readonly number[];
  options: Pick<BenchmarkOptions, "average" | "includeOslo" | "includeFocal" | "base">;
  lookup: (indicator: string, municipality: string, year: number) => string;
  source: string;
  /** How the focal municipality's years before a merger are shown; "break" when absent. */
  mergedHistory?: MergedHistory;
  /** For "sum": the data sheet's computed rows (`""` when there is none). */
  lookupComputed?: (indicator: string, municipality: string, year: number) => string;
  /** For "sum": indicator years that could not be computed, and why. */
  notComputed?: readonly NotComputed[];
  /** The year whose municipal structure the series is shown on (the profile year); the present when absent. */
  asOf?: number;
  /** Money in the base year's kroner by this index (a visible price-index table and live formulas); nominal when absent. */
  prices?: FixedPrices;
}

const T = {
  nb: {
    values: "Verdier", change: "Prosentvis endring", averages: "Snitt", indicator: "Indikator", basis: "Grunnlag (formler)", title: "Utvikling over tid", source: "Kilde",
    index: (avg: string) => `Indeks (snitt ${avg} = 100)`,
    chart: (avg: string) => `Indeks over tid. Snitt ${avg} = 100`,
    network: "nettverk",
  },
  en: {
    values: "Values", change: "Percentage change", averages: "Average", indicator: "Indicator", basis: "Basis (formulas)", title: "Development over time", source: "Source",
    index: (avg: string) => `Index (${avg} average = 100)`,
    chart: (avg: string) => `Index over time. ${avg} average = 100`,
    network: "network",
  },
};

const names = (s: YearStructure, and: string) => joinNames(s.parts.map((p) => `${p.name} (${p.code})`), and);

/** SSB regrouped the municipalities in 2020: a KOSTRA group's figure before and after is a different group's. */
export function groupingNotes(base: string | undefined, years: readonly number[], lang: Lang): string[] {
  if (!base?.startsWith("ekg") || !years.some((y) => y < 2020) || !years.some((y) => y >= 2020)) return [];
  return [REPORT_TEXT[lang].groupingBreak];
}

/** The kinds of years a merger note speaks of: summable before a change of make-up, not comparable at all, and without a figure of its own. */
function structureKinds(before: readonly YearStructure[]) {
  const partOf = before.filter((s) => s.partOf);
  const included = before.filter((s) => !s.partOf && s.included.length > 0);
  const merged = before.filter((s) => !s.partOf && s.included.length === 0);
  return { merged, included, partOf, blank: [...merged, ...included].sort((a, b) => a.year - b.year) };
}

/**
 * Notes above the values about a change of municipal structure within the years: a merger
 * (what it was, and what the series shows for the years before), a municipality that was
 * part of this one for some years (Haram in Ålesund 2020–2023: those years are a break no
 * sum can mend), or the years this one was part of another (Haram: no figures of its own).
 */
export function mergerNotes(o: Pick<TimeSeriesOptions, "focal" | "indicators" | "lang" | "mergedHistory" | "notComputed">, before: readonly YearStructure[]): string[] {
  if (before.length === 0) return [];
  const { merged, included, partOf, blank } = structureKinds(before);
  const name = o.focal.name;
  const words = REPORT_TEXT[o.lang];
  const notes: string[] = [];
  const last = merged[merged.length - 1];
  if (last) notes.push(words.mergerBreak(name, last.mergerYear, names(last, words.and), yearSpan(merged.map((s) => s.year))));
  if (included.length > 0) {
    const inside = included[0].included[0];
    const who = joinNames(included[0].included.map((p) => p.name), words.and);
    const after = included[included.length - 1].mergerYear;
    notes.push(words.includedBreak(who, name, inside.from, inside.to, yearSpan(included.map((s) => s.year)), after));
  }
  if (partOf.length > 0) {
    const host = partOf[0].partOf!;
    notes.push(words.partOf(name, host.name, host.from, host.to, yearSpan(partOf.map((s) => s.year))));
  }
  if (blank.length === 0) return notes;
  if ((o.mergedHistory ?? "break") === "break") {
    notes.push(words.shownWithoutValue(yearSpan(blank.map((s) => s.year)), name));
    return notes;
  }
  if (last) notes.push(words.computedAsMerged(yearSpan(merged.map((s) => s.year)), name, last.asOf));
  if (included.length > 0) notes.push(words.cannotCompute(yearSpan(included.map((s) => s.year)), name));
  const ids = new Set(o.indicators.map((i) => i.id));
  const skipped = (o.notComputed ?? []).filter((x) => ids.has(x.indicator) && x.kind !== "included" && x.kind !== "part-of");
  const notAdditive = o.indicators.filter((i) => skipped.some((x) => x.indicator === i.id && x.kind === "not-additive"));
  if (notAdditive.length > 0 && last)
    notes.push(words.notAdditive(last.mergerYear, notAdditive.map((i) => i.label[o.lang]).join("; ")));
  for (const x of skipped.filter((x) => x.kind !== "not-additive")) notes.push(x.reason[o.lang]);
  return notes;
}

/**
 * Notes for figures not valid in some of the years (f392 from 2021): which years and why.
 * Those years show no value, average or index.
 */
export function validityNotes(indicators: readonly Indicator[], years: readonly number[], lang: Lang): string[] {
  return indicators.flatMap((ind) => {
    const outside = years.filter((y) => !isValidInYear(ind, y));
    if (outside.length === 0 || !ind.valid) return [];
    return [`${ind.label[lang]}: ${notValidText(yearSpan(outside), ind.valid.reason, lang)}.`];
  });
}

export function buildTimeSeriesSheet(input: TimeSeriesOptions): SheetPlan {
  const years = [...input.years].sort((a, b) => a - b);
  // A series dated at 1 January says so in its label (12842's fees: "per 1.1. året etter").
  const o: TimeSeriesOptions = { ...input, indicators: input.indicators.map((ind) => indicatorOverYears(ind, years)) };
  const t = T[o.lang];
  const lang = o.lang;
  const n = o.indicators.length;
  const yearCol = (k: number) => 2 + k; // B, C, …
  const lastYearCol = yearCol(years.length - 1);
  // A published base (a KOSTRA group, Landet uten Oslo) is the average in every year; else the network's.
  const base = o.options.base;
  const net = averageName({ base: base === undefined ? undefined : { id: base, name: base }, network: o.network, year: years[years.length - 1] }, lang);
  // What = 100 in the headings: the published figure's name, or "the network" as before.
  const hundred = base ? net : t.network;
  const history = o.mergedHistory ?? "break";
  const before = preMergerYears(o.focal.id, years, undefined, o.asOf);
  const beforeYears = new Set(before.map((s) => s.year));
  const { merged } = structureKinds(before);
  const summable = new Set(merged.map((s) => s.year));
  const ownless = new Set(before.filter((s) => s.partOf).map((s) => s.year));
  // Fixed prices: which rows are money, the price years they need, and what the sheet says about them.
  // A template without money figures has nothing to convert: its sheet stays as published, without a price table.
  const fixed = o.prices && o.indicators.some((ind) => isMoneyAmount(ind)) ? priceSection(o.prices, o.indicators, years, lang) : null;
  const notes = [...mergerNotes(o, before), ...groupingNotes(base, years, lang), ...validityNotes(o.indicators, years, lang), ...(fixed?.notes ?? [])];
  const valid = (ind: string, y: number) => {
    const indicator = o.indicators.find((i) => i.id === ind);
    return indicator === undefined || isValidInYear(indicator, y);
  };
  const focalValue = (ind: string, y: number, fmt: string): PlanCell => {
    if (!valid(ind, y)) return empty;
    if (!beforeYears.has(y)) return formula(o.lookup(ind, o.focal.id, y), fmt);
    // SSB's symbol for "no figure can exist": the municipality was part of another that year.
    if (ownless.has(y)) return text(".");
    if (history === "break" || !o.lookupComputed || !summable.has(y)) return empty;
    const f = o.lookupComputed(ind, o.focal.id, y);
    return f === `""` ? empty : formula(f, fmt);
  };

  // Section A: values and percentage change, two rows per indicator (after any merger notes).
  const aHeader = 4 + notes.length;
  const aRow = (i: number) => aHeader + 1 + 2 * i;
  // Section C (averages) and B (index) follow.
  const cHeader = aHeader + 2 * n + 2;
  const cRow = (i: number) => cHeader + 1 + i;
  const bHeader = cHeader + n + 2;
  const bRow = (i: number) => bHeader + 1 + i;

  const yearHeader = (label: string): PlanCell[] => [text(label), ...years.map((y) => num(y, "0"))];

  // Fixed prices: the price-index table below the index, then the money rows' nominal values
  // the fixed-price cells are computed from.
  const money = fixed ? o.indicators.filter((ind) => fixed.isMoney(ind)) : [];
  const table = fixed ? priceTable(fixed, bRow(n) + 2, lang) : null;
  const nHeader = table ? table.bottom + 3 : 0;
  const nominalRow = new Map(money.map((ind, j) => [ind.id, nHeader + 1 + j]));
  /** A money figure's formula cell in fixed prices: `toFixed` rewrites the nominal value (a cell or the cell's own formula) with the year's and the base year's price level. */
  const fixedPrices = (ind: Indicator, y: number, cell: PlanCell, toFixed: (nominal: string, level: string, base: string) => string): PlanCell => {
    if (!fixed || !table || !fixed.isMoney(ind) || cell.kind !== "formula") return cell;
    return formula(toFixed(cell.formula, table.levelCell(fixed.priceYear(ind, y)), table.baseCell), cell.format);
  };
  // The focal value reads its nominal row below; an average is deflated as it is computed.
  const inFixedPrices = (ind: Indicator, y: number, k: number, cell: PlanCell, row: number): PlanCell =>
    fixedPrices(ind, y, cell, (_, level, base) => fixedPriceFormula(cellAddress(yearCol(k), row), level, base));
  const averageInFixedPrices = (ind: Indicator, y: number, cell: PlanCell): PlanCell => fixedPrices(ind, y, cell, fixedPriceExpression);
  const inLabel = (heading: string) => (fixed ? `${heading} (${fixed.label})` : heading);

  const valueRows: PlanCell[][] = [];
  const nominalRows: PlanCell[][] = money.map((ind) => [text(ind.label[lang]), ...years.map((y) => focalValue(ind.id, y, numberFormat(ind.decimals)))]);
  o.indicators.forEach((ind, i) => {
    const fmt = numberFormat(ind.decimals);
    const values = years.map((y, k) => inFixedPrices(ind, y, k, focalValue(ind.id, y, fmt), nominalRow.get(ind.id) ?? 0));
    valueRows.push([text(ind.label[lang] + simpleMark({ averageKind: rowWeightIndicator(ind, o.options.average) === null ? "simple" : "weighted" }, o.options)), ...values]);
    valueRows.push([
      text(t.change),
      ...years.map((_, k) => {
        if (k === 0) return empty;
        const prev = cellAddress(yearCol(k - 1), aRow(i));
        const cur = cellAddress(yearCol(k), aRow(i));
        return formula(`IF(AND(ISNUMBER(${prev}),ISNUMBER(${cur})),IF(${prev}<>0,(${cur}-${prev})/ABS(${prev}),""),"")`, "0.0 %");
      }),
    ]);
  });

  // Section C: per year, the network basis to the right and the average in the year's column.
  let basisCol = lastYearCol + 2;
  const basisBlocks: Block[] = [];
  const averageRows: PlanCell[][] = o.indicators.map((ind) => [text(ind.label[lang])]);
  years.forEach((y) => {
    const counted = membersInYear(o.network, y, o.focal.id, o.options).averaging;
    const ctx: BasisContext = {
      // The year's averaging set by the engine's rule (a member merged away that year is none).
      // The series shows no lowest or highest, so its basis holds only who counts in the average.
      members: counted,
      averaging: counted,
      average: o.options.average,
      lookup: (ind, m) => o.lookup(ind, m, y),
    };
    const basisOnly = basisWidth(ctx);
    // The year's weights, one row per weight, right of its basis.
    const weights = weightBlock(ctx, o.indicators.filter((ind) => valid(ind.id, y)).map((ind) => ind.id), basisCol + basisOnly + 1, cRow(0), lang);
    const width = basisOnly + (weights.rows.length ? 1 + weights.header.length : 0);
    const header = basisHeader(ctx, lang);
    const body = o.indicators.map((ind, i) => {
      const { cells, refs } = basisRow(ctx, ind.id, cRow(i), basisCol, cHeader, weights.weightsOf(ind.id));
      const fmt = numberFormat(ind.decimals);
      averageRows[i].push(valid(ind.id, y) ? averageInFixedPrices(ind, y, formula(base ? o.lookup(ind.id, base, y) : averageFormula(refs), fmt)) : empty);
      return cells;
    });
    if (base) {
      // The published figure is looked up directly; the members' basis is not needed.
    } else if (width > 0) {
      basisBlocks.push({ at: cellAddress(basisCol, cHeader - 1), rows: [[text(`${t.basis} ${y}`), ...Array.from({ length: width - 1 }, () => empty)]], style: "note" });
      if (basisOnly > 0) {
        basisBlocks.push({ at: cellAddress(basisCol, cHeader), rows: [header], style: "header" });
        basisBlocks.push({ at: cellAddress(basisCol, cHeader + 1), rows: body });
      }
      if (weights.rows.length) {
        basisBlocks.push({ at: cellAddress(basisCol + basisOnly + 1, cHeader), rows: [weights.header], style: "header" });
        basisBlocks.push({ at: cellAddress(basisCol + basisOnly + 1, cRow(0)), rows: weights.rows });
      }
    } else {
      averageRows.forEach((r) => (r[r.length - 1] = empty));
    }
    if (!base) basisCol += width + 1;
  });

  // Section B: index over time, and a 100 line.
  const indexRows: PlanCell[][] = o.indicators.map((ind, i) => [
    text(ind.label[lang]),
    ...years.map((_, k) => formula(indexFormula(cellAddress(yearCol(k), aRow(i)), cellAddress(yearCol(k), cRow(i))), "0.0")),
  ]);
  indexRows.push([text(`${t.averages} ${net}`), ...years.map(() => num(100, "0.0"))]);

  const blocks: Block[] = [
    { at: "A1", rows: [[text(`${t.title} – ${o.focal.name} – ${o.sectorLabel}`)]], style: "title" },
    { at: "A2", rows: [[text(`${t.source}: ${o.source}`)]], style: "note" },
    ...(notes.length > 0 ? [{ at: "A3", rows: notes.map((x) => [text(x)]), style: "note" as const }] : []),
    { at: `A${aHeader - 1}`, rows: [[text(inLabel(t.values))]], style: "subtitle" },
    { at: `A${aHeader}`, rows: [yearHeader(t.indicator)], style: "header" },
    { at: `A${aHeader + 1}`, rows: valueRows },
    { at: `A${cHeader - 1}`, rows: [[text(inLabel(`${t.averages} ${net}`))]], style: "subtitle" },
    { at: `A${cHeader}`, rows: [yearHeader(t.indicator)], style: "header" },
    { at: `A${cHeader + 1}`, rows: averageRows },
    ...basisBlocks,
    { at: `A${bHeader - 1}`, rows: [[text(t.index(hundred))]], style: "subtitle" },
    { at: `A${bHeader}`, rows: [yearHeader(t.indicator)], style: "header" },
    { at: `A${bHeader + 1}`, rows: indexRows },
    ...(table ? table.blocks : []),
    ...(money.length > 0
      ? [
          { at: `A${nHeader - 1}`, rows: [[text(nominalHeading(lang))]], style: "subtitle" as const },
          { at: `A${nHeader}`, rows: [yearHeader(indicatorHeading(lang))], style: "header" as const },
          { at: `A${nHeader + 1}`, rows: nominalRows },
        ]
      : []),
  ];

  const yearsRange = (row: number) => `${cellAddress(yearCol(0), row, true)}:${cellAddress(lastYearCol, row, true)}`;
  const widths: Record<string, number> = { A: labelColumnWidth(valueRows.map((r) => (r[0].kind === "text" ? r[0].text : "")), 52) };
  for (let k = 0; k < years.length; k++) widths[columnLetter(yearCol(k))] = 12;
  const sheet: SheetPlan = { key: o.key, name: o.name, blocks, columnWidths: widths, freeze: { rows: 0, columns: 1 } };
  // The chart goes under the last printed row (whatever the sheet holds above it), as wide
  // as the years, and on one printed page; the basis right of the years never prints.
  const titleRows = { from: aHeader, to: aHeader };
  const place = chartTopOnOnePage(sheet, { from: printedExtent(sheet, lastYearCol).bottom + 2, rows: CHART_ROWS, lastColumn: lastYearCol, titleRows });
  sheet.charts = [
    {
      name: `Indeks_over_tid_${o.key.replace(/[^A-Za-z0-9]/g, "_").slice(0, 200)}`,
      type: "line",
      title: `${net} – ${o.sectorLabel}. ${t.chart(hundred)}${fixed ? ` (${fixed.label})` : ""}`,
      categories: { sheet: o.key, range: yearsRange(bHeader) },
      series: [
        ...o.indicators.map((ind, i) => ({ name: ind.label[lang], values: { sheet: o.key, range: yearsRange(bRow(i)) } })),
        { name: `${t.averages} ${net}`, values: { sheet: o.key, range: yearsRange(bRow(n)) } },
      ],
      position: { from: `A${place.top}`, to: `${columnLetter(lastYearCol)}${place.top + CHART_ROWS - 1}` },
      valueAxisTitle: REPORT_TEXT[lang].indexAxis,
    },
  ];
  const heading = { lang, municipality: `${o.focal.name} (${o.focal.code})`, subject: o.sectorLabel, period: yearSpan(years), source: o.source };
  sheet.pageSetup = printSetup(sheet, heading, { lastColumn: lastYearCol, titleRows });
  return sheet;
}

/** The time series chart's height in rows: with room to spare on a page of about 32 rows, so it can always be placed on one. */
const CHART_ROWS = 22;
