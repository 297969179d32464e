/** `context.workbook` and `workbook.application`. */
import { rect } from "./addresses";
import { FakeClientObject, Navigable } from "./client-object";
import type { FakeRequestContext } from "./context";
import { FakeCustomXmlPartCollection } from "./custom-xml";
import { errors } from "./errors";
import { FakeNamedItemCollection } from "./names";
import { FakeRange } from "./range";
import { FakeTableCollection } from "./tables";
import { FakeWorksheetCollection } from "./worksheets";

const CALCULATION_MODES = ["Automatic", "AutomaticExceptTables", "Manual"];

/**
 * `suspendApiCalculationUntilNextSync` / `suspendScreenUpdatingUntilNextSync` are queued
 * like any command and change nothing the fake can show (it doesn't calculate or draw).
 */
export class FakeApplication extends FakeClientObject<null> {
  protected readonly _typeName = "Application";
  protected readonly _scalarNames = ["calculationMode"] as const;
  protected override readonly _writable = ["calculationMode"];

  protected _read(name: string): unknown {
    if (name === "calculationMode") return this._model.calculationMode;
    return this._unknownProperty(name);
  }

  get calculationMode(): string {
    return this._get("calculationMode");
  }
  set calculationMode(v: string) {
    this._ctx._engine.requireApi("Application.calculationMode (set)", "1.8");
    this._set("calculationMode", v, () => {
      if (!CALCULATION_MODES.includes(v)) throw errors.invalidArgument(`'${v}' is not a calculation mode.`);
      this._model.calculationMode = v;
    });
  }

  calculate(calculationType: string): void {
    this._call("calculate", [calculationType], () => undefined);
  }

  suspendApiCalculationUntilNextSync(): void {
    this._ctx._engine.requireApi("Application.suspendApiCalculationUntilNextSync", "1.6");
    this._call("suspendApiCalculationUntilNextSync", [], () => undefined);
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this._ctx._engine.requireApi("Application.suspendScreenUpdatingUntilNextSync", "1.9");
    this._call("suspendScreenUpdatingUntilNextSync", [], () => undefined);
  }
}

export class FakeWorkbook extends FakeClientObject<null> {
  protected readonly _typeName = "Workbook";
  protected readonly _scalarNames = ["name"] as const;
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly names: FakeNamedItemCollection;
  readonly application: FakeApplication;
  private _customXmlParts?: FakeCustomXmlPartCollection;

  constructor(ctx: FakeRequestContext) {
    super(ctx, "workbook", () => null);
    this.worksheets = new FakeWorksheetCollection(ctx, "workbook.worksheets");
    this.tables = new FakeTableCollection(ctx, "workbook.tables", () => null);
    this.names = new FakeNamedItemCollection(ctx, "workbook.names");
    this.application = new FakeApplication(ctx, "workbook.application", () => null);
  }

  protected _read(name: string): unknown {
    if (name === "name") return this._model.name;
    return this._unknownProperty(name);
  }

  protected override _child(name: string): Navigable | undefined {
    switch (name) {
      case "worksheets":
        return this.worksheets;
      case "tables":
        return this.tables;
      case "names":
        return this.names;
      case "application":
        return this.application;
      default:
        return undefined;
    }
  }

  get name(): string {
    return this._get("name");
  }

  get customXmlParts(): FakeCustomXmlPartCollection {
    this._ctx._engine.requireApi("Workbook.customXmlParts", "1.5");
    this._customXmlParts ??= new FakeCustomXmlPartCollection(this._ctx, "workbook.customXmlParts");
    return this._customXmlParts;
  }

  /** The selected range; the top-left cell of the active sheet until a test selects something. */
  getSelectedRange(): FakeRange {
    return new FakeRange(this._ctx, "workbook.getSelectedRange()", () => this._model.selection ?? { sheet: this._model.activeSheet, rect: rect(0, 0) });
  }

  getActiveCell(): FakeRange {
    this._ctx._engine.requireApi("Workbook.getActiveCell", "1.7");
    return new FakeRange(this._ctx, "workbook.getActiveCell()", () => {
      const sel = this._model.selection;
      return sel ? { sheet: sel.sheet, rect: rect(sel.rect.r0, sel.rect.c0) } : { sheet: this._model.activeSheet, rect: rect(0, 0) };
    });
  }
}
