/** The `kostra` command's own lines in Norwegian bokmål (the default language). */
import { joinNames } from "../kostra/mergers";
import type { CliText } from "./messages";

const quoted = (text: string): string => `«${text}»`;
const UNTOUCHED = "en tidligere fil er urørt";
const either = (items: readonly string[]): string => joinNames(items, "eller");

export const nb: CliText = {
  quoted,

  warning: (text) => `advarsel: ${text}`,
  missing: (text) => `mangler: ${text}`,
  unexpected: (text) => `uventet feil: ${text}`,
  cancelled: "Avbrutt; ingen fil er skrevet, og en tidligere fil er urørt.",
  cannotWriteOutput: (code) => `kunne ikke skrive utdata (${code})`,

  seeHelp: "Se «kostra --help».",
  unknownCommand: (command, commands) => `ukjent kommando ${quoted(command)} (bruk ${either(commands)})`,
  unknownOption: (option) => `ukjent valg ${quoted(option)}`,
  badOption: (option) => `ugyldig bruk av ${quoted(option)}`,
  missingOption: (flag) => `mangler ${flag}`,
  oneOf: (flag, allowed, value) => `${flag} må være ${either(allowed)} (fikk ${quoted(value)})`,
  yearFormat: (flag, value) => `${flag} må være et årstall som 2017 (fikk ${quoted(value)})`,
  yearsFormat: (value) => `--years må være årstall som 2015-2017 eller 2015,2017 (fikk ${quoted(value)})`,
  yearRange: (value) => `ugyldig årsintervall ${quoted(value)}`,
  needsWorkbooks: (flag) => `${flag} gjelder bare sammen med --workbooks MAPPE`,
  peersNeedCustom: (network) => `--peers gjelder bare --network custom (fikk --network ${network})`,
  ownGroupNeedsMunicipality: "«kostragruppe» betyr kommunens egen KOSTRA-gruppe: oppgi kommunen med --municipality, eller gruppen (f.eks. ekg07)",
  timeoutRange: (min, max, value) => `--timeout må være et antall sekunder fra ${min} til ${max} (fikk ${value})`,
  metadataOrLive: "bruk enten --metadata MAPPE|FIL … eller --live",
  recordNeedsLive: "--record krever --live",
  pathNotFound: (path) => `finner ikke ${path}`,
  noMetadataFiles: (path) => `${path} har ingen .json-filer med metadata`,
  notJson: (file) => `${file} er ikke gyldig JSON`,
  noTableNumber: (file) => `${file}: finner ikke tabellnummeret (extension.px.tableid, tittel eller filnavn)`,

  files: {
    notFound: (path) => `finner ikke filen ${path}`,
    mayNotRead: (path) => `har ikke lov til å lese ${path}`,
    notFoundNotFolder: (path) => `finner ikke filen ${path} (en del av stien er ikke en mappe)`,
    linkLoop: (path) => `${path} er en lenke som peker i ring`,
    cannotRead: (path, code) => `kan ikke lese ${path} (${code})`,
    isFolder: (path) => `${path} er en mappe, ikke en fil`,
    notRegularFile: (path) => `${path} er ikke en vanlig fil (men en FIFO, en enhet eller en socket); lagre dataene i en fil og oppgi den`,
    tooLarge: (path, size, limit) => `${path} er for stor: ${size} (grensen er ${limit})`,
    grewWhileRead: (path, limit) => `${path} endret seg mens den ble lest, eller er over grensen på ${limit}; prøv igjen når den er ferdig skrevet`,
    folderMissing: (folder) => `mappen ${folder} finnes ikke; lag den først eller velg en annen mappe`,
    notAFolder: (folder) => `${folder} er ikke en mappe; velg en annen`,
    mayNotWriteIn: (folder) => `har ikke lov til å skrive i mappen ${folder}; velg en annen mappe`,
    folderReadOnly: (folder) => `mappen ${folder} er skrivebeskyttet; velg en annen mappe`,
    noRoom: (target) => `det er ikke plass på disken til ${target}; ${UNTOUCHED}`,
    tooLargeForSystem: (target) => `${target} ble større enn systemet tillater en fil å være; ${UNTOUCHED}`,
    nameTooLong: (target) => `filnavnet ${target} er for langt`,
    cannotWrite: (target, code) => `kan ikke skrive ${target} (${code}); ${UNTOUCHED}`,
    mayNotChange: (target) =>
      `har ikke lov til å endre ${target} (filen er skrivebeskyttet eller tilhører en annen); gjør den skrivbar eller velg en annen fil`,
    notRegularTarget: (target) => `${target} finnes og er ikke en vanlig fil; velg en annen fil`,
    alreadyExists: (target) => `${target} finnes allerede; ingen filer ble skrevet (--overwrite erstatter filer som finnes)`,
    wrongExtension: (extension, target) => `--out må være en ${extension}-fil (fikk ${target})`,
    noneReplaced: (failed, code, total) => `kunne ikke erstatte ${failed} (${code}); ingen av de ${total} filene er erstattet, alle er som før`,
    partlyReplaced: (failed, code, replaced, unchanged, total) =>
      `kunne ikke erstatte ${failed} (${code}); ${replaced.count} av ${total} filer er allerede erstattet (${replaced.names}), de andre ${unchanged.count} er som før (${unchanged.names}); hver fil er hel, gammel eller ny. Kjør kommandoen på nytt.`,
  },

  fetchingGroups: (years) => `Henter KOSTRA-grupperingen fra SSB (Klass): ${years.join(", ")}`,
  groupsFromCache: (year, fetchedAt) => `KOSTRA-gruppering ${year}: fra hurtigbuffer, hentet ${fetchedAt}`,
  ownGroupUnknown: (name, year) => `KOSTRA-gruppen til ${name} i ${year} er ukjent; bruk --base ekgNN`,
  tableFromCache: (table, fetchedAt) => `tabell ${table}: fra hurtigbuffer, hentet ${fetchedAt}`,
  incomplete: (missing) =>
    `hentingen ble ikke fullstendig (${missing} indikatorer mangler); ingen fil skrevet. Bruk --allow-partial for å skrive det som ble hentet.`,
  wroteObservations: (count, path, requests) => `skrev ${count} observasjoner til ${path} (${requests} forespørsler til SSB)`,
  wroteReport: (path, sheets) => `skrev ${path}: ${sheets.join(", ")}`,
  wroteWorkbooks: (folder, files) => `skrev ${files.length} ${files.length === 1 ? "malarbeidsbok" : "malarbeidsbøker"} i ${folder}: ${files.join(", ")}`,
  checkingTable: (k, of, table) => `[${k}/${of}] tabell ${table}`,
  tableUnknown: (table) => `SSB kjenner ikke tabell ${table}`,
  tableUnknownUsedBy: (table, indicators) => `feil: SSB kjenner ikke tabell ${table} (brukt av ${indicators.join(", ")})`,

  sectorSummary: (sector, indicators, templates) => `${sector}: ${indicators} indikatorer, ${templates} ${templates === 1 ? "mal" : "maler"}`,
  templateSummary: (template, indicators) => `${template} (${indicators} indikatorer)`,

  usage: "Bruk",
  optionsHeading: "Valg",
  commandsHeading: "Kommandoer",
  commandPlaceholder: "KOMMANDO [valg]",
  helpOption: "denne teksten",
  versionOption: "programmets versjon",
  moreHelp: "Mer om en kommando: kostra KOMMANDO --help",

  catalog: {
    sector: "Sektor",
    indicators: "Indikatorer",
    verified: "Verifisert",
    consistent: "Konsistent",
    unchecked: "Ukontrollert",
    problems: "Feil",
    total: "Sum",
    legend:
      "Verifisert: hver kode finnes i metadata eller svar hentet fra SSB. Konsistent: kodene finnes i metadata satt sammen fra offentlige kilder (ikke hentet fra SSB). Ukontrollert: tabell ukjent eller uten metadata.",
    head: ["Indikator", "Kontroll", "KS-snitt", "Gyldig", "Serier"],
    status: { verified: "verifisert", consistent: "konsistent", unchecked: "ukontrollert", problem: "feil" },
    average: { simple: "enkelt", weighted: "vektet" },
    source: "kilde",
    allYears: "alle år",
    from: "fra",
    to: "til",
    unconfirmed: "ubekreftet",
    computedFrom: "beregnet fra",
  },

  diff: {
    twoFiles: (given) => `kostra diff trenger to datafiler, den eldre først (fikk ${given})`,
    profileNeeds: (flag) => `indeksendringene for en profil trenger ${flag} (med --sector, --municipality og --year)`,
    thresholdFormat: (text) => `--threshold må være indekspoeng, f.eks. 1 eller 2,5 (fikk «${text}»)`,
    heading: (before, after, count) => (count === 0 ? `Ingen tall er endret fra ${before} til ${after}.` : `${count} tall er endret fra ${before} til ${after}:`),
    movesHeading: (template, municipality, year, threshold) => `Indeks for ${municipality} ${year}, ${template} (* = flyttet mer enn ${threshold} poeng):`,
    noMoves: "Ingen indeks er endret.",
    beyondNote: (threshold) => `* flyttet mer enn ${threshold} indekspoeng. Snittet flytter seg også når andre kommuners tall er endret.`,
    kinds: { revised: "revidert", published: "nytt tall", withdrawn: "trukket" },
    columns: { indicator: "Indikator", municipality: "Kommune", year: "År", before: "Før", after: "Nå", change: "Endring", kind: "Hva", indexBefore: "Indeks før", indexAfter: "Indeks nå", points: "Poeng" },
  },
  profile: {
    indicator: "Indikator",
    average: "Snitt",
    lowest: "Lavest",
    highest: "Høyest",
    index: "Indeks",
    withData: "Med data",
    members: "Medlemmer",
    source: "Kilde",
    rank: "Rang",
    noData: "Uten data",
    notShown: "Ikke vist her (se --wide eller --format csv)",
    table: (table) => `tabell ${table}`,
    updated: (date) => `oppdatert ${date}`,
    fetched: (time) => `hentet ${time}`,
    synthetic: "syntetiske data",
  },
  sentences: {
    bandFormat: (flag, text) => `${flag} må være et helt antall prosent fra 0 til 50, f.eks. 5 (fikk ${quoted(text)})`,
  },
  changes: {
    reportSummary: (count, since, sheet) =>
      `${count === 0 ? "Ingen tall er endret" : `${count} tall er endret`} siden ${since ? `SSBs tall oppdatert ${since}` : "forrige henting"} (se arket «${sheet}»).`,
    fetchHeading: (previous, count) => (count === 0 ? `Ingen tall er endret siden ${previous}.` : `${count} tall er endret siden ${previous}:`),
    notCompared: (file, reason) => `sammenlignet ikke med ${file}, som ikke kunne leses som en datafil: ${reason}`,
    thresholdNeedsPrevious: "--threshold gjelder endringene og trenger --previous",
  },
};
