/**
 * The municipality registry behind the first view's names: every code a municipality has
 * had, the search (names without diacritics, codes without the leading zero, "Mente du
 * …?"), the KOSTRA groups and their members. 14 KB gzip the first view does not show, so
 * it loads once that view has been painted (../index.tsx), or as soon as the user starts
 * typing a municipality (../state/useRegistry).
 */
export { AGGREGATES, aggregateLabel, codeForYear, kostraGroupMembers, kostraGroupOf, lookUpRegion, MUNICIPALITIES, municipalityById, searchMunicipalities } from "../../kostra/municipalities";
export { didYouMean } from "../../kostra/municipality-errors";
