/** Every text the task pane shows, in English. */
import type { Messages } from "./nb";

export const en: Messages = {
  appTitle: "KOSTRA Benchmark",
  languageSwitch: "English",
  loading: "Starting …",
  outsideExcel: "Opened outside Excel – showing sample data; writing to a workbook needs Excel.",
  selectionHeading: "Selection",
  templateLabel: "Sector template",
  municipalityLabel: "Municipality",
  municipalityPlaceholder: "Name or municipality number",
  municipalityNoMatch: "No municipality matches",
  municipalityFrom: (year) => `from ${year}`,
  municipalityUntil: (year) => `until ${year}`,
  yearLabel: "Year",
  profileHeading: (municipality, year) => `Profile for ${municipality} ${year}`,
  indexRule: (network) => `Index: value ÷ ${network} average × 100 (average = 100).`,
  focalNotInNetwork: (municipality, network, year) =>
    `${municipality} was not a member of ${network} in ${year}; average, lowest and highest are over the network's members.`,
  average: (network) => `${network} average`,
  lowest: "Lowest",
  highest: "Highest",
  index: "Index",
  coverage: "With data",
  coverageValue: (n, of) => `${n} of ${of}`,
  notComputed: "not computed",
  errorTitle: "Cannot build the profile",
  unexpectedError: (message) => `Unexpected error: ${message}`,
};
