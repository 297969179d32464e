/**
 * Redirects: the product follows a redirect only within the origin it asked (scheme, host
 * and port), never to another host. A proxy, a captive portal or a hijacked address must
 * not be able to send the product's queries elsewhere and have another server's answer
 * taken for SSB's.
 *
 * Requests are sent with `redirect: "manual"`. In Node (undici) the 3xx answer then comes
 * back with its Location header, so a redirect within the origin can be followed by hand.
 * A browser hides it (an "opaqueredirect" answer with status 0 and no headers): there the
 * target cannot be known, so every redirect is refused. A fetch that followed a redirect
 * anyway (`redirected`, with another `url`) is refused after the fact.
 */

/** Most redirects followed within one request. */
export const MAX_REDIRECTS = 3;

export type RedirectDecision =
  | { kind: "none" }
  | { kind: "follow"; url: string; method: "GET" | "POST"; body: string | undefined }
  | { kind: "refuse"; to?: string };

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** What to do with an answer to `method url`: use it, follow its redirect, or refuse it. */
export function redirectDecision(res: Response, url: string, method: "GET" | "POST", body: string | undefined): RedirectDecision {
  if (res.type === "opaqueredirect") return { kind: "refuse" };
  const origin = originOf(url);
  if (res.redirected && res.url && originOf(res.url) !== origin) return { kind: "refuse", to: res.url };
  if (!REDIRECT_STATUSES.has(res.status)) return { kind: "none" };
  const location = res.headers.get("location");
  if (!location) return { kind: "refuse" };
  let target: URL;
  try {
    target = new URL(location, url);
  } catch {
    return { kind: "refuse", to: location };
  }
  if (target.origin !== origin || target.username || target.password) return { kind: "refuse", to: target.href };
  // As fetch does: 303 always, and 301/302 after a POST, continue as GET without a body.
  const asGet = res.status === 303 || ((res.status === 301 || res.status === 302) && method === "POST");
  return { kind: "follow", url: target.href, method: asGet ? "GET" : method, body: asGet ? undefined : body };
}
