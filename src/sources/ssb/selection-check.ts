/**
 * A planned query held against its table's metadata before it is sent: SSB answers a
 * code or a year a table lacks with 400 for the whole request, so one wrong code in the
 * catalog, or a year before a table began (13502 starts in 2020), would lose every
 * indicator of the table for every year. Instead the query asks only for what the table
 * has, and what it lacks is named per indicator: "Tabell 13502 har ikke 2017",
 * "Tabell 12362 har ikke koden 999 i KOKfunksjon0000 (indikator bibliotek)".
 *
 * - an indicator one of whose codes (or dimensions) the table lacks is left out, and its
 *   codes no other indicator of the query needs are not asked for;
 * - a year the table lacks is left out for every indicator of the query;
 * - a region code the table lacks is left out (a warning names it);
 * - a dimension the table requires that the query does not choose leaves nothing to ask;
 * - when nothing is left to ask for, there is no query.
 */
import { allSelectors } from "../../kostra/series";
import type { Indicator, LocalizedText, SsbSelector } from "../../kostra/types";
import type { TableMetadata } from "./metadata";
import { prepare, type PlannedQuery } from "./planner";
import type { SsbLang } from "./types";

/** Indicators and years a load does not have, and why. */
export interface MissingPart {
  indicator: string;
  years: number[];
  reason: LocalizedText;
}

export interface CheckedQuery {
  /** The query to send, asking only for what the table has; absent when nothing is left. */
  query?: PlannedQuery;
  /** Codes and dimensions the table lacks, per indicator. */
  absent: MissingPart[];
  /** Years the table lacks, per indicator (data years, and the table's time codes): named by `lackingYears` once a load's queries are merged. */
  lackingYears: LackingYears[];
  /** What the table lacks that is no indicator's own (region codes, extra codes). */
  warnings: LocalizedText[];
}

export interface LackingYears {
  indicator: string;
  table: string;
  years: number[];
  times: string[];
}

/** "Tabell 13502 har ikke 2015, 2016" — the years of a table's time dimension it does not have. */
export function lackingYears(table: string, times: readonly string[]): LocalizedText {
  return { nb: `Tabell ${table} har ikke ${list(times)}`, en: `Table ${table} has no ${list(times)}` };
}

/** One entry per indicator and table, with every year any of the load's queries lacked. */
export function mergeLackingYears(parts: readonly LackingYears[]): MissingPart[] {
  const merged = new Map<string, LackingYears>();
  for (const p of parts) {
    const key = `${p.indicator}\n${p.table}`;
    const prev = merged.get(key);
    if (!prev) merged.set(key, { ...p, years: [...p.years], times: [...p.times] });
    else {
      prev.years = [...new Set([...prev.years, ...p.years])];
      prev.times = [...new Set([...prev.times, ...p.times])];
    }
  }
  return [...merged.values()].map((p) => ({
    indicator: p.indicator,
    years: p.years.sort((a, b) => a - b),
    reason: lackingYears(p.table, p.times.sort()),
  }));
}

/** The series of an indicator that read `table` (its current one and any earlier one). */
function selectorsIn(indicator: Indicator | undefined, table: string): SsbSelector[] {
  if (!indicator) return [];
  return allSelectors(indicator).filter((s) => s.table === table);
}

const list = (items: readonly string[]) => items.join(", ");

/**
 * Hold `query` against `metadata`. `indicators` finds a query's indicators by id (their
 * selectors tell which codes belong to which indicator).
 */
export function checkQuery(
  query: PlannedQuery,
  metadata: TableMetadata,
  indicators: ReadonlyMap<string, Indicator>,
  ctx: { baseUrl: string; lang: SsbLang },
): CheckedQuery {
  const table = query.query.table;
  const selection = query.query.selection;
  const has = new Map(metadata.dimensions.map((d) => [d.id, new Set(d.values.map((v) => v.code))]));
  const own = query.indicators.map((id) => ({ id, selectors: selectorsIn(indicators.get(id), table) }));
  const first = own.flatMap((i) => i.selectors)[0];
  const dims = Object.keys(selection);
  const timeDim = first?.timeDimension ?? dims[dims.length - 1];
  const regionDim = first?.regionDimension ?? dims[0];
  const offset = first?.yearOffset ?? 0;
  const absent: MissingPart[] = [];
  const lacking: LackingYears[] = [];
  const warnings: LocalizedText[] = [];
  const done = (q?: PlannedQuery): CheckedQuery => ({ ...(q ? { query: q } : {}), absent, lackingYears: lacking, warnings });
  const allLost = (reason: LocalizedText): CheckedQuery => {
    for (const indicator of query.indicators) absent.push({ indicator, years: [...query.years], reason });
    return done();
  };

  // Without the region or time dimension, or with a dimension SSB requires and the query does not choose, nothing can be asked.
  for (const d of [regionDim, timeDim])
    if (!has.has(d)) return allLost({ nb: `Tabell ${table} har ikke dimensjonen ${d}`, en: `Table ${table} has no dimension ${d}` });
  const unchosen = metadata.dimensions.filter((d) => !(d.id in selection) && d.elimination !== true).map((d) => d.id);
  if (unchosen.length > 0)
    return allLost({ nb: `Tabell ${table} krever et valg i ${list(unchosen)}, som katalogen ikke gjør`, en: `Table ${table} requires a choice of ${list(unchosen)}, which the catalog does not make` });

  // Indicators one of whose codes the table lacks.
  const lost = new Set<string>();
  for (const ind of own) {
    const lacks: LocalizedText[] = [];
    for (const s of ind.selectors)
      for (const [dim, codes] of Object.entries(s.select)) {
        const known = has.get(dim);
        if (!known) lacks.push({ nb: `dimensjonen ${dim}`, en: `dimension ${dim}` });
        else for (const c of codes) if (!known.has(c)) lacks.push({ nb: `koden ${c} i ${dim}`, en: `code ${c} in ${dim}` });
      }
    if (lacks.length === 0) continue;
    lost.add(ind.id);
    absent.push({
      indicator: ind.id,
      years: [...query.years],
      reason: {
        nb: `Tabell ${table} har ikke ${lacks.map((l) => l.nb).join(", ")} (indikator ${ind.id})`,
        en: `Table ${table} has no ${lacks.map((l) => l.en).join(", ")} (indicator ${ind.id})`,
      },
    });
  }
  const remaining = own.filter((i) => !lost.has(i.id));
  if (remaining.length === 0) return done();

  /** Whether a code is one of these indicators' own (their series or the amount beside it). */
  const usedBy = (inds: typeof own, dim: string, code: string) =>
    inds.some((i) => i.selectors.some((s) => s.select[dim]?.includes(code)) || indicators.get(i.id)?.amount?.select[dim]?.includes(code) === true);

  const checked: Record<string, string[]> = {};
  const missingYears: string[] = [];
  for (const [dim, codes] of Object.entries(selection)) {
    const known = has.get(dim);
    const present = codes.filter((c) => known?.has(c) === true);
    const lacking = codes.filter((c) => known?.has(c) !== true);
    if (dim === timeDim) {
      checked[dim] = present;
      missingYears.push(...lacking);
    } else if (dim === regionDim) {
      checked[dim] = present;
      if (lacking.length > 0)
        warnings.push({ nb: `Tabell ${table} har ikke regionkodene ${list(lacking)}; de hentes ikke fra denne tabellen.`, en: `Table ${table} has no region codes ${list(lacking)}; they are not fetched from this table.` });
    } else {
      // A code only a left-out indicator needs is not asked for; one no indicator claims (the amount beside a figure) is kept when the table has it.
      checked[dim] = present.filter((c) => usedBy(remaining, dim, c) || !usedBy(own, dim, c));
      const unclaimed = lacking.filter((c) => !usedBy(own, dim, c));
      if (unclaimed.length > 0) warnings.push({ nb: `Tabell ${table} har ikke koden ${list(unclaimed)} i ${dim}.`, en: `Table ${table} has no code ${list(unclaimed)} in ${dim}.` });
    }
  }
  if (missingYears.length > 0) {
    const years = missingYears.map((c) => Number(c) - offset);
    for (const ind of remaining) lacking.push({ indicator: ind.id, table, years, times: missingYears });
  }
  const keptYears = query.years.filter((y) => checked[timeDim].includes(String(y + offset)));
  if (checked[regionDim].length === 0 && checked[timeDim].length > 0)
    for (const ind of remaining)
      absent.push({ indicator: ind.id, years: keptYears, reason: { nb: `Tabell ${table} har ingen av de valgte regionene`, en: `Table ${table} has none of the chosen regions` } });
  if (Object.values(checked).some((codes) => codes.length === 0)) return done();

  const same = dims.every((d) => checked[d].length === selection[d].length) && lost.size === 0;
  if (same) return done(query);
  const prepared = prepare(ctx.baseUrl, { table, selection: checked }, ctx.lang);
  return done({ ...prepared, indicators: query.indicators.filter((id) => !lost.has(id)), years: keptYears });
}
