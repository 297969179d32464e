/**
 * localStorage behind the pane's small KeyValueStore. Storage can be missing or refuse
 * (private browsing, a locked-down WebView, quota): the pane then simply does not
 * remember, which is not worth troubling the user with.
 */
import type { KeyValueStore } from "./types";

export function browserStorage(): KeyValueStore {
  const store = (): Storage | null => {
    try {
      return typeof localStorage === "undefined" ? null : localStorage;
    } catch {
      return null;
    }
  };
  return {
    get(key) {
      try {
        return store()?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        store()?.setItem(key, value);
      } catch {
        // Not remembering is the documented fallback.
      }
    },
  };
}

/** A store that forgets everything (tests, or when nothing may be kept). */
export function memoryStorage(initial: Record<string, string> = {}): KeyValueStore {
  const values = new Map(Object.entries(initial));
  return {
    get: (key) => values.get(key) ?? null,
    set: (key, value) => void values.set(key, value),
  };
}
