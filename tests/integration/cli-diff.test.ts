/**
 * `kostra diff OLD NEW`: the figures that changed between two data files, and with a
 * profile's choices the index moves of that municipality. Data: the SYNTHETIC sample,
 * with figures changed by hand for the "June" file.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { benchmark } from "../../src/kostra/benchmark";
import type { Dataset } from "../../src/kostra/types";
import { main } from "../../src/cli/main";
import type { FetchIo } from "../../src/cli/fetch";
import { writeObservationsFile } from "../../src/sources/observations-file";
import { sampleDataset } from "../../src/sources/sample";
import { readFileSync } from "node:fs";

const dir = mkdtempSync(join(tmpdir(), "kostra-diff-"));
const march = sampleDataset();
const find = (d: Dataset, indicator: string, municipality: string, year: number) => d.observations.find((o) => o.indicator === indicator && o.municipality === municipality && o.year === year);
// June: Stavanger's kunstformidling 2017 revised up by 100 kr, Oslo's bibliotek 2017 withdrawn (".."); both are ASSS members.
const june: Dataset = structuredClone(march);
const askerKunst = find(june, "kunstformidling", "stavanger", 2017)!;
const askerBefore = askerKunst.value!;
askerKunst.value = askerBefore + 100;
const osloBib = find(june, "bibliotek", "oslo", 2017)!;
const osloBefore = osloBib.value!;
osloBib.value = null;
osloBib.status = "..";

const files = { march: join(dir, "mars.json"), june: join(dir, "juni.json") };
writeFileSync(files.march, writeObservationsFile(march, { createdAt: new Date("2026-03-15T09:00:00Z") }));
writeFileSync(files.june, writeObservationsFile(june, { createdAt: new Date("2026-06-15T09:00:00Z") }));

async function kostra(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: FetchIo = { out: (t) => (out += t), err: (t) => (err += t), readFile: (p) => readFileSync(p) };
  const code = await main(args, io);
  return { code, out, err };
}

describe("kostra diff", () => {
  it("lists the revised and withdrawn figures with before, now and the change", async () => {
    const r = await kostra("diff", files.march, files.june);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^2 tall er endret fra \S*mars\.json til \S*juni\.json:/);
    const asker = r.out.split("\n").find((l) => /Stavanger/.test(l) && /revidert/.test(l));
    expect(asker).toMatch(/2017/);
    expect(asker).toMatch(/\+100/);
    const oslo = r.out.split("\n").find((l) => /Oslo/.test(l));
    expect(oslo).toMatch(/\.\.\s+trukket/);
  });

  it("says so when nothing changed, in English too", async () => {
    expect((await kostra("diff", files.march, files.march)).out).toMatch(/^Ingen tall er endret fra \S*mars\.json til \S*mars\.json\./);
    expect((await kostra("diff", files.march, files.june, "--lang", "en")).out).toMatch(/^2 figures changed from \S*mars\.json to \S*juni\.json:/);
  });

  it("with a profile's choices, lists Bærum's index moves as the engine computes them, and marks those beyond the threshold", async () => {
    const r = await kostra("diff", files.march, files.june, "--sector", "plan-miljo-kultur", "--municipality", "0219", "--year", "2017", "--compare", "", "--format", "json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    const options = { sector: "plan-miljo-kultur", focal: "baerum", year: 2017, network: "asss", comparisons: [], average: "indicator" as const, includeOslo: true, includeFocal: true };
    const index = (d: Dataset, id: string) => benchmark(d, options).rows.find((row) => row.indicator.id === id)!.index!;
    const kunst = json.profiles[0].moves.find((m: { indicator: string }) => m.indicator === "kunstformidling");
    expect(kunst.before).toBeCloseTo(index(march, "kunstformidling"), 9);
    expect(kunst.after).toBeCloseTo(index(june, "kunstformidling"), 9);
    expect(kunst.beyond).toBe(Math.abs(kunst.after - kunst.before) > 1);
    // Oslo's withdrawn bibliotek moves the average, so Bærum's own unchanged figure gets another index.
    const bib = json.profiles[0].moves.find((m: { indicator: string }) => m.indicator === "bibliotek");
    expect(bib.after).toBeCloseTo(index(june, "bibliotek"), 9);
    expect(bib.after).not.toBeCloseTo(bib.before, 3);
    expect(json.changes).toEqual(expect.arrayContaining([expect.objectContaining({ kind: "revised", indicator: "kunstformidling", municipality: "stavanger", year: 2017, before: askerBefore, after: askerBefore + 100, change: 100 })]));
    expect(json.changes).toEqual(expect.arrayContaining([expect.objectContaining({ kind: "withdrawn", indicator: "bibliotek", municipality: "oslo", before: osloBefore, after: null, afterStatus: ".." })]));
  });

  it.each([
    ["one file", [files.march], /trenger to datafiler/],
    ["a profile without its year", [files.march, files.june, "--sector", "plan-miljo-kultur", "--municipality", "0219"], /trenger --year/],
    ["a threshold that is not points", [files.march, files.june, "--threshold", "mye"], /--threshold må være indekspoeng/],
    ["a file that is not data", [files.march, join(dir, "finnes-ikke.json")], /finnes-ikke\.json/],
  ])("refuses %s with exit 2 and a message saying what to do", async (_, args, message) => {
    const r = await kostra("diff", ...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});
