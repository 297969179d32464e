/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, screen, within } from "@testing-library/react";
import { templateById, templateIndicators } from "../../../src/kostra/catalog";
import { sampleDataset } from "../../../src/sources/sample";
import { fakeExcelServices } from "./fakeServices";
import { card, figure, listOf, pick, picture, press, renderPane } from "./renderPane";

/** The SYNTHETIC sample's value for an indicator, region and year. */
function sample(indicator: string, region: string, year: number): number {
  const o = sampleDataset().observations.find((x) => x.indicator === indicator && x.municipality === region && x.year === year);
  if (!o || o.value === null) throw new Error(`no sample value ${indicator}/${region}/${year}`);
  return o.value;
}

function chooseMunicipality(text: string): void {
  const input = screen.getByRole("combobox", { name: "Kommune" });
  fireEvent.click(input);
  fireEvent.change(input, { target: { value: text } });
  fireEvent.keyDown(input, { key: "Enter" });
}

const nb = (n: number, decimals = 0) => n.toLocaleString("nb-NO", { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).replace(/\u00a0/g, " ");

describe("peer groups in the pane", () => {
  it("benchmarks Hå (1119) against its KOSTRA group as SSB publishes it, with Landet uten Oslo beside", async () => {
    await renderPane();
    chooseMunicipality("1119");
    pick("Nettverk", "Ingen (bare SSBs snitt)");
    // Without a network the average is a published one; Hå's group is not known, so the user is asked for it.
    expect(screen.getByRole("combobox", { name: "Snitt = 100" })).toHaveDisplayValue("KOSTRA-gruppen (SSB)");
    expect(screen.getAllByRole("alert").map((a) => a.textContent).join(" ")).toMatch(/KOSTRA-gruppen til Hå i 2017 er ikke kjent/);
    pick("KOSTRA-gruppe", "KOSTRA-gruppe 7 (inndeling før 2020)");
    fireEvent.click(screen.getByRole("checkbox", { name: "Landet uten Oslo" }));

    await picture();
    const kunst = card(/kunstformidling/);
    const ha = sample("kunstformidling", "ha", 2017);
    const group = sample("kunstformidling", "ekg07", 2017);
    const eakuo = sample("kunstformidling", "eakuo", 2017);
    expect(figure(kunst, "Hå")).toBe(nb(ha));
    expect(figure(kunst, "Snitt KOSTRA-gruppe 7 (inndeling før 2020)")).toBe(nb(group));
    expect(figure(kunst, "Indeks")).toBe(nb((ha / group) * 100, 1));
    // Landet uten Oslo beside, as an index against the group's average; without network members there is no range.
    expect(figure(kunst, "Indeks Landet uten Oslo")).toBe(nb((eakuo / group) * 100, 1));
    expect(screen.queryByRole("columnheader", { name: "Lavest–høyest indeks" })).not.toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("averages over the user's own peers, and keeps them, the base and the columns in the template settings", async () => {
    const services = fakeExcelServices();
    await renderPane({ services });
    chooseMunicipality("Hå");
    pick("Nettverk", "Egne sammenligningskommuner");
    const peers = screen.getByRole("combobox", { name: "Sammenligningskommuner" });
    fireEvent.click(peers);
    for (const name of ["Klepp (1120)", "Time (1121)", "Gjesdal (1122)", "Sola (1124)"]) fireEvent.click(within(listOf(peers)).getByRole("option", { name }));
    fireEvent.blur(peers);
    fireEvent.click(screen.getByRole("checkbox", { name: "Landet uten Oslo" }));

    await picture();
    const kunst = card(/kunstformidling/);
    // As KS (the default): kroner per inhabitant weighted by population, Σ value × population ÷ Σ population.
    const peers4 = ["klepp", "time", "gjesdal", "sola"];
    const mean = peers4.reduce((a, m) => a + sample("kunstformidling", m, 2017) * sample("folkemengde", m, 2017), 0) / peers4.reduce((a, m) => a + sample("folkemengde", m, 2017), 0);
    expect(figure(kunst, "Snitt utvalg")).toBe(nb(mean));
    expect(within(kunst).queryByText(/^Data for/)).not.toBeInTheDocument();

    press("Lagre som mal");
    expect(await screen.findByText(/Valgene er lagret i arbeidsboken\./)).toBeInTheDocument();
    const saved = services.writeReport.mock.calls.at(-1)?.[1];
    expect(saved).toMatchObject({ municipality: "ha", network: "custom", peers: ["klepp", "time", "gjesdal", "sola"], references: ["eakuo"] });
  });
});

describe("mapping certainty in the preview", () => {
  it("says so on an indicator whose SSB mapping is uncertain, and only there", async () => {
    await renderPane();
    pick("Sektormal", "Tekniske tjenester");
    await picture();
    const low = templateIndicators(templateById("tekniske-tjenester")!).filter((i) => i.confidence === "low");
    expect(low.length).toBeGreaterThan(0);
    expect(screen.getAllByText(/usikker kobling til SSB/)).toHaveLength(low.length);
    for (const ind of templateIndicators(templateById("tekniske-tjenester")!)) {
      // A fee dated 1 January says which day after its label ("… (per 1.1.2019)").
      const text = screen.getByRole("rowgroup", { name: (name) => name === ind.label.nb || name.startsWith(`${ind.label.nb} (per 1.1.`) }).textContent;
      expect([ind.id, /usikker kobling til SSB/.test(text ?? "")]).toEqual([ind.id, ind.confidence === "low"]);
    }
  });
});
