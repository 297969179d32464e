/**
 * The texts of the question the pane asks before a write replaces sheets it did not write
 * itself, and of what such a write says afterwards. Apart from nb.ts/en.ts because only a
 * write needs them: they load with it, not with the pane's first script.
 */
import type { Lang } from "../../kostra/types";

export interface ReplaceTexts {
  title: string;
  /** `action` is the button pressed ("Skriv til arbeidsbok"), `sheets` the quoted names. */
  question: (action: string, sheets: string) => string;
  note: string;
  accept: string;
  cancel: string;
  declined: string;
  /** How to keep one of the sheets and still write the report. */
  keepHint: string;
  kept: (sheet: string) => string;
}

export const REPLACE_TEXTS: Record<Lang, ReplaceTexts> = {
  nb: {
    title: "Erstatte ark?",
    question: (action, sheets) => `${action} erstatter disse arkene: ${sheets}. Fortsett?`,
    note: "Arkene slettes med alt som står i dem. Malinnstillingene i arbeidsboken sier at de hører til rapporten; har du fått arbeidsboken fra andre, sjekk at det stemmer.",
    accept: "Erstatt",
    cancel: "Avbryt",
    declined: "Ingenting er skrevet; arbeidsboken er uendret.",
    keepHint: "Vil du beholde et av arkene og likevel skrive rapporten, gi arket et nytt navn først. Da regnes det som ditt eget, og rapporten skrives ved siden av.",
    kept: (sheet) => `Arket «${sheet}» står i malinnstillingene som en del av rapporten, men du ble ikke spurt om det, så det er beholdt som ditt eget.`,
  },
  en: {
    title: "Replace sheets?",
    question: (action, sheets) => `${action} replaces these sheets: ${sheets}. Continue?`,
    note: "The sheets are deleted with everything in them. The workbook's template settings say they belong to the report; if someone else sent you the workbook, check that this is so.",
    accept: "Replace",
    cancel: "Cancel",
    declined: "Nothing was written; the workbook is unchanged.",
    keepHint: "To keep one of the sheets and still write the report, rename the sheet first. It then counts as your own, and the report is written beside it.",
    kept: (sheet) => `The template settings list the sheet “${sheet}” as part of the report, but you were not asked about it, so it is kept as your own.`,
  },
};

const QUOTED: Readonly<Record<Lang, (name: string) => string>> = { nb: (n) => `«${n}»`, en: (n) => `“${n}”` };

/** Sheet names as the language quotes them: «A», «B» / “A”, “B”. */
export function quotedSheets(names: readonly string[], lang: Lang): string {
  return names.map(QUOTED[lang]).join(", ");
}
