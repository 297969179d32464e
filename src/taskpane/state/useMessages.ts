/** The texts for the chosen language, loading them when they are not there yet. */
import { useEffect, useState } from "react";
import type { Lang } from "../../kostra/types";
import { hasMessages, loadMessages, messagesFor, type Messages } from "../i18n";

export function useMessages(lang: Lang): Messages {
  const ready = hasMessages(lang);
  const [, loaded] = useState(0);
  useEffect(() => {
    if (ready) return;
    let live = true;
    void loadMessages(lang).then(() => live && loaded((n) => n + 1));
    return () => {
      live = false;
    };
  }, [lang, ready]);
  return messagesFor(lang);
}
