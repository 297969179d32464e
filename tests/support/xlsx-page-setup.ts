/**
 * How an .xlsx file says its sheets print, read straight from its XML: orientation,
 * fitting, the header and footer codes, page breaks, and the built-in names for print
 * area and title rows. Attributes a writer may leave out read as SpreadsheetML's defaults
 * (fitToWidth and fitToHeight 1, portrait).
 */
import JSZip from "jszip";
import { ooxmlParser } from "./ooxml-parser";

export interface SheetPrint {
  orientation: string;
  fitToPage: boolean;
  fitToWidth: number;
  fitToHeight: number;
  paperSize: number | null;
  oddHeader: string;
  oddFooter: string;
  /** Rows a manual break puts at the top of a page (1-based). */
  rowBreaks: number[];
  /** The names' formulas: "'Sheet'!$A$1:$P$45", "'Sheet'!$7:$7". */
  printArea: string | null;
  printTitles: string | null;
}

type Node = Record<string, unknown>;
const parser = ooxmlParser(["sheet", "Relationship", "definedName", "brk"]);

const textOf = (node: unknown): string =>
  node === undefined || node === null ? "" : typeof node === "object" ? textOf((node as Node)["#text"]) : String(node);
const truthy = (v: unknown) => v === "1" || v === "true";

/** Each sheet's print settings, by sheet name. */
export async function readPageSetups(bytes: Uint8Array): Promise<Map<string, SheetPrint>> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string): Promise<Node> => parser.parse(await zip.file(name)!.async("string")) as Node;
  const workbook = (await read("xl/workbook.xml")).workbook as Node;
  const rels = ((await read("xl/_rels/workbook.xml.rels")).Relationships as Node).Relationship as Node[];
  const target = new Map(rels.map((r) => [String(r["@Id"]), String(r["@Target"]).replace(/^\/?(xl\/)?/, "xl/")]));
  const names = (((workbook.definedNames as Node | undefined)?.definedName as Node[] | undefined) ?? []).map((n) => ({
    name: String(n["@name"]),
    sheet: n["@localSheetId"] === undefined ? -1 : Number(n["@localSheetId"]),
    formula: textOf(n),
  }));
  const out = new Map<string, SheetPrint>();
  const sheets = ((workbook.sheets as Node).sheet as Node[]) ?? [];
  for (const [i, entry] of sheets.entries()) {
    const ws = (await read(target.get(String(entry["@r:id"]))!)).worksheet as Node;
    const setup = (ws.pageSetup as Node | undefined) ?? {};
    const hf = (ws.headerFooter as Node | undefined) ?? {};
    const pr = ((ws.sheetPr as Node | undefined)?.pageSetUpPr as Node | undefined) ?? {};
    const breaks = (((ws.rowBreaks as Node | undefined)?.brk as Node[] | undefined) ?? []).map((b) => Number(b["@id"]) + 1);
    const named = (n: string) => names.find((x) => x.sheet === i && x.name === n)?.formula ?? null;
    out.set(String(entry["@name"]), {
      orientation: String(setup["@orientation"] ?? "portrait"),
      fitToPage: truthy(pr["@fitToPage"]),
      fitToWidth: Number(setup["@fitToWidth"] ?? 1),
      fitToHeight: Number(setup["@fitToHeight"] ?? 1),
      paperSize: setup["@paperSize"] === undefined ? null : Number(setup["@paperSize"]),
      oddHeader: textOf(hf.oddHeader),
      oddFooter: textOf(hf.oddFooter),
      rowBreaks: breaks,
      printArea: named("_xlnm.Print_Area"),
      printTitles: named("_xlnm.Print_Titles"),
    });
  }
  return out;
}
