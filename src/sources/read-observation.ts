/**
 * An observation as the readers make it. A whole-country file holds over half a million of
 * them, so each is made once, as a plain object literal in one of a few fixed shapes (V8
 * keeps those compact and fast to walk), already carrying its provenance when the caller
 * knows it — never copied afterwards with a spread (`{ ...o, provenance }`), which made
 * every observation three times its size.
 */
import type { Observation } from "../kostra/types";

/** An observation before it is given its place in a dataset's provenance list. */
export type ReadObservation = Omit<Observation, "provenance">;

export function readObservation(indicator: string, municipality: string, year: number, code: string, value: number | null, status: string | undefined): ReadObservation;
export function readObservation(indicator: string, municipality: string, year: number, code: string, value: number | null, status: string | undefined, provenance: number): Observation;
export function readObservation(indicator: string, municipality: string, year: number, code: string, value: number | null, status: string | undefined, provenance?: number): ReadObservation | Observation {
  if (provenance === undefined)
    return status === undefined ? { indicator, municipality, year, code, value } : { indicator, municipality, year, code, value, status };
  return status === undefined ? { indicator, municipality, year, code, value, provenance } : { indicator, municipality, year, code, value, status, provenance };
}
