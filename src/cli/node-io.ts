/**
 * The command's real surroundings: standard output and error, input files read within
 * limits, and signals.
 *
 * - SIGINT (Ctrl+C) and SIGTERM abort the run's signal; the command stops at its next step
 *   boundary with exit 130 and writes nothing. A second signal (the user insisting) ends
 *   the process as soon as it can run anything — at once when it is waiting (for SSB, a
 *   disk), after the step under way when it is computing — and first removes the
 *   temporary files of writes not yet renamed into place: exit 130 too, earlier files
 *   intact. (The handlers stay installed for the whole run, so the system's default —
 *   ending the process mid-write, exit 143 for SIGTERM — never applies.)
 * - A reader that stops reading (`kostra templates | head -1`) is not an error: output ends
 *   quietly and the exit code is the command's own (0). Other failures to write standard
 *   output (a full disk behind `>`) end with exit 2 and one line on standard error.
 */
import { existsSync } from "node:fs";
import { errnoOf } from "./file-problems";
import type { FetchIo } from "./fetch";
import { readInputFile } from "./input-file";
import { CANCELLED_TEXT, langOfArgs, type RunStep } from "./io";
import { CLI_TEXT } from "./messages";
import { removeTemporaryFiles } from "./output-file";
import type { Lang } from "../kostra/types";

/**
 * For the command's own tests of cancellation: `KOSTRA_HOLD_AT=<step>` with
 * `KOSTRA_HOLD_UNTIL=<file>` makes the run stop at that step, blocking like a long
 * computation (so no signal handler can run meanwhile), until the file exists. With
 * `KOSTRA_HOLD_YIELDING=1` it waits without blocking instead, as the run does while SSB
 * answers or the report is packed: signal handlers run, and "held, cancelled" is printed
 * when the run's signal is aborted.
 */
function holdForTests(env: NodeJS.ProcessEnv, signal: AbortSignal): ((step: RunStep) => void | Promise<void>) | undefined {
  const at = env.KOSTRA_HOLD_AT;
  const until = env.KOSTRA_HOLD_UNTIL;
  if (!at || !until) return undefined;
  const end = Date.now() + 120_000;
  const released = () => existsSync(until) || Date.now() >= end;
  return (step) => {
    if (step !== at) return;
    process.stderr.write(`kostra: holding at ${step}\n`);
    if (env.KOSTRA_HOLD_YIELDING === "1") {
      signal.addEventListener("abort", () => process.stderr.write("kostra: held, cancelled\n"), { once: true });
      return new Promise<void>((resolve) => {
        const poll = () => (released() ? resolve() : setTimeout(poll, 10));
        poll();
      });
    }
    const cell = new Int32Array(new SharedArrayBuffer(4));
    while (!released()) Atomics.wait(cell, 0, 0, 10);
  };
}

export function nodeIo(lang: Lang = langOfArgs(process.argv.slice(2))): FetchIo {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (!controller.signal.aborted) return controller.abort(new Error(name));
    removeTemporaryFiles();
    if (!process.stderr.destroyed) process.stderr.write(`kostra: ${CANCELLED_TEXT[lang]}\n`);
    process.exit(130);
  };
  for (const name of ["SIGINT", "SIGTERM"] as const) process.on(name, onSignal);

  let outputClosed = false;
  process.stdout.on("error", (e) => {
    outputClosed = true;
    if (errnoOf(e) === "EPIPE") return;
    const code = errnoOf(e) ?? String(e);
    process.stderr.write(`kostra: ${CLI_TEXT[lang].cannotWriteOutput(code)}\n`);
    if (!process.exitCode) process.exitCode = 2;
  });
  // Nowhere left to say anything: a closed or failing standard error is ignored.
  process.stderr.on("error", () => undefined);

  const onStep = holdForTests(process.env, controller.signal);
  return {
    out: (t) => {
      if (!outputClosed) process.stdout.write(t);
    },
    err: (t) => {
      if (!process.stderr.destroyed) process.stderr.write(t);
    },
    readFile: (p) => readInputFile(p),
    signal: controller.signal,
    ...(onStep ? { onStep } : {}),
  };
}
