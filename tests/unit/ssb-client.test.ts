/**
 * The client's retry, timeout, cancel and error wording with a scripted fetch and a
 * fake clock (no real waiting). The same behaviours over real HTTP are in
 * tests/integration/ssb-load.test.ts.
 */
import { SsbClient } from "../../src/sources/ssb/client";
import { RateLimiter } from "../../src/sources/ssb/rate-limiter";
import { SsbError } from "../../src/sources/ssb/types";
import { driveClock } from "../support/clock-drive";
import { FakeClock, settle } from "../support/fake-clock";

type Step = { status: number; body?: string; headers?: Record<string, string> } | "drop" | "hang";

function scripted(steps: Step[]) {
  const calls: string[] = [];
  const fetchFn = (async (url: string, init?: RequestInit) => {
    calls.push(url);
    const step = steps.shift() ?? { status: 200, body: "{}" };
    if (step === "drop") throw new TypeError("fetch failed");
    if (step === "hang") {
      return new Promise((_, reject) => init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))));
    }
    return new Response(step.body ?? "", { status: step.status, headers: step.headers });
  }) as unknown as typeof fetch;
  return { fetchFn, calls };
}

const problem = (status: number, title: string, detail: string) => ({
  status,
  body: JSON.stringify({ type: "about:blank", title, status, detail }),
  headers: { "Content-Type": "application/problem+json" },
});

function client(steps: Step[], extra: Partial<ConstructorParameters<typeof SsbClient>[0]> = {}) {
  const clock = new FakeClock();
  const { fetchFn, calls } = scripted(steps);
  const c = new SsbClient({
    baseUrl: "https://data.ssb.no/api/pxwebapi/v2",
    fetch: fetchFn,
    clock,
    limiter: new RateLimiter({ maxCalls: 30, windowMs: 60_000 }, clock),
    ...extra,
  });
  return { c, clock, calls };
}

/** Run a request to completion while the fake clock jumps over every wait. */
const run = <T>(clock: FakeClock, p: Promise<T>): Promise<T> => driveClock(clock, p);

async function errorOf(clock: FakeClock, p: Promise<unknown>): Promise<SsbError> {
  try {
    await run(clock, p);
  } catch (e) {
    if (e instanceof SsbError) return e;
    throw e;
  }
  throw new Error("expected an SsbError");
}

const URL = "https://data.ssb.no/api/pxwebapi/v2/tables/12362/data?x";

describe("SSB client", () => {
  it("retries a 429 after SSB's Retry-After and pauses the shared limiter", async () => {
    const { c, clock, calls } = client([{ status: 429, headers: { "Retry-After": "7" } }, { status: 200, body: "ok" }]);
    const start = clock.now();
    const res = await run(clock, c.request("GET", URL, undefined));
    expect(res.body).toBe("ok");
    expect(calls).toHaveLength(2);
    expect(clock.now() - start).toBeGreaterThanOrEqual(7000);
    expect(clock.sleeps).toContain(7000);
  });

  it("backs off exponentially on 503 and succeeds", async () => {
    const { c, clock, calls } = client([{ status: 503 }, { status: 503 }, { status: 200, body: "ok" }], { backoffMs: 1000 });
    await run(clock, c.request("GET", URL, undefined));
    expect(calls).toHaveLength(3);
    expect(clock.sleeps).toEqual(expect.arrayContaining([1000, 2000]));
  });

  it("gives up after the retries with a message saying what to do", async () => {
    const { c, clock, calls } = client(Array(10).fill({ status: 503 }), { maxRetries: 2 });
    const e = await errorOf(clock, c.request("GET", URL, undefined));
    expect(calls).toHaveLength(3);
    expect(e.kind).toBe("unavailable");
    expect(e.messageIn("nb")).toBe("SSB svarer ikke — prøv igjen, eller last inn en nedlastet fil.");
    const limited = client(Array(10).fill({ status: 429, headers: { "Retry-After": "1" } }), { maxRetries: 1 });
    const e2 = await errorOf(limited.clock, limited.c.request("GET", URL, undefined));
    expect(e2.kind).toBe("rate-limited");
    expect(e2.messageIn("nb")).toMatch(/30 i minuttet, delt med kolleger/);
  });

  it.each([
    ["400 unknown value", problem(400, "Bad Request", "Non-existent value 9999 for variable KOKkommuneregion0000"), "unknown-value", "SSB kjenner ikke verdien 9999 for variabelen KOKkommuneregion0000."],
    ["400 other", problem(400, "Bad Request", "Mandatory variable KOKart0000 not selected"), "bad-request", "SSB avviste spørringen: Bad Request: Mandatory variable KOKart0000 not selected."],
    ["403", problem(403, "Forbidden", "Too many cells selected"), "too-many-cells", "For mange celler — spørringen deles opp."],
    ["404", problem(404, "Not Found", "No such table"), "not-found", "SSB finner ikke tabell 12362."],
  ])("does not retry a %s answer", async (_, step, kind, message) => {
    const { c, clock, calls } = client([step as Step]);
    const e = await errorOf(clock, c.request("GET", URL, undefined));
    expect(calls).toHaveLength(1);
    expect(e.kind).toBe(kind);
    expect(e.messageIn("nb")).toContain(message);
    expect(e.status).toBe((step as { status: number }).status);
    expect(e.detail).toContain(String((step as { status: number }).status));
  });

  it("times out a request that never answers", async () => {
    const { c, clock } = client(["hang"], { timeoutMs: 5000 });
    const e = await errorOf(clock, c.request("GET", URL, undefined));
    expect(e.kind).toBe("timeout");
    expect(e.messageIn("nb")).toMatch(/SSB svarte ikke innen 5 sekunder/);
  });

  it("cancels on the caller's signal, also while waiting to retry", async () => {
    const controller = new AbortController();
    const { c, clock } = client([{ status: 503 }, { status: 200 }], { backoffMs: 60_000 });
    const p = c.request("GET", URL, undefined, controller.signal);
    await settle();
    controller.abort();
    const e = await errorOf(clock, p);
    expect(e.kind).toBe("cancelled");
    expect(e.messageIn("nb")).toBe("Hentingen fra SSB ble avbrutt.");
  });

  it("says offline when the device is offline, and blocked when SSB can't be reached", async () => {
    const off = client([{ status: 200 }], { isOnline: () => false });
    const e1 = await errorOf(off.clock, off.c.request("GET", URL, undefined));
    expect(e1.kind).toBe("offline");
    expect(off.calls).toHaveLength(0);

    const blocked = client(["drop", "drop", "drop"]);
    const e2 = await errorOf(blocked.clock, blocked.c.request("GET", URL, undefined));
    expect(e2.kind).toBe("blocked");
    expect(blocked.calls).toHaveLength(2); // one more try for a dropped connection, then the user is told
    expect(e2.messageIn("nb")).toMatch(/Fikk ikke kontakt med SSB.*mellomtjener/);
  });

  it("reads limits from /config and falls back to SSB's published ones", async () => {
    const ok = client([{ status: 200, body: JSON.stringify({ maxDataCells: 1000, maxCallsPerTimeWindow: 10, timeWindow: 10 }) }]);
    expect((await run(ok.clock, ok.c.config())).limits).toEqual({ maxDataCells: 1000, maxCallsPerTimeWindow: 10, timeWindowSeconds: 10 });
    expect(ok.c.limiter.limits).toEqual({ maxCalls: 10, windowMs: 10_000 });
    // SSB has reported 0/0 while enforcing its limit through headers: never read 0 as "no limit".
    const zero = client([{ status: 200, body: JSON.stringify({ maxDataCells: 800000, maxCallsPerTimeWindow: 0, timeWindow: 0 }) }]);
    expect((await run(zero.clock, zero.c.config())).limits).toEqual({ maxDataCells: 800_000, maxCallsPerTimeWindow: 30, timeWindowSeconds: 60 });
    const bad = client([{ status: 404 }]);
    const fallback = await run(bad.clock, bad.c.config());
    expect(fallback.limits).toEqual({ maxDataCells: 800_000, maxCallsPerTimeWindow: 30, timeWindowSeconds: 60 });
    expect(fallback.body).toBeUndefined(); // nothing to cache
    expect(fallback.problem?.kind).toBe("not-found");
  });
});

describe("a shared cache in front of SSB (deploy/nginx/)", () => {
  const headersSent: Headers[] = [];
  const recording = (answerHeaders: Record<string, string>) =>
    (async (_url: string, init?: RequestInit) => {
      headersSent.push(new Headers(init?.headers));
      return new Response('{"ok":true}', { status: 200, headers: answerHeaders });
    }) as unknown as typeof fetch;
  const req = (tableUpdated?: string) => ({ query: { table: "12362", selection: {} }, method: "GET" as const, url: URL, cells: 1, ...(tableUpdated === undefined ? {} : { tableUpdated }) });
  beforeEach(() => headersSent.splice(0));

  it("names the table's `updated` only once the address has said it is the shared cache", async () => {
    const clock = new FakeClock();
    const c = new SsbClient({ baseUrl: "https://ssb-cache.kommune.no/api/pxwebapi/v2", fetch: recording({ "X-Kostra-Cache": "MISS" }), clock, limiter: new RateLimiter({ maxCalls: 30, windowMs: 60_000 }, clock) });
    await run(clock, c.send(req("2026-03-15T07:00:00Z")));
    await run(clock, c.send(req("2026-03-15T07:00:00Z")));
    expect(headersSent.map((h) => h.get("X-Kostra-Table-Updated"))).toEqual([null, "2026-03-15T07:00:00Z"]);
    expect(c.behindSharedCache).toBe(true);
  });

  it("never sends it to SSB itself, nor a value that is not plain printable text", async () => {
    const clock = new FakeClock();
    const direct = new SsbClient({ fetch: recording({}), clock, limiter: new RateLimiter({ maxCalls: 30, windowMs: 60_000 }, clock) });
    await run(clock, direct.send(req("2026-03-15T07:00:00Z")));
    await run(clock, direct.send(req("2026-03-15T07:00:00Z")));
    const cached = new SsbClient({ baseUrl: "https://ssb-cache.kommune.no/api/pxwebapi/v2", fetch: recording({ "X-Kostra-Cache": "HIT" }), clock, limiter: new RateLimiter({ maxCalls: 30, windowMs: 60_000 }, clock) });
    await run(clock, cached.send(req()));
    for (const hostile of ["2026\r\nX-Evil: 1", "å", "x".repeat(101), ""]) await run(clock, cached.send(req(hostile)));
    expect(headersSent.map((h) => h.get("X-Kostra-Table-Updated"))).toEqual([null, null, null, null, null, null, null]);
  });
});
