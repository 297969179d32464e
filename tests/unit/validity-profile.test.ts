/**
 * A figure outside its validity (f392 from 2021, after the trossamfunnsloven): the row says
 * "ikke gyldig for <år>: <grunn>" in the engine, the profile sheet, the time series and the
 * CLI table, it never enters an average, and a file that brings a value for such a year is
 * not an error. The figures are the embedded sample's (SYNTHETIC) 2018 values filed as 2021.
 */
import { benchmark, defaultOptions } from "../../src/kostra/benchmark";
import { templateById } from "../../src/kostra/catalog";
import { mergeDatasets } from "../../src/kostra/dataset";
import { describeProblem } from "../../src/kostra/describe";
import { codeForYear, municipalityById } from "../../src/kostra/municipalities";
import type { Dataset } from "../../src/kostra/types";
import { profileToJson, profileToTable } from "../../src/cli/profile-output";
import { buildReport } from "../../src/report/report";
import { sampleDataset } from "../../src/sources/sample";

/** The sample's 2018 figures of the plan/miljø/kultur template, filed under 2021 and the codes of 2021 (SYNTHETIC). */
function with2021(): Dataset {
  const sample = sampleDataset();
  const ids = new Set([...templateById("plan-miljo-kultur")!.indicators, "folkemengde"]);
  const moved = sample.observations
    .filter((o) => o.year === 2018 && ids.has(o.indicator))
    .flatMap((o) => {
      const code = codeForYear(municipalityById(o.municipality)!, 2021);
      return code ? [{ ...o, year: 2021, code }] : [];
    });
  return mergeDatasets([sample, { observations: moved, provenance: sample.provenance }]);
}

const REASON_NB = /^ikke gyldig for 2021: fra 2021 gir staten ett tilskudd til tros- og livssynssamfunn \(trossamfunnsloven\)/;

describe("a figure not valid in the profile year", () => {
  const dataset = with2021();
  // The "file" brings f392 for Bærum and every member in 2021: not an error.
  expect(dataset.observations.some((o) => o.indicator === "andre-trossamfunn" && o.year === 2021 && o.value !== null)).toBe(true);
  const profile = benchmark(dataset, defaultOptions("plan-miljo-kultur", "baerum", 2021));
  const row = profile.rows.find((r) => r.indicator.id === "andre-trossamfunn")!;

  it("says why on the row and has no value, average, range or rank", () => {
    expect(row.problem).toEqual({ code: "not-valid", year: 2021, reason: expect.objectContaining({ nb: expect.stringMatching(/trossamfunnsloven/) }) });
    expect([row.value, row.average, row.index, row.rank, row.lowest, row.highest, row.n]).toEqual([null, null, null, null, null, null, 0]);
    expect(row.comparisons.every((c) => c.value === null)).toBe(true);
    expect(describeProblem(row.problem!, "nb")).toMatch(REASON_NB);
    expect(describeProblem(row.problem!, "en")).toMatch(/^not valid for 2021: from 2021 the state pays one grant/);
    // The other rows are benchmarked as usual, and a valid year of f392 is too.
    expect(profile.rows.filter((r) => r.problem?.code === "not-valid")).toHaveLength(1);
    const valid = benchmark(dataset, defaultOptions("plan-miljo-kultur", "baerum", 2018)).rows.find((r) => r.indicator.id === "andre-trossamfunn")!;
    expect([valid.problem, valid.average !== null]).toEqual([null, true]);
  });

  it("says so in the CLI table and the JSON output", () => {
    // The note wraps at 100 columns, continued after two spaces.
    const table = profileToTable(profile, "nb").replace(/\n {2}/g, " ");
    expect(table).toMatch(/Netto driftsutgifter tilskudd til andre trossamfunn pr\. innbygger: ikke gyldig for 2021: fra 2021 gir staten/);
    const json = profileToJson(profile, "en") as { rows: { indicator: { id: string }; reason: string | null; average: number | null }[] };
    const r = json.rows.find((x) => x.indicator.id === "andre-trossamfunn")!;
    expect([r.reason, r.average]).toEqual([expect.stringMatching(/^not valid for 2021/), null]);
  });

  it("writes the reason on the profile sheet instead of formulas, and leaves the year out of the time series", () => {
    const { plan } = buildReport(dataset, { sectors: ["plan-miljo-kultur"], municipality: "0219", year: 2021, years: [2018, 2021], lang: "nb" });
    const sheet = plan.sheets.find((s) => s.blocks.some((b) => b.rows.some((r) => r.some((c) => c.kind === "text" && /andre trossamfunn/.test(c.text)))))!;
    const rows = sheet.blocks.flatMap((b) => b.rows);
    const f392 = rows.find((r) => r[0]?.kind === "text" && r[0].text === "Netto driftsutgifter tilskudd til andre trossamfunn pr. innbygger" && r.length > 2)!;
    expect(f392[1]).toEqual({ kind: "text", text: expect.stringMatching(REASON_NB) });
    // No formula on the row: nothing averages, ranks or indexes the file's value.
    expect(f392.some((c) => c.kind === "formula")).toBe(false);

    const series = plan.sheets.find((s) => /Utvikling/.test(s.name))!;
    const text = series.blocks.flatMap((b) => b.rows.flat()).filter((c) => c.kind === "text").map((c) => (c as { text: string }).text);
    expect(text).toContain("Netto driftsutgifter tilskudd til andre trossamfunn pr. innbygger: ikke gyldig for 2021: fra 2021 gir staten ett tilskudd til tros- og livssynssamfunn (trossamfunnsloven), kommunene gir ikke lenger tilskudd.");
    // Values, averages and indexes: 2018 (column B) has a formula, 2021 (column C) none, for f392's rows only.
    const f392Rows = series.blocks.flatMap((b) => b.rows).filter((r) => r[0]?.kind === "text" && r[0].text.startsWith("Netto driftsutgifter tilskudd til andre trossamfunn"));
    const valueAndAverage = f392Rows.filter((r) => r[1]?.kind === "formula");
    expect(valueAndAverage.length).toBeGreaterThanOrEqual(2);
    for (const r of valueAndAverage.slice(0, 2)) expect(r[2]?.kind).not.toBe("formula");
  });
});
