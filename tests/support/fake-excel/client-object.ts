/**
 * The proxy machinery shared by every fake Office.js object, following "Application-
 * specific API model": setting a property or calling a method only queues a command;
 * `load` queues a read; `context.sync()` runs the queue in order. Reading a property that
 * wasn't loaded and synced throws PropertyNotLoaded. As in office.js, a value you assign
 * is also kept on the proxy, so reading back your own assignment works without a load.
 *
 * A proxy finds its object in the workbook when a queued command first needs it (at
 * sync), then stays bound to that object, as Excel's tracked objects do: a sheet fetched
 * by name and then renamed in the same batch is still the same sheet.
 *
 * An *OrNullObject proxy whose object doesn't exist is a null object: `isNullObject` is
 * true after sync, its properties read as undefined, and commands on it (or on objects
 * reached from it) do nothing. That last part is assumed: the docs don't say, and
 * Microsoft's own helper code deleted a sheet that might not exist with
 * `worksheets.getItemOrNullObject(name).delete()` without checking.
 */
import type { FakeRequestContext, QueuedAction } from "./context";
import { errors, isFakeOfficeError } from "./errors";
import type { WorkbookModel } from "./model";

/** What `load(...)` asked for: property names, navigation children, or everything. */
export interface LoadTree {
  all: boolean;
  props: Set<string>;
  children: Map<string, LoadTree>;
}

export function emptyTree(all = false): LoadTree {
  return { all, props: new Set(), children: new Map() };
}

function addPath(tree: LoadTree, path: string): void {
  const parts = path
    .split("/")
    .map((p) => p.trim())
    .filter(Boolean);
  let node = tree;
  for (let i = 0; i < parts.length - 1; i++) {
    let child = node.children.get(parts[i]);
    if (!child) {
      child = emptyTree();
      node.children.set(parts[i], child);
    }
    node = child;
  }
  if (parts.length) node.props.add(parts[parts.length - 1]);
}

/** An expanded navigation path ("format/font"): everything of the object at its end. */
function addExpand(tree: LoadTree, path: string): void {
  let node = tree;
  for (const part of path.split("/").map((p) => p.trim()).filter(Boolean)) {
    let child = node.children.get(part);
    if (!child) {
      child = emptyTree();
      node.children.set(part, child);
    }
    node = child;
  }
  if (node !== tree) node.all = true;
}

/**
 * `load()` arguments Office.js accepts: nothing (all scalars), "a, b/c", ["a", "b/c"],
 * `{ select: "a,b", expand: "c" }`, or `{ a: true, c: { d: true }, $top: 5 }`.
 * Paging options ($top, $skip) are accepted and ignored.
 */
export function parseLoadSpec(spec: unknown): LoadTree {
  if (spec === undefined || spec === null) return emptyTree(true);
  const tree = emptyTree();
  if (typeof spec === "string") {
    for (const p of spec.split(",")) addPath(tree, p);
  } else if (Array.isArray(spec)) {
    for (const p of spec) if (typeof p === "string") addPath(tree, p);
  } else if (typeof spec === "object") {
    const o = spec as Record<string, unknown>;
    if (typeof o.select === "string" || typeof o.expand === "string") {
      if (typeof o.select === "string") for (const p of o.select.split(",")) addPath(tree, p);
      if (typeof o.expand === "string") for (const p of o.expand.split(",")) addExpand(tree, p);
    } else {
      for (const [key, value] of Object.entries(o)) {
        if (key.startsWith("$")) continue;
        if (value === true) tree.props.add(key);
        else if (value && typeof value === "object") tree.children.set(key, parseLoadSpec(value));
      }
    }
  } else {
    throw errors.invalidArgument("load() takes a string, an array of strings or an options object.");
  }
  return tree;
}

/** The outcome of reading an object during sync; `commit` runs only if the whole batch succeeds. */
export interface Collected {
  commit: () => void;
  response: unknown;
}

/** Anything that can take part in a load or a `set({...})`. */
export interface Navigable {
  _collect(tree: LoadTree): Collected;
  set(properties: Record<string, unknown>): void;
}

/** A method result delivered after sync, like `OfficeExtension.ClientResult`. */
export class FakeClientResult<T> {
  private settled = false;
  private result: T | undefined;

  get value(): T {
    if (!this.settled) throw errors.valueNotLoaded();
    return this.result as T;
  }

  _settle(value: T): void {
    this.settled = true;
    this.result = value;
  }
}

/** Thrown (internally) when a command reaches a null object; the command is then skipped. */
const NULL_OBJECT = Symbol("null object");

export function isNullObjectSignal(e: unknown): boolean {
  return e === NULL_OBJECT;
}

export abstract class FakeClientObject<E> implements Navigable {
  protected abstract readonly _typeName: string;
  /** Scalar properties loaded by `load()` without arguments. */
  protected abstract readonly _scalarNames: readonly string[];
  /** Scalar properties `set({...})` may assign. */
  protected readonly _writable: readonly string[] = [];
  /** Objects from *OrNullObject methods: missing is not an error, it sets `isNullObject`. */
  protected _nullable = false;
  private _bound: E | undefined;
  protected readonly _fields = new Map<string, unknown>();
  private _nullState: boolean | undefined;

  constructor(
    protected readonly _ctx: FakeRequestContext,
    readonly _path: string,
    private readonly _locate: () => E,
  ) {}

  /** The request context, as on every Office.js object. */
  get context(): FakeRequestContext {
    return this._ctx;
  }

  protected get _model(): WorkbookModel {
    return this._ctx._engine.model;
  }

  get isNullObject(): boolean {
    if (this._nullState === undefined) throw errors.propertyNotLoaded(this._typeName, "isNullObject");
    return this._nullState;
  }

  // ---------- binding to the workbook ----------

  /** The object this proxy stands for (run only while a batch is applied). */
  _resolve(): E {
    if (this._bound !== undefined) {
      if (this._gone(this._bound)) throw errors.itemNotFound(`The ${this._typeName} no longer exists.`, this._typeName);
      return this._bound;
    }
    let entity: E;
    try {
      entity = this._locate();
    } catch (e) {
      if (this._nullable && isFakeOfficeError(e) && e.code === "ItemNotFound") throw NULL_OBJECT;
      throw e;
    }
    this._bound = entity;
    return entity;
  }

  /** Run `fn` on the bound object; skip it when the object is a null object. */
  private _withEntity<T>(fn: (entity: E) => T, onNull: () => T): T {
    let entity: E;
    try {
      entity = this._resolve();
    } catch (e) {
      if (isNullObjectSignal(e)) return onNull();
      throw e;
    }
    return fn(entity);
  }

  _bindTo(entity: E): void {
    this._bound = entity;
  }

  /** True once the bound object was deleted from the workbook. */
  protected _gone(entity: E): boolean {
    void entity;
    return false;
  }

  /** Read scalar `name` of the bound object (at sync). Unknown names are InvalidArgument. */
  protected abstract _read(name: string, entity: E): unknown;

  /** Navigation property `name` (format, font, worksheet, …), for load paths and `set`. */
  protected _child(name: string): Navigable | undefined {
    void name;
    return undefined;
  }

  protected _unknownProperty(name: string): never {
    throw errors.invalidArgument(`The property '${name}' doesn't exist on ${this._typeName} (or isn't modelled by the fake).`, `${this._typeName}.${name}`);
  }

  // ---------- property access ----------

  protected _get<T>(name: string): T {
    if (this._fields.has(name)) return this._fields.get(name) as T;
    // office.js returns the (absent) field of a null object instead of throwing.
    if (this._nullState === true) return undefined as T;
    throw errors.propertyNotLoaded(this._typeName, name);
  }

  protected _enqueue(action: QueuedAction): void {
    this._ctx._enqueue(action);
  }

  /** Queue a property write; the value is kept on the proxy at once, as office.js does. */
  protected _set<V>(name: string, value: V, apply: (entity: E, value: V) => void): void {
    this._fields.set(name, value);
    this._enqueue({
      wire: { path: this._path, action: "set", member: name, args: [value] },
      apply: () => {
        this._withEntity(
          (entity) => apply(entity, value),
          () => undefined,
        );
      },
    });
  }

  /** Queue a method call with no result. */
  protected _call(member: string, args: unknown[], apply: (entity: E) => void): void {
    this._enqueue({
      wire: { path: this._path, action: "call", member, args },
      apply: () => {
        this._withEntity(apply, () => undefined);
      },
    });
  }

  /** Queue a method call whose result arrives with the sync. */
  protected _callForResult<T>(member: string, args: unknown[], compute: (entity: E) => T): FakeClientResult<T> {
    const result = new FakeClientResult<T>();
    this._enqueue({
      wire: { path: this._path, action: "call", member, args },
      reads: true,
      apply: () => {
        const value = this._withEntity(compute, () => null as T);
        return { commit: () => result._settle(value), response: value };
      },
    });
    return result;
  }

  /** For *OrNullObject results: queue the existence check Office.js makes at every sync. */
  _markNullable(): this {
    this._nullable = true;
    this._enqueue({
      wire: { path: this._path, action: "probe", member: "isNullObject", args: [] },
      apply: () => {
        const exists = this._exists();
        return { commit: () => (this._nullState = !exists), response: exists };
      },
    });
    return this;
  }

  protected _exists(): boolean {
    return this._withEntity(
      () => true,
      () => false,
    );
  }

  // ---------- load ----------

  /** What a load of a null object delivers: `isNullObject` true, nothing else. */
  protected _nullResult(): Collected {
    return { commit: () => (this._nullState = true), response: null };
  }

  load(spec?: unknown): this {
    const tree = parseLoadSpec(spec);
    this._enqueue({ wire: { path: this._path, action: "load", member: "load", args: [spec ?? null] }, apply: () => this._collect(tree) });
    return this;
  }

  _collect(tree: LoadTree): Collected {
    if (!this._exists()) return this._nullResult();
    const entity = this._resolve();
    const values = new Map<string, unknown>();
    const nested: Collected[] = [];
    const names = tree.all ? [...this._scalarNames] : [...tree.props];
    for (const name of names) {
      const child = this._child(name);
      if (child) nested.push(child._collect(emptyTree(true)));
      else values.set(name, this._read(name, entity));
    }
    for (const [name, sub] of tree.children) {
      const child = this._child(name);
      if (!child) this._unknownProperty(name);
      nested.push(child._collect(sub));
    }
    return {
      commit: () => {
        this._nullState = false;
        for (const [k, v] of values) this._fields.set(k, v);
        for (const n of nested) n.commit();
      },
      response: { ...Object.fromEntries(values), ...Object.fromEntries(nested.map((n, i) => [`#${i}`, n.response])) },
    };
  }

  // ---------- conveniences Office.js objects share ----------

  /** `object.set({...})`: assign writable scalars and recurse into navigation properties. */
  set(properties: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(properties)) {
      const child = this._child(key);
      if (child && value && typeof value === "object" && !Array.isArray(value)) {
        child.set(value as Record<string, unknown>);
      } else if (this._writable.includes(key)) {
        (this as unknown as Record<string, unknown>)[key] = value;
      } else {
        throw errors.invalidArgument(`The property '${key}' of ${this._typeName} can't be set.`, `${this._typeName}.${key}`);
      }
    }
  }

  /** Loaded scalars as a plain object, like Office.js's `toJSON`. */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._fields);
  }

  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }
}

/**
 * A collection: `items` after load; `load("name")` loads `name` on every item, as does
 * `load("items/name")`; `load()` loads every scalar of every item.
 */
export abstract class FakeCollection<E, I extends Navigable> extends FakeClientObject<E> {
  /** Scalars of the collection itself (e.g. `count`), not of its items. */
  protected readonly _ownScalars: readonly string[] = [];

  get items(): I[] {
    return this._get<I[]>("items");
  }

  /** Proxies bound to the collection's current members (run at sync). */
  protected abstract _members(entity: E): I[];

  protected _read(name: string, entity: E): unknown {
    if (name === "count") return this._members(entity).length;
    return this._unknownProperty(name);
  }

  override _collect(tree: LoadTree): Collected {
    if (!this._exists()) return this._nullResult();
    const entity = this._resolve();
    const own = new Map<string, unknown>();
    const itemTree = tree.children.get("items") ?? emptyTree(tree.all || tree.props.has("items"));
    for (const name of tree.props) {
      if (name === "items") continue;
      if (this._ownScalars.includes(name)) own.set(name, this._read(name, entity));
      else itemTree.props.add(name);
    }
    for (const [name, sub] of tree.children) if (name !== "items") itemTree.children.set(name, sub);
    // `load("count")` reads only the count; anything else (or nothing) loads the items.
    const wantsItems = tree.all || tree.props.has("items") || tree.children.size > 0 || itemTree.props.size > 0;
    if (wantsItems && !itemTree.props.size && !itemTree.children.size) itemTree.all = true;
    const items = wantsItems ? this._members(entity) : [];
    const collected = items.map((item) => item._collect(itemTree));
    return {
      commit: () => {
        for (const [k, v] of own) this._fields.set(k, v);
        if (wantsItems) this._fields.set("items", items);
        for (const c of collected) c.commit();
      },
      response: collected.map((c) => c.response),
    };
  }
}
