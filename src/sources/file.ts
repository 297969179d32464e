/**
 * Import of a data file: JSON-stat 2.0 (as saved from SSB's API), the product's own
 * observations file (`kostra fetch`), or a tidy CSV. The format is recognised from the
 * content, not the file name.
 */
import { badInput } from "../kostra/errors";
import type { Dataset, LocalizedText, Provenance } from "../kostra/types";
import { readTidyCsv } from "./csv";
import { decodeText } from "./decode";
import { isObservationsFile, readObservationsFile, readObservationsKostraGroups, type KostraGroupsRecord } from "./observations-file";
import { readJsonStat } from "./ssb/jsonstat";
import { cubeWarnings, observationsFromCube } from "./ssb/observations";

export interface SourceResult {
  dataset: Dataset;
  warnings: LocalizedText[];
  /** SSB's KOSTRA group membership a `kostra fetch` file carries, for the caller to register. */
  kostraGroups?: KostraGroupsRecord[];
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
    const json = parseJson(text, name);
    if (isObservationsFile(json)) {
      const kostraGroups = readObservationsKostraGroups(json, name);
      return { dataset: readObservationsFile(json, name), warnings: [], ...(kostraGroups.length ? { kostraGroups } : {}) };
    }
    const cube = readJsonStat(json, name);
    const result = observationsFromCube(cube, name);
    const { observations } = result;
    const warnings = cubeWarnings(name, result);
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
