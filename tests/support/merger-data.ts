/**
 * SYNTHETIC figures for merged municipalities' predecessors beside the embedded (also
 * synthetic) sample: for Drammen (with Nedre Eiker and Svelvik) and Kristiansand (with
 * Songdalen and Søgne), 2015–2018, every indicator of the given templates, population,
 * and the amount (1000 kr) behind each per-capita figure. Invented for tests of the
 * arithmetic; not SSB's figures.
 */
import { amountIndicatorOf, templateById, templateIndicators } from "../../src/kostra/catalog";
import { mergeDatasets } from "../../src/kostra/dataset";
import { codeForYear, municipalityById } from "../../src/kostra/municipalities";
import type { Dataset, Observation } from "../../src/kostra/types";
import { sampleDataset } from "../../src/sources/sample";

/** Predecessor -> [merged municipality, factor on its value, share of its population]. */
export const PARTS: Record<string, [string, number, number]> = {
  "nedre-eiker": ["drammen", 0.55, 0.36],
  svelvik: ["drammen", 1.9, 0.097],
  songdalen: ["kristiansand", 0.7, 0.07],
  sogne: ["kristiansand", 1.3, 0.125],
};

export function mergerDataset(templates: readonly string[], years: readonly number[] = [2015, 2016, 2017, 2018]): Dataset {
  const sample = sampleDataset();
  const published = new Map(sample.observations.map((o) => [`${o.indicator}|${o.municipality}|${o.year}`, o]));
  const indicators = templates.flatMap((t) => templateIndicators(templateById(t)!));
  const extra: Observation[] = [];
  const add = (indicator: string, municipality: string, year: number, value: number) =>
    extra.push({ indicator, municipality, year, code: codeForYear(municipalityById(municipality)!, year)!, value, provenance: 0 });
  for (const year of years) {
    for (const base of ["drammen", "kristiansand"]) {
      const pop = published.get(`folkemengde|${base}|${year}`)?.value;
      if (pop == null) throw new Error(`the sample has no population for ${base} ${year}`);
      const parts: [string, number, number][] = [[base, 1, 1], ...Object.entries(PARTS).filter(([, p]) => p[0] === base).map(([id, p]): [string, number, number] => [id, p[1], p[2]])];
      for (const [id, factor, popShare] of parts) {
        const partPop = Math.round(pop * popShare);
        if (id !== base) add("folkemengde", id, year, partPop);
        for (const ind of indicators) {
          const v = published.get(`${ind.id}|${base}|${year}`)?.value;
          if (v == null) continue;
          const value = id === base ? v : Math.round(v * factor * 10 ** ind.decimals) / 10 ** ind.decimals;
          if (id !== base) add(ind.id, id, year, value);
          const amount = amountIndicatorOf(ind);
          // The published amount is not exactly value × population (values are rounded): + 0.4 %.
          if (amount) add(amount.id, id, year, Math.round((value * partPop * 1.004) / ind.amount!.scale));
        }
      }
    }
  }
  return mergeDatasets([sample, { observations: extra, provenance: [{ source: "sample", synthetic: true, notes: ["SYNTETISKE tall for forgjengerkommuner (test)"] }] }]);
}
