/**
 * `kostra catalog --live --record`: every catalog table's metadata asked from the (local,
 * SYNTHETIC) PxWebApi 2 server, saved marked with where and when it was recorded, and
 * the saved files read back with --metadata. The local world says its figures are
 * synthetic, so its metadata checks selectors but never counts as verified.
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { INDICATORS } from "../../src/kostra/catalog";
import { CATALOG_TABLES, catalogServerForSuite } from "../support/catalog-recording";
import { startPxWebServer } from "../support/pxweb-server";

async function kostra(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const now = () => new Date("2026-11-27T09:00:00Z");
  const code = await main(args, { out: (t) => void (out += t), err: (t) => void (err += t), readFile: (p) => readFileSync(p), now });
  return { code, out, err };
}

describe("kostra catalog --live --record", () => {
  const catalogServer = catalogServerForSuite();

  it("asks for each table once, saves what the server answered with its address, and reads it back", async () => {
    const server = catalogServer();
    const dir = mkdtempSync(join(tmpdir(), "kostra-record-"));
    const tables = CATALOG_TABLES;
    const live = await kostra("catalog", "--live", "--base-url", server.baseUrl, "--record", dir, "--format", "json");
    expect([live.code, live.out]).toEqual([0, expect.any(String)]);
    expect(server.requests.filter((r) => /\/metadata$/.test(r.path)).map((r) => r.path.split("/")[2]).sort()).toEqual(tables);
    expect(readdirSync(dir).sort()).toEqual(tables.map((t) => `${t}.json`));
    const saved = JSON.parse(readFileSync(join(dir, "12362.json"), "utf8"));
    expect(saved.extension.kostraBenchmark).toEqual({
      provenance: "recorded",
      recordedFrom: `${server.baseUrl}/tables/12362/metadata?lang=no`,
      recordedAt: "2026-11-27T09:00:00.000Z",
    });
    const again = await kostra("catalog", "--metadata", dir, "--format", "json");
    expect(again.code).toBe(0);
    const report = JSON.parse(again.out) as { sectors: { verified: number; problems: number }[] };
    // Every selector fits the server's tables; none is verified, as the server says it is synthetic.
    expect(report.sectors.every((s) => s.problems === 0 && s.verified === 0)).toBe(true);
    // The recording read back says what the live answers said, table for table.
    expect(JSON.parse(again.out)).toEqual(JSON.parse(live.out));
  });

  it("says which file is not JSON and which path is missing", async () => {
    const missing = await kostra("catalog", "--metadata", "/nonexistent/kostra");
    expect([missing.code, missing.err]).toEqual([2, expect.stringMatching(/finner ikke \/nonexistent\/kostra/)]);
    const empty = await kostra("catalog", "--metadata", mkdtempSync(join(tmpdir(), "kostra-empty-")));
    expect([empty.code, empty.err]).toEqual([2, expect.stringMatching(/har ingen \.json-filer med metadata/)]);
    const both = await kostra("catalog", "--live", "--metadata", "x");
    expect([both.code, both.err]).toEqual([2, expect.stringMatching(/bruk enten --metadata/)]);
  });
});

describe("kostra catalog --live against a server that lacks tables", () => {
  it("checks what it can and names the tables SSB does not know, with their indicators (exit 2)", async () => {
    const classic = await startPxWebServer({ maxCallsPerTimeWindow: 1000 });
    try {
      const r = await kostra("catalog", "--live", "--base-url", classic.baseUrl);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/SSB kjenner ikke tabell 12279/);
      expect(r.err).toMatch(/feil: SSB kjenner ikke tabell 12279 \(brukt av barnevern-/);
      // 12362, 12842, 11814 and 07459 exist there: their indicators are still checked; every catalog indicator is counted.
      expect(r.out).toMatch(new RegExp(`^Sum\\s+${INDICATORS.filter((i) => i.sector).length}\\s`, "m"));
      expect(r.err).not.toMatch(/SSB kjenner ikke tabell (12362|12842|11814|07459)\b/);
    } finally {
      await classic.close();
    }
  });
});
