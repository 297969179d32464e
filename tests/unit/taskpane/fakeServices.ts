/**
 * Fake task pane services for component tests: the real sample and file reader, and
 * jest mocks for SSB, the workbook and downloads, so every screen runs in jsdom without
 * Office or a network.
 */
import { TextDecoder as NodeTextDecoder } from "node:util";
import { sampleDataset } from "../../../src/sources/sample";
import { readDataFile } from "../../../src/sources/file";
import type { PaneServices } from "../../../src/taskpane/services/types";
import { memoryStorage } from "../../../src/taskpane/services/storage";
import type { SettingsReadResult } from "../../../src/report/template-settings";

// jsdom has no TextDecoder; browsers and Node do, and the file readers need it.
const g = globalThis as { TextDecoder?: unknown };
g.TextDecoder ??= NodeTextDecoder;

export const NOW = new Date("2025-11-27T08:13:00Z");

/** A File whose content jsdom can read in every version (text and bytes). */
export function textFile(text: string, name: string, type = "text/csv"): File {
  return new File([text], name, { type });
}

async function bytesOf(file: File): Promise<Uint8Array> {
  return new Uint8Array(
    await new Promise<ArrayBuffer>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(file);
    }),
  );
}

export type FakeServices = PaneServices & {
  loadSsb: jest.Mock;
  downloadXlsx: jest.Mock;
  downloadText: jest.Mock;
};

export type FakeExcelServices = FakeServices & {
  sheetsToReplace: jest.Mock;
  writeReport: jest.Mock;
  readTemplate: jest.Mock;
  activateSheet: jest.Mock;
  loadSelection: jest.Mock;
};

export function fakeServices(overrides: Partial<PaneServices> = {}): FakeServices {
  return {
    inExcel: false,
    loadSample: () => ({ dataset: sampleDataset(), warnings: [] }),
    loadFile: async (file: File) => readDataFile(await bytesOf(file), file.name, NOW),
    loadSsb: jest.fn(),
    downloadXlsx: jest.fn(async () => undefined),
    downloadText: jest.fn(),
    storage: memoryStorage(),
    now: () => NOW,
    ...overrides,
  } as FakeServices;
}

/** Services as inside Excel: a workbook that accepts writes and has no template settings (so a write replaces no sheet). */
export function fakeExcelServices(overrides: Partial<PaneServices> = {}): FakeExcelServices {
  return fakeServices({
    inExcel: true,
    sheetsToReplace: jest.fn(async () => []),
    writeReport: jest.fn(async () => ({
      sheets: [
        { key: "profile:plan-miljo-kultur:2017", id: "{s1}", name: "Plan, miljø og kultur 2017" },
        { key: "trend:plan-miljo-kultur", id: "{s2}", name: "Utvikling Plan, miljø og kultur" },
        { key: "data", id: "{s3}", name: "KOSTRA-data" },
      ],
      syncs: 3,
      largestRequestBytes: 1000,
      replaced: [],
      kept: [],
      renamed: [],
    })),
    readTemplate: jest.fn(async (): Promise<SettingsReadResult> => ({ kind: "none" })),
    activateSheet: jest.fn(async () => undefined),
    loadSelection: jest.fn(),
    ...overrides,
  }) as FakeExcelServices;
}
