/**
 * The indicator catalog and the sector templates, read from the data files beside
 * this module (one file per sector, plus the shared indicators) and checked once at
 * load so a broken catalog fails loudly. The full shape is also checked against
 * `catalog/catalog.schema.json` by the test suite.
 */
import common from "./catalog/common.json";
import planMiljoKultur from "./catalog/sectors/plan-miljo-kultur.json";
import tekniskeTjenester from "./catalog/sectors/tekniske-tjenester.json";
import barnehage from "./catalog/sectors/barnehage.json";
import grunnskole from "./catalog/sectors/grunnskole.json";
import barnevern from "./catalog/sectors/barnevern.json";
import pleieOmsorg from "./catalog/sectors/pleie-omsorg.json";
import kommunehelse from "./catalog/sectors/kommunehelse.json";
import sosialeTjenester from "./catalog/sectors/sosiale-tjenester.json";
import eiendomsforvaltning from "./catalog/sectors/eiendomsforvaltning.json";
import samferdsel from "./catalog/sectors/samferdsel.json";
import vannAvlopRenovasjon from "./catalog/sectors/var.json";
import { MAX_LABEL_LENGTH, MAX_UNIT_LENGTH } from "./limits";
import { isAggregate, municipalityById } from "./municipalities";
import { shortened } from "./safe-text";
import { NETWORK_CHOICES } from "./networks";
import { allSelectors, ownSelector, periodProblems, selectorForYear } from "./series";
import type { AverageChoice, Indicator, LocalizedText, Sector, SectorTemplate, SeriesIndicator, SsbSelector, UserTemplate } from "./types";

/** One sector file: the sector, its indicators and its profile templates. */
export interface SectorFile {
  sector: Sector;
  indicators: Indicator[];
  templates: SectorTemplate[];
}

/** Every sector file, in the order sectors are listed to users. */
export const SECTOR_FILES: readonly SectorFile[] = [
  planMiljoKultur, tekniskeTjenester, barnehage, grunnskole, barnevern, pleieOmsorg, kommunehelse, sosialeTjenester, eiendomsforvaltning, samferdsel, vannAvlopRenovasjon,
] as unknown as SectorFile[];

/** The indicator that carries population, used as weight in weighted averages. */
export const POPULATION_INDICATOR = "folkemengde";

/**
 * The indicator that weights `indicator` under the profile's averaging choice, or null
 * when its average is simple: never under "simple"; under "weighted" whenever it has a
 * weight; under "indicator" when KS weights it (its default average is weighted).
 */
export function rowWeightIndicator(indicator: Indicator, choice: AverageChoice): string | null {
  if (choice === "simple" || (choice === "indicator" && indicator.defaultAverage !== "weighted")) return null;
  return weightIndicatorOf(indicator);
}

/** The indicator id that weights `indicator` in a weighted average, or null when it is never weighted. */
export function weightIndicatorOf(indicator: Indicator): string | null {
  const w = indicator.weight;
  if (w === "none") return null;
  return w === "population" ? POPULATION_INDICATOR : w.indicator;
}

/**
 * Problems with a set of indicators and templates (duplicate ids, unknown references,
 * selectors that don't pick exactly one code per dimension). Empty when sound.
 * Also used for templates a user builds or imports.
 */
export function catalogProblems(indicators: readonly Indicator[], templates: readonly SectorTemplate[]): string[] {
  const problems: string[] = [];
  const byId = new Map<string, Indicator>();
  for (const ind of indicators) {
    if (byId.has(ind.id)) problems.push(`duplicate indicator id ${ind.id}`);
    byId.set(ind.id, ind);
  }
  for (const ind of indicators) {
    if (!ind.label?.nb || !ind.label?.en) problems.push(`${ind.id} lacks a label`);
    if ((ind.ssb === undefined) === (ind.ratio === undefined)) problems.push(`${ind.id} must have exactly one of an SSB selector and a ratio`);
    // Every series the indicator reads in some year (earlier tables too), and its periods.
    for (const ssb of allSelectors(ind)) problems.push(...selectorProblems(ind.id, ssb));
    problems.push(...periodProblems(ind));
    if (ind.ratio) problems.push(...ratioProblems(ind, byId));
    const weightId = weightIndicatorOf(ind);
    if (weightId !== null) {
      const w = byId.get(weightId);
      if (!w) problems.push(`${ind.id} is weighted by unknown indicator ${weightId}`);
      // A ratio is weighted by its denominator, which may be an amount (total net expenditure).
      else if (w.measure !== "count" && !(ind.ratio && w.measure === "amount")) problems.push(`${ind.id} is weighted by ${weightId}, which is not a count`);
    }
    if (ind.weight === "none" && ind.defaultAverage === "weighted")
      problems.push(`${ind.id} has no weight but a weighted default average`);
    if (ind.amount && ind.measure !== "per-capita") problems.push(`${ind.id} has an amount but is not a per-capita figure`);
    if (ind.amount && ind.ssb) {
      for (const dim of Object.keys(ind.amount.select))
        if (!(dim in ind.ssb.select)) problems.push(`${ind.id}: amount replaces ${dim}, which the selector does not select`);
    }
  }
  const templateIds = new Set<string>();
  for (const t of templates) {
    if (templateIds.has(t.id)) problems.push(`duplicate template id ${t.id}`);
    templateIds.add(t.id);
    if (t.indicators.length === 0) problems.push(`template ${t.id} has no indicators`);
    if (new Set(t.indicators).size !== t.indicators.length) problems.push(`template ${t.id} lists an indicator twice`);
    for (const id of t.indicators) if (!byId.has(id)) problems.push(`template ${t.id}: unknown indicator ${id}`);
    for (const g of t.groups ?? [])
      if (!t.indicators.includes(g.from)) problems.push(`template ${t.id}: group starts at ${g.from}, not in the template`);
    for (const [id, label] of Object.entries(t.labels ?? {}))
      if (!t.indicators.includes(id) || !label?.nb?.trim() || !label?.en?.trim()) problems.push(`template ${t.id}: bad label for ${id}`);
    for (const [id, d] of Object.entries(t.decimals ?? {}))
      if (!t.indicators.includes(id) || !Number.isInteger(d) || d < 0 || d > 4) problems.push(`template ${t.id}: bad decimals for ${id}`);
    // A template shared in a workbook or a file names its comparison municipalities and network: they must exist.
    for (const id of t.defaultComparisons) {
      const m = municipalityById(id);
      if (!m || isAggregate(m)) problems.push(`template ${t.id}: unknown comparison municipality ${id}`);
    }
    if (!NETWORK_CHOICES.includes(t.network)) problems.push(`template ${t.id}: unknown network ${t.network}`);
  }
  return problems;
}

function selectorProblems(id: string, ssb: SsbSelector): string[] {
  const problems: string[] = [];
  for (const [dim, codes] of Object.entries(ssb.select)) {
    const summed = ssb.sum?.includes(dim) ?? false;
    if (codes.length === 0 || (!summed && codes.length !== 1)) problems.push(`${id} must select exactly one code of ${dim} unless it is summed`);
    if (summed && codes.length < 2) problems.push(`${id} sums ${dim} but selects fewer than two codes`);
  }
  for (const dim of ssb.sum ?? []) if (!(dim in ssb.select)) problems.push(`${id} sums ${dim}, which it does not select`);
  return problems;
}

/**
 * A ratio's series must be catalog series (amounts or counts, each fetched from SSB by a
 * selector of its own), and a weighted ratio is weighted by its one denominator series, so
 * that value × weight is scale × numerator and the weighted average is scale × Σ numerator
 * ÷ Σ denominator, as KS averages it.
 */
function ratioProblems(ind: Indicator, byId: ReadonlyMap<string, Indicator>): string[] {
  const problems: string[] = [];
  const { numerator, denominator, key, scale } = ind.ratio!;
  if (!(Number.isFinite(scale) && scale > 0)) problems.push(`${ind.id}: a ratio's scale must be a positive number`);
  if (numerator.length === 0 || denominator.length === 0) problems.push(`${ind.id}: a ratio needs a numerator and a denominator`);
  for (const id of [...numerator, ...denominator, ...(key?.share ?? []), ...(key?.rest ?? [])]) {
    const series = byId.get(id);
    if (!series) problems.push(`${ind.id}: unknown series ${id}`);
    else if (series.measure !== "amount" && series.measure !== "count") problems.push(`${ind.id}: series ${id} is not an amount or a count`);
    else if (!series.ssb) problems.push(`${ind.id}: series ${id} is itself a ratio`);
  }
  if (key && (key.share.length === 0 || key.rest.length === 0)) problems.push(`${ind.id}: a distribution key needs a share and a rest`);
  const w = ind.weight;
  if (w === "population") problems.push(`${ind.id}: a ratio is weighted by its denominator, not by population`);
  if (typeof w === "object" && !(denominator.length === 1 && w.indicator === denominator[0]))
    problems.push(`${ind.id}: a weighted ratio must have one denominator series and be weighted by it`);
  if (ind.amount) problems.push(`${ind.id}: a ratio has no amount selector`);
  return problems;
}

/** The series a ratio indicator is computed from (numerator, denominator, key), each once; empty for a single series. */
export function ratioSeriesIds(ind: Indicator): string[] {
  if (!ind.ratio) return [];
  const { numerator, denominator, key } = ind.ratio;
  return [...new Set([...numerator, ...denominator, ...(key?.share ?? []), ...(key?.rest ?? [])])];
}

/** The SSB tables an indicator is read from: its own, or its series' for a ratio; none where unconfirmed. */
export function sourceTables(ind: Indicator, year?: number): string[] {
  // The table a data year reads (barnehage: 12562 until 2019, 13502 from 2020), else the current one.
  const selectorOf = (i: Indicator | undefined) => (i === undefined ? undefined : ((year === undefined ? undefined : selectorForYear(i, year)) ?? ownSelector(i)));
  const selectors = ind.ratio ? ratioSeriesIds(ind).map((id) => selectorOf(indicatorById.get(id))) : [selectorOf(ind)];
  return [...new Set(selectors.map((s) => s?.table).filter((t): t is string => typeof t === "string"))];
}

/**
 * What must be fetched for a load of `indicators`: each single series itself, each ratio's
 * series instead of the ratio (a ratio has no SSB selector of its own), and, when the load
 * needs weights (a weighted average, a back series), the counts the figures are weighted
 * by. Population is not among them: where it comes from is the SSB planner's choice.
 * Each indicator once, in first-seen order. The one rule for the SSB planner, the CLI and
 * the pane.
 */
export function indicatorsToFetch(indicators: readonly Indicator[], needsWeights: boolean): Indicator[] {
  const out: Indicator[] = [];
  const add = (ind: Indicator | undefined) => {
    if (ind && !out.some((i) => i.id === ind.id)) out.push(ind);
  };
  for (const ind of indicators) {
    if (ind.ratio) ratioSeriesIds(ind).forEach((id) => add(indicatorById.get(id)));
    else add(ind);
  }
  if (needsWeights) for (const w of weightIndicators(indicators)) if (w.id !== POPULATION_INDICATOR) add(w);
  return out;
}

function assemble(files: readonly SectorFile[], shared: readonly Indicator[]): { indicators: Indicator[]; templates: SectorTemplate[] } {
  const indicators: Indicator[] = [...shared];
  const templates: SectorTemplate[] = [];
  const problems: string[] = [];
  for (const f of files) {
    for (const ind of f.indicators) {
      if (ind.sector !== undefined && ind.sector !== f.sector.id)
        problems.push(`${ind.id} says sector ${ind.sector} but is in the file of ${f.sector.id}`);
      indicators.push({ ...ind, sector: f.sector.id });
    }
    for (const t of f.templates) {
      if (t.sector !== undefined && t.sector !== f.sector.id)
        problems.push(`template ${t.id} says sector ${t.sector} but is in the file of ${f.sector.id}`);
      templates.push({ ...t, sector: f.sector.id });
    }
  }
  problems.push(...catalogProblems(indicators, templates));
  if (problems.length > 0) throw new Error(`Indicator catalog: ${problems.join("; ")}`);
  return { indicators, templates };
}

const assembled = assemble(SECTOR_FILES, (common as unknown as { indicators: Indicator[] }).indicators);

export const INDICATORS: readonly Indicator[] = assembled.indicators;
export const SECTOR_TEMPLATES: readonly SectorTemplate[] = assembled.templates;
export const SECTORS: readonly Sector[] = SECTOR_FILES.map((f) => f.sector);

const indicatorById = new Map(INDICATORS.map((i) => [i.id, i]));

export function indicatorFor(id: string): Indicator | undefined {
  return indicatorById.get(id);
}

export function templateById(id: string): SectorTemplate | undefined {
  return SECTOR_TEMPLATES.find((t) => t.id === id);
}

/** The sector's profile templates, in catalog order. */
export function templatesOfSector(id: string): SectorTemplate[] {
  return SECTOR_TEMPLATES.filter((t) => t.sector === id);
}

/** The template's indicators in display order, with the template's own labels and decimals where it has them. */
export function templateIndicators(t: SectorTemplate): Indicator[] {
  return t.indicators.map((id) => {
    const ind = indicatorById.get(id) as Indicator;
    const label = t.labels?.[id];
    const decimals = t.decimals?.[id];
    if (!ind || (label === undefined && decimals === undefined)) return ind;
    return { ...ind, ...(label ? { label } : {}), ...(decimals !== undefined ? { decimals } : {}) };
  });
}

/** Suffix of the companion indicator that carries a per-capita figure's amount: "kunstformidling:belop". */
export const AMOUNT_SUFFIX = ":belop";

/**
 * The companion amount indicator of a per-capita figure that has an `amount` selector
 * (the same SSB cells with the amount's codes, in `amount.scale` kroner), or null. Used to
 * recompute per-capita figures from summed amounts, e.g. for merged municipalities.
 */
export function amountIndicatorOf(ind: Indicator): Indicator | null {
  if (!ind.amount || ind.measure !== "per-capita" || !ind.ssb) return null;
  const unit = ind.amount.scale === 1 ? "kr" : `${ind.amount.scale} kr`;
  const strip = (label: string, re: RegExp) => label.replace(re, "").trim();
  return {
    id: `${ind.id}${AMOUNT_SUFFIX}`,
    label: {
      nb: `${strip(ind.label.nb, /,?\s*(pr\.|per)\s+innbygger\s*$/i)} (beløp, ${unit})`,
      en: `${strip(ind.label.en, /,?\s*per\s+inhabitant\s*$/i)} (amount, ${unit.replace(" kr", " NOK").replace(/^kr$/, "NOK")})`,
    },
    unit: { nb: unit, en: unit.replace(/kr$/, "NOK") },
    decimals: 0,
    measure: "amount",
    ssb: { ...ind.ssb, select: { ...ind.ssb.select, ...ind.amount.select } },
    // The amount follows the figure's series and validity (samferdsel: f332 alone until 2019).
    ...(ind.earlier ? { earlier: ind.earlier.map((e) => ({ to: e.to, ssb: { ...e.ssb, select: { ...e.ssb.select, ...ind.amount!.select } } })) } : {}),
    ...(ind.valid ? { valid: ind.valid } : {}),
    weight: "none",
    defaultAverage: "simple",
    confidence: ind.confidence,
    definition: {
      nb: `Beløpet bak «${ind.label.nb}», i ${unit}.`,
      en: `The amount behind "${ind.label.en}", in ${unit.replace(/kr$/, "NOK")}.`,
    },
    ...(ind.source ? { source: ind.source } : {}),
    ...(ind.sector ? { sector: ind.sector } : {}),
  };
}

/** A companion amount indicator by its id ("kunstformidling:belop"), or undefined. */
export function amountIndicatorFor(id: string): Indicator | undefined {
  if (!id.endsWith(AMOUNT_SUFFIX)) return undefined;
  const base = indicatorById.get(id.slice(0, -AMOUNT_SUFFIX.length));
  return (base && amountIndicatorOf(base)) ?? undefined;
}

/** Indicator ids that weight the given indicators (population, counts), without duplicates. */
export function weightIndicators(indicators: readonly Indicator[]): Indicator[] {
  const ids = new Set<string>();
  for (const ind of indicators) {
    const w = weightIndicatorOf(ind);
    if (w !== null) ids.add(w);
  }
  return [...ids].map((id) => indicatorById.get(id)).filter((i): i is Indicator => i !== undefined);
}

// ---------------------------------------------------------------------------
// User templates: built in the pane, saved in a workbook or a template file, and
// registered at run time beside the catalog's, so the engine, the report builders and the
// SSB planner (which read INDICATORS, indicatorFor and templateById) see them.

/** Id prefix of a user template ("mal-mine-nokkeltall"). */
export const USER_TEMPLATE_PREFIX = "mal-";
/** Id prefix of a user indicator picked from an SSB table ("bruker-12362-…"). */
export const USER_INDICATOR_PREFIX = "bruker-";

const catalogIndicatorIds = new Set(INDICATORS.map((i) => i.id));
const catalogTemplateIds = new Set(SECTOR_TEMPLATES.map((t) => t.id));
const mutableIndicators = assembled.indicators;
const mutableTemplates = assembled.templates;

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const isText = (x: unknown): x is LocalizedText => isObj(x) && typeof x.nb === "string" && typeof x.en === "string";
const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === "string");

/** Shape problems of data that may come from a file (catalogProblems assumes the shape). */
function userShapeProblems(template: unknown, indicators: unknown): string[] {
  const problems: string[] = [];
  if (!isObj(template)) return ["the template is not an object"];
  if (typeof template.id !== "string" || !template.id.startsWith(USER_TEMPLATE_PREFIX) || catalogTemplateIds.has(template.id))
    problems.push(`a user template's id must start with ${USER_TEMPLATE_PREFIX}`);
  if (!isText(template.label) || !template.label.nb.trim() || !template.label.en.trim()) problems.push("the template has no name");
  if (!isStrings(template.indicators)) problems.push("the template's indicators are not a list of ids");
  if (!isStrings(template.defaultComparisons)) problems.push("the template's comparisons are not a list of ids");
  if (typeof template.network !== "string") problems.push("the template has no network");
  if (template.sector !== undefined && typeof template.sector !== "string") problems.push("the template's sector is not text");
  if (template.groups !== undefined && !(Array.isArray(template.groups) && template.groups.every((g) => isObj(g) && typeof g.from === "string" && isText(g.label))))
    problems.push("the template's groups are malformed");
  if (template.labels !== undefined && !(isObj(template.labels) && Object.values(template.labels).every(isText))) problems.push("the template's labels are malformed");
  if (template.decimals !== undefined && !(isObj(template.decimals) && Object.values(template.decimals).every((d) => typeof d === "number")))
    problems.push("the template's decimals are malformed");
  if (!Array.isArray(indicators)) return [...problems, "the indicators are not a list"];
  for (const ind of indicators as unknown[]) {
    if (!isObj(ind) || typeof ind.id !== "string") {
      problems.push("an indicator has no id");
      continue;
    }
    const ssb = ind.ssb;
    const ok =
      ind.id.startsWith(USER_INDICATOR_PREFIX) &&
      !catalogIndicatorIds.has(ind.id) &&
      isText(ind.label) &&
      isText(ind.unit) &&
      isText(ind.definition) &&
      typeof ind.decimals === "number" &&
      ["per-capita", "amount", "count", "share", "key-figure"].includes(ind.measure as string) &&
      (ind.weight === "none" || ind.weight === "population" || (isObj(ind.weight) && typeof ind.weight.indicator === "string")) &&
      (ind.defaultAverage === "simple" || ind.defaultAverage === "weighted") &&
      ["high", "medium", "low"].includes(ind.confidence as string) &&
      isObj(ssb) &&
      (typeof ssb.table === "string" || ssb.table === null) &&
      typeof ssb.regionDimension === "string" &&
      typeof ssb.timeDimension === "string" &&
      isObj(ssb.select) &&
      Object.values(ssb.select).every(isStrings) &&
      (ssb.sum === undefined || isStrings(ssb.sum)) &&
      ssb.yearOffset === undefined &&
      ind.amount === undefined &&
      ind.earlier === undefined &&
      ind.valid === undefined;
    if (!ok) problems.push(`${ind.id} is not a well-formed user indicator (ids start with ${USER_INDICATOR_PREFIX})`);
  }
  return problems;
}

/**
 * Problems with a user template and its own indicators, checked against the catalog and
 * the other registered user indicators (the same checks as the catalog's). Empty when it
 * can be registered. Safe on untrusted data (a workbook's settings, a template file).
 */
export function userTemplateProblems(template: unknown, indicators: unknown): string[] {
  const shape = userShapeProblems(template, indicators);
  if (shape.length) return shape;
  const t = template as SectorTemplate;
  const own = indicators as Indicator[];
  const ownIds = new Set(own.map((i) => i.id));
  return catalogProblems([...INDICATORS.filter((i) => !ownIds.has(i.id)), ...own], [t]);
}

/**
 * Register a user template and its own indicators (adding them, or replacing those with
 * the same ids). Returns the problems and changes nothing when it is not sound.
 */
export function registerUserTemplate(template: SectorTemplate, indicators: readonly Indicator[]): string[] {
  const problems = userTemplateProblems(template, indicators);
  if (problems.length) return problems;
  for (const ind of indicators) {
    const at = mutableIndicators.findIndex((i) => i.id === ind.id);
    if (at >= 0) mutableIndicators[at] = ind;
    else mutableIndicators.push(ind);
    indicatorById.set(ind.id, ind);
  }
  const at = mutableTemplates.findIndex((t) => t.id === template.id);
  if (at >= 0) mutableTemplates[at] = template;
  else mutableTemplates.push(template);
  return [];
}

/** Remove a user template, and the user indicators no other user template uses. False when there was none. */
export function unregisterUserTemplate(id: string): boolean {
  if (catalogTemplateIds.has(id)) return false;
  const at = mutableTemplates.findIndex((t) => t.id === id);
  if (at < 0) return false;
  mutableTemplates.splice(at, 1);
  const used = new Set(mutableTemplates.flatMap((t) => t.indicators));
  for (let i = mutableIndicators.length - 1; i >= 0; i--) {
    const ind = mutableIndicators[i];
    if (!catalogIndicatorIds.has(ind.id) && !used.has(ind.id)) {
      mutableIndicators.splice(i, 1);
      indicatorById.delete(ind.id);
    }
  }
  return true;
}

/** Forget every user template and user indicator (tests). */
export function resetUserCatalog(): void {
  for (const t of mutableTemplates.filter((x) => !catalogTemplateIds.has(x.id))) unregisterUserTemplate(t.id);
}

/** Whether the template is a user's own (registered at run time), not the catalog's. */
export function isUserTemplate(id: string): boolean {
  return id.startsWith(USER_TEMPLATE_PREFIX) && !catalogTemplateIds.has(id) && templateById(id) !== undefined;
}

/** A registered user template with the user indicators it uses: what a workbook or template file keeps. */
export function userTemplateOf(id: string): UserTemplate | undefined {
  if (!isUserTemplate(id)) return undefined;
  const template = templateById(id) as SectorTemplate;
  const indicators = template.indicators.filter((i) => !catalogIndicatorIds.has(i)).map((i) => indicatorById.get(i) as SeriesIndicator);
  return { template, indicators };
}

/** One code per dimension of an SSB table, as the user picked it in the pane. */
export interface SsbPick {
  table: string;
  regionDimension: string;
  timeDimension: string;
  /** Dimension id → the one value code picked (every dimension but region and time). */
  select: Record<string, string>;
  /** The picked codes' labels, for the definition ("Netto driftsutgifter, 370 Bibliotek"). */
  selectLabels: string[];
  label: LocalizedText;
  /** SSB's unit, e.g. "kr per innbygger", "prosent". */
  unit: LocalizedText;
  decimals: number;
  /** The day the metadata was read (YYYY-MM-DD). */
  fetchedOn: string;
}

/** Whether a unit is kroner per inhabitant ("kr per innbygger", "kroner pr. innbygger", "NOK per inhabitant"). */
export function isPerCapitaUnit(unit: string): boolean {
  return /\b(kr|kroner|nok)\b.*\b(per|pr\.?)\s+(innbygger|inhabitant)/i.test(unit);
}

/**
 * A user indicator for an SSB pick. Its id is made from the table and the codes, so the
 * same pick always gives the same indicator. Averaged simply and never weighted: nothing
 * is known about what it is per.
 */
export function userIndicatorFromSsb(pick: SsbPick): SeriesIndicator {
  const codes = Object.keys(pick.select)
    .sort()
    .map((d) => pick.select[d]);
  const slug = [pick.table, ...codes]
    .join("-")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  // SSB's labels can be long; the indicator must stay within what template settings may hold (limits.ts).
  const what = shortened(pick.selectLabels.join(", "), MAX_LABEL_LENGTH - 40);
  return {
    id: `${USER_INDICATOR_PREFIX}${slug}`,
    label: pick.label,
    unit: { nb: shortened(pick.unit.nb, MAX_UNIT_LENGTH), en: shortened(pick.unit.en, MAX_UNIT_LENGTH) },
    decimals: Math.min(4, Math.max(0, Math.round(pick.decimals))),
    measure: isPerCapitaUnit(pick.unit.nb) || isPerCapitaUnit(pick.unit.en) ? "per-capita" : "key-figure",
    ssb: {
      table: pick.table,
      regionDimension: pick.regionDimension,
      timeDimension: pick.timeDimension,
      select: Object.fromEntries(Object.entries(pick.select).map(([d, c]) => [d, [c]])),
    },
    weight: "none",
    defaultAverage: "simple",
    confidence: "high",
    definition: { nb: `SSB-tabell ${pick.table}: ${what}.`, en: `SSB table ${pick.table}: ${what}.` },
    source: `Valgt fra SSB-tabell ${pick.table} (metadata hentet ${pick.fetchedOn})`,
  };
}
