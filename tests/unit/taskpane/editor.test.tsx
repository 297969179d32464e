/** @jest-environment jsdom */
/**
 * The template editor: add from the catalog and from SSB, remove, reorder, rename, decimals,
 * save and cancel; a saved template's export and import; SSB's search with fake services
 * (hits, no hits, SSB failing).
 */
import "@testing-library/jest-dom";
import * as fs from "fs";
import * as path from "path";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { resetUserCatalog, templateById } from "../../../src/kostra/catalog";
import { SsbError } from "../../../src/sources/ssb/types";
import { tableDimensions } from "../../../src/taskpane/services/ssbTables";
import { fakeExcelServices, fakeServices, textFile } from "./fakeServices";
import { card, chooseFiles, press, renderPane } from "./renderPane";

const METADATA_12362 = JSON.parse(fs.readFileSync(path.join(__dirname, "../../fixtures/ssb/metadata/12362.json"), "utf8"));
const KUNST = "Netto driftsutgifter kunstformidling pr. innbygger";
const BIBLIOTEK = "Netto driftsutgifter bibliotek pr. innbygger";
const PLAN = "Netto driftsutgifter til plansaksbehandling pr. innbygger";

afterEach(() => resetUserCatalog());

const dialog = () => screen.getByRole("dialog");

/** Click as a user does: the focus moves to what is clicked (fireEvent alone leaves it where it was). */
function click(el: HTMLElement): void {
  el.focus();
  fireEvent.click(el);
}
const order = () => within(dialog()).getAllByRole("textbox", { name: /^Visningsnavn for/ }).map((el) => (el as HTMLInputElement).value);

/** Open the editor from its button (it is loaded on demand) and wait for its dialog. */
async function openEditor(button: "Ny mal" | "Rediger mal" | "New template"): Promise<HTMLElement> {
  press(button);
  return screen.findByRole("dialog");
}

/**
 * Close the editor with one of its buttons, and wait until the user is back in the pane:
 * the focus on the button the editor was opened from. (While the dialog was open, Fluent's
 * focus manager hid the pane from screen readers; the focus coming back lifts that.)
 */
async function closeEditor(button: "Lagre malen" | "Avbryt", openedFrom: "Ny mal" | "Rediger mal" = "Ny mal"): Promise<void> {
  press(button);
  expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  await waitFor(() => expect(screen.getByRole("button", { name: openedFrom })).toHaveFocus());
}

function addFromCatalog(search: string, label: string): void {
  const box = within(dialog()).getByRole("searchbox", { name: "Søk i katalogen" });
  fireEvent.change(box, { target: { value: search } });
  fireEvent.click(within(dialog()).getByRole("button", { name: `Legg til «${label}»` }));
}

describe("template editor", () => {
  it("builds a new template from the catalog: add, reorder, rename, decimals, remove, save", async () => {
    await renderPane();
    await openEditor("Ny mal");
    expect(within(dialog()).getByText(/Malen har ingen indikatorer ennå/)).toBeInTheDocument();
    fireEvent.change(within(dialog()).getByRole("textbox", { name: /Navn på malen/ }), { target: { value: "Kultur for ledelsen" } });

    addFromCatalog("kunstformidling", KUNST);
    expect(within(dialog()).getByRole("searchbox", { name: "Søk i katalogen" })).toHaveFocus();
    addFromCatalog("bibliotek", BIBLIOTEK);
    addFromCatalog("plansaksbehandling", PLAN);
    expect(order()).toEqual([KUNST, BIBLIOTEK, PLAN]);
    // Already chosen indicators are not offered again.
    fireEvent.change(within(dialog()).getByRole("searchbox", { name: "Søk i katalogen" }), { target: { value: "bibliotek" } });
    expect(within(dialog()).queryByRole("button", { name: `Legg til «${BIBLIOTEK}»` })).not.toBeInTheDocument();

    // Move "bibliotek" to the top; the focus stays on the button pressed.
    const up = within(dialog()).getByRole("button", { name: `Flytt «${BIBLIOTEK}» opp` });
    fireEvent.click(up);
    expect(order()).toEqual([BIBLIOTEK, KUNST, PLAN]);
    expect(within(dialog()).getByRole("button", { name: `Flytt «${BIBLIOTEK}» opp` })).toHaveFocus();
    expect(within(dialog()).getByText(`«${BIBLIOTEK}» er nå nummer 1 av 3.`)).toBeInTheDocument();
    // At the top, "up" is announced as unavailable and does nothing.
    fireEvent.click(within(dialog()).getByRole("button", { name: `Flytt «${BIBLIOTEK}» opp` }));
    expect(order()[0]).toBe(BIBLIOTEK);
    fireEvent.click(within(dialog()).getByRole("button", { name: `Flytt «${KUNST}» ned` }));
    expect(order()).toEqual([BIBLIOTEK, PLAN, KUNST]);

    // Remove plansaksbehandling; the focus goes to the next indicator's remove button.
    fireEvent.click(within(dialog()).getByRole("button", { name: `Fjern «${PLAN}»` }));
    expect(order()).toEqual([BIBLIOTEK, KUNST]);
    expect(within(dialog()).getByRole("button", { name: `Fjern «${KUNST}»` })).toHaveFocus();

    fireEvent.change(within(dialog()).getByRole("textbox", { name: `Visningsnavn for «${KUNST}»` }), { target: { value: "Kunstformidling" } });
    fireEvent.change(within(dialog()).getByRole("combobox", { name: "Desimaler for «Kunstformidling»" }), { target: { value: "2" } });

    // Saved and closed; the focus is back on the button the editor was opened from.
    await closeEditor("Lagre malen");
    expect(screen.getByRole("combobox", { name: "Sektormal" })).toHaveDisplayValue("Kultur for ledelsen");
    expect(screen.getByText("Malen «Kultur for ledelsen» er lagret og valgt.")).toBeInTheDocument();
    const saved = templateById("mal-kultur-for-ledelsen");
    expect(saved).toMatchObject({
      indicators: ["bibliotek", "kunstformidling"],
      labels: { kunstformidling: { nb: "Kunstformidling", en: "Kunstformidling" } },
      decimals: { kunstformidling: 2 },
    });
    // The preview uses the template at once, with its own label and decimals.
    expect(await screen.findAllByRole("rowheader")).toHaveLength(2);
    const kunst = card(/^Kunstformidling/);
    expect(within(kunst).getAllByText(/\d,\d\d\b/).length).toBeGreaterThan(0);

    // The picker lists it among the user's own templates, and it can be edited in place.
    fireEvent.click(screen.getByRole("combobox", { name: "Sektormal" }));
    expect(screen.getByRole("group", { name: "Egne maler" })).toHaveTextContent("Kultur for ledelsen");
    expect(screen.getByRole("group", { name: "Barnehage" })).toBeInTheDocument();
  });

  it("cancels without changing anything, and says what keeps a template from being saved", async () => {
    await renderPane();
    await openEditor("Ny mal");
    fireEvent.change(within(dialog()).getByRole("textbox", { name: /Navn på malen/ }), { target: { value: "" } });
    press("Lagre malen");
    expect(within(dialog()).getByRole("alert")).toHaveTextContent("Malen kan ikke lagres Gi malen et navn. Legg til minst én indikator.");
    // Fixed as the user fixes it: a name takes its sentence away, an indicator the rest.
    fireEvent.change(within(dialog()).getByRole("textbox", { name: /Navn på malen/ }), { target: { value: "Min mal" } });
    expect(within(dialog()).getByRole("alert")).toHaveTextContent(/^Malen kan ikke lagres Legg til minst én indikator\.$/);
    addFromCatalog("bibliotek", BIBLIOTEK);
    expect(within(dialog()).queryByRole("alert")).toBeNull();
    await closeEditor("Avbryt");
    expect(screen.getByRole("combobox", { name: "Sektormal" })).toHaveDisplayValue("Plan, miljø og kultur");
    expect(templateById("mal-min-mal")).toBeUndefined();
    expect(await screen.findAllByRole("rowheader")).toHaveLength(6);
  });

  it("is the page's one modal from the moment it opens: the pane behind it is hidden from screen readers, the dialog is not", async () => {
    const { container } = await renderPane();
    const editor = await openEditor("Ny mal");
    // As in a browser, the focus starts in the first field: that makes the dialog the active modal.
    expect(within(editor).getByRole("textbox", { name: /Navn på malen/ })).toHaveFocus();
    // Fluent's focus manager hides the rest of the page at its next pass over it (on a timer).
    await waitFor(() => expect(container).toHaveAttribute("aria-hidden", "true"));
    expect(screen.getByRole("dialog")).toBe(editor);
    expect(editor.closest("[aria-hidden=true]")).toBeNull();
  });

  it("copies a template that comes with the add-in under a new name", async () => {
    await renderPane();
    await openEditor("Rediger mal");
    expect(within(dialog()).getByText(/følger med tillegget; du lagrer en egen kopi/)).toBeInTheDocument();
    expect(within(dialog()).getByRole("textbox", { name: /Navn på malen/ })).toHaveValue("Plan, miljø og kultur (egen)");
    expect(order()).toHaveLength(6);
    fireEvent.click(within(dialog()).getByRole("button", { name: `Fjern «${KUNST}»` }));
    await closeEditor("Lagre malen", "Rediger mal");
    expect(templateById("plan-miljo-kultur")?.indicators).toHaveLength(6);
    expect(templateById("mal-plan-miljo-og-kultur-egen")?.indicators).toHaveLength(5);
    expect(await screen.findAllByRole("rowheader")).toHaveLength(5);
  });

  describe("adding from SSB", () => {
    const hits = [{ id: "12362", label: "12362: Utgifter til kommunale tjenester (K) 2015 - 2024", firstPeriod: "2015", lastPeriod: "2024" }];

    it("searches SSB's tables, picks one code per dimension from the metadata and adds the indicator", async () => {
      const searchSsbTables = jest.fn(async () => hits);
      const ssbTableMetadata = jest.fn(async (table: string) => tableDimensions(table, METADATA_12362));
      await renderPane({ services: fakeServices({ searchSsbTables, ssbTableMetadata }) });
      await openEditor("Ny mal");
      fireEvent.change(within(dialog()).getByRole("searchbox", { name: "Søk etter SSB-tabell" }), { target: { value: "kommunale utgifter" } });
      fireEvent.click(within(dialog()).getByRole("button", { name: "Søk i SSB" }));
      expect(await within(dialog()).findByText("1 tabell funnet.")).toBeInTheDocument();
      expect(searchSsbTables).toHaveBeenCalledWith("kommunale utgifter", expect.objectContaining({ lang: "nb", baseUrl: "" }));

      fireEvent.click(within(dialog()).getByRole("button", { name: "Velg tabell 12362" }));
      const pick = await within(dialog()).findByRole("heading", { name: /^Tabell 12362/ });
      expect(ssbTableMetadata).toHaveBeenCalledWith("12362", expect.anything());
      expect(pick).toHaveFocus();
      // Region and year are not picked; the other dimensions are.
      expect(within(dialog()).queryByRole("combobox", { name: "region" })).not.toBeInTheDocument();
      fireEvent.change(within(dialog()).getByRole("combobox", { name: "funksjon" }), { target: { value: "370" } });
      fireEvent.change(within(dialog()).getByRole("combobox", { name: "art" }), { target: { value: "AGD2" } });
      fireEvent.change(within(dialog()).getByRole("combobox", { name: "statistikkvariabel" }), { target: { value: "KOSbelopinnbygge0000" } });
      expect(within(dialog()).getByRole("textbox", { name: /Navn på indikatoren/ })).toHaveValue("Bibliotek, Netto driftsutgifter, Kroner per innbygger");
      expect(within(dialog()).getByText("Enhet: kr per innbygger")).toBeInTheDocument();
      fireEvent.change(within(dialog()).getByRole("textbox", { name: /Navn på indikatoren/ }), { target: { value: "Bibliotek (SSB)" } });
      fireEvent.click(within(dialog()).getByRole("button", { name: "Legg til indikatoren" }));
      expect(order()).toEqual(["Bibliotek (SSB)"]);
      expect(within(dialog()).getByRole("searchbox", { name: "Søk etter SSB-tabell" })).toHaveFocus();

      await closeEditor("Lagre malen");
      const saved = templateById("mal-min-mal");
      expect(saved?.indicators).toEqual(["bruker-12362-kosbelopinnbygge0000-agd2-370"]);
      expect(screen.getByRole("combobox", { name: "Sektormal" })).toHaveDisplayValue("Min mal");
      // The embedded sample has no figures for it, and the preview says so rather than inventing any.
      expect(within(screen.getByRole("region", { name: "Forhåndsvisning" })).getByRole("alert")).toHaveTextContent("Ingen data for 2017 i malen «Min mal»");
    });

    it("says so when no table matches", async () => {
      await renderPane({ services: fakeServices({ searchSsbTables: jest.fn(async () => []), ssbTableMetadata: jest.fn() }) });
      await openEditor("Ny mal");
      const box = within(dialog()).getByRole("searchbox", { name: "Søk etter SSB-tabell" });
      box.focus();
      fireEvent.change(box, { target: { value: "zzz" } });
      fireEvent.submit(within(dialog()).getByRole("search"));
      // The answer comes from a promise; wait for it rather than for a fixed number of ticks.
      expect(await within(dialog()).findByText("Ingen SSB-tabeller passer «zzz». Prøv andre ord eller et tabellnummer.")).toBeInTheDocument();
      expect(within(dialog()).queryByRole("button", { name: /Velg tabell/ })).not.toBeInTheDocument();
    });

    it("shows SSB's failure in a message bar in bokmål and lets the user try again", async () => {
      const failure = new SsbError("unavailable", { nb: "SSB svarer ikke akkurat nå.", en: "SSB is not answering right now." }, { status: 503 });
      const searchSsbTables = jest.fn().mockRejectedValueOnce(failure).mockResolvedValueOnce(hits);
      const ssbTableMetadata = jest.fn().mockRejectedValue(failure);
      await renderPane({ services: fakeServices({ searchSsbTables, ssbTableMetadata }) });
      await openEditor("Ny mal");
      fireEvent.change(within(dialog()).getByRole("searchbox", { name: "Søk etter SSB-tabell" }), { target: { value: "bibliotek" } });
      click(within(dialog()).getByRole("button", { name: "Søk i SSB" }));
      expect(await within(dialog()).findByText("SSB-søket mislyktes")).toBeInTheDocument();
      expect(within(dialog()).getByText(/SSB svarer ikke akkurat nå\./)).toBeInTheDocument();

      click(within(dialog()).getByRole("button", { name: "Søk i SSB" }));
      const choose = await within(dialog()).findByRole("button", { name: "Velg tabell 12362" });
      expect(within(dialog()).queryByText("SSB-søket mislyktes")).not.toBeInTheDocument();
      click(choose);
      expect(await within(dialog()).findByText("Tabellens metadata kunne ikke hentes")).toBeInTheDocument();
      await waitFor(() => expect(within(dialog()).getByRole("button", { name: "Velg tabell 12362" })).toHaveFocus());
      await closeEditor("Avbryt");
    });

    it("shows SSB's failure in English in the English pane", async () => {
      const failure = new SsbError("unavailable", { nb: "SSB svarer ikke akkurat nå.", en: "SSB is not answering right now." }, { status: 503 });
      await renderPane({ displayLanguage: "en-US", services: fakeServices({ searchSsbTables: jest.fn().mockRejectedValue(failure), ssbTableMetadata: jest.fn() }) });
      await openEditor("New template");
      fireEvent.change(within(dialog()).getByRole("searchbox", { name: "Search SSB tables" }), { target: { value: "library" } });
      fireEvent.click(within(dialog()).getByRole("button", { name: "Search SSB" }));
      expect(await within(dialog()).findByText("The SSB search failed")).toBeInTheDocument();
      expect(within(dialog()).getByText(/SSB is not answering right now\./)).toBeInTheDocument();
    });
  });

  it("carries a saved template through export and import into a fresh pane", async () => {
    const { unmount, services } = await renderPane({ services: fakeServices({ searchSsbTables: jest.fn(), ssbTableMetadata: jest.fn() }) });
    await openEditor("Ny mal");
    fireEvent.change(within(dialog()).getByRole("textbox", { name: /Navn på malen/ }), { target: { value: "Delt mal" } });
    addFromCatalog("bibliotek", BIBLIOTEK);
    fireEvent.change(within(dialog()).getByRole("textbox", { name: `Visningsnavn for «${BIBLIOTEK}»` }), { target: { value: "Bibliotek" } });
    await closeEditor("Lagre malen");
    press("Eksporter mal");
    expect(await screen.findByText(/^Malen er lastet ned som kostra-mal-.+\.json\.$/)).toBeInTheDocument();
    expect(services.downloadText).toHaveBeenCalledTimes(1);
    const [text] = services.downloadText.mock.calls[0] as [string];
    const file = JSON.parse(text);
    expect(file.sectors).toEqual(["mal-delt-mal"]);
    expect(file.userTemplate.template).toMatchObject({ id: "mal-delt-mal", indicators: ["bibliotek"], labels: { bibliotek: { nb: "Bibliotek", en: "Bibliotek" } } });
    unmount();

    // Another workbook (or another person's pane) knows nothing of it until the file is imported.
    resetUserCatalog();
    expect(templateById("mal-delt-mal")).toBeUndefined();
    await renderPane();
    chooseFiles("Velg malfil", [textFile(text, "delt-mal.json", "application/json")]);
    expect(await screen.findByText("Malen er lest inn.")).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Sektormal" })).toHaveDisplayValue("Delt mal");
    expect(await screen.findAllByRole("rowheader")).toHaveLength(1);
    expect(card(/^Bibliotek/)).toBeInTheDocument();
  });

  it("writes the template into the workbook's settings, and a workbook carrying one opens on it", async () => {
    const { services, unmount } = await renderPane({ services: fakeExcelServices() });
    await openEditor("Ny mal");
    fireEvent.change(within(dialog()).getByRole("textbox", { name: /Navn på malen/ }), { target: { value: "Arbeidsbokmal" } });
    addFromCatalog("kunstformidling", KUNST);
    await closeEditor("Lagre malen");
    press("Skriv til arbeidsbok");
    expect(await screen.findByText("Rapporten er skrevet.")).toBeInTheDocument();
    const [, settings] = services.writeReport.mock.calls[0];
    expect(settings.sectors).toEqual(["mal-arbeidsbokmal"]);
    expect(settings.userTemplate.template.indicators).toEqual(["kunstformidling"]);
    unmount();

    resetUserCatalog();
    const written = { ...settings, schemaVersion: 1, ownedSheets: [], writtenAt: "2025-11-27T08:13:00.000Z" };
    await renderPane({ services: fakeExcelServices({ readTemplate: jest.fn(async () => ({ kind: "ok" as const, settings: written })) }) });
    expect(screen.getByRole("combobox", { name: "Sektormal" })).toHaveDisplayValue("Arbeidsbokmal");
    expect(templateById("mal-arbeidsbokmal")?.indicators).toEqual(["kunstformidling"]);
  });
});
