/**
 * The indicator catalog and the sector templates, read from the data files beside
 * this module and checked once at load so a broken catalog fails loudly.
 */
import indicatorData from "./catalog/indicators.json";
import templateData from "./catalog/templates.json";
import type { Indicator, SectorTemplate } from "./types";

function checkCatalog(indicators: Indicator[], templates: SectorTemplate[]): void {
  const ids = new Set<string>();
  for (const ind of indicators) {
    if (ids.has(ind.id)) throw new Error(`Indicator catalog: duplicate id ${ind.id}`);
    ids.add(ind.id);
    if (!ind.label.nb || !ind.label.en) throw new Error(`Indicator catalog: ${ind.id} lacks a label`);
    for (const [dim, codes] of Object.entries(ind.ssb.select)) {
      const summed = ind.ssb.sum?.includes(dim) ?? false;
      if (codes.length === 0 || (!summed && codes.length !== 1))
        throw new Error(`Indicator catalog: ${ind.id} must select exactly one code of ${dim} unless it is summed`);
    }
  }
  for (const t of templates) {
    for (const id of t.indicators)
      if (!ids.has(id)) throw new Error(`Sector template ${t.id}: unknown indicator ${id}`);
  }
}

export const INDICATORS: readonly Indicator[] = indicatorData.indicators as Indicator[];
export const SECTOR_TEMPLATES: readonly SectorTemplate[] = templateData.templates as SectorTemplate[];
checkCatalog([...INDICATORS], [...SECTOR_TEMPLATES]);

/** The indicator that carries population, used as weight in weighted averages. */
export const POPULATION_INDICATOR = "folkemengde";

const indicatorById = new Map(INDICATORS.map((i) => [i.id, i]));

export function indicatorFor(id: string): Indicator | undefined {
  return indicatorById.get(id);
}

export function templateById(id: string): SectorTemplate | undefined {
  return SECTOR_TEMPLATES.find((t) => t.id === id);
}

/** The template's indicators in display order. */
export function templateIndicators(t: SectorTemplate): Indicator[] {
  return t.indicators.map((id) => indicatorById.get(id) as Indicator);
}
