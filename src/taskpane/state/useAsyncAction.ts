/**
 * One way to run what a button starts: the pane is busy meanwhile (the other buttons say
 * why they wait), a load can be cancelled, an error becomes a message in the user's words
 * beside the button that caused it, and a run that no longer matters — overtaken by a
 * newer one, cancelled, or left behind when the pane closed — changes nothing on screen.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { Describe } from "./outcome";

export interface RunHow<T> {
  /** The error in the user's words. If explaining fails too, the error's own text is shown. */
  explain: (error: unknown) => Describe | Promise<Describe>;
  /** What the user sees after cancelling; without it the run cannot be cancelled. */
  cancelled?: Describe;
  /** What the user sees when the run succeeded (nothing when null or absent). */
  done?: (value: T) => Describe | null;
  /** A quick action (going to a sheet, exporting a file): the pane stays usable and earlier messages stay until it says something. */
  quiet?: boolean;
}

export interface AsyncAction<K> {
  /** The run the pane is busy with. */
  busy: K | null;
  /** The latest message and the run it belongs to; a busy run clears it. */
  outcome: { key: K; describe: Describe } | null;
  /**
   * Run `action`. Resolves to its value, or to undefined when it failed (the error is shown),
   * was cancelled, was overtaken by a newer run or the pane closed; only a run still current
   * changes what the pane shows. A newer run or closing the pane aborts the signal.
   */
  run<T>(key: K, action: (signal: AbortSignal) => Promise<T>, how: RunHow<T>): Promise<T | undefined>;
  /** Cancel the busy run, if it may be cancelled: it ends at once and its result is not used. */
  cancel(): void;
}

interface Current<K> {
  key: K;
  controller: AbortController;
  cancelled?: Describe;
}

/** The error as it is, for when even explaining it failed: nothing the user should know is lost. */
const plainly =
  (error: unknown): Describe =>
  (m) => ({ intent: "error", title: m.unexpectedTitle, body: m.unexpectedError(error instanceof Error ? error.message : String(error)) });

async function explainSafely(explain: RunHow<unknown>["explain"], error: unknown): Promise<Describe> {
  try {
    return await explain(error);
  } catch {
    return plainly(error);
  }
}

export function useAsyncAction<K>(): AsyncAction<K> {
  const [busy, setBusy] = useState<AsyncAction<K>["busy"]>(null);
  const [outcome, setOutcome] = useState<AsyncAction<K>["outcome"]>(null);
  // The run under way; none once the pane has closed, so nothing a run finds later is current.
  const current = useRef<Current<K> | null>(null);

  useEffect(
    () => () => {
      current.current?.controller.abort();
      current.current = null;
    },
    [],
  );

  const run = useCallback(async <T>(key: K, action: (signal: AbortSignal) => Promise<T>, how: RunHow<T>): Promise<T | undefined> => {
    current.current?.controller.abort();
    const me: Current<K> = { key, controller: new AbortController(), cancelled: how.cancelled };
    current.current = me;
    const live = () => current.current === me;
    setBusy(how.quiet ? null : key);
    if (!how.quiet) setOutcome(null);
    try {
      const value = await action(me.controller.signal);
      if (!live()) return undefined;
      const said = how.done?.(value);
      if (said) setOutcome({ key, describe: said });
      return value;
    } catch (error) {
      const describe = live() ? await explainSafely(how.explain, error) : null;
      if (describe && live()) setOutcome({ key, describe });
      return undefined;
    } finally {
      if (live()) {
        current.current = null;
        setBusy(null);
      }
    }
  }, []);

  const cancel = useCallback(() => {
    const me = current.current;
    if (!me?.cancelled) return;
    current.current = null;
    me.controller.abort();
    setBusy(null);
    setOutcome({ key: me.key, describe: me.cancelled });
  }, []);

  return { busy, outcome, run, cancel };
}
