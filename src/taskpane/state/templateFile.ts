/**
 * A template as a JSON file, to share settings without sharing a workbook: the same
 * fields as the settings a template workbook keeps, marked with a format name, and read
 * back through the same check as a workbook's settings (report/settings-schema), which
 * names exactly what is wrong. A proxy address in the file is only a proposal (see
 * ./proxyProposal).
 */
import type { SettingsInput } from "../../excel/apply-plan";
import { MAX_SETTINGS_BYTES } from "../../kostra/limits";
import { quoteInput } from "../../kostra/safe-text";
import type { FieldProblem, SettingsProblem } from "../../report/settings-schema";
import type { TemplateSettings } from "../../report/template-settings";
import type { Messages } from "../i18n";
import { readFileText } from "../services/files";
import { domain } from "../domain";

export type { FieldProblem };

export const TEMPLATE_FILE_FORMAT = "kostra-benchmark-template";

export type TemplateFileSettings = Omit<TemplateSettings, "ownedSheets">;

export function templateFileText(settings: SettingsInput, now: Date): string {
  const file = { format: TEMPLATE_FILE_FORMAT, schemaVersion: domain().SETTINGS_SCHEMA_VERSION, ...settings, writtenAt: now.toISOString() };
  return JSON.stringify(file, null, 2) + "\n";
}

export type TemplateFileProblem = { code: "not-json"; detail: string } | { code: "not-template" } | { code: "too-large" } | SettingsProblem;

export type TemplateFileResult = { ok: true; settings: TemplateFileSettings } | { ok: false; problem: TemplateFileProblem };

/** A template file the user picked: its size is checked before it is read. */
export async function readTemplateFileOf(file: File): Promise<TemplateFileResult> {
  if (file.size > MAX_SETTINGS_BYTES) return { ok: false, problem: { code: "too-large" } };
  return readTemplateFile(await readFileText(file));
}

export function readTemplateFile(text: string): TemplateFileResult {
  // UTF-8 takes at least one byte a character: longer text is surely over the limit.
  if (text.length > MAX_SETTINGS_BYTES) return { ok: false, problem: { code: "too-large" } };
  let json: unknown;
  try {
    json = JSON.parse(text.startsWith("\uFEFF") ? text.slice(1) : text);
  } catch (e) {
    return { ok: false, problem: { code: "not-json", detail: quoteInput(e instanceof Error ? e.message : String(e), 120) } };
  }
  if (typeof json !== "object" || json === null || (json as { format?: unknown }).format !== TEMPLATE_FILE_FORMAT) {
    return { ok: false, problem: { code: "not-template" } };
  }
  const checked = domain().checkTemplateChoices(json);
  return checked.ok ? { ok: true, settings: checked.settings } : { ok: false, problem: checked.problem };
}

/** What is wrong with a template file, in the user's language, naming the file and what is wrong. */
export function describeTemplateFileProblem(problem: TemplateFileProblem, name: string, t: Messages): string {
  switch (problem.code) {
    case "not-json":
      return t.templateNotJson(name, problem.detail);
    case "not-template":
      return t.templateNotTemplate(name);
    case "too-large":
      return t.templateTooLarge(name, MAX_SETTINGS_BYTES / 1024 / 1024);
    case "version":
      return t.templateUnknownVersion(name, problem.version);
    case "newer":
      return t.templateNewer(name, problem.version);
    case "shape":
      return t.inLanguage(domain().describeShape(problem.issue, { nb: name, en: name }));
    case "fields":
      return t.templateInvalid(
        name,
        problem.problems.map((p) => (p.value === undefined ? t.fieldMissing(t.fieldName(p.field)) : t.fieldUnknown(t.fieldName(p.field), quoteInput(p.value)))).join("; "),
      );
  }
}
