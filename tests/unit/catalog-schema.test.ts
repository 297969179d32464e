import Ajv from "ajv";
import fs from "fs";
import path from "path";
import schema from "../../src/kostra/catalog/catalog.schema.json";
import { catalogProblems, INDICATORS, SECTOR_FILES, SECTOR_TEMPLATES } from "../../src/kostra/catalog";
import type { Indicator } from "../../src/kostra/types";

const CATALOG_DIR = path.join(__dirname, "../../src/kostra/catalog");
const sectorFileNames = fs.readdirSync(path.join(CATALOG_DIR, "sectors")).filter((f) => f.endsWith(".json"));
const validate = new Ajv({ allErrors: true }).compile(schema);

function schemaErrors(json: unknown): string[] {
  return validate(json) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""}`);
}

describe("catalog schema", () => {
  it.each(["common.json", ...sectorFileNames.map((f) => `sectors/${f}`)])("%s matches the schema", (name) => {
    const json: unknown = JSON.parse(fs.readFileSync(path.join(CATALOG_DIR, name), "utf8"));
    expect(schemaErrors(json)).toEqual([]);
  });

  it("names only catalog files that exist in its comments (a maintainer follows them)", () => {
    const named = (text: string) => Array.from(text.matchAll(/\b((?:sectors\/|src\/)[\w./-]+\.json)\b/g), (m) => m[1]);
    const broken = ["common.json", ...sectorFileNames.map((f) => `sectors/${f}`)].flatMap((name) => {
      const comment = String((JSON.parse(fs.readFileSync(path.join(CATALOG_DIR, name), "utf8")) as { $comment?: unknown }).$comment ?? "");
      return named(comment)
        .filter((file) => !fs.existsSync(file.startsWith("src/") ? path.join(__dirname, "../..", file) : path.join(CATALOG_DIR, file)))
        .map((file) => `${name} → ${file}`);
    });
    expect(broken).toEqual([]);
    expect(named("see sectors/var.json and src/kostra/catalog/x.json.")).toEqual(["sectors/var.json", "src/kostra/catalog/x.json"]);
  });

  it("loads every sector file in the folder (none forgotten in catalog.ts)", () => {
    const ids = sectorFileNames.map((f) => f.replace(/\.json$/, "")).sort();
    expect(SECTOR_FILES.map((f) => f.sector.id).sort()).toEqual(ids);
  });

  it("rejects what the schema is for: wrong measure, missing source, unknown field, bad table id", () => {
    const good = JSON.parse(fs.readFileSync(path.join(CATALOG_DIR, "sectors/tekniske-tjenester.json"), "utf8"));
    const ind = good.indicators[0];
    const variants: [string, unknown][] = [
      ["measure", { ...ind, measure: "per-person" }],
      ["source", Object.fromEntries(Object.entries(ind).filter(([k]) => k !== "source"))],
      ["extra", { ...ind, colour: "red" }],
      ["table", { ...ind, ssb: { ...ind.ssb, table: "1236" } }],
      ["empty code list", { ...ind, ssb: { ...ind.ssb, select: { ContentsCode: [] } } }],
      ["weight", { ...ind, weight: { table: "x" } }],
      ["null table without search words", { ...ind, ssb: { ...ind.ssb, table: null } }],
    ];
    for (const [what, bad] of variants) {
      expect([what, schemaErrors({ ...good, indicators: [bad] }).length > 0]).toEqual([what, true]);
    }
  });

  it("every indicator's weight is a count indicator in the catalog, and no unweighted figure defaults to weighted", () => {
    expect(catalogProblems(INDICATORS, SECTOR_TEMPLATES)).toEqual([]);
    const base = INDICATORS.find((i) => i.id === "bibliotek") as Indicator;
    const weightedByBudget: Indicator = { ...base, id: "x", weight: { indicator: "kunstformidling" } };
    const weightedByNothing: Indicator = { ...base, id: "y", weight: "none", defaultAverage: "weighted" };
    const amountOnShare: Indicator = { ...base, id: "z", measure: "share" };
    const problems = catalogProblems([...INDICATORS, weightedByBudget, weightedByNothing, amountOnShare], []);
    expect(problems).toEqual([
      "x is weighted by kunstformidling, which is not a count",
      "y has no weight but a weighted default average",
      "z has an amount but is not a per-capita figure",
    ]);
  });

  it("finds broken templates: unknown indicator, repeated indicator, group outside the template", () => {
    const t = { id: "t", label: { nb: "T", en: "T" }, defaultComparisons: [], network: "asss" };
    expect(
      catalogProblems(INDICATORS, [
        { ...t, indicators: ["bibliotek", "nope"] },
        { ...t, id: "u", indicators: ["bibliotek", "bibliotek"] },
        { ...t, id: "v", indicators: ["bibliotek"], groups: [{ from: "idrett", label: { nb: "G", en: "G" } }] },
      ]),
    ).toEqual([
      "template t: unknown indicator nope",
      "template u lists an indicator twice",
      "template v: group starts at idrett, not in the template",
    ]);
  });
});
