/**
 * Municipalities and their region-code history. KOSTRA tables use the code valid in
 * the data year (Bærum: 0219 up to 2019, 3024 in 2020–2023, 3201 from 2024), so a
 * municipality is identified by a stable id and asked for its code per year.
 *
 * Every municipality in Norway from data year 2015 is in `registry/municipalities.json`
 * (from SSB's classification 131); the regions SSB publishes figures for besides
 * municipalities (Landet, Landet uten Oslo, KOSTRA groups) are registry entries of kind
 * "aggregate" (`registry/aggregates.ts`). Lookups by id and code find both; lists meant
 * for choosing a focal municipality or a peer hold municipalities only.
 */
import { AGGREGATE_REGIONS } from "./registry/aggregates";
import { registryProblems } from "./registry/check";
import registry from "./registry/municipalities.json";
import type { Municipality, MunicipalityRef } from "./types";
import { inPeriod } from "./periods";
import type { KostraError } from "./errors";
import { ambiguousMunicipality, noMunicipalityLike } from "./municipality-errors";
import { municipalitySearch, type MunicipalitySearchResult, type RegionKind, type SearchOptions } from "./municipality-search";

export { codeNamedBy, foldName, type MunicipalitySearchResult, type RegionKind, type SearchOptions } from "./municipality-search";
export { aggregateDefinition, aggregateLabel, kostraGroupMembers, kostraGroupOf, GROUP_MEMBERSHIP } from "./registry/aggregates";

/** Number of municipalities per data year, as the source lists them. */
export const MUNICIPALITY_COUNTS: Readonly<Record<string, number>> = registry.counts;

/** Every municipality that existed in a data year from 2015 (no aggregates), in code order. */
export const MUNICIPALITIES: readonly Municipality[] = (registry.municipalities as Municipality[]).map((m) => ({ ...m, kind: "municipality" as const }));

/** Landet, Landet uten Oslo and the KOSTRA groups. */
export const AGGREGATES: readonly Municipality[] = AGGREGATE_REGIONS;

/** Municipalities and aggregates: every region a KOSTRA table can have a figure for. */
export const REGIONS: readonly Municipality[] = [...MUNICIPALITIES, ...AGGREGATES];

const problems = registryProblems(REGIONS, MUNICIPALITY_COUNTS);
if (problems.length > 0) throw new Error(`Municipality registry is inconsistent: ${problems.slice(0, 5).join("; ")}`);

const byId = new Map(REGIONS.map((m) => [m.id, m]));
const byCode = new Map<string, Municipality>();
for (const m of REGIONS) for (const p of m.codes) byCode.set(p.code, m);

/**
 * The one search for a region by what a person types: folded names, any code with or
 * without its leading zero, near-miss suggestions (see ./municipality-search).
 */
export const searchMunicipalities: (text: string, options?: SearchOptions) => MunicipalitySearchResult = municipalitySearch(REGIONS);

/** Whether the entry is an aggregate (Landet, a KOSTRA group), not a municipality. */
export const isAggregate = (m: Pick<Municipality, "kind"> | undefined): boolean => m?.kind === "aggregate";

/** The municipality (or aggregate) with this stable id, or undefined. */
export function municipalityById(id: string): Municipality | undefined {
  return byId.get(id);
}

/**
 * Resolve what a user or a file names a region by: any code it ever had
 * ("0219", "3024", "3201", "219", "EAKUO", "EKG07"), a code followed by a name ("0219 Bærum"),
 * its name in any case and with or without diacritics ("Bærum", "baerum"), or its id.
 * Aggregates resolve too; use `resolveFocalMunicipality` where only a municipality will do.
 * Undefined when nothing or more than one region fits (`regionNamed` says which).
 */
export function resolveMunicipality(text: string, year?: number): Municipality | undefined {
  const { named } = searchMunicipalities(text, { year, namedOnly: true });
  return named.length === 1 ? named[0] : undefined;
}

/** What a typed text names, for a caller that wants one region of a kind. */
export interface RegionLookup {
  /** The one region of the wanted kind the text names. */
  region?: Municipality;
  /** Why there is none: nothing fits (with near misses, "Mente du Bærum?"), or several do ("Herøy"). */
  problem?: KostraError;
  /** The one region of another kind the text names ("Landet" where a municipality is wanted). */
  otherKind?: Municipality;
}

/** Look a typed text up as a region of `kind`: never a guess between several, near misses when none. */
export function lookUpRegion(text: string, options: { kind?: RegionKind; year?: number } = {}): RegionLookup {
  const kind = options.kind ?? "any";
  const { named } = searchMunicipalities(text, { year: options.year, namedOnly: true });
  const wanted = named.filter((m) => kind === "any" || (kind === "aggregate") === isAggregate(m));
  if (wanted.length === 1) return { region: wanted[0] };
  const several = wanted.length > 1 ? wanted : named.length > 1 ? named : [];
  if (several.length > 0) return { problem: ambiguousMunicipality(text, several.map((m) => m.name)) };
  const suggestions = searchMunicipalities(text, { kind, year: options.year }).suggestions.map((m) => m.name);
  return { problem: noMunicipalityLike(text, suggestions), otherKind: named[0] };
}

/**
 * The region a user named, or a KostraError that helps (see lookUpRegion). A region of
 * another kind is returned for the caller to refuse in its own words ("Landet" as focal).
 */
export function regionNamed(text: string, options: { kind?: RegionKind; year?: number } = {}): Municipality {
  const { region, problem, otherKind } = lookUpRegion(text, options);
  const found = region ?? otherKind;
  if (found) return found;
  throw problem;
}

/** Like resolveMunicipality, but only a municipality (never an aggregate). */
export function resolveFocalMunicipality(text: string): Municipality | undefined {
  const m = resolveMunicipality(text);
  return m && !isAggregate(m) ? m : undefined;
}

/** The aggregate (Landet, Landet uten Oslo, KOSTRA group) named by id, code or name, or undefined. */
export function resolveAggregate(text: string): Municipality | undefined {
  const m = resolveMunicipality(text);
  return m && isAggregate(m) ? m : undefined;
}

/** The region code this municipality had in the given data year, or undefined if it did not exist. */
export function codeForYear(m: Municipality, year: number): string | undefined {
  return m.codes.find((p) => inPeriod(year, p.from, p.to))?.code;
}

/** A reference to the municipality as it was in the given year (its code then). */
export function refForYear(m: Municipality, year: number): MunicipalityRef {
  const period = m.codes.find((p) => inPeriod(year, p.from, p.to));
  return { id: m.id, code: period?.code ?? m.codes[m.codes.length - 1].code, name: period?.name ?? m.name };
}

/**
 * The rule every reader applies to a figure's region code (CSV, JSON-stat, observations
 * files): a figure filed under `code` in data year `year` is a figure of the region whose
 * code it was that year, and of no one otherwise. KOSTRA publishes each year under the
 * codes valid then (research/domain.md §1.2), so "3201" (Bærum from 2024) in a 2017 row
 * is not Bærum's 2017 figure — which region and year it was meant for cannot be known.
 */
export function isCodeValidInYear(code: string, year: number): boolean {
  const m = byCode.get(code);
  return m !== undefined && codeForYear(m, year) === code;
}

/** The years `code` was the region's code ({} when always), or undefined when it never was. */
export function codeYears(m: Municipality, code: string): { from?: number; to?: number } | undefined {
  const p = m.codes.find((c) => c.code === code);
  return p && { from: p.from, to: p.to };
}

/**
 * The municipalities that existed in the data year (no aggregates), sorted by name:
 * what a picker offers as focal municipality or peer.
 */
export function municipalitiesInYear(year: number): Municipality[] {
  return MUNICIPALITIES.filter((m) => codeForYear(m, year) !== undefined).sort((a, b) => a.name.localeCompare(b.name, "nb-NO"));
}

/**
 * Whether the municipality covered the same area in every data year from `from` to `to`:
 * no municipality merged into it, split into it, or was part of it for only some of those
 * years (Drammen grew on 1 January 2020; Ålesund lost Haram on 1 January 2024). A figure
 * dated 1 January of the year after (a population at the end of the year) belongs to the
 * year before only when it does.
 */
export function sameAreaBetween(m: Municipality, from: number, to: number): boolean {
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  // A change "at" year b takes effect on 1 January b: it lies between lo and hi when lo < b <= hi.
  const between = (b: number | undefined) => b !== undefined && b > lo && b <= hi;
  for (const x of REGIONS) {
    if (x.id === m.id) continue;
    const into = x.successor === m.id || (x.successors ?? []).includes(m.id);
    if (into) {
      const last = x.codes.some((c) => c.to === undefined) ? undefined : Math.max(...x.codes.map((c) => c.to as number));
      if (last !== undefined && between(last + 1)) return false;
    }
    for (const p of x.partOf ?? []) {
      if (p.id !== m.id) continue;
      if (between(p.from) || (p.to !== undefined && between(p.to + 1))) return false;
    }
  }
  return true;
}
