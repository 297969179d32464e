/**
 * Lints planted code as if it were files of the project (ESLint with the project's own
 * configuration, in a process of its own, since ESLint's API is an ES module): for tests
 * that show a lint rule reports what it must and lets pass what it should.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

export interface Planted {
  /** Where the code would live (absolute; the file need not exist). */
  filePath: string;
  code: string;
}

export interface Reported {
  ruleId: string | null;
  line: number;
  message: string;
}

const LINT = `
import { ESLint } from "eslint";
const cases = JSON.parse(await new Promise((ok) => { let s = ""; process.stdin.on("data", (d) => (s += d)); process.stdin.on("end", () => ok(s)); }));
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const c of cases) {
  const [r] = await eslint.lintText(c.code, { filePath: c.filePath });
  out.push(r.messages.map((m) => ({ ruleId: m.ruleId, line: m.line, message: m.message })));
}
process.stdout.write(JSON.stringify(out));
`;

/** What ESLint reports for each planted file, in order. */
export function lintPlanted(planted: readonly Planted[]): Reported[][] {
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", LINT], { cwd: ROOT, input: JSON.stringify(planted), encoding: "utf8", maxBuffer: 64 << 20 });
  return JSON.parse(out) as Reported[][];
}
