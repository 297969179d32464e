/**
 * What to fetch from SSB for a request — the one rule for `kostra fetch` and the task
 * pane's SSB load. Both faces turn their own input (flags, the form) into
 * `FetchChoices`; this decides which indicators, regions and years are asked for:
 *
 * - the templates' indicators, each once, in template order;
 * - the network's members in every year (a custom network: the peers), the
 *   municipality and the comparisons;
 * - SSB's published averages, so a base or reference column can be shown without
 *   fetching again: Landet (EAK) and Landet uten Oslo (EAKUO) always, the chosen base
 *   and references, and the municipality's KOSTRA group in EVERY year where it is known
 *   (or the group the user named) — a time series needs the group each year, not only
 *   in the profile year;
 * - an aggregate only if it has a code in one of the years (a KOSTRA group of the
 *   2020 grouping has none before 2020), so SSB is never asked for a region it lacks.
 *
 * Merged municipalities' predecessors and the weights are the planner's part
 * (`backSeries`, `weighted`).
 */
import { templateIndicators } from "../kostra/catalog";
import { unknownNetwork } from "../kostra/errors";
import { codeForYear, kostraGroupOf, municipalityById } from "../kostra/municipalities";
import { NETWORK_CHOICES, networkFor, networkMembers } from "../kostra/networks";
import type { AverageChoice, Indicator, Municipality, Network, SectorTemplate } from "../kostra/types";
import type { LoadRequest } from "../sources/ssb/planner";

/** "kostragruppe": the municipality's own KOSTRA group (or the one named in `kostraGroup`). */
export const OWN_KOSTRA_GROUP = "kostragruppe";

/** The published averages every request includes. */
export const ALWAYS_FETCHED_AGGREGATES: readonly string[] = ["eak", "eakuo"];

export interface FetchChoices {
  templates: readonly SectorTemplate[];
  years: readonly number[];
  /** A network id, "custom" (with `peers`) or "none". */
  network: string;
  peers?: readonly string[];
  /** The municipality's region id. */
  municipality?: string;
  comparisons?: readonly string[];
  /** Aggregate region ids ("eakuo", "ekg07") or OWN_KOSTRA_GROUP. */
  base?: string;
  references?: readonly string[];
  /** A KOSTRA group the user named for the municipality, used instead of its own. */
  kostraGroup?: string;
  average: AverageChoice;
  mergedHistory: "break" | "sum";
}

/** The network a choice names (a custom network with its peers); an unknown choice is refused. */
export function resolveNetwork(choice: string, peers: readonly string[] = []): Network {
  const network = networkFor(choice, peers);
  if (!network) throw unknownNetwork(choice, [...NETWORK_CHOICES]);
  return network;
}

export function fetchRequest(choices: FetchChoices): LoadRequest {
  const { years } = choices;
  const network = resolveNetwork(choices.network, choices.peers);

  const indicators: Indicator[] = [];
  for (const template of choices.templates) for (const ind of templateIndicators(template)) if (!indicators.includes(ind)) indicators.push(ind);

  const municipalities: Municipality[] = [];
  const add = (m: Municipality | undefined) => {
    if (m && !municipalities.includes(m)) municipalities.push(m);
  };
  for (const y of years) for (const id of networkMembers(network, y)) add(municipalityById(id));
  for (const id of [...(choices.municipality ? [choices.municipality] : []), ...(choices.comparisons ?? [])]) add(municipalityById(id));

  const aggregates = [...ALWAYS_FETCHED_AGGREGATES];
  for (const choice of [choices.base, ...(choices.references ?? [])]) if (choice && choice !== OWN_KOSTRA_GROUP) aggregates.push(choice);
  if (choices.kostraGroup) aggregates.push(choices.kostraGroup);
  else if (choices.municipality) for (const y of years) aggregates.push(kostraGroupOf(choices.municipality, y) ?? "");
  for (const id of aggregates) {
    const aggregate = municipalityById(id);
    if (aggregate && years.some((y) => codeForYear(aggregate, y) !== undefined)) add(aggregate);
  }

  return { indicators, municipalities, years, weighted: choices.average !== "simple", backSeries: choices.mergedHistory === "sum" };
}
