/**
 * `Excel.PageLayout` (ExcelApi 1.9), `HeaderFooterGroup`, `HeaderFooter` and the
 * worksheet's `horizontalPageBreaks`: what a sheet prints. Modelled: orientation, paper
 * size, zoom (a scale of 10–400 or pages to fit to), the print area and title rows (kept
 * as cells of the sheet, so a renamed sheet keeps them, as in Excel), the six header and
 * footer texts of `defaultForAllPages`, and manual page breaks (the row a page starts at).
 * A header or footer text over 255 characters is refused with InvalidArgument (assumed:
 * Excel's page setup dialog refuses such a text; the API's answer is not documented).
 */
import type { Rect } from "./addresses";
import { FakeClientObject, Navigable } from "./client-object";
import { errors } from "./errors";
import type { SheetModel } from "./model";
import { rangeArgument } from "./references";

export type HeaderFooterField = "leftHeader" | "centerHeader" | "rightHeader" | "leftFooter" | "centerFooter" | "rightFooter";
const HEADER_FOOTER_FIELDS: readonly HeaderFooterField[] = ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"];

export interface PageLayoutModel {
  orientation: "Portrait" | "Landscape";
  paperSize: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printArea: Rect | null;
  /** 0-based first and last row repeated at the top of every page. */
  printTitleRows: { r0: number; r1: number } | null;
  headerFooter: Record<HeaderFooterField, string>;
  /** 0-based rows a manual page break puts at the top of a page. */
  rowBreaks: number[];
}

export function newPageLayout(): PageLayoutModel {
  return {
    orientation: "Portrait",
    paperSize: "Letter",
    zoom: { scale: 100 },
    printArea: null,
    printTitleRows: null,
    headerFooter: { leftHeader: "", centerHeader: "", rightHeader: "", leftFooter: "", centerFooter: "", rightFooter: "" },
    rowBreaks: [],
  };
}

export function copyPageLayout(p: PageLayoutModel): PageLayoutModel {
  return { ...p, zoom: { ...p.zoom }, printArea: p.printArea ? { ...p.printArea } : null, printTitleRows: p.printTitleRows ? { ...p.printTitleRows } : null, headerFooter: { ...p.headerFooter }, rowBreaks: [...p.rowBreaks] };
}

const PAPER_SIZES = new Set(["Letter", "Legal", "A3", "A4", "A5", "B4", "B5"]);
const HEADER_FOOTER_MAX = 255;

const pagesValue = (v: unknown, what: string): number => {
  if (!Number.isInteger(v) || (v as number) < 0 || (v as number) > 32_767) throw errors.invalidArgument(`${what} must be a whole number of pages, 0 or more.`);
  return v as number;
};

/** An object of a worksheet's page setup: gone with its sheet. */
abstract class FakeSheetPart extends FakeClientObject<SheetModel> {
  protected override _gone(s: SheetModel): boolean {
    return s.deleted;
  }
}

export class FakePageLayout extends FakeSheetPart {
  protected readonly _typeName = "PageLayout";
  protected readonly _scalarNames = ["orientation", "paperSize", "zoom"] as const;
  protected override readonly _writable = ["orientation", "paperSize", "zoom"];
  private _headersFooters?: FakeHeaderFooterGroup;

  protected _read(name: string, s: SheetModel): unknown {
    switch (name) {
      case "orientation":
        return s.pageLayout.orientation;
      case "paperSize":
        return s.pageLayout.paperSize;
      case "zoom":
        return { ...s.pageLayout.zoom };
      default:
        return this._unknownProperty(name);
    }
  }

  protected override _child(name: string): Navigable | undefined {
    return name === "headersFooters" ? this.headersFooters : undefined;
  }

  get orientation(): string {
    return this._get("orientation");
  }
  set orientation(v: string) {
    this._set("orientation", v, (s) => {
      if (v !== "Portrait" && v !== "Landscape") throw errors.invalidArgument("orientation must be Portrait or Landscape.");
      s.pageLayout.orientation = v;
    });
  }

  get paperSize(): string {
    return this._get("paperSize");
  }
  set paperSize(v: string) {
    this._set("paperSize", v, (s) => {
      if (!PAPER_SIZES.has(v)) throw errors.invalidArgument(`paperSize '${String(v)}' is not one the fake models.`);
      s.pageLayout.paperSize = v;
    });
  }

  get zoom(): PageLayoutModel["zoom"] {
    return this._get("zoom");
  }
  /** Set as one object (Office.js: "use x.zoom = {...}"): a scale, or pages to fit to (0: that direction is free). */
  set zoom(v: { scale?: number | null; horizontalFitToPages?: number | null; verticalFitToPages?: number | null }) {
    this._set("zoom", v, (s) => {
      if (!v || typeof v !== "object") throw errors.invalidArgument("zoom must be an object.");
      const fit = v.horizontalFitToPages != null || v.verticalFitToPages != null;
      if (fit) {
        s.pageLayout.zoom = {
          horizontalFitToPages: pagesValue(v.horizontalFitToPages ?? 0, "horizontalFitToPages"),
          verticalFitToPages: pagesValue(v.verticalFitToPages ?? 0, "verticalFitToPages"),
        };
      } else if (v.scale != null) {
        if (!Number.isInteger(v.scale) || v.scale < 10 || v.scale > 400) throw errors.invalidArgument("scale must be 10–400.");
        s.pageLayout.zoom = { scale: v.scale };
      } else throw errors.invalidArgument("zoom needs a scale or pages to fit to.");
    });
  }

  get headersFooters(): FakeHeaderFooterGroup {
    this._headersFooters ??= new FakeHeaderFooterGroup(this._ctx, `${this._path}.headersFooters`, () => this._resolve());
    return this._headersFooters;
  }

  setPrintArea(printArea: unknown): void {
    this._call("setPrintArea", [typeof printArea === "string" ? printArea : "<Range>"], (s) => {
      s.pageLayout.printArea = { ...rangeArgument(this._model, printArea, s).rect };
    });
  }

  /** Whole rows ("$7:$7") or any range on the sheet (its rows are taken). */
  setPrintTitleRows(printTitleRows: unknown): void {
    this._call("setPrintTitleRows", [typeof printTitleRows === "string" ? printTitleRows : "<Range>"], (s) => {
      const { rect } = rangeArgument(this._model, printTitleRows, s);
      s.pageLayout.printTitleRows = { r0: rect.r0, r1: rect.r1 };
    });
  }
}

export class FakeHeaderFooterGroup extends FakeSheetPart {
  protected readonly _typeName = "HeaderFooterGroup";
  protected readonly _scalarNames = [] as const;
  private _default?: FakeHeaderFooter;

  protected _read(name: string): unknown {
    return this._unknownProperty(name);
  }

  protected override _child(name: string): Navigable | undefined {
    return name === "defaultForAllPages" ? this.defaultForAllPages : undefined;
  }

  get defaultForAllPages(): FakeHeaderFooter {
    this._default ??= new FakeHeaderFooter(this._ctx, `${this._path}.defaultForAllPages`, () => this._resolve());
    return this._default;
  }
}

/** The six texts of a header and footer; each property is defined below, from HEADER_FOOTER_FIELDS. */
export class FakeHeaderFooter extends FakeSheetPart {
  protected readonly _typeName = "HeaderFooter";
  protected readonly _scalarNames = HEADER_FOOTER_FIELDS;
  protected override readonly _writable = HEADER_FOOTER_FIELDS;
  declare leftHeader: string;
  declare centerHeader: string;
  declare rightHeader: string;
  declare leftFooter: string;
  declare centerFooter: string;
  declare rightFooter: string;

  protected _read(name: string, s: SheetModel): unknown {
    if ((HEADER_FOOTER_FIELDS as readonly string[]).includes(name)) return s.pageLayout.headerFooter[name as HeaderFooterField];
    return this._unknownProperty(name);
  }

  _getText(field: HeaderFooterField): string {
    return this._get(field);
  }

  _setText(field: HeaderFooterField, v: string): void {
    this._set(field, v, (s) => {
      if (typeof v !== "string") throw errors.invalidArgument(`${field} must be text.`);
      if (v.length > HEADER_FOOTER_MAX) throw errors.invalidArgument(`${field} has ${v.length} characters; a header or footer takes ${HEADER_FOOTER_MAX}.`);
      s.pageLayout.headerFooter[field] = v;
    });
  }
}

for (const field of HEADER_FOOTER_FIELDS) {
  Object.defineProperty(FakeHeaderFooter.prototype, field, {
    get(this: FakeHeaderFooter) {
      return this._getText(field);
    },
    set(this: FakeHeaderFooter, v: string) {
      this._setText(field, v);
    },
  });
}

/** `worksheet.horizontalPageBreaks`: `add(range)` puts a page break above the range's first row. */
export class FakePageBreakCollection extends FakeSheetPart {
  protected readonly _typeName = "PageBreakCollection";
  protected readonly _scalarNames = [] as const;

  protected _read(name: string): unknown {
    return this._unknownProperty(name);
  }

  add(pageBreakRange: unknown): void {
    this._call("add", [typeof pageBreakRange === "string" ? pageBreakRange : "<Range>"], (s) => {
      const { rect } = rangeArgument(this._model, pageBreakRange, s);
      if (rect.r0 === 0) throw errors.invalidArgument("A page break can't be put above the first row.");
      if (!s.pageLayout.rowBreaks.includes(rect.r0)) s.pageLayout.rowBreaks = [...s.pageLayout.rowBreaks, rect.r0].sort((a, b) => a - b);
    });
  }

  removePageBreaks(): void {
    this._call("removePageBreaks", [], (s) => (s.pageLayout.rowBreaks = []));
  }
}
