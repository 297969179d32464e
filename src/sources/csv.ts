/**
 * Tidy CSV import: one observation per line, columns
 * `region;indicator;year;value[;status]` (header required; Norwegian column names
 * accepted). Comma or semicolon separated, decimal comma or point, thousands
 * separated by spaces, UTF-8 with/without BOM or Latin-1. A region may be given as
 * "0219", "0219 Bærum" or "Bærum"; an indicator by its catalog id or label. Every row is
 * typed by the schema CSV_ROW; a problem is named by file, line, field and the text found.
 */
import Papa from "papaparse";
import { INDICATORS } from "../kostra/catalog";
import { badInput, type KostraError } from "../kostra/errors";
import { MAX_OBSERVATIONS } from "../kostra/limits";
import { codeForYear, codeNamedBy, isAggregate, isCodeValidInYear, resolveMunicipality } from "../kostra/municipalities";
import { quoteInput } from "../kostra/safe-text";
import { describeIssues, v } from "../kostra/schema";
import type { LocalizedText, Municipality, Observation } from "../kostra/types";
import { duplicateDetails, ObservationIndex } from "./conflicts";
import { countText } from "./message-numbers";
import { codeMismatch, regionName, whyNoCode } from "./region-codes";
import { hasOwn } from "./schemas/common";
import { CSV_ROW, type CsvField } from "./schemas/csv-row";

export { parseNumber } from "./schemas/csv-row";

const COLUMN_NAMES: Record<CsvField, string[]> = {
  region: ["region", "kommune", "kommunenummer", "municipality"],
  indicator: ["indicator", "indikator"],
  year: ["year", "år", "aar", "tid"],
  value: ["value", "verdi"],
  status: ["status", "symbol"],
};

/** Each field's name in Norwegian messages (English ones use the field's own name). */
const FIELD_NB: Record<CsvField, string> = { region: "region", indicator: "indikator", year: "år", value: "verdi", status: "status" };

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

/** A function's results by argument, for one file's worth of calls. */
function memo<T>(f: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    if (known.has(text)) return known.get(text) as T;
    const result = f(text);
    known.set(text, result);
    return result;
  };
}

/** What the schema says about an issue, without a place ("er ikke et tall."). */
function problemOf(issue: v.BaseIssue<unknown>): LocalizedText {
  const text = describeIssues([{ ...issue, path: undefined }], "");
  return { nb: text.nb.replace(/^: /, ""), en: text.en.replace(/^: /, "") };
}

/** The row's field an issue is about, or undefined when it is about the row as a whole. */
function fieldOf(issue: v.BaseIssue<unknown>): CsvField | undefined {
  const key: unknown = issue.path?.[0]?.key;
  return typeof key === "string" && hasOwn(FIELD_NB, key) ? (key as CsvField) : undefined;
}

/**
 * The first problem of a row, as "t.csv linje 2, felt «verdi»: «12x» er ikke et tall.", or
 * "t.csv linje 2: …" when it is not about one field.
 */
export function csvRowProblem(issues: readonly v.BaseIssue<unknown>[], fields: Record<CsvField, string | undefined>, name: string, line: number): KostraError {
  const issue = issues[0];
  const field = fieldOf(issue);
  const what = problemOf(issue);
  if (field === undefined) return badInput({ nb: `${name} linje ${line}: ${what.nb}`, en: `${name} line ${line}: ${what.en}` });
  const raw = quoteInput(fields[field] ?? "", 40);
  return badInput({
    nb: `${name} linje ${line}, felt «${FIELD_NB[field]}»: «${raw}» ${what.nb}`,
    en: `${name} line ${line}, field "${field}": "${raw}" ${what.en}`,
  });
}

/**
 * Which column holds each field. A field named by two columns ("verdi;verdi", or "value"
 * beside "verdi") is refused: reading one of them would silently drop the other.
 */
function columnsOf(headerRow: readonly string[], name: string): Record<CsvField, number> {
  const header = headerRow.map(norm);
  const col = {} as Record<CsvField, number>;
  for (const [key, names] of Object.entries(COLUMN_NAMES) as [CsvField, string[]][]) {
    const at = header.flatMap((h, i) => (names.includes(h) ? [i] : []));
    if (at.length > 1) {
      const [first, second] = [at[0], at[1]];
      const [a, b] = [quoteInput(headerRow[first].trim(), 40), quoteInput(headerRow[second].trim(), 40)];
      const where = { nb: `(kolonne ${first + 1} og ${second + 1})`, en: `(columns ${first + 1} and ${second + 1})` };
      throw badInput(
        header[first] === header[second]
          ? { nb: `${name} linje 1: kolonnen «${a}» står to ganger ${where.nb}.`, en: `${name} line 1: the column "${a}" appears twice ${where.en}.` }
          : { nb: `${name} linje 1: kolonnene «${a}» og «${b}» betyr begge ${FIELD_NB[key]} ${where.nb}.`, en: `${name} line 1: the columns "${a}" and "${b}" both mean ${key} ${where.en}.` },
      );
    }
    col[key] = at.length ? at[0] : -1;
  }
  return col;
}

/** "t.csv linje 2: «1534 Haram» er Haram, som ikke hadde eget kommunenummer i 2021 (den var en del av Ålesund)." */
function withoutCode(m: Municipality, regionText: string, year: number, name: string, line: number): KostraError {
  const why = whyNoCode(m, year);
  const [text, aggregate] = [quoteInput(regionText, 40), isAggregate(m)];
  const nb = `${name} linje ${line}: «${text}» er ${regionName(m, "nb")}, som ikke hadde ${aggregate ? "egen kode" : "eget kommunenummer"} i ${year}`;
  const en = `${name} line ${line}: "${text}" is ${regionName(m, "en")}, which had no code of its own in ${year}`;
  return badInput(why ? { nb: `${nb} (${why.nb}).`, en: `${en} (${why.en}).` } : { nb: `${nb}.`, en: `${en}.` });
}

/** "t.csv linje 2, felt «region»: koden «3201» gjelder ikke Bærum i 2017 (den er gyldig fra 2024; Bærum hadde 0219)." */
function codeNotOfYear(m: Municipality, code: string, year: number, name: string, line: number): KostraError {
  const why = codeMismatch(m, code, year, quoteInput(code, 40))!;
  return badInput({ nb: `${name} linje ${line}, felt «${FIELD_NB.region}»: ${why.nb}.`, en: `${name} line ${line}, field "region": ${why.en}.` });
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

  const header = rows[0];
  const col = columnsOf(header, name);
  const missingCols = (["region", "indicator", "year", "value"] as const).filter((k) => col[k] < 0);
  if (missingCols.length > 0) {
    throw badInput({
      nb: `${name} linje 1: mangler kolonne ${missingCols.map((c) => `«${COLUMN_NAMES[c][1] ?? c}»`).join(", ")}. Forventet overskrift: region;indikator;år;verdi[;status].`,
      en: `${name} line 1: missing column ${missingCols.map((c) => `"${c}"`).join(", ")}. Expected header: region;indicator;year;value[;status].`,
    });
  }

  if (rows.length - 1 > MAX_OBSERVATIONS) {
    const limit = countText(MAX_OBSERVATIONS);
    throw badInput({ nb: `${name}: har flere enn ${limit.nb} rader, som er grensen.`, en: `${name}: has more than ${limit.en} rows, the limit.` });
  }

  const observations: CsvObservations["observations"] = [];
  const read = new ObservationIndex<number>();
  // A file repeats a few region and indicator texts on every line: each is resolved once.
  const regionOf = memo(resolveMunicipality);
  const indicatorOf = memo((text: string) => indicatorByText.get(norm(text)));
  const unknownRegions = new Map<string, number>();
  const unknownIndicators = new Map<string, number>();

  for (let r = 1; r < rows.length; r++) {
    const line = r + 1;
    const row = rows[r];
    const get = (k: CsvField) => (col[k] >= 0 ? (row[col[k]] ?? "").trim() : "");
    if (row.length < header.length && row.length < 4) {
      throw badInput({
        nb: `${name} linje ${line}: har ${row.length} felt, forventet ${header.length}.`,
        en: `${name} line ${line}: has ${row.length} fields, expected ${header.length}.`,
      });
    }
    const fields = { region: get("region"), indicator: get("indicator"), year: get("year"), value: get("value"), status: get("status") || undefined };
    const parsed = v.safeParse(CSV_ROW, fields, { abortEarly: true });
    if (!parsed.success) throw csvRowProblem(parsed.issues, fields, name, line);
    const typed = parsed.output;
    // Excel drops a leading zero from codes typed or saved as numbers ("301" for 0301).
    const regionText = /^\d{3}$/.test(typed.region) ? typed.region.padStart(4, "0") : typed.region;
    const m = regionOf(regionText);
    if (!m) {
      if (!unknownRegions.has(regionText)) unknownRegions.set(regionText, line);
      continue;
    }
    const indicator = indicatorOf(typed.indicator);
    if (!indicator) {
      if (!unknownIndicators.has(typed.indicator)) unknownIndicators.set(typed.indicator, line);
      continue;
    }
    const { year } = typed;
    const { value, symbol } = typed.value;
    const status = symbol ?? typed.status ?? (value === null ? ".." : undefined);
    // The region must have had a code that year, and a code the file gives must be the one
    // valid that year (isCodeValidInYear, the rule every reader applies): "3201" (Bærum from
    // 2024) in a 2017 row is refused, not read as Bærum's 0219.
    const code = codeForYear(m, year);
    if (code === undefined) throw withoutCode(m, regionText, year, name, line);
    const named = codeNamedBy(regionText);
    if (named !== undefined && !isCodeValidInYear(named, year)) throw codeNotOfYear(m, named, year, name, line);
    const o = { indicator, municipality: m.id, year, code, value, ...(status ? { status } : {}) };
    const earlier = read.add(o, line);
    if (earlier) {
      const details = duplicateDetails(o, earlier);
      throw badInput({
        nb: `${name} linje ${line}: samme kommune, indikator og år som linje ${earlier.place}${details.nb}`,
        en: `${name} line ${line}: same municipality, indicator and year as line ${earlier.place}${details.en}`,
      });
    }
    observations.push(o);
  }

  const warnings: LocalizedText[] = [];
  const list = (mp: Map<string, number>) =>
    [...mp].slice(0, 6).map(([t, l]) => `«${quoteInput(t, 40)}» (linje ${l})`).join(", ") + (mp.size > 6 ? " …" : "");
  const listEn = (mp: Map<string, number>) =>
    [...mp].slice(0, 6).map(([t, l]) => `"${quoteInput(t, 40)}" (line ${l})`).join(", ") + (mp.size > 6 ? " …" : "");
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
