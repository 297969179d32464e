/**
 * The user's whole choice — template, municipality, comparisons, network, peers, base,
 * references, years, source and the advanced options — kept in the browser's storage, so
 * the pane opens where the user left it. (A template workbook's settings still win: they
 * replace the choice once read, see ./useWorkbookTemplate.)
 *
 * What comes back from storage is hostile: anything may have written it, an older version
 * of the product or a hand in the browser's tools. A valibot schema turns it into typed
 * values field by field: a field that is malformed, out of bounds or names what the
 * product does not know (a template, a municipality, a KOSTRA group) falls back to its
 * default alone; an unknown municipality in a list is dropped from it; text that is not
 * JSON, or too large, is ignored as a whole. Nothing read here can stop the pane opening.
 *
 * Loaded with the start chunk (see ../start/startModules): the choice is read before the
 * first view, against the registry and the templates' names (the start manifest), so
 * none of it weighs on the pane's first script. A template the user built is known only
 * to the catalog: it comes back with its template workbook, whose settings win anyway.
 */
import { MAX_SETTINGS_BYTES } from "../../kostra/limits";
import { AGGREGATES, isAggregate, municipalityById } from "../../kostra/municipalities";
import { NETWORK_CHOICES } from "../../kostra/networks";
import { dataYear, v } from "../../kostra/schema";
import { checkBaseUrl } from "../../sources/ssb/base-url";
import { START_MANIFEST } from "../start/startManifest";
import { REFERENCE_CHOICES, type FormState } from "./form";

/** The choice's place in the browser's storage. */
export const CHOICE_KEY = "kostra-benchmark:choice";

/** The fields remembered: every choice the user makes in the pane. (`extraSectors` come only with a template workbook, so they stay with it.) */
export type RememberedChoice = Omit<FormState, "extraSectors">;

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

const id = () => v.pipe(v.string(), v.maxLength(MAX_ID_LENGTH), v.regex(/^[a-z0-9][a-z0-9-]*$/));
const municipality = () => v.pipe(id(), v.check((m) => municipalityById(m) !== undefined && !isAggregate(municipalityById(m))));
/** A list of municipalities: those the product does not know are dropped, as are repeats. */
const municipalities = () =>
  v.pipe(
    v.array(v.fallback(v.optional(municipality()), undefined)),
    v.maxLength(MAX_MUNICIPALITIES),
    v.transform((list) => [...new Set(list.filter((m): m is string => m !== undefined))]),
  );
const kostraGroup = () => v.union([v.literal(""), v.pipe(id(), v.check((g) => g.startsWith("ekg") && AGGREGATES.some((a) => a.id === g)))]);
const baseUrl = () =>
  v.pipe(
    v.string(),
    v.maxLength(MAX_ADDRESS_LENGTH),
    v.check((url) => url.trim() === "" || checkBaseUrl(url).ok),
  );

/** Each field on its own: a bad one becomes undefined (its default) and leaves the others be. */
const field = <S extends v.GenericSchema>(schema: S) => v.fallback(v.optional(schema), undefined);

function choiceSchema({ now, selectionAvailable }: ChoiceContext) {
  // As the settings schema's data years, up to this year (a span that follows the year can start before FIRST_DATA_YEAR).
  const year = () => v.pipe(dataYear(), v.maxValue(now.getFullYear()));
  const sources = selectionAvailable ? (["sample", "ssb", "file", "selection"] as const) : (["sample", "ssb", "file"] as const);
  return v.object({
    sector: field(v.pipe(id(), v.check((s) => START_MANIFEST.templates.some((t) => t.id === s)))),
    municipality: field(municipality()),
    comparisons: field(municipalities()),
    network: field(v.picklist(NETWORK_CHOICES)),
    peers: field(municipalities()),
    base: field(v.picklist(["network", "kostragruppe", "eakuo", "eak"])),
    kostraGroup: field(kostraGroup()),
    references: field(v.pipe(v.array(v.picklist(REFERENCE_CHOICES)), v.maxLength(REFERENCE_CHOICES.length))),
    year: field(year()),
    span: field(v.pipe(v.object({ from: year(), to: year() }), v.check((s) => s.from <= s.to))),
    average: field(v.picklist(["simple", "weighted", "indicator"])),
    includeOslo: field(v.boolean()),
    includeFocal: field(v.boolean()),
    chartComparisons: field(v.boolean()),
    mergedHistory: field(v.picklist(["break", "sum"])),
    source: field(v.picklist(sources)),
    baseUrl: field(baseUrl()),
  });
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
  const parsed = v.safeParse(choiceSchema(context), json(text));
  if (!parsed.success) return {};
  const choice: Partial<RememberedChoice> = {};
  for (const [key, value] of Object.entries(parsed.output)) if (value !== undefined) Object.assign(choice, { [key]: value });
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
