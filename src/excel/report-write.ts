/**
 * One write of a report into the workbook, as a small state machine: read the workbook
 * and decide every name; compile the plan into units (write-program.ts); add the
 * temporary sheets; send the units in requests under the budget; send the final request
 * (finish.ts); show the first profile. Between requests the write's state is plain data
 * (what was read, the names, the temporary sheets' ids, how many units were sent), so a
 * write can be followed request by request and resumed from any request boundary — the
 * tests use that to stop a write at every statement without redoing what came before.
 *
 * After a failure the workbook is read again and the write is undone (before the final
 * request's first statement) or finished (after it); see finish.ts and write-outcome.ts.
 */
import type { ReportPlan } from "../report/plan";
import { settingsFromXml, settingsPart, type KnownSheet } from "../report/template-settings";
import { committedPart, queueFinish, type FinishPlan } from "./finish";
import { nameKey } from "./formula-sheets";
import { readInventory, type Inventory, type SheetInfo } from "./inventory";
import { resolveNaming, type Naming } from "./naming";
import { RequestMeter, type RequestRecord } from "./request-meter";
import { compileProgram, type Unit } from "./write-program";
import { GatewayError, writeFailed, type WorkbookState } from "./write-outcome";
import type { ApplyOptions, ApplyResult } from "./apply-plan";

/** Temporary sheet names begin with this (naming.ts). */
export const TEMPORARY_PREFIX = "kb-tmp-";

export interface WriteState {
  readonly inventory: Inventory;
  /** The previous report's sheets (owned, still in the workbook) the user agreed to replace. */
  readonly previous: readonly KnownSheet[];
  /** Sheets the settings name that the user did not agree to replace: kept, theirs from now on. */
  readonly kept: readonly KnownSheet[];
  readonly naming: Naming;
  readonly program: readonly Unit[];
  readonly writtenAt: string;
  readonly budget: number;
  /** Ids of the temporary sheets, in naming order, once Excel has reported them. */
  readonly temporaryIds: readonly string[] | null;
  /** Units sent so far. */
  readonly sent: number;
  /** The final request went through (on the first attempt or the second). */
  readonly finished: boolean;
  readonly finishedOnRetry: boolean;
  readonly finalRequestBytes: number | null;
  readonly requests: readonly RequestRecord[];
}

export interface WriteHooks {
  /**
   * Called at each request boundary of the write: once the workbook is read and the plan
   * compiled, and after each request that went through.
   */
  atBoundary?(state: WriteState): void;
}

/**
 * The sheets the settings say the previous report owns, still in the workbook as the
 * report left them; refuses settings it cannot read unless told to replace them.
 *
 * A sheet is the report's only while it has the id AND the name the settings record (or
 * one of our temporary names, left by a write Excel stopped half-way): settings come with
 * a shared workbook and could name the id Excel will give the user's next sheet, and a
 * report sheet the user renamed to keep is theirs from then on. Even then the settings
 * are only a claim: they could name a sheet the workbook came with for the user to fill
 * in. So a write replaces only the sheets the user agreed to (ApplyOptions.replace); the
 * pane asks, showing `replaceableSheets`.
 *
 * A sheet the settings name without an id (a file written outside Excel) is the report's
 * while the workbook has a sheet of exactly that name: it is returned with that sheet's id.
 */
export function claimedSheets(inventory: Inventory, overwrite: boolean): KnownSheet[] {
  if (inventory.parts.length > 1 && !overwrite) {
    throw new GatewayError("settings", {
      nb: "Arbeidsboken har flere sett med malinnstillinger. Rapporten ble ikke skrevet; arbeidsboken er uendret.",
      en: "The workbook has several sets of template settings. The report was not written; the workbook is unchanged.",
    });
  }
  if (inventory.parts.length !== 1) return [];
  const read = settingsFromXml(inventory.parts[0].xml);
  if (read.kind === "invalid") {
    if (overwrite) return [];
    throw new GatewayError("settings", {
      nb: `${read.reason.nb} Rapporten ble ikke skrevet; arbeidsboken er uendret.`,
      en: `${read.reason.en} The report was not written; the workbook is unchanged.`,
    });
  }
  if (read.kind !== "ok") return [];
  const current = new Map(inventory.sheets.map((s) => [s.id, s.name]));
  const ours = (o: KnownSheet) => {
    const name = current.get(o.id);
    return name !== undefined && (name === o.name || name.startsWith(TEMPORARY_PREFIX));
  };
  return read.settings.ownedSheets.flatMap((o) => {
    if (o.id !== undefined) return ours({ ...o, id: o.id }) ? [{ ...o, id: o.id }] : [];
    // Written into a file outside Excel: adopted by its name (template-settings.ts), and known by id from this write on.
    const named = inventory.sheets.find((s) => s.name === o.name);
    return named ? [{ ...o, id: named.id }] : [];
  });
}

/** The sheets a write would replace if the user agrees: id and the name the user sees now. */
export function replaceableSheets(inventory: Inventory, overwrite: boolean): SheetInfo[] {
  const names = new Map(inventory.sheets.map((s) => [s.id, s.name]));
  return claimedSheets(inventory, overwrite).map((o) => ({ id: o.id, name: names.get(o.id)! }));
}

/** Read the workbook, decide the names and compile the plan; then write. */
export async function startWrite(context: Excel.RequestContext, plan: ReportPlan, options: ApplyOptions, budget: number, hooks: WriteHooks = {}): Promise<ApplyResult> {
  const meter = new RequestMeter(context, budget);
  let inventory: Inventory;
  try {
    inventory = await readInventory(context, () => meter.sync());
  } catch (error) {
    throw writeFailed({ kind: "unchanged" }, false, error);
  }
  // Checked again here, not taken from what the user was shown: only sheets that are
  // still the report's AND that the user agreed to replace are deleted; any other sheet
  // the settings name is the user's from now on (the new settings no longer name it).
  const approved = new Set(options.replace ?? []);
  const owned = claimedSheets(inventory, options.overwriteInvalidSettings === true);
  const previous = owned.filter((o) => approved.has(o.id));
  const kept = owned.filter((o) => !approved.has(o.id));
  const time = (options.now ?? (() => new Date()))();
  const naming = resolveNaming(plan, inventory, new Set(previous.map((o) => o.id)), time.getTime().toString(36));
  const state: WriteState = {
    inventory,
    previous,
    kept,
    naming,
    program: compileProgram(plan, naming, budget),
    writtenAt: time.toISOString(),
    budget,
    temporaryIds: null,
    sent: 0,
    finished: false,
    finishedOnRetry: false,
    finalRequestBytes: null,
    requests: meter.sent,
  };
  hooks.atBoundary?.(state);
  return new ReportWrite(context, plan, options, state, hooks).run();
}

/** Continue a write from the state it had after one of its requests. */
export function continueWrite(context: Excel.RequestContext, plan: ReportPlan, options: ApplyOptions, state: WriteState, hooks: WriteHooks = {}): Promise<ApplyResult> {
  return new ReportWrite(context, plan, options, state, hooks).run();
}

class ReportWrite {
  private readonly meter: RequestMeter;
  private readonly proxies = new Map<string, Excel.Worksheet>();

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly plan: ReportPlan,
    private readonly options: ApplyOptions,
    private state: WriteState,
    private readonly hooks: WriteHooks,
  ) {
    this.meter = new RequestMeter(context, state.budget, [...state.requests]);
  }

  private get hadPrevious(): boolean {
    return this.state.previous.length > 0;
  }

  private advance(change: Partial<WriteState>): void {
    this.state = { ...this.state, ...change, requests: [...this.meter.sent] };
    this.hooks.atBoundary?.(this.state);
  }

  private idOf(key: string): string {
    const i = this.state.naming.sheets.findIndex((s) => s.key === key);
    return this.state.temporaryIds![i];
  }

  /** The temporary sheet of a plan key (one proxy per sheet for the whole run). */
  private sheet(key: string): Excel.Worksheet {
    let proxy = this.proxies.get(key);
    if (!proxy) {
      proxy = this.context.workbook.worksheets.getItem(this.idOf(key));
      this.proxies.set(key, proxy);
    }
    return proxy;
  }

  async run(): Promise<ApplyResult> {
    if (!this.state.finished) {
      try {
        await this.build();
      } catch (error) {
        throw writeFailed(await this.removeTemporarySheets(), this.hadPrevious, error);
      }
      await this.finish();
    }
    await this.showFirstProfile();
    const { naming, inventory } = this.state;
    const shown = (o: KnownSheet): SheetInfo => ({ id: o.id, name: inventory.sheets.find((s) => s.id === o.id)?.name ?? o.name });
    return {
      sheets: this.ownedSheets(),
      replaced: this.state.previous.map(shown),
      kept: this.state.kept.map(shown),
      syncs: this.meter.sent.length,
      largestRequestBytes: this.meter.largestBytes,
      finalRequestBytes: this.state.finalRequestBytes ?? undefined,
      renamed: naming.sheets.filter((s) => s.final !== s.planned).map((s) => ({ planned: s.planned, used: s.final })),
      renamedTables: naming.tables.filter((t) => t.final !== t.planned).map((t) => ({ planned: t.planned, used: t.final })),
      finishedOnRetry: this.state.finishedOnRetry,
    };
  }

  /** The new report on temporary sheets: add them (their ids first, on their own), then every unit. */
  private async build(): Promise<void> {
    const { naming, program } = this.state;
    if (!this.state.temporaryIds) {
      await this.meter.reserve(2 * naming.sheets.length);
      const added = naming.sheets.map((s) => {
        const sheet = this.context.workbook.worksheets.add(s.temporary);
        sheet.load("id");
        this.proxies.set(s.key, sheet);
        return sheet;
      });
      await this.meter.sync();
      this.advance({ temporaryIds: added.map((s) => s.id) });
    }
    const sheetOf = (key: string) => this.sheet(key);
    let cellsQueued = false;
    for (let i = this.state.sent; i < program.length; i++) {
      const unit = program[i];
      if (!this.meter.fits(unit.statements, unit.bytes) || (unit.kind === "structure" && cellsQueued)) {
        cellsQueued = false;
        await this.meter.sync();
        this.advance({ sent: i });
      }
      this.meter.count(unit.statements, unit.bytes);
      unit.queue(sheetOf);
      cellsQueued ||= unit.kind === "cells";
    }
    if (this.meter.pendingStatements > 0) {
      await this.meter.sync();
      this.advance({ sent: program.length });
    }
  }

  private ownedSheets(): KnownSheet[] {
    return this.state.naming.sheets.map((s, i) => ({ key: s.key, id: this.state.temporaryIds![i], name: s.final }));
  }

  private finishPlan(): FinishPlan {
    const { naming, previous } = this.state;
    const settings = (ownedSheets: KnownSheet[]): string => settingsPart(this.options.settings, ownedSheets, this.state.writtenAt);
    return {
      oldSheets: previous.map((o) => o.id),
      newSheets: naming.sheets.map((s, i) => ({ id: this.state.temporaryIds![i], final: s.final })),
      tables: naming.tables.map((t) => ({ temporary: t.temporary, final: t.final })),
      staleNames: naming.staleNames,
      names: this.plan.names.map((n, i) => ({ final: naming.names[i].final, sheetId: this.idOf(n.ref.sheet), range: n.ref.range, ...(n.comment ? { comment: n.comment } : {}) })),
      transitionXml: settings([...this.ownedSheets(), ...previous]),
      finalXml: settings(this.ownedSheets()),
    };
  }

  /** The workbook as the build left it: what was read, plus the temporary sheets and tables. */
  private builtInventory(): Inventory {
    const { inventory, naming } = this.state;
    return {
      ...inventory,
      sheets: [...inventory.sheets, ...naming.sheets.map((s, i) => ({ id: this.state.temporaryIds![i], name: s.temporary }))],
      tables: [...inventory.tables, ...naming.tables.map((t) => ({ name: t.temporary, sheetId: this.idOf(t.sheet) }))],
    };
  }

  /** The final request; if Excel stops it, undo or finish (recoverFinish). */
  private async finish(): Promise<void> {
    const finish = this.finishPlan();
    try {
      await queueFinish(this.context, this.meter, finish, this.builtInventory());
      await this.meter.sync();
      this.advance({ finished: true, finalRequestBytes: this.meter.sent[this.meter.sent.length - 1].bytes });
    } catch (error) {
      const state = await this.recoverFinish(finish);
      if (state) throw writeFailed(state, this.hadPrevious, error);
      this.advance({ finished: true, finishedOnRetry: true, finalRequestBytes: this.meter.sent[this.meter.sent.length - 1].bytes });
    }
  }

  /**
   * Undo the build: remove the temporary sheets — those whose id Excel reported, and
   * sheets that appeared since the read under a temporary name (added by a request that
   * failed before it could report their ids). In plan order, so the data sheet the others
   * refer to goes last and Excel has no references to turn into #REF!.
   */
  private async removeTemporarySheets(): Promise<WorkbookState> {
    const { inventory, naming, temporaryIds } = this.state;
    const wb = this.context.workbook;
    const before = new Set(inventory.sheets.map((s) => s.id));
    const order = new Map(naming.sheets.map((s, i) => [nameKey(s.temporary), i]));
    const known = new Set(temporaryIds ?? []);
    const ours = async () => {
      const sheets = wb.worksheets.load("items/id,items/name");
      await this.meter.sync();
      const rank = (s: Excel.Worksheet) => (temporaryIds ?? []).indexOf(s.id) + 1 || (order.get(nameKey(s.name)) ?? 0) + 1;
      return sheets.items.filter((s) => known.has(s.id) || (!before.has(s.id) && order.has(nameKey(s.name)))).sort((a, b) => rank(a) - rank(b));
    };
    let left: Excel.Worksheet[];
    try {
      left = await ours();
      if (left.length === 0) return { kind: "unchanged" };
      await this.meter.reserve(left.length);
      for (const s of left) wb.worksheets.getItem(s.id).delete();
      await this.meter.sync();
      return { kind: "unchanged" };
    } catch {
      try {
        left = await ours();
      } catch {
        return { kind: "leftovers", sheets: naming.sheets.map((s) => s.temporary), certain: false };
      }
      return left.length ? { kind: "leftovers", sheets: left.map((s) => s.name), certain: true } : { kind: "unchanged" };
    }
  }

  /**
   * Excel stopped the final request. Before the point of no return: undo. After it:
   * finish in a second request. Resolves with the state if the write could not be
   * completed, or null if it was.
   */
  private async recoverFinish(finish: FinishPlan): Promise<WorkbookState | null> {
    const read = () => readInventory(this.context, () => this.meter.sync());
    let now: Inventory;
    try {
      now = await read();
    } catch {
      return { kind: "unknown", temporaryPrefix: TEMPORARY_PREFIX };
    }
    if (committedPart(finish, now) === undefined) return this.removeTemporarySheets();
    try {
      await queueFinish(this.context, this.meter, finish, now);
      await this.meter.sync();
      return null;
    } catch {
      try {
        now = await read();
      } catch {
        return { kind: "unknown", temporaryPrefix: TEMPORARY_PREFIX };
      }
      return partialState(finish, now);
    }
  }

  /** Show the first profile sheet (nice to have: the report is complete either way). */
  private async showFirstProfile(): Promise<void> {
    const first = this.plan.sheets.find((s) => s.key.startsWith("profile:"));
    if (!first) return;
    try {
      await this.meter.reserve(1);
      this.sheet(first.key).activate();
      await this.meter.sync();
    } catch {
      // The report is written; which sheet is shown is not worth a failure.
    }
  }
}

/** What a final request that could not be completed left: read from the workbook. */
function partialState(finish: FinishPlan, now: Inventory): WorkbookState {
  const names = new Map(now.sheets.map((s) => [s.id, s.name]));
  const tables = new Set(now.tables.map((t) => nameKey(t.name)));
  const part = now.parts.find((p) => p.id === committedPart(finish, now));
  const settings = part ? settingsFromXml(part.xml) : null;
  return {
    kind: "partial",
    oldSheets: finish.oldSheets.filter((id) => names.has(id)).map((id) => names.get(id)!),
    temporarySheets: finish.newSheets.filter((s) => names.has(s.id) && names.get(s.id) !== s.final).map((s) => ({ name: names.get(s.id)!, final: s.final })),
    temporaryTables: finish.tables.filter((t) => tables.has(nameKey(t.temporary))).map((t) => ({ name: t.temporary, final: t.final })),
    settingsDone: settings?.kind === "ok" && settings.settings.ownedSheets.length === finish.newSheets.length,
    ownedSheetIds: [...finish.oldSheets, ...finish.newSheets.map((s) => s.id)].filter((id) => names.has(id)),
  };
}
