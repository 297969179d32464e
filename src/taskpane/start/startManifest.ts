/**
 * The start manifest: what the pane's first view shows of the catalog — the templates'
 * names, sectors, default network and comparison municipalities — without the indicator
 * definitions behind them (the catalog is a third of the pane's domain data).
 *
 * In tests and the CLI this module computes the manifest from the catalog. In the pane's
 * bundle webpack replaces it by its own result, computed at build time
 * (scripts/start-manifest-loader.js), so the catalog is not part of the first view.
 */
import { SECTORS, SECTOR_TEMPLATES } from "../../kostra/catalog";
import type { Sector, SectorTemplate } from "../../kostra/types";

/** What the template picker and the form need of a template before the catalog has loaded. */
export type TemplateSummary = Pick<SectorTemplate, "id" | "label" | "sector" | "defaultComparisons" | "network">;

export interface StartManifest {
  sectors: Sector[];
  templates: TemplateSummary[];
}

function summary(t: SectorTemplate): TemplateSummary {
  return { id: t.id, label: t.label, ...(t.sector === undefined ? {} : { sector: t.sector }), defaultComparisons: [...t.defaultComparisons], network: t.network };
}

export const START_MANIFEST: StartManifest = {
  sectors: SECTORS.map((s) => ({ id: s.id, label: s.label })),
  templates: SECTOR_TEMPLATES.map(summary),
};
