/** What the open workbook says about itself as a template. */
import type { Lang, LocalizedText } from "../../kostra/types";
import type { TemplateSettings } from "../../report/template-settings";
import type { Messages } from "../i18n";
import { domain } from "../domain";

export type TemplateState =
  | { kind: "none" }
  | { kind: "reading" }
  | { kind: "ok"; settings: TemplateSettings }
  | { kind: "invalid"; reason: LocalizedText }
  /** Reading the settings failed (e.g. an Excel that cannot read custom XML parts). */
  | { kind: "failed"; error: unknown };

/** "Plan, miljø og kultur, Bærum 2017" */
export function describeTemplate(
  settings: Pick<TemplateSettings, "sectors" | "municipality" | "year">,
  t: Messages,
  lang: Lang,
): { sector: string; municipality: string; year: number; summary: string } {
  const sector = settings.sectors.map((id) => domain().templateById(id)?.label[lang] ?? id).join(", ");
  const municipality = domain().resolveMunicipality(settings.municipality)?.name ?? settings.municipality;
  return { sector, municipality, year: settings.year, summary: t.templateSummary(sector, municipality, settings.year) };
}
