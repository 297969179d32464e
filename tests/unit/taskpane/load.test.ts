/** @jest-environment jsdom */
import { benchmarkOptions } from "../../../src/taskpane/state/profile";
import { benchmark } from "../../../src/kostra/benchmark";
import { badInput } from "../../../src/kostra/errors";
import { SsbError } from "../../../src/sources/ssb/types";
import { nb } from "../../../src/taskpane/i18n/nb";
import { initialForm } from "../../../src/taskpane/state/form";
import { loadData, loadRequestFor, NoFileChosen } from "../../../src/taskpane/state/load";
import type { PaneProgress } from "../../../src/taskpane/state/data";
import { fakeExcelServices, fakeServices, NOW, textFile } from "./fakeServices";
import { sampleCsv } from "./sampleCsv";

const options = (files: File[] = []) => {
  const progress: PaneProgress[] = [];
  return { progress, opts: { files, signal: new AbortController().signal, onProgress: (p: PaneProgress) => progress.push(p) } };
};

describe("what an SSB load asks for", () => {
  it("every indicator of the template, for the network's members, the municipality and the comparisons, in every year", () => {
    const req = loadRequestFor({ ...initialForm(), comparisons: ["asker", "lillestrom"], span: { from: 2021, to: 2022 }, year: 2022 });
    expect(req.indicators.map((i) => i.id)).toHaveLength(6);
    expect(req.years).toEqual([2021, 2022]);
    // As KS (the default) kroner per inhabitant are weighted: the load asks for the weights.
    expect(req.weighted).toBe(true);
    expect(loadRequestFor({ ...initialForm(), average: "simple", span: { from: 2021, to: 2022 }, year: 2022 }).weighted).toBe(false);
    const ids = req.municipalities.map((m) => m.id);
    // ASSS grew to 12 in 2022; Asker and Lillestrøm appear once; then SSB's published
    // averages (Landet, Landet uten Oslo, the municipality's KOSTRA group where known).
    expect(ids.slice(0, 12)).toEqual(["bergen", "baerum", "drammen", "fredrikstad", "kristiansand", "oslo", "sandnes", "stavanger", "tromso", "trondheim", "asker", "lillestrom"]);
    expect(ids.slice(12, 14)).toEqual(["eak", "eakuo"]);
  });

  it("asks for population when the average is weighted", () => {
    expect(loadRequestFor({ ...initialForm(), average: "weighted" }).weighted).toBe(true);
  });
});

describe("loading", () => {
  it("reads every chosen file and merges them, saying what it reads", async () => {
    const { progress, opts } = options([textFile(sampleCsv(2016), "a.csv"), textFile(sampleCsv(2017), "b.csv")]);
    const data = await loadData(fakeServices(), { ...initialForm(), source: "file" }, opts);
    expect(data.source).toBe("file");
    expect(data.fileNames).toEqual(["a.csv", "b.csv"]);
    expect(data.loadedAt).toEqual(NOW);
    expect(new Set(data.dataset.observations.map((o) => o.year))).toEqual(new Set([2016, 2017]));
    expect(progress.map((p) => (typeof p.message === "function" ? p.message(nb) : p.message.nb))).toEqual(["Leser a.csv …", "Leser b.csv …"]);
    const profile = benchmark(data.dataset, benchmarkOptions(initialForm()));
    expect(Math.round(profile.rows[0].value ?? 0)).toBe(141);
  });

  it("refuses to read no file at all", async () => {
    await expect(loadData(fakeServices(), { ...initialForm(), source: "file" }, options().opts)).rejects.toBeInstanceOf(NoFileChosen);
  });

  it("passes a bad file's error on", async () => {
    const error = badInput({ nb: "x.csv: mangler kolonnen verdi.", en: "x.csv: no value column." });
    const services = fakeServices({ loadFile: () => Promise.reject(error) });
    await expect(loadData(services, { ...initialForm(), source: "file" }, options([textFile("a", "x.csv")]).opts)).rejects.toBe(error);
  });

  it("reads the selected range and remembers its address", async () => {
    const services = fakeExcelServices();
    services.loadSelection.mockResolvedValue({
      dataset: { observations: [], provenance: [{ source: "sheet", query: "Ark1!A1:E40", fetchedAt: NOW.toISOString() }] },
      warnings: [],
    });
    const data = await loadData(services, { ...initialForm(), source: "selection" }, options().opts);
    expect(data).toMatchObject({ source: "selection", address: "Ark1!A1:E40" });
  });

  it("passes SSB's progress and waits on, with the proxy address, and keeps what is missing", async () => {
    const services = fakeServices();
    services.loadSsb.mockImplementation(async (_req, cb) => {
      cb.onProgress({ done: 0, total: 2, fromCache: 0, message: { nb: "Henter tabell 12362 fra SSB (forespørsel 1 av 2)", en: "" } });
      cb.onWait?.({ nb: "Venter på SSB-kvoten", en: "" }, 12_000);
      return {
        dataset: { observations: [], provenance: [] },
        complete: false,
        missing: [{ indicator: "kunstformidling", years: [2016], reason: { nb: "SSB svarer ikke", en: "" } }],
        absent: [{ indicator: "bibliotek", years: [2015], reason: { nb: "Tabell 12362 har ikke 2015", en: "" } }],
        fromCache: [{ table: "12362", fetchedAt: "2025-11-26T10:00:00Z", stale: false }],
        requests: 3,
        warnings: [],
      };
    });
    const { progress, opts } = options();
    const data = await loadData(services, { ...initialForm(), source: "ssb", baseUrl: "https://proxy.example.no/ssb" }, { ...opts, refresh: true });
    expect(services.loadSsb.mock.calls[0][1]).toMatchObject({ baseUrl: "https://proxy.example.no/ssb", refresh: true });
    expect(progress[1]).toMatchObject({ done: 0, total: 2, waiting: { reason: { nb: "Venter på SSB-kvoten" }, until: NOW.getTime() + 12_000 } });
    // What the table lacks is listed with what failed.
    expect(data.ssb).toEqual({
      complete: false,
      missing: [
        { indicator: "kunstformidling", years: [2016], reason: { nb: "SSB svarer ikke", en: "" } },
        { indicator: "bibliotek", years: [2015], reason: { nb: "Tabell 12362 har ikke 2015", en: "" } },
      ],
      fromCache: [{ table: "12362", fetchedAt: "2025-11-26T10:00:00Z", stale: false }],
      requests: 3,
    });
  });

  it("lets SSB's errors through", async () => {
    const services = fakeServices();
    const error = new SsbError("offline", { nb: "Ingen nettverksforbindelse", en: "No network" });
    services.loadSsb.mockRejectedValue(error);
    await expect(loadData(services, { ...initialForm(), source: "ssb" }, options().opts)).rejects.toBe(error);
  });
});
