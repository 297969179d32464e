/**
 * Template settings kept in the workbook, so a shared template workbook can be refreshed
 * to next year's figures in one click: which templates, municipality, comparisons,
 * network, averaging, years, source, and which sheets the add-in owns. Stored as JSON
 * inside a custom XML part of our own namespace (not workbook.settings, which is keyed
 * to one add-in id). Versioned and checked on read: a corrupt, foreign or newer part is
 * reported, never silently overwritten.
 */
import type { AverageKind, Lang, LocalizedText } from "../kostra/types";

export const SETTINGS_NAMESPACE = "urn:kostra-benchmark:template-settings";
export const SETTINGS_SCHEMA_VERSION = 1;

export interface OwnedSheet {
  /** Plan key, e.g. "profile:plan-miljo-kultur:2017". */
  key: string;
  /** Excel's worksheet id (stable across renames). */
  id: string;
  name: string;
}

export interface TemplateSettings {
  schemaVersion: number;
  sectors: string[];
  municipality: string;
  comparisons: string[];
  network: string;
  average: AverageKind;
  includeOslo: boolean;
  includeFocal: boolean;
  year: number;
  years: number[];
  /** Where the figures came from; "sheet" is a range selected in the workbook. */
  source: { kind: "sample" | "ssb" | "file" | "sheet"; baseUrl?: string; files?: string[]; range?: string };
  /** Whether the index chart shows the comparison municipalities too. */
  chartComparisons?: boolean;
  lang: Lang;
  ownedSheets: OwnedSheet[];
  writtenAt: string;
}

export type SettingsReadResult =
  | { kind: "none" }
  | { kind: "ok"; settings: TemplateSettings }
  | { kind: "invalid"; reason: LocalizedText };

const escapeCdata = (s: string) => s.replace(/]]>/g, "]]]]><![CDATA[>");

export function settingsToXml(settings: TemplateSettings): string {
  return `<?xml version="1.0" encoding="UTF-8"?><kostraBenchmark xmlns="${SETTINGS_NAMESPACE}" schemaVersion="${settings.schemaVersion}"><settings><![CDATA[${escapeCdata(JSON.stringify(settings))}]]></settings></kostraBenchmark>`;
}

const isString = (x: unknown): x is string => typeof x === "string";
const isStringArray = (x: unknown): x is string[] => Array.isArray(x) && x.every(isString);
const isYear = (x: unknown): x is number => typeof x === "number" && Number.isInteger(x) && x >= 1990 && x <= 2100;

function invalid(nb: string, en: string): SettingsReadResult {
  return { kind: "invalid", reason: { nb, en } };
}

/** Read and check the XML of a settings part. */
export function settingsFromXml(xml: string): SettingsReadResult {
  if (!xml.includes(SETTINGS_NAMESPACE)) {
    return invalid("Malinnstillingene i arbeidsboken tilhører et annet program og blir ikke endret.", "The template settings in the workbook belong to another program and are left unchanged.");
  }
  const m = /<settings>\s*<!\[CDATA\[([\s\S]*)\]\]>\s*<\/settings>/.exec(xml);
  if (!m) return invalid("Malinnstillingene i arbeidsboken er skadet (mangler innhold).", "The template settings in the workbook are damaged (no content).");
  let json: unknown;
  try {
    json = JSON.parse(m[1].replace(/]]]]><!\[CDATA\[>/g, "]]>"));
  } catch {
    return invalid("Malinnstillingene i arbeidsboken er skadet (ikke gyldig JSON).", "The template settings in the workbook are damaged (not valid JSON).");
  }
  const s = json as Partial<TemplateSettings>;
  if (typeof s.schemaVersion !== "number") return invalid("Malinnstillingene mangler versjonsnummer.", "The template settings have no version number.");
  if (s.schemaVersion > SETTINGS_SCHEMA_VERSION) {
    return invalid(
      `Arbeidsboken er laget med en nyere versjon av KOSTRA Benchmark (malversjon ${s.schemaVersion}). Oppdater tillegget for å bruke malen.`,
      `The workbook was made with a newer version of KOSTRA Benchmark (template version ${s.schemaVersion}). Update the add-in to use the template.`,
    );
  }
  const problems: string[] = [];
  if (!isStringArray(s.sectors) || s.sectors.length === 0) problems.push("sectors");
  if (!isString(s.municipality)) problems.push("municipality");
  if (!isStringArray(s.comparisons)) problems.push("comparisons");
  if (!isString(s.network)) problems.push("network");
  if (s.average !== "simple" && s.average !== "weighted") problems.push("average");
  if (typeof s.includeOslo !== "boolean") problems.push("includeOslo");
  if (typeof s.includeFocal !== "boolean") problems.push("includeFocal");
  if (!isYear(s.year)) problems.push("year");
  if (!Array.isArray(s.years) || !s.years.every(isYear)) problems.push("years");
  if (!s.source || !["sample", "ssb", "file", "sheet"].includes(s.source.kind)) problems.push("source");
  if (s.chartComparisons !== undefined && typeof s.chartComparisons !== "boolean") problems.push("chartComparisons");
  if (s.lang !== "nb" && s.lang !== "en") problems.push("lang");
  if (!Array.isArray(s.ownedSheets) || !s.ownedSheets.every((o) => o && isString(o.key) && isString(o.id) && isString(o.name))) problems.push("ownedSheets");
  if (problems.length) {
    return invalid(
      `Malinnstillingene i arbeidsboken er skadet (ugyldig: ${problems.join(", ")}).`,
      `The template settings in the workbook are damaged (invalid: ${problems.join(", ")}).`,
    );
  }
  return { kind: "ok", settings: s as TemplateSettings };
}
