/**
 * The regions SSB publishes KOSTRA figures for besides municipalities: Landet (EAK),
 * Landet uten Oslo (EAKUO) and the KOSTRA groups (EKG01–EKG17). They are registry
 * entries of kind "aggregate", so code lookups, query planning and the data sheet treat
 * them like any region; they are never a focal municipality or a peer.
 *
 * The group numbers got new meanings in 2020 (16 groups before, 17 from 2020), so a
 * group's code has two periods with different names. The shipped snapshot knows the
 * membership of the 2020 grouping only partly (see kostra-groups.json); SSB's full list
 * for a year (its classification service Klass, read by src/sources/ssb/klass.ts or from
 * a `kostra fetch` file) is registered at run time with `registerKostraGroups` and then
 * wins over the snapshot, with where it came from kept for the report.
 */
import type { LocalizedText, Municipality } from "../types";
import data from "./kostra-groups.json";
import { inPeriod } from "../periods";

interface AggregateEntry {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  definition: LocalizedText;
}

interface Grouping {
  id: string;
  from?: number;
  to?: number;
  groups: { number: number; code: string; criteria?: Record<string, string>; description?: string; count2020?: number; count2024?: number }[];
}

export interface GroupMembership {
  municipality: string;
  group: string;
  from?: number;
  to?: number;
  confidence: "high" | "medium" | "low";
  source: string;
}

const AGGREGATE_ENTRIES = data.aggregates as AggregateEntry[];
const GROUPINGS = data.groupings as Grouping[];
export const GROUP_MEMBERSHIP: readonly GroupMembership[] = data.membership as GroupMembership[];

/** The first data year of the 2020 grouping. */
export const GROUPING_2020 = 2020;

const groupNumbers = (g: Grouping): number[] => g.groups.map((x) => x.number);
const pre2020 = GROUPINGS.find((g) => g.to !== undefined)!;
const from2020 = GROUPINGS.find((g) => g.from !== undefined)!;

const groupId = (n: number): string => `ekg${String(n).padStart(2, "0")}`;
const groupCode = (n: number): string => `EKG${String(n).padStart(2, "0")}`;

function groupEntry(n: number): Municipality {
  const codes: Municipality["codes"] = [];
  if (groupNumbers(pre2020).includes(n)) codes.push({ code: groupCode(n), to: GROUPING_2020 - 1, name: `KOSTRA-gruppe ${n} (inndeling før 2020)` });
  if (groupNumbers(from2020).includes(n)) codes.push({ code: groupCode(n), from: GROUPING_2020 });
  return { id: groupId(n), name: `KOSTRA-gruppe ${n}`, codes, kind: "aggregate" };
}

const maxGroup = Math.max(...groupNumbers(pre2020), ...groupNumbers(from2020));

/** Landet, Landet uten Oslo and every KOSTRA group, as registry entries. */
export const AGGREGATE_REGIONS: readonly Municipality[] = [
  ...AGGREGATE_ENTRIES.map((a): Municipality => ({ id: a.id, name: a.name, codes: [{ code: a.code }], kind: "aggregate" })),
  ...Array.from({ length: maxGroup }, (_, i) => groupEntry(i + 1)),
];

/** The aggregate's label in the year and language: "KOSTRA-gruppe 7", "KOSTRA group 7 (grouping before 2020)", "Norway excluding Oslo". */
export function aggregateLabel(id: string, year: number | undefined, lang: "nb" | "en"): string | undefined {
  const a = AGGREGATE_ENTRIES.find((x) => x.id === id);
  if (a) return { nb: a.name, en: a.nameEn }[lang];
  const m = /^ekg(\d{2})$/.exec(id);
  if (!m) return undefined;
  const n = Number(m[1]);
  if (n < 1 || n > maxGroup) return undefined;
  const old = year !== undefined && year < GROUPING_2020;
  const label: LocalizedText = old
    ? { nb: `KOSTRA-gruppe ${n} (inndeling før 2020)`, en: `KOSTRA group ${n} (grouping before 2020)` }
    : { nb: `KOSTRA-gruppe ${n}`, en: `KOSTRA group ${n}` };
  return label[lang];
}

/** What the aggregate is, in both languages: SSB's definition or the group's criteria. */
export function aggregateDefinition(id: string, year: number): LocalizedText | undefined {
  const a = AGGREGATE_ENTRIES.find((x) => x.id === id);
  if (a) return a.definition;
  const m = /^ekg(\d{2})$/.exec(id);
  if (!m) return undefined;
  const grouping = year < GROUPING_2020 ? pre2020 : from2020;
  const g = grouping.groups.find((x) => x.number === Number(m[1]));
  if (!g) return undefined;
  if (g.description) return { nb: g.description, en: g.description };
  const c = g.criteria ?? {};
  const nb = [c.folkemengde && `folkemengde ${c.folkemengde}`, c.bundneKostnader && `bundne kostnader ${c.bundneKostnader.toLocaleLowerCase("nb-NO")}`, c.frieDisponibleInntekter && `frie disponible inntekter ${c.frieDisponibleInntekter.toLocaleLowerCase("nb-NO")}`]
    .filter(Boolean)
    .join(", ");
  return { nb: `2020-inndelingen: ${nb}`, en: `2020 grouping: ${nb} (SSB's criteria, in Norwegian)` };
}


/** Where a registered membership list came from, for reports and messages. */
export interface KostraGroupsSource {
  /** e.g. "SSB Klass 131→112, 2021-01-01" or "kostra fetch file kostra.json". */
  description: string;
  url?: string;
  fetchedAt?: string;
}

interface RegisteredYear {
  groups: ReadonlyMap<string, string>;
  source: KostraGroupsSource;
}

/** Membership lists registered at run time, by data year (SSB's full list for that year). */
const registered = new Map<number, RegisteredYear>();

/** "ekg07", "EKG07", "EKG7" → "ekg07"; undefined for anything that is not a KOSTRA group of the registry. */
function groupIdOf(text: string): string | undefined {
  const m = /^ekg(\d{1,2})$/i.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  return n >= 1 && n <= maxGroup ? groupId(n) : undefined;
}

/**
 * Register SSB's membership list for a data year: municipality id → group id ("ekg07").
 * It replaces what was registered for the year before; entries whose group is not a
 * KOSTRA group are left out and returned, so the caller can say so. kostraGroupOf and
 * kostraGroupMembers consult it before the snapshot.
 */
export function registerKostraGroups(year: number, entries: Readonly<Record<string, string>>, source: KostraGroupsSource): string[] {
  if (!Number.isInteger(year)) throw new RangeError(`registerKostraGroups: year must be an integer, got ${year}`);
  const groups = new Map<string, string>();
  const rejected: string[] = [];
  for (const [municipality, group] of Object.entries(entries)) {
    const id = groupIdOf(group);
    if (id) groups.set(municipality, id);
    else rejected.push(municipality);
  }
  registered.set(year, { groups, source: { ...source } });
  return rejected;
}

/** The registered membership of a data year (municipality id → group id) and its source, if any. */
export function registeredKostraGroups(year: number): { groups: Record<string, string>; source: KostraGroupsSource } | undefined {
  const r = registered.get(year);
  return r ? { groups: Object.fromEntries(r.groups), source: { ...r.source } } : undefined;
}

/** Forget every registered membership list (a new session, tests). The snapshot stays. */
export function clearKostraGroups(): void {
  registered.clear();
}

/**
 * The id of the municipality's KOSTRA group in the data year ("ekg07"): from SSB's list
 * registered for the year, else from the snapshot; undefined where neither gives it.
 */
export function kostraGroupOf(municipalityId: string, year: number): string | undefined {
  const fromSsb = registered.get(year)?.groups.get(municipalityId);
  if (fromSsb) return fromSsb;
  const m = GROUP_MEMBERSHIP.find((x) => x.municipality === municipalityId && inPeriod(year, x.from, x.to));
  return m ? m.group.toLowerCase() : undefined;
}

/**
 * Where the municipality's group in the year comes from: SSB's registered list (with its
 * source) or the snapshot (with the public source and confidence of that entry).
 */
export function kostraGroupSource(
  municipalityId: string,
  year: number,
): { group: string; from: "registered"; source: KostraGroupsSource } | { group: string; from: "snapshot"; source: string; confidence: GroupMembership["confidence"] } | undefined {
  const r = registered.get(year);
  const fromSsb = r?.groups.get(municipalityId);
  if (r && fromSsb) return { group: fromSsb, from: "registered", source: { ...r.source } };
  const m = GROUP_MEMBERSHIP.find((x) => x.municipality === municipalityId && inPeriod(year, x.from, x.to));
  return m ? { group: m.group.toLowerCase(), from: "snapshot", source: m.source, confidence: m.confidence } : undefined;
}

/**
 * The known members of a KOSTRA group in the data year, and whether that is all of them:
 * SSB's registered list for the year is complete by definition; the snapshot is complete
 * only where it holds as many members as SSB counts for the group. Before 2020 the
 * snapshot knows nothing.
 */
export function kostraGroupMembers(groupIdText: string, year: number): { members: string[]; complete: boolean; count?: number } {
  const r = registered.get(year);
  const id = groupIdOf(groupIdText);
  if (r && id) {
    const members = [...r.groups].filter(([, g]) => g === id).map(([m]) => m);
    return { members, complete: true, count: members.length };
  }
  const code = groupIdText.toUpperCase();
  const members = GROUP_MEMBERSHIP.filter((x) => x.group === code && inPeriod(year, x.from, x.to)).map((x) => x.municipality);
  if (year < GROUPING_2020) return { members: [], complete: false };
  const g = from2020.groups.find((x) => x.code === code);
  const count = g ? (year >= 2024 ? g.count2024 : g.count2020) : undefined;
  return { members, complete: count !== undefined && members.length === count, ...(count !== undefined ? { count } : {}) };
}
