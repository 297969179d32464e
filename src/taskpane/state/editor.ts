/**
 * The template editor's state: the template's name and its indicators in order, each with
 * the label and decimals it is shown with, and the user indicators picked from SSB. A
 * reducer, so the rules are tested without React; `editedTemplate` turns it into the user
 * template the catalog registers.
 */
import type { Indicator, Lang, LocalizedText, SectorTemplate, SeriesIndicator, UserTemplate } from "../../kostra/types";
import { domain } from "../domain";
import type { SsbTableDimensions } from "../services/types";
import { slug } from "./slug";

export interface EditorItem {
  id: string;
  /** The indicator's own label and decimals (the catalog's, or SSB's for a user indicator). */
  base: { label: LocalizedText; decimals: number };
  /** The template's own label before editing, kept when the text is left as it was. */
  override?: LocalizedText;
  /** The label as shown and edited. */
  label: string;
  decimals: number;
  unit: LocalizedText;
  /** Sector label or "SSB table N", to tell indicators apart. */
  origin: string;
}

export interface EditorState {
  /** The id the template is saved under: the user template's own, or a new "mal-…" id. */
  id: string;
  /** The template edited, when it is a copy of one that comes with the add-in. */
  copyOf: string | null;
  name: string;
  items: EditorItem[];
  /** User indicators (from SSB) the template may use, by id. */
  userIndicators: Record<string, Indicator>;
  /** What the saved template takes over unchanged. */
  keep: Pick<SectorTemplate, "sector" | "groups" | "defaultComparisons" | "network">;
}

export type EditorAction =
  | { type: "name"; name: string }
  | { type: "add"; indicator: Indicator }
  | { type: "remove"; id: string }
  | { type: "move"; id: string; by: -1 | 1 }
  | { type: "label"; id: string; label: string }
  | { type: "decimals"; id: string; decimals: number };

export const MAX_DECIMALS = 4;

function originOf(ind: Indicator, lang: Lang): string {
  if (ind.id.startsWith("bruker-") && ind.ssb?.table) return ind.ssb.table;
  return domain().SECTORS.find((s) => s.id === ind.sector)?.label[lang] ?? "";
}

function itemFor(ind: Indicator, lang: Lang, template?: SectorTemplate): EditorItem {
  const override = template?.labels?.[ind.id];
  return {
    id: ind.id,
    base: { label: ind.label, decimals: ind.decimals },
    ...(override ? { override } : {}),
    label: (override ?? ind.label)[lang],
    decimals: template?.decimals?.[ind.id] ?? ind.decimals,
    unit: ind.unit,
    origin: originOf(ind, lang),
  };
}

/** "Min mal (egen)" → "mal-min-mal-egen". */
export function templateIdFor(name: string): string {
  return `${domain().USER_TEMPLATE_PREFIX}${slug(name) || "egen"}`;
}

/** An id for a new template that no other template has. */
function freeId(name: string): string {
  const base = templateIdFor(name);
  let id = base;
  for (let n = 2; domain().templateById(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * The editor for a template: a user template is edited in place; one that comes with the
 * add-in is copied (saved under a new name and id); `null` starts an empty one that takes
 * its network and comparisons from `current`.
 */
export function editorFor(template: SectorTemplate | null, lang: Lang, names: { copy: (name: string) => string; fresh: string }, current?: SectorTemplate): EditorState {
  const own = template !== null && domain().isUserTemplate(template.id);
  const name = template === null ? names.fresh : own ? template.label[lang] : names.copy(template.label[lang]);
  const inds = template ? domain().templateIndicators({ ...template, labels: undefined, decimals: undefined }) : [];
  const source = template ?? current;
  return {
    id: own ? template.id : "",
    copyOf: template && !own ? template.id : null,
    name,
    items: inds.filter((i): i is Indicator => i !== undefined).map((i) => itemFor(i, lang, template ?? undefined)),
    userIndicators: Object.fromEntries(inds.filter((i) => i?.id.startsWith("bruker-")).map((i) => [i.id, i])),
    keep: {
      ...(template?.sector ? { sector: template.sector } : {}),
      ...(template?.groups ? { groups: template.groups } : {}),
      defaultComparisons: [...(source?.defaultComparisons ?? [])],
      network: source?.network ?? "asss",
    },
  };
}

export function editorReducer(state: EditorState, action: EditorAction, lang: Lang): EditorState {
  const at = "id" in action ? state.items.findIndex((i) => i.id === action.id) : -1;
  switch (action.type) {
    case "name":
      return { ...state, name: action.name };
    case "add": {
      if (state.items.some((i) => i.id === action.indicator.id)) return state;
      const ind = action.indicator;
      return {
        ...state,
        items: [...state.items, itemFor(ind, lang)],
        userIndicators: ind.id.startsWith("bruker-") ? { ...state.userIndicators, [ind.id]: ind } : state.userIndicators,
      };
    }
    case "remove":
      return at < 0 ? state : { ...state, items: state.items.filter((i) => i.id !== action.id) };
    case "move": {
      const to = at + action.by;
      if (at < 0 || to < 0 || to >= state.items.length) return state;
      const items = [...state.items];
      [items[at], items[to]] = [items[to], items[at]];
      return { ...state, items };
    }
    case "label":
      return at < 0 ? state : { ...state, items: state.items.map((i, k) => (k === at ? { ...i, label: action.label } : i)) };
    case "decimals": {
      const decimals = Math.min(MAX_DECIMALS, Math.max(0, Math.round(action.decimals)));
      return at < 0 || !Number.isFinite(action.decimals) ? state : { ...state, items: state.items.map((i, k) => (k === at ? { ...i, decimals } : i)) };
    }
  }
}

export type EditorProblem = "name" | "indicators" | "label";

/** What keeps the template from being saved, if anything. */
export function editorProblems(state: EditorState): EditorProblem[] {
  const problems: EditorProblem[] = [];
  if (!state.name.trim()) problems.push("name");
  if (state.items.length === 0) problems.push("indicators");
  if (state.items.some((i) => !i.label.trim())) problems.push("label");
  return problems;
}

/** The user template the editor describes: only what differs from the indicators' own label and decimals is kept. */
export function editedTemplate(state: EditorState, lang: Lang): UserTemplate {
  const name = state.name.trim();
  const labels: Record<string, LocalizedText> = {};
  const decimals: Record<string, number> = {};
  for (const item of state.items) {
    const text = item.label.trim();
    if (item.override && text === item.override[lang]) labels[item.id] = item.override;
    else if (text !== item.base.label[lang]) labels[item.id] = { nb: text, en: text };
    if (item.decimals !== item.base.decimals) decimals[item.id] = item.decimals;
  }
  const ids = state.items.map((i) => i.id);
  const groups = state.keep.groups?.filter((g) => ids.includes(g.from));
  const template: SectorTemplate = {
    id: state.id || freeId(name),
    label: { nb: name, en: name },
    ...(state.keep.sector ? { sector: state.keep.sector } : {}),
    indicators: ids,
    ...(groups?.length ? { groups } : {}),
    defaultComparisons: state.keep.defaultComparisons,
    network: state.keep.network,
    ...(Object.keys(labels).length ? { labels } : {}),
    ...(Object.keys(decimals).length ? { decimals } : {}),
  };
  const indicators = ids.map((id) => state.userIndicators[id]).filter((i): i is SeriesIndicator => i?.ssb !== undefined);
  return { template, indicators };
}

/** The catalog's indicators that match a text (label or sector), leaving out those already chosen. */
export function catalogMatches(text: string, lang: Lang, exclude: readonly string[]): Indicator[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const sectorLabel = new Map(domain().SECTORS.map((s) => [s.id, `${s.label.nb} ${s.label.en}`.toLowerCase()]));
  return domain().INDICATORS.filter((ind) => {
    if (exclude.includes(ind.id)) return false;
    const hay = `${ind.label[lang]} ${ind.label.nb} ${sectorLabel.get(ind.sector ?? "") ?? ""} ${ind.id}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

/** The dimensions of an SSB table the user picks a code in (all but region and time). */
export function pickableDimensions(meta: SsbTableDimensions): SsbTableDimensions["dimensions"] {
  return meta.dimensions.filter((d) => d.id !== meta.regionDimension && d.id !== meta.timeDimension && d.values.length > 0);
}

/** The first code of every pickable dimension: where a pick starts. */
export function firstCodes(meta: SsbTableDimensions): Record<string, string> {
  return Object.fromEntries(pickableDimensions(meta).map((d) => [d.id, d.values[0].code]));
}

const CONTENTS = /^contents(code)?$/i;

/** The label the picked codes suggest: the statistic's (ContentsCode) label after the other picks. */
export function suggestedLabel(meta: SsbTableDimensions, codes: Record<string, string>): string {
  const parts = pickableDimensions(meta).map((d) => ({ contents: CONTENTS.test(d.id), label: d.values.find((v) => v.code === codes[d.id])?.label ?? "" }));
  const others = parts.filter((p) => !p.contents && p.label).map((p) => p.label);
  const contents = parts.filter((p) => p.contents && p.label).map((p) => p.label);
  return [...others, ...contents].join(", ");
}

/** The unit and decimals SSB gives the picked statistic; "kr per innbygger" where the statistic is kroner per inhabitant. */
export function unitOf(meta: SsbTableDimensions, codes: Record<string, string>): { unit: string; decimals: number } {
  const dim = meta.dimensions.find((d) => CONTENTS.test(d.id)) ?? pickableDimensions(meta).find((d) => d.values.some((v) => v.unit));
  const value = dim?.values.find((v) => v.code === codes[dim.id]);
  const base = value?.unit?.base?.trim() ?? "";
  const perInhabitant = /innbygger|inhabitant/i.test(value?.label ?? "") && /^(kr|kroner|nok)$/i.test(base);
  return { unit: perInhabitant ? "kr per innbygger" : base, decimals: value?.unit?.decimals ?? 0 };
}

/** The user indicator for the codes picked in a table. */
export function indicatorFromPick(meta: SsbTableDimensions, codes: Record<string, string>, label: string, fetchedOn: string): Indicator {
  const dims = pickableDimensions(meta);
  const { unit, decimals } = unitOf(meta, codes);
  const text = label.trim() || suggestedLabel(meta, codes);
  return domain().userIndicatorFromSsb({
    table: meta.id,
    regionDimension: meta.regionDimension,
    timeDimension: meta.timeDimension,
    select: Object.fromEntries(dims.map((d) => [d.id, codes[d.id] ?? d.values[0].code])),
    selectLabels: dims.map((d) => {
      const v = d.values.find((x) => x.code === codes[d.id]) ?? d.values[0];
      return `${d.label}: ${v.label}`;
    }),
    label: { nb: text, en: text },
    unit: { nb: unit, en: unit.replace(/^kr per innbygger$/, "NOK per inhabitant") },
    decimals,
    fetchedOn,
  });
}
