import { readSelection } from "../../src/excel/read-selection";
import { KostraError } from "../../src/kostra/errors";
import { datasetFromSelection } from "../../src/sources/sheet";
import { createFakeExcel } from "../support/fake-excel";

/** As the pane imports a selection: the gateway reads the cells, the sheet reader reads them. */
const importSelection = async (run: Parameters<typeof readSelection>[0], now?: () => Date) => datasetFromSelection(await readSelection(run), now);

describe("import from the selected range", () => {
  it("reads a tidy table from the sheet, codes and decimals included, without changing the workbook", async () => {
    const f = createFakeExcel({ sheets: ["Tall"] });
    const sheet = f.workbook.sheet("Tall");
    sheet.setValues("B2", [
      ["region", "indikator", "år", "verdi", "status"],
      ["0219 Bærum", "bibliotek", 2017, 304.5, ""],
      ["0301", "bibliotek", 2017, "..", ".."],
    ]);
    f.workbook.select("Tall!B2:F4");
    const before = f.workbook.snapshot();
    const { dataset } = await importSelection(f.run, () => new Date("2026-03-15T08:00:00Z"));
    expect(dataset.observations).toEqual([
      { indicator: "bibliotek", municipality: "baerum", year: 2017, code: "0219", value: 304.5, provenance: 0 },
      { indicator: "bibliotek", municipality: "oslo", year: 2017, code: "0301", value: null, status: "..", provenance: 0 },
    ]);
    expect(dataset.provenance[0]).toEqual({ source: "sheet", query: expect.stringContaining("B2:F4"), fetchedAt: "2026-03-15T08:00:00.000Z" });
    expect(f.workbook.snapshot()).toEqual(before);
  });

  it("says what to select when the selection is empty or not a tidy table", async () => {
    const f = createFakeExcel({ sheets: ["Tall"] });
    f.workbook.select("Tall!C3:D9");
    await expect(importSelection(f.run)).rejects.toThrow(KostraError);
    await importSelection(f.run).catch((e: KostraError) => expect(e.messageIn("nb")).toMatch(/er tomt\. Marker en tabell/));
    f.workbook.sheet("Tall").setValues("C3", [["a", "b"], [1, 2]]);
    await importSelection(f.run).catch((e: KostraError) => expect(e.messageIn("nb")).toMatch(/mangler kolonne/));
  });
});
