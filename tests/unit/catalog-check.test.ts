import fs from "fs";
import path from "path";
import { INDICATORS, SECTORS } from "../../src/kostra/catalog";
import type { Indicator } from "../../src/kostra/types";
import { checkCatalog, checkSelector, describeSelectorProblem, readMetadataSource, type TableMetadataSource } from "../../src/sources/ssb/catalog-check";

const DIR = path.join(__dirname, "../fixtures/ssb/metadata");
const tables = new Map<string, TableMetadataSource>(
  fs.readdirSync(DIR).filter((f) => f.endsWith(".json")).map((f) => [f.slice(0, 5), readMetadataSource(JSON.parse(fs.readFileSync(path.join(DIR, f), "utf8")), f)]),
);
const bibliotek = INDICATORS.find((i) => i.id === "bibliotek") as Indicator;

describe("catalog selectors against SSB table metadata", () => {
  it("every indicator with a table names only dimensions and codes its table's metadata has", () => {
    const wrong = INDICATORS.map((i) => checkSelector(i, tables)).filter((c) => c.status === "problem");
    expect(wrong).toEqual([]);
  });

  it("counts per sector: every sector listed, counts add up, nothing verified against hand-assembled metadata", () => {
    const check = checkCatalog(SECTORS, INDICATORS, tables);
    expect(check.sectors.map((s) => s.sector.id)).toEqual(SECTORS.map((s) => s.id));
    for (const s of check.sectors) {
      expect(s.indicators).toBeGreaterThanOrEqual(8);
      expect(s.verified + s.consistent + s.unchecked + s.problems).toBe(s.indicators);
    }
    // The fixtures are marked "reconstructed": they can show consistency, not verify.
    expect(check.sectors.reduce((n, s) => n + s.verified, 0)).toBe(0);
    expect([...tables.values()].every((t) => t.provenance === "reconstructed")).toBe(true);
  });

  it("finds a code the table lacks, a dimension it lacks, and a table dimension the selector leaves out", () => {
    const badCode: Indicator = { ...bibliotek, id: "x", ssb: { ...bibliotek.ssb, select: { ...bibliotek.ssb.select, KOKfunksjon0000: ["999"] } } };
    expect(checkSelector(badCode, tables).problems).toEqual([{ code: "unknown-value", table: "12362", dimension: "KOKfunksjon0000", value: "999" }]);
    const withoutArt = Object.fromEntries(Object.entries(bibliotek.ssb.select).filter(([d]) => d !== "KOKart0000"));
    const missingDim: Indicator = { ...bibliotek, id: "y", ssb: { ...bibliotek.ssb, select: { ...withoutArt, Kjonn: ["0"] } } };
    const problems = checkSelector(missingDim, tables).problems.map((p) => describeSelectorProblem(p).en);
    expect(problems).toEqual(["table 12362 has no dimension Kjonn", "table 12362 requires a choice of KOKart0000, which the indicator does not make"]);
    const badAmount: Indicator = { ...bibliotek, id: "z", amount: { select: { ContentsCode: ["KOSnope"] }, scale: 1000 } };
    expect(checkSelector(badAmount, tables).status).toBe("problem");
  });

  it("verifies against a data response recorded from SSB (Oslo 2024 shares), combined with the assembled metadata; synthetic responses never verify", () => {
    const fixture = (name: string) => readMetadataSource(JSON.parse(fs.readFileSync(path.join(DIR, "..", name), "utf8")), name);
    const recorded = fixture("12362-oslo-2024-andel.json");
    expect(recorded.provenance).toBe("recorded");
    expect(fixture("12362-pmk-2017.json").provenance).toBe("reconstructed");
    const combined = new Map<string, TableMetadataSource | TableMetadataSource[]>(tables);
    combined.set("12362", [tables.get("12362")!, recorded]);
    const verified = INDICATORS.filter((i) => checkSelector(i, combined).status === "verified").map((i) => i.id);
    // Every code of these four is in SSB's own response: function group, AGD10, KOSandel3501, region and year dimensions.
    expect(verified.sort()).toEqual(["barnehage-andel-av-totale-utgifter", "grunnskole-andel-av-totale-utgifter", "sosial-andel-av-totale-utgifter", "var-andel-brutto"]);
    // A code only the assembled metadata has keeps an indicator "consistent".
    expect(checkSelector(bibliotek, combined).status).toBe("consistent");
  });

  it("verifies only against metadata recorded from SSB (unmarked, as SSB sends it)", () => {
    const raw = JSON.parse(fs.readFileSync(path.join(DIR, "12362.json"), "utf8"));
    delete raw.extension.kostraBenchmark;
    const recorded = new Map([["12362", readMetadataSource(raw, "12362")]]);
    expect(checkSelector(bibliotek, recorded).status).toBe("verified");
    expect(checkSelector(bibliotek, tables).status).toBe("consistent");
    expect(checkSelector({ ...bibliotek, ssb: { ...bibliotek.ssb, table: "99999" } }, tables).status).toBe("unchecked");
  });
});
