/** @jest-environment jsdom */
/**
 * "Oppdater" on a report in fixed prices: the pane reads the time-series sheets' price-index
 * tables first, keeps the growth figures the user corrected or added (in the settings it
 * writes and in the new report's table), gives the shipped figure back for an emptied cell,
 * and says what it refused. Data: the SYNTHETIC sample; typed growth figures are invented.
 */
import "@testing-library/jest-dom";
import { screen, waitFor } from "@testing-library/react";
import { kommunalDeflator } from "../../../src/kostra/prices";
import type { ReportPlan } from "../../../src/report/plan";
import type { PriceTableCells } from "../../../src/report/price-table-read";
import { settingsFromXml, settingsPart, type TemplateSettings } from "../../../src/report/template-settings";
import { formFromSettings } from "../../../src/taskpane/state/settings";
import { writtenSettings } from "../../support/settings-fixture";
import { fakeExcelServices } from "./fakeServices";
import { press, renderPane } from "./renderPane";

const TREND = { key: "trend:plan-miljo-kultur", id: "{s2}", name: "Utvikling Plan, miljø og kultur" };
const TEMPLATE: TemplateSettings = writtenSettings({
  source: { kind: "sample" },
  prices: { index: "kommunal-deflator", table: [{ year: 2015, growth: 2.2 }] },
  ownedSheets: [{ key: "profile:plan-miljo-kultur:2017", id: "{s1}", name: "Plan, miljø og kultur 2017" }, TREND],
});

/** The 2016 source as the sheet shows the shipped row (an estimate): not the user's own. */
const SHIPPED_2016 = `${kommunalDeflator().rows.find((r) => r.year === 2016)!.source} (anslag, ikke endelig tall)`;

/** The table as Office.js reads it back: 2015 emptied (the shipped figure again), 2016 corrected, 2017 added, 2018 a formula. */
const TABLE: PriceTableCells = {
  sheet: TREND.name,
  firstRow: 40,
  values: [
    [2015, "", "", "skrevet inn av brukeren"],
    [2016, 2.5, 100, SHIPPED_2016],
    [2017, 1.9, 101.9, ""],
    [2018, 9, 111, ""],
  ],
  formulas: [
    [2015, "", "=C42/(1+B42/100)", "skrevet inn av brukeren"],
    [2016, 2.5, 100, SHIPPED_2016],
    [2017, 1.9, "=C41*(1+B42/100)", ""],
    [2018, "=WEBSERVICE(\"http://x\")", "=C42*(1+B43/100)", ""],
  ],
};

/** The growth the plan's price-index table writes for a year of the time series. */
function planGrowth(plan: ReportPlan, year: number): unknown {
  const sheet = plan.sheets.find((s) => s.key === TREND.key)!;
  const row = sheet.blocks.flatMap((b) => b.rows).find((r) => r.length === 4 && r[0]?.kind === "number" && r[0].value === year && r[2]?.kind !== "text");
  return row === undefined ? "no row" : row[1].kind === "number" ? row[1].value : row[1].kind;
}

describe("«Oppdater» keeps the user's price-index rows", () => {
  it("reads the tables first and writes the user's rows into the settings and the sheet", async () => {
    const services = fakeExcelServices({ readPriceTables: jest.fn(async () => [TABLE]) });
    services.readTemplate.mockResolvedValue({ kind: "ok", settings: TEMPLATE });
    await renderPane({ services });
    press("Oppdater");
    expect(await screen.findByText(/Rapporten er skrevet/)).toBeInTheDocument();
    expect(services.readPriceTables).toHaveBeenCalledWith(TEMPLATE.ownedSheets);
    const [plan, settings] = services.writeReport.mock.calls[0];
    expect(settings.prices).toEqual({ index: "kommunal-deflator", table: [{ year: 2016, growth: 2.5 }, { year: 2017, growth: 1.9 }] });
    // The settings round trip: the part the workbook stores reads back as the same choice.
    const back = settingsFromXml(settingsPart(settings, TEMPLATE.ownedSheets, "2025-11-27T08:13:00Z"));
    expect(back.kind).toBe("ok");
    if (back.kind === "ok") expect(formFromSettings(back.settings).prices).toEqual(settings.prices);
    expect(planGrowth(plan, 2016)).toBe(2.5);
    expect(planGrowth(plan, 2017)).toBe(1.9);
    expect(planGrowth(plan, 2015)).toBe("empty"); // the deflator ships no 2015: the user's 2.2 is gone with the emptied cell
    // The formula typed in 2018 is refused with a note and not written back.
    expect(await screen.findByText(/«Utvikling Plan, miljø og kultur», prisindeks\/price index \(rad\/row 43\): en formel/)).toBeInTheDocument();
    expect(planGrowth(plan, 2018)).not.toBe(9);
    // The kept rows are the pane's choice from now on: a download carries them too.
    press("Last ned som .xlsx");
    await waitFor(() => expect(services.downloadXlsx).toHaveBeenCalled());
    expect(services.downloadXlsx.mock.calls[0][2].prices.table).toEqual([{ year: 2016, growth: 2.5 }, { year: 2017, growth: 1.9 }]);
  });

  it("reads no price-index table for a report in nominal prices", async () => {
    const services = fakeExcelServices({ readPriceTables: jest.fn(async () => [TABLE]) });
    services.readTemplate.mockResolvedValue({ kind: "ok", settings: { ...TEMPLATE, prices: undefined } });
    await renderPane({ services });
    press("Oppdater");
    expect(await screen.findByText(/Rapporten er skrevet/)).toBeInTheDocument();
    expect(services.readPriceTables).not.toHaveBeenCalled();
    expect(services.writeReport.mock.calls[0][1].prices).toBeUndefined();
  });
});
