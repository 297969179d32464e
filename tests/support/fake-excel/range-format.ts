/**
 * `Excel.RangeFormat`, `Excel.RangeFont` and `Excel.RangeFill`. Reads give the value the
 * cells share, or null when they differ ("Blank and null values in Excel add-ins").
 * Column widths and row heights are in points.
 */
import { rowCount } from "./addresses";
import { CellFormat, readText } from "./cells";
import { FakeClientObject, Navigable } from "./client-object";
import { errors } from "./errors";
import { BROADCAST_CELL_LIMIT, HORIZONTAL_ALIGNMENTS, VERTICAL_ALIGNMENTS, lineSizes, normalizeColor, uniform, writeFormat } from "./grid";
import { RangeRef, STANDARD_HEIGHT, STANDARD_WIDTH } from "./model";

abstract class FormatPart extends FakeClientObject<RangeRef> {
  protected override _gone(e: RangeRef): boolean {
    return e.sheet.deleted;
  }

  protected _setFormat<V>(name: string, value: V, check: (v: V) => void, change: (f: CellFormat, v: V) => void): void {
    this._set(name, value, (e, v) => {
      check(v);
      writeFormat(this._model, e, name, (f) => change(f, v));
    });
  }
}

function requireBoolean(v: unknown): void {
  if (typeof v !== "boolean") throw errors.invalidArgument("Expected true or false.");
}

export class FakeRangeFont extends FormatPart {
  protected readonly _typeName = "RangeFont";
  protected readonly _scalarNames = ["bold", "italic", "color", "size", "name"] as const;
  protected override readonly _writable = ["bold", "italic", "color", "size", "name"];

  protected _read(name: string, e: RangeRef): unknown {
    const m = this._model;
    switch (name) {
      case "bold":
        return uniform(m, e, (f) => f.bold, false);
      case "italic":
        return uniform(m, e, (f) => f.italic, false);
      case "color":
        return uniform(m, e, (f) => f.fontColor, "#000000");
      case "size":
        return uniform(m, e, (f) => f.fontSize, 11);
      case "name":
        // Excel's default font (assumed Calibri 11; newer builds default to Aptos Narrow).
        return uniform(m, e, (f) => f.fontName, "Calibri");
      default:
        return this._unknownProperty(name);
    }
  }

  get bold(): boolean | null {
    return this._get("bold");
  }
  set bold(v: boolean) {
    this._setFormat("bold", v, requireBoolean, (f, x) => (f.bold = x || undefined));
  }
  get italic(): boolean | null {
    return this._get("italic");
  }
  set italic(v: boolean) {
    this._setFormat("italic", v, requireBoolean, (f, x) => (f.italic = x || undefined));
  }
  get color(): string | null {
    return this._get("color");
  }
  set color(v: string) {
    this._setFormat("color", v, normalizeColor, (f, x) => (f.fontColor = normalizeColor(x)));
  }
  get size(): number | null {
    return this._get("size");
  }
  set size(v: number) {
    const check = (x: unknown) => {
      if (typeof x !== "number" || x < 1 || x > 409) throw errors.invalidArgument("Font size must be a number from 1 to 409.");
    };
    this._setFormat("size", v, check, (f, x) => (f.fontSize = x));
  }
  get name(): string | null {
    return this._get("name");
  }
  set name(v: string) {
    const check = (x: unknown) => {
      if (typeof x !== "string" || !x) throw errors.invalidArgument("A font name must be a non-empty string.");
    };
    this._setFormat("name", v, check, (f, x) => (f.fontName = x));
  }
}

export class FakeRangeFill extends FormatPart {
  protected readonly _typeName = "RangeFill";
  protected readonly _scalarNames = ["color"] as const;
  protected override readonly _writable = ["color"];

  protected _read(name: string, e: RangeRef): unknown {
    // No fill reads as white (assumed).
    if (name === "color") return uniform(this._model, e, (f) => f.fillColor, "#FFFFFF");
    return this._unknownProperty(name);
  }

  get color(): string | null {
    return this._get("color");
  }
  set color(v: string) {
    this._setFormat("color", v, normalizeColor, (f, x) => (f.fillColor = normalizeColor(x)));
  }

  clear(): void {
    this._call("clear", [], (e) => writeFormat(this._model, e, "fill", (f) => delete f.fillColor));
  }
}

export class FakeRangeFormat extends FormatPart {
  protected readonly _typeName = "RangeFormat";
  protected readonly _scalarNames = ["columnWidth", "rowHeight", "horizontalAlignment", "verticalAlignment", "wrapText"] as const;
  protected override readonly _writable = ["columnWidth", "rowHeight", "horizontalAlignment", "verticalAlignment", "wrapText"];
  private _font?: FakeRangeFont;
  private _fill?: FakeRangeFill;

  protected _read(name: string, e: RangeRef): unknown {
    const m = this._model;
    switch (name) {
      case "columnWidth":
        return lineSizes(e.sheet.columnWidths, e.rect.c0, e.rect.c1, STANDARD_WIDTH);
      case "rowHeight":
        return lineSizes(e.sheet.rowHeights, e.rect.r0, e.rect.r1, STANDARD_HEIGHT);
      case "horizontalAlignment":
        return uniform(m, e, (f) => f.horizontalAlignment, "General");
      case "verticalAlignment":
        return uniform(m, e, (f) => f.verticalAlignment, "Bottom");
      case "wrapText":
        return uniform(m, e, (f) => f.wrapText, false);
      default:
        return this._unknownProperty(name);
    }
  }

  protected override _child(name: string): Navigable | undefined {
    if (name === "font") return this.font;
    if (name === "fill") return this.fill;
    return undefined;
  }

  get font(): FakeRangeFont {
    this._font ??= new FakeRangeFont(this._ctx, `${this._path}.font`, () => this._resolve());
    return this._font;
  }

  get fill(): FakeRangeFill {
    this._fill ??= new FakeRangeFill(this._ctx, `${this._path}.fill`, () => this._resolve());
    return this._fill;
  }

  get columnWidth(): number | null {
    return this._get("columnWidth");
  }
  set columnWidth(v: number) {
    this._ctx._engine.requireApi("RangeFormat.columnWidth", "1.2");
    this._set("columnWidth", v, (e) => {
      if (typeof v !== "number" || !(v >= 0)) throw errors.invalidArgument("columnWidth must be a number of points, 0 or more.");
      for (let c = e.rect.c0; c <= e.rect.c1; c++) e.sheet.columnWidths.set(c, v);
    });
  }

  get rowHeight(): number | null {
    return this._get("rowHeight");
  }
  set rowHeight(v: number) {
    this._ctx._engine.requireApi("RangeFormat.rowHeight", "1.2");
    this._set("rowHeight", v, (e) => {
      if (typeof v !== "number" || !(v >= 0)) throw errors.invalidArgument("rowHeight must be a number of points, 0 or more.");
      if (rowCount(e.rect) > BROADCAST_CELL_LIMIT) throw errors.notImplemented("setting the height of that many rows");
      for (let r = e.rect.r0; r <= e.rect.r1; r++) e.sheet.rowHeights.set(r, v);
    });
  }

  get horizontalAlignment(): string | null {
    return this._get("horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    const check = (x: unknown) => {
      if (typeof x !== "string" || !HORIZONTAL_ALIGNMENTS.includes(x)) throw errors.invalidArgument(`'${String(x)}' is not a horizontal alignment.`);
    };
    this._setFormat("horizontalAlignment", v, check, (f, x) => (f.horizontalAlignment = x === "General" ? undefined : x));
  }

  get verticalAlignment(): string | null {
    return this._get("verticalAlignment");
  }
  set verticalAlignment(v: string) {
    const check = (x: unknown) => {
      if (typeof x !== "string" || !VERTICAL_ALIGNMENTS.includes(x)) throw errors.invalidArgument(`'${String(x)}' is not a vertical alignment.`);
    };
    this._setFormat("verticalAlignment", v, check, (f, x) => (f.verticalAlignment = x === "Bottom" ? undefined : x));
  }

  get wrapText(): boolean | null {
    return this._get("wrapText");
  }
  set wrapText(v: boolean) {
    this._setFormat("wrapText", v, requireBoolean, (f, x) => (f.wrapText = x || undefined));
  }

  /**
   * Excel measures rendered text; the fake gives each column 7 points per character of
   * its longest text plus 5, and leaves columns without text alone (approximation).
   */
  autofitColumns(): void {
    this._ctx._engine.requireApi("RangeFormat.autofitColumns", "1.2");
    this._call("autofitColumns", [], (e) => {
      const longest = new Map<number, number>();
      for (const { col, cell } of this._model.cellsIn(e.sheet, e.rect)) {
        const len = readText(cell).length || String(cell.formula ?? "").length;
        longest.set(col, Math.max(longest.get(col) ?? 0, len));
      }
      for (const [col, len] of longest) if (len > 0) e.sheet.columnWidths.set(col, len * 7 + 5);
    });
  }

  autofitRows(): void {
    this._ctx._engine.requireApi("RangeFormat.autofitRows", "1.2");
    this._call("autofitRows", [], () => undefined);
  }
}
