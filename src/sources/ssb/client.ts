/**
 * PxWebApi 2 client: polite (a shared client-side rate limiter under SSB's 30 requests
 * per minute per IP address), patient (retries with backoff on 429/503, honouring
 * Retry-After), bounded (timeouts, cancellation) and clear (every failure becomes an
 * SsbError with a message a user understands and the detail support needs).
 */
import { badInput } from "../../kostra/errors";
import { MAX_RESPONSE_BYTES, MAX_TIMEOUT_SECONDS, MAX_WAIT_SECONDS, MIN_TIMEOUT_SECONDS } from "../../kostra/limits";
import type { Lang, LocalizedText } from "../../kostra/types";
import { readConfig, readSearch, readTableInfo, type TableInfo } from "./answers";
import { checkBaseUrl } from "./base-url";
import { BodyTooLarge, isWebPage, readBodyText } from "./body";
import { describeFailure, problemError, unusableAnswer, waitTooLong } from "./errors";
import { readMetadataAnswer } from "./metadata-answer";
import { RateLimiter, sharedRateLimiter } from "./rate-limiter";
import { MAX_REDIRECTS, redirectDecision } from "./redirect";
import {
  DEFAULT_BASE_URL,
  DEFAULT_LIMITS,
  SsbError,
  systemClock,
  type Clock,
  type PreparedRequest,
  type SsbLang,
  type SsbLimits,
} from "./types";

/** The header every answer of the product's shared SSB cache carries (deploy/nginx/). */
export const SHARED_CACHE_HEADER = "X-Kostra-Cache";
/** The header that tells the shared cache which `updated` of the table a data request was checked against. */
export const TABLE_UPDATED_HEADER = "X-Kostra-Table-Updated";
/** What may go into that header: SSB's timestamp is outside input, so only printable ASCII, bounded. */
const HEADER_VALUE = /^[\x20-\x7e]{1,100}$/;

export type { TableInfo } from "./answers";

const SSB_LANG: Readonly<Record<Lang, SsbLang>> = { nb: "no", en: "en" };

/** The language SSB is asked to answer in for a user of the product's language (bokmål unless told). */
export const ssbLangFor = (lang: Lang | undefined): SsbLang => SSB_LANG[lang ?? "nb"];

/** An error body is kept only as detail for support: its first 64 KiB are enough. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;
const MAX_WAIT_MS = MAX_WAIT_SECONDS * 1000;

export interface SsbClientOptions {
  baseUrl?: string;
  lang?: SsbLang;
  /** Per attempt; default 30 s, held within MIN_TIMEOUT_SECONDS–MAX_TIMEOUT_SECONDS. */
  timeoutMs?: number;
  /** Largest answer body read (default MAX_RESPONSE_BYTES); a larger one is stopped while it streams in. */
  maxResponseBytes?: number;
  /** Retries after the first attempt on 429, 502, 503, 504 and dropped connections; default 4. */
  maxRetries?: number;
  /** First backoff delay; doubled per retry (Retry-After wins when larger). Default 2 s. */
  backoffMs?: number;
  fetch?: typeof fetch;
  clock?: Clock;
  limiter?: RateLimiter;
  /** Whether the device believes it is online (navigator.onLine in a browser). */
  isOnline?: () => boolean;
  /** Called while waiting, so the UI can say why nothing seems to happen. */
  onWait?: (reason: LocalizedText, ms: number) => void;
}

/** SSB's limits as `/config` gave them, and the body to cache when it was a valid answer. */
export interface ConfigAnswer {
  limits: SsbLimits;
  /** The `/config` body, when it was read and valid (only then is it worth caching). */
  body?: string;
  /** Why SSB's published limits are used instead (SSB failed, or answered something that is not a `/config`). */
  problem?: SsbError;
}

/** A response body and what SSB said about it. */
export interface SsbResponse {
  body: string;
  status: number;
  url: string;
}

/**
 * Retry-After in ms: delay-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when
 * absent or unreadable. Not bounded here: the caller decides what is too long to wait.
 */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const s = header.trim();
  if (/^\d{1,20}$/.test(s)) return Number(s) * 1000;
  if (s.length > 100 || !/[a-z]/i.test(s)) return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

export class SsbClient {
  readonly baseUrl: string;
  readonly lang: SsbLang;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly backoffMs: number;
  private readonly maxResponseBytes: number;
  private readonly fetchFn: typeof fetch;
  private readonly clock: Clock;
  readonly limiter: RateLimiter;
  private readonly isOnline: () => boolean;
  private readonly onWait?: SsbClientOptions["onWait"];
  private configAnswer: Promise<ConfigAnswer> | null = null;
  /** Requests actually sent (attempts and redirects included), for progress and benchmarks. */
  sent = 0;
  /** Whether an answer came through the product's shared cache (deploy/nginx/): it says so in every answer. */
  behindSharedCache = false;

  /** Throws a KostraError ("bad-input") when `baseUrl` is not an address the product sends queries to (see base-url.ts). */
  constructor(options: SsbClientOptions = {}) {
    const checked = checkBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
    if (!checked.ok) throw badInput(checked.reason);
    this.baseUrl = checked.url;
    this.lang = options.lang ?? "no";
    this.timeoutMs = clamp(Number.isFinite(options.timeoutMs) ? (options.timeoutMs as number) : 30_000, MIN_TIMEOUT_SECONDS * 1000, MAX_TIMEOUT_SECONDS * 1000);
    this.maxRetries = clamp(Math.floor(options.maxRetries ?? 4), 0, 10);
    this.backoffMs = clamp(options.backoffMs ?? 2_000, 0, MAX_WAIT_MS);
    this.maxResponseBytes = clamp(options.maxResponseBytes ?? MAX_RESPONSE_BYTES, 1, MAX_RESPONSE_BYTES);
    this.fetchFn = options.fetch ?? ((...args) => globalThis.fetch(...args));
    this.clock = options.clock ?? systemClock;
    this.limiter =
      options.limiter ??
      sharedRateLimiter(this.baseUrl, { maxCalls: DEFAULT_LIMITS.maxCallsPerTimeWindow, windowMs: DEFAULT_LIMITS.timeWindowSeconds * 1000 }, this.clock);
    this.isOnline = options.isOnline ?? (() => (typeof navigator === "undefined" ? true : navigator.onLine !== false));
    this.onWait = options.onWait;
  }

  /**
   * SSB's limits from /config (asked once per client), clamped to sane bounds. When SSB
   * fails or answers something that is not a /config, SSB's published limits are used and
   * `problem` says why; a cancel is rethrown.
   */
  config(signal?: AbortSignal): Promise<ConfigAnswer> {
    if (!this.configAnswer) {
      const url = `${this.baseUrl}/config`;
      this.configAnswer = this.request("GET", url, undefined, signal)
        .then((res) => ({ limits: this.useLimits(readConfig(res.body, url)), body: res.body }))
        .catch((e: unknown) => {
          this.configAnswer = null;
          if (!(e instanceof SsbError) || e.kind === "cancelled") throw e;
          return { limits: this.useLimits(DEFAULT_LIMITS), problem: e };
        });
    }
    return this.configAnswer;
  }

  /** Use limits read earlier (e.g. a cached /config) without asking SSB. */
  useLimits(limits: SsbLimits): SsbLimits {
    this.limiter.setLimits({ maxCalls: limits.maxCallsPerTimeWindow, windowMs: limits.timeWindowSeconds * 1000 });
    this.configAnswer = Promise.resolve({ limits });
    return limits;
  }

  /** A table's information, including SSB's `updated` timestamp. */
  async tableInfo(id: string, signal?: AbortSignal): Promise<TableInfo> {
    const url = `${this.baseUrl}/tables/${encodeURIComponent(id)}?lang=${this.lang}`;
    const res = await this.request("GET", url, undefined, signal);
    return readTableInfo(res.body, id, url);
  }

  /** Tables matching a search, e.g. "kostra bibliotek". */
  async search(query: string, signal?: AbortSignal, pageSize = 50): Promise<TableInfo[]> {
    const url = `${this.baseUrl}/tables?query=${encodeURIComponent(query)}&lang=${this.lang}&pageSize=${pageSize}`;
    const res = await this.request("GET", url, undefined, signal);
    return readSearch(res.body, url);
  }

  /** Where a table's metadata (json-stat2) is asked for. */
  metadataUrl(id: string): string {
    return `${this.baseUrl}/tables/${encodeURIComponent(id)}/metadata?lang=${this.lang}&outputFormat=json-stat2`;
  }

  /**
   * A table's metadata as json-stat2 (dimensions, labels, units, notes), checked to be
   * metadata of that table within the limits (readMetadataAnswer) before it is handed on;
   * callers that keep it (recording it, reading its roles) get the JSON, which they read
   * with readTableMetadata. Loads go through table-metadata.ts, which also caches it.
   */
  async metadata(id: string, signal?: AbortSignal): Promise<unknown> {
    const url = this.metadataUrl(id);
    const res = await this.request("GET", url, undefined, signal);
    return readMetadataAnswer(res.body, id, url).json;
  }

  /**
   * Send a prepared data request; resolves with the body text. To a shared cache in front
   * of SSB (one that has said so, see `behindSharedCache`) the table's `updated` time goes
   * along, so that the cache keeps the answer until SSB republishes the table.
   */
  send(req: PreparedRequest, signal?: AbortSignal): Promise<SsbResponse> {
    const updated = this.behindSharedCache && req.tableUpdated !== undefined && HEADER_VALUE.test(req.tableUpdated) ? req.tableUpdated : undefined;
    return this.request(req.method, req.url, req.body, signal, updated === undefined ? undefined : { [TABLE_UPDATED_HEADER]: updated });
  }

  /**
   * One logical request: rate-limited attempts with retries. Throws SsbError. Every wait is
   * bounded by MAX_WAIT_SECONDS: a longer one (Retry-After, a quota window) ends the
   * request at once with a message saying when SSB can be asked again.
   */
  async request(method: "GET" | "POST", url: string, body: string | undefined, signal?: AbortSignal, headers?: Record<string, string>): Promise<SsbResponse> {
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw cancelled(url);
      if (!this.isOnline()) throw describeFailure("offline", { url });
      const wait = this.limiter.plannedDelay();
      if (wait > MAX_WAIT_MS) throw waitTooLong("rate-limited", { url, until: this.clock.now() + wait, now: this.clock.now(), quota: true });
      if (wait > 0) {
        const { maxCalls, windowMs } = this.limiter.limits;
        const per = `${maxCalls} / ${Math.round(windowMs / 1000)} s`;
        this.onWait?.({ nb: `Venter på SSB-kvoten (${per})`, en: `Waiting for SSB's quota (${per})` }, wait);
      }
      try {
        await this.limiter.acquire(signal);
      } catch {
        throw cancelled(url);
      }
      const outcome = await this.attempt(method, url, body, signal, headers);
      if (outcome.ok) return outcome.response;
      const { error, retryAfter } = outcome;
      // A request that never reached SSB is tried once more (a dropped connection); a blocked
      // one (CORS, firewall) fails the same way again, so the user hears about it quickly.
      const retryable = error.kind === "rate-limited" || error.kind === "unavailable" || (outcome.dropped === true && attempt === 0);
      if (!retryable) throw error;
      const now = this.clock.now();
      if (retryAfter !== undefined && retryAfter > MAX_WAIT_MS)
        throw waitTooLong(error.kind === "rate-limited" ? "rate-limited" : "unavailable", { url, until: now + retryAfter, now, status: error.status });
      if (attempt >= this.maxRetries) throw error;
      const delay = Math.min(MAX_WAIT_MS, Math.max(retryAfter ?? 0, this.backoffMs * 2 ** attempt));
      if (error.kind === "rate-limited") this.limiter.pauseUntil(now + delay);
      this.onWait?.(
        error.kind === "rate-limited"
          ? { nb: "SSB ber oss vente (for mange forespørsler)", en: "SSB asks us to wait (too many requests)" }
          : { nb: "SSB svarer ikke – prøver igjen", en: "SSB is not answering – trying again" },
        delay,
      );
      try {
        await this.clock.sleep(delay, signal);
      } catch {
        throw cancelled(url);
      }
    }
  }

  private async attempt(
    method: "GET" | "POST",
    url: string,
    body: string | undefined,
    signal?: AbortSignal,
    extraHeaders?: Record<string, string>,
  ): Promise<{ ok: true; response: SsbResponse } | { ok: false; error: SsbError; retryAfter?: number; dropped?: boolean }> {
    const timeout = new AbortController();
    const stopTimer = new AbortController();
    let timedOut = false;
    void this.clock.sleep(this.timeoutMs, stopTimer.signal).then(
      () => {
        timedOut = true;
        timeout.abort();
      },
      () => undefined,
    );
    const onAbort = () => timeout.abort();
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      let target = { url, method, body };
      for (let hop = 0; ; hop++) {
        this.sent++;
        const res = await this.fetchFn(target.url, {
          method: target.method,
          body: target.body,
          headers: { ...(target.body ? { "Content-Type": "application/json" } : {}), Accept: "application/json", ...extraHeaders },
          signal: timeout.signal,
          redirect: "manual",
        });
        const next = redirectDecision(res, target.url, target.method, target.body);
        if (next.kind === "none") return await this.outcome(res, url, body);
        await res.body?.cancel().catch(() => undefined);
        if (next.kind === "refuse" || hop >= MAX_REDIRECTS)
          return { ok: false, error: unusableAnswer({ kind: "redirect", to: next.kind === "refuse" ? next.to : next.url }, { url, status: res.status }) };
        target = next;
      }
    } catch (e) {
      if (signal?.aborted) return { ok: false, error: cancelled(url) };
      if (e instanceof BodyTooLarge) return { ok: false, error: unusableAnswer({ kind: "too-large", limitBytes: e.limitBytes }, { url }) };
      if (timedOut) return { ok: false, error: describeFailure("timeout", { url, seconds: Math.round(this.timeoutMs / 1000) }) };
      // fetch rejects with a TypeError both for a dropped connection and for a blocked
      // (CORS, proxy, firewall) request; offline is told apart by the device's own flag.
      if (!this.isOnline()) return { ok: false, error: describeFailure("offline", { url, cause: e }) };
      return { ok: false, error: describeFailure("blocked", { url, cause: e }), dropped: true };
    } finally {
      stopTimer.abort();
      timeout.abort(); // lets go of a body that was not read to the end
      signal?.removeEventListener("abort", onAbort);
    }
  }

  /** An answer that is not a redirect: its body within the limit, or why it can't be used (`requestBody`: what a POST sent, for the message). */
  private async outcome(res: Response, url: string, requestBody: string | undefined): Promise<{ ok: true; response: SsbResponse } | { ok: false; error: SsbError; retryAfter?: number }> {
    if (res.headers.get(SHARED_CACHE_HEADER) !== null) this.behindSharedCache = true;
    if (!res.ok) {
      const text = await readBodyText(res, MAX_ERROR_BODY_BYTES, "truncate");
      // A proxy asking for a login (401, 407) or refusing with a page of its own (403) is not SSB's cell limit.
      if ((res.status === 401 || res.status === 403 || res.status === 407) && isWebPage(res.headers.get("content-type"), text))
        return { ok: false, error: unusableAnswer({ kind: "web-page" }, { url, status: res.status, body: text }) };
      return { ok: false, error: problemError(res.status, url, text, requestBody), retryAfter: retryAfterMs(res.headers.get("Retry-After"), this.clock.now()) };
    }
    const text = await readBodyText(res, this.maxResponseBytes);
    if (isWebPage(res.headers.get("content-type"), text)) return { ok: false, error: unusableAnswer({ kind: "web-page" }, { url, status: res.status, body: text }) };
    if (text.trim() === "") return { ok: false, error: unusableAnswer({ kind: "empty" }, { url, status: res.status }) };
    return { ok: true, response: { body: text, status: res.status, url } };
  }
}

function cancelled(url: string): SsbError {
  return describeFailure("cancelled", { url });
}
