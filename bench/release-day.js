/**
 * Release day (15 March, 08:00): every economist of every finance department refreshes
 * all sector templates at once. Simulated with the local PxWebApi 2 test server (SYNTHETIC
 * tables, catalog world) as SSB, which enforces SSB's limit — 30 requests per window per
 * address — with one server per department (SSB counts per address, and a department sits
 * behind one); each economist is the product's own client (SsbClient + loadFromSsb) with
 * its own rate limiter, as on their own machines.
 *
 * Time is scaled: SSB's window of 60 s is 2 s here (TIME_SCALE = 30), so one real second
 * is half a simulated minute; the product's retry backoff is scaled the same way, and the
 * shared cache's limit toward SSB is 30 per 2 s. Reported in simulated minutes.
 *
 * Without the cache: the department's economists ask SSB directly. With it: they ask the
 * department's nginx cache (deploy/nginx/, rendered by render.js), which asks SSB once per
 * distinct query and keeps SSB's limit.
 *
 *   node bench/release-day.js          prints the result as JSON (bench/run.js group "proxy")
 */
"use strict";
const path = require("path");

const BUILD = path.join(__dirname, "..", "build", "bench");
const DEPARTMENTS = Number(process.env.BENCH_DEPARTMENTS || 3);
const ECONOMISTS = Number(process.env.BENCH_ECONOMISTS || 5);
const WINDOW_SECONDS = 2;
const TIME_SCALE = 60 / WINDOW_SECONDS;
const YEARS = [2023, 2024];

async function economist(baseUrl, request, unavailable) {
  const { SsbClient } = require(path.join(BUILD, "src/sources/ssb/client"));
  const { RateLimiter } = require(path.join(BUILD, "src/sources/ssb/rate-limiter"));
  const { loadFromSsb } = require(path.join(BUILD, "src/sources/ssb/load"));
  // Own machine, own limiter (set from /config: 30 per window); backoff scaled like time.
  const client = new SsbClient({ baseUrl, backoffMs: Math.round(2000 / TIME_SCALE), timeoutMs: 20_000, limiter: new RateLimiter({ maxCalls: 30, windowMs: WINDOW_SECONDS * 1000 }) });
  const t0 = Date.now();
  try {
    const r = await loadFromSsb(request, { client, policy: "network-only" });
    // Complete: nothing missing but what no load can fetch live (tables not confirmed yet).
    const failed = r.missing.filter((m) => !unavailable.has(m.indicator));
    return { ms: Date.now() - t0, complete: failed.length === 0, failedParts: failed.length, error: null };
  } catch (e) {
    return { ms: Date.now() - t0, complete: false, failedParts: null, error: String(e && e.message ? e.message : e).slice(0, 200) };
  }
}

async function department(withCache, request, unavailable) {
  const { startPxWebServer } = require(path.join(BUILD, "tests/support/pxweb-server"));
  const { startNginx } = require(path.join(BUILD, "tests/support/nginx"));
  const ssb = await startPxWebServer({ world: "catalog", enforceRateLimit: true, maxCallsPerTimeWindow: 30, timeWindow: WINDOW_SECONDS });
  let cache;
  try {
    if (withCache) cache = await startNginx(new URL(ssb.baseUrl).origin, { "ssb-rate": `${30 / WINDOW_SECONDS}r/s` });
    const baseUrl = cache ? cache.baseUrl : ssb.baseUrl;
    const t0 = Date.now();
    const loads = await Promise.all(Array.from({ length: ECONOMISTS }, () => economist(baseUrl, request, unavailable)));
    return {
      ssbRequests: ssb.requests.length,
      msToAllProfiles: Date.now() - t0,
      completeLoads: loads.filter((l) => l.complete).length,
      errors: loads.map((l) => l.error).filter(Boolean),
      loads,
    };
  } finally {
    await cache?.stop();
    await ssb.close();
  }
}

async function releaseDay() {
  const { SECTOR_TEMPLATES, templateIndicators } = require(path.join(BUILD, "src/kostra/catalog"));
  const { municipalityById } = require(path.join(BUILD, "src/kostra/municipalities"));
  const { networkById, networkMembers } = require(path.join(BUILD, "src/kostra/networks"));
  const ids = new Set();
  for (const y of YEARS) for (const id of networkMembers(networkById("asss"), y)) ids.add(id);
  const indicators = [...new Map(SECTOR_TEMPLATES.flatMap((t) => templateIndicators(t)).map((i) => [i.id, i])).values()];
  const request = { indicators, municipalities: [...ids].map(municipalityById), years: YEARS, weighted: true };
  const { planLoad } = require(path.join(BUILD, "src/sources/ssb/planner"));
  const plan = planLoad(request, { baseUrl: "https://data.ssb.no/api/pxwebapi/v2", lang: "no", maxDataCells: 800_000 });
  // Indicators whose SSB table is not confirmed: never fetched live, in any run.
  const unavailable = new Set(plan.unavailable.map((u) => u.indicator));
  const run = async (withCache) => {
    const departments = await Promise.all(Array.from({ length: DEPARTMENTS }, () => department(withCache, request, unavailable)));
    const minutes = (ms) => Math.round((ms / 1000 / 60) * TIME_SCALE * 10) / 10;
    return {
      ssbRequestsPerDepartment: departments.map((d) => d.ssbRequests),
      ssbRequestsTotal: departments.reduce((n, d) => n + d.ssbRequests, 0),
      minutesToAllProfiles: minutes(Math.max(...departments.map((d) => d.msToAllProfiles))),
      minutesPerDepartment: departments.map((d) => minutes(d.msToAllProfiles)),
      completeLoads: departments.reduce((n, d) => n + d.completeLoads, 0),
      loads: DEPARTMENTS * ECONOMISTS,
      errors: [...new Set(departments.flatMap((d) => d.errors))],
    };
  };
  const direct = await run(false);
  const cached = await run(true);
  return {
    name: "release-day-proxy",
    description:
      `Release day: ${DEPARTMENTS} departments × ${ECONOMISTS} economists load every sector template's indicators (${indicators.length}) for the ASSS network, ${YEARS.join("–")}, at once, ` +
      "each economist the product's own client with its own rate limiter; SSB is the local PxWebApi 2 test server (SYNTHETIC tables) enforcing 30 requests per window per department's address; " +
      `time scaled ×${TIME_SCALE} (SSB's 60 s window is ${WINDOW_SECONDS} s), reported in simulated minutes; with and without the department's nginx cache (deploy/nginx/)`,
    departments: DEPARTMENTS,
    economistsPerDepartment: ECONOMISTS,
    indicators: indicators.length,
    timeScale: TIME_SCALE,
    withoutCache: direct,
    withCache: cached,
    target: "with the cache: every economist's load complete, and SSB asked at most once per distinct request per department (no more than one economist's load)",
    targetMet: cached.completeLoads === cached.loads && cached.ssbRequestsPerDepartment.every((n) => n <= Math.ceil(direct.ssbRequestsTotal / DEPARTMENTS / ECONOMISTS) + 2),
  };
}

module.exports = { releaseDay };

if (require.main === module) releaseDay().then((r) => console.log(JSON.stringify(r, null, 1)), (e) => { console.error(e); process.exit(1); });
