/**
 * Loading the data for the user's choices from whichever source they chose: the sample, a
 * file, the selected range, or SSB (with the request planned from the choices).
 *
 * When the choices measure against "the municipality's KOSTRA group" and the shipped
 * snapshot does not know it (most municipalities), an SSB load first reads SSB's grouping
 * for the year from Klass and registers it, so the request includes the group's figures
 * and the profile finds the group; a `kostra fetch` file's saved grouping is registered
 * the same way (several files' groupings merged, a conflict refused: sources/inputs.ts). A
 * grouping SSB cannot give is a warning: the user can still name the group.
 */
import type { LocalizedText } from "../../kostra/types";
import type { InputFile } from "../../sources/inputs";
import type { LoadProgress } from "../../sources/ssb/load";
import type { LoadRequest } from "../../sources/ssb/planner";
import type { PaneServices } from "../services/types";
import { sampleData, type PaneData, type PaneProgress } from "./data";

import { formYears, reportSectors, usesKostraGroup, type FormState } from "./form";
import { kostraGroupFor } from "./profile";
import { domain } from "../domain";


/** What an SSB load fetches for the choices: the same rule as `kostra fetch` (src/app/fetch-request.ts). */
export function loadRequestFor(form: FormState): LoadRequest {
  return domain().fetchRequest({
    templates: reportSectors(form).flatMap((id) => domain().templateById(id) ?? []),
    years: formYears(form),
    network: form.network,
    peers: form.peers,
    municipality: form.municipality,
    comparisons: form.comparisons,
    ...(form.base === "network" ? {} : { base: form.base }),
    references: form.references,
    ...(form.kostraGroup ? { kostraGroup: form.kostraGroup } : {}),
    average: form.average,
    mergedHistory: form.mergedHistory,
  });
}

/** Whether the choices need the municipality's KOSTRA group and nothing gives it yet. */
export function needsKostraGroups(form: FormState): boolean {
  return usesKostraGroup(form) && !kostraGroupFor(form);
}

type GroupRecord = { year: number; groups: Record<string, string>; source: string; url?: string; fetchedAt?: string };

/** SSB's grouping for each year read from Klass: each year's list replaces what was registered for it. */
function registerGroups(records: readonly GroupRecord[]): void {
  for (const g of records)
    domain().registerKostraGroups(g.year, g.groups, { description: g.source, ...(g.url ? { url: g.url } : {}), ...(g.fetchedAt ? { fetchedAt: g.fetchedAt } : {}) });
}

export interface LoadOptions {
  files: readonly File[];
  signal: AbortSignal;
  onProgress: (progress: PaneProgress) => void;
  refresh?: boolean;
}

/** The error thrown when "Fil" is chosen but no file is. */
export class NoFileChosen extends Error {
  constructor() {
    super("No data file chosen");
    this.name = "NoFileChosen";
  }
}

/** Load for the choices. Throws the source's own errors (SsbError, KostraError) and NoFileChosen. */
export async function loadData(services: PaneServices, form: FormState, options: LoadOptions): Promise<PaneData> {
  const { signal, onProgress } = options;
  const now = () => services.now();
  switch (form.source) {
    case "sample":
      return sampleData(services);
    case "file": {
      if (options.files.length === 0) throw new NoFileChosen();
      const files: InputFile[] = [];
      const warnings: LocalizedText[] = [];
      for (const [i, file] of options.files.entries()) {
        onProgress({ done: i, total: options.files.length, fromCache: 0, message: (t) => t.readingFile(file.name) });
        const read = await services.loadFile(file);
        files.push({ name: file.name, dataset: read.dataset, ...(read.kostraGroups ? { kostraGroups: read.kostraGroups } : {}) });
        warnings.push(...read.warnings);
      }
      // The same rule as the command line: files that disagree are refused, and nothing of them is registered.
      const combined = domain().combineInputs(files);
      for (const g of combined.kostraGroups) domain().registerKostraGroups(g.year, g.groups, g.source);
      return { source: "file", dataset: combined.dataset, warnings, loadedAt: now(), fileNames: options.files.map((f) => f.name) };
    }
    case "selection": {
      if (!services.loadSelection) throw new Error("Reading the selection needs Excel");
      onProgress({ done: 0, total: 0, fromCache: 0, message: (t) => t.readingSelection });
      const read = await services.loadSelection();
      const address = read.dataset.provenance[0]?.query;
      return { source: "selection", dataset: read.dataset, warnings: read.warnings, loadedAt: now(), fileNames: [], ...(address ? { address } : {}) };
    }
    case "ssb": {
      let last: PaneProgress = { done: 0, total: 0, fromCache: 0, message: (t) => t.loading };
      const report = (p: PaneProgress) => {
        last = p;
        onProgress(p);
      };
      const groupWarnings: LocalizedText[] = [];
      if (services.loadKostraGroups && needsKostraGroups(form)) {
        report({ done: 0, total: 0, fromCache: 0, message: { nb: "Henter KOSTRA-grupperingen fra SSB (Klass)", en: "Fetching the KOSTRA grouping from SSB (Klass)" } });
        const groups = await services.loadKostraGroups([form.year], {
          signal,
          baseUrl: form.baseUrl,
          refresh: options.refresh,
          onWait: (reason, ms) => report({ ...last, waiting: { reason, until: services.now().getTime() + ms } }),
        });
        registerGroups(groups.loaded);
        for (const g of groups.loaded) groupWarnings.push(...g.warnings);
        for (const f of groups.failures) groupWarnings.push(f.reason);
      }
      const result = await services.loadSsb(loadRequestFor(form), {
        signal,
        baseUrl: form.baseUrl,
        refresh: options.refresh,
        onProgress: (p: LoadProgress) => report({ done: p.done, total: p.total, fromCache: p.fromCache, message: p.message }),
        onWait: (reason, ms) => report({ ...last, waiting: { reason, until: services.now().getTime() + ms } }),
      });
      return {
        source: "ssb",
        dataset: result.dataset,
        warnings: [...groupWarnings, ...result.warnings],
        loadedAt: now(),
        fileNames: [],
        // What SSB's tables lack is shown with what failed: either way those indicators and years are not there.
        ssb: { complete: result.complete && result.absent.length === 0, missing: [...result.missing, ...result.absent], fromCache: result.fromCache, requests: result.requests },
      };
    }
  }
}
