/**
 * An earlier report's data sheet read back as the previous figures: what "Oppdater" compares
 * the new figures with (the workbook's own data sheet, read before it is rewritten), so the
 * new data sheet can keep each previous value and its vintage beside the new one.
 *
 * The sheet is input like any other — a user may have typed over it, sorted it, or a shared
 * workbook may carry anything — so every row goes through a schema: the key must be one the
 * report writes (indicator|municipality|year, encoded as data-sheet.ts encodes it), the value
 * a finite number or one of SSB's symbols, the vintage a date. The first problem stops the
 * reading with one line in each language naming the sheet, the row and the column; nothing is
 * guessed. Rows of figures the report computed for a merged municipality (key ending in
 * "|sammenslått") are not SSB's figures and are left out; rows after the table (no key) end it.
 */
import { badInput } from "../kostra/errors";
import { MAX_OBSERVATIONS } from "../kostra/limits";
import { quoteInput } from "../kostra/safe-text";
import { boundedText, dataYear, finiteNumber, isoDateTime, parseInput, say, v } from "../kostra/schema";
import type { Dataset, Lang, Observation, Provenance } from "../kostra/types";
import { DATA_SHEET_HEADERS, decodeKeyPart } from "./data-sheet";

export { DATA_SHEET_KEY } from "./data-sheet";

/** What a cell of a sheet can hold as Office.js reads it (Range.values) or a file's cell. */
export type SheetValue = string | number | boolean | null | undefined;

/** SSB's symbols for a missing figure, and "" for an empty cell. */
const SYMBOLS = ["", ".", "..", "...", ":", "-"] as const;

const MERGED_SUFFIX = "|sammenslått";

const keySchema = v.pipe(
  v.string(),
  v.maxLength(600),
  v.transform((k) => {
    const parts = k.split("|");
    const [indicator, municipality] = parts.slice(0, 2).map(decodeKeyPart);
    return parts.length === 3 && indicator && municipality && /^\d{4}$/.test(parts[2]) ? { indicator, municipality, year: Number(parts[2]) } : null;
  }),
  v.custom<{ indicator: string; municipality: string; year: number }>((x) => x !== null, say({ nb: "er ikke en nøkkel rapporten skriver (indikator|kommune|år)", en: "is not a key the report writes (indicator|municipality|year)" })),
  v.object({ indicator: boundedText(200), municipality: boundedText(200), year: dataYear() }),
);

const rowSchema = v.object({
  key: keySchema,
  value: v.union([finiteNumber(), v.picklist(SYMBOLS, say({ nb: "er verken et tall eller et SSB-symbol (.., ., :)", en: "is neither a number nor an SSB symbol (.., ., :)" }))]),
  status: v.optional(v.union([v.literal(""), v.picklist(SYMBOLS.slice(1))]), ""),
  // A code or table number Excel has taken for a number ("0219" typed into a cell becomes 219) is read as text.
  code: v.optional(v.union([boundedText(20), v.pipe(finiteNumber(), v.transform(String))]), ""),
  table: v.optional(v.union([boundedText(20), v.pipe(finiteNumber(), v.transform(String))]), ""),
  updated: v.optional(v.union([v.literal(""), isoDateTime()]), ""),
});

/** The columns the reading needs, by their place in the data sheet's headings: Nøkkel, Kommunenr., Verdi, SSB-symbol, Tabell, SSB oppdatert. */
const READ = { key: 0, code: 4, value: 6, status: 7, table: 8, updated: 11 } as const;
type Column = keyof typeof READ;

/** Where each column the reading needs is in a header row (−1: not there), found by its heading in either language. */
function findColumns(header: readonly SheetValue[]): Record<Column, number> {
  const find = (i: number) => {
    const names = (Object.keys(DATA_SHEET_HEADERS) as Lang[]).map((l) => DATA_SHEET_HEADERS[l][i]);
    return header.findIndex((h) => typeof h === "string" && names.includes(h.trim()));
  };
  return Object.fromEntries(Object.entries(READ).map(([c, i]) => [c, find(i)])) as Record<Column, number>;
}

/**
 * The positions of the columns the reading needs in a data sheet's header row, in order,
 * so a workbook gateway can read those columns only; none when it is not a data sheet.
 */
export function dataSheetColumns(header: readonly SheetValue[]): number[] {
  const cols = findColumns(header);
  if (cols.key < 0 || cols.value < 0) return [];
  return Object.values(cols).filter((c) => c >= 0).sort((a, b) => a - b);
}

function columnsOf(header: readonly SheetValue[], where: string): Record<Column, number> {
  const cols = findColumns(header);
  const missing = (["key", "value"] as const).filter((c) => cols[c] < 0);
  if (missing.length > 0) {
    const names = missing.map((c) => `«${DATA_SHEET_HEADERS.nb[READ[c]]}»`).join(", ");
    const namesEn = missing.map((c) => `"${DATA_SHEET_HEADERS.en[READ[c]]}"`).join(", ");
    throw badInput({
      nb: `${quoteInput(where, 80)} er ikke en KOSTRA-dataside: kolonnen ${names} mangler i første rad.`,
      en: `${quoteInput(where, 80)} is not a KOSTRA data sheet: the column ${namesEn} is missing from its first row.`,
    });
  }
  return cols;
}

/**
 * The figures of an earlier data sheet (`rows`: its used range, the header first) as a
 * dataset whose provenance keeps each figure's SSB vintage. `where` names the sheet in
 * messages. Throws KostraError ("bad-input") at the first row that is not as the report wrote it.
 */
export function datasetFromDataSheet(rows: readonly (readonly SheetValue[])[], where: string): Dataset {
  if (rows.length === 0) throw badInput({ nb: `${quoteInput(where, 80)} er tom.`, en: `${quoteInput(where, 80)} is empty.` });
  if (rows.length - 1 > MAX_OBSERVATIONS)
    throw badInput({ nb: `${quoteInput(where, 80)} har for mange rader (over ${MAX_OBSERVATIONS}).`, en: `${quoteInput(where, 80)} has too many rows (over ${MAX_OBSERVATIONS}).` });
  const cols = columnsOf(rows[0], where);
  const provenance: Provenance[] = [];
  const provenanceOf = new Map<string, number>();
  const observations: Observation[] = [];
  const seen = new Map<string, number>();
  const cell = (row: readonly SheetValue[], col: number) => (col < 0 ? undefined : typeof row[col] === "string" ? (row[col] as string).trim() : (row[col] ?? undefined));
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i];
    const key = cell(r, cols.key);
    if (key === undefined || key === "") continue;
    if (typeof key === "string" && key.endsWith(MERGED_SUFFIX)) continue;
    const parsed = parseInput(rowSchema, { key, value: cell(r, cols.value) ?? "", status: cell(r, cols.status), code: cell(r, cols.code), table: cell(r, cols.table), updated: cell(r, cols.updated) }, `${where} (rad/row ${i + 1})`);
    const id = `${parsed.key.indicator}|${parsed.key.municipality}|${parsed.key.year}`;
    const twice = seen.get(id);
    if (twice !== undefined)
      throw badInput({
        nb: `${quoteInput(where, 80)}: rad ${twice} og ${i + 1} har samme tall (${quoteInput(id, 120)}).`,
        en: `${quoteInput(where, 80)}: rows ${twice} and ${i + 1} hold the same figure (${quoteInput(id, 120)}).`,
      });
    seen.set(id, i + 1);
    const vintage = `${parsed.table}\n${parsed.updated}`;
    let p = provenanceOf.get(vintage);
    if (p === undefined) {
      p = provenance.length;
      provenanceOf.set(vintage, p);
      provenance.push({ source: "sheet", query: where, ...(parsed.table ? { table: parsed.table } : {}), ...(parsed.updated ? { updated: parsed.updated } : {}) });
    }
    const value = typeof parsed.value === "number" ? parsed.value : null;
    const status = value === null ? parsed.status || (parsed.value as string) || ".." : parsed.status || undefined;
    observations.push({ ...parsed.key, code: parsed.code || parsed.key.municipality, value, ...(status ? { status } : {}), provenance: p });
  }
  return { observations, provenance };
}
