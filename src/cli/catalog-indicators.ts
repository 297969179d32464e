/**
 * `kostra catalog`'s list of indicators, per sector: how far each selector is checked, the
 * averaging KS applies to it (with the KS page that says so), the data years it is valid
 * for (with the reason) and the SSB series it reads in which years ("12562 til 2019,
 * 13502 fra 2020").
 */
import { indicatorFor, ratioSeriesIds } from "../kostra/catalog";
import { ownSelector, seriesPeriods } from "../kostra/series";
import type { Indicator, Lang, Sector } from "../kostra/types";
import type { SelectorCheck } from "../sources/ssb/catalog-check";
import { CLI_TEXT } from "./messages";

/** KS's averaging of the indicator, and the page that states it when known: "vektet (kilde: https://…)". */
export function describeAverage(indicator: Indicator, lang: Lang, footnote?: (source: string) => number): string {
  const t = CLI_TEXT[lang].catalog;
  const rule = t.average[indicator.defaultAverage];
  if (!indicator.averageSource) return rule;
  // In a table the page is a numbered note below it ("vektet [1]"), so the columns stay readable.
  return footnote ? `${rule} [${footnote(indicator.averageSource)}]` : `${rule} (${t.source}: ${indicator.averageSource})`;
}

/** The data years the indicator is valid for, with the reason: "alle år", "til 2020: …", "2015–2020: …". */
export function describeValidity(indicator: Indicator, lang: Lang): string {
  const t = CLI_TEXT[lang].catalog;
  const valid = indicator.valid;
  if (!valid || (valid.from === undefined && valid.to === undefined)) return t.allYears;
  const span =
    valid.from !== undefined && valid.to !== undefined ? `${valid.from}–${valid.to}` : valid.from !== undefined ? `${t.from} ${valid.from}` : `${t.to} ${valid.to}`;
  return `${span}: ${valid.reason[lang]}`;
}

/** The SSB tables the indicator reads, and in which years: "12562 til 2019, 13502 fra 2020"; one table alone. */
export function describeSeries(indicator: Indicator, lang: Lang): string {
  const t = CLI_TEXT[lang].catalog;
  const table = (id: string | null | undefined) => id ?? t.unconfirmed;
  // A figure KS computes from series: the tables of its series ("beregnet fra 12362, 11814").
  if (indicator.ratio) return `${t.computedFrom} ${[...new Set(ratioSeriesIds(indicator).map((id) => table(ownSelector(indicatorFor(id)!)?.table)))].join(", ")}`;
  const periods = seriesPeriods(indicator);
  if (periods.length <= 1) return table(periods[0]?.ssb.table);
  return periods.map((p) => (p.to !== undefined ? `${table(p.ssb.table)} ${t.to} ${p.to}` : `${table(p.ssb.table)} ${t.from} ${p.from}`)).join(", ");
}

/** Per sector, a table of its indicators: id, check, KS averaging, validity, series. */
export function indicatorTables(sectors: readonly Sector[], indicators: readonly Indicator[], checks: readonly SelectorCheck[], lang: Lang): string {
  const t = CLI_TEXT[lang].catalog;
  const statusOf = new Map(checks.map((c) => [c.indicator, c.status]));
  const sources: string[] = [];
  const footnote = (source: string) => (sources.includes(source) ? sources.indexOf(source) : sources.push(source) - 1) + 1;
  const out: string[] = [];
  for (const sector of sectors) {
    const mine = indicators.filter((i) => i.sector === sector.id);
    if (mine.length === 0) continue;
    const rows = mine.map((i) => [i.id, t.status[statusOf.get(i.id) ?? "unchecked"], describeAverage(i, lang, footnote), describeValidity(i, lang), describeSeries(i, lang)]);
    const widths = t.head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
    const line = (r: readonly string[]) => r.map((cell, c) => cell.padEnd(widths[c])).join("  ").trimEnd();
    out.push("", sector.label[lang], line(t.head), ...rows.map(line));
  }
  if (sources.length > 0) out.push("", ...sources.map((s, i) => `[${i + 1}] ${s}`));
  return out.join("\n") + "\n";
}

/** The same for `--format json`: each indicator's rule, validity and series. */
export function indicatorRules(indicators: readonly Indicator[]) {
  return indicators.map((i) => ({
    indicator: i.id,
    defaultAverage: i.defaultAverage,
    ...(i.averageSource ? { averageSource: i.averageSource } : {}),
    ...(i.valid ? { valid: i.valid } : {}),
    series: seriesPeriods(i).map((p) => ({ table: p.ssb.table, ...(p.from !== undefined ? { from: p.from } : {}), ...(p.to !== undefined ? { to: p.to } : {}) })),
    ...(i.ratio ? { ratio: i.ratio } : {}),
  }));
}
