/**
 * `Excel.CustomXmlPartCollection`, `Excel.CustomXmlPartScopedCollection` and
 * `Excel.CustomXmlPart` (ExcelApi 1.5). Content must be well-formed XML (xml.ts).
 * `getByNamespace` matches the root element's namespace exactly; `getOnlyItem` needs
 * exactly one match (ItemNotFound when none, InvalidOperation when several: assumed
 * codes), `getOnlyItemOrNullObject` gives a null object otherwise (documented).
 * `getXml` returns the text as stored (Excel may add an XML declaration; not modelled).
 */
import { FakeClientObject, FakeClientResult, FakeCollection } from "./client-object";
import type { FakeRequestContext } from "./context";
import { errors } from "./errors";
import { PartModel, fakeGuid } from "./model";
import { rootNamespace, xmlError } from "./xml";

export class FakeCustomXmlPart extends FakeClientObject<PartModel> {
  protected readonly _typeName = "CustomXmlPart";
  protected readonly _scalarNames = ["id", "namespaceUri"] as const;

  constructor(ctx: FakeRequestContext, path: string, locate: () => PartModel) {
    super(ctx, path, locate);
  }

  protected override _gone(p: PartModel): boolean {
    return p.deleted;
  }

  protected _read(name: string, p: PartModel): unknown {
    if (name === "id") return p.id;
    if (name === "namespaceUri") return p.namespaceUri;
    return this._unknownProperty(name);
  }

  get id(): string {
    return this._get("id");
  }
  get namespaceUri(): string {
    return this._get("namespaceUri");
  }

  getXml(): FakeClientResult<string> {
    return this._callForResult("getXml", [], (p) => p.xml);
  }

  setXml(xml: string): void {
    this._call("setXml", [xml], (p) => {
      const invalid = xmlError(xml);
      if (invalid) throw invalid;
      p.xml = xml;
      p.namespaceUri = rootNamespace(xml);
    });
  }

  delete(): void {
    this._call("delete", [], (p) => {
      p.deleted = true;
      this._model.parts.splice(this._model.parts.indexOf(p), 1);
    });
  }
}

abstract class PartList<E> extends FakeCollection<E, FakeCustomXmlPart> {
  protected readonly _scalarNames = [] as const;

  /** The parts this collection holds (run at sync). */
  protected abstract _parts(entity: E): PartModel[];

  protected _members(entity: E): FakeCustomXmlPart[] {
    return this._parts(entity).map((p) => {
      const proxy = new FakeCustomXmlPart(this._ctx, `${this._path}.getItem(${JSON.stringify(p.id)})`, () => p);
      proxy._bindTo(p);
      return proxy;
    });
  }

  private _byId(id: string): PartModel {
    const part = this._parts(this._resolve()).find((p) => p.id.toLowerCase() === String(id).toLowerCase());
    if (!part) throw errors.itemNotFound(`The custom XML part '${id}' doesn't exist.`);
    return part;
  }

  getItem(id: string): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this._ctx, `${this._path}.getItem(${JSON.stringify(id)})`, () => this._byId(id));
  }

  getItemOrNullObject(id: string): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this._ctx, `${this._path}.getItemOrNullObject(${JSON.stringify(id)})`, () => this._byId(id))._markNullable();
  }

  getCount(): FakeClientResult<number> {
    return this._callForResult("getCount", [], (e) => this._parts(e).length);
  }
}

export class FakeCustomXmlPartScopedCollection extends PartList<string> {
  protected readonly _typeName = "CustomXmlPartScopedCollection";

  protected _parts(namespaceUri: string): PartModel[] {
    return this._model.parts.filter((p) => p.namespaceUri === namespaceUri);
  }

  private _only(): PartModel {
    const parts = this._parts(this._resolve());
    if (parts.length === 0) throw errors.itemNotFound("No custom XML part has that namespace.");
    if (parts.length > 1) throw errors.invalidOperation(`${parts.length} custom XML parts have that namespace.`);
    return parts[0];
  }

  getOnlyItem(): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this._ctx, `${this._path}.getOnlyItem()`, () => this._only());
  }

  getOnlyItemOrNullObject(): FakeCustomXmlPart {
    const proxy = new FakeCustomXmlPart(this._ctx, `${this._path}.getOnlyItemOrNullObject()`, () => {
      const parts = this._parts(this._resolve());
      if (parts.length !== 1) throw errors.itemNotFound("There isn't exactly one custom XML part with that namespace.");
      return parts[0];
    });
    return proxy._markNullable();
  }
}

export class FakeCustomXmlPartCollection extends PartList<null> {
  protected readonly _typeName = "CustomXmlPartCollection";

  constructor(ctx: FakeRequestContext, path: string) {
    super(ctx, path, () => null);
  }

  protected _parts(): PartModel[] {
    return this._model.parts;
  }

  add(xml: string): FakeCustomXmlPart {
    const proxy = new FakeCustomXmlPart(this._ctx, `${this._path}.add()`, () => {
      throw errors.generalException("The custom XML part was not added.");
    });
    this._call("add", [xml], () => {
      const invalid = xmlError(xml);
      if (invalid) throw invalid;
      const part: PartModel = { id: fakeGuid(0xc0, this._model.next("part")), xml, namespaceUri: rootNamespace(xml), deleted: false };
      this._model.parts.push(part);
      proxy._bindTo(part);
    });
    return proxy;
  }

  getByNamespace(namespaceUri: string): FakeCustomXmlPartScopedCollection {
    return new FakeCustomXmlPartScopedCollection(this._ctx, `${this._path}.getByNamespace(${JSON.stringify(namespaceUri)})`, () => {
      if (typeof namespaceUri !== "string") throw errors.invalidArgument("getByNamespace needs a namespace URI.");
      return namespaceUri;
    });
  }
}
