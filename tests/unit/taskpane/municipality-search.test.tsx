/** @jest-environment jsdom */
/**
 * The pane's municipality picker finds what people type the way the CLI does: without
 * diacritics, by a code without its leading zero, and with a suggestion for a near miss.
 */
import "@testing-library/jest-dom";
import { fireEvent, screen } from "@testing-library/react";
import { listed, renderPane } from "./renderPane";

function typeInPicker(text: string): string[] {
  const input = screen.getByRole("combobox", { name: "Kommune" });
  fireEvent.click(input);
  fireEvent.change(input, { target: { value: text } });
  return listed("Kommune");
}


describe("the municipality picker's search", () => {
  it.each([
    ["Baerum", "Bærum (0219)"],
    ["bærum", "Bærum (0219)"],
    ["Tromso", "Tromsø (1902)"],
    ["219", "Bærum (0219)"],
    ["Aalesund", "Ålesund (1504)"],
  ])("offers %s as %s first", async (text, label) => {
    await renderPane();
    expect(typeInPicker(text)[0]).toBe(label);
  });

  it("chooses Bærum when Baerum is typed and confirmed", async () => {
    await renderPane();
    typeInPicker("Asker");
    fireEvent.keyDown(screen.getByRole("combobox", { name: "Kommune" }), { key: "Enter" });
    typeInPicker("Baerum");
    fireEvent.keyDown(screen.getByRole("combobox", { name: "Kommune" }), { key: "Enter" });
    expect(screen.getByRole("heading", { name: "Profil for Bærum 2017" })).toBeInTheDocument();
  });

  it("suggests Bærum for Barum in the no-match line", async () => {
    await renderPane();
    expect(typeInPicker("Barum")).toEqual(["Mente du Bærum?"]);
  });

  it("keeps the profile and explains with the suggestion when Barum is confirmed", async () => {
    await renderPane();
    typeInPicker("Barum");
    fireEvent.keyDown(screen.getByRole("combobox", { name: "Kommune" }), { key: "Enter" });
    expect(screen.getByText("Fant ingen kommune «Barum». Mente du Bærum?")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Profil for Bærum 2017" })).toBeInTheDocument();
  });

  it("offers both Herøys for Heroy rather than choosing one", async () => {
    await renderPane();
    expect(typeInPicker("Heroy")).toEqual(["Herøy (Møre og Romsdal) (1515)", "Herøy (Nordland) (1818)"]);
  });

  it("says no municipality matches when nothing is near", async () => {
    await renderPane();
    expect(typeInPicker("Atlantis")).toEqual(["Ingen kommune passer"]);
  });

  it("suggests in English too", async () => {
    await renderPane({ displayLanguage: "en-US" });
    const input = await screen.findByRole("combobox", { name: "Municipality" });
    fireEvent.click(input);
    fireEvent.change(input, { target: { value: "Barum" } });
    expect(listed("Municipality")).toEqual(["Did you mean Bærum?"]);
  });

  it("does not choose the first Herøy when Heroy is confirmed, but says there are two", async () => {
    await renderPane();
    typeInPicker("Heroy");
    fireEvent.keyDown(screen.getByRole("combobox", { name: "Kommune" }), { key: "Enter" });
    expect(screen.getByText(/Herøy \(Møre og Romsdal\).*Herøy \(Nordland\)/)).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Profil for Bærum 2017" })).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Kommune" })).toHaveValue("Heroy");
  });

  it("chooses the Herøy the user moves to with the arrow keys", async () => {
    await renderPane();
    const box = screen.getByRole("combobox", { name: "Kommune" });
    typeInPicker("Heroy");
    fireEvent.keyDown(box, { key: "ArrowDown" });
    fireEvent.keyDown(box, { key: "ArrowDown" });
    fireEvent.keyDown(box, { key: "Enter" });
    expect(box).toHaveValue("Herøy (Nordland) (1818)");
    expect(screen.getByRole("heading", { name: "Profil for Herøy (Nordland) 2017" })).toBeInTheDocument();
  });
});

describe("the comparison picker's search", () => {
  function typeInComparisons(text: string): HTMLElement {
    const box = screen.getByRole("combobox", { name: "Sammenlign med" });
    fireEvent.click(box);
    fireEvent.change(box, { target: { value: text } });
    return box;
  }

  it("finds what the municipality picker finds: without diacritics and by a code without its leading zero", async () => {
    await renderPane();
    typeInComparisons("Tromso");
    expect(listed("Sammenlign med")[0]).toBe("Tromsø (1902)");
    typeInComparisons("301");
    expect(listed("Sammenlign med")[0]).toBe("Oslo (0301)");
  });

  it("suggests Oslo for Oslp in the no-match line, as the municipality picker does", async () => {
    await renderPane();
    typeInComparisons("Oslp");
    expect(listed("Sammenlign med")).toEqual(["Mente du Oslo?"]);
  });

  it("adds the one municipality typed text names on Enter, and explains a near miss instead of adding anything", async () => {
    await renderPane();
    const box = typeInComparisons("Oslp");
    fireEvent.keyDown(box, { key: "Enter" });
    expect(screen.getByText("Fant ingen kommune «Oslp». Mente du Oslo?")).toBeInTheDocument();
    expect(box).toHaveValue("Oslp");
    typeInComparisons("tromso");
    fireEvent.keyDown(box, { key: "Enter" });
    expect(box).toHaveValue("Asker, Tromsø");
    expect(screen.queryByText(/Fant ingen kommune/)).not.toBeInTheDocument();
  });

  it("adds neither Herøy when Heroy is confirmed", async () => {
    await renderPane();
    const box = typeInComparisons("Heroy");
    fireEvent.keyDown(box, { key: "Enter" });
    expect(screen.getByText(/Herøy \(Møre og Romsdal\).*Herøy \(Nordland\)/)).toBeInTheDocument();
    fireEvent.blur(box);
    expect(box).toHaveValue("Asker");
  });
});
