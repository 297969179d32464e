/** Template settings as a workbook written in 2026 carries them, for settings tests to vary. */
import type { TemplateSettings } from "../../src/report/template-settings";

export function writtenSettings(over: Partial<TemplateSettings> = {}): TemplateSettings {
  return {
    schemaVersion: 1,
    sectors: ["plan-miljo-kultur"],
    municipality: "baerum",
    comparisons: ["asker"],
    network: "asss",
    average: "simple",
    includeOslo: true,
    includeFocal: true,
    year: 2017,
    years: [2015, 2016, 2017],
    source: { kind: "file", files: ["data ]]> odd.csv"] },
    lang: "nb",
    ownedSheets: [{ key: "data", id: "{A1}", name: "KOSTRA-data" }],
    writtenAt: "2026-03-15T08:00:00.000Z",
    ...over,
  };
}
