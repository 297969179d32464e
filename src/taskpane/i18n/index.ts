/**
 * The task pane's texts per language, and the language to start in. Bokmål is always
 * there; English is loaded when first needed (it is most users' second language).
 */
import type { Lang } from "../../kostra/types";
import { nb, type Messages } from "./nb";

export type { Messages };

const MESSAGES: Partial<Record<Lang, Messages>> = { nb };

/** The texts for `lang`, or bokmål's until they are loaded (see loadMessages). */
export function messagesFor(lang: Lang): Messages {
  return MESSAGES[lang] ?? nb;
}

export function hasMessages(lang: Lang): boolean {
  return MESSAGES[lang] !== undefined;
}

export async function loadMessages(lang: Lang): Promise<Messages> {
  if (!MESSAGES[lang]) MESSAGES[lang] = (await import(/* webpackChunkName: "i18n-en" */ "./en")).en;
  return MESSAGES[lang]!;
}

/** Bokmål unless Office reports an English display language (e.g. "en-US"). */
export function langFromDisplayLanguage(displayLanguage: string | undefined): Lang {
  return displayLanguage?.toLowerCase().startsWith("en") ? "en" : "nb";
}
