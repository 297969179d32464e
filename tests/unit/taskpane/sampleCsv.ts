/** The sample's figures for a year as a tidy CSV file, as a user would save them. */
import { codeForYear, municipalityById } from "../../../src/kostra/municipalities";
import { sampleDataset } from "../../../src/sources/sample";

export function sampleCsv(...years: number[]): string {
  const lines = ["region;indikator;år;verdi;status"];
  for (const o of sampleDataset().observations) {
    if (!years.includes(o.year)) continue;
    const code = codeForYear(municipalityById(o.municipality)!, o.year);
    lines.push([code, o.indicator, o.year, o.value === null ? "" : String(o.value).replace(".", ","), o.status ?? ""].join(";"));
  }
  return lines.join("\n") + "\n";
}
