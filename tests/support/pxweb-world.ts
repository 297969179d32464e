/**
 * A SYNTHETIC statistics "world" for the local PxWebApi 2 test server, with the
 * dimensions, codes and labels SSB uses and invented, deterministic numbers. None of these
 * figures are Statistics Norway's. There are two worlds:
 *
 * - "classic" (the default): tables 12362, 12842, 11814 and 07459, made by hand, over the ASSS
 *   members, Asker, Lillestrøm and its predecessors (a fixed list, so the tables keep their
 *   shape however many municipalities the registry knows).
 * - "catalog": every table with a metadata fixture in tests/fixtures/ssb/metadata/ (the
 *   fixture's dimensions, codes, labels, units and periods; its region list extended with
 *   every municipality code of the registry), plus 07459 for population. So every sector of
 *   the catalog can be loaded live in tests.
 *
 * How the numbers are made:
 * - Where the embedded sample (itself synthetic, 2015–2018) has an indicator for a
 *   municipality and year, the world's cell is the sample's. In 12362 a function's cell is
 *   the sample's single-function indicator where there is one; a part of a summed
 *   indicator is the sum less its other, known parts, and parts not known otherwise share
 *   the rest in proportion to the functions' typical expenditure (integer rounding keeps
 *   the sum exact). The other art of an anchored function is derived from it. After the
 *   sample's last year an anchored cell carries on from its last sample value.
 * - Everything else is a pseudo-random number of plausible size from a hash of the cell's
 *   codes: in 12362 from a typical expenditure per function; in other tables from the
 *   sample's average for the indicator the cell carries (counts from its rate per
 *   inhabitant), so every run gives the same numbers.
 * - KOSbelop0000 (1000 kr) = round(per capita × population / 1000), except where the
 *   sample has an amount indicator of its own for the function and art (the numerator of a
 *   figure KS computes from series, e.g. f332 gross for road cost per km): then the sample's.
 *   Population is the
 *   sample's `folkemengde`, grown 1.1 % a year after 2018, and invented for municipalities
 *   and KOSTRA groups the sample lacks.
 * - A region code that was not valid in the year (see municipalities.ts) is null with
 *   status "."; EAK, EAKUO and the KOSTRA groups are always valid. The exceptions in
 *   ZERO_INSTEAD_OF_DOT are 0 with no status, as SSB sometimes shows them.
 * - GENUINE_NULLS lists the nulls for valid codes (status ".." or ":"); the sample's own
 *   missing values (its `missing` list) carry through with their status as well.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { INDICATORS } from "../../src/kostra/catalog";
import { MUNICIPALITIES, isCodeValidInYear, municipalityById } from "../../src/kostra/municipalities";
import { allSelectors } from "../../src/kostra/series";
import type { CodePeriod, Indicator, Municipality, SsbSelector } from "../../src/kostra/types";
import sampleData from "../../src/sources/sample/sample-data.json";
import { between, FUNCTION_GROUPS, FUNCTION_PROFILE as MODEL_PROFILE, splitPart } from "../../scripts/synthetic-model";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildSsbDataset } = require("./ssb-shape") as { buildSsbDataset: (spec: SsbShapeSpec) => JsonStatDataset };

export type WorldLang = "no" | "en";

/** "classic": the three hand-made tables; "catalog": every table with a metadata fixture (see above). */
export type WorldName = "classic" | "catalog";

/** One dimension of a table, in one language. */
export interface DimensionDefinition {
  id: string;
  label: string;
  codes: readonly string[];
  labels: Readonly<Record<string, string>>;
  units?: Readonly<Record<string, { base: string; decimals: number }>>;
  role?: "time" | "geo" | "metric";
  /** A query may leave the dimension out (SSB's `extension.elimination`); KOSTRA tables allow none. */
  elimination?: boolean;
}

/** A table of the world, in one language. */
export interface TableDefinition {
  id: string;
  /** The table's subject, e.g. "Utgifter til tjenesteområdene, kommunekonsern". */
  label: string;
  /** SSB's full title: "12362: <label>, etter region, … og år" (dimensions in table order). */
  title: string;
  description: string;
  /** ISO 8601, as SSB writes it ("2025-06-16T06:00:00Z"). */
  updated: string;
  note: string[];
  firstPeriod: string;
  lastPeriod: string;
  matrix: string;
  source: string;
  /** Dimensions in table order; every one is mandatory (no elimination). */
  dimensions: DimensionDefinition[];
}

/** One cell: a number, or null with SSB's status symbol. A 0 has no status. */
export interface CellValue {
  value: number | null;
  status?: string;
}

/** A JSON-stat 2.0 dataset as SSB's PxWebApi 2 sends it. */
export interface JsonStatDataset {
  version: "2.0";
  class: "dataset";
  label: string;
  source: string;
  updated: string;
  note: string[];
  role: Record<string, string[]>;
  id: string[];
  size: number[];
  dimension: Record<string, { label: string; category: Record<string, unknown>; extension?: Record<string, unknown> }>;
  extension: { px: Record<string, unknown>; [key: string]: unknown };
  value: (number | null)[];
  status?: Record<string, string>;
}

interface SsbShapeSpec {
  table: string;
  title: string;
  order: readonly string[];
  dims: Record<string, { codes: readonly string[]; labels?: Readonly<Record<string, string>>; units?: DimensionDefinition["units"] }>;
  cell: (codes: Record<string, string>) => number | null | { value: null; status: string };
  notes?: string[];
  updated?: string;
  matrix?: string;
}

export interface WorldDatasetOptions {
  world?: WorldName;
  /** Dimension order of the response (default: table order). */
  order?: readonly string[];
  lang?: WorldLang;
  /** Overrides the table's `updated`. */
  updated?: string;
  /** A cell that replaces the world's (a revised figure), or undefined for the world's own. */
  revised?: (codes: Record<string, string>) => CellValue | undefined;
}

const YEARS = Array.from({ length: 10 }, (_, i) => 2015 + i);
const TIME_CODES = YEARS.map(String);

// ---------------------------------------------------------------------------
// Documented special cells

/**
 * Region codes not valid in these years that show 0 with no status instead of "."
 * (in every table, for every function, art and statistic): Bergen's old code 1201 in
 * 2020–2021, its new code 4601 in 2019, and Trondheim's old code 1601 in 2018.
 */
export const ZERO_INSTEAD_OF_DOT: readonly { region: string; years: readonly number[] }[] = [
  { region: "1201", years: [2020, 2021] },
  { region: "4601", years: [2019] },
  { region: "1601", years: [2018] },
];

/**
 * Nulls for codes valid in the year, for every art and statistic of the cell's function
 * (12362) or for the cell (12842). None of them hide a value of the sample.
 */
export const GENUINE_NULLS: readonly { table: string; region: string; funksjon?: string; year: number; status: ".." | ":" }[] = [
  { table: "12362", region: "5401", funksjon: "332", year: 2021, status: ".." }, // Tromsø, kommunale veier
  { table: "12362", region: "0231", funksjon: "392", year: 2018, status: ":" }, // Skedsmo, andre religiøse formål
  { table: "12362", region: "3030", funksjon: "381", year: 2022, status: ".." }, // Lillestrøm, idrettsbygg
  { table: "12362", region: "4601", funksjon: "339", year: 2023, status: ":" }, // Bergen, beredskap
  { table: "12842", region: "3025", year: 2021, status: ".." }, // Asker, årsgebyr avfall
];

/** Nulls for valid codes in the catalog world's other tables, for every statistic of the cell. None hides a value of the sample. */
export const CATALOG_GENUINE_NULLS: readonly { table: string; region: string; year: number; status: ".." | ":" }[] = [
  { table: "12286", region: "0220", year: 2016, status: ":" }, // Asker, barn med undersøkelse (small numbers)
  { table: "12293", region: "1201", year: 2019, status: ".." }, // Bergen, omsorgstjenester nøkkeltall
  { table: "12275", region: "3030", year: 2021, status: ":" }, // Lillestrøm, barn med tiltak
];

// ---------------------------------------------------------------------------
// Deterministic pseudo-random numbers

// hash01 and between come from the shared synthetic model (scripts/synthetic-model.js).

// ---------------------------------------------------------------------------
// The sample and the catalog

interface SampleFile {
  years: number[];
  values: Record<string, Record<string, (number | null)[]>>;
  missing: { indicator: string; municipality: string; year: number; status: string }[];
}
const sample = sampleData as SampleFile;
const missingStatus = new Map(sample.missing.map((m) => [`${m.indicator}/${m.municipality}/${m.year}`, m.status]));
const LAST_SAMPLE_YEAR = Math.max(...sample.years);
const FIRST_SAMPLE_YEAR = Math.min(...sample.years);

/** The sample's value, or undefined when the sample lacks the municipality or year. */
function sampleValue(indicator: string, municipality: string, year: number): CellValue | undefined {
  const series = sample.values[indicator]?.[municipality];
  const i = sample.years.indexOf(year);
  if (!series || i < 0) return undefined;
  const v = series[i];
  if (v === null) return { value: null, status: missingStatus.get(`${indicator}/${municipality}/${year}`) ?? ".." };
  return { value: v };
}

/**
 * A cell anchored in the sample: `inSampleYear` gives it for a sample year; after the
 * sample's last year it carries on from that year's value with a trend and a little noise.
 */
function anchoredSeries(key: string, year: number, inSampleYear: (y: number) => CellValue | undefined, decimals = 0): CellValue | undefined {
  if (year <= LAST_SAMPLE_YEAR) return year >= FIRST_SAMPLE_YEAR ? inSampleYear(year) : undefined;
  const last = inSampleYear(LAST_SAMPLE_YEAR);
  if (!last || last.value === null) return undefined;
  const noise = between(`${key}|${year}|trend`, 0.98, 1.02);
  const v = last.value * Math.pow(1.03, year - LAST_SAMPLE_YEAR) * noise;
  return { value: Math.round(v * 10 ** decimals) / 10 ** decimals };
}

// ---------------------------------------------------------------------------
// Regions and population

const COUNTRY = "EAK";
const COUNTRY_WITHOUT_OSLO = "EAKUO";
const isAggregate = (code: string): boolean => code === COUNTRY || code === COUNTRY_WITHOUT_OSLO || /^EKG\d\d$/.test(code);

/** The municipalities of the classic world (a fixed list: its tables keep their shape). */
const CLASSIC_MUNICIPALITY_IDS = ["oslo", "bergen", "trondheim", "stavanger", "baerum", "kristiansand", "drammen", "fredrikstad", "sandnes", "tromso", "asker", "lillestrom", "skedsmo", "fet", "sorum"];

const ALL_BY_CODE = new Map<string, { m: Municipality; period: CodePeriod }>();
for (const m of MUNICIPALITIES) if (m.kind !== "aggregate") for (const period of m.codes) ALL_BY_CODE.set(period.code, { m, period });
const CLASSIC_BY_CODE = new Map<string, { m: Municipality; period: CodePeriod }>();
for (const id of CLASSIC_MUNICIPALITY_IDS) {
  const m = municipalityById(id);
  if (!m) throw new Error(`pxweb-world: no municipality ${id}`);
  for (const period of m.codes) CLASSIC_BY_CODE.set(period.code, { m, period });
  for (const period of m.codes) ALL_BY_CODE.set(period.code, { m, period });
}

const CLASSIC_MUNICIPALITY_CODES = [...CLASSIC_BY_CODE.keys()].sort();
const CLASSIC_REGION_CODES = [COUNTRY, COUNTRY_WITHOUT_OSLO, ...CLASSIC_MUNICIPALITY_CODES];
const ALL_MUNICIPALITY_CODES = [...ALL_BY_CODE.keys()].sort();

/** Names SSB shows for a code today where they differ from the municipality's name. */
const SSB_NAMES: Record<string, string> = { "0301": "Oslo - Oslove", "5001": "Trondheim - Tråante" };

/** SSB's label for a region code: the name, with the years when the code is no longer in use ("Bærum (2020-2023)"). */
function regionLabel(code: string, lang: WorldLang): string {
  if (code === COUNTRY) return lang === "no" ? "Landet" : "The whole country";
  if (code === COUNTRY_WITHOUT_OSLO) return lang === "no" ? "Landet uten Oslo" : "The whole country except Oslo";
  if (isAggregate(code)) return `${lang === "no" ? "Kostragruppe" : "KOSTRA group"} ${code.slice(3)}`;
  const entry = ALL_BY_CODE.get(code);
  if (!entry) return code;
  const name = SSB_NAMES[code] ?? entry.period.name ?? entry.m.name;
  return entry.period.to === undefined ? name : `${name} (${entry.period.from ?? ""}-${entry.period.to})`;
}

/** Invented 2015 populations for municipalities the sample lacks (others: from a hash of the id). */
const INVENTED_POPULATION_2015: Record<string, number> = { skedsmo: 53_380, fet: 11_240, sorum: 17_610 };
const grow = (base: number, rate: number, years: number): number => Math.round(base * Math.pow(1 + rate, years));

function municipalityPopulation(id: string, year: number): number {
  const sampled = sampleValue("folkemengde", id, year);
  if (sampled?.value != null) return sampled.value;
  const series = sample.values.folkemengde?.[id];
  if (series) {
    const last = series[sample.years.indexOf(LAST_SAMPLE_YEAR)];
    if (last != null) return grow(last, 0.011, year - LAST_SAMPLE_YEAR);
  }
  if (id === "lillestrom") return ["skedsmo", "fet", "sorum"].reduce((sum, p) => sum + municipalityPopulation(p, year), 0);
  const base = INVENTED_POPULATION_2015[id] ?? Math.round(Math.exp(between(`${id}|population`, Math.log(900), Math.log(45_000))));
  return grow(base, 0.011, year - 2015);
}

/** The id the sample files a region under: the municipality's id, or the aggregate's ("eak", "ekg07"). */
function sampleIdOf(code: string): string | undefined {
  return isAggregate(code) ? code.toLowerCase() : ALL_BY_CODE.get(code)?.m.id;
}

/** Population behind a region code in a year (only meaningful where the code is valid). */
function population(code: string, year: number): number {
  if (isAggregate(code) && sample.values.folkemengde?.[code.toLowerCase()]) return municipalityPopulation(code.toLowerCase(), year);
  const country = grow(5_166_000, 0.008, year - 2015);
  if (code === COUNTRY) return country;
  if (code === COUNTRY_WITHOUT_OSLO) return country - municipalityPopulation("oslo", year);
  if (isAggregate(code)) return grow(Math.round(between(`${code}|population`, 150_000, 1_200_000)), 0.008, year - 2015);
  const entry = ALL_BY_CODE.get(code);
  if (!entry) throw new Error(`pxweb-world: unknown region ${code}`);
  return municipalityPopulation(entry.m.id, year);
}

/** "." or 0 for a code not valid in the year; undefined when the code is valid. */
function invalidCodeCell(code: string, year: number): CellValue | undefined {
  if (isAggregate(code) || isCodeValidInYear(code, year)) return undefined;
  if (ZERO_INSTEAD_OF_DOT.some((z) => z.region === code && z.years.includes(year))) return { value: 0 };
  return { value: null, status: "." };
}

function genuineNull(table: string, region: string, year: number, funksjon?: string): CellValue | undefined {
  const hit =
    GENUINE_NULLS.find((n) => n.table === table && n.region === region && n.year === year && (n.funksjon === undefined || n.funksjon === funksjon)) ??
    CATALOG_GENUINE_NULLS.find((n) => n.table === table && n.region === region && n.year === year);
  return hit && { value: null, status: hit.status };
}

// ---------------------------------------------------------------------------
// Table 12362

/** Typical gross expenditure per inhabitant and the net share of it, per function (the shared synthetic model). */
const FUNCTION_PROFILE: Record<string, { gross: number; net: number }> = Object.fromEntries(
  Object.entries(MODEL_PROFILE).map(([f, [gross, net]]) => [f, { gross, net }]),
);

const PER_CAPITA = "KOSbelopinnbygge0000";
const AMOUNT = "KOSbelop0000";
const SHARE = "KOSandel3501";

/** The 12362 indicators of the catalog that select one art and one statistic: their functions. */
interface Anchor {
  indicator: string;
  functions: readonly string[];
  art: string;
  contents: string;
}
const ANCHORS_12362: Anchor[] = INDICATORS.filter((ind) => ind.ssb?.table === "12362").map((ind) => ({
  indicator: ind.id,
  functions: ind.ssb!.select.KOKfunksjon0000 ?? [],
  art: ind.ssb!.select.KOKart0000?.[0] ?? "",
  contents: ind.ssb!.select.ContentsCode?.[0] ?? "",
}));

const resolvedCache = new Map<string, Map<string, CellValue>>();

/**
 * The functions' cells the sample determines for a municipality, art, statistic and sample
 * year. Single-function indicators give theirs; a sum with one part not known otherwise
 * gives that part (the sum less the others), repeatedly; a sum with several unknown parts
 * shares the rest among them (fewest unknown parts first), and the solving goes on. So every
 * sum the sample has is the sum of the world's cells.
 */
function resolved12362(municipality: string, art: string, contents: string, year: number): Map<string, CellValue> {
  const key = `${municipality}|${art}|${contents}|${year}`;
  const cached = resolvedCache.get(key);
  if (cached) return cached;
  const scale = contents === SHARE ? 10 : 1; // shares have one decimal: solve in tenths
  const known = new Map<string, CellValue>();
  const anchors = ANCHORS_12362.filter((a) => a.art === art && a.contents === contents);
  for (const a of anchors.filter((x) => x.functions.length === 1)) {
    const v = sampleValue(a.indicator, municipality, year);
    if (v && !known.has(a.functions[0])) known.set(a.functions[0], v);
  }
  const sums = anchors
    .filter((a) => a.functions.length > 1)
    .map((a) => ({ a, total: sampleValue(a.indicator, municipality, year) }))
    .filter((x): x is { a: Anchor; total: CellValue } => x.total !== undefined);
  for (;;) {
    const open = sums
      .map((x) => ({ ...x, unknown: x.a.functions.filter((f) => !known.has(f)) }))
      .filter((x) => x.unknown.length > 0);
    if (open.length === 0) break;
    const next = open.find((x) => x.unknown.length === 1) ?? [...open].sort((p, q) => p.unknown.length - q.unknown.length)[0];
    if (next.total.value === null) {
      for (const f of next.unknown) known.set(f, next.total);
      continue;
    }
    const others = next.a.functions.filter((f) => !next.unknown.includes(f)).map((f) => known.get(f)?.value ?? 0);
    const rest = Math.round(next.total.value * scale) - others.reduce((sum, v) => sum + Math.round(v * scale), 0);
    next.unknown.forEach((f, part) => known.set(f, { value: splitPart(rest, part, next.unknown) / scale }));
  }
  resolvedCache.set(key, known);
  return known;
}

/** The sample's figure for one function, art and statistic of 12362 in a sample year, or undefined when it has none. */
function sampleCell12362(municipality: string, f: string, art: string, contents: string, year: number): CellValue | undefined {
  return resolved12362(municipality, art, contents, year).get(f);
}

function syntheticGross(region: string, f: string, year: number): number {
  const group = FUNCTION_GROUPS[f];
  if (group) return group.reduce((sum, g) => sum + syntheticGross(region, g, year), 0);
  const profile = FUNCTION_PROFILE[f] ?? { gross: Math.round(between(`${f}|gross`, 50, 1000)), net: 0.8 };
  const regionFactor = isAggregate(region) ? between(`${region}|${f}|rf`, 0.9, 1.1) : between(`${region}|${f}|rf`, 0.55, 1.5);
  const noise = between(`${region}|${f}|${year}|noise`, 0.95, 1.05);
  return Math.round(profile.gross * regionFactor * Math.pow(1.03, year - 2015) * noise);
}

function netShare(f: string): number {
  const group = FUNCTION_GROUPS[f];
  if (group) return group.reduce((sum, g) => sum + netShare(g) * (FUNCTION_PROFILE[g]?.gross ?? 0), 0) / group.reduce((sum, g) => sum + (FUNCTION_PROFILE[g]?.gross ?? 0), 0);
  return FUNCTION_PROFILE[f]?.net ?? 0.8;
}

function netFromGross(gross: number, region: string, f: string, year: number): number {
  return Math.round(gross * (netShare(f) + between(`${region}|${f}|${year}|net`, -0.05, 0.05)));
}

function grossFromNet(net: number, region: string, f: string, year: number): number {
  return net + Math.round(Math.abs(net) * between(`${region}|${f}|${year}|gross`, 0.05, 0.4));
}

/** The anchored per-capita cell of a municipality (in or after the sample's years), or undefined. */
function anchoredPerCapita(municipality: string, region: string, f: string, art: string, year: number): CellValue | undefined {
  return anchoredSeries(`${region}|${f}|${art}`, year, (y) => sampleCell12362(municipality, f, art, PER_CAPITA, y));
}

/** Kroner per inhabitant on a function and art: the sample's where anchored, else derived or invented. */
function perCapita12362(region: string, f: string, art: string, year: number): CellValue {
  const municipality = sampleIdOf(region);
  const baseArt = art === "AGD4" ? "AGD10" : art;
  if (municipality) {
    const whole = anchoredPerCapita(municipality, region, f, baseArt, year);
    const otherArt = baseArt === "AGD2" ? "AGD10" : "AGD2";
    const other = whole ? undefined : anchoredPerCapita(municipality, region, f, otherArt, year);
    const v: CellValue | undefined =
      whole ?? (other && (other.value === null ? other : { value: baseArt === "AGD10" ? grossFromNet(other.value, region, f, year) : netFromGross(other.value, region, f, year) }));
    if (v) return art === "AGD4" && v.value !== null ? { value: korrigert(v.value, region, f, year) } : v;
  }
  const gross = syntheticGross(region, f, year);
  if (art === "AGD4") return { value: korrigert(gross, region, f, year) };
  return { value: art === "AGD10" ? gross : netFromGross(gross, region, f, year) };
}

/** Corrected gross expenditure (AGD4): gross less sales to other bodies. */
function korrigert(gross: number, region: string, f: string, year: number): number {
  return Math.round(gross * between(`${region}|${f}|${year}|korr`, 0.9, 0.97));
}

/** Gross operating expenditure per inhabitant in total, for shares of total expenditure. */
function totalGross(region: string, year: number): number {
  return Object.keys(FUNCTION_PROFILE).reduce((sum, f) => sum + (perCapita12362(region, f, "AGD10", year).value ?? 0), 0) * between(`${region}|${year}|rest`, 1.1, 1.18);
}

function cell12362(c: Record<string, string>): CellValue {
  const year = Number(c.Tid);
  const region = c.KOKkommuneregion0000;
  const special = invalidCodeCell(region, year) ?? genuineNull("12362", region, year, c.KOKfunksjon0000);
  if (special) return special;
  const f = c.KOKfunksjon0000;
  const municipality = sampleIdOf(region);
  if (c.ContentsCode === SHARE) {
    const anchored = municipality && anchoredSeries(`${region}|${f}|${c.KOKart0000}|share`, year, (y) => sampleCell12362(municipality, f, c.KOKart0000, SHARE, y), 1);
    if (anchored) return anchored;
    const part = perCapita12362(region, f, c.KOKart0000, year);
    if (part.value === null) return part;
    return { value: Math.round((1000 * part.value) / totalGross(region, year)) / 10 };
  }
  if (c.ContentsCode === AMOUNT && municipality) {
    // The sample's amounts keep their three decimals (whole kroner in 1000 kr).
    const anchored = anchoredSeries(`${region}|${f}|${c.KOKart0000}|amount`, year, (y) => sampleCell12362(municipality, f, c.KOKart0000, AMOUNT, y), 3);
    if (anchored) return anchored;
  }
  const perCapita = perCapita12362(region, f, c.KOKart0000, year);
  if (c.ContentsCode !== AMOUNT || perCapita.value === null) return perCapita;
  return { value: Math.round((perCapita.value * population(region, year)) / 1000) };
}

function fee12842(region: string, year: number): CellValue {
  const municipality = sampleIdOf(region);
  const anchored = municipality && anchoredSeries(`${region}|arsgebyr-avfall`, year, (y) => sampleValue("arsgebyr-avfall", municipality, y));
  if (anchored) return anchored;
  const base = isAggregate(region) ? between(`${region}|fee`, 3000, 3300) : between(`${region}|fee`, 2200, 4300);
  return { value: Math.round(base * Math.pow(1.035, year - 2015) * between(`${region}|fee|${year}`, 0.98, 1.02)) };
}

/** Kilometres of municipal road: the sample's where anchored (with its missing values), else about 2.5–4.5 m per inhabitant. */
function roadKm11814(region: string, year: number): CellValue {
  const municipality = sampleIdOf(region);
  const anchored = municipality && anchoredSeries(`${region}|km`, year, (y) => sampleValue("km-kommunale-veier", municipality, y), 1);
  if (anchored) return anchored;
  return { value: Math.round(population(region, year) * between(`${region}|km`, 0.0025, 0.0045) * 10) / 10 };
}

// ---------------------------------------------------------------------------
// The catalog world's other tables

/** Catalog indicators of a table that select exactly one code per dimension, by their codes. */
function singleCodeIndicators(table: string): { ind: Indicator; ssb: SsbSelector; select: Record<string, string> }[] {
  // Every series of an indicator: barnehage's 12562 cells carry the same figures as its 13502 cells later.
  return INDICATORS.flatMap((ind) =>
    allSelectors(ind)
      .filter((ssb) => ssb.table === table && Object.values(ssb.select).every((codes) => codes.length === 1))
      .map((ssb) => ({ ind, ssb, select: Object.fromEntries(Object.entries(ssb.select).map(([d, codes]) => [d, codes[0]])) })),
  );
}

/** The sample's average of an indicator in a year over the municipalities it has (the nearest sample year outside them). */
function sampleMean(indicator: string, year: number, perInhabitant: boolean): number | undefined {
  const y = Math.min(Math.max(year, FIRST_SAMPLE_YEAR), LAST_SAMPLE_YEAR);
  let sum = 0;
  let weight = 0;
  for (const m of Object.keys(sample.values[indicator] ?? {})) {
    const v = sampleValue(indicator, m, y)?.value;
    if (v == null) continue;
    sum += v;
    weight += perInhabitant ? municipalityPopulation(m, y) : 1;
  }
  if (weight === 0) return undefined;
  return (sum / weight) * Math.pow(1.02, year - y);
}

/** A cell of a catalog table other than 12362: the sample's where anchored, else invented around the sample's average. */
function genericCell(table: string, unitOf: (contents: string) => { base: string; decimals: number } | undefined, c: Record<string, string>, regionDim: string): CellValue {
  const time = Number(c.Tid);
  const region = c[regionDim];
  const special = invalidCodeCell(region, time) ?? genuineNull(table, region, time);
  if (special) return special;
  const match = singleCodeIndicators(table).find((x) => Object.entries(x.select).every(([d, code]) => c[d] === code));
  const municipality = sampleIdOf(region);
  // A table dated 1 January (12842) holds data year t − 1's figure at time t: the sample files it under that year.
  const year = time - (match?.ssb.yearOffset ?? 0);
  const decimals = match?.ind.decimals ?? unitOf(c.ContentsCode)?.decimals ?? 0;
  const round = (v: number) => Math.round(v * 10 ** decimals) / 10 ** decimals;
  if (match && municipality) {
    const anchored = anchoredSeries(`${region}|${match.ind.id}`, year, (y) => sampleValue(match.ind.id, municipality, y), decimals);
    if (anchored) return anchored;
  }
  const key = `${table}|${Object.values(c).join("|")}`;
  const spread = isAggregate(region) ? 0.07 : 0.25;
  const factor = between(`${key}|${region}|level`, 1 - spread, 1 + spread) * between(`${key}|${year}`, 0.985, 1.015);
  if (match) {
    const count = match.ind.measure === "count";
    const mean = sampleMean(match.ind.id, year, count);
    if (mean !== undefined) {
      const v = count ? mean * population(region, year) * factor : mean * factor;
      return { value: round(match.ind.measure === "share" ? Math.min(v, 100) : v) };
    }
  }
  // No indicator carries the cell: a size that fits its unit.
  const unit = unitOf(c.ContentsCode)?.base ?? "";
  const level = /prosent|per cent/i.test(unit) ? between(`${key}|pct`, 2, 60) : /kr|NOK/.test(unit) ? between(`${key}|kr`, 1_000, 100_000) : between(`${key}|n`, 10, 1_000);
  return { value: round(level * factor * Math.pow(1.02, year - 2017)) };
}

// ---------------------------------------------------------------------------
// Table definitions

type Text = Record<WorldLang, string>;

interface DimensionSpec {
  id: string;
  label: Text;
  codes: readonly string[];
  labels: (code: string, lang: WorldLang) => string;
  units?: Record<string, Record<WorldLang, { base: string; decimals: number }>>;
  role?: DimensionDefinition["role"];
  elimination?: boolean;
}

interface TableSpec {
  id: string;
  label: Text;
  updated: string;
  note: Record<WorldLang, string[]>;
  matrix: string;
  dimensions: DimensionSpec[];
  cell: (codes: Record<string, string>) => CellValue;
}

const byTable = (labels: Record<string, Text>) => (code: string, lang: WorldLang) => labels[code]?.[lang] ?? code;
const same = (text: string): Text => ({ no: text, en: text });

const SYNTHETIC_NOTE: Record<WorldLang, string> = {
  no: "SYNTETISKE TESTDATA: tallene er oppdiktet og er ikke SSBs tall.",
  en: "SYNTHETIC TEST DATA: the figures are invented and are not Statistics Norway's.",
};
const REGION_NOTE: Record<WorldLang, string> = {
  no: "Regionkoder følger kommuneinndelingen i det enkelte år. Koder som ikke var i bruk et år, vises med «.» (noen med 0).",
  en: "Region codes follow the municipal structure of each year. Codes not in use in a year are shown as \".\" (some as 0).",
};
const RECONSTRUCTED_NOTE: Record<WorldLang, string> = {
  no: "Tabellens oppbygning er rekonstruert fra offentlige kilder (tests/fixtures/ssb/metadata), ikke hentet fra SSB.",
  en: "The table's structure is reconstructed from public sources (tests/fixtures/ssb/metadata), not recorded from SSB.",
};

const REGION_DIMENSION = (id: string, codes: readonly string[]): DimensionSpec => ({
  id,
  label: same("region"),
  codes,
  labels: regionLabel,
  role: "geo",
});

const TIME_DIMENSION: DimensionSpec = { id: "Tid", label: { no: "år", en: "year" }, codes: TIME_CODES, labels: (c) => c, role: "time" };
/**
 * Tables dated 1 January (12842's fees, 07459's population) have one more year: their 2025
 * is data year 2024's figure (the fee that applies from 1 January 2025; the population at
 * the end of 2024).
 */
const JANUARY_TIME_DIMENSION: DimensionSpec = { ...TIME_DIMENSION, codes: [...TIME_CODES, String(YEARS[YEARS.length - 1] + 1)] };

/** Ages of 07459 ("000"–"104", "105+"): SSB's Alder cannot be left out of a query. */
export const AGES: readonly string[] = [...Array.from({ length: 105 }, (_, a) => String(a).padStart(3, "0")), "105+"];

/**
 * 07459 at 1 January `time` for one age: the population at the end of the year before
 * (what the world's 12362 divides by for that year), shared evenly over the ages with the
 * remainder on 105+ so the ages sum to it exactly.
 */
function populationByAge(region: string, time: number, age: string): CellValue {
  const invalid = invalidCodeCell(region, time);
  if (invalid) return invalid;
  const total = population(region, time - 1);
  const each = Math.floor(total / AGES.length);
  return { value: age === AGES[AGES.length - 1] ? total - each * (AGES.length - 1) : each };
}

const FUNCTIONS: Record<string, Text> = {
  "301": { no: "Plansaksbehandling", en: "Planning" },
  "303": { no: "Kart og oppmåling", en: "Mapping and surveying" },
  "332": { no: "Kommunale veier, miljø- og trafikksikkerhetstiltak", en: "Municipal roads, environmental and traffic safety measures" },
  "335": { no: "Rekreasjon i tettsted", en: "Recreation in urban areas" },
  "338": { no: "Forebygging av branner og andre ulykker", en: "Prevention of fires and other accidents" },
  "339": { no: "Beredskap mot branner og andre ulykker", en: "Preparedness against fires and other accidents" },
  "355": { no: "Innsamling, gjenvinning og sluttbehandling av husholdningsavfall", en: "Collection, recycling and disposal of household waste" },
  "360": { no: "Naturforvaltning og friluftsliv", en: "Nature management and outdoor recreation" },
  "370": { no: "Bibliotek", en: "Libraries" },
  "377": { no: "Kunstformidling", en: "Art dissemination" },
  "380": { no: "Idrett og tilskudd til andres idrettsanlegg", en: "Sports and grants to others' sports facilities" },
  "381": { no: "Kommunale idrettsbygg og idrettsanlegg", en: "Municipal sports buildings and facilities" },
  "385": { no: "Andre kulturaktiviteter og tilskudd til andres kulturbygg", en: "Other cultural activities and grants to others' cultural buildings" },
  "392": { no: "Andre religiøse formål", en: "Other religious purposes" },
};

const ARTS: Record<string, Text> = {
  AGD2: { no: "Netto driftsutgifter på funksjon/tjenesteområde", en: "Net operating expenditure on function/service area" },
  AGD10: { no: "Brutto driftsutgifter på funksjon/tjenesteområde", en: "Gross operating expenditure on function/service area" },
};

const kr = (decimals = 0) => ({ no: { base: "kr", decimals }, en: { base: "NOK", decimals } });

function populationTable(regionCodes: readonly string[]): TableSpec {
  return {
    id: "07459",
    label: { no: "Befolkning", en: "Population" },
    updated: "2025-02-21T07:00:00Z",
    note: { no: [SYNTHETIC_NOTE.no], en: [SYNTHETIC_NOTE.en] },
    matrix: "BefolkningKommune",
    dimensions: [
      REGION_DIMENSION("Region", regionCodes),
      { id: "Alder", label: { no: "alder", en: "age" }, codes: AGES, labels: (c, lang) => (c === "105+" ? (lang === "no" ? "105 år eller eldre" : "105 years or older") : `${Number(c)} ${lang === "no" ? "år" : "years"}`) },
      {
        id: "ContentsCode",
        label: { no: "statistikkvariabel", en: "contents" },
        codes: ["Personer1"],
        labels: byTable({ Personer1: { no: "Personer", en: "Persons" } }),
        units: { Personer1: { no: { base: "personer", decimals: 0 }, en: { base: "persons", decimals: 0 } } },
        role: "metric",
      },
      JANUARY_TIME_DIMENSION,
    ],
    cell: (c) => populationByAge(c.Region, Number(c.Tid), c.Alder),
  };
}

/** A hand-made KOSTRA key-figure table of the classic world: region, one statistic, year. */
function keyFigureTable(t: {
  id: string;
  label: Text;
  contents: string;
  contentsLabel: Text;
  unit: Record<WorldLang, { base: string; decimals: number }>;
  value: (region: string, year: number) => CellValue;
  /** The time dimension: calendar years, or 1 January of each year (one more). */
  time?: DimensionSpec;
}): TableSpec {
  return {
    id: t.id,
    label: t.label,
    updated: "2025-06-16T06:00:00Z",
    note: { no: [SYNTHETIC_NOTE.no, REGION_NOTE.no], en: [SYNTHETIC_NOTE.en, REGION_NOTE.en] },
    matrix: `KOSTRA${t.id}`,
    dimensions: [
      REGION_DIMENSION("KOKkommuneregion0000", CLASSIC_REGION_CODES),
      { id: "ContentsCode", label: { no: "statistikkvariabel", en: "contents" }, codes: [t.contents], labels: byTable({ [t.contents]: t.contentsLabel }), units: { [t.contents]: t.unit }, role: "metric" },
      t.time ?? TIME_DIMENSION,
    ],
    cell: (c) => {
      const year = Number(c.Tid);
      const region = c.KOKkommuneregion0000;
      return invalidCodeCell(region, year) ?? genuineNull(t.id, region, year) ?? t.value(region, year);
    },
  };
}

const CLASSIC_TABLES: TableSpec[] = [
  {
    id: "12362",
    label: { no: "Utgifter til tjenesteområdene, kommunekonsern", en: "Expenditure on service areas, municipal group" },
    updated: "2025-06-16T06:00:00Z",
    note: { no: [SYNTHETIC_NOTE.no, REGION_NOTE.no], en: [SYNTHETIC_NOTE.en, REGION_NOTE.en] },
    matrix: "KOSTRA12362",
    dimensions: [
      REGION_DIMENSION("KOKkommuneregion0000", CLASSIC_REGION_CODES),
      { id: "KOKfunksjon0000", label: { no: "funksjon", en: "function" }, codes: Object.keys(FUNCTIONS), labels: byTable(FUNCTIONS) },
      { id: "KOKart0000", label: { no: "art", en: "type" }, codes: Object.keys(ARTS), labels: byTable(ARTS) },
      {
        id: "ContentsCode",
        label: { no: "statistikkvariabel", en: "contents" },
        codes: [PER_CAPITA, AMOUNT],
        labels: byTable({
          KOSbelopinnbygge0000: { no: "Kroner per innbygger", en: "NOK per inhabitant" },
          KOSbelop0000: { no: "Beløp (1000 kr)", en: "Amount (NOK 1000)" },
        }),
        units: { KOSbelopinnbygge0000: kr(), KOSbelop0000: { no: { base: "1000 kr", decimals: 0 }, en: { base: "NOK 1000", decimals: 0 } } },
        role: "metric",
      },
      TIME_DIMENSION,
    ],
    cell: cell12362,
  },
  keyFigureTable({
    id: "12842",
    label: { no: "Kommunale gebyrer knyttet til bolig", en: "Municipal fees related to housing" },
    contents: "KOSaarsgebyravfa0000",
    contentsLabel: { no: "Årsgebyr for avfallstjenesten - ekskl. mva. (kr)", en: "Annual fee for waste services excl. VAT (NOK)" },
    unit: kr(),
    // Dated 1 January: the fee at 1 January of year t is data year t − 1's (the sample files it so).
    time: JANUARY_TIME_DIMENSION,
    value: (region, year) => fee12842(region, year - 1),
  }),
  // The road length road cost per km is divided by (KS: "Lengde kommunalvei (km). SSB tabell 11814").
  keyFigureTable({
    id: "11814",
    label: { no: "Kommunale veier og gater (K)", en: "Municipal roads and streets (M)" },
    contents: "KOSkmkommvei0000",
    contentsLabel: { no: "Kommunale veier og gater i alt (km)", en: "Municipal roads and streets, total (km)" },
    unit: { no: { base: "km", decimals: 1 }, en: { base: "km", decimals: 1 } },
    value: roadKm11814,
  }),
  populationTable(CLASSIC_MUNICIPALITY_CODES),
];

// ---------------------------------------------------------------------------
// The catalog world: tables from the metadata fixtures

interface FixtureMetadata {
  label: string;
  updated: string;
  id: string[];
  role?: Record<string, string[]>;
  dimension: Record<string, { label: string; extension?: { elimination?: boolean }; category: { index: Record<string, number> | string[]; label?: Record<string, string>; unit?: Record<string, { base: string; decimals: number }> } }>;
}

/** English labels of the fixtures' (Norwegian) dimension labels. */
const DIMENSION_LABELS_EN: Record<string, string> = { region: "region", funksjon: "function", art: "type", statistikkvariabel: "contents", "år": "year", alder: "age" };

function fixtureDir(): string {
  const candidates = [join(__dirname, "..", "fixtures", "ssb", "metadata"), join(process.cwd(), "tests", "fixtures", "ssb", "metadata")];
  const dir = candidates.find((d) => existsSync(d));
  if (!dir) throw new Error("pxweb-world: no metadata fixtures (tests/fixtures/ssb/metadata)");
  return dir;
}

const codesOf = (index: Record<string, number> | string[]): string[] =>
  Array.isArray(index) ? [...index] : Object.entries(index).sort((a, b) => a[1] - b[1]).map(([c]) => c);

function tableFromFixture(meta: FixtureMetadata): TableSpec {
  const id = /^(\d+):/.exec(meta.label)?.[1];
  if (!id) throw new Error(`pxweb-world: fixture title without a table id: ${meta.label}`);
  const subject = meta.label.replace(/^\d+:\s*/, "").replace(/, etter .*$/, "");
  const role = meta.role ?? {};
  const regionDim = role.geo?.[0] ?? meta.id[0];
  const timeDim = role.time?.[0] ?? meta.id[meta.id.length - 1];
  const units = meta.dimension.ContentsCode?.category.unit ?? {};
  const dimensions: DimensionSpec[] = meta.id.map((d) => {
    const dim = meta.dimension[d];
    let codes = codesOf(dim.category.index);
    const fixtureLabels = dim.category.label ?? {};
    // SSB's real region list is longer than the fixture's placeholder: add every municipality code.
    if (d === regionDim) codes = [...codes, ...ALL_MUNICIPALITY_CODES.filter((c) => !codes.includes(c))];
    const label = { no: dim.label, en: DIMENSION_LABELS_EN[dim.label] ?? dim.label };
    const roleOf: DimensionSpec["role"] = d === regionDim ? "geo" : d === timeDim ? "time" : role.metric?.includes(d) ? "metric" : undefined;
    const labels =
      d === regionDim
        ? (code: string, lang: WorldLang) => fixtureLabels[code] ?? regionLabelWithCode(code, lang)
        : (code: string) => fixtureLabels[code] ?? code;
    return {
      id: d,
      label,
      codes,
      labels,
      ...(d === "ContentsCode" && Object.keys(units).length > 0
        ? { units: Object.fromEntries(Object.entries(units).map(([c, u]) => [c, { no: u, en: { base: u.base === "kr" ? "NOK" : u.base, decimals: u.decimals } }])) }
        : {}),
      ...(roleOf ? { role: roleOf } : {}),
      ...(dim.extension?.elimination ? { elimination: true } : {}),
    };
  });
  const unitOf = (contents: string) => units[contents];
  return {
    id,
    label: same(subject),
    updated: meta.updated,
    note: { no: [SYNTHETIC_NOTE.no, REGION_NOTE.no, RECONSTRUCTED_NOTE.no], en: [SYNTHETIC_NOTE.en, REGION_NOTE.en, RECONSTRUCTED_NOTE.en] },
    matrix: `KOSTRA${id}`,
    dimensions,
    cell:
      id === "12362"
        ? (c) => cell12362({ ...c, KOKkommuneregion0000: c[regionDim], Tid: c[timeDim] })
        : id === "07459"
          ? (c) => populationByAge(c[regionDim], Number(c[timeDim]), c.Alder)
          : (c) => genericCell(id, unitOf, { ...c, Tid: c[timeDim] }, regionDim),
  };
}

/** A region label as the fixtures write them: "0219 Bærum (-2019)". */
function regionLabelWithCode(code: string, lang: WorldLang): string {
  if (isAggregate(code)) return regionLabel(code, lang);
  const entry = ALL_BY_CODE.get(code);
  if (!entry) return code;
  const name = entry.period.name ?? entry.m.name;
  const period = entry.period.to === undefined ? "" : ` (${entry.period.from ?? ""}-${entry.period.to})`;
  return `${code} ${name}${period}`;
}

let catalogTables: TableSpec[] | null = null;

function catalogWorldTables(): TableSpec[] {
  if (catalogTables) return catalogTables;
  const dir = fixtureDir();
  const fromFixtures = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => tableFromFixture(JSON.parse(readFileSync(join(dir, f), "utf8")) as FixtureMetadata));
  const population = fromFixtures.some((t) => t.id === "07459") ? [] : [populationTable(ALL_MUNICIPALITY_CODES)];
  catalogTables = [...fromFixtures, ...population];
  return catalogTables;
}

/**
 * 03014, the consumer price index's annual average (2015 = 100), total only. 2016–2018 are
 * levels consistent with SSB's stated growth (1.8 % from 2016 to 2017, 2.7 % from 2017 to
 * 2018); every other year is SYNTHETIC.
 */
const KPI_LEVELS: Record<string, number> = {
  "2014": 97.9, "2015": 100, "2016": 103.6, "2017": 105.5, "2018": 108.4, "2019": 110.8, "2020": 112.2, "2021": 116.1, "2022": 122.8, "2023": 129.6, "2024": 133.6,
};
const KPI_TABLE: TableSpec = {
  id: "03014",
  label: { no: "Konsumprisindeks, etter konsumgruppe (2015=100)", en: "Consumer Price Index, by consumption group (2015=100)" },
  updated: "2025-01-10T07:00:00Z",
  note: { no: [SYNTHETIC_NOTE.no], en: [SYNTHETIC_NOTE.en] },
  matrix: "KpiAar",
  dimensions: [
    { id: "Konsumgrp", label: { no: "konsumgruppe", en: "consumption group" }, codes: ["TOTAL"], labels: (_, lang) => (lang === "no" ? "Totalindeks" : "All-item index") },
    {
      id: "ContentsCode",
      label: { no: "statistikkvariabel", en: "contents" },
      codes: ["KpiAar"],
      labels: (_, lang) => (lang === "no" ? "Konsumprisindeks (2015=100)" : "Consumer Price Index (2015=100)"),
      units: { KpiAar: { no: { base: "indeks", decimals: 1 }, en: { base: "index", decimals: 1 } } },
      role: "metric",
    },
    { ...TIME_DIMENSION, codes: Object.keys(KPI_LEVELS) },
  ],
  cell: (c) => ({ value: KPI_LEVELS[c.Tid] ?? null }),
};

function tablesOf(world: WorldName): TableSpec[] {
  return world === "catalog" ? catalogWorldTables() : CLASSIC_TABLES;
}

/** A world's table; the KPI (03014) is served in every world but listed in none (no search finds it). */
function specOf(tableId: string, world: WorldName): TableSpec | undefined {
  return tablesOf(world).find((t) => t.id === tableId) ?? (tableId === KPI_TABLE.id ? KPI_TABLE : undefined);
}

/** "a, b, c og d" / "a, b, c and d". */
function joinList(items: string[], lang: WorldLang): string {
  if (items.length < 2) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${lang === "no" ? "og" : "and"} ${items[items.length - 1]}`;
}

/** SSB's dataset title for the dimensions in the given order: "12362: …, etter region, funksjon, … og år". */
export function tableTitle(def: TableDefinition, order: readonly string[] = def.dimensions.map((d) => d.id), lang: WorldLang = "no"): string {
  const labels = order.map((id) => def.dimensions.find((d) => d.id === id)?.label ?? id);
  return `${def.id}: ${def.label}, ${lang === "no" ? "etter" : "by"} ${joinList(labels, lang)}`;
}

const definitionCache = new Map<string, TableDefinition>();

/** The ids of the world's tables. */
export function worldTableIds(world: WorldName = "classic"): string[] {
  return tablesOf(world).map((t) => t.id);
}

/** A table's definition in a language, or undefined for a table the world lacks. */
export function tableDefinition(tableId: string, lang: WorldLang = "no", world: WorldName = "classic"): TableDefinition | undefined {
  const key = `${world}|${tableId}|${lang}`;
  const cached = definitionCache.get(key);
  if (cached) return cached;
  const spec = specOf(tableId, world);
  if (!spec) return undefined;
  const dimensions: DimensionDefinition[] = spec.dimensions.map((d) => ({
    id: d.id,
    label: d.label[lang],
    codes: d.codes,
    labels: Object.fromEntries(d.codes.map((c) => [c, d.labels(c, lang)])),
    ...(d.units ? { units: Object.fromEntries(Object.entries(d.units).map(([c, u]) => [c, u[lang]])) } : {}),
    ...(d.role ? { role: d.role } : {}),
    ...(d.elimination ? { elimination: true } : {}),
  }));
  const time = spec.dimensions.find((d) => d.role === "time")?.codes ?? TIME_CODES;
  const def: TableDefinition = {
    id: spec.id,
    label: spec.label[lang],
    title: "",
    description: "",
    updated: spec.updated,
    note: spec.note[lang],
    firstPeriod: time[0],
    lastPeriod: time[time.length - 1],
    matrix: spec.matrix,
    source: lang === "no" ? "Statistisk sentralbyrå" : "Statistics Norway",
    dimensions,
  };
  def.title = tableTitle(def, undefined, lang);
  definitionCache.set(key, def);
  return def;
}

function definitionOrThrow(tableId: string, lang: WorldLang = "no", world: WorldName = "classic"): TableDefinition {
  const def = tableDefinition(tableId, lang, world);
  if (!def) throw new Error(`pxweb-world: no table ${tableId}`);
  return def;
}

/** One cell of a table, given one code per dimension. Throws for an unknown table or code. */
export function worldCell(tableId: string, codes: Record<string, string>, world: WorldName = "classic"): CellValue {
  const def = definitionOrThrow(tableId, "no", world);
  for (const d of def.dimensions)
    if (!d.codes.includes(codes[d.id])) throw new Error(`pxweb-world: table ${tableId} has no ${d.id}=${codes[d.id]}`);
  return (specOf(tableId, world) as TableSpec).cell(codes);
}

/** The selected codes of every dimension in table order (all codes of a dimension not in the selection). */
function selectedCodes(def: TableDefinition, selection: Record<string, readonly string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const d of def.dimensions) {
    const wanted = selection[d.id];
    if (!wanted) {
      out[d.id] = [...d.codes];
      continue;
    }
    for (const c of wanted) if (!d.codes.includes(c)) throw new Error(`pxweb-world: table ${def.id} has no ${d.id}=${c}`);
    out[d.id] = d.codes.filter((c) => wanted.includes(c));
  }
  return out;
}

/**
 * The table as SSB's json-stat2 data response for a selection (dimension → codes; a
 * dimension left out means all its codes). Codes come in table order, as SSB returns them.
 */
export function worldDataset(tableId: string, selection: Record<string, readonly string[]> = {}, options: WorldDatasetOptions = {}): JsonStatDataset {
  const lang = options.lang ?? "no";
  const world = options.world ?? "classic";
  const def = definitionOrThrow(tableId, lang, world);
  const order = options.order ?? def.dimensions.map((d) => d.id);
  // An order may leave out a dimension the table lets a query eliminate (07459's Kjonn): the answer has no such dimension.
  const ids = def.dimensions.filter((d) => order.includes(d.id) || !d.elimination).map((d) => d.id);
  if (order.length !== ids.length || !ids.every((id) => order.includes(id)))
    throw new Error(`pxweb-world: order ${order.join(",")} is not a permutation of ${ids.join(",")}`);
  const codes = selectedCodes(def, selection);
  const cell = (specOf(tableId, world) as TableSpec).cell;
  const ds = buildSsbDataset({
    table: def.id,
    title: tableTitle(def, order, lang),
    notes: def.note,
    updated: options.updated ?? def.updated,
    matrix: def.matrix,
    order,
    dims: Object.fromEntries(def.dimensions.filter((d) => ids.includes(d.id)).map((d) => [d.id, { codes: codes[d.id], labels: d.labels, units: d.units }])),
    cell: (c) => {
      const v = options.revised?.(c) ?? cell(c);
      return v.value === null ? { value: null, status: v.status ?? ".." } : v.value;
    },
  });
  return localize(ds, def, lang);
}

/**
 * The table's json-stat2 metadata as PxWebApi 2 sends it: every dimension with all its
 * categories, labels and units, the notes and `updated`, and an empty `value`.
 */
export function worldMetadata(tableId: string, options: { lang?: WorldLang; updated?: string; world?: WorldName } = {}): JsonStatDataset {
  const lang = options.lang ?? "no";
  const def = definitionOrThrow(tableId, lang, options.world ?? "classic");
  const dims = (first: boolean) => Object.fromEntries(def.dimensions.map((d) => [d.id, { codes: first ? d.codes.slice(0, 1) : d.codes, labels: d.labels, units: d.units }]));
  const spec = { table: def.id, title: def.title, notes: def.note, updated: options.updated ?? def.updated, matrix: def.matrix, order: def.dimensions.map((d) => d.id) };
  // Built on one cell (metadata has no values), then given every category of every dimension.
  const ds = buildSsbDataset({ ...spec, dims: dims(true), cell: () => null });
  const full = dims(false);
  for (const d of def.dimensions) {
    const index: Record<string, number> = {};
    const labels: Record<string, string> = {};
    full[d.id].codes.forEach((c, i) => {
      index[c] = i;
      labels[c] = d.labels[c] || c;
    });
    ds.dimension[d.id].category = { index, label: labels, ...(d.units ? { unit: d.units } : {}) };
    ds.dimension[d.id].extension = { ...ds.dimension[d.id].extension, elimination: d.elimination === true };
  }
  ds.size = def.dimensions.map((d) => d.codes.length);
  ds.value = [];
  delete ds.status;
  return localize(ds, def, lang);
}

/** Fix what the shared builder fixes for KOSTRA tables: dimension labels, roles and language. */
function localize(ds: JsonStatDataset, def: TableDefinition, lang: WorldLang): JsonStatDataset {
  // An eliminated dimension (07459's Kjonn left out of a query) is not in the answer.
  const present = def.dimensions.filter((d) => ds.dimension[d.id] !== undefined);
  for (const d of present) ds.dimension[d.id].label = d.label;
  for (const role of ["time", "geo", "metric"] as const) ds.role[role] = present.filter((d) => d.role === role).map((d) => d.id);
  ds.source = def.source;
  ds.extension.px.language = lang;
  return ds;
}
