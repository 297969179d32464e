/**
 * `kostra catalog --metadata` prints, per sector, the counts of verified, consistent and
 * unchecked indicators, and then each indicator with its check, KS's averaging rule,
 * its validity period and its series.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { INDICATORS, SECTORS } from "../../src/kostra/catalog";

const METADATA = join(__dirname, "..", "fixtures", "ssb", "metadata");

async function kostra(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (t) => void (out += t), err: (t) => void (err += t), readFile: (p) => readFileSync(p) });
  return { code, out, err };
}

describe("kostra catalog: each indicator's KS rule and validity", () => {
  it("prints a table per sector with the check, KS's averaging, the valid years and the series of every indicator", async () => {
    const r = await kostra("catalog", "--metadata", METADATA);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    for (const s of SECTORS) {
      const at = lines.indexOf(s.label.nb);
      expect([s.id, at > 0]).toEqual([s.id, true]);
      expect(lines[at + 1].split(/\s{2,}/)).toEqual(["Indikator", "Kontroll", "KS-snitt", "Gyldig", "Serier"]);
    }
    for (const i of INDICATORS.filter((x) => x.sector !== undefined)) {
      const row = lines.find((l) => l.startsWith(`${i.id} `))?.split(/\s{2,}/);
      expect(row?.[0]).toBe(i.id);
      expect(row?.[1]).toBe(i.ssb.table === null ? "ukontrollert" : "konsistent");
      expect(row?.[2]).toMatch(i.defaultAverage === "weighted" ? /^vektet/ : /^enkelt/);
      if (!i.valid) expect(row?.[3]).toBe("alle år");
      if (!i.earlier) expect(row?.[4]).toBe(i.ssb.table ?? "ubekreftet");
    }
    const en = await kostra("catalog", "--metadata", METADATA, "--lang", "en");
    expect(en.out.split("\n")).toContain(SECTORS[0].label.en);
    expect(en.out).toMatch(/^bibliotek\s+consistent\s+(simple|weighted).*\s+all years\s+12362$/m);
    const json = JSON.parse((await kostra("catalog", "--metadata", METADATA, "--format", "json")).out);
    expect(json.indicators).toHaveLength(INDICATORS.length);
    expect(json.indicators.find((x: { indicator: string }) => x.indicator === "bibliotek")).toMatchObject({ defaultAverage: expect.stringMatching(/simple|weighted/), series: [{ table: "12362" }] });
  });
});
