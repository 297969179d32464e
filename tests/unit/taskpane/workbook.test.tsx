/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { GatewayError } from "../../../src/excel/apply-plan";
import type { TemplateSettings } from "../../../src/report/template-settings";
import type { ReportPlan } from "../../../src/report/plan";
import { settingsToXml } from "../../../src/report/template-settings";
import { sampleDataset } from "../../../src/sources/sample";
import { SsbError } from "../../../src/sources/ssb/types";
import { createExcelServices } from "../../../src/taskpane/services/excel";
import { installFakeExcel, type FakeExcel } from "../../support/fake-excel";
import { writtenSettings } from "../../support/settings-fixture";
import { fakeExcelServices, fakeServices, textFile } from "./fakeServices";
import { chooseFiles, pick, press, renderPane } from "./renderPane";

const TEMPLATE: TemplateSettings = {
  schemaVersion: 1,
  sectors: ["plan-miljo-kultur"],
  municipality: "0219",
  comparisons: ["0220"],
  network: "asss",
  average: "simple",
  includeOslo: true,
  includeFocal: true,
  year: 2017,
  years: [2015, 2016, 2017],
  source: { kind: "sample" },
  lang: "nb",
  ownedSheets: [{ key: "profile:plan-miljo-kultur:2017", id: "{s1}", name: "Plan, miljø og kultur 2017" }],
  writtenAt: "2025-06-20T10:00:00Z",
};

const sheetNames = (plan: ReportPlan) => plan.sheets.map((s) => s.name);

describe("outside Excel", () => {
  it("offers the .xlsx download only, named after the municipality and year", async () => {
    const { services } = await renderPane();
    expect(screen.queryByRole("button", { name: "Skriv til arbeidsbok" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Lagre som mal" })).not.toBeInTheDocument();
    press("Last ned som .xlsx");
    expect(await screen.findByText("Lastet ned kostra-baerum-2017.xlsx.")).toBeInTheDocument();
    expect(services.downloadXlsx).toHaveBeenCalledTimes(1);
    const [plan, fileName] = services.downloadXlsx.mock.calls[0];
    expect(fileName).toBe("kostra-baerum-2017.xlsx");
    expect(sheetNames(plan)).toEqual(["Plan, miljø og kultur 2017", "Utvikling Plan, miljø og kultur", "KOSTRA-data"]);
  });

  it("holds the report while the choices give no profile, and says why", async () => {
    await renderPane();
    pick("År", "2020");
    expect(screen.getByRole("alert")).toHaveTextContent("Ingen data for 2020");
    expect(screen.getByRole("button", { name: "Last ned som .xlsx" })).toHaveAttribute("aria-disabled", "true");
    expect(screen.getByText("Rett utvalget først (se meldingen over).")).toBeVisible();
  });
});

describe("writing to the workbook", () => {
  it("writes the report with its settings only when asked, then offers to go to each sheet", async () => {
    const services = fakeExcelServices();
    await renderPane({ services });
    expect(services.writeReport).not.toHaveBeenCalled();
    press("Skriv til arbeidsbok");
    expect(await screen.findByText("Rapporten er skrevet.")).toBeInTheDocument();
    expect(services.writeReport).toHaveBeenCalledTimes(1);
    const [plan, settings] = services.writeReport.mock.calls[0];
    expect(sheetNames(plan)).toContain("Plan, miljø og kultur 2017");
    expect(settings).toEqual({
      sectors: ["plan-miljo-kultur"],
      municipality: "baerum",
      comparisons: ["asker"],
      network: "asss",
      // KS's rule per indicator is the default.
      average: "indicator",
      includeOslo: true,
      includeFocal: true,
      year: 2017,
      years: [2015, 2016, 2017],
      source: { kind: "sample" },
      chartComparisons: false,
      lang: "nb",
    });
    expect(screen.getByText("3 ark er skrevet; dine egne ark er ikke rørt.")).toBeInTheDocument();
    press("Gå til «Utvikling Plan, miljø og kultur»");
    expect(services.activateSheet).toHaveBeenCalledWith("{s2}");
    // The workbook is a template now: next year is one click away.
    expect(await screen.findByRole("button", { name: "Oppdater til 2018" })).toBeInTheDocument();
  });

  it("says when Excel renamed a sheet because the user already had one by that name", async () => {
    const services = fakeExcelServices();
    services.writeReport.mockResolvedValue({ sheets: [{ key: "data", id: "{d}", name: "KOSTRA-data (2)" }], syncs: 3, largestRequestBytes: 1, replaced: [], kept: [], renamed: [{ planned: "KOSTRA-data", used: "KOSTRA-data (2)" }] });
    await renderPane({ services });
    press("Skriv til arbeidsbok");
    expect(await screen.findByText("Et eget ark heter «KOSTRA-data» og er ikke rørt; rapporten heter «KOSTRA-data (2)».")).toBeInTheDocument();
  });

  it("locks the buttons while writing, saying why", async () => {
    const services = fakeExcelServices();
    let done!: () => void;
    services.writeReport.mockImplementation(() => new Promise((resolve) => (done = () => resolve({ sheets: [], syncs: 1, largestRequestBytes: 1, replaced: [], kept: [], renamed: [] }))));
    await renderPane({ services });
    press("Skriv til arbeidsbok");
    expect(screen.getByRole("button", { name: "Skriv til arbeidsbok" })).toHaveAttribute("aria-disabled", "true");
    expect(screen.getByRole("button", { name: "Hent data" })).toHaveAttribute("aria-disabled", "true");
    expect(screen.getAllByText("Låst mens rapporten skrives.").length).toBeGreaterThan(0);
    // The write is held until the fake workbook is told to finish; it may not have been asked yet.
    await waitFor(() => expect(services.writeReport).toHaveBeenCalled());
    done();
    await waitFor(() => expect(screen.getByRole("button", { name: "Skriv til arbeidsbok" })).not.toHaveAttribute("aria-disabled"));
  });

  it.each([
    ["unsupported", "Denne Excel-versjonen kan ikke skrive rapporten", "mangler ExcelApi 1.7", "Du kan fortsatt bruke «Last ned som .xlsx»."],
    ["write-failed", "Rapporten ble ikke skrevet", "Avslutt eventuell celleredigering, opphev arkbeskyttelse og prøv igjen.", null],
    ["settings", "Malinnstillingene hindrer skriving", "flere sett med malinnstillinger", "Du kan fortsatt bruke «Last ned som .xlsx»."],
  ] as const)("explains the gateway's %s error", async (kind, title, text, advice) => {
    const services = fakeExcelServices();
    services.writeReport.mockRejectedValue(
      new GatewayError(kind, { nb: `Feil: ${text}`, en: `Error: ${kind}` }),
    );
    await renderPane({ services });
    press("Skriv til arbeidsbok");
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText(title)).toBeInTheDocument();
    expect(alert).toHaveTextContent(text);
    if (advice) expect(alert).toHaveTextContent(advice);
  });

  it("explains a gateway error in English", async () => {
    const services = fakeExcelServices();
    services.writeReport.mockRejectedValue(new GatewayError("write-failed", { nb: "Kunne ikke skrive.", en: "Could not write the report; the workbook is unchanged." }));
    await renderPane({ services, displayLanguage: "en-GB" });
    press("Write to workbook");
    expect(await screen.findByRole("alert")).toHaveTextContent("The report was not written Could not write the report; the workbook is unchanged.");
  });

  it("writes the report in English from an English pane", async () => {
    const services = fakeExcelServices();
    await renderPane({ services, displayLanguage: "en-US" });
    press("Write to workbook");
    expect(await screen.findByText("The report is written.")).toBeInTheDocument();
    const [plan, settings] = services.writeReport.mock.calls[0];
    expect(settings.lang).toBe("en");
    expect(sheetNames(plan)).toContain("KOSTRA data");
    expect(screen.getByRole("button", { name: "Go to “Plan, miljø og kultur 2017”" })).toBeInTheDocument();
  });
});

describe("template workbooks", () => {
  it("open on the workbook's settings and update them, this year or the next", async () => {
    const services = fakeExcelServices();
    services.readTemplate.mockResolvedValue({ kind: "ok", settings: { ...TEMPLATE, municipality: "3025", comparisons: ["oslo"], year: 2016, years: [2014, 2015, 2016] } });
    await renderPane({ services });
    expect(screen.getByText("Arbeidsboken er en mal: Plan, miljø og kultur, Asker 2016.")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Profil for Asker 2016" })).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Sammenlign med" })).toHaveValue("Oslo");

    press("Oppdater");
    expect(await screen.findByText("Rapporten er skrevet.")).toBeInTheDocument();
    expect(services.writeReport).toHaveBeenCalledTimes(1);
    expect(services.writeReport.mock.calls[0][1]).toMatchObject({ municipality: "asker", year: 2016, years: [2014, 2015, 2016] });

    press("Oppdater til 2017");
    // The update clears the last outcome at once; the new one says the report is written.
    expect(await screen.findByText("Rapporten er skrevet.")).toBeInTheDocument();
    expect(services.writeReport).toHaveBeenCalledTimes(2);
    expect(services.writeReport.mock.calls[1][1]).toMatchObject({ municipality: "asker", year: 2017, years: [2015, 2016, 2017], lang: "nb" });
    expect(screen.getByRole("heading", { name: "Profil for Asker 2017" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Oppdater til 2018" })).toBeInTheDocument();
  });

  it("ask SSB again, not the cache, when updating an SSB template", async () => {
    const services = fakeExcelServices();
    services.readTemplate.mockResolvedValue({ kind: "ok", settings: { ...TEMPLATE, source: { kind: "ssb" } } });
    services.loadSsb.mockRejectedValue(new SsbError("unavailable", { nb: "SSB svarer ikke.", en: "" }));
    await renderPane({ services });
    // Another source's template does not show the sample meanwhile.
    expect(screen.getByText("Ingen data er hentet ennå. Velg datakilde og trykk «Hent data».")).toBeInTheDocument();
    press("Oppdater til 2018");
    expect(await screen.findByRole("alert")).toHaveTextContent("SSB svarer ikke.");
    expect(services.loadSsb.mock.calls[0][1]).toMatchObject({ refresh: true, baseUrl: "" });
    expect(services.loadSsb.mock.calls[0][0].years).toEqual([2016, 2017, 2018]);
    expect(services.writeReport).not.toHaveBeenCalled();
  });

  it("ask for the file again before updating a file template", async () => {
    const services = fakeExcelServices();
    services.readTemplate.mockResolvedValue({ kind: "ok", settings: { ...TEMPLATE, source: { kind: "file", files: ["kostra.csv"] } } });
    await renderPane({ services });
    expect(screen.getByRole("button", { name: "Oppdater" })).toHaveAttribute("aria-disabled", "true");
    expect(screen.getByText("Malen bruker en fil: velg filen under «Datakilde» før du oppdaterer.")).toBeVisible();
  });

  it("warn when the workbook's settings cannot be used, and say why", async () => {
    const services = fakeExcelServices();
    services.readTemplate.mockResolvedValue({ kind: "invalid", reason: { nb: "Malinnstillingene i arbeidsboken er skadet (ugyldig: year).", en: "damaged" } });
    await renderPane({ services });
    expect(screen.getByText("Malinnstillingene kan ikke brukes.")).toBeInTheDocument();
    expect(screen.getByText(/Malinnstillingene i arbeidsboken er skadet \(ugyldig: year\)\./)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Oppdater" })).not.toBeInTheDocument();
  });

  it("save the choices as a template by writing the report", async () => {
    const services = fakeExcelServices();
    await renderPane({ services });
    press("Lagre som mal");
    expect(await screen.findByText(/Valgene er lagret i arbeidsboken\. Neste år: åpne den og trykk «Oppdater til 2018»\./)).toBeInTheDocument();
    expect(services.writeReport).toHaveBeenCalledTimes(1);
  });
});

describe("a proxy address in a template workbook", () => {
  const PROXY = "https://proxy.example.no/ssb";
  async function openWith(baseUrl: string, displayLanguage?: string) {
    const services = fakeExcelServices();
    services.readTemplate.mockResolvedValue({ kind: "ok", settings: { ...TEMPLATE, source: { kind: "ssb", baseUrl } } });
    services.loadSsb.mockRejectedValue(new SsbError("unavailable", { nb: "SSB svarer ikke.", en: "SSB does not answer." }));
    await renderPane({ services, displayLanguage });
    return services;
  }
  /** The pane's own SSB address, under "Avanserte valg". */
  function proxyField(): string {
    if (!screen.queryByRole("textbox", { name: "SSB-adresse (proxy)" })) fireEvent.click(screen.getByRole("button", { name: "Avanserte valg" }));
    return (screen.getByRole("textbox", { name: "SSB-adresse (proxy)" }) as HTMLInputElement).value;
  }
  /** The line saying what became of the proposal (focus moves there). */
  const answer = (text: string) => screen.getByText(text).closest("[role=status]");
  /** The update's load from SSB has been asked for and has failed (the fake SSB does not answer). */
  const updateFailed = () => screen.findByText(/SSB svarer ikke\./);

  it("is asked about, not used, and holds the update until answered", async () => {
    const services = await openWith(PROXY);
    const question = await screen.findByRole("region", { name: "Arbeidsboken foreslår en SSB-adresse" });
    expect(question).toHaveTextContent(`Arbeidsboken ber om å hente SSB-data gjennom ${PROXY}. Vil du bruke den?`);
    expect(screen.getByRole("button", { name: "Oppdater" })).toHaveAttribute("aria-disabled", "true");
    expect(screen.getByText("Svar først på spørsmålet om SSB-adressen.")).toBeVisible();
    press("Oppdater");
    expect(services.loadSsb).not.toHaveBeenCalled();
    expect(services.writeReport).not.toHaveBeenCalled();
  });

  it("is used for the update once the user accepts it", async () => {
    const services = await openWith(PROXY);
    const use = within(await screen.findByRole("region", { name: "Arbeidsboken foreslår en SSB-adresse" })).getByRole("button", { name: "Bruk adressen" });
    fireEvent.click(use);
    expect(answer(`SSB-data hentes nå gjennom ${PROXY}. Det kan endres under «Avanserte valg».`)).toHaveFocus();
    expect(screen.queryByRole("button", { name: "Bruk adressen" })).not.toBeInTheDocument();
    expect(proxyField()).toBe(PROXY);
    press("Oppdater");
    await updateFailed();
    expect(services.loadSsb.mock.calls[0][1]).toMatchObject({ refresh: true, baseUrl: PROXY });
  });

  it("is left unused when the user ignores it", async () => {
    const services = await openWith(PROXY);
    fireEvent.click(within(await screen.findByRole("region", { name: "Arbeidsboken foreslår en SSB-adresse" })).getByRole("button", { name: "Ignorer" }));
    expect(answer("Adressen ble ikke tatt i bruk; SSB-data hentes som før.")).toHaveFocus();
    expect(proxyField()).toBe("");
    press("Oppdater");
    await updateFailed();
    expect(services.loadSsb.mock.calls[0][1]).toMatchObject({ refresh: true, baseUrl: "" });
  });

  it.each([
    ["a user name before the host", "https://data.ssb.no@evil.example/", "inneholder brukernavn eller passord"],
    ["plain http to another machine", "http://proxy.example.no/ssb", "må begynne med https://"],
    ["a query", "https://proxy.example.no/ssb?steal=1", "kan ikke ha ? eller #"],
    ["no web address at all", "javascript:alert(1)", "må begynne med https://"],
  ])("is refused with the reason when it has %s, and never used", async (_, address, why) => {
    const services = await openWith(address);
    const refused = await screen.findByRole("region", { name: "SSB-adressen i arbeidsboken brukes ikke" });
    expect(refused).toHaveTextContent(why);
    expect(refused).toHaveTextContent("Tallene hentes direkte fra SSB");
    expect(screen.queryByRole("button", { name: "Bruk adressen" })).not.toBeInTheDocument();
    // A refused address does not hold the update: it goes to SSB itself.
    press("Oppdater");
    await updateFailed();
    expect(services.loadSsb.mock.calls[0][1]).toMatchObject({ baseUrl: "" });
    press("Skjul");
    expect(screen.queryByRole("region", { name: "SSB-adressen i arbeidsboken brukes ikke" })).not.toBeInTheDocument();
    expect(proxyField()).toBe("");
  });

  it("holds the workbook writes until answered, saying why, so the template keeps its address", async () => {
    const services = await openWith(PROXY);
    services.loadSsb.mockImplementation(async () => ({ dataset: sampleDataset(), complete: true, missing: [], absent: [], fromCache: [], requests: 1, warnings: [] }));
    // Figures from SSB itself meanwhile: the question does not hold a load.
    press("Hent data");
    expect(await screen.findByRole("heading", { name: "Profil for Bærum 2017" })).toBeInTheDocument();
    for (const name of ["Skriv til arbeidsbok", "Lagre som mal"]) expect(screen.getByRole("button", { name })).toHaveAttribute("aria-disabled", "true");
    expect(screen.getAllByText("Svar først på spørsmålet om SSB-adressen.").length).toBeGreaterThanOrEqual(2);
    // The download does not store the template: it stays available.
    expect(screen.getByRole("button", { name: "Last ned som .xlsx" })).not.toHaveAttribute("aria-disabled");
    press("Skriv til arbeidsbok");
    expect(services.writeReport).not.toHaveBeenCalled();
    press("Bruk adressen");
    await waitFor(() => expect(screen.getByRole("button", { name: "Skriv til arbeidsbok" })).not.toHaveAttribute("aria-disabled"));
    press("Skriv til arbeidsbok");
    await waitFor(() => expect(services.writeReport).toHaveBeenCalled());
    expect(services.writeReport.mock.calls[0][1].source).toEqual({ kind: "ssb", baseUrl: PROXY });
  });

  it("is not asked about when it is SSB's own address", async () => {
    await openWith("https://data.ssb.no/api/pxwebapi/v2/");
    expect(screen.queryByRole("button", { name: "Bruk adressen" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Oppdater" })).not.toHaveAttribute("aria-disabled");
  });

  it("is asked about in English", async () => {
    await openWith(PROXY, "en-GB");
    expect(await screen.findByRole("region", { name: "The workbook proposes an SSB address" })).toHaveTextContent(`This workbook asks to fetch SSB data through ${PROXY}. Use it?`);
    press("Use it");
    expect(answer(`SSB data is now fetched through ${PROXY}. This can be changed under “Advanced options”.`)).toHaveFocus();
  });
});

describe("the pane's own proxy field", () => {
  it("uses the same rule as addresses from workbooks", async () => {
    const { services } = await renderPane();
    fireEvent.click(screen.getByRole("button", { name: "Avanserte valg" }));
    fireEvent.change(screen.getByRole("textbox", { name: "SSB-adresse (proxy)" }), { target: { value: "https://data.ssb.no@evil.example/" } });
    expect(screen.getByText("Adressen «https://data.ssb.no@evil.example/» inneholder brukernavn eller passord; det godtas ikke.")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("radio", { name: "SSB direkte" }));
    expect(screen.getByRole("button", { name: "Hent data" })).toHaveAttribute("aria-disabled", "true");
    press("Hent data");
    expect(services.loadSsb).not.toHaveBeenCalled();
  });
});

describe("template files", () => {
  it("export the current choices as JSON", async () => {
    const { services } = await renderPane({ services: fakeServices() });
    pick("Kommune", "Bergen (1201)");
    press("Eksporter mal");
    expect(await screen.findByText("Malen er lastet ned som kostra-mal-bergen-2017.json.")).toBeInTheDocument();
    const [text, fileName, type] = services.downloadText.mock.calls[0];
    expect(fileName).toBe("kostra-mal-bergen-2017.json");
    expect(type).toBe("application/json");
    expect(JSON.parse(text)).toMatchObject({ format: "kostra-benchmark-template", municipality: "bergen", year: 2017 });
  });

  it("import one into the form, or say exactly what is wrong with it", async () => {
    await renderPane();
    const good = JSON.stringify({ format: "kostra-benchmark-template", ...TEMPLATE, municipality: "Tromsø", year: 2016 });
    chooseFiles("Velg malfil", [textFile(good, "tromso.json", "application/json")]);
    expect(await screen.findByText("Malen er lest inn.")).toBeInTheDocument();
    expect(screen.getByText("tromso.json: Plan, miljø og kultur, Tromsø 2016. Trykk «Hent data» for å hente tallene.")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Profil for Tromsø 2016" })).toBeInTheDocument();

    chooseFiles("Velg malfil", [textFile(JSON.stringify({ format: "kostra-benchmark-template", ...TEMPLATE, network: "kos" }), "feil.json")]);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Kan ikke bruke malfilen");
    expect(alert).toHaveTextContent("«feil.json» har feil: ukjent nettverk «kos».");
    expect(screen.getByRole("heading", { name: "Profil for Tromsø 2016" })).toBeInTheDocument();
  });

  it("propose their proxy address, and refuse a file too large to be a template", async () => {
    const services = fakeServices();
    services.loadSsb.mockRejectedValue(new SsbError("unavailable", { nb: "SSB svarer ikke.", en: "" }));
    await renderPane({ services });
    const withProxy = JSON.stringify({ format: "kostra-benchmark-template", ...TEMPLATE, source: { kind: "ssb", baseUrl: "https://proxy.example.no/ssb" } });
    chooseFiles("Velg malfil", [textFile(withProxy, "proxy.json", "application/json")]);
    expect(await screen.findByText("Malen er lest inn.")).toBeInTheDocument();
    expect(await screen.findByRole("region", { name: "Malfilen foreslår en SSB-adresse" })).toHaveTextContent("Malfilen ber om å hente SSB-data gjennom https://proxy.example.no/ssb.");
    press("Ignorer");
    press("Hent data");
    expect(await screen.findByRole("alert")).toHaveTextContent("SSB svarer ikke.");
    expect(services.loadSsb.mock.calls[0][1]).toMatchObject({ baseUrl: "" });

    const huge = new File(["{", " ".repeat(1024 * 1024), "}"], "stor.json", { type: "application/json" });
    chooseFiles("Velg malfil", [huge]);
    expect(await screen.findByRole("alert")).toHaveTextContent("«stor.json» er for stor til å være en malfil (over 1 MB).");
  });

  it("has the import button open the file picker", async () => {
    await renderPane();
    const input = screen.getByLabelText("Velg malfil") as HTMLInputElement;
    const click = jest.spyOn(input, "click").mockImplementation(() => undefined);
    fireEvent.click(screen.getByRole("button", { name: "Importer mal" }));
    expect(click).toHaveBeenCalled();
    expect(input).toHaveAttribute("tabindex", "-1");
  });
});

describe("a workbook whose settings claim sheets this pane did not write", () => {
  let fake: FakeExcel & { uninstall(): void };
  let budgetId: string;
  beforeEach(() => {
    // A shared workbook: "Budsjett 2027" for the user to fill in, and settings claiming it as the report's.
    fake = installFakeExcel({ sheets: ["Budsjett 2027"] });
    budgetId = fake.workbook.snapshot().sheets[0].id;
    fake.workbook.addCustomXmlPart(settingsToXml(writtenSettings({ source: { kind: "sample" }, ownedSheets: [{ key: "data", id: budgetId, name: "Budsjett 2027" }] })));
    fake.workbook.sheet("Budsjett 2027").setCell("B2", { value: 1234 });
  });
  afterEach(() => fake.uninstall());

  /** The pane with the real workbook gateway over the fake Excel. */
  const openPane = (displayLanguage?: string) => {
    const excel = createExcelServices();
    // The first view waits for the settings read, which it finds through the mock.
    return renderPane({ services: fakeServices({ inExcel: true, ...excel, readTemplate: jest.fn(excel.readTemplate) }), displayLanguage });
  };
  const reportSheets = ["Plan, miljø og kultur 2017", "Utvikling Plan, miljø og kultur", "KOSTRA-data"];

  async function askedToReplace(button: string): Promise<HTMLElement> {
    await screen.findByText("Arbeidsboken er en mal: Plan, miljø og kultur, Bærum 2017.");
    // As a browser does when a button is pressed (jsdom does not move focus on a click).
    screen.getByRole("button", { name: button }).focus();
    fireEvent.click(screen.getByRole("button", { name: button }));
    return screen.findByRole("alertdialog", { name: "Erstatte ark?" });
  }

  it("asks before replacing them, naming the sheets; «Avbryt» (or Escape) leaves the workbook as it was", async () => {
    const before = fake.workbook.snapshot();
    await openPane();
    const dialog = await askedToReplace("Skriv til arbeidsbok");
    expect(dialog).toHaveTextContent("Skriv til arbeidsbok erstatter disse arkene: «Budsjett 2027». Fortsett?");
    // The safe answer has the focus.
    expect(within(dialog).getByRole("button", { name: "Avbryt" })).toHaveFocus();
    fireEvent.click(within(dialog).getByRole("button", { name: "Avbryt" }));
    await screen.findByText("Ingenting er skrevet; arbeidsboken er uendret.");
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
    expect(fake.workbook.snapshot()).toEqual(before);
    expect(screen.getByRole("button", { name: "Skriv til arbeidsbok" })).toHaveFocus();

    fireEvent.keyDown(await askedToReplace("Oppdater"), { key: "Escape" });
    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    expect(fake.workbook.snapshot()).toEqual(before);
    expect(screen.getByRole("button", { name: "Oppdater" })).toHaveFocus();
  });

  it("replaces them on «Erstatt», and then replaces its own report without asking again", async () => {
    await openPane();
    const dialog = await askedToReplace("Oppdater");
    expect(dialog).toHaveTextContent("Oppdater erstatter disse arkene: «Budsjett 2027». Fortsett?");
    fireEvent.click(within(dialog).getByRole("button", { name: "Erstatt" }));
    await screen.findByText("Rapporten er skrevet.");
    expect(fake.workbook.sheetNames()).toEqual(reportSheets);
    const written = fake.workbook.snapshot().sheets.map((s) => s.id);

    fireEvent.click(screen.getByRole("button", { name: "Skriv til arbeidsbok" }));
    // The second write is done when the sheets are new ones (the message stays the same).
    await waitFor(() => expect(fake.workbook.snapshot().sheets.map((s) => s.id)).not.toEqual(expect.arrayContaining(written)));
    await screen.findByText("Rapporten er skrevet.");
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
    expect(fake.workbook.sheetNames()).toEqual(reportSheets);
  });

  it("writes beside a claimed sheet the user renamed to keep, without asking", async () => {
    await openPane();
    await screen.findByText("Arbeidsboken er en mal: Plan, miljø og kultur, Bærum 2017.");
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Budsjett 2027").name = "Mitt budsjett";
      await context.sync();
    });
    press("Skriv til arbeidsbok");
    await screen.findByText("Rapporten er skrevet.");
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
    expect(fake.workbook.sheetNames()).toEqual(["Mitt budsjett", ...reportSheets]);
    expect(fake.workbook.sheet("Mitt budsjett").cell("B2").value).toBe(1234);
  });

  it("asks in English", async () => {
    await openPane("en-GB");
    await screen.findByText(/This workbook is a template/);
    fireEvent.click(screen.getByRole("button", { name: "Write to workbook" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Replace sheets?" });
    expect(dialog).toHaveTextContent("Write to workbook replaces these sheets: “Budsjett 2027”. Continue?");
    fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await screen.findByText("Nothing was written; the workbook is unchanged.");
    expect(fake.workbook.hasSheet("Budsjett 2027")).toBe(true);
  });
});
