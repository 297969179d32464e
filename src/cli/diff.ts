/**
 * `kostra diff OLD NEW`: what changed between two data files of the same figures — a
 * fetch on 15 March and another on 15 June — as a list: indicator, municipality, year, the
 * old and the new value and the change, each revised, newly published or withdrawn
 * (kostra/changes.ts). With a profile's choices (--sector, --municipality, --year and the
 * other benchmarking options) it also lists the indicators whose index for that
 * municipality moved, marking those that moved by more than --threshold index points.
 *
 * Only figures of indicators and years both files hold are compared: a year or an
 * indicator only one of them was asked for is not a change.
 */
import { parseArgs } from "node:util";
import { figureChanges, heldByBoth, indexMoves, type FigureChange, type IndexMove } from "../kostra/changes";
import { indicatorFor } from "../kostra/catalog";
import { formatNumber } from "../kostra/describe";
import { municipalityById } from "../kostra/municipalities";
import type { Lang } from "../kostra/types";
import { DIFF_OPTIONS } from "./command-options";
import { checkpoint, UsageError, type Io } from "./io";
import { CLI_TEXT, inBoth } from "./messages";
import { DEFAULT_INDEX_THRESHOLD } from "../report/report-changes";
import { benchmarkOptions, langOf, loadDataset, oneOf, templatesFor, thresholdOf, yearOf } from "./options";
import { terminalSafe } from "./profile-output";
import { csvDialect, csvLines, UTF8_BOM, type CsvCell } from "./spreadsheet-csv";

export async function runDiff(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: DIFF_OPTIONS, strict: true, allowPositionals: true });
  const lang = langOf(values.lang);
  const t = CLI_TEXT[lang].diff;
  if (positionals.length !== 2) throw new UsageError(inBoth((x) => x.diff.twoFiles(positionals.length)));
  const format = oneOf("--format", values.format, ["table", "csv", "json"] as const, "table");
  const threshold = values.threshold === undefined ? DEFAULT_INDEX_THRESHOLD : thresholdOf(values.threshold);
  const [before, after] = positionals.map((p) => loadDataset([p], false, io, lang));
  await checkpoint(io, "loaded");
  const changes = figureChanges(before, after, heldByBoth(before, after));

  // A profile's choices: the index moves of that municipality, per template of the sector.
  const wantsProfile = values.sector !== undefined || values.municipality !== undefined || values.year !== undefined;
  const profiles = wantsProfile
    ? templatesFor([required("--sector", values.sector)]).map((tpl) => {
        const options = benchmarkOptions(tpl.id, yearOf("--year", required("--year", values.year)), values);
        return { template: tpl, options, moves: indexMoves(before, after, options, threshold) };
      })
    : [];

  if (format === "json") {
    io.out(`${JSON.stringify({ threshold, changes, profiles: profiles.map((p) => ({ template: p.template.id, municipality: p.options.focal, year: p.options.year, moves: p.moves })) }, null, 2)}\n`);
    return 0;
  }
  if (format === "csv") {
    const dialect = csvDialect(lang);
    const rows: CsvCell[][] = [[t.columns.indicator, t.columns.municipality, t.columns.year, t.columns.before, t.columns.after, t.columns.change, t.columns.kind], ...changes.map((c) => changeCsvRow(c, lang))];
    io.out(UTF8_BOM + csvLines(rows, dialect));
    return 0;
  }
  io.out(`${[...changesTable(changes, positionals, lang), ...profiles.flatMap((p) => movesTable(p.moves, p.template.label[lang], municipalityById(p.options.focal)?.name ?? p.options.focal, p.options.year, threshold, lang))].join("\n")}\n`);
  return 0;
}

function required(flag: string, value: string | undefined): string {
  if (value === undefined || value.trim() === "") throw new UsageError(inBoth((x) => x.diff.profileNeeds(flag)));
  return value;
}

const label = (indicator: string, lang: Lang) => indicatorFor(indicator)?.label[lang] ?? indicator;
const decimalsOf = (indicator: string) => indicatorFor(indicator)?.decimals ?? 1;
const side = (v: number | null, status: string | undefined, indicator: string, lang: Lang) => (v === null ? (status ?? "–") : formatNumber(v, decimalsOf(indicator), lang));

function changeCsvRow(c: FigureChange, lang: Lang): CsvCell[] {
  return [label(c.indicator, lang), municipalityById(c.municipality)?.name ?? c.municipality, c.year, c.before ?? c.beforeStatus ?? null, c.after ?? c.afterStatus ?? null, c.change, CLI_TEXT[lang].diff.kinds[c.kind]];
}

/** Plain columns, left-aligned text and right-aligned numbers, for a terminal. */
function layout(head: string[], rows: string[][], numeric: readonly boolean[]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ").trimEnd();
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)];
}

function changesTable(changes: readonly FigureChange[], files: readonly string[], lang: Lang): string[] {
  return changeLines(changes, CLI_TEXT[lang].diff.heading(terminalSafe(files[0]), terminalSafe(files[1]), changes.length), lang);
}

/** The changed figures under a heading, as plain columns for a terminal (also after `kostra fetch` over an earlier file). */
export function changeLines(changes: readonly FigureChange[], heading: string, lang: Lang): string[] {
  const t = CLI_TEXT[lang].diff;
  if (changes.length === 0) return [heading];
  const rows = changes.map((c) => [
    terminalSafe(label(c.indicator, lang)),
    terminalSafe(municipalityById(c.municipality)?.name ?? c.municipality),
    String(c.year),
    side(c.before, c.beforeStatus, c.indicator, lang),
    side(c.after, c.afterStatus, c.indicator, lang),
    c.change === null ? "" : `${c.change > 0 ? "+" : ""}${formatNumber(c.change, decimalsOf(c.indicator), lang)}`,
    t.kinds[c.kind],
  ]);
  const c = t.columns;
  return [heading, "", ...layout([c.indicator, c.municipality, c.year, c.before, c.after, c.change, c.kind], rows, [false, false, true, true, true, true, false])];
}

function movesTable(moves: readonly IndexMove[], template: string, municipality: string, year: number, threshold: number, lang: Lang): string[] {
  const t = CLI_TEXT[lang].diff;
  const heading = t.movesHeading(terminalSafe(template), terminalSafe(municipality), year, formatNumber(threshold, 1, lang));
  if (moves.length === 0) return ["", heading, t.noMoves];
  const rows = moves.map((m) => [
    `${m.beyond ? "* " : "  "}${terminalSafe(label(m.indicator, lang))}`,
    m.before === null ? "–" : formatNumber(m.before, 1, lang),
    m.after === null ? "–" : formatNumber(m.after, 1, lang),
    m.points === null ? "" : `${m.points > 0 ? "+" : ""}${formatNumber(m.points, 1, lang)}`,
  ]);
  const c = t.columns;
  return ["", heading, "", ...layout([`  ${c.indicator}`, c.indexBefore, c.indexAfter, c.points], rows, [false, true, true, true]), "", t.beyondNote(formatNumber(threshold, 1, lang))];
}
