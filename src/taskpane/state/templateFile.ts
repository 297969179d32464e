/**
 * A template as a JSON file, to share settings without sharing a workbook: the same
 * fields as the settings a template workbook keeps, marked with a format name, and read
 * back with checks that name exactly what is wrong.
 */
import type { SettingsInput } from "../../excel/apply-plan";
import { type FieldProblem, type TemplateSettings } from "../../report/template-settings";

export type { FieldProblem };
import type { Messages } from "../i18n";
import { domain } from "../domain";

export const TEMPLATE_FILE_FORMAT = "kostra-benchmark-template";

export type TemplateFileSettings = Omit<TemplateSettings, "ownedSheets">;

export function templateFileText(settings: SettingsInput, now: Date): string {
  const file = { format: TEMPLATE_FILE_FORMAT, schemaVersion: domain().SETTINGS_SCHEMA_VERSION, ...settings, writtenAt: now.toISOString() };
  return JSON.stringify(file, null, 2) + "\n";
}

export type TemplateFileProblem =
  | { code: "not-json"; detail: string }
  | { code: "not-template" }
  | { code: "newer"; version: number }
  | { code: "invalid"; problems: FieldProblem[] };

export type TemplateFileResult = { ok: true; settings: TemplateFileSettings } | { ok: false; problem: TemplateFileProblem };

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
  if (version > domain().SETTINGS_SCHEMA_VERSION) return { ok: false, problem: { code: "newer", version } };

  const problems = domain().settingsFieldProblems(s);
  if (problems.length) return { ok: false, problem: { code: "invalid", problems } };

  return {
    ok: true,
    settings: {
      schemaVersion: version,
      sectors: s.sectors as string[],
      municipality: s.municipality as string,
      comparisons: s.comparisons as string[],
      network: s.network as string,
      average: s.average as TemplateSettings["average"],
      includeOslo: s.includeOslo as boolean,
      includeFocal: s.includeFocal as boolean,
      year: s.year as number,
      years: s.years as number[],
      source: s.source as TemplateSettings["source"],
      ...(typeof s.chartComparisons === "boolean" ? { chartComparisons: s.chartComparisons } : {}),
      // The peer group and the merged-history choice: optional, checked above with the rest.
      ...(s.peers !== undefined ? { peers: s.peers as string[] } : {}),
      ...(s.base !== undefined ? { base: s.base as string } : {}),
      ...(s.references !== undefined ? { references: s.references as string[] } : {}),
      ...(s.mergedHistory !== undefined ? { mergedHistory: s.mergedHistory as NonNullable<TemplateSettings["mergedHistory"]> } : {}),
      lang: s.lang as TemplateSettings["lang"],
      ...(s.userTemplate !== undefined ? { userTemplate: s.userTemplate as NonNullable<TemplateSettings["userTemplate"]> } : {}),
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
