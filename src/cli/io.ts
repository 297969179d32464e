/** What a CLI command needs from its surroundings, so tests can run it in-process. */
import type { Lang, LocalizedText } from "../kostra/types";
import { inBoth } from "./messages";

/** The boundaries between a command's steps where a cancelled run stops. */
export type RunStep = "loaded" | "planned" | "before-output" | "before-rename";

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  readFile: (path: string) => Uint8Array;
  /** Aborted when the user presses Ctrl+C (SIGINT) or the system asks the command to stop (SIGTERM). */
  signal?: AbortSignal;
  /** Told when a step boundary is reached, before the command looks at `signal` (awaited when it returns a promise). */
  onStep?: (step: RunStep) => void | Promise<void>;
}

/** The language of a run that does not ask for one. */
export const DEFAULT_LANG: Lang = "nb";

/** The language the arguments ask for (`--lang en` or `--lang=en`), before they are parsed: for messages about them. */
export function langOfArgs(args: readonly string[]): Lang {
  // The last --lang wins, as when the options are parsed; a value that is no language means the default.
  const values = args.flatMap((a, i) => (a.startsWith("--lang=") ? [a.slice("--lang=".length)] : a === "--lang" && i + 1 < args.length ? [args[i + 1]] : []));
  const value = values[values.length - 1];
  return LANGS.find((l) => l === value) ?? DEFAULT_LANG;
}

/** The languages `--lang` takes. */
export const LANGS: readonly Lang[] = ["nb", "en"];


/** A usage problem: exit 2 with this message (followed by where to find the usage). */
export class UsageError extends Error {
  constructor(readonly text: LocalizedText) {
    super(text.en);
    this.name = "UsageError";
  }
}

/** The run was cancelled by the user or the system: exit 130, nothing written. */
export class Cancelled extends Error {
  constructor(readonly text: LocalizedText) {
    super(text.en);
    this.name = "Cancelled";
  }
}

export const CANCELLED_TEXT: LocalizedText = inBoth((t) => t.cancelled);

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A step boundary: stop here if the run has been cancelled. Long synchronous work (reading
 * and parsing a file, building the plan) keeps Node from running signal handlers, so a
 * Ctrl+C pressed during it is seen only when the event loop turns: two turns make sure an
 * I/O phase, where the handlers run, has come between the work and the check.
 */
export async function checkpoint(io: Io, step: RunStep): Promise<void> {
  await io.onStep?.(step);
  if (!io.signal) return;
  await nextTurn();
  await nextTurn();
  if (io.signal.aborted) throw new Cancelled(CANCELLED_TEXT);
}
