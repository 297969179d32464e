/**
 * Import of a downloaded data file: JSON-stat 2.0 (as saved from SSB's API) or a tidy
 * CSV. The format is recognised from the content, not the file name.
 */
import { badInput } from "../kostra/errors";
import type { Dataset, LocalizedText, Observation, Provenance } from "../kostra/types";
import { readTidyCsv } from "./csv";
import { decodeText } from "./decode";
import { readJsonStat } from "./ssb/jsonstat";
import { observationsFromCube } from "./ssb/observations";

export interface SourceResult {
  dataset: Dataset;
  warnings: LocalizedText[];
}

function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw badInput(
      { nb: `${name}: er ikke gyldig JSON (${detail}).`, en: `${name}: is not valid JSON (${detail}).` },
      detail,
    );
  }
}

/** Read a data file's bytes. Throws a KostraError ("bad-input") naming the file and the problem. */
export function readDataFile(bytes: Uint8Array, name: string, readAt = new Date()): SourceResult {
  if (bytes.length === 0) throw badInput({ nb: `${name}: filen er tom.`, en: `${name}: the file is empty.` });
  const { text } = decodeText(bytes);
  const fetchedAt = readAt.toISOString();
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    const cube = readJsonStat(parseJson(text, name), name);
    const { observations, warnings } = observationsFromCube(cube, name);
    const provenance: Provenance = {
      source: "file",
      table: cube.tableId,
      query: name,
      fetchedAt,
      updated: cube.updated,
      notes: cube.notes,
    };
    return { dataset: { observations: observations.map((o) => ({ ...o, provenance: 0 })), provenance: [provenance] }, warnings };
  }
  const { observations, warnings } = readTidyCsv(text, name);
  const provenance: Provenance = { source: "file", query: name, fetchedAt };
  return { dataset: { observations: observations.map((o) => ({ ...o, provenance: 0 })), provenance: [provenance] }, warnings };
}

/**
 * Combine datasets. A later dataset's observation replaces an earlier one for the
 * same indicator, municipality and year (files given later win over the sample).
 */
export function mergeDatasets(datasets: readonly Dataset[]): Dataset {
  const provenance: Provenance[] = [];
  const byKey = new Map<string, Observation>();
  for (const ds of datasets) {
    const offset = provenance.length;
    provenance.push(...ds.provenance);
    for (const o of ds.observations) byKey.set(`${o.indicator}/${o.municipality}/${o.year}`, { ...o, provenance: o.provenance + offset });
  }
  return { observations: [...byKey.values()], provenance };
}
