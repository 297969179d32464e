/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, screen, within } from "@testing-library/react";
import { benchmark, defaultOptions } from "../../../src/kostra/benchmark";
import { formatNumber } from "../../../src/kostra/describe";
import { SAMPLE_NOTICE, sampleDataset } from "../../../src/sources/sample";
import { CHOICE_KEY } from "../../../src/taskpane/state/rememberedChoice";
import { MUNICIPALITY_KEY } from "../../../src/taskpane/state/useChoices";
import { memoryStorage } from "../../../src/taskpane/services/storage";
import { fakeExcelServices, fakeServices, textFile } from "./fakeServices";
import { card, chooseFiles, figure, listOf, pick, picture, press, renderPane } from "./renderPane";
import { sampleCsv } from "./sampleCsv";

const summary = () => screen.getByText(/^Snitt: /);

/** Unfold the advanced options (the accordion opens at once; its panel is part of the first view). */
function openAdvanced(): void {
  fireEvent.click(screen.getByRole("button", { name: "Avanserte valg" }));
}

describe("choosing what to benchmark", () => {
  it("starts on the municipality an earlier version remembered, and remembers the next choice whole", async () => {
    const storage = memoryStorage({ [MUNICIPALITY_KEY]: "bergen" });
    await renderPane({ services: fakeServices({ storage }) });
    expect(screen.getByRole("heading", { name: "Profil for Bergen 2017" })).toBeInTheDocument();
    pick("Kommune", "Asker (0220)");
    expect(JSON.parse(storage.get(CHOICE_KEY) ?? "{}")).toMatchObject({ municipality: "asker", sector: "plan-miljo-kultur", year: 2017 });
  });

  it("ignores a remembered municipality it does not know", async () => {
    await renderPane({ services: fakeServices({ storage: memoryStorage({ [MUNICIPALITY_KEY]: "atlantis" }) }) });
    expect(screen.getByRole("heading", { name: "Profil for Bærum 2017" })).toBeInTheDocument();
  });

  it("starts with the template's comparison municipality and lets the user add more", async () => {
    await renderPane();
    const compare = screen.getByRole("combobox", { name: "Sammenlign med" });
    expect(compare).toHaveValue("Asker");
    fireEvent.click(compare);
    // A multi-select list: each municipality is an option, chosen or not; the municipality itself is not offered.
    const list = within(listOf(compare));
    expect(listOf(compare)).toHaveAttribute("aria-multiselectable", "true");
    expect(list.getByRole("option", { name: "Asker (0220)" })).toHaveAttribute("aria-selected", "true");
    expect(list.getByRole("option", { name: "Oslo (0301)" })).toHaveAttribute("aria-selected", "false");
    expect(list.queryByRole("option", { name: /^Bærum/ })).not.toBeInTheDocument();
    fireEvent.click(list.getByRole("option", { name: "Oslo (0301)" }));
    fireEvent.blur(compare);
    expect(compare).toHaveValue("Asker, Oslo");
  });

  it("moves the time series with the profile year, and keeps it in order", async () => {
    await renderPane();
    expect(screen.getByRole("combobox", { name: "Tidsserie fra" })).toHaveDisplayValue("2015");
    pick("År", "2018");
    expect(screen.getByRole("combobox", { name: "Tidsserie fra" })).toHaveDisplayValue("2016");
    expect(screen.getByRole("combobox", { name: "Tidsserie til" })).toHaveDisplayValue("2018");
    pick("Tidsserie fra", "2020");
    expect(screen.getByRole("combobox", { name: "Tidsserie til" })).toHaveDisplayValue("2020");
  });

  it("offers the network", async () => {
    await renderPane();
    expect(screen.getByRole("combobox", { name: "Nettverk" })).toHaveDisplayValue("ASSS");
  });
});

describe("advanced options", () => {
  it("are folded away, with the averaging rule always in view", async () => {
    await renderPane();
    // As KS by default: every plan-miljø-og-kultur figure is kroner per inhabitant, which KS weights.
    expect(summary()).toHaveTextContent("Snitt: som KS (vektet for 6 indikatorer), 10 kommuner, Oslo med, Bærum med");
    expect(screen.getByRole("button", { name: "Avanserte valg" })).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryByRole("checkbox", { name: "Ta med Oslo i snittet" })).not.toBeInTheDocument();
  });

  it("switch to a weighted average without Oslo or the municipality, and the profile follows", async () => {
    await renderPane();
    await picture();
    const before = figure(card(/kunstformidling/), "Snitt ASSS");
    openAdvanced();
    fireEvent.click(screen.getByRole("radio", { name: /^Vektet/ }));
    expect(summary()).toHaveTextContent("Snitt: vektet, 10 kommuner, Oslo med, Bærum med");
    fireEvent.click(screen.getByRole("checkbox", { name: "Ta med Oslo i snittet" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Ta med Bærum selv i snittet" }));
    expect(summary()).toHaveTextContent("Snitt: vektet, 8 kommuner, uten Oslo, uten Bærum");
    expect(figure(card(/kunstformidling/), "Snitt ASSS")).not.toBe(before);
    // All eight left in the average have data: no coverage note.
    expect(within(card(/kunstformidling/)).queryByText(/^Data for/)).not.toBeInTheDocument();
  });

  it("say when the chart shows the comparison municipalities", async () => {
    await renderPane();
    openAdvanced();
    fireEvent.click(screen.getByRole("checkbox", { name: "Vis sammenligningskommunene i diagrammet" }));
    expect(summary()).toHaveTextContent("Snitt: som KS (vektet for 6 indikatorer), 10 kommuner, Oslo med, Bærum med · diagram med sammenligningskommuner");
  });

  it("check the SSB address and hold loading from SSB until it is an http(s) address", async () => {
    const { services } = await renderPane();
    openAdvanced();
    const url = screen.getByRole("textbox", { name: "SSB-adresse (proxy)" });
    fireEvent.change(url, { target: { value: "proxy.kommune.no" } });
    expect(screen.getByText("Adressen «proxy.kommune.no» er ikke en gyldig nettadresse (https://…).")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("radio", { name: "SSB direkte" }));
    expect(screen.getByRole("button", { name: "Hent data" })).toHaveAttribute("aria-disabled", "true");
    expect(screen.getByText("Rett SSB-adressen under «Avanserte valg» først.")).toBeVisible();
    press("Hent data");
    expect(services.loadSsb).not.toHaveBeenCalled();
    fireEvent.change(url, { target: { value: "https://proxy.kommune.no/ssb" } });
    expect(screen.getByRole("button", { name: "Hent data" })).not.toHaveAttribute("aria-disabled");
  });
});

describe("the source", () => {
  it("offers the sample, SSB and a file outside Excel, and the selected range inside", async () => {
    const { unmount } = await renderPane();
    expect(screen.getAllByRole("radio").map((r) => r.getAttribute("value"))).toEqual(["sample", "ssb", "file"]);
    expect(screen.getByRole("radio", { name: "Eksempeldata" })).toBeChecked();
    unmount();
    await renderPane({ services: fakeExcelServices() });
    expect(screen.getByRole("radio", { name: "Fra markert område" })).toBeInTheDocument();
  });

  it("reads a chosen CSV file when asked, and shows where the figures come from", async () => {
    await renderPane();
    fireEvent.click(screen.getByRole("radio", { name: "Fil" }));
    expect(screen.getByRole("button", { name: "Hent data" })).toHaveAttribute("aria-disabled", "true");
    expect(screen.getByText("Velg en datafil først.")).toBeVisible();
    expect(screen.getByRole("button", { name: "Velg fil …" })).toBeInTheDocument();
    chooseFiles("Velg datafil", [textFile(sampleCsv(2016, 2017), "plan.csv")]);
    expect(screen.getByText("Valgt: plan.csv")).toBeInTheDocument();
    press("Hent data");
    expect(await screen.findByText(/^Data: plan\.csv, lest 27\.11\.2025/)).toBeInTheDocument();
    // The figures are the file's now, so the synthetic-data notice goes.
    expect(screen.queryByText(SAMPLE_NOTICE.nb)).not.toBeInTheDocument();
    expect(figure(card(/kunstformidling/), "Bærum")).toBe("141");
  });

  it("explains a bad file and what a good one looks like, and keeps the profile shown before", async () => {
    await renderPane();
    fireEvent.click(screen.getByRole("radio", { name: "Fil" }));
    chooseFiles("Velg datafil", [textFile("kommune;tall\n0219;12\n", "feil.csv")]);
    press("Hent data");
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Filen kan ikke leses");
    expect(alert).toHaveTextContent("feil.csv");
    expect(alert).toHaveTextContent("Filen må være CSV med kolonnene region;indikator;år;verdi[;status]");
    expect(figure(card(/kunstformidling/), "Bærum")).toBe("141");
  });
});

describe("the preview", () => {
  /** The chart's x for an index, from its grid line's label (the axis is the picture's one scale). */
  function axisX(chart: HTMLElement, index: number): number {
    const tick = Array.from(chart.querySelectorAll("text.kb-chart-tick")).find((t) => t.textContent === String(index));
    if (!tick) throw new Error(`no tick ${index}`);
    return Number(tick.getAttribute("x"));
  }

  it("draws every indicator's index on one scale with the 100 line, the range and Bærum and Asker marked", async () => {
    await renderPane();
    await picture();
    const profile = benchmark(sampleDataset(), defaultOptions("plan-miljo-kultur", "0219", 2017));
    expect(profile.rows[0].comparisons.map((c) => c.municipality.name)).toEqual(["Asker"]);
    const chart = screen.getByRole("img", { name: /^Plan, miljø og kultur 2017\. Snitt ASSS\s=\s100$/ });
    expect(chart).toHaveAttribute("tabindex", "0");
    // One dashed line at 100 across all rows; one range per indicator, all placed by the same scale.
    const x0 = axisX(chart, 0);
    const x100 = axisX(chart, 100);
    const at = (index: number) => x0 + ((x100 - x0) * index) / 100;
    const average = chart.querySelectorAll("line.kb-chart-average");
    expect(Number(average[0].getAttribute("x1"))).toBeCloseTo(x100, 6);
    const ranges = Array.from(chart.querySelectorAll("rect.kb-chart-range")).slice(0, profile.rows.length);
    expect(ranges).toHaveLength(6);
    profile.rows.forEach((row, i) => {
      expect(Number(ranges[i].getAttribute("x"))).toBeCloseTo(at(row.lowest!.index!), 6);
      expect(Number(ranges[i].getAttribute("x")) + Number(ranges[i].getAttribute("width"))).toBeCloseTo(at(row.highest!.index!), 6);
    });
    // Bærum's circles sit at its index on that scale; Asker has a mark on every row, and both are in the legend.
    const circles = Array.from(chart.querySelectorAll("circle.kb-chart-mark0"));
    expect(circles.slice(0, 6).map((c) => Number(c.getAttribute("cx")))).toEqual(profile.rows.map((r) => expect.closeTo(at(r.index!), 6)));
    expect(chart.querySelectorAll(".kb-chart-mark1")).toHaveLength(6 + 1);
    expect(Array.from(chart.querySelectorAll("text")).map((t) => t.textContent)).toEqual(expect.arrayContaining(["Bærum", "Asker", "Lavest–høyest i ASSS", "Snitt ASSS = 100"]));
    // The text alternative says the essentials for each indicator.
    const row = profile.rows[0];
    const n = (v: number | null) => formatNumber(v, 0, "nb");
    expect(chart).toHaveAccessibleDescription(expect.stringContaining(
      `${row.indicator.label.nb}: Bærum ${n(row.index)}, Asker ${n(row.comparisons[0].index)}, lavest ${n(row.lowest!.index)} (${row.lowest!.municipality.name}), høyest ${n(row.highest!.index)} (${row.highest!.municipality.name}).`,
    ));
    // The table holds Asker's index beside Bærum's figures.
    expect(figure(card(/kunstformidling/), "Indeks Asker")).toBe(formatNumber(row.comparisons[0].index, 1, "nb"));
  });

  it("draws the range without a marker when the municipality has no value, and says how many have data", async () => {
    await renderPane({ initialForm: { sector: "tekniske-tjenester", municipality: "tromso", year: 2016 } });
    await picture();
    const profile = benchmark(sampleDataset(), defaultOptions("tekniske-tjenester", "tromso", 2016));
    const i = profile.rows.findIndex((r) => r.indicator.id === "vei-per-km");
    const road = profile.rows[i];
    expect(road.value).toBeNull();
    const chart = screen.getByRole("img", { name: /^Tekniske tjenester 2016/ });
    expect(chart).toHaveAccessibleDescription(expect.stringContaining(`${road.indicator.label.nb}: Tromsø ingen indeks`));
    // Tromsø is marked on every row with an index, not on this one (plus the legend's mark).
    expect(chart.querySelectorAll("circle.kb-chart-mark0")).toHaveLength(profile.rows.filter((r) => r.index !== null).length + 1);
    const vei = card(/per km kommunal vei/);
    expect(within(vei).getByText(`Data for ${road.n} av ${road.of} i snittet.`)).toBeInTheDocument();
    expect(road.n).toBeLessThan(road.of);
  });

  it("copies the chart, and where the clipboard refuses it says so and offers the PNG instead", async () => {
    // jsdom has neither ClipboardItem nor a canvas: the refusal a host without the clipboard API gives.
    await renderPane();
    await picture();
    press("Kopier figur");
    expect(await screen.findByText(/^Utklippstavlen tok ikke imot bildet/)).toHaveAttribute("role", "status");
    expect(screen.getByRole("button", { name: "Last ned PNG" })).toBeInTheDocument();
    // A new picture does not carry the old one's message.
    pick("År", "2016");
    expect(await screen.findByRole("heading", { name: "Profil for Bærum 2016" })).toBeInTheDocument();
    expect(screen.queryByText(/^Utklippstavlen tok ikke imot bildet/)).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Last ned PNG" })).not.toBeInTheDocument();
  });
});
