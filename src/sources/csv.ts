/**
 * Tidy CSV import: one observation per line, columns
 * `region;indicator;year;value[;status]` (header required; Norwegian column names
 * accepted). Comma or semicolon separated, decimal comma or point, thousands
 * separated by spaces, UTF-8 with/without BOM or Latin-1. A region may be given as
 * "0219", "0219 Bærum" or "Bærum"; an indicator by its catalog id or label.
 */
import Papa from "papaparse";
import { INDICATORS } from "../kostra/catalog";
import { badInput } from "../kostra/errors";
import { isCodeValidInYear, codeForYear, resolveMunicipality } from "../kostra/municipalities";
import type { LocalizedText, Observation } from "../kostra/types";

const COLUMN_NAMES: Record<"region" | "indicator" | "year" | "value" | "status", string[]> = {
  region: ["region", "kommune", "kommunenummer", "municipality"],
  indicator: ["indicator", "indikator"],
  year: ["year", "år", "aar", "tid"],
  value: ["value", "verdi"],
  status: ["status", "symbol"],
};

/** SSB's symbols for a cell without a number. "-" means an exact zero. */
const MISSING_SYMBOLS = new Set([".", "..", "...", ":"]);

export interface CsvObservations {
  observations: Omit<Observation, "provenance">[];
  warnings: LocalizedText[];
}

const norm = (s: string): string => s.trim().toLocaleLowerCase("nb-NO");

const indicatorByText = new Map<string, string>();
for (const ind of INDICATORS) {
  indicatorByText.set(norm(ind.id), ind.id);
  indicatorByText.set(norm(ind.label.nb), ind.id);
  indicatorByText.set(norm(ind.label.en), ind.id);
}

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

export function readTidyCsv(text: string, name: string): CsvObservations {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = firstLine.includes(";") ? ";" : firstLine.includes("\t") ? "\t" : ",";
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: "greedy" });
  const fatal = parsed.errors.find((e) => e.type === "Quotes");
  if (fatal) {
    const line = (fatal.row ?? 0) + 1;
    throw badInput({
      nb: `${name} linje ${line}: uavsluttet anførselstegn.`,
      en: `${name} line ${line}: unterminated quote.`,
    });
  }
  return readTidyRows(parsed.data, name);
}

/**
 * Read tidy rows (a header row, then one observation per row) from any tabular source:
 * a parsed CSV or a range in a sheet. Lines are numbered from 1 for messages.
 */
export function readTidyRows(rows: string[][], name: string): CsvObservations {
  if (rows.length === 0) throw badInput({ nb: `${name}: filen er tom.`, en: `${name}: the file is empty.` });

  const header = rows[0].map(norm);
  const col = {} as Record<keyof typeof COLUMN_NAMES, number>;
  for (const [key, names] of Object.entries(COLUMN_NAMES) as [keyof typeof COLUMN_NAMES, string[]][]) {
    col[key] = header.findIndex((h) => names.includes(h));
  }
  const missingCols = (["region", "indicator", "year", "value"] as const).filter((k) => col[k] < 0);
  if (missingCols.length > 0) {
    throw badInput({
      nb: `${name} linje 1: mangler kolonne ${missingCols.map((c) => `«${COLUMN_NAMES[c][1] ?? c}»`).join(", ")}. Forventet overskrift: region;indikator;år;verdi[;status].`,
      en: `${name} line 1: missing column ${missingCols.map((c) => `"${c}"`).join(", ")}. Expected header: region;indicator;year;value[;status].`,
    });
  }

  const observations: CsvObservations["observations"] = [];
  const seen = new Map<string, number>();
  const unknownRegions = new Map<string, number>();
  const unknownIndicators = new Map<string, number>();
  const at = (line: number, field: string) => `${name} linje ${line}, felt «${field}»`;
  const atEn = (line: number, field: string) => `${name} line ${line}, field "${field}"`;

  for (let r = 1; r < rows.length; r++) {
    const line = r + 1;
    const row = rows[r];
    const get = (k: keyof typeof COLUMN_NAMES) => (col[k] >= 0 ? (row[col[k]] ?? "").trim() : "");
    if (row.length < header.length && row.length < 4) {
      throw badInput({
        nb: `${name} linje ${line}: har ${row.length} felt, forventet ${header.length}.`,
        en: `${name} line ${line}: has ${row.length} fields, expected ${header.length}.`,
      });
    }
    // Excel drops a leading zero from codes typed or saved as numbers ("301" for 0301).
    const rawRegion = get("region");
    const regionText = /^\d{3}$/.test(rawRegion) ? rawRegion.padStart(4, "0") : rawRegion;
    const m = resolveMunicipality(regionText);
    if (!m) {
      if (!unknownRegions.has(regionText)) unknownRegions.set(regionText, line);
      continue;
    }
    const indText = get("indicator");
    const indicator = indicatorByText.get(norm(indText));
    if (!indicator) {
      if (!unknownIndicators.has(indText)) unknownIndicators.set(indText, line);
      continue;
    }
    const yearText = get("year");
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    if (!(year >= 1990 && year <= 2100)) {
      throw badInput({ nb: `${at(line, "år")}: «${yearText}» er ikke et årstall.`, en: `${atEn(line, "year")}: "${yearText}" is not a year.` });
    }
    const valueText = get("value");
    let status = get("status") || undefined;
    let value: number | null;
    if (valueText === "" || MISSING_SYMBOLS.has(valueText)) {
      value = null;
      status = MISSING_SYMBOLS.has(valueText) ? valueText : status ?? "..";
    } else if (valueText === "-") {
      value = 0;
      status = "-";
    } else {
      value = parseNumber(valueText);
      if (value === null) {
        throw badInput({ nb: `${at(line, "verdi")}: «${valueText}» er ikke et tall.`, en: `${atEn(line, "value")}: "${valueText}" is not a number.` });
      }
    }
    const key = `${indicator}/${m.id}/${year}`;
    const prev = seen.get(key);
    if (prev !== undefined) {
      throw badInput({
        nb: `${name} linje ${line}: samme kommune, indikator og år som linje ${prev} (${m.name}, ${indicator}, ${year}).`,
        en: `${name} line ${line}: same municipality, indicator and year as line ${prev} (${m.name}, ${indicator}, ${year}).`,
      });
    }
    seen.set(key, line);
    const given = /^\d{4}/.exec(regionText)?.[0];
    const code = given && isCodeValidInYear(given, year) ? given : codeForYear(m, year) ?? given ?? m.codes[0].code;
    observations.push({ indicator, municipality: m.id, year, code, value, ...(status ? { status } : {}) });
  }

  const warnings: LocalizedText[] = [];
  const list = (mp: Map<string, number>) =>
    [...mp].slice(0, 6).map(([t, l]) => `«${t}» (linje ${l})`).join(", ") + (mp.size > 6 ? " …" : "");
  const listEn = (mp: Map<string, number>) =>
    [...mp].slice(0, 6).map(([t, l]) => `"${t}" (line ${l})`).join(", ") + (mp.size > 6 ? " …" : "");
  if (unknownRegions.size) {
    warnings.push({
      nb: `${name}: ukjente regioner hoppet over: ${list(unknownRegions)}.`,
      en: `${name}: unknown regions skipped: ${listEn(unknownRegions)}.`,
    });
  }
  if (unknownIndicators.size) {
    warnings.push({
      nb: `${name}: ukjente indikatorer hoppet over: ${list(unknownIndicators)}.`,
      en: `${name}: unknown indicators skipped: ${listEn(unknownIndicators)}.`,
    });
  }
  if (observations.length === 0) {
    throw badInput({
      nb: `${name}: ingen rader med kjent kommune og indikator.` + (warnings.length ? ` ${warnings.map((w) => w.nb).join(" ")}` : ""),
      en: `${name}: no rows with a known municipality and indicator.` + (warnings.length ? ` ${warnings.map((w) => w.en).join(" ")}` : ""),
    });
  }
  return { observations, warnings };
}
