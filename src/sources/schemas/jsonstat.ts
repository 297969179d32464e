/**
 * JSON-stat 2.0 datasets (SSB's PxWebApi 2 answers, and files saved from them): the
 * structure — version, class, ids, sizes, dimensions with their categories, labels and
 * units, notes, SSB's table id. The cells (`value`) and their status symbols are walked
 * by the reader in one tight loop each, not by a schema per cell: a response has up to
 * MAX_CUBE_CELLS of them and the reader is benchmarked (bench/run.js).
 */
import { MAX_CATEGORIES, MAX_DIMENSIONS, MAX_NOTES } from "../../kostra/limits";
import { boundedText, freeText, integerIn, isoDateTime, say, v } from "../../kostra/schema";
import { codeText, plainRecord, tableId } from "./common";

const MISSING_LIST = say({ nb: "mangler, eller er ikke en liste", en: "is missing or not a list" });

const INDEX_LIST = v.pipe(v.array(codeText()), v.maxLength(MAX_CATEGORIES));
const INDEX_RECORD = plainRecord(codeText(), integerIn(0, MAX_CATEGORIES - 1), MAX_CATEGORIES);
/** `category.index`: codes in position order, or code → position (chosen by shape, so a problem is named in the form used). */
const categoryIndex = v.lazy((input) => (Array.isArray(input) ? INDEX_LIST : INDEX_RECORD));

const unit = v.object({
  base: v.optional(boundedText()),
  decimals: v.optional(integerIn(0, 15)),
});

const dimension = v.object({
  label: v.optional(boundedText()),
  category: v.object({
    index: v.optional(categoryIndex),
    label: v.optional(plainRecord(v.string(), boundedText(), MAX_CATEGORIES)),
    unit: v.optional(plainRecord(v.string(), unit, MAX_CATEGORIES)),
  }),
});

export const JSON_STAT_DATASET = v.object({
  version: v.optional(v.picklist(["2.0"])),
  class: v.optional(v.picklist(["dataset"])),
  label: v.optional(boundedText()),
  source: v.optional(boundedText()),
  updated: v.optional(isoDateTime()),
  note: v.optional(v.pipe(v.array(freeText()), v.maxLength(MAX_NOTES))),
  id: v.pipe(v.array(codeText(), MISSING_LIST), v.maxLength(MAX_DIMENSIONS)),
  size: v.pipe(v.array(integerIn(0, MAX_CATEGORIES), MISSING_LIST), v.maxLength(MAX_DIMENSIONS)),
  dimension: plainRecord(v.string(), dimension, MAX_DIMENSIONS),
  /** Walked by the reader (an array or a sparse object of numbers and nulls). */
  value: v.optional(v.unknown()),
  /** Walked by the reader (a string, an array, or a sparse object of strings and nulls). */
  status: v.optional(v.unknown()),
  extension: v.optional(v.object({ px: v.optional(v.object({ tableid: v.optional(tableId()) })) })),
});

export type JsonStatInput = v.InferOutput<typeof JSON_STAT_DATASET>;
export type JsonStatDimensionInput = v.InferOutput<typeof dimension>;
