/** @jest-environment jsdom */
/**
 * The preview's sentences and "Kopier tekst" (issue 13, item 3): under the picture the
 * profile in sentences — the engine's, as the profile sheet's formulas give them — and a
 * button that puts them on the clipboard as plain text, one sentence per line, and says so
 * in a status line (announced by screen readers); where the host's clipboard refuses, it
 * says how to copy by hand. The sample's figures are SYNTHETIC.
 */
import "@testing-library/jest-dom";
import { screen, within } from "@testing-library/react";
import { benchmark, defaultOptions } from "../../../src/kostra/benchmark";
import { profileSentences } from "../../../src/kostra/sentences";
import { sampleDataset } from "../../../src/sources/sample";
import { copyText } from "../../../src/taskpane/services/clipboardText";
import { pick, picture, press, renderPane } from "./renderPane";

const sentencesShown = () => within(screen.getByTestId("profile-sentences")).getAllByRole("listitem").map((li) => li.textContent);

function clipboard(write: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, "clipboard", { value: { writeText: write }, configurable: true });
}

afterEach(() => {
  Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true });
});

describe("the preview's sentences", () => {
  it("shows the engine's sentence for every indicator under the picture, and follows the choices", async () => {
    await renderPane();
    await picture();
    const profile = benchmark(sampleDataset(), defaultOptions("plan-miljo-kultur", "0219", 2017));
    expect(screen.getByRole("heading", { name: "Tekst til analysen" })).toBeInTheDocument();
    expect(sentencesShown()).toEqual(profileSentences(profile, "nb"));
    pick("År", "2016");
    await screen.findByRole("heading", { name: "Profil for Bærum 2016" });
    expect(sentencesShown()).toEqual(profileSentences(benchmark(sampleDataset(), defaultOptions("plan-miljo-kultur", "0219", 2016)), "nb"));
  });

  it("copies them as plain text, one per line, and announces it", async () => {
    const written: string[] = [];
    clipboard(async (text) => void written.push(text));
    await renderPane();
    await picture();
    press("Kopier tekst");
    const status = await screen.findByText(/er kopiert som ren tekst/);
    expect(status).toHaveAttribute("role", "status");
    expect(written).toHaveLength(1);
    expect(written[0]).toBe(sentencesShown().join("\n") + "\n");
    expect(written[0]).not.toMatch(/<|\t/);
    // Another profile does not carry the old confirmation.
    pick("År", "2016");
    await screen.findByRole("heading", { name: "Profil for Bærum 2016" });
    expect(screen.queryByText(/er kopiert som ren tekst/)).not.toBeInTheDocument();
  });

  it("says how to copy by hand where the clipboard refuses", async () => {
    clipboard(() => Promise.reject(new DOMException("denied", "NotAllowedError")));
    await renderPane();
    await picture();
    press("Kopier tekst");
    expect(await screen.findByText(/^Utklippstavlen tok ikke imot teksten/)).toHaveAttribute("role", "status");
  });

  it("speaks English with the pane", async () => {
    await renderPane({ displayLanguage: "en-GB" });
    await screen.findByRole("table", { name: /^The figures for/ });
    expect(screen.getByRole("heading", { name: "Text for the analysis" })).toBeInTheDocument();
    const profile = benchmark(sampleDataset(), defaultOptions("plan-miljo-kultur", "0219", 2017));
    expect(sentencesShown()).toEqual(profileSentences(profile, "en"));
    expect(screen.getByRole("button", { name: "Copy text" })).toBeInTheDocument();
  });
});

describe("copying text", () => {
  it("falls back to the copy command where the Clipboard API refuses, and keeps the focus where it was", async () => {
    const button = document.createElement("button");
    document.body.appendChild(button);
    button.focus();
    const copied: string[] = [];
    const doc = document;
    const exec = jest.fn(() => {
      copied.push((doc.activeElement as HTMLTextAreaElement).value);
      return true;
    });
    Object.defineProperty(doc, "execCommand", { value: exec, configurable: true });
    const outcome = await copyText("a\nb\n", { clipboard: { writeText: () => Promise.reject(new Error("no")) }, document: doc });
    expect(outcome).toEqual({ kind: "copied" });
    expect(copied).toEqual(["a\nb\n"]);
    expect(doc.activeElement).toBe(button);
    expect(doc.querySelector("textarea")).toBeNull();
  });

  it("is refused when neither way copies", async () => {
    Object.defineProperty(document, "execCommand", { value: () => false, configurable: true });
    expect(await copyText("x", { document })).toMatchObject({ kind: "refused" });
    expect(document.querySelector("textarea")).toBeNull();
  });
});
