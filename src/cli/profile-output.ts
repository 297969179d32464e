/**
 * The `kostra profile` output formats: JSON (the documented machine shape), CSV and a
 * readable aligned table like the reference document's service profile.
 */
import { describeAveraging, describeProblem, describeStatus, formatNumber, sampleNote, simpleMark } from "../kostra/describe";
import { averageName, networkLine, regionLabel } from "../kostra/describe-profile";
import { xmlSafe, xmlSafeDeep } from "../kostra/safe-text";
import { profileSentences } from "../kostra/sentences";
import type { Extreme, Lang, Profile, ProfileRow, Provenance } from "../kostra/types";
import { CLI_TEXT } from "./messages";
import { csvDialect, csvLines, UTF8_BOM, type CsvCell } from "./spreadsheet-csv";

const refOut = (m: { code: string; name: string }) => ({ code: m.code, name: m.name });

const extremeOut = (e: Extreme | null) => (e === null ? null : { value: e.value, municipality: refOut(e.municipality) });


function reason(row: ProfileRow, profile: Profile, lang: Lang): string | null {
  return row.problem === null ? null : describeProblem(row.problem, lang, profile.focal.name);
}

/** The documented JSON shape: rows in template order, indexes unrounded; every string XML-safe. */
export function profileToJson(profile: Profile, lang: Lang): unknown {
  return xmlSafeDeep({
    sector: { id: profile.sector.id, label: profile.sector.label[lang] },
    year: profile.year,
    municipality: { id: profile.focal.id, code: profile.focal.code, name: profile.focal.name },
    network: { id: profile.network.id, members: profile.members.map(refOut) },
    options: {
      average: profile.options.average,
      includeOslo: profile.options.includeOslo,
      includeFocal: profile.options.includeFocal,
      ...(profile.options.peers ? { peers: profile.options.peers } : {}),
      ...(profile.options.base ? { base: profile.options.base } : {}),
      ...(profile.options.references?.length ? { references: profile.options.references } : {}),
    },
    ...(profile.base ? { base: { id: profile.base.id, code: profile.base.code, name: regionLabel(profile.base, profile.year, lang) } } : {}),
    rows: profile.rows.map((row) => ({
      indicator: { id: row.indicator.id, label: row.indicator.label[lang], unit: row.indicator.unit[lang] },
      value: row.value,
      status: row.status ?? null,
      average: row.average,
      n: row.n,
      lowest: extremeOut(row.lowest),
      highest: extremeOut(row.highest),
      index: row.index,
      lowestIndex: row.lowest?.index ?? null,
      highestIndex: row.highest?.index ?? null,
      rank: row.rank,
      comparisons: row.comparisons.map((c) => ({ municipality: refOut(c.municipality), value: c.value, index: c.index })),
      ...(profile.references?.length
        ? { references: row.references.map((c) => ({ region: { code: c.municipality.code, name: regionLabel(c.municipality, profile.year, lang) }, value: c.value, status: c.status ?? null, index: c.index })) }
        : {}),
      ...(profile.base ? { networkAverage: row.networkAverage ?? null } : {}),
      reason: reason(row, profile, lang),
    })),
    provenance: profile.provenance,
  });
}

function valueText(v: number | null, status: string | undefined, decimals: number, lang: Lang): string {
  return v === null ? status ?? ".." : formatNumber(v, decimals, lang);
}

function sourceLine(p: Provenance, lang: Lang): string {
  const t = CLI_TEXT[lang].profile;
  if (p.synthetic) return sampleNote(p, lang) ?? t.synthetic;
  const parts = [p.source === "ssb" ? "SSB" : p.query ?? p.source];
  if (p.table) parts.push(t.table(p.table));
  if (p.updated) parts.push(t.updated(p.updated));
  if (p.fetchedAt) parts.push(t.fetched(p.fetchedAt));
  return parts.join(", ");
}

function header(profile: Profile, lang: Lang): string[] {
  const t = CLI_TEXT[lang].profile;
  return [
    `${profile.sector.label[lang]} – ${profile.focal.name} (${profile.focal.code}) ${profile.year}`,
    networkLine(profile, lang),
    describeAveraging(profile, lang),
    ...profile.provenance.map((p) => `${t.source}: ${sourceLine(p, lang)}`),
  ];
}

function columns(profile: Profile, lang: Lang): { head: string[]; cells: (row: ProfileRow) => string[] } {
  const t = CLI_TEXT[lang].profile;
  const net = averageName(profile, lang);
  const comps = profile.rows[0]?.comparisons.map((c) => c.municipality.name) ?? [];
  const refs = (profile.references ?? []).map((r) => regionLabel(r, profile.year, lang));
  const head = [
    t.indicator, profile.focal.name, `${t.average} ${net}`, t.lowest, t.highest, ...comps, ...refs,
    `${t.index} ${profile.focal.name}`, `${t.index} ${t.highest.toLowerCase()}`, `${t.index} ${t.lowest.toLowerCase()}`,
    ...comps.map((c) => `${t.index} ${c}`), ...refs.map((c) => `${t.index} ${c}`), t.rank, t.withData,
  ];
  const idx = (v: number | null) => formatNumber(v, 1, lang);
  const cells = (row: ProfileRow): string[] => {
    const d = row.indicator.decimals;
    return [
      row.indicator.label[lang] + simpleMark(row, profile.options),
      valueText(row.value, row.status, d, lang),
      formatNumber(row.average, d, lang),
      row.lowest ? `${formatNumber(row.lowest.value, d, lang)} (${row.lowest.municipality.name})` : "",
      row.highest ? `${formatNumber(row.highest.value, d, lang)} (${row.highest.municipality.name})` : "",
      ...row.comparisons.map((c) => valueText(c.value, c.status, d, lang)),
      ...row.references.map((c) => valueText(c.value, c.status, d, lang)),
      idx(row.index),
      idx(row.highest?.index ?? null),
      idx(row.lowest?.index ?? null),
      ...row.comparisons.map((c) => idx(c.index)),
      ...row.references.map((c) => idx(c.index)),
      row.rank === null ? "" : `${row.rank}/${row.rankOf}`,
      `${row.n}/${row.of}`,
    ];
  };
  return { head, cells };
}

/**
 * Text for a terminal: XML-forbidden characters (C0 controls such as ESC, which could
 * drive the terminal) replaced, and CR and C1 controls too (CR could overwrite a line).
 */
export const terminalSafe = (text: string): string => xmlSafe(text).replace(/[\r\u0080-\u009f]/g, "\uFFFD");

/** How wide a terminal the table is made for unless `--wide` asks for one line per indicator. */
export const TABLE_WIDTH = 100;

export interface TableLayout {
  /** One line per indicator with every column, however wide (the layout before wrapping). */
  wide?: boolean;
  width?: number;
}

/**
 * A readable aligned table with a header block and notes for rows without an index. It fits
 * `width` columns: long labels wrap in their column, headings and lowest/highest stack over
 * two lines, and the columns that still do not fit are left out, named under the table.
 */
export function profileToTable(profile: Profile, lang: Lang, layout: TableLayout = {}): string {
  return terminalSafe(layout.wide ? wideTable(profile, lang) : fittedTable(profile, lang, layout.width ?? TABLE_WIDTH));
}

function notesOf(profile: Profile, lang: Lang): string[] {
  return profile.rows
    .filter((r) => r.problem !== null || r.missing.length > 0)
    .map((r) => {
      const parts: string[] = [];
      if (r.problem) parts.push(describeProblem(r.problem, lang, profile.focal.name));
      if (r.missing.length)
        parts.push(
          `${CLI_TEXT[lang].profile.noData}: ` +
            r.missing.map((m) => `${m.municipality.name} (${describeStatus(m.status, lang)})`).join(", "),
        );
      return `* ${r.indicator.label[lang]}: ${parts.join(" ")}`;
    });
}

function wideTable(profile: Profile, lang: Lang): string {
  const { head, cells } = columns(profile, lang);
  const body = profile.rows.map(cells);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ").trimEnd();
  const notes = notesOf(profile, lang);
  return [...header(profile, lang), "", line(head), line(head.map((_, i) => "-".repeat(widths[i]))), ...body.map(line), ...(notes.length ? ["", ...notes] : [])].join("\n") + "\n";
}

/** Words of `text` in lines of at most `width` characters (a longer word is cut), later lines after `indent`. */
export function wrapText(text: string, width: number, indent = ""): string[] {
  const lines: string[] = [];
  let line = "";
  const room = () => width - (lines.length === 0 ? 0 : indent.length);
  for (let word of text.split(/ +/).filter(Boolean)) {
    if (line && line.length + 1 + word.length <= room()) {
      line += ` ${word}`;
      continue;
    }
    if (line) lines.push(line);
    line = "";
    while (word.length > room()) {
      lines.push(word.slice(0, room()));
      word = word.slice(room());
    }
    line = word;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : indent + l));
}

/** The narrowest the label column gets before other columns are left out. */
const MIN_LABEL_WIDTH = 32;
const GAP = "  ";

/**
 * Which columns the fitted table keeps first when not all fit: the municipality's value,
 * the average and the indexes (the service profile's picture), then the comparisons and
 * references, the rank, and last the lowest and highest values with their municipalities
 * and the coverage. Positions are in the wide table's column order (see `columns`).
 */
function keepOrder(comps: number, refs: number): number[] {
  const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
  const comp = 5;
  const ref = comp + comps;
  const idx = ref + refs;
  const idxComp = idx + 3;
  const idxRef = idxComp + comps;
  const rank = idxRef + refs;
  return [1, 2, idx, ...range(idxComp, comps), ...range(comp, comps), ...range(idxRef, refs), ...range(ref, refs), rank, idx + 2, idx + 1, 3, 4, rank + 1];
}

/** Lowest and highest (columns 3 and 4): the value over "(municipality)". */
const cellLines = (text: string, column: number): string[] => (column === 3 || column === 4 ? text.replace(/ \(/, "\n(").split("\n") : [text]);

function fittedTable(profile: Profile, lang: Lang, width: number): string {
  const { head, cells } = columns(profile, lang);
  const comps = profile.rows[0]?.comparisons.length ?? 0;
  const refs = profile.references?.length ?? 0;
  const body = profile.rows.map((r) => cells(r).map((c, i) => (i === 0 ? [c] : cellLines(c, i))));
  const heads = head.map((h, i) => (i === 0 ? [h] : h.split(" ")));
  const widthOf = (i: number) => Math.max(...heads[i].map((l) => l.length), ...body.flatMap((r) => r[i].map((l) => l.length)));
  const kept: number[] = [];
  const dropped: number[] = [];
  let used = 0;
  for (const i of keepOrder(comps, refs)) {
    const w = widthOf(i) + GAP.length;
    if (used + w <= width - MIN_LABEL_WIDTH) {
      kept.push(i);
      used += w;
    } else dropped.push(i);
  }
  const shown = [0, ...kept.sort((a, b) => a - b)];
  const labelWidth = Math.min(width - used, Math.max(head[0].length, ...body.map((r) => r[0][0].length)));
  const widths = new Map(shown.map((i) => [i, i === 0 ? labelWidth : widthOf(i)]));
  heads[0] = wrapText(head[0], labelWidth);
  for (const r of body) r[0] = wrapText(r[0][0], labelWidth, " ");
  // A row over several lines: headings sit on the rule, a row's cells start on its first line.
  const block = (row: string[][], bottom: boolean) => {
    const height = Math.max(...shown.map((i) => row[i].length));
    return Array.from({ length: height }, (_, k) =>
      shown
        .map((i) => {
          const lines = row[i];
          const text = (bottom ? lines[k - (height - lines.length)] : lines[k]) ?? "";
          return i === 0 ? text.padEnd(widths.get(i)!) : text.padStart(widths.get(i)!);
        })
        .join(GAP)
        .trimEnd(),
    );
  };
  const rule = shown.map((i) => "-".repeat(widths.get(i)!)).join(GAP);
  const notShown = CLI_TEXT[lang].profile.notShown;
  const leftOut = dropped.length ? ["", ...wrapText(`${notShown}: ${dropped.sort((a, b) => a - b).map((i) => head[i]).join(", ")}`, width, "  ")] : [];
  const notes = notesOf(profile, lang).flatMap((n) => wrapText(n, width, "  "));
  return [
    ...header(profile, lang).flatMap((h) => wrapText(h, width, "  ")),
    "",
    ...block(heads, true),
    rule,
    ...body.flatMap((r) => block(r, false)),
    ...leftOut,
    ...(notes.length ? ["", ...notes] : []),
  ].join("\n") + "\n";
}

/**
 * The profiles as one CSV document for a spreadsheet (see spreadsheet-csv.ts for the
 * escaping and the nb/en dialects): the table's columns, numbers unrounded, a missing
 * value as its SSB status symbol (text), and coverage as two number columns — members
 * with data and members — rather than "10/10", which a spreadsheet would take for a date.
 * Several profiles (a sector with several templates) follow each other, a blank line apart.
 */
export function profilesToCsv(profiles: readonly Profile[], lang: Lang): string {
  const dialect = csvDialect(lang);
  return UTF8_BOM + profiles.map((p) => csvLines(profileCsvRows(p, lang), dialect)).join("\n");
}

function profileCsvRows(profile: Profile, lang: Lang): CsvCell[][] {
  const { head } = columns(profile, lang);
  const valueOr = (v: number | null, status: string | undefined): CsvCell => v ?? status ?? "..";
  const rows = profile.rows.map((r): CsvCell[] => [
    r.indicator.label[lang],
    valueOr(r.value, r.status),
    r.average,
    r.lowest?.value ?? null,
    r.highest?.value ?? null,
    ...r.comparisons.map((c) => valueOr(c.value, c.status)),
    ...r.references.map((c) => valueOr(c.value, c.status)),
    r.index,
    r.highest?.index ?? null,
    r.lowest?.index ?? null,
    ...r.comparisons.map((c) => c.index),
    ...r.references.map((c) => c.index),
    r.rank,
    r.n,
    r.of,
  ]);
  return [[...head, CLI_TEXT[lang].profile.members], ...rows];
}

/**
 * `--format text`: each profile's sentences (src/kostra/sentences.ts, the words the profile
 * sheet's formulas and the pane give), one per line under a line naming the template,
 * municipality and year, ready to paste into the analysis. Profiles a blank line apart.
 */
export function profilesToSentences(profiles: readonly Profile[], lang: Lang, band?: number): string {
  // The heading as the profile sheet's title has it: template – municipality (code) year.
  return profiles
    .map((p) => [`${p.sector.label[lang]} – ${p.focal.name} (${p.focal.code}) ${p.year}`, ...profileSentences(p, lang, band)].map((line) => `${terminalSafe(line).replace(/[\n\t]+/g, " ")}\n`).join(""))
    .join("\n");
}
