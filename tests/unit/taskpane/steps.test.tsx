/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, screen, within } from "@testing-library/react";
import { benchmark, defaultOptions } from "../../../src/kostra/benchmark";
import { SAMPLE_NOTICE, sampleDataset } from "../../../src/sources/sample";
import { CHOICE_KEY } from "../../../src/taskpane/state/rememberedChoice";
import { MUNICIPALITY_KEY } from "../../../src/taskpane/state/useChoices";
import { memoryStorage } from "../../../src/taskpane/services/storage";
import { fakeExcelServices, fakeServices, textFile } from "./fakeServices";
import { card, chooseFiles, figure, pick, press, renderPane } from "./renderPane";
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
    // A multi-select list: each municipality is a checkable item; the municipality itself is not offered.
    expect(screen.getByRole("menuitemcheckbox", { name: "Asker (0220)" })).toHaveAttribute("aria-checked", "true");
    expect(screen.queryByRole("menuitemcheckbox", { name: /^Bærum/ })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole("menuitemcheckbox", { name: "Oslo (0301)" }));
    fireEvent.blur(compare);
    expect(compare).toHaveValue("Asker, Oslo");
  });

  it("moves the time series with the profile year, and keeps it in order", async () => {
    await renderPane();
    expect(screen.getByRole("combobox", { name: "Tidsserie fra" })).toHaveTextContent("2015");
    pick("År", "2018");
    expect(screen.getByRole("combobox", { name: "Tidsserie fra" })).toHaveTextContent("2016");
    expect(screen.getByRole("combobox", { name: "Tidsserie til" })).toHaveTextContent("2018");
    pick("Tidsserie fra", "2020");
    expect(screen.getByRole("combobox", { name: "Tidsserie til" })).toHaveTextContent("2020");
  });

  it("offers the network", async () => {
    await renderPane();
    expect(screen.getByRole("combobox", { name: "Nettverk" })).toHaveTextContent("ASSS");
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
    const before = figure(card(/kunstformidling/), "Snitt ASSS");
    openAdvanced();
    fireEvent.click(screen.getByRole("radio", { name: /^Vektet/ }));
    expect(summary()).toHaveTextContent("Snitt: vektet, 10 kommuner, Oslo med, Bærum med");
    fireEvent.click(screen.getByRole("checkbox", { name: "Ta med Oslo i snittet" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Ta med Bærum selv i snittet" }));
    expect(summary()).toHaveTextContent("Snitt: vektet, 8 kommuner, uten Oslo, uten Bærum");
    expect(figure(card(/kunstformidling/), "Snitt ASSS")).not.toBe(before);
    expect(figure(card(/kunstformidling/), "Med data")).toBe("8 av 8");
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
  it("draws each indicator's index against 100 with the lowest–highest range, readable on focus and hover", async () => {
    await renderPane();
    const bars = screen.getAllByRole("img");
    expect(bars).toHaveLength(6);
    const bar = within(card(/kunstformidling/)).getByRole("img");
    // Bærum's 141 against the average as KS (weighted by population), not the seed's simple 277 (index 50,9).
    const average = benchmark(sampleDataset(), { ...defaultOptions("plan-miljo-kultur", "0219", 2017), average: "weighted" }).rows[0].average!;
    const index = ((141 / average) * 100).toFixed(1).replace(".", ",");
    expect(index).not.toBe("50,9");
    expect(bar).toHaveAccessibleName(new RegExp(`^Bærum: indeks ${index}; lavest Sandnes \\d+,\\d; høyest Oslo \\d+,\\d; snitt ASSS = 100$`));
    expect(bar).toHaveAttribute("tabindex", "0");
    const label = bar.getAttribute("aria-label")!;
    expect(screen.queryByText(label)).not.toBeInTheDocument();
    fireEvent.focus(bar);
    expect(screen.getByText(label)).toBeVisible();
    fireEvent.keyDown(bar, { key: "Escape" });
    expect(screen.queryByText(label)).not.toBeInTheDocument();
    fireEvent.blur(bar);
    fireEvent.mouseEnter(bar.parentElement!);
    expect(screen.getByText(label)).toBeVisible();
    fireEvent.mouseLeave(bar.parentElement!);
    expect(screen.queryByText(label)).not.toBeInTheDocument();
  });

  it("draws the range without a marker when the municipality has no value", async () => {
    await renderPane({ initialForm: { sector: "tekniske-tjenester", municipality: "tromso", year: 2016 } });
    const vei = card(/per km kommunal vei/);
    // Tromsø has no value, but the network has an average: the range is drawn, the marker not.
    expect(within(vei).getByRole("img")).toHaveAccessibleName(/^Tromsø: ingen indeks; lavest/);
  });
});
