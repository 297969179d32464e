/**
 * Schema pieces the data-file readers share (JSON-stat, `kostra fetch` files, CSV rows).
 *
 * Identifiers — dimension ids, category codes, indicator and municipality ids — are
 * compared exactly, so one holding a character XML forbids is refused rather than
 * cleaned (cleaning could make two codes one). Names that reach into a JavaScript
 * object's machinery (`__proto__`, `constructor`, `prototype`) are refused as ids and
 * as keys, because valibot's records skip such keys silently and a lookup by them finds
 * the prototype instead of the input.
 */
import { MAX_LABEL_LENGTH } from "../../kostra/limits";
import { hasXmlForbidden } from "../../kostra/safe-text";
import { boundedText, say, v } from "../../kostra/schema";

const RESERVED_NAMES = new Set(["__proto__", "constructor", "prototype"]);

export const isPlainObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

/** True when `key` is the object's own key (never one it inherits). */
export const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/** An identifier from input: kept exactly as given, so refused (not cleaned) when it is unsafe. */
export const codeText = () =>
  v.pipe(
    v.string(),
    v.minLength(1, say({ nb: "er tom", en: "is empty" })),
    v.maxLength(MAX_LABEL_LENGTH),
    v.check((s) => !hasXmlForbidden(s), say({ nb: "inneholder tegn som ikke er tillatt", en: "holds characters that are not allowed" })),
    v.check((s) => !RESERVED_NAMES.has(s), say({ nb: "er et reservert navn", en: "is a reserved name" })),
  );

/** SSB's status symbol of a cell ("..", ":", "-"), or a flag a file gives: bounded, XML-safe text. */
export const statusSymbol = () => boundedText(MAX_LABEL_LENGTH);

/** An SSB table id ("12362"). */
export const tableId = () => v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/, say({ nb: "er ikke et tabellnummer", en: "is not a table id" })));

/** Number of own keys of an object, counting no further than `max + 1`. */
function keyCountUpTo(o: Record<string, unknown>, max: number): number {
  let n = 0;
  for (const k in o) if (hasOwn(o, k) && ++n > max) break;
  return n;
}

/**
 * A JSON object read as a record of at most `max` entries, none of them under a reserved
 * name (checked on the input, before valibot's record would drop such keys unseen).
 */
export function plainRecord<const K extends v.GenericSchema<string, string | number>, const V extends v.GenericSchema>(key: K, value: V, max: number) {
  return v.pipe(
    v.custom<Record<string, unknown>>(isPlainObject, say({ nb: "forventet et objekt", en: "expected an object" })),
    v.check((o) => !Object.keys(o).some((k) => RESERVED_NAMES.has(k)), say({ nb: "har et reservert navn som nøkkel", en: "has a reserved name as a key" })),
    v.check((o) => keyCountUpTo(o, max) <= max, say({ nb: `har for mange elementer (over ${max})`, en: `has too many items (over ${max})` })),
    v.record(key, value),
  );
}
