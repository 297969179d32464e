/** The data the pane benchmarks, with the years it covers and the notice it must carry. */
import type { Dataset, LocalizedText } from "../../kostra/types";
import { SAMPLE_NOTICE, SAMPLE_YEARS, sampleDataset } from "../../sources/sample";

export interface PaneSource {
  dataset: Dataset;
  years: readonly number[];
  /** Shown wherever the data is shown (the sample is synthetic). */
  notice: LocalizedText;
}

export function sampleSource(): PaneSource {
  return { dataset: sampleDataset(), years: SAMPLE_YEARS, notice: SAMPLE_NOTICE };
}
