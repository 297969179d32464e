/**
 * The same workbook as values: every formula of a recalculated .xlsx dropped, its cached
 * result kept as the cell's value — what "Lim inn verdier" over every sheet gives. The
 * recalculation benchmark compares a report with its values-only copy, so the difference
 * is the formulas' cost alone (same cells, styles, tables and charts).
 */
import JSZip from "jszip";

/** A cell's formula element: `<f>…</f>`, `<f …>…</f>` or `<f …/>` (a shared formula's follower). */
const FORMULA = /<f(?:\s[^>]*)?\/>|<f(?:\s[^>]*)?>[^<]*<\/f>/g;

/** The workbook with no formulas (and no calculation chain), given one whose formulas have cached results. */
export async function valuesOnly(recalculated: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(recalculated);
  for (const name of Object.keys(zip.files)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const xml = await zip.file(name)!.async("string");
    zip.file(name, xml.replace(FORMULA, ""));
  }
  zip.remove("xl/calcChain.xml");
  const types = zip.file("[Content_Types].xml");
  if (types) zip.file("[Content_Types].xml", (await types.async("string")).replace(/<Override[^>]*calcChain[^>]*\/>/g, ""));
  const rels = zip.file("xl/_rels/workbook.xml.rels");
  if (rels) zip.file("xl/_rels/workbook.xml.rels", (await rels.async("string")).replace(/<Relationship[^>]*calcChain[^>]*\/>/g, ""));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/** How many matches of `pattern` (global) the workbook's sheets hold. */
async function countInSheets(xlsx: Uint8Array, pattern: RegExp): Promise<number> {
  const zip = await JSZip.loadAsync(xlsx);
  let n = 0;
  for (const name of Object.keys(zip.files)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    n += ((await zip.file(name)!.async("string")).match(pattern) ?? []).length;
  }
  return n;
}

/** How many formulas the workbook holds (a values-only copy holds none). */
export const formulaCount = (xlsx: Uint8Array): Promise<number> => countInSheets(xlsx, FORMULA);

/** How many cells hold an error (#N/A, #REF!, #DIV/0!, …) in a recalculated workbook. */
export const errorCellCount = (xlsx: Uint8Array): Promise<number> => countInSheets(xlsx, /<c\s[^>]*\bt="e"/g);
