/**
 * The report's own words in the workbook — sheet names, notes, source lines, axis titles —
 * in one catalogue per language. Both must be a `ReportText`, so a text missing in one
 * language fails the type check. The indicators' labels and definitions come from the
 * catalog (LocalizedText), the averaging line from the domain (kostra/describe.ts).
 */
import type { Lang } from "../kostra/types";

export interface ReportText {
  /** Joins the last of several names: "Ålesund, Haram og Sandøy". */
  and: string;
  dataSheet: string;
  seriesPrefix: string;
  syntheticSample: string;
  /** Headings of the average's helper columns, after the member's name. */
  inAverage: string;
  weight: string;
  /** Heading of a sheet's rows of weights (one per weight, e.g. population), over the weight's name. */
  weights: string;
  ssbTable: (table: string) => string;
  updated: (date: string) => string;
  /** "SSB tabell 12362, 11814." — the tables an indicator's definition names. */
  ssbTables: (tables: readonly string[]) => string;
  tableNotConfirmed: string;
  indexAxis: string;
  /** The KOSTRA groups before and after 2020 are different groups. */
  groupingBreak: string;
  mergerBreak: (name: string, mergerYear: number, parts: string, years: string) => string;
  includedBreak: (who: string, name: string, from: number | undefined, to: number | undefined, years: string, after: number) => string;
  partOf: (name: string, host: string, from: number | undefined, to: number | undefined, years: string) => string;
  shownWithoutValue: (years: string, name: string) => string;
  /** Years summed from the former municipalities, as the municipality is now (`asOf` undefined) or was in `asOf`. */
  computedAsMerged: (years: string, name: string, asOf: number | undefined) => string;
  cannotCompute: (years: string, name: string) => string;
  notAdditive: (mergerYear: number, labels: string) => string;
}

const nb: ReportText = {
  and: "og",
  dataSheet: "KOSTRA-data",
  seriesPrefix: "Utvikling",
  syntheticSample: "Syntetiske eksempeldata",
  inAverage: "(i snittet)",
  weight: "(vekt)",
  weights: "Vekter i snittet",
  ssbTable: (table) => `tabell ${table}`,
  updated: (date) => `oppdatert ${date}`,
  ssbTables: (tables) => `SSB tabell ${tables.join(", ")}.`,
  tableNotConfirmed: "SSB-tabellen er ikke bekreftet.",
  indexAxis: "Indeks (snitt = 100)",
  groupingBreak: "Brudd i snittet: KOSTRA-gruppene fikk nytt innhold i 2020, så gruppens tall før og etter 2020 gjelder ulike kommuner.",
  mergerBreak: (name, mergerYear, parts, years) =>
    `Brudd i serien: fra ${mergerYear} er ${name} en sammenslåing av ${parts}. SSBs tall for ${years} gjelder en annen kommuneinndeling.`,
  includedBreak: (who, name, from, to, years, after) =>
    `Brudd i serien: ${who} var en del av ${name} ${from}–${to}. SSBs tall for ${name} i ${years} omfatter ${who}, som SSB ikke har egne tall for, og kan ikke sammenlignes med ${name} fra ${after}.`,
  partOf: (name, host, from, to, years) => `${name} var en del av ${host} ${from}–${to} og har ingen egne tall for ${years} («.»).`,
  shownWithoutValue: (years, name) => `${years} vises derfor uten verdi for ${name}.`,
  computedAsMerged: (years, name, asOf) =>
    `${years} er beregnet for ${name} slik kommunen ${asOf === undefined ? "er nå" : `var i ${asOf}`}: summen av kommunene, og tall per innbygger som sum beløp ÷ sum folkemengde (aldri et snitt). Se «Beregnet (sammenslått)» i datatabellen.`,
  cannotCompute: (years, name) => `${years} kan ikke beregnes og vises uten verdi for ${name}.`,
  notAdditive: (mergerYear, labels) => `Andeler og nøkkeltall kan ikke legges sammen og vises uten verdi før ${mergerYear}: ${labels}.`,
};

const en: ReportText = {
  and: "and",
  dataSheet: "KOSTRA data",
  seriesPrefix: "Trend",
  syntheticSample: "Synthetic sample data",
  inAverage: "(in the average)",
  weight: "(weight)",
  weights: "Weights in the average",
  ssbTable: (table) => `table ${table}`,
  updated: (date) => `updated ${date}`,
  ssbTables: (tables) => `SSB ${tables.length > 1 ? "tables" : "table"} ${tables.join(", ")}.`,
  tableNotConfirmed: "The SSB table is not confirmed.",
  indexAxis: "Index (average = 100)",
  groupingBreak: "Break in the average: the KOSTRA groups were redefined in 2020, so the group's figures before and after 2020 cover different municipalities.",
  mergerBreak: (name, mergerYear, parts, years) =>
    `Break in the series: from ${mergerYear}, ${name} is a merger of ${parts}. SSB's figures for ${years} are for another municipal structure.`,
  includedBreak: (who, name, from, to, years, after) =>
    `Break in the series: ${who} was part of ${name} ${from}–${to}. SSB's figures for ${name} in ${years} include ${who}, for which SSB has no figures of its own, and cannot be compared with ${name} from ${after}.`,
  partOf: (name, host, from, to, years) => `${name} was part of ${host} ${from}–${to} and has no figures of its own for ${years} (".").`,
  shownWithoutValue: (years, name) => `${years} is therefore shown without a value for ${name}.`,
  computedAsMerged: (years, name, asOf) =>
    `${years} is computed for ${name} as it ${asOf === undefined ? "is now" : `was in ${asOf}`}: the sum of the municipalities, and per-capita figures as summed amounts ÷ summed population (never an average). See "Computed (merged)" in the data table.`,
  cannotCompute: (years, name) => `${years} cannot be computed and is shown without a value for ${name}.`,
  notAdditive: (mergerYear, labels) => `Shares and key figures cannot be added up and are shown without a value before ${mergerYear}: ${labels}.`,
};

export const REPORT_TEXT: Readonly<Record<Lang, ReportText>> = { nb, en };
