/**
 * The municipality registry checked against what SSB actually publishes
 * (tests/fixtures/ssb-recorded, real responses, CC BY 4.0 Statistics Norway):
 * - the 891 values of KOKkommuneregion0000 in a 2026 PxWebApi 2 response (table 12209),
 *   read through the product's metadata reader: every code, its name and the data years
 *   SSB's label gives it ("Bærum (2020-2023)", "Bærum (-2019)");
 * - the 2017 region list of a KOSTRA table (PxWebApi v0 metadata, data years 2015–2017);
 * - Klass 131 (the municipalities) at 2026-01-01: 358 codes with their names.
 * What SSB lists and the registry deliberately lacks is named here, one by one.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AGGREGATES, MUNICIPALITIES, MUNICIPALITY_COUNTS, codeForYear, isCodeValidInYear } from "../../src/kostra/municipalities";
import type { Municipality } from "../../src/kostra/types";
import { readTableMetadata, regionsOf, type RegionEntry } from "../../src/sources/ssb/metadata";

const DIR = join(__dirname, "..", "fixtures", "ssb-recorded");
const REGION = "KOKkommuneregion0000";

/** The region list (code,label per line, as SSB's valueset gave them) as the json-stat2 metadata it was extracted from. */
function regionListMetadata(csv: string) {
  const [head, ...lines] = csv.trim().split(/\r?\n/);
  expect(head).toBe("code,label");
  const rows = lines.map((l) => {
    const comma = l.indexOf(",");
    return [l.slice(0, comma), l.slice(comma + 1)] as const;
  });
  return readTableMetadata(
    {
      id: [REGION],
      size: [rows.length],
      dimension: { [REGION]: { label: "region", category: { index: rows.map(([c]) => c), label: Object.fromEntries(rows) } } },
    },
    "v2-regions-KOKkommuneregion0000-891.csv",
  );
}

const regions2026: RegionEntry[] = regionsOf(regionListMetadata(readFileSync(join(DIR, "v2-regions-KOKkommuneregion0000-891.csv"), "utf8")), REGION);

/** Every municipality code of the registry with its owner and the data years it is valid for (periods of one code joined). */
const registryCodes = new Map<string, { m: Municipality; from?: number; to?: number; names: string[] }>();
for (const m of MUNICIPALITIES)
  for (const p of m.codes) {
    const seen = registryCodes.get(p.code);
    if (!seen) registryCodes.set(p.code, { m, from: p.from, to: p.to, names: [m.name, ...(p.name ? [p.name] : [])] });
    else {
      seen.to = p.to === undefined || seen.to === undefined ? undefined : Math.max(seen.to, p.to);
      if (p.name) seen.names.push(p.name);
    }
  }

/** The registry's first data year (a period without `from` began before it). */
const FIRST_YEAR = Math.min(...Object.keys(MUNICIPALITY_COUNTS).map(Number));

/**
 * SSB's tables write some names in a form of their own: "Guovdageaidnu-Kautokeino" where
 * Klass has "Guovdageaidnu - Kautokeino", "Hamarøy - Hábmer" for Klass's "Hábmer - Hamarøy",
 * "Nes" for "Nes (Buskerud)", "Deatnu Tana" (2017) for "Deatnu - Tana", only the Norwegian name for codes no longer in use. A table's
 * name fits when it is the registry's name for the code, or when the municipality's name
 * (without a "(Buskerud)" suffix) is one of its parts.
 */
function nameFits(tableName: string, names: readonly string[], municipality: string): boolean {
  if (names.includes(tableName)) return true;
  const parts = tableName.split(/\s*-\s*|\s+/);
  const bare = (n: string) => n.replace(/\s*\([^)]*\)$/, "");
  return [municipality, ...names].some((n) => parts.includes(bare(n)));
}

describe("the registry against SSB's 2026 region list (12209, 891 values)", () => {
  const municipal = regions2026.filter((r) => /^\d{4}$/.test(r.code));

  it("reads all 891 values through the metadata reader: 839 municipality codes (as SSB's table metadata counts them) and 52 aggregates", () => {
    expect(regions2026).toHaveLength(891);
    expect(municipal).toHaveLength(839);
    expect(regions2026.find((r) => r.code === "3024")).toEqual({ code: "3024", name: "Bærum", from: 2020, to: 2023 });
    expect(regions2026.find((r) => r.code === "0219")).toEqual({ code: "0219", name: "Bærum", to: 2019 });
    expect(regions2026.find((r) => r.code === "1601")).toEqual({ code: "1601", name: "Trondheim", to: 2017 });
  });

  it("every municipality code SSB lists belongs to the registry, except Longyearbyen (Svalbard, no municipality in Klass 131)", () => {
    const unknown = municipal.filter((r) => !registryCodes.has(r.code)).map((r) => `${r.code} ${r.name}`);
    expect(unknown).toEqual(["2111 Longyearbyen"]);
  });

  it("every code of the registry is in SSB's list", () => {
    const listed = new Set(municipal.map((r) => r.code));
    expect([...registryCodes.keys()].filter((c) => !listed.has(c))).toEqual([]);
  });

  it("the data years in SSB's labels — '(2020-2023)', '(-2019)', '(2018-2019)', none for current codes — are the registry's periods", () => {
    const wrong: string[] = [];
    for (const r of municipal) {
      const reg = registryCodes.get(r.code);
      if (!reg) continue;
      // SSB's label for Rindal's old code has no period, but 1567 ended when Rindal moved to Trøndelag (5061) in 2019.
      if (r.code === "1567") continue;
      if (reg.to !== r.to) wrong.push(`${r.code} ${r.name}: SSB to ${r.to ?? "now"}, registry ${reg.to ?? "now"}`);
      // SSB's label gives a first year only for a code that is no longer in use ("(2018-2019)"); one before the registry's first year is "always" there.
      const ssbFrom = r.from !== undefined && r.from > FIRST_YEAR ? r.from : undefined;
      if (r.from !== undefined && reg.from !== ssbFrom) wrong.push(`${r.code} ${r.name}: SSB from ${r.from ?? "-"}, registry ${reg.from ?? "-"}`);
    }
    expect(wrong).toEqual([]);
    expect(regions2026.find((r) => r.code === "1567")).toEqual({ code: "1567", name: "Rindal" });
    expect(isCodeValidInYear("1567", 2018) && !isCodeValidInYear("1567", 2019) && isCodeValidInYear("5061", 2019)).toBe(true);
  });

  it("every code has its municipality's name (SSB's own spellings of Sámi and disambiguated names allowed)", () => {
    const wrong = municipal.flatMap((r) => {
      const reg = registryCodes.get(r.code);
      return reg && !nameFits(r.name, reg.names, reg.m.name) ? [`${r.code}: SSB «${r.name}», registry «${reg.names.join(" / ")}»`] : [];
    });
    expect(wrong).toEqual([]);
    // The rule is not blind: a code given to the wrong municipality is caught.
    expect(nameFits("Bærum", registryCodes.get("0301")!.names, "Oslo")).toBe(false);
  });

  it("the codes SSB gives no period are exactly the registry's 2026 municipalities (plus Rindal's old code and Longyearbyen)", () => {
    const current = municipal.filter((r) => r.from === undefined && r.to === undefined).map((r) => r.code).sort();
    const registry2026 = MUNICIPALITIES.map((m) => codeForYear(m, 2026)).filter((c): c is string => c !== undefined);
    expect(current).toEqual([...registry2026, "1567", "2111"].sort());
    expect(registry2026).toHaveLength(MUNICIPALITY_COUNTS["2026"]);
  });

  it("Landet, Landet uten Oslo and KOSTRA-gruppe 1–17 are the registry's aggregates, with SSB's names", () => {
    const aggregates = regions2026.filter((r) => /^(EAK|EAKUO|EKG\d\d)$/.test(r.code));
    expect(aggregates.map((r) => r.code)).toEqual(["EAK", "EAKUO", ...Array.from({ length: 17 }, (_, i) => `EKG${String(i + 1).padStart(2, "0")}`)]);
    for (const r of aggregates) {
      const a = AGGREGATES.find((x) => x.codes.some((p) => p.code === r.code && (p.to === undefined || p.to >= 2020)));
      expect(a?.name).toBe(r.name);
    }
  });

  it("the 33 county aggregates (EKA*) are in SSB's list and deliberately not in the registry: the product benchmarks municipalities", () => {
    const counties = regions2026.filter((r) => r.code.startsWith("EKA"));
    expect(counties).toHaveLength(33);
    expect(counties.find((r) => r.code === "EKA30")).toEqual({ code: "EKA30", name: "Viken", from: 2020, to: 2023 });
    expect(counties.filter((r) => AGGREGATES.some((a) => a.codes.some((p) => p.code === r.code)))).toEqual([]);
    expect(regions2026.filter((r) => !/^(\d{4}|EAK|EAKUO|EKG\d\d|EKA\d\d)$/.test(r.code))).toEqual([]);
  });
});

describe("the registry against a KOSTRA table's 2015–2017 region list (PxWebApi v0 metadata)", () => {
  // v0 metadata: { title, variables: [{ code, text, values, valueTexts }] }, read directly (the product reads PxWebApi 2 only).
  const v0 = JSON.parse(readFileSync(join(DIR, "v0-metadata-areal-formalsbygg-2017.json"), "utf8")) as {
    variables: { code: string; values: string[]; valueTexts: string[]; time?: boolean }[];
  };
  const region = v0.variables.find((x) => x.code === REGION)!;
  const years = v0.variables.find((x) => x.time)!.values.map(Number);

  it("every municipality code in the table was valid in one of its years, under the registry's name; and none is missing", () => {
    expect(years).toEqual([2015, 2016, 2017]);
    const codes = region.values.filter((c) => /^\d{4}$/.test(c));
    const wrong = codes.flatMap((c, i) => {
      if (c === "2111") return []; // Longyearbyen, as above
      const reg = registryCodes.get(c);
      if (!reg || !years.some((y) => isCodeValidInYear(c, y))) return [`${c} ${region.valueTexts[i]}: not valid 2015–2017 in the registry`];
      return nameFits(region.valueTexts[i], reg.names, reg.m.name) ? [] : [`${c}: SSB «${region.valueTexts[i]}», registry «${reg.names.join(" / ")}»`];
    });
    expect(wrong).toEqual([]);
    const valid = MUNICIPALITIES.flatMap((m) => [...new Set(years.map((y) => codeForYear(m, y)).filter((c): c is string => c !== undefined))]);
    expect(valid.filter((c) => !codes.includes(c))).toEqual([]);
    expect(codes.filter((c) => c !== "2111")).toHaveLength(valid.length);
  });

  it("has the pre-2020 KOSTRA groups 1–16 only, Landet and Landet uten Oslo", () => {
    const groups = region.values.filter((c) => c.startsWith("EKG"));
    expect(groups).toHaveLength(16);
    expect(groups.every((c) => AGGREGATES.some((a) => a.codes.some((p) => p.code === c && p.to === 2019)))).toBe(true);
    expect(region.values.filter((c) => c === "EAK" || c === "EAKUO")).toEqual(["EAK", "EAKUO"]);
  });
});

describe("the registry against Klass 131 (municipalities) at 2026-01-01", () => {
  const klass = JSON.parse(readFileSync(join(DIR, "klass-131-codesAt-2026-01-01.json"), "utf8")) as { codes: { code: string; name: string; level: string }[] };

  it("358 codes: the registry's 357 municipalities of 2026 with Klass's names, and 9999 'Uoppgitt' (unknown), which is no municipality", () => {
    expect(klass.codes).toHaveLength(358);
    expect(klass.codes.filter((k) => !isCodeValidInYear(k.code, 2026)).map((k) => `${k.code} ${k.name}`)).toEqual(["9999 Uoppgitt"]);
    const names = klass.codes.flatMap((k) => {
      const m = MUNICIPALITIES.find((x) => codeForYear(x, 2026) === k.code);
      const period = m?.codes.find((p) => p.code === k.code && p.to === undefined);
      return m && (period?.name ?? m.name) !== k.name ? [`${k.code}: Klass «${k.name}», registry «${period?.name ?? m.name}»`] : [];
    });
    expect(names).toEqual([]);
    expect(MUNICIPALITIES.filter((m) => codeForYear(m, 2026) !== undefined)).toHaveLength(357);
  });
});
