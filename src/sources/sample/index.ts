/**
 * The embedded sample: SYNTHETIC KOSTRA-shaped data for every catalog indicator (all
 * sectors, and the counts used as weights) for the ASSS members and Asker, 2015–2018,
 * so the product works offline and on any machine. Made by scripts/make-sample.js;
 * every observation's provenance says it is synthetic.
 */
import { codeForYear, municipalityById } from "../../kostra/municipalities";
import type { Dataset, LocalizedText, Observation, Provenance } from "../../kostra/types";
import data from "./sample-data.json";

interface SampleFile {
  synthetic: true;
  notice: LocalizedText;
  years: number[];
  values: Record<string, Record<string, (number | null)[]>>;
  missing: { indicator: string; municipality: string; year: number; status: string }[];
}

const sample = data as SampleFile;

/** The notice every view of the sample must show. */
export const SAMPLE_NOTICE: LocalizedText = sample.notice;
export const SAMPLE_YEARS: readonly number[] = sample.years;

let cached: Dataset | null = null;

/** The sample as a dataset of observations (built once). */
export function sampleDataset(): Dataset {
  if (cached) return cached;
  const provenance: Provenance = {
    source: "sample",
    query: "Eksempeldata (syntetiske)",
    synthetic: true,
    notes: [sample.notice.nb, sample.notice.en],
  };
  const status = new Map(sample.missing.map((m) => [`${m.indicator}/${m.municipality}/${m.year}`, m.status]));
  const observations: Observation[] = [];
  for (const [indicator, byMunicipality] of Object.entries(sample.values)) {
    for (const [municipality, series] of Object.entries(byMunicipality)) {
      const m = municipalityById(municipality);
      if (!m) throw new Error(`Sample data: unknown municipality id ${municipality}`);
      sample.years.forEach((year, i) => {
        const value = series[i];
        const code = codeForYear(m, year);
        if (code === undefined) return;
        observations.push({
          indicator,
          municipality,
          year,
          code,
          value,
          ...(value === null ? { status: status.get(`${indicator}/${municipality}/${year}`) ?? ".." } : {}),
          provenance: 0,
        });
      });
    }
  }
  cached = { observations, provenance: [provenance] };
  return cached;
}
