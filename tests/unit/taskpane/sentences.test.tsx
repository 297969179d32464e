/** @jest-environment jsdom */
/**
 * The preview's sentences and "Kopier tekst" (issue 13, item 3): under the picture the
 * profile in sentences — the engine's, as the profile sheet's formulas give them — and a
 * button that puts them on the clipboard as plain text, one sentence per line, and says so
 * in a status line (announced by screen readers); where the host's clipboard refuses, it
 * says how to copy by hand. The sample's figures are SYNTHETIC.
 */
import "@testing-library/jest-dom";
import { fireEvent, screen, within } from "@testing-library/react";
import { benchmark, defaultOptions } from "../../../src/kostra/benchmark";
import { profileSentences } from "../../../src/kostra/sentences";
import { sampleDataset } from "../../../src/sources/sample";
import { copyText } from "../../../src/taskpane/services/clipboardText";
import type { ReportPlan } from "../../../src/report/plan";
import type { TemplateSettings } from "../../../src/report/template-settings";
import { memoryStorage } from "../../../src/taskpane/services/storage";
import { CHOICE_KEY } from "../../../src/taskpane/state/rememberedChoice";
import { writtenSettings } from "../../support/settings-fixture";
import { fakeExcelServices, fakeServices } from "./fakeServices";
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

describe("the sentences' band", () => {
  const sample2017 = () => benchmark(sampleDataset(), defaultOptions("plan-miljo-kultur", "0219", 2017));
  const bandField = async () => {
    fireEvent.click(screen.getByRole("button", { name: "Avanserte valg" }));
    return screen.findByRole("textbox", { name: /^Setninger: «på nivå med snittet» innenfor ± prosent/ });
  };

  it("is set under the advanced options, changes the sentences, is remembered and is written into the settings", async () => {
    const storage = memoryStorage();
    const services = fakeExcelServices({ storage });
    await renderPane({ services });
    await picture();
    const field = await bandField();
    fireEvent.change(field, { target: { value: "50" } });
    expect(sentencesShown()).toEqual(profileSentences(sample2017(), "nb", 50));
    expect(sentencesShown()).not.toEqual(profileSentences(sample2017(), "nb"));
    expect(JSON.parse(storage.get(CHOICE_KEY) ?? "{}")).toMatchObject({ sentenceBand: 50 });
    press("Skriv til arbeidsbok");
    expect(await screen.findByText("Rapporten er skrevet.")).toBeInTheDocument();
    const [plan, settings] = services.writeReport.mock.calls[0] as [ReportPlan, unknown];
    expect(settings).toMatchObject({ sentenceBand: 50 });
    // The profile sheet's sentence formulas test the same band.
    const profileSheet = plan.sheets.find((sh) => sh.key.startsWith("profile:"))!;
    const formulas = profileSheet.blocks.flatMap((b) => b.rows.flat()).filter((c) => c.kind === "formula" && c.formula.includes("FIXED("));
    expect(formulas.length).toBe(sample2017().rows.length);
    for (const f of formulas) expect(f.kind === "formula" && f.formula).toContain("<=50,");
  });

  it("keeps what is typed but uses only a whole per cent from 0 to 50, and says what it takes", async () => {
    await renderPane();
    await picture();
    const field = await bandField();
    fireEvent.change(field, { target: { value: "51" } });
    expect(field).toHaveValue("51");
    expect(screen.getByText("Skriv et helt antall prosent fra 0 til 50.")).toBeInTheDocument();
    expect(sentencesShown()).toEqual(profileSentences(sample2017(), "nb"));
    fireEvent.change(field, { target: { value: "0" } });
    expect(sentencesShown()).toEqual(profileSentences(sample2017(), "nb", 0));
    fireEvent.change(field, { target: { value: "" } });
    expect(sentencesShown()).toEqual(profileSentences(sample2017(), "nb"));
  });

  it("comes from a template workbook's settings, and a remembered band that is not one is dropped", async () => {
    const services = fakeExcelServices();
    const template: TemplateSettings = { ...writtenSettings({ source: { kind: "sample" } }), sentenceBand: 0 };
    services.readTemplate.mockResolvedValue({ kind: "ok", settings: template });
    const first = await renderPane({ services });
    await picture();
    expect(sentencesShown()).toEqual(profileSentences(benchmark(sampleDataset(), { ...defaultOptions("plan-miljo-kultur", "0219", 2017), average: "simple" }), "nb", 0));
    expect(await bandField()).toHaveValue("0");
    first.unmount();

    const storage = memoryStorage({ [CHOICE_KEY]: JSON.stringify({ sentenceBand: 99 }) });
    await renderPane({ services: fakeServices({ storage }) });
    await picture();
    // Used, 99 would be cut to 50 and call far more rows "på nivå med snittet".
    expect(sentencesShown()).toEqual(profileSentences(sample2017(), "nb"));
    expect(sentencesShown()).not.toEqual(profileSentences(sample2017(), "nb", 50));
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
