/**
 * `kostra fetch` against the local PxWebApi 2 server, then `kostra profile --input` on
 * the file it wrote: the profile must equal the one computed from the server's data
 * directly. The CLI runs as a child process (`npm test` builds it first).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { benchmark, defaultOptions } from "../../src/kostra/benchmark";
import { mergeDatasets } from "../../src/kostra/dataset";
import { readDataFile } from "../../src/sources/file";
import { startPxWebServer, type PxWebServer } from "../support/pxweb-server";
import { worldDataset } from "../support/pxweb-world";

const ROOT = join(__dirname, "..", "..");

function kostra(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, "bin", "kostra.js"), ...args], { cwd: ROOT, encoding: "utf8" }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, out: stdout, err: stderr });
    });
  });
}

let server: PxWebServer;
const dir = mkdtempSync(join(tmpdir(), "kostra-fetch-"));
beforeAll(async () => {
  server = await startPxWebServer();
});
afterAll(async () => {
  await server.close();
});

describe("kostra fetch", () => {
  it("writes observations with provenance that kostra profile --input turns into the same profile as the server's data", async () => {
    const out = join(dir, "pmk.json");
    const r = await kostra(["fetch", "--sector", "plan-miljo-kultur", "--years", "2015-2017", "--municipality", "0219", "--base-url", server.baseUrl, "--no-cache", "--out", out]);
    expect(r.err).toMatch(/Henter tabell 12362 fra SSB \(forespørsel 1 av 1\)/);
    expect(r.code).toBe(0);
    const file = JSON.parse(readFileSync(out, "utf8"));
    expect(file.format).toBe("kostra-benchmark/observations");
    expect(file.provenance[0]).toMatchObject({ source: "ssb", table: "12362" });
    expect(server.requests.filter((q) => q.path.endsWith("/data"))).toHaveLength(1);

    const fromFile = await kostra(["profile", "--input", out, "--sector", "plan-miljo-kultur", "--municipality", "0219", "--year", "2016", "--format", "json"]);
    expect(fromFile.code).toBe(0);

    // The same profile straight from the server's data (the whole table as one json-stat2 dataset).
    const world = readDataFile(new TextEncoder().encode(JSON.stringify(worldDataset("12362"))), "world.json").dataset;
    const direct = benchmark(mergeDatasets([world]), defaultOptions("plan-miljo-kultur", "0219", 2016));
    const rows = JSON.parse(fromFile.out).rows;
    expect(rows.map((x: { value: number }) => x.value)).toEqual(direct.rows.map((x) => x.value));
    // Averaged as KS (weighted by population): the population KOSTRA divided by is read from the
    // largest amount cell of the answer, and the whole table has larger cells than the fetched
    // functions, so the two populations differ by SSB's rounding of kroner per inhabitant.
    rows.forEach((x: { average: number; index: number }, i: number) => {
      expect(Math.abs(x.average / direct.rows[i].average! - 1)).toBeLessThan(1e-5);
      expect(Math.abs(x.index / direct.rows[i].index! - 1)).toBeLessThan(1e-5);
    });
    // Averaged simply, the file gives exactly the server's profile.
    const simple = await kostra(["profile", "--input", out, "--sector", "plan-miljo-kultur", "--municipality", "0219", "--year", "2016", "--average", "simple", "--format", "json"]);
    const directSimple = benchmark(mergeDatasets([world]), { ...defaultOptions("plan-miljo-kultur", "0219", 2016), average: "simple" });
    expect(JSON.parse(simple.out).rows.map((x: { average: number }) => x.average)).toEqual(directSimple.rows.map((x) => x.average));
    expect(JSON.parse(simple.out).rows.map((x: { index: number }) => x.index)).toEqual(directSimple.rows.map((x) => x.index));
    expect(rows.map((x: { highest: { municipality: { name: string } } }) => x.highest.municipality.name)).toEqual(direct.rows.map((x) => x.highest!.municipality.name));
  });

  it("uses its file cache on a second run", async () => {
    const cacheDir = join(dir, "cache");
    const args = ["fetch", "--sector", "tekniske-tjenester", "--years", "2017", "--base-url", server.baseUrl, "--cache-dir", cacheDir, "--allow-partial", "--out", join(dir, "tt.json")];
    const first = await kostra(args);
    expect(first.code).toBe(0);
    // Road cost per km is fetched as its series, road length from 11814 among them.
    expect(first.err).toMatch(/Henter tabell 11814 fra SSB/);
    expect(first.err).not.toMatch(/mangler:/);
    const before = server.requests.length;
    const second = await kostra(args);
    expect(second.code).toBe(0);
    expect(second.err).toMatch(/fra hurtigbuffer, hentet/);
    expect(server.requests.length - before).toBe(0); // nothing: data and /config come from the cache
  });

  it("speaks English under --lang en: progress, the cache, what is missing and the result", async () => {
    const cacheDir = join(dir, "cache-en");
    const args = ["fetch", "--sector", "tekniske-tjenester", "--years", "2017", "--base-url", server.baseUrl, "--cache-dir", cacheDir, "--allow-partial", "--out", join(dir, "tt-en.json"), "--lang", "en"];
    server.failNext(1, { status: 404, problem: { title: "Non-existent table" } }, (q) => q.path === "/tables/11814/data");
    const first = await kostra(args);
    expect(first.code).toBe(0);
    expect(first.err).toMatch(/^\[1\/\d+\] Fetching table \d+ from SSB/m);
    expect(first.err).toMatch(/^missing: km-kommunale-veier 2017: /m);
    expect(first.err).toMatch(/^wrote \d+ observations to .*tt-en\.json \(\d+ requests to SSB\)$/m);
    const second = await kostra(args);
    expect(second.err).toMatch(/^table \d+: from the cache, fetched /m);
    for (const r of [first, second]) expect(r.err).not.toMatch(/Henter|advarsel|mangler|skrev|hurtigbuffer|forespørsel/);
  });

  it("writes nothing when the load is incomplete, unless asked to", async () => {
    const out = join(dir, "partial.json");
    // SSB does not know the road-length table: road cost per km cannot be loaded, the rest can.
    server.failNext(1, { status: 404, problem: { title: "Non-existent table" } }, (q) => q.path === "/tables/11814/data");
    const r = await kostra(["fetch", "--sector", "tekniske-tjenester", "--years", "2017", "--base-url", server.baseUrl, "--no-cache", "--out", out]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/mangler: km-kommunale-veier 2017: /);
    expect(r.err).toMatch(/ikke fullstendig .* ingen fil skrevet/);
    expect(existsSync(out)).toBe(false);
  });

  it("warns about the years a table lacks, writes the rest and exits 0", async () => {
    const catalog = await startPxWebServer({ world: "catalog" });
    try {
      const out = join(dir, "var.json");
      // The 2025 fee is 12842's 1 January 2026, which the table does not have yet; 12362 has 2025.
      const r = await kostra(["fetch", "--sector", "var", "--years", "2024-2025", "--municipality", "0219", "--network", "none", "--base-url", catalog.baseUrl, "--no-cache", "--out", out]);
      expect(r.code).toBe(0);
      expect(r.err).toMatch(/^advarsel: arsgebyr-vann 2025: Tabell 12842 har ikke 2026$/m);
      expect(r.err).not.toMatch(/^mangler:/m);
      const file = JSON.parse(readFileSync(out, "utf8"));
      expect(file.missing).toContainEqual({ indicator: "arsgebyr-vann", years: [2025], reason: { nb: "Tabell 12842 har ikke 2026", en: "Table 12842 has no 2026" } });
      const years = (indicator: string) => [...new Set(file.observations.filter((o: { indicator: string }) => o.indicator === indicator).map((o: { year: number }) => o.year))].sort();
      expect(years("arsgebyr-vann")).toEqual([2024]);
      expect(years("var-andel-brutto")).toEqual([2024, 2025]);
    } finally {
      await catalog.close();
    }
  });

  it("exits 3 with a clear message when SSB cannot be reached, and 2 on bad arguments", async () => {
    const down = await kostra(["fetch", "--sector", "plan-miljo-kultur", "--years", "2017", "--base-url", "http://127.0.0.1:9/api/pxwebapi/v2", "--no-cache", "--timeout", "5", "--out", join(dir, "x.json")]);
    expect(down.code).toBe(3);
    expect(down.err).toMatch(/kostra: Fikk ikke kontakt med SSB/);
    expect(down.err).not.toMatch(/\bat .*\.js:\d+/);
    const bad = await kostra(["fetch", "--sector", "plan-miljo-kultur", "--years", "17", "--out", join(dir, "x.json")]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--years må være årstall/);
  });
});
