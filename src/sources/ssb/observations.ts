/**
 * Turns an SSB JSON-stat cube into observations of the catalog's indicators.
 *
 * An indicator matches a cube when the cube is its table (or, for an indicator whose
 * table is not confirmed, when the cube holds every code its selector names). A per-capita
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
import { isCodeValidInYear, resolveMunicipality } from "../../kostra/municipalities";
import { quoteInput } from "../../kostra/safe-text";
import type { Indicator, LocalizedText, Observation } from "../../kostra/types";
import { duplicateDetails, ObservationIndex } from "../conflicts";
import { cell, type JsonStatCube, type JsonStatDimension } from "./jsonstat";

export interface CubeObservations {
  observations: Omit<Observation, "provenance">[];
  /** Indicator ids found in the cube. */
  indicators: string[];
  /** Region codes that are not municipalities the product knows (e.g. EAK, other municipalities). */
  unknownRegions: string[];
  /** Cells skipped because the region code was not valid in that year. */
  invalidForYear: number;
}

function dimension(cube: JsonStatCube, id: string): JsonStatDimension | undefined {
  return cube.dimensions.find((d) => d.id === id);
}

function matches(ind: Indicator, cube: JsonStatCube): boolean {
  const { ssb } = ind;
  // A ratio is computed from its series, never read from a table.
  if (!ssb) return false;
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

/** All combinations of the selector's codes: one entry per summed cell. */
function selections(ind: Indicator, cube: JsonStatCube): Record<string, string>[] {
  const ssb = ind.ssb!;
  let combos: Record<string, string>[] = [{}];
  for (const d of cube.dimensions) {
    if (d.id === ssb.regionDimension || d.id === ssb.timeDimension) continue;
    const codes = ssb.select[d.id] ?? [d.codes[0]];
    combos = combos.flatMap((c) => codes.map((code) => ({ ...c, [d.id]: code })));
  }
  return combos;
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
 * both for the same cell: how KOSTRA's per-capita figures are defined.
 */
function derivedPopulation(cube: JsonStatCube, region: string, time: string, regionDim: string, timeDim: string): number | null {
  const contents = dimension(cube, "ContentsCode");
  if (!contents?.position.has("KOSbelop0000") || !contents.position.has("KOSbelopinnbygge0000")) return null;
  const others = cube.dimensions.filter((d) => d.id !== regionDim && d.id !== timeDim && d.id !== "ContentsCode");
  let combos: Record<string, string>[] = [{ [regionDim]: region, [timeDim]: time }];
  for (const d of others) combos = combos.flatMap((c) => d.codes.map((code) => ({ ...c, [d.id]: code })));
  for (const c of combos) {
    const amount = cell(cube, { ...c, ContentsCode: "KOSbelop0000" })?.value;
    const perCapita = cell(cube, { ...c, ContentsCode: "KOSbelopinnbygge0000" })?.value;
    if (amount && perCapita && Math.abs(amount) >= 1000) return Math.round((amount * 1000) / perCapita);
  }
  return null;
}

export function observationsFromCube(cube: JsonStatCube, name: string): CubeObservations {
  const catalogFound = INDICATORS.filter((ind) => matches(ind, cube));
  const companions = catalogFound.map(amountIndicatorOf).filter((a): a is Indicator => a !== null && matches(a, cube));
  const found = [...catalogFound, ...companions];
  if (found.length === 0) {
    const what = cube.tableId ? `tabell ${cube.tableId}` : "datasettet";
    throw badInput({
      nb: `${name}: fant ingen kjente KOSTRA-indikatorer i ${what}. Sjekk at uttrekket har region, år og en av katalogens statistikkvariabler (f.eks. tabell 12362 med KOKfunksjon0000, KOKart0000 og ContentsCode).`,
      en: `${name}: no known KOSTRA indicators in ${cube.tableId ? `table ${cube.tableId}` : "the dataset"}. Check that it has region, year and one of the catalog's variables (e.g. table 12362 with KOKfunksjon0000, KOKart0000 and ContentsCode).`,
    });
  }
  const observations: CubeObservations["observations"] = [];
  const unknownRegions = new Set<string>();
  let invalidForYear = 0;
  const regionDim = found[0].ssb!.regionDimension;
  const timeDim = found[0].ssb!.timeDimension;
  const regions = dimension(cube, regionDim)!;
  const times = dimension(cube, timeDim)!;
  const years = annualYears(name, times);
  // Two region codes of one municipality valid in the same year would give it two figures.
  const read = new ObservationIndex<string>();
  const push = (o: CubeObservations["observations"][number]) => {
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

  for (const code of regions.codes) {
    const m = resolveMunicipality(code);
    if (!m) {
      unknownRegions.add(code);
      continue;
    }
    for (let ti = 0; ti < times.codes.length; ti++) {
      const t = times.codes[ti];
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
      for (const ind of found) {
        let sum: number | null = 0;
        let status: string | undefined;
        for (const sel of selections(ind, cube)) {
          const c = cell(cube, { ...sel, [regionDim]: code, [timeDim]: t });
          if (!c || c.value === null) {
            sum = null;
            status = c?.status ?? "..";
            break;
          }
          sum += c.value;
          status = status ?? c.status;
        }
        push({ indicator: ind.id, municipality: m.id, year, code, value: sum, ...(status ? { status } : {}) });
      }
      if (!found.some((i) => i.id === POPULATION_INDICATOR)) {
        const pop = derivedPopulation(cube, code, t, regionDim, timeDim);
        if (pop !== null) push({ indicator: POPULATION_INDICATOR, municipality: m.id, year, code, value: pop });
      }
    }
  }

  return { observations, indicators: found.map((i) => i.id), unknownRegions: [...unknownRegions], invalidForYear };
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
