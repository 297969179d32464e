/**
 * The data sheet: every observation the report uses, one row each, as an Excel table
 * with provenance, in the caller's order (indicator, year, municipality). Profile and
 * time series formulas read a value from its own row — one cell, not the whole table —
 * while the table is in the order it was written, so a corrected value flows into tables
 * and charts, and recalculation costs the same at any size.
 *
 * Sorting and filtering: users sort and filter the data table, and a sort moves values
 * under formulas that keep pointing at the same cells. The table's last column, "Rad",
 * is each row's place as written, and one cell right of the table, on the header row
 * (which no sort of the table moves), says whether every row is still in its place:
 * SUMPRODUCT(--(Rad<>ROW(Rad)-1))=0. Each figure is
 *   IF(<in order>, <its row's value>, INDEX(values, MATCH(key, keys, 0)))
 * so once the table is sorted — or a row inserted, deleted, or its Rad typed over — every
 * figure finds its key in the whole key column by exact MATCH, which gives the right value
 * in any order. The numbers never depend on row order; only the speed does: a sorted table
 * recalculates as slowly as a whole-table lookup until it is sorted back by "Rad". One
 * thing the cell cannot see is a sorted table whose "Rad" has then been renumbered 1, 2, 3…
 * by hand: "Rad" is the order the report trusts.
 * A visible error ("the table has been sorted") was the alternative, but it would leave
 * users who sorted to read the table with a broken report until they sorted back; a
 * protected sheet would stop them from sorting at all. Filtering hides rows without
 * moving them, so every figure keeps reading its own row (and counts the rows a filter
 * hides: the report is not a view of the filter).
 *
 * Why one in-order cell, not each row's key: LibreOffice's forced recalculation of the 13
 * templates × 10 years × 50 peers report (bench "report-recalc", 78,782 lookups) measured
 * against its values-only copy, in CPU time, paired runs on a shared machine (load 13–16
 * on two cores, so the ratios are higher than on a quiet one): each figure
 * comparing its row's key cell, IF(row key = "key", value, INDEX/MATCH), 1.44× and 1.39×
 * in two runs; the in-order cell instead, 1.31× and 1.35×; no fallback at all (the row's
 * value only, not safe to sort) 1.11×. (Numbers compared instead of keys — each row's Rad — gained nothing, so
 * the cost is most likely the second cell each figure listens to, not the comparison.)
 * Whole-table names for the fallback's ranges (KostraNokkel, KostraVerdi) were slower
 * still in LibreOffice (1.76× against 1.68× for the ranges written out, before the weights
 * were shared, network-basis.ts), so the ranges are written out.
 *
 * Computed rows (a merged municipality's years before the merger) follow the published
 * ones, marked "Beregnet (sammenslått)" with their parts listed. Their value is a live
 * formula over the parts' rows, found by key as well: a sum of the parts, or for a
 * per-capita figure the quotient of two visible helper cells, the summed amounts (in
 * kroner) and the summed population (or count). A part that is missing or not a number
 * gives an error, never a smaller sum.
 *
 * A figure KS computes from series (a ratio: barnevern per innbygger 0–17 år, road cost
 * per km) is a computed row too, under its ordinary key: the helper cells hold scale ×
 * the numerator's series (times the distribution key, if any) and the denominator's, and
 * the value is their quotient, ".." where a series is missing or the denominator is not
 * positive — as the engine computes it (src/kostra/ratios.ts).
 *
 * With the previous figures (report-changes.ts: "Oppdater", `kostra report --previous`) three
 * columns stand before "Rad": the previous value or SSB symbol, its SSB vintage, and what
 * changed ("revidert", "nytt tall", "trukket"); a changed row's value and mark are written
 * again in the "changed" style (a later block wins the cells it shares), so the mark is a
 * cell format both writers apply, not a conditional format over input. The previous figures
 * are plain numbers and text, so the sheet can be read back as the previous figures of the
 * next update (data-sheet-read.ts).
 */
import { amountIndicatorFor, indicatorFor } from "../kostra/catalog";
import { municipalityById } from "../kostra/municipalities";
import type { ComputedPart, Dataset, Lang, Observation } from "../kostra/types";
import { badInput } from "../kostra/errors";
import { quoteInput } from "../kostra/safe-text";
import { cellAddress, columnLetter, empty, formula, FORMULA_TEXT_MAX, num, numberFormat, quoteSheet, stringLiteral, text, type Block, type PlanCell, type SheetPlan } from "./plan";
import { REPORT_TEXT } from "./report-text";
import { CHANGE_LIST_TEXT } from "./change-list-text";
import { figureKey, type ReportChanges } from "./report-changes";
import { widthsForHeadings } from "./page-setup";

export const DATA_SHEET_KEY = "data";

/** Column positions (1-based) of the data table. */
const COL = { key: 1, label: 2, indicator: 3, municipality: 4, code: 5, year: 6, value: 7, status: 8, table: 9, query: 10, fetched: 11, updated: 12, note: 13, numerator: 14, denominator: 15 };
const FIRST_ROW = 2;

const HEADERS: Record<Lang, string[]> = {
  nb: ["Nøkkel", "Indikator", "Indikator-id", "Kommune", "Kommunenr.", "År", "Verdi", "SSB-symbol", "Tabell", "Spørring", "Hentet", "SSB oppdatert", "Merknad"],
  en: ["Key", "Indicator", "Indicator id", "Municipality", "Code", "Year", "Value", "SSB symbol", "Table", "Query", "Fetched", "SSB updated", "Note"],
};

/** Helper columns of computed per-capita rows: the summed amounts and the summed denominator. */
const COMPUTED_HEADERS: Record<Lang, string[]> = {
  nb: ["Beregning: teller (sum beløp, kr)", "Beregning: nevner"],
  en: ["Computation: numerator (sum of amounts, NOK)", "Computation: denominator"],
};

/** The last column: each row's place as written, to sort the table back by (the order the formulas read fastest in). */
const ORDER_HEADER: Record<Lang, string> = { nb: "Rad", en: "Row" };

/** Beside the in-order cell (TRUE while every row is in its place as written). */
const IN_ORDER_LABEL: Record<Lang, string> = {
  nb: `Tabellen står i skrevet rekkefølge («${ORDER_HEADER.nb}» = radens plass):`,
  en: `The table is in its written order ("${ORDER_HEADER.en}" = the row's place):`,
};

/** The key of a computed row: a ratio's own figure has the ordinary key, a merged municipality's the computed one. */
const rowKey = (o: Observation): string =>
  o.computed?.reason === "definition" ? observationKey(o.indicator, o.municipality, o.year) : computedKey(o.indicator, o.municipality, o.year);

/**
 * A key part as plain text to Excel: every character that could mean something in a
 * formula or to MATCH — quotes, the wildcards * ? ~, the separator |, control and
 * XML-forbidden characters — written as %{hex}. Catalog ids ("kunstformidling",
 * "baerum") stay as they are; two different ids never give the same key.
 */
const keyPart = (id: string): string => id.replace(/[^\p{L}\p{N}._:-]/gu, (c) => `%{${c.codePointAt(0)!.toString(16)}}`);

/** The id a key part was encoded from (keyPart's inverse); undefined when it is not one keyPart writes. */
export function decodeKeyPart(part: string): string | undefined {
  if (!/^(?:[\p{L}\p{N}._:-]|%\{[0-9a-f]{1,6}\})+$/u.test(part)) return undefined;
  let ok = true;
  const id = part.replace(/%\{([0-9a-f]{1,6})\}/g, (_, hex: string) => {
    const cp = parseInt(hex, 16);
    if (cp > 0x10ffff) ok = false;
    return ok ? String.fromCodePoint(cp) : "";
  });
  return ok ? id : undefined;
}

/** The data sheet's headers in both languages, for reading an earlier report's sheet back. */
export const DATA_SHEET_HEADERS = HEADERS;

export const observationKey = (indicator: string, municipality: string, year: number): string => `${keyPart(indicator)}|${keyPart(municipality)}|${year}`;

/**
 * A key as the text a formula looks up, the only input that enters a formula: encoded
 * (keyPart), so it is a plain string literal. An indicator id too long for Excel's
 * formula text is refused as input.
 */
function keyLiteral(key: string): string {
  if (key.length > FORMULA_TEXT_MAX) {
    const indicator = key.split("|")[0];
    throw badInput({
      nb: `Indikator-id-en ${quoteInput(indicator)} er for lang til å slås opp i en formel (høyst ${FORMULA_TEXT_MAX - (key.length - indicator.length)} tegn).`,
      en: `The indicator id ${quoteInput(indicator)} is too long to be looked up in a formula (at most ${FORMULA_TEXT_MAX - (key.length - indicator.length)} characters).`,
    });
  }
  return stringLiteral(key);
}
/** Key of a computed row (a merged municipality before its merger): never the same as a published row's. */
export const computedKey = (indicator: string, municipality: string, year: number): string => `${observationKey(indicator, municipality, year)}|sammenslått`;

export interface DataSheet {
  sheet: SheetPlan;
  /** A formula (without "=") giving the value of an observation, or "" when it is absent. Missing values give SSB's symbol as text. */
  lookup(indicator: string, municipality: string, year: number): string;
  /** Like `lookup`, for the computed row of a merged municipality's year before the merger; `""` when there is none. */
  lookupComputed(indicator: string, municipality: string, year: number): string;
}

/**
 * Build the data sheet. `observations` are written in the order given (callers sort);
 * `name` is the sheet's name in the workbook. `computed` observations (with `computed`)
 * are written after them, preceded by any of their parts' rows not already written.
 */
export function buildDataSheet(dataset: Dataset, observations: readonly Observation[], name: string, lang: Lang, computed: readonly Observation[] = [], changes?: ReportChanges): DataSheet {
  const withComputed = computed.length > 0;
  const prevHeaders = changes ? [CHANGE_LIST_TEXT[lang].dataColumns.previous, CHANGE_LIST_TEXT[lang].dataColumns.previousUpdated, CHANGE_LIST_TEXT[lang].dataColumns.changed] : [];
  const rows: PlanCell[][] = [[...HEADERS[lang], ...(withComputed ? COMPUTED_HEADERS[lang] : []), ...prevHeaders, ORDER_HEADER[lang]].map((h) => text(h))];
  // The previous vintage's columns, when the report compares with earlier figures (after the computation's helper columns).
  const cPrevious = (withComputed ? COL.denominator : COL.note) + 1;
  const cOrder = cPrevious + prevHeaders.length;
  const marked: Block[] = [];
  /** The previous figure, its vintage and the change's kind; a changed row's value and mark get the "changed" style. */
  const previousCells = (o: Observation, row: number, valueCell: PlanCell): PlanCell[] => {
    if (!changes) return [];
    const key = figureKey(o);
    const before = o.computed && o.computed.reason !== "definition" ? undefined : changes.previous.get(key);
    const kind = o.computed && o.computed.reason !== "definition" ? undefined : changes.changedKind.get(key);
    const format = numberFormat((indicatorFor(o.indicator) ?? amountIndicatorFor(o.indicator))?.decimals ?? 0);
    const mark = text(kind ? CHANGE_LIST_TEXT[lang].kinds[kind] : "");
    if (kind) {
      marked.push({ at: cellAddress(COL.value, row), rows: [[valueCell]], style: "changed" });
      marked.push({ at: cellAddress(cPrevious + 2, row), rows: [[mark]], style: "changed" });
    }
    return [before === undefined ? empty : before.value === null ? text(before.status ?? "..") : num(before.value, format), text(before?.updated ?? ""), mark];
  };
  const published = [...observations];
  const written = new Set(published.map((o) => observationKey(o.indicator, o.municipality, o.year)));
  const byKey = new Map(dataset.observations.filter((o) => !o.computed).map((o) => [observationKey(o.indicator, o.municipality, o.year), o]));
  for (const c of computed)
    for (const p of c.computed?.parts ?? [])
      for (const key of partKeys(p)) {
        const o = byKey.get(key);
        if (o && !written.has(key)) {
          written.add(key);
          published.push(o);
        }
      }
  for (const o of published) {
    const ind = indicatorFor(o.indicator) ?? amountIndicatorFor(o.indicator);
    const m = municipalityById(o.municipality);
    const p = dataset.provenance[o.provenance];
    const format = numberFormat(ind?.decimals ?? 0);
    const valueCell = o.value === null ? text(o.status ?? "..") : num(o.value, format);
    rows.push([
      text(observationKey(o.indicator, o.municipality, o.year)),
      text(ind?.label[lang] ?? o.indicator),
      text(o.indicator),
      text(m?.name ?? o.municipality),
      text(o.code),
      num(o.year, "0"),
      valueCell,
      text(o.status ?? ""),
      text(p?.table ?? ""),
      text(p?.query ?? (p?.source === "sample" ? "" : p?.source ?? "")),
      text(p?.fetchedAt ?? ""),
      text(p?.updated ?? ""),
      text(p?.synthetic ? REPORT_TEXT[lang].syntheticSample : ""),
      ...(withComputed ? [empty, empty] : []),
      ...previousCells(o, rows.length + 1, valueCell),
      num(rows.length, "0"),
    ]);
  }
  const total = published.length + computed.length;
  const last = FIRST_ROW + total - 1;
  const lastRow = Math.max(last, FIRST_ROW);
  const sheetRef = quoteSheet(name);
  const rowOf = new Map(published.map((o, i) => [observationKey(o.indicator, o.municipality, o.year), FIRST_ROW + i]));
  const computedRowOf = new Map<string, number>();
  computed.forEach((o, i) => (o.computed?.reason === "definition" ? rowOf : computedRowOf).set(rowKey(o), FIRST_ROW + published.length + i));
  // The in-order cell: right of the table, on the header row, which no sort of the table moves.
  const cInOrder = cOrder + 3;
  const remote = rowReader(sheetRef, lastRow, cInOrder);

  // Within the sheet the formulas need no sheet name.
  const local = rowReader("", lastRow, cInOrder);
  const ref = (key: string) => local(key, rowOf.get(key) ?? computedRowOf.get(key));
  computed.forEach((o, i) => {
    const row = FIRST_ROW + published.length + i;
    const how = o.computed!;
    const ind = indicatorFor(o.indicator) ?? amountIndicatorFor(o.indicator);
    const format = numberFormat(ind?.decimals ?? 0);
    const p = dataset.provenance[o.provenance];
    let value: PlanCell;
    let numerator: PlanCell = empty;
    let denominator: PlanCell = empty;
    const partRef = (part: ComputedPart) => ref(part.computed ? computedKey(part.indicator, part.municipality, part.year) : observationKey(part.indicator, part.municipality, part.year));
    if (how.method === "ratio") {
      const terms = (role: ComputedPart["role"]) => `(${how.parts.filter((p) => p.role === role).map(partRef).join("+")})`;
      const n = cellAddress(COL.numerator, row);
      const d = cellAddress(COL.denominator, row);
      const key = how.parts.some((p) => p.role === "share") ? `*${terms("share")}/(${terms("share")}+${terms("rest")})` : "";
      // A missing series: no formula, SSB's symbol for a missing value.
      if (o.value === null) value = text(o.status ?? "..");
      else {
        numerator = formula(`${how.scale ?? 1}*${terms("numerator")}${key}`, "#,##0.###");
        denominator = formula(terms("denominator").slice(1, -1), "#,##0.###");
        value = formula(`IF(AND(ISNUMBER(${n}),ISNUMBER(${d})),IF(${d}>0,${n}/${d},".."),"..")`, format);
      }
    } else if (how.method === "sum") {
      value = formula(how.parts.map(partRef).join("+"), format);
    } else {
      const amounts = how.parts.filter((part) => part.role === "amount");
      const dens = how.parts.filter((part) => part.role === "denominator");
      const denOf = (part: ComputedPart) => dens.find((d) => d.municipality === part.municipality)!;
      const amountTerms = amounts.map((part) =>
        part.derived ? `${ref(observationKey(part.indicator, part.municipality, part.year))}*${ref(observationKey(denOf(part).indicator, part.municipality, part.year))}` : ref(observationKey(part.indicator, part.municipality, part.year)),
      );
      const scale = how.amountScale ?? 1;
      numerator = formula(scale === 1 ? amountTerms.join("+") : `(${amountTerms.join("+")})*${scale}`, "#,##0");
      denominator = formula(dens.map((d) => ref(observationKey(d.indicator, d.municipality, d.year))).join("+"), "#,##0");
      const n = cellAddress(COL.numerator, row);
      const d = cellAddress(COL.denominator, row);
      value = formula(`IF(${d}>0,${n}/${d},"")`, format);
    }
    const m = municipalityById(o.municipality);
    const synthetic = p?.synthetic ? ` ${REPORT_TEXT[lang].syntheticSample}.` : "";
    rows.push([
      text(rowKey(o)),
      text(ind?.label[lang] ?? o.indicator),
      text(o.indicator),
      text(m?.name ?? o.municipality),
      text(o.code),
      num(o.year, "0"),
      value,
      text(""),
      text(p?.table ?? ""),
      text(""),
      text(""),
      text(""),
      text(how.note[lang] + synthetic),
      numerator,
      denominator,
      ...previousCells(o, rows.length + 1, value),
      num(rows.length, "0"),
    ]);
  });

  const order = cellAddress(cOrder, FIRST_ROW, true) + ":" + cellAddress(cOrder, lastRow, true);
  const inOrder: PlanCell[] = [text(IN_ORDER_LABEL[lang]), formula(`SUMPRODUCT(--(${order}<>ROW(${order})-${FIRST_ROW - 1}))=0`)];
  const sheet: SheetPlan = {
    key: DATA_SHEET_KEY,
    name,
    blocks: [{ at: "A1", rows }, ...marked, ...(total > 0 ? [{ at: cellAddress(cInOrder - 1, 1), rows: [inOrder], style: "note" as const }] : [])],
    tables: total > 0 ? [{ name: "KostraData", range: `A1:${cellAddress(cOrder, last)}` }] : [],
    // Wide enough for every heading: a table's header row shows one line.
    columnWidths: widthsForHeadings(
      {
        A: 12, B: 48, C: 22, D: 16, E: 11, F: 7, G: 12, H: 11, I: 8, J: 40, K: 22, L: 22, M: 22, ...(withComputed ? { M: 60, N: 22, O: 22 } : {}),
        ...(changes ? { [columnLetter(cPrevious)]: 14, [columnLetter(cPrevious + 1)]: 22, [columnLetter(cPrevious + 2)]: 11 } : {}),
        [columnLetter(cOrder)]: 7, [columnLetter(cInOrder - 1)]: 40, [columnLetter(cInOrder)]: 8,
      },
      rows[0].map((c) => (c.kind === "text" ? c.text : "")),
    ),
    freeze: { rows: 1, columns: 0 },
    hiddenColumns: ["A"],
  };
  return {
    sheet,
    lookup(indicator, municipality, year) {
      const key = observationKey(indicator, municipality, year);
      const row = rowOf.get(key);
      return row === undefined ? `""` : `IFERROR(${remote(key, row)},"")`;
    },
    lookupComputed(indicator, municipality, year) {
      const key = computedKey(indicator, municipality, year);
      const row = computedRowOf.get(key);
      return row === undefined ? `""` : `IFERROR(${remote(key, row)},"")`;
    },
  };
}

/**
 * The formula reading the value of the row written for `key` (at `row`), on the sheet
 * `sheetRef` ("" within the data sheet): the row's value while the table is in the order
 * it was written (the in-order cell in column `inOrderCol` of row 1 says so), else the
 * key's row found by exact MATCH over the whole key column — the table has been sorted,
 * and the value is still the right one (see the top of this file). IF evaluates only the
 * branch it takes, so an unsorted table costs one cell reference per figure. A key not in
 * the table gives #N/A; the caller wraps it as it needs.
 */
function rowReader(sheetRef: string, lastRow: number, inOrderCol: number): (key: string, row: number | undefined) => string {
  const at = (col: number, row: number) => `${sheetRef ? `${sheetRef}!` : ""}${cellAddress(col, row, true)}`;
  const column = (col: number) => `${at(col, FIRST_ROW)}:${cellAddress(col, lastRow, true)}`;
  const keys = column(COL.key);
  const values = column(COL.value);
  const inOrder = at(inOrderCol, 1);
  return (key, row) => {
    const anywhere = `INDEX(${values},MATCH(${keyLiteral(key)},${keys},0))`;
    return row === undefined ? anywhere : `IF(${inOrder},${at(COL.value, row)},${anywhere})`;
  };
}

/** The data-sheet keys of the published rows a computed part is read from (a computed part has its own row). */
function partKeys(p: ComputedPart): string[] {
  return p.computed ? [] : [observationKey(p.indicator, p.municipality, p.year)];
}
