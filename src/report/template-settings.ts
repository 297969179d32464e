/**
 * Template settings kept in the workbook, so a shared template workbook can be refreshed
 * to next year's figures in one click: which templates, municipality, comparisons,
 * network, averaging, years, source, and which sheets the add-in owns. Stored as JSON
 * inside a custom XML part of our own namespace (not workbook.settings, which is keyed
 * to one add-in id). Versioned and checked on read: a corrupt, foreign or newer part is
 * reported, never silently overwritten.
 */
import { templateById, userTemplateProblems } from "../kostra/catalog";
import { resolveAggregate, resolveFocalMunicipality } from "../kostra/municipalities";
import { CUSTOM_NETWORK, networkFor } from "../kostra/networks";
import type { AverageChoice, Lang, LocalizedText, UserTemplate } from "../kostra/types";

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
  /** "asss", "custom" (the user's own `peers`) or "none" (only a published `base`). */
  network: string;
  /** Municipality ids of a custom peer list (network "custom"). Optional: older settings have none. */
  peers?: string[];
  /** An aggregate id ("eakuo", "eak", "ekg07") whose published value is the average. */
  base?: string;
  /** Aggregate ids shown as reference columns. */
  references?: string[];
  average: AverageChoice;
  includeOslo: boolean;
  includeFocal: boolean;
  year: number;
  years: number[];
  /** Where the figures came from; "sheet" is a range selected in the workbook. */
  source: { kind: "sample" | "ssb" | "file" | "sheet"; baseUrl?: string; files?: string[]; range?: string };
  /** Whether the index chart shows the comparison municipalities too. */
  chartComparisons?: boolean;
  /** A merged municipality's years before the merger: "break" (the default when absent) or "sum" of its predecessors. */
  mergedHistory?: "break" | "sum";
  lang: Lang;
  /** The user's own template among `sectors`, with its own indicators, so it opens in any workbook. */
  userTemplate?: UserTemplate;
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
  const problems = settingsFieldProblems(s as Record<string, unknown>).map((p) => p.field as string);
  if (!Array.isArray(s.ownedSheets) || !s.ownedSheets.every((o) => o && isString(o.key) && isString(o.id) && isString(o.name))) problems.push("ownedSheets");
  if (problems.length) {
    return invalid(
      `Malinnstillingene i arbeidsboken er skadet (ugyldig: ${problems.join(", ")}).`,
      `The template settings in the workbook are damaged (invalid: ${problems.join(", ")}).`,
    );
  }
  return { kind: "ok", settings: s as TemplateSettings };
}

/** A field that is missing or wrong, and the offending value when there is one to show. */
export interface FieldProblem {
  field: "sectors" | "municipality" | "comparisons" | "network" | "peers" | "base" | "references" | "average" | "includeOslo" | "includeFocal" | "year" | "years" | "source" | "lang" | "chartComparisons" | "userTemplate" | "mergedHistory";
  value?: string;
}

/**
 * Every problem with the choices in a set of settings (from a workbook's part or a
 * template file): types, and that templates, municipalities and networks are known.
 */
export function settingsFieldProblems(s: Record<string, unknown>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  // A user template the settings carry counts as known (it is registered when they are used).
  const user = s.userTemplate as Partial<UserTemplate> | undefined;
  const userOk = user === undefined || (typeof user === "object" && user !== null && userTemplateProblems(user.template, user.indicators).length === 0);
  if (!userOk) problems.push({ field: "userTemplate" });
  const userId = userOk ? user?.template?.id : undefined;
  const sectors = s.sectors;
  if (!Array.isArray(sectors) || sectors.length === 0 || !sectors.every(isString)) problems.push({ field: "sectors" });
  else for (const id of sectors) if (!templateById(id) && id !== userId) problems.push({ field: "sectors", value: id });
  if (!isString(s.municipality) || !resolveFocalMunicipality(s.municipality)) problems.push({ field: "municipality", ...(isString(s.municipality) ? { value: s.municipality } : {}) });
  if (!Array.isArray(s.comparisons) || !s.comparisons.every(isString)) problems.push({ field: "comparisons" });
  else for (const c of s.comparisons) if (!resolveFocalMunicipality(c)) problems.push({ field: "comparisons", value: c });
  if (!isString(s.network) || !networkFor(s.network)) problems.push({ field: "network", ...(isString(s.network) ? { value: s.network } : {}) });
  // Peers are municipalities; base and references are SSB aggregates (all optional, added in the same schema version).
  if (s.peers !== undefined) {
    if (!Array.isArray(s.peers) || !s.peers.every(isString)) problems.push({ field: "peers" });
    else for (const p of s.peers) if (!resolveFocalMunicipality(p)) problems.push({ field: "peers", value: p });
  }
  if (s.network === CUSTOM_NETWORK && !(Array.isArray(s.peers) && s.peers.length > 0)) problems.push({ field: "peers" });
  if (s.base !== undefined && (!isString(s.base) || !resolveAggregate(s.base))) problems.push({ field: "base", ...(isString(s.base) ? { value: s.base } : {}) });
  if (s.network === "none" && s.base === undefined) problems.push({ field: "base" });
  if (s.references !== undefined) {
    if (!Array.isArray(s.references) || !s.references.every(isString)) problems.push({ field: "references" });
    else for (const r of s.references) if (!resolveAggregate(r)) problems.push({ field: "references", value: r });
  }
  if (s.average !== "simple" && s.average !== "weighted" && s.average !== "indicator") problems.push({ field: "average", ...(isString(s.average) ? { value: s.average } : {}) });
  if (typeof s.includeOslo !== "boolean") problems.push({ field: "includeOslo" });
  if (typeof s.includeFocal !== "boolean") problems.push({ field: "includeFocal" });
  if (!isYear(s.year)) problems.push({ field: "year", ...(s.year !== undefined ? { value: String(s.year) } : {}) });
  if (!Array.isArray(s.years) || !s.years.every(isYear)) problems.push({ field: "years" });
  const source = s.source as { kind?: unknown; baseUrl?: unknown; files?: unknown } | undefined;
  const sourceOk =
    typeof source === "object" &&
    source !== null &&
    (source.kind === "sample" || source.kind === "ssb" || source.kind === "file" || source.kind === "sheet") &&
    (source.baseUrl === undefined || (isString(source.baseUrl) && /^https?:\/\/\S+$/i.test(source.baseUrl))) &&
    (source.files === undefined || (Array.isArray(source.files) && source.files.every(isString)));
  if (!sourceOk) problems.push({ field: "source" });
  if (s.lang !== "nb" && s.lang !== "en") problems.push({ field: "lang", ...(isString(s.lang) ? { value: s.lang } : {}) });
  if (s.chartComparisons !== undefined && typeof s.chartComparisons !== "boolean") problems.push({ field: "chartComparisons" });
  if (s.mergedHistory !== undefined && s.mergedHistory !== "break" && s.mergedHistory !== "sum")
    problems.push({ field: "mergedHistory", ...(isString(s.mergedHistory) ? { value: s.mergedHistory } : {}) });
  return problems;
}
