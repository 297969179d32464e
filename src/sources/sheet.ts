/**
 * Import from the sheet: the text of a selected range, read by the workbook gateway,
 * turned into a dataset as the CSV import reads a file (a header row
 * region;indikator;år;verdi[;status], then one observation per row). The gateway only
 * reads cells; reading what they mean belongs here, beside the CSV reader, so the
 * gateway depends on nothing but the domain and the report.
 */
import type { Dataset, LocalizedText } from "../kostra/types";
import { readTidyRows } from "./csv";

/** `cells`: the used part of a selected range, its address and every cell as text (excel/read-selection.ts). */
export function datasetFromSelection(cells: { address: string; rows: string[][] }, now: () => Date = () => new Date()): { dataset: Dataset; warnings: LocalizedText[] } {
  const { observations, warnings } = readTidyRows(cells.rows, cells.address);
  return {
    dataset: {
      observations: observations.map((o) => ({ ...o, provenance: 0 })),
      provenance: [{ source: "sheet", query: cells.address, fetchedAt: now().toISOString() }],
    },
    warnings,
  };
}
