/**
 * A SYNTHETIC statistics "world" for the local PxWebApi 2 test server: tables 12362,
 * 12842 and 07459 with the dimensions, codes and labels SSB uses, and invented,
 * deterministic numbers. None of these figures are Statistics Norway's.
 *
 * How the numbers are made:
 * - Where the embedded sample (itself synthetic, 2015–2018) has an indicator for a
 *   municipality and year, the world's per-capita value is the sample's. Summed
 *   indicators (rekreasjon 335+360, brann 338+339) are split 60/40 between the two
 *   functions with integer rounding that keeps the sum exact. The other art of an
 *   anchored function, and later years of an anchored series, are derived from it.
 * - Everything else is a pseudo-random integer of plausible size from a hash of the
 *   cell's codes, so every run gives the same numbers.
 * - KOSbelop0000 (1000 kr) = round(per capita × population / 1000). Population is the
 *   sample's `folkemengde`, grown 1.1 % a year after 2018, and invented for Lillestrøm
 *   and its predecessors (Skedsmo, Fet, Sørum), which the sample lacks.
 * - A region code that was not valid in the year (see municipalities.ts) is null with
 *   status "."; EAK and EAKUO are always valid. The exceptions in ZERO_INSTEAD_OF_DOT
 *   are 0 with no status, as SSB sometimes shows them.
 * - GENUINE_NULLS lists the nulls for valid codes (status ".." or ":"); the sample's own
 *   missing values (its `missing` list) carry through with their status as well.
 */
import { INDICATORS } from "../../src/kostra/catalog";
import { MUNICIPALITIES, isCodeValidInYear } from "../../src/kostra/municipalities";
import type { CodePeriod, Municipality } from "../../src/kostra/types";
import sampleData from "../../src/sources/sample/sample-data.json";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildSsbDataset } = require("./ssb-shape") as { buildSsbDataset: (spec: SsbShapeSpec) => JsonStatDataset };

export type WorldLang = "no" | "en";

/** One dimension of a table, in one language. */
export interface DimensionDefinition {
  id: string;
  label: string;
  codes: readonly string[];
  labels: Readonly<Record<string, string>>;
  units?: Readonly<Record<string, { base: string; decimals: number }>>;
  role?: "time" | "geo" | "metric";
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
  /** Dimension order of the response (default: table order). */
  order?: readonly string[];
  lang?: WorldLang;
  /** Overrides the table's `updated`. */
  updated?: string;
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

// ---------------------------------------------------------------------------
// Deterministic pseudo-random numbers

/** A number in [0, 1) from a string: FNV-1a followed by an avalanche step. */
function hash01(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

const between = (key: string, lo: number, hi: number): number => lo + (hi - lo) * hash01(key);

// ---------------------------------------------------------------------------
// The sample and the catalog

interface SampleFile {
  years: number[];
  values: Record<string, Record<string, (number | null)[]>>;
  missing: { indicator: string; municipality: string; year: number; status: string }[];
}
const sample = sampleData as SampleFile;
const missingStatus = new Map(sample.missing.map((m) => [`${m.indicator}/${m.municipality}/${m.year}`, m.status]));

/** The sample's value, or undefined when the sample lacks the municipality or year. */
function sampleValue(indicator: string, municipality: string, year: number): CellValue | undefined {
  const series = sample.values[indicator]?.[municipality];
  const i = sample.years.indexOf(year);
  if (!series || i < 0) return undefined;
  const v = series[i];
  if (v === null) return { value: null, status: missingStatus.get(`${indicator}/${municipality}/${year}`) ?? ".." };
  return { value: v };
}

const LAST_SAMPLE_YEAR = Math.max(...sample.years);

/** Which catalog indicator (and which part of its sum) a 12362 function and art carry. */
interface Anchor {
  indicator: string;
  part: number;
  parts: number;
}
const ANCHORS = new Map<string, Anchor>();
for (const ind of INDICATORS) {
  if (ind.ssb.table !== "12362") continue;
  const functions = ind.ssb.select.KOKfunksjon0000 ?? [];
  const art = ind.ssb.select.KOKart0000?.[0];
  functions.forEach((f, part) => ANCHORS.set(`${f}|${art}`, { indicator: ind.id, part, parts: functions.length }));
}

/** Share of the whole per part of a summed indicator: 60/40 for two functions. */
function splitPart(total: number, part: number, parts: number): number {
  if (parts === 1) return total;
  const shares = parts === 2 ? [0.6, 0.4] : Array.from({ length: parts }, () => 1 / parts);
  let rest = total;
  for (let i = 0; i < parts - 1; i++) {
    const share = Math.round(total * shares[i]);
    if (i === part) return share;
    rest -= share;
  }
  return rest;
}

// ---------------------------------------------------------------------------
// Regions and population

const MUNICIPALITY_BY_CODE = new Map<string, { m: Municipality; period: CodePeriod }>();
for (const m of MUNICIPALITIES) for (const period of m.codes) MUNICIPALITY_BY_CODE.set(period.code, { m, period });

const COUNTRY = "EAK";
const COUNTRY_WITHOUT_OSLO = "EAKUO";
const MUNICIPALITY_CODES = [...MUNICIPALITY_BY_CODE.keys()].sort();
const KOSTRA_REGION_CODES = [COUNTRY, COUNTRY_WITHOUT_OSLO, ...MUNICIPALITY_CODES];

/** Names SSB shows for a code today where they differ from the municipality's name. */
const SSB_NAMES: Record<string, string> = { "0301": "Oslo - Oslove", "5001": "Trondheim - Tråante" };

/** SSB's label for a region code: the name, with the years when the code is no longer in use ("Bærum (2020-2023)"). */
function regionLabel(code: string, lang: WorldLang): string {
  if (code === COUNTRY) return lang === "no" ? "Landet" : "The whole country";
  if (code === COUNTRY_WITHOUT_OSLO) return lang === "no" ? "Landet uten Oslo" : "The whole country except Oslo";
  const entry = MUNICIPALITY_BY_CODE.get(code);
  if (!entry) return code;
  const name = SSB_NAMES[code] ?? entry.period.name ?? entry.m.name;
  return entry.period.to === undefined ? name : `${name} (${entry.period.from ?? ""}-${entry.period.to})`;
}

/** Invented 2015 populations for municipalities the sample lacks. */
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
  const base = INVENTED_POPULATION_2015[id];
  if (base === undefined) throw new Error(`pxweb-world: no population for ${id}`);
  return grow(base, 0.011, year - 2015);
}

/** Population behind a region code in a year (only meaningful where the code is valid). */
function population(code: string, year: number): number {
  const country = grow(5_166_000, 0.008, year - 2015);
  if (code === COUNTRY) return country;
  if (code === COUNTRY_WITHOUT_OSLO) return country - municipalityPopulation("oslo", year);
  const entry = MUNICIPALITY_BY_CODE.get(code);
  if (!entry) throw new Error(`pxweb-world: unknown region ${code}`);
  return municipalityPopulation(entry.m.id, year);
}

/** "." or 0 for a code not valid in the year; undefined when the code is valid. */
function invalidCodeCell(code: string, year: number): CellValue | undefined {
  if (code === COUNTRY || code === COUNTRY_WITHOUT_OSLO || isCodeValidInYear(code, year)) return undefined;
  if (ZERO_INSTEAD_OF_DOT.some((z) => z.region === code && z.years.includes(year))) return { value: 0 };
  return { value: null, status: "." };
}

function genuineNull(table: string, region: string, year: number, funksjon?: string): CellValue | undefined {
  const hit = GENUINE_NULLS.find((n) => n.table === table && n.region === region && n.year === year && (n.funksjon === undefined || n.funksjon === funksjon));
  return hit && { value: null, status: hit.status };
}

// ---------------------------------------------------------------------------
// Values

/** Typical gross expenditure per inhabitant and the net share of it, per function. */
const FUNCTION_PROFILE: Record<string, { gross: number; net: number }> = {
  "301": { gross: 360, net: 0.7 },
  "303": { gross: 110, net: 0.45 },
  "332": { gross: 950, net: 0.85 },
  "335": { gross: 240, net: 0.9 },
  "338": { gross: 130, net: 0.85 },
  "339": { gross: 640, net: 0.9 },
  "355": { gross: 1400, net: 0.02 },
  "360": { gross: 210, net: 0.85 },
  "370": { gross: 320, net: 0.92 },
  "377": { gross: 330, net: 0.85 },
  "380": { gross: 700, net: 0.9 },
  "381": { gross: 820, net: 0.8 },
  "385": { gross: 400, net: 0.85 },
  "392": { gross: 115, net: 0.97 },
};

function syntheticGross(region: string, f: string, year: number): number {
  const profile = FUNCTION_PROFILE[f];
  const regionFactor = region.startsWith("EAK") ? between(`${region}|${f}|rf`, 0.9, 1.1) : between(`${region}|${f}|rf`, 0.55, 1.5);
  const noise = between(`${region}|${f}|${year}|noise`, 0.95, 1.05);
  return Math.round(profile.gross * regionFactor * Math.pow(1.03, year - 2015) * noise);
}

function netFromGross(gross: number, region: string, f: string, year: number): number {
  return Math.round(gross * (FUNCTION_PROFILE[f].net + between(`${region}|${f}|${year}|net`, -0.05, 0.05)));
}

function grossFromNet(net: number, region: string, f: string, year: number): number {
  return net + Math.round(Math.abs(net) * between(`${region}|${f}|${year}|gross`, 0.05, 0.4));
}

/** An anchored series: the sample's value in sample years, carried on from the last sample year after it. */
function anchoredWhole(indicator: string, municipality: string, year: number, region: string): CellValue | undefined {
  const exact = sampleValue(indicator, municipality, year);
  if (exact) return exact;
  if (year <= LAST_SAMPLE_YEAR) return undefined;
  const last = sampleValue(indicator, municipality, LAST_SAMPLE_YEAR);
  if (!last || last.value === null) return undefined;
  const noise = between(`${region}|${indicator}|${year}|trend`, 0.98, 1.02);
  return { value: Math.round(last.value * Math.pow(1.03, year - LAST_SAMPLE_YEAR) * noise) };
}

function perCapita12362(region: string, f: string, art: string, year: number): CellValue {
  const municipality = MUNICIPALITY_BY_CODE.get(region)?.m.id;
  if (municipality) {
    const anchor = ANCHORS.get(`${f}|${art}`);
    const whole = anchor && anchoredWhole(anchor.indicator, municipality, year, region);
    if (anchor && whole) return whole.value === null ? whole : { value: splitPart(whole.value, anchor.part, anchor.parts) };
    const otherArt = art === "AGD2" ? "AGD10" : "AGD2";
    const other = ANCHORS.get(`${f}|${otherArt}`);
    const otherWhole = other && anchoredWhole(other.indicator, municipality, year, region);
    if (other && otherWhole) {
      if (otherWhole.value === null) return otherWhole;
      const base = splitPart(otherWhole.value, other.part, other.parts);
      return { value: art === "AGD10" ? grossFromNet(base, region, f, year) : netFromGross(base, region, f, year) };
    }
  }
  const gross = syntheticGross(region, f, year);
  return { value: art === "AGD10" ? gross : netFromGross(gross, region, f, year) };
}

function fee12842(region: string, year: number): CellValue {
  const municipality = MUNICIPALITY_BY_CODE.get(region)?.m.id;
  const anchored = municipality && anchoredWhole("arsgebyr-avfall", municipality, year, region);
  if (anchored) return anchored;
  const base = region.startsWith("EAK") ? between(`${region}|fee`, 3000, 3300) : between(`${region}|fee`, 2200, 4300);
  return { value: Math.round(base * Math.pow(1.035, year - 2015) * between(`${region}|fee|${year}`, 0.98, 1.02)) };
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

const REGION_DIMENSION = (id: string, codes: readonly string[]): DimensionSpec => ({
  id,
  label: same("region"),
  codes,
  labels: regionLabel,
  role: "geo",
});

const TIME_DIMENSION: DimensionSpec = { id: "Tid", label: { no: "år", en: "year" }, codes: TIME_CODES, labels: (c) => c, role: "time" };

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

const TABLES: TableSpec[] = [
  {
    id: "12362",
    label: { no: "Utgifter til tjenesteområdene, kommunekonsern", en: "Expenditure on service areas, municipal group" },
    updated: "2025-06-16T06:00:00Z",
    note: { no: [SYNTHETIC_NOTE.no, REGION_NOTE.no], en: [SYNTHETIC_NOTE.en, REGION_NOTE.en] },
    matrix: "KOSTRA12362",
    dimensions: [
      REGION_DIMENSION("KOKkommuneregion0000", KOSTRA_REGION_CODES),
      { id: "KOKfunksjon0000", label: { no: "funksjon", en: "function" }, codes: Object.keys(FUNCTIONS), labels: byTable(FUNCTIONS) },
      { id: "KOKart0000", label: { no: "art", en: "type" }, codes: Object.keys(ARTS), labels: byTable(ARTS) },
      {
        id: "ContentsCode",
        label: { no: "statistikkvariabel", en: "contents" },
        codes: ["KOSbelopinnbygge0000", "KOSbelop0000"],
        labels: byTable({
          KOSbelopinnbygge0000: { no: "Kroner per innbygger", en: "NOK per inhabitant" },
          KOSbelop0000: { no: "Beløp (1000 kr)", en: "Amount (NOK 1000)" },
        }),
        units: { KOSbelopinnbygge0000: kr(), KOSbelop0000: { no: { base: "1000 kr", decimals: 0 }, en: { base: "NOK 1000", decimals: 0 } } },
        role: "metric",
      },
      TIME_DIMENSION,
    ],
    cell: (c) => {
      const year = Number(c.Tid);
      const region = c.KOKkommuneregion0000;
      const special = invalidCodeCell(region, year) ?? genuineNull("12362", region, year, c.KOKfunksjon0000);
      if (special) return special;
      const perCapita = perCapita12362(region, c.KOKfunksjon0000, c.KOKart0000, year);
      if (c.ContentsCode === "KOSbelopinnbygge0000" || perCapita.value === null) return perCapita;
      return { value: Math.round((perCapita.value * population(region, year)) / 1000) };
    },
  },
  {
    id: "12842",
    label: { no: "Kommunale gebyrer knyttet til bolig", en: "Municipal fees related to housing" },
    updated: "2025-06-16T06:00:00Z",
    note: { no: [SYNTHETIC_NOTE.no, REGION_NOTE.no], en: [SYNTHETIC_NOTE.en, REGION_NOTE.en] },
    matrix: "KOSTRA12842",
    dimensions: [
      REGION_DIMENSION("KOKkommuneregion0000", KOSTRA_REGION_CODES),
      {
        id: "ContentsCode",
        label: { no: "statistikkvariabel", en: "contents" },
        codes: ["KOSaarsgebyravfa0000"],
        labels: byTable({
          KOSaarsgebyravfa0000: { no: "Årsgebyr for avfallstjenesten - ekskl. mva. (kr)", en: "Annual fee for waste services excl. VAT (NOK)" },
        }),
        units: { KOSaarsgebyravfa0000: kr() },
        role: "metric",
      },
      TIME_DIMENSION,
    ],
    cell: (c) => {
      const year = Number(c.Tid);
      const region = c.KOKkommuneregion0000;
      return invalidCodeCell(region, year) ?? genuineNull("12842", region, year) ?? fee12842(region, year);
    },
  },
  {
    id: "07459",
    label: { no: "Befolkning", en: "Population" },
    updated: "2025-02-21T07:00:00Z",
    note: { no: [SYNTHETIC_NOTE.no], en: [SYNTHETIC_NOTE.en] },
    matrix: "BefolkningKommune",
    dimensions: [
      REGION_DIMENSION("Region", MUNICIPALITY_CODES),
      {
        id: "ContentsCode",
        label: { no: "statistikkvariabel", en: "contents" },
        codes: ["Personer1"],
        labels: byTable({ Personer1: { no: "Personer", en: "Persons" } }),
        units: { Personer1: { no: { base: "personer", decimals: 0 }, en: { base: "persons", decimals: 0 } } },
        role: "metric",
      },
      TIME_DIMENSION,
    ],
    cell: (c) => {
      const year = Number(c.Tid);
      return invalidCodeCell(c.Region, year) ?? { value: population(c.Region, year) };
    },
  },
];

const TABLE_SPECS = new Map(TABLES.map((t) => [t.id, t]));

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
export function worldTableIds(): string[] {
  return TABLES.map((t) => t.id);
}

/** A table's definition in a language, or undefined for a table the world lacks. */
export function tableDefinition(tableId: string, lang: WorldLang = "no"): TableDefinition | undefined {
  const key = `${tableId}|${lang}`;
  const cached = definitionCache.get(key);
  if (cached) return cached;
  const spec = TABLE_SPECS.get(tableId);
  if (!spec) return undefined;
  const dimensions: DimensionDefinition[] = spec.dimensions.map((d) => ({
    id: d.id,
    label: d.label[lang],
    codes: d.codes,
    labels: Object.fromEntries(d.codes.map((c) => [c, d.labels(c, lang)])),
    ...(d.units ? { units: Object.fromEntries(Object.entries(d.units).map(([c, u]) => [c, u[lang]])) } : {}),
    ...(d.role ? { role: d.role } : {}),
  }));
  const def: TableDefinition = {
    id: spec.id,
    label: spec.label[lang],
    title: "",
    description: "",
    updated: spec.updated,
    note: spec.note[lang],
    firstPeriod: TIME_CODES[0],
    lastPeriod: TIME_CODES[TIME_CODES.length - 1],
    matrix: spec.matrix,
    source: lang === "no" ? "Statistisk sentralbyrå" : "Statistics Norway",
    dimensions,
  };
  def.title = tableTitle(def, undefined, lang);
  definitionCache.set(key, def);
  return def;
}

function definitionOrThrow(tableId: string, lang: WorldLang = "no"): TableDefinition {
  const def = tableDefinition(tableId, lang);
  if (!def) throw new Error(`pxweb-world: no table ${tableId}`);
  return def;
}

/** One cell of a table, given one code per dimension. Throws for an unknown table or code. */
export function worldCell(tableId: string, codes: Record<string, string>): CellValue {
  const def = definitionOrThrow(tableId);
  for (const d of def.dimensions)
    if (!d.codes.includes(codes[d.id])) throw new Error(`pxweb-world: table ${tableId} has no ${d.id}=${codes[d.id]}`);
  return (TABLE_SPECS.get(tableId) as TableSpec).cell(codes);
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
  const def = definitionOrThrow(tableId, lang);
  const order = options.order ?? def.dimensions.map((d) => d.id);
  const ids = def.dimensions.map((d) => d.id);
  if (order.length !== ids.length || !ids.every((id) => order.includes(id)))
    throw new Error(`pxweb-world: order ${order.join(",")} is not a permutation of ${ids.join(",")}`);
  const codes = selectedCodes(def, selection);
  const cell = (TABLE_SPECS.get(tableId) as TableSpec).cell;
  const ds = buildSsbDataset({
    table: def.id,
    title: tableTitle(def, order, lang),
    notes: def.note,
    updated: options.updated ?? def.updated,
    matrix: def.matrix,
    order,
    dims: Object.fromEntries(def.dimensions.map((d) => [d.id, { codes: codes[d.id], labels: d.labels, units: d.units }])),
    cell: (c) => {
      const v = cell(c);
      return v.value === null ? { value: null, status: v.status ?? ".." } : v.value;
    },
  });
  return localize(ds, def, lang);
}

/**
 * The table's json-stat2 metadata as PxWebApi 2 sends it: every dimension with all its
 * categories, labels and units, the notes and `updated`, and an empty `value`.
 */
export function worldMetadata(tableId: string, options: { lang?: WorldLang; updated?: string } = {}): JsonStatDataset {
  const lang = options.lang ?? "no";
  const def = definitionOrThrow(tableId, lang);
  const ds = buildSsbDataset({
    table: def.id,
    title: def.title,
    notes: def.note,
    updated: options.updated ?? def.updated,
    matrix: def.matrix,
    order: def.dimensions.map((d) => d.id),
    dims: Object.fromEntries(def.dimensions.map((d) => [d.id, { codes: d.codes, labels: d.labels, units: d.units }])),
    cell: () => null,
  });
  ds.value = [];
  delete ds.status;
  return localize(ds, def, lang);
}

/** Fix what the shared builder fixes for KOSTRA tables: dimension labels, roles and language. */
function localize(ds: JsonStatDataset, def: TableDefinition, lang: WorldLang): JsonStatDataset {
  for (const d of def.dimensions) ds.dimension[d.id].label = d.label;
  for (const role of ["time", "geo", "metric"] as const) ds.role[role] = def.dimensions.filter((d) => d.role === role).map((d) => d.id);
  ds.source = def.source;
  ds.extension.px.language = lang;
  return ds;
}
