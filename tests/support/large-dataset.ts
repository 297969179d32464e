/**
 * A SYNTHETIC dataset the size of a whole-country load: 357 municipalities × 12
 * indicators × 10 years (42,840 observations), for chunking tests and benchmarks.
 * Municipality ids and codes are invented ("m001", "9001"); values are arbitrary.
 */
import { INDICATORS } from "../../src/kostra/catalog";
import type { Dataset, Observation } from "../../src/kostra/types";

export function largeDataset(municipalities = 357, years = 10): Dataset {
  const indicators = INDICATORS.filter((i) => i.id !== "folkemengde").slice(0, 12).map((i) => i.id);
  const observations: Observation[] = [];
  for (const indicator of indicators)
    for (let y = 0; y < years; y++)
      for (let m = 1; m <= municipalities; m++) {
        const missing = (m * 7 + y * 3) % 97 === 0;
        observations.push({
          indicator,
          municipality: `m${String(m).padStart(3, "0")}`,
          year: 2015 + y,
          code: String(9000 + m),
          value: missing ? null : ((m * 7919 + y * 104729) % 100000) / 10,
          ...(missing ? { status: ".." } : {}),
          provenance: 0,
        });
      }
  return { observations, provenance: [{ source: "sample", synthetic: true, notes: ["Syntetiske testdata", "Synthetic test data"] }] };
}
