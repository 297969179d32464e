/**
 * `Excel.NamedItemCollection` and `Excel.NamedItem` (workbook scope).
 * `add(name, reference, comment)` takes a Range or a formula string; a Range is stored
 * as an absolute reference with its sheet (=Data!$B$2:$B$9). Names follow Excel's rules
 * (name-rules.ts) and share one namespace with table names; a taken name fails with
 * ItemAlreadyExists (assumed code). References follow sheet renames and deletions.
 */
import { FakeClientObject, FakeClientResult, FakeCollection } from "./client-object";
import type { FakeRequestContext } from "./context";
import { errors } from "./errors";
import { NameModel, WorkbookModel } from "./model";
import { definedNameError } from "./name-rules";
import { FakeRange } from "./range";
import { absoluteFormula, nameTarget, rangeArgument } from "./references";

function nameType(model: WorkbookModel, n: NameModel): string {
  if (n.formula.includes("#REF!")) return "Error";
  if (nameTarget(model, n)) return "Range";
  const constant = n.formula.replace(/^=/, "");
  if (/^(true|false)$/i.test(constant)) return "Boolean";
  if (constant !== "" && Number.isFinite(Number(constant))) return "Double";
  return "String";
}

export class FakeNamedItem extends FakeClientObject<NameModel> {
  protected readonly _typeName = "NamedItem";
  protected readonly _scalarNames = ["name", "type", "value", "formula", "comment", "visible", "scope"] as const;
  protected override readonly _writable = ["formula", "comment", "visible"];

  constructor(ctx: FakeRequestContext, path: string, locate: () => NameModel) {
    super(ctx, path, locate);
  }

  protected override _gone(n: NameModel): boolean {
    return n.deleted;
  }

  protected _read(name: string, n: NameModel): unknown {
    switch (name) {
      case "name":
        return n.name;
      case "formula":
        return n.formula;
      case "comment":
        return n.comment;
      case "visible":
        return n.visible;
      case "scope":
        return "Workbook";
      case "type":
        return nameType(this._model, n);
      case "value":
        // A range name's value is its address without "=" (e.g. Data!$B$2:$B$9).
        return n.formula.replace(/^=/, "");
      default:
        return this._unknownProperty(name);
    }
  }

  get name(): string {
    return this._get("name");
  }
  get type(): string {
    return this._get("type");
  }
  get value(): string {
    return this._get("value");
  }
  get scope(): string {
    return this._get("scope");
  }
  get formula(): string {
    return this._get("formula");
  }
  set formula(v: string) {
    this._ctx._engine.requireApi("NamedItem.formula", "1.7");
    this._set("formula", v, (n) => {
      if (typeof v !== "string" || v === "") throw errors.invalidArgument("A name's formula must be a non-empty string.");
      n.formula = v.startsWith("=") ? v : `=${v}`;
    });
  }
  get comment(): string {
    return this._get("comment");
  }
  set comment(v: string) {
    this._ctx._engine.requireApi("NamedItem.comment", "1.4");
    this._set("comment", v, (n) => (n.comment = String(v)));
  }
  get visible(): boolean {
    return this._get("visible");
  }
  set visible(v: boolean) {
    this._set("visible", v, (n) => (n.visible = !!v));
  }

  /** The name's cells; InvalidOperation when it isn't a range (assumed code). */
  getRange(): FakeRange {
    return new FakeRange(this._ctx, `${this._path}.getRange()`, () => {
      const target = nameTarget(this._model, this._resolve());
      if (!target) throw errors.invalidOperation("The name doesn't refer to a range.");
      return target;
    });
  }

  getRangeOrNullObject(): FakeRange {
    this._ctx._engine.requireApi("NamedItem.getRangeOrNullObject", "1.4");
    return new FakeRange(this._ctx, `${this._path}.getRangeOrNullObject()`, () => {
      const target = nameTarget(this._model, this._resolve());
      if (!target) throw errors.itemNotFound("The name doesn't refer to a range.");
      return target;
    })._markNullable();
  }

  delete(): void {
    this._ctx._engine.requireApi("NamedItem.delete", "1.4");
    this._call("delete", [], (n) => {
      n.deleted = true;
      this._model.names.splice(this._model.names.indexOf(n), 1);
    });
  }
}

export class FakeNamedItemCollection extends FakeCollection<null, FakeNamedItem> {
  protected readonly _typeName = "NamedItemCollection";
  protected readonly _scalarNames = [] as const;

  constructor(ctx: FakeRequestContext, path: string) {
    super(ctx, path, () => null);
  }

  protected _members(): FakeNamedItem[] {
    return this._model.names.map((n) => {
      const proxy = new FakeNamedItem(this._ctx, `${this._path}.getItem(${JSON.stringify(n.name)})`, () => n);
      proxy._bindTo(n);
      return proxy;
    });
  }

  add(name: string, reference: unknown, comment?: string): FakeNamedItem {
    this._ctx._engine.requireApi("NamedItemCollection.add", "1.4");
    const proxy = new FakeNamedItem(this._ctx, `${this._path}.add(${JSON.stringify(name)})`, () => {
      throw errors.generalException("The name was not added.");
    });
    this._call("add", [name, reference, ...(comment === undefined ? [] : [comment])], () => {
      const model = this._model;
      const invalid = definedNameError(name, "name");
      if (invalid) throw invalid;
      if (model.nameTaken(name)) throw errors.itemAlreadyExists(`The name '${name}' is already used by a name or a table.`);
      let formula: string;
      if (typeof reference === "string") {
        if (reference === "") throw errors.invalidArgument("A name needs a reference.");
        formula = reference.startsWith("=") ? reference : `=${reference}`;
      } else {
        formula = absoluteFormula(rangeArgument(model, reference, null));
      }
      const created: NameModel = { name, formula, comment: comment ?? "", visible: true, deleted: false };
      model.names.push(created);
      proxy._bindTo(created);
    });
    return proxy;
  }

  private _find(name: string): NameModel {
    const found = this._model.findName(name);
    if (!found) throw errors.itemNotFound(`The name '${name}' doesn't exist.`);
    return found;
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this._ctx, `${this._path}.getItem(${JSON.stringify(name)})`, () => this._find(name));
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    this._ctx._engine.requireApi("NamedItemCollection.getItemOrNullObject", "1.4");
    return new FakeNamedItem(this._ctx, `${this._path}.getItemOrNullObject(${JSON.stringify(name)})`, () => this._find(name))._markNullable();
  }

  getCount(): FakeClientResult<number> {
    this._ctx._engine.requireApi("NamedItemCollection.getCount", "1.4");
    return this._callForResult("getCount", [], () => this._model.names.length);
  }
}
