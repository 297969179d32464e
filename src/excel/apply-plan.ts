/**
 * Workbook gateway: applies a ReportPlan to the open workbook with Office.js.
 *
 * - Few round trips: one read, the value blocks in as few writes as the 4 MB request
 *   budget allows (Excel on the web rejects requests over 5 MB), and one final write.
 *   The number of syncs does not grow with indicators, municipalities or years, except
 *   for that chunking.
 * - Safe: only sheets the add-in owns (recorded by id in the template settings) are
 *   replaced; the user's sheets are never touched, and a name the user already uses
 *   gets a suffix instead.
 * - All or nothing: the new report is built on temporary sheets; one final write
 *   deletes the old report, renames the new sheets into place and writes the formulas,
 *   tables, charts and settings. Until then the old report stands; if anything fails,
 *   the temporary sheets are removed again and the workbook is as it was.
 */
import type { LocalizedText } from "../kostra/types";
import { columnNumber, quoteSheet, type Block, type ChartPlan, type ReportPlan, type SheetPlan } from "../report/plan";
import { settingsFromXml, settingsToXml, SETTINGS_NAMESPACE, SETTINGS_SCHEMA_VERSION, type OwnedSheet, type TemplateSettings } from "../report/template-settings";
import { blockBytes, formatOf, hasFormula, splitBlock, toOfficeCell } from "./cells";

/** Stays under Excel on the web's 5 MB request limit with room for the operations' own overhead. */
export const MAX_REQUEST_BYTES = 3_500_000;

/** Requirement sets the gateway needs: charts' series binding and freezeAt (1.7), custom XML parts (1.5). */
export const REQUIRED_SETS: readonly [string, string][] = [["ExcelApi", "1.7"]];

export class GatewayError extends Error {
  readonly text: LocalizedText;
  readonly kind: "unsupported" | "settings" | "write-failed";
  constructor(kind: GatewayError["kind"], text: LocalizedText, cause?: unknown) {
    super(text.en);
    this.name = "GatewayError";
    this.kind = kind;
    this.text = text;
    if (cause !== undefined) (this as { cause?: unknown }).cause = cause;
  }
}

export type SettingsInput = Omit<TemplateSettings, "schemaVersion" | "ownedSheets" | "writtenAt">;

export interface ApplyOptions {
  settings: SettingsInput;
  run?: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  isSetSupported?: (name: string, version: string) => boolean;
  maxRequestBytes?: number;
  /** Replace settings that could not be read (the user confirmed). */
  overwriteInvalidSettings?: boolean;
  now?: () => Date;
}

export interface ApplyResult {
  sheets: OwnedSheet[];
  syncs: number;
  largestRequestBytes: number;
  /** Sheets whose planned name was taken by the user's own sheet, and the name used instead. */
  renamed: { planned: string; used: string }[];
}

const POINTS_PER_CHARACTER = 7;

const lower = (s: string) => s.toLocaleLowerCase("nb-NO");

function checkRequirements(isSetSupported: ApplyOptions["isSetSupported"]): void {
  const check = isSetSupported ?? ((n: string, v: string) => Office.context.requirements.isSetSupported(n, v));
  const missing = REQUIRED_SETS.filter(([n, v]) => !check(n, v));
  if (missing.length) {
    const sets = missing.map(([n, v]) => `${n} ${v}`).join(", ");
    throw new GatewayError("unsupported", {
      nb: `Denne Excel-versjonen kan ikke skrive rapporten (mangler ${sets}). Bruk Microsoft 365 / Excel 2019 eller nyere, Excel på nettet, eller last ned rapporten som .xlsx.`,
      en: `This Excel version cannot write the report (missing ${sets}). Use Microsoft 365 / Excel 2019 or later, Excel on the web, or download the report as .xlsx.`,
    });
  }
}

/** Final names: the planned name unless one of the user's sheets has it, then "name (2)" … */
function finalNames(plan: ReportPlan, userNames: Set<string>): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Set(userNames);
  for (const s of plan.sheets) {
    let name = s.name;
    for (let i = 2; used.has(lower(name)); i++) {
      const suffix = ` (${i})`;
      name = s.name.slice(0, 31 - suffix.length) + suffix;
    }
    used.add(lower(name));
    names.set(s.key, name);
  }
  return names;
}

/** Point formulas at the final sheet names where they differ from the planned ones. */
function renameInFormulas(block: Block, renames: [string, string][]): Block {
  if (renames.length === 0) return block;
  return {
    ...block,
    rows: block.rows.map((r) =>
      r.map((c) => {
        if (c.kind !== "formula") return c;
        let f = c.formula;
        for (const [from, to] of renames) f = f.split(`${quoteSheet(from)}!`).join(`${quoteSheet(to)}!`);
        return { ...c, formula: f };
      }),
    ),
  };
}

function writeBlock(sheet: Excel.Worksheet, block: Block): void {
  const height = block.rows.length;
  const width = block.rows[0]?.length ?? 0;
  if (height === 0 || width === 0) return;
  const m = /^([A-Z]+)(\d+)$/.exec(block.at)!;
  const range = sheet.getRangeByIndexes(Number(m[2]) - 1, columnNumber(m[1]) - 1, height, width);
  range.numberFormat = block.rows.map((r) => r.map(formatOf));
  range.formulas = block.rows.map((r) => r.map(toOfficeCell));
  switch (block.style) {
    case "title":
      range.format.font.bold = true;
      range.format.font.size = 14;
      break;
    case "subtitle":
      range.format.font.bold = true;
      break;
    case "header":
      range.format.font.bold = true;
      range.format.wrapText = true;
      range.format.verticalAlignment = "Bottom";
      break;
    case "note":
      range.format.font.italic = true;
      break;
  }
}

function layoutSheet(sheet: Excel.Worksheet, plan: SheetPlan): void {
  for (const [col, width] of Object.entries(plan.columnWidths ?? {})) {
    sheet.getRange(`${col}:${col}`).format.columnWidth = width * POINTS_PER_CHARACTER;
  }
  for (const col of plan.hiddenColumns ?? []) sheet.getRange(`${col}:${col}`).columnHidden = true;
  const { rows = 0, columns = 0 } = plan.freeze ?? {};
  if (rows > 0 && columns > 0) sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, rows, columns));
  else if (rows > 0) sheet.freezePanes.freezeRows(rows);
  else if (columns > 0) sheet.freezePanes.freezeColumns(columns);
}

function addChart(sheet: Excel.Worksheet, chart: ChartPlan, sheetByKey: (key: string) => Excel.Worksheet): void {
  const type = chart.type === "line" ? "Line" : "ColumnClustered";
  const first = chart.series[0];
  const c = sheet.charts.add(type as Excel.ChartType, sheetByKey(first.values.sheet).getRange(first.values.range), "Columns" as Excel.ChartSeriesBy);
  c.name = chart.name;
  c.title.text = chart.title;
  c.legend.position = "Bottom" as Excel.ChartLegendPosition;
  c.setPosition(chart.position.from, chart.position.to);
  if (chart.valueAxisTitle) c.axes.valueAxis.title.text = chart.valueAxisTitle;
  const categories = sheetByKey(chart.categories.sheet).getRange(chart.categories.range);
  chart.series.forEach((s, i) => {
    const series = i === 0 ? c.series.getItemAt(0) : c.series.add(s.name);
    series.name = s.name;
    series.setValues(sheetByKey(s.values.sheet).getRange(s.values.range));
    series.setXAxisValues(categories);
  });
}

/** Apply the plan. Resolves with what was written; rejects with a GatewayError and leaves the workbook as it was. */
export async function applyPlan(plan: ReportPlan, options: ApplyOptions): Promise<ApplyResult> {
  checkRequirements(options.isSetSupported);
  const run = options.run ?? (<T>(batch: (context: Excel.RequestContext) => Promise<T>) => Excel.run(batch));
  const budget = options.maxRequestBytes ?? MAX_REQUEST_BYTES;
  const now = options.now ?? (() => new Date());

  try {
    return await run((context) => writeReport(context, plan, options, budget, now));
  } catch (error) {
    if (error instanceof GatewayError) throw error;
    throw writeFailed(error);
  }
}

function writeFailed(cause: unknown): GatewayError {
  return new GatewayError(
    "write-failed",
    {
      nb: "Kunne ikke skrive rapporten til arbeidsboken; arbeidsboken er uendret. Avslutt eventuell celleredigering, opphev arkbeskyttelse og prøv igjen.",
      en: "Could not write the report to the workbook; the workbook is unchanged. Finish any cell editing, unprotect the workbook and try again.",
    },
    cause,
  );
}

async function writeReport(context: Excel.RequestContext, plan: ReportPlan, options: ApplyOptions, budget: number, now: () => Date): Promise<ApplyResult> {
  let syncs = 0;
  let largest = 0;
  let pending = 0;
  const sync = async () => {
    syncs++;
    largest = Math.max(largest, pending);
    pending = 0;
    await context.sync();
  };
  const wb = context.workbook;

  // 1. Read: the sheets and our settings part.
  const sheets = wb.worksheets;
  sheets.load("items/id,items/name");
  const parts = wb.customXmlParts.getByNamespace(SETTINGS_NAMESPACE);
  parts.load("items/id");
  await sync();
  let owned: OwnedSheet[] = [];
  if (parts.items.length > 1 && !options.overwriteInvalidSettings) {
    throw new GatewayError("settings", {
      nb: "Arbeidsboken har flere sett med malinnstillinger. Rapporten ble ikke skrevet; arbeidsboken er uendret.",
      en: "The workbook has several sets of template settings. The report was not written; the workbook is unchanged.",
    });
  }
  if (parts.items.length === 1) {
    const xml = parts.items[0].getXml();
    await sync();
    const read = settingsFromXml(xml.value);
    if (read.kind === "invalid" && !options.overwriteInvalidSettings) {
      throw new GatewayError("settings", {
        nb: `${read.reason.nb} Rapporten ble ikke skrevet; arbeidsboken er uendret.`,
        en: `${read.reason.en} The report was not written; the workbook is unchanged.`,
      });
    }
    if (read.kind === "ok") owned = read.settings.ownedSheets;
  }
  const existing = new Map(sheets.items.map((s) => [s.id, s.name]));
  owned = owned.filter((o) => existing.has(o.id));
  const ownedIds = new Set(owned.map((o) => o.id));
  const userNames = new Set(sheets.items.filter((s) => !ownedIds.has(s.id)).map((s) => lower(s.name)));
  const names = finalNames(plan, userNames);
  const renames: [string, string][] = plan.sheets.filter((s) => names.get(s.key) !== s.name).map((s) => [s.name, names.get(s.key)!]);

  // 2. Build the new report on temporary sheets: values, formats and layout.
  const stamp = now().getTime().toString(36);
  const temp = new Map<string, Excel.Worksheet>();
  const tempNames: string[] = [];
  try {
    plan.sheets.forEach((s, i) => {
      const name = `kb-${stamp}-${i}`;
      const sheet = wb.worksheets.add(name);
      sheet.load("id");
      temp.set(s.key, sheet);
      tempNames.push(name);
    });
    for (const s of plan.sheets) {
      const sheet = temp.get(s.key)!;
      layoutSheet(sheet, s);
      for (const block of s.blocks.filter((b) => !hasFormula(b))) {
        for (const part of splitBlock(block, budget / 2)) {
          const bytes = blockBytes(part);
          if (pending > 0 && pending + bytes > budget) await sync();
          writeBlock(sheet, part);
          pending += bytes;
        }
      }
    }
    await sync();

    // 3. The swap, in one request: remove the old report, move the new one into place,
    //    then formulas (which refer to the final names), tables, charts and settings.
    for (const o of owned) wb.worksheets.getItem(o.id).delete();
    for (const s of plan.sheets) temp.get(s.key)!.name = names.get(s.key)!;
    for (const s of plan.sheets) {
      const sheet = temp.get(s.key)!;
      for (const block of s.blocks.filter(hasFormula)) {
        const b = renameInFormulas(block, renames);
        writeBlock(sheet, b);
        pending += blockBytes(b);
      }
      for (const t of s.tables ?? []) {
        const table = sheet.tables.add(t.range, true);
        table.name = t.name;
        table.style = t.style ?? "TableStyleLight9";
      }
      for (const ch of s.charts ?? []) addChart(sheet, ch, (key) => temp.get(key)!);
    }
    for (const n of plan.names) wb.names.add(n.name, temp.get(n.ref.sheet)!.getRange(n.ref.range), n.comment);
    const ownedNow: OwnedSheet[] = plan.sheets.map((s) => ({ key: s.key, id: temp.get(s.key)!.id, name: names.get(s.key)! }));
    const settings: TemplateSettings = { ...options.settings, schemaVersion: SETTINGS_SCHEMA_VERSION, ownedSheets: ownedNow, writtenAt: now().toISOString() };
    for (const p of parts.items) p.delete();
    const xml = settingsToXml(settings);
    wb.customXmlParts.add(xml);
    pending += xml.length;
    const firstProfile = plan.sheets.find((s) => s.key.startsWith("profile:"));
    if (firstProfile) temp.get(firstProfile.key)!.activate();
    await sync();
    return {
      sheets: ownedNow,
      syncs,
      largestRequestBytes: largest,
      renamed: renames.map(([planned, used]) => ({ planned, used })),
    };
  } catch (error) {
    // Remove whatever temporary sheets were created; the old report was not touched.
    try {
      const all = wb.worksheets;
      all.load("items/name");
      await context.sync();
      for (const s of all.items) if (tempNames.includes(s.name)) s.delete();
      await context.sync();
    } catch {
      // The original failure is what the user needs to hear about.
    }
    if (error instanceof GatewayError) throw error;
    throw writeFailed(error);
  }
}
