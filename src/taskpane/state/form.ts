/**
 * What the user has chosen in the pane — template, municipality, comparisons, network,
 * years, averaging and source — and how each choice changes the rest (a reducer, so the
 * rules live in one place and are tested without React).
 */
import type { PriceChoice } from "../../kostra/prices";
import type { AverageChoice } from "../../kostra/types";
import { start } from "../domain";
import { DEFAULT_YEAR } from "../start/defaultYear";

/** Where the data comes from. "selection" is the selected range in Excel. */
export type SourceKind = "sample" | "ssb" | "file" | "selection";

/**
 * What a profile's index is measured against (= 100): the network's own average, or a
 * figure SSB publishes: the municipality's KOSTRA group, Landet uten Oslo or Landet.
 */
export type BaseChoice = "network" | "kostragruppe" | "eakuo" | "eak";

/** SSB-published figures shown as extra columns beside the profile. */
export type ReferenceChoice = "kostragruppe" | "eakuo" | "eak";

export const REFERENCE_CHOICES: readonly ReferenceChoice[] = ["kostragruppe", "eakuo", "eak"];

/** The years of the time series, inclusive. */
export interface YearSpan {
  from: number;
  to: number;
}

export interface FormState {
  sector: string;
  /** Further templates a template workbook was written with; written along, not previewed. */
  extraSectors: string[];
  /** Stable municipality id. */
  municipality: string;
  /** Stable ids of the municipalities shown beside the network's figures. */
  comparisons: string[];
  /** "asss", "custom" (the user's own `peers`) or "none" (only SSB's published figures). */
  network: string;
  /** The user's own peer municipalities (stable ids), for network "custom". */
  peers: string[];
  base: BaseChoice;
  /** The KOSTRA group ("ekg07") the user chose; "" = the municipality's own group where it is known. */
  kostraGroup: string;
  references: ReferenceChoice[];
  /** The profile's year. */
  year: number;
  span: YearSpan;
  average: AverageChoice;
  includeOslo: boolean;
  includeFocal: boolean;
  /** Whether the profile chart shows the comparison municipalities as series. */
  chartComparisons: boolean;
  /** A merged municipality's years before the merger: a clear break, or summed from its predecessors. */
  mergedHistory: "break" | "sum";
  source: SourceKind;
  /** The municipality's proxy for SSB's API; empty means SSB itself. */
  baseUrl: string;
  /** The time series' kroner: nominal, or fixed by an index (with the user's own rows from the template). */
  prices: PriceChoice;
  /** Whole per cent around the average the sentences call "på nivå med snittet"; absent: the rule's default (5). */
  sentenceBand?: number;
}

export type AdvancedOptions = Pick<FormState, "average" | "includeOslo" | "includeFocal" | "chartComparisons" | "mergedHistory" | "baseUrl" | "prices" | "sentenceBand">;

export const DEFAULT_SECTOR = "plan-miljo-kultur";
export const DEFAULT_MUNICIPALITY = "baerum";
export { DEFAULT_YEAR };
/** Time series default to the profile year and the two before it, as in the yearly analysis. */
export const DEFAULT_SPAN_LENGTH = 3;

export function initialForm(overrides: Partial<FormState> = {}): FormState {
  const sector = overrides.sector ?? DEFAULT_SECTOR;
  const year = overrides.year ?? DEFAULT_YEAR;
  const template = start().templateSummary(sector);
  return {
    sector,
    extraSectors: [],
    municipality: DEFAULT_MUNICIPALITY,
    comparisons: template ? [...template.defaultComparisons] : [],
    network: template?.network ?? "asss",
    peers: [],
    base: "network",
    kostraGroup: "",
    references: [],
    year,
    span: { from: year - (DEFAULT_SPAN_LENGTH - 1), to: year },
    average: "indicator",
    includeOslo: true,
    includeFocal: true,
    chartComparisons: false,
    mergedHistory: "break",
    source: "sample",
    baseUrl: "",
    prices: "nominal",
    ...overrides,
  };
}

export type FormAction =
  | { type: "sector"; sector: string }
  | { type: "municipality"; municipality: string }
  | { type: "comparisons"; comparisons: string[] }
  | { type: "network"; network: string }
  | { type: "peers"; peers: string[] }
  | { type: "base"; base: BaseChoice }
  | { type: "kostraGroup"; kostraGroup: string }
  | { type: "references"; references: ReferenceChoice[] }
  | { type: "year"; year: number }
  | { type: "span"; span: YearSpan }
  | { type: "options"; options: Partial<AdvancedOptions> }
  | { type: "source"; source: SourceKind }
  | { type: "replace"; form: FormState };

/** A span that ends at the profile year moves with it, keeping its length; a span the user set apart stays. */
export function followYear(span: YearSpan, oldYear: number, newYear: number): YearSpan {
  if (span.to !== oldYear) return span;
  const shift = newYear - oldYear;
  return { from: span.from + shift, to: span.to + shift };
}

/** A valid span: `from` never after `to`. The end that was not changed gives way. */
export function orderedSpan(span: YearSpan, changed: "from" | "to"): YearSpan {
  if (span.from <= span.to) return span;
  return changed === "from" ? { from: span.from, to: span.from } : { from: span.to, to: span.to };
}

export function formReducer(state: FormState, action: FormAction): FormState {
  switch (action.type) {
    case "sector": {
      const template = start().templateSummary(action.sector);
      return {
        ...state,
        sector: action.sector,
        extraSectors: [],
        comparisons: template ? [...template.defaultComparisons] : state.comparisons,
        network: template?.network ?? state.network,
      };
    }
    case "municipality":
      // A chosen KOSTRA group belonged to the previous municipality; the new one's own applies.
      return { ...state, municipality: action.municipality, kostraGroup: "", peers: state.peers.filter((p) => p !== action.municipality) };
    case "comparisons":
      return { ...state, comparisons: [...action.comparisons] };
    case "network":
      // Without a network there is no network average: measure against a published figure.
      return { ...state, network: action.network, base: action.network === "none" && state.base === "network" ? "kostragruppe" : state.base };
    case "peers":
      return { ...state, peers: [...action.peers] };
    case "base":
      return { ...state, base: action.base };
    case "kostraGroup":
      return { ...state, kostraGroup: action.kostraGroup };
    case "references":
      return { ...state, references: REFERENCE_CHOICES.filter((r) => action.references.includes(r)) };
    case "year":
      return { ...state, year: action.year, span: followYear(state.span, state.year, action.year) };
    case "span":
      return { ...state, span: action.span };
    case "options":
      return { ...state, ...action.options };
    case "source":
      return { ...state, source: action.source };
    case "replace":
      return action.form;
  }
}

/** The same settings one year on: the profile year and the time series move together. */
export function nextYearForm(form: FormState): FormState {
  return { ...form, year: form.year + 1, span: { from: form.span.from + 1, to: form.span.to + 1 } };
}

/** Every year of the span, plus the profile year when it lies outside. */
export function formYears(form: Pick<FormState, "span" | "year">): number[] {
  const years = new Set<number>([form.year]);
  for (let y = form.span.from; y <= form.span.to; y++) years.add(y);
  return [...years].sort((a, b) => a - b);
}

/** The templates the report is written for: the chosen one first. */
export function reportSectors(form: Pick<FormState, "sector" | "extraSectors">): string[] {
  return [form.sector, ...form.extraSectors.filter((s) => s !== form.sector)];
}

/** Whether the choices need the municipality's KOSTRA group (as base or as a column). */
export function usesKostraGroup(form: Pick<FormState, "base" | "references">): boolean {
  return form.base === "kostragruppe" || form.references.includes("kostragruppe");
}

/**
 * An SSB address must pass `checkBaseUrl` (https, no user name, no query); an empty one
 * means SSB itself. (Taken from the start modules, which has the text checks it needs, to
 * keep them out of the pane's first script.)
 */
export function isValidBaseUrl(baseUrl: string): boolean {
  return baseUrl.trim() === "" || start().checkBaseUrl(baseUrl).ok;
}
