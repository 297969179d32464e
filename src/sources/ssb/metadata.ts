/**
 * Table metadata from PxWebApi 2 (json-stat2 without values): labels, units, notes and
 * the region list with each code's validity period, read from SSB's labels such as
 * "3001 Halden (2020-2023)", "Bærum (-2019)" or "3201 Bærum".
 */
import { badInput } from "../../kostra/errors";

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

export function readTableMetadata(json: unknown, name = "metadata"): TableMetadata {
  if (!isObject(json) || !Array.isArray(json.id) || !isObject(json.dimension)) {
    throw badInput({ nb: `${name}: er ikke metadata i JSON-stat-format.`, en: `${name}: is not JSON-stat metadata.` });
  }
  const dims = json.dimension;
  const dimensions = (json.id as unknown[]).filter((d): d is string => typeof d === "string").map((id) => {
    const d = isObject(dims[id]) ? dims[id] : {};
    const cat = isObject(d.category) ? d.category : {};
    const labels = isObject(cat.label) ? cat.label : {};
    const units = isObject(cat.unit) ? cat.unit : {};
    const index = cat.index;
    const codes = Array.isArray(index)
      ? index.map(String)
      : isObject(index)
        ? Object.entries(index).sort((a, b) => Number(a[1]) - Number(b[1])).map(([c]) => c)
        : Object.keys(labels);
    const elimination = isObject(d.extension) && d.extension.elimination === true;
    return {
      id,
      ...(elimination ? { elimination } : {}),
      label: typeof d.label === "string" ? d.label : id,
      values: codes.map((code) => ({
        code,
        label: typeof labels[code] === "string" ? (labels[code] as string) : code,
        ...(isObject(units[code]) ? { unit: units[code] as MetadataValue["unit"] } : {}),
      })),
    };
  });
  const ext = isObject(json.extension) && isObject(json.extension.px) ? json.extension.px : {};
  return {
    tableId: typeof ext.tableid === "string" ? ext.tableid : undefined,
    label: typeof json.label === "string" ? json.label : undefined,
    updated: typeof json.updated === "string" ? json.updated : undefined,
    notes: Array.isArray(json.note) ? json.note.filter((n): n is string => typeof n === "string") : [],
    dimensions,
  };
}

/** The regions of a table's region dimension with their validity periods. */
export function regionsOf(meta: TableMetadata, regionDimension: string): RegionEntry[] {
  const dim = meta.dimensions.find((d) => d.id === regionDimension);
  return dim ? dim.values.map((v) => parseRegionLabel(v.code, v.label)) : [];
}
