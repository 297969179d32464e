/** Operations on datasets of observations. */
import type { Dataset, Observation, Provenance } from "./types";

/**
 * Combine datasets. A later dataset's observation replaces an earlier one for the
 * same indicator, municipality and year (files given later win over the sample).
 */
export function mergeDatasets(datasets: readonly Dataset[]): Dataset {
  const provenance: Provenance[] = [];
  const byKey = new Map<string, Observation>();
  for (const ds of datasets) {
    const offset = provenance.length;
    provenance.push(...ds.provenance);
    for (const o of ds.observations) byKey.set(`${o.indicator}/${o.municipality}/${o.year}`, { ...o, provenance: o.provenance + offset });
  }
  return { observations: [...byKey.values()], provenance };
}
