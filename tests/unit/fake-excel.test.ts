/**
 * The fake Excel the workbook gateway is tested against behaves as the Office.js docs
 * describe: queued commands, load/sync rules, Excel's input and naming rules, tables,
 * charts, names, custom XML parts, sync accounting, the request size limit, injected
 * failures and requirement sets. The tests drive it through the real Office.js types.
 */
import { FakeExcel, WorkbookSnapshot, createFakeExcel, installFakeExcel, uninstallFakeExcel } from "../support/fake-excel";
import { jsonBytes } from "../support/fake-excel/context";

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

let fake: FakeExcel;

function setup(options: Parameters<typeof createFakeExcel>[0] = {}): FakeExcel {
  uninstallFakeExcel();
  fake = installFakeExcel(options);
  return fake;
}

afterEach(() => uninstallFakeExcel());

/** Run a batch and return the error it rejects with (fails the test if it resolves). */
async function rejection<T>(batch: Batch<T>): Promise<{ code: string; message: string; name: string }> {
  try {
    await Excel.run(batch);
  } catch (e) {
    return e as { code: string; message: string; name: string };
  }
  throw new Error("expected the batch to fail");
}

function thrown(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error("expected a throw");
}

const cellOf = (sheet: string, address: string) => fake.workbook.sheet(sheet).cell(address);

describe("globals", () => {
  it("installs Excel, Office and OfficeExtension and restores them on uninstall", async () => {
    const g = globalThis as unknown as Record<string, unknown>;
    expect(g.Excel).toBeUndefined();
    setup();
    expect(typeof Excel.run).toBe("function");
    await expect(Office.onReady()).resolves.toEqual({ host: "Excel", platform: "PC" });
    expect(Office.HostType.Excel).toBe("Excel");
    expect(Excel.ChartType.columnClustered).toBe("ColumnClustered");
    uninstallFakeExcel();
    expect(g.Excel).toBeUndefined();
    expect(g.Office).toBeUndefined();
  });

  it("onReady also calls a callback, and reports no host when configured as outside Office", async () => {
    setup({ host: null });
    const seen: unknown[] = [];
    await Office.onReady((info) => seen.push(info));
    expect(seen).toEqual([{ host: null, platform: null }]);
  });
});

describe("queued commands and load/sync", () => {
  beforeEach(() => setup({ sheets: ["Data"] }));

  it("applies writes only at sync, in order", async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("B5:C5");
      range.values = [[1, 2]];
      range.values = [[3, 4]];
      expect(fake.workbook.sheet("Data").values("B5:C5")).toEqual([["", ""]]);
      await context.sync();
      expect(fake.workbook.sheet("Data").values("B5:C5")).toEqual([[3, 4]]);
    });
  });

  it("throws PropertyNotLoaded before load and before sync, and reads after both", async () => {
    fake.workbook.sheet("Data").setValues("A1", [[7]]);
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1");
      const before = thrown(() => range.values);
      expect(before.code).toBe("PropertyNotLoaded");
      expect(before.message).toMatch(/call the load method.*context\.sync\(\)/);
      range.load("values, address");
      expect(thrown(() => range.address).code).toBe("PropertyNotLoaded");
      await context.sync();
      expect(range.values).toEqual([[7]]);
      expect(range.address).toBe("Data!A1");
      expect(thrown(() => range.rowCount).code).toBe("PropertyNotLoaded");
    });
  });

  it("keeps a value you assigned on the proxy, as office.js does", async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1");
      range.values = [["x"]];
      expect(range.values).toEqual([["x"]]);
      await context.sync();
    });
  });

  it("accepts the load forms Office.js documents", async () => {
    fake.workbook.sheet("Data").setValues("A1", [["h", 1]]);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      const a = sheet.getRange("A1:B1").load(["address", "rowCount"]);
      const b = sheet.getRange("A1").load({ select: "values", expand: "format/font" });
      const c = sheet.getRange("B1").load({ formulas: true, format: { fill: { color: true } } });
      const d = sheet.getRange("A1").load("format/font/bold");
      const all = sheet.getRange("A1").load();
      await context.sync();
      expect([a.address, a.rowCount]).toEqual(["Data!A1:B1", 1]);
      expect(b.values).toEqual([["h"]]);
      expect(b.format.font.bold).toBe(false);
      expect(c.formulas).toEqual([[1]]);
      expect(c.format.fill.color).toBe("#FFFFFF");
      expect(d.format.font.bold).toBe(false);
      expect(thrown(() => d.format.font.italic).code).toBe("PropertyNotLoaded");
      expect(all.columnIndex).toBe(0);
    });
  });

  it("loads collection items", async () => {
    fake.workbook.addSheet("Profile");
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      expect(thrown(() => sheets.items).code).toBe("PropertyNotLoaded");
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Data", "Profile"]);
      expect(thrown(() => sheets.items[0].position).code).toBe("PropertyNotLoaded");
    });
  });

  it("getItemOrNullObject sets isNullObject at sync; getItem of a missing sheet fails at sync", async () => {
    await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const present = context.workbook.worksheets.getItemOrNullObject("data");
      expect(thrown(() => missing.isNullObject).code).toBe("PropertyNotLoaded");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
    const error = await rejection(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Nope");
      sheet.getRange("A1").values = [[1]];
      await context.sync();
    });
    expect(error.code).toBe("ItemNotFound");
    expect(error.name).toBe("RichApi.Error");
  });

  it("ignores commands on a null object, so a sheet can be deleted if it exists", async () => {
    fake.workbook.addSheet("Old");
    const recreate = () =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItemOrNullObject("Old").delete();
        const fresh = context.workbook.worksheets.add("Old");
        fresh.getRange("A1").values = [["new"]];
        const ghost = context.workbook.worksheets.getItemOrNullObject("Ghost");
        ghost.getRange("A1").values = [["nowhere"]];
        const ghostCell = ghost.getRange("A1").load("values");
        await context.sync();
        expect(ghostCell.isNullObject).toBe(true);
        expect(ghostCell.values).toBeUndefined();
      });
    await recreate();
    await recreate();
    expect(fake.workbook.sheetNames()).toEqual(["Data", "Old"]);
    expect(cellOf("Old", "A1").value).toBe("new");
  });

  it("a proxy nothing uses sends nothing, so an unknown name there is not an error", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Nope");
      await context.sync();
    });
    expect(fake.stats.requests.map((r) => r.operations)).toEqual([0]);
  });

  it("delivers ClientResult values only after sync", async () => {
    await Excel.run(async (context) => {
      const count = context.workbook.worksheets.getCount();
      expect(thrown(() => count.value).code).toBe("ValueNotLoaded");
      await context.sync();
      expect(count.value).toBe(1);
    });
  });

  it("gives the used range, or a null object for a blank sheet", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      const blank = sheet.getUsedRangeOrNullObject();
      const top = sheet.getUsedRange().load("address");
      await context.sync();
      expect(blank.isNullObject).toBe(true);
      expect(top.address).toBe("Data!A1");
      sheet.getRange("C3:D4").values = [[1, 2], [3, 4]];
      const used = sheet.getUsedRangeOrNullObject(true).load("address");
      await context.sync();
      expect(used.address).toBe("Data!C3:D4");
    });
    expect(fake.workbook.sheet("Data").usedAddress()).toBe("C3:D4");
  });

  it("refuses objects of a finished Excel.run, and reuses the context of an object passed to run", async () => {
    let leaked: Excel.Range | undefined;
    await Excel.run(async (context) => {
      leaked = context.workbook.worksheets.getItem("Data").getRange("A1");
      await context.sync();
    });
    expect(thrown(() => (leaked!.values = [[1]])).code).toBe("InvalidObjectPath");
    const ctx = fake.newContext();
    const range = ctx.workbook.worksheets.getItem("Data").getRange("A1");
    await Excel.run(range, async (context) => {
      expect(context).toBe(ctx);
      range.values = [[2]];
      await context.sync();
    });
    await Excel.run({ delayForCellEdit: true }, async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A2").values = [[3]];
      await context.sync();
    });
    expect(fake.workbook.sheet("Data").values("A1:A2")).toEqual([[2], [3]]);
  });

  it("syncs once more when the batch function returns with work queued, and needs a promise", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1").values = [[1]];
    });
    expect(fake.stats.syncs).toBe(1);
    expect(fake.stats.requests[0].implicit).toBe(true);
    expect(cellOf("Data", "A1").value).toBe(1);
    const notAPromise = (() => undefined) as unknown as Batch<void>;
    await expect(Excel.run(notAPromise)).rejects.toMatchObject({ code: "RunMustReturnPromise" });
  });
});

describe("grid values, formulas and formats", () => {
  beforeEach(() => setup({ sheets: ["Data"] }));

  const write = (address: string, set: (r: Excel.Range) => void) =>
    Excel.run(async (context) => {
      set(context.workbook.worksheets.getItem("Data").getRange(address));
      await context.sync();
    });

  it.each([
    ["too few rows", "A1:B2", [[1, 2]]],
    ["too many columns", "A1:B1", [[1, 2, 3]]],
    ["ragged rows", "A1:B2", [[1, 2], [3]]],
    ["a 1-D array", "A1:B1", [1, 2]],
  ])("rejects %s at sync with InvalidArgument", async (_label, address, values) => {
    await expect(write(address, (r) => (r.values = values as unknown[][]))).rejects.toMatchObject({
      code: "InvalidArgument",
      message: expect.stringMatching(/doesn't match the size or dimensions of the range/),
    });
  });

  it("applies a single value to every cell, as documented", async () => {
    await write("A1:B2", (r) => (r.values = 5 as unknown as number[][]));
    await write("A1:B2", (r) => (r.numberFormat = "0.0" as unknown as string[][]));
    expect(fake.workbook.sheet("Data").values("A1:B2")).toEqual([[5, 5], [5, 5]]);
    expect(cellOf("Data", "B2").numberFormat).toBe("0.0");
  });

  it("keeps the commands before a failing one and drops the rest", async () => {
    const error = await rejection(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("A1").values = [["before"]];
      sheet.getRange("B1:C1").values = [[1]];
      sheet.getRange("D1").values = [["after"]];
      await context.sync();
    });
    expect(error.code).toBe("InvalidArgument");
    expect(fake.workbook.sheet("Data").values("A1:D1")).toEqual([["before", "", "", ""]]);
  });

  it("makes a string starting with = a formula, and reads it back through formulas", async () => {
    await write("A1:B1", (r) => (r.values = [[2, "=A1*2"]]));
    const b1 = cellOf("Data", "B1");
    expect(b1).toMatchObject({ formula: "=A1*2", value: null, isText: false });
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1:B1").load("values, formulas, valueTypes");
      await context.sync();
      expect(range.formulas).toEqual([[2, "=A1*2"]]);
      // The fake doesn't calculate: a formula reads back as null (Excel would give 4).
      expect(range.values).toEqual([[2, null]]);
      expect(range.valueTypes).toEqual([["Double", "Unknown"]]);
    });
  });

  it("stores text after a leading apostrophe, without the apostrophe", async () => {
    await write("A1:C1", (r) => (r.values = [["'=SUM(A1)", "'0301", "'+5"]]));
    expect(cellOf("Data", "A1")).toMatchObject({ value: "=SUM(A1)", formula: null, isText: true, quotePrefix: true });
    expect(fake.workbook.sheet("Data").values("A1:C1")).toEqual([["=SUM(A1)", "0301", "+5"]]);
  });

  it("reads input as Excel does: numbers, booleans, +/- formulas, text-formatted cells", async () => {
    await write("A1:F1", (r) => (r.values = [["0301", "-12.5", "TRUE", "+A1", "-Δ%", "50%"]]));
    expect(fake.workbook.sheet("Data").values("A1:C1")).toEqual([[301, -12.5, true]]);
    expect(cellOf("Data", "D1").formula).toBe("=+A1");
    expect(cellOf("Data", "E1").formula).toBe("=-Δ%");
    expect(cellOf("Data", "F1")).toMatchObject({ value: 0.5, numberFormat: "0%" });
    await write("G1:H1", (r) => (r.numberFormat = [["@", "@"]]));
    await write("G1:H1", (r) => (r.values = [["=SUM(A1)", "0301"]]));
    expect(cellOf("Data", "G1")).toMatchObject({ value: "=SUM(A1)", formula: null, isText: true });
    expect(cellOf("Data", "H1").value).toBe("0301");
  });

  it("leaves cells alone for null and clears them for an empty string", async () => {
    await write("A1:B1", (r) => (r.values = [[1, 2]]));
    await write("A1:B1", (r) => (r.values = [[null, ""]]));
    expect(fake.workbook.sheet("Data").values("A1:B1")).toEqual([[1, ""]]);
  });

  it("stores formulas written through formulas, and numbers stay numbers", async () => {
    await write("A1:B1", (r) => (r.formulas = [[3, "=SUM('Data'!A1:A1)"]]));
    expect(cellOf("Data", "A1")).toMatchObject({ value: 3, formula: null });
    expect(cellOf("Data", "B1").formula).toBe("=SUM('Data'!A1:A1)");
  });

  it("derives ranges by index, offset and size", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      const base = sheet.getRange("B5:D7");
      const ranges = [
        base.getCell(1, 2),
        base.getOffsetRange(1, -1),
        base.getResizedRange(2, -1),
        sheet.getRangeByIndexes(4, 1, 3, 3),
        sheet.getCell(0, 27),
        base.getRowsBelow(2),
        base.getEntireColumn(),
        sheet.getRange(),
      ].map((r) => r.load("address"));
      await context.sync();
      expect(ranges.map((r) => r.address)).toEqual([
        "Data!D6",
        "Data!A6:C8",
        "Data!B5:C9",
        "Data!B5:D7",
        "Data!AB1",
        "Data!B8:D9",
        "Data!B:D",
        "Data!1:1048576",
      ]);
    });
    await expect(write("A1", (r) => (r.getOffsetRange(-1, 0).values = [[1]]))).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("formats cells and reads a common format, or null when cells differ", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      const header = sheet.getRange("A1:C1");
      header.format.font.bold = true;
      header.format.font.color = "white";
      header.format.fill.color = "#1f4e79";
      header.format.horizontalAlignment = "Center";
      sheet.getRange("A:A").format.columnWidth = 120;
      sheet.getRange("C:C").columnHidden = true;
      const mixed = sheet.getRange("A1:A2").load("format/font/bold");
      const width = sheet.getRange("A1:B1").load("format/columnWidth");
      await context.sync();
      expect(mixed.format.font.bold).toBeNull();
      expect(width.format.columnWidth).toBeNull();
    });
    const data = fake.workbook.sheet("Data");
    expect(data.cell("B1").format).toEqual({ bold: true, fontColor: "#FFFFFF", fillColor: "#1F4E79", horizontalAlignment: "Center" });
    expect(data.columnWidth("A")).toBe(120);
    expect(data.columnWidth("B")).toBe(48);
    expect(data.isColumnHidden("C")).toBe(true);
    await expect(write("A1", (r) => (r.format.horizontalAlignment = "Middle" as Excel.HorizontalAlignment))).rejects.toMatchObject({
      code: "InvalidArgument",
    });
  });

  it("sets several properties at once with set(), and finds used cells inside a range", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("B2:C2").set({ values: [["a", 1]], numberFormat: [["@", "0.0"]], format: { font: { italic: true }, wrapText: true } });
      const inA = sheet.getRange("A:A").getUsedRangeOrNullObject();
      const inRow = sheet.getRange("2:2").getUsedRangeOrNullObject().load("address");
      await context.sync();
      expect(inA.isNullObject).toBe(true);
      expect(inRow.address).toBe("Data!B2:C2");
    });
    expect(cellOf("Data", "C2")).toMatchObject({ value: 1, numberFormat: "0.0", format: { italic: true, wrapText: true } });
  });

  it("deletes cells and shifts the rest up or left", async () => {
    fake.workbook.sheet("Data").setValues("A1", [[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    await write("A1:A2", (r) => r.delete("Up"));
    await write("A1", (r) => r.delete(Excel.DeleteShiftDirection.left));
    expect(fake.workbook.sheet("Data").values("A1:C3")).toEqual([
      [2, 3, ""],
      ["", 5, 6],
      ["", 8, 9],
    ]);
  });

  it("reads a seeded formula result back, and the selection", async () => {
    const data = fake.workbook.sheet("Data");
    data.setValues("A1", [[2]]);
    data.setCell("B1", { formula: "=A1*2", result: 4 });
    fake.workbook.select("Data!A1:B1");
    await Excel.run(async (context) => {
      const selected = context.workbook.getSelectedRange().load("address, values");
      await context.sync();
      expect(selected.address).toBe("Data!A1:B1");
      expect(selected.values).toEqual([[2, 4]]);
    });
  });

  it("freezes panes and clears ranges", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.freezePanes.freezeRows(2);
      sheet.freezePanes.freezeColumns(1);
      await context.sync();
      expect(fake.workbook.sheet("Data").freeze).toEqual({ rows: 2, columns: 1 });
      sheet.freezePanes.freezeAt("A1:B3");
      sheet.getRange("A1:B1").values = [["x", "y"]];
      sheet.getRange("A1:B1").format.font.bold = true;
      sheet.getRange("A1").clear("Contents");
      sheet.getRange("B1").clear();
      await context.sync();
    });
    const data = fake.workbook.sheet("Data");
    expect(data.freeze).toEqual({ rows: 3, columns: 2 });
    expect(data.cell("A1")).toMatchObject({ value: null, format: { bold: true } });
    expect(data.cell("B1")).toMatchObject({ value: null, format: {} });
  });
});

describe("worksheets", () => {
  beforeEach(() => setup({ sheets: ["Data"] }));

  const addSheet = (name: string) =>
    Excel.run(async (context) => {
      context.workbook.worksheets.add(name);
      await context.sync();
    });

  it.each([":", "\\", "/", "?", "*", "[", "]"])("refuses a name containing %s", async (ch) => {
    await expect(addSheet(`Bad${ch}name`)).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("enforces length, blank, apostrophe and reserved-name rules", async () => {
    await expect(addSheet("x".repeat(32))).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(addSheet("   ")).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(addSheet("'Quoted")).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(addSheet("Quoted'")).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(addSheet("history")).rejects.toMatchObject({ code: "InvalidArgument" });
    await addSheet("x".repeat(31));
    await addSheet("Kommune's data");
    expect(fake.workbook.sheetNames()).toEqual(["Data", "x".repeat(31), "Kommune's data"]);
  });

  it("refuses a duplicate name regardless of case", async () => {
    await expect(addSheet("DATA")).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    expect(fake.workbook.sheetNames()).toEqual(["Data"]);
  });

  it("applies the same rules on rename, and allows a change of case", async () => {
    fake.workbook.addSheet("Other");
    const rename = (from: string, to: string) =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem(from).name = to;
        await context.sync();
      });
    await expect(rename("Other", "data")).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    await expect(rename("Other", "a/b")).rejects.toMatchObject({ code: "InvalidArgument" });
    await rename("Data", "DATA");
    expect(fake.workbook.sheetNames()).toEqual(["DATA", "Other"]);
  });

  it("rewrites formulas, names and chart series when a sheet is renamed", async () => {
    fake.workbook.sheet("Data").setValues("A1", [["Kommune", "Value"], ["Oslo", 1], ["Bergen", 2]]);
    const profile = fake.workbook.addSheet("Profile");
    profile.setValues("A1", [["=Data!B2", "='Data'!B3*2", '="Data!B2"&Data!B2', "=SUM(MyData!A1, XData!A1)"]]);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      context.workbook.names.add("Values", sheet.getRange("B2:B3"));
      sheet.charts.add(Excel.ChartType.line, sheet.getRange("A1:B3"), Excel.ChartSeriesBy.columns);
      sheet.name = "Data KOSTRA";
      await context.sync();
    });
    expect(fake.workbook.sheet("Profile").formulas("A1:D1")).toEqual([
      ["='Data KOSTRA'!B2", "='Data KOSTRA'!B3*2", "=\"Data!B2\"&'Data KOSTRA'!B2", "=SUM(MyData!A1, XData!A1)"],
    ]);
    expect(fake.workbook.names()).toEqual([{ name: "Values", formula: "='Data KOSTRA'!$B$2:$B$3", comment: "", visible: true }]);
    const [series] = fake.workbook.charts()[0].series;
    expect(series.values).toEqual({ sheet: "Data KOSTRA", address: "B2:B3" });
    expect(series.categories).toEqual({ sheet: "Data KOSTRA", address: "A2:A3" });
  });

  it("binds a formula's sheet references when it is written: a sheet added or renamed later under that name is another sheet", async () => {
    fake.workbook.addSheet("Old");
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const data = sheets.getItem("Data");
      // 'Old' exists: the formula follows that sheet. 'Later' doesn't exist yet: the reference can't bind.
      data.getRange("A1:B1").formulas = [["='Old'!A1", "='Later'!A1+1"]];
      sheets.add("Later");
      sheets.getItem("Old").delete();
      sheets.getItem("Later").name = "Old";
      await context.sync();
    });
    expect(fake.workbook.sheet("Data").formulas("A1:B1")).toEqual([["=#REF!A1", "=#REF!A1+1"]]);
  });

  it("turns references to a deleted sheet into #REF! and refuses to delete the last visible sheet", async () => {
    fake.workbook.addSheet("Temp");
    fake.workbook.sheet("Data").setValues("A1", [["=Temp!A1+1"]]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Temp").delete();
      await context.sync();
    });
    expect(cellOf("Data", "A1").formula).toBe("=#REF!A1+1");
    const error = await rejection(async (context) => {
      context.workbook.worksheets.getItem("Data").delete();
      await context.sync();
    });
    expect(error.code).toBe("InvalidOperation");
  });

  it("moves, hides, activates and adds with a default name", async () => {
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const added = sheets.add();
      added.position = 0;
      added.activate();
      sheets.getItem("Data").visibility = "Hidden";
      added.load("name, position");
      await context.sync();
      expect([added.name, added.position]).toEqual(["Sheet2", 0]);
    });
    expect(fake.workbook.sheetNames()).toEqual(["Sheet2", "Data"]);
    expect(fake.workbook.sheet("Data").visibility).toBe("Hidden");
    expect(fake.workbook.activeSheet()).toBe("Sheet2");
  });
});

describe("tables", () => {
  beforeEach(() => {
    setup({ sheets: ["Data"] });
    fake.workbook.sheet("Data").setValues("A1", [["Kommune", "2024", ""], ["Oslo", 1, 2], ["Bergen", 3, 4]]);
  });

  const addTable = (address: string, name?: string, hasHeaders = true) =>
    Excel.run(async (context) => {
      const table = context.workbook.worksheets.getItem("Data").tables.add(address, hasHeaders);
      if (name !== undefined) table.name = name;
      await context.sync();
    });

  it("creates a table with unique text headers and gives its ranges", async () => {
    await addTable("A1:C3", "Indicators");
    const [table] = fake.workbook.tables();
    expect(table).toMatchObject({ name: "Indicators", sheet: "Data", address: "A1:C3", headers: ["Kommune", "2024", "Column3"] });
    expect(cellOf("Data", "B1")).toMatchObject({ value: "2024", isText: true });
    await Excel.run(async (context) => {
      const t = context.workbook.tables.getItem("indicators");
      const header = t.getHeaderRowRange().load("address");
      const body = t.getDataBodyRange().load("address, values");
      await context.sync();
      expect(header.address).toBe("Data!A1:C1");
      expect(body.address).toBe("Data!A2:C3");
      expect(body.values).toEqual([["Oslo", 1, 2], ["Bergen", 3, 4]]);
    });
  });

  it.each(["My table", "2024Data", "Tbl2024", "R1C1", "c", "x.".padEnd(256, "y"), "A-B"])("refuses the table name %p", async (name) => {
    await expect(addTable("A1:C3", name)).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("accepts names with letters, digits, underscores and dots", async () => {
    await addTable("A1:C3", "_Data.Kostra_2024");
    expect(fake.workbook.tables()[0].name).toBe("_Data.Kostra_2024");
  });

  it("refuses a name another table or a defined name already has, regardless of case", async () => {
    await addTable("A1:C3", "Indicators");
    await expect(addTable("E1:F3", "INDICATORS")).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    await Excel.run(async (context) => {
      context.workbook.names.add("Focal", "=Data!$A$2");
      await context.sync();
    });
    await expect(addTable("H1:I3", "focal")).rejects.toMatchObject({ code: "ItemAlreadyExists" });
  });

  it("refuses overlapping tables", async () => {
    await addTable("A1:C3");
    await expect(addTable("C3:D5")).rejects.toMatchObject({ code: "InvalidArgument", message: "A table can't overlap another table." });
    expect(fake.workbook.tables()).toHaveLength(1);
  });

  it("adds rows, shifting what is below, and finds tables by name or as a null object", async () => {
    fake.workbook.sheet("Data").setValues("A5", [["below"]]);
    await addTable("A1:C3", "T");
    await Excel.run(async (context) => {
      const table = context.workbook.worksheets.getItem("Data").tables.getItem("T");
      table.rows.add(1, [["Trondheim", 5, 6]]);
      table.rows.add(-1, [["Tromsø", 7, 8]]);
      const missing = context.workbook.tables.getItemOrNullObject("Nope");
      const rows = table.rows.load("count");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(rows.count).toBe(4);
    });
    const data = fake.workbook.sheet("Data");
    expect(data.values("A2:A6")).toEqual([["Oslo"], ["Trondheim"], ["Bergen"], ["Tromsø"], [""]]);
    expect(data.cell("A7").value).toBe("below");
    expect(fake.workbook.tables()[0].address).toBe("A1:C5");
    await expect(
      Excel.run(async (context) => {
        context.workbook.tables.getItem("T").rows.add(0, [["too short"]]);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("generates headers and shifts the data down when hasHeaders is false", async () => {
    await addTable("A2:C3", undefined, false);
    expect(fake.workbook.tables()[0]).toMatchObject({ address: "A2:C4", headers: ["Column1", "Column2", "Column3"] });
    expect(fake.workbook.sheet("Data").values("A3:A4")).toEqual([["Oslo"], ["Bergen"]]);
  });

  it("adds through workbook.tables with a sheet-qualified address or a Range", async () => {
    fake.workbook.addSheet("Other Sheet").setValues("A1", [["Name"], ["x"]]);
    await Excel.run(async (context) => {
      context.workbook.tables.add("'Other Sheet'!A1:A2", true).name = "OtherTable";
      context.workbook.tables.add(context.workbook.worksheets.getItem("Data").getRange("A1:C3"), true);
      const count = context.workbook.tables.getCount();
      const onData = context.workbook.worksheets.getItem("Data").tables.load("items/name");
      await context.sync();
      expect(count.value).toBe(2);
      expect(onData.items.map((t) => t.name)).toEqual(["Table2"]);
    });
    expect(fake.workbook.tables().map((t) => [t.name, t.sheet, t.address])).toEqual([
      ["OtherTable", "Other Sheet", "A1:A2"],
      ["Table2", "Data", "A1:C3"],
    ]);
  });

  it("deletes a table with its cells", async () => {
    await addTable("A1:C3", "T");
    await Excel.run(async (context) => {
      context.workbook.tables.getItem("T").delete();
      await context.sync();
    });
    expect(fake.workbook.tables()).toEqual([]);
    expect(fake.workbook.sheet("Data").usedAddress()).toBeNull();
  });
});

describe("charts", () => {
  beforeEach(() => {
    setup({ sheets: ["Data", "Profile"] });
    fake.workbook.sheet("Data").setValues("A1", [["Kommune", "Index", "Average"], ["Oslo", 101, 100], ["Bergen", 97, 100]]);
  });

  it("splits a source range into series and records what each is bound to", async () => {
    await Excel.run(async (context) => {
      const data = context.workbook.worksheets.getItem("Data");
      const chart = context.workbook.worksheets.getItem("Profile").charts.add("ColumnClustered", data.getRange("A1:C3"), "Auto");
      chart.name = "IndexChart";
      chart.title.text = "Index (network = 100)";
      chart.axes.valueAxis.title.text = "Index";
      chart.legend.position = "Bottom";
      chart.setPosition("B2", "H20");
      await context.sync();
    });
    const [chart] = fake.workbook.sheet("Profile").charts();
    expect(chart).toMatchObject({
      name: "IndexChart",
      sheet: "Profile",
      chartType: "ColumnClustered",
      title: "Index (network = 100)",
      titleVisible: true,
      valueAxisTitle: "Index",
      legend: { position: "Bottom", visible: true },
      position: { from: "B2", to: "H20" },
      top: 15,
      left: 48,
      width: 7 * 48,
      height: 19 * 15,
    });
    expect(chart.series).toEqual([
      { name: "Index", values: { sheet: "Data", address: "B2:B3" }, categories: { sheet: "Data", address: "A2:A3" }, chartType: null, hasDataLabels: false },
      { name: "Average", values: { sheet: "Data", address: "C2:C3" }, categories: { sheet: "Data", address: "A2:A3" }, chartType: null, hasDataLabels: false },
    ]);
  });

  it("binds series added one by one with setValues and setXAxisValues", async () => {
    await Excel.run(async (context) => {
      const data = context.workbook.worksheets.getItem("Data");
      const chart = data.charts.add(Excel.ChartType.line, data.getRange("B2:B3"), Excel.ChartSeriesBy.columns);
      chart.name = "Trend";
      chart.series.getItemAt(0).delete();
      const series = chart.series.add("Oslo");
      series.setValues(data.getRange("B2:B3"));
      series.setXAxisValues(data.getRange("A2:A3"));
      const source = series.getDimensionDataSourceString("Values");
      const found = data.charts.getItemOrNullObject("Trend");
      const gone = data.charts.getItemOrNullObject("Nope");
      const items = data.charts.load("items/name");
      await context.sync();
      expect(source.value).toBe("=Data!$B$2:$B$3");
      expect([found.isNullObject, gone.isNullObject]).toEqual([false, true]);
      expect(items.items.map((c) => c.name)).toEqual(["Trend"]);
    });
    expect(fake.workbook.charts()[0].series).toEqual([
      { name: "Oslo", values: { sheet: "Data", address: "B2:B3" }, categories: { sheet: "Data", address: "A2:A3" }, chartType: null, hasDataLabels: false },
    ]);
  });

  it("takes numbers in the first column as data, as Excel does (years as numbers become a series)", async () => {
    fake.workbook.sheet("Data").setValues("E1", [["Year", "Index"], [2023, 98], [2024, 101]]);
    await Excel.run(async (context) => {
      const data = context.workbook.worksheets.getItem("Data");
      data.charts.add("Line", data.getRange("E1:F3"), "Columns");
      await context.sync();
    });
    const { series } = fake.workbook.charts()[0];
    expect(series.map((s) => [s.name, s.values?.address, s.categories])).toEqual([
      ["Year", "E2:E3", null],
      ["Index", "F2:F3", null],
    ]);
  });

  it("refuses an unknown chart type and a two-dimensional series source, and deletes charts", async () => {
    const bad = await rejection(async (context) => {
      const data = context.workbook.worksheets.getItem("Data");
      data.charts.add("Column" as Excel.ChartType, data.getRange("A1:C3"));
      await context.sync();
    });
    expect(bad.code).toBe("InvalidArgument");
    const twoD = await rejection(async (context) => {
      const data = context.workbook.worksheets.getItem("Data");
      const chart = data.charts.add("Line", data.getRange("A1:C3"));
      chart.series.add("x").setValues(data.getRange("B2:C3"));
      await context.sync();
    });
    expect(twoD.code).toBe("InvalidArgument");
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").charts.getItemAt(0).delete();
      await context.sync();
    });
    expect(fake.workbook.charts()).toEqual([]);
  });
});

describe("names", () => {
  beforeEach(() => setup({ sheets: ["Data"] }));

  it("adds names for ranges and formulas, finds them and deletes them", async () => {
    await Excel.run(async (context) => {
      const names = context.workbook.names;
      names.add("FocalValues", context.workbook.worksheets.getItem("Data").getRange("B2:B9"), "Focal municipality");
      names.add("Network", "=Data!$C$2:$C$9");
      const found = names.getItemOrNullObject("focalvalues").load("name, type, value");
      const missing = names.getItemOrNullObject("Nope");
      const range = names.getItem("Network").getRange().load("address");
      await context.sync();
      expect([found.isNullObject, found.name, found.type, found.value]).toEqual([false, "FocalValues", "Range", "Data!$B$2:$B$9"]);
      expect(missing.isNullObject).toBe(true);
      expect(range.address).toBe("Data!C2:C9");
      names.getItem("Network").delete();
      await context.sync();
    });
    expect(fake.workbook.names()).toEqual([{ name: "FocalValues", formula: "=Data!$B$2:$B$9", comment: "Focal municipality", visible: true }]);
  });

  it("applies Excel's name rules", async () => {
    const add = (name: string) =>
      Excel.run(async (context) => {
        context.workbook.names.add(name, "=1");
        await context.sync();
      });
    await expect(add("Has space")).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(add("B5")).rejects.toMatchObject({ code: "InvalidArgument" });
    await add("Ok_name");
    await expect(add("OK_NAME")).rejects.toMatchObject({ code: "ItemAlreadyExists" });
  });
});

describe("custom XML parts", () => {
  const NS = "urn:kostra-benchmark:template:v1";
  beforeEach(() => setup());

  it("adds, finds by namespace, reads, replaces and deletes a part", async () => {
    await Excel.run(async (context) => {
      const parts = context.workbook.customXmlParts;
      const added = parts.add(`<template xmlns="${NS}" version="1"><json>{}</json></template>`).load("id, namespaceUri");
      parts.add("<other/>");
      await context.sync();
      expect(added.id).toMatch(/^\{[0-9A-F-]+\}$/);
      expect(added.namespaceUri).toBe(NS);

      const scoped = parts.getByNamespace(NS);
      const only = scoped.getOnlyItemOrNullObject();
      const xml = only.getXml();
      const none = parts.getByNamespace("urn:nothing").getOnlyItemOrNullObject();
      scoped.load("items");
      await context.sync();
      expect(only.isNullObject).toBe(false);
      expect(none.isNullObject).toBe(true);
      expect(scoped.items).toHaveLength(1);
      expect(xml.value).toContain("<json>{}</json>");

      only.setXml(`<template xmlns="${NS}" version="2"/>`);
      const again = parts.getItem(added.id).getXml();
      await context.sync();
      expect(again.value).toBe(`<template xmlns="${NS}" version="2"/>`);

      parts.getItem(added.id).delete();
      const count = parts.getByNamespace(NS).getCount();
      await context.sync();
      expect(count.value).toBe(0);
    });
    expect(fake.workbook.customXmlParts()).toEqual([{ id: expect.any(String), namespaceUri: "", xml: "<other/>" }]);
  });

  it.each([
    ["an unclosed tag", "<a><b></a>"],
    ["plain text", "not xml"],
    ["two roots", "<a/><b/>"],
    ["an empty string", ""],
  ])("rejects %s", async (_label, xml) => {
    await expect(
      Excel.run(async (context) => {
        context.workbook.customXmlParts.add(xml);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(fake.workbook.customXmlParts()).toEqual([]);
  });

  it("rejects malformed XML in setXml and keeps the old content", async () => {
    const { id } = fake.workbook.addCustomXmlPart(`<t xmlns="${NS}"/>`);
    const error = await rejection(async (context) => {
      context.workbook.customXmlParts.getItem(id).setXml("<t>");
      await context.sync();
    });
    expect(error.code).toBe("InvalidArgument");
    expect(fake.workbook.customXmlParts()[0].xml).toBe(`<t xmlns="${NS}"/>`);
  });
});

describe("sync accounting, request size and injected failures", () => {
  it("counts syncs and measures each request", async () => {
    setup({ sheets: ["Data"] });
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("A1:B1").values = [[1, 2]];
      await context.sync();
      sheet.getRange("A1:J100").values = Array.from({ length: 100 }, (_, r) => Array.from({ length: 10 }, (_, c) => r * 10 + c));
      await context.sync();
      await context.sync();
    });
    expect(fake.stats.syncs).toBe(3);
    expect(fake.stats.runs).toBe(1);
    const [small, large, empty] = fake.stats.requests;
    expect(small.operations).toBe(1);
    expect(large.bytes).toBeGreaterThan(small.bytes + 3000);
    expect(empty).toMatchObject({ operations: 0, bytes: 0, outcome: "ok" });
    expect(fake.stats.maxRequestBytes).toBe(large.bytes);
  });

  it("refuses a request over 5 MB and applies none of it", async () => {
    setup({ sheets: ["Data"] });
    const rows = Array.from({ length: 50_000 }, (_, r) => Array.from({ length: 10 }, (_, c) => r * 1000.123 + c));
    const before = fake.workbook.snapshot();
    const error = await rejection(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("A1").values = [["applied?"]];
      sheet.getRange("A2:J50001").values = rows;
      await context.sync();
    });
    expect(error.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(fake.stats.requests[0].bytes).toBeGreaterThan(5_000_000);
    expect(fake.workbook.snapshot()).toEqual(before);
  });

  it("uses a configurable limit, and half-sized chunks synced separately pass", async () => {
    setup({ sheets: ["Data"], payloadLimitBytes: 8_000 });
    const rows = Array.from({ length: 1000 }, (_, r) => [r, r * 2]);
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("A1:B1000").values = rows;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      for (let start = 0; start < rows.length; start += 250) {
        sheet.getRange(`A${start + 1}:B${start + 250}`).values = rows.slice(start, start + 250);
        await context.sync();
      }
    });
    expect(fake.workbook.sheet("Data").values("A1000:B1000")).toEqual([[999, 1998]]);
    expect(fake.stats.requests.slice(1).every((r) => r.bytes < 8_000 && r.outcome === "ok")).toBe(true);
  });

  it("rejects an injected failure with GeneralException and leaves the workbook as it was", async () => {
    setup({ sheets: ["Data"] });
    fake.workbook.sheet("Data").setValues("A1", [["keep"]]);
    const before: WorkbookSnapshot = fake.workbook.snapshot();
    fake.failNextSync();
    const error = await rejection(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.getItem("Data").getRange("A1:B1").values = [["changed", 1]];
      sheets.add("New");
      context.workbook.customXmlParts.add("<t/>");
      await context.sync();
    });
    expect(error.code).toBe("GeneralException");
    expect(fake.workbook.snapshot()).toEqual(before);
    expect(fake.stats.requests[0]).toMatchObject({ outcome: "failed", errorCode: "GeneralException" });
    // The next sync is not affected.
    await Excel.run(async (context) => {
      context.workbook.worksheets.add("New");
      await context.sync();
    });
    expect(fake.workbook.sheetNames()).toEqual(["Data", "New"]);
  });

  it("fails exactly the sync chosen by number, with the error asked for", async () => {
    setup({ sheets: ["Data"] });
    fake.failSyncNumber(2, { code: "RequestAborted", message: "aborted" });
    const error = await rejection(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("A1").values = [[1]];
      await context.sync();
      sheet.getRange("A2").values = [[2]];
      await context.sync();
    });
    expect(error).toMatchObject({ code: "RequestAborted", message: "aborted" });
    expect(fake.workbook.sheet("Data").values("A1:A2")).toEqual([[1], [""]]);
  });

  it("does not deliver loads from a failed sync", async () => {
    setup({ sheets: ["Data"] });
    fake.failNextSync();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1").load("address");
      await expect(context.sync()).rejects.toMatchObject({ code: "GeneralException" });
      expect(thrown(() => range.address).code).toBe("PropertyNotLoaded");
    });
  });
});

describe("statement-level failures", () => {
  it("fails at statement k counted over every sync, keeping the statements before it in its request", async () => {
    setup({ sheets: ["Data"] });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1").values = [["first request"]];
      await context.sync();
    });
    expect(fake.stats.statements).toBe(1);
    fake.failStatement(3, { code: "AccessDenied" });
    const error = await rejection(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.getItem("Data").getRange("A2").values = [["applied"]];
      sheets.getItem("Data").getRange("A3").values = [["refused"]];
      sheets.add("Not added");
      await context.sync();
    });
    expect(error.code).toBe("AccessDenied");
    expect(fake.workbook.sheet("Data").values("A1:A3")).toEqual([["first request"], ["applied"], [""]]);
    expect(fake.workbook.sheetNames()).toEqual(["Data"]);
    expect(fake.stats.requests[1]).toMatchObject({ outcome: "failed", firstStatement: 2, applied: 1, operations: 3 });
    expect(fake.stats.statements).toBe(3);
    // One failure only: the same statements go through next time.
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A3").values = [["now"]];
      await context.sync();
    });
    expect(fake.workbook.sheet("Data").values("A3")).toEqual([["now"]]);
  });

  it("fails every statement from k on until recover(), or only those that change the workbook", async () => {
    setup({ sheets: ["Data"] });
    fake.failStatementsFrom(1);
    await expect(Excel.run(async (context) => (context.workbook.worksheets.load("items/name"), context.sync()))).rejects.toMatchObject({ code: "GeneralException" });
    fake.recover();
    fake.failChangesFrom(1, { code: "AccessDenied" });
    const names = await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      return sheets.items.map((s) => s.name);
    });
    expect(names).toEqual(["Data"]);
    await expect(Excel.run(async (context) => (context.workbook.worksheets.add("X"), context.sync()))).rejects.toMatchObject({ code: "AccessDenied" });
    fake.recover();
    await Excel.run(async (context) => (context.workbook.worksheets.add("X"), context.sync()));
    expect(fake.workbook.sheetNames()).toEqual(["Data", "X"]);
  });
});

describe("forks", () => {
  it("copies the workbook; each side's writes stay its own, and unchanged sheets compare equal at once", async () => {
    setup({ sheets: ["Data", "Other"] });
    fake.workbook.sheet("Data").setValues("A1", [["keep", 1]]);
    const copy = fake.fork();
    expect(copy.differencesFrom(fake)).toEqual([]);
    await copy.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("B1").values = [[2]];
      context.workbook.worksheets.getItem("Other").name = "Renamed";
      await context.sync();
    });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("C1").values = [["original"]];
      await context.sync();
    });
    expect(fake.workbook.sheet("Data").values("A1:C1")).toEqual([["keep", 1, "original"]]);
    expect(copy.workbook.sheet("Data").values("A1:C1")).toEqual([["keep", 2, ""]]);
    expect(fake.workbook.sheetNames()).toEqual(["Data", "Other"]);
    const differences = copy.differencesFrom(fake);
    expect(differences).toEqual(expect.arrayContaining([expect.stringContaining("Data!B1"), expect.stringContaining("Data!C1"), expect.stringContaining("Renamed")]));
    // Ids aside, a workbook built the same way in two forks is the same.
    const a = fake.fork();
    const b = fake.fork();
    for (const f of [a, b]) await f.run(async (context) => (context.workbook.worksheets.add("New").getRange("A1").values = [["x"]], context.sync()));
    expect(a.differencesFrom(b, { ids: "ignore" })).toEqual([]);
  });

  it("refuses a write that would change cells shared with a fork in place", () => {
    setup({ sheets: ["Data"] });
    fake.workbook.sheet("Data").setValues("A1", [[1]]);
    fake.fork();
    const cells = (fake as unknown as { workbook: { model: { sheets: { cells: Map<number, { value: unknown }> }[] } } }).workbook.model.sheets[0].cells;
    expect(() => cells.set(0, { value: 2 })).toThrow(/shared with a fork/);
    expect(() => {
      cells.get(0)!.value = 2;
    }).toThrow(TypeError);
  });
});

describe("request size", () => {
  it("measures JSON in UTF-8 exactly as JSON.stringify writes it", () => {
    const values: unknown[] = ["", "plain", 'q"uote\\', "Bærum – Ørsta", "𝄞 clef", "tab\tnew\nline\u0001", "\uD800 lone", 0, -1.5, 1e21, NaN, true, false, null, [1, [2, "x"]], { a: 1, b: "ø", skip: undefined }];
    for (const v of values) expect([v, jsonBytes(v)]).toEqual([v, Buffer.byteLength(JSON.stringify(v))]);
    const rows = Array.from({ length: 100 }, (_, i) => [`'Kommune ${i} – Ås`, i * 1.5, "=SUM('kb-tmp-1'!A1:A9)"]);
    expect(jsonBytes(rows)).toBe(Buffer.byteLength(JSON.stringify(rows)));
    expect(jsonBytes(rows)).toBe(Buffer.byteLength(JSON.stringify(rows)));
  });
});

describe("requirement sets", () => {
  it("answers isSetSupported from the options, comparing versions as numbers", () => {
    setup({ requirementSets: { ExcelApi: "1.10" } });
    const req = Office.context.requirements;
    expect(req.isSetSupported("ExcelApi", "1.9")).toBe(true);
    expect(req.isSetSupported("ExcelApi", "1.10")).toBe(true);
    expect(req.isSetSupported("ExcelApi", "1.11")).toBe(false);
    expect(req.isSetSupported("ExcelApi")).toBe(true);
    expect(req.isSetSupported("WordApi", "1.1")).toBe(false);
  });

  it("defaults to ExcelApi 1.17", () => {
    setup();
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.17")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.18")).toBe(false);
  });

  it("throws ApiNotFound at once for members newer than the host, as office.js does", async () => {
    setup({ requirementSets: { ExcelApi: "1.4" } });
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const error = thrown(() => sheet.getRangeByIndexes(0, 0, 1, 1));
      expect(error.code).toBe("ApiNotFound");
      expect(error.message).toMatch(/ExcelApi 1\.7 requirement set/);
      expect(thrown(() => sheet.freezePanes).code).toBe("ApiNotFound");
      expect(thrown(() => context.workbook.customXmlParts).code).toBe("ApiNotFound");
      expect(context.workbook.worksheets.getItemOrNullObject("Sheet1")).toBeDefined();
      await context.sync();
    });
  });
});
