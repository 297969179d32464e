/**
 * Municipalities and their region-code history. KOSTRA tables use the code valid in
 * the data year (Bærum: 0219 up to 2019, 3024 in 2020–2023, 3201 from 2024), so a
 * municipality is identified by a stable id and asked for its code per year.
 */
import type { Municipality, MunicipalityRef } from "./types";

export const MUNICIPALITIES: readonly Municipality[] = [
  { id: "oslo", name: "Oslo", codes: [{ code: "0301" }] },
  { id: "bergen", name: "Bergen", codes: [{ code: "1201", to: 2019 }, { code: "4601", from: 2020 }] },
  {
    id: "trondheim",
    name: "Trondheim",
    codes: [{ code: "1601", to: 2017 }, { code: "5001", from: 2018 }],
  },
  { id: "stavanger", name: "Stavanger", codes: [{ code: "1103" }] },
  {
    id: "baerum",
    name: "Bærum",
    codes: [
      { code: "0219", to: 2019 },
      { code: "3024", from: 2020, to: 2023 },
      { code: "3201", from: 2024 },
    ],
  },
  { id: "kristiansand", name: "Kristiansand", codes: [{ code: "1001", to: 2019 }, { code: "4204", from: 2020 }] },
  {
    id: "drammen",
    name: "Drammen",
    codes: [
      { code: "0602", to: 2019 },
      { code: "3005", from: 2020, to: 2023 },
      { code: "3301", from: 2024 },
    ],
  },
  {
    id: "fredrikstad",
    name: "Fredrikstad",
    codes: [
      { code: "0106", to: 2019 },
      { code: "3004", from: 2020, to: 2023 },
      { code: "3107", from: 2024 },
    ],
  },
  { id: "sandnes", name: "Sandnes", codes: [{ code: "1102", to: 2019 }, { code: "1108", from: 2020 }] },
  {
    id: "tromso",
    name: "Tromsø",
    codes: [
      { code: "1902", to: 2019 },
      { code: "5401", from: 2020, to: 2023 },
      { code: "5501", from: 2024 },
    ],
  },
  {
    id: "asker",
    name: "Asker",
    codes: [
      { code: "0220", to: 2019 },
      { code: "3025", from: 2020, to: 2023 },
      { code: "3203", from: 2024 },
    ],
  },
  {
    id: "lillestrom",
    name: "Lillestrøm",
    codes: [
      { code: "3030", from: 2020, to: 2023 },
      { code: "3205", from: 2024 },
    ],
  },
  // Lillestrøm's predecessors (merged 1 January 2020).
  { id: "skedsmo", name: "Skedsmo", codes: [{ code: "0231", to: 2019 }], successor: "lillestrom" },
  { id: "fet", name: "Fet", codes: [{ code: "0227", to: 2019 }], successor: "lillestrom" },
  { id: "sorum", name: "Sørum", codes: [{ code: "0226", to: 2019 }], successor: "lillestrom" },
];

const byId = new Map(MUNICIPALITIES.map((m) => [m.id, m]));
const byCode = new Map<string, Municipality>();
for (const m of MUNICIPALITIES) for (const p of m.codes) byCode.set(p.code, m);

const normalize = (s: string): string =>
  s
    .trim()
    .toLocaleLowerCase("nb-NO")
    .normalize("NFC");

const byName = new Map(MUNICIPALITIES.map((m) => [normalize(m.name), m]));

/** The municipality with this stable id, or undefined. */
export function municipalityById(id: string): Municipality | undefined {
  return byId.get(id);
}

/**
 * Resolve what a user or a file names a municipality by: any code it ever had
 * ("0219", "3024", "3201"), a code followed by a name ("0219 Bærum"), its name, or its id.
 */
export function resolveMunicipality(text: string): Municipality | undefined {
  const t = text.trim();
  const codeMatch = /^(\d{4})(?:\s+(.*))?$/.exec(t);
  if (codeMatch) {
    const m = byCode.get(codeMatch[1]);
    // A name after the code must be this municipality's ("0219 Bærum", SSB's "0219 Bærum (-2019)",
    // "0301 Oslo - Oslove"); "0219 Oslo" is a contradiction, not Bærum.
    const rest = normalize((codeMatch[2] ?? "").replace(/\(.*?\)/g, ""));
    if (m && rest && !namesOf(m).some((n) => rest.startsWith(n))) return undefined;
    return m;
  }
  return byId.get(t) ?? byName.get(normalize(t));
}

function namesOf(m: Municipality): string[] {
  return [m.name, ...m.codes.map((p) => p.name ?? m.name)].map(normalize);
}

const inPeriod = (year: number, from?: number, to?: number): boolean =>
  (from === undefined || year >= from) && (to === undefined || year <= to);

/** The region code this municipality had in the given data year, or undefined if it did not exist. */
export function codeForYear(m: Municipality, year: number): string | undefined {
  return m.codes.find((p) => inPeriod(year, p.from, p.to))?.code;
}

/** A reference to the municipality as it was in the given year (its code then). */
export function refForYear(m: Municipality, year: number): MunicipalityRef {
  const period = m.codes.find((p) => inPeriod(year, p.from, p.to));
  return { id: m.id, code: period?.code ?? m.codes[m.codes.length - 1].code, name: period?.name ?? m.name };
}

/** Whether a code is valid for the given year for the municipality it belongs to. */
export function isCodeValidInYear(code: string, year: number): boolean {
  const m = byCode.get(code);
  if (!m) return false;
  return m.codes.some((p) => p.code === code && inPeriod(year, p.from, p.to));
}
