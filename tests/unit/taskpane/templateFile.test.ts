import { en } from "../../../src/taskpane/i18n/en";
import { nb } from "../../../src/taskpane/i18n/nb";
import { initialForm } from "../../../src/taskpane/state/form";
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
    expect(formFromSettings(read.settings)).toEqual({ ...form, chartComparisons: false });
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

  it("name every wrong field, with the value when there is one", () => {
    const text = fileWith({ sectors: ["kultur"], municipality: "9999", average: "median", includeOslo: "ja", years: "2015-2017" });
    expect(problemText(text)).toBe(
      "«mal.json» har feil: ukjent sektormal «kultur»; ukjent kommune «9999»; ukjent snitt «median»; Oslo i snittet mangler eller er ugyldig; år i tidsserien mangler eller er ugyldig.",
    );
    expect(problemText(text, "en")).toBe(
      "“mal.json” has errors: unknown sector template “kultur”; unknown municipality “9999”; unknown average “median”; Oslo in the average missing or invalid; years of the time series missing or invalid.",
    );
  });

  it("reject a source it does not know or a proxy address that is not http(s)", () => {
    expect(problemText(fileWith({ source: { kind: "ftp" } }))).toBe("«mal.json» har feil: datakilde mangler eller er ugyldig.");
    expect(problemText(fileWith({ source: { kind: "ssb", baseUrl: "javascript:alert(1)" } }))).toBe("«mal.json» har feil: datakilde mangler eller er ugyldig.");
  });

  it("accept a byte order mark and any code the municipality has had", () => {
    const read = readTemplateFile("\uFEFF" + fileWith({ municipality: "3201" }));
    expect(read.ok && formFromSettings(read.settings).municipality).toBe("baerum");
  });
});
