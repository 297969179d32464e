import { nb } from "../../../src/taskpane/i18n/nb";
import type { PaneData } from "../../../src/taskpane/state/data";
import { actionReasons, type ReasonsInput } from "../../../src/taskpane/state/reasons";
import { sampleDataset } from "../../../src/sources/sample";

const data: PaneData = { source: "sample", dataset: sampleDataset(), warnings: [], loadedAt: new Date("2025-11-27T08:13:00Z"), fileNames: [] };
const ready: ReasonsInput = { busy: undefined, form: { source: "sample", baseUrl: "" }, files: [], data, profileOk: true, proxyPending: undefined, canWrite: true };
const reasons = (over: Partial<ReasonsInput>) => actionReasons(nb, { ...ready, ...over });

describe("why a button waits", () => {
  it("says nothing when every button can be used", () => {
    expect(reasons({})).toEqual({ busy: null, load: null, update: null, report: null, write: null, templateFile: null });
  });

  it("says what the pane is busy with, on every button, before any other reason", () => {
    const busy = { load: nb.busyLoading, write: nb.busyWriting, download: nb.busyDownloading, import: nb.busyReading } as const;
    for (const [what, text] of Object.entries(busy)) {
      const r = reasons({ busy: what as keyof typeof busy, data: null, form: { source: "file", baseUrl: "" }, proxyPending: "https://proxy.example.no" });
      expect(r).toEqual({ busy: text, load: text, update: text, report: text, write: text, templateFile: text });
    }
  });

  it("asks for a file before loading or updating from one", () => {
    const r = reasons({ form: { source: "file", baseUrl: "" } });
    expect([r.load, r.update]).toEqual([nb.needsFile, nb.templateNeedsFile]);
    expect(reasons({ form: { source: "file", baseUrl: "" }, files: [new File(["x"], "kostra.csv")] }).load).toBeNull();
  });

  it("asks for a sound SSB address before loading from SSB", () => {
    const r = reasons({ form: { source: "ssb", baseUrl: "proxy.kommune.no" } });
    expect([r.load, r.update]).toEqual([nb.needsBaseUrl, nb.needsBaseUrl]);
    expect(reasons({ form: { source: "ssb", baseUrl: "https://proxy.kommune.no/ssb" } }).load).toBeNull();
  });

  it("holds the report until there is data and a profile", () => {
    expect(reasons({ data: null })).toMatchObject({ report: nb.needsData, write: nb.needsData, templateFile: nb.needsData, load: null });
    expect(reasons({ profileOk: false })).toMatchObject({ report: nb.needsProfile, write: nb.needsProfile });
  });

  it("holds what writes the template's settings until the proxy question is answered, not the download", () => {
    const r = reasons({ proxyPending: "https://proxy.example.no" });
    expect(r).toMatchObject({ update: nb.proxyAnswerFirst, write: nb.proxyAnswerFirst, templateFile: nb.proxyAnswerFirst, report: null, load: null });
  });

  it("lets the template file be exported outside Excel whatever the data", () => {
    expect(reasons({ canWrite: false, data: null }).templateFile).toBeNull();
  });
});
