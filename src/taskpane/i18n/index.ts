/** The task pane's texts per language, and the language to start in. */
import type { Lang } from "../../kostra/types";
import { en } from "./en";
import { nb, type Messages } from "./nb";

export type { Messages };

const MESSAGES: Record<Lang, Messages> = { nb, en };

export function messagesFor(lang: Lang): Messages {
  return MESSAGES[lang];
}

/** Bokmål unless Office reports an English display language (e.g. "en-US"). */
export function langFromDisplayLanguage(displayLanguage: string | undefined): Lang {
  return displayLanguage?.toLowerCase().startsWith("en") ? "en" : "nb";
}
