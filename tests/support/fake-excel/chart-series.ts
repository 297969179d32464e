/**
 * `Excel.ChartSeriesCollection` and `Excel.ChartSeries` (adding series and binding them
 * to cells needs ExcelApi 1.7). Each series remembers the sheet and cells of its values
 * and categories; the binding follows its sheet through renames and turns into #REF!
 * when the sheet is deleted, as Excel's series formulas do.
 */
import { Rect } from "./addresses";
import { readText } from "./cells";
import { checkChartType, newSeries, seriesSource, sourceString } from "./chart-model";
import { ChartPart } from "./chart-parts";
import { FakeClientResult, FakeCollection } from "./client-object";
import { errors } from "./errors";
import { ChartModel, RangeRef, SeriesModel } from "./model";
import { rangeArgument } from "./references";

const DIMENSIONS = ["Values", "Categories", "XValues", "YValues"];

export class FakeChartSeries extends ChartPart<SeriesModel> {
  protected readonly _typeName = "ChartSeries";
  protected readonly _scalarNames = ["name", "chartType", "hasDataLabels"] as const;
  protected override readonly _writable = ["name", "chartType", "hasDataLabels"];

  protected override _gone(s?: SeriesModel): boolean {
    return this._chart().deleted || !!s?.deleted;
  }

  protected _read(name: string, s: SeriesModel): unknown {
    if (name === "name") return s.name;
    if (name === "chartType") return s.chartType ?? this._chart().chartType;
    if (name === "hasDataLabels") return s.hasDataLabels;
    return this._unknownProperty(name);
  }

  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (s) => {
      if (typeof v !== "string") throw errors.invalidArgument("A series name must be a string.");
      s.name = v;
    });
  }
  get chartType(): string {
    return this._get("chartType");
  }
  set chartType(v: string) {
    this._ctx._engine.requireApi("ChartSeries.chartType", "1.7");
    this._set("chartType", v, (s) => (s.chartType = checkChartType(v)));
  }
  get hasDataLabels(): boolean {
    return this._get("hasDataLabels");
  }
  set hasDataLabels(v: boolean) {
    this._ctx._engine.requireApi("ChartSeries.hasDataLabels", "1.7");
    this._set("hasDataLabels", v, (s) => (s.hasDataLabels = !!v));
  }

  setValues(sourceData: unknown): void {
    this._ctx._engine.requireApi("ChartSeries.setValues", "1.7");
    this._call("setValues", [sourceData], (s) => (s.values = seriesSource(rangeArgument(this._model, sourceData, null))));
  }

  setXAxisValues(sourceData: unknown): void {
    this._ctx._engine.requireApi("ChartSeries.setXAxisValues", "1.7");
    this._call("setXAxisValues", [sourceData], (s) => (s.categories = seriesSource(rangeArgument(this._model, sourceData, null))));
  }

  delete(): void {
    this._ctx._engine.requireApi("ChartSeries.delete", "1.7");
    this._call("delete", [], (s) => {
      s.deleted = true;
      const chart = this._chart();
      chart.series.splice(chart.series.indexOf(s), 1);
    });
  }

  /** "=Data!$B$2:$B$9" for the dimension's source (the string format is assumed). */
  getDimensionDataSourceString(dimension: string): FakeClientResult<string> {
    this._ctx._engine.requireApi("ChartSeries.getDimensionDataSourceString", "1.15");
    return this._callForResult("getDimensionDataSourceString", [dimension], (s) => sourceString(this._dimension(s, dimension)));
  }

  /** The dimension's cell texts. */
  getDimensionValues(dimension: string): FakeClientResult<string[]> {
    this._ctx._engine.requireApi("ChartSeries.getDimensionValues", "1.12");
    return this._callForResult("getDimensionValues", [dimension], (s) => {
      const ref = this._dimension(s, dimension);
      if (!ref || ref.sheet.deleted) return [];
      return [...cellsOf(ref.rect)].map(([row, col]) => readText(this._model.cell(ref.sheet, row, col)));
    });
  }

  private _dimension(s: SeriesModel, dimension: string): RangeRef | null {
    if (!DIMENSIONS.includes(dimension)) throw errors.invalidArgument(`Dimension '${dimension}' isn't modelled by the fake.`);
    return dimension === "Categories" || dimension === "XValues" ? s.categories : s.values;
  }
}

function* cellsOf(r: Rect): Generator<[number, number]> {
  for (let row = r.r0; row <= r.r1; row++) for (let col = r.c0; col <= r.c1; col++) yield [row, col];
}

export class FakeChartSeriesCollection extends FakeCollection<ChartModel, FakeChartSeries> {
  protected readonly _typeName = "ChartSeriesCollection";
  protected readonly _scalarNames = ["count"] as const;
  protected override readonly _ownScalars = ["count"];

  protected override _gone(c: ChartModel): boolean {
    return c.deleted;
  }

  private _proxy(chart: ChartModel, series: SeriesModel, index: number): FakeChartSeries {
    const proxy = new FakeChartSeries(this._ctx, `${this._path}.getItemAt(${index})`, () => chart, () => series);
    proxy._bindTo(series);
    return proxy;
  }

  protected _members(c: ChartModel): FakeChartSeries[] {
    return c.series.map((s, i) => this._proxy(c, s, i));
  }

  get count(): number {
    return this._get("count");
  }

  getCount(): FakeClientResult<number> {
    this._ctx._engine.requireApi("ChartSeriesCollection.getCount", "1.4");
    return this._callForResult("getCount", [], (c) => c.series.length);
  }

  getItemAt(index: number): FakeChartSeries {
    return new FakeChartSeries(
      this._ctx,
      `${this._path}.getItemAt(${index})`,
      () => this._resolve(),
      () => {
        const s = this._resolve().series[index];
        if (!s) throw errors.itemNotFound(`The chart has no series at index ${index}.`);
        return s;
      },
    );
  }

  /** A new series without data ("not visible until values ... are set"). */
  add(name?: string, index?: number): FakeChartSeries {
    this._ctx._engine.requireApi("ChartSeriesCollection.add", "1.7");
    let created: SeriesModel | undefined;
    this._call("add", [name ?? null, index ?? null], (c) => {
      const s = newSeries(name ?? `Series${c.series.length + 1}`);
      const at = index === undefined || index === null ? c.series.length : index;
      if (!Number.isInteger(at) || at < 0 || at > c.series.length) throw errors.invalidArgument(`Series index ${String(index)} is outside 0..${c.series.length}.`);
      c.series.splice(at, 0, s);
      created = s;
    });
    return new FakeChartSeries(
      this._ctx,
      `${this._path}.add(${JSON.stringify(name ?? null)})`,
      () => this._resolve(),
      () => {
        if (!created) throw errors.generalException("The series was not added.");
        return created;
      },
    );
  }
}
