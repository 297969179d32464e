/**
 * The product's own observations file (`kostra fetch` output) as it may arrive from
 * anyone: every field typed, text bounded and XML-safe, numbers finite. What the file
 * means — catalog indicators, known municipalities, codes valid in their year, provenance
 * references, duplicates — is checked by the reader (observations-file.ts), which names
 * the value it found.
 *
 * `request` (what `kostra fetch` was asked, kept for the record) is free-form and
 * deliberately not read: nothing of it travels further. `createdAt` and `missing` are
 * checked, so a damaged file is noticed, but not passed on.
 */
import { MAX_NOTES, MAX_OBSERVATIONS } from "../../kostra/limits";
import { boundedText, dataYear, finiteNumber, freeText, integerIn, isoDateTime, say, v } from "../../kostra/schema";
import { codeText, plainRecord, statusSymbol, tableId } from "./common";

export const OBSERVATIONS_FORMAT = "kostra-benchmark/observations";
export const OBSERVATIONS_VERSION = 1;

const notes = () => v.pipe(v.array(freeText()), v.maxLength(MAX_NOTES));

export const PROVENANCE = v.object({
  source: v.picklist(["ssb", "file", "sheet", "sample"]),
  table: v.optional(tableId()),
  /** A query URL (with a POST body on the next line) or a file name. */
  query: v.optional(freeText()),
  fetchedAt: v.optional(isoDateTime()),
  updated: v.optional(isoDateTime()),
  synthetic: v.optional(v.boolean()),
  notes: v.optional(notes()),
});

export const OBSERVATION = v.object({
  indicator: codeText(),
  municipality: codeText(),
  year: dataYear(),
  code: codeText(),
  value: v.nullable(finiteNumber()),
  status: v.optional(statusSymbol()),
  provenance: integerIn(0, MAX_OBSERVATIONS),
});

const webAddress = () => v.pipe(boundedText(), v.regex(/^https?:\/\/[^\s]+$/i, say({ nb: "er ikke en nettadresse", en: "is not a web address" })));

export const KOSTRA_GROUPS_RECORD = v.object({
  year: dataYear(),
  /** The date SSB's Klass was asked for ("2021-01-01"). */
  date: v.optional(isoDateTime()),
  /** "SSB Klass 131→112, 2021-01-01" */
  source: v.optional(boundedText()),
  url: v.optional(webAddress()),
  fetchedAt: v.optional(isoDateTime()),
  /** Municipality id → group id ("ekg07"). */
  groups: plainRecord(codeText(), v.pipe(v.string(), v.regex(/^ekg\d{2}$/, say({ nb: "er ikke en KOSTRA-gruppe", en: "is not a KOSTRA group" }))), MAX_OBSERVATIONS),
});

const MISSING_PART = v.object({
  indicator: codeText(),
  years: v.pipe(v.array(dataYear()), v.maxLength(200)),
  reason: v.object({ nb: freeText(), en: freeText() }),
});

export const OBSERVATIONS_FILE = v.object({
  format: v.literal(OBSERVATIONS_FORMAT),
  version: v.literal(OBSERVATIONS_VERSION),
  createdAt: v.optional(isoDateTime()),
  missing: v.optional(v.pipe(v.array(MISSING_PART), v.maxLength(MAX_OBSERVATIONS))),
  provenance: v.pipe(v.array(PROVENANCE), v.maxLength(MAX_OBSERVATIONS)),
  observations: v.pipe(v.array(OBSERVATION), v.maxLength(MAX_OBSERVATIONS)),
  kostraGroups: v.optional(v.pipe(v.array(KOSTRA_GROUPS_RECORD), v.maxLength(200))),
});

export type ObservationsFileInput = v.InferOutput<typeof OBSERVATIONS_FILE>;
