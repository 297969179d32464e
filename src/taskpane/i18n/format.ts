/** Dates and times in the pane's language (numbers: formatNumber in kostra/describe). */
import type { Lang } from "../../kostra/types";

/** The locale of each language's dates (numbers: the same in kostra/describe's formatNumber). */
const LOCALES: Readonly<Record<Lang, string>> = { nb: "nb-NO", en: "en-GB" };
const AND: Readonly<Record<Lang, string>> = { nb: "og", en: "and" };

const formatters = new Map<Lang, Intl.DateTimeFormat>();

/** "27.11.2025, 08:13" (nb-NO) or "27/11/2025, 08:13" (en-GB); an unreadable time is shown as given. */
export function formatDateTime(time: Date | string, lang: Lang): string {
  const date = typeof time === "string" ? new Date(time) : time;
  if (Number.isNaN(date.getTime())) return String(time);
  let f = formatters.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: "short", timeStyle: "short" });
    formatters.set(lang, f);
  }
  return f.format(date);
}

/** "2015, 2016 og 2017" / "2015, 2016 and 2017" */
export function formatList(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${AND[lang]} ${items[items.length - 1]}`;
}
