/** Template settings as a workbook written in 2026 carries them, for settings tests to vary. */
import type { TemplateChoicesInput, TemplateSettings } from "../../src/report/template-settings";

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

/** The choices of written settings: what the pane gives the gateway or the .xlsx writer (without version, sheets and time). */
export function choicesOf(settings: TemplateSettings): TemplateChoicesInput {
  const choices: Partial<TemplateSettings> = { ...settings };
  delete choices.schemaVersion;
  delete choices.ownedSheets;
  delete choices.writtenAt;
  return choices as TemplateChoicesInput;
}
