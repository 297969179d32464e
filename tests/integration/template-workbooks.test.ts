/**
 * Template workbooks made outside Excel: `kostra report` and `kostra templates --workbooks`
 * write the template settings part, and a file opened "in Excel" (the fake, which gives
 * its sheets new worksheet ids as Excel does) is a template workbook to the pane's own
 * reader — the same settings back — whose report sheets are adopted by name and then known
 * by id after the next write.
 */
import * as nodeFs from "node:fs";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeOutputFiles } from "../../src/cli/output-file";
import { SECTOR_TEMPLATES } from "../../src/kostra/catalog";
import type { Dataset } from "../../src/kostra/types";
import { applyPlan, sheetsToReplace } from "../../src/excel/apply-plan";
import { readTemplateSettings } from "../../src/excel/settings-store";
import { buildReport } from "../../src/report/report";
import { settingsFromXml, SETTINGS_NAMESPACE, type TemplateSettings } from "../../src/report/template-settings";
import { writeObservationsFile } from "../../src/sources/observations-file";
import { sampleDataset } from "../../src/sources/sample";
import type { FakeExcel } from "../support/fake-excel";
import { kostraInProcess } from "../support/kostra-in-process";
import { choicesOf } from "../support/settings-fixture";
import { customXmlParts } from "../support/xlsx-settings";
import { fakeExcelFromXlsx } from "../support/xlsx-workbook";
import { checkWorkbook } from "../support/xlsx-check";

const dir = mkdtempSync(join(tmpdir(), "kostra-template-files-"));

const kostra = kostraInProcess;

/** The settings a file carries, read by the pane's reader from the part the workbook relates to. */
async function settingsOf(file: string): Promise<TemplateSettings> {
  const { parts, orphans } = await customXmlParts(readFileSync(file));
  expect(orphans).toEqual([]);
  expect(parts).toHaveLength(1);
  expect(parts[0].schemaRefs).toEqual([SETTINGS_NAMESPACE]);
  expect(parts[0].itemId).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}\}$/);
  const read = settingsFromXml(parts[0].xml);
  if (read.kind !== "ok") throw new Error(`settings not read: ${JSON.stringify(read)}`);
  return read.settings;
}

/** The gateway's way into the fake: its requests and its requirement sets. */
const inExcel = (fake: FakeExcel) => ({ run: fake.run, isSetSupported: (name: string, version?: string) => fake.Office.context.requirements.isSetSupported(name, version) });

const PROFILE_2017 = "Plan, miljø og kultur 2017";
const TREND = "Utvikling Plan, miljø og kultur";
const DATA = "KOSTRA-data";

describe("kostra report writes a template workbook", () => {
  const file = join(dir, "baerum.xlsx");
  const args = ["report", "--sample", "--sector", "plan-miljo-kultur", "--municipality", "0219", "--year", "2017", "--years", "2015-2017"];

  it("round trip: the CLI's choices come back from the file through the pane's settings reader", async () => {
    const before = Date.now();
    const r = await kostra(...args, "--compare", "0220,Stavanger", "--average", "simple", "--exclude-oslo", "--chart-comparisons", "--out", file);
    expect(r.err).toMatch(/^skrev /m);
    expect(r.code).toBe(0);
    const settings = await settingsOf(file);
    expect(Date.parse(settings.writtenAt)).toBeGreaterThanOrEqual(before - 1000);
    expect({ ...settings, writtenAt: "" }).toEqual({
      schemaVersion: 1,
      sectors: ["plan-miljo-kultur"],
      municipality: "baerum",
      comparisons: ["asker", "stavanger"],
      network: "asss",
      average: "simple",
      includeOslo: false,
      includeFocal: true,
      year: 2017,
      years: [2015, 2016, 2017],
      source: { kind: "sample" },
      chartComparisons: true,
      lang: "nb",
      // No worksheet ids in a file: the sheets are owned by name until Excel has opened it.
      ownedSheets: [
        { key: "profile:plan-miljo-kultur:2017", name: PROFILE_2017 },
        { key: "trend:plan-miljo-kultur", name: TREND },
        { key: "data", name: DATA },
      ],
      writtenAt: "",
    });
  });

  it("keeps a custom network's peers as the municipalities they name in the profile's year", async () => {
    expect((await kostra(...args, "--peers", "1103,Trondheim,0301", "--out", file)).code).toBe(0);
    expect(await settingsOf(file)).toMatchObject({ network: "custom", peers: ["stavanger", "trondheim", "oslo"] });
  });

  it("keeps the report exactly as planned: the settings part adds no formula, link or unplanned relationship", async () => {
    await kostra(...args, "--out", file);
    const plan = buildReport(sampleDataset(), { sectors: ["plan-miljo-kultur"], municipality: "0219", year: 2017, years: [2015, 2016, 2017], lang: "nb" }).plan;
    expect((await checkWorkbook(readFileSync(file), plan)).problems).toEqual([]);
  });

  it("says where Oppdater gets the figures: SSB for kostra fetch files, the files by name for others", async () => {
    const fromSsb: Dataset = { ...sampleDataset(), provenance: sampleDataset().provenance.map((p) => ({ source: "ssb" as const, table: "12362", fetchedAt: p.fetchedAt })) };
    const fetched = join(dir, "hentet.json");
    writeFileSync(fetched, writeObservationsFile(fromSsb, { createdAt: new Date("2026-03-15T08:00:00Z") }));
    const csv = join(dir, "egne tall.csv");
    writeFileSync(csv, "region;indikator;år;verdi\n0219;kunstformidling;2017;141\n");

    const out = join(dir, "kilde.xlsx");
    expect((await kostra(...args.filter((a) => a !== "--sample"), "--input", fetched, "--out", out)).code).toBe(0);
    expect((await settingsOf(out)).source).toEqual({ kind: "ssb" });
    expect((await kostra(...args, "--input", csv, "--out", out)).code).toBe(0);
    expect((await settingsOf(out)).source).toEqual({ kind: "file", files: ["egne tall.csv"] });
  });
});

describe("a CLI-written workbook opened in Excel (the fake)", () => {
  const file = join(dir, "apnet.xlsx");
  beforeAll(async () => {
    expect((await kostra("report", "--sample", "--sector", "plan-miljo-kultur", "--municipality", "0219", "--year", "2017", "--years", "2015-2017", "--out", file)).code).toBe(0);
  });

  it("is a template workbook to the pane's reader, with the same settings", async () => {
    const fake = await fakeExcelFromXlsx(readFileSync(file));
    const read = await readTemplateSettings(fake.run);
    expect(read).toEqual({ kind: "ok", settings: await settingsOf(file) });
  });

  it("adopts the report's sheets by name, replaces them only as agreed, and records their ids on the write", async () => {
    const fake = await fakeExcelFromXlsx(readFileSync(file));
    fake.workbook.addSheet("Mine notater");
    const ids = new Map(fake.workbook.snapshot().sheets.map((s) => [s.name, s.id]));
    const offered = await sheetsToReplace(inExcel(fake));
    expect(offered).toEqual([PROFILE_2017, TREND, DATA].map((name) => ({ id: ids.get(name), name })));

    const read = await readTemplateSettings(fake.run);
    if (read.kind !== "ok") throw new Error("not a template");
    const choices = choicesOf(read.settings);
    const plan = buildReport(sampleDataset(), { sectors: ["plan-miljo-kultur"], municipality: "0219", year: 2018, years: [2015, 2016, 2017, 2018], lang: "nb" }).plan;
    const result = await applyPlan(plan, { settings: { ...choices, year: 2018 }, replace: offered.map((s) => s.id), ...inExcel(fake) });

    const sheets = fake.workbook.snapshot().sheets;
    expect(sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Mine notater", "Plan, miljø og kultur 2018", TREND, DATA]));
    expect(sheets.map((s) => s.name)).not.toContain(PROFILE_2017);
    // From this write on the sheets are known by id: every owned sheet has the id it has in the workbook.
    const after = await readTemplateSettings(fake.run);
    if (after.kind !== "ok") throw new Error("settings lost");
    const nowIds = new Map(sheets.map((s) => [s.name, s.id]));
    expect(after.settings.ownedSheets.map((o) => [o.name, o.id])).toEqual(after.settings.ownedSheets.map((o) => [o.name, nowIds.get(o.name)]));
    expect(after.settings.ownedSheets.every((o) => typeof o.id === "string")).toBe(true);
    expect(result.replaced.map((s) => s.name)).toEqual([PROFILE_2017, TREND, DATA]);
  });

  it("treats a report sheet renamed before the first write as the user's", async () => {
    const fake = await fakeExcelFromXlsx(readFileSync(file));
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem(DATA).name = "Mine data";
      await context.sync();
    });
    expect((await sheetsToReplace(inExcel(fake))).map((s) => s.name)).toEqual([PROFILE_2017, TREND]);
  });
});

describe("kostra templates --workbooks", () => {
  const base = ["templates", "--municipality", "0219", "--year", "2017", "--years", "2015-2017"];

  it("writes one template workbook per sector template, each owning its own report", async () => {
    const folder = join(dir, "alle");
    const r = await kostra(...base, "--workbooks", folder);
    expect(r.code).toBe(0);
    const names = SECTOR_TEMPLATES.map((t) => `${t.id}.xlsx`);
    expect(readdirSync(folder).sort()).toEqual([...names].sort());
    expect(r.err).toContain(`skrev ${names.length} malarbeidsbøker i ${folder}`);
    for (const t of SECTOR_TEMPLATES) {
      const settings = await settingsOf(join(folder, `${t.id}.xlsx`));
      expect(settings).toMatchObject({ sectors: [t.id], municipality: "baerum", year: 2017, years: [2015, 2016, 2017], source: { kind: "sample" } });
      expect(settings.ownedSheets.map((o) => o.key)).toEqual([`profile:${t.id}:2017`, `trend:${t.id}`, "data"]);
    }
  });

  it("writes only the templates and sectors asked for, in the language asked for", async () => {
    const folder = join(dir, "noen");
    const r = await kostra(...base, "--workbooks", folder, "--templates", "barnehage,pleie-omsorg", "--lang", "en");
    expect(r.code).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(["barnehage.xlsx", "pleie-omsorg-0-66.xlsx", "pleie-omsorg-67.xlsx"]);
    expect(r.err).toMatch(/^wrote 3 template workbooks in /m);
    expect((await settingsOf(join(folder, "barnehage.xlsx"))).lang).toBe("en");
  });

  it("refuses to overwrite an existing workbook unless --overwrite is given, and then writes all", async () => {
    const folder = join(dir, "finnes");
    expect((await kostra(...base, "--workbooks", folder, "--templates", "grunnskole")).code).toBe(0);
    const kept = join(folder, "grunnskole.xlsx");
    writeFileSync(kept, "mine endringer");
    const r = await kostra(...base, "--workbooks", folder, "--templates", "barnehage,grunnskole,barnevern");
    expect(r.code).toBe(2);
    expect(r.err).toBe(`kostra: ${kept} finnes allerede; ingen filer ble skrevet (--overwrite erstatter filer som finnes)\n`);
    expect(readFileSync(kept, "utf8")).toBe("mine endringer");
    // Nothing written, not even the new one, and no temporary file left.
    expect(readdirSync(folder)).toEqual(["grunnskole.xlsx"]);

    const en = await kostra(...base, "--workbooks", folder, "--templates", "grunnskole", "--lang", "en");
    expect(en.err).toBe(`kostra: ${kept} exists already; no file was written (--overwrite replaces existing files)\n`);

    expect((await kostra(...base, "--workbooks", folder, "--templates", "barnehage,grunnskole,barnevern", "--overwrite")).code).toBe(0);
    expect((await settingsOf(kept)).sectors).toEqual(["grunnskole"]);
    expect(readdirSync(folder).sort()).toEqual(["barnehage.xlsx", "barnevern.xlsx", "grunnskole.xlsx"]);
  });

  it("asks for what it needs, and refuses workbook options without --workbooks", async () => {
    const folder = join(dir, "mangler");
    const noYear = await kostra("templates", "--workbooks", folder, "--municipality", "0219");
    expect(noYear).toMatchObject({ code: 2, err: "kostra: mangler --year. Se «kostra --help».\n" });
    const noMunicipality = await kostra("templates", "--workbooks", folder, "--year", "2017", "--lang", "en");
    expect(noMunicipality).toMatchObject({ code: 2, err: "kostra: --municipality is missing. See “kostra --help”.\n" });
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
    const listOnly = await kostra("templates", "--year", "2017");
    expect(listOnly).toMatchObject({ code: 2, out: "", err: "kostra: --year gjelder bare sammen med --workbooks MAPPE. Se «kostra --help».\n" });
    const aFile = join(dir, "en-fil");
    writeFileSync(aFile, "");
    const notFolder = await kostra(...base, "--workbooks", aFile, "--lang", "en");
    expect(notFolder).toMatchObject({ code: 2, err: `kostra: ${aFile} is not a folder; choose another\n` });
    const unknown = await kostra(...base, "--workbooks", folder, "--templates", "finnes-ikke");
    expect(unknown.code).toBe(2);
    // Listing still works as before.
    const list = await kostra("templates");
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/plan-miljo-kultur/);
  });

  it("never replaces a file that appears while the workbooks are written, with or without hard links", async () => {
    for (const links of [true, false]) {
      const folder = mkdtempSync(join(dir, "kapplop-"));
      const [a, b] = [join(folder, "a.xlsx"), join(folder, "b.xlsx")];
      const fs = links ? nodeFs : { ...nodeFs, linkSync: () => { throw Object.assign(new Error("EPERM"), { code: "EPERM" }); } };
      const write = writeOutputFiles([{ target: a, data: "ny a" }, { target: b, data: "ny b" }], {
        keepExisting: true,
        fs,
        // Someone saves b.xlsx after the check, before the files are put in place.
        beforeRename: async () => writeFileSync(b, "noen andres"),
      });
      await expect(write).rejects.toThrow(/b\.xlsx exists already; no file was written/);
      expect(readFileSync(b, "utf8")).toBe("noen andres");
      // a.xlsx, put in place first, is taken back: as if nothing was written.
      expect(readdirSync(folder)).toEqual(["b.xlsx"]);
    }
  });
});
