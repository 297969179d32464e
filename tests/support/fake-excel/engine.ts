/**
 * State shared by every request context of one fake Excel: the workbook, the options,
 * sync accounting, injected failures and the requirement sets the "host" supports.
 */
import { FakeOfficeError, errors } from "./errors";
import { WorkbookModel } from "./model";

export interface FakeExcelOptions {
  /** Sheets the workbook starts with (default ["Sheet1"]). */
  sheets?: string[];
  workbookName?: string;
  /**
   * Requirement sets and the highest version the host supports, e.g.
   * `{ ExcelApi: "1.7" }` for an older Excel. Default `{ ExcelApi: "1.17" }`.
   */
  requirementSets?: Record<string, string>;
  /**
   * Request payload limit in bytes. Excel on the web documents "5MB"; the default
   * 5,000,000 is the stricter reading of that.
   */
  payloadLimitBytes?: number;
  /** Response payload limit in bytes (same documented 5MB). */
  responseLimitBytes?: number;
  /** `Office.onReady` host; null behaves like office.js loaded outside Office. */
  host?: "Excel" | null;
  platform?: "PC" | "Mac" | "OfficeOnline" | "iOS" | "Android" | null;
  displayLanguage?: string;
}

export interface SyncRecord {
  /** 1-based number of the sync, the numbering `failSyncNumber` uses. */
  sync: number;
  /** Approximate size of the request: the queued commands and their arguments as JSON. */
  bytes: number;
  operations: number;
  /** The sync `Excel.run` makes itself when the batch function returns with work queued. */
  implicit: boolean;
  outcome: "ok" | "failed";
  errorCode?: string;
  /** Number (in `stats.statements`) of the request's first statement. */
  firstStatement: number;
  /** Statements of the request that were applied (all of them unless it failed). */
  applied: number;
  /** Size of the data loaded by this sync, as JSON. */
  responseBytes: number;
}

export interface FakeExcelStats {
  /** Every `context.sync()`, plus the final one `Excel.run` makes when work is still queued. */
  syncs: number;
  /**
   * Statements (queued commands: property writes, method calls, loads) the host started to
   * run, over every sync; the numbering `failStatement` uses. A refused request runs none.
   */
  statements: number;
  /** `Excel.run` calls. */
  runs: number;
  /** One record per sync, in order. */
  requests: SyncRecord[];
  /** The largest request payload so far, in bytes. */
  readonly maxRequestBytes: number;
}

export type InjectedError = Error | { code?: string; message?: string };

export const DEFAULT_REQUIREMENT_SETS: Record<string, string> = { ExcelApi: "1.17" };
export const DEFAULT_PAYLOAD_LIMIT = 5_000_000;

function versionParts(v: string): number[] {
  return v.split(".").map((p) => Number.parseInt(p, 10) || 0);
}

/** "1.10" > "1.9": versions compare part by part as numbers. */
export function compareVersions(a: string, b: string): number {
  const x = versionParts(a);
  const y = versionParts(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export class FakeExcelEngine {
  readonly model: WorkbookModel;
  readonly requirementSets: Record<string, string>;
  readonly payloadLimit: number;
  readonly responseLimit: number;
  readonly stats: FakeExcelStats;
  private readonly failAt = new Map<number, InjectedError | undefined>();
  private readonly failQueue: Array<InjectedError | undefined> = [];
  private readonly failStatementAt = new Map<number, InjectedError | undefined>();
  private persistentFailure: { from: number; error: InjectedError | undefined; changesOnly: boolean } | null = null;

  constructor(
    readonly options: FakeExcelOptions = {},
    model?: WorkbookModel,
  ) {
    this.model = model ?? new WorkbookModel(options.workbookName ?? "Book1", options.sheets ?? ["Sheet1"]);
    this.requirementSets = { ...(options.requirementSets ?? DEFAULT_REQUIREMENT_SETS) };
    this.payloadLimit = options.payloadLimitBytes ?? DEFAULT_PAYLOAD_LIMIT;
    this.responseLimit = options.responseLimitBytes ?? DEFAULT_PAYLOAD_LIMIT;
    const requests: SyncRecord[] = [];
    this.stats = {
      syncs: 0,
      statements: 0,
      runs: 0,
      requests,
      get maxRequestBytes() {
        return requests.reduce((m, r) => Math.max(m, r.bytes), 0);
      },
    };
  }

  /** Answers already given, by set and version (asked at every proxy member the gateway uses). */
  private readonly supportCache = new Map<unknown, Map<unknown, boolean>>();

  /** `Office.context.requirements.isSetSupported`: the version defaults to "1.1". */
  isSetSupported(name: string, minVersion?: string | number): boolean {
    let bySet = this.supportCache.get(name);
    if (!bySet) this.supportCache.set(name, (bySet = new Map()));
    let answer = bySet.get(minVersion);
    if (answer === undefined) {
      answer = this.checkSet(name, minVersion);
      bySet.set(minVersion, answer);
    }
    return answer;
  }

  private checkSet(name: string, minVersion?: string | number): boolean {
    const supported = Object.entries(this.requirementSets).find(([set]) => set.toLowerCase() === String(name).toLowerCase());
    if (!supported) return false;
    const wanted = minVersion === undefined || minVersion === null || minVersion === "" ? "1.1" : String(minVersion);
    return compareVersions(supported[1], wanted) >= 0;
  }

  /** Throw ApiNotFound at once, as office.js does for members newer than the host. */
  requireApi(member: string, version: string, set = "ExcelApi"): void {
    if (!this.isSetSupported(set, version)) throw errors.apiNotFound(member, set, version);
  }

  failNext(count: number, error?: InjectedError): void {
    for (let i = 0; i < count; i++) this.failQueue.push(error);
  }

  failSync(syncNumber: number, error?: InjectedError): void {
    this.failAt.set(syncNumber, error);
  }

  /** Statement `statement` (numbered as in `stats.statements`) fails; those before it in its request stay applied. */
  failStatement(statement: number, error?: InjectedError): void {
    this.failStatementAt.set(statement, error);
  }

  /** Every statement from `statement` on fails (a lost connection). */
  failStatementsFrom(statement: number, error?: InjectedError): void {
    this.persistentFailure = { from: statement, error, changesOnly: false };
  }

  /** Every statement from `statement` on that would change the workbook fails; reads are answered (a workbook protected meanwhile). */
  failChangesFrom(statement: number, error?: InjectedError): void {
    this.persistentFailure = { from: statement, error, changesOnly: true };
  }

  /** Stop failing (what `failStatementsFrom` started). */
  recover(): void {
    this.persistentFailure = null;
  }

  /** The injected failure for this statement, if any (a single one is consumed). */
  takeStatementFailure(statement: number, changes: boolean): FakeOfficeError | null {
    if (this.failStatementAt.has(statement)) {
      const spec = this.failStatementAt.get(statement);
      this.failStatementAt.delete(statement);
      return injectedError(spec);
    }
    const p = this.persistentFailure;
    if (p && statement >= p.from && (changes || !p.changesOnly)) return injectedError(p.error);
    return null;
  }

  /** The injected failure for this sync, if any (consumed). */
  takeFailure(syncNumber: number): FakeOfficeError | null {
    let spec: InjectedError | undefined;
    let injected = false;
    if (this.failAt.has(syncNumber)) {
      spec = this.failAt.get(syncNumber);
      this.failAt.delete(syncNumber);
      injected = true;
    } else if (this.failQueue.length) {
      spec = this.failQueue.shift();
      injected = true;
    }
    return injected ? injectedError(spec) : null;
  }
}

function injectedError(spec: InjectedError | undefined): FakeOfficeError {
  if (spec instanceof FakeOfficeError) return spec;
  const code = spec && "code" in spec && typeof spec.code === "string" ? spec.code : "GeneralException";
  return new FakeOfficeError(code, spec?.message);
}
