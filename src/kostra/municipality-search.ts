/**
 * Finding a municipality from what a person types: the one search the CLI and the pane's
 * pickers use. Pure (no I/O); `./municipalities` builds it over the registry.
 *
 * - Names compare folded: case, diacritics and the usual ASCII spellings of æ, ø and å
 *   do not matter ("Baerum", "bærum", "Tromso", "Aalesund", "Karasjok" for
 *   "Kárášjohka - Karasjok").
 * - Codes: any code the region ever had ("0219", "3024", "3201"), with or without the
 *   leading zero ("219" is 0219); a code some other region had in another year is
 *   decided by the year when one is given.
 * - A name several municipalities share before their county ("Herøy", "Våler") names all
 *   of them: the caller asks which, it does not guess.
 * - Near misses ("Barum") get at most three suggestions by a small edit distance on
 *   folded names.
 */
import { inPeriod } from "./periods";
import type { Municipality } from "./types";

/** Which regions a search may return: municipalities, aggregates (Landet, KOSTRA groups) or both. */
export type RegionKind = "municipality" | "aggregate" | "any";

export interface SearchOptions {
  kind?: RegionKind;
  /** Data year: decides between regions that had the same code in different years. */
  year?: number;
  /**
   * Only what the text names exactly (no list, no suggestions): the readers resolve a code
   * per observation, hundreds of thousands of times for a large file.
   */
  namedOnly?: boolean;
}

export interface MunicipalitySearchResult {
  /** What the text names: one region, several when a name fits several (ambiguous), or none. */
  named: Municipality[];
  /** What a picker offers for the text, best first: the named ones, names starting with it, names containing it. */
  matches: Municipality[];
  /** Near misses when nothing matches, closest first (at most three). */
  suggestions: Municipality[];
}

/** Norwegian alphabetical order (æ, ø, å last) within each rank of matches. */
const byName = new Intl.Collator("nb");
const alphabetical = (entries: Entry[]): Entry[] => [...entries].sort((a, b) => byName.compare(a.region.name, b.region.name));

/** Suggestions offered for a near miss, at most. */
export const MAX_SUGGESTIONS = 3;

/** Letters that do not decompose to a base letter plus accents (ø, æ, Sámi đ, ŋ, ŧ). */
const SPELLED: Readonly<Record<string, string>> = { æ: "ae", ø: "o", đ: "d", ŋ: "n", ŧ: "t" };

/**
 * A name folded for comparison: lower case, accents dropped, æ as "ae", ø and "oe" as "o",
 * å and "aa" as "a", anything but letters and digits as one space. Both sides of a
 * comparison are folded alike, so "Ålesund", "Aalesund" and "alesund" meet.
 */
export function foldName(text: string): string {
  return text
    .toLocaleLowerCase("nb-NO")
    .normalize("NFD")
    .replace(/[æøđŋŧ]/g, (c) => SPELLED[c])
    .replace(/\p{M}/gu, "")
    .replace(/aa/g, "a")
    .replace(/oe/g, "o")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The region code a text names ("0219", "0219 Bærum", "EKG7 Kostragruppe 07"), normalised; undefined for a name or id. */
export function codeNamedBy(text: string): string | undefined {
  const t = text.trim();
  const municipal = /^(\d{4})(?:\s|$)/.exec(t);
  if (municipal) return municipal[1];
  // SSB's aggregate codes, alone or before a label: labels vary by table.
  const aggregate = /^(EAKUO|EAK|EKG\d{1,2})(?:\s|$)/i.exec(t);
  return aggregate ? aggregate[1].toUpperCase().replace(/^EKG(\d)$/, "EKG0$1") : undefined;
}

/** Edit distance allowing one swap of neighbours (optimal string alignment), given up above `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length];
}

/** How far off a typed name may be and still be suggested: one letter in short names, two in longer. */
const tolerance = (folded: string): number => (folded.length < 3 ? 0 : folded.length <= 5 ? 1 : 2);

interface Entry {
  region: Municipality;
  /** Folded texts that name the region exactly: names, period names, their parts, the id. */
  exact: Set<string>;
  /** Folded texts a picker matches the start of or within: names and "name code" / "code name". */
  searchable: string[];
  /** Folded names near misses are measured against. */
  names: string[];
}

const wantsKind = (region: Municipality, kind: RegionKind): boolean =>
  kind === "any" || (kind === "aggregate" ? region.kind === "aggregate" : region.kind !== "aggregate");

function entryOf(region: Municipality): Entry {
  const official = [region.name, ...region.codes.map((p) => p.name ?? region.name)];
  // "Nes (Akershus)" is also "Nes"; "Kárášjohka - Karasjok" is also each of its languages' names.
  const parts = official.flatMap((n) => [n.replace(/\s*\(.*?\)\s*/g, " "), ...n.split(/\s+-\s+/)]);
  const names = [...new Set([...official, ...parts].map(foldName).filter(Boolean))];
  const exact = new Set([...names, foldName(region.id)]);
  const codes = region.codes.map((p) => p.code.toLowerCase());
  const searchable = [...names, ...codes.flatMap((c) => [`${foldName(region.name)} ${c}`, `${c} ${foldName(region.name)}`])];
  return { region, exact, searchable, names };
}

/** The search over a list of regions (the registry's municipalities and aggregates). */
export function municipalitySearch(regions: readonly Municipality[]): (text: string, options?: SearchOptions) => MunicipalitySearchResult {
  const entries = regions.map(entryOf);
  const entryById = new Map(entries.map((e) => [e.region.id, e]));
  const byCode = new Map<string, Entry[]>();
  for (const e of entries) for (const p of e.region.codes) if (!byCode.get(p.code)?.includes(e)) byCode.set(p.code, [...(byCode.get(p.code) ?? []), e]);

  /** The regions that had the code; when several did in different years, the one that had it in `year`. */
  const withCode = (code: string, year: number | undefined): Entry[] => {
    const all = byCode.get(code) ?? [];
    if (all.length < 2 || year === undefined) return all;
    return all.filter((e) => e.region.codes.some((p) => p.code === code && inPeriod(year, p.from, p.to)));
  };

  const namedBy = (text: string, year: number | undefined): Entry[] => {
    const t = text.trim();
    // A code, with or without its leading zero, perhaps followed by the region's name
    // ("0219 Bærum", SSB's "0219 Bærum (-2019)"); "0219 Oslo" is a contradiction, not Bærum.
    const numbered = /^(\d{3,4})(?:\s+(.*))?$/.exec(t);
    if (numbered) {
      const rest = foldName(numbered[2] ?? "");
      return withCode(numbered[1].padStart(4, "0"), year).filter((e) => rest === "" || e.names.some((n) => rest.startsWith(n)));
    }
    const aggregate = codeNamedBy(t);
    if (aggregate !== undefined) return withCode(aggregate, year);
    // A stable id as files write it ("sande") is one region, even where the name is shared.
    const byId = entryById.get(t);
    if (byId) return [byId];
    const folded = foldName(t);
    if (folded === "") return [];
    return entries.filter((e) => e.exact.has(folded));
  };

  return (text, options = {}) => {
    const kind = options.kind ?? "any";
    const named = namedBy(text, options.year).filter((e) => wantsKind(e.region, kind));
    if (options.namedOnly) return { named: alphabetical(named).map((e) => e.region), matches: [], suggestions: [] };
    const pool = entries.filter((e) => wantsKind(e.region, kind));
    const folded = foldName(text);
    if (folded === "") return { named: [], matches: pool.map((e) => e.region), suggestions: [] };

    const digits = /^\d+$/.test(folded);
    const starts = pool.filter((e) => !named.includes(e) && e.searchable.some((s) => (digits ? s.startsWith(folded) || s.startsWith(folded.padStart(4, "0")) : s.startsWith(folded) || s.includes(` ${folded}`))));
    const contains = digits ? [] : pool.filter((e) => !named.includes(e) && !starts.includes(e) && e.names.some((n) => n.includes(folded)));
    const matches = [...alphabetical(named), ...alphabetical(starts), ...alphabetical(contains)].map((e) => e.region);
    if (matches.length > 0 || digits) return { named: alphabetical(named).map((e) => e.region), matches, suggestions: [] };

    const limit = tolerance(folded);
    const near = pool
      .map((e) => ({ region: e.region, distance: Math.min(...e.names.map((n) => editDistance(folded, n, limit))) }))
      .filter((c) => c.distance <= limit)
      .sort((a, b) => a.distance - b.distance || byName.compare(a.region.name, b.region.name));
    return { named: [], matches: [], suggestions: near.slice(0, MAX_SUGGESTIONS).map((c) => c.region) };
  };
}
