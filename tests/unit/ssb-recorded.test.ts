/**
 * Real SSB responses (tests/fixtures/ssb-recorded, recorded by other public projects) read
 * through the JSON-stat schema: every cell, status and code as SSB sent it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readDataFile } from "../../src/sources/file";
import { cell, readJsonStat } from "../../src/sources/ssb/jsonstat";
import { observationsFromCube } from "../../src/sources/ssb/observations";

const DIR = join(__dirname, "..", "fixtures", "ssb-recorded");
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const load = (file: string): any => JSON.parse(readFileSync(join(DIR, file), "utf8"));

describe("recorded SSB responses", () => {
  it.each([
    ["v2-data-12134-KOSAG110000-2024.json", "12134", "2026-03-16T07:00:00Z", [3, 1, 1]],
    ["jsonstat2-12367-2015-2020.json", "12367", "2021-06-13T22:00:00Z", [5, 2, 5, 5, 1, 5]],
    ["jsonstat2-12191-2018-2020.json", "12191", "2021-06-13T22:00:00Z", [5, 9, 3]],
    ["v2-data-07459-80plus-2017-2024.json", "07459", "2026-02-25T07:00:00Z", [3, 2, 25, 1, 2]],
  ])("reads %s cell by cell as SSB sent it", (file, table, updated, size) => {
    const raw = load(file);
    const cube = readJsonStat(raw, file);
    expect(cube.tableId).toBe(table);
    expect(cube.updated).toBe(updated);
    expect(cube.size).toEqual(size);
    expect(cube.dimensions.map((d) => d.id)).toEqual(raw.id);
    for (const d of cube.dimensions) {
      const index = raw.dimension[d.id].category.index;
      const codes = Array.isArray(index) ? index : Object.keys(index).sort((a, b) => index[a] - index[b]);
      expect(d.codes).toEqual(codes);
      expect(d.labels).toEqual(codes.map((c: string) => raw.dimension[d.id].category.label?.[c] ?? c));
    }
    expect(cube.notes).toEqual(raw.note ?? []);
    raw.value.forEach((v: number | null, i: number) => {
      if (v === null) expect(cube.values[i]).toBeNaN();
      else expect(cube.values[i]).toBe(v);
      expect(cube.statusAt(i)).toBe(raw.status?.[String(i)]);
    });
  });

  it("reads SSB's own 12362 test response into the sectors' share indicators for Oslo 2024", () => {
    const raw = load("ssb-mock-12362-oslo-2024.json").mockStatbankResponseOslo;
    const cube = readJsonStat(raw, "12362");
    const { observations } = observationsFromCube(cube, "12362");
    const at = (f: string) => cell(cube, { KOKkommuneregion0000: "0301", KOKfunksjon0000: f, KOKart0000: "AGD10", ContentsCode: "KOSandel3501", Tid: "2024" })?.value;
    expect(observations.map((o) => [o.indicator, o.municipality, o.year, o.value])).toEqual([
      ["barnehage-andel-av-totale-utgifter", "oslo", 2024, at("FGK7")],
      ["grunnskole-andel-av-totale-utgifter", "oslo", 2024, at("FGK8b")],
      ["sosial-andel-av-totale-utgifter", "oslo", 2024, at("FGK12")],
      ["var-andel-brutto", "oslo", 2024, at("FGK14")],
    ]);
    expect(at("FGK7")).toBe(11.4);
    expect(cube.notes.length).toBeGreaterThan(0);
  });

  it("imports a recorded response as a file with its table, updated and notes as provenance", () => {
    const bytes = new TextEncoder().encode(JSON.stringify(load("ssb-mock-12362-oslo-2024.json").mockStatbankResponseOslo));
    const r = readDataFile(bytes, "12362.json", new Date("2026-06-20T10:00:00Z"));
    expect(r.dataset.observations).toHaveLength(4);
    expect(r.dataset.provenance).toEqual([{ source: "file", query: "12362.json", fetchedAt: "2026-06-20T10:00:00.000Z", updated: "2026-06-15T06:00:00Z", notes: expect.any(Array) }]);
  });
});
