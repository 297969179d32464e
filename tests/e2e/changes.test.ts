/**
 * What changed since March, in the pane: a template workbook updated from the local SSB
 * server with "Oppdater", the server then revising figures as SSB does on 15 June, and
 * "Oppdater" pressed again. The second update must write a change list naming exactly the
 * revised figures, say how many changed since the previous vintage, and keep both vintages
 * in the data sheet. The server's tables are SYNTHETIC (tests/support/pxweb-world.ts).
 */
import type { Page } from "playwright-core";
import { worldCell } from "../support/pxweb-world";
import { kb, screenshot } from "./support/harness";
import type { TemplateSeed } from "./support/kb-handle";
import { enabled, visible } from "./support/waits";
import { usePaneWorld } from "./support/world";

const PROFILE_2017 = "Plan, miljø og kultur 2017";
const DATA_SHEET = "KOSTRA-data";
const CHANGES_SHEET = "Endringer";
const MARCH = "2025-03-15T07:00:00Z";
const JUNE = "2025-06-15T06:00:00Z";

const world = usePaneWorld();


const TEMPLATE: TemplateSeed = {
  schemaVersion: 1,
  sectors: ["plan-miljo-kultur"],
  municipality: "0219",
  comparisons: [],
  network: "asss",
  average: "simple",
  includeOslo: true,
  includeFocal: true,
  year: 2017,
  years: [2016, 2017],
  source: { kind: "ssb" },
  lang: "nb",
  writtenAt: "2025-03-16T09:00:00.000Z",
  ownedSheets: [
    { key: "profile:plan-miljo-kultur:2017", name: PROFILE_2017 },
    { key: "data", name: DATA_SHEET },
  ],
};

// Stavanger's (1103) kunstformidling (f377) 2017 revised up; Oslo's (0301) bibliotek (f370) 2017 withdrawn.
const kunst = { KOKkommuneregion0000: "1103", KOKfunksjon0000: "377", KOKart0000: "AGD2", ContentsCode: "KOSbelopinnbygge0000", Tid: "2017" };
const bib = { ...kunst, KOKkommuneregion0000: "0301", KOKfunksjon0000: "370" };

type Rows = (string | number | boolean | null)[][];

/** A sheet of the fake workbook as rows of values (A1 first). */
async function sheetRows(page: Page, name: string): Promise<Rows> {
  const state = await kb(page, (h) => h.exportState());
  const sheet = state.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}: ${state.sheets.map((s) => s.name).join(", ")}`);
  const rows: Rows = [];
  for (const [address, cell] of Object.entries(sheet.cells)) {
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    (rows[Number(m[2]) - 1] ??= [])[col - 1] = cell.value;
  }
  return Array.from(rows, (r) => Array.from(r ?? [], (x) => x ?? ""));
}

describe("«Oppdater» twice with SSB's revision between", () => {
  it("lists exactly the revised figures and keeps both vintages in the data sheet", async () => {
    const pxweb = world.pxweb();
    pxweb.setUpdated("12362", MARCH);
    const { page, pageErrors } = await world.open({ inExcel: true, kb: { template: TEMPLATE } });
    const update = page.getByRole("button", { name: "Oppdater", exact: true });
    await enabled(update);

    // March: the workbook's report sheets are replaced once the user agrees. Its data sheet
    // holds no KOSTRA figures yet (the seed's placeholder): nothing to compare with, no list.
    await update.click();
    const dialog = page.getByRole("alertdialog", { name: "Erstatte ark?" });
    await visible(dialog);
    await dialog.getByRole("button", { name: "Erstatt" }).click();
    await visible(page.getByText("Rapporten er skrevet."), 60_000);
    expect(await page.getByText(/tall er endret/).count()).toBe(0);
    expect(await kb(page, (h) => h.sheetNames())).not.toContain(CHANGES_SHEET);

    // June: SSB revises two figures and republishes the table.
    pxweb.revise("12362", kunst, { value: worldCell("12362", kunst).value! + 50 });
    pxweb.revise("12362", bib, { value: null, status: ".." });
    pxweb.setUpdated("12362", JUNE);
    await enabled(update);
    await update.click();
    await visible(page.getByText(/2 tall er endret siden 15\.03\.2025\. Endringene står på arket «Endringer»/), 60_000);
    await screenshot(page, "changes-after-june");

    const list = await sheetRows(page, CHANGES_SHEET);
    const changed = list.filter((r) => ["revidert", "trukket", "nytt tall"].includes(String(r[6])));
    expect(changed.map((r) => `${r[1]} ${r[2]} ${r[6]}`).sort()).toEqual(["Oslo 2017 trukket", "Stavanger 2017 revidert"]);
    const stavanger = changed.find((r) => r[1] === "Stavanger")!;
    expect(stavanger.slice(3, 9)).toEqual([worldCell("12362", kunst).value, worldCell("12362", kunst).value! + 50, 50, "revidert", MARCH, JUNE]);

    const data = await sheetRows(page, DATA_SHEET);
    const head = data[0].map(String);
    const row = data.find((r) => r[0] === "kunstformidling|stavanger|2017")!;
    expect([row[head.indexOf("SSB oppdatert")], row[head.indexOf("Forrige SSB oppdatert")], row[head.indexOf("Forrige verdi")], row[head.indexOf("Endret")]]).toEqual([
      JUNE,
      MARCH,
      worldCell("12362", kunst).value,
      "revidert",
    ]);
    expect(data.filter((r, i) => i > 0 && r[head.indexOf("Endret")] !== "").length).toBe(2);
    expect(pageErrors).toEqual([]);
  });
});
