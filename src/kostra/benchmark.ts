/**
 * The benchmark: for a focal municipality, year and network, each indicator's value,
 * network average, lowest and highest, coverage, index (average = 100) and rank.
 *
 * Rules (see DOMAIN.md):
 * - Missing values (null, with SSB's status symbol) never count as 0 and never enter an average.
 * - Who counts is decided by averaging-set.ts: the average and n are over the "averaging
 *   set" (the network's members that existed in the year, less Oslo and/or the focal
 *   municipality when the options say so) restricted to members with a value (and, for a
 *   weighted average, a weight); lowest, highest and rank range over all members with a
 *   value, whoever is left out of the average — KS shows the range across the network
 *   ("Om tjenesteprofilen", research/domain.md §1.3), so the focal value is never outside it.
 * - An average that is missing, zero or negative yields a per-row problem, never NaN or Infinity.
 * - Rank 1 is the highest value among the members plus the focal municipality; ties share a rank.
 * - With a `base` (an SSB aggregate such as KOSTRA-gruppe 7 or Landet uten Oslo) the row's
 *   average is SSB's published value for it, and a missing published value is a per-row
 *   problem; lowest, highest, n and rank stay over the network's members (if any).
 * - The network is a named one (ASSS), the user's own peers ("custom") or none.
 */
import { rowWeightIndicator, templateById, templateIndicators, SECTOR_TEMPLATES } from "./catalog";
import {
  aggregateAsFocal,
  aggregateAsPeer,
  aggregateNotInYear,
  municipalityNotInYear,
  noAverage,
  noDataForYear,
  noPeers,
  notAnAggregate,
  unknownNetwork,
  unknownSector,
} from "./errors";
import { membersInYear } from "./averaging-set";
import { indicatorInYear, isValidInYear } from "./series";
import { withRatios } from "./ratios";
import { aggregateLabel, codeForYear, isAggregate, lookUpRegion, refForYear, regionNamed, resolveMunicipality } from "./municipalities";
import { asPeerProblem } from "./municipality-errors";
import { CUSTOM_NETWORK, NETWORK_CHOICES, networkFor, NO_NETWORK } from "./networks";
import type {
  BenchmarkOptions,
  Dataset,
  Extreme,
  Indicator,
  Municipality,
  MunicipalityRef,
  Observation,
  Profile,
  ProfileRow,
  RowProblem,
  Validity,
} from "./types";

/** Observations looked up by indicator, municipality and year. */
export class ObservationIndex {
  private readonly map = new Map<string, Observation>();

  constructor(observations: readonly Observation[]) {
    for (const o of observations) this.map.set(ObservationIndex.key(o.indicator, o.municipality, o.year), o);
  }

  private static key(indicator: string, municipality: string, year: number): string {
    return `${indicator}\u0000${municipality}\u0000${year}`;
  }

  get(indicator: string, municipality: string, year: number): Observation | undefined {
    return this.map.get(ObservationIndex.key(indicator, municipality, year));
  }

  /** The number, or null when missing or absent. */
  value(indicator: string, municipality: string, year: number): number | null {
    return this.get(indicator, municipality, year)?.value ?? null;
  }
}

/**
 * One index per observation list: a pane recomputes the profile on every choice, and a
 * report benchmarks several templates over the same data, so the index is built once.
 * Observation lists are never changed after loading (datasets are merged into new ones).
 */
const indexes = new WeakMap<readonly Observation[], ObservationIndex>();

export function observationIndexOf(observations: readonly Observation[]): ObservationIndex {
  let index = indexes.get(observations);
  if (!index) {
    index = new ObservationIndex(observations);
    indexes.set(observations, index);
  }
  return index;
}

interface Point {
  ref: MunicipalityRef;
  value: number;
}

/** Index = value / average × 100, or null when it can't be stated. */
export function indexOf(value: number | null, average: number | null): number | null {
  if (value === null || average === null || !(average > 0)) return null;
  return (value / average) * 100;
}

/** Competition rank (1 = highest; equal values share a rank) of `value` among `values`. */
export function rankOf(value: number, values: readonly number[]): number {
  let higher = 0;
  for (const v of values) if (v > value) higher++;
  return higher + 1;
}

/** First point with the lowest (or highest) value; ties go to the earliest in network order. */
function extreme(points: readonly Point[], pick: "lowest" | "highest"): Point | null {
  let best: Point | null = null;
  for (const p of points) {
    if (best === null || (pick === "lowest" ? p.value < best.value : p.value > best.value)) best = p;
  }
  return best;
}

function averageOf(points: readonly Point[], weights: readonly number[] | null): number {
  if (weights === null) {
    let sum = 0;
    for (const p of points) sum += p.value;
    return sum / points.length;
  }
  let num = 0;
  let den = 0;
  points.forEach((p, i) => {
    num += p.value * weights[i];
    den += weights[i];
  });
  return num / den;
}

/** The regions a profile reads besides the focal municipality and the averaging set. */
interface RowContext {
  focal: MunicipalityRef;
  /** The members that existed in the year: what lowest, highest and rank range over. */
  members: readonly MunicipalityRef[];
  averagingSet: readonly MunicipalityRef[];
  comparisons: readonly { ref: MunicipalityRef; existed: boolean }[];
  /** The aggregate whose published value is the average, if any. */
  base?: MunicipalityRef;
  references: readonly MunicipalityRef[];
}

/** A region's value in the row, with SSB's symbol; "." where it did not exist that year, ".." where absent. */
function cellOf(obs: ObservationIndex, indicator: string, ref: MunicipalityRef, year: number, existed: boolean, average: number | null) {
  const o = obs.get(indicator, ref.id, year);
  const v = o?.value ?? null;
  // "." = not possible: the municipality did not exist that year.
  const missingSymbol = existed ? ".." : ".";
  return { municipality: ref, value: v, status: o?.status ?? (o ? undefined : missingSymbol), index: indexOf(v, average) };
}

/**
 * The row of a figure that is not valid in the year (f392 after the trossamfunnsloven): it
 * says why, and has no value, average, range or rank — a value a file brings for that
 * year is not used.
 */
function notValidRow(indicator: Indicator, year: number, averagingSet: readonly MunicipalityRef[], ctx: RowContext): ProfileRow {
  const empty = (municipality: MunicipalityRef) => ({ municipality, value: null, index: null });
  return {
    indicator,
    value: null,
    average: null,
    averageKind: "simple",
    n: 0,
    of: averagingSet.length,
    lowest: null,
    highest: null,
    index: null,
    rank: null,
    rankOf: 0,
    comparisons: ctx.comparisons.map(({ ref }) => empty(ref)),
    references: ctx.references.map(empty),
    ...(ctx.base ? { networkAverage: null } : {}),
    problem: { code: "not-valid", year, reason: (indicator.valid as Validity).reason },
    missing: [],
  };
}

function rowFor(catalogIndicator: Indicator, obs: ObservationIndex, options: BenchmarkOptions, ctx: RowContext): ProfileRow {
  const { focal, members, averagingSet, comparisons } = ctx;
  const { year } = options;
  // The label says which 1 January a series dated so is at ("per 1.1.2018" in 2017).
  const indicator = indicatorInYear(catalogIndicator, year);
  if (!isValidInYear(indicator, year)) return notValidRow(indicator, year, averagingSet, ctx);
  // A weighted profile weights each indicator by its own weight (population, or the count
  // the figure is per); an indicator without a weight is averaged simply.
  const weightId = rowWeightIndicator(indicator, options.average);
  const weighted = weightId !== null;
  const usable: Point[] = [];
  const weights: number[] = [];
  const missing: ProfileRow["missing"] = [];
  let withValueButNoWeight = 0;

  for (const ref of averagingSet) {
    const o = obs.get(indicator.id, ref.id, year);
    if (!o || o.value === null) {
      missing.push({ municipality: ref, status: o?.status });
      continue;
    }
    if (weighted) {
      const w = obs.value(weightId, ref.id, year);
      if (w === null || !(w > 0)) {
        withValueButNoWeight++;
        missing.push({ municipality: ref, status: o.status });
        continue;
      }
      weights.push(w);
    }
    usable.push({ ref, value: o.value });
  }

  const focalObs = obs.get(indicator.id, focal.id, year);
  const value = focalObs?.value ?? null;
  const status = focalObs?.status ?? (focalObs ? undefined : "..");

  let average: number | null = null;
  let problem: RowProblem | null = null;
  let networkAverage: number | null | undefined;
  if (ctx.base) {
    // The published figure is the average; the network's own average is kept beside it.
    networkAverage = usable.length === 0 ? null : averageOf(usable, weighted ? weights : null);
    const b = obs.get(indicator.id, ctx.base.id, year);
    average = b?.value ?? null;
    if (average === null) problem = { code: "base-missing", base: ctx.base, status: b?.status ?? ".." };
    else if (average === 0) problem = { code: "average-zero" };
    else if (average < 0) problem = { code: "average-negative", average };
  } else if (usable.length === 0) {
    problem = withValueButNoWeight > 0 ? { code: "no-weights", ...(weightId ? { weight: weightId } : {}) } : { code: "no-data" };
  } else {
    average = averageOf(usable, weighted ? weights : null);
    if (average === 0) problem = { code: "average-zero" };
    else if (average < 0) problem = { code: "average-negative", average };
  }
  if (problem === null && value === null) problem = { code: "focal-missing", status };

  const toExtreme = (p: Point | null): Extreme | null =>
    p === null ? null : { value: p.value, municipality: p.ref, index: indexOf(p.value, average) };

  // The range: every member with a value (a weight matters to the average only).
  const range: Point[] = [];
  for (const ref of members) {
    const v = obs.value(indicator.id, ref.id, year);
    if (v !== null) range.push({ ref, value: v });
  }
  let rank: number | null = null;
  const ranked = range.map((p) => p.value);
  if (value !== null && !range.some((p) => p.ref.id === focal.id)) ranked.push(value);
  if (value !== null) rank = rankOf(value, ranked);

  return {
    indicator,
    value,
    status: value === null ? status : focalObs?.status,
    average,
    averageKind: weighted ? "weighted" : "simple",
    weightIndicator: weightId ?? undefined,
    n: usable.length,
    of: averagingSet.length,
    lowest: toExtreme(extreme(range, "lowest")),
    highest: toExtreme(extreme(range, "highest")),
    index: indexOf(value, average),
    rank,
    rankOf: ranked.length,
    comparisons: comparisons.map(({ ref, existed }) => cellOf(obs, indicator.id, ref, year, existed, average)),
    references: ctx.references.map((ref) => cellOf(obs, indicator.id, ref, year, true, average)),
    ...(ctx.base ? { networkAverage } : {}),
    problem,
    missing,
  };
}

/** An aggregate's name in both languages, for messages. */
const aggregateNames = (m: Municipality, year?: number) => ({ nb: aggregateLabel(m.id, year, "nb") ?? m.name, en: aggregateLabel(m.id, year, "en") ?? m.name });

/** The municipality benchmarked, named by code, name or id (in `year`, when given): never an aggregate; else a KostraError. */
export function focalMunicipality(text: string, year?: number): Municipality {
  const m = regionNamed(text, { kind: "municipality", year });
  if (isAggregate(m)) throw aggregateAsFocal(aggregateNames(m));
  return m;
}

/** Resolve a code, name or id to a municipality that existed in `year`, or throw a KostraError. */
export function municipalityInYear(text: string, year: number): MunicipalityRef {
  const m = focalMunicipality(text, year);
  if (codeForYear(m, year) === undefined) throw municipalityNotInYear(m.name, year);
  return refForYear(m, year);
}

/**
 * A peer (custom network, `--peers`) or a comparison municipality the user named: one
 * municipality, never an aggregate and never a guess between several ("Herøy"); when
 * nothing fits, the error names the role and the near misses ("Mente du Bærum?").
 */
export function peerMunicipality(text: string, role: "peer" | "comparison" = "comparison"): Municipality {
  const { region, problem, otherKind } = lookUpRegion(text, { kind: "municipality" });
  const m = region ?? otherKind;
  if (m === undefined) throw role === "peer" && problem ? asPeerProblem(problem) : problem;
  if (isAggregate(m)) throw aggregateAsPeer(aggregateNames(m));
  return m;
}

/** An aggregate SSB publishes for the year (base or reference), or a KostraError. */
export function aggregateInYear(text: string, year: number, role: "base" | "reference"): MunicipalityRef {
  const m = resolveMunicipality(text);
  if (!m || !isAggregate(m)) throw notAnAggregate(text, role);
  if (codeForYear(m, year) === undefined) throw aggregateNotInYear(aggregateNames(m), year);
  return refForYear(m, year);
}

/** Years for which the dataset has any value for the given indicators. */
export function yearsWithData(dataset: Dataset, indicatorIds: readonly string[]): number[] {
  const ids = new Set(indicatorIds);
  const years = new Set<number>();
  for (const o of withRatios(dataset).observations) if (ids.has(o.indicator) && o.value !== null) years.add(o.year);
  return [...years].sort((a, b) => a - b);
}

/** Compute the profile. Throws a KostraError for an unknown sector, network or municipality, or a year with no data. */
export function benchmark(given: Dataset, options: BenchmarkOptions): Profile {
  // Figures KS computes from series (ratios) are derived here, whatever the data came from.
  const dataset = withRatios(given);
  const sector = templateById(options.sector);
  if (!sector) throw unknownSector(options.sector, SECTOR_TEMPLATES.map((t) => t.id));
  const peers = options.network === CUSTOM_NETWORK ? (options.peers ?? []).map((p) => peerMunicipality(p, "peer")) : [];
  if (options.network === CUSTOM_NETWORK && peers.length === 0) throw noPeers();
  const network = networkFor(options.network, [...new Set(peers.map((p) => p.id))]);
  if (!network) throw unknownNetwork(options.network, [...NETWORK_CHOICES]);
  const { year } = options;
  const base = options.base === undefined ? undefined : aggregateInYear(options.base, year, "base");
  if (options.network === NO_NETWORK && !base) throw noAverage();
  const references = (options.references ?? []).map((r) => aggregateInYear(r, year, "reference"));

  const indicators = templateIndicators(sector);
  const available = yearsWithData(dataset, sector.indicators);
  if (!available.includes(year)) throw noDataForYear(year, sector.label, available);

  const focal = municipalityInYear(options.focal, year);
  // Who is a member that year and who counts in the average: the one rule (averaging-set.ts).
  const { members: memberRefs, averaging: averagingSet } = membersInYear(network, year, focal.id, options);
  const focalInNetwork = memberRefs.some((m) => m.id === focal.id);
  const comparisons = options.comparisons
    .map((c) => peerMunicipality(c))
    .map((m) => ({ ref: refForYear(m, year), existed: codeForYear(m, year) !== undefined }));

  const obs = observationIndexOf(dataset.observations);
  const ctx: RowContext = { focal, members: memberRefs, averagingSet, comparisons, base, references };
  const rows = indicators.map((ind) => rowFor(ind, obs, options, ctx));

  const used = new Set<number>();
  const relevant = new Set([...sector.indicators, ...rows.map((r) => r.weightIndicator).filter((w): w is string => w !== undefined)]);
  for (const o of dataset.observations) if (o.year === year && relevant.has(o.indicator)) used.add(o.provenance);
  const provenance = [...used].sort((a, b) => a - b).map((i) => dataset.provenance[i]);

  return {
    sector,
    year,
    focal,
    network,
    members: memberRefs,
    averagingSet,
    focalInNetwork,
    ...(base ? { base } : {}),
    ...(references.length > 0 ? { references } : {}),
    options: {
      ...options,
      focal: focal.id,
      comparisons: comparisons.map((c) => c.ref.id),
      ...(options.network === CUSTOM_NETWORK ? { peers: network.periods[0].members } : {}),
      ...(base ? { base: base.id } : {}),
      ...(options.references ? { references: references.map((r) => r.id) } : {}),
    },
    rows,
    provenance,
  };
}

/**
 * Default options for a template: each indicator averaged as KS does ("indicator": Σ
 * numerator ÷ Σ denominator, ready-made key figures marked * simply — KS,
 * "Gjennomsnittsberegninger i ASSS-analysene"), Oslo and the focal municipality included.
 */
export function defaultOptions(sector: string, focal: string, year: number): BenchmarkOptions {
  const t = templateById(sector);
  return {
    sector,
    focal,
    year,
    network: t?.network ?? "asss",
    comparisons: t ? [...t.defaultComparisons] : [],
    average: "indicator",
    includeOslo: true,
    includeFocal: true,
  };
}
