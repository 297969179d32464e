/**
 * Benchmarking networks. ASSS ("Aggregerte styringsdata for samarbeidende
 * storkommuner") had 10 members up to 2021; Asker and Lillestrøm joined in 2022.
 */
import type { Network } from "./types";

const ASSS_10 = [
  "bergen",
  "baerum",
  "drammen",
  "fredrikstad",
  "kristiansand",
  "oslo",
  "sandnes",
  "stavanger",
  "tromso",
  "trondheim",
];

export const NETWORKS: readonly Network[] = [
  {
    id: "asss",
    name: "ASSS",
    shortName: "ASSS",
    periods: [
      { to: 2021, members: ASSS_10 },
      { from: 2022, members: [...ASSS_10, "asker", "lillestrom"] },
    ],
  },
];

/** The municipality id whose figures KS leaves out of some averages. */
export const OSLO_ID = "oslo";

export function networkById(id: string): Network | undefined {
  return NETWORKS.find((n) => n.id === id);
}

/** Member ids of the network in the given data year, in the network's order. */
export function networkMembers(network: Network, year: number): string[] {
  const period = network.periods.find(
    (p) => (p.from === undefined || year >= p.from) && (p.to === undefined || year <= p.to),
  );
  return period ? [...period.members] : [];
}
