/**
 * Shared shapes of the SSB (PxWebApi 2) source: queries, the clock the rate limiter
 * and retries use, the response cache, and the typed errors users see.
 */
import { KostraError } from "../../kostra/errors";
import type { LocalizedText } from "../../kostra/types";

/** SSB's API v2; a municipality may run its own proxy with the same paths. */
export { DEFAULT_BASE_URL } from "./default-url";

/** SSB's published limits, used until `/config` says otherwise. */
export const DEFAULT_LIMITS: SsbLimits = {
  maxDataCells: 800_000,
  maxCallsPerTimeWindow: 30,
  timeWindowSeconds: 60,
};

/** URLs longer than this fail at SSB (404); such queries are sent as POST. */
export const MAX_GET_URL_LENGTH = 2000;

export interface SsbLimits {
  maxDataCells: number;
  maxCallsPerTimeWindow: number;
  timeWindowSeconds: number;
}

export type SsbLang = "no" | "en";

/** One data request: a table and the value codes selected per dimension. */
export interface SsbQuery {
  table: string;
  /** Dimension id → value codes, in the order they are sent. */
  selection: Record<string, string[]>;
}

/** A query ready to send: GET with the URL, or POST with the body when the URL would be too long. */
export interface PreparedRequest {
  query: SsbQuery;
  method: "GET" | "POST";
  url: string;
  body?: string;
  /** Number of cells the response will hold. */
  cells: number;
  /**
   * SSB's `updated` of the table the query was checked against, told to a shared cache in
   * front of SSB (deploy/nginx/) so that a republished table is a new cache entry.
   */
  tableUpdated?: string;
}

/** Time as the rate limiter and retries see it; tests pass a fake one. */
export interface Clock {
  now(): number;
  /** Resolve after `ms`, or reject with the signal's reason when it aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
    }),
};

/** A cached response: the body as SSB sent it, when it was fetched and SSB's `updated`. */
export interface CachedResponse {
  body: string;
  fetchedAt: string;
  updated?: string;
}

/**
 * Responses by query key. Browser: IndexedDB; Node: files; tests: memory. Every cache
 * holds only entries that fit cache-entry.ts (size, fields), and the loaders store only
 * answers that were read and checked (checked-cache.ts): a cache never stores a lie.
 */
export interface ResponseCache {
  get(key: string): Promise<CachedResponse | undefined>;
  set(key: string, value: CachedResponse): Promise<void>;
  /** Forget an entry (one that no longer reads as a valid answer). */
  delete(key: string): Promise<void>;
}

export type SsbErrorKind =
  | "unknown-value" // 400: a variable or value SSB does not know
  | "bad-request" // 400: other
  | "too-many-cells" // 403 (or 400 saying so)
  | "not-found" // 404: unknown table, or URL too long
  | "rate-limited" // 429 after retries
  | "unavailable" // 503 after retries, or other 5xx
  | "timeout"
  | "cancelled"
  | "offline" // the device reports no network
  | "blocked" // the request never reached SSB (CORS, proxy, firewall, DNS)
  | "bad-response"; // SSB answered with something that is not what the API promises

/**
 * An SSB failure with a message a user understands (what failed, what to do) and the
 * technical detail kept for support (status, URL, SSB's problem+json).
 */
export class SsbError extends KostraError {
  readonly kind: SsbErrorKind;
  readonly status?: number;
  readonly url?: string;

  constructor(kind: SsbErrorKind, text: LocalizedText, detail?: { status?: number; url?: string; body?: string; cause?: unknown }) {
    super("ssb", text, detail ? JSON.stringify({ status: detail.status, url: detail.url, body: detail.body, cause: String(detail.cause ?? "") }) : undefined);
    this.name = "SsbError";
    this.kind = kind;
    this.status = detail?.status;
    this.url = detail?.url;
  }
}
