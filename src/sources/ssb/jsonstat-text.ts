/**
 * JSON-stat text parsed with its cells read straight into numbers.
 *
 * A dataset's `value` is by far its largest part: JSON.parse makes a million cells into a
 * JavaScript array of a million boxed numbers (about 24 bytes each) only for the reader to
 * copy them into a Float64Array (8 bytes each). When the dataset's top-level `value` is a
 * plain array of JSON numbers and nulls — as SSB sends it — the rest of the text is parsed
 * by JSON.parse with an empty array in its place, and the cells are read from the text
 * into the reader's Float64Array once the dataset's declared size has been checked (the
 * reader asks for them; see readJsonStat).
 *
 * Anything else — `value` as a sparse object, a string or `true` among the cells, a JSON
 * syntax error anywhere, more cells than MAX_CUBE_CELLS, `value` named twice — is left to
 * JSON.parse of the whole text, so every message about a bad file or answer is the one it
 * always was. Replacing a well-formed array by `[]` keeps well-formed JSON well-formed and
 * broken JSON broken, so the rest parses exactly when the whole text does.
 */
import { MAX_CUBE_CELLS } from "../../kostra/limits";

/** A dataset's cells as they stand in its text, read on demand. */
export interface CellText {
  /** How many cells the array holds. */
  readonly count: number;
  /** Read the cells into `out` (null as NaN); returns the first cell that is not a finite number (`1e309`), or -1. */
  read(out: Float64Array): number;
}

/** JSON text parsed, with a dataset's cells apart when they could be left in the text. */
export interface ParsedDataset {
  json: unknown;
  cells?: CellText;
}

/**
 * Parse `text` with `parse` (the caller's JSON.parse, with its own errors). The cells come
 * back apart only when the text's top-level `value` is an array of numbers and nulls; the
 * parsed JSON then has `[]` as its `value`.
 */
export function parseDataset(text: string, parse: (text: string) => unknown): ParsedDataset {
  const found = topLevelCells(text);
  if (found) {
    let json: unknown;
    try {
      json = parse(text.slice(0, found.start) + "[]" + text.slice(found.end));
    } catch {
      // The whole text fails too, and its parse below gives the message.
      json = undefined;
    }
    if (json !== undefined) return { json, cells: cellText(text, found.start, found.count) };
  }
  return { json: parse(text) };
}

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;

const isSpace = (c: number) => c === SPACE || c === LF || c === CR || c === TAB;
const isDigit = (c: number) => c >= ZERO && c <= NINE;

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** The end of the string starting at `i` (its opening quote), or -1 when it does not end. */
function stringEnd(text: string, i: number): number {
  for (let quote = text.indexOf('"', i + 1); quote >= 0; quote = text.indexOf('"', quote + 1)) {
    // A quote after an odd number of backslashes is part of the string.
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
  }
  return -1;
}

/** The end of the JSON number starting at `i`, or -1 when none starts there (JSON's grammar: -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?). */
function numberEnd(text: string, i: number): number {
  if (text.charCodeAt(i) === MINUS) i++;
  const first = text.charCodeAt(i);
  if (first === ZERO) i++;
  else if (isDigit(first)) while (isDigit(text.charCodeAt(i))) i++;
  else return -1;
  if (text.charCodeAt(i) === DOT) {
    if (!isDigit(text.charCodeAt(++i))) return -1;
    while (isDigit(text.charCodeAt(i))) i++;
  }
  const e = text.charCodeAt(i);
  if (e === 0x65 || e === 0x45) {
    const sign = text.charCodeAt(++i);
    if (sign === 0x2b || sign === MINUS) i++;
    if (!isDigit(text.charCodeAt(i))) return -1;
    while (isDigit(text.charCodeAt(i))) i++;
  }
  return i;
}

/** Exact powers of ten: a decimal of at most 15 digits divided by one is the correctly rounded double, as Number() gives. */
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** The value of the JSON number text[start, end), exactly as Number() and JSON.parse read it. */
function numberAt(text: string, start: number, end: number): number {
  let i = start;
  const negative = text.charCodeAt(i) === MINUS;
  if (negative) i++;
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === DOT) decimals = 0;
    else if (!isDigit(c)) break;
    else {
      mantissa = mantissa * 10 + (c - ZERO);
      digits++;
      if (decimals >= 0) decimals++;
    }
  }
  // An exponent, or more digits than a double holds exactly: Number() reads it.
  if (i < end || digits > 15) return Number(text.slice(start, end));
  const value = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals] : mantissa;
  return negative ? -value : value;
}

/** The array of numbers and nulls starting at `i` ("["): its end and its number of cells, or undefined when it is anything else. */
function cellArray(text: string, i: number): { end: number; count: number } | undefined {
  let count = 0;
  i = skipSpace(text, i + 1);
  if (text.charCodeAt(i) === CLOSE_ARRAY) return { end: i + 1, count };
  for (;;) {
    if (text.startsWith("null", i)) i += 4;
    else if ((i = numberEnd(text, i)) < 0) return undefined;
    if (++count > MAX_CUBE_CELLS) return undefined;
    i = skipSpace(text, i);
    const c = text.charCodeAt(i);
    if (c === CLOSE_ARRAY) return { end: i + 1, count };
    if (c !== COMMA) return undefined;
    i = skipSpace(text, i + 1);
  }
}

/**
 * Where the top-level object's `value` array of numbers and nulls stands in the text, or
 * undefined when there is none, or `value` is named twice (JSON.parse keeps the last).
 * Strings and nesting are followed so that a `"value"` inside a label or a dimension is
 * never taken for it; a key written with escapes is read as JSON.parse reads it.
 */
function topLevelCells(text: string): { start: number; end: number; count: number } | undefined {
  let i = skipSpace(text, 0);
  if (text.charCodeAt(i) !== OPEN_OBJECT) return undefined;
  // Only strings and brackets matter: the scan jumps from one to the next.
  const structure = /["[\]{}]/g;
  let depth = 0;
  let found: { start: number; end: number; count: number } | undefined;
  let valueKeys = 0;
  for (structure.lastIndex = i; structure.exec(text) !== null; ) {
    i = structure.lastIndex - 1;
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (end < 0) return undefined;
      structure.lastIndex = end;
      if (depth !== 1) continue;
      const after = skipSpace(text, end);
      if (text.charCodeAt(after) !== COLON || !isValueKey(text, i, end)) continue;
      valueKeys++;
      const start = skipSpace(text, after + 1);
      const cells = text.charCodeAt(start) === OPEN_ARRAY ? cellArray(text, start) : undefined;
      if (cells) {
        found = { start, end: cells.end, count: cells.count };
        structure.lastIndex = cells.end;
      }
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth++;
    else depth--;
  }
  return valueKeys === 1 ? found : undefined;
}

/** Whether the string text[start, end) (quotes included) is the key "value", escapes read as JSON.parse reads them. */
function isValueKey(text: string, start: number, end: number): boolean {
  const key = text.slice(start, end);
  if (key === '"value"') return true;
  if (!key.includes("\\")) return false;
  try {
    return JSON.parse(key) === "value";
  } catch {
    return false;
  }
}

function cellText(text: string, start: number, count: number): CellText {
  return {
    count,
    read(out) {
      let bad = -1;
      let i = skipSpace(text, start + 1);
      for (let k = 0; k < count; k++) {
        if (text.charCodeAt(i) === 0x6e /* n */) {
          out[k] = NaN;
          i += 4;
        } else {
          const end = numberEnd(text, i);
          const x = numberAt(text, i, end);
          if (bad < 0 && !Number.isFinite(x)) bad = k;
          out[k] = x;
          i = end;
        }
        // Past the comma (the array was checked when it was found).
        i = skipSpace(text, skipSpace(text, i) + 1);
      }
      return bad;
    },
  };
}
