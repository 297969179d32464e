/**
 * The `kostra profile` output formats: JSON (the documented machine shape), CSV and a
 * readable aligned table like the reference document's service profile.
 */
import { describeAveraging, describeProblem, describeStatus, formatNumber, simpleMark } from "../kostra/describe";
import { averageName, networkLine, regionLabel } from "../kostra/describe-profile";
import { xmlSafe, xmlSafeDeep } from "../kostra/safe-text";
import type { Extreme, Lang, Profile, ProfileRow, Provenance } from "../kostra/types";
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

const T = {
  nb: { indicator: "Indikator", avg: "Snitt", low: "Lavest", high: "Høyest", index: "Indeks", n: "Med data", members: "Medlemmer", source: "Kilde", rank: "Rang" },
  en: { indicator: "Indicator", avg: "Average", low: "Lowest", high: "Highest", index: "Index", n: "With data", members: "Members", source: "Source", rank: "Rank" },
};

function valueText(v: number | null, status: string | undefined, decimals: number, lang: Lang): string {
  return v === null ? status ?? ".." : formatNumber(v, decimals, lang);
}

function sourceLine(p: Provenance, lang: Lang): string {
  if (p.synthetic) return p.notes?.[lang === "nb" ? 0 : 1] ?? "synthetic";
  const parts = [p.source === "ssb" ? "SSB" : p.query ?? p.source];
  if (p.table) parts.push(lang === "nb" ? `tabell ${p.table}` : `table ${p.table}`);
  if (p.updated) parts.push(lang === "nb" ? `oppdatert ${p.updated}` : `updated ${p.updated}`);
  if (p.fetchedAt) parts.push(lang === "nb" ? `hentet ${p.fetchedAt}` : `fetched ${p.fetchedAt}`);
  return parts.join(", ");
}

function header(profile: Profile, lang: Lang): string[] {
  const t = T[lang];
  return [
    `${profile.sector.label[lang]} – ${profile.focal.name} (${profile.focal.code}) ${profile.year}`,
    networkLine(profile, lang),
    describeAveraging(profile, lang),
    ...profile.provenance.map((p) => `${t.source}: ${sourceLine(p, lang)}`),
  ];
}

function columns(profile: Profile, lang: Lang): { head: string[]; cells: (row: ProfileRow) => string[] } {
  const t = T[lang];
  const net = averageName(profile, lang);
  const comps = profile.rows[0]?.comparisons.map((c) => c.municipality.name) ?? [];
  const refs = (profile.references ?? []).map((r) => regionLabel(r, profile.year, lang));
  const head = [
    t.indicator, profile.focal.name, `${t.avg} ${net}`, t.low, t.high, ...comps, ...refs,
    `${t.index} ${profile.focal.name}`, `${t.index} ${t.high.toLowerCase()}`, `${t.index} ${t.low.toLowerCase()}`,
    ...comps.map((c) => `${t.index} ${c}`), ...refs.map((c) => `${t.index} ${c}`), t.rank, t.n,
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
const terminalSafe = (text: string): string => xmlSafe(text).replace(/[\r\u0080-\u009f]/g, "\uFFFD");

/** A readable aligned table with a header block and notes for rows without an index. */
export function profileToTable(profile: Profile, lang: Lang): string {
  return terminalSafe(alignedTable(profile, lang));
}

function alignedTable(profile: Profile, lang: Lang): string {
  const { head, cells } = columns(profile, lang);
  const body = profile.rows.map(cells);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ").trimEnd();
  const notes = profile.rows
    .filter((r) => r.problem !== null || r.missing.length > 0)
    .map((r) => {
      const parts: string[] = [];
      if (r.problem) parts.push(describeProblem(r.problem, lang, profile.focal.name));
      if (r.missing.length)
        parts.push(
          (lang === "nb" ? "Uten data: " : "No data: ") +
            r.missing.map((m) => `${m.municipality.name} (${describeStatus(m.status, lang)})`).join(", "),
        );
      return `* ${r.indicator.label[lang]}: ${parts.join(" ")}`;
    });
  return [...header(profile, lang), "", line(head), line(head.map((_, i) => "-".repeat(widths[i]))), ...body.map(line), ...(notes.length ? ["", ...notes] : [])].join("\n") + "\n";
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
  return [[...head, T[lang].members], ...rows];
}
