/**
 * What the pane says after "Oppdater" compared the new figures with the workbook's previous
 * data sheet. Apart from nb.ts/en.ts because only an update needs them: they load with it,
 * not with the pane's first script.
 */
import type { Lang } from "../../kostra/types";

export interface ChangesTexts {
  /** "3 tall er endret siden 15.03.2025" — `since` the previous figures' SSB vintage, as a date. */
  summary: (count: number, since: string | undefined) => string;
  /** Where the list is. */
  where: (sheet: string) => string;
}

export const CHANGES_TEXTS: Record<Lang, ChangesTexts> = {
  nb: {
    summary: (count, since) => `${count === 0 ? "Ingen tall er endret" : `${count} tall er endret`} siden ${since ?? "forrige henting"}.`,
    where: (sheet) => `Endringene står på arket «${sheet}», og de forrige tallene ved siden av de nye i dataarket.`,
  },
  en: {
    summary: (count, since) => `${count === 0 ? "No figure has" : count === 1 ? "1 figure has" : `${count} figures have`} changed since ${since ?? "the previous fetch"}.`,
    where: (sheet) => `The changes are on the sheet “${sheet}”, and the previous figures beside the new ones in the data sheet.`,
  },
};

const LOCALES: Readonly<Record<Lang, string>> = { nb: "nb-NO", en: "en-GB" };

/** "15.03.2025" (nb) or "15/03/2025" (en) for SSB's `updated`; an unreadable one as given. */
export function vintageDate(updated: string, lang: Lang): string {
  const date = new Date(updated);
  return Number.isNaN(date.getTime()) ? updated : new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: "short" }).format(date);
}
