/**
 * `--municipality` as people type it: without diacritics, a code without its leading zero,
 * and a near miss that gets a suggestion instead of a bare "unknown".
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");

function kostra(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "kostra.js"), ...args], { encoding: "utf8", cwd: ROOT });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const profile = (municipality: string, ...extra: string[]) =>
  kostra("profile", "--sample", "--sector", "plan-miljo-kultur", "--municipality", municipality, "--year", "2017", "--format", "json", ...extra);

describe("kostra profile --municipality", () => {
  it.each(["Baerum", "bærum", "219", "0219"])("finds Bærum from %s", (text) => {
    const r = profile(text);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).municipality).toEqual({ id: "baerum", code: "0219", name: "Bærum" });
  });

  it("finds Tromsø from Tromso", () => {
    const r = profile("Tromso");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).municipality.id).toBe("tromso");
  });

  it("suggests Bærum for Barum and exits 2", () => {
    const r = profile("Barum");
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err.trim()).toBe("kostra: Fant ingen kommune «Barum». Mente du Bærum?");
  });

  it("suggests in English under --lang en", () => {
    const r = profile("Barum", "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe('kostra: Found no municipality "Barum". Did you mean Bærum?');
  });

  it("asks which municipality a shared name means instead of guessing", () => {
    const r = profile("Heroy");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/«Heroy» kan være Herøy \(Møre og Romsdal\) eller Herøy \(Nordland\)/);
  });
});
