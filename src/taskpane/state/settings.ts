/**
 * The pane's choices as template settings (what a template workbook or a template file
 * keeps) and back.
 */
import type { SettingsInput } from "../../excel/apply-plan";
import type { Lang } from "../../kostra/types";
import { type OwnedSheet, type TemplateSettings } from "../../report/template-settings";
import type { PaneData } from "./data";
import { formYears, initialForm, reportSectors, type BaseChoice, type FormState, type ReferenceChoice, type SourceKind } from "./form";
import { peerGroupOptions } from "./profile";
import { domain } from "../domain";


/**
 * Settings for the choices: what a template workbook or template file keeps. `proposed` is
 * a proxy address from the workbook or a template file the user has not answered about yet:
 * unused, but kept as the template's address while the pane asks SSB itself, so writing
 * the template does not silently drop it (it is proposed again when the template opens).
 */
export function settingsFor(form: FormState, lang: Lang, data: PaneData | null, proposed?: string): SettingsInput {
  const baseUrl = form.baseUrl.trim() || proposed;
  const source: SettingsInput["source"] =
    form.source === "sample"
      ? { kind: "sample" }
      : form.source === "ssb"
        ? { kind: "ssb", ...(baseUrl ? { baseUrl } : {}) }
        : form.source === "selection"
          ? { kind: "sheet" }
          : { kind: "file", files: data?.source === "file" ? [...data.fileNames] : [] };
  return {
    sectors: reportSectors(form),
    municipality: form.municipality,
    comparisons: [...form.comparisons],
    network: form.network,
    ...peerGroupOptions(form),
    average: form.average,
    includeOslo: form.includeOslo,
    includeFocal: form.includeFocal,
    year: form.year,
    years: formYears(form),
    source,
    chartComparisons: form.chartComparisons,
    ...(form.mergedHistory === "sum" ? { mergedHistory: "sum" as const } : {}),
    lang,
    ...(form.sentenceBand !== undefined ? { sentenceBand: form.sentenceBand } : {}),
    ...userTemplateFor(form.sector),
    ...(form.prices !== "nominal" ? { prices: form.prices } : {}),
  };
}

/** The chosen template, when it is the user's own, so the settings open it in any workbook. */
function userTemplateFor(sector: string): Pick<SettingsInput, "userTemplate"> {
  const userTemplate = domain().userTemplateOf(sector);
  return userTemplate ? { userTemplate } : {};
}

const idOf = (text: string): string => domain().resolveMunicipality(text)?.id ?? text;

/** The choices a template's settings describe (their report language and sheets are not choices). */
export function formFromSettings(settings: Omit<TemplateSettings, "ownedSheets" | "writtenAt" | "schemaVersion">, current?: FormState): FormState {
  // A user template the settings carry joins the picker (the settings were checked when read).
  if (settings.userTemplate) domain().registerUserTemplate(settings.userTemplate.template, settings.userTemplate.indicators);
  const [sector, ...extraSectors] = settings.sectors;
  const years = settings.years.length ? settings.years : [settings.year];
  const source: SourceKind = settings.source.kind === "sheet" ? "selection" : settings.source.kind;
  return {
    ...initialForm({ sector, year: settings.year }),
    extraSectors,
    municipality: idOf(settings.municipality),
    comparisons: settings.comparisons.map(idOf),
    network: settings.network,
    ...peerGroupForm(settings, idOf(settings.municipality)),
    mergedHistory: settings.mergedHistory ?? "break",
    prices: settings.prices ?? "nominal",
    span: { from: Math.min(...years), to: Math.max(...years) },
    average: settings.average,
    includeOslo: settings.includeOslo,
    includeFocal: settings.includeFocal,
    chartComparisons: settings.chartComparisons ?? current?.chartComparisons ?? false,
    source,
    // A proxy address in the settings is only proposed (see ./proxyProposal); the one in use stays.
    baseUrl: current?.baseUrl ?? "",
    ...(settings.sentenceBand !== undefined ? { sentenceBand: settings.sentenceBand } : {}),
  };
}


/**
 * The peer group settings as choices: a KOSTRA group that is the municipality's own
 * becomes "its KOSTRA group", so the template follows the municipality it is used for.
 */
function peerGroupForm(settings: Pick<TemplateSettings, "peers" | "base" | "references" | "year">, municipality: string): Pick<FormState, "peers" | "base" | "kostraGroup" | "references"> {
  const own = domain().kostraGroupOf(municipality, settings.year);
  const groups = [settings.base, ...(settings.references ?? [])].filter((r): r is string => r?.startsWith("ekg") ?? false);
  const choice = (region: string): ReferenceChoice => (region.startsWith("ekg") ? "kostragruppe" : (region as ReferenceChoice));
  return {
    peers: (settings.peers ?? []).map(idOf),
    base: settings.base ? (choice(settings.base) as BaseChoice) : "network",
    kostraGroup: groups[0] && groups[0] !== own ? groups[0] : "",
    references: (settings.references ?? []).map(choice),
  };
}

/** The settings a workbook carries after a write: what was asked for, the sheets written, and when. */
export function writtenSettings(input: SettingsInput, sheets: readonly OwnedSheet[], writtenAt: Date): TemplateSettings {
  return { ...input, schemaVersion: domain().SETTINGS_SCHEMA_VERSION, ownedSheets: [...sheets], writtenAt: writtenAt.toISOString() };
}
