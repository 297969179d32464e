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
import { codeForYear, resolveMunicipality } from "../kostra/municipalities";
import { quoteInput } from "../kostra/safe-text";
import { parseInput } from "../kostra/schema";
import type { Dataset, LocalizedText, Municipality, Observation, Provenance } from "../kostra/types";
import { duplicateDetails, ObservationIndex } from "./conflicts";
import { codeMismatch } from "./region-codes";
import { isPlainObject } from "./schemas/common";
import { OBSERVATIONS_FILE, OBSERVATIONS_FORMAT, OBSERVATIONS_VERSION, type ObservationsFileInput } from "./schemas/observations-file";

export { OBSERVATIONS_FORMAT, OBSERVATIONS_VERSION };

export interface ObservationsFile {
  format: typeof OBSERVATIONS_FORMAT;
  version: number;
  createdAt: string;
  /** What was asked for, for the record (not read back). */
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
  return isPlainObject(json) && json.format === OBSERVATIONS_FORMAT;
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
  return fileText(file);
}

/**
 * The file's JSON: the header indented for reading, and each observation on one line of
 * its own — a whole-country fetch (13 templates × 10 years, every municipality) then stays
 * well under the 100 MB a file may have to be read back (MAX_FILE_BYTES), and a diff of
 * two fetches shows one changed line per changed figure.
 */
function fileText(file: ObservationsFile): string {
  const lines = Object.entries(file).map(([key, value]) => {
    const body = key === "observations" ? observationLines(value as Observation[]) : JSON.stringify(value, null, 1).replace(/\n/g, "\n ");
    return ` ${JSON.stringify(key)}: ${body}`;
  });
  return `{\n${lines.join(",\n")}\n}\n`;
}

function observationLines(observations: readonly Observation[]): string {
  return observations.length === 0 ? "[]" : `[\n${observations.map((o) => `  ${JSON.stringify(o)}`).join(",\n")}\n ]`;
}

/** What an observations file holds, typed. */
export interface ObservationsFileContent {
  dataset: Dataset;
  kostraGroups: KostraGroupsRecord[];
}

/**
 * Read a parsed observations file: the schema types every field (OBSERVATIONS_FILE), then
 * each observation must be of a catalog indicator and a known municipality, under the code
 * that municipality had in its year (region-codes.ts), refer to a provenance entry, and be
 * the only one of its indicator, municipality and year. Throws a KostraError ("bad-input")
 * naming the file, the field and the value, on one line.
 */
export function readObservationsFile(json: unknown, name: string): ObservationsFileContent {
  const f = parseInput(OBSERVATIONS_FILE, json, name);
  const fail = (place: string, nb: string, en: string): never => {
    throw badInput({ nb: `${name}: «${place}»${nb}`, en: `${name}: "${place}"${en}` });
  };
  const read = new ObservationIndex<number>();
  // A file repeats a few hundred municipality ids on every line: each is resolved once.
  const municipalities = new Map<string, Municipality | undefined>();
  const municipalityOf = (id: string) => {
    if (!municipalities.has(id)) municipalities.set(id, resolveMunicipality(id));
    return municipalities.get(id);
  };
  f.observations.forEach((o, i) => {
    const at = `observations[${i}]`;
    // A per-capita figure's amount ("kunstformidling:belop") is kept too: merged municipalities' back series need it.
    if (!(indicatorFor(o.indicator) ?? amountIndicatorFor(o.indicator)))
      fail(`${at}.indicator`, `: ukjent indikator «${quoteInput(o.indicator)}».`, `: unknown indicator "${quoteInput(o.indicator)}".`);
    const m = municipalityOf(o.municipality);
    if (!m || m.id !== o.municipality)
      return fail(`${at}.municipality`, `: ukjent kommune «${quoteInput(o.municipality)}».`, `: unknown municipality "${quoteInput(o.municipality)}".`);
    // The message is only made for a code that is not the one of its year.
    const wrongCode = codeForYear(m, o.year) === o.code ? undefined : codeMismatch(m, o.code, o.year, quoteInput(o.code));
    if (wrongCode) fail(`${at}.code`, `: ${wrongCode.nb}.`, `: ${wrongCode.en}.`);
    if (o.provenance >= f.provenance.length)
      fail(`${at}.provenance`, `: viser til kilde nr. ${o.provenance}, som ikke finnes.`, `: refers to source ${o.provenance}, which does not exist.`);
    const earlier = read.add(o, i);
    if (earlier) {
      const details = duplicateDetails(o, earlier);
      fail(at, ` gjelder samme kommune, indikator og år som «observations[${earlier.place}]»${details.nb}`, ` is for the same municipality, indicator and year as "observations[${earlier.place}]"${details.en}`);
    }
  });
  return { dataset: { observations: f.observations, provenance: f.provenance }, kostraGroups: kostraGroupsOf(f, name) };
}

/**
 * The KOSTRA group membership an observations file carries (none for older files): at
 * most one list per year, every key a municipality (not an aggregate) the product knows.
 */
function kostraGroupsOf(f: ObservationsFileInput, name: string): KostraGroupsRecord[] {
  const yearAt = new Map<number, number>();
  return (f.kostraGroups ?? []).map((r, i) => {
    // Two lists for one year: which is SSB's cannot be told, and the later would silently win.
    const earlier = yearAt.get(r.year);
    if (earlier !== undefined)
      throw badInput({
        nb: `${name}: «kostraGroups[${i}].year»: ${r.year} står også i «kostraGroups[${earlier}]»; en fil har én KOSTRA-gruppering per år.`,
        en: `${name}: "kostraGroups[${i}].year": ${r.year} is also in "kostraGroups[${earlier}]"; a file has one KOSTRA grouping per year.`,
      });
    yearAt.set(r.year, i);
    for (const id of Object.keys(r.groups)) {
      const m = resolveMunicipality(id);
      if (!m || m.id !== id || m.kind === "aggregate")
        throw badInput({
          nb: `${name}: «kostraGroups[${i}].groups»: ukjent kommune «${quoteInput(id)}».`,
          en: `${name}: "kostraGroups[${i}].groups": unknown municipality "${quoteInput(id)}".`,
        });
    }
    return { ...r, source: r.source ?? name };
  });
}
