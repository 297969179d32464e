/**
 * What changed since the figures the report was last made from: the comparison a report
 * makes when it is given the previous figures (a `kostra fetch` file, an earlier report's
 * data sheet, or the workbook's own data sheet before "Oppdater" rewrites it).
 *
 * SSB publishes KOSTRA unrevised on 15 March and revised on 15 June; each figure carries
 * its vintage (SSB's `updated` of its table). Only figures the report shows are compared
 * (its indicators, municipalities and years), and only indicator–year pairs both loads
 * hold: a year only the new load has is new, not changed (kostra/changes.ts has the rule
 * for revised, newly published and withdrawn figures).
 */
import { figureChanges, heldByBoth, indexMoves, type FigureChange, type IndexMove } from "../kostra/changes";
import { KostraError } from "../kostra/errors";
import { withRatios } from "../kostra/ratios";
import type { Dataset, Observation, Profile } from "../kostra/types";

/** Index points the profile's index may move before a change is flagged (the default of `--threshold` and the pane). */
export const DEFAULT_INDEX_THRESHOLD = 1;

/** A previous figure as the data sheet shows it beside the new one. */
export interface PreviousFigure {
  value: number | null;
  status?: string;
  /** SSB's `updated` of the table it came from. */
  updated?: string;
}

/** The moves of one profile's index, or why they could not be compared. */
export interface ProfileMoves {
  profile: Profile;
  /** null when the previous figures cannot make the profile (e.g. they lack its year). */
  moves: IndexMove[] | null;
}

export interface ReportChanges {
  changes: FigureChange[];
  /** Previous figures by `indicator|municipality|year`, for every figure the report shows that was there before. */
  previous: Map<string, PreviousFigure>;
  /** The changed figures' kinds by the same key. */
  changedKind: Map<string, FigureChange["kind"]>;
  profiles: ProfileMoves[];
  threshold: number;
  /** The latest SSB vintage among the previous figures compared ("since 15.03.2025"); undefined when none carries one. */
  since?: string;
}

export const figureKey = (o: Pick<Observation, "indicator" | "municipality" | "year">): string => `${o.indicator}|${o.municipality}|${o.year}`;

/** Published figures and the ratios KS computes from them: what a data sheet shows under an ordinary key. */
const shown = (o: Observation) => o.computed === undefined || o.computed.reason === "definition";

/**
 * Compare the previous figures with the report's (`current` with its ratios derived). `shows`
 * says which figures the report shows; `profiles` are the report's, whose index moves are
 * measured with the same options on both loads.
 */
export function reportChanges(previousGiven: Dataset, current: Dataset, shows: (o: Observation) => boolean, profiles: readonly Profile[], threshold: number): ReportChanges {
  const previousData = withRatios(previousGiven);
  const both = heldByBoth(previousData, current);
  const compared = (o: Observation) => shown(o) && shows(o) && both(o);
  const changes = figureChanges(previousData, current, compared);
  const previous = new Map<string, PreviousFigure>();
  let since: string | undefined;
  for (const o of previousData.observations) {
    if (!compared(o)) continue;
    const updated = previousData.provenance[o.provenance]?.updated;
    if (updated !== undefined && (since === undefined || updated > since)) since = updated;
    previous.set(figureKey(o), { value: o.value, ...(o.status !== undefined ? { status: o.status } : {}), ...(updated !== undefined ? { updated } : {}) });
  }
  const moves = profiles.map((profile) => ({ profile, moves: movesOf(previousData, current, profile, threshold) }));
  return { changes, previous, changedKind: new Map(changes.map((c) => [figureKey(c), c.kind])), profiles: moves, threshold, ...(since !== undefined ? { since } : {}) };
}

/** The profile's index moves, or null when the previous figures cannot make the profile (a year they do not have). */
function movesOf(previous: Dataset, current: Dataset, profile: Profile, threshold: number): IndexMove[] | null {
  try {
    return indexMoves(previous, current, profile.options, threshold);
  } catch (e) {
    if (e instanceof KostraError) return null;
    throw e;
  }
}
