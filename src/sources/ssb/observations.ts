/**
 * Turns an SSB JSON-stat cube into observations of the catalog's indicators.
 *
 * An indicator matches a cube when the cube is the table of one of its series (or, for an
 * indicator whose table is not confirmed, when the cube holds every code its selector
 * names). A cell at SSB's time t is the figure of data year t − yearOffset, and only when
 * that year reads this series (kostra/series.ts `seriesForYear`): an answer of 12562 for
 * 2018 is barnehage's 2018 figure, 12842's fee at 1 January 2018 is the 2017 figure, and
 * nothing is read for a year the indicator is not valid in. A per-capita
 * figure's amount cells (KOSbelop0000 beside KOSbelopinnbygge0000), when the cube has them,
 * become observations of its companion amount indicator `<id>:belop` (catalog
 * `amountIndicatorOf`), from which merged municipalities' back series are recomputed. Region
 * codes resolve to municipalities through their code history; a code that was not
 * valid in a year is skipped, because SSB shows such cells as "." or 0 and that 0 is
 * not a real value. Conflicts are errors naming the codes: a time code that is not a year
 * (the indicators are annual), and two region codes giving one municipality two figures.
 */
import { amountIndicatorOf, INDICATORS, POPULATION_INDICATOR } from "../../kostra/catalog";
import { badInput } from "../../kostra/errors";
import { codeForYear, isCodeValidInYear, resolveMunicipality, sameAreaBetween } from "../../kostra/municipalities";
import { quoteInput } from "../../kostra/safe-text";
import { allSelectors, dataYearOf, selectorForYear } from "../../kostra/series";
import type { Indicator, LocalizedText, Municipality, Observation, SsbSelector } from "../../kostra/types";
import { duplicateDetails, ObservationIndex } from "../conflicts";
import { readObservation, type ReadObservation } from "../read-observation";
import type { JsonStatCube, JsonStatDimension } from "./jsonstat";

export interface CubeObservations<O extends ReadObservation = ReadObservation> {
  observations: O[];
  /** Indicator ids found in the cube. */
  indicators: string[];
  /** Region codes that are not municipalities the product knows (e.g. EAK, other municipalities). */
  unknownRegions: string[];
  /** Cells skipped because the region code was not valid in that year. */
  invalidForYear: number;
  /**
   * For each population derived from an amount and its per-inhabitant figure (12362), the
   * amount's size (1000 kr, absolute), by "municipality/year": the larger the amount, the
   * smaller the rounding in the derived population, so a load that gets one municipality's
   * population from several answers keeps the one from the largest amount.
   */
  populationAmounts: Map<string, number>;
}

/** The key of `populationAmounts`. */
export const populationKey = (municipality: string, year: number): string => `${municipality}/${year}`;

function dimension(cube: JsonStatCube, id: string): JsonStatDimension | undefined {
  return cube.dimensions.find((d) => d.id === id);
}

/** Whether the cube holds the series `ssb`: its table (or, unconfirmed, every code it names) and one cell per region and time. */
function holdsSeries(ssb: SsbSelector, cube: JsonStatCube): boolean {
  if (ssb.table !== null && cube.tableId !== undefined && ssb.table !== cube.tableId) return false;
  if (!dimension(cube, ssb.regionDimension) || !dimension(cube, ssb.timeDimension)) return false;
  const holdsAll = Object.entries(ssb.select).every(([dim, codes]) => {
    const d = dimension(cube, dim);
    return d !== undefined && codes.every((c) => d.position.has(c));
  });
  if (!holdsAll) return false;
  // Every other dimension must be fixed to a single category, or the cell is ambiguous.
  return cube.dimensions.every(
    (d) => d.id === ssb.regionDimension || d.id === ssb.timeDimension || d.id in ssb.select || d.codes.length === 1,
  );
}

/** An indicator's series found in the cube (an indicator that switched tables has one of them here). */
interface Found {
  ind: Indicator;
  ssb: SsbSelector;
}

function seriesIn(ind: Indicator, cube: JsonStatCube): Found | undefined {
  const ssb = allSelectors(ind).find((s) => holdsSeries(s, cube));
  return ssb ? { ind, ssb } : undefined;
}

/**
 * Where the cells a series adds up lie, relative to its region and time: the flat offset of
 * every combination of the selector's codes (one per summed cell), in the cube's order of
 * dimensions. Worked out once per series, not once per observation.
 */
function cellOffsets(ssb: SsbSelector, cube: JsonStatCube): number[] {
  let offsets = [0];
  cube.dimensions.forEach((d, k) => {
    if (d.id === ssb.regionDimension || d.id === ssb.timeDimension) return;
    const codes = ssb.select[d.id] ?? [d.codes[0]];
    offsets = offsets.flatMap((at) => codes.map((code) => at + d.position.get(code)! * cube.strides[k]));
  });
  return offsets;
}

/** The flat position of a region and time's first cell (every other dimension at its first category). */
function baseOf(cube: JsonStatCube, region: JsonStatDimension, regionPosition: number, time: JsonStatDimension, timePosition: number): number {
  return regionPosition * cube.strides[cube.dimensions.indexOf(region)] + timePosition * cube.strides[cube.dimensions.indexOf(time)];
}

/**
 * The data year of each time code. The catalog's indicators are annual: a quarter or a
 * month ("2017K1", "2017M03") is refused, not counted as its year (where the last of
 * 2017K1…2017K4 would silently win).
 */
function annualYears(name: string, times: JsonStatDimension): number[] {
  return times.codes.map((t) => {
    if (!/^\d{4}$/.test(t)) {
      const [code, dim] = [quoteInput(t), quoteInput(times.id)];
      throw badInput({
        nb: `${name}: tidskoden «${code}» i dimensjon «${dim}» er ikke et årstall; indikatorene er årlige.`,
        en: `${name}: time code "${code}" in dimension "${dim}" is not a year; the indicators are annual.`,
      });
    }
    return Number(t);
  });
}

/**
 * Population derived from amount (1000 kr) ÷ kroner per inhabitant, when the cube has
 * both for the same cell: how KOSTRA's per-capita figures are defined. SSB rounds kroner
 * per inhabitant to whole kroner, so the population is read from the cell with the largest
 * amount (the smallest relative rounding error), and only when that amount is at least
 * 1 mill. kr; a smaller cell gives no population rather than a rough one.
 */
export function derivedPopulation(cube: JsonStatCube, region: string, time: string, regionDim: string, timeDim: string): number | null {
  const [regions, times] = [dimension(cube, regionDim), dimension(cube, timeDim)];
  const [r, t] = [regions?.position.get(region), times?.position.get(time)];
  const cells = populationCells(cube, regionDim, timeDim);
  if (cells === null || r === undefined || t === undefined) return null;
  return populationAt(cube, cells, baseOf(cube, regions!, r, times!, t))?.population ?? null;
}

/**
 * The pairs of cells the population is derived from, as flat offsets from a region and
 * time's first cell: the amount (KOSbelop0000) and the kroner per inhabitant
 * (KOSbelopinnbygge0000) of every combination of the other dimensions' categories. Null
 * when the cube has not both.
 */
function populationCells(cube: JsonStatCube, regionDim: string, timeDim: string): { amount: number; perCapita: number }[] | null {
  const k = cube.dimensions.findIndex((d) => d.id === "ContentsCode");
  const contents = cube.dimensions[k];
  const [amount, perCapita] = [contents?.position.get("KOSbelop0000"), contents?.position.get("KOSbelopinnbygge0000")];
  if (amount === undefined || perCapita === undefined) return null;
  let offsets = [0];
  cube.dimensions.forEach((d, j) => {
    if (d.id === regionDim || d.id === timeDim || j === k) return;
    offsets = offsets.flatMap((at) => d.codes.map((_, position) => at + position * cube.strides[j]));
  });
  return offsets.map((at) => ({ amount: at + amount * cube.strides[k], perCapita: at + perCapita * cube.strides[k] }));
}

function populationAt(cube: JsonStatCube, cells: readonly { amount: number; perCapita: number }[], base: number): { population: number; amount: number } | null {
  let best: { amount: number; perCapita: number } | null = null;
  for (const c of cells) {
    // NaN (a missing cell) and 0 give no population, as a sign that differs does.
    const [amount, perCapita] = [cube.values[base + c.amount], cube.values[base + c.perCapita]];
    if (!amount || !perCapita || Math.sign(amount) !== Math.sign(perCapita)) continue;
    if (best === null || Math.abs(amount) > Math.abs(best.amount)) best = { amount, perCapita };
  }
  if (best === null || Math.abs(best.amount) < 1000) return null;
  return { population: Math.round((best.amount * 1000) / best.perCapita), amount: Math.abs(best.amount) };
}

/**
 * Whether a cell of region `code` at SSB's time `time` is the figure of data year `year`
 * (they differ for a series dated at 1 January of the year after, `yearOffset`). KOSTRA
 * files each data year under the code valid then (isCodeValidInYear); SSB publishes
 * 1 January n+1 under the codes valid on that day, so a shifted cell is read when its code
 * was valid at its time, and is the data year's figure only when the municipality existed
 * in the data year with the same area (a merger or split on 1 January n+1 makes the cell
 * another municipality's figure: left out, never mixed in). `m` is the municipality of
 * `code`, which the caller has found valid at `time`.
 */
function cellServesYear(m: Municipality, code: string, time: number, year: number): { municipality: Municipality; code: string } | undefined {
  if (time === year) return { municipality: m, code };
  const then = codeForYear(m, year);
  if (then === undefined || !sameAreaBetween(m, year, time)) return undefined;
  return { municipality: m, code: then };
}

/** A series found in the cube, with where its summed cells lie and the data year each time code is read for (-1: none). */
interface SeriesCells extends Found {
  offsets: number[];
  dataYears: number[];
}

/**
 * The catalog's observations in a cube. With `provenance`, every observation carries it
 * (what a file import gives the engine). Every region code is resolved once, every series'
 * summed cells are located once, and each observation is made once, in its final shape.
 */
export function observationsFromCube(cube: JsonStatCube, name: string): CubeObservations;
export function observationsFromCube(cube: JsonStatCube, name: string, provenance: number): CubeObservations<Observation>;
export function observationsFromCube(cube: JsonStatCube, name: string, provenance?: number): CubeObservations {
  const catalogFound = INDICATORS.map((ind) => seriesIn(ind, cube)).filter((f): f is Found => f !== undefined);
  const companions = catalogFound
    .map((f) => amountIndicatorOf(f.ind))
    .map((a) => (a === null ? undefined : seriesIn(a, cube)))
    .filter((f): f is Found => f !== undefined);
  const found = [...catalogFound, ...companions];
  if (found.length === 0) {
    const what = cube.tableId ? `tabell ${cube.tableId}` : "datasettet";
    throw badInput({
      nb: `${name}: fant ingen kjente KOSTRA-indikatorer i ${what}. Sjekk at uttrekket har region, år og en av katalogens statistikkvariabler (f.eks. tabell 12362 med KOKfunksjon0000, KOKart0000 og ContentsCode).`,
      en: `${name}: no known KOSTRA indicators in ${cube.tableId ? `table ${cube.tableId}` : "the dataset"}. Check that it has region, year and one of the catalog's variables (e.g. table 12362 with KOKfunksjon0000, KOKart0000 and ContentsCode).`,
    });
  }
  const observations: ReadObservation[] = [];
  const unknownRegions = new Set<string>();
  let invalidForYear = 0;
  const populationAmounts = new Map<string, number>();
  const regionDim = found[0].ssb.regionDimension;
  const timeDim = found[0].ssb.timeDimension;
  // (Every series of one cube has the cube's region and time dimensions.)
  const regions = dimension(cube, regionDim)!;
  const times = dimension(cube, timeDim)!;
  const years = annualYears(name, times);
  const series: SeriesCells[] = found.map((f) => ({
    ...f,
    offsets: cellOffsets(f.ssb, cube),
    // The cell at time t is the figure of data year t − yearOffset, when that year reads this series.
    dataYears: years.map((time) => {
      const dataYear = dataYearOf(f.ssb, time);
      return selectorForYear(f.ind, dataYear) === f.ssb ? dataYear : -1;
    }),
  }));
  const population = found.some((f) => f.ind.id === POPULATION_INDICATOR) ? null : populationCells(cube, regionDim, timeDim);
  const { values } = cube;
  // Two region codes of one municipality valid in the same year would give it two figures.
  const read = new ObservationIndex<string>();
  const make = (indicator: string, municipality: string, year: number, code: string, value: number | null, status: string | undefined) =>
    provenance === undefined ? readObservation(indicator, municipality, year, code, value, status) : readObservation(indicator, municipality, year, code, value, status, provenance);
  const push = (o: ReadObservation) => {
    const earlier = read.add(o, o.code);
    if (earlier) {
      const details = duplicateDetails(o, earlier);
      const [code, other] = [quoteInput(o.code), quoteInput(earlier.place)];
      throw badInput({
        nb: `${name}: regionkoden «${code}» gir samme kommune, indikator og år som regionkoden «${other}»${details.nb}`,
        en: `${name}: region code "${code}" gives the same municipality, indicator and year as region code "${other}"${details.en}`,
      });
    }
    observations.push(o);
  };

  regions.codes.forEach((code, r) => {
    const m = resolveMunicipality(code);
    if (!m) {
      unknownRegions.add(code);
      return;
    }
    for (let ti = 0; ti < times.codes.length; ti++) {
      const year = years[ti];
      // Only the code the municipality had that year is its figure (isCodeValidInYear, the
      // rule every reader applies). Unlike a CSV row or an observations file, which state one
      // figure for one code and year and are refused when they break the rule, an SSB cube
      // is a grid: every code it lists gets a cell in every year it lists, and SSB answers
      // with codes of every period ("3024 Bærum (2020-2023)") for every year asked, filling
      // the years a code was not valid with "." or 0 ("For de årene da kommunenummeret ikke
      // var gyldig vil det enten stå en prikk eller null", research/domain.md §1.2). Those
      // cells are placeholders, not figures, so they are skipped (counted for the warning
      // a file import shows) rather than read or refused.
      if (!isCodeValidInYear(code, year)) {
        invalidForYear++;
        continue;
      }
      const base = baseOf(cube, regions, r, times, ti);
      for (const { ind, offsets, dataYears } of series) {
        const dataYear = dataYears[ti];
        if (dataYear < 0) continue;
        const serves = cellServesYear(m, code, year, dataYear);
        if (!serves) continue;
        let sum: number | null = 0;
        let status: string | undefined;
        for (const offset of offsets) {
          const flat = base + offset;
          const x = values[flat];
          if (Number.isNaN(x)) {
            sum = null;
            status = cube.statusAt(flat) ?? "..";
            break;
          }
          sum += x;
          status = status ?? cube.statusAt(flat);
        }
        push(make(ind.id, serves.municipality.id, dataYear, serves.code, sum, status));
      }
      const pop = population === null ? null : populationAt(cube, population, base);
      if (pop !== null) {
        push(make(POPULATION_INDICATOR, m.id, year, code, pop.population, undefined));
        populationAmounts.set(populationKey(m.id, year), pop.amount);
      }
    }
  });

  return { observations, indicators: [...new Set(found.map((f) => f.ind.id))], unknownRegions: [...unknownRegions], invalidForYear, populationAmounts };
}

/** Warnings for a file import: skipped regions and codes not valid in a year. */
export function cubeWarnings(name: string, result: CubeObservations): LocalizedText[] {
  const unknownRegions = result.unknownRegions;
  const invalidForYear = result.invalidForYear;
  const warnings: LocalizedText[] = [];
  if (unknownRegions.length > 0) {
    const list = unknownRegions.slice(0, 8).join(", ") + (unknownRegions.length > 8 ? " …" : "");
    warnings.push({
      nb: `${name}: ${unknownRegions.length} regioner er ikke kommuner produktet kjenner, og ble hoppet over: ${list}.`,
      en: `${name}: ${unknownRegions.length} regions are not municipalities the product knows and were skipped: ${list}.`,
    });
  }
  if (invalidForYear > 0) {
    warnings.push({
      nb: `${name}: ${invalidForYear} kombinasjoner av kommunenummer og år der nummeret ikke var gyldig, ble hoppet over.`,
      en: `${name}: ${invalidForYear} combinations of municipality code and year where the code was not valid were skipped.`,
    });
  }
  return warnings;
}
