/**
 * The `kostra` command as a user runs it: the built bin in a child process.
 * (`npm test` builds the CLI first.)
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { atSeedPrecision, SEED_2017 } from "../support/seed-tables";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const sample = require("../../src/sources/sample/sample-data.json");
const ROOT = join(__dirname, "..", "..");
const FIXTURES = join(ROOT, "tests", "fixtures", "ssb");

function kostra(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "kostra.js"), ...args], { encoding: "utf8", cwd: ROOT });
  return { code: r.status, out: r.stdout, err: r.stderr };
}


interface Row {
  indicator: { id: string; label: string; unit: string };
  value: number | null;
  status: string | null;
  average: number | null;
  n: number;
  lowest: { value: number; municipality: { code: string; name: string } } | null;
  highest: { value: number; municipality: { code: string; name: string } } | null;
  index: number | null;
  lowestIndex: number | null;
  highestIndex: number | null;
  rank: number | null;
  comparisons: { municipality: { code: string; name: string }; value: number | null; index: number | null }[];
  reason: string | null;
}

const seedColumns = (rows: Row[]) => rows.map((r) => [r.value, r.average, r.lowest?.value, r.highest?.value, r.comparisons[0].value].map(atSeedPrecision));

describe("kostra profile --format json on the embedded sample", () => {
  it.each(["0219", "3201", "3024"])("reproduces the reference plan-miljo-kultur table with code %s", (code) => {
    // The seed's tables average simply; the default is KS's rule per indicator.
    const r = kostra("profile", "--sector", "plan-miljo-kultur", "--municipality", code, "--year", "2017", "--format", "json", "--average", "simple");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(["sector", "year", "municipality", "network", "options", "rows", "provenance"]);
    expect(json.sector).toEqual({ id: "plan-miljo-kultur", label: "Plan, miljø og kultur" });
    expect(json.municipality).toEqual({ id: "baerum", code: "0219", name: "Bærum" });
    expect(json.network.id).toBe("asss");
    expect(json.network.members).toHaveLength(10);
    expect(json.options).toEqual({ average: "simple", includeOslo: true, includeFocal: true });
    expect(seedColumns(json.rows)).toEqual(SEED_2017["plan-miljo-kultur"]);
    expect(json.rows[0].index).toBe((141 / 277) * 100);
    expect(json.rows[0].highestIndex).toBe((723 / 277) * 100);
    expect(json.rows[0].comparisons[0]).toEqual({ municipality: { code: "0220", name: "Asker" }, value: 324, index: (324 / 277) * 100 });
    expect(Object.keys(json.rows[0])).toEqual([
      "indicator", "value", "status", "average", "n", "lowest", "highest", "index", "lowestIndex", "highestIndex", "rank", "comparisons", "reason",
    ]);
    expect(json.provenance[0].synthetic).toBe(true);
    expect(r.err).toMatch(/syntetiske/);
  });

  it("reproduces the reference tekniske-tjenester table", () => {
    const r = kostra("profile", "--sector", "tekniske-tjenester", "--municipality", "3201", "--year", "2017", "--format", "json", "--average", "simple");
    expect(r.code).toBe(0);
    expect(seedColumns(JSON.parse(r.out).rows)).toEqual(SEED_2017["tekniske-tjenester"]);
  });

  it("averages as KS by default, and applies --average weighted, --exclude-oslo and --exclude-focal", () => {
    const base = JSON.parse(kostra("profile", "--sector", "plan-miljo-kultur", "--municipality", "0219", "--year", "2017", "--format", "json").out);
    expect(base.options).toEqual({ average: "indicator", includeOslo: true, includeFocal: true });
    // KS weights kroner per inhabitant by population: not the seed's simple mean 277.
    const simple = JSON.parse(kostra("profile", "--sector", "plan-miljo-kultur", "--municipality", "0219", "--year", "2017", "--format", "json", "--average", "simple").out);
    expect(simple.rows[0].average).toBe(277);
    expect(base.rows[0].average).not.toBe(277);
    const other = JSON.parse(
      kostra("profile", "--sector", "plan-miljo-kultur", "--municipality", "0219", "--year", "2017", "--format", "json", "--average", "weighted", "--exclude-oslo", "--exclude-focal").out,
    );
    expect(other.options).toEqual({ average: "weighted", includeOslo: false, includeFocal: false });
    expect(other.rows[0].n).toBe(8);
    expect(other.rows[0].average).not.toBe(base.rows[0].average);
  });

  it("takes --compare and --lang en", () => {
    const r = kostra("profile", "--sector", "plan-miljo-kultur", "--municipality", "Bærum", "--year", "2016", "--compare", "0301,1201", "--format", "json", "--lang", "en");
    const json = JSON.parse(r.out);
    expect(json.sector.label).toBe("Planning, environment and culture");
    expect(json.rows[0].comparisons.map((c: { municipality: { name: string } }) => c.municipality.name)).toEqual(["Oslo", "Bergen"]);
  });
});

describe("kostra profile --input", () => {
  it("computes the profile from a json-stat2 file for table 12362, not from the sample", () => {
    const r = kostra("profile", "--input", join(FIXTURES, "12362-pmk-2017.json"), "--sector", "plan-miljo-kultur", "--municipality", "0219", "--year", "2017", "--format", "json", "--average", "simple");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    // The fixture's Bærum bibliotek is 10 above the sample's, so this value can only come from the file.
    expect(json.rows[2].value).toBe(314);
    // Tromsø's kunstformidling is null with status "..": n drops by one and the average is over 9.
    expect(json.rows[0].n).toBe(9);
    expect(json.rows[1].n).toBe(10);
    const tromso2017 = sample.values.kunstformidling.tromso[2] as number;
    expect(json.rows[0].average).toBeCloseTo((277 * 10 - tromso2017) / 9, 10);
    expect(json.provenance).toEqual([expect.objectContaining({ source: "file", table: "12362", query: "12362-pmk-2017.json", updated: "2018-06-15T06:00:00Z" })]);
    // As KS (the default) weights by population, which the file lacks: no average, and the row says why.
    const asKs = JSON.parse(kostra("profile", "--input", join(FIXTURES, "12362-pmk-2017.json"), "--sector", "plan-miljo-kultur", "--municipality", "0219", "--year", "2017", "--format", "json").out);
    expect([asKs.rows[2].value, asKs.rows[2].average]).toEqual([314, null]);
    expect(asKs.rows[2].reason).toMatch(/Mangler folketall til vekting/);
  });

  it("gives the same profile from the same data in another dimension order", () => {
    const a = JSON.parse(kostra("profile", "--input", join(FIXTURES, "12362-pmk-2017.json"), "--sector", "plan-miljo-kultur", "--municipality", "0219", "--year", "2017", "--format", "json").out);
    const b = JSON.parse(kostra("profile", "--input", join(FIXTURES, "12362-pmk-2017-reordered.json"), "--sector", "plan-miljo-kultur", "--municipality", "0219", "--year", "2017", "--format", "json").out);
    expect(b.rows).toEqual(a.rows);
  });

  it("reads a tidy CSV file", () => {
    const dir = mkdtempSync(join(tmpdir(), "kostra-"));
    const file = join(dir, "data.csv");
    const members = ["0301", "1201", "1601", "1103", "0219", "1001", "0602", "0106", "1102", "1902"];
    writeFileSync(file, "region;indikator;år;verdi\n" + members.map((c, i) => `${c};bibliotek;2017;${(i + 1) * 10}`).join("\n") + "\n");
    const r = kostra("profile", "--input", file, "--sector", "plan-miljo-kultur", "--municipality", "0219", "--year", "2017", "--format", "json", "--average", "simple");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.rows[2].average).toBe(55);
    expect(json.rows[0].reason).toMatch(/Ingen kommuner i nettverket har data/);
  });
});

describe("kostra output formats", () => {
  it("prints a readable nb-NO table with the sample notice", () => {
    const r = kostra("profile", "--sector", "tekniske-tjenester", "--municipality", "0219", "--year", "2017", "--average", "simple");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Tekniske tjenester – Bærum \(0219\) 2017/);
    // Within 100 columns the road cost's label wraps; the figures stay on its first line.
    expect(r.out).toMatch(/^Brutto driftsutgifter i kr[^\n]*\s277 363\s+372 902\s[^\n]*\n +kommunal vei og gate$/m);
    for (const line of r.out.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
    const wide = kostra("profile", "--sector", "tekniske-tjenester", "--municipality", "0219", "--year", "2017", "--average", "simple", "--wide");
    expect(wide.out).toMatch(/277 363\s+372 902\s+142 320 \(Kristiansand\)/);
    expect(r.out).toMatch(/Eksempeldata \(syntetiske\)/);
    expect(r.out).toMatch(/Snitt: uvektet, 10 kommuner, Oslo med, Bærum med/);
    expect(r.out).not.toMatch(/ \*\s/);
    // By default as KS: the line says which indicators are averaged how, and the simply averaged fee is marked *.
    const asKs = kostra("profile", "--sector", "tekniske-tjenester", "--municipality", "0219", "--year", "2017");
    expect(asKs.out.replace(/\n {2}/g, " ")).toMatch(/Snitt: som KS \(vektet for 5 indikatorer; uvektet for 1 indikator, merket \*\), 10 kommuner, Oslo med, Bærum med/);
    expect(asKs.out).toMatch(/^Årsgebyr for avfallstjenesten[^\n]*\s2 550\s[^\n]*\n +ekskl\. mva\. \(per 1\.1\.2018\) \*$/m);
    const asKsWide = kostra("profile", "--sector", "tekniske-tjenester", "--municipality", "0219", "--year", "2017", "--wide");
    expect(asKsWide.out).toMatch(/Årsgebyr for avfallstjenesten - ekskl\. mva\. \(per 1\.1\.2018\) \*\s+2 550/);
    expect(asKsWide.out).toMatch(/per km kommunal vei og gate\s+277 363\s/);
  });

  it("prints CSV", () => {
    const r = kostra("profile", "--sector", "plan-miljo-kultur", "--municipality", "0219", "--year", "2017", "--format", "csv", "--average", "simple");
    const lines = r.out.trim().split("\n");
    expect(lines).toHaveLength(7);
    expect(lines[1].split(";").slice(0, 6)).toEqual(["Netto driftsutgifter kunstformidling pr. innbygger", "141", "277", "50", "723", "324"]);
  });

  it("lists the templates", () => {
    const r = kostra("templates");
    expect(r.out).toMatch(/plan-miljo-kultur\s+Plan, miljø og kultur \(6 indikatorer\)/);
  });
});

describe("kostra errors: exit 2 with one line naming the problem", () => {
  const dir = mkdtempSync(join(tmpdir(), "kostra-"));
  const bad = join(dir, "broken.json");
  writeFileSync(bad, '{"version":"2.0","class":"dataset","id":["A"],"size":[2],"dimension":{"A":{"category":{"index":["a","b"]}}},"value":[1]}');
  const notJson = join(dir, "notjson.json");
  writeFileSync(notJson, "{ oops");
  const badCsv = join(dir, "bad.csv");
  writeFileSync(badCsv, "region;indikator;år;verdi\n0219;bibliotek;2017;12x\n");

  it.each([
    ["a malformed json-stat file", ["--input", bad], /broken\.json: «value» har 1 verdier, men dimensjonene gir 2/],
    ["a file that is not JSON", ["--input", notJson], /notjson\.json: er ikke gyldig JSON/],
    ["a bad CSV value", ["--input", badCsv], /bad\.csv linje 2, felt «verdi»: «12x» er ikke et tall/],
    ["a missing file", ["--input", join(dir, "nope.csv")], /finner ikke filen .*nope\.csv/],
    ["an unknown municipality code", ["--municipality", "9999"], /Fant ingen kommune «9999»/],
    ["a year with no data", ["--year", "2030"], /Ingen data for 2030 .* Data finnes for: 2015, 2016, 2017, 2018/],
    ["an unknown sector", ["--sector", "skole"], /Ukjent sektormal: «skole»/],
    ["a bad --average", ["--average", "median"], /--average må være simple, weighted eller indicator/],
    ["an unknown option", ["--colour"], /ukjent valg «--colour»/],
  ])("%s", (_, extra, message) => {
    const base: Record<string, string> = { "--sector": "plan-miljo-kultur", "--municipality": "0219", "--year": "2017" };
    const args = ["profile"];
    for (let i = 0; i < extra.length; i++) if (extra[i] in base) base[extra[i]] = extra[++i];
      else args.push(extra[i]);
    for (const [k, v] of Object.entries(base)) args.push(k, v);
    const r = kostra(...args);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(message);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).not.toMatch(/\bat .*\.js:\d+/);
  });
});
