/**
 * The template settings part of an .xlsx file (src/report/xlsx-settings-part.ts): the same
 * part the add-in writes into Excel, from the same builder, with the sheets owned by name;
 * and never a part the pane's reader would refuse.
 */
import { applyPlan } from "../../src/excel/apply-plan";
import { settingsFromXml, settingsPart, SETTINGS_NAMESPACE } from "../../src/report/template-settings";
import { writeXlsx } from "../../src/report/xlsx-writer";
import { createFakeExcel } from "../support/fake-excel";
import { samplePlan, SAMPLE_SETTINGS, WRITTEN_AT } from "../support/gateway-runs";
import { customXmlParts } from "../support/xlsx-settings";

const plan = samplePlan();

describe("the settings part of a file", () => {
  it("is the part the add-in writes into Excel for the same choices, the sheets owned by name instead of id", async () => {
    const fake = createFakeExcel();
    await applyPlan(plan, { settings: SAMPLE_SETTINGS, run: fake.run, isSetSupported: (n, v) => fake.Office.context.requirements.isSetSupported(n, v), now: () => WRITTEN_AT });
    const inExcel = fake.workbook.customXmlParts().filter((p) => p.namespaceUri === SETTINGS_NAMESPACE);
    expect(inExcel).toHaveLength(1);

    const { parts } = await customXmlParts(await writeXlsx(plan, { settings: { choices: SAMPLE_SETTINGS, writtenAt: WRITTEN_AT } }));
    const owned = plan.sheets.map((s) => ({ key: s.key, name: s.name }));
    // Byte for byte what the one builder makes.
    expect(parts[0].xml).toBe(settingsPart(SAMPLE_SETTINGS, owned, WRITTEN_AT.toISOString()));

    const fromExcel = settingsFromXml(inExcel[0].xml);
    const fromFile = settingsFromXml(parts[0].xml);
    if (fromExcel.kind !== "ok" || fromFile.kind !== "ok") throw new Error("a part was not read");
    expect(fromExcel.settings.ownedSheets.every((o) => typeof o.id === "string")).toBe(true);
    expect(fromFile.settings).toEqual({ ...fromExcel.settings, ownedSheets: fromExcel.settings.ownedSheets.map((o) => ({ key: o.key, name: o.name })) });
  });

  it("is written only when asked for: a plain export has no custom XML part", async () => {
    expect(await customXmlParts(await writeXlsx(plan))).toEqual({ parts: [], orphans: [] });
  });

  it("is never one the reader would refuse: settings naming an unknown municipality fail the write", async () => {
    await expect(writeXlsx(plan, { settings: { choices: { ...SAMPLE_SETTINGS, municipality: "Atlantis" }, writtenAt: WRITTEN_AT } })).rejects.toThrow(/would not be read back.*municipality/);
  });

  it("makes text XML-safe, as in Excel: a character XML forbids in a file name is replaced, and the part reads back", async () => {
    const choices = { ...SAMPLE_SETTINGS, source: { kind: "file" as const, files: ["tall\uFFFF\u0001.csv"] } };
    const { parts } = await customXmlParts(await writeXlsx(plan, { settings: { choices, writtenAt: WRITTEN_AT } }));
    const read = settingsFromXml(parts[0].xml);
    expect(read.kind === "ok" && read.settings.source).toEqual({ kind: "file", files: ["tall\uFFFD\uFFFD.csv"] });
  });

  it("gets an item id of its own in each file", async () => {
    const ids = await Promise.all([1, 2].map(async () => (await customXmlParts(await writeXlsx(plan, { settings: { choices: SAMPLE_SETTINGS, writtenAt: WRITTEN_AT } }))).parts[0].itemId));
    expect(ids[0]).not.toBe(ids[1]);
  });
});
