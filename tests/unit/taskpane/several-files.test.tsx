/** @jest-environment jsdom */
/**
 * Several data files chosen together in the pane: a figure they disagree on is refused with
 * the same message the command line gives (both files and the codes), the same figure in
 * two files is used once, and their KOSTRA groupings for one year are merged, a conflict
 * refused. Every figure and membership is SYNTHETIC.
 */
import "@testing-library/jest-dom";
import { fireEvent, screen } from "@testing-library/react";
import { KostraError } from "../../../src/kostra/errors";
import { clearKostraGroups, kostraGroupOf } from "../../../src/kostra/registry/aggregates";
import type { Dataset } from "../../../src/kostra/types";
import { writeObservationsFile } from "../../../src/sources/observations-file";
import { initialForm } from "../../../src/taskpane/state/form";
import { loadData } from "../../../src/taskpane/state/load";
import { syntheticDataset } from "../../support/groups-dataset";
import { fakeServices, textFile } from "./fakeServices";
import { card, chooseFiles, figure, press, renderPane } from "./renderPane";
import { sampleCsv } from "./sampleCsv";

afterEach(() => clearKostraGroups());

const fetchFile = (dataset: Dataset, kostraGroups: { year: number; source: string; groups: Record<string, string> }[], name: string) =>
  textFile(writeObservationsFile(dataset, { createdAt: new Date("2026-01-01T00:00:00Z"), kostraGroups }), name, "application/json");

const load = (files: File[]) => loadData(fakeServices(), { ...initialForm(), source: "file" }, { files, signal: new AbortController().signal, onProgress: () => undefined });

async function loadInPane(files: File[]) {
  await renderPane();
  fireEvent.click(screen.getByRole("radio", { name: "Fil" }));
  chooseFiles("Velg datafil", files);
  press("Hent data");
}

describe("several files in the pane", () => {
  it("refuses a figure two files disagree on, naming both files and the codes, and keeps the profile shown before", async () => {
    await loadInPane([textFile(sampleCsv(2017), "a.csv"), textFile("region;indikator;år;verdi\n0219;kunstformidling;2017;100\n", "b.csv")]);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Filen kan ikke leses");
    expect(alert).toHaveTextContent("b.csv: samme kommune, indikator og år som i a.csv (0219 Bærum, kunstformidling, 2017), med en annen verdi (100, ikke 141). Filene er uenige: rett eller fjern tallet i den ene.");
    expect(figure(card(/kunstformidling/), "Bærum")).toBe("141");
  });

  it("uses the same figure in two files once", async () => {
    await loadInPane([textFile(sampleCsv(2016, 2017), "a.csv"), textFile(sampleCsv(2017), "b.csv")]);
    expect(await screen.findByText(/^Data: a\.csv, b\.csv/)).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(figure(card(/kunstformidling/), "Bærum")).toBe("141");
  });

  it("merges one year's KOSTRA grouping from two files, so both municipalities' groups are known", async () => {
    const empty: Dataset = { observations: [], provenance: [] };
    await load([
      fetchFile(syntheticDataset(), [{ year: 2021, source: "SSB Klass (SYNTETISK)", groups: { ha: "ekg07" } }], "ha.json"),
      fetchFile(empty, [{ year: 2021, source: "SSB Klass (SYNTETISK)", groups: { time: "ekg07" } }], "time.json"),
    ]);
    expect([kostraGroupOf("ha", 2021), kostraGroupOf("time", 2021)]).toEqual(["ekg07", "ekg07"]);
  });

  it("refuses a municipality in two different groups in one year, and registers nothing from the files", async () => {
    const empty: Dataset = { observations: [], provenance: [] };
    const files = [
      fetchFile(syntheticDataset(), [{ year: 2021, source: "SSB Klass (SYNTETISK)", groups: { ha: "ekg07" } }], "ha.json"),
      fetchFile(empty, [{ year: 2021, source: "SSB Klass (SYNTETISK)", groups: { ha: "ekg08" } }], "ha-8.json"),
    ];
    const error = await load(files).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(KostraError);
    expect((error as KostraError).messageIn("nb")).toBe("ha-8.json: «kostraGroups[0].groups.ha»: Hå (1119) er i KOSTRA-gruppe 8 i 2021, men i KOSTRA-gruppe 7 i ha.json. Filene er uenige: bruk grupperingen fra én av dem.");
    expect(kostraGroupOf("ha", 2021)).toBeUndefined();
  });
});
