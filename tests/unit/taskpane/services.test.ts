/** @jest-environment jsdom */
import { installFakeExcel, type FakeExcel } from "../../support/fake-excel";
import { MAX_FILE_BYTES } from "../../../src/kostra/limits";
import { buildReport } from "../../../src/report/report";
import { sampleDataset } from "../../../src/sources/sample";
import { createBrowserServices } from "../../../src/taskpane/services/browser";
import { createServices } from "../../../src/taskpane/services";
import { saveBlob } from "../../../src/taskpane/services/files";
import { browserStorage, memoryStorage } from "../../../src/taskpane/services/storage";
import { initialForm } from "../../../src/taskpane/state/form";
import { reportRequest } from "../../../src/taskpane/state/report";
import { settingsFor } from "../../../src/taskpane/state/settings";
import { settingsFromXml, SETTINGS_SCHEMA_VERSION } from "../../../src/report/template-settings";
import { customXmlParts } from "../../support/xlsx-settings";
import { textFile } from "./fakeServices";
import { sampleCsv } from "./sampleCsv";

/** Capture what would be downloaded: jsdom has no object URLs and does not follow links. */
function captureDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  const url = URL as unknown as { createObjectURL?: (b: Blob) => string; revokeObjectURL?: (u: string) => void };
  url.createObjectURL = (b: Blob) => {
    blobs.push(b);
    return `blob:test/${blobs.length}`;
  };
  url.revokeObjectURL = () => undefined;
  const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return { blobs, names, restore: () => click.mockRestore() };
}

async function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(
    await new Promise<ArrayBuffer>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.readAsArrayBuffer(blob);
    }),
  );
}

describe("browser services", () => {
  it("read a picked CSV file into observations", async () => {
    const read = await createBrowserServices().loadFile(textFile(sampleCsv(2017), "kostra.csv"));
    expect(read.dataset.observations.length).toBeGreaterThan(60);
    expect(read.dataset.provenance[0]).toMatchObject({ source: "file", query: "kostra.csv" });
  });

  it("reject a file that is no data file, naming it", async () => {
    await expect(createBrowserServices().loadFile(textFile("", "tom.csv"))).rejects.toThrow("tom.csv: the file is empty.");
  });

  it("refuse a file over the size limit without reading it", async () => {
    const file = textFile("{}", "stor.json");
    Object.defineProperty(file, "size", { value: MAX_FILE_BYTES + 1 });
    const read = jest.fn(() => Promise.reject(new Error("the file was read")));
    Object.defineProperty(file, "arrayBuffer", { value: read });
    await expect(createBrowserServices().loadFile(file)).rejects.toThrow("stor.json: the file is larger than 100 MB, the limit for data files.");
    expect(read).not.toHaveBeenCalled();
  });

  it("download a file through a temporary link", async () => {
    const d = captureDownloads();
    try {
      saveBlob(new Blob(["{}"], { type: "application/json" }), "mal.json");
      expect(d.names).toEqual(["mal.json"]);
      expect(document.querySelector("a[download]")).toBeNull();
    } finally {
      d.restore();
    }
  });

  it("build the .xlsx file on demand, with the template settings, and download it", async () => {
    const d = captureDownloads();
    try {
      const { plan } = buildReport(sampleDataset(), reportRequest(initialForm(), "nb"));
      const settings = settingsFor(initialForm(), "nb", null);
      await createBrowserServices().downloadXlsx(plan, "kostra-baerum-2017.xlsx", settings);
      expect(d.names).toEqual(["kostra-baerum-2017.xlsx"]);
      const bytes = await blobBytes(d.blobs[0]);
      expect(String.fromCharCode(bytes[0], bytes[1])).toBe("PK");
      expect(d.blobs[0].type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      // The downloaded file is a template workbook: the pane's reader reads the choices back, owning every sheet by name.
      const { parts } = await customXmlParts(bytes);
      const read = settingsFromXml(parts[0].xml);
      expect(read.kind === "ok" && { ...read.settings, writtenAt: "" }).toEqual({
        ...settings,
        schemaVersion: SETTINGS_SCHEMA_VERSION,
        ownedSheets: plan.sheets.map((s) => ({ key: s.key, name: s.name })),
        writtenAt: "",
      });
    } finally {
      d.restore();
    }
  });
});

describe("storage", () => {
  it("remembers in localStorage, and forgets quietly where storage refuses", () => {
    const store = browserStorage();
    store.set("k", "v");
    expect(store.get("k")).toBe("v");
    const set = jest.spyOn(Storage.prototype, "setItem").mockImplementation(() => {
      throw new DOMException("quota", "QuotaExceededError");
    });
    const get = jest.spyOn(Storage.prototype, "getItem").mockImplementation(() => {
      throw new DOMException("denied", "SecurityError");
    });
    try {
      expect(() => store.set("k", "w")).not.toThrow();
      expect(store.get("k")).toBeNull();
    } finally {
      set.mockRestore();
      get.mockRestore();
    }
    expect(memoryStorage({ a: "1" }).get("a")).toBe("1");
  });
});

describe("Excel services (on a fake Excel)", () => {
  let fake: FakeExcel & { uninstall(): void };
  beforeEach(() => {
    fake = installFakeExcel({ sheets: ["Ark1"] });
  });
  afterEach(() => fake.uninstall());

  it("are only there inside Excel", () => {
    expect(createServices(false).writeReport).toBeUndefined();
    expect(createServices(true)).toMatchObject({ inExcel: true, writeReport: expect.any(Function), readTemplate: expect.any(Function) });
  });

  it("write the report with its settings, read them back, and go to a written sheet", async () => {
    const services = createServices(true);
    await expect(services.readTemplate!()).resolves.toEqual({ kind: "none" });
    const form = initialForm();
    const { plan } = buildReport(sampleDataset(), reportRequest(form, "nb"));
    await expect(services.sheetsToReplace!()).resolves.toEqual([]);
    const written = await services.writeReport!(plan, settingsFor(form, "nb", null), []);
    expect(written.sheets.map((s) => s.name)).toEqual(["Plan, miljø og kultur 2017", "Utvikling Plan, miljø og kultur", "KOSTRA-data"]);
    expect(fake.workbook.sheetNames()).toEqual(expect.arrayContaining(["Ark1", "KOSTRA-data"]));
    const read = await services.readTemplate!();
    expect(read.kind === "ok" && read.settings).toMatchObject({ municipality: "baerum", year: 2017, ownedSheets: written.sheets });
    // The next write would replace what this one wrote, and does so only when told to.
    await expect(services.sheetsToReplace!()).resolves.toEqual(written.sheets.map((s) => ({ id: s.id, name: s.name })));
    const again = await services.writeReport!(plan, settingsFor(form, "nb", null), written.sheets.map((s) => s.id));
    expect(again.replaced.map((s) => s.name)).toEqual(written.sheets.map((s) => s.name));
    expect(fake.workbook.sheetNames()).toEqual(["Ark1", ...written.sheets.map((s) => s.name)]);
    await services.activateSheet!(again.sheets[2].id);
    expect(fake.workbook.activeSheet()).toBe("KOSTRA-data");
  });

  it("read the selected range as a tidy table", async () => {
    const sheet = fake.workbook.sheet("Ark1");
    sheet.setValues("A1", [
      ["region", "indikator", "år", "verdi"],
      ["0219", "kunstformidling", 2017, 141],
    ]);
    fake.workbook.select("Ark1!A1:D2");
    const read = await createServices(true).loadSelection!();
    expect(read.dataset.observations).toEqual([expect.objectContaining({ municipality: "baerum", indicator: "kunstformidling", year: 2017, value: 141 })]);
  });
});
