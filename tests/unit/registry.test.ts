import Ajv from "ajv";
import municipalitiesSchema from "../../src/kostra/registry/municipalities.schema.json";
import groupsSchema from "../../src/kostra/registry/kostra-groups.schema.json";
import registryJson from "../../src/kostra/registry/municipalities.json";
import groupsJson from "../../src/kostra/registry/kostra-groups.json";
import { registryProblems } from "../../src/kostra/registry/check";
import {
  AGGREGATES,
  aggregateLabel,
  codeForYear,
  GROUP_MEMBERSHIP,
  isAggregate,
  isCodeValidInYear,
  kostraGroupMembers,
  kostraGroupOf,
  MUNICIPALITIES,
  MUNICIPALITY_COUNTS,
  municipalitiesInYear,
  municipalityById,
  refForYear,
  REGIONS,
  resolveAggregate,
  resolveFocalMunicipality,
  resolveMunicipality,
} from "../../src/kostra/municipalities";
import type { Municipality } from "../../src/kostra/types";

const ajv = new Ajv({ allErrors: true });
const errors = (schema: object, json: unknown): string[] => {
  const validate = ajv.compile(schema);
  return validate(json) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""}`);
};

const existingIn = (year: number) => MUNICIPALITIES.filter((m) => codeForYear(m, year) !== undefined);

describe("municipality registry", () => {
  it("matches its schema, and the schema rejects a bad code, an unknown field and a missing name", () => {
    expect(errors(municipalitiesSchema, registryJson)).toEqual([]);
    const first = registryJson.municipalities[0];
    const bad = (m: unknown) => errors(municipalitiesSchema, { ...registryJson, municipalities: [m] }).length > 0;
    expect(bad({ ...first, codes: [{ code: "219" }] })).toBe(true);
    expect(bad({ ...first, county: "Viken" })).toBe(true);
    expect(bad({ id: first.id, codes: first.codes })).toBe(true);
  });

  it("holds 445 municipalities with unique ids, and its $comment names the source without local paths", () => {
    expect(MUNICIPALITIES).toHaveLength(445);
    expect(new Set(MUNICIPALITIES.map((m) => m.id)).size).toBe(445);
    expect(registryJson.$comment).toMatch(/Klass classification 131/);
    expect(registryJson.$comment).not.toMatch(/\/work|scratch|notes\.md/);
  });

  it.each([
    [2015, 428],
    [2016, 428],
    [2017, 426],
    [2018, 422],
    [2019, 422],
    [2020, 356],
    [2023, 356],
    [2024, 357],
    [2026, 357],
  ])("has the official number of municipalities in %i (%i)", (year, n) => {
    expect(existingIn(year)).toHaveLength(n);
    expect(municipalitiesInYear(year)).toHaveLength(n);
    expect(MUNICIPALITY_COUNTS[String(year)]).toBe(n);
  });

  it("gives each year's codes to one municipality only", () => {
    for (let year = 2015; year <= 2026; year++) {
      const codes = existingIn(year).map((m) => codeForYear(m, year));
      expect([year, new Set(codes).size]).toEqual([year, codes.length]);
    }
  });

  it("knows Bærum's three codes, Hå's one and Drammen's 2020 predecessors", () => {
    const baerum = municipalityById("baerum")!;
    expect([2019, 2020, 2023, 2024].map((y) => codeForYear(baerum, y))).toEqual(["0219", "3024", "3024", "3201"]);
    const ha = resolveMunicipality("1119")!;
    expect(ha.id).toBe("ha");
    expect(ha.name).toBe("Hå");
    expect([2015, 2020, 2024, 2026].map((y) => codeForYear(ha, y))).toEqual(["1119", "1119", "1119", "1119"]);
    const intoDrammen = MUNICIPALITIES.filter((m) => m.successor === "drammen").map((m) => `${m.codes[0].code} ${m.name}`);
    expect(intoDrammen.sort()).toEqual(["0625 Nedre Eiker", "0711 Svelvik"]);
    // 0713 is Sande (Vestfold), which went to Holmestrand, not Drammen.
    expect(resolveMunicipality("0713")?.successor).toBe("holmestrand");
    expect(codeForYear(municipalityById("drammen")!, 2019)).toBe("0602");
  });

  it("models the 2020 splits and Haram's gap", () => {
    expect(municipalityById("tysfjord")?.successors?.sort()).toEqual(["hamaroy", "narvik"]);
    const haram = municipalityById("haram")!;
    expect([2019, 2021, 2024].map((y) => codeForYear(haram, y))).toEqual(["1534", undefined, "1580"]);
    expect(haram.partOf).toEqual([{ id: "alesund", from: 2020, to: 2023 }]);
  });

  it("resolves names with county, and official period names", () => {
    expect(resolveMunicipality("Våler (Østfold)")?.id).toBe("valer-ostfold");
    expect(resolveMunicipality("Trondheim - Tråante")?.id).toBe("trondheim");
    expect(refForYear(municipalityById("trondheim")!, 2024).name).toBe("Trondheim - Tråante");
  });

  it("finds what the load-time check is for", () => {
    const a: Municipality = { id: "a", name: "A", codes: [{ code: "0001", to: 2019 }, { code: "0002", from: 2019 }] };
    const b: Municipality = { id: "b", name: "B", codes: [{ code: "0001" }], successor: "nowhere" };
    const c: Municipality = { id: "a", name: "C", codes: [{ code: "0003" }] };
    expect(registryProblems([a, b, c], { 2015: 4 })).toEqual([
      "a: periods 0001 and 0002 overlap or are out of order",
      "0001: code of both a and b",
      "a: id used twice",
      "b: refers to unknown nowhere",
      "2015: 3 municipalities, expected 4",
    ]);
    expect(registryProblems(REGIONS, MUNICIPALITY_COUNTS)).toEqual([]);
  });
});

describe("reference regions (aggregates)", () => {
  it("match their schema", () => {
    expect(errors(groupsSchema, groupsJson)).toEqual([]);
  });

  it("are Landet, Landet uten Oslo and KOSTRA groups 1–17, and resolve by id, code and name", () => {
    expect(AGGREGATES.map((a) => a.id)).toEqual(["eak", "eakuo", ...Array.from({ length: 17 }, (_, i) => `ekg${String(i + 1).padStart(2, "0")}`)]);
    expect(AGGREGATES.every(isAggregate)).toBe(true);
    expect(resolveMunicipality("EAKUO")?.id).toBe("eakuo");
    expect(resolveMunicipality("eak")?.id).toBe("eak");
    expect(resolveMunicipality("Landet uten Oslo")?.id).toBe("eakuo");
    expect(resolveMunicipality("EKG07")?.id).toBe("ekg07");
    expect(resolveMunicipality("ekg7")?.id).toBe("ekg07");
    expect(resolveMunicipality("EKG07 KOSTRA-gruppe 7")?.id).toBe("ekg07");
    expect(resolveMunicipality("KOSTRA-gruppe 7")?.id).toBe("ekg07");
    expect(resolveMunicipality("EKG18")).toBeUndefined();
  });

  it("are valid per year: EKG17 only from 2020, and the group labels say which grouping", () => {
    expect(isCodeValidInYear("EAKUO", 2016)).toBe(true);
    expect(isCodeValidInYear("EKG16", 2019)).toBe(true);
    expect(isCodeValidInYear("EKG17", 2019)).toBe(false);
    expect(isCodeValidInYear("EKG17", 2020)).toBe(true);
    expect(refForYear(municipalityById("ekg07")!, 2019).name).toBe("KOSTRA-gruppe 7 (inndeling før 2020)");
    expect(refForYear(municipalityById("ekg07")!, 2021)).toEqual({ id: "ekg07", code: "EKG07", name: "KOSTRA-gruppe 7" });
    expect(aggregateLabel("ekg07", 2018, "en")).toBe("KOSTRA group 7 (grouping before 2020)");
    expect(aggregateLabel("eakuo", 2021, "en")).toBe("Norway excluding Oslo");
  });

  it("are never offered or resolved as a focal municipality", () => {
    expect(MUNICIPALITIES.some(isAggregate)).toBe(false);
    expect(municipalitiesInYear(2024).some((m) => m.id === "eak")).toBe(false);
    expect(resolveFocalMunicipality("EAK")).toBeUndefined();
    expect(resolveFocalMunicipality("1119")?.id).toBe("ha");
    expect(resolveAggregate("1119")).toBeUndefined();
    expect(resolveAggregate("EKG12")?.id).toBe("ekg12");
  });
});

describe("KOSTRA group membership", () => {
  it("refers to municipalities that exist in the years given, in groups of the 2020 grouping", () => {
    for (const g of GROUP_MEMBERSHIP) {
      const m = municipalityById(g.municipality);
      expect([g.municipality, m !== undefined && !isAggregate(m)]).toEqual([g.municipality, true]);
      expect(codeForYear(m!, g.from ?? 2020)).toBeDefined();
    }
  });

  it("gives a group where a source does, and undefined where none does (Hå) or before 2020", () => {
    expect(kostraGroupOf("oslo", 2021)).toBe("ekg13");
    expect(kostraGroupOf("baerum", 2024)).toBe("ekg12");
    expect(kostraGroupOf("haram", 2023)).toBeUndefined();
    expect(kostraGroupOf("haram", 2024)).toBe("ekg01");
    expect(kostraGroupOf("ha", 2023)).toBeUndefined();
    expect(kostraGroupOf("baerum", 2019)).toBeUndefined();
  });

  it("says whether a group's known members are all of them", () => {
    const g12 = kostraGroupMembers("ekg12", 2021);
    expect(g12.count).toBe(11);
    expect(g12.members).toHaveLength(11);
    expect(g12.complete).toBe(true);
    const g7 = kostraGroupMembers("ekg07", 2021);
    expect(g7.complete).toBe(false);
    expect(g7.members.length).toBeLessThan(g7.count!);
  });
});
