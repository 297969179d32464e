/**
 * What the template editor needs from SSB's table catalogue: a search (`/tables?query=`)
 * and a table's dimensions from its metadata, with the region and time dimensions named
 * (json-stat2 says so in `role`; older or hand-made metadata by the usual ids).
 */
import { readTableMetadata, type TableMetadata } from "../../sources/ssb/metadata";

/** One table a search found. */
export interface SsbTableHit {
  id: string;
  label: string;
  firstPeriod?: string;
  lastPeriod?: string;
  updated?: string;
}

/** A table's dimensions, and which of them are region and time (never picked by the user). */
export interface SsbTableDimensions extends TableMetadata {
  id: string;
  regionDimension: string;
  timeDimension: string;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

function role(json: unknown, name: "geo" | "time"): string | undefined {
  const roles = isObject(json) && isObject(json.role) ? json.role : {};
  const ids = roles[name];
  return Array.isArray(ids) && typeof ids[0] === "string" ? ids[0] : undefined;
}

/** The metadata of `table` read for the editor. Throws KostraError when it is not JSON-stat metadata. */
export function tableDimensions(table: string, json: unknown): SsbTableDimensions {
  const meta = readTableMetadata(json, `SSB ${table}`);
  const ids = meta.dimensions.map((d) => d.id);
  const regionDimension = role(json, "geo") ?? ids.find((d) => /region/i.test(d)) ?? "Region";
  const timeDimension = role(json, "time") ?? ids.find((d) => /^(tid|time|år)$/i.test(d)) ?? "Tid";
  return { ...meta, id: meta.tableId ?? table, regionDimension, timeDimension };
}
