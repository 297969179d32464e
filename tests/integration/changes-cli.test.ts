/**
 * What changed since March, end to end in the CLI: the same fetch against the local SSB test
 * server before and after it revised figures (as SSB does on 15 June), then the report made
 * with both. The change list must name exactly the revised figures, a year only the second
 * fetch has is not a change, and the data sheet keeps both vintages. The server's tables
 * are SYNTHETIC (tests/support/pxweb-world.ts).
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { kostraInProcess } from "../support/kostra-in-process";
import { worldCell } from "../support/pxweb-world";
import { startPxWebServer, type PxWebServer } from "../support/pxweb-server";

const MARCH = "2026-03-15T07:00:00Z";
const JUNE = "2026-06-15T06:00:00Z";
const dir = mkdtempSync(join(tmpdir(), "kostra-changes-"));
let server: PxWebServer;

const kostra = kostraInProcess;

// Stavanger's (1103) kunstformidling (f377) 2017 revised up; Oslo's (0301) bibliotek (f370) 2017 withdrawn.
const kunst = { KOKkommuneregion0000: "1103", KOKfunksjon0000: "377", KOKart0000: "AGD2", ContentsCode: "KOSbelopinnbygge0000", Tid: "2017" };
const bib = { ...kunst, KOKkommuneregion0000: "0301", KOKfunksjon0000: "370" };
const kunstBefore = worldCell("12362", kunst).value!;
const bibBefore = worldCell("12362", bib).value!;

const fetchArgs = (years: string, out: string, ...more: string[]) => ["fetch", "--sector", "plan-miljo-kultur", "--years", years, "--municipality", "0219", "--base-url", server.baseUrl, "--no-cache", "--out", out, ...more];
const files = { march: join(dir, "mars.json"), june: join(dir, "juni.json"), kept: join(dir, "kostra.json") };
let marchRun: Awaited<ReturnType<typeof kostra>>;
let juneRun: Awaited<ReturnType<typeof kostra>>;
let overRun: Awaited<ReturnType<typeof kostra>>;

beforeAll(async () => {
  // A generous quota: five fetches in a row must not wait for the next minute.
  server = await startPxWebServer({ maxCallsPerTimeWindow: 1000 });
  server.setUpdated("12362", MARCH);
  marchRun = await kostra(...fetchArgs("2016-2017", files.march));
  await kostra(...fetchArgs("2016-2017", files.kept));
  server.revise("12362", kunst, { value: kunstBefore + 50 });
  server.revise("12362", bib, { value: null, status: ".." });
  server.setUpdated("12362", JUNE);
  // June asks for 2018 too: a new year, not a change.
  juneRun = await kostra(...fetchArgs("2016-2018", files.june, "--previous", files.march));
  // Fetched again over March's file: compared with it before it is replaced.
  overRun = await kostra(...fetchArgs("2016-2018", files.kept));
}, 60_000);
afterAll(async () => {
  await server.close();
});

/** The changed figures a fetch printed: "indicator municipality year kind" per line after the heading. */
const listed = (out: string) => out.split("\n").slice(4).filter((l) => l.trim() !== "");

describe("kostra fetch against a revised SSB", () => {
  it("keeps each figure's SSB vintage in the fetched file", () => {
    expect(marchRun.code).toBe(0);
    const march = JSON.parse(readFileSync(files.march, "utf8"));
    const june = JSON.parse(readFileSync(files.june, "utf8"));
    expect(march.provenance.map((p: { updated?: string }) => p.updated)).toContain(MARCH);
    expect(june.provenance.map((p: { updated?: string }) => p.updated)).toContain(JUNE);
  });

  it("lists exactly the revised figures against --previous, and against the file it replaces", () => {
    for (const r of [juneRun, overRun]) {
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^2 tall er endret siden \S+\.json:/);
      const lines = listed(r.out);
      expect(lines).toHaveLength(2);
      expect(lines.find((l) => /Stavanger/.test(l))).toMatch(/2017.*\+50\s+revidert/);
      expect(lines.find((l) => /Oslo/.test(l))).toMatch(/2017.*\.\.\s+trukket/);
    }
    expect(JSON.parse(readFileSync(files.kept, "utf8")).provenance.map((p: { updated?: string }) => p.updated)).toContain(JUNE);
  });

  it("refuses a previous file it cannot read before SSB is asked, and writes nothing", async () => {
    const broken = join(dir, "broken.json");
    writeFileSync(broken, '{"format":"kostra-benchmark/observations","observations":[{"value":"mye"}]}');
    const before = server.requests.length;
    const out = join(dir, "never.json");
    const r = await kostra(...fetchArgs("2017", out, "--previous", broken));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/broken\.json/);
    expect(server.requests.length).toBe(before);
    expect(existsSync(out)).toBe(false);
  });
});

describe("kostra report --previous", () => {
  const out = join(dir, "rapport.xlsx");
  let run: Awaited<ReturnType<typeof kostra>>;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    run = await kostra("report", "--input", files.june, "--previous", files.march, "--sector", "plan-miljo-kultur", "--municipality", "0219", "--year", "2017", "--years", "2016-2018", "--compare", "", "--threshold", "0,5", "--out", out);
    if (run.code !== 0) throw new Error(run.err);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
  }, 60_000);

  const rowsOf = (name: string) => {
    const rows: unknown[][] = [];
    wb.getWorksheet(name)!.eachRow((row, n) => (rows[n - 1] = (row.values as unknown[]).slice(1)));
    return rows;
  };

  it("says how many figures changed since which vintage", () => {
    expect(run.code).toBe(0);
    expect(run.err).toMatch(`2 tall er endret siden SSBs tall oppdatert ${MARCH} (se arket «Endringer»).`);
  });

  it("writes a change list naming exactly the revised figures, with both values and vintages", () => {
    const rows = rowsOf("Endringer");
    const changes = rows.filter((r) => r && (r[6] === "revidert" || r[6] === "trukket" || r[6] === "nytt tall"));
    expect(changes.map((r) => `${r[1]} ${r[2]} ${r[6]}`).sort()).toEqual(["Oslo 2017 trukket", "Stavanger 2017 revidert"]);
    const stavanger = changes.find((r) => r[1] === "Stavanger")!;
    expect(stavanger.slice(3, 9)).toEqual([kunstBefore, kunstBefore + 50, 50, "revidert", MARCH, JUNE]);
    const oslo = changes.find((r) => r[1] === "Oslo")!;
    expect(oslo.slice(3, 5)).toEqual([bibBefore, ".."]);
    // The index moves, flagged against the threshold given (0,5 points).
    expect(String(rows[1][0])).toMatch(/mer enn 0,5 poeng/);
    const movesAt = rows.findIndex((r) => r && /^Indeks for Bærum 2017/.test(String(r[0])));
    expect(movesAt).toBeGreaterThan(0);
    const moves = rows.slice(movesAt + 2).filter((r) => r && typeof r[3] === "number");
    const kunstMove = moves.find((r) => String(r[0]) === stavanger[0])!;
    expect(kunstMove[3]).toBeCloseTo((kunstMove[2] as number) - (kunstMove[1] as number), 9);
    expect(kunstMove[4]).toBe(Math.abs(kunstMove[3] as number) > 0.5 ? "ja" : "nei");
    expect(stavanger[9]).toBe(kunstMove[4]);
  });

  it("keeps both vintages in the data sheet and marks the changed cells so it survives in the file", () => {
    const ws = wb.getWorksheet("KOSTRA-data")!;
    const head = (ws.getRow(1).values as unknown[]).slice(1);
    const at = (name: string) => head.indexOf(name) + 1;
    expect(head.slice(13, 16)).toEqual(["Forrige verdi", "Forrige SSB oppdatert", "Endret"]);
    let stavangerRow: ExcelJS.Row | undefined;
    let newYear: ExcelJS.Row | undefined;
    let marked = 0;
    ws.eachRow((row) => {
      const key = row.getCell(1).value;
      if (key === "kunstformidling|stavanger|2017") stavangerRow = row;
      if (key === "kunstformidling|stavanger|2018") newYear = row;
      if (row.getCell(at("Endret")).value && row.number > 1) marked++;
    });
    expect(marked).toBe(2);
    const r = stavangerRow!;
    expect([r.getCell(at("Verdi")).value, r.getCell(at("SSB oppdatert")).value, r.getCell(at("Forrige verdi")).value, r.getCell(at("Forrige SSB oppdatert")).value, r.getCell(at("Endret")).value]).toEqual([
      kunstBefore + 50,
      JUNE,
      kunstBefore,
      MARCH,
      "revidert",
    ]);
    // The mark: bold on a grey fill, on the value and on "Endret".
    for (const c of [r.getCell(at("Verdi")), r.getCell(at("Endret"))]) {
      expect(c.font?.bold).toBe(true);
      expect((c.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFBFBFBF");
    }
    expect(newYear!.getCell(at("Forrige verdi")).value ?? "").toBe("");
    expect(newYear!.getCell(at("Endret")).value ?? "").toBe("");
  });

  it("with the same figures: an empty list", async () => {
    const same = join(dir, "samme.xlsx");
    const r = await kostra("report", "--input", files.march, "--previous", files.march, "--sector", "plan-miljo-kultur", "--municipality", "0219", "--year", "2017", "--out", same, "--lang", "en");
    expect(r.code).toBe(0);
    expect(r.err).toMatch(`No figure has changed since SSB's figures updated ${MARCH} (see the sheet “Changes”).`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(same) as unknown as ArrayBuffer);
    expect(book.getWorksheet("Changes")!.getCell("A3").value).toBe("No figure has changed since the previous fetch.");
  });

  it.each([
    ["a file that is not a data file", "text.json", "ikke json", /text\.json/],
    ["a fetched file with a damaged figure", "damaged.json", '{"format":"kostra-benchmark/observations","observations":[{"value":"mye"}]}', /damaged\.json/],
  ])("refuses %s as --previous with exit 2 and writes nothing", async (_what, name, content, named) => {
    const previous = join(dir, name);
    writeFileSync(previous, content);
    const target = join(dir, `${name}.xlsx`);
    for (const lang of ["nb", "en"]) {
      const r = await kostra("report", "--input", files.june, "--previous", previous, "--sector", "plan-miljo-kultur", "--municipality", "0219", "--year", "2017", "--out", target, "--lang", lang);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(named);
      expect(existsSync(target)).toBe(false);
    }
  });

  it("refuses --threshold without --previous", async () => {
    const r = await kostra("report", "--input", files.june, "--sector", "plan-miljo-kultur", "--municipality", "0219", "--year", "2017", "--threshold", "2", "--out", join(dir, "t.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--threshold gjelder endringene og trenger --previous/);
  });
});
