/**
 * Import of a data file: JSON-stat 2.0 (as saved from SSB's API), the product's own
 * observations file (`kostra fetch`), or a tidy CSV. The format is recognised from the
 * content, not the file name. Every format is read through its schema into typed
 * observations and provenance (text bounded and XML-safe, numbers finite); a file over
 * MAX_FILE_BYTES is refused before it is decoded.
 */
import { badInput } from "../kostra/errors";
import { MAX_FILE_BYTES } from "../kostra/limits";
import { quoteInput, xmlSafe } from "../kostra/safe-text";
import type { Dataset, LocalizedText, Provenance } from "../kostra/types";
import { readTidyCsv } from "./csv";
import { decodeText } from "./decode";
import { isObservationsFile, readObservationsFile, type KostraGroupsRecord } from "./observations-file";
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

const MEGABYTE = 1024 * 1024;

/**
 * Refuse a data file over MAX_FILE_BYTES, before it is read (the pane checks a picked
 * file's size before loading its bytes) or decoded. Throws a KostraError ("bad-input").
 */
export function checkDataFileSize(byteLength: number, fileName: string): void {
  if (byteLength <= MAX_FILE_BYTES) return;
  const [name, limit] = [quoteInput(fileName, 120), Math.round(MAX_FILE_BYTES / MEGABYTE)];
  throw badInput({
    nb: `${name}: filen er større enn ${limit} MB, som er grensen for datafiler.`,
    en: `${name}: the file is larger than ${limit} MB, the limit for data files.`,
  });
}

/**
 * Read a data file's bytes. `name` is the file's name as the user knows it (messages and
 * provenance). Throws a KostraError ("bad-input") naming the file and the problem.
 */
export function readDataFile(bytes: Uint8Array, fileName: string, readAt = new Date()): SourceResult {
  // Messages quote the name on one line; provenance keeps it whole but XML-safe.
  const name = quoteInput(fileName, 120);
  checkDataFileSize(bytes.length, fileName);
  if (bytes.length === 0) throw badInput({ nb: `${name}: filen er tom.`, en: `${name}: the file is empty.` });
  const { text } = decodeText(bytes);
  const query = xmlSafe(fileName);
  const fetchedAt = readAt.toISOString();
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    const json = parseJson(text, name);
    if (isObservationsFile(json)) {
      const { dataset, kostraGroups } = readObservationsFile(json, name);
      return { dataset, warnings: [], ...(kostraGroups.length ? { kostraGroups } : {}) };
    }
    const cube = readJsonStat(json, name);
    const result = observationsFromCube(cube, name, 0);
    const { observations } = result;
    const warnings = cubeWarnings(name, result);
    const provenance: Provenance = {
      source: "file",
      ...(cube.tableId !== undefined ? { table: cube.tableId } : {}),
      query,
      fetchedAt,
      ...(cube.updated !== undefined ? { updated: cube.updated } : {}),
      notes: cube.notes,
    };
    return { dataset: { observations, provenance: [provenance] }, warnings };
  }
  const { observations, warnings } = readTidyCsv(text, name, 0);
  const provenance: Provenance = { source: "file", query, fetchedAt };
  return { dataset: { observations, provenance: [provenance] }, warnings };
}
