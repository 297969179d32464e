/**
 * Errors the domain can raise, as typed values with a message in each product
 * language. Callers show `messageIn(lang)`; `detail` keeps what support needs.
 */
import type { Lang, LocalizedText } from "./types";

export type KostraErrorCode =
  | "unknown-municipality"
  | "unknown-sector"
  | "unknown-network"
  | "no-data-for-year"
  | "municipality-not-in-year"
  | "bad-input"
  | "ssb";

export class KostraError extends Error {
  readonly code: KostraErrorCode;
  readonly text: LocalizedText;
  readonly detail?: string;

  constructor(code: KostraErrorCode, text: LocalizedText, detail?: string) {
    super(text.en);
    this.name = "KostraError";
    this.code = code;
    this.text = text;
    this.detail = detail;
  }

  messageIn(lang: Lang): string {
    return this.text[lang];
  }
}

export const unknownMunicipality = (what: string): KostraError =>
  new KostraError("unknown-municipality", {
    nb: `Ukjent kommune: «${what}». Oppgi et kommunenummer (f.eks. 0219 eller 3201) eller et kommunenavn.`,
    en: `Unknown municipality: "${what}". Give a municipality number (e.g. 0219 or 3201) or a name.`,
  });

export const unknownSector = (what: string, known: string[]): KostraError =>
  new KostraError("unknown-sector", {
    nb: `Ukjent sektormal: «${what}». Kjente maler: ${known.join(", ")}.`,
    en: `Unknown sector template: "${what}". Known templates: ${known.join(", ")}.`,
  });

export const unknownNetwork = (what: string, known: string[]): KostraError =>
  new KostraError("unknown-network", {
    nb: `Ukjent nettverk: «${what}». Kjente nettverk: ${known.join(", ")}.`,
    en: `Unknown network: "${what}". Known networks: ${known.join(", ")}.`,
  });

export const noDataForYear = (year: number, sector: LocalizedText, available: number[]): KostraError =>
  new KostraError("no-data-for-year", {
    nb:
      `Ingen data for ${year} i malen «${sector.nb}».` +
      (available.length ? ` Data finnes for: ${available.join(", ")}.` : " Datagrunnlaget har ingen tall for malens indikatorer."),
    en:
      `No data for ${year} in template "${sector.en}".` +
      (available.length ? ` Data exists for: ${available.join(", ")}.` : " The data has no figures for the template's indicators."),
  });

export const municipalityNotInYear = (name: string, year: number): KostraError =>
  new KostraError("municipality-not-in-year", {
    nb: `${name} fantes ikke som kommune i ${year}.`,
    en: `${name} did not exist as a municipality in ${year}.`,
  });

/** A problem with a file or other input: where (file, line, field) and what. */
export const badInput = (text: LocalizedText, detail?: string): KostraError =>
  new KostraError("bad-input", text, detail);
