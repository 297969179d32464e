/**
 * `kostra report --prices`: the time series in fixed kroner of --year by the shipped
 * kommunal deflator (its missing years named on stderr) or by SSB's KPI fetched from the
 * local PxWebApi test server; the choice is kept in the workbook's template settings; a
 * wrong value is a usage error. The figures are the embedded sample (SYNTHETIC).
 */
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { settingsFromXml } from "../../src/report/template-settings";
import { kostraInProcess } from "../support/kostra-in-process";
import { startPxWebServer, type PxWebServer } from "../support/pxweb-server";
import { customXmlParts } from "../support/xlsx-settings";
import { LONG_TEST_TIMEOUT_MS } from "../support/timing";

jest.setTimeout(LONG_TEST_TIMEOUT_MS);

const dir = mkdtempSync(join(tmpdir(), "kostra-prices-"));
const REPORT = ["report", "--sample", "--sector", "plan-miljo-kultur", "--municipality", "0219", "--year", "2018", "--years", "2015-2018"];

async function settingsOf(file: string) {
  const { parts } = await customXmlParts(readFileSync(file));
  const read = settingsFromXml(parts[0].xml);
  if (read.kind !== "ok") throw new Error(`settings: ${read.kind}`);
  return read.settings;
}

async function sheetTexts(file: string, sheetName: RegExp): Promise<{ texts: string[]; sheet: ExcelJS.Worksheet }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const sheet = wb.worksheets.find((s) => sheetName.test(s.name))!;
  const texts: string[] = [];
  sheet.eachRow((row) => row.eachCell((c) => typeof c.value === "string" && texts.push(c.value)));
  return { texts, sheet };
}

describe("kostra report --prices", () => {
  it("deflator: fixed 2018 kroner, the shipped table's missing years named, the choice kept in the settings", async () => {
    const out = join(dir, "deflator.xlsx");
    const r = await kostraInProcess(...REPORT, "--prices", "deflator", "--out", out);
    expect(r.code).toBe(0);
    // The shipped table has only an estimate for 2016 of these years: 2017 and 2018 are named, in the run's language.
    expect(r.err).toMatch(/Prisindeksen \(kommunal deflator\) mangler vekst for 2017, 2018,/);
    const { texts } = await sheetTexts(out, /^Utvikling/);
    expect(texts).toContain("Verdier (faste 2018-kroner, kommunal deflator)");
    expect(texts.some((t) => t.includes("mangler vekst for 2017, 2018"))).toBe(true);
    // The shipped 2016 figure is an estimate, and the sheet says so.
    expect(texts.some((t) => t.startsWith("Veksten for 2016 er anslag"))).toBe(true);
    expect(texts.some((t) => t.includes("(anslag, ikke endelig tall)"))).toBe(true);
    expect((await settingsOf(out)).prices).toEqual({ index: "kommunal-deflator" });
  });

  it("nominal (the default) writes no price table and keeps no prices in the settings", async () => {
    const out = join(dir, "nominal.xlsx");
    const r = await kostraInProcess(...REPORT, "--out", out);
    expect(r.code).toBe(0);
    expect(r.err).not.toMatch(/Prisindeks/);
    const { texts } = await sheetTexts(out, /^Utvikling/);
    expect(texts).toContain("Verdier");
    expect(texts.some((t) => t.startsWith("Prisindeks"))).toBe(false);
    expect((await settingsOf(out)).prices).toBeUndefined();
  });

  describe("kpi from the local SSB test server", () => {
    let server: PxWebServer;
    beforeAll(async () => {
      server = await startPxWebServer();
    });
    afterAll(async () => {
      await server.close();
    });

    it("fetches 03014 once and writes its growth into the price-index table, in English too", async () => {
      const out = join(dir, "kpi.xlsx");
      const r = await kostraInProcess(...REPORT, "--prices", "kpi", "--base-url", server.baseUrl, "--lang", "en", "--out", out);
      expect(r.code).toBe(0);
      expect(r.err).not.toMatch(/lacks the growth/);
      expect(server.requests.filter((q) => q.path === "/tables/03014/data")).toHaveLength(1);
      const { texts, sheet } = await sheetTexts(out, /^Trend|^Development|^Utvikling|^Time/);
      expect(texts).toContain("Values (fixed 2018 kroner, CPI)");
      // The table's growth cells: 2016–2018 from the server's levels (2015 = 100, 103.6, 105.5, 108.4).
      const growth = new Map<number, number>();
      sheet.eachRow((row) => {
        const year = row.getCell(1).value;
        const g = row.getCell(2).value;
        if (typeof year === "number" && year >= 2015 && year <= 2018 && typeof g === "number" && typeof row.getCell(4).value === "string" && String(row.getCell(4).value).includes("03014")) growth.set(year, g);
      });
      expect(growth.get(2016)).toBeCloseTo((103.6 / 100 - 1) * 100, 9);
      expect(growth.get(2017)).toBeCloseTo((105.5 / 103.6 - 1) * 100, 9);
      expect(growth.get(2018)).toBeCloseTo((108.4 / 105.5 - 1) * 100, 9);
      expect((await settingsOf(out)).prices).toEqual({ index: "kpi" });
    });

    it("stops with SSB's exit code 3 and writes nothing when 03014 cannot be read", async () => {
      const out = join(dir, "kpi-missing.xlsx");
      server.failNext(1, { status: 404, problem: { title: "Non-existent table" } }, (q) => q.path === "/tables/03014/data");
      const r = await kostraInProcess(...REPORT, "--prices", "kpi", "--base-url", server.baseUrl, "--out", out);
      expect(r.code).toBe(3);
      expect(r.err).toMatch(/^kostra: /);
      expect(existsSync(out)).toBe(false);
    });
  });

  it("refuses a value it does not know, naming the option", async () => {
    const r = await kostraInProcess(...REPORT, "--prices", "real", "--out", join(dir, "x.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("--prices");
  });

  it("refuses a --base-url the product never sends queries to", async () => {
    const r = await kostraInProcess(...REPORT, "--prices", "kpi", "--base-url", "http://example.com/api", "--out", join(dir, "y.xlsx"));
    expect(r.code).not.toBe(0);
    expect(r.err).toContain("--base-url");
  });
});
