/** @jest-environment jsdom */
/**
 * "Oppdater" on a workbook whose report has a data sheet: the pane reads it first, writes
 * the change list, and says how many figures changed since the previous figures' vintage;
 * a data sheet that cannot be read stops the update before anything is written.
 * Data: the SYNTHETIC sample; the "previous" sheet is the sample's report with one figure changed.
 */
import "@testing-library/jest-dom";
import { screen, waitFor } from "@testing-library/react";
import type { Dataset } from "../../../src/kostra/types";
import type { ReportPlan } from "../../../src/report/plan";
import { parseCell } from "../../../src/report/plan";
import { buildReport } from "../../../src/report/report";
import type { TemplateSettings } from "../../../src/report/template-settings";
import { sampleDataset } from "../../../src/sources/sample";
import { writtenSettings } from "../../support/settings-fixture";
import { fakeExcelServices } from "./fakeServices";
import { press, renderPane } from "./renderPane";

const TEMPLATE: TemplateSettings = writtenSettings({
  source: { kind: "sample" },
  ownedSheets: [
    { key: "profile:plan-miljo-kultur:2017", id: "{s1}", name: "Plan, miljø og kultur 2017" },
    { key: "data", id: "{s3}", name: "KOSTRA-data" },
  ],
});

/** The data sheet's cells as Office.js reads them back (formulas need Excel: left empty). */
function sheetValues(plan: ReportPlan): (string | number | boolean)[][] {
  const sheet = plan.sheets.find((s) => s.key === "data")!;
  const rows: (string | number | boolean)[][] = [];
  for (const b of sheet.blocks) {
    const at = parseCell(b.at);
    b.rows.forEach((r, i) => r.forEach((c, j) => ((rows[at.row - 1 + i] ??= [])[at.col - 1 + j] = c.kind === "number" ? c.value : c.kind === "text" ? c.text : "")));
  }
  return Array.from(rows, (r) => Array.from(r ?? [], (x) => x ?? ""));
}

/** The sample as fetched in March: Stavanger's kunstformidling 2017 was 80 kr lower then. */
function march(): Dataset {
  const d = sampleDataset();
  const observations = d.observations.map((o) => (o.indicator === "kunstformidling" && o.municipality === "stavanger" && o.year === 2017 ? { ...o, value: o.value! - 80 } : o));
  return { observations, provenance: d.provenance.map((p) => ({ ...p, updated: "2025-03-15T07:00:00Z" })) };
}

describe("«Oppdater» with the report's data sheet", () => {
  it("writes the change list and says how many figures changed since the previous vintage", async () => {
    const services = fakeExcelServices({ readDataSheet: jest.fn(async () => ({ name: "KOSTRA-data", rows: sheetValues(buildReport(march(), { sectors: ["plan-miljo-kultur"], municipality: "0219", year: 2017, years: [2015, 2016, 2017], lang: "nb" }).plan) })) });
    services.readTemplate.mockResolvedValue({ kind: "ok", settings: TEMPLATE });
    const sheets = [...TEMPLATE.ownedSheets, { key: "changes", id: "{s4}", name: "Endringer" }];
    services.writeReport.mockResolvedValue({ sheets, syncs: 3, largestRequestBytes: 1000, replaced: [], kept: [], renamed: [] });
    await renderPane({ services });
    press("Oppdater");
    expect(await screen.findByText(/1 tall er endret siden 15\.03\.2025\. Endringene står på arket «Endringer»/)).toBeInTheDocument();
    expect(services.readDataSheet).toHaveBeenCalledWith(TEMPLATE.ownedSheets[1]);
    const plan: ReportPlan = services.writeReport.mock.calls[0][0];
    expect(plan.sheets.map((s) => s.key)).toContain("changes");
  });

  it("stops before writing when the data sheet cannot be read, naming the row", async () => {
    const services = fakeExcelServices({
      readDataSheet: jest.fn(async () => ({
        name: "KOSTRA-data",
        rows: [
          ["Nøkkel", "Verdi"],
          ["kunstformidling|baerum|2017", "mye"],
        ],
      })),
    });
    services.readTemplate.mockResolvedValue({ kind: "ok", settings: TEMPLATE });
    await renderPane({ services });
    press("Oppdater");
    expect(await screen.findByRole("alert")).toHaveTextContent(/KOSTRA-data \(rad\/row 2\): «value» ugyldig verdi "mye"/);
    await waitFor(() => expect(services.readDataSheet).toHaveBeenCalled());
    expect(services.writeReport).not.toHaveBeenCalled();
  });

  it("writes as before when the workbook has no data sheet to compare with", async () => {
    const services = fakeExcelServices({ readDataSheet: jest.fn(async () => null) });
    services.readTemplate.mockResolvedValue({ kind: "ok", settings: TEMPLATE });
    await renderPane({ services });
    press("Oppdater");
    expect(await screen.findByText("Rapporten er skrevet.")).toBeInTheDocument();
    const plan: ReportPlan = services.writeReport.mock.calls[0][0];
    expect(plan.sheets.map((s) => s.key)).not.toContain("changes");
    expect(screen.queryByText(/tall er endret/)).not.toBeInTheDocument();
  });
});
