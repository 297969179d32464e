/** The profile for the current choices, with domain errors as a value the UI can show. */
import type { BenchmarkOptions, Dataset, Lang, Profile } from "../../kostra/types";
import type { FormState } from "./form";
import { domain } from "../domain";

export type ProfileResult = { ok: true; profile: Profile } | { ok: false; error: Error };

export function benchmarkOptions(form: FormState): BenchmarkOptions {
  return {
    sector: form.sector,
    focal: form.municipality,
    year: form.year,
    network: form.network,
    comparisons: [...form.comparisons],
    average: form.average,
    includeOslo: form.includeOslo,
    includeFocal: form.includeFocal,
  };
}

export function computeProfile(dataset: Dataset, form: FormState): ProfileResult {
  try {
    return { ok: true, profile: domain().benchmark(dataset, benchmarkOptions(form)) };
  } catch (error) {
    if (error instanceof Error) return { ok: false, error };
    return { ok: false, error: new Error(String(error)) };
  }
}

/**
 * The averaging rule in one line ("Snitt: uvektet, 10 kommuner, Oslo med, Bærum med"):
 * from the computed profile, or from the choices alone when there is no profile yet
 * (nothing loaded, or the data lacks the year). Null when the choices name no
 * municipality or network that year.
 */
export function averagingLine(form: FormState, profile: Profile | null, lang: Lang): string | null {
  if (profile) return domain().describeAveraging(profile, lang);
  try {
    const focal = domain().municipalityInYear(form.municipality, form.year);
    const network = domain().networkById(form.network);
    if (!network) return null;
    const members = domain().networkMembers(network, form.year);
    const averagingSet = members
      .filter((id) => (form.includeOslo || id !== domain().OSLO_ID) && (form.includeFocal || id !== focal.id))
      .map((id) => domain().refForYear(domain().municipalityById(id)!, form.year));
    return domain().describeAveraging({ options: benchmarkOptions(form), averagingSet, focal, focalInNetwork: members.includes(focal.id) }, lang);
  } catch {
    return null;
  }
}
