/** `chart.title`, `chart.legend`, `chart.axes` and an axis with its title. */
import { FakeClientObject, Navigable } from "./client-object";
import type { FakeRequestContext } from "./context";
import { LEGEND_POSITIONS } from "./enums";
import { errors } from "./errors";
import { AxisModel, ChartModel } from "./model";

export abstract class ChartPart<E> extends FakeClientObject<E> {
  constructor(
    ctx: FakeRequestContext,
    path: string,
    protected readonly _chart: () => ChartModel,
    locate: () => E,
  ) {
    super(ctx, path, locate);
  }

  protected override _gone(): boolean {
    return this._chart().deleted;
  }
}

type TitleModel = { text: string; visible: boolean };

/** `chart.title` and `axis.title`: setting text shows the title (assumed, as in Excel's UI). */
export class FakeChartTitle extends ChartPart<TitleModel> {
  protected readonly _typeName: string = "ChartTitle";
  protected readonly _scalarNames = ["text", "visible"] as const;
  protected override readonly _writable = ["text", "visible"];

  protected _read(name: string, t: TitleModel): unknown {
    if (name === "text") return t.text;
    if (name === "visible") return t.visible;
    return this._unknownProperty(name);
  }

  get text(): string {
    return this._get("text");
  }
  set text(v: string) {
    this._set("text", v, (t) => {
      if (typeof v !== "string") throw errors.invalidArgument("A title must be a string.");
      t.text = v;
      t.visible = v !== "";
    });
  }
  get visible(): boolean {
    return this._get("visible");
  }
  set visible(v: boolean) {
    this._set("visible", v, (t) => {
      if (typeof v !== "boolean") throw errors.invalidArgument("visible must be true or false.");
      t.visible = v;
    });
  }
}

export class FakeChartAxisTitle extends FakeChartTitle {
  protected override readonly _typeName = "ChartAxisTitle";
}

export class FakeChartLegend extends ChartPart<ChartModel["legend"]> {
  protected readonly _typeName = "ChartLegend";
  protected readonly _scalarNames = ["position", "visible"] as const;
  protected override readonly _writable = ["position", "visible"];

  protected _read(name: string, l: ChartModel["legend"]): unknown {
    if (name === "position") return l.position;
    if (name === "visible") return l.visible;
    return this._unknownProperty(name);
  }

  get position(): string {
    return this._get("position");
  }
  set position(v: string) {
    this._set("position", v, (l) => {
      if (typeof v !== "string" || !LEGEND_POSITIONS.includes(v)) throw errors.invalidArgument(`'${String(v)}' is not a legend position.`);
      l.position = v;
    });
  }
  get visible(): boolean {
    return this._get("visible");
  }
  set visible(v: boolean) {
    this._set("visible", v, (l) => {
      if (typeof v !== "boolean") throw errors.invalidArgument("visible must be true or false.");
      l.visible = v;
    });
  }
}

export class FakeChartAxis extends ChartPart<AxisModel> {
  protected readonly _typeName = "ChartAxis";
  protected readonly _scalarNames = ["numberFormat", "minimum", "maximum"] as const;
  protected override readonly _writable = ["numberFormat", "minimum", "maximum"];
  private _title?: FakeChartAxisTitle;

  protected _read(name: string, a: AxisModel): unknown {
    if (name === "numberFormat") return a.numberFormat;
    if (name === "minimum") return a.minimum;
    if (name === "maximum") return a.maximum;
    return this._unknownProperty(name);
  }

  protected override _child(name: string): Navigable | undefined {
    return name === "title" ? this.title : undefined;
  }

  get title(): FakeChartAxisTitle {
    this._title ??= new FakeChartAxisTitle(this._ctx, `${this._path}.title`, this._chart, () => this._resolve().title);
    return this._title;
  }

  get numberFormat(): string {
    return this._get("numberFormat");
  }
  set numberFormat(v: string) {
    this._ctx._engine.requireApi("ChartAxis.numberFormat", "1.8");
    this._set("numberFormat", v, (a) => {
      if (typeof v !== "string") throw errors.invalidArgument("numberFormat must be a string.");
      a.numberFormat = v || "General";
    });
  }
  get minimum(): number | null {
    return this._get("minimum");
  }
  set minimum(v: number) {
    this._set("minimum", v, (a) => (a.minimum = v));
  }
  get maximum(): number | null {
    return this._get("maximum");
  }
  set maximum(v: number) {
    this._set("maximum", v, (a) => (a.maximum = v));
  }
}

export class FakeChartAxes extends ChartPart<ChartModel["axes"]> {
  protected readonly _typeName = "ChartAxes";
  protected readonly _scalarNames = [] as const;
  private _value?: FakeChartAxis;
  private _category?: FakeChartAxis;

  protected _read(name: string): unknown {
    return this._unknownProperty(name);
  }

  protected override _child(name: string): Navigable | undefined {
    if (name === "valueAxis") return this.valueAxis;
    if (name === "categoryAxis") return this.categoryAxis;
    return undefined;
  }

  get valueAxis(): FakeChartAxis {
    this._value ??= new FakeChartAxis(this._ctx, `${this._path}.valueAxis`, this._chart, () => this._resolve().value);
    return this._value;
  }

  get categoryAxis(): FakeChartAxis {
    this._category ??= new FakeChartAxis(this._ctx, `${this._path}.categoryAxis`, this._chart, () => this._resolve().category);
    return this._category;
  }
}
