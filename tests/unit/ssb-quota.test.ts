/**
 * Two templates loading at once share SSB's quota: with a fake clock and a fetch that
 * answers from the synthetic world, no 60-second window ever holds more than 30
 * request starts, and both loads complete. Every municipality over six years, with SSB's
 * cell limit at the lowest the product accepts from /config, makes each load split into
 * many requests (GET, or POST where the address would be too long).
 */
import { templateById, templateIndicators } from "../../src/kostra/catalog";
import { MIN_SSB_CELLS_PER_REQUEST } from "../../src/kostra/limits";
import { isAggregate, MUNICIPALITIES } from "../../src/kostra/municipalities";
import { SsbClient } from "../../src/sources/ssb/client";
import { loadFromSsb } from "../../src/sources/ssb/load";
import { resetSharedRateLimiters } from "../../src/sources/ssb/rate-limiter";
import { FakeClock, settle } from "../support/fake-clock";
import { worldDataset, worldMetadata } from "../support/pxweb-world";

const BASE = "https://ssb.example/api/pxwebapi/v2";

function worldFetch(clock: FakeClock, starts: number[]): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    starts.push(clock.now());
    if (url.pathname.endsWith("/config")) {
      // A small cell limit makes each template's load split into many requests.
      return new Response(JSON.stringify({ maxDataCells: MIN_SSB_CELLS_PER_REQUEST, maxCallsPerTimeWindow: 30, timeWindow: 60 }), { status: 200 });
    }
    const metadataOf = /\/tables\/([^/]+)\/metadata$/.exec(url.pathname)?.[1];
    if (metadataOf) return new Response(JSON.stringify(worldMetadata(metadataOf, { world: "catalog" })), { status: 200 });
    const table = /\/tables\/([^/]+)\/data/.exec(url.pathname)![1];
    const selection: Record<string, string[]> = {};
    for (const [k, v] of url.searchParams) {
      const dim = /^valueCodes\[(.+)\]$/.exec(k)?.[1];
      if (dim) selection[dim] = v.split(",");
    }
    if (typeof init?.body === "string")
      for (const s of (JSON.parse(init.body) as { selection: { variableCode: string; valueCodes: string[] }[] }).selection) selection[s.variableCode] = s.valueCodes;
    return new Response(JSON.stringify(worldDataset(table, selection, { world: "catalog" })), { status: 200 });
  }) as unknown as typeof fetch;
}

it("never starts more than 30 requests in any 60-second window across two concurrent template loads", async () => {
  resetSharedRateLimiters();
  const clock = new FakeClock();
  const starts: number[] = [];
  const fetchFn = worldFetch(clock, starts);
  // Two clients for the same SSB address share one limiter, as two panes in one Excel would.
  const a = new SsbClient({ baseUrl: BASE, fetch: fetchFn, clock });
  const b = new SsbClient({ baseUrl: BASE, fetch: fetchFn, clock });
  expect(a.limiter).toBe(b.limiter);
  const ys = [2015, 2016, 2017, 2018, 2019, 2020];
  const municipalities = MUNICIPALITIES.filter((m) => !isAggregate(m));
  const pmk = loadFromSsb({ indicators: templateIndicators(templateById("plan-miljo-kultur")!), municipalities, years: ys, weighted: false }, { client: a });
  const tt = loadFromSsb({ indicators: templateIndicators(templateById("tekniske-tjenester")!), municipalities, years: ys, weighted: false }, { client: b });
  let finished = 0;
  const both = Promise.all([pmk, tt]).finally(() => (finished = 1));
  for (let i = 0; i < 10_000 && !finished; i++) {
    await settle();
    if (!finished && clock.pending > 0) await clock.advanceTo(clock.nextDue()!);
  }
  const [r1, r2] = await both;

  expect(starts.length).toBeGreaterThan(60);
  // More than 60 requests can only have been spread over more than two minutes.
  expect(Math.max(...starts) - Math.min(...starts)).toBeGreaterThanOrEqual(120_000);
  for (const t of starts) expect(starts.filter((s) => s >= t && s < t + 60_000).length).toBeLessThanOrEqual(30);
  expect(r1.complete).toBe(true);
  // Road cost per km loads as its series (12362's f332 gross, 11814's km): nothing missing.
  expect([r2.complete, r2.missing]).toEqual([true, []]);
  expect(r2.dataset.observations.find((o) => o.indicator === "km-kommunale-veier" && o.municipality === "baerum" && o.year === 2017)?.value).toBe(367.0677054978);
  expect(r1.dataset.observations.find((o) => o.indicator === "kunstformidling" && o.municipality === "baerum" && o.year === 2017)?.value).toBe(141);
  expect(r2.dataset.observations.find((o) => o.indicator === "idrett" && o.municipality === "baerum" && o.year === 2017)?.value).toBe(122);
});
