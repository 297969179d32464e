/** What a CLI command needs from its surroundings, so tests can run it in-process. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  readFile: (path: string) => Uint8Array;
}

/** A usage problem: exit 2 with this message. */
export class UsageError extends Error {}
