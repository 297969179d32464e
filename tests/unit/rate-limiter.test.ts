import { RateLimiter, rateLimitsFrom, resetSharedRateLimiters, sharedRateLimiter, DEFAULT_RATE_LIMITS } from "../../src/sources/ssb/rate-limiter";
import { DEFAULT_LIMITS } from "../../src/sources/ssb/types";
import { FakeClock, settle } from "../support/fake-clock";

const SSB = { maxCalls: 30, windowMs: 60_000 };
const BASE = "https://data.ssb.no/api/pxwebapi/v2";

interface Start {
  id: number;
  issuedAt: number;
  at: number;
}

/** Issues requests through a limiter and logs when each one was allowed to start. */
function recorder(limiter: RateLimiter, clock: FakeClock) {
  const log: Start[] = [];
  const outcomes: Promise<unknown>[] = [];
  let nextId = 0;
  const issue = (signal?: AbortSignal): Promise<void> => {
    const id = nextId++;
    const issuedAt = clock.now();
    const p = limiter.acquire(signal).then(() => {
      log.push({ id, issuedAt, at: clock.now() });
    });
    outcomes.push(p.catch(() => undefined));
    return p;
  };
  return { log, issue, outcomes };
}

/** The most starts that fall in any window [t, t + windowMs). */
function maxInAnyWindow(starts: number[], windowMs: number): number {
  const s = [...starts].sort((a, b) => a - b);
  let max = 0;
  for (let i = 0, j = 0; i < s.length; i++) {
    while (s[i] - s[j] >= windowMs) j++;
    max = Math.max(max, i - j + 1);
  }
  return max;
}

/** How many starts fall in the window (t − windowMs, t]. */
function startsInWindowEndingAt(starts: number[], t: number, windowMs: number): number {
  return starts.filter((s) => s > t - windowMs && s <= t).length;
}

/** A small deterministic generator, so a failing case can be replayed. */
function lcg(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}

afterEach(() => resetSharedRateLimiters());

describe("RateLimiter", () => {
  it("lets 30 requests start at once and holds the 31st until the first start + 60 s", async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const limiter = new RateLimiter(SSB, clock);
    const { log, issue } = recorder(limiter, clock);

    void issue();
    await clock.advance(5_000);
    for (let i = 0; i < 29; i++) void issue();
    await settle();
    expect(log.map((s) => s.at)).toEqual([t0, ...Array(29).fill(t0 + 5_000)]);
    expect(limiter.nextStartDelay()).toBe(55_000);

    void issue();
    void issue();
    await settle();
    expect(log).toHaveLength(30);
    expect(limiter.waitingCount).toBe(2);

    await clock.advance(54_999);
    expect(log).toHaveLength(30);
    await clock.advance(1);
    expect(log).toHaveLength(31);
    expect(log[30].at).toBe(t0 + 60_000);
    expect(limiter.nextStartDelay()).toBe(5_000);

    await clock.runAll();
    expect(log[31].at).toBe(t0 + 65_000);
    expect(limiter.waitingCount).toBe(0);
  });

  it.each([1, 2, 3, 42, 2024])("never lets more than 30 start in any 60 s window, and never waits longer than needed (seed %i)", async (seed) => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(SSB, clock);
    const { log, issue } = recorder(limiter, clock);
    const random = lcg(seed);

    let issued = 0;
    while (issued < 200) {
      const burst = Math.min(200 - issued, 1 + random(40));
      for (let i = 0; i < burst; i++) void issue();
      issued += burst;
      await clock.advance(random(4) === 0 ? 0 : random(45_000));
    }
    await clock.runAll();

    expect(log).toHaveLength(200);
    const starts = log.map((s) => s.at);
    expect(maxInAnyWindow(starts, SSB.windowMs)).toBeLessThanOrEqual(SSB.maxCalls);
    // First in, first out: starts come in the order the requests were issued.
    expect(log.map((s) => s.id)).toEqual([...Array(200).keys()]);
    for (let i = 1; i < log.length; i++) expect(log[i].at).toBeGreaterThanOrEqual(log[i - 1].at);
    // Exact, not merely safe: a request that waited could not have started 1 ms earlier.
    for (const s of log) {
      if (s.at > s.issuedAt) expect(startsInWindowEndingAt(starts, s.at - 1, SSB.windowMs)).toBeGreaterThanOrEqual(SSB.maxCalls);
    }
  });

  it("serves waiting callers first in, first out", async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ maxCalls: 2, windowMs: 1_000 }, clock);
    const order: string[] = [];
    for (const name of ["a", "b", "c", "d", "e", "f"]) void limiter.acquire().then(() => order.push(name));
    await settle();
    expect(order).toEqual(["a", "b"]);
    // A caller arriving while others wait queues behind them, even when it could start sooner.
    await clock.advance(1_000);
    void limiter.acquire().then(() => order.push("late"));
    await clock.runAll();
    expect(order).toEqual(["a", "b", "c", "d", "e", "f", "late"]);
  });

  it("rejects an aborted waiter with the signal's reason and gives its place to the next", async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const limiter = new RateLimiter(SSB, clock);
    const { log, issue } = recorder(limiter, clock);
    for (let i = 0; i < 30; i++) void issue();

    const controller = new AbortController();
    const reason = new Error("user cancelled");
    const waiting: Promise<void>[] = [];
    for (let i = 0; i < 31; i++) waiting.push(issue(i === 3 ? controller.signal : undefined));
    await settle();
    expect(limiter.waitingCount).toBe(31);

    controller.abort(reason);
    await expect(waiting[3]).rejects.toBe(reason);
    expect(limiter.waitingCount).toBe(30);

    // Without the aborted caller, all 30 left start when the first window ends.
    await clock.runAll();
    expect(log).toHaveLength(60);
    expect(log.slice(30).every((s) => s.at === t0 + 60_000)).toBe(true);
    expect(log.map((s) => s.id)).not.toContain(33);
  });

  it("rejects at once when the signal is already aborted, and ignores an abort after the start", async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ maxCalls: 1, windowMs: 1_000 }, clock);
    const controller = new AbortController();
    controller.abort();
    await expect(limiter.acquire(controller.signal)).rejects.toBe(controller.signal.reason);
    expect(limiter.nextStartDelay()).toBe(0); // no slot used

    const late = new AbortController();
    await expect(limiter.acquire(late.signal)).resolves.toBeUndefined();
    late.abort();
    expect(limiter.nextStartDelay()).toBe(1_000); // the start still counts
  });

  it("lets the pump go when every waiter has aborted, leaving no timer behind", async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ maxCalls: 1, windowMs: 60_000 }, clock);
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    await settle();
    expect(clock.pending).toBe(1);
    controller.abort();
    await expect(waiting).rejects.toBeDefined();
    await settle();
    expect(clock.pending).toBe(0);
  });

  it("pauseUntil holds back every caller, including ones that could start at once", async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const limiter = new RateLimiter(SSB, clock);
    const { log, issue } = recorder(limiter, clock);
    for (let i = 0; i < 5; i++) void issue();
    await settle();

    limiter.pauseUntil(t0 + 10_000);
    limiter.pauseUntil(t0 + 3_000); // a shorter pause does not cut the longer one
    expect(limiter.nextStartDelay()).toBe(10_000);
    for (let i = 0; i < 3; i++) void issue();
    await clock.advance(9_999);
    expect(log).toHaveLength(5);
    await clock.advance(1);
    expect(log.slice(5).map((s) => s.at)).toEqual([t0 + 10_000, t0 + 10_000, t0 + 10_000]);

    limiter.pauseUntil(t0 - 1); // a time already past changes nothing
    expect(limiter.nextStartDelay()).toBe(0);
  });

  it("pauseUntil while callers already wait for quota extends their wait", async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const limiter = new RateLimiter({ maxCalls: 1, windowMs: 1_000 }, clock);
    const { log, issue } = recorder(limiter, clock);
    void issue();
    void issue();
    await settle();
    limiter.pauseUntil(t0 + 30_000);
    await clock.runAll();
    expect(log.map((s) => s.at)).toEqual([t0, t0 + 30_000]);
  });

  it("setLimits applies at once: looser limits release waiters, tighter ones hold the next", async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const limiter = new RateLimiter({ maxCalls: 2, windowMs: 60_000 }, clock);
    const { log, issue } = recorder(limiter, clock);
    for (let i = 0; i < 5; i++) void issue();
    await settle();
    expect(log).toHaveLength(2);

    limiter.setLimits({ maxCalls: 4, windowMs: 60_000 });
    await settle();
    expect(log).toHaveLength(4);
    expect(log.every((s) => s.at === t0)).toBe(true);

    limiter.setLimits({ maxCalls: 1, windowMs: 60_000 });
    expect(limiter.limits).toEqual({ maxCalls: 1, windowMs: 60_000 });
    await clock.runAll();
    expect(log[4].at).toBe(t0 + 60_000);
  });

  it("setLimits with a longer window still counts the starts made under the shorter one", async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const limiter = new RateLimiter({ maxCalls: 2, windowMs: 10_000 }, clock);
    await limiter.acquire();
    await limiter.acquire();
    await clock.advance(20_000);
    limiter.setLimits({ maxCalls: 2, windowMs: 60_000 });
    expect(limiter.nextStartDelay()).toBe(40_000);
    expect(t0 + 60_000 - clock.now()).toBe(40_000);
  });

  it("plannedDelay tells each place in the queue when it will start", async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ maxCalls: 2, windowMs: 10_000 }, clock);
    for (let i = 0; i < 5; i++) void limiter.acquire();
    await settle();
    expect(limiter.waitingCount).toBe(3);
    expect([0, 1, 2, 3].map((p) => limiter.plannedDelay(p))).toEqual([10_000, 10_000, 20_000, 20_000]);
    expect(limiter.plannedDelay()).toBe(20_000); // a caller joining now
    limiter.pauseUntil(clock.now() + 15_000);
    expect([0, 1, 2, 3].map((p) => limiter.plannedDelay(p))).toEqual([15_000, 15_000, 25_000, 25_000]);
  });

  it("keeps working when the system clock is set back", async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ maxCalls: 1, windowMs: 60_000 }, clock);
    await limiter.acquire();
    const now = clock.now.bind(clock);
    let offset = 0;
    clock.now = () => now() + offset;
    offset = -3_600_000; // one hour back
    expect(limiter.nextStartDelay()).toBe(60_000);
  });

  it("refuses limits that would stop every request or none", () => {
    expect(() => new RateLimiter({ maxCalls: 0, windowMs: 60_000 })).toThrow(RangeError);
    expect(() => new RateLimiter({ maxCalls: 1.5, windowMs: 60_000 })).toThrow(RangeError);
    expect(() => new RateLimiter({ maxCalls: 30, windowMs: Number.NaN })).toThrow(RangeError);
    const limiter = new RateLimiter(SSB);
    expect(() => limiter.setLimits({ maxCalls: 30, windowMs: 0 })).toThrow(RangeError);
    expect(limiter.limits).toEqual(SSB);
  });

  it("takes SSB's published limits as its default", () => {
    expect(DEFAULT_RATE_LIMITS).toEqual(SSB);
    expect(rateLimitsFrom({ ...DEFAULT_LIMITS, maxCallsPerTimeWindow: 20, timeWindowSeconds: 10 })).toEqual({ maxCalls: 20, windowMs: 10_000 });
  });
});

describe("sharedRateLimiter", () => {
  it("gives two loads against the same base URL one quota between them", async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const first = recorder(sharedRateLimiter(BASE, SSB, clock), clock);
    const second = recorder(sharedRateLimiter(`${BASE}/`, SSB, clock), clock);
    for (let i = 0; i < 25; i++) {
      void first.issue();
      void second.issue();
    }
    await clock.runAll();

    const all = [...first.log, ...second.log].map((s) => s.at);
    expect(all).toHaveLength(50);
    expect(maxInAnyWindow(all, SSB.windowMs)).toBeLessThanOrEqual(30);
    expect(all.filter((t) => t === t0)).toHaveLength(30);
    expect(all.filter((t) => t === t0 + 60_000)).toHaveLength(20);
  });

  it("returns the same limiter for the same base URL however it is spelled", () => {
    const clock = new FakeClock();
    const a = sharedRateLimiter(BASE, SSB, clock);
    expect(sharedRateLimiter(`${BASE}//`, SSB, clock)).toBe(a);
    expect(sharedRateLimiter("HTTPS://DATA.SSB.NO/api/pxwebapi/v2", SSB, clock)).toBe(a);
    // Limits given later do not silently replace the first; setLimits does that.
    expect(sharedRateLimiter(BASE, { maxCalls: 5, windowMs: 1_000 }, clock).limits).toEqual(SSB);
  });

  it("does not share between different base URLs", async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const ssb = recorder(sharedRateLimiter(BASE, SSB, clock), clock);
    const proxy = recorder(sharedRateLimiter("https://kostra-proxy.example.kommune.no/pxwebapi/v2", SSB, clock), clock);
    for (let i = 0; i < 30; i++) {
      void ssb.issue();
      void proxy.issue();
    }
    await settle();
    expect(ssb.log.every((s) => s.at === t0)).toBe(true);
    expect(proxy.log.every((s) => s.at === t0)).toBe(true);
    expect(ssb.log).toHaveLength(30);
    expect(proxy.log).toHaveLength(30);
  });

  it("keeps limiters on different clocks apart, and starts afresh after a reset", () => {
    const a = new FakeClock();
    const b = new FakeClock();
    const limiter = sharedRateLimiter(BASE, SSB, a);
    expect(sharedRateLimiter(BASE, SSB, b)).not.toBe(limiter);
    resetSharedRateLimiters();
    expect(sharedRateLimiter(BASE, SSB, a)).not.toBe(limiter);
  });
});
