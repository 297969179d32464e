/** @jest-environment jsdom */
/**
 * The pane measuring Hå (1119) against "its KOSTRA group" when the shipped snapshot does
 * not know the group: an SSB load first asks for SSB's grouping (Klass), registers it, plans
 * the request with the group's figures and shows the profile. The grouping and the figures
 * are SYNTHETIC (fake services; the embedded synthetic sample as SSB's answer).
 */
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import type { LoadRequest } from "../../../src/sources/ssb/planner";
import { clearKostraGroups } from "../../../src/kostra/registry/aggregates";
import { sampleDataset } from "../../../src/sources/sample";
import type { KostraGroupsLoad } from "../../../src/taskpane/services/types";
import { fakeServices } from "./fakeServices";
import { card, figure, pick, press, renderPane } from "./renderPane";

afterEach(() => clearKostraGroups());

const SYNTHETIC_GROUPING = (year: number): KostraGroupsLoad["loaded"][number] => ({
  year,
  date: `${year}-01-01`,
  source: `SSB Klass 131→112, ${year}-01-01 (SYNTETISK)`,
  url: "http://127.0.0.1/api/klass/v1/classifications/131/correspondsAt",
  fetchedAt: "2025-11-27T08:13:00.000Z",
  groups: { ha: "ekg07", time: "ekg07", oslo: "ekg13" },
  warnings: [],
});

const nb = (n: number, decimals = 0) => n.toLocaleString("nb-NO", { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).replace(/\u00a0/g, " ");

function sample(indicator: string, region: string, year: number): number {
  const o = sampleDataset().observations.find((x) => x.indicator === indicator && x.municipality === region && x.year === year);
  if (!o || o.value === null) throw new Error(`no sample value ${indicator}/${region}/${year}`);
  return o.value;
}

async function haAgainstItsGroupFromSsb(services: ReturnType<typeof fakeServices>) {
  await renderPane({ services });
  const input = screen.getByRole("combobox", { name: "Kommune" });
  fireEvent.click(input);
  fireEvent.change(input, { target: { value: "1119" } });
  fireEvent.keyDown(input, { key: "Enter" });
  pick("Nettverk", "Ingen (bare SSBs snitt)");
  expect(screen.getByRole("combobox", { name: "Snitt = 100" })).toHaveDisplayValue("KOSTRA-gruppen (SSB)");
  expect(screen.getAllByRole("alert").map((a) => a.textContent).join(" ")).toMatch(/KOSTRA-gruppen til Hå i 2017 er ikke kjent/);
  fireEvent.click(screen.getByRole("radio", { name: "SSB direkte" }));
  press("Hent data");
  // The load has ended when the pane says where its figures come from, or why it has none.
  await screen.findByText(/^Data: SSB, hentet /);
}

describe("an SSB load that needs the municipality's KOSTRA group", () => {
  it("loads SSB's grouping first, fetches the group's figures and shows Hå against group 7", async () => {
    const loadKostraGroups = jest.fn(async (years: readonly number[]): Promise<KostraGroupsLoad> => ({ loaded: years.map(SYNTHETIC_GROUPING), failures: [] }));
    const services = fakeServices({ loadKostraGroups });
    services.loadSsb.mockImplementation(async () => ({ dataset: sampleDataset(), complete: true, missing: [], absent: [], fromCache: [], requests: 1, warnings: [] }));
    await haAgainstItsGroupFromSsb(services);

    expect(loadKostraGroups).toHaveBeenCalledTimes(1);
    expect(loadKostraGroups.mock.calls[0][0]).toEqual([2017]);
    // The request was planned after the grouping was registered: it asks for group 7's figures.
    const request = services.loadSsb.mock.calls[0][0] as LoadRequest;
    expect(request.municipalities.map((m) => m.id)).toEqual(expect.arrayContaining(["ha", "ekg07"]));

    const kunst = card(/kunstformidling/);
    const ha = sample("kunstformidling", "ha", 2017);
    const group = sample("kunstformidling", "ekg07", 2017);
    expect(figure(kunst, "Snitt KOSTRA-gruppe 7 (inndeling før 2020)")).toBe(nb(group));
    expect(figure(kunst, "Indeks")).toBe(nb((ha / group) * 100, 1));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();

    // Known now: a second load does not ask again (the grouping is asked for before the figures).
    press("Hent data");
    await waitFor(() => expect(services.loadSsb).toHaveBeenCalledTimes(2));
    expect(loadKostraGroups).toHaveBeenCalledTimes(1);
  });

  it("says why when SSB cannot give the grouping, and still asks the user for the group", async () => {
    const services = fakeServices({
      loadKostraGroups: jest.fn(async (): Promise<KostraGroupsLoad> => ({
        loaded: [],
        failures: [{ year: 2017, reason: { nb: "SSB har ingen KOSTRA-gruppering for 2017 i klassifikasjonsdatabasen Klass (kommuner → KOSTRA-grupper). Velg KOSTRA-gruppen selv.", en: "SSB has no KOSTRA grouping for 2017." } }],
      })),
    });
    services.loadSsb.mockImplementation(async () => ({ dataset: sampleDataset(), complete: true, missing: [], absent: [], fromCache: [], requests: 1, warnings: [] }));
    await haAgainstItsGroupFromSsb(services);
    expect(screen.getByText(/SSB har ingen KOSTRA-gruppering for 2017/)).toBeInTheDocument();
    expect(screen.getAllByRole("alert").map((a) => a.textContent).join(" ")).toMatch(/KOSTRA-gruppen til Hå i 2017 er ikke kjent/);
    const request = services.loadSsb.mock.calls[0][0] as LoadRequest;
    expect(request.municipalities.map((m) => m.id)).not.toContain("ekg07");
  });

  it("does not ask for the grouping when the choices do not need it", async () => {
    const loadKostraGroups = jest.fn();
    const services = fakeServices({ loadKostraGroups });
    services.loadSsb.mockImplementation(async () => ({ dataset: sampleDataset(), complete: true, missing: [], absent: [], fromCache: [], requests: 1, warnings: [] }));
    await renderPane({ services });
    fireEvent.click(screen.getByRole("radio", { name: "SSB direkte" }));
    press("Hent data");
    expect(await screen.findByText(/^Data: SSB, hentet /)).toBeInTheDocument();
    expect(services.loadSsb).toHaveBeenCalledTimes(1);
    expect(loadKostraGroups).not.toHaveBeenCalled();
  });
});
