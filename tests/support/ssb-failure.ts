/** The SsbError a test expects: from a promise that must reject, or a call that must throw. */
import { SsbError } from "../../src/sources/ssb/types";
import { thrownOf } from "./kostra-error";

/** The SsbError `p` rejects with; fails the test when it resolves or rejects with anything else. */
export async function ssbFailure(p: Promise<unknown>): Promise<SsbError> {
  const outcome = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(outcome instanceof SsbError)) throw new Error(`expected an SsbError, got ${String(outcome)}`);
  return outcome;
}

/** The SsbError `f` throws; fails the test when it returns or throws anything else. */
export const ssbFailureOf = (f: () => unknown): SsbError => thrownOf(f, SsbError);
