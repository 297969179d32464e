/**
 * Run a promise to its end on a fake clock: whenever nothing else can happen (`idle`, and
 * promise callbacks have settled), time jumps to the next sleeper. Code under test that
 * waits for SSB's quota or a Retry-After thus finishes at once, while the clock shows how
 * long it would have waited.
 */
import { settle, type FakeClock } from "./fake-clock";

export async function driveClock<T>(clock: FakeClock, p: Promise<T>, idle: () => boolean = () => true): Promise<T> {
  let done = false;
  // Handle the outcome at once, so a rejection is never unhandled while the clock runs.
  const outcome = p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  void outcome.then(() => (done = true));
  for (let i = 0; i < 10_000 && !done; i++) {
    await settle();
    if (done) break;
    if (idle() && clock.pending > 0) {
      // Idle twice in a row: a request that just ended has had its chance to stop its timer.
      await settle();
      if (!done && idle()) await clock.advanceTo(clock.nextDue()!);
    } else if (!idle()) await new Promise((r) => setTimeout(r, 2));
  }
  const r = await outcome;
  if (!r.ok) throw r.error;
  return r.value;
}
