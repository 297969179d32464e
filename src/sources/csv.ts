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
import { readObservation, type ReadObservation } from "./read-observation";
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

export interface CsvObservations<O extends ReadObservation = ReadObservation> {
  observations: O[];
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
  const field = fieldOf(issues[0]);
  return fieldProblem(field, issues[0], field === undefined ? undefined : fields[field], name, line);
}

/** A problem with one field of a row (`field` undefined: with the row as a whole), naming the text found. */
function fieldProblem(field: CsvField | undefined, issue: v.BaseIssue<unknown>, text: string | undefined, name: string, line: number): KostraError {
  const what = problemOf(issue);
  if (field === undefined) return badInput({ nb: `${name} linje ${line}: ${what.nb}`, en: `${name} line ${line}: ${what.en}` });
  const raw = quoteInput(text ?? "", 40);
  return badInput({
    nb: `${name} linje ${line}, felt «${FIELD_NB[field]}»: «${raw}» ${what.nb}`,
    en: `${name} line ${line}, field "${field}": "${raw}" ${what.en}`,
  });
}

type FieldValue<K extends CsvField> = v.InferOutput<(typeof CSV_ROW.entries)[K]>;

/**
 * The fields of tidy rows typed by their schemas in CSV_ROW, one field at a time in the
 * row's order (so the first problem is the one the row schema names first). A file repeats
 * a few texts for region, indicator, year and status on every line: each distinct one is
 * typed once. The value is typed on every row.
 */
class FieldTyper {
  private readonly known: { [K in Exclude<CsvField, "value">]: Map<string | undefined, FieldValue<K>> } = {
    region: new Map(),
    indicator: new Map(),
    year: new Map(),
    status: new Map(),
  };

  constructor(private readonly name: string) {}

  field<K extends CsvField>(field: K, text: string | undefined, line: number): FieldValue<K> {
    const known = field === "value" ? undefined : (this.known[field as Exclude<CsvField, "value">] as Map<string | undefined, FieldValue<K>>);
    if (known?.has(text)) return known.get(text)!;
    const parsed = v.safeParse(CSV_ROW.entries[field], text, { abortEarly: true });
    if (!parsed.success) throw fieldProblem(field, parsed.issues[0], text, this.name, line);
    const typed = parsed.output as FieldValue<K>;
    known?.set(text, typed);
    return typed;
  }
}

/**
 * Which column holds each field. A field named by two columns ("verdi;verdi", or "value"
 * beside "verdi") is refused: reading one of them would silently drop the other.
 */
function columnsOf(headerRow: readonly string[], name: string, line: number): Record<CsvField, number> {
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
          ? { nb: `${name} linje ${line}: kolonnen «${a}» står to ganger ${where.nb}.`, en: `${name} line ${line}: the column "${a}" appears twice ${where.en}.` }
          : { nb: `${name} linje ${line}: kolonnene «${a}» og «${b}» betyr begge ${FIELD_NB[key]} ${where.nb}.`, en: `${name} line ${line}: the columns "${a}" and "${b}" both mean ${key} ${where.en}.` },
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

/** A row papaparse gives for a blank line (`skipEmptyLines: "greedy"` skipped these): every field blank. */
const isBlank = (row: readonly string[]): boolean => row.every((f) => f.trim() === "");

/** Line breaks (`linebreak`, the file's own) inside a row's quoted fields: the row took that many more lines of the file. */
function breaksIn(row: readonly string[], linebreak: string): number {
  let n = 0;
  for (const f of row) for (let at = f.indexOf(linebreak); at >= 0; at = f.indexOf(linebreak, at + linebreak.length)) n++;
  return n;
}

/**
 * Read a tidy CSV's text. The rows are read one at a time as papaparse splits them, and
 * none is kept once it is an observation: a whole-country file of 600,000 rows needs
 * memory for its observations, not for its text split into rows of fields as well. Blank
 * lines are skipped; messages name the file's own line numbers. With `provenance`, every
 * observation carries it (what readDataFile gives the engine).
 */
export function readTidyCsv(text: string, name: string): CsvObservations;
export function readTidyCsv(text: string, name: string, provenance: number): CsvObservations<Observation>;
export function readTidyCsv(text: string, name: string, provenance?: number): CsvObservations {
  const firstLine = /^\s*([^\r\n]*)/.exec(text)![1];
  const delimiter = firstLine.includes(";") ? ";" : firstLine.includes("\t") ? "\t" : ",";
  const reader = new TidyRowReader(name, provenance);
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter,
    step: ({ data: row, errors, meta }) => {
      if (errors.some((e) => e.type === "Quotes"))
        throw badInput({ nb: `${name} linje ${line}: uavsluttet anførselstegn.`, en: `${name} line ${line}: unterminated quote.` });
      const at = line;
      line += 1 + breaksIn(row, meta.linebreak);
      if (!isBlank(row)) reader.add(row, at);
    },
  });
  return reader.finish();
}

/**
 * Read tidy rows (a header row, then one observation per row) from any tabular source:
 * a parsed CSV or a range in a sheet. Lines are numbered from 1 for messages.
 */
export function readTidyRows(rows: readonly string[][], name: string): CsvObservations {
  // Checked before any row is read (a sheet's range is known whole).
  if (rows.length - 1 > MAX_OBSERVATIONS) throw tooManyRows(name);
  const reader = new TidyRowReader(name);
  for (let r = 0; r < rows.length; r++) reader.add(rows[r], r + 1);
  return reader.finish();
}

function tooManyRows(name: string): KostraError {
  const limit = countText(MAX_OBSERVATIONS);
  return badInput({ nb: `${name}: har flere enn ${limit.nb} rader, som er grensen.`, en: `${name}: has more than ${limit.en} rows, the limit.` });
}

/**
 * Tidy rows read one at a time: the first is the header, every later one an observation,
 * typed by the schema CSV_ROW, resolved to a catalog indicator and a municipality under the
 * code valid in its year, and checked against the rows before it. Throws a KostraError
 * ("bad-input") naming the file, the line and the field.
 */
class TidyRowReader<O extends ReadObservation = ReadObservation> {
  private header: readonly string[] | undefined;
  private col = {} as Record<CsvField, number>;
  private rows = 0;
  private readonly observations: O[] = [];
  private readonly read = new ObservationIndex<number>();
  // A file repeats a few region and indicator texts on every line: each is resolved once.
  private readonly regionOf = memo(resolveMunicipality);
  private readonly indicatorOf = memo((text: string) => indicatorByText.get(norm(text)));
  private readonly unknownRegions = new Map<string, number>();
  private readonly unknownIndicators = new Map<string, number>();
  private readonly typer: FieldTyper;

  constructor(
    private readonly name: string,
    private readonly provenance?: number,
  ) {
    this.typer = new FieldTyper(name);
  }

  add(row: readonly string[], line: number): void {
    if (this.header === undefined) this.readHeader(row, line);
    else this.readRow(row, line);
  }

  private readHeader(row: readonly string[], line: number): void {
    const { name } = this;
    const col = columnsOf(row, name, line);
    const missingCols = (["region", "indicator", "year", "value"] as const).filter((k) => col[k] < 0);
    if (missingCols.length > 0) {
      throw badInput({
        nb: `${name} linje ${line}: mangler kolonne ${missingCols.map((c) => `«${COLUMN_NAMES[c][1] ?? c}»`).join(", ")}. Forventet overskrift: region;indikator;år;verdi[;status].`,
        en: `${name} line ${line}: missing column ${missingCols.map((c) => `"${c}"`).join(", ")}. Expected header: region;indicator;year;value[;status].`,
      });
    }
    [this.header, this.col] = [row, col];
  }

  private readRow(row: readonly string[], line: number): void {
    const { name, col, header } = this;
    if (++this.rows > MAX_OBSERVATIONS) throw tooManyRows(name);
    if (row.length < header!.length && row.length < 4) {
      throw badInput({
        nb: `${name} linje ${line}: har ${row.length} felt, forventet ${header!.length}.`,
        en: `${name} line ${line}: has ${row.length} fields, expected ${header!.length}.`,
      });
    }
    const { typer } = this;
    const text = (k: CsvField) => (col[k] >= 0 ? (row[col[k]] ?? "").trim() : "");
    const typed = {
      region: typer.field("region", text("region"), line),
      indicator: typer.field("indicator", text("indicator"), line),
      year: typer.field("year", text("year"), line),
      value: typer.field("value", text("value"), line),
      status: typer.field("status", text("status") || undefined, line),
    };
    // Excel drops a leading zero from codes typed or saved as numbers ("301" for 0301).
    const regionText = /^\d{3}$/.test(typed.region) ? typed.region.padStart(4, "0") : typed.region;
    const m = this.regionOf(regionText);
    if (!m) {
      if (!this.unknownRegions.has(regionText)) this.unknownRegions.set(regionText, line);
      return;
    }
    const indicator = this.indicatorOf(typed.indicator);
    if (!indicator) {
      if (!this.unknownIndicators.has(typed.indicator)) this.unknownIndicators.set(typed.indicator, line);
      return;
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
    const { provenance } = this;
    const o = (provenance === undefined ? readObservation(indicator, m.id, year, code, value, status) : readObservation(indicator, m.id, year, code, value, status, provenance)) as O;
    const earlier = this.read.add(o, line);
    if (earlier) {
      const details = duplicateDetails(o, earlier);
      throw badInput({
        nb: `${name} linje ${line}: samme kommune, indikator og år som linje ${earlier.place}${details.nb}`,
        en: `${name} line ${line}: same municipality, indicator and year as line ${earlier.place}${details.en}`,
      });
    }
    this.observations.push(o);
  }

  finish(): CsvObservations<O> {
    const { name, observations, unknownRegions, unknownIndicators } = this;
    if (this.header === undefined) throw badInput({ nb: `${name}: filen er tom.`, en: `${name}: the file is empty.` });
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
}
