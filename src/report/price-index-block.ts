/**
 * The time series' fixed prices in the workbook: a visible price-index table (year, growth
 * in per cent, price level with the base year = 100, source) and the formulas that put a
 * nominal cell into the base year's kroner over it. The growth cells are plain numbers the
 * user may correct; the levels are chained outward from the base year by live formulas
 * (kostra/prices.ts states the rule), so changing one year's growth recalculates exactly
 * the levels on its far side from the base year and the fixed-price cells that use them.
 * A level that cannot be linked (a growth missing) is empty text, and so is every
 * fixed-price cell that needs it: empty, never wrong.
 */
import {
  fixedPricesLabel,
  isMoneyAmount,
  missingForSeries,
  missingYearsText,
  priceIndexName,
  priceYear,
  seriesPriceYears,
  type FixedPrices,
} from "../kostra/prices";
import type { Indicator, Lang } from "../kostra/types";
import { cellAddress, empty, formula, num, text, type Block, type PlanCell } from "./plan";

export type { FixedPrices };

/** How the table's subtitle starts, per language ("Prisindeks: kommunal deflator …"); price-table-read.ts finds the table by it. */
const TITLE = { nb: "Prisindeks:", en: "Price index:" };

const T = {
  nb: {
    table: (name: string, base: number) => `${TITLE.nb} ${name} (prisnivå ${base} = 100)`,
    year: "År",
    growth: "Vekst %",
    level: "Prisnivå",
    source: "Kilde",
    unconfirmed: "anslag, ikke endelig tall",
    nominal: "Nominelle verdier (løpende kroner)",
    indicator: "Indikator",
    rule: (label: string) => `Kronebeløp i ${label}: nominell verdi × prisnivå i basisåret ÷ prisnivå i året (tabellen «Prisindeks» under). Andeler, antall og nøkkeltall uten kroner vises som publisert.`,
    keep: "Du kan rette eller legge til veksten i tabellen: rettingene beholdes når rapporten oppdateres («Oppdater»). Tøm en vekstcelle for å få tilbake det publiserte tallet.",
    estimates: (years: string) => `Veksten for ${years} er anslag, ikke endelige tall: kontroller mot siste rapport fra TBU og rett i tabellen.`,
  },
  en: {
    table: (name: string, base: number) => `${TITLE.en} ${name} (price level ${base} = 100)`,
    year: "Year",
    growth: "Growth %",
    level: "Price level",
    source: "Source",
    unconfirmed: "estimate, not the final figure",
    nominal: "Nominal values (current kroner)",
    indicator: "Indicator",
    rule: (label: string) => `Kroner amounts in ${label}: nominal value × price level of the base year ÷ price level of the year (the "Price index" table below). Shares, counts and key figures without money are shown as published.`,
    keep: "You may correct or add the growth in the table: your figures are kept when the report is updated (\"Oppdater\"). Empty a growth cell to get the published figure back.",
    estimates: (years: string) => `The growth for ${years} is an estimate, not the final figure: check it against TBU's latest report and correct it in the table.`,
  },
};

/** The subtitle's start and the header row's first cell in either language: how a reader finds the table. */
export const PRICE_TABLE_HEADINGS = { titles: [TITLE.nb, TITLE.en], years: [T.nb.year, T.en.year] } as const;

/** What the sheet needs to know about its fixed prices before it lays out its rows. */
export interface PriceSection {
  prices: FixedPrices;
  /** "faste 2017-kroner, kommunal deflator". */
  label: string;
  /** Notes above the values: the rule, estimates in the table, and missing years. */
  notes: string[];
  /** Whether the indicator is deflated. */
  isMoney(ind: Indicator): boolean;
  /** The price year of the indicator's figure for a data year. */
  priceYear(ind: Indicator, year: number): number;
  /** The price years the table lists (every one the series needs, and the base year), oldest first. */
  tableYears: number[];
  /** Growth years the index lacks. */
  missing: number[];
}

export function priceSection(prices: FixedPrices, indicators: readonly Indicator[], years: readonly number[], lang: Lang): PriceSection {
  const money = indicators.filter((i) => isMoneyAmount(i));
  const needed = seriesPriceYears(indicators, years, prices.base);
  const lo = needed[0];
  const hi = needed[needed.length - 1];
  const tableYears = Array.from({ length: hi - lo + 1 }, (_, k) => lo + k);
  const missing = missingForSeries(prices, indicators, years);
  const label = fixedPricesLabel(prices.base, prices.index.id, lang);
  const shown = new Set(tableYears);
  const estimates = prices.index.rows.filter((r) => !r.confirmed && shown.has(r.year)).map((r) => r.year);
  const notes = [
    T[lang].rule(label),
    T[lang].keep,
    ...(estimates.length > 0 ? [T[lang].estimates(estimates.join(", "))] : []),
    ...(missing.length > 0 ? [missingYearsText(missing, prices.index.id)[lang]] : []),
  ];
  const ids = new Set(money.map((i) => i.id));
  return { prices, label, notes, isMoney: (ind) => ids.has(ind.id), priceYear, tableYears, missing };
}

/** The price-index table placed with its subtitle at row `top`: its blocks, where each year's level is, and its last row. */
export function priceTable(section: PriceSection, top: number, lang: Lang): { blocks: Block[]; levelCell(year: number): string; baseCell: string; bottom: number } {
  const t = T[lang];
  const { index, base } = section.prices;
  const header = top + 1;
  const rowOf = (year: number) => header + 1 + (year - section.tableYears[0]);
  const growthCell = (year: number) => cellAddress(2, rowOf(year));
  const levelCell = (year: number) => cellAddress(3, rowOf(year), true);
  const byYear = new Map(index.rows.map((r) => [r.year, r]));
  const rows: PlanCell[][] = section.tableYears.map((y) => {
    const row = byYear.get(y);
    let levelFormula: PlanCell;
    if (y === base) levelFormula = num(100, "0.000");
    else if (y > base) {
      const prev = cellAddress(3, rowOf(y - 1));
      levelFormula = formula(`IF(AND(ISNUMBER(${prev}),ISNUMBER(${growthCell(y)})),${prev}*(1+${growthCell(y)}/100),"")`, "0.000");
    } else {
      const next = cellAddress(3, rowOf(y + 1));
      levelFormula = formula(`IF(AND(ISNUMBER(${next}),ISNUMBER(${growthCell(y + 1)})),${next}/(1+${growthCell(y + 1)}/100),"")`, "0.000");
    }
    const source = row ? (row.confirmed ? row.source : `${row.source} (${t.unconfirmed})`) : "";
    return [num(y, "0"), row ? num(row.growth, "0.0") : empty, levelFormula, source ? text(source) : empty];
  });
  const blocks: Block[] = [
    { at: `A${top}`, rows: [[text(t.table(priceIndexName(index.id, lang), base))]], style: "subtitle" },
    { at: `A${header}`, rows: [[text(t.year), text(t.growth), text(t.level), text(t.source)]], style: "header" },
    { at: `A${header + 1}`, rows },
  ];
  return { blocks, levelCell, baseCell: levelCell(base), bottom: rowOf(section.tableYears[section.tableYears.length - 1]) };
}

/** A nominal cell in the base year's kroner: empty text when the cell or the year's level is not a number. */
export const fixedPriceFormula = (nominal: string, level: string, base: string): string =>
  `IF(AND(ISNUMBER(${nominal}),ISNUMBER(${level})),${nominal}*${base}/${level},"")`;

/** An expression (an average's formula) in the base year's kroner; empty text when it or the level is not a number. */
export const fixedPriceExpression = (expression: string, level: string, base: string): string =>
  `IFERROR((${expression.replace(/^=/, "")})*${base}/${level},"")`;

export const nominalHeading = (lang: Lang): string => T[lang].nominal;
export const indicatorHeading = (lang: Lang): string => T[lang].indicator;
