/**
 * A template workbook made by the CLI, opened and saved by LibreOffice (as a colleague
 * without Excel might do): what of the settings part survives.
 *
 * LibreOffice 7.4 keeps the part itself — customXml/item1.xml with the same settings, its
 * properties (item id, schema reference) and their relationship — but moves the
 * relationship to it from the workbook part to the package root, keeping the target
 * relative to xl/ ("../customXml/item1.xml"). So the part's content holds, while whether
 * Excel finds a part related that way cannot be checked here; the README says so. This
 * test checks what holds: the settings, read by the pane's reader from the
 * saved part, are the ones written, and the report's sheets keep their names (which the
 * settings own them by).
 */
import JSZip from "jszip";
import { buildReport } from "../../src/report/report";
import { settingsFromXml, SETTINGS_NAMESPACE } from "../../src/report/template-settings";
import { writeXlsx } from "../../src/report/xlsx-writer";
import { sampleDataset } from "../../src/sources/sample";
import { recalculate } from "../support/libreoffice";
import { choicesOf, writtenSettings } from "../support/settings-fixture";
import { customXmlParts } from "../support/xlsx-settings";

it("LibreOffice keeps the settings part's content and the sheet names it owns", async () => {
  const plan = buildReport(sampleDataset(), { sectors: ["plan-miljo-kultur"], municipality: "0219", year: 2017, years: [2015, 2016, 2017], lang: "nb" }).plan;
  const choices = choicesOf(writtenSettings({ source: { kind: "ssb" } }));
  const written = await writeXlsx(plan, { settings: { choices, writtenAt: new Date("2026-03-15T08:00:00Z") } });
  const before = settingsFromXml((await customXmlParts(written)).parts[0].xml);
  expect(before.kind).toBe("ok");

  const saved = await recalculate(written);
  const zip = await JSZip.loadAsync(saved.bytes);
  const item = await zip.file("customXml/item1.xml")?.async("string");
  expect(item).toBeDefined();
  expect(settingsFromXml(item!)).toEqual(before);
  const props = await zip.file("customXml/itemProps1.xml")?.async("string");
  expect(props).toContain(`ds:uri="${SETTINGS_NAMESPACE}"`);
  expect(saved.sheetNames).toEqual(plan.sheets.map((s) => s.name));
  if (before.kind === "ok") expect(before.settings.ownedSheets.map((o) => o.name)).toEqual(saved.sheetNames);
}, 120_000);
