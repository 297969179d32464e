/**
 * `RequestContext`, `context.sync()` and `Excel.run`: the batching model of Office.js.
 *
 * A sync sends the queued commands as one request and applies them in order. The fake
 * measures the request as the JSON of the queued commands with their arguments (values
 * arrays included), which approximates the payload Excel on the web counts against its
 * 5MB limit ("Resource limits and performance optimization for Office Add-ins").
 *
 * Failures, and what they leave behind. Excel runs a request statement by statement and
 * has no rollback: a statement that fails stops the request, the statements before it
 * stay applied, it and the rest are not, and the sync rejects with its error. (From
 * Excel's behaviour; the docs say only that the batch stops at the first error and that
 * the add-in must undo what it wants undone, "Error handling with the Excel JavaScript
 * API".) The fake runs every request that way:
 * - A command that is invalid (bad name, shape mismatch, missing item, …) fails where it is.
 * - Injected statement failure (`failStatement(k)`, `failStatementsFrom(k)`,
 *   `failChangesFrom(k)`): statement k of the whole session (counted over every sync,
 *   `stats.statements`) fails as if Excel had refused it there — cell editing, a lost
 *   connection, or (changes only, reads still answered) a workbook protected meanwhile.
 * - Injected request failure (`failNextSync`, `failSyncNumber`): the request is refused
 *   before its first statement (nothing is applied), as when it never reached Excel.
 * - Payload over the limit (RequestPayloadSizeLimitExceeded): the request is refused,
 *   nothing is applied.
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
  /** A method call that only reads (its result arrives with the sync), like a load. */
  reads?: boolean;
  /** Apply to the workbook; a read returns what to deliver once the whole batch succeeded. */
  apply(): Collected | void;
}

const SHORT_ESCAPES = new Set([0x08, 0x09, 0x0a, 0x0c, 0x0d, 0x22, 0x5c]);

/** Printable ASCII other than the quote and the backslash: one byte each in JSON. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** Sizes of longer strings already measured (object paths and formulas recur in every request). */
const stringSizes = new Map<string, number>();

/** Bytes of a string as JSON text in UTF-8 (quotes and escapes included). */
function jsonStringBytes(text: string): number {
  if (text.length < 24) return stringBytes(text);
  let n = stringSizes.get(text);
  if (n === undefined) {
    n = stringBytes(text);
    if (stringSizes.size > 200_000) stringSizes.clear();
    stringSizes.set(text, n);
  }
  return n;
}

function stringBytes(text: string): number {
  if (PLAIN.test(text)) return text.length + 2;
  let n = 2;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0x80) n += c === 0x22 || c === 0x5c ? 2 : 1;
    else if (c < 0x20) n += SHORT_ESCAPES.has(c) ? 2 : 6;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i += 1;
    } else if (c >= 0xd800 && c <= 0xdfff) n += 6;
    else n += 3;
  }
  return n;
}

const isProxy = (value: object): value is { _path: string } => "_path" in value && typeof (value as { _path: unknown })._path === "string";

/**
 * Sizes of large arrays already measured. A write sends the same value arrays again when
 * a test repeats it (the gateway compiles them once per write); arrays are not changed
 * after they are queued, so their size stays what it was.
 */
const measured = new WeakMap<object, number>();
const MEASURE_ONCE = 8;

/**
 * Bytes of `value` as JSON in UTF-8, as JSON.stringify would write it, with proxies in
 * arguments travelling as their paths ({"$ref": path}). Counted without building the text:
 * requests of several megabytes are measured at every sync.
 */
export function jsonBytes(value: unknown): number {
  if (value === null || value === undefined) return 4;
  switch (typeof value) {
    case "string":
      return jsonStringBytes(value);
    case "number":
      return Number.isFinite(value) ? String(value).length : 4;
    case "boolean":
      return value ? 4 : 5;
    case "object": {
      if (isProxy(value)) return 10 + jsonStringBytes(value._path);
      if (Array.isArray(value)) {
        const known = value.length >= MEASURE_ONCE ? measured.get(value) : undefined;
        if (known !== undefined) return known;
        let n = 2 + Math.max(0, value.length - 1);
        for (const item of value) n += typeof item === "function" ? 4 : jsonBytes(item);
        if (value.length >= MEASURE_ONCE) measured.set(value, n);
        return n;
      }
      let n = 2;
      let members = 0;
      for (const [k, v] of Object.entries(value)) {
        if (v === undefined || typeof v === "function") continue;
        n += jsonStringBytes(k) + 1 + jsonBytes(v);
        members++;
      }
      return n + Math.max(0, members - 1);
    }
    default:
      return 4;
  }
}

/** {"path":…,"action":…,"member":…,"args":…}: braces, keys, colons and commas. */
const WIRE_FRAME = 2 + 7 + 9 + 9 + 7 + 3;

export function payloadBytes(actions: readonly QueuedAction[]): number {
  if (!actions.length) return 0;
  let n = 2 + actions.length - 1;
  for (const { wire } of actions) n += WIRE_FRAME + jsonStringBytes(wire.path) + jsonStringBytes(wire.action) + jsonStringBytes(wire.member) + jsonBytes(wire.args);
  return n;
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
      firstStatement: engine.stats.statements + 1,
      applied: 0,
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
          const changes = action.wire.action === "set" || (action.wire.action === "call" && !action.reads);
          const injectedHere = engine.takeStatementFailure(++engine.stats.statements, changes);
          if (injectedHere) throw injectedHere;
          const result = action.apply();
          if (result) delivered.push(result);
          record.applied += 1;
          engine.model.revision += 1;
        } catch (e) {
          throw this.explain(e, action.wire);
        }
      }
      record.responseBytes = delivered.length ? jsonBytes(delivered.map((d) => d.response)) : 0;
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
    const args = wire.action === "load" || wire.action === "probe" ? "" : JSON.stringify(wire.args, (_key, value: unknown) => (value && typeof value === "object" && isProxy(value) ? { $ref: value._path } : value)).slice(0, 200);
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
