/**
 * Who a network's figures for a data year are taken over: the one rule the engine, the
 * profile sheet's formulas, the time series and the pane's averaging line all use, so a
 * profile and a time series can never average over different municipalities.
 *
 * - A member is a municipality of the network in that year (ASSS grew to 12 in 2022) that
 *   existed in that year: one merged away (Nedre Eiker into Drammen on 1.1.2020) or not yet
 *   formed is no member then, even when a file carries a figure for it — SSB: "For de årene
 *   da kommunenummeret ikke var gyldig vil det enten stå en prikk eller null"
 *   (research/domain.md §1.2).
 * - The average is over the members less Oslo and/or the focal municipality when the
 *   options leave them out — KS, "Gjennomsnittsberegninger i ASSS-analysene": the accounts
 *   analysis leaves out Oslo and the municipality itself (research/domain.md §1.3).
 * - Lowest, highest and rank range over all members regardless of who is left out of the
 *   average — KS, "Om tjenesteprofilen": the profile shows the highest and lowest value
 *   across the network (research/domain.md §1.3; DOMAIN.md "ASSS — the network").
 */
import { codeForYear, municipalityById, refForYear } from "./municipalities";
import { networkMembers, OSLO_ID } from "./networks";
import type { BenchmarkOptions, MunicipalityRef, Network } from "./types";

export interface YearMembers {
  /** The network's members that existed in the year, in network order: what lowest, highest and rank range over. */
  members: MunicipalityRef[];
  /** The members that count in the average (a subset of `members`, same order). */
  averaging: MunicipalityRef[];
}

/** The members of `network` in `year` and the ones among them that count in the average. */
export function membersInYear(
  network: Network,
  year: number,
  focalId: string,
  options: Pick<BenchmarkOptions, "includeOslo" | "includeFocal">,
): YearMembers {
  const members = networkMembers(network, year)
    .map((id) => municipalityById(id))
    .filter((m) => m !== undefined && codeForYear(m, year) !== undefined)
    .map((m) => refForYear(m!, year));
  const averaging = members.filter((m) => (options.includeOslo || m.id !== OSLO_ID) && (options.includeFocal || m.id !== focalId));
  return { members, averaging };
}
