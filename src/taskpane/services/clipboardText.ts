/**
 * Plain text to the clipboard ("Kopier tekst" under the preview): the asynchronous
 * Clipboard API where the host allows it, else the older copy command over a hidden text
 * area (Office's web views that refuse the API often still allow that), else "refused" —
 * the pane then says so, and the text stays on screen to select and copy by hand.
 */
export type TextCopyOutcome = { kind: "copied" } | { kind: "refused"; why: string };

/** What copying text needs from the browser; the real ones by default, stand-ins in tests. */
export interface TextClipboardEnv {
  clipboard?: Pick<Clipboard, "writeText">;
  document?: Document;
}

function browserEnv(): TextClipboardEnv {
  return {
    clipboard: typeof navigator !== "undefined" && typeof navigator.clipboard?.writeText === "function" ? navigator.clipboard : undefined,
    document: typeof document !== "undefined" ? document : undefined,
  };
}

/** The copy command over a text area outside the view; true when the browser says it copied. */
function copyCommand(text: string, doc: Document): boolean {
  if (typeof doc.execCommand !== "function") return false;
  const area = doc.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.left = "-10000px";
  doc.body.appendChild(area);
  const focused = doc.activeElement as HTMLElement | null;
  try {
    area.focus();
    area.select();
    return doc.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
    // Keyboard users stay on the button they pressed.
    focused?.focus?.();
  }
}

export async function copyText(text: string, env: TextClipboardEnv = browserEnv()): Promise<TextCopyOutcome> {
  let why = "no-clipboard-api";
  if (env.clipboard) {
    try {
      await env.clipboard.writeText(text);
      return { kind: "copied" };
    } catch (error) {
      why = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
  }
  if (env.document && copyCommand(text, env.document)) return { kind: "copied" };
  return { kind: "refused", why };
}
