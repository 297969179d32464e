/**
 * The CLI's own lines (progress, warnings, results, the hint after a usage error) in nb
 * and en: one typed catalogue, so `--lang en` reaches every line the command writes.
 * Messages from the engine and from SSB come as LocalizedText already.
 */
import type { LocalizedText } from "../kostra/types";

export const CLI_TEXT = {
  warning: (text: string): LocalizedText => ({ nb: `advarsel: ${text}`, en: `warning: ${text}` }),
  missing: (text: string): LocalizedText => ({ nb: `mangler: ${text}`, en: `missing: ${text}` }),
  fetchingGroups: (years: readonly number[]): LocalizedText => ({
    nb: `Henter KOSTRA-grupperingen fra SSB (Klass): ${years.join(", ")}`,
    en: `Fetching the KOSTRA grouping from SSB (Klass): ${years.join(", ")}`,
  }),
  groupsFromCache: (year: number, fetchedAt: string): LocalizedText => ({
    nb: `KOSTRA-gruppering ${year}: fra hurtigbuffer, hentet ${fetchedAt}`,
    en: `KOSTRA grouping ${year}: from the cache, fetched ${fetchedAt}`,
  }),
  ownGroupUnknown: (name: string, year: number): LocalizedText => ({
    nb: `KOSTRA-gruppen til ${name} i ${year} er ukjent; bruk --base ekgNN`,
    en: `${name}'s KOSTRA group in ${year} is unknown; use --base ekgNN`,
  }),
  tableFromCache: (table: string, fetchedAt: string): LocalizedText => ({
    nb: `tabell ${table}: fra hurtigbuffer, hentet ${fetchedAt}`,
    en: `table ${table}: from the cache, fetched ${fetchedAt}`,
  }),
  incomplete: (missing: number): LocalizedText => ({
    nb: `hentingen ble ikke fullstendig (${missing} indikatorer mangler); ingen fil skrevet. Bruk --allow-partial for å skrive det som ble hentet.`,
    en: `the fetch was not complete (${missing} indicators missing); no file written. Use --allow-partial to write what was fetched.`,
  }),
  wroteObservations: (count: number, path: string, requests: number): LocalizedText => ({
    nb: `skrev ${count} observasjoner til ${path} (${requests} forespørsler til SSB)`,
    en: `wrote ${count} observations to ${path} (${requests} requests to SSB)`,
  }),
  wroteReport: (path: string, sheets: readonly string[]): LocalizedText => ({
    nb: `skrev ${path}: ${sheets.join(", ")}`,
    en: `wrote ${path}: ${sheets.join(", ")}`,
  }),
  seeHelp: { nb: "Se «kostra --help».", en: "See “kostra --help”." } as LocalizedText,
  unknownOption: (option: string): LocalizedText => ({ nb: `ukjent valg «${option}»`, en: `unknown option “${option}”` }),
  badOption: (option: string): LocalizedText => ({ nb: `ugyldig bruk av «${option}»`, en: `invalid use of “${option}”` }),
  unexpected: (text: string): LocalizedText => ({ nb: `uventet feil: ${text}`, en: `unexpected error: ${text}` }),
} as const;
