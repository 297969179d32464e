/** The profile for the current choices, with domain errors as a value the UI can show. */
import type { BenchmarkOptions, Dataset, Lang, Profile } from "../../kostra/types";
import { kostraGroupUnknown } from "../../kostra/errors";
import { usesKostraGroup, type BaseChoice, type FormState } from "./form";
import { domain, domainLoaded, registry } from "../domain";

/** The profile for the choices (with the band its sentences use), or why there is none. */
export type ProfileResult = { ok: true; profile: Profile; sentenceBand?: number } | { ok: false; error: Error };

/** The KOSTRA group the choices use: the one the user chose, else the municipality's own where it is known. */
export function kostraGroupFor(form: Pick<FormState, "kostraGroup" | "municipality" | "year">): string | undefined {
  return form.kostraGroup || registry().kostraGroupOf(form.municipality, form.year);
}

/** The aggregate region id ("ekg07", "eakuo", "eak") a base or reference choice stands for, if known. */
function aggregateFor(choice: Exclude<BaseChoice, "network">, form: FormState): string | undefined {
  return choice === "kostragruppe" ? kostraGroupFor(form) : choice;
}

/** The peer group the choices describe: the user's peers (network "custom"), the published base and the reference columns, as region ids. */
export function peerGroupOptions(form: FormState): Pick<BenchmarkOptions, "peers" | "base" | "references"> {
  const base = form.base === "network" ? undefined : aggregateFor(form.base, form);
  const references = form.references.map((r) => aggregateFor(r, form)).filter((r): r is string => r !== undefined);
  return {
    ...(form.network === "custom" ? { peers: [...form.peers] } : {}),
    ...(base ? { base } : {}),
    ...(references.length > 0 ? { references } : {}),
  };
}

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
    ...peerGroupOptions(form),
  };
}

/** The error for choices that need the municipality's KOSTRA group when it is not known and none is chosen. */
function missingKostraGroup(form: FormState): Error | null {
  if (!usesKostraGroup(form) || kostraGroupFor(form)) return null;
  const m = domain().municipalityById(form.municipality);
  return kostraGroupUnknown(m?.name ?? form.municipality, form.year);
}

export function computeProfile(dataset: Dataset, form: FormState): ProfileResult {
  const groupMissing = missingKostraGroup(form);
  if (groupMissing) return { ok: false, error: groupMissing };
  try {
    return { ok: true, profile: domain().benchmark(dataset, benchmarkOptions(form)), sentenceBand: form.sentenceBand };
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
  // The rule and its wording are the engine's: until it has loaded (just after the first view) there is no line.
  if (!domainLoaded()) return null;
  if (profile) return domain().describeAveraging(profile, lang);
  try {
    const focal = domain().municipalityInYear(form.municipality, form.year);
    const network = domain().networkById(form.network);
    if (!network) return null;
    // Who counts by the engine's rule, so the line says what the profile will compute.
    const { members, averaging: averagingSet } = domain().membersInYear(network, form.year, focal.id, form);
    return domain().describeAveraging({ options: benchmarkOptions(form), members, averagingSet, focal, focalInNetwork: members.some((m) => m.id === focal.id) }, lang);
  } catch {
    return null;
  }
}
