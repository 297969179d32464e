/**
 * PxWebApi 2 client: polite (a shared client-side rate limiter under SSB's 30 requests
 * per minute per IP address), patient (retries with backoff on 429/503, honouring
 * Retry-After), bounded (timeouts, cancellation) and clear (every failure becomes an
 * SsbError with a message a user understands and the detail support needs).
 */
import type { LocalizedText } from "../../kostra/types";
import { describeFailure, problemError } from "./errors";
import { RateLimiter, sharedRateLimiter } from "./rate-limiter";
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

export interface SsbClientOptions {
  baseUrl?: string;
  lang?: SsbLang;
  /** Per attempt; default 30 s. */
  timeoutMs?: number;
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

export interface TableInfo {
  id: string;
  label: string;
  updated?: string;
  firstPeriod?: string;
  lastPeriod?: string;
  variableNames?: string[];
}

/** A response body and what SSB said about it. */
export interface SsbResponse {
  body: string;
  status: number;
  url: string;
}

/** Retry-After in ms: seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const s = header.trim();
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s) * 1000;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

export class SsbClient {
  readonly baseUrl: string;
  readonly lang: SsbLang;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly backoffMs: number;
  private readonly fetchFn: typeof fetch;
  private readonly clock: Clock;
  readonly limiter: RateLimiter;
  private readonly isOnline: () => boolean;
  private readonly onWait?: SsbClientOptions["onWait"];
  private limits: Promise<SsbLimits> | null = null;
  /** Requests actually sent (attempts included), for progress and benchmarks. */
  sent = 0;

  constructor(options: SsbClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
    this.lang = options.lang ?? "no";
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxRetries = options.maxRetries ?? 4;
    this.backoffMs = options.backoffMs ?? 2_000;
    this.fetchFn = options.fetch ?? ((...args) => globalThis.fetch(...args));
    this.clock = options.clock ?? systemClock;
    this.limiter =
      options.limiter ??
      sharedRateLimiter(this.baseUrl, { maxCalls: DEFAULT_LIMITS.maxCallsPerTimeWindow, windowMs: DEFAULT_LIMITS.timeWindowSeconds * 1000 }, this.clock);
    this.isOnline = options.isOnline ?? (() => (typeof navigator === "undefined" ? true : navigator.onLine !== false));
    this.onWait = options.onWait;
  }

  /** SSB's limits from /config (once per client); SSB's published defaults if /config can't be read. */
  config(signal?: AbortSignal): Promise<SsbLimits> {
    if (!this.limits) {
      this.limits = this.request("GET", `${this.baseUrl}/config`, undefined, signal)
        .then((res) => {
          const limits = this.applyConfig(res.body);
          this.configBody = res.body;
          return limits;
        })
        .catch((e) => {
          this.limits = null;
          if (e instanceof SsbError && e.kind === "cancelled") throw e;
          return DEFAULT_LIMITS;
        });
    }
    return this.limits;
  }

  /** The /config body last read from SSB, for caching. */
  configBody?: string;

  /**
   * Use a /config body read earlier (e.g. from the cache) without asking SSB. Values that
   * are missing or not positive fall back to SSB's published limits: SSB has reported 0
   * for the call limit while enforcing it through response headers.
   */
  applyConfig(body: string): SsbLimits {
    let c: Partial<{ maxDataCells: number; maxCallsPerTimeWindow: number; timeWindow: number }> = {};
    try {
      c = JSON.parse(body) ?? {};
    } catch {
      c = {};
    }
    const limits: SsbLimits = {
      maxDataCells: positive(c.maxDataCells) ?? DEFAULT_LIMITS.maxDataCells,
      maxCallsPerTimeWindow: positive(c.maxCallsPerTimeWindow) ?? DEFAULT_LIMITS.maxCallsPerTimeWindow,
      timeWindowSeconds: positive(c.timeWindow) ?? DEFAULT_LIMITS.timeWindowSeconds,
    };
    this.limiter.setLimits({ maxCalls: limits.maxCallsPerTimeWindow, windowMs: limits.timeWindowSeconds * 1000 });
    this.limits = Promise.resolve(limits);
    return limits;
  }

  /** A table's information, including SSB's `updated` timestamp. */
  async tableInfo(id: string, signal?: AbortSignal): Promise<TableInfo> {
    const json = await this.getJson(`${this.baseUrl}/tables/${encodeURIComponent(id)}?lang=${this.lang}`, signal);
    return toTableInfo(json);
  }

  /** Tables matching a search, e.g. "kostra bibliotek". */
  async search(query: string, signal?: AbortSignal, pageSize = 50): Promise<TableInfo[]> {
    const url = `${this.baseUrl}/tables?query=${encodeURIComponent(query)}&lang=${this.lang}&pageSize=${pageSize}`;
    const json = (await this.getJson(url, signal)) as { tables?: unknown[] };
    if (!Array.isArray(json?.tables)) throw badResponse(url, "tables");
    return json.tables.map(toTableInfo);
  }

  /** A table's metadata as json-stat2 (dimensions, labels, units, notes). */
  metadata(id: string, signal?: AbortSignal): Promise<unknown> {
    return this.getJson(`${this.baseUrl}/tables/${encodeURIComponent(id)}/metadata?lang=${this.lang}&outputFormat=json-stat2`, signal);
  }

  /** Send a prepared data request; resolves with the body text. */
  send(req: PreparedRequest, signal?: AbortSignal): Promise<SsbResponse> {
    return this.request(req.method, req.url, req.body, signal);
  }

  private async getJson(url: string, signal?: AbortSignal): Promise<unknown> {
    const res = await this.request("GET", url, undefined, signal);
    try {
      return JSON.parse(res.body);
    } catch {
      throw badResponse(url, "JSON");
    }
  }

  /** One logical request: rate-limited attempts with retries. Throws SsbError. */
  async request(method: "GET" | "POST", url: string, body: string | undefined, signal?: AbortSignal): Promise<SsbResponse> {
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw cancelled(url);
      if (!this.isOnline()) throw describeFailure("offline", { url });
      const wait = this.limiter.plannedDelay();
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
      const outcome = await this.attempt(method, url, body, signal);
      if (outcome.ok) return outcome.response;
      const { error, retryAfter } = outcome;
      // A request that never reached SSB is tried once more (a dropped connection); a blocked
      // one (CORS, firewall) fails the same way again, so the user hears about it quickly.
      const retryable = error.kind === "rate-limited" || error.kind === "unavailable" || (outcome.dropped === true && attempt === 0);
      if (!retryable || attempt >= this.maxRetries) throw error;
      const delay = Math.max(retryAfter ?? 0, this.backoffMs * 2 ** attempt);
      if (error.kind === "rate-limited") this.limiter.pauseUntil(this.clock.now() + delay);
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
    this.sent++;
    try {
      const res = await this.fetchFn(url, {
        method,
        body,
        headers: body ? { "Content-Type": "application/json", Accept: "application/json" } : { Accept: "application/json" },
        signal: timeout.signal,
      });
      const text = await res.text();
      if (res.ok) return { ok: true, response: { body: text, status: res.status, url } };
      const retryAfter = retryAfterMs(res.headers.get("Retry-After"), this.clock.now());
      return { ok: false, error: problemError(res.status, url, text), retryAfter };
    } catch (e) {
      if (signal?.aborted) return { ok: false, error: cancelled(url) };
      if (timedOut) return { ok: false, error: describeFailure("timeout", { url, seconds: Math.round(this.timeoutMs / 1000) }) };
      // fetch rejects with a TypeError both for a dropped connection and for a blocked
      // (CORS, proxy, firewall) request; offline is told apart by the device's own flag.
      if (!this.isOnline()) return { ok: false, error: describeFailure("offline", { url, cause: e }) };
      return { ok: false, error: describeFailure("blocked", { url, cause: e }), dropped: true };
    } finally {
      stopTimer.abort();
      signal?.removeEventListener("abort", onAbort);
    }
  }
}

const positive = (n: unknown): number | undefined => (typeof n === "number" && n > 0 ? n : undefined);

function cancelled(url: string): SsbError {
  return describeFailure("cancelled", { url });
}

function badResponse(url: string, what: string): SsbError {
  return new SsbError(
    "bad-response",
    {
      nb: `SSB svarte med noe uventet (ikke ${what}). Prøv igjen senere, eller bruk en nedlastet fil.`,
      en: `SSB answered with something unexpected (not ${what}). Try again later, or use a downloaded file.`,
    },
    { url },
  );
}

function toTableInfo(x: unknown): TableInfo {
  const t = (x ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === "string" ? v : undefined);
  return {
    id: str(t.id) ?? "",
    label: str(t.label) ?? "",
    updated: str(t.updated),
    firstPeriod: str(t.firstPeriod),
    lastPeriod: str(t.lastPeriod),
    variableNames: Array.isArray(t.variableNames) ? t.variableNames.filter((v): v is string => typeof v === "string") : undefined,
  };
}
