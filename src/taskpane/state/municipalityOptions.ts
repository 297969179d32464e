/** The municipality pickers' options for a year, and how typed text narrows them. */
import type { LocalizedText } from "../../kostra/types";
import { start, type Registry } from "../domain";
import type { Messages } from "../i18n";

export interface MunicipalityOption {
  id: string;
  name: string;
  /** The region code valid in the year, or undefined when the municipality did not exist then. */
  code: string | undefined;
  /** Every code the municipality has had, so an old or new number finds it. */
  allCodes: string[];
  /** First and last data year the municipality existed (undefined: open end). */
  firstYear: number | undefined;
  lastYear: number | undefined;
}

const openMin = (values: (number | undefined)[]) => (values.some((v) => v === undefined) ? undefined : Math.min(...(values as number[])));
const openMax = (values: (number | undefined)[]) => (values.some((v) => v === undefined) ? undefined : Math.max(...(values as number[])));

/**
 * Norwegian alphabetical order (æ, ø, å last); one collator, as localeCompare per pair is
 * slow for ~400 names. Made when first needed: creating it costs a browser 10 ms or more,
 * which the pane's first view does not pay (its names come sorted, see startOptions).
 */
let collator: Intl.Collator | null = null;
const byName = (): Intl.Collator => (collator ??= new Intl.Collator("nb"));

/**
 * The municipalities that existed in the year (Norway's ~357 from 2024, 422–428 before
 * 2020), plus any of `keep` that did not (a chosen municipality stays visible), by name.
 * Aggregates such as "Landet" are never offered as municipalities.
 */
export function municipalityOptions(registry: Registry, year: number, keep: readonly string[] = []): MunicipalityOption[] {
  const { MUNICIPALITIES, codeForYear } = registry;
  return MUNICIPALITIES.filter((m) => codeForYear(m, year) !== undefined || keep.includes(m.id)).map((m) => ({
    id: m.id,
    name: m.name,
    code: codeForYear(m, year),
    allCodes: m.codes.map((c) => c.code),
    firstYear: openMin(m.codes.map((c) => c.from)),
    lastYear: openMax(m.codes.map((c) => c.to)),
  })).sort((a, b) => byName().compare(a.name, b.name));
}

/**
 * The options before the registry has loaded, from the start manifest's names: in the
 * manifest's year the municipalities of that year with their codes; in another year only
 * those of `keep`, by name alone (their code then, or that they did not exist, only the
 * registry knows). By name: the manifest lists them in this order (start/startManifest.ts,
 * with the same collation), so they need no sorting here.
 */
export function startOptions(year: number, keep: readonly string[] = []): MunicipalityOption[] {
  const { MUNICIPALITY_NAMES, NAMES_YEAR } = start();
  const inYear = year === NAMES_YEAR;
  return MUNICIPALITY_NAMES.filter(([id, , code]) => (inYear && code !== "") || keep.includes(id))
    .map(([id, name, code]) => ({ id, name, code: inYear && code !== "" ? code : undefined, allCodes: [], firstYear: undefined, lastYear: undefined }));
}

/** "Bærum (0219)": the name with the code valid in the year, or when it existed ("Lillestrøm (fra 2020)"). */
export function optionLabel(option: MunicipalityOption, year: number, t: Messages): string {
  if (option.code) return `${option.name} (${option.code})`;
  if (option.firstYear !== undefined && year < option.firstYear) return `${option.name} (${t.municipalityFrom(option.firstYear)})`;
  if (option.lastYear !== undefined && year > option.lastYear) return `${option.name} (${t.municipalityUntil(option.lastYear)})`;
  return option.name;
}

/** What the picker shows for typed text: the options the domain's municipality search finds, best first, and near misses when none. */
export interface OptionSearch {
  shown: MunicipalityOption[];
  /** "Mente du Bærum?": municipalities among the options close to what was typed (at most three), or undefined. */
  suggestion?: LocalizedText;
}

/** The options typed text finds: by name in any case and without diacritics, or by any code, with or without its leading zero. */
export function searchOptions(registry: Registry, options: readonly MunicipalityOption[], query: string): OptionSearch {
  const { searchMunicipalities, didYouMean } = registry;
  const found = searchMunicipalities(query, { kind: "municipality" });
  const byId = new Map(options.map((o) => [o.id, o]));
  const near = found.suggestions.filter((m) => byId.has(m.id)).map((m) => m.name);
  return { shown: found.matches.flatMap((m) => byId.get(m.id) ?? []), suggestion: near.length > 0 ? didYouMean(near) : undefined };
}
