/**
 * `--sector` takes a template id or a sector id (all the sector's templates), in
 * profile, report and fetch. The CLI runs in-process on the SYNTHETIC sample.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { SECTORS, templatesOfSector } from "../../src/kostra/catalog";

async function kostra(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (t) => void (out += t), err: (t) => void (err += t), readFile: (p) => readFileSync(p) });
  return { code, out, err };
}

describe("--sector with sector ids", () => {
  it.each(SECTORS.map((s) => s.id))("profile --sector %s gives one profile per template of the sector", async (sector) => {
    const { code, out } = await kostra("profile", "--sample", "--sector", sector, "--municipality", "0219", "--year", "2017", "--format", "json");
    expect(code).toBe(0);
    const json = JSON.parse(out) as { sector: { id: string } } | { sector: { id: string } }[];
    const profiles = Array.isArray(json) ? json : [json];
    expect(profiles.map((p) => p.sector.id)).toEqual(templatesOfSector(sector).map((t) => t.id));
  });

  it("names sectors and templates when the id is unknown", async () => {
    const { code, err } = await kostra("profile", "--sample", "--sector", "helse", "--municipality", "0219", "--year", "2017");
    expect(code).toBe(2);
    expect(err).toMatch(/helse/);
    expect(err).toMatch(/pleie-omsorg\b/);
    expect(err).toMatch(/pleie-omsorg-67/);
  });

  it("report --sector kommunehelse writes a profile sheet for each of its two templates, named with the year", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kostra-sector-"));
    const out = join(dir, "r.xlsx");
    const { code, err } = await kostra("report", "--sample", "--sector", "kommunehelse", "--municipality", "0219", "--year", "2017", "--out", out);
    expect([code, err]).toEqual([0, expect.any(String)]);
    const ExcelJS = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const names = wb.worksheets.map((w) => w.name);
    // Their long names are shortened for sheet names (31 characters), so the year stays visible.
    expect(names.filter((n) => / 2017$/.test(n))).toEqual(["Helsestasjon, skolehelse 2017", "Legetjenester, legevakt 2017"]);
  });

  it("fetch rejects a bad --merged-history value before any request", async () => {
    const { code, err } = await kostra("fetch", "--sector", "barnehage", "--years", "2017", "--merged-history", "average", "--out", "/tmp/x.json", "--no-cache");
    expect(code).toBe(2);
    expect(err).toMatch(/--merged-history må være break eller sum/);
  });
});

describe("--average indicator", () => {
  it("averages each indicator as KS does, and says so; an unknown choice is named", async () => {
    const { code, out } = await kostra("profile", "--sample", "--sector", "tekniske-tjenester", "--municipality", "0219", "--year", "2017", "--average", "indicator", "--format", "json");
    expect(code).toBe(0);
    const rows = (JSON.parse(out) as { rows: { indicator: { id: string }; averageKind?: string }[] }).rows;
    expect(rows.length).toBe(6);
    const bad = await kostra("profile", "--sample", "--sector", "tekniske-tjenester", "--municipality", "0219", "--year", "2017", "--average", "median");
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--average må være simple, weighted eller indicator/);
    const table = await kostra("profile", "--sample", "--sector", "tekniske-tjenester", "--municipality", "0219", "--year", "2017", "--average", "indicator");
    expect(table.out).toMatch(/Snitt: som KS \(vektet for 5 indikatorer; uvektet for 1 indikator, merket \*\)/);
    // Within 100 columns the label wraps in its column; the mark ends its last line.
    expect(table.out).toMatch(/^Årsgebyr for avfallstjenesten -[^\n]*\n +ekskl\. mva\. \(per 1\.1\.2018\) \*$/m);
  });
});

describe("kostra fetch rejects contradicting peer-group options before any request", () => {
  it("--network asss with --peers, and kostragruppe without a municipality", async () => {
    const both = await kostra("fetch", "--sector", "barnehage", "--years", "2021", "--network", "asss", "--peers", "1120", "--out", "/tmp/x.json", "--no-cache");
    expect([both.code, both.err]).toEqual([2, expect.stringMatching(/--peers gjelder bare --network custom/)]);
    const own = await kostra("fetch", "--sector", "barnehage", "--years", "2021", "--base", "kostragruppe", "--out", "/tmp/x.json", "--no-cache");
    expect([own.code, own.err]).toEqual([2, expect.stringMatching(/oppgi kommunen med --municipality/)]);
  });
});
