/**
 * The product's own data file: observations with their provenance, as `kostra fetch`
 * writes them and `kostra profile --input` (and the pane's file import) reads them.
 * Keeps SSB's status symbols, the query behind every number and when it was fetched.
 *
 * Optional `kostraGroups` (added in the same version 1, so older files stay readable and
 * older readers ignore it): SSB's KOSTRA group membership per data year as `kostra fetch`
 * read it from Klass — `[{ year, date, source, url?, fetchedAt?, groups: { municipality
 * id: "ekg07", … } }]` — so `--base kostragruppe` works for any municipality from the file.
 */
import { amountIndicatorFor, indicatorFor } from "../kostra/catalog";
import { badInput } from "../kostra/errors";
import { isCodeValidInYear, resolveMunicipality } from "../kostra/municipalities";
import type { Dataset, LocalizedText, Observation, Provenance } from "../kostra/types";

export const OBSERVATIONS_FORMAT = "kostra-benchmark/observations";
export const OBSERVATIONS_VERSION = 1;

export interface ObservationsFile {
  format: typeof OBSERVATIONS_FORMAT;
  version: number;
  createdAt: string;
  /** What was asked for and what could not be loaded, for the record. */
  request?: unknown;
  missing?: { indicator: string; years: number[]; reason: LocalizedText }[];
  provenance: Provenance[];
  observations: Observation[];
  kostraGroups?: KostraGroupsRecord[];
}

/** One data year's KOSTRA group membership as written to the file. */
export interface KostraGroupsRecord {
  year: number;
  /** The date SSB's Klass was asked for ("2021-01-01"). */
  date?: string;
  /** "SSB Klass 131→112, 2021-01-01" */
  source: string;
  url?: string;
  fetchedAt?: string;
  /** Municipality id → group id ("ekg07"). */
  groups: Record<string, string>;
}

export function isObservationsFile(json: unknown): boolean {
  return typeof json === "object" && json !== null && (json as { format?: unknown }).format === OBSERVATIONS_FORMAT;
}

export function writeObservationsFile(
  dataset: Dataset,
  extra: { createdAt: Date; request?: unknown; missing?: ObservationsFile["missing"]; kostraGroups?: KostraGroupsRecord[] },
): string {
  const file: ObservationsFile = {
    format: OBSERVATIONS_FORMAT,
    version: OBSERVATIONS_VERSION,
    createdAt: extra.createdAt.toISOString(),
    ...(extra.request !== undefined ? { request: extra.request } : {}),
    ...(extra.missing?.length ? { missing: extra.missing } : {}),
    provenance: dataset.provenance,
    observations: dataset.observations,
    ...(extra.kostraGroups?.length ? { kostraGroups: extra.kostraGroups } : {}),
  };
  return JSON.stringify(file, null, 1) + "\n";
}

/** Read and check a parsed observations file. Throws a KostraError naming the first problem. */
export function readObservationsFile(json: unknown, name: string): Dataset {
  const f = json as Partial<ObservationsFile>;
  const fail = (nb: string, en: string): never => {
    throw badInput({ nb: `${name}: ${nb}`, en: `${name}: ${en}` });
  };
  if (f.version !== OBSERVATIONS_VERSION) fail(`ukjent versjon ${String(f.version)} (forventet ${OBSERVATIONS_VERSION}).`, `unknown version ${String(f.version)} (expected ${OBSERVATIONS_VERSION}).`);
  if (!Array.isArray(f.provenance) || !Array.isArray(f.observations)) fail("mangler «provenance» eller «observations».", 'missing "provenance" or "observations".');
  const provenance = f.provenance as Provenance[];
  const observations = (f.observations as unknown[]).map((x, i): Observation => {
    const o = x as Partial<Observation>;
    const where = `observasjon nr. ${i + 1}`;
    const whereEn = `observation ${i + 1}`;
    // A per-capita figure's amount ("kunstformidling:belop") is kept too: merged municipalities' back series need it.
    if (typeof o.indicator !== "string" || !(indicatorFor(o.indicator) ?? amountIndicatorFor(o.indicator))) fail(`${where}: ukjent indikator «${String(o.indicator)}».`, `${whereEn}: unknown indicator "${String(o.indicator)}".`);
    if (typeof o.municipality !== "string" || resolveMunicipality(o.municipality)?.id !== o.municipality) fail(`${where}: ukjent kommune «${String(o.municipality)}».`, `${whereEn}: unknown municipality "${String(o.municipality)}".`);
    if (typeof o.year !== "number" || !Number.isInteger(o.year)) fail(`${where}: ugyldig år.`, `${whereEn}: invalid year.`);
    if (typeof o.code !== "string" || !isCodeValidInYear(o.code, o.year as number)) fail(`${where}: kommunenummer «${String(o.code)}» gjelder ikke for ${String(o.year)}.`, `${whereEn}: code "${String(o.code)}" is not valid in ${String(o.year)}.`);
    if (!(o.value === null || (typeof o.value === "number" && Number.isFinite(o.value)))) fail(`${where}: verdien er ikke et tall.`, `${whereEn}: the value is not a number.`);
    if (typeof o.provenance !== "number" || provenance[o.provenance] === undefined) fail(`${where}: viser til ukjent kilde.`, `${whereEn}: refers to an unknown source.`);
    return {
      indicator: o.indicator as string,
      municipality: o.municipality as string,
      year: o.year as number,
      code: o.code as string,
      value: o.value as number | null,
      ...(typeof o.status === "string" ? { status: o.status } : {}),
      provenance: o.provenance as number,
    };
  });
  return { observations, provenance };
}

/**
 * The KOSTRA group membership an observations file carries (none for older files).
 * Throws a KostraError naming the first entry that is not a year with municipality ids
 * mapped to KOSTRA groups.
 */
export function readObservationsKostraGroups(json: unknown, name: string): KostraGroupsRecord[] {
  const list = (json as Partial<ObservationsFile> | null)?.kostraGroups;
  if (list === undefined) return [];
  const fail = (nb: string, en: string): never => {
    throw badInput({ nb: `${name}: «kostraGroups»: ${nb}`, en: `${name}: "kostraGroups": ${en}` });
  };
  if (!Array.isArray(list)) fail("er ikke en liste.", "is not a list.");
  return (list as unknown[]).map((x, i): KostraGroupsRecord => {
    const r = (x ?? {}) as Partial<KostraGroupsRecord>;
    const where = `nr. ${i + 1}`;
    if (typeof r.year !== "number" || !Number.isInteger(r.year)) fail(`${where}: ugyldig år.`, `entry ${i + 1}: invalid year.`);
    if (typeof r.groups !== "object" || r.groups === null || Array.isArray(r.groups)) fail(`${where}: mangler «groups».`, `entry ${i + 1}: missing "groups".`);
    const groups: Record<string, string> = {};
    for (const [id, group] of Object.entries(r.groups as Record<string, unknown>)) {
      const m = resolveMunicipality(id);
      if (!m || m.id !== id || m.kind === "aggregate") fail(`${where}: ukjent kommune «${id}».`, `entry ${i + 1}: unknown municipality "${id}".`);
      if (typeof group !== "string" || !/^ekg\d{2}$/.test(group)) fail(`${where}: «${String(group)}» er ikke en KOSTRA-gruppe.`, `entry ${i + 1}: "${String(group)}" is not a KOSTRA group.`);
      groups[id] = group as string;
    }
    const str = (v: unknown) => (typeof v === "string" ? v : undefined);
    return {
      year: r.year as number,
      ...(str(r.date) ? { date: str(r.date) } : {}),
      source: str(r.source) ?? name,
      ...(str(r.url) ? { url: str(r.url) } : {}),
      ...(str(r.fetchedAt) ? { fetchedAt: str(r.fetchedAt) } : {}),
      groups,
    };
  });
}
