/** Errors as message bars: what happened, in the user's words, and what to do about it. */
import type { GatewayError } from "../../excel/apply-plan";
import { KostraError } from "../../kostra/errors";
import type { SsbError } from "../../sources/ssb/types";
import type { Messages } from "../i18n";
import { NoFileChosen } from "./load";
import type { Activity, Describe } from "./outcome";

const isSsbError = (e: unknown): e is SsbError => e instanceof KostraError && e.code === "ssb" && typeof (e as SsbError).kind === "string";

/** The gateway's errors are matched by shape: the gateway itself is loaded only on demand. */
export function isGatewayError(e: unknown): e is GatewayError {
  if (!(e instanceof Error) || e.name !== "GatewayError") return false;
  const g = e as Partial<GatewayError>;
  return typeof g.text?.nb === "string" && typeof g.text?.en === "string" && typeof g.kind === "string";
}

export function isCancellation(e: unknown): boolean {
  return (isSsbError(e) && e.kind === "cancelled") || (e instanceof Error && e.name === "AbortError");
}

function ssbAdvice(error: SsbError, t: Messages): string | undefined {
  switch (error.kind) {
    case "blocked":
      return t.adviceBlocked;
    case "offline":
      return t.adviceOffline;
    case "rate-limited":
      return t.adviceRateLimited;
    case "unavailable":
    case "timeout":
    case "bad-response":
      return t.adviceRetry;
    case "unknown-value":
    case "bad-request":
    case "not-found":
    case "too-many-cells":
      return undefined; // SSB's own message already says what to check.
    case "cancelled":
      return undefined;
  }
}

export function describeError(error: unknown, activity: Activity): Describe {
  return (t, lang) => {
    if (error instanceof NoFileChosen) return { intent: "warning", title: t.needsFile };
    if (isSsbError(error)) return { intent: "error", title: t.ssbErrorTitle, body: error.messageIn(lang), advice: ssbAdvice(error, t) };
    if (isGatewayError(error)) {
      // What the failed write left decides the title: nothing changed, the report half in place, or not known.
      const left = (error as { state?: { kind?: string } }).state?.kind;
      const written = left === "partial" ? t.writePartialTitle : left === "unknown" ? t.writeUnknownTitle : t.writeFailedTitle;
      const title = error.kind === "unsupported" ? t.excelUnsupportedTitle : error.kind === "settings" ? t.settingsErrorTitle : written;
      return { intent: "error", title, body: error.text[lang], advice: error.kind === "write-failed" ? undefined : t.adviceDownload };
    }
    if (error instanceof KostraError) {
      switch (activity) {
        case "load-file":
          return { intent: "error", title: t.fileErrorTitle, body: error.messageIn(lang), advice: error.code === "bad-input" ? t.adviceFile : undefined };
        case "load-selection":
          return { intent: "error", title: t.selectionErrorTitle, body: error.messageIn(lang), advice: error.code === "bad-input" ? t.adviceSelection : undefined };
        default:
          return { intent: "error", title: t.reportErrorTitle, body: error.messageIn(lang) };
      }
    }
    if (activity === "activate") return { intent: "warning", title: t.sheetMissing };
    const message = error instanceof Error ? error.message : String(error);
    return { intent: "error", title: t.unexpectedTitle, body: t.unexpectedError(message) };
  };
}
