/**
 * The start manifest: what the pane's first view shows of the catalog and the registry —
 * the templates' names, sectors, default network and comparison municipalities, and every
 * municipality's name with its code in the default year — without what stands behind them
 * (the indicator definitions; the code history, search and KOSTRA groups of the registry).
 *
 * In tests and the CLI this module computes the manifest from the catalog and the
 * registry. In the pane's bundle webpack replaces it by its own result, computed at build
 * time (scripts/start-manifest-loader.js), so neither is part of the first view.
 */
import { SECTORS, SECTOR_TEMPLATES } from "../../kostra/catalog";
import { AGGREGATES, codeForYear, MUNICIPALITIES } from "../../kostra/municipalities";
import type { Municipality, Sector, SectorTemplate } from "../../kostra/types";
import { DEFAULT_YEAR } from "./defaultYear";

/** What the template picker and the form need of a template before the catalog has loaded. */
export type TemplateSummary = Pick<SectorTemplate, "id" | "label" | "sector" | "defaultComparisons" | "network">;

/** A municipality as the first view shows it: stable id, name, and its code in the manifest's year ("" when it did not exist then). */
export type MunicipalityName = [id: string, name: string, code: string];

/** The registry as far as the first view shows it and the remembered choice is checked against it. */
export interface StartNames {
  /** The year the codes are valid in: the pane's default profile year. */
  year: number;
  /**
   * Every municipality in the registry (also those merged away or founded later, so a
   * remembered one has its name), in Norwegian alphabetical order: the pickers' order, so
   * the first view shows them as they come (state/municipalityOptions.ts: startOptions).
   */
  municipalities: MunicipalityName[];
  /** The KOSTRA groups' ids ("ekg07"), without their names or members. */
  kostraGroups: string[];
}

export interface StartManifest {
  sectors: Sector[];
  templates: TemplateSummary[];
  names: StartNames;
}

function summary(t: SectorTemplate): TemplateSummary {
  return { id: t.id, label: t.label, ...(t.sector === undefined ? {} : { sector: t.sector }), defaultComparisons: [...t.defaultComparisons], network: t.network };
}

const named = (m: Municipality, year: number): MunicipalityName => [m.id, m.name, codeForYear(m, year) ?? ""];

/** The collation the municipality pickers sort by (state/municipalityOptions.ts); used at build time, not in the browser. */
const BY_NAME = new Intl.Collator("nb");

export const START_MANIFEST: StartManifest = {
  sectors: SECTORS.map((s) => ({ id: s.id, label: s.label })),
  templates: SECTOR_TEMPLATES.map(summary),
  names: {
    year: DEFAULT_YEAR,
    municipalities: MUNICIPALITIES.map((m) => named(m, DEFAULT_YEAR)).sort((a, b) => BY_NAME.compare(a[1], b[1])),
    kostraGroups: AGGREGATES.filter((a) => a.id.startsWith("ekg")).map((a) => a.id),
  },
};
