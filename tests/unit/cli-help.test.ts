/** `kostra <command> --help` and `kostra --version`: the usage comes from the same table the parser reads. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { main, type Io } from "../../src/cli/main";
import { COMMANDS, type CommandName } from "../../src/cli/command-options";

async function run(...argv: string[]) {
  let out = "";
  let err = "";
  const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t), readFile: () => { throw new Error("no files here"); } };
  const code = await main(argv, io);
  return { code, out, err };
}

const commands = Object.keys(COMMANDS) as CommandName[];
/** The options a usage text lists: every "  --name" at the start of an option line. */
const listed = (usage: string) => [...usage.matchAll(/^ {2}--([a-z-]+)/gm)].map((m) => m[1]);

describe.each(commands)("kostra %s --help", (command) => {
  const accepted = Object.keys(COMMANDS[command].options);

  it.each(["nb", "en"] as const)("lists exactly the options the parser accepts, one line each, ≤ 100 columns (%s)", async (lang) => {
    const { code, out, err } = await run(command, "--help", "--lang", lang);
    expect(code).toBe(0);
    expect(err).toBe("");
    expect(listed(out).sort()).toEqual([...accepted, "help"].sort());
    for (const line of out.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
    // Each option's own line in the chosen language.
    for (const [name, o] of Object.entries(COMMANDS[command].options)) expect(out).toContain(`--${name}${o.arg ? ` ${o.arg[lang]}` : ""}`);
    for (const o of Object.values(COMMANDS[command].options)) expect(out).toContain(o.help[lang]);
  });

  it("has a parser that takes every listed option and rejects one not listed", async () => {
    const { out } = await run(command, "-h");
    for (const name of listed(out).filter((n) => n !== "help")) {
      const value = COMMANDS[command].options[name as keyof (typeof COMMANDS)[typeof command]["options"]] as { type: string };
      // An unknown option after the listed one: the parser stops at the first option it does not know.
      const { code, err } = await run(command, `--${name}`, ...(value.type === "string" ? ["x"] : []), "--not-an-option");
      expect(code).toBe(2);
      expect(err).toContain("«--not-an-option»");
    }
  });
});

describe("kostra --help and --version", () => {
  it("prints the version in package.json and exits 0", async () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string };
    const { code, out } = await run("--version");
    expect(code).toBe(0);
    expect(out.trim()).toBe(pkg.version);
  });

  it.each(["nb", "en"] as const)("names every command in the overall usage (%s)", async (lang) => {
    const { code, out } = await run("--help", "--lang", lang);
    expect(code).toBe(0);
    for (const c of commands) expect(out).toContain(`  ${c} `);
    for (const line of out.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
  });
});
