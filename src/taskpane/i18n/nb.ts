/** Every text the task pane shows, in Norwegian bokmål (the product's default language). */
export const nb = {
  appTitle: "KOSTRA Benchmark",
  languageSwitch: "English",
  loading: "Starter …",
  outsideExcel: "Åpnet utenfor Excel – viser eksempeldata; skriving til arbeidsbok krever Excel.",
  selectionHeading: "Utvalg",
  templateLabel: "Sektormal",
  municipalityLabel: "Kommune",
  municipalityPlaceholder: "Navn eller kommunenummer",
  municipalityNoMatch: "Ingen kommune passer",
  municipalityFrom: (year: number): string => `fra ${year}`,
  municipalityUntil: (year: number): string => `til ${year}`,
  yearLabel: "År",
  profileHeading: (municipality: string, year: number): string => `Profil for ${municipality} ${year}`,
  indexRule: (network: string): string => `Indeks: verdi ÷ snitt ${network} × 100 (snitt = 100).`,
  focalNotInNetwork: (municipality: string, network: string, year: number): string =>
    `${municipality} var ikke med i ${network} i ${year}; snitt, lavest og høyest gjelder nettverkets medlemmer.`,
  average: (network: string): string => `Snitt ${network}`,
  lowest: "Lavest",
  highest: "Høyest",
  index: "Indeks",
  coverage: "Med data",
  coverageValue: (n: number, of: number): string => `${n} av ${of}`,
  notComputed: "ikke beregnet",
  errorTitle: "Kan ikke lage profilen",
  unexpectedError: (message: string): string => `Uventet feil: ${message}`,
};

type Widen<T> = { [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : string };

/** The shape every language must fill: the same keys as bokmål, with the same arguments. */
export type Messages = Widen<typeof nb>;
