/**
 * A data answer (json-stat2) read and checked against the query that was asked: the same
 * table, the dimensions selected, and every code selected — no more cells than asked.
 * A proxy that answers with another table, a cached answer of another query, a cube
 * that declares billions of cells: each is an SSB failure ("bad-response", exit 3 in the
 * CLI), not bad input from the user, and none of them is ever cached.
 *
 * The shape is checked on the raw JSON before the JSON-stat reader allocates anything
 * for the cube, so a bomb is refused by its declared size alone; a plain array of cells
 * stays in the body until then, and is read from it straight into numbers.
 */
import { KostraError } from "../../kostra/errors";
import { MAX_CUBE_CELLS, MAX_DIMENSIONS, MAX_LABEL_LENGTH } from "../../kostra/limits";
import { quoteInput } from "../../kostra/safe-text";
import { parseInput, v } from "../../kostra/schema";
import type { LocalizedText } from "../../kostra/types";
import { parseObjectAnswer } from "./answers";
import { unusableAnswer } from "./errors";
import { readJsonStat, type JsonStatCube } from "./jsonstat";
import { parseDataset } from "./jsonstat-text";
import type { SsbError, SsbQuery } from "./types";

/** What the answer says about itself, before the cube is read. */
const declaredShape = v.looseObject({
  id: v.pipe(v.array(v.pipe(v.string(), v.maxLength(MAX_LABEL_LENGTH))), v.maxLength(MAX_DIMENSIONS)),
  size: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_CUBE_CELLS))), v.maxLength(MAX_DIMENSIONS)),
  label: v.optional(v.unknown()),
  extension: v.optional(v.unknown()),
});

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

/** The table an answer says it is: `extension.px.tableid`, else the "12362: …" of its label. */
function declaredTable(json: { label?: unknown; extension?: unknown }): string | undefined {
  const px = isObject(json.extension) && isObject(json.extension.px) ? json.extension.px : undefined;
  if (typeof px?.tableid === "string") return px.tableid;
  return typeof json.label === "string" ? /^\s*([A-Za-z0-9]{3,10}):/.exec(json.label)?.[1] : undefined;
}

const words = (nb: string, en: string): LocalizedText => ({ nb, en });

/** The cells a query asks for: the product of the codes selected per dimension. */
export function cellsAsked(query: SsbQuery): number {
  return Object.values(query.selection).reduce((n, codes) => n * codes.length, 1);
}

/**
 * What in the answer does not answer `query`, or undefined when nothing: checked on what
 * the answer declares (table, dimensions, size), so nothing is allocated for a bomb.
 */
function declaredMismatch(json: unknown, query: SsbQuery, name: string): LocalizedText | undefined {
  let shape: v.InferOutput<typeof declaredShape>;
  try {
    shape = parseInput(declaredShape, json, name);
  } catch (e) {
    if (e instanceof KostraError) return e.text;
    throw e;
  }
  const table = declaredTable(shape);
  if (table !== undefined && table.toLowerCase() !== query.table.toLowerCase())
    return words(`tabell ${quoteInput(table, 20)}, men tabell ${query.table} ble spurt etter.`, `table ${quoteInput(table, 20)}, but table ${query.table} was asked for.`);
  const missing = Object.keys(query.selection).filter((d) => !shape.id.includes(d));
  if (missing.length > 0)
    return words(`et svar uten dimensjonen ${missing.map((d) => quoteInput(d, 40)).join(", ")} som ble spurt etter.`, `an answer without the dimension ${missing.map((d) => quoteInput(d, 40)).join(", ")} that was asked for.`);
  const declared = shape.size.reduce((n, k) => n * k, 1);
  const asked = cellsAsked(query);
  if (shape.size.length === shape.id.length && declared > asked)
    return words(`et svar med ${declared.toLocaleString("nb-NO")} celler der ${asked.toLocaleString("nb-NO")} ble spurt etter.`, `an answer of ${declared.toLocaleString("en-GB")} cells where ${asked.toLocaleString("en-GB")} were asked for.`);
  return undefined;
}

/** A selected code the cube lacks, or a dimension the query did not select that is not fixed to one category. */
function cubeMismatch(cube: JsonStatCube, query: SsbQuery): LocalizedText | undefined {
  for (const [dim, codes] of Object.entries(query.selection)) {
    const d = cube.dimensions.find((x) => x.id === dim);
    const absent = codes.find((c) => !d?.position.has(c));
    if (absent !== undefined)
      return words(`et svar uten koden ${quoteInput(absent, 40)} i ${quoteInput(dim, 40)}, som ble spurt etter.`, `an answer without the code ${quoteInput(absent, 40)} in ${quoteInput(dim, 40)}, which was asked for.`);
  }
  const extra = cube.dimensions.find((d) => !Object.prototype.hasOwnProperty.call(query.selection, d.id) && d.codes.length !== 1);
  if (extra) return words(`et svar med dimensjonen ${quoteInput(extra.id, 40)}, som ikke ble spurt etter.`, `an answer with the dimension ${quoteInput(extra.id, 40)}, which was not asked for.`);
  return undefined;
}

/**
 * Read a data answer and check that it answers `query`. Throws SsbError ("bad-response")
 * naming what is wrong; returns the cube otherwise.
 */
export function readDataAnswer(body: string, query: SsbQuery, url: string): JsonStatCube {
  const name = `SSB tabell ${query.table}`;
  const fail = (what: LocalizedText): SsbError => unusableAnswer({ kind: "unexpected", what }, { url, body });
  // The cells go from the body straight into numbers when they are a plain array (jsonstat-text.ts).
  const { json, cells } = parseDataset(body, (text) => parseObjectAnswer(text, url));
  const declared = declaredMismatch(json, query, name);
  if (declared) throw fail(declared);
  let cube: JsonStatCube;
  try {
    cube = readJsonStat(json, name, cells);
  } catch (e) {
    if (e instanceof KostraError) throw fail(e.text);
    throw e;
  }
  const mismatch = cubeMismatch(cube, query);
  if (mismatch) throw fail(mismatch);
  return cube;
}
