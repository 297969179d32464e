/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { benchmark, defaultOptions } from "../../../src/kostra/benchmark";
import { badInput } from "../../../src/kostra/errors";
import { sampleDataset } from "../../../src/sources/sample";
import type { SsbLoadResult } from "../../../src/sources/ssb/load";
import { SsbError, type SsbErrorKind } from "../../../src/sources/ssb/types";
import type { SsbLoadCallbacks } from "../../../src/taskpane/services/types";
import { fakeExcelServices, fakeServices, NOW } from "./fakeServices";
import { card, figure, press, renderPane } from "./renderPane";

function complete(overrides: Partial<SsbLoadResult> = {}): SsbLoadResult {
  return { dataset: sampleDataset(), complete: true, missing: [], absent: [], fromCache: [], requests: 2, warnings: [], ...overrides };
}

/** An SSB load the test finishes by hand, after looking at what the pane shows meanwhile. */
function heldLoad() {
  let callbacks!: SsbLoadCallbacks;
  let finish!: (r: SsbLoadResult) => void;
  let fail!: (e: unknown) => void;
  const impl = (_req: unknown, cb: SsbLoadCallbacks) =>
    new Promise<SsbLoadResult>((resolve, reject) => {
      callbacks = cb;
      finish = resolve;
      fail = reject;
      cb.signal.addEventListener("abort", () => reject(new SsbError("cancelled", { nb: "Hentingen fra SSB ble avbrutt.", en: "Loading from SSB was cancelled." })));
    });
  return { impl, callbacks: () => callbacks, finish: (r: SsbLoadResult) => finish(r), fail: (e: unknown) => fail(e) };
}

/** Start a load from (the fake) SSB; each test waits for what the pane shows of it. */
async function loadFromSsb(services = fakeServices()) {
  await renderPane({ services });
  fireEvent.click(screen.getByRole("radio", { name: "SSB direkte" }));
  press("Hent data");
  return services;
}

const ssbError = (kind: SsbErrorKind, nb: string) => new SsbError(kind, { nb, en: `${kind} (en)` });

describe("loading from SSB", () => {
  it("says what it is doing — request k of n, cache hits, waits for SSB's quota — and can be cancelled", async () => {
    const held = heldLoad();
    const services = fakeServices();
    services.loadSsb.mockImplementation(held.impl);
    await loadFromSsb(services);

    // The progress view is loaded on demand.
    // Named by its label, so a screen reader says what is progressing.
    expect(await screen.findByRole("progressbar", { name: "Henter data" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Hent data" })).toHaveAttribute("aria-disabled", "true");
    // Every button that must wait says why, beside it.
    expect(screen.getAllByText("Låst mens data hentes.")).toHaveLength(3);
    expect(screen.getByRole("button", { name: "Last ned som .xlsx" })).toHaveAttribute("aria-disabled", "true");
    expect(screen.getByRole("radio", { name: "Fil" })).toBeDisabled();

    // The fake SSB has been asked once the pane's load code has loaded.
    await waitFor(() => expect(services.loadSsb).toHaveBeenCalled());
    act(() => held.callbacks().onProgress({ done: 1, total: 3, fromCache: 1, message: { nb: "Henter tabell 12362 fra SSB (forespørsel 2 av 3)", en: "" } }));
    expect(screen.getByText("Henter tabell 12362 fra SSB (forespørsel 2 av 3) · 1 fra hurtigbuffer")).toBeInTheDocument();

    act(() => held.callbacks().onWait?.({ nb: "Venter på SSB-kvoten (30 forespørsler per 60 s)", en: "" }, 12_000));
    expect(screen.getByText("Venter på SSB-kvoten (30 forespørsler per 60 s) – ca. 12 s · 1 fra hurtigbuffer")).toBeInTheDocument();

    press("Avbryt");
    expect(await screen.findByText("Hentingen ble avbrutt. Det som var hentet fra før, vises fortsatt.")).toBeInTheDocument();
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(figure(card(/kunstformidling/), "Bærum")).toBe("141");
  });

  it("shows the loaded profile and when the figures were fetched", async () => {
    const services = fakeServices();
    services.loadSsb.mockResolvedValue(complete({ requests: 2 }));
    await loadFromSsb(services);
    expect(await screen.findByText(/^Data: SSB, hentet 27\.11\.2025, \d\d:\d\d \(2 forespørsler til SSB\)\.$/)).toBeInTheDocument();
    // As KS (the pane's default) kroner per inhabitant are weighted by population, not the seed's simple mean 277.
    const weighted = benchmark(sampleDataset(), { ...defaultOptions("plan-miljo-kultur", "0219", 2017), average: "weighted" }).rows[0].average!;
    expect(Math.round(weighted)).not.toBe(277);
    expect(figure(card(/kunstformidling/), "Snitt ASSS")).toBe(String(Math.round(weighted)));
    const [request] = services.loadSsb.mock.calls[0];
    expect(request.years).toEqual([2015, 2016, 2017]);
  });

  it("says which figures came from the cache and when they were fetched", async () => {
    const services = fakeServices();
    services.loadSsb.mockResolvedValue(
      complete({ requests: 0, fromCache: [{ table: "12362", fetchedAt: "2025-11-20T13:05:00Z", stale: false }, { table: "12842", fetchedAt: "2025-11-19T07:00:00Z", stale: true }] }),
    );
    await loadFromSsb(services);
    expect(await screen.findByText(/^Tabell 12362: fra hurtigbuffer, hentet 20\.11\.2025, \d\d:05$/)).toBeInTheDocument();
    expect(screen.getByText(/^Tabell 12842: fra hurtigbuffer, hentet 19\.11\.2025, \d\d:00 \(SSB svarte ikke; eldre kopi\)$/)).toBeInTheDocument();
  });

  it("lists exactly which indicators and years an incomplete load lacks", async () => {
    const services = fakeServices();
    services.loadSsb.mockResolvedValue(
      complete({
        complete: false,
        missing: [
          { indicator: "kunstformidling", years: [2015, 2016], reason: { nb: "SSB svarer ikke — prøv igjen.", en: "SSB is not answering." } },
          { indicator: "arsgebyr-avfall", years: [2017], reason: { nb: "Tabellen er ikke bekreftet.", en: "The table is not confirmed." } },
        ],
      }),
    );
    await loadFromSsb(services);
    expect(await screen.findByText("Hentingen er ikke fullstendig.")).toBeInTheDocument();
    const items = screen.getAllByRole("listitem").map((li) => li.textContent);
    expect(items).toContain("Netto driftsutgifter kunstformidling pr. innbygger: 2015 og 2016 – SSB svarer ikke — prøv igjen.");
    expect(items.some((i) => i?.endsWith(": 2017 – Tabellen er ikke bekreftet."))).toBe(true);
  });

  it("lists what SSB's tables lack beside what failed, although everything SSB has was loaded", async () => {
    const services = fakeServices();
    services.loadSsb.mockResolvedValue(
      complete({ absent: [{ indicator: "kunstformidling", years: [2015, 2016], reason: { nb: "Tabell 12362 har ikke 2015, 2016", en: "Table 12362 has no 2015, 2016" } }] }),
    );
    await loadFromSsb(services);
    expect(await screen.findByText("Hentingen er ikke fullstendig.")).toBeInTheDocument();
    const items = screen.getAllByRole("listitem").map((li) => li.textContent);
    expect(items).toContain("Netto driftsutgifter kunstformidling pr. innbygger: 2015 og 2016 – Tabell 12362 har ikke 2015, 2016");
  });

  it.each([
    ["blocked", "Fikk ikke kontakt med SSB (data.ssb.no).", "oppgi kommunens mellomtjener i «SSB-adresse (proxy)» under «Avanserte valg»"],
    ["offline", "Ingen nettverksforbindelse.", "Koble til nettet og prøv igjen, eller bruk «Fil» eller «Eksempeldata»."],
    ["rate-limited", "SSB har fått for mange forespørsler fra nettverket ditt.", "Vent et minutt og trykk «Hent data» igjen"],
    ["unavailable", "SSB svarer ikke.", "Prøv igjen om litt"],
    ["timeout", "SSB svarte ikke innen 30 sekunder.", "Prøv igjen om litt"],
  ] as [SsbErrorKind, string, string][])("explains a %s failure and what to do", async (kind, text, advice) => {
    const services = fakeServices();
    services.loadSsb.mockRejectedValue(ssbError(kind, text));
    await loadFromSsb(services);
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("SSB kunne ikke levere dataene")).toBeInTheDocument();
    expect(alert).toHaveTextContent(text);
    expect(alert).toHaveTextContent(advice);
    // Buttons are free again.
    expect(screen.getByRole("button", { name: "Hent data" })).not.toHaveAttribute("aria-disabled");
  });

  it("explains in English too", async () => {
    const services = fakeServices();
    services.loadSsb.mockRejectedValue(ssbError("blocked", "Fikk ikke kontakt"));
    await renderPane({ services, displayLanguage: "en-US" });
    fireEvent.click(screen.getByRole("radio", { name: "SSB directly" }));
    press("Load data");
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("SSB could not deliver the data");
    expect(alert).toHaveTextContent("blocked (en)");
    expect(alert).toHaveTextContent("give your municipality's proxy in “SSB address (proxy)” under “Advanced options”");
  });
});

describe("loading from the selected range (in Excel)", () => {
  it("reads it and names the range", async () => {
    const services = fakeExcelServices();
    const sample = sampleDataset();
    services.loadSelection.mockResolvedValue({
      dataset: { observations: sample.observations, provenance: [{ source: "sheet", query: "Ark1!A1:E900", fetchedAt: NOW.toISOString() }] },
      warnings: [{ nb: "Ark1!A1:E900 linje 12: ukjent indikator «skole» – hoppet over.", en: "" }],
    });
    await renderPane({ services });
    fireEvent.click(screen.getByRole("radio", { name: "Fra markert område" }));
    expect(screen.getByText(/Marker en tabell med overskriftene region, indikator, år og verdi/)).toBeInTheDocument();
    press("Hent data");
    expect(await screen.findByText(/^Data: markert område Ark1!A1:E900, lest 27\.11\.2025, \d\d:13\.$/)).toBeInTheDocument();
    expect(screen.getByText("Merknader til dataene.")).toBeInTheDocument();
    expect(screen.getByText("Ark1!A1:E900 linje 12: ukjent indikator «skole» – hoppet over.")).toBeInTheDocument();
  });

  it("says what is wrong with a range that is not a tidy table", async () => {
    const services = fakeExcelServices();
    services.loadSelection.mockRejectedValue(badInput({ nb: "Det markerte området Ark1!A1 er tomt.", en: "The selected range Ark1!A1 is empty." }));
    await renderPane({ services });
    fireEvent.click(screen.getByRole("radio", { name: "Fra markert område" }));
    press("Hent data");
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Det markerte området kan ikke leses");
    expect(alert).toHaveTextContent("Det markerte området Ark1!A1 er tomt.");
    expect(alert).toHaveTextContent("Marker tabellen med overskriftsraden");
  });
});
