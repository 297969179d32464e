/** The error of a given class a call throws (a test fails if it throws nothing or something else). */
import { KostraError } from "../../src/kostra/errors";

export function thrownOf<E extends Error>(f: () => unknown, kind: new (...args: never[]) => E): E {
  try {
    f();
  } catch (e) {
    if (e instanceof kind) return e;
    throw e;
  }
  throw new Error(`expected a ${kind.name}`);
}

export const kostraErrorOf = (f: () => unknown): KostraError => thrownOf(f, KostraError);
