/**
 * What the pane's first view needs: the templates' names and every municipality's name
 * with its code in the default year (the start manifest, computed at build time), the
 * networks, the SSB address rule and the remembered choice. A small chunk the page
 * preloads. The registry behind the names (code history, search, KOSTRA groups:
 * ./registryModules) loads after the first view has been painted, the catalog, the engine
 * and the sample (../domainModules) after that or when data is asked for.
 */
import { domain, domainLoaded } from "../domain";
import { START_MANIFEST, type MunicipalityName, type TemplateSummary } from "./startManifest";
import type { Sector } from "../../kostra/types";

export { NETWORKS } from "../../kostra/networks";
export { checkBaseUrl } from "../../sources/ssb/base-url";
export type { MunicipalityName, TemplateSummary } from "./startManifest";
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

/** The year the start names' codes are valid in (the default profile year). */
export const NAMES_YEAR: number = START_MANIFEST.names.year;

const namesById = new Map(START_MANIFEST.names.municipalities.map((m) => [m[0], m]));

/** The municipality with this stable id as the start manifest names it, or undefined when the registry has none. */
export function municipalityName(id: string): MunicipalityName | undefined {
  return namesById.get(id);
}

/** Every municipality of the registry as the start manifest names it, in registry order. */
export const MUNICIPALITY_NAMES: readonly MunicipalityName[] = START_MANIFEST.names.municipalities;
