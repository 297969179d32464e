/**
 * The data the pane benchmarks, in one shape the preview, the report and the messages
 * read from, whichever source it came from. Loading it is in load.ts.
 */
import type { Dataset, LocalizedText } from "../../kostra/types";
import type { MissingPart } from "../../sources/ssb/load";
import type { Messages } from "../i18n";
import type { PaneServices } from "../services/types";
import type { SourceKind } from "./form";

/** What is loaded, where it came from and what the user should know about it. */
export interface PaneData {
  source: SourceKind;
  dataset: Dataset;
  warnings: LocalizedText[];
  loadedAt: Date;
  /** Files read (source "file"). */
  fileNames: string[];
  /** The range read (source "selection"), e.g. "Ark1!A1:E40". */
  address?: string;
  /** An SSB load: whether it is complete, what is missing and what came from the cache. */
  ssb?: {
    complete: boolean;
    missing: MissingPart[];
    fromCache: { table: string; fetchedAt: string; stale: boolean }[];
    requests: number;
  };
}

/** Progress as the pane shows it: SSB's requests, or an indeterminate read of a file or range. */
export interface PaneProgress {
  done: number;
  /** 0 when the total is unknown (reading a file). */
  total: number;
  fromCache: number;
  /** What is happening: SSB's words, or one of the pane's own. */
  message: LocalizedText | ((t: Messages) => string);
  /** Why nothing seems to happen (SSB's quota, a retry), and until when. */
  waiting?: { reason: LocalizedText; until: number };
}

/** The embedded sample, ready at once. */
export function sampleData(services: PaneServices): PaneData {
  const { dataset, warnings } = services.loadSample();
  return { source: "sample", dataset, warnings, loadedAt: services.now(), fileNames: [] };
}
