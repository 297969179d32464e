import { writtenSettings } from "../support/settings-fixture";
import { settingsFromXml, settingsToXml, SETTINGS_NAMESPACE, type TemplateSettings } from "../../src/report/template-settings";

const settings: TemplateSettings = writtenSettings();

describe("template settings in a custom XML part", () => {
  it("round-trips, even with ']]>' inside a value", () => {
    const xml = settingsToXml(settings);
    expect(xml).toContain(`xmlns="${SETTINGS_NAMESPACE}"`);
    expect(settingsFromXml(xml)).toEqual({ kind: "ok", settings });
  });

  it.each([
    ["a foreign part", `<other xmlns="urn:someone-else"><settings><![CDATA[{}]]></settings></other>`, /tilhører et annet program/],
    ["no content", `<kostraBenchmark xmlns="${SETTINGS_NAMESPACE}"/>`, /skadet \(mangler innhold\)/],
    ["broken JSON", `<kostraBenchmark xmlns="${SETTINGS_NAMESPACE}"><settings><![CDATA[{oops]]></settings></kostraBenchmark>`, /ikke gyldig JSON/],
    ["a newer version", settingsToXml({ ...settings, schemaVersion: 7 }), /nyere versjon av KOSTRA Benchmark \(malversjon 7\)/],
    ["a bad field", settingsToXml({ ...settings, year: 12, average: "median" as "simple", ownedSheets: [{}] as never }), /skadet: «average» ugyldig verdi "median"/],
    ["a bad owned sheet", settingsToXml({ ...settings, ownedSheets: [{}] as never }), /skadet: «ownedSheets\[0\]\.key» mangler/],
  ])("reports %s clearly", (_, xml, message) => {
    const r = settingsFromXml(xml);
    expect(r.kind).toBe("invalid");
    if (r.kind === "invalid") {
      expect(r.reason.nb).toMatch(message);
      expect(r.reason.en.length).toBeGreaterThan(10);
    }
  });
});

describe("template settings sources", () => {
  it("keeps a selected-range source and the chart choice", () => {
    const s = { ...settings, source: { kind: "sheet" as const }, chartComparisons: true };
    expect(settingsFromXml(settingsToXml(s))).toEqual({ kind: "ok", settings: s });
  });
});

describe("one check for workbook settings and template files", () => {
  it("names unknown templates, municipalities and networks", () => {
    const r = settingsFromXml(settingsToXml({ ...settings, sectors: ["skole"], municipality: "9999", network: "xyz" }));
    expect(r.kind).toBe("invalid");
    if (r.kind === "invalid") expect(r.reason.nb).toMatch(/ugyldig: sectors, municipality, network/);
  });
});
