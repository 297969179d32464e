/**
 * Real SSB responses (tests/fixtures/ssb-recorded, recorded by other public projects) read
 * through the JSON-stat schema: every cell, status and code as SSB sent it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readDataFile } from "../../src/sources/file";
import { isWebPage } from "../../src/sources/ssb/body";
import { problemError, readProblem } from "../../src/sources/ssb/errors";
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

/** SSB's real error bodies, from the run log of 2026-04-25 (spike-12134-klass131-errors-2026-04-25.json). */
describe("SSB's real error bodies", () => {
  const log = load("spike-12134-klass131-errors-2026-04-25.json") as { smoke: { url: string }; errors: { label: string; status: number; snippet: string }[] };
  const body = (label: string) => log.errors.find((e) => e.label === label)!.snippet;
  const URL_12134 = log.smoke.url; // …/tables/12134/data?…&valuecodes[KOKkommuneregion0000]=0301,4601,5001&valuecodes[ContentsCode]=KOSAG110000&valuecodes[Tid]=2024

  it("are problem+json with a title and no detail: SSB does not say which table, variable or value", () => {
    expect(log.errors.map((e) => JSON.parse(e.snippet).title)).toEqual([
      "Non-existent table",
      "Non-existent value",
      "Missing selection for mandantory variable",
      "Non-existent value",
      "Non-existent value",
    ]);
    expect(log.errors.every((e) => readProblem(e.snippet).detail === undefined)).toBe(true);
  });

  it.each([404, 400])("'Non-existent table' with HTTP %i names the table the user asked for", (status) => {
    // The run log recorded HTTP 400 for this call although the body says 404: the body decides.
    const e = problemError(status, "https://data.ssb.no/api/pxwebapi/v2/tables/99999/data?lang=no&valuecodes[Tid]=2024", body("ugyldig tabell-ID"));
    expect(e.kind).toBe("not-found");
    expect(e.text.nb).toMatch(/^SSB finner ikke tabell 99999\./);
    expect(e.text.en).toMatch(/^SSB cannot find table 99999\./);
  });

  it("'Non-existent value' names the table and the codes the query asked for, and says SSB did not say which", () => {
    const e = problemError(400, URL_12134, body("ugyldig kommune-kode"));
    expect(e.kind).toBe("unknown-value");
    expect(e.text.nb).toBe(
      "Tabell 12134 hos SSB har ikke en av kodene spørringen ba om (KOKkommuneregion0000: 0301, 4601, 5001; ContentsCode: KOSAG110000; Tid: 2024); SSB sier ikke hvilken. " +
        "Kontroller kommunenummer og år, eller oppdater malen.",
    );
    expect(e.text.en).toBe(
      "SSB's table 12134 lacks one of the codes the query asked for (KOKkommuneregion0000: 0301, 4601, 5001; ContentsCode: KOSAG110000; Tid: 2024); SSB does not say which. " +
        "Check the municipality numbers and years, or update the template.",
    );
  });

  it("'Non-existent value' for a POST names the codes of its selection, a long list shortened", () => {
    const selection = { selection: [{ variableCode: "KOKkommuneregion0000", valueCodes: Array.from({ length: 40 }, (_, i) => String(3000 + i)) }, { variableCode: "Tid", valueCodes: ["2024"] }] };
    const e = problemError(400, "https://data.ssb.no/api/pxwebapi/v2/tables/12134/data?lang=no&outputFormat=json-stat2", body("ugyldig ContentsCode"), JSON.stringify(selection));
    expect(e.kind).toBe("unknown-value");
    expect(e.text.nb).toContain("Tabell 12134 hos SSB har ikke en av kodene spørringen ba om (KOKkommuneregion0000: 3000, 3001, 3002, 3003, 3004, 3005 og 34 til; Tid: 2024)");
  });

  it("'Missing selection for mandantory variable' names the table and the variables the query did choose", () => {
    const url = "https://data.ssb.no/api/pxwebapi/v2/tables/12134/data?lang=no&valuecodes[KOKkommuneregion0000]=0301&valuecodes[Tid]=2024";
    const e = problemError(400, url, body("manglende mandatory"));
    expect(e.kind).toBe("bad-request");
    expect(e.text.nb).toBe(
      "Tabell 12134 hos SSB krever et valg i en variabel spørringen ikke valgte (den valgte KOKkommuneregion0000, Tid). Malen mangler en dimensjon tabellen har — oppdater malen.",
    );
    expect(e.text.en).toBe(
      "SSB's table 12134 requires a choice in a variable the query did not choose (it chose KOKkommuneregion0000, Tid). The template lacks one of the table's dimensions — update the template.",
    );
  });

  it("the 12134 data body in the run log is the recorded 12134 response, and reads as one", () => {
    const raw = (load("spike-12134-klass131-errors-2026-04-25.json") as { smoke: { body: string } }).smoke.body;
    expect(JSON.parse(raw)).toEqual(load("v2-data-12134-KOSAG110000-2024.json"));
    const cube = readJsonStat(JSON.parse(raw), "12134");
    expect(cell(cube, { KOKkommuneregion0000: "0301", ContentsCode: "KOSAG110000", Tid: "2024" })?.value).toEqual(expect.any(Number));
  });

  it("SSB's HTML 404 for an over-long GET is taken for a web page, not data", () => {
    const html = (load("spike-12134-klass131-errors-2026-04-25.json") as { singleBatch: { status: number; body: string } }).singleBatch;
    expect(html.status).toBe(404);
    expect(isWebPage("text/html", html.body)).toBe(true);
    expect(readProblem(html.body)).toEqual({});
  });
});
