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
  | "bad-comparison-group"
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

/** Nothing by that name or code (see ./municipality-errors for the message with near misses). */
export const unknownMunicipality = (what: string): KostraError =>
  new KostraError("unknown-municipality", {
    nb: `Fant ingen kommune «${what}». Oppgi et kommunenummer (f.eks. 0219 eller 3201) eller et kommunenavn.`,
    en: `Found no municipality "${what}". Give a municipality number (e.g. 0219 or 3201) or a name.`,
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

const AGGREGATE_CHOICES = {
  nb: "Landet (EAK), Landet uten Oslo (EAKUO) eller en KOSTRA-gruppe (EKG01–EKG17)",
  // Codes alone: this module is in the pane's first script, which is at its size budget.
  en: "EAK, EAKUO or a KOSTRA group (EKG01–EKG17)",
};

/** A comparison group that cannot be used as asked: a peer that is an aggregate, a base that is not, … */
const comparisonGroup = (text: LocalizedText): KostraError => new KostraError("bad-comparison-group", text);

/** A region's name in each language (aggregates have English names; municipalities don't). */
type Names = string | LocalizedText;
const nameIn = (name: Names, lang: Lang): string => (typeof name === "string" ? name : name[lang]);

export const aggregateAsPeer = (name: Names): KostraError =>
  comparisonGroup({
    nb: `«${nameIn(name, "nb")}» er et snitt publisert av SSB, ikke en kommune. Bruk det som snitt (base) eller referansekolonne, ikke som sammenligningskommune.`,
    en: `"${nameIn(name, "en")}" is an average published by SSB, not a municipality. Use it as the base or a reference column, not as a peer.`,
  });

export const aggregateAsFocal = (name: Names): KostraError =>
  comparisonGroup({
    nb: `«${nameIn(name, "nb")}» er et snitt publisert av SSB, ikke en kommune, og kan ikke være kommunen som sammenlignes.`,
    en: `"${nameIn(name, "en")}" is an average published by SSB, not a municipality, and cannot be the municipality benchmarked.`,
  });

export const notAnAggregate = (what: string, role: "base" | "reference"): KostraError =>
  comparisonGroup({
    nb: `«${what}» kan ikke brukes som ${role === "base" ? "snitt (base)" : "referanse"}: velg ${AGGREGATE_CHOICES.nb}.`,
    en: `"${what}" cannot be used as ${role === "base" ? "the base" : "a reference"}: choose ${AGGREGATE_CHOICES.en}.`,
  });

export const aggregateNotInYear = (name: Names, year: number): KostraError =>
  comparisonGroup({
    nb: `SSB publiserer ikke ${nameIn(name, "nb")} for ${year}.`,
    en: `SSB publishes no ${nameIn(name, "en")} for ${year}.`,
  });

export const noPeers = (): KostraError =>
  comparisonGroup({
    nb: "Egne sammenligningskommuner er valgt, men listen er tom. Legg til minst én kommune.",
    en: "Custom peers are chosen but the list is empty. Add at least one municipality.",
  });

export const noAverage = (): KostraError =>
  comparisonGroup({
    nb: `Uten nettverk må snittet (= 100) være et tall SSB publiserer: velg ${AGGREGATE_CHOICES.nb}.`,
    en: `Without a network the average (= 100) must be a figure SSB publishes: choose ${AGGREGATE_CHOICES.en}.`,
  });

export const kostraGroupUnknown = (name: string, year: number): KostraError =>
  comparisonGroup({
    nb: `KOSTRA-gruppen til ${name} i ${year} er ikke kjent i produktet. Oppgi gruppen selv, f.eks. EKG07 (se SSBs side «KOSTRA-gruppene»).`,
    en: `${name}'s KOSTRA group in ${year} is not known to the product. Name the group yourself, e.g. EKG07 (see SSB's page "KOSTRA-gruppene").`,
  });
