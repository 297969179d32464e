/**
 * A clock that only moves when a test moves it. Sleepers wake in time order (ties in
 * the order they went to sleep), and promise chains run to rest between wake-ups, so
 * code that sleeps, wakes and sleeps again behaves as it would in real time.
 */
import type { Clock } from "../../src/sources/ssb/types";

interface Sleeper {
  due: number;
  seq: number;
  resolve: () => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/** Let pending promise callbacks (and what they schedule in turn) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise<void>((resolve) => (typeof setImmediate === "function" ? setImmediate(resolve) : setTimeout(resolve, 0)));
  }
}

export class FakeClock implements Clock {
  private time: number;
  private sleepers: Sleeper[] = [];
  private seq = 0;
  /** Every `sleep` asked for, in order (ms), for tests of backoff and retry timing. */
  readonly sleeps: number[] = [];

  constructor(start = Date.UTC(2025, 0, 6, 8, 0, 0)) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  /** Like `systemClock.sleep`; a sleep of 0 ms or less resolves without waiting for `advance`. */
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (!(ms > 0)) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const sleeper: Sleeper = { due: this.time + ms, seq: this.seq++, resolve, signal };
      if (signal) {
        sleeper.onAbort = () => {
          this.sleepers = this.sleepers.filter((s) => s !== sleeper);
          reject(signal.reason);
        };
        signal.addEventListener("abort", sleeper.onAbort, { once: true });
      }
      this.sleepers.push(sleeper);
    });
  }

  /** Sleepers not yet woken. */
  get pending(): number {
    return this.sleepers.length;
  }

  /** When the next sleeper is due, or undefined if nobody sleeps. */
  nextDue(): number | undefined {
    return this.next()?.due;
  }

  /** Move time forward by `ms`, waking each sleeper due by then at its own time. */
  async advance(ms: number): Promise<void> {
    await this.advanceTo(this.time + ms);
  }

  /** Move time forward to `epochMs` (never back), waking sleepers due by then in order. */
  async advanceTo(epochMs: number): Promise<void> {
    await settle();
    for (let next = this.next(); next && next.due <= epochMs; next = this.next()) {
      this.wake(next);
      await settle();
    }
    this.time = Math.max(this.time, epochMs);
    await settle();
  }

  /**
   * Wake sleepers in time order until nobody sleeps; returns the time then. Throws
   * after `maxSteps` wake-ups, as code that keeps sleeping forever is a bug to report.
   */
  async runAll(maxSteps = 100_000): Promise<number> {
    await settle();
    for (let steps = 0; ; steps++) {
      const next = this.next();
      if (!next) return this.time;
      if (steps >= maxSteps) throw new Error(`FakeClock.runAll: still ${this.sleepers.length} sleepers after ${maxSteps} wake-ups`);
      this.wake(next);
      await settle();
    }
  }

  private next(): Sleeper | undefined {
    let best: Sleeper | undefined;
    for (const s of this.sleepers) if (!best || s.due < best.due || (s.due === best.due && s.seq < best.seq)) best = s;
    return best;
  }

  private wake(sleeper: Sleeper): void {
    this.sleepers = this.sleepers.filter((s) => s !== sleeper);
    this.time = Math.max(this.time, sleeper.due);
    if (sleeper.onAbort) sleeper.signal?.removeEventListener("abort", sleeper.onAbort);
    sleeper.resolve();
  }
}
