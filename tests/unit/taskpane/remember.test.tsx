/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, screen, within } from "@testing-library/react";
import { memoryStorage } from "../../../src/taskpane/services/storage";
import { CHOICE_KEY } from "../../../src/taskpane/state/rememberedChoice";
import { writtenSettings } from "../../support/settings-fixture";
import { fakeExcelServices, fakeServices } from "./fakeServices";
import { listOf, pick, renderPane } from "./renderPane";

const combobox = (name: string) => screen.getByRole("combobox", { name });
const summary = () => screen.getByText(/^Snitt: /);
const stored = (storage: ReturnType<typeof memoryStorage>) => JSON.parse(storage.get(CHOICE_KEY) ?? "null") as Record<string, unknown> | null;

/** A choice a user left: every field that shows on the first view away from its default. */
const LEFT = {
  sector: "tekniske-tjenester",
  municipality: "bergen",
  comparisons: ["asker", "oslo"],
  network: "asss",
  year: 2016,
  span: { from: 2015, to: 2016 },
  average: "weighted",
  includeOslo: false,
  source: "ssb",
};

function expectTheChoiceLeft(): void {
  expect(combobox("Sektormal")).toHaveDisplayValue("Tekniske tjenester");
  expect(combobox("Kommune")).toHaveValue("Bergen (1201)");
  expect(combobox("År")).toHaveDisplayValue("2016");
  expect(combobox("Sammenlign med")).toHaveValue("Asker, Oslo");
  expect(combobox("Tidsserie fra")).toHaveDisplayValue("2015");
  expect(combobox("Tidsserie til")).toHaveDisplayValue("2016");
  expect(screen.getByRole("radio", { name: "SSB direkte" })).toBeChecked();
  expect(summary()).toHaveTextContent(/^Snitt: vektet, .*uten Oslo/);
}

describe("the pane remembers the user's whole choice", () => {
  it("opens on the choice the user left: template, municipality, comparisons, years, source and averaging", async () => {
    await renderPane({ services: fakeServices({ storage: memoryStorage({ [CHOICE_KEY]: JSON.stringify(LEFT) }) }) });
    expectTheChoiceLeft();
    // SSB was the source: nothing is loaded yet, and the sample does not stand in.
    expect(screen.getByText("Ingen data er hentet ennå. Velg datakilde og trykk «Hent data».")).toBeInTheDocument();
  });

  it("remembers each change the user makes, and the next pane opens on it", async () => {
    const storage = memoryStorage();
    const { unmount } = await renderPane({ services: fakeServices({ storage }) });
    expect(stored(storage)).toBeNull();
    pick("Sektormal", "Tekniske tjenester");
    pick("Kommune", "Bergen (1201)");
    expect(stored(storage)).toMatchObject({ sector: "tekniske-tjenester", municipality: "bergen" });
    fireEvent.click(combobox("Sammenlign med"));
    fireEvent.click(within(listOf(combobox("Sammenlign med"))).getByRole("option", { name: "Oslo (0301)" }));
    fireEvent.blur(combobox("Sammenlign med"));
    pick("År", "2016");
    pick("Tidsserie fra", "2015");
    fireEvent.click(screen.getByRole("radio", { name: "SSB direkte" }));
    fireEvent.click(screen.getByRole("button", { name: "Avanserte valg" }));
    fireEvent.click(await screen.findByRole("radio", { name: /^Vektet/ }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Ta med Oslo i snittet" }));
    expect(stored(storage)).toMatchObject(LEFT);
    unmount();

    await renderPane({ services: fakeServices({ storage }) });
    expectTheChoiceLeft();
  });

  it("opens on the defaults, without an error, when what is stored is not a choice at all", async () => {
    await renderPane({ services: fakeServices({ storage: memoryStorage({ [CHOICE_KEY]: '{"sector": "grunnskole", ' }) }) });
    expect(screen.getByRole("heading", { name: "Profil for Bærum 2017" })).toBeInTheDocument();
    expect(combobox("Sektormal")).toHaveDisplayValue("Plan, miljø og kultur");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("keeps the sound fields of a damaged choice and gives the others their defaults", async () => {
    const damaged = { ...LEFT, sector: "mal-som-er-borte", municipality: "atlantis", year: "2016", comparisons: ["asker", "atlantis"], source: { kind: "ssb" } };
    await renderPane({ services: fakeServices({ storage: memoryStorage({ [CHOICE_KEY]: JSON.stringify(damaged) }) }) });
    expect(combobox("Sektormal")).toHaveDisplayValue("Plan, miljø og kultur");
    expect(screen.getByRole("heading", { name: "Profil for Bærum 2017" })).toBeInTheDocument();
    expect(combobox("Sammenlign med")).toHaveValue("Asker");
    // The span and the averaging were sound, and stay.
    expect(combobox("Tidsserie fra")).toHaveDisplayValue("2015");
    expect(combobox("Tidsserie til")).toHaveDisplayValue("2016");
    expect(summary()).toHaveTextContent(/^Snitt: vektet, .*uten Oslo/);
    expect(screen.getByRole("radio", { name: "Eksempeldata" })).toBeChecked();
  });
});

describe("a template workbook", () => {
  const TEMPLATE = writtenSettings({ municipality: "0219", comparisons: ["0220"], source: { kind: "sample" } });

  it("opens on its own settings, not the remembered choice, and leaves the remembered choice as it was", async () => {
    const storage = memoryStorage({ [CHOICE_KEY]: JSON.stringify({ ...LEFT, chartComparisons: true }) });
    const services = fakeExcelServices({ storage });
    services.readTemplate.mockResolvedValue({ kind: "ok", settings: TEMPLATE });
    await renderPane({ services });
    expect(combobox("Sektormal")).toHaveDisplayValue("Plan, miljø og kultur");
    expect(combobox("Kommune")).toHaveValue("Bærum (0219)");
    expect(combobox("Sammenlign med")).toHaveValue("Asker");
    expect(combobox("Tidsserie fra")).toHaveDisplayValue("2015");
    expect(screen.getByRole("radio", { name: "Eksempeldata" })).toBeChecked();
    // The template's source is the sample, so its figures are shown at once.
    expect(screen.getByRole("heading", { name: "Profil for Bærum 2017" })).toBeInTheDocument();
    // What the settings do not say (whether the chart shows the comparisons) stays the user's.
    expect(summary()).toHaveTextContent(/^Snitt: uvektet, .*Oslo med.* · diagram med sammenligningskommuner$/);
    expect(stored(storage)).toEqual({ ...LEFT, chartComparisons: true });
  });
});
