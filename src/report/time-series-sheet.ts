/**
 * The time series sheet: the municipality's values over the chosen years with the
 * yearly percentage change (the reference document's "sammenligning over tid"), the
 * network average per year, and the index over time (value ÷ that year's network
 * average × 100) with a line chart — all live formulas over the data sheet. The network
 * is taken as it was in each year (ASSS grew from 10 to 12 members in 2022).
 */
import { municipalityById, refForYear } from "../kostra/municipalities";
import { networkMembers, OSLO_ID } from "../kostra/networks";
import type { BenchmarkOptions, Indicator, Lang, MunicipalityRef, Network } from "../kostra/types";
import { averageFormula, basisHeader, basisRow, basisWidth, indexFormula, type BasisContext, weightLookup } from "./network-basis";
import { cellAddress, columnLetter, empty, formula, num, text, type Block, type PlanCell, type SheetPlan } from "./plan";

export interface TimeSeriesOptions {
  key: string;
  name: string;
  lang: Lang;
  sectorLabel: string;
  focal: MunicipalityRef;
  network: Network;
  indicators: readonly Indicator[];
  years: readonly number[];
  options: Pick<BenchmarkOptions, "average" | "includeOslo" | "includeFocal">;
  lookup: (indicator: string, municipality: string, year: number) => string;
  source: string;
}

const T = {
  nb: { values: "Verdier", change: "Prosentvis endring", averages: "Snitt", index: "Indeks (snitt nettverk = 100)", indicator: "Indikator", basis: "Grunnlag (formler)", title: "Utvikling over tid", chart: "Indeks over tid. Snitt nettverk = 100", source: "Kilde" },
  en: { values: "Values", change: "Percentage change", averages: "Average", index: "Index (network average = 100)", indicator: "Indicator", basis: "Basis (formulas)", title: "Development over time", chart: "Index over time. Network average = 100", source: "Source" },
};

/** The averaging set of a year, as the engine forms it. */
export function averagingSetFor(network: Network, year: number, focalId: string, options: TimeSeriesOptions["options"]): MunicipalityRef[] {
  return networkMembers(network, year)
    .filter((id) => (options.includeOslo || id !== OSLO_ID) && (options.includeFocal || id !== focalId))
    .map((id) => refForYear(municipalityById(id)!, year));
}

export function buildTimeSeriesSheet(o: TimeSeriesOptions): SheetPlan {
  const t = T[o.lang];
  const lang = o.lang;
  const years = [...o.years].sort((a, b) => a - b);
  const n = o.indicators.length;
  const yearCol = (k: number) => 2 + k; // B, C, …
  const lastYearCol = yearCol(years.length - 1);
  const net = o.network.shortName;

  // Section A: values and percentage change, two rows per indicator.
  const aHeader = 4;
  const aRow = (i: number) => aHeader + 1 + 2 * i;
  // Section C (averages) and B (index) follow.
  const cHeader = aHeader + 2 * n + 2;
  const cRow = (i: number) => cHeader + 1 + i;
  const bHeader = cHeader + n + 2;
  const bRow = (i: number) => bHeader + 1 + i;

  const yearHeader = (label: string): PlanCell[] => [text(label), ...years.map((y) => num(y, "0"))];

  const valueRows: PlanCell[][] = [];
  o.indicators.forEach((ind, i) => {
    const fmt = ind.decimals > 0 ? `#,##0.${"0".repeat(ind.decimals)}` : "#,##0";
    valueRows.push([text(ind.label[lang]), ...years.map((y) => formula(o.lookup(ind.id, o.focal.id, y), fmt))]);
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
    const ctx: BasisContext = {
      members: averagingSetFor(o.network, y, o.focal.id, o.options),
      average: o.options.average,
      lookup: (ind, m) => o.lookup(ind, m, y),
      weight: (ind, m) => weightLookup(ind, (w) => o.lookup(w, m, y)),
    };
    const width = basisWidth(ctx);
    const header = basisHeader(ctx, lang);
    const body = o.indicators.map((ind, i) => {
      const { cells, refs } = basisRow(ctx, ind.id, cRow(i), basisCol, cHeader);
      averageRows[i].push(formula(averageFormula(refs), ind.decimals > 0 ? `#,##0.${"0".repeat(ind.decimals)}` : "#,##0"));
      return cells;
    });
    if (width > 0) {
      basisBlocks.push({ at: cellAddress(basisCol, cHeader - 1), rows: [[text(`${t.basis} ${y}`), ...Array.from({ length: width - 1 }, () => empty)]], style: "note" });
      basisBlocks.push({ at: cellAddress(basisCol, cHeader), rows: [header], style: "header" });
      basisBlocks.push({ at: cellAddress(basisCol, cHeader + 1), rows: body });
    } else {
      averageRows.forEach((r) => (r[r.length - 1] = empty));
    }
    basisCol += width + 1;
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
    { at: `A${aHeader - 1}`, rows: [[text(t.values)]], style: "subtitle" },
    { at: `A${aHeader}`, rows: [yearHeader(t.indicator)], style: "header" },
    { at: `A${aHeader + 1}`, rows: valueRows },
    { at: `A${cHeader - 1}`, rows: [[text(`${t.averages} ${net}`)]], style: "subtitle" },
    { at: `A${cHeader}`, rows: [yearHeader(t.indicator)], style: "header" },
    { at: `A${cHeader + 1}`, rows: averageRows },
    ...basisBlocks,
    { at: `A${bHeader - 1}`, rows: [[text(t.index)]], style: "subtitle" },
    { at: `A${bHeader}`, rows: [yearHeader(t.indicator)], style: "header" },
    { at: `A${bHeader + 1}`, rows: indexRows },
  ];

  const yearsRange = (row: number) => `${cellAddress(yearCol(0), row, true)}:${cellAddress(lastYearCol, row, true)}`;
  const lastIndexRow = bRow(n);
  const widths: Record<string, number> = { A: 52 };
  for (let k = 0; k < years.length; k++) widths[columnLetter(yearCol(k))] = 12;
  return {
    key: o.key,
    name: o.name,
    blocks,
    columnWidths: widths,
    freeze: { rows: 0, columns: 1 },
    charts: [
      {
        name: `Indeks_over_tid_${o.key.replace(/[^A-Za-z0-9]/g, "_")}`,
        type: "line",
        title: `${net} – ${o.sectorLabel}. ${t.chart}`,
        categories: { sheet: o.key, range: yearsRange(bHeader) },
        series: [
          ...o.indicators.map((ind, i) => ({ name: ind.label[lang], values: { sheet: o.key, range: yearsRange(bRow(i)) } })),
          { name: `${t.averages} ${net}`, values: { sheet: o.key, range: yearsRange(bRow(n)) } },
        ],
        position: { from: `A${lastIndexRow + 3}`, to: `${columnLetter(Math.max(lastYearCol, 8))}${lastIndexRow + 26}` },
        valueAxisTitle: lang === "nb" ? "Indeks (snitt = 100)" : "Index (average = 100)",
      },
    ],
  };
}
