/**
 * The domain's vocabulary: municipalities, networks, indicators, observations and
 * the benchmark profile. Pure data; nothing here does I/O.
 */

/** A language the product speaks. Norwegian bokmål is the default. */
export type Lang = "nb" | "en";

/** Text in both product languages. */
export interface LocalizedText {
  nb: string;
  en: string;
}

/** A region code valid for a span of data years (inclusive; open ends allowed). */
export interface CodePeriod {
  code: string;
  from?: number;
  to?: number;
  /** Name used in that period, when it differs from the municipality's current name. */
  name?: string;
}

/** A municipality with a stable id and every region code it has had. */
export interface Municipality {
  /** Stable id that never changes with mergers or renumbering, e.g. "baerum". */
  id: string;
  name: string;
  codes: CodePeriod[];
  /** Id of the municipality it merged into, for municipalities that no longer exist. */
  successor?: string;
  /** Every municipality that got part of its area, for one that was split (Tysfjord, Snillfjord in 2020). */
  successors?: string[];
  /** Data years in which it had no code of its own because it was part of another (Haram in Ålesund 2020–2023). */
  partOf?: { id: string; from?: number; to?: number }[];
  /**
   * "municipality" (the default when absent) or "aggregate": a region SSB publishes
   * figures for (Landet, Landet uten Oslo, a KOSTRA group), never a focal municipality.
   */
  kind?: "municipality" | "aggregate";
}

/** A benchmarking network (ASSS) whose membership depends on the data year. */
export interface Network {
  id: string;
  name: string;
  /** Short label used in series names, e.g. "ASSS" in "Snitt ASSS". */
  shortName: string;
  /** Membership periods: each entry lists the member ids valid from..to (inclusive). */
  periods: { from?: number; to?: number; members: string[] }[];
}

/** How the network average is computed. */
export type AverageKind = "simple" | "weighted";

/**
 * The averaging a profile asks for: every indicator simple, every indicator weighted by its
 * own weight, or each indicator as KS averages it ("indicator": its `defaultAverage` —
 * amounts per inhabitant weighted, ready-made key figures simple).
 */
export type AverageChoice = AverageKind | "indicator";

/**
 * Where an indicator's numbers come from at SSB: a table and, per dimension, the
 * value codes to select. A dimension listed in `sum` contributes the sum of its
 * codes (e.g. functions 335 + 360); every other dimension must have exactly one code.
 * The region and time dimensions are not part of the selector.
 */
export interface SsbSelector {
  /** SSB table id; null where the table is not yet confirmed (then `tableSearch` says what to look for). */
  table: string | null;
  tableSearch?: string;
  regionDimension: string;
  timeDimension: string;
  select: Record<string, string[]>;
  /** Dimensions whose codes are summed into one value. */
  sum?: string[];
  /**
   * SSB's time for data year n is n + yearOffset (default 0). Table 12842 dates a fee by
   * 1 January of the year it applies to, so the seed's "(gjelder rapporteringsåret+1)" row
   * reads 12842 at n+1; KOSTRA's "per innbygger" divides by the population at the end of
   * the year, which 07459 publishes as 1 January n+1.
   */
  yearOffset?: number;
}

/** Data years from..to (inclusive; an open end is unbounded). */
export interface YearSpan {
  from?: number;
  to?: number;
}

/** The data years an indicator means something in, and why it does not outside them. */
export interface Validity extends YearSpan {
  reason: LocalizedText;
}

/**
 * A figure KS computes itself from SSB series rather than a ready-made key figure:
 * value = scale × Σ numerator ÷ Σ denominator, where each name is a catalog series (an
 * indicator with measure "amount" or "count"). With a distribution key the numerator is
 * multiplied by Σ share ÷ (Σ share + Σ rest) first — KS splits f254 net expenditure by
 * the share of allotted hours to users 0–66 (B) and 67+ (C): (A × B/(B+C)) / D.
 * The weighted average is scale × Σ numerator ÷ Σ denominator over the members with both.
 */
export interface Ratio {
  numerator: string[];
  denominator: string[];
  scale: number;
  key?: { share: string[]; rest: string[] };
}

export type MappingConfidence = "high" | "medium" | "low";

/**
 * What kind of number an indicator is. It decides what may be added up across
 * merged municipalities: amounts and counts may, per-capita figures are recomputed
 * from their amount and population, shares and key figures may not.
 */
export type Measure = "per-capita" | "amount" | "count" | "share" | "key-figure";

/**
 * What weights a municipality in a weighted average: its population, another catalog
 * indicator (a count such as children in kindergarten, the figure's denominator), or
 * nothing (the figure is always averaged simply).
 */
export type Weight = "population" | "none" | { indicator: string };

export interface Indicator {
  id: string;
  label: LocalizedText;
  unit: LocalizedText;
  decimals: number;
  measure: Measure;
  /**
   * The SSB series (for data years after every `earlier` period). Exactly one of `ssb`
   * and `ratio`: a figure KS computes from series has none of its own.
   */
  ssb?: SsbSelector;
  /**
   * Earlier SSB series, oldest first, each for data years up to and including `to`: a
   * table replaced by another (barnehage key figures: 12562 until 2019, 13502 from 2020).
   */
  earlier?: { to: number; ssb: SsbSelector }[];
  /** For a figure KS computes from series: its numerator and denominator (see Ratio). */
  ratio?: Ratio;
  /** The data years the figure is valid for; outside them nothing is requested and the row says why. */
  valid?: Validity;
  /**
   * For per-capita figures: the same selector with these codes replaced gives the
   * amount, in `scale` kroner (KOSbelop0000 is in 1000 kr), so the figure can be
   * recomputed from summed amounts and population.
   */
  amount?: { select: Record<string, string[]>; scale: number };
  weight: Weight;
  /**
   * The averaging KS applies ("Gjennomsnittsberegninger i ASSS-analysene"): weighted
   * (Σ numerator ÷ Σ denominator) unless KS marks the figure with `*` as ready-made and
   * averaged simply.
   */
  defaultAverage: AverageKind;
  /** The KS page that states the averaging rule for this figure. */
  averageSource?: string;
  /** How sure we are that the SSB selector is the figure the name describes. */
  confidence: MappingConfidence;
  /** Definition and, where the mapping is uncertain, why. */
  definition: LocalizedText;
  /** Where the mapping comes from (KS and SSB pages). */
  source?: string;
  /** The sector the indicator belongs to; absent for shared indicators such as population. */
  sector?: string;
  /**
   * Which way is better, where a published source says so (a quality indicator such as
   * grunnskolepoeng), with that source; absent for figures that are neither (spending).
   */
  direction?: { better: "higher" | "lower"; source: string };
}

/** A service area (sektor) with its indicators and one or more profile templates. */
export interface Sector {
  id: string;
  label: LocalizedText;
}

export interface SectorTemplate {
  id: string;
  label: LocalizedText;
  /** A shorter name for sheet names (Excel allows 31 characters), when the label is long. */
  sheetLabel?: LocalizedText;
  /** The sector the template belongs to. */
  sector?: string;
  /** Indicator ids in display order. */
  indicators: string[];
  /** Optional sub-heading rows: indicator id that starts a group -> heading. */
  groups?: { from: string; label: LocalizedText }[];
  /** Municipalities shown beside the network figures by default. */
  defaultComparisons: string[];
  network: string;
  /** A user template's own display labels, per indicator id (they replace the catalog's). */
  labels?: Record<string, LocalizedText>;
  /** A user template's own number of decimals (0–4), per indicator id. */
  decimals?: Record<string, number>;
  /**
   * What the template cannot show of KS's profile, one line each, printed under the
   * profile's definitions: a KS figure that cannot be built from SSB's tables (KS's
   * ressursbruksindikator, figures from KS's own surveys) and where the profile comes from.
   */
  notes?: LocalizedText[];
}

/**
 * A template a user built in the pane (id "mal-…"), with the indicators of its own it
 * uses (ids "bruker-…", picked from SSB tables); catalog indicators are referred to by id.
 */
export interface UserTemplate {
  template: SectorTemplate;
  indicators: SeriesIndicator[];
}

/** An indicator read from one SSB series (not a ratio): every user indicator is one. */
export type SeriesIndicator = Indicator & { ssb: SsbSelector };

/** Where a number came from. */
export interface Provenance {
  /** "ssb", "file", "sheet" or "sample". */
  source: "ssb" | "file" | "sheet" | "sample";
  /** SSB table id, when known. */
  table?: string;
  /** Query URL (GET) or file name. */
  query?: string;
  /** When the data was fetched or read (ISO 8601). */
  fetchedAt?: string;
  /** SSB's `updated` timestamp for the table. */
  updated?: string;
  /** True for invented data (the embedded sample). */
  synthetic?: boolean;
  /** Notes (SSB table notes, or the sample's disclaimer). */
  notes?: string[];
}

/** One number (or one missing number) for an indicator, municipality and year. */
export interface Observation {
  indicator: string;
  municipality: string;
  year: number;
  /** The region code the value was published under. */
  code: string;
  /** null when missing; then `status` holds SSB's symbol. */
  value: number | null;
  /** SSB status symbol: "." not possible, ".." missing, ":" confidential, "..." not yet available, "-" zero. */
  status?: string;
  /** Index into the dataset's provenance list. */
  provenance: number;
  /**
   * Present only on a computed figure (never published by SSB): how it was made, e.g. a
   * merged municipality's value for a year before the merger, from its predecessors.
   */
  computed?: ComputedFrom;
}

/** One published number a computed observation is made from. */
export interface ComputedPart {
  /**
   * "value": added up; "amount" and "denominator": numerator and denominator of a
   * recomputed per-capita figure; "numerator", "denominator", "share" and "rest": the
   * series of a ratio (see Ratio).
   */
  role: "value" | "amount" | "denominator" | "numerator" | "share" | "rest";
  indicator: string;
  municipality: string;
  code: string;
  year: number;
  value: number;
  /** An amount SSB did not publish here: the per-capita value × the denominator (`indicator` is then the per-capita figure). */
  derived?: "value-times-denominator";
  /** The part is itself computed (a merged municipality's summed series), not published. */
  computed?: true;
}

/** How a computed observation was made. */
export interface ComputedFrom {
  /**
   * "sum": Σ parts; "ratio-of-sums": Σ amount × amountScale ÷ Σ denominator (never an
   * average of per-capita values); "ratio": a ratio indicator's value from its series,
   * scale × Σ numerator [× Σ share ÷ (Σ share + Σ rest)] ÷ Σ denominator.
   */
  method: "sum" | "ratio-of-sums" | "ratio";
  /**
   * Why the figure is computed: "merger" = a merged municipality from its predecessors;
   * "definition" = a figure KS computes from series (see Ratio), never published by SSB.
   */
  reason: "merger" | "definition";
  parts: ComputedPart[];
  /** Kroner per unit of the published amount parts (KOSbelop0000 is in 1000 kr). */
  amountScale?: number;
  /** For method "ratio": the ratio's scale (1000 for kroner from 1000 kr, 100 for a percentage). */
  scale?: number;
  note: LocalizedText;
}

/** Observations plus the provenance entries they refer to. */
export interface Dataset {
  observations: Observation[];
  provenance: Provenance[];
}

export interface BenchmarkOptions {
  sector: string;
  focal: string;
  year: number;
  /** A named network ("asss"), "custom" (the user's own `peers`) or "none" (only a `base`). */
  network: string;
  comparisons: string[];
  average: AverageChoice;
  includeOslo: boolean;
  includeFocal: boolean;
  /** Municipality ids of a user-defined peer list, for network "custom" (saved in templates). */
  peers?: string[];
  /**
   * An aggregate id ("eakuo", "eak", "ekg07"): the row's average (= 100) is the value SSB
   * publishes for it. Undefined = the network average. Lowest, highest, n and rank stay
   * over the network's members.
   */
  base?: string;
  /** Aggregate ids shown as extra columns (value, and index against the base), like comparisons. */
  references?: string[];
}

export interface MunicipalityRef {
  id: string;
  code: string;
  name: string;
}

export interface Extreme {
  value: number;
  municipality: MunicipalityRef;
  index: number | null;
}

/** Why a row has no index (or no average). */
export type RowProblem =
  | { code: "no-data" }
  | { code: "average-zero" }
  | { code: "average-negative"; average: number }
  /** No member with data has its weight; `weight` names the weight indicator (population or a count). */
  | { code: "no-weights"; weight?: string }
  | { code: "focal-missing"; status?: string }
  /** The base aggregate (e.g. KOSTRA-gruppe 7) has no published value for the indicator and year. */
  | { code: "base-missing"; base: MunicipalityRef; status?: string }
  /** The figure means nothing in the profile year (outside the indicator's `valid` span): nothing is requested, averaged or ranked. */
  | { code: "not-valid"; year: number; reason: LocalizedText };

export interface ProfileRow {
  indicator: Indicator;
  value: number | null;
  status?: string;
  average: number | null;
  /** How this row's average was computed: a weighted profile averages an indicator without a weight simply. */
  averageKind: AverageKind;
  /** The indicator that weighted the average (population or a count), when weighted. */
  weightIndicator?: string;
  /** Members of the averaging set that have data. */
  n: number;
  /** Size of the averaging set. */
  of: number;
  /** Lowest and highest value among all members that year, whoever is left out of the average. */
  lowest: Extreme | null;
  highest: Extreme | null;
  index: number | null;
  /** 1 = highest value among all members that year plus the focal municipality. Ties share a rank. */
  rank: number | null;
  /** How many values were ranked. */
  rankOf: number;
  comparisons: { municipality: MunicipalityRef; value: number | null; status?: string; index: number | null }[];
  /** SSB-published aggregates (Landet uten Oslo, a KOSTRA group): value and index against the row's average. */
  references: { municipality: MunicipalityRef; value: number | null; status?: string; index: number | null }[];
  /** The network's own average when the row's average is a published base (undefined otherwise). */
  networkAverage?: number | null;
  problem: RowProblem | null;
  /** Members of the averaging set without data, with their status symbol. */
  missing: { municipality: MunicipalityRef; status?: string }[];
}

export interface Profile {
  sector: SectorTemplate;
  year: number;
  focal: MunicipalityRef;
  network: Network;
  /** Network members that existed in that year: lowest, highest and rank range over them. */
  members: MunicipalityRef[];
  /** The members the average is computed over (less Oslo and/or the focal municipality when left out). */
  averagingSet: MunicipalityRef[];
  focalInNetwork: boolean;
  /** The aggregate whose published value is the average, when options.base is set. */
  base?: MunicipalityRef;
  /** The reference aggregates in the year, in the order asked for. */
  references?: MunicipalityRef[];
  options: BenchmarkOptions;
  rows: ProfileRow[];
  provenance: Provenance[];
}
