/**
 * Hostile-input corpus, area "settings", field `prices`: the time series' price choice and
 * the user's own index rows a workbook or template file carries. Every input is SYNTHETIC.
 * A refused choice is named with its field in one nb and one en line; an accepted source
 * text reaches the sheet only as a text cell, never as a formula or a link; older settings
 * without the field read as nominal prices.
 */
import { priceIndexFor } from "../../../src/kostra/prices";
import { checkedPlanCell } from "../../../src/report/plan-check";
import { buildReport } from "../../../src/report/report";
import { settingsFromXml, SETTINGS_NAMESPACE } from "../../../src/report/template-settings";
import { writeXlsx } from "../../../src/report/xlsx-writer";
import { sampleDataset } from "../../../src/sources/sample";
import { writtenSettings } from "../../support/settings-fixture";
import JSZip from "jszip";

const GOOD = writtenSettings({ source: { kind: "ssb" }, ownedSheets: [] });
const part = (json: string) => `<kostraBenchmark xmlns="${SETTINGS_NAMESPACE}" schemaVersion="1"><settings><![CDATA[${json}]]></settings></kostraBenchmark>`;
const withPrices = (prices: unknown) => part(JSON.stringify({ ...GOOD, prices }));
const row = (over: Record<string, unknown> = {}) => ({ year: 2017, growth: 2.5, ...over });

const REFUSED: [string, unknown, RegExp][] = [
  ["an unknown choice", "real", /prices/],
  ["an unknown index", { index: "ppi" }, /prices\.index/],
  ["a growth of 1e300", { index: "kpi", table: [row({ growth: 1e300 })] }, /prices\.table\[0\]\.growth/],
  ["a growth below −50 %", { index: "kpi", table: [row({ growth: -80 })] }, /prices\.table\[0\]\.growth/],
  ["a growth that is a formula", { index: "kpi", table: [row({ growth: '=HYPERLINK("https://evil.example")' })] }, /prices\.table\[0\]\.growth/],
  ["a growth of null", { index: "kpi", table: [row({ growth: null })] }, /prices\.table\[0\]\.growth/],
  ["a year of 2017.5", { index: "kommunal-deflator", table: [row({ year: 2017.5 })] }, /prices\.table\[0\]\.year/],
  ["a year of 3000", { index: "kommunal-deflator", table: [row({ year: 3000 })] }, /prices\.table\[0\]\.year/],
  ["the same year twice", { index: "kommunal-deflator", table: [row(), row({ growth: 3 })] }, /prices\.table/],
  ["101 rows", { index: "kommunal-deflator", table: Array.from({ length: 101 }, (_, k) => row({ year: 1990 + k })) }, /prices\.table/],
  ["a source of 10 000 characters", { index: "kommunal-deflator", table: [row({ source: "x".repeat(10_000) })] }, /prices\.table\[0\]\.source/],
  ["a base year of 1800", { index: "kommunal-deflator", year: 1800 }, /prices\.year/],
  ["a table that is an object", { index: "kommunal-deflator", table: { 0: row() } }, /prices\.table/],
];

describe.each(REFUSED)("prices with %s", (_, prices, field) => {
  it("is refused, naming the field in one line per language", () => {
    const read = settingsFromXml(withPrices(prices));
    expect(read.kind).toBe("invalid");
    if (read.kind !== "invalid") return;
    for (const text of [read.reason.nb, read.reason.en]) {
      expect(text).toMatch(field);
      expect(text).not.toMatch(/\n/);
      expect(text.length).toBeLessThan(400);
    }
  });
});

describe("prices that are read", () => {
  it("older settings without the field are nominal prices", () => {
    const read = settingsFromXml(part(JSON.stringify(GOOD)));
    expect(read.kind).toBe("ok");
    if (read.kind === "ok") expect(read.settings.prices).toBeUndefined();
  });

  it("a formula-like source with control characters becomes a text cell on the sheet, never a formula or a link", async () => {
    const source = '=HYPERLINK("https://evil.example","klikk")\u0007\uFFFE';
    const read = settingsFromXml(withPrices({ index: "kommunal-deflator", table: [row({ year: 2016, growth: 2.1, source }), row({ growth: 2.6 })], year: 2017 }));
    expect(read.kind).toBe("ok");
    if (read.kind !== "ok") return;
    const index = priceIndexFor(read.settings.prices, undefined, "nb")!;
    const { plan } = buildReport(sampleDataset(), { sectors: ["plan-miljo-kultur"], municipality: "0219", year: 2017, years: [2015, 2016, 2017], lang: "nb", prices: { index } });
    const sheet = plan.sheets.find((s) => s.key === "trend:plan-miljo-kultur")!;
    const cells = sheet.blocks.flatMap((b) => b.rows.flat());
    const sourceCell = cells.find((c) => c.kind === "text" && c.text.includes("HYPERLINK"))!;
    expect(sourceCell.kind).toBe("text");
    expect(cells.some((c) => c.kind === "formula" && /HYPERLINK|evil/i.test(c.formula))).toBe(false);
    const names = new Set(plan.sheets.map((s) => s.name));
    for (const c of cells) expect(() => checkedPlanCell(c, "test", names)).not.toThrow();
    // In the file: the text is a string, and no formula in any sheet holds it.
    const zip = await JSZip.loadAsync(await writeXlsx(plan, { creator: "test" }));
    const sheets = await Promise.all(Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).map((n) => zip.file(n)!.async("string")));
    for (const xml of sheets) expect(xml).not.toMatch(/<f>[^<]*(HYPERLINK|evil)/i);
  });
});
