/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, screen, within } from "@testing-library/react";
import { benchmark, defaultOptions } from "../../../src/kostra/benchmark";
import { formatNumber } from "../../../src/kostra/describe";
import { SAMPLE_NOTICE, sampleDataset } from "../../../src/sources/sample";
import { fakeExcelServices } from "./fakeServices";
import { card, figure, listed, pick, picture, renderPane } from "./renderPane";

function typeMunicipality(text: string, label = "Kommune"): void {
  const input = screen.getByRole("combobox", { name: label });
  fireEvent.click(input);
  fireEvent.change(input, { target: { value: text } });
  fireEvent.keyDown(input, { key: "Enter" });
}

describe("task pane App", () => {
  it("shows Bærum's 2017 plan, environment and culture profile by default", async () => {
    await renderPane();
    expect(screen.getByRole("heading", { name: "Profil for Bærum 2017" })).toBeInTheDocument();
    await picture();
    const kunst = card(/kunstformidling/);
    expect(figure(kunst, "Bærum")).toBe("141");
    // As KS by default: kroner per inhabitant weighted by population (the seed's simple mean is 277).
    const asKs = benchmark(sampleDataset(), defaultOptions("plan-miljo-kultur", "0219", 2017)).rows[0];
    expect(asKs.average).toBeCloseTo(benchmark(sampleDataset(), { ...defaultOptions("plan-miljo-kultur", "0219", 2017), average: "weighted" }).rows[0].average!, 9);
    expect(figure(kunst, "Snitt ASSS")).toBe(formatNumber(asKs.average, 0, "nb"));
    expect(figure(kunst, "Snitt ASSS")).not.toBe("277");
    expect(figure(kunst, "Indeks")).toBe(formatNumber(asKs.index, 1, "nb"));
    expect(figure(kunst, "Rang")).toBe(`${asKs.rank} av ${asKs.rankOf}`);
    // Every member has data: no coverage note.
    expect(within(kunst).queryByText(/^Data for/)).not.toBeInTheDocument();
    expect(screen.getByText(/^Snitt: som KS \(vektet for 6 indikatorer\), 10 kommuner, Oslo med, Bærum med$/)).toBeInTheDocument();
    // One group of rows per indicator, and one chart with them all.
    expect(screen.getAllByRole("rowheader")).toHaveLength(6);
    expect(screen.getAllByRole("img", { name: /^Plan, miljø og kultur 2017\. Snitt ASSS\s=\s100$/ })).toHaveLength(1);
  });

  it("names who holds the lowest and highest value", async () => {
    await renderPane();
    await picture();
    const row = benchmark(sampleDataset(), defaultOptions("plan-miljo-kultur", "0219", 2017)).rows[0];
    const kunst = card(/kunstformidling/);
    expect(within(kunst).getByText(`Lavest: ${row.lowest!.municipality.name} · høyest: ${row.highest!.municipality.name}`)).toBeInTheDocument();
    expect(figure(kunst, "Lavest–høyest indeks")).toBe(`${formatNumber(row.lowest!.index, 0, "nb")}–${formatNumber(row.highest!.index, 0, "nb")}`);
  });

  it("always shows the synthetic-data notice, and the outside-Excel line only outside Excel", async () => {
    const { unmount } = await renderPane();
    expect(screen.getByText(SAMPLE_NOTICE.nb)).toBeVisible();
    expect(screen.getByText(/Åpnet utenfor Excel/)).toBeInTheDocument();
    unmount();
    const { services } = await renderPane({ services: fakeExcelServices() });
    expect(screen.getByText(SAMPLE_NOTICE.nb)).toBeVisible();
    expect(screen.queryByText(/Åpnet utenfor Excel/)).not.toBeInTheDocument();
    expect(services.readTemplate).toHaveBeenCalled();
  });

  it("switches template to technical services", async () => {
    await renderPane();
    pick("Sektormal", "Tekniske tjenester");
    await picture();
    const vei = card(/per km kommunal vei/);
    // As KS: Σ f332 gross × 1000 ÷ Σ km over the members (the seed's simple mean is 372 902).
    const road = benchmark(sampleDataset(), defaultOptions("tekniske-tjenester", "0219", 2017)).rows.find((r) => r.indicator.id === "vei-per-km")!;
    expect(road.averageKind).toBe("weighted");
    expect(figure(vei, "Snitt ASSS")).toBe(formatNumber(road.average, 0, "nb"));
    expect(figure(vei, "Snitt ASSS")).not.toBe("372 902");
    expect(screen.getByRole("columnheader", { name: "Produktivitet/enhetskostnad" })).toBeInTheDocument();
    // The fee is a ready-made figure KS averages simply: marked * as on the sheets; the road cost is not.
    expect(screen.getByRole("rowgroup", { name: /^Årsgebyr for avfallstjenesten .* \*$/ })).toBeInTheDocument();
    expect(screen.getByRole("rowgroup", { name: /per km kommunal vei og gate$/ })).toBeInTheDocument();
  });

  it("recomputes when the year changes", async () => {
    await renderPane();
    pick("År", "2016");
    expect(screen.getByRole("heading", { name: "Profil for Bærum 2016" })).toBeInTheDocument();
    await picture();
    const kunst = card(/kunstformidling/);
    expect(figure(kunst, "Snitt ASSS")).not.toBe("277");
    expect(figure(kunst, "Indeks")).not.toBe("50,9");
  });

  it("shows a missing value as its SSB symbol, never as 0", async () => {
    await renderPane({ initialForm: { sector: "tekniske-tjenester", municipality: "tromso", year: 2016 } });
    await picture();
    const vei = card(/per km kommunal vei/);
    expect(figure(vei, "Tromsø")).toBe("..");
    expect(within(vei).getByText("..")).toHaveAttribute("title", "mangler data");
    expect(figure(vei, "Indeks")).toBe("ikke beregnet");
    expect(within(vei).getByRole("note")).toHaveTextContent("Tromsø mangler verdi (mangler data).");
  });

  it("switches to English", async () => {
    await renderPane();
    fireEvent.click(screen.getByRole("switch", { name: "English" }));
    expect(await screen.findByRole("combobox", { name: "Sector template" })).toHaveDisplayValue("Planning, environment and culture");
    expect(screen.getByRole("combobox", { name: "Municipality" })).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Year" })).toBeInTheDocument();
    expect(screen.getByText(SAMPLE_NOTICE.en)).toBeVisible();
    await screen.findByRole("table", { name: /^The figures for Bærum 2017/ });
    const kunst = card(/art dissemination/);
    const asKs = benchmark(sampleDataset(), defaultOptions("plan-miljo-kultur", "0219", 2017)).rows[0];
    expect(figure(kunst, "ASSS average")).toBe(formatNumber(asKs.average, 0, "en"));
    expect(figure(kunst, "Index")).toBe(formatNumber(asKs.index, 1, "en"));
    expect(document.documentElement.lang).toBe("en");
  });

  it("starts in English when Office's display language is English", async () => {
    await renderPane({ displayLanguage: "en-US" });
    expect(screen.getByRole("switch", { name: "English" })).toBeChecked();
    expect(await screen.findByRole("combobox", { name: "Municipality" })).toBeInTheDocument();
  });

  it("accepts a typed municipality code, including one from another year", async () => {
    await renderPane();
    pick("Kommune", "Asker (0220)");
    expect(screen.getByRole("heading", { name: "Profil for Asker 2017" })).toBeInTheDocument();
    typeMunicipality("3201");
    expect(screen.getByRole("heading", { name: "Profil for Bærum 2017" })).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Kommune" })).toHaveValue("Bærum (0219)");
  });

  it("filters the municipality list by name or code", async () => {
    await renderPane();
    const input = screen.getByRole("combobox", { name: "Kommune" });
    fireEvent.click(input);
    fireEvent.change(input, { target: { value: "bergen" } });
    expect(listed("Kommune")).toEqual(["Bergen (1201)"]);
    fireEvent.change(input, { target: { value: "4601" } });
    expect(listed("Kommune")).toEqual(["Bergen (1201)"]);
  });

  it("explains an unknown municipality in the field instead of changing the profile", async () => {
    await renderPane();
    typeMunicipality("9999");
    expect(screen.getByText(/Fant ingen kommune «9999»/)).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Profil for Bærum 2017" })).toBeInTheDocument();
  });

  it("offers the municipalities of the year, and keeps a chosen one that did not exist then, with the year it began", async () => {
    await renderPane();
    fireEvent.click(screen.getByRole("combobox", { name: "Kommune" }));
    const names = listed("Kommune");
    expect(names).toHaveLength(426);
    expect(names).toContain("Hå (1119)");
    expect(names).not.toContain("Landet");
    expect(names.some((n) => n?.startsWith("Lillestrøm"))).toBe(false);
    fireEvent.click(screen.getByRole("combobox", { name: "Kommune" }));
    typeMunicipality("Lillestrøm");
    expect(screen.getByRole("alert")).toHaveTextContent("Lillestrøm fantes ikke som kommune i 2017.");
    fireEvent.click(screen.getByRole("combobox", { name: "Kommune" }));
    expect(listed("Kommune")).toContain("Lillestrøm (fra 2020)");
  });

  it("shows an error message bar for a municipality that did not exist in the year", async () => {
    await renderPane();
    typeMunicipality("Lillestrøm");
    expect(screen.getByRole("alert")).toHaveTextContent("Lillestrøm fantes ikke som kommune i 2017.");
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
    pick("Kommune", "Bærum (0219)");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    await picture();
    expect(figure(card(/kunstformidling/), "Bærum")).toBe("141");
  });
});
