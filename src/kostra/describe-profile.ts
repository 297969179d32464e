/**
 * How a profile is described in words, the same on the profile sheet, in `kostra
 * profile`'s table and in the task pane: which region a label names, what "Snitt X"
 * names, and the line naming the network and its members. The report builders need
 * these words too and may import only the domain, so they live here rather than in the
 * use-case layer.
 */
import { aggregateLabel } from "./municipalities";
import { CUSTOM_NETWORK, networkLabel, NO_NETWORK } from "./networks";
import type { Lang, MunicipalityRef, Profile } from "./types";

const WORDS = {
  nb: { network: "Nettverk", custom: "Egne sammenligningskommuner", noNetwork: "Nettverk: ingen (snittet er publisert av SSB)" },
  en: { network: "Network", custom: "Custom peers", noNetwork: "Network: none (the average is published by SSB)" },
} as const;

/** A region's name in the language: an aggregate's label for the year ("KOSTRA-gruppe 7", "Norway excluding Oslo"), else its name. */
export function regionLabel(ref: Pick<MunicipalityRef, "id" | "name">, year: number | undefined, lang: Lang): string {
  return aggregateLabel(ref.id, year, lang) ?? ref.name;
}

/** What "Snitt X" names: the published base ("KOSTRA-gruppe 7"), the custom peers ("utvalg"), or the network ("ASSS"). */
export function averageName(profile: Pick<Profile, "network" | "year"> & { base?: Pick<MunicipalityRef, "id" | "name"> }, lang: Lang): string {
  return profile.base ? regionLabel(profile.base, profile.year, lang) : networkLabel(profile.network, lang);
}

/** The line naming the network (or the peers) and its members in the year: "Nettverk: ASSS 2017 (10): Bergen, …". */
export function networkLine(profile: Pick<Profile, "network" | "year" | "members">, lang: Lang): string {
  const words = WORDS[lang];
  const { network, year, members } = profile;
  if (network.id === NO_NETWORK) return words.noNetwork;
  const who = `(${members.length}): ${members.map((m) => m.name).join(", ")}`;
  if (network.id === CUSTOM_NETWORK) return `${words.custom} ${year} ${who}`;
  return `${words.network}: ${network.shortName} ${year} ${who}`;
}
