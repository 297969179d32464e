/**
 * The user's whole choice — template, municipality, comparisons, network, peers, base,
 * references, years, source and the advanced options — kept in the browser's storage, so
 * the pane opens where the user left it. (A template workbook's settings still win: they
 * replace the choice once read, see ./useWorkbookTemplate.)
 *
 * What comes back from storage is hostile: anything may have written it, an older version
 * of the product or a hand in the browser's tools. A schema (one check per field, below) turns it into typed
 * values field by field: a field that is malformed, out of bounds or names what the
 * product does not know (a template, a municipality, a KOSTRA group) falls back to its
 * default alone; an unknown municipality in a list is dropped from it; text that is not
 * JSON, or too large, is ignored as a whole. Nothing read here can stop the pane opening.
 *
 * Part of the start modules (see ../start/startModules): the choice is read before the
 * first view, against the municipalities' and the templates' names (the start manifest,
 * which names every municipality of the registry and every KOSTRA group), so none of it
 * weighs on the pane's first script and the registry itself can load after the first view. A template the user built is known only
 * to the catalog: it comes back with its template workbook, whose settings win anyway.
 */
import { MAX_SENTENCE_BAND, MAX_SETTINGS_BYTES } from "../../kostra/limits";
import { NETWORK_CHOICES } from "../../kostra/networks";
import { checkBaseUrl } from "../../sources/ssb/base-url";
import { START_MANIFEST } from "../start/startManifest";
import { REFERENCE_CHOICES, type FormState } from "./form";

/** The choice's place in the browser's storage. */
export const CHOICE_KEY = "kostra-benchmark:choice";

/** The fields remembered: every choice the user makes in the pane. (`extraSectors` come only with a template workbook, so they stay with it.) */
/** Fixed prices are a template's choice (kept in its settings with the user's index rows), not remembered between sessions. */
export type RememberedChoice = Omit<FormState, "extraSectors" | "prices">;

/** What the stored choice is checked against besides the catalog and the registry. */
export interface ChoiceContext {
  /** Today: a year after this one is not a year to benchmark. */
  now: Date;
  /** Whether the selected range can be read (only inside Excel). */
  selectionAvailable: boolean;
}

// Far above what the pane stores (Norway has ~360 municipalities), so only nonsense is cut.
const MAX_MUNICIPALITIES = 500;
const MAX_ID_LENGTH = 100;
/** checkBaseUrl refuses addresses over 2 000 characters; this only keeps the text bounded before it looks. */
const MAX_ADDRESS_LENGTH = 2100;
/** The data years the settings schema accepts (kostra/schema's dataYear), here also no later than this year. */
const FIRST_YEAR = 1990;

/*
 * The schema is written out as one small check per field rather than with valibot (which
 * every other reader of outside input uses): the choice is read before the pane's first
 * view, and valibot's whole module is 14.5 KB gzip of start-up JavaScript, a sixth of the
 * pane's start-up budget. Each check takes `unknown` and gives the typed value or
 * undefined (the field's default); tests/integration/hostile/remembered-choice.test.ts
 * holds them to the same contract field by field.
 */
type Check<T> = (input: unknown) => T | undefined;

const id: Check<string> = (x) => (typeof x === "string" && x.length <= MAX_ID_LENGTH && /^[a-z0-9][a-z0-9-]*$/.test(x) ? x : undefined);
const oneOf =
  <T extends string>(choices: readonly T[]): Check<T> =>
  (x) =>
    typeof x === "string" && (choices as readonly string[]).includes(x) ? (x as T) : undefined;
const bool: Check<boolean> = (x) => (typeof x === "boolean" ? x : undefined);
const municipality: Check<string> = (x) => {
  const m = id(x);
  // The manifest names municipalities only (no aggregates such as Landet), historical ones too.
  return m !== undefined && START_MANIFEST.names.municipalities.some(([known]) => known === m) ? m : undefined;
};
/** A list of municipalities: those the product does not know are dropped, as are repeats. */
const municipalities: Check<string[]> = (x) => {
  if (!Array.isArray(x) || x.length > MAX_MUNICIPALITIES) return undefined;
  return [...new Set(x.map(municipality).filter((m): m is string => m !== undefined))];
};
const kostraGroup: Check<string> = (x) => {
  if (x === "") return "";
  const g = id(x);
  return g !== undefined && g.startsWith("ekg") && START_MANIFEST.names.kostraGroups.includes(g) ? g : undefined;
};
const baseUrl: Check<string> = (x) => (typeof x === "string" && x.length <= MAX_ADDRESS_LENGTH && (x.trim() === "" || checkBaseUrl(x).ok) ? x : undefined);
const references: Check<FormState["references"]> = (x) => {
  if (!Array.isArray(x) || x.length > REFERENCE_CHOICES.length) return undefined;
  const checked = x.map(oneOf(REFERENCE_CHOICES));
  return checked.every((r) => r !== undefined) ? (checked as FormState["references"]) : undefined;
};

function choiceChecks({ now, selectionAvailable }: ChoiceContext): { [K in keyof RememberedChoice]: Check<RememberedChoice[K]> } {
  // As the settings schema's data years, up to this year (a span that follows the year can start before FIRST_DATA_YEAR).
  const year: Check<number> = (x) => (typeof x === "number" && Number.isInteger(x) && x >= FIRST_YEAR && x <= now.getFullYear() ? x : undefined);
  const sources = selectionAvailable ? (["sample", "ssb", "file", "selection"] as const) : (["sample", "ssb", "file"] as const);
  return {
    sector: (x) => {
      const s = id(x);
      return s !== undefined && START_MANIFEST.templates.some((t) => t.id === s) ? s : undefined;
    },
    municipality,
    comparisons: municipalities,
    network: oneOf(NETWORK_CHOICES),
    peers: municipalities,
    base: oneOf(["network", "kostragruppe", "eakuo", "eak"] as const),
    kostraGroup,
    references,
    year,
    span: (x) => {
      if (typeof x !== "object" || x === null || Array.isArray(x)) return undefined;
      const [from, to] = [year((x as { from?: unknown }).from), year((x as { to?: unknown }).to)];
      return from !== undefined && to !== undefined && from <= to ? { from, to } : undefined;
    },
    average: oneOf(["simple", "weighted", "indicator"] as const),
    includeOslo: bool,
    includeFocal: bool,
    chartComparisons: bool,
    mergedHistory: oneOf(["break", "sum"] as const),
    source: oneOf(sources),
    baseUrl,
    sentenceBand: (x) => (typeof x === "number" && Number.isInteger(x) && x >= 0 && x <= MAX_SENTENCE_BAND ? x : undefined),
  };
}

/** Parse stored text as JSON; null when there is none, it is too large or it is not JSON. */
function json(text: string | null): unknown {
  if (text === null || text.length > MAX_SETTINGS_BYTES) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * The remembered choice as overrides of the defaults (only the fields that are sound); {}
 * when nothing usable is stored. Fields that depend on each other are made consistent as
 * the pane's own rules would.
 */
export function rememberedChoice(text: string | null, context: ChoiceContext): Partial<RememberedChoice> {
  const stored = json(text);
  if (typeof stored !== "object" || stored === null || Array.isArray(stored)) return {};
  const choice: Partial<RememberedChoice> = {};
  for (const [key, check] of Object.entries(choiceChecks(context))) {
    // Own fields only: a stored "__proto__" or "constructor" is not a field of the choice.
    const value = Object.prototype.hasOwnProperty.call(stored, key) ? (check as Check<unknown>)((stored as Record<string, unknown>)[key]) : undefined;
    if (value !== undefined) Object.assign(choice, { [key]: value });
  }
  // The rules of formReducer: no peer is the municipality itself; without a network the base is a published figure.
  if (choice.peers && choice.municipality) choice.peers = choice.peers.filter((p) => p !== choice.municipality);
  if (choice.network === "none" && (choice.base ?? "network") === "network") choice.base = "kostragruppe";
  if (choice.references) choice.references = REFERENCE_CHOICES.filter((r) => choice.references?.includes(r));
  if (choice.baseUrl !== undefined) choice.baseUrl = choice.baseUrl.trim();
  return choice;
}

/** The choice as it is stored. */
export function choiceToRemember(form: FormState): string {
  const choice: RememberedChoice & { extraSectors?: string[] } = { ...form };
  delete choice.extraSectors;
  return JSON.stringify(choice);
}
