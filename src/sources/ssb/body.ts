/**
 * Reading an answer's body within a size limit, while it streams in: an endless body or a
 * bomb from a proxy is stopped at the limit instead of being buffered whole. And telling
 * a web page (a proxy's login page, a captive portal) from data.
 */

/** The body was larger than the limit; the connection has been let go. */
export class BodyTooLarge extends Error {
  constructor(readonly limitBytes: number) {
    super(`answer larger than ${limitBytes} bytes`);
    this.name = "BodyTooLarge";
  }
}

/**
 * The body as UTF-8 text (a byte order mark is dropped), at most `maxBytes` bytes.
 * `over: "fail"` throws BodyTooLarge beyond that; `over: "truncate"` keeps the first
 * `maxBytes` bytes (for error bodies, which are only kept as detail).
 */
export async function readBodyText(res: Response, maxBytes: number, over: "fail" | "truncate" = "fail"): Promise<string> {
  const declared = Number(res.headers.get("content-length") ?? NaN);
  if (over === "fail" && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw new BodyTooLarge(maxBytes);
  }
  if (!res.body) {
    // A fetch without body streams: the whole text, then the same limit.
    const text = await res.text();
    const bytes = new TextEncoder().encode(text);
    if (bytes.byteLength <= maxBytes) return text;
    if (over === "fail") throw new BodyTooLarge(maxBytes);
    return new TextDecoder("utf-8").decode(bytes.subarray(0, maxBytes));
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder("utf-8");
  const parts: string[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const room = maxBytes - total;
    total += value.byteLength;
    if (value.byteLength > room) {
      await reader.cancel().catch(() => undefined);
      if (over === "fail") throw new BodyTooLarge(maxBytes);
      parts.push(decoder.decode(value.subarray(0, Math.max(0, room)), { stream: true }));
      break;
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join("");
}

/** True when the answer is a web page (HTML), whatever its content type claims. */
export function isWebPage(contentType: string | null, body: string): boolean {
  if (/\b(text\/html|application\/xhtml\+xml)\b/i.test(contentType ?? "")) return true;
  const start = body.slice(0, 512).replace(/^\uFEFF?\s*/, "").toLowerCase();
  return start.startsWith("<!doctype html") || start.startsWith("<html") || /^<\?xml[^>]*>\s*<(!doctype html|html)/.test(start);
}
