/**
 * `Excel.ChartCollection` and `Excel.Chart`. How a source range becomes series and where
 * a chart sits are in chart-model.ts; title, legend and axes in chart-parts.ts; series in
 * chart-series.ts. Chart names need not be unique ("If there are multiple charts with the
 * same name, the first one will be returned").
 */
import { FakeClientObject, FakeClientResult, FakeCollection, Navigable } from "./client-object";
import { checkChartType, createChart, positionChart, seriesFromSource } from "./chart-model";
import { FakeChartAxes, FakeChartLegend, FakeChartTitle } from "./chart-parts";
import { FakeChartSeriesCollection } from "./chart-series";
import type { FakeRequestContext } from "./context";
import { errors } from "./errors";
import { ChartModel, SheetModel } from "./model";
import { rangeArgument } from "./references";
import { FakeWorksheet } from "./worksheets";

export class FakeChart extends FakeClientObject<ChartModel> {
  protected readonly _typeName = "Chart";
  protected readonly _scalarNames = ["id", "name", "chartType", "top", "left", "width", "height"] as const;
  protected override readonly _writable = ["name", "chartType", "top", "left", "width", "height"];
  private _title?: FakeChartTitle;
  private _legend?: FakeChartLegend;
  private _axes?: FakeChartAxes;
  private _series?: FakeChartSeriesCollection;
  private _worksheet?: FakeWorksheet;

  constructor(ctx: FakeRequestContext, path: string, locate: () => ChartModel) {
    super(ctx, path, locate);
  }

  protected override _gone(c: ChartModel): boolean {
    return c.deleted;
  }

  protected _read(name: string, c: ChartModel): unknown {
    switch (name) {
      case "id":
        return c.id;
      case "name":
        return c.name;
      case "chartType":
        return c.chartType;
      case "top":
        return c.top;
      case "left":
        return c.left;
      case "width":
        return c.width;
      case "height":
        return c.height;
      default:
        return this._unknownProperty(name);
    }
  }

  protected override _child(name: string): Navigable | undefined {
    switch (name) {
      case "title":
        return this.title;
      case "legend":
        return this.legend;
      case "axes":
        return this.axes;
      case "series":
        return this.series;
      case "worksheet":
        return this.worksheet;
      default:
        return undefined;
    }
  }

  private readonly _chartOf = () => this._resolve();

  get title(): FakeChartTitle {
    this._title ??= new FakeChartTitle(this._ctx, `${this._path}.title`, this._chartOf, () => this._resolve().title);
    return this._title;
  }
  get legend(): FakeChartLegend {
    this._legend ??= new FakeChartLegend(this._ctx, `${this._path}.legend`, this._chartOf, () => this._resolve().legend);
    return this._legend;
  }
  get axes(): FakeChartAxes {
    this._axes ??= new FakeChartAxes(this._ctx, `${this._path}.axes`, this._chartOf, () => this._resolve().axes);
    return this._axes;
  }
  get series(): FakeChartSeriesCollection {
    this._series ??= new FakeChartSeriesCollection(this._ctx, `${this._path}.series`, () => this._resolve());
    return this._series;
  }
  get worksheet(): FakeWorksheet {
    this._worksheet ??= new FakeWorksheet(this._ctx, `${this._path}.worksheet`, () => this._resolve().sheet);
    return this._worksheet;
  }

  get id(): string {
    return this._get("id");
  }
  /** Chart names need not be unique ("If there are multiple charts with the same name, the first one will be returned"). */
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (c) => {
      if (typeof v !== "string" || v === "") throw errors.invalidArgument("A chart name must be a non-empty string.");
      c.name = v;
    });
  }
  get chartType(): string {
    return this._get("chartType");
  }
  set chartType(v: string) {
    this._set("chartType", v, (c) => (c.chartType = checkChartType(v)));
  }

  private _size(name: "top" | "left" | "width" | "height", v: number): void {
    this._set(name, v, (c) => {
      if (typeof v !== "number" || !(v >= 0)) throw errors.invalidArgument(`${name} must be a number of points, 0 or more.`);
      c[name] = v;
    });
  }
  get top(): number {
    return this._get("top");
  }
  set top(v: number) {
    this._size("top", v);
  }
  get left(): number {
    return this._get("left");
  }
  set left(v: number) {
    this._size("left", v);
  }
  get width(): number {
    return this._get("width");
  }
  set width(v: number) {
    this._size("width", v);
  }
  get height(): number {
    return this._get("height");
  }
  set height(v: number) {
    this._size("height", v);
  }

  setPosition(startCell: unknown, endCell?: unknown): void {
    this._call("setPosition", endCell === undefined ? [startCell] : [startCell, endCell], (c) => {
      const from = rangeArgument(this._model, startCell, c.sheet).rect;
      const to = endCell === undefined || endCell === null ? null : rangeArgument(this._model, endCell, c.sheet).rect;
      positionChart(c, from, to);
    });
  }

  /** Replace the series with those of a new source range. */
  setData(sourceData: unknown, seriesBy: string = "Auto"): void {
    this._call("setData", [sourceData, seriesBy], (c) => {
      if (seriesBy !== "Auto" && seriesBy !== "Columns" && seriesBy !== "Rows") throw errors.invalidArgument(`'${seriesBy}' is not a ChartSeriesBy value.`);
      for (const s of c.series) s.deleted = true;
      c.series = seriesFromSource(this._model, rangeArgument(this._model, sourceData, null), seriesBy);
    });
  }

  activate(): void {
    this._ctx._engine.requireApi("Chart.activate", "1.9");
    this._call("activate", [], () => undefined);
  }

  delete(): void {
    this._call("delete", [], (c) => this._model.removeChart(c));
  }
}

export class FakeChartCollection extends FakeCollection<SheetModel, FakeChart> {
  protected readonly _typeName = "ChartCollection";
  protected readonly _scalarNames = ["count"] as const;
  protected override readonly _ownScalars = ["count"];

  constructor(ctx: FakeRequestContext, path: string, locate: () => SheetModel) {
    super(ctx, path, locate);
  }

  protected override _gone(s: SheetModel): boolean {
    return s.deleted;
  }

  protected _members(s: SheetModel): FakeChart[] {
    return this._model.liveCharts(s).map((c) => {
      const proxy = new FakeChart(this._ctx, `${this._path}.getItem(${JSON.stringify(c.id)})`, () => c);
      proxy._bindTo(c);
      return proxy;
    });
  }

  get count(): number {
    return this._get("count");
  }

  add(type: string, sourceData: unknown, seriesBy?: string): FakeChart {
    const proxy = new FakeChart(this._ctx, `${this._path}.add(${JSON.stringify(type)})`, () => {
      throw errors.generalException("The chart was not added.");
    });
    this._call("add", [type, sourceData, seriesBy ?? "Auto"], (s) => {
      proxy._bindTo(createChart(this._model, s, type, rangeArgument(this._model, sourceData, null), seriesBy));
    });
    return proxy;
  }

  private _find(s: SheetModel, name: string): ChartModel {
    const chart = this._model.liveCharts(s).find((c) => c.name === name);
    if (!chart) throw errors.itemNotFound(`The chart '${name}' doesn't exist on '${s.name}'.`);
    return chart;
  }

  getItem(name: string): FakeChart {
    return new FakeChart(this._ctx, `${this._path}.getItem(${JSON.stringify(name)})`, () => this._find(this._resolve(), name));
  }

  getItemOrNullObject(name: string): FakeChart {
    this._ctx._engine.requireApi("ChartCollection.getItemOrNullObject", "1.4");
    return new FakeChart(this._ctx, `${this._path}.getItemOrNullObject(${JSON.stringify(name)})`, () => this._find(this._resolve(), name))._markNullable();
  }

  getItemAt(index: number): FakeChart {
    return new FakeChart(this._ctx, `${this._path}.getItemAt(${index})`, () => {
      const chart = this._model.liveCharts(this._resolve())[index];
      if (!chart) throw errors.itemNotFound(`There is no chart at index ${index}.`);
      return chart;
    });
  }

  getCount(): FakeClientResult<number> {
    this._ctx._engine.requireApi("ChartCollection.getCount", "1.4");
    return this._callForResult("getCount", [], (s) => this._model.liveCharts(s).length);
  }
}

/** For inspection: "Data!B2:B9" style text of a binding (sheet quoted when needed). */
