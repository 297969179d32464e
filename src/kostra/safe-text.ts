/**
 * Text that is safe to write anywhere the product writes: .xlsx parts, Office.js
 * requests, CSV and JSON output, messages on one line.
 *
 * XML 1.0 allows only tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and U+10000–U+10FFFF
 * (https://www.w3.org/TR/xml/#charsets). A status symbol, an SSB `updated` field or a
 * template label holding anything else (U+FFFE, U+FFFF, C0 controls, a lone surrogate)
 * makes `sharedStrings.xml` invalid, and a spreadsheet that reads it silently drops every
 * later string. Such characters are replaced by U+FFFD (the replacement character), so the
 * user sees that something was there, and nothing else of the text changes.
 */

/** Characters XML 1.0 forbids, including lone (unpaired) surrogates. */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const XML_FORBIDDEN_TEST = new RegExp(XML_FORBIDDEN.source);

export const REPLACEMENT_CHARACTER = "\uFFFD";

/** True when the text holds a character XML 1.0 forbids. */
export function hasXmlForbidden(text: string): boolean {
  return XML_FORBIDDEN_TEST.test(text);
}

/** The text with every character XML 1.0 forbids replaced by U+FFFD. */
export function xmlSafe(text: string): string {
  return hasXmlForbidden(text) ? text.replace(XML_FORBIDDEN, REPLACEMENT_CHARACTER) : text;
}

/** Every string inside a JSON-like value made XML-safe (keys too); other values as they are. */
export function xmlSafeDeep<T>(value: T): T {
  if (typeof value === "string") return xmlSafe(value) as T;
  if (Array.isArray(value)) return value.map((v) => xmlSafeDeep(v)) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[xmlSafe(k)] = xmlSafeDeep(v);
    return out as T;
  }
  return value;
}

/**
 * Input quoted in a one-line message: forbidden and line-breaking characters shown as
 * U+FFFD or a space, and at most `max` characters, so a hostile file cannot spread a
 * message over many lines or fill a screen.
 */
export function quoteInput(text: string, max = 60): string {
  // Bidirectional overrides and isolates (U+202A–202E, U+2066–2069) could make quoted input
  // read backwards in the message, spoofing what it says: shown as U+FFFD.
  const oneLine = xmlSafe(text).replace(/[\t\n\r\u0085\u2028\u2029]+/g, " ").replace(/[\u202A-\u202E\u2066-\u2069]/g, REPLACEMENT_CHARACTER);
  const chars = Array.from(oneLine);
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : oneLine;
}

/** At most `max` UTF-16 units of the text, cut with "…" where it was longer, never splitting a character in two. */
export function shortened(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}
