/** Compute the profile for a selection, turning domain errors into a value the UI can show. */
import { benchmark, defaultOptions } from "../../kostra/benchmark";
import type { Dataset, Profile } from "../../kostra/types";
import type { Selection } from "./selection";

export type ProfileResult = { ok: true; profile: Profile } | { ok: false; error: Error };

export function computeProfile(dataset: Dataset, selection: Selection): ProfileResult {
  try {
    const options = defaultOptions(selection.sector, selection.municipality, selection.year);
    return { ok: true, profile: benchmark(dataset, options) };
  } catch (error) {
    if (error instanceof Error) return { ok: false, error };
    return { ok: false, error: new Error(String(error)) };
  }
}
