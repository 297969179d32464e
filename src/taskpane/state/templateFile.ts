/**
 * A template as a JSON file, to share settings without sharing a workbook: the same
 * fields as the settings a template workbook keeps, marked with a format name, and read
 * back with checks that name exactly what is wrong.
 */
import type { SettingsInput } from "../../excel/apply-plan";
import { templateById } from "../../kostra/catalog";
import { resolveMunicipality } from "../../kostra/municipalities";
import { networkById } from "../../kostra/networks";
import { SETTINGS_SCHEMA_VERSION, type TemplateSettings } from "../../report/template-settings";
import type { Messages } from "../i18n";

export const TEMPLATE_FILE_FORMAT = "kostra-benchmark-template";

export type TemplateFileSettings = Omit<TemplateSettings, "ownedSheets">;

export function templateFileText(settings: SettingsInput, now: Date): string {
  const file = { format: TEMPLATE_FILE_FORMAT, schemaVersion: SETTINGS_SCHEMA_VERSION, ...settings, writtenAt: now.toISOString() };
  return JSON.stringify(file, null, 2) + "\n";
}

/** A field that is missing or wrong, and the offending value when there is one to show. */
export interface FieldProblem {
  field: "sectors" | "municipality" | "comparisons" | "network" | "average" | "includeOslo" | "includeFocal" | "year" | "years" | "source" | "lang";
  value?: string;
}

export type TemplateFileProblem =
  | { code: "not-json"; detail: string }
  | { code: "not-template" }
  | { code: "newer"; version: number }
  | { code: "invalid"; problems: FieldProblem[] };

export type TemplateFileResult = { ok: true; settings: TemplateFileSettings } | { ok: false; problem: TemplateFileProblem };

const isYear = (x: unknown): x is number => typeof x === "number" && Number.isInteger(x) && x >= 1990 && x <= 2100;
const isString = (x: unknown): x is string => typeof x === "string";

export function readTemplateFile(text: string): TemplateFileResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    return { ok: false, problem: { code: "not-json", detail: e instanceof Error ? e.message : String(e) } };
  }
  if (typeof json !== "object" || json === null || (json as { format?: unknown }).format !== TEMPLATE_FILE_FORMAT) {
    return { ok: false, problem: { code: "not-template" } };
  }
  const s = json as Record<string, unknown>;
  const version = typeof s.schemaVersion === "number" ? s.schemaVersion : NaN;
  if (!(version >= 1)) return { ok: false, problem: { code: "not-template" } };
  if (version > SETTINGS_SCHEMA_VERSION) return { ok: false, problem: { code: "newer", version } };

  const problems: FieldProblem[] = [];
  const sectors = s.sectors;
  if (!Array.isArray(sectors) || sectors.length === 0 || !sectors.every(isString)) problems.push({ field: "sectors" });
  else for (const id of sectors) if (!templateById(id)) problems.push({ field: "sectors", value: id });
  if (!isString(s.municipality) || !resolveMunicipality(s.municipality)) problems.push({ field: "municipality", ...(isString(s.municipality) ? { value: s.municipality } : {}) });
  if (!Array.isArray(s.comparisons) || !s.comparisons.every(isString)) problems.push({ field: "comparisons" });
  else for (const c of s.comparisons) if (!resolveMunicipality(c)) problems.push({ field: "comparisons", value: c });
  if (!isString(s.network) || !networkById(s.network)) problems.push({ field: "network", ...(isString(s.network) ? { value: s.network } : {}) });
  if (s.average !== "simple" && s.average !== "weighted") problems.push({ field: "average", ...(isString(s.average) ? { value: s.average } : {}) });
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
  if (problems.length) return { ok: false, problem: { code: "invalid", problems } };

  return {
    ok: true,
    settings: {
      schemaVersion: version,
      sectors: sectors as string[],
      municipality: s.municipality as string,
      comparisons: s.comparisons as string[],
      network: s.network as string,
      average: s.average as TemplateSettings["average"],
      includeOslo: s.includeOslo as boolean,
      includeFocal: s.includeFocal as boolean,
      year: s.year as number,
      years: s.years as number[],
      source: source as TemplateSettings["source"],
      lang: s.lang as TemplateSettings["lang"],
      writtenAt: isString(s.writtenAt) ? s.writtenAt : "",
    },
  };
}

/** What is wrong with a template file, in the user's language, naming the file and every bad field. */
export function describeTemplateFileProblem(problem: TemplateFileProblem, name: string, t: Messages): string {
  switch (problem.code) {
    case "not-json":
      return t.templateNotJson(name, problem.detail);
    case "not-template":
      return t.templateNotTemplate(name);
    case "newer":
      return t.templateNewer(name, problem.version);
    case "invalid":
      return t.templateInvalid(
        name,
        problem.problems.map((p) => (p.value === undefined ? t.fieldMissing(t.fieldName(p.field)) : t.fieldUnknown(t.fieldName(p.field), p.value))).join("; "),
      );
  }
}
