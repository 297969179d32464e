/**
 * Template settings kept in the workbook, so a shared template workbook can be refreshed
 * to next year's figures in one click: which templates, municipality, comparisons,
 * network, averaging, years, source, and which sheets the add-in owns. Stored as JSON
 * inside a custom XML part of our own namespace (not workbook.settings, which is keyed
 * to one add-in id). Versioned and checked on read: a corrupt, foreign or newer part is
 * reported, never silently overwritten.
 *
 * A workbook may come from anyone, so its part is read as hostile input: at most
 * MAX_SETTINGS_BYTES, the JSON taken out of the XML by one linear pass that expects the
 * shape this module writes (no regular expression runs over the part), then checked by
 * the same schema as template files (./settings-schema).
 *
 * The same part is written by the add-in into an open workbook (src/excel/report-write.ts)
 * and by the .xlsx writer into a file (`kostra report`, `kostra templates --workbooks`, the
 * pane's "Last ned som .xlsx"); both build it with `settingsPart`, so a file made outside
 * Excel is a template workbook too.
 *
 * Which sheets the report owns. In Excel an owned sheet is known by its worksheet id (stable
 * across renames) AND its name. A file no Excel has opened has no worksheet ids, so the
 * .xlsx writer records owned sheets by key and name only, without `id`. The rule: a sheet
 * without an id is adopted by its name on first open in Excel — the workbook's sheet of
 * exactly that name is the report's (the pane still asks before replacing it, as for every
 * claimed sheet), and the pane's next write records the ids of the sheets it writes, so
 * from then on they are known by id. A sheet renamed before that write is the user's.
 */
import { MAX_SETTINGS_BYTES } from "../kostra/limits";
import { xmlSafeDeep } from "../kostra/safe-text";
import type { PriceChoice } from "../kostra/prices";
import type { AverageChoice, Lang, LocalizedText, UserTemplate } from "../kostra/types";
import { checkSettings, describeShape, SETTINGS_SCHEMA_VERSION, workbookSettingsSchema, type SettingsProblem } from "./settings-schema";

export { SETTINGS_SCHEMA_VERSION, settingsFieldProblems, type FieldProblem } from "./settings-schema";

export const SETTINGS_NAMESPACE = "urn:kostra-benchmark:template-settings";

export interface OwnedSheet {
  /** Plan key, e.g. "profile:plan-miljo-kultur:2017". */
  key: string;
  /**
   * Excel's worksheet id (stable across renames). Absent in a file written outside Excel,
   * where the sheet is adopted by its name on first open (see the module's comment).
   */
  id?: string;
  name: string;
}

/** An owned sheet whose worksheet id is known: recorded by Excel, or adopted by name in the open workbook. */
export type KnownSheet = OwnedSheet & { id: string };

export interface TemplateSettings {
  schemaVersion: number;
  sectors: string[];
  municipality: string;
  comparisons: string[];
  /** "asss", "custom" (the user's own `peers`) or "none" (only a published `base`). */
  network: string;
  /** Municipality ids of a custom peer list (network "custom"). Optional: older settings have none. */
  peers?: string[];
  /** An aggregate id ("eakuo", "eak", "ekg07") whose published value is the average. */
  base?: string;
  /** Aggregate ids shown as reference columns. */
  references?: string[];
  average: AverageChoice;
  includeOslo: boolean;
  includeFocal: boolean;
  year: number;
  years: number[];
  /**
   * Where the figures came from; "sheet" is a range selected in the workbook. A `baseUrl`
   * read from a workbook or file is only a proposal: the pane uses it after the user accepts.
   */
  source: { kind: "sample" | "ssb" | "file" | "sheet"; baseUrl?: string; files?: string[]; range?: string };
  /** Whether the index chart shows the comparison municipalities too. */
  chartComparisons?: boolean;
  /** A merged municipality's years before the merger: "break" (the default when absent) or "sum" of its predecessors. */
  mergedHistory?: "break" | "sum";
  lang: Lang;
  /** The user's own template among `sectors`, with its own indicators, so it opens in any workbook. */
  userTemplate?: UserTemplate;
  ownedSheets: OwnedSheet[];
  writtenAt: string;
  /** The time series' prices: "nominal" (the default when absent) or fixed by an index, with the user's own rows and base year. */
  prices?: PriceChoice;
  /** Per cent around the average the profile's sentences call "på nivå med snittet" (whole, 0–50); absent: 5. */
  sentenceBand?: number;
}

export type SettingsReadResult =
  | { kind: "none" }
  | { kind: "ok"; settings: TemplateSettings }
  | { kind: "invalid"; reason: LocalizedText };

/** The choices a template keeps: the settings without their version, sheets and time of writing. */
export type TemplateChoicesInput = Omit<TemplateSettings, "schemaVersion" | "ownedSheets" | "writtenAt">;

/**
 * The settings part for a report written with `choices` onto `ownedSheets` at `writtenAt`
 * (an ISO time): the one builder of the part, for a workbook in Excel and for a file.
 * Every text is made XML-safe first, so the part is always well-formed XML.
 */
export function settingsPart(choices: TemplateChoicesInput, ownedSheets: readonly OwnedSheet[], writtenAt: string): string {
  return settingsToXml(xmlSafeDeep<TemplateSettings>({ ...choices, schemaVersion: SETTINGS_SCHEMA_VERSION, ownedSheets: [...ownedSheets], writtenAt }));
}

const escapeCdata = (s: string) => s.replace(/]]>/g, "]]]]><![CDATA[>");

/**
 * JSON whose every character XML 1.0 allows: JSON.stringify escapes C0 controls and lone
 * surrogates itself, but not U+FFFE and U+FFFF, which would make the part invalid XML.
 */
const xmlSafeJson = (json: string) => json.replace(/[\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);

export function settingsToXml(settings: TemplateSettings): string {
  return `<?xml version="1.0" encoding="UTF-8"?><kostraBenchmark xmlns="${SETTINGS_NAMESPACE}" schemaVersion="${settings.schemaVersion}"><settings><![CDATA[${escapeCdata(xmlSafeJson(JSON.stringify(settings)))}]]></settings></kostraBenchmark>`;
}

function invalid(nb: string, en: string): SettingsReadResult {
  return { kind: "invalid", reason: { nb, en } };
}

/** Read and check the XML of a settings part. */
export function settingsFromXml(xml: string): SettingsReadResult {
  const payload = settingsPayload(xml);
  if (!payload.ok) return PAYLOAD_PROBLEMS[payload.why];
  let json: unknown;
  try {
    json = JSON.parse(payload.json);
  } catch {
    return invalid("Malinnstillingene i arbeidsboken er skadet (ikke gyldig JSON).", "The template settings in the workbook are damaged (not valid JSON).");
  }
  const checked = checkSettings(json, workbookSettingsSchema);
  if (!checked.ok) return { kind: "invalid", reason: describeProblem(checked.problem) };
  const settings: TemplateSettings = checked.settings;
  return { kind: "ok", settings };
}

function describeProblem(problem: SettingsProblem): LocalizedText {
  switch (problem.code) {
    case "version":
      return problem.version === undefined
        ? { nb: "Malinnstillingene mangler versjonsnummer.", en: "The template settings have no version number." }
        : {
            nb: `Malinnstillingene i arbeidsboken har en ukjent versjon («${problem.version}»).`,
            en: `The template settings in the workbook have an unknown version ("${problem.version}").`,
          };
    case "newer":
      return {
        nb: `Arbeidsboken er laget med en nyere versjon av KOSTRA Benchmark (malversjon ${problem.version}). Oppdater tillegget for å bruke malen.`,
        en: `The workbook was made with a newer version of KOSTRA Benchmark (template version ${problem.version}). Update the add-in to use the template.`,
      };
    case "shape":
      return describeShape(problem.issue, { nb: "Malinnstillingene i arbeidsboken er skadet", en: "The template settings in the workbook are damaged" });
    case "fields": {
      const fields = [...new Set(problem.problems.map((p) => p.field))].join(", ");
      return {
        nb: `Malinnstillingene i arbeidsboken er skadet (ugyldig: ${fields}).`,
        en: `The template settings in the workbook are damaged (invalid: ${fields}).`,
      };
    }
  }
}

type PayloadProblem = "foreign" | "empty" | "damaged" | "too-large";

const PAYLOAD_PROBLEMS: Record<PayloadProblem, SettingsReadResult> = {
  foreign: invalid(
    "Malinnstillingene i arbeidsboken tilhører et annet program og blir ikke endret.",
    "The template settings in the workbook belong to another program and are left unchanged.",
  ),
  empty: invalid("Malinnstillingene i arbeidsboken er skadet (mangler innhold).", "The template settings in the workbook are damaged (no content)."),
  damaged: invalid("Malinnstillingene i arbeidsboken er skadet (ikke gyldig XML).", "The template settings in the workbook are damaged (not valid XML)."),
  "too-large": invalid(
    `Malinnstillingene i arbeidsboken er for store (over ${MAX_SETTINGS_BYTES / 1024 / 1024} MB) og blir ikke lest.`,
    `The template settings in the workbook are too large (over ${MAX_SETTINGS_BYTES / 1024 / 1024} MB) and are not read.`,
  ),
};

/** Whether the text takes more than `limit` bytes as UTF-8, counted only as far as needed to know. */
function utf8Over(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const c = text.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
  }
  return bytes > limit;
}

const PREDEFINED_ENTITIES = new Map([
  ["lt", "<"],
  ["gt", ">"],
  ["amp", "&"],
  ["quot", '"'],
  ["apos", "'"],
]);
const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * The JSON inside the part, taken out in one pass over the text (each character looked at a
 * bounded number of times, whatever the part holds). The part must have the shape
 * settingsToXml writes — an optional XML declaration, the root element of our namespace,
 * one `settings` element — with whitespace between the elements allowed; the JSON may be
 * in CDATA sections (as written) or escaped text (as an XML library may rewrite it).
 */
export function settingsPayload(xml: string): { ok: true; json: string } | { ok: false; why: PayloadProblem } {
  if (utf8Over(xml, MAX_SETTINGS_BYTES)) return { ok: false, why: "too-large" };
  const end = xml.length;
  let at = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  const skipSpace = () => {
    while (at < end && isSpace(xml.charCodeAt(at))) at++;
  };
  const take = (s: string): boolean => {
    if (!xml.startsWith(s, at)) return false;
    at += s.length;
    return true;
  };
  const damaged = { ok: false as const, why: "damaged" as const };

  skipSpace();
  if (xml.startsWith("<?xml", at)) {
    const close = xml.indexOf("?>", at);
    if (close < 0) return damaged;
    at = close + 2;
    skipSpace();
  }
  if (!take("<")) return damaged;
  const root = readStartTag(xml, at);
  if (!root) return damaged;
  if (root.name !== "kostraBenchmark" || root.attributes.get("xmlns") !== SETTINGS_NAMESPACE) return { ok: false, why: "foreign" };
  at = root.end;
  if (root.selfClosing) return { ok: false, why: "empty" };
  skipSpace();
  if (take("</kostraBenchmark>")) return { ok: false, why: "empty" };
  if (!take("<settings>")) return damaged;

  const parts: string[] = [];
  for (;;) {
    if (at >= end) return damaged;
    if (take("<![CDATA[")) {
      const close = xml.indexOf("]]>", at);
      if (close < 0) return damaged;
      parts.push(xml.slice(at, close));
      at = close + 3;
    } else if (take("</settings>")) {
      break;
    } else if (xml.charCodeAt(at) === 0x3c /* < */) {
      return damaged;
    } else if (xml.charCodeAt(at) === 0x26 /* & */) {
      const ref = readReference(xml, at);
      if (!ref) return damaged;
      parts.push(ref.text);
      at = ref.end;
    } else {
      const from = at;
      while (at < end && xml.charCodeAt(at) !== 0x3c && xml.charCodeAt(at) !== 0x26) at++;
      parts.push(xml.slice(from, at));
    }
  }
  skipSpace();
  if (!take("</kostraBenchmark>")) return damaged;
  skipSpace();
  return at === end ? { ok: true, json: parts.join("") } : damaged;
}

/** An element's start tag from just after its "<": name, attributes, where it ends. Null when it is not one. */
function readStartTag(xml: string, from: number): { name: string; attributes: Map<string, string>; selfClosing: boolean; end: number } | null {
  const end = xml.length;
  const nameEnd = (at: number) => {
    while (at < end && /* name characters */ !isSpace(xml.charCodeAt(at)) && !"=/>\"'<".includes(xml[at])) at++;
    return at;
  };
  let at = nameEnd(from);
  const name = xml.slice(from, at);
  if (!name) return null;
  const attributes = new Map<string, string>();
  for (;;) {
    while (at < end && isSpace(xml.charCodeAt(at))) at++;
    if (xml.startsWith("/>", at)) return { name, attributes, selfClosing: true, end: at + 2 };
    if (xml[at] === ">") return { name, attributes, selfClosing: false, end: at + 1 };
    const attrStart = at;
    at = nameEnd(at);
    const attr = xml.slice(attrStart, at);
    while (at < end && isSpace(xml.charCodeAt(at))) at++;
    if (!attr || xml[at] !== "=") return null;
    at++;
    while (at < end && isSpace(xml.charCodeAt(at))) at++;
    const quote = xml[at];
    if (quote !== '"' && quote !== "'") return null;
    const close = xml.indexOf(quote, at + 1);
    if (close < 0 || attributes.has(attr)) return null;
    // Attribute values here are URIs and numbers; a reference in them is not expected and not decoded.
    attributes.set(attr, xml.slice(at + 1, close));
    at = close + 1;
  }
}

/** A character or entity reference ("&amp;", "&#x5D;") at `from`, looked for within a few characters only. */
function readReference(xml: string, from: number): { text: string; end: number } | null {
  const limit = Math.min(xml.length, from + 12);
  let close = from + 1;
  while (close < limit && xml[close] !== ";") close++;
  if (close >= limit) return null;
  const ref = xml.slice(from + 1, close);
  const predefined = PREDEFINED_ENTITIES.get(ref);
  if (predefined !== undefined) return { text: predefined, end: close + 1 };
  const hex = ref.startsWith("#x") || ref.startsWith("#X");
  const digits = ref.slice(hex ? 2 : 1);
  if (!ref.startsWith("#") || !digits || ![...digits].every((d) => (hex ? "0123456789abcdefABCDEF" : "0123456789").includes(d))) return null;
  const code = parseInt(digits, hex ? 16 : 10);
  const allowed = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
  return allowed ? { text: String.fromCodePoint(code), end: close + 1 } : null;
}
