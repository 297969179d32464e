/**
 * `kostra fetch` for Hå (1119), whose KOSTRA group the shipped snapshot does not know:
 * the fetch reads the grouping from the local server's SYNTHETIC Klass, fetches the
 * group's published figures and saves the membership in the file, and `kostra profile
 * --input … --base kostragruppe` then works from the file alone. In-process; all data SYNTHETIC.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import type { FetchIo } from "../../src/cli/fetch";
import { clearKostraGroups, kostraGroupOf } from "../../src/kostra/registry/aggregates";
import { resetSharedRateLimiters } from "../../src/sources/ssb/rate-limiter";
import { KLASS_PATH, startPxWebServer, type PxWebServer } from "../support/pxweb-server";

async function kostra(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: FetchIo = { out: (t) => (out += t), err: (t) => (err += t), readFile: (p) => readFileSync(p), now: () => new Date("2026-02-01T10:00:00Z") };
  const code = await main(args, io);
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), "kostra-klass-"));
let server: PxWebServer;
afterEach(async () => {
  clearKostraGroups();
  resetSharedRateLimiters();
  await server?.close();
});

const FETCH = ["fetch", "--sector", "plan-miljo-kultur", "--years", "2020-2021", "--municipality", "1119", "--network", "none", "--no-cache"];
const PROFILE = ["profile", "--sector", "plan-miljo-kultur", "--municipality", "1119", "--year", "2021", "--network", "none", "--compare", "", "--format", "json"];

describe("kostra fetch and profile with the municipality's own KOSTRA group", () => {
  it("fetches Hå's grouping and its group's figures, and the file alone then answers --base kostragruppe", async () => {
    server = await startPxWebServer({ world: "catalog" });
    const out = join(dir, "ha.json");
    const f = await kostra(...FETCH, "--base", "kostragruppe", "--reference", "eakuo", "--base-url", server.baseUrl, "--out", out);
    expect(f.err).toMatch(/Henter KOSTRA-grupperingen fra SSB \(Klass\): 2020, 2021/);
    expect(f.code).toBe(0);
    expect(server.requests.filter((r) => r.path.startsWith(KLASS_PATH)).map((r) => r.query.date)).toEqual(["2020-01-01", "2021-01-01"]);

    const file = JSON.parse(readFileSync(out, "utf8"));
    expect(file.version).toBe(1);
    expect(file.kostraGroups.map((g: { year: number }) => g.year)).toEqual([2020, 2021]);
    expect(file.kostraGroups[1]).toMatchObject({ year: 2021, date: "2021-01-01", source: "SSB Klass 131→112, 2021-01-01", fetchedAt: "2026-02-01T10:00:00.000Z" });
    expect(file.kostraGroups[1].groups.ha).toBe("ekg07");
    // The group's published figures were fetched because the group became known.
    const ekg07 = file.observations.filter((o: { municipality: string; year: number }) => o.municipality === "ekg07" && o.year === 2021);
    expect(ekg07.length).toBeGreaterThan(0);

    // A new run knows nothing but the file.
    clearKostraGroups();
    expect(kostraGroupOf("ha", 2021)).toBeUndefined();
    const p = await kostra(...PROFILE, "--input", out, "--base", "kostragruppe", "--reference", "eakuo");
    expect(p.err).toBe("");
    expect(p.code).toBe(0);
    const json = JSON.parse(p.out);
    expect(json.base).toEqual({ id: "ekg07", code: "EKG07", name: "KOSTRA-gruppe 7" });
    expect(json.options).toMatchObject({ base: "ekg07", references: ["eakuo"] });
    const row = json.rows.find((r: { average: number | null }) => r.average !== null);
    const published = ekg07.find((o: { indicator: string }) => o.indicator === row.indicator.id);
    expect(row.average).toBe(published.value);
    expect(row.references[0].region.code).toBe("EAKUO");

    // The same through the workbook report.
    clearKostraGroups();
    const xlsx = join(dir, "ha.xlsx");
    const r = await kostra("report", "--input", out, "--sector", "plan-miljo-kultur", "--municipality", "1119", "--year", "2021", "--network", "none", "--base", "kostragruppe", "--out", xlsx);
    expect(r.code).toBe(0);
    expect(existsSync(xlsx)).toBe(true);

    // An older file (no kostraGroups) still reads, and then names what to do.
    clearKostraGroups();
    const old = join(dir, "old.json");
    const { kostraGroups: _dropped, ...rest } = file;
    expect(_dropped).toBeDefined();
    writeFileSync(old, JSON.stringify(rest));
    const q = await kostra(...PROFILE, "--input", old, "--base", "kostragruppe");
    expect(q.code).toBe(2);
    expect(q.err).toMatch(/KOSTRA-gruppe/);
    const named = await kostra(...PROFILE, "--input", old, "--base", "ekg07");
    expect(named.code).toBe(0);
  });

  it("asks Klass only for years the snapshot does not know, unless kostragruppe is asked for", async () => {
    server = await startPxWebServer({ world: "catalog" });
    const r = await kostra("fetch", "--sector", "plan-miljo-kultur", "--years", "2021", "--municipality", "0301", "--network", "none", "--no-cache", "--base-url", server.baseUrl, "--out", join(dir, "oslo.json"));
    expect(r.code).toBe(0);
    expect(server.requests.filter((x) => x.path.startsWith(KLASS_PATH))).toHaveLength(0);
    expect(JSON.parse(readFileSync(join(dir, "oslo.json"), "utf8")).kostraGroups).toBeUndefined();
  });

  it("warns and still writes the file when SSB has no grouping for a year", async () => {
    server = await startPxWebServer({ world: "catalog", klass: { years: [2021, 2026] } });
    const out = join(dir, "partial.json");
    const f = await kostra(...FETCH, "--base", "kostragruppe", "--base-url", server.baseUrl, "--out", out);
    expect(f.code).toBe(0);
    expect(f.err).toMatch(/advarsel: SSB har ingen KOSTRA-gruppering for 2020/);
    expect(f.err).toMatch(/advarsel: KOSTRA-gruppen til Hå i 2020 er ukjent; bruk --base ekgNN/);
    const file = JSON.parse(readFileSync(out, "utf8"));
    expect(file.kostraGroups.map((g: { year: number }) => g.year)).toEqual([2021]);
  });
});
