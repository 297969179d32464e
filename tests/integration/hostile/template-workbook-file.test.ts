/**
 * Hostile-input corpus, area "settings", in a file: an .xlsx made outside Excel (as
 * `kostra report` writes it) whose template settings part someone has replaced. Every input
 * here is SYNTHETIC, built by the test. The file is opened "in Excel" (the fake, loading the
 * parts the workbook relates to) and read with the pane's reader: each hostile part is
 * reported with its reason, and never trusted — no sheet is offered for replacing on its
 * word, a write over it is refused, and the workbook stays exactly as it was.
 */
import JSZip from "jszip";
import { applyPlan, GatewayError, sheetsToReplace, type SettingsInput } from "../../../src/excel/apply-plan";
import { readTemplateSettings } from "../../../src/excel/settings-store";
import { MAX_SETTINGS_BYTES } from "../../../src/kostra/limits";
import { buildReport } from "../../../src/report/report";
import { settingsFromXml, SETTINGS_NAMESPACE, type TemplateSettings } from "../../../src/report/template-settings";
import { writeXlsx } from "../../../src/report/xlsx-writer";
import { CUSTOM_XML_PROPS_REL, CUSTOM_XML_PROPS_TYPE, CUSTOM_XML_REL } from "../../../src/report/xlsx-settings-part";
import { sampleDataset } from "../../../src/sources/sample";
import type { FakeExcel } from "../../support/fake-excel";
import { choicesOf, writtenSettings } from "../../support/settings-fixture";
import { customXmlParts } from "../../support/xlsx-settings";
import { fakeExcelFromXlsx } from "../../support/xlsx-workbook";

const NS = SETTINGS_NAMESPACE;
const plan = buildReport(sampleDataset(), { sectors: ["plan-miljo-kultur"], municipality: "0219", year: 2017, years: [2017], lang: "nb" }).plan;
const choices: SettingsInput = choicesOf(writtenSettings({ source: { kind: "ssb" } }));

const inExcel = (fake: FakeExcel) => ({ run: fake.run, isSetSupported: (name: string, version?: string) => fake.Office.context.requirements.isSetSupported(name, version) });

/** The settings JSON a file written now would carry, changed. */
function json(changes: Partial<Record<keyof TemplateSettings, unknown>>): string {
  const settings: TemplateSettings = { ...choices, schemaVersion: 1, ownedSheets: plan.sheets.map((s) => ({ key: s.key, name: s.name })), writtenAt: "2026-03-15T08:00:00.000Z" };
  return JSON.stringify({ ...settings, ...changes });
}
const part = (body: string, root = "kostraBenchmark", ns = NS) => `<?xml version="1.0" encoding="UTF-8"?><${root} xmlns="${ns}" schemaVersion="1"><settings><![CDATA[${body}]]></settings></${root}>`;

/** The report's file with its settings parts replaced by `xmls` (each stored as Excel stores a custom XML part). */
async function fileWithParts(xmls: readonly string[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await writeXlsx(plan, { settings: { choices, writtenAt: new Date("2026-03-15T08:00:00Z") } }));
  for (const name of Object.keys(zip.files)) if (name.startsWith("customXml/")) zip.remove(name);
  let rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  rels = rels.replace(/<Relationship [^>]*customXml"[^>]*\/>/, "");
  let types = await zip.file("[Content_Types].xml")!.async("string");
  types = types.replace(/<Override PartName="\/customXml[^>]*\/>/g, "");
  xmls.forEach((xml, i) => {
    const n = i + 1;
    zip.file(`customXml/item${n}.xml`, xml);
    zip.file(`customXml/itemProps${n}.xml`, `<ds:datastoreItem ds:itemID="{00000000-0000-4000-8000-00000000000${n}}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"/>`);
    zip.file(`customXml/_rels/item${n}.xml.rels`, `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${CUSTOM_XML_PROPS_REL}" Target="itemProps${n}.xml"/></Relationships>`);
    rels = rels.replace("</Relationships>", `<Relationship Id="rIdKb${n}" Type="${CUSTOM_XML_REL}" Target="../customXml/item${n}.xml"/></Relationships>`);
    types = types.replace("</Types>", `<Override PartName="/customXml/itemProps${n}.xml" ContentType="${CUSTOM_XML_PROPS_TYPE}"/></Types>`);
  });
  zip.file("xl/_rels/workbook.xml.rels", rels);
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "uint8array" });
}

interface Case {
  name: string;
  parts: () => string[];
  /** Words the reason must contain, in nb and en. */
  nb: RegExp;
  en: RegExp;
}

const CASES: Case[] = [
  {
    name: "a part over the size limit",
    parts: () => [part(json({ municipality: "baerum" }).replace('"sectors"', `${" ".repeat(MAX_SETTINGS_BYTES)}"sectors"`))],
    nb: /for store \(over 1 MB\)/,
    en: /too large \(over 1 MB\)/,
  },
  { name: "another program's element in our namespace", parts: () => [part(json({}), "otherProgram")], nb: /tilhører et annet program/, en: /belong to another program/ },
  { name: "a newer version of the settings", parts: () => [part(json({ schemaVersion: 2 }))], nb: /nyere versjon av KOSTRA Benchmark \(malversjon 2\)/, en: /newer version of KOSTRA Benchmark \(template version 2\)/ },
  { name: "JSON that is not JSON", parts: () => [part('{"sectors": [')], nb: /skadet \(ikke gyldig JSON\)/, en: /damaged \(not valid JSON\)/ },
  { name: "an owned sheet named beyond the bounds", parts: () => [part(json({ ownedSheets: [{ key: "data", name: "x".repeat(101) }] }))], nb: /ownedSheets/, en: /ownedSheets/ },
  { name: "two sets of settings", parts: () => [part(json({})), part(json({ municipality: "asker" }))], nb: /flere sett med malinnstillinger/, en: /several sets of template settings/ },
];

describe("hostile template settings in a file made outside Excel", () => {
  it.each(CASES)("$name: reported, and no sheet is offered or replaced on its word", async (c) => {
    const fake = await fakeExcelFromXlsx(await fileWithParts(c.parts()));
    const before = fake.workbook.snapshot();
    const read = await readTemplateSettings(fake.run);
    expect(read.kind).toBe("invalid");
    if (read.kind !== "invalid") return;
    expect(read.reason.nb).toMatch(c.nb);
    expect(read.reason.en).toMatch(c.en);
    // One line each, whatever the part held.
    expect(read.reason.nb.length).toBeLessThan(300);

    await expect(sheetsToReplace(inExcel(fake))).rejects.toBeInstanceOf(GatewayError);
    await expect(applyPlan(plan, { settings: choices, replace: before.sheets.map((s) => s.id), ...inExcel(fake) })).rejects.toBeInstanceOf(GatewayError);
    expect(fake.workbook.snapshot()).toEqual(before);
  });

  it("a part of another namespace is not ours: not read, and left as it is by a write", async () => {
    const foreign = part(json({}), "kostraBenchmark", "urn:someone-else");
    const fake = await fakeExcelFromXlsx(await fileWithParts([foreign]));
    expect(await readTemplateSettings(fake.run)).toEqual({ kind: "none" });
    expect(await sheetsToReplace(inExcel(fake))).toEqual([]);
    await applyPlan(plan, { settings: choices, ...inExcel(fake) });
    // The report's own sheets were not replaced (nobody agreed, and nothing claimed them): the new report got other names.
    expect(fake.workbook.sheetNames()).toEqual(expect.arrayContaining(plan.sheets.map((s) => s.name)));
    expect(fake.workbook.customXmlParts().filter((p) => p.namespaceUri === "urn:someone-else").map((p) => p.xml)).toEqual([foreign]);
  });

  it("broken XML in the part: the pane's reader says so, and the fake Excel does not load it", async () => {
    const broken = `<?xml version="1.0"?><kostraBenchmark xmlns="${NS}"><settings><![CDATA[${json({})}`;
    const { parts } = await customXmlParts(await fileWithParts([broken]));
    const read = settingsFromXml(parts[0].xml);
    expect(read).toEqual({ kind: "invalid", reason: expect.objectContaining({ nb: expect.stringMatching(/skadet \(ikke gyldig XML\)/), en: expect.stringMatching(/damaged \(not valid XML\)/) }) });
    await expect(fakeExcelFromXlsx(await fileWithParts([broken]))).rejects.toThrow();
  });

  it("settings claiming the user's own sheet by name: offered with its name, kept unless the user agrees", async () => {
    const fake = await fakeExcelFromXlsx(await fileWithParts([part(json({ ownedSheets: [{ key: "data", name: "Budsjett" }] }))]));
    fake.workbook.addSheet("Budsjett").setValues("A1", [["mine tall"]]);
    const offered = await sheetsToReplace(inExcel(fake));
    expect(offered.map((s) => s.name)).toEqual(["Budsjett"]);
    await applyPlan(plan, { settings: choices, replace: [], ...inExcel(fake) });
    expect(fake.workbook.sheet("Budsjett").snapshot().cells.A1?.value).toBe("mine tall");
  });
});
