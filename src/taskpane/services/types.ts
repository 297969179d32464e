/**
 * What the task pane needs from the world outside React: data sources, the workbook,
 * file downloads and a little storage. The App receives these as one `services` prop,
 * so every screen can be tested in jsdom with fakes and without Office; the real
 * implementations live beside this file and are chosen in index.tsx.
 *
 * Only types are imported here: the SSB client, the file parsers, the xlsx writer and
 * the workbook gateway are loaded on demand by the implementations, never by the pane's
 * first bundle.
 */
import type { ApplyResult, SettingsInput, SheetInfo } from "../../excel/apply-plan";
import type { Dataset, LocalizedText } from "../../kostra/types";
import type { ReportPlan } from "../../report/plan";
import type { OwnedSheet, SettingsReadResult } from "../../report/template-settings";
import type { DataSheetCells } from "../../excel/read-data-sheet";
import type { PriceTableCells } from "../../report/price-table-read";
import type { KostraGroupsRecord } from "../../sources/observations-file";
import type { LoadProgress, SsbLoadResult } from "../../sources/ssb/load";
import type { LoadRequest } from "../../sources/ssb/planner";
import type { SsbTableDimensions, SsbTableHit } from "./ssbTables";

export type { SsbTableDimensions, SsbTableHit };

/** How the template editor asks SSB about its tables. */
export interface SsbAskOptions {
  signal?: AbortSignal;
  /** The municipality's proxy for SSB's API; SSB itself when empty. */
  baseUrl?: string;
  /** The language of SSB's labels ("en" for the English pane). */
  lang?: "nb" | "en";
}

/** Observations read from a source, with what the reader wants the user to know. */
export interface SourceData {
  dataset: Dataset;
  warnings: LocalizedText[];
  /** SSB's KOSTRA group membership a `kostra fetch` file carries. */
  kostraGroups?: KostraGroupsRecord[];
}

/** SSB's KOSTRA group membership of data years (Klass 131→112), and the years it could not give. */
export interface KostraGroupsLoad {
  loaded: (KostraGroupsRecord & { fetchedAt: string; warnings: LocalizedText[] })[];
  failures: { year: number; reason: LocalizedText }[];
}

export interface SsbLoadCallbacks {
  signal: AbortSignal;
  onProgress: (progress: LoadProgress) => void;
  /** Called while the client waits (SSB's quota, a retry), with how long. */
  onWait?: (reason: LocalizedText, ms: number) => void;
  /** The municipality's proxy for SSB's API; SSB itself when empty. */
  baseUrl?: string;
  /** Ask SSB whether cached tables changed instead of trusting the cache. */
  refresh?: boolean;
}

/** A small string store that survives reloads (localStorage); failures are silent no-ops. */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

export interface PaneServices {
  /** True when Office reported an Excel host: the workbook operations below are then present. */
  inExcel: boolean;
  /** The embedded synthetic sample (no I/O, so the first view needs no waiting). */
  loadSample(): SourceData;
  /** A CSV, JSON-stat or observations file the user picked. Throws KostraError for a bad file. */
  loadFile(file: File): Promise<SourceData>;
  /** The selected range as a tidy table (Excel only). Throws KostraError when it is not one. */
  loadSelection?(): Promise<SourceData>;
  /** Load from SSB's API (or the proxy). Throws SsbError. */
  loadSsb(request: LoadRequest, callbacks: SsbLoadCallbacks): Promise<SsbLoadResult>;
  /** SSB's KOSTRA grouping for the data years, from its classification service Klass. Throws SsbError only when cancelled. */
  loadKostraGroups?(years: readonly number[], callbacks: Pick<SsbLoadCallbacks, "signal" | "onWait" | "baseUrl" | "refresh">): Promise<KostraGroupsLoad>;
  /** SSB tables matching a search (`/tables?query=`), for the template editor. Throws SsbError. */
  searchSsbTables?(query: string, options: SsbAskOptions): Promise<SsbTableHit[]>;
  /** A table's dimensions and codes from its metadata, for the template editor. Throws SsbError or KostraError. */
  ssbTableMetadata?(table: string, options: SsbAskOptions): Promise<SsbTableDimensions>;
  /** The sheets a write would replace: the previous report's, as the workbook's settings claim them (Excel only). Reading changes nothing. Throws GatewayError. */
  sheetsToReplace?(): Promise<SheetInfo[]>;
  /**
   * Write the report into the open workbook with its template settings, replacing only the
   * sheets in `replace` (ids the user agreed to, or that this session wrote) (Excel only).
   * Throws GatewayError.
   */
  writeReport?(plan: ReportPlan, settings: SettingsInput, replace: readonly string[]): Promise<ApplyResult>;
  /** The template settings the open workbook carries (Excel only). Reading changes nothing. */
  readTemplate?(): Promise<SettingsReadResult>;
  /**
   * The cells of the previous report's data sheet the settings claim (Excel only), read
   * before "Oppdater" rewrites it; null when the workbook no longer has it. Reading changes nothing.
   */
  readDataSheet?(sheet: OwnedSheet): Promise<DataSheetCells | null>;
  /**
   * The price-index tables of the report's time-series sheets the settings claim (Excel
   * only), in workbook order, read before "Oppdater" rewrites them. Reading changes nothing.
   */
  readPriceTables?(owned: readonly OwnedSheet[]): Promise<PriceTableCells[]>;
  /** Show a worksheet, by id or name (Excel only). */
  activateSheet?(idOrName: string): Promise<void>;
  /**
   * Build the .xlsx file for the plan, with the template settings part the add-in writes in
   * Excel (so the file opens there as a template workbook), and hand it to the browser as a download.
   */
  downloadXlsx(plan: ReportPlan, fileName: string, settings: SettingsInput): Promise<void>;
  /** Hand a text file to the browser as a download (template export). */
  downloadText(text: string, fileName: string, mimeType: string): void;
  storage: KeyValueStore;
  now(): Date;
}
