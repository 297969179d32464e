/**
 * The profile sheet's sentences are live formulas (issue 13, item 3): recalculated by
 * LibreOffice, every row's sentence is exactly the engine's (the text the pane shows and
 * `kostra profile --format text` prints), in both languages — the bokmål report in
 * LibreOffice's nb-NO locale, the English one in en-US, since FIXED writes numbers in the
 * locale it calculates in — and a changed figure on the data sheet changes its sentence.
 *
 * The data are the embedded sample (SYNTHETIC), changed so that every case occurs: Bærum
 * without kunstformidling in 2017, nobody with andre kulturaktiviteter, a negative average
 * for kart og oppmåling; with Landet uten Oslo as the base, a row without its published
 * figure and no network to rank in.
 */
import { profileSentences } from "../../src/kostra/sentences";
import type { Dataset, Lang, Observation } from "../../src/kostra/types";
import { type PlanCell, type ReportPlan } from "../../src/report/plan";
import { buildReport, type Report, type ReportRequest } from "../../src/report/report";
import { writeXlsx } from "../../src/report/xlsx-writer";
import { sampleDataset } from "../../src/sources/sample";
import { recalculate } from "../support/libreoffice";
import { LONG_TEST_TIMEOUT_MS } from "../support/timing";

jest.setTimeout(LONG_TEST_TIMEOUT_MS);

const LOCALE: Record<Lang, string> = { nb: "nb-NO", en: "en-US" };
const HEADER: Record<Lang, string> = { nb: "Setning (formel)", en: "Sentence (formula)" };

function changed(change: (o: Observation) => Observation | null): Dataset {
  const sample = sampleDataset();
  return { ...sample, observations: sample.observations.map(change).filter((o): o is Observation => o !== null) };
}

const missing = (o: Observation): Observation => ({ ...o, value: null, status: ".." });

/** Every case of the rule with the ASSS network. */
const networkData = changed((o) => {
  if (o.year !== 2017) return o;
  if (o.indicator === "kunstformidling" && o.municipality === "baerum") return missing(o);
  if (o.indicator === "andre-kulturaktiviteter") return missing(o);
  if (o.indicator === "kart-oppmaling" && o.value !== null) return { ...o, value: -o.value };
  return o;
});

/** Landet uten Oslo as the base, without its figure for bibliotek. */
const baseData = changed((o) => (o.year === 2017 && o.indicator === "bibliotek" && o.municipality === "eakuo" ? missing(o) : o));

const request = (lang: Lang, over: Partial<ReportRequest> = {}): ReportRequest => ({
  sectors: ["plan-miljo-kultur", "tekniske-tjenester"],
  municipality: "0219",
  year: 2017,
  years: [2017],
  average: "simple",
  lang,
  ...over,
});

/** The sentence column's letter and the rows of each profile sheet, read from the plan. */
function sentenceCells(plan: ReportPlan, lang: Lang, profileKey: string): { sheet: string; cells: string[] } {
  const sheet = plan.sheets.find((s) => s.key === profileKey)!;
  const header = sheet.blocks.find((b) => b.at === "A7")!.rows[0];
  const col = header.findIndex((c: PlanCell) => c.kind === "text" && c.text === HEADER[lang]) + 1;
  expect(col).toBeGreaterThan(1);
  const rows = sheet.blocks.find((b) => b.at === "A8")!.rows.length;
  const letter = (n: number): string => (n > 26 ? letter(Math.floor((n - 1) / 26)) : "") + String.fromCharCode(65 + ((n - 1) % 26));
  return { sheet: sheet.name, cells: Array.from({ length: rows }, (_, i) => `${letter(col)}${8 + i}`) };
}

async function recalculatedSentences(report: Report, lang: Lang): Promise<Map<string, unknown[]>> {
  const result = await recalculate(await writeXlsx(report.plan), { locale: LOCALE[lang] });
  const out = new Map<string, unknown[]>();
  for (const p of report.profiles) {
    const { sheet, cells } = sentenceCells(report.plan, lang, `profile:${p.sector.id}:${p.year}`);
    out.set(p.sector.id, cells.map((a) => result.value(sheet, a)));
  }
  return out;
}

describe("the profile sheet's sentences recalculated by LibreOffice", () => {
  it.each<[Lang, number]>([
    ["nb", 5],
    ["en", 10],
  ])("are the engine's sentences, every case, with the ASSS network (%s, band ±%d %%)", async (lang, band) => {
    const report = buildReport(networkData, request(lang, { sentenceBand: band }));
    const recalculated = await recalculatedSentences(report, lang);
    const seen = new Set<string>();
    for (const p of report.profiles) {
      const expected = profileSentences(p, lang, band);
      expect(recalculated.get(p.sector.id)).toEqual(expected);
      expected.forEach((s) => seen.add(s));
    }
    const all = [...seen].join("\n");
    // The cases the data were changed for are there (a sentence per case, in the language).
    const words = lang === "nb"
      ? ["har ikke tall for 2017; snittet i ASSS er", "har ikke tall for 2017, og snittet i ASSS mangler.", "så en prosentvis forskjell gir ikke mening", "bruker", "Rang "]
      : ["has no figure for 2017; the ASSS average is", "has no figure for 2017, and the ASSS average is missing.", "so a percentage difference is not meaningful", "spends", "Rank "];
    for (const w of words) expect(all).toContain(w);
  });

  it.each<Lang>(["nb", "en"])("are the engine's sentences with a published base and no network to rank in (%s)", async (lang) => {
    const report = buildReport(baseData, request(lang, { network: "none", base: "eakuo", sectors: ["plan-miljo-kultur"] }));
    const recalculated = await recalculatedSentences(report, lang);
    const expected = profileSentences(report.profiles[0], lang);
    expect(recalculated.get("plan-miljo-kultur")).toEqual(expected);
    expect(expected.join("\n")).toContain(lang === "nb" ? "snittet for Landet uten Oslo mangler for 2017." : "the average for Norway excluding Oslo is missing for 2017.");
    expect(expected.join("\n")).toContain(lang === "nb" ? "Ikke rangert" : "Not ranked");
  });

  it("changes a sentence when its figure on the data sheet is changed", async () => {
    const report = buildReport(sampleDataset(), request("nb", { sectors: ["plan-miljo-kultur"] }));
    const before = profileSentences(report.profiles[0], "nb");
    // Bærum's kunstformidling 2017 on the data sheet: 141 → 277, the seed's average.
    const data = report.plan.sheets.find((s) => s.key === "data")!;
    const rowCells = data.blocks[0].rows.find((r) => r[0].kind === "text" && r[0].text === "kunstformidling|baerum|2017")!;
    const valueAt = data.blocks[0].rows[0].findIndex((c) => c.kind === "text" && c.text === "Verdi");
    expect(rowCells[valueAt]).toMatchObject({ kind: "number", value: 141 });
    rowCells[valueAt] = { ...rowCells[valueAt], kind: "number", value: 277 } as PlanCell;
    const edited = buildReport(
      changed((o) => (o.year === 2017 && o.indicator === "kunstformidling" && o.municipality === "baerum" ? { ...o, value: 277 } : o)),
      request("nb", { sectors: ["plan-miljo-kultur"] }),
    );
    const after = profileSentences(edited.profiles[0], "nb");
    expect(after[0]).not.toBe(before[0]);
    const recalculated = await recalculatedSentences(report, "nb");
    expect(recalculated.get("plan-miljo-kultur")).toEqual(after);
  });
});
