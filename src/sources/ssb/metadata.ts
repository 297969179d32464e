/**
 * Table metadata from PxWebApi 2 (json-stat2 without values): labels, units, notes and
 * the region list with each code's validity period, read from SSB's labels such as
 * "3001 Halden (2020-2023)", "Bærum (-2019)" or "3201 Bærum".
 */
import { badInput } from "../../kostra/errors";
import { MAX_CATEGORIES, MAX_DIMENSIONS, MAX_LABEL_LENGTH, MAX_TEXT_LENGTH } from "../../kostra/limits";
import { boundedText, freeText, integerIn, parseInput, say, v } from "../../kostra/schema";

export interface MetadataValue {
  code: string;
  label: string;
  unit?: { base?: string; decimals?: number };
}

export interface MetadataDimension {
  id: string;
  label: string;
  values: MetadataValue[];
  /** SSB allows leaving the dimension out of a query (its `extension.elimination`). */
  elimination?: boolean;
}

export interface RegionEntry {
  code: string;
  name: string;
  /** First and last data year the code is valid for, when the label says. */
  from?: number;
  to?: number;
}

export interface TableMetadata {
  tableId?: string;
  label?: string;
  updated?: string;
  notes: string[];
  dimensions: MetadataDimension[];
}

/** Split an SSB region label into name and validity period. */
export function parseRegionLabel(code: string, label: string): RegionEntry {
  let text = label.trim();
  if (text.startsWith(code)) text = text.slice(code.length).trim();
  const period = /\((\d{4})?\s*-\s*(\d{4})?\)\s*$/.exec(text);
  const name = (period ? text.slice(0, period.index) : text).trim() || code;
  return {
    code,
    name,
    ...(period?.[1] ? { from: Number(period[1]) } : {}),
    ...(period?.[2] ? { to: Number(period[2]) } : {}),
  };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/** A code or id: short text without line breaks. */
const code = () => v.pipe(v.string(), v.maxLength(MAX_LABEL_LENGTH));

/** An object with at most `max` keys, each a code. */
const codeRecord = <S extends v.GenericSchema>(value: S, max: number) =>
  v.pipe(
    v.record(code(), value),
    v.check((o) => Object.keys(o).length <= max, say({ nb: `har for mange elementer (over ${max})`, en: `has too many items (over ${max})` })),
  );

const unitSchema = v.looseObject({
  base: v.optional(boundedText()),
  decimals: v.optional(integerIn(0, 20)),
});

const dimensionSchema = v.looseObject({
  label: v.optional(boundedText()),
  category: v.optional(
    v.looseObject({
      index: v.optional(v.union([v.pipe(v.array(code()), v.maxLength(MAX_CATEGORIES)), codeRecord(integerIn(0, MAX_CATEGORIES), MAX_CATEGORIES)])),
      label: v.optional(codeRecord(boundedText(), MAX_CATEGORIES)),
      unit: v.optional(codeRecord(unitSchema, MAX_CATEGORIES)),
    }),
  ),
  extension: v.optional(v.looseObject({ elimination: v.optional(v.unknown()) })),
});

/**
 * Table metadata (json-stat2 without values) within the product's limits: at most
 * MAX_DIMENSIONS dimensions of at most MAX_CATEGORIES codes, labels and notes bounded
 * and XML-safe. Exported for the SSB client, which checks an answer with it.
 */
export const tableMetadataSchema = v.pipe(
  v.looseObject({
    id: v.pipe(v.array(code()), v.maxLength(MAX_DIMENSIONS)),
    dimension: codeRecord(dimensionSchema, MAX_DIMENSIONS),
    label: v.optional(boundedText(MAX_TEXT_LENGTH)),
    updated: v.optional(boundedText(100)),
    note: v.optional(v.pipe(v.array(v.unknown()), v.maxLength(1000))),
    extension: v.optional(v.looseObject({ px: v.optional(v.looseObject({ tableid: v.optional(v.unknown()) })) })),
  }),
  v.transform((json): TableMetadata => {
    const dimensions = json.id.map((id): MetadataDimension => {
      const d = json.dimension[id] ?? {};
      const cat = d.category ?? {};
      const labels = cat.label ?? {};
      const units = cat.unit ?? {};
      const index = cat.index;
      const codes = Array.isArray(index)
        ? index
        : index
          ? Object.entries(index).sort((a, b) => a[1] - b[1]).map(([c]) => c)
          : Object.keys(labels);
      const elimination = d.extension?.elimination === true;
      return {
        id,
        ...(elimination ? { elimination } : {}),
        label: d.label ?? id,
        values: codes.map((c) => {
          const unit = own(units, c) ? units[c] : undefined;
          return {
            code: c,
            label: own(labels, c) ? labels[c] : c,
            ...(unit ? { unit: { ...(unit.base !== undefined ? { base: unit.base } : {}), ...(unit.decimals !== undefined ? { decimals: unit.decimals } : {}) } } : {}),
          };
        }),
      };
    });
    const tableid = json.extension?.px?.tableid;
    const noteText = v.safeParser(freeText());
    return {
      tableId: typeof tableid === "string" && /^[A-Za-z0-9_-]{1,40}$/.test(tableid) ? tableid : undefined,
      label: json.label,
      updated: json.updated,
      notes: (json.note ?? []).flatMap((n) => {
        const r = noteText(n);
        return r.success ? [r.output] : [];
      }),
      dimensions,
    };
  }),
);

/** Read table metadata (a file or SSB's answer). Throws KostraError ("bad-input") naming the field that is wrong. */
export function readTableMetadata(json: unknown, name = "metadata"): TableMetadata {
  if (!isObject(json) || !Array.isArray(json.id) || !isObject(json.dimension)) {
    throw badInput({ nb: `${name}: er ikke metadata i JSON-stat-format.`, en: `${name}: is not JSON-stat metadata.` });
  }
  return parseInput(tableMetadataSchema, json, name);
}

/** The regions of a table's region dimension with their validity periods. */
export function regionsOf(meta: TableMetadata, regionDimension: string): RegionEntry[] {
  const dim = meta.dimensions.find((d) => d.id === regionDimension);
  return dim ? dim.values.map((v) => parseRegionLabel(v.code, v.label)) : [];
}
