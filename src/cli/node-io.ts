/**
 * The command's real surroundings: standard output and error, input files read within
 * limits, and signals.
 *
 * - SIGINT (Ctrl+C) and SIGTERM abort the run's signal; the command stops at its next step
 *   boundary with exit 130 and writes nothing. A second signal ends the process at once.
 * - A reader that stops reading (`kostra templates | head -1`) is not an error: output ends
 *   quietly and the exit code is the command's own (0). Other failures to write standard
 *   output (a full disk behind `>`) end with exit 2 and one line on standard error.
 */
import { existsSync } from "node:fs";
import { errnoOf } from "./file-problems";
import type { FetchIo } from "./fetch";
import { readInputFile } from "./input-file";
import { langOfArgs, type RunStep } from "./io";
import type { Lang } from "../kostra/types";

/**
 * For the command's own tests of cancellation: `KOSTRA_HOLD_AT=<step>` with
 * `KOSTRA_HOLD_UNTIL=<file>` makes the run stop at that step, blocking like a long
 * computation (so no signal handler can run meanwhile), until the file exists.
 */
function holdForTests(env: NodeJS.ProcessEnv): ((step: RunStep) => void) | undefined {
  const at = env.KOSTRA_HOLD_AT;
  const until = env.KOSTRA_HOLD_UNTIL;
  if (!at || !until) return undefined;
  return (step) => {
    if (step !== at) return;
    process.stderr.write(`kostra: holding at ${step}\n`);
    const cell = new Int32Array(new SharedArrayBuffer(4));
    const end = Date.now() + 120_000;
    while (!existsSync(until) && Date.now() < end) Atomics.wait(cell, 0, 0, 10);
  };
}

export function nodeIo(lang: Lang = langOfArgs(process.argv.slice(2))): FetchIo {
  const controller = new AbortController();
  for (const name of ["SIGINT", "SIGTERM"] as const) process.once(name, () => controller.abort(new Error(name)));

  let outputClosed = false;
  process.stdout.on("error", (e) => {
    outputClosed = true;
    if (errnoOf(e) === "EPIPE") return;
    const code = errnoOf(e) ?? String(e);
    process.stderr.write(`kostra: ${lang === "nb" ? `kunne ikke skrive utdata (${code})` : `could not write the output (${code})`}\n`);
    if (!process.exitCode) process.exitCode = 2;
  });
  // Nowhere left to say anything: a closed or failing standard error is ignored.
  process.stderr.on("error", () => undefined);

  const onStep = holdForTests(process.env);
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
