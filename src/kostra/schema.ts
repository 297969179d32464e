/**
 * The building blocks of the product's one boundary for untrusted data (valibot
 * schemas): files, workbook settings and SSB/Klass/proxy answers are parsed by a schema
 * into typed values before anything else looks at them. A failure becomes a KostraError
 * ("bad-input") with one line in each language naming where (file, field path) and what.
 *
 * valibot is used for its small, tree-shaken browser footprint (the pane loads the
 * schemas it needs only); every schema of the product is built from these helpers so
 * that text is bounded and XML-safe and numbers are finite everywhere.
 */
import * as v from "valibot";
import { badInput } from "./errors";
import { MAX_LABEL_LENGTH, MAX_TEXT_LENGTH } from "./limits";
import { quoteInput, xmlSafe } from "./safe-text";
import type { LocalizedText } from "./types";

export { v };

/**
 * Messages of the product's own checks, registered by their English text so a schema can
 * say `v.check(fn, say({ nb, en }))` and the error still reaches the user in nb or en.
 */
const SAID = new Map<string, LocalizedText>();

/** A schema message in both languages (valibot carries the English text; the nb text is looked up). */
export function say(text: LocalizedText): string {
  SAID.set(text.en, text);
  return text.en;
}

/** Text from input: a string of at most `max` characters, with XML-forbidden characters replaced. */
export const boundedText = (max: number = MAX_LABEL_LENGTH) => v.pipe(v.string(), v.maxLength(max), v.transform(xmlSafe));

/** Free text from input (notes, definitions). */
export const freeText = () => boundedText(MAX_TEXT_LENGTH);

/** A finite number (JSON cannot hold NaN, but `1e309` parses as Infinity). */
export const finiteNumber = () => v.pipe(v.number(), v.finite());

/** An integer within [min, max]. */
export const integerIn = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));

/** A data year the product can mean (KOSTRA begins in 2001; SSB dates nothing far ahead). */
export const dataYear = () => integerIn(1990, 2100);

/** An ISO 8601 date or date-time as SSB and the product write them. */
export const isoDateTime = () =>
  v.pipe(
    v.string(),
    v.maxLength(40),
    v.regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/, say({ nb: "er ikke en dato (ÅÅÅÅ-MM-DD)", en: "is not a date (YYYY-MM-DD)" })),
  );

const TYPE_WORDS: Record<string, LocalizedText> = {
  string: { nb: "tekst", en: "text" },
  number: { nb: "et tall", en: "a number" },
  boolean: { nb: "sann/usann", en: "true/false" },
  Object: { nb: "et objekt", en: "an object" },
  Array: { nb: "en liste", en: "a list" },
  null: { nb: "null", en: "null" },
};

function expectedWords(expected: string | null): LocalizedText {
  if (!expected) return { nb: "en annen verdi", en: "another value" };
  const parts = expected.replace(/^\((.*)\)$/, "$1").split(" | ").map((p) => TYPE_WORDS[p] ?? { nb: quoteInput(p, 40), en: quoteInput(p, 40) });
  return { nb: parts.map((p) => p.nb).join(" eller "), en: parts.map((p) => p.en).join(" or ") };
}

/** What an issue says, in each language, without its path. */
function describeIssue(issue: v.BaseIssue<unknown>): LocalizedText {
  const said = SAID.get(issue.message);
  if (said) return said;
  const req = issue.requirement;
  const received = quoteInput(issue.received ?? "", 40);
  switch (issue.type) {
    case "max_length":
      return typeof issue.input === "string"
        ? { nb: `er for lang (over ${req} tegn)`, en: `is too long (over ${req} characters)` }
        : { nb: `har for mange elementer (over ${req})`, en: `has too many items (over ${req})` };
    case "min_length":
      return { nb: `er for kort (under ${req})`, en: `is too short (under ${req})` };
    case "finite":
      return { nb: "er ikke et endelig tall", en: "is not a finite number" };
    case "integer":
      return { nb: "er ikke et heltall", en: "is not an integer" };
    case "min_value":
      return { nb: `må være minst ${req}`, en: `must be at least ${req}` };
    case "max_value":
      return { nb: `må være høyst ${req}`, en: `must be at most ${req}` };
    case "regex":
      return { nb: `har ugyldig form (${received})`, en: `has an invalid form (${received})` };
    case "picklist":
    case "literal":
    case "union":
    case "variant":
    case "enum": {
      const exp = expectedWords(issue.expected);
      return { nb: `ugyldig verdi ${received}; forventet ${exp.nb}`, en: `invalid value ${received}; expected ${exp.en}` };
    }
    case "strict_object":
    case "never":
      return { nb: "er et ukjent felt", en: "is an unknown field" };
    default: {
      // A required field that is absent: valibot reports the object's key as "expected".
      if (issue.kind === "schema" && issue.input === undefined && issue.path?.length) return { nb: "mangler", en: "is missing" };
      if (issue.kind === "schema") {
        const exp = expectedWords(issue.expected);
        return { nb: `forventet ${exp.nb}, fikk ${received}`, en: `expected ${exp.en}, got ${received}` };
      }
      return { nb: `er ugyldig (${quoteInput(issue.message, 80)})`, en: `is invalid (${quoteInput(issue.message, 80)})` };
    }
  }
}

/** The issue's place in the input, as `observations[3].value`. */
export function issuePath(issue: v.BaseIssue<unknown>): string {
  let out = "";
  for (const item of issue.path ?? []) {
    const key = (item as { key?: unknown }).key;
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string") out += /^[A-Za-z_$][\w$]*$/.test(key) && key.length <= 40 ? (out ? `.${key}` : key) : `[${JSON.stringify(quoteInput(key, 40))}]`;
    else out += "[?]";
  }
  return out;
}

/** One line naming where and what, in each language: "fil.json: «observations[3].value»: er ikke et endelig tall". */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[], where: string): LocalizedText {
  const first = issues[0];
  const place = first ? issuePath(first) : "";
  const what = first ? describeIssue(first) : { nb: "er ugyldig", en: "is invalid" };
  const at = place ? { nb: `«${place}» `, en: `"${place}" ` } : { nb: "", en: "" };
  const w = quoteInput(where, 120);
  return { nb: `${w}: ${at.nb}${what.nb}.`, en: `${w}: ${at.en}${what.en}.` };
}

/** Parse untrusted input with a schema; throws a KostraError ("bad-input") naming the first problem. */
export function parseInput<S extends v.GenericSchema>(schema: S, input: unknown, where: string): v.InferOutput<S> {
  const result = v.safeParse(schema, input, { abortEarly: true });
  if (result.success) return result.output;
  const text = describeIssues(result.issues, where);
  throw badInput(text, text.en);
}
