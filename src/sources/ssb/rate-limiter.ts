/**
 * Client-side rate limiter for SSB's quota (30 requests per minute per IP address).
 *
 * The quota is shared by everyone behind the municipality's NAT, so the add-in must
 * never be the one that pushes the office over it. The limiter remembers when each
 * request started and lets a new one start only when fewer than `maxCalls` started in
 * the last `windowMs` (a sliding window: fixed buckets would allow 2 × maxCalls
 * around a bucket edge). Waiting callers are served first in, first out. After a 429,
 * `pauseUntil` holds back every caller sharing the limiter until SSB's Retry-After.
 *
 * Time comes from a `Clock`, so tests drive it with a fake one.
 */
import { DEFAULT_LIMITS, systemClock, type Clock, type SsbLimits } from "./types";

export interface RateLimits {
  /** At most this many request starts… */
  maxCalls: number;
  /** …in any window of this many milliseconds. */
  windowMs: number;
}

/** SSB's published limits (or those read from `/config`) as limiter settings. */
export function rateLimitsFrom(limits: SsbLimits): RateLimits {
  return { maxCalls: limits.maxCallsPerTimeWindow, windowMs: limits.timeWindowSeconds * 1000 };
}

export const DEFAULT_RATE_LIMITS: RateLimits = rateLimitsFrom(DEFAULT_LIMITS);

interface Waiter {
  resolve: () => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

function checkLimits(limits: RateLimits): RateLimits {
  const { maxCalls, windowMs } = limits;
  if (!Number.isInteger(maxCalls) || maxCalls < 1) throw new RangeError(`maxCalls must be a positive integer, got ${maxCalls}`);
  if (!Number.isFinite(windowMs) || windowMs <= 0) throw new RangeError(`windowMs must be a positive number, got ${windowMs}`);
  return { maxCalls, windowMs };
}

export class RateLimiter {
  private limitsNow: RateLimits;
  /** Start times still inside the longest window seen, oldest first. */
  private starts: number[] = [];
  /** Kept that long, so a longer window from `setLimits` still sees recent starts. */
  private retentionMs: number;
  private pausedUntil = -Infinity;
  private readonly queue: Waiter[] = [];
  private pumping = false;
  /** Aborting it wakes the sleeping pump to look again (new limits, new pause, empty queue). */
  private wakePump?: AbortController;
  private lastNow = -Infinity;

  constructor(
    limits: RateLimits,
    private readonly clock: Clock = systemClock,
  ) {
    this.limitsNow = checkLimits(limits);
    this.retentionMs = this.limitsNow.windowMs;
  }

  get limits(): RateLimits {
    return { ...this.limitsNow };
  }

  /** Callers waiting for their turn. */
  get waitingCount(): number {
    return this.queue.length;
  }

  /**
   * Resolves when a request may start. The start is counted at that moment, so call
   * it right before sending. Rejects with the signal's reason if it aborts first; an
   * aborted caller gives up its place and uses no part of the quota.
   */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const now = this.readClock();
    if (this.queue.length === 0 && this.earliestStart(now) <= now) {
      this.starts.push(now);
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { resolve, signal };
      if (signal) {
        waiter.onAbort = () => {
          const at = this.queue.indexOf(waiter);
          if (at >= 0) this.queue.splice(at, 1);
          if (this.queue.length === 0) this.wake();
          reject(signal.reason);
        };
        signal.addEventListener("abort", waiter.onAbort, { once: true });
      }
      this.queue.push(waiter);
      void this.pump();
    });
  }

  /** No request starts before `epochMs` (SSB's Retry-After). A pause is only ever extended. */
  pauseUntil(epochMs: number): void {
    if (!(epochMs > this.pausedUntil)) return;
    this.pausedUntil = epochMs;
    this.wake();
  }

  /** New limits (e.g. from SSB's `/config`); they apply to the starts already made too. */
  setLimits(limits: RateLimits): void {
    this.limitsNow = checkLimits(limits);
    this.retentionMs = Math.max(this.retentionMs, this.limitsNow.windowMs);
    this.wake();
  }

  /** Milliseconds until the next request may start (0 = now), for "waiting for SSB's quota, 12 s". */
  nextStartDelay(): number {
    return this.plannedDelay(0);
  }

  /**
   * Milliseconds until the caller at `position` in the queue may start (0 = first;
   * `waitingCount` = a caller that joins now), if nobody aborts and SSB asks for no pause.
   */
  plannedDelay(position: number = this.waitingCount): number {
    const now = this.readClock();
    const starts = this.starts.slice();
    let t = now;
    for (let i = 0; i <= position; i++) {
      t = Math.max(t, this.pausedUntil, this.slotFreeAt(starts));
      starts.push(t);
    }
    return t - now;
  }

  /** Serves the queue in order, sleeping until the head may start. Only one runs at a time. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0) {
        const now = this.readClock();
        const delay = this.earliestStart(now) - now;
        if (delay <= 0) {
          const waiter = this.queue.shift() as Waiter;
          if (waiter.onAbort) waiter.signal?.removeEventListener("abort", waiter.onAbort);
          this.starts.push(now);
          waiter.resolve();
          continue;
        }
        this.wakePump = new AbortController();
        try {
          await this.clock.sleep(delay, this.wakePump.signal);
        } catch {
          // Woken early: look again.
        }
        this.wakePump = undefined;
      }
    } finally {
      this.pumping = false;
    }
  }

  private wake(): void {
    this.wakePump?.abort();
  }

  /** When the next request may start, given what has started and any pause. */
  private earliestStart(now: number): number {
    return Math.max(now, this.pausedUntil, this.slotFreeAt(this.starts));
  }

  /** The time the oldest of the last `maxCalls` starts leaves the window (−∞ while fewer). */
  private slotFreeAt(starts: number[]): number {
    const { maxCalls, windowMs } = this.limitsNow;
    return starts.length < maxCalls ? -Infinity : starts[starts.length - maxCalls] + windowMs;
  }

  /**
   * The clock's time, with the remembered times moved along if the clock went back
   * (the user or NTP set the system clock): otherwise starts "in the future" would
   * hold requests back for as long as the clock jumped.
   */
  private readClock(): number {
    const now = this.clock.now();
    if (now < this.lastNow) {
      const shift = now - this.lastNow;
      this.starts = this.starts.map((s) => s + shift);
      this.pausedUntil += shift;
    }
    this.lastNow = now;
    const oldest = now - this.retentionMs;
    let drop = 0;
    while (drop < this.starts.length && this.starts[drop] <= oldest) drop++;
    if (drop > 0) this.starts.splice(0, drop);
    return now;
  }
}

/** One limiter per base URL (and clock): every load in the process shares SSB's quota. */
const shared = new Map<Clock, Map<string, RateLimiter>>();

function normalizeBaseUrl(baseUrl: string): string {
  try {
    const url = new URL(baseUrl);
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, "")}`;
  } catch {
    return baseUrl.replace(/\/+$/, "");
  }
}

/**
 * The limiter for `baseUrl` (trailing slashes and the case of scheme and host do not
 * matter), created with `limits` the first time; later calls get the same limiter
 * and its current limits (change them with `setLimits`). Limiters are kept per clock
 * so that tests with their own fake clocks never share one; the product has one clock.
 */
export function sharedRateLimiter(baseUrl: string, limits: RateLimits = DEFAULT_RATE_LIMITS, clock: Clock = systemClock): RateLimiter {
  let byUrl = shared.get(clock);
  if (!byUrl) {
    byUrl = new Map();
    shared.set(clock, byUrl);
  }
  const key = normalizeBaseUrl(baseUrl);
  let limiter = byUrl.get(key);
  if (!limiter) {
    limiter = new RateLimiter(limits, clock);
    byUrl.set(key, limiter);
  }
  return limiter;
}

/** Forget every shared limiter (tests). Callers holding one keep it. */
export function resetSharedRateLimiters(): void {
  shared.clear();
}
