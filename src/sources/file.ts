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
import { isObservationsFile, readObservationsFile, type KostraGroupsRecord, type ObservationsFileContent } from "./observations-file";
import { readJsonStat, type JsonStatCube } from "./ssb/jsonstat";
import { parseDataset } from "./ssb/jsonstat-text";
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

/** Where a file's observations come from, for their provenance. */
interface FileSource {
  query: string;
  fetchedAt: string;
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
  const source: FileSource = { query: xmlSafe(fileName), fetchedAt: readAt.toISOString() };
  return /^\s*[{[]/.test(text) ? readJsonFile(text, name, source) : readCsvFile(text, name, source);
}

/**
 * What a JSON data file holds, read as far as its format goes: the product's observations
 * file, or a JSON-stat cube (its cells read straight from the text into numbers when they
 * are a plain array, jsonstat-text.ts). Only that is returned, so the parsed JSON is
 * garbage before a cube's observations are made.
 */
function jsonContent(text: string, name: string): { file: ObservationsFileContent } | { cube: JsonStatCube } {
  const { json, cells } = parseDataset(text, (t) => parseJson(t, name));
  if (!isObservationsFile(json)) return { cube: readJsonStat(json, name, cells) };
  // An observations file is read as parsed whole, whatever its "value".
  return { file: readObservationsFile(cells ? parseJson(text, name) : json, name) };
}

function readJsonFile(text: string, name: string, source: FileSource): SourceResult {
  const content = jsonContent(text, name);
  if ("file" in content) {
    const { dataset, kostraGroups } = content.file;
    return { dataset, warnings: [], ...(kostraGroups.length ? { kostraGroups } : {}) };
  }
  const { cube } = content;
  const result = observationsFromCube(cube, name, 0);
  const provenance: Provenance = {
    source: "file",
    ...(cube.tableId !== undefined ? { table: cube.tableId } : {}),
    ...source,
    ...(cube.updated !== undefined ? { updated: cube.updated } : {}),
    notes: cube.notes,
  };
  return { dataset: { observations: result.observations, provenance: [provenance] }, warnings: cubeWarnings(name, result) };
}

function readCsvFile(text: string, name: string, source: FileSource): SourceResult {
  const { observations, warnings } = readTidyCsv(text, name, 0);
  return { dataset: { observations, provenance: [{ source: "file", ...source }] }, warnings };
}
