/**
 * Which addresses the product will send SSB queries to: SSB's own API or a municipality's
 * proxy for it. An address can come from a user, a command line or a shared workbook's
 * settings, so it is checked as hostile input:
 * - https only (a query and its answer must not be readable or changeable on the way),
 *   except plain http to this machine (localhost or 127.0.0.1: a local proxy, the test server);
 * - no user name or password in the address: `https://data.ssb.no@evil.example/` looks like
 *   SSB but goes to evil.example;
 * - no query string or fragment (the client appends its own paths and parameters);
 * - at most 2 000 characters.
 */
import type { LocalizedText } from "../../kostra/types";
import { quoteInput } from "../../kostra/safe-text";

export type BaseUrlCheck = { ok: true; url: string; origin: string } | { ok: false; reason: LocalizedText };

// IPv6's [::1] is left out: a Content-Security-Policy cannot name an IPv6 address, so the pane could not reach it.
const LOOPBACK = new Set(["localhost", "127.0.0.1"]);

export function checkBaseUrl(text: string): BaseUrlCheck {
  const raw = text.trim();
  const shown = quoteInput(raw, 80);
  const no = (nb: string, en: string): BaseUrlCheck => ({ ok: false, reason: { nb: `Adressen «${shown}» ${nb}`, en: `The address "${shown}" ${en}` } });
  if (raw.length > 2000) return no("er for lang.", "is too long.");
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return no("er ikke en gyldig nettadresse (https://…).", "is not a valid web address (https://…).");
  }
  const loopback = LOOPBACK.has(url.hostname.toLowerCase());
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback))
    return no("må begynne med https:// (http er bare tillatt til denne maskinen).", "must start with https:// (http is allowed only to this machine).");
  if (url.username || url.password) return no("inneholder brukernavn eller passord; det godtas ikke.", "contains a user name or password; that is not accepted.");
  if (url.search || url.hash || raw.includes("?") || raw.includes("#")) return no("kan ikke ha ? eller # (spørring eller fragment).", "cannot have ? or # (a query or fragment).");
  return { ok: true, url: url.href.replace(/\/+$/, ""), origin: url.origin };
}
