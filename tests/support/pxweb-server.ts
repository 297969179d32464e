/**
 * A local HTTP server that speaks SSB's PxWebApi 2 (`/config`, `/tables`, `/tables/{id}`,
 * `/tables/{id}/metadata`, `GET|POST /tables/{id}/data`) over the SYNTHETIC world of
 * pxweb-world.ts (the hand-made tables, or with `world: "catalog"` every table with a
 * metadata fixture), for the SSB client's tests. It logs every request and can be told to
 * fail, delay or drop the next requests, to enforce the rate limit in real time, and to
 * answer POSTs in another dimension order.
 *
 * Routing and I/O live here; selection parsing and problem bodies are in pxweb-selection.ts.
 *
 * Hostile answers (`hostileNext`) play an unlucky network or a misbehaving proxy: a cut-off
 * body, a login page with status 200, an empty 200, another table's answer, a cube "bomb"
 * declaring millions of cells in 2 KB, a body that never ends, a Retry-After of an hour or
 * a date far ahead, a redirect to another host.
 *
 * It also answers SSB's classification service Klass on the same host (KLASS_PATH):
 * `GET /api/klass/v1/classifications/131/correspondsAt?targetClassificationId=112&date=…`
 * (and 112→131) with a SYNTHETIC KOSTRA grouping (see syntheticKostraGroups): the snapshot's
 * known members, Hå (1119) in EKG07, every other municipality in an invented group. The
 * shape follows SSB's documentation (`correspondenceItems`), not a recorded answer.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  matchesQuery,
  problems,
  queryParam,
  resolveSelection,
  selectionFromBody,
  selectionFromQuery,
  type Problem,
  type RequestedSelection,
} from "./pxweb-selection";
import { MUNICIPALITIES, codeForYear, GROUP_MEMBERSHIP } from "../../src/kostra/municipalities";
import { tableDefinition, worldDataset, worldMetadata, worldTableIds, type CellValue, type TableDefinition, type WorldLang, type WorldName } from "./pxweb-world";

export const BASE_PATH = "/api/pxwebapi/v2";
export const KLASS_PATH = "/api/klass/v1";

/** SSB answers 404 to request URLs (path + query) longer than this. */
export const MAX_URL_LENGTH = 2100;

/** One request as the server saw it. */
export interface LoggedRequest {
  method: string;
  /** Path below the base path, e.g. "/tables/12362/data" (the full path for anything outside it). */
  path: string;
  /** Path and query as received. */
  url: string;
  /** Query parameters, decoded (the last one wins when a name repeats). */
  query: Record<string, string>;
  /** A POST body, parsed as JSON (the raw text when it is not JSON). */
  body?: unknown;
  /** When it arrived (ms since the epoch). */
  time: number;
}

export type RequestMatch = (req: LoggedRequest) => boolean;

export interface InjectedFailure {
  status: number;
  retryAfterSeconds?: number;
  /** problem+json title and detail (default: the status's usual title). */
  problem?: { title: string; detail?: string };
  /** A raw body instead of problem+json. */
  body?: string;
  contentType?: string;
}

/** What a hostile network or proxy answers instead of SSB (see `hostileNext`). */
export type HostileAnswer =
  /** The real answer cut in half, sent as a complete 200 (a proxy that truncated it). */
  | { kind: "truncated" }
  /** The real answer's headers and length, half its body, then the connection dropped. */
  | { kind: "cut-connection" }
  /** A proxy's login page, with status 200 and text/html. */
  | { kind: "html-200"; status?: number }
  /** Status 200 with an empty body. */
  | { kind: "empty-200" }
  /** The whole of another table, whatever was asked. */
  | { kind: "other-table"; table: string }
  /** A 2 KB json-stat2 answer with the asked table's dimension ids, each declaring `categories` codes (default 30: 24 million cells for five dimensions). */
  | { kind: "cube-bomb"; categories?: number }
  /** Status 200 and a JSON body that never ends, until the client goes away. */
  | { kind: "endless" }
  /** 429 or 503 with this Retry-After header (seconds, or an HTTP date). */
  | { kind: "retry-after"; status: 429 | 503; value: string }
  /** A redirect to `to` (another host, or a path on this one). */
  | { kind: "redirect"; to: string; status?: 301 | 302 | 303 | 307 | 308 };

export interface PxWebServerOptions {
  /** Reported by /config and enforced on data requests (default 800000). */
  maxDataCells?: number;
  /** Reported by /config and used when `enforceRateLimit` is on (default 30). */
  maxCallsPerTimeWindow?: number;
  /** Seconds (default 60). */
  timeWindow?: number;
  /** Answer 429 with Retry-After once more than maxCallsPerTimeWindow requests came within timeWindow seconds (default false). */
  enforceRateLimit?: boolean;
  /** Answer POST data requests without a placement with the dimensions in this order ("reverse": the table order reversed). */
  postDimensionOrder?: readonly string[] | "reverse";
  /** Fields that replace /config's (e.g. SSB's current `maxCallsPerTimeWindow: 0`). */
  config?: Record<string, unknown>;
  /** Status for too many cells (default 403, as SSB documents; PxWebApi's own code answers 400). */
  tooManyCellsStatus?: number;
  /**
   * Which SYNTHETIC world to serve: "classic" (default: the hand-made tables 12362, 12842,
   * 07459) or "catalog" (every table with a metadata fixture, so every sector loads).
   */
  world?: WorldName;
  /**
   * The SYNTHETIC Klass service: how group codes are written, which direction answers,
   * which years have a grouping; false: no grouping at all (404). Default: on for the
   * "catalog" world, off for the "classic" one, whose tables have no KOSTRA group figures.
   */
  klass?: KlassOptions | false;
}

export interface KlassOptions {
  /** "EKG07" (default, as SSB writes them), "07" or "7". */
  codeFormat?: "EKG07" | "07" | "7";
  /** Which correspondence directions answer (default both); the other gets 404. */
  directions?: ReadonlyArray<"131-112" | "112-131">;
  /** Data years with a grouping (default 2015–2026); other dates get 404. */
  years?: readonly [number, number];
  /** Municipality id → group ("EKG07") replacing the synthetic assignment. */
  overrides?: Record<string, string>;
}

/**
 * A SYNTHETIC KOSTRA grouping for a data year: municipality code → group number. The
 * snapshot's members keep their group (from 2020), Hå is in group 7, and every other
 * municipality gets an invented group from its code. Not SSB's grouping.
 */
export function syntheticKostraGroups(year: number, overrides: Record<string, string> = {}): Map<string, { name: string; group: number }> {
  const out = new Map<string, { name: string; group: number }>();
  const groups = year >= 2020 ? 17 : 16;
  for (const m of MUNICIPALITIES) {
    const code = codeForYear(m, year);
    if (!code) continue;
    const known = year >= 2020 ? GROUP_MEMBERSHIP.find((x) => x.municipality === m.id && (x.from === undefined || year >= x.from) && (x.to === undefined || year <= x.to)) : undefined;
    const fixed = overrides[m.id] ?? known?.group ?? (m.id === "ha" ? "EKG07" : undefined);
    const group = fixed ? Number(fixed.replace(/\D/g, "")) : ([...code].reduce((a, c) => a * 31 + c.charCodeAt(0), 7) % groups) + 1;
    out.set(code, { name: m.codes.find((p) => p.code === code)?.name ?? m.name, group });
  }
  return out;
}

export interface PxWebServer {
  /** e.g. http://127.0.0.1:PORT/api/pxwebapi/v2 */
  baseUrl: string;
  requests: LoggedRequest[];
  /**
   * Resolves with the next matching request as it arrives (before it is delayed, dropped or
   * answered), so a test can act while a request is under way without watching the clock.
   * Ask before starting what sends it.
   */
  nextRequest(match?: RequestMatch): Promise<LoggedRequest>;
  close(): Promise<void>;
  /** Change a table's `updated` (in /tables, metadata and data) as SSB does when it republishes. */
  setUpdated(table: string, iso: string): void;
  /**
   * Revise one cell of a table as SSB does on 15 June: `codes` names one code per dimension
   * (the region, the year, …; dimensions left out match any code), `cell` is the new value
   * or a symbol. Data answers carry it from then on; call setUpdated too, as SSB would.
   */
  revise(table: string, codes: Record<string, string>, cell: CellValue): void;
  /** Answer the next `count` matching requests with this failure. */
  failNext(count: number, failure: InjectedFailure, match?: RequestMatch): void;
  /** Hold the next `count` matching requests for `ms` before handling them. */
  delayNext(count: number, ms: number, match?: RequestMatch): void;
  /** Destroy the socket of the next `count` matching requests without answering. */
  dropNext(count: number, match?: RequestMatch): void;
  /** Answer the next `count` matching requests as a hostile network or proxy would. */
  hostileNext(count: number, answer: HostileAnswer, match?: RequestMatch): void;
}

interface Injection {
  kind: "fail" | "delay" | "drop" | "hostile";
  remaining: number;
  match?: RequestMatch;
  failure?: InjectedFailure;
  ms?: number;
  hostile?: HostileAnswer;
}

const LOGIN_PAGE =
  '<!DOCTYPE html>\n<html><head><title>Logg inn – Kommunens nettverk</title></head><body><form method="post" action="/login">' +
  '<input name="user"><input name="password" type="password"><button>Logg inn</button></form></body></html>';

const STATUS_TITLES: Record<number, string> = {
  400: "Bad Request",
  403: "Forbidden",
  404: "Not Found",
  429: "Too many requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

const LANGUAGES: readonly WorldLang[] = ["no", "en"];
const MAX_BODY_BYTES = 5_000_000;

// ---------------------------------------------------------------------------
// Response bodies (pure)

function configBody(options: Required<Pick<PxWebServerOptions, "maxDataCells" | "maxCallsPerTimeWindow" | "timeWindow">>, overrides: Record<string, unknown> = {}) {
  return {
    apiVersion: "2.0.0",
    appVersion: "2.0.0-local",
    languages: [
      { id: "no", label: "Norsk" },
      { id: "en", label: "English" },
    ],
    defaultLanguage: "no",
    maxDataCells: options.maxDataCells,
    maxCallsPerTimeWindow: options.maxCallsPerTimeWindow,
    timeWindow: options.timeWindow,
    license: "https://www.ssb.no/en/diverse/lisens",
    sourceReferences: [
      { language: "en", text: "Source: Statistics Norway" },
      { language: "no", text: "Kilde: Statistisk sentralbyrå" },
    ],
    defaultDataFormat: "json-stat2",
    dataFormats: ["json-stat2"],
    features: [{ id: "CORS", params: [{ key: "enabled", value: "True" }] }],
    ...overrides,
  };
}

function tableEntry(def: TableDefinition, lang: WorldLang, baseUrl: string, updated: string) {
  const self = `${baseUrl}/tables/${def.id}`;
  return {
    type: "Table",
    id: def.id,
    label: def.title,
    description: def.description,
    updated,
    firstPeriod: def.firstPeriod,
    lastPeriod: def.lastPeriod,
    category: "public",
    variableNames: def.dimensions.map((d) => d.label),
    discontinued: false,
    source: def.source,
    timeUnit: "Annual",
    links: [
      { rel: "self", hreflang: lang, href: `${self}?lang=${lang}` },
      ...LANGUAGES.filter((l) => l !== lang).map((l) => ({ rel: "alternate", hreflang: l, href: `${self}?lang=${l}` })),
      { rel: "metadata", hreflang: lang, href: `${self}/metadata?lang=${lang}` },
      { rel: "data", hreflang: lang, href: `${self}/data?lang=${lang}&outputFormat=json-stat2` },
    ],
  };
}

function tablesPageLink(baseUrl: string, rel: string, lang: WorldLang, query: string | undefined, pageSize: number, pageNumber: number) {
  const q = new URLSearchParams({ lang, ...(query ? { query } : {}), pageSize: String(pageSize), pageNumber: String(pageNumber) });
  return { rel, hreflang: lang, href: `${baseUrl}/tables?${q}` };
}

// ---------------------------------------------------------------------------
// The server

export async function startPxWebServer(options: PxWebServerOptions = {}): Promise<PxWebServer> {
  const limits = {
    maxDataCells: options.maxDataCells ?? 800_000,
    maxCallsPerTimeWindow: options.maxCallsPerTimeWindow ?? 30,
    timeWindow: options.timeWindow ?? 60,
  };
  const requests: LoggedRequest[] = [];
  const watchers: { match?: RequestMatch; resolve: (req: LoggedRequest) => void }[] = [];
  const injections: Injection[] = [];
  const updatedOverrides = new Map<string, string>();
  const accepted: number[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let baseUrl = "";
  const world: WorldName = options.world ?? "classic";

  const updatedOf = (def: TableDefinition) => updatedOverrides.get(def.id) ?? def.updated;
  const revisions = new Map<string, { codes: Record<string, string>; cell: CellValue }[]>();
  const revisedOf = (table: string) => (codes: Record<string, string>) =>
    [...(revisions.get(table) ?? [])].reverse().find((r) => Object.entries(r.codes).every(([dim, code]) => codes[dim] === code))?.cell;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  function take(kind: Injection["kind"], req: LoggedRequest): Injection | undefined {
    const hit = injections.find((i) => i.kind === kind && i.remaining > 0 && (!i.match || i.match(req)));
    if (hit) hit.remaining--;
    return hit;
  }

  /** Answers whose real body is to be mangled on the way out (a hostile "truncated" or "cut-connection"). */
  const mangled = new WeakMap<ServerResponse, "truncated" | "cut-connection">();

  function send(res: ServerResponse, status: number, body: string, headers: Record<string, string>): void {
    if (res.destroyed || res.writableEnded) return;
    const mangle = mangled.get(res);
    if (mangle === "truncated") body = body.slice(0, Math.floor(body.length / 2));
    if (mangle === "cut-connection") {
      const bytes = Buffer.from(body, "utf8");
      res.writeHead(status, { "Access-Control-Allow-Origin": "*", ...headers, "Content-Length": String(bytes.length) });
      res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.socket?.destroy());
      return;
    }
    res.writeHead(status, { "Access-Control-Allow-Origin": "*", ...headers });
    res.end(body);
  }

  /** A json-stat2 answer for `path`'s table declaring `categories` codes in each of its dimensions, with no values. */
  function cubeBomb(path: string, categories: number): unknown {
    const id = /^\/tables\/([^/]+)/.exec(path)?.[1] ?? "12362";
    const def = tableDefinition(decodeURIComponent(id), "no", world);
    const ids = def ? def.dimensions.map((d) => d.id) : ["Region", "Tid"];
    const codes = Array.from({ length: categories }, (_, i) => `k${i}`);
    return {
      version: "2.0",
      class: "dataset",
      label: `${def?.id ?? id}: SYNTETISK bombe`,
      id: ids,
      size: ids.map(() => categories),
      dimension: Object.fromEntries(ids.map((d) => [d, { label: d, category: { index: codes } }])),
      extension: { px: { tableid: def?.id ?? id } },
      value: [],
    };
  }

  /** A 200 whose JSON body never ends: chunks as fast as the client takes them, until it goes away. */
  function sendEndless(res: ServerResponse): void {
    res.writeHead(200, { "Access-Control-Allow-Origin": "*", "Content-Type": "application/json; charset=utf-8" });
    const chunk = Buffer.from(`${"[0,".repeat(16 * 1024)}`);
    res.write('{"version":"2.0","class":"dataset","value":');
    const pump = () => {
      while (!res.destroyed && res.write(chunk));
      if (!res.destroyed) res.once("drain", pump);
    };
    res.on("error", () => undefined);
    pump();
  }

  /** Answer as a hostile network or proxy; true when the answer was sent (false: route on, body mangled by `send`). */
  function sendHostile(res: ServerResponse, h: HostileAnswer, logged: LoggedRequest): boolean {
    const headers = { "Content-Type": "application/json; charset=utf-8" };
    switch (h.kind) {
      case "truncated":
      case "cut-connection":
        mangled.set(res, h.kind);
        return false;
      case "html-200":
        send(res, h.status ?? 200, LOGIN_PAGE, { "Content-Type": "text/html; charset=utf-8" });
        return true;
      case "empty-200":
        send(res, 200, "", headers);
        return true;
      case "other-table":
        send(res, 200, JSON.stringify(worldDataset(h.table, {}, { world })), headers);
        return true;
      case "cube-bomb":
        send(res, 200, JSON.stringify(cubeBomb(logged.path, h.categories ?? 30)), headers);
        return true;
      case "endless":
        sendEndless(res);
        return true;
      case "retry-after":
        send(res, h.status, JSON.stringify({ type: "Error", title: STATUS_TITLES[h.status], status: h.status }), {
          "Content-Type": "application/problem+json; charset=utf-8",
          "Retry-After": h.value,
        });
        return true;
      case "redirect":
        send(res, h.status ?? 302, "", { Location: h.to });
        return true;
    }
  }
  const sendJson = (res: ServerResponse, body: unknown, headers: Record<string, string> = {}) =>
    send(res, 200, JSON.stringify(body), { "Content-Type": "application/json; charset=utf-8", ...headers });
  const sendProblem = (res: ServerResponse, problem: Problem, headers: Record<string, string> = {}) =>
    send(res, problem.status, JSON.stringify(problem), { "Content-Type": "application/problem+json; charset=utf-8", ...headers });

  function sendFailure(res: ServerResponse, f: InjectedFailure): void {
    const headers: Record<string, string> = f.retryAfterSeconds !== undefined ? { "Retry-After": String(f.retryAfterSeconds) } : {};
    if (f.body !== undefined) return send(res, f.status, f.body, { "Content-Type": f.contentType ?? "text/plain; charset=utf-8", ...headers });
    const problem: Problem = { type: "Error", title: f.problem?.title ?? STATUS_TITLES[f.status] ?? "Error", status: f.status };
    if (f.problem?.detail !== undefined) problem.detail = f.problem.detail;
    send(res, f.status, JSON.stringify(problem), { "Content-Type": f.contentType ?? "application/problem+json; charset=utf-8", ...headers });
  }

  /** Seconds until a call is allowed again, or 0 when this one is (and then it is counted). */
  function rateLimitWait(now: number): number {
    const windowMs = limits.timeWindow * 1000;
    while (accepted.length && accepted[0] <= now - windowMs) accepted.shift();
    if (accepted.length >= limits.maxCallsPerTimeWindow) return Math.max(1, Math.ceil((accepted[0] + windowMs - now) / 1000));
    accepted.push(now);
    return 0;
  }

  function route(req: IncomingMessage, res: ServerResponse, logged: LoggedRequest, rawBody: string, params: URLSearchParams): void {
    const method = req.method ?? "GET";
    const path = logged.path.replace(/\/+$/, "") || "/";
    const langParam = queryParam(params, "lang");
    if (langParam !== undefined && langParam !== "" && !LANGUAGES.includes(langParam.toLowerCase() as WorldLang))
      return sendProblem(res, problems.unsupportedLanguage(langParam));
    const lang = (langParam?.toLowerCase() || "no") as WorldLang;
    const onlyGet = () => method === "GET" || (sendProblem(res, problems.methodNotAllowed(method)), false);

    if (path === "/config") {
      if (onlyGet()) sendJson(res, configBody(limits, options.config));
      return;
    }
    if (path === "/tables") {
      if (onlyGet()) listTables(res, params, lang);
      return;
    }
    const m = /^\/tables\/([^/]+)(\/metadata|\/data)?$/.exec(path);
    if (!m) return sendProblem(res, problems.notFound(logged.path));
    const id = decodeURIComponent(m[1]);
    const def = tableDefinition(id, lang, world) ?? tableDefinition(id.toUpperCase(), lang, world);
    if (!def) return sendProblem(res, problems.nonExistentTable(id));
    if (m[2] === undefined) {
      if (onlyGet()) sendJson(res, { language: lang, ...tableEntry(def, lang, baseUrl, updatedOf(def)) });
      return;
    }
    if (m[2] === "/metadata") {
      if (!onlyGet()) return;
      const format = queryParam(params, "outputFormat");
      if (format && format.toLowerCase() !== "json-stat2") return sendProblem(res, problems.unsupportedOutputFormat(format));
      return sendJson(res, worldMetadata(def.id, { lang, updated: updatedOf(def), world }));
    }
    if (method !== "GET" && method !== "POST") return sendProblem(res, problems.methodNotAllowed(method));
    const format = queryParam(params, "outputFormat");
    if (format && format.toLowerCase() !== "json-stat2") return sendProblem(res, problems.unsupportedOutputFormat(format));
    const requested = method === "GET" ? selectionFromQuery(params) : selectionFromBody(rawBody);
    if (!requested.ok) return sendProblem(res, requested.problem);
    const selection: RequestedSelection = requested.value;
    if (method === "POST" && !selection.placement && options.postDimensionOrder) {
      const ids = def.dimensions.map((d) => d.id);
      const order = options.postDimensionOrder === "reverse" ? [...ids].reverse() : options.postDimensionOrder;
      if (order.length === ids.length && ids.every((i) => order.includes(i))) selection.placement = { stub: [...order], heading: [] };
    }
    const resolved = resolveSelection(def, selection, { maxDataCells: limits.maxDataCells, tooManyCellsStatus: options.tooManyCellsStatus });
    if (!resolved.ok) return sendProblem(res, resolved.problem);
    const ds = worldDataset(def.id, resolved.value.codes, { order: resolved.value.order, lang, updated: updatedOf(def), world, revised: revisedOf(def.id) });
    sendJson(res, ds, {
      "Content-Type": "application/json; charset=UTF-8",
      "Content-Disposition": `inline; filename="${def.matrix}.json"`,
    });
  }

  /** SYNTHETIC Klass: correspondsAt between 131 (municipalities) and 112 (KOSTRA groups). */
  function klass(res: ServerResponse, method: string, path: string, params: URLSearchParams, accept: string): void {
    const k = options.klass ?? (world === "catalog" ? {} : false);
    // Klass answers XML unless JSON is asked for in the Accept header (SSB's Klass API guide).
    if (!/application\/json/i.test(accept)) return send(res, 200, "<correspondenceItemList/>", { "Content-Type": "text/xml; charset=utf-8" });
    const notFound = (message: string) =>
      send(res, 404, JSON.stringify({ error: "Not Found", message, status: 404 }), { "Content-Type": "application/json; charset=utf-8" });
    if (method !== "GET") return send(res, 405, "", {});
    const m = /^\/classifications\/(\d+)\/correspondsAt$/.exec(path);
    const target = params.get("targetClassificationId");
    const date = params.get("date") ?? "";
    if (!m || !target) return notFound(`no such resource: ${path}`);
    const direction = `${m[1]}-${target}`;
    if (direction !== "131-112" && direction !== "112-131") return notFound(`Classification ${m[1]} has no correspondence table with classification ${target}`);
    if (k === false || !(k.directions ?? ["131-112", "112-131"]).includes(direction)) return notFound(`Classification ${m[1]} has no correspondence table with classification ${target}`);
    const year = Number(/^(\d{4})-\d{2}-\d{2}$/.exec(date)?.[1]);
    if (!year) return send(res, 400, JSON.stringify({ error: "Bad Request", message: `invalid date ${date}`, status: 400 }), { "Content-Type": "application/json; charset=utf-8" });
    const [from, to] = k.years ?? [2015, 2026];
    if (year < from || year > to) return notFound(`Classification 131 has no correspondence table with classification 112 at ${date}`);
    const fmt = (n: number) => (k.codeFormat === "7" ? String(n) : k.codeFormat === "07" ? String(n).padStart(2, "0") : `EKG${String(n).padStart(2, "0")}`);
    const items = [...syntheticKostraGroups(year, k.overrides)].map(([code, { name, group }]) => {
      const g = { code: fmt(group), name: `KOSTRA-gruppe ${group} (SYNTETISK)` };
      return direction === "131-112"
        ? { sourceCode: code, sourceName: name, sourceShortName: "", targetCode: g.code, targetName: g.name, targetShortName: "" }
        : { sourceCode: g.code, sourceName: g.name, sourceShortName: "", targetCode: code, targetName: name, targetShortName: "" };
    });
    sendJson(res, { correspondenceItems: items });
  }

  function listTables(res: ServerResponse, params: URLSearchParams, lang: WorldLang): void {
    const query = queryParam(params, "query");
    const pageSize = Math.max(1, Number(queryParam(params, "pageSize")) || 20);
    const pageNumber = Math.max(1, Number(queryParam(params, "pageNumber")) || 1);
    const hits = worldTableIds(world)
      .map((id) => tableDefinition(id, lang, world) as TableDefinition)
      .filter((def) => matchesQuery(def, query));
    const totalPages = Math.max(1, Math.ceil(hits.length / pageSize));
    if (pageNumber > totalPages) return sendProblem(res, problems.nonExistentPage());
    const pageLinks = [
      ...(pageNumber < totalPages ? [tablesPageLink(baseUrl, "next", lang, query, pageSize, pageNumber + 1)] : []),
      ...(pageNumber > 1 ? [tablesPageLink(baseUrl, "previous", lang, query, pageSize, pageNumber - 1)] : []),
      ...(totalPages > 1 ? [tablesPageLink(baseUrl, "last", lang, query, pageSize, totalPages)] : []),
    ];
    sendJson(res, {
      language: lang,
      tables: hits.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map((def) => tableEntry(def, lang, baseUrl, updatedOf(def))),
      page: { pageNumber, pageSize, totalElements: hits.length, totalPages, links: pageLinks },
      links: [tablesPageLink(baseUrl, "self", lang, query, pageSize, pageNumber)],
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) return send(res, 413, "", {});
      chunks.push(chunk as Buffer);
    }
    const rawBody = Buffer.concat(chunks).toString("utf8");
    const rawUrl = req.url ?? "/";
    const url = new URL(rawUrl, "http://localhost");
    const pathname = url.pathname;
    let body: unknown;
    if (rawBody !== "") {
      try {
        body = JSON.parse(rawBody);
      } catch {
        body = rawBody;
      }
    }
    const logged: LoggedRequest = {
      method: req.method ?? "GET",
      path: pathname.startsWith(BASE_PATH) ? pathname.slice(BASE_PATH.length) || "/" : pathname,
      url: rawUrl,
      query: Object.fromEntries(url.searchParams),
      ...(body !== undefined ? { body } : {}),
      time: Date.now(),
    };
    requests.push(logged);
    for (const w of watchers.filter((w) => !w.match || w.match(logged))) {
      watchers.splice(watchers.indexOf(w), 1);
      w.resolve(logged);
    }

    const delay = take("delay", logged);
    if (delay) await sleep(delay.ms ?? 0);
    if (take("drop", logged)) {
      req.socket.destroy();
      return;
    }
    const failure = take("fail", logged);
    if (failure?.failure) return sendFailure(res, failure.failure);
    const hostile = take("hostile", logged);
    if (hostile?.hostile && sendHostile(res, hostile.hostile, logged)) return;

    if (req.method === "OPTIONS")
      return send(res, 204, "", { "Access-Control-Allow-Methods": "GET, POST, OPTIONS", "Access-Control-Allow-Headers": "Content-Type" });
    if (rawUrl.length > MAX_URL_LENGTH)
      return send(res, 404, "<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>", { "Content-Type": "text/html" });
    if (options.enforceRateLimit) {
      const wait = rateLimitWait(Date.now());
      if (wait > 0)
        return sendProblem(
          res,
          {
            type: "Rate limit",
            title: "Too many requests",
            status: 429,
            detail: `You have reached the threshold for request limiting: ${limits.maxCallsPerTimeWindow} requests per ${limits.timeWindow} seconds.`,
          },
          { "Retry-After": String(wait) },
        );
    }
    if (pathname.startsWith(KLASS_PATH)) return klass(res, req.method ?? "GET", pathname.slice(KLASS_PATH.length), url.searchParams, String(req.headers.accept ?? ""));
    if (!pathname.startsWith(BASE_PATH)) return sendProblem(res, problems.notFound(pathname));
    route(req, res, logged, rawBody, url.searchParams);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      send(res, 500, JSON.stringify({ type: "Error", title: "Internal Server Error", status: 500, detail: String(e) }), {
        "Content-Type": "application/problem+json; charset=utf-8",
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}${BASE_PATH}`;

  const inject = (i: Injection) => {
    if (!Number.isInteger(i.remaining) || i.remaining < 1) throw new Error(`pxweb-server: count must be a positive integer, got ${i.remaining}`);
    injections.push(i);
  };

  return {
    baseUrl,
    requests,
    nextRequest: (match) => new Promise((resolve) => watchers.push({ match, resolve })),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
    setUpdated: (table, iso) => {
      updatedOverrides.set(table, iso);
    },
    revise: (table, codes, cell) => {
      revisions.set(table, [...(revisions.get(table) ?? []), { codes: { ...codes }, cell: { ...cell } }]);
    },
    failNext: (count, failure, match) => inject({ kind: "fail", remaining: count, failure, match }),
    delayNext: (count, ms, match) => inject({ kind: "delay", remaining: count, ms, match }),
    dropNext: (count, match) => inject({ kind: "drop", remaining: count, match }),
    hostileNext: (count, hostile, match) => inject({ kind: "hostile", remaining: count, hostile, match }),
  };
}
