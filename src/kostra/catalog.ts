/**
 * The indicator catalog and the sector templates, read from the data files beside
 * this module (one file per sector, plus the shared indicators) and checked once at
 * load so a broken catalog fails loudly. The full shape is also checked against
 * `catalog/catalog.schema.json` by the test suite.
 */
import common from "./catalog/common.json";
import planMiljoKultur from "./catalog/sectors/plan-miljo-kultur.json";
import tekniskeTjenester from "./catalog/sectors/tekniske-tjenester.json";
import barnehage from "./catalog/sectors/barnehage.json";
import grunnskole from "./catalog/sectors/grunnskole.json";
import barnevern from "./catalog/sectors/barnevern.json";
import pleieOmsorg from "./catalog/sectors/pleie-omsorg.json";
import kommunehelse from "./catalog/sectors/kommunehelse.json";
import sosialeTjenester from "./catalog/sectors/sosiale-tjenester.json";
import eiendomsforvaltning from "./catalog/sectors/eiendomsforvaltning.json";
import samferdsel from "./catalog/sectors/samferdsel.json";
import vannAvlopRenovasjon from "./catalog/sectors/var.json";
import type { Indicator, Sector, SectorTemplate } from "./types";

/** One sector file: the sector, its indicators and its profile templates. */
export interface SectorFile {
  sector: Sector;
  indicators: Indicator[];
  templates: SectorTemplate[];
}

/** Every sector file, in the order sectors are listed to users. */
export const SECTOR_FILES: readonly SectorFile[] = [
  planMiljoKultur, tekniskeTjenester, barnehage, grunnskole, barnevern, pleieOmsorg, kommunehelse, sosialeTjenester, eiendomsforvaltning, samferdsel, vannAvlopRenovasjon,
] as unknown as SectorFile[];

/** The indicator that carries population, used as weight in weighted averages. */
export const POPULATION_INDICATOR = "folkemengde";

/** The indicator id that weights `indicator` in a weighted average, or null when it is never weighted. */
export function weightIndicatorOf(indicator: Indicator): string | null {
  const w = indicator.weight;
  if (w === "none") return null;
  return w === "population" ? POPULATION_INDICATOR : w.indicator;
}

/**
 * Problems with a set of indicators and templates (duplicate ids, unknown references,
 * selectors that don't pick exactly one code per dimension). Empty when sound.
 * Also used for templates a user builds or imports.
 */
export function catalogProblems(indicators: readonly Indicator[], templates: readonly SectorTemplate[]): string[] {
  const problems: string[] = [];
  const byId = new Map<string, Indicator>();
  for (const ind of indicators) {
    if (byId.has(ind.id)) problems.push(`duplicate indicator id ${ind.id}`);
    byId.set(ind.id, ind);
  }
  for (const ind of indicators) {
    if (!ind.label?.nb || !ind.label?.en) problems.push(`${ind.id} lacks a label`);
    for (const [dim, codes] of Object.entries(ind.ssb.select)) {
      const summed = ind.ssb.sum?.includes(dim) ?? false;
      if (codes.length === 0 || (!summed && codes.length !== 1))
        problems.push(`${ind.id} must select exactly one code of ${dim} unless it is summed`);
      if (summed && codes.length < 2) problems.push(`${ind.id} sums ${dim} but selects fewer than two codes`);
    }
    for (const dim of ind.ssb.sum ?? [])
      if (!(dim in ind.ssb.select)) problems.push(`${ind.id} sums ${dim}, which it does not select`);
    const weightId = weightIndicatorOf(ind);
    if (weightId !== null) {
      const w = byId.get(weightId);
      if (!w) problems.push(`${ind.id} is weighted by unknown indicator ${weightId}`);
      else if (w.measure !== "count") problems.push(`${ind.id} is weighted by ${weightId}, which is not a count`);
    }
    if (ind.weight === "none" && ind.defaultAverage === "weighted")
      problems.push(`${ind.id} has no weight but a weighted default average`);
    if (ind.amount && ind.measure !== "per-capita") problems.push(`${ind.id} has an amount but is not a per-capita figure`);
    if (ind.amount) {
      for (const dim of Object.keys(ind.amount.select))
        if (!(dim in ind.ssb.select)) problems.push(`${ind.id}: amount replaces ${dim}, which the selector does not select`);
    }
  }
  const templateIds = new Set<string>();
  for (const t of templates) {
    if (templateIds.has(t.id)) problems.push(`duplicate template id ${t.id}`);
    templateIds.add(t.id);
    if (t.indicators.length === 0) problems.push(`template ${t.id} has no indicators`);
    if (new Set(t.indicators).size !== t.indicators.length) problems.push(`template ${t.id} lists an indicator twice`);
    for (const id of t.indicators) if (!byId.has(id)) problems.push(`template ${t.id}: unknown indicator ${id}`);
    for (const g of t.groups ?? [])
      if (!t.indicators.includes(g.from)) problems.push(`template ${t.id}: group starts at ${g.from}, not in the template`);
  }
  return problems;
}

function assemble(files: readonly SectorFile[], shared: readonly Indicator[]): { indicators: Indicator[]; templates: SectorTemplate[] } {
  const indicators: Indicator[] = [...shared];
  const templates: SectorTemplate[] = [];
  const problems: string[] = [];
  for (const f of files) {
    for (const ind of f.indicators) {
      if (ind.sector !== undefined && ind.sector !== f.sector.id)
        problems.push(`${ind.id} says sector ${ind.sector} but is in the file of ${f.sector.id}`);
      indicators.push({ ...ind, sector: f.sector.id });
    }
    for (const t of f.templates) {
      if (t.sector !== undefined && t.sector !== f.sector.id)
        problems.push(`template ${t.id} says sector ${t.sector} but is in the file of ${f.sector.id}`);
      templates.push({ ...t, sector: f.sector.id });
    }
  }
  problems.push(...catalogProblems(indicators, templates));
  if (problems.length > 0) throw new Error(`Indicator catalog: ${problems.join("; ")}`);
  return { indicators, templates };
}

const assembled = assemble(SECTOR_FILES, (common as unknown as { indicators: Indicator[] }).indicators);

export const INDICATORS: readonly Indicator[] = assembled.indicators;
export const SECTOR_TEMPLATES: readonly SectorTemplate[] = assembled.templates;
export const SECTORS: readonly Sector[] = SECTOR_FILES.map((f) => f.sector);

const indicatorById = new Map(INDICATORS.map((i) => [i.id, i]));

export function indicatorFor(id: string): Indicator | undefined {
  return indicatorById.get(id);
}

export function templateById(id: string): SectorTemplate | undefined {
  return SECTOR_TEMPLATES.find((t) => t.id === id);
}

/** The sector's profile templates, in catalog order. */
export function templatesOfSector(id: string): SectorTemplate[] {
  return SECTOR_TEMPLATES.filter((t) => t.sector === id);
}

/** The template's indicators in display order. */
export function templateIndicators(t: SectorTemplate): Indicator[] {
  return t.indicators.map((id) => indicatorById.get(id) as Indicator);
}

/** Indicator ids that weight the given indicators (population, counts), without duplicates. */
export function weightIndicators(indicators: readonly Indicator[]): Indicator[] {
  const ids = new Set<string>();
  for (const ind of indicators) {
    const w = weightIndicatorOf(ind);
    if (w !== null) ids.add(w);
  }
  return [...ids].map((id) => indicatorById.get(id)).filter((i): i is Indicator => i !== undefined);
}
