/**
 * The services every host has: the sample, files, SSB and .xlsx downloads. The heavy
 * parts (file parsers with papaparse, the SSB client and its cache, the .xlsx writer) are loaded
 * with dynamic import() the first time they are needed, so the pane starts fast.
 */
import type { ResponseCache } from "../../sources/ssb/types";
import { readFileBytes, saveBlob, XLSX_MIME } from "./files";

import { browserStorage } from "./storage";

import type { PaneServices, SsbLoadCallbacks } from "./types";
import { domain } from "../domain";
import { ssbAddress } from "./ssbAddress";

let responseCache: Promise<ResponseCache> | null = null;

/** One IndexedDB cache per page; it is fail-soft, so a WebView without IndexedDB just fetches. */
function ssbCache(): Promise<ResponseCache> {
  responseCache ??= import("../../sources/ssb/cache-indexeddb").then(({ IndexedDbResponseCache }) => new IndexedDbResponseCache());
  return responseCache;
}

export function createBrowserServices(): PaneServices {
  return {
    inExcel: false,
    loadSample: () => ({ dataset: domain().sampleDataset(), warnings: [] }),
    async loadFile(file) {
      const { checkDataFileSize, readDataFile } = await import("../../sources/file");
      // A file over the limit is refused before its bytes are loaded into the pane.
      checkDataFileSize(file.size, file.name);
      return readDataFile(await readFileBytes(file), file.name);
    },
    async loadSsb(request, { signal, onProgress, onWait, baseUrl, refresh }: SsbLoadCallbacks) {
      const [{ SsbClient }, { loadFromSsb }, cache] = await Promise.all([
        import("../../sources/ssb/client"),
        import("../../sources/ssb/load"),
        ssbCache(),
      ]);
      const client = new SsbClient({ baseUrl: ssbAddress(baseUrl), onWait });
      return loadFromSsb(request, { client, cache, policy: refresh ? "refresh" : "cache-first", signal, onProgress });
    },
    async loadKostraGroups(years, { signal, onWait, baseUrl, refresh }) {
      const [{ SsbClient }, { loadKostraGroupsForYears }, cache] = await Promise.all([
        import("../../sources/ssb/client"),
        import("../../sources/ssb/klass"),
        ssbCache(),
      ]);
      const client = new SsbClient({ baseUrl: ssbAddress(baseUrl), onWait });
      const { loaded, failures } = await loadKostraGroupsForYears(years, { client, cache, policy: refresh ? "refresh" : "cache-first", signal });
      return {
        loaded: loaded.map((g) => ({ year: g.year, date: g.date, source: g.source, url: g.url, fetchedAt: g.fetchedAt, groups: g.groups, warnings: g.warnings })),
        failures: failures.map((f) => ({ year: f.year, reason: f.error.text })),
      };
    },
    async searchSsbTables(query, { signal, baseUrl, lang }) {
      const { SsbClient, ssbLangFor } = await import("../../sources/ssb/client");
      const client = new SsbClient({ baseUrl: ssbAddress(baseUrl), lang: ssbLangFor(lang) });
      const tables = await client.search(query, signal);
      return tables.map((t) => ({ id: t.id, label: t.label, firstPeriod: t.firstPeriod, lastPeriod: t.lastPeriod, updated: t.updated }));
    },
    async ssbTableMetadata(table, { signal, baseUrl, lang }) {
      const [{ SsbClient, ssbLangFor }, { tableDimensions }] = await Promise.all([import("../../sources/ssb/client"), import("./ssbTables")]);
      const client = new SsbClient({ baseUrl: ssbAddress(baseUrl), lang: ssbLangFor(lang) });
      return tableDimensions(table, await client.metadata(table, signal));
    },
    async downloadXlsx(plan, fileName, settings) {
      const { writeXlsx } = await import("../../report/xlsx-writer");
      const bytes = await writeXlsx(plan, { creator: "KOSTRA Benchmark", settings: { choices: settings, writtenAt: new Date() } });
      saveBlob(new Blob([bytes as BlobPart], { type: XLSX_MIME }), fileName);
    },
    downloadText(text, fileName, mimeType) {
      saveBlob(new Blob([text], { type: `${mimeType};charset=utf-8` }), fileName);
    },
    storage: browserStorage(),
    now: () => new Date(),
  };
}
