/**
 * The one check for template settings, wherever they come from: the custom XML part a
 * template workbook carries and a template file (.json) a colleague sent. Both may have
 * been made by anyone, so they are checked as hostile input in two steps:
 *
 * 1. a valibot schema turns the JSON into typed values: a known integer version, bounded
 *    and XML-safe text, integer years and decimals, lists of bounded length, ids and SSB
 *    codes of strict forms;
 * 2. the choices are checked against what the product knows: templates, municipalities,
 *    networks and SSB's aggregates, and a user template must be sound beside the catalog.
 *
 * The SSB proxy address (`source.baseUrl`) is kept as bounded text: whether it may be used
 * is the user's decision, asked with the address and `checkBaseUrl`'s verdict (the pane's
 * proxy proposal), never made silently here.
 */
import { templateById, USER_INDICATOR_PREFIX, USER_TEMPLATE_PREFIX, userTemplateProblems } from "../kostra/catalog";
import { MAX_LABEL_LENGTH, MAX_SENTENCE_BAND, MAX_UNIT_LENGTH } from "../kostra/limits";
import { resolveAggregate, resolveFocalMunicipality } from "../kostra/municipalities";
import { CUSTOM_NETWORK, networkFor, NO_NETWORK } from "../kostra/networks";
import { priceChoiceSchema } from "../kostra/prices";
import { boundedText, dataYear, describeIssues, integerIn, isoDateTime, say, v } from "../kostra/schema";
import type { LocalizedText } from "../kostra/types";

/** The settings version this product writes. */
export const SETTINGS_SCHEMA_VERSION = 1;
/** Every settings version this product reads. */
export const SETTINGS_SCHEMA_VERSIONS: readonly number[] = [1];
/** Above this a version number is not "newer" but nonsense. */
const MAX_VERSION_NUMBER = 1000;

/** Most decimals a figure is shown with (the catalog's rule for a template's own decimals). */
export const MAX_DECIMALS = 4;

// Bounds on lists: far above what the pane writes (the catalog has ~20 templates, Norway ~360 municipalities).
const MAX_SECTORS = 50;
const MAX_MUNICIPALITIES = 500;
const MAX_REFERENCES = 10;
const MAX_YEARS = 100;
const MAX_FILES = 100;
const MAX_OWNED_SHEETS = 500;
const MAX_INDICATORS = 500;
const MAX_CODES = 1000;
/** A region as the settings name it: an id, a code or a name ("baerum", "0219", "Tromsø"). */
const MAX_REGION_LENGTH = 100;
/** A proxy address: checkBaseUrl refuses longer ones; this only keeps the text bounded. */
const MAX_ADDRESS_LENGTH = 2100;
const MAX_FILE_NAME_LENGTH = 260;

const form = (pattern: RegExp, what: LocalizedText, max = 200) => v.pipe(v.string(), v.maxLength(max), v.regex(pattern, say(what)));

/** "plan-miljo-kultur", "mal-min-mal" */
const templateId = () => form(/^[a-z0-9][a-z0-9-]*$/, { nb: "er ikke en mal-id (små bokstaver, tall, bindestrek)", en: "is not a template id (lower-case letters, digits, hyphens)" }, 100);
/** "kunstformidling", "kunstformidling:belop", "bruker-12362-…" */
const indicatorId = () => form(/^[a-z0-9][a-z0-9:-]*$/, { nb: "er ikke en indikator-id (små bokstaver, tall, bindestrek)", en: "is not an indicator id (lower-case letters, digits, hyphens)" });
const userTemplateId = () =>
  form(new RegExp(`^${USER_TEMPLATE_PREFIX}[a-z0-9-]+$`), { nb: `er ikke en egen mal-id (${USER_TEMPLATE_PREFIX}…)`, en: `is not a user template id (${USER_TEMPLATE_PREFIX}…)` }, 100);
const userIndicatorId = () =>
  form(new RegExp(`^${USER_INDICATOR_PREFIX}[a-z0-9-]+$`), { nb: `er ikke en egen indikator-id (${USER_INDICATOR_PREFIX}…)`, en: `is not a user indicator id (${USER_INDICATOR_PREFIX}…)` });
/** SSB's table ids are five digits ("12362"). */
const ssbTable = () => form(/^\d{5}$/, { nb: "er ikke et SSB-tabellnummer (fem sifre)", en: "is not an SSB table number (five digits)" }, 5);
/** "KOKkommuneregion0000", "Tid", "ContentsCode" */
const dimensionId = () => form(/^[A-Za-z][A-Za-z0-9_.-]*$/, { nb: "er ikke en SSB-dimensjon", en: "is not an SSB dimension" }, 100);
/** "370", "AGD2", "KOSbelopinnbygge0000", "F000-005", "EKG07" */
const ssbCode = () => form(/^[\p{L}\p{N}_.:+()/-][\p{L}\p{N} _.:+()/-]*$/u, { nb: "er ikke en SSB-kode", en: "is not an SSB code" }, 100);
/** The report's sheet keys: "data", "profile:plan-miljo-kultur:2017", "trend:mal-x". */
const sheetKey = () => form(/^[a-z]+(?::[a-z0-9-]+)*$/, { nb: "er ikke en arknøkkel", en: "is not a sheet key" });
/** Excel's worksheet ids: "{8A5D…}". */
const sheetId = () => form(/^\{?[A-Za-z0-9-]+\}?$/, { nb: "er ikke en ark-id", en: "is not a sheet id" }, 100);

const region = () => boundedText(MAX_REGION_LENGTH);
const network = () => boundedText(40);
const list = <T extends v.GenericSchema>(item: T, max: number) => v.pipe(v.array(item), v.maxLength(max));
const localized = (max = MAX_LABEL_LENGTH) => v.object({ nb: boundedText(max), en: boundedText(max) });
const decimals = () => integerIn(0, MAX_DECIMALS);

const userIndicatorSchema = v.object({
  id: userIndicatorId(),
  label: localized(),
  unit: localized(MAX_UNIT_LENGTH),
  decimals: decimals(),
  measure: v.picklist(["per-capita", "amount", "count", "share", "key-figure"]),
  ssb: v.object({
    table: v.nullable(ssbTable()),
    tableSearch: v.optional(boundedText(200)),
    regionDimension: dimensionId(),
    timeDimension: dimensionId(),
    select: v.record(dimensionId(), list(ssbCode(), MAX_CODES)),
    sum: v.optional(list(dimensionId(), 20)),
  }),
  weight: v.union([v.picklist(["none", "population"]), v.object({ indicator: indicatorId() })]),
  defaultAverage: v.picklist(["simple", "weighted"]),
  confidence: v.picklist(["high", "medium", "low"]),
  definition: localized(),
  source: v.optional(boundedText()),
  sector: v.optional(templateId()),
});

const userSectorTemplateSchema = v.object({
  id: userTemplateId(),
  label: localized(200),
  sheetLabel: v.optional(localized(31)),
  sector: v.optional(templateId()),
  indicators: list(indicatorId(), MAX_INDICATORS),
  groups: v.optional(list(v.object({ from: indicatorId(), label: localized() }), MAX_INDICATORS)),
  defaultComparisons: list(region(), MAX_MUNICIPALITIES),
  network: network(),
  labels: v.optional(v.record(indicatorId(), localized())),
  decimals: v.optional(v.record(indicatorId(), decimals())),
});

/** A user template with its own indicators, as settings and template files carry it. */
const userTemplateSchema = v.object({ template: userSectorTemplateSchema, indicators: list(userIndicatorSchema, MAX_INDICATORS) });

/**
 * Whether a user template, as the editor is about to save it, can be written into settings
 * and read back: the same schema reading uses, so the product never writes what it would
 * then refuse. Null when it can; otherwise the first problem, in each language.
 */
export function userTemplateShapeProblem(userTemplate: unknown): LocalizedText | null {
  const parsed = v.safeParse(userTemplateSchema, userTemplate, { abortEarly: true });
  return parsed.success ? null : describeShape(parsed.issues[0], { nb: "Malen", en: "The template" });
}

/** The choices a template keeps, as a template file has them (no sheets). */
const choicesEntries = {
  schemaVersion: v.picklist(SETTINGS_SCHEMA_VERSIONS),
  sectors: v.pipe(list(templateId(), MAX_SECTORS), v.minLength(1)),
  municipality: region(),
  comparisons: list(region(), MAX_MUNICIPALITIES),
  network: network(),
  peers: v.optional(list(region(), MAX_MUNICIPALITIES)),
  base: v.optional(region()),
  references: v.optional(list(region(), MAX_REFERENCES)),
  average: v.picklist(["simple", "weighted", "indicator"]),
  includeOslo: v.boolean(),
  includeFocal: v.boolean(),
  year: dataYear(),
  years: list(dataYear(), MAX_YEARS),
  source: v.object({
    kind: v.picklist(["sample", "ssb", "file", "sheet"]),
    baseUrl: v.optional(boundedText(MAX_ADDRESS_LENGTH)),
    files: v.optional(list(boundedText(MAX_FILE_NAME_LENGTH), MAX_FILES)),
    range: v.optional(boundedText(300)),
  }),
  chartComparisons: v.optional(v.boolean()),
  mergedHistory: v.optional(v.picklist(["break", "sum"])),
  lang: v.picklist(["nb", "en"]),
  userTemplate: v.optional(userTemplateSchema),
  writtenAt: v.optional(isoDateTime(), ""),
  /** The time series' prices: nominal (the default when absent) or fixed by an index, with the user's own rows. */
  prices: v.optional(priceChoiceSchema),
  /** Whole per cent around the average the profile's sentences call "på nivå med snittet"; absent in older settings (5). */
  sentenceBand: v.optional(integerIn(0, MAX_SENTENCE_BAND)),
};

/** An owned sheet; without `id` when written into a file outside Excel (adopted by name, see template-settings.ts). */
const ownedSheetSchema = v.object({ key: sheetKey(), id: v.optional(sheetId()), name: boundedText(100) });

/** A template file's settings. Unknown fields are dropped (a file may carry its own, e.g. `format`). */
export const templateChoicesSchema = v.object(choicesEntries);
/** A workbook's settings part: the choices and the sheets the add-in wrote. */
export const workbookSettingsSchema = v.object({ ...choicesEntries, ownedSheets: list(ownedSheetSchema, MAX_OWNED_SHEETS) });

/** The typed choices (template-settings.ts states them as TemplateSettings, which they must stay assignable to). */
export type TemplateChoices = v.InferOutput<typeof templateChoicesSchema>;

/** A field that is missing or wrong, and the offending value when there is one to show. */
export interface FieldProblem {
  field: "sectors" | "municipality" | "comparisons" | "network" | "peers" | "base" | "references" | "userTemplate";
  value?: string;
}

/** What is wrong with a set of settings. */
export type SettingsProblem =
  /** No version, or one this product never wrote (0.5, −7, "1"). */
  | { code: "version"; version?: string }
  /** Made by a newer version of the product. */
  | { code: "newer"; version: number }
  /** Not of the settings' shape: the first problem, with its place (`userTemplate.indicators[0].decimals`). */
  | { code: "shape"; issue: v.BaseIssue<unknown> }
  /** Of the right shape, but naming templates, municipalities or networks the product does not know. */
  | { code: "fields"; problems: FieldProblem[] };

export type SettingsCheck<T> = { ok: true; settings: T } | { ok: false; problem: SettingsProblem };

/** The problem of a "shape" result as one line per language: "where: «path» what." */
export function describeShape(issue: v.BaseIssue<unknown>, where: LocalizedText): LocalizedText {
  return { nb: describeIssues([issue], where.nb).nb, en: describeIssues([issue], where.en).en };
}

function versionProblem(json: Record<string, unknown>): SettingsProblem | null {
  const version = json.schemaVersion;
  if (typeof version === "number" && SETTINGS_SCHEMA_VERSIONS.includes(version)) return null;
  if (typeof version === "number" && Number.isInteger(version) && version > SETTINGS_SCHEMA_VERSION && version <= MAX_VERSION_NUMBER) return { code: "newer", version };
  if (version === undefined) return { code: "version" };
  return { code: "version", version: typeof version === "number" || typeof version === "string" ? String(version).slice(0, 20) : typeof version };
}

/** Check untrusted JSON against a settings schema, then the choices against what the product knows. */
export function checkSettings<S extends typeof templateChoicesSchema | typeof workbookSettingsSchema>(json: unknown, schema: S): SettingsCheck<v.InferOutput<S>> {
  if (typeof json === "object" && json !== null && !Array.isArray(json)) {
    const version = versionProblem(json as Record<string, unknown>);
    if (version) return { ok: false, problem: version };
  }
  const parsed = v.safeParse(schema, json, { abortEarly: true });
  if (!parsed.success) return { ok: false, problem: { code: "shape", issue: parsed.issues[0] } };
  const problems = settingsFieldProblems(parsed.output);
  if (problems.length) return { ok: false, problem: { code: "fields", problems } };
  return { ok: true, settings: parsed.output as v.InferOutput<S> };
}

/** Check a template file's JSON (its `format` already checked). */
export const checkTemplateChoices = (json: unknown): SettingsCheck<TemplateChoices> => checkSettings(json, templateChoicesSchema);

/**
 * Every choice in typed settings that names something the product does not know: templates,
 * municipalities, networks, aggregates, and whether a user template is sound beside the catalog.
 */
export function settingsFieldProblems(s: Omit<TemplateChoices, "schemaVersion" | "writtenAt">): FieldProblem[] {
  const problems: FieldProblem[] = [];
  // A user template the settings carry counts as known (it is registered when they are used).
  const user = s.userTemplate;
  const userOk = user === undefined || userTemplateProblems(user.template, user.indicators).length === 0;
  if (!userOk) problems.push({ field: "userTemplate" });
  const userId = userOk ? user?.template.id : undefined;
  for (const id of s.sectors) if (!templateById(id) && id !== userId) problems.push({ field: "sectors", value: id });
  if (!resolveFocalMunicipality(s.municipality)) problems.push({ field: "municipality", value: s.municipality });
  for (const c of s.comparisons) if (!resolveFocalMunicipality(c)) problems.push({ field: "comparisons", value: c });
  if (!networkFor(s.network)) problems.push({ field: "network", value: s.network });
  // Peers are municipalities; base and references are SSB aggregates.
  for (const p of s.peers ?? []) if (!resolveFocalMunicipality(p)) problems.push({ field: "peers", value: p });
  if (s.network === CUSTOM_NETWORK && !s.peers?.length) problems.push({ field: "peers" });
  if (s.base !== undefined && !resolveAggregate(s.base)) problems.push({ field: "base", value: s.base });
  if (s.network === NO_NETWORK && s.base === undefined) problems.push({ field: "base" });
  for (const r of s.references ?? []) if (!resolveAggregate(r)) problems.push({ field: "references", value: r });
  return problems;
}
