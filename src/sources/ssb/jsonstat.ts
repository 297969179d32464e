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
  /** Status symbol of a cell, by flat position. */
  statusAt(flat: number): string | undefined;
}

type Json = unknown;

const isObject = (x: Json): x is Record<string, Json> => typeof x === "object" && x !== null && !Array.isArray(x);

function fail(where: string, nb: string, en: string): never {
  throw badInput({ nb: `${where}: ${nb}`, en: `${where}: ${en}` });
}

function readCategory(name: string, id: string, dim: Json): JsonStatDimension {
  const where = `${name}, dimensjon «${id}»`;
  if (!isObject(dim)) fail(where, "mangler beskrivelse", "description missing");
  const category = dim.category;
  if (!isObject(category)) fail(where, "mangler «category»", "missing \"category\"");
  const labelObj = isObject(category.label) ? category.label : {};
  let codes: string[];
  const index = category.index;
  if (Array.isArray(index)) {
    codes = index.map(String);
  } else if (isObject(index)) {
    codes = [];
    for (const [code, pos] of Object.entries(index)) {
      if (typeof pos !== "number" || !Number.isInteger(pos) || pos < 0)
        fail(where, `ugyldig posisjon for kategori «${code}»`, `invalid position for category "${code}"`);
      if (codes[pos] !== undefined) fail(where, `to kategorier har posisjon ${pos}`, `two categories share position ${pos}`);
      codes[pos] = code;
    }
    for (let i = 0; i < codes.length; i++)
      if (codes[i] === undefined) fail(where, `ingen kategori har posisjon ${i}`, `no category at position ${i}`);
  } else if (index === undefined) {
    // Allowed for a single-category dimension: the only label key is the category.
    codes = Object.keys(labelObj);
    if (codes.length !== 1) fail(where, "mangler «category.index»", "missing \"category.index\"");
  } else {
    fail(where, "«category.index» må være et objekt eller en liste", "\"category.index\" must be an object or an array");
  }
  const position = new Map(codes.map((c, i) => [c, i]));
  const labels = codes.map((c) => (typeof labelObj[c] === "string" ? (labelObj[c] as string) : c));
  const units = isObject(category.unit) ? (category.unit as JsonStatDimension["units"]) : undefined;
  return { id, label: typeof dim.label === "string" ? dim.label : id, codes, labels, position, units };
}

function readValues(name: string, value: Json, total: number): Float64Array {
  const out = new Float64Array(total);
  if (Array.isArray(value)) {
    if (value.length !== total)
      fail(name, `«value» har ${value.length} verdier, men dimensjonene gir ${total}`, `"value" has ${value.length} cells but the dimensions give ${total}`);
    for (let i = 0; i < total; i++) {
      const v = value[i];
      if (typeof v === "number") out[i] = v;
      else if (v === null) out[i] = NaN;
      else fail(name, `verdi nr. ${i + 1} er ikke et tall («${String(v)}»)`, `cell ${i + 1} is not a number ("${String(v)}")`);
    }
    return out;
  }
  if (isObject(value)) {
    out.fill(NaN);
    for (const [k, v] of Object.entries(value)) {
      const i = Number(k);
      if (!Number.isInteger(i) || i < 0 || i >= total)
        fail(name, `«value» har ugyldig posisjon «${k}»`, `"value" has an invalid position "${k}"`);
      if (typeof v === "number") out[i] = v;
      else if (v !== null) fail(name, `verdi på posisjon ${k} er ikke et tall`, `cell at position ${k} is not a number`);
    }
    return out;
  }
  return fail(name, "mangler «value»", "missing \"value\"");
}

function readStatus(name: string, status: Json, total: number): (flat: number) => string | undefined {
  if (status === undefined || status === null) return () => undefined;
  if (typeof status === "string") return () => status;
  if (Array.isArray(status)) {
    if (status.length === 1) {
      const s = status[0];
      return () => (typeof s === "string" ? s : undefined);
    }
    if (status.length !== total)
      fail(name, `«status» har ${status.length} elementer, forventet ${total}`, `"status" has ${status.length} entries, expected ${total}`);
    return (i) => (typeof status[i] === "string" ? (status[i] as string) : undefined);
  }
  if (isObject(status)) return (i) => {
    const s = status[String(i)];
    return typeof s === "string" ? s : undefined;
  };
  return fail(name, "«status» har ukjent form", "\"status\" has an unknown shape");
}

function readNotes(x: Json): string[] {
  return Array.isArray(x) ? x.filter((n): n is string => typeof n === "string") : [];
}

/**
 * Read a parsed JSON-stat 2.0 dataset. `name` (a file name or URL) prefixes every
 * error message. Throws a KostraError ("bad-input") naming what is wrong.
 */
export function readJsonStat(json: Json, name = "JSON-stat"): JsonStatCube {
  if (!isObject(json)) fail(name, "er ikke et JSON-stat-datasett (forventet et objekt)", "is not a JSON-stat dataset (expected an object)");
  // JSON-stat 1.x responses wrap the dataset: { "dataset": { ... } }.
  const ds = json.class === undefined && isObject(json.dataset) ? json.dataset : json;
  if (ds.class !== undefined && ds.class !== "dataset")
    fail(name, `er en JSON-stat «${String(ds.class)}», ikke et datasett`, `is a JSON-stat "${String(ds.class)}", not a dataset`);
  const ids = ds.id;
  const size = ds.size;
  if (!Array.isArray(ids) || !ids.every((d) => typeof d === "string"))
    fail(name, "mangler «id» (listen over dimensjoner)", "missing \"id\" (the list of dimensions)");
  if (!Array.isArray(size) || !size.every((n) => typeof n === "number" && Number.isInteger(n) && n >= 0))
    fail(name, "mangler «size» (antall kategorier per dimensjon)", "missing \"size\" (categories per dimension)");
  if (ids.length !== size.length)
    fail(name, `«id» har ${ids.length} dimensjoner, men «size» har ${size.length}`, `"id" has ${ids.length} dimensions but "size" has ${size.length}`);
  if (!isObject(ds.dimension)) fail(name, "mangler «dimension»", "missing \"dimension\"");
  const dimObj = ds.dimension;

  const dimensions = (ids as string[]).map((id, k) => {
    const d = readCategory(name, id, dimObj[id]);
    if (d.codes.length !== size[k])
      fail(name, `dimensjon «${id}» har ${d.codes.length} kategorier, men «size» sier ${size[k]}`, `dimension "${id}" has ${d.codes.length} categories but "size" says ${size[k]}`);
    return d;
  });

  const strides = new Array<number>(size.length);
  let total = 1;
  for (let k = size.length - 1; k >= 0; k--) {
    strides[k] = total;
    total *= size[k] as number;
  }
  const values = readValues(name, ds.value, total);
  const statusAt = readStatus(name, ds.status, total);

  const ext = isObject(ds.extension) ? ds.extension : {};
  const px = isObject(ext.px) ? ext.px : {};
  return {
    label: typeof ds.label === "string" ? ds.label : undefined,
    tableId: typeof px.tableid === "string" ? px.tableid : undefined,
    updated: typeof ds.updated === "string" ? ds.updated : undefined,
    source: typeof ds.source === "string" ? ds.source : undefined,
    notes: readNotes(ds.note),
    dimensions,
    size: size as number[],
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
