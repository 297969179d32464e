/**
 * User templates: the run-time registry beside the catalog, per-template labels and
 * decimals, user indicators picked from SSB metadata, and template settings that carry them.
 */
import { benchmark, defaultOptions } from "../../src/kostra/benchmark";
import {
  indicatorFor,
  INDICATORS,
  isUserTemplate,
  registerUserTemplate,
  resetUserCatalog,
  SECTOR_TEMPLATES,
  templateById,
  templateIndicators,
  unregisterUserTemplate,
  userIndicatorFromSsb,
  userTemplateOf,
  userTemplateProblems,
} from "../../src/kostra/catalog";
import type { SectorTemplate } from "../../src/kostra/types";
import { settingsFieldProblems, settingsFromXml, settingsToXml, type TemplateSettings } from "../../src/report/template-settings";
import { userTemplateShapeProblem } from "../../src/report/settings-schema";
import { readJsonStat } from "../../src/sources/ssb/jsonstat";
import { observationsFromCube } from "../../src/sources/ssb/observations";
import { sampleDataset } from "../../src/sources/sample";
import * as fs from "fs";
import * as path from "path";
import { writtenSettings } from "../support/settings-fixture";
import { LIBRARIES_PICK } from "../support/ssb-pick";

const pick = LIBRARIES_PICK;

function template(over: Partial<SectorTemplate> = {}): SectorTemplate {
  return {
    id: "mal-kultur",
    label: { nb: "Min kultur", en: "Min kultur" },
    indicators: [userIndicatorFromSsb(pick).id, "kunstformidling"],
    defaultComparisons: ["asker"],
    network: "asss",
    labels: { kunstformidling: { nb: "Kunst", en: "Art" } },
    decimals: { kunstformidling: 2 },
    ...over,
  };
}

afterEach(() => resetUserCatalog());

describe("user indicators from SSB metadata", () => {
  it("are full indicators: one code per dimension, simple average, no weight, where they came from", () => {
    const ind = userIndicatorFromSsb(pick);
    expect(ind.id).toBe("bruker-12362-kosbelopinnbygge0000-agd2-370");
    expect(ind.measure).toBe("per-capita");
    expect(ind.ssb).toEqual({
      table: "12362",
      regionDimension: "KOKkommuneregion0000",
      timeDimension: "Tid",
      select: { KOKfunksjon0000: ["370"], KOKart0000: ["AGD2"], ContentsCode: ["KOSbelopinnbygge0000"] },
    });
    expect(ind).toMatchObject({ weight: "none", defaultAverage: "simple", confidence: "high" });
    expect(ind.source).toBe("Valgt fra SSB-tabell 12362 (metadata hentet 2025-11-27)");
  });

  it("are key figures unless the unit is kroner per inhabitant", () => {
    expect(userIndicatorFromSsb({ ...pick, unit: { nb: "prosent", en: "per cent" } }).measure).toBe("key-figure");
    expect(userIndicatorFromSsb({ ...pick, unit: { nb: "1000 kr", en: "NOK 1000" } }).measure).toBe("key-figure");
    expect(userIndicatorFromSsb({ ...pick, decimals: 9 }).decimals).toBe(4);
  });
});

describe("registering a user template", () => {
  it("makes the template and its indicators visible to the catalog, the engine and SSB's cube reader", () => {
    const ind = userIndicatorFromSsb(pick);
    const before = SECTOR_TEMPLATES.length;
    expect(registerUserTemplate(template(), [ind])).toEqual([]);
    expect(SECTOR_TEMPLATES).toHaveLength(before + 1);
    expect(templateById("mal-kultur")?.label.nb).toBe("Min kultur");
    expect(indicatorFor(ind.id)).toBe(ind);
    expect(INDICATORS).toContain(ind);
    expect(isUserTemplate("mal-kultur")).toBe(true);
    expect(isUserTemplate("plan-miljo-kultur")).toBe(false);

    const cube = readJsonStat(JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/ssb/12362-pmk-2017.json"), "utf8")), "12362");
    const obs = observationsFromCube(cube, "12362").observations;
    const mine = obs.filter((o) => o.indicator === ind.id);
    const catalog = obs.filter((o) => o.indicator === "bibliotek");
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.map((o) => o.value)).toEqual(catalog.map((o) => o.value));
  });

  it("applies the template's own labels and decimals, leaving the catalog's indicator alone", () => {
    registerUserTemplate(template(), [userIndicatorFromSsb(pick)]);
    const [, kunst] = templateIndicators(templateById("mal-kultur")!);
    expect(kunst.label).toEqual({ nb: "Kunst", en: "Art" });
    expect(kunst.decimals).toBe(2);
    expect(indicatorFor("kunstformidling")?.label.nb).toMatch(/kunstformidling/);
    expect(indicatorFor("kunstformidling")?.decimals).toBe(0);

    const profile = benchmark(sampleDataset(), defaultOptions("mal-kultur", "0219", 2017));
    expect(profile.rows.map((r) => r.indicator.label.nb)).toEqual(["Bibliotek, netto", "Kunst"]);
    expect(profile.rows[1].value).not.toBeNull();
    expect(profile.rows[1].indicator.decimals).toBe(2);
  });

  it("replaces a template and indicators with the same ids", () => {
    registerUserTemplate(template(), [userIndicatorFromSsb(pick)]);
    const renamed = userIndicatorFromSsb({ ...pick, label: { nb: "Bibliotek", en: "Libraries" } });
    const before = INDICATORS.length;
    expect(registerUserTemplate(template({ label: { nb: "Ny", en: "New" } }), [renamed])).toEqual([]);
    expect(INDICATORS).toHaveLength(before);
    expect(templateById("mal-kultur")?.label.nb).toBe("Ny");
    expect(indicatorFor(renamed.id)?.label.nb).toBe("Bibliotek");
  });

  it.each([
    ["a catalog id", template({ id: "plan-miljo-kultur" }), [], /must start with mal-/],
    ["an unknown indicator", template({ indicators: ["no-such"] }), [], /unknown indicator no-such/],
    ["decimals out of range", template({ decimals: { kunstformidling: 7 } }), [userIndicatorFromSsb(pick)], /bad decimals/],
    ["a label for an indicator it lacks", template({ labels: { bibliotek: { nb: "x", en: "x" } } }), [userIndicatorFromSsb(pick)], /bad label/],
    ["no indicators", template({ indicators: [] }), [], /has no indicators/],
    ["a user indicator without the prefix", template(), [{ ...userIndicatorFromSsb(pick), id: "bibliotek" }], /well-formed/],
    ["a selector with two codes", template(), [{ ...userIndicatorFromSsb(pick), ssb: { ...userIndicatorFromSsb(pick).ssb, select: { KOKart0000: ["AGD2", "AGD4"] } } }], /exactly one code/],
  ])("refuses %s and changes nothing", (_, t, inds, problem) => {
    const templates = SECTOR_TEMPLATES.length;
    const indicators = INDICATORS.length;
    const problems = registerUserTemplate(t, inds);
    expect(problems.join("; ")).toMatch(problem);
    expect(SECTOR_TEMPLATES).toHaveLength(templates);
    expect(INDICATORS).toHaveLength(indicators);
  });

  it("refuses data that is not shaped like a template", () => {
    expect(userTemplateProblems(null, [])).not.toEqual([]);
    expect(userTemplateProblems({ id: "mal-x" }, "nope")).not.toEqual([]);
    expect(userTemplateProblems(template(), [{ id: "bruker-x" }])).not.toEqual([]);
  });

  it("refuses comparison municipalities and networks the product does not know (a shared template names them)", () => {
    const ind = userIndicatorFromSsb(pick);
    expect(userTemplateProblems(template(), [ind])).toEqual([]);
    expect(userTemplateProblems(template({ defaultComparisons: ["asker", "atlantis"] }), [ind])).toEqual(["template mal-kultur: unknown comparison municipality atlantis"]);
    expect(userTemplateProblems(template({ defaultComparisons: ["ekg07"] }), [ind])).toEqual(["template mal-kultur: unknown comparison municipality ekg07"]);
    expect(userTemplateProblems(template({ network: "kgb" }), [ind])).toEqual(["template mal-kultur: unknown network kgb"]);
  });

  it("unregisters a template and the user indicators nothing else uses", () => {
    const ind = userIndicatorFromSsb(pick);
    registerUserTemplate(template(), [ind]);
    registerUserTemplate(template({ id: "mal-kultur-2" }), [ind]);
    expect(unregisterUserTemplate("mal-kultur")).toBe(true);
    expect(indicatorFor(ind.id)).toBe(ind);
    expect(unregisterUserTemplate("mal-kultur-2")).toBe(true);
    expect(indicatorFor(ind.id)).toBeUndefined();
    expect(INDICATORS).not.toContain(ind);
    expect(unregisterUserTemplate("plan-miljo-kultur")).toBe(false);
    expect(templateById("plan-miljo-kultur")).toBeDefined();
  });

  it("hands out a registered template with only its own indicators", () => {
    const ind = userIndicatorFromSsb(pick);
    registerUserTemplate(template(), [ind]);
    expect(userTemplateOf("mal-kultur")).toEqual({ template: template(), indicators: [ind] });
    expect(userTemplateOf("plan-miljo-kultur")).toBeUndefined();
  });
});

describe("template settings carrying a user template", () => {
  const settings: TemplateSettings = writtenSettings({
    sectors: ["mal-kultur"],
    years: [2016, 2017],
    source: { kind: "sample" },
    userTemplate: { template: template(), indicators: [userIndicatorFromSsb(pick)] },
    ownedSheets: [],
    writtenAt: "2025-11-27T08:13:00.000Z",
  });

  it("accept the template's id among the sectors before it is registered, and round-trip through XML", () => {
    expect(templateById("mal-kultur")).toBeUndefined();
    expect(settingsFieldProblems(settings)).toEqual([]);
    expect(settingsFromXml(settingsToXml(settings))).toEqual({ kind: "ok", settings });
  });

  it("report a broken user template, and its id as unknown", () => {
    const broken = { ...settings, userTemplate: { template: template({ indicators: ["no-such"] }), indicators: [] } };
    expect(settingsFieldProblems(broken)).toEqual([{ field: "userTemplate" }, { field: "sectors", value: "mal-kultur" }]);
  });

  it("without one read as before", () => {
    const old = { ...settings, sectors: ["plan-miljo-kultur"], userTemplate: undefined };
    expect(settingsFieldProblems(old)).toEqual([]);
  });
});

describe("a user indicator picked from SSB stays within what settings hold", () => {
  it("shortens SSB's long labels in the definition and the unit, so the template can be saved and read back", () => {
    const long = userIndicatorFromSsb({ ...pick, selectLabels: Array(6).fill("Netto driftsutgifter til funksjon ".repeat(6)), unit: { nb: "kr ".repeat(100), en: "NOK ".repeat(100) } });
    expect(long.definition.nb.length).toBeLessThanOrEqual(1_000);
    expect(long.definition.nb).toMatch(/…\.$/);
    expect(long.unit.nb.length).toBeLessThanOrEqual(200);
    expect(userTemplateShapeProblem({ template: template({ indicators: [long.id, "kunstformidling"] }), indicators: [long] })).toBeNull();
    const settings = writtenSettings({ sectors: ["mal-kultur"], userTemplate: { template: template({ indicators: [long.id, "kunstformidling"] }), indicators: [long] } });
    expect(settingsFromXml(settingsToXml(settings)).kind).toBe("ok");
  });

  it("names what settings could not hold", () => {
    const ind = userIndicatorFromSsb(pick);
    expect(userTemplateShapeProblem({ template: template({ label: { nb: "x".repeat(201), en: "x" } }), indicators: [ind] })?.nb).toBe("Malen: «template.label.nb» er for lang (over 200 tegn).");
  });
});
