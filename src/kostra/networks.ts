/**
 * Benchmarking networks. ASSS ("Aggregerte styringsdata for samarbeidende
 * storkommuner") had 10 members up to 2021; Asker and Lillestrøm joined in 2022.
 * Besides a named network, a profile can use the user's own peer list ("custom") or no
 * network at all ("none", then the average is a figure SSB publishes).
 */
import type { Lang, LocalizedText, Network } from "./types";
import { inPeriod } from "./periods";

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
  const period = network.periods.find((p) => inPeriod(year, p.from, p.to));
  return period ? [...period.members] : [];
}

/** Network choices besides the named networks. */
export const CUSTOM_NETWORK = "custom";
export const NO_NETWORK = "none";

/** Every value BenchmarkOptions.network may take. */
export const NETWORK_CHOICES: readonly string[] = [...NETWORKS.map((n) => n.id), CUSTOM_NETWORK, NO_NETWORK];

/** A user-defined peer list as a network (the same members every year; who existed is decided per year). */
export function customNetwork(peers: readonly string[]): Network {
  return { id: CUSTOM_NETWORK, name: "Egne sammenligningskommuner", shortName: "utvalg", periods: [{ members: [...peers] }] };
}

/** No network: no members, so only a published base can be the average. */
export const NONE_NETWORK: Network = { id: NO_NETWORK, name: "Ingen", shortName: "", periods: [{ members: [] }] };

/** The network for a choice: a named network, "custom" with the peers, or "none"; undefined when unknown. */
export function networkFor(choice: string, peers: readonly string[] = []): Network | undefined {
  if (choice === CUSTOM_NETWORK) return customNetwork(peers);
  if (choice === NO_NETWORK) return NONE_NETWORK;
  return networkById(choice);
}

const CUSTOM_LABEL: LocalizedText = { nb: "utvalg", en: "peers" };

/** How the network is named in labels ("ASSS", "utvalg"/"peers"); "" for no network. */
export function networkLabel(network: Network, lang: Lang): string {
  if (network.id === CUSTOM_NETWORK) return CUSTOM_LABEL[lang];
  return network.shortName;
}
