/**
 * The answers SSB's PxWebApi 2 (or a proxy in front of it) gives, read by schemas into
 * typed values with limits: `/config`, a table's information (`/tables/{id}`), a search
 * (`/tables?query=`) and problem+json error bodies. Data and metadata answers have their
 * own readers (data-answer.ts, metadata.ts), Klass answers theirs (klass.ts).
 *
 * An answer that does not fit its schema is an SSB failure ("bad-response"), not bad
 * input from the user: the CLI exits 3 and the pane says SSB or the proxy answered
 * something unexpected.
 */
import { KostraError } from "../../kostra/errors";
import { MAX_CUBE_CELLS, MAX_SEARCH_HITS, MAX_SSB_CALLS_PER_WINDOW, MAX_TEXT_LENGTH, MAX_WAIT_SECONDS, MIN_SSB_CELLS_PER_REQUEST } from "../../kostra/limits";
import { boundedText, parseInput, v } from "../../kostra/schema";
import { unusableAnswer } from "./errors";
import { DEFAULT_LIMITS, type SsbError, type SsbLimits } from "./types";

/** The SsbError for an answer that is not what was asked for. */
function unexpected(what: KostraError["text"] | "not-json" | "empty", url: string, body: string): SsbError {
  const reason = what === "not-json" || what === "empty" ? { kind: what } : { kind: "unexpected" as const, what };
  return unusableAnswer(reason, { url, body });
}

/** Parse an answer's JSON; an empty or unparsable body is an SsbError ("bad-response"). */
export function parseJsonAnswer(body: string, url: string): unknown {
  if (body.trim() === "") throw unexpected("empty", url, body);
  try {
    return JSON.parse(body);
  } catch {
    throw unexpected("not-json", url, body);
  }
}

/** Parse an answer that must be a JSON object (every PxWebApi answer is one; an array or a bare value is not). */
export function parseObjectAnswer(body: string, url: string): Record<string, unknown> {
  const json = parseJsonAnswer(body, url);
  if (typeof json !== "object" || json === null || Array.isArray(json))
    throw unexpected({ nb: "et svar som ikke er et JSON-objekt.", en: "an answer that is not a JSON object." }, url, body);
  return json as Record<string, unknown>;
}

/** Read a parsed answer with a schema; a mismatch is an SsbError ("bad-response") naming the field. */
export function readAnswer<S extends v.GenericSchema>(schema: S, json: unknown, where: string, url: string, body = ""): v.InferOutput<S> {
  try {
    return parseInput(schema, json, where);
  } catch (e) {
    if (e instanceof KostraError && e.code === "bad-input") throw unexpected(e.text, url, body);
    throw e;
  }
}

// ---------------------------------------------------------------------------
// /config

/** A positive finite number, clamped into [min, max]; anything else gives the fallback. */
const clampedLimit = (min: number, max: number, fallback: number) =>
  v.optional(
    v.fallback(
      v.pipe(
        v.number(),
        v.finite(),
        v.gtValue(0),
        v.transform((n) => Math.min(max, Math.max(min, Math.floor(n)))),
      ),
      fallback,
    ),
    fallback,
  );

/**
 * `/config`: only the limits are read. A value that is missing, not a positive number
 * (SSB has reported 0 for the call limit while enforcing it through headers) falls back
 * to SSB's published limits; one outside sane bounds (limits.ts) is clamped.
 */
const configSchema = v.pipe(
  v.looseObject({
    maxDataCells: clampedLimit(MIN_SSB_CELLS_PER_REQUEST, MAX_CUBE_CELLS, DEFAULT_LIMITS.maxDataCells),
    maxCallsPerTimeWindow: clampedLimit(1, MAX_SSB_CALLS_PER_WINDOW, DEFAULT_LIMITS.maxCallsPerTimeWindow),
    timeWindow: clampedLimit(1, MAX_WAIT_SECONDS, DEFAULT_LIMITS.timeWindowSeconds),
  }),
  v.transform((c): SsbLimits => ({ maxDataCells: c.maxDataCells, maxCallsPerTimeWindow: c.maxCallsPerTimeWindow, timeWindowSeconds: c.timeWindow })),
);

/** SSB's limits from a `/config` body. Throws SsbError ("bad-response") when it is not a JSON object. */
export function readConfig(body: string, url: string): SsbLimits {
  return readAnswer(configSchema, parseObjectAnswer(body, url), "/config", url, body);
}

// ---------------------------------------------------------------------------
// /tables/{id} and /tables?query=

export interface TableInfo {
  id: string;
  label: string;
  updated?: string;
  firstPeriod?: string;
  lastPeriod?: string;
  variableNames?: string[];
}

/** An SSB table id as the API writes it ("12362", "07459"; letters in some older tables). */
export const tableIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,40}$/));

/** An optional text field: absent, null or text (anything else is a mismatch). */
const optionalText = (max?: number) => v.optional(v.nullable(boundedText(max)));

const tableEntrySchema = v.pipe(
  v.looseObject({
    id: tableIdSchema,
    label: v.optional(v.nullable(boundedText(MAX_TEXT_LENGTH))),
    updated: optionalText(100),
    firstPeriod: optionalText(100),
    lastPeriod: optionalText(100),
    variableNames: v.optional(v.nullable(v.pipe(v.array(boundedText()), v.maxLength(100)))),
  }),
  v.transform(
    (t): TableInfo => ({
      id: t.id,
      label: t.label ?? "",
      ...(t.updated ? { updated: t.updated } : {}),
      ...(t.firstPeriod ? { firstPeriod: t.firstPeriod } : {}),
      ...(t.lastPeriod ? { lastPeriod: t.lastPeriod } : {}),
      ...(t.variableNames ? { variableNames: t.variableNames } : {}),
    }),
  ),
);

/** A table's information; it must be about the table asked for. */
export function readTableInfo(body: string, table: string, url: string): TableInfo {
  const info = readAnswer(tableEntrySchema, parseObjectAnswer(body, url), `/tables/${table}`, url, body);
  if (info.id.toLowerCase() !== table.toLowerCase())
    throw unexpected({ nb: `informasjon om tabell ${info.id}, ikke ${table}.`, en: `information about table ${info.id}, not ${table}.` }, url, body);
  return info;
}

const searchSchema = v.looseObject({ tables: v.pipe(v.array(tableEntrySchema), v.maxLength(MAX_SEARCH_HITS)) });

/** The tables a search found. */
export function readSearch(body: string, url: string): TableInfo[] {
  return readAnswer(searchSchema, parseObjectAnswer(body, url), "/tables", url, body).tables;
}
