import { en } from "../../../src/taskpane/i18n/en";
import { nb } from "../../../src/taskpane/i18n/nb";
import { initialForm } from "../../../src/taskpane/state/form";
import { proxyProposalFor } from "../../../src/taskpane/state/proxyProposal";
import { formFromSettings, settingsFor } from "../../../src/taskpane/state/settings";
import { describeTemplateFileProblem, readTemplateFile, templateFileText } from "../../../src/taskpane/state/templateFile";

const NOW = new Date("2025-11-27T08:13:00Z");

function fileWith(changes: Record<string, unknown>): string {
  const json = JSON.parse(templateFileText(settingsFor(initialForm(), "nb", null), NOW));
  return JSON.stringify({ ...json, ...changes });
}

function problemText(text: string, lang: "nb" | "en" = "nb"): string {
  const read = readTemplateFile(text);
  if (read.ok) throw new Error("expected a problem");
  return describeTemplateFileProblem(read.problem, "mal.json", lang === "nb" ? nb : en);
}

describe("template files", () => {
  it("round-trip the choices", () => {
    const form = { ...initialForm(), municipality: "bergen", comparisons: ["oslo", "asker"], year: 2016, span: { from: 2014, to: 2016 }, average: "weighted" as const, includeOslo: false, source: "ssb" as const, baseUrl: "https://proxy.example.no/ssb" };
    const text = templateFileText(settingsFor(form, "en", null), NOW);
    expect(JSON.parse(text)).toMatchObject({ format: "kostra-benchmark-template", schemaVersion: 1, lang: "en", writtenAt: NOW.toISOString() });
    const read = readTemplateFile(text);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    // The proxy address is proposed, not taken: the form keeps the address in use.
    expect(formFromSettings(read.settings)).toEqual({ ...form, chartComparisons: false, baseUrl: "" });
    expect(proxyProposalFor(read.settings.source, "", "file")).toEqual({
      from: "file",
      address: "https://proxy.example.no/ssb",
      check: { ok: true, url: "https://proxy.example.no/ssb", origin: "https://proxy.example.no" },
    });
  });

  it("round-trip the peer group, the published base, the references and the merged-history choice", () => {
    const peers = { ...initialForm(), municipality: "ha", network: "custom", peers: ["time", "klepp"], base: "eakuo" as const, references: ["eak" as const], mergedHistory: "sum" as const };
    const group = { ...initialForm(), municipality: "ha", network: "none", base: "kostragruppe" as const, kostraGroup: "ekg07", references: ["eakuo" as const, "kostragruppe" as const] };
    for (const form of [peers, group]) {
      const read = readTemplateFile(templateFileText(settingsFor(form, "nb", null), NOW));
      expect(read.ok).toBe(true);
      if (!read.ok) return;
      expect(formFromSettings(read.settings)).toEqual({ ...form, chartComparisons: false });
    }
  });

  it("say when a file is not JSON, or not a template", () => {
    expect(problemText("{ not json")).toMatch(/^«mal\.json» er ikke gyldig JSON \(/);
    expect(problemText(JSON.stringify({ sectors: [] }))).toBe(
      '«mal.json» er ikke en malfil fra KOSTRA Benchmark (mangler "format": "kostra-benchmark-template").',
    );
  });

  it("refuse a template from a newer version", () => {
    expect(problemText(fileWith({ schemaVersion: 7 }))).toBe(
      "«mal.json» er laget med en nyere versjon av KOSTRA Benchmark (malversjon 7). Oppdater tillegget for å bruke den.",
    );
  });

  it("name every unknown template, municipality and network, with the value", () => {
    const text = fileWith({ sectors: ["kultur"], municipality: "9999", network: "kos", comparisons: ["asker", "Atlantis"] });
    expect(problemText(text)).toBe("«mal.json» har feil: ukjent sektormal «kultur»; ukjent kommune «9999»; ukjent sammenligningskommuner «Atlantis»; ukjent nettverk «kos».");
    expect(problemText(text, "en")).toBe(
      "“mal.json” has errors: unknown sector template “kultur”; unknown municipality “9999”; unknown comparison municipalities “Atlantis”; unknown network “kos”.",
    );
  });

  it("name the first field of the wrong type or form, and what is wrong with it", () => {
    expect(problemText(fileWith({ includeOslo: "ja", years: "2015-2017" }))).toBe('mal.json: «includeOslo» forventet sann/usann, fikk "ja".');
    expect(problemText(fileWith({ average: "median" }), "en")).toBe('mal.json: "average" invalid value "median"; expected "simple" or "weighted" or "indicator".');
    expect(problemText(fileWith({ source: { kind: "ftp" } }))).toBe('mal.json: «source.kind» ugyldig verdi "ftp"; forventet "sample" eller "ssb" eller "file" eller "sheet".');
  });

  it("refuse a version this add-in never wrote, and a file too large to be a template", () => {
    expect(problemText(fileWith({ schemaVersion: 0.5 }))).toBe("«mal.json» har en malversjon dette tillegget ikke kjenner («0.5»).");
    expect(problemText(fileWith({ schemaVersion: undefined }), "en")).toBe("“mal.json” has no template version (schemaVersion).");
    expect(problemText(fileWith({ notes: "x".repeat(1024 * 1024) }))).toBe("«mal.json» er for stor til å være en malfil (over 1 MB).");
  });

  it("quote JSON errors on one short line", () => {
    expect(problemText(`{"a": "${"\n".repeat(5)}${"x".repeat(500)}`)).toMatch(/^«mal\.json» er ikke gyldig JSON \([^\n]{1,130}\)\.$/);
  });

  it("read a proxy address that checkBaseUrl refuses, and propose it only as refused", () => {
    const read = readTemplateFile(fileWith({ source: { kind: "ssb", baseUrl: "javascript:alert(1)" } }));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(formFromSettings(read.settings).baseUrl).toBe("");
    const proposal = proxyProposalFor(read.settings.source, "", "file");
    expect(proposal?.check.ok).toBe(false);
    expect(proposal?.check.ok === false && proposal.check.reason.nb).toMatch(/må begynne med https:\/\//);
  });

  it("accept a byte order mark and any code the municipality has had", () => {
    const read = readTemplateFile("\uFEFF" + fileWith({ municipality: "3201" }));
    expect(read.ok && formFromSettings(read.settings).municipality).toBe("baerum");
  });
});
