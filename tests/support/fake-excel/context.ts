/**
 * `RequestContext`, `context.sync()` and `Excel.run`: the batching model of Office.js.
 *
 * A sync sends the queued commands as one request and applies them in order. The fake
 * measures the request as the JSON of the queued commands with their arguments (values
 * arrays included), which approximates the payload Excel on the web counts against its
 * 5MB limit ("Resource limits and performance optimization for Office Add-ins").
 *
 * Failures, and what they leave behind:
 * - Payload over the limit (RequestPayloadSizeLimitExceeded): the request is refused,
 *   nothing is applied.
 * - Injected failure (`failNextSync`, `failSyncNumber`): the whole request is rejected and
 *   nothing is applied. Real Excel can also fail part-way through a batch and keep what
 *   it had applied; the fake models the request-level failure only.
 * - A command that is invalid (bad name, shape mismatch, missing item, …): the commands
 *   before it stay applied, it and the rest are not, and the sync rejects with its error.
 *   This is how Excel runs a batch (statement by statement, no rollback); assumed from
 *   Excel's behaviour, the docs don't say it in so many words.
 * - Data loaded by a failed sync is not delivered to the proxies.
 */
import { Collected, isNullObjectSignal } from "./client-object";
import type { FakeExcelEngine } from "./engine";
import { FakeOfficeError, errors, isFakeOfficeError } from "./errors";
import { FakeWorkbook, FakeApplication } from "./workbook";

/** One queued command as it would travel: the object's path, the member, the arguments. */
export interface WireAction {
  path: string;
  action: "set" | "call" | "load" | "probe";
  member: string;
  args: unknown[];
}

export interface QueuedAction {
  wire: WireAction;
  /** Apply to the workbook; a read returns what to deliver once the whole batch succeeded. */
  apply(): Collected | void;
}

/** Proxies in arguments travel as their paths. */
function wireReplacer(_key: string, value: unknown): unknown {
  if (value && typeof value === "object" && "_path" in value && typeof (value as { _path: unknown })._path === "string") {
    return { $ref: (value as { _path: string })._path };
  }
  return value;
}

/** UTF-8 length without Buffer (the fake also runs in a browser for end-to-end tests). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i += 1;
    } else n += 3;
  }
  return n;
}

export function payloadBytes(actions: readonly QueuedAction[]): number {
  return actions.length ? utf8Length(JSON.stringify(actions.map((a) => a.wire), wireReplacer)) : 0;
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  /** Office.js keeps proxies alive across syncs; the fake needs no bookkeeping for that. */
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  private queue: QueuedAction[] = [];
  private readonly traces: string[] = [];
  /** Set when the `Excel.run` that made this context has finished. */
  _finished = false;

  constructor(readonly _engine: FakeExcelEngine) {
    this.workbook = new FakeWorkbook(this);
  }

  get application(): FakeApplication {
    return this.workbook.application;
  }

  /** Commands queued since the last sync. */
  get _pendingCount(): number {
    return this.queue.length;
  }

  /**
   * Office.js releases the objects of an `Excel.run` when it finishes; using one later
   * fails with InvalidObjectPath. The fake refuses to queue commands for such objects.
   */
  _enqueue(action: QueuedAction): void {
    if (this._finished) {
      throw new FakeOfficeError("InvalidObjectPath", `${action.wire.path} belongs to an Excel.run that has finished.`, action.wire.path);
    }
    this.queue.push(action);
  }

  /** `context.load(object, spec)`, the older spelling of `object.load(spec)`. */
  load<T extends { load(spec?: unknown): T }>(object: T, spec?: unknown): T {
    return object.load(spec);
  }

  trace(message: string): void {
    this.traces.push(message);
  }

  sync<T>(passThroughValue?: T): Promise<T> {
    return this._sync(false).then(() => passThroughValue as T);
  }

  /** Run the queued commands as one request. */
  async _sync(implicit: boolean): Promise<void> {
    const engine = this._engine;
    const actions = this.queue;
    this.queue = [];
    engine.stats.syncs += 1;
    const record = {
      sync: engine.stats.syncs,
      bytes: payloadBytes(actions),
      operations: actions.length,
      implicit,
      outcome: "ok" as "ok" | "failed",
      errorCode: undefined as string | undefined,
      responseBytes: 0,
    };
    engine.stats.requests.push(record);
    // A round-trip: callers can't observe the result before awaiting.
    await Promise.resolve();
    try {
      const injected = engine.takeFailure(record.sync);
      if (injected) throw injected;
      if (record.bytes > engine.payloadLimit) {
        throw new FakeOfficeError(
          "RequestPayloadSizeLimitExceeded",
          `The request payload size has exceeded the limit (${record.bytes} bytes, limit ${engine.payloadLimit}).`,
        );
      }
      const delivered: Collected[] = [];
      for (const action of actions) {
        try {
          const result = action.apply();
          if (result) delivered.push(result);
        } catch (e) {
          throw this.explain(e, action.wire);
        }
      }
      record.responseBytes = delivered.length ? utf8Length(JSON.stringify(delivered.map((d) => d.response))) : 0;
      if (record.responseBytes > engine.responseLimit) {
        // The commands ran; only the answer was too big to send back.
        throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${record.responseBytes} bytes).`);
      }
      for (const d of delivered) d.commit();
    } catch (e) {
      record.outcome = "failed";
      record.errorCode = isFakeOfficeError(e) ? e.code : "GeneralException";
      throw e;
    }
  }

  private explain(e: unknown, wire: WireAction): unknown {
    if (isNullObjectSignal(e)) e = errors.itemNotFound("The command refers to an object that doesn't exist (a null object).");
    if (!isFakeOfficeError(e)) return e;
    const args = wire.action === "load" || wire.action === "probe" ? "" : JSON.stringify(wire.args, wireReplacer).slice(0, 200);
    return e.withStatement(`${wire.path}.${wire.member}${wire.action === "set" ? ` = ${args}` : `(${args})`}`);
  }
}

/** The context of an object (or the first of several) passed to `Excel.run(object, batch)`. */
function contextOf(value: unknown): FakeRequestContext | null {
  const first = Array.isArray(value) ? value[0] : value;
  if (first instanceof FakeRequestContext) return first;
  const ctx = first && typeof first === "object" && "context" in first ? (first as { context: unknown }).context : null;
  return ctx instanceof FakeRequestContext ? ctx : null;
}

/** `Excel.run(batch)`, `Excel.run(options, batch)` and `Excel.run(object, batch)`. */
export async function runBatch<T>(engine: FakeExcelEngine, args: unknown[]): Promise<T> {
  const batch = args[args.length - 1];
  if (typeof batch !== "function") throw errors.invalidArgument("Excel.run needs a batch function.");
  engine.stats.runs += 1;
  const reused = args.length > 1 ? contextOf(args[0]) : null;
  const context = reused ?? new FakeRequestContext(engine);
  try {
    const returned: unknown = (batch as (ctx: FakeRequestContext) => unknown)(context);
    if (!returned || typeof (returned as { then?: unknown }).then !== "function") throw new FakeOfficeError("RunMustReturnPromise");
    const value = (await returned) as T;
    // office.js syncs once more after the batch function resolves; with nothing queued it sends nothing.
    if (context._pendingCount > 0) await context._sync(true);
    return value;
  } finally {
    if (!reused) context._finished = true;
  }
}
