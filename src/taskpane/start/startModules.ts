/**
 * What the pane's first view needs: the municipality registry (names, codes, KOSTRA
 * groups, search), the networks, the SSB address rule and the templates' names from the
 * start manifest. A small chunk the page preloads; the catalog, the engine and the sample
 * (./domainModules) load once the first view is up, or when data is asked for.
 */
import { domain, domainLoaded } from "../domain";
import { START_MANIFEST, type TemplateSummary } from "./startManifest";
import type { Sector } from "../../kostra/types";

export { AGGREGATES, aggregateLabel, codeForYear, kostraGroupMembers, kostraGroupOf, lookUpRegion, MUNICIPALITIES, municipalityById, searchMunicipalities } from "../../kostra/municipalities";
export { didYouMean } from "../../kostra/municipality-errors";
export { NETWORKS } from "../../kostra/networks";
export { checkBaseUrl } from "../../sources/ssb/base-url";
export type { TemplateSummary } from "./startManifest";
export { CHOICE_KEY, choiceToRemember, rememberedChoice } from "../state/rememberedChoice";

/** The sectors, in catalog order. */
export const SECTORS: readonly Sector[] = START_MANIFEST.sectors;

/** The templates: the catalog's once it has loaded (with the user's own), the start manifest's before. */
export function templates(): readonly TemplateSummary[] {
  return domainLoaded() ? domain().SECTOR_TEMPLATES : START_MANIFEST.templates;
}

export function templateSummary(id: string): TemplateSummary | undefined {
  return templates().find((t) => t.id === id);
}

/** Whether the template is one the user built (only the catalog knows those, so none before it has loaded). */
export function isUserTemplate(id: string): boolean {
  return domainLoaded() && domain().isUserTemplate(id);
}
