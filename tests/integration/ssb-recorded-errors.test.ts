/**
 * SSB's real error bodies (tests/fixtures/ssb-recorded/spike-12134-klass131-errors-2026-04-25.json,
 * recorded from PxWebApi 2 on 2026-04-25) replayed by the local PxWebApi 2 server: `kostra
 * fetch` ends with exit 3 and tells the user, in Norwegian or English, which table failed
 * and what the query asked for, although SSB's body names neither. The --out file is not written.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FetchIo } from "../../src/cli/fetch";
import { main } from "../../src/cli/main";
import { resetSharedRateLimiters } from "../../src/sources/ssb/rate-limiter";
import { startPxWebServer, type LoggedRequest, type PxWebServer } from "../support/pxweb-server";

const LOG = JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "ssb-recorded", "spike-12134-klass131-errors-2026-04-25.json"), "utf8")) as {
  errors: { label: string; snippet: string }[];
};
const ssbBody = (label: string): string => LOG.errors.find((e) => e.label === label)!.snippet;

const dir = mkdtempSync(join(tmpdir(), "kostra-ssb-errors-"));
let server: PxWebServer;
beforeAll(async () => {
  server = await startPxWebServer();
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => resetSharedRateLimiters());

async function fetchPmk(lang: "nb" | "en", out: string): Promise<{ code: number; err: string }> {
  let err = "";
  const io: FetchIo = { out: () => undefined, err: (t) => (err += t), readFile: (p) => readFileSync(p) };
  const args = ["fetch", "--sector", "plan-miljo-kultur", "--years", "2017", "--municipality", "0219", "--network", "none", "--no-cache", "--lang", lang];
  const code = await main([...args, "--base-url", server.baseUrl, "--out", out], io);
  return { code, err };
}

const data12362 = (r: LoggedRequest) => r.path === "/tables/12362/data";

describe("kostra fetch with SSB's real error bodies", () => {
  it.each([
    ["Non-existent table", 404, "ugyldig tabell-ID", /SSB finner ikke tabell 12362\. Den kan være lagt ned eller fått nytt nummer/, /SSB cannot find table 12362\./],
    ["Non-existent table", 400, "ugyldig tabell-ID", /SSB finner ikke tabell 12362\./, /SSB cannot find table 12362\./],
    [
      "Non-existent value",
      400,
      "ugyldig kommune-kode",
      /Tabell 12362 hos SSB har ikke en av kodene spørringen ba om \(KOKkommuneregion0000: [^)]*0219[^)]*Tid: 2017\); SSB sier ikke hvilken/,
      /SSB's table 12362 lacks one of the codes the query asked for \(KOKkommuneregion0000: [^)]*0219/,
    ],
    [
      "Missing selection for mandantory variable",
      400,
      "manglende mandatory",
      /Tabell 12362 hos SSB krever et valg i en variabel spørringen ikke valgte \(den valgte KOKkommuneregion0000, [^)]*\)\. Malen mangler en dimensjon/,
      /SSB's table 12362 requires a choice in a variable the query did not choose/,
    ],
  ])("%s (HTTP %i): exit 3, the table and the query named, nothing written", async (_title, status, label, nb, en) => {
    for (const [lang, words] of [["nb", nb], ["en", en]] as const) {
      const out = join(dir, `${label}-${status}-${lang}.json`);
      const before = server.requests.length;
      server.failNext(1, { status, body: ssbBody(label), contentType: "application/problem+json; charset=utf-8" }, data12362);
      const r = await fetchPmk(lang, out);
      expect([r.code, r.err]).toEqual([3, expect.stringMatching(words)]);
      expect(r.err).not.toMatch(/uventet feil|unexpected error/i);
      expect(existsSync(out)).toBe(false);
      // SSB's refusal is final: the request is not retried.
      expect(server.requests.slice(before).filter(data12362)).toHaveLength(1);
    }
  });
});
