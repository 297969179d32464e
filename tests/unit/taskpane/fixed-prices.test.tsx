/** @jest-environment jsdom */
/**
 * Fixed prices in the pane: the choice under "Avanserte valg" (loaded after the first view)
 * gives a downloaded report whose time series is in fixed kroner with its price-index table,
 * and the settings the file carries keep the choice; a template's choice opens again.
 */
import "@testing-library/jest-dom";
import { fireEvent, screen } from "@testing-library/react";
import type { ReportPlan } from "../../../src/report/plan";
import { initialForm } from "../../../src/taskpane/state/form";
import { choosePrices, pricesValue } from "../../../src/taskpane/state/prices";
import { formFromSettings, settingsFor } from "../../../src/taskpane/state/settings";
import { press, renderPane } from "./renderPane";

const texts = (plan: ReportPlan, key: string) =>
  plan.sheets.find((s) => s.key === key)!.blocks.flatMap((b) => b.rows.flat()).flatMap((c) => (c.kind === "text" ? [c.text] : []));

describe("fixed prices in the pane", () => {
  it("downloads the time series in fixed kroner of the profile year when the deflator is chosen", async () => {
    const { services } = await renderPane();
    fireEvent.click(screen.getByRole("button", { name: "Avanserte valg" }));
    const fixed = await screen.findByRole("radio", { name: "Faste kroner, kommunal deflator" });
    expect(screen.getByRole("radio", { name: "Løpende kroner (som publisert)" })).toBeChecked();
    fireEvent.click(fixed);
    expect(fixed).toBeChecked();
    press("Last ned som .xlsx");
    expect(await screen.findByText("Lastet ned kostra-baerum-2017.xlsx.")).toBeInTheDocument();
    const [plan, , settings] = services.downloadXlsx.mock.calls[0];
    const series = texts(plan, "trend:plan-miljo-kultur");
    expect(series).toContain("Verdier (faste 2017-kroner, kommunal deflator)");
    expect(series.some((t) => t.startsWith("Prisindeks: kommunal deflator (prisnivå 2017 = 100)"))).toBe(true);
    expect(settings.prices).toEqual({ index: "kommunal-deflator" });
  });

  it("keeps nominal prices as the default, with no price table", async () => {
    const { services } = await renderPane();
    press("Last ned som .xlsx");
    expect(await screen.findByText("Lastet ned kostra-baerum-2017.xlsx.")).toBeInTheDocument();
    const [plan, , settings] = services.downloadXlsx.mock.calls[0];
    expect(texts(plan, "trend:plan-miljo-kultur").some((t) => t.startsWith("Prisindeks"))).toBe(false);
    expect(settings.prices).toBeUndefined();
  });
});

describe("the prices choice as template settings", () => {
  it("round-trips the index, the user's rows and the base year", () => {
    const prices = { index: "kommunal-deflator" as const, table: [{ year: 2017, growth: 2.4, source: "TBU april 2018" }], year: 2018 };
    const form = { ...initialForm({ sector: "plan-miljo-kultur", year: 2017 }), prices };
    const settings = settingsFor(form, "nb", null);
    expect(settings.prices).toEqual(prices);
    expect(formFromSettings(settings).prices).toEqual(prices);
    expect(formFromSettings({ ...settings, prices: undefined }).prices).toBe("nominal");
  });

  it("keeps the user's rows while the index stays, and drops them for another index", () => {
    const withRows = { index: "kommunal-deflator" as const, table: [{ year: 2017, growth: 2.4 }], year: 2018 };
    expect(choosePrices(withRows, "kommunal-deflator")).toBe(withRows);
    expect(choosePrices(withRows, "kpi")).toEqual({ index: "kpi", year: 2018 });
    expect(choosePrices(withRows, "nominal")).toBe("nominal");
    expect(choosePrices("nominal", "anything else")).toBe("nominal");
    expect(pricesValue(withRows)).toBe("kommunal-deflator");
    expect(pricesValue("nominal")).toBe("nominal");
  });
});
