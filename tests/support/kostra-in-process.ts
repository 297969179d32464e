/** The `kostra` command run in this process (no build needed), with what it writes captured. */
import { readFileSync } from "node:fs";
import { main } from "../../src/cli/main";
import type { FetchIo } from "../../src/cli/fetch";

export async function kostraInProcess(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: FetchIo = { out: (t) => (out += t), err: (t) => (err += t), readFile: (p) => readFileSync(p) };
  const code = await main(args, io);
  return { code, out, err };
}
