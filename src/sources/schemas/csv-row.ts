/**
 * One row of a tidy CSV — or of a range in a sheet — as papaparse gives it, every field
 * text, typed: region and indicator as bounded text (resolved by the reader), the year as
 * four digits of an annual figure, the value as a finite number (decimal comma or point,
 * thousands separated by spaces) or one of SSB's symbols, the status as bounded, XML-safe
 * text.
 */
import { boundedText, dataYear, say, v } from "../../kostra/schema";
import { statusSymbol } from "./common";

/** SSB's symbols for a cell without a number. "-" means an exact zero. */
const MISSING_SYMBOLS = new Set([".", "..", "...", ":"]);

/** Parse a number written as "1 234,5", "1234.5", "1.234,5" or "-12". Returns null if it is not a number. */
export function parseNumber(raw: string): number | null {
  let s = raw.trim().replace(/[\s\u00a0\u202f]/g, "").replace(/\u2212/g, "-");
  if (s === "") return null;
  if (s.includes(",") && s.includes(".")) {
    // The separator that comes last is the decimal one.
    s = s.lastIndexOf(",") > s.lastIndexOf(".") ? s.replace(/\./g, "").replace(",", ".") : s.replace(/,/g, "");
  } else if (s.includes(",")) {
    s = s.replace(",", ".");
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return null;
  return Number(s);
}

/** SSB's codes for part of a year: quarter 2017K1, month 2017M03, half 2017H1, week 2017U01, tertial 2017T1, or a date. */
const SUB_ANNUAL = /^\d{4}([A-Za-z]\d{1,2}|-\d{2}(-\d{2})?)$/;

const NOT_A_YEAR = say({ nb: "er ikke et årstall", en: "is not a year" });

const year = v.pipe(
  v.string(),
  v.check((s) => !SUB_ANNUAL.test(s), say({ nb: "er en tidskode for del av et år; indikatorene er årlige", en: "is a time code for part of a year; the indicators are annual" })),
  v.regex(/^\d{4}$/, NOT_A_YEAR),
  v.transform(Number),
  dataYear(),
);

/** A value cell: a number, empty (missing), one of SSB's symbols for missing, or "-" (an exact zero). */
export interface CsvCell {
  value: number | null;
  /** The SSB symbol the cell held instead of a number. */
  symbol?: string;
}

const cell = v.pipe(
  v.string(),
  v.maxLength(100),
  v.rawTransform(({ dataset, addIssue, NEVER }): CsvCell => {
    const raw = dataset.value;
    if (raw === "") return { value: null };
    if (MISSING_SYMBOLS.has(raw)) return { value: null, symbol: raw };
    if (raw === "-") return { value: 0, symbol: "-" };
    const n = parseNumber(raw);
    if (n === null) {
      addIssue({ message: say({ nb: "er ikke et tall", en: "is not a number" }) });
      return NEVER;
    }
    if (!Number.isFinite(n)) {
      addIssue({ message: say({ nb: "er ikke et endelig tall", en: "is not a finite number" }) });
      return NEVER;
    }
    return { value: n };
  }),
);

export const CSV_ROW = v.object({
  /** "0219", "0219 Bærum" or "Bærum". */
  region: boundedText(),
  /** A catalog id or label. */
  indicator: boundedText(),
  year,
  value: cell,
  status: v.optional(statusSymbol()),
});

export type CsvRow = v.InferOutput<typeof CSV_ROW>;
export type CsvField = keyof typeof CSV_ROW.entries;
