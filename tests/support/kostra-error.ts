/** The KostraError a call throws (a test fails if it throws nothing or something else). */
import { KostraError } from "../../src/kostra/errors";

export function kostraErrorOf(f: () => unknown): KostraError {
  try {
    f();
  } catch (e) {
    if (e instanceof KostraError) return e;
    throw e;
  }
  throw new Error("expected a KostraError");
}
