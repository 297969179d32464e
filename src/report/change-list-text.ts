/**
 * The words of the change list and of the data sheet's previous-vintage columns, in each
 * language (both must be a `ChangeListText`, so a text missing in one fails the type check).
 */
import type { ChangeKind } from "../kostra/changes";
import type { Lang } from "../kostra/types";

export interface ChangeListText {
  sheet: string;
  title: string;
  /** "Forrige tall: SSB oppdatert 2025-03-15. …" — what was compared. */
  basis: (since: string | undefined, threshold: string) => string;
  none: string;
  count: (n: number) => string;
  columns: { indicator: string; municipality: string; year: string; before: string; after: string; change: string; kind: string; beforeUpdated: string; afterUpdated: string; moved: (threshold: string) => string };
  kinds: Record<ChangeKind, string>;
  yes: string;
  no: string;
  movesTitle: (template: string, municipality: string, year: number) => string;
  movesColumns: { indicator: string; before: string; after: string; points: string; beyond: (threshold: string) => string };
  noMoves: string;
  notComparable: string;
  /** The data sheet's columns beside each figure. */
  dataColumns: { previous: string; previousUpdated: string; changed: string };
}

const nb: ChangeListText = {
  sheet: "Endringer",
  title: "Endret siden forrige henting",
  basis: (since, threshold) =>
    `Tallene sammenlignet med forrige henting${since ? ` (SSB oppdatert ${since})` : ""}: reviderte, nye og trukne tall for årene begge hentingene har. Et år bare den nye har, er nytt, ikke endret. Indeksen er flagget når den flyttet seg mer enn ${threshold} poeng.`,
  none: "Ingen tall er endret siden forrige henting.",
  count: (n) => `${n} tall er endret.`,
  columns: {
    indicator: "Indikator",
    municipality: "Kommune",
    year: "År",
    before: "Forrige verdi",
    after: "Ny verdi",
    change: "Endring",
    kind: "Hva",
    beforeUpdated: "Forrige SSB oppdatert",
    afterUpdated: "SSB oppdatert",
    moved: (t) => `Profilens indeks flyttet mer enn ${t} poeng`,
  },
  kinds: { revised: "revidert", published: "nytt tall", withdrawn: "trukket" },
  yes: "ja",
  no: "nei",
  movesTitle: (template, municipality, year) => `Indeks for ${municipality} ${year}, ${template}`,
  movesColumns: { indicator: "Indikator", before: "Indeks før", after: "Indeks nå", points: "Poeng", beyond: (t) => `Mer enn ${t} poeng` },
  noMoves: "Ingen indeks er endret.",
  notComparable: "Forrige henting har ikke profilens år; indeksen kan ikke sammenlignes.",
  dataColumns: { previous: "Forrige verdi", previousUpdated: "Forrige SSB oppdatert", changed: "Endret" },
};

const en: ChangeListText = {
  sheet: "Changes",
  title: "Changed since the previous fetch",
  basis: (since, threshold) =>
    `The figures compared with the previous fetch${since ? ` (SSB updated ${since})` : ""}: revised, new and withdrawn figures for the years both fetches hold. A year only the new one has is new, not changed. The index is flagged when it moved by more than ${threshold} points.`,
  none: "No figure has changed since the previous fetch.",
  count: (n) => `${n} ${n === 1 ? "figure" : "figures"} changed.`,
  columns: {
    indicator: "Indicator",
    municipality: "Municipality",
    year: "Year",
    before: "Previous value",
    after: "New value",
    change: "Change",
    kind: "What",
    beforeUpdated: "Previous SSB updated",
    afterUpdated: "SSB updated",
    moved: (t) => `Profile's index moved more than ${t} points`,
  },
  kinds: { revised: "revised", published: "new figure", withdrawn: "withdrawn" },
  yes: "yes",
  no: "no",
  movesTitle: (template, municipality, year) => `Index for ${municipality} ${year}, ${template}`,
  movesColumns: { indicator: "Indicator", before: "Index before", after: "Index now", points: "Points", beyond: (t) => `More than ${t} points` },
  noMoves: "No index has changed.",
  notComparable: "The previous fetch lacks the profile's year; the index cannot be compared.",
  dataColumns: { previous: "Previous value", previousUpdated: "Previous SSB updated", changed: "Changed" },
};

export const CHANGE_LIST_TEXT: Readonly<Record<Lang, ChangeListText>> = { nb, en };
