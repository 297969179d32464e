/**
 * What `kostra catalog --live --record` saves for a table: json-stat2 metadata written
 * from the value the metadata schema made of SSB's answer (`readTableMetadata`), never
 * the answer's own text. A field a proxy added, a note that is not text, an extension the
 * product does not know are therefore not recorded; read back with `--metadata`, the file
 * gives the same metadata. SSB's roles (which dimension is time, region, measure) are kept
 * where they name the table's own dimensions, so the recording can serve as a fixture.
 */
import { MAX_DIMENSIONS, MAX_LABEL_LENGTH } from "../kostra/limits";
import { xmlSafeDeep } from "../kostra/safe-text";
import { v } from "../kostra/schema";
import type { MetadataDimension, TableMetadata } from "../sources/ssb/metadata";

/** Where and when the answer was recorded (`extension.kostraBenchmark`). */
export interface RecordingMark {
  recordedFrom: string;
  recordedAt: string;
}

const dimensionIds = v.pipe(v.array(v.pipe(v.string(), v.maxLength(MAX_LABEL_LENGTH))), v.maxLength(MAX_DIMENSIONS));
/** json-stat2 `role`: only the three roles, each a list of dimension ids (anything else is dropped). */
const roleSchema = v.object({ time: v.optional(dimensionIds), geo: v.optional(dimensionIds), metric: v.optional(dimensionIds) });

/** The answer's roles, each narrowed to the dimensions the metadata has; none when the answer has no sound `role`. */
function rolesOf(answer: unknown, dimensions: readonly string[]): Record<string, string[]> | undefined {
  const role = typeof answer === "object" && answer !== null ? (answer as { role?: unknown }).role : undefined;
  const checked = v.safeParse(roleSchema, role);
  if (!checked.success) return undefined;
  const roles = Object.entries(checked.output).flatMap(([name, ids]) => {
    const known = (ids ?? []).filter((id) => dimensions.includes(id));
    return known.length > 0 ? [[name, known] as const] : [];
  });
  return roles.length > 0 ? Object.fromEntries(roles) : undefined;
}

function dimensionOf(d: MetadataDimension) {
  const withUnit = d.values.filter((x) => x.unit !== undefined);
  return {
    label: d.label,
    ...(d.elimination ? { extension: { elimination: true } } : {}),
    category: {
      index: Object.fromEntries(d.values.map((x, i) => [x.code, i])),
      label: Object.fromEntries(d.values.map((x) => [x.code, x.label])),
      ...(withUnit.length > 0 ? { unit: Object.fromEntries(withUnit.map((x) => [x.code, x.unit])) } : {}),
    },
  };
}

/**
 * The metadata as json-stat2, marked as recorded from `mark.recordedFrom`; `answer` is
 * the answer it was read from, consulted only for its roles (checked here).
 */
export function recordedMetadata(metadata: TableMetadata, answer: unknown, mark: RecordingMark): object {
  const ids = metadata.dimensions.map((d) => d.id);
  const role = rolesOf(answer, ids);
  return xmlSafeDeep({
    version: "2.0",
    class: "dataset",
    ...(metadata.label !== undefined ? { label: metadata.label } : {}),
    ...(metadata.updated !== undefined ? { updated: metadata.updated } : {}),
    ...(metadata.notes.length > 0 ? { note: metadata.notes } : {}),
    id: ids,
    size: metadata.dimensions.map((d) => d.values.length),
    ...(role ? { role } : {}),
    dimension: Object.fromEntries(metadata.dimensions.map((d) => [d.id, dimensionOf(d)])),
    extension: {
      ...(metadata.tableId !== undefined ? { px: { tableid: metadata.tableId } } : {}),
      kostraBenchmark: { provenance: "recorded", ...mark },
    },
  });
}
