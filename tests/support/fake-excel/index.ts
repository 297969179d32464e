/**
 * A fake Excel for testing the workbook gateway without Excel: Office.js's batching
 * (queued commands, load/sync, PropertyNotLoaded, *OrNullObject), an A1 grid with Excel's
 * input rules, worksheets, tables, charts, names and custom XML parts with Excel's name
 * rules, sync counting with request sizes, the 5MB request limit of Excel on the web,
 * injected failures, and requirement sets chosen per test.
 *
 *   const fake = installFakeExcel({ sheets: ["Data"] });
 *   await Excel.run(async (context) => { ... });   // the gateway's own code
 *   expect(fake.workbook.sheet("Data").cell("B5").value).toBe(42);
 *   expect(fake.stats.syncs).toBe(2);
 *   fake.uninstall();
 *
 * Where the fake differs from Excel on purpose (it doesn't calculate formulas, render
 * number formats or move tables when cells shift), the module that models the feature
 * says so.
 */
import { workbookDifferences, type CompareOptions } from "./compare";
import { FakeRequestContext } from "./context";
import { FakeExcelEngine, FakeExcelOptions, FakeExcelStats, InjectedError } from "./engine";
import { WorkbookInspector } from "./inspect";
import { FakeExcelNamespace, FakeOffice, OFFICE_EXTENSION, createExcel, createOffice } from "./office";

export type { FakeExcelOptions, FakeExcelStats, InjectedError, SyncRecord } from "./engine";
export type { CompareOptions } from "./compare";
export type { Binding, CellSeed, CellSnapshot, ChartSnapshot, NameSnapshot, PartSnapshot, SeriesSnapshot, SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "./inspect";
export { SheetInspector, WorkbookInspector } from "./inspect";
export { FakeOfficeError } from "./errors";
export { FakeRequestContext } from "./context";

export interface FakeExcel {
  /** The `Excel` namespace: `run`, `RequestContext` and the enums. */
  Excel: FakeExcelNamespace;
  /** The `Office` namespace: `onReady`, `context.requirements.isSetSupported`, host and platform types. */
  Office: FakeOffice;
  OfficeExtension: typeof OFFICE_EXTENSION;
  /** Test-side view of the workbook (outside the Office API). */
  workbook: WorkbookInspector;
  stats: FakeExcelStats;
  /** `Excel.run` typed with Office.js's own types, for code that takes an `Excel.RequestContext`. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** A request context outside `Excel.run`, typed as Office.js's. */
  newContext(): Excel.RequestContext;
  /** Make the next `count` syncs (default 1) reject with GeneralException (or `error`) and apply nothing. */
  failNextSync(count?: number, error?: InjectedError): void;
  /** Make sync number `syncNumber` (1-based, as counted in `stats`) reject and apply nothing. */
  failSyncNumber(syncNumber: number, error?: InjectedError): void;
  /**
   * Make statement number `statement` (1-based, counted over every sync: `stats.statements`)
   * fail as Excel fails a statement: the statements before it in its request stay applied.
   */
  failStatement(statement: number, error?: InjectedError): void;
  /** Make every statement from `statement` on fail, until `recover()`. */
  failStatementsFrom(statement: number, error?: InjectedError): void;
  /** Make every statement from `statement` on that would change the workbook fail (reads are answered), until `recover()`. */
  failChangesFrom(statement: number, error?: InjectedError): void;
  recover(): void;
  /**
   * A new fake holding a copy of this workbook (same options, fresh stats, no pending
   * failures). Cheap: sheets share their cells until one side writes (model.ts).
   */
  fork(): FakeExcel;
  /**
   * Where this workbook differs from `other`'s, as readable lines (none when they are the
   * same). Fast for forks: a sheet still sharing its cells is not compared cell by cell.
   */
  differencesFrom(other: FakeExcel, options?: CompareOptions): string[];
}

const engines = new WeakMap<FakeExcel, FakeExcelEngine>();

export function createFakeExcel(options: FakeExcelOptions = {}): FakeExcel {
  return fakeOn(new FakeExcelEngine(options));
}

function fakeOn(engine: FakeExcelEngine): FakeExcel {
  const options = engine.options;
  const excel = createExcel(engine);
  const fake: FakeExcel = {
    Excel: excel,
    Office: createOffice(engine),
    OfficeExtension: OFFICE_EXTENSION,
    workbook: new WorkbookInspector(engine.model),
    stats: engine.stats,
    run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => excel.run<T>(batch),
    newContext: () => new FakeRequestContext(engine) as unknown as Excel.RequestContext,
    failNextSync: (count = 1, error?: InjectedError) => engine.failNext(count, error),
    failSyncNumber: (syncNumber: number, error?: InjectedError) => engine.failSync(syncNumber, error),
    failStatement: (statement: number, error?: InjectedError) => engine.failStatement(statement, error),
    failStatementsFrom: (statement: number, error?: InjectedError) => engine.failStatementsFrom(statement, error),
    failChangesFrom: (statement: number, error?: InjectedError) => engine.failChangesFrom(statement, error),
    recover: () => engine.recover(),
    fork: () => fakeOn(new FakeExcelEngine(options, engine.model.fork())),
    differencesFrom: (other: FakeExcel, compare: CompareOptions = { ids: "same" }) => {
      const theirs = engines.get(other);
      if (!theirs) throw new Error("differencesFrom needs another fake made by createFakeExcel or fork");
      return workbookDifferences(theirs.model, engine.model, compare);
    },
  };
  engines.set(fake, engine);
  return fake;
}

const GLOBAL_NAMES = ["Excel", "Office", "OfficeExtension"] as const;
type Globals = Record<(typeof GLOBAL_NAMES)[number], unknown>;
let saved: { values: Partial<Globals>; present: Set<string> } | null = null;

/**
 * Create a fake (or use `fake`) and put its `Excel`, `Office` and `OfficeExtension` on
 * `globalThis`, where the add-in's code looks for them. Call `uninstall()` afterwards.
 */
export function installFakeExcel(optionsOrFake: FakeExcelOptions | FakeExcel = {}): FakeExcel & { uninstall(): void } {
  const fake = "workbook" in optionsOrFake ? (optionsOrFake as FakeExcel) : createFakeExcel(optionsOrFake as FakeExcelOptions);
  const g = globalThis as unknown as Partial<Globals>;
  if (!saved) {
    saved = { values: {}, present: new Set() };
    for (const name of GLOBAL_NAMES) {
      if (name in g) saved.present.add(name);
      saved.values[name] = g[name];
    }
  }
  g.Excel = fake.Excel;
  g.Office = fake.Office;
  g.OfficeExtension = fake.OfficeExtension;
  const installed = { ...fake, uninstall: uninstallFakeExcel };
  engines.set(installed, engines.get(fake)!);
  return installed;
}

/** Restore the globals `installFakeExcel` replaced. */
export function uninstallFakeExcel(): void {
  if (!saved) return;
  const g = globalThis as unknown as Partial<Globals>;
  for (const name of GLOBAL_NAMES) {
    if (saved.present.has(name)) g[name] = saved.values[name];
    else delete g[name];
  }
  saved = null;
}
