/**
 * JSON-stat 2.0 dataset reader, shaped for SSB's PxWebApi 2 responses.
 *
 * Accepts every form the format allows: `value` as an array or a sparse object,
 * `status` as a string, array or sparse object, `category.index` as an object or an
 * array (or absent for single-category dimensions), and any dimension order. Values
 * are stored in a Float64Array with NaN for null (JSON has no NaN, so nothing is lost),
 * which keeps a million-cell response compact and fast to walk.
 */
import { badInput } from "../../kostra/errors";
import { MAX_CUBE_CELLS, MAX_LABEL_LENGTH } from "../../kostra/limits";
import { quoteInput, xmlSafe } from "../../kostra/safe-text";
import { parseInput } from "../../kostra/schema";
import { countText } from "../message-numbers";
import { hasOwn, isPlainObject } from "../schemas/common";
import { JSON_STAT_DATASET, type JsonStatDimensionInput } from "../schemas/jsonstat";
import type { CellText } from "./jsonstat-text";

export interface JsonStatDimension {
  id: string;
  label: string;
  /** Category codes in position order. */
  codes: string[];
  /** Category labels in position order (the code when the dataset has no label). */
  labels: string[];
  position: Map<string, number>;
  /** Per-category unit information, when the dataset has any. */
  units?: Record<string, { base?: string; decimals?: number }>;
}

export interface JsonStatCube {
  label?: string;
  /** SSB table id from `extension.px.tableid`. */
  tableId?: string;
  updated?: string;
  source?: string;
  notes: string[];
  dimensions: JsonStatDimension[];
  size: number[];
  /** Row-major strides: the last dimension is fastest. */
  strides: number[];
  /** Cell values; NaN where the dataset has null. */
  values: Float64Array;
  /** Status symbol of a cell, by flat position (XML-safe text). */
  statusAt(flat: number): string | undefined;
}

function fail(where: string, nb: string, en: string): never {
  throw badInput({ nb: `${where}: ${nb}.`, en: `${where}: ${en}.` });
}

function readCategory(name: string, id: string, dim: JsonStatDimensionInput): JsonStatDimension {
  const where = `${name}, dimensjon «${quoteInput(id)}»`;
  const category = dim.category;
  const labelOf = category.label ?? {};
  let codes: string[];
  const index = category.index;
  if (Array.isArray(index)) {
    codes = index;
    const first = new Map<string, number>();
    codes.forEach((code, pos) => {
      const earlier = first.get(code);
      // Two positions for one code: a lookup by code would give one of them the other's figures.
      if (earlier !== undefined)
        fail(where, `kategorien «${quoteInput(code)}» står to ganger (posisjon ${earlier} og ${pos})`, `category "${quoteInput(code)}" is listed twice (positions ${earlier} and ${pos})`);
      first.set(code, pos);
    });
  } else if (index !== undefined) {
    codes = [];
    for (const [code, pos] of Object.entries(index)) {
      if (codes[pos] !== undefined) fail(where, `to kategorier har posisjon ${pos}`, `two categories share position ${pos}`);
      codes[pos] = code;
    }
    for (let i = 0; i < codes.length; i++)
      if (codes[i] === undefined) fail(where, `ingen kategori har posisjon ${i}`, `no category at position ${i}`);
  } else {
    // Allowed for a single-category dimension: the only label key is the category.
    codes = Object.keys(labelOf);
    if (codes.length !== 1) fail(where, "mangler «category.index»", "missing \"category.index\"");
  }
  const position = new Map(codes.map((c, i) => [c, i]));
  const labels = codes.map((c) => (hasOwn(labelOf, c) ? labelOf[c] : c));
  return { id, label: dim.label ?? id, codes, labels, position, units: category.unit };
}

/** "KOKkommuneregion0000=0301, Tid=2017": a cell named by its category codes. */
function cellName(dimensions: JsonStatDimension[], strides: number[], flat: number): string {
  return quoteInput(dimensions.map((d, k) => `${d.id}=${d.codes[Math.floor(flat / strides[k]) % d.codes.length]}`).join(", "), 300);
}

/** Why a cell is refused: text or another value where a number belongs, or Infinity (`1e309`). */
function badCell(name: string, x: unknown, cellName: string): never {
  return typeof x === "number"
    ? fail(name, `cellen ${cellName} er ikke et endelig tall`, `cell ${cellName} is not a finite number`)
    : fail(name, `cellen ${cellName} er ikke et tall`, `cell ${cellName} is not a number`);
}

function readValues(name: string, value: unknown, total: number, nameOf: (flat: number) => string, cells?: CellText): Float64Array {
  if (cells) {
    // The same checks as for an array, on the cells still in the text (jsonstat-text.ts).
    if (cells.count !== total)
      fail(name, `«value» har ${cells.count} verdier, men dimensjonene gir ${total}`, `"value" has ${cells.count} cells but the dimensions give ${total}`);
    const out = new Float64Array(total);
    const bad = cells.read(out);
    if (bad >= 0) badCell(name, out[bad], nameOf(bad));
    return out;
  }
  if (Array.isArray(value)) {
    // The length is checked before anything is allocated for the cells.
    if (value.length !== total)
      fail(name, `«value» har ${value.length} verdier, men dimensjonene gir ${total}`, `"value" has ${value.length} cells but the dimensions give ${total}`);
    const out = new Float64Array(total);
    // The tight loop only notes the first bad cell; the message is made after it.
    let bad = -1;
    for (let i = 0; i < total; i++) {
      const x = value[i];
      if (typeof x === "number" && x - x === 0) out[i] = x;
      else if (x === null) out[i] = NaN;
      else {
        bad = i;
        break;
      }
    }
    if (bad >= 0) badCell(name, value[bad], nameOf(bad));
    return out;
  }
  if (isPlainObject(value)) {
    const out = new Float64Array(total).fill(NaN);
    for (const k in value) {
      const i = /^(0|[1-9]\d{0,15})$/.test(k) ? Number(k) : -1;
      if (i < 0 || i >= total) fail(name, `«value» har ugyldig posisjon «${quoteInput(k)}»`, `"value" has an invalid position "${quoteInput(k)}"`);
      const x = value[k];
      if (typeof x === "number" && x - x === 0) out[i] = x;
      else if (x !== null) badCell(name, x, nameOf(i));
    }
    return out;
  }
  return fail(name, "mangler «value»", "missing \"value\"");
}

/**
 * Status symbols as bounded, XML-safe text. A response repeats a handful of symbols over
 * many cells, so each distinct one is checked once.
 */
function statusReader(name: string, nameOf: (flat: number) => string) {
  const seen = new Map<string, string>();
  return (s: unknown, flat: number): string | undefined => {
    if (s === null || s === undefined) return undefined;
    if (typeof s !== "string") return fail(name, `«status»: cellen ${nameOf(flat)} har en status som ikke er tekst`, `"status": cell ${nameOf(flat)} has a status that is not text`);
    const known = seen.get(s);
    if (known !== undefined) return known;
    if (s.length > MAX_LABEL_LENGTH)
      fail(name, `«status»: cellen ${nameOf(flat)} har en status som er for lang (over ${MAX_LABEL_LENGTH} tegn)`, `"status": cell ${nameOf(flat)} has a status that is too long (over ${MAX_LABEL_LENGTH} characters)`);
    const safe = xmlSafe(s);
    seen.set(s, safe);
    return safe;
  };
}

function readStatus(name: string, status: unknown, total: number, nameOf: (flat: number) => string): (flat: number) => string | undefined {
  if (status === undefined || status === null) return () => undefined;
  const read = statusReader(name, nameOf);
  if (typeof status === "string") {
    if (status.length > MAX_LABEL_LENGTH) fail(name, `«status» er for lang (over ${MAX_LABEL_LENGTH} tegn)`, `"status" is too long (over ${MAX_LABEL_LENGTH} characters)`);
    const s = xmlSafe(status);
    return () => s;
  }
  if (Array.isArray(status)) {
    if (status.length === 1) {
      const s = read(status[0], 0);
      return () => s;
    }
    if (status.length !== total)
      fail(name, `«status» har ${status.length} elementer, forventet ${total}`, `"status" has ${status.length} entries, expected ${total}`);
    const out = new Array<string | undefined>(total);
    for (let i = 0; i < total; i++) out[i] = read(status[i], i);
    return (i) => out[i];
  }
  if (isPlainObject(status)) {
    const byFlat = new Map<number, string>();
    for (const k in status) {
      const i = /^(0|[1-9]\d{0,15})$/.test(k) ? Number(k) : -1;
      if (i < 0 || i >= total) fail(name, `«status» har ugyldig posisjon «${quoteInput(k)}»`, `"status" has an invalid position "${quoteInput(k)}"`);
      const s = read(status[k], i);
      if (s !== undefined) byFlat.set(i, s);
    }
    return (i) => byFlat.get(i);
  }
  return fail(name, "«status» har ukjent form", "\"status\" has an unknown shape");
}

/**
 * Read a parsed JSON-stat 2.0 dataset. `name` (a file name or URL) prefixes every error
 * message. The structure is checked by the schema (JSON_STAT_DATASET); the declared number
 * of cells against MAX_CUBE_CELLS and the `value` length before anything is allocated for
 * them; every cell must be a finite number or null. Throws a KostraError ("bad-input")
 * naming what is wrong, on one line. `cells`: the top-level `value` array as it stands in
 * the text, when parseDataset (jsonstat-text.ts) left it there.
 */
export function readJsonStat(json: unknown, name = "JSON-stat", cells?: CellText): JsonStatCube {
  // JSON-stat 1.x responses wrap the dataset: { "dataset": { ... } }.
  if (!isPlainObject(json)) fail(name, "er ikke et JSON-stat-datasett (forventet et objekt)", "is not a JSON-stat dataset (expected an object)");
  const unwrapped = json.class === undefined && isPlainObject(json.dataset) ? json.dataset : json;
  // The cells in the text are the top-level object's; a 1.x dataset has its own inside.
  const cellsInText = unwrapped === json ? cells : undefined;
  const ds = parseInput(JSON_STAT_DATASET, unwrapped, name);
  const { id: ids, size } = ds;
  if (ids.length !== size.length)
    fail(name, `«id» har ${ids.length} dimensjoner, men «size» har ${size.length}`, `"id" has ${ids.length} dimensions but "size" has ${size.length}`);
  const seenIds = new Set<string>();
  for (const id of ids) {
    if (seenIds.has(id)) fail(name, `dimensjonen «${quoteInput(id)}» står to ganger i «id»`, `dimension "${quoteInput(id)}" is listed twice in "id"`);
    seenIds.add(id);
  }
  // Checked before the categories are read, and long before any cell is allocated.
  const declared = size.reduce((p, n) => p * BigInt(n), 1n);
  if (declared > BigInt(MAX_CUBE_CELLS)) {
    const [n, limit] = [countText(declared), countText(MAX_CUBE_CELLS)];
    fail(name, `oppgir ${n.nb} celler; grensen er ${limit.nb}`, `declares ${n.en} cells; the limit is ${limit.en}`);
  }
  const total = Number(declared);

  const dimensions = ids.map((id, k) => {
    const dim = hasOwn(ds.dimension, id) ? ds.dimension[id] : undefined;
    if (dim === undefined) fail(`${name}, dimensjon «${quoteInput(id)}»`, "mangler beskrivelse", "description missing");
    const d = readCategory(name, id, dim);
    if (d.codes.length !== size[k])
      fail(name, `dimensjon «${quoteInput(id)}» har ${d.codes.length} kategorier, men «size» sier ${size[k]}`, `dimension "${quoteInput(id)}" has ${d.codes.length} categories but "size" says ${size[k]}`);
    return d;
  });

  const strides = new Array<number>(size.length);
  for (let k = size.length - 1, stride = 1; k >= 0; k--) {
    strides[k] = stride;
    stride *= size[k];
  }
  const nameOf = (flat: number) => cellName(dimensions, strides, flat);
  const values = readValues(name, ds.value, total, nameOf, cellsInText);
  const statusAt = readStatus(name, ds.status, total, nameOf);

  return {
    label: ds.label,
    tableId: ds.extension?.px?.tableid,
    updated: ds.updated,
    source: ds.source,
    notes: ds.note ?? [],
    dimensions,
    size,
    strides,
    values,
    statusAt,
  };
}

/** The flat position of a cell given one category code per dimension, or -1 if a code is absent. */
export function flatIndex(cube: JsonStatCube, codes: Record<string, string>): number {
  let flat = 0;
  for (let k = 0; k < cube.dimensions.length; k++) {
    const d = cube.dimensions[k];
    const pos = d.position.get(codes[d.id]);
    if (pos === undefined) return -1;
    flat += pos * cube.strides[k];
  }
  return flat;
}

/** Value (null when missing) and status of one cell. */
export function cell(cube: JsonStatCube, codes: Record<string, string>): { value: number | null; status?: string } | undefined {
  const flat = flatIndex(cube, codes);
  if (flat < 0) return undefined;
  const v = cube.values[flat];
  const status = cube.statusAt(flat);
  return Number.isNaN(v) ? { value: null, status: status ?? ".." } : { value: v, status };
}

/** Visit every cell in storage order with its category positions (for bulk conversion). */
export function forEachCell(
  cube: JsonStatCube,
  visit: (positions: Int32Array, value: number | null, status: string | undefined) => void,
): void {
  const n = cube.size.length;
  const pos = new Int32Array(n);
  const total = cube.values.length;
  for (let flat = 0; flat < total; flat++) {
    const v = cube.values[flat];
    visit(pos, Number.isNaN(v) ? null : v, cube.statusAt(flat));
    for (let k = n - 1; k >= 0; k--) {
      if (++pos[k] < cube.size[k]) break;
      pos[k] = 0;
    }
  }
}
