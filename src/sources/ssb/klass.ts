/**
 * Which KOSTRA group each municipality belongs to in a data year, from SSB's
 * classification service Klass: the correspondence from the municipalities (Klass
 * classification 131) to the KOSTRA groups (Klass classification 112).
 *
 * What is known about the API, and from where (documentation and SSB's own clients, read
 * 2026; not yet verified against the live service):
 * - Base https://data.ssb.no/api/klass/v1, the same host as PxWebApi. Endpoint
 *   `GET /classifications/{source}/correspondsAt?targetClassificationId={target}&date=YYYY-MM-DD`
 *   ("all correspondence mappings valid at the date"), optional `language=nb|nn|en`
 *   (SSB's Klass API guide, statisticsnorway/klass klass-api/src/main/asciidoc/api-guide.adoc;
 *   parameter names as SSB's Python client sends them, statisticsnorway/ssb-klass-python
 *   src/klass/requests/klass_requests.py).
 * - The default output is XML: JSON needs `Accept: application/json` (API guide, "Output
 *   formats"; the Python client's config sends that header). SsbClient sends it.
 * - JSON answer: `{ "correspondenceItems": [{ sourceCode, sourceName, targetCode,
 *   targetName, … }] }` (the Python client's CorrespondsType; SSB's R package klassR reads
 *   `$correspondenceItems` with the same four fields). The range endpoint `corresponds`
 *   adds validFrom/validTo and short names.
 * - Group codes look like "EKG13" with names like "KOSTRA-gruppe 13": asserted against the
 *   live service by a third-party R package's tests (112→131 at 2025-01-01: 0301 EKG13,
 *   1103/4601/5001 EKG12, 357 rows) and used in a test mock in SSB's own
 *   ssb-fagfunksjoner (kostra_kommunekorr). Still read tolerantly: "EKG07", "EKG7",
 *   "07", "7" and "KOSTRA-gruppe 7" all mean group 7.
 * - Direction: SSB's own KOSTRA code (ssb-fagfunksjoner `kostra_kommunekorr`) asks
 *   131→112; the R package above asks 112→131 and gets group codes as sourceCode. Which
 *   side is the municipality is therefore read from the codes (four digits), not assumed,
 *   and a 404 for 131→112 is retried once as 112→131.
 * - Errors: "If a correspondence table is missing for parts of the range, the API will
 *   return 404" (API guide, `corresponds`); klassR's tests show the 404 text "Classification
 *   … has no correspondence table with Classification …". A 404 or an empty list means SSB
 *   has no grouping for the date. The error body's JSON shape is not documented in what
 *   was read; it is kept only as detail.
 * UNVERIFIED: whether correspondsAt 131→112 answers at 1 January of every data year
 * (groupings change rarely; the 2020 grouping is asserted at 2020-01-01), the exact 404
 * body, and whether Klass has a rate limit of its own (its requests share the PxWebApi
 * client's limiter, the cautious choice: the same host and the same office network).
 *
 * Date: a data year's figures are published under the municipality codes valid in that
 * year (reforms take effect on 1 January), and SSB's own KOSTRA code asks for the
 * grouping from 1 January to 31 December of the data year. So the membership for data
 * year Y is read at Y-01-01, where the municipality codes are those of year Y.
 */
import { badInput } from "../../kostra/errors";
import { MAX_KLASS_ITEMS } from "../../kostra/limits";
import { codeForYear, isAggregate, resolveMunicipality } from "../../kostra/municipalities";
import { boundedText, finiteNumber, v } from "../../kostra/schema";
import type { LocalizedText } from "../../kostra/types";
import { checkBaseUrl } from "./base-url";
import { cachedAnswer, keepAnswer, type CheckedAnswer } from "./checked-cache";
import type { SsbClient } from "./client";
import type { CachePolicy } from "./load";
import { SsbError, type ResponseCache, type SsbLang } from "./types";

export const DEFAULT_KLASS_BASE_URL = "https://data.ssb.no/api/klass/v1";
export const MUNICIPALITY_CLASSIFICATION = "131";
export const KOSTRA_GROUP_CLASSIFICATION = "112";

/**
 * Klass's address beside a PxWebApi address: SSB's (or a proxy's) ".../api/pxwebapi/v2"
 * becomes ".../api/klass/v1" on the same host; any other address gets SSB's own Klass.
 */
export function klassBaseUrlFor(pxwebBaseUrl?: string): string {
  const base = (pxwebBaseUrl ?? "").trim().replace(/\/+$/, "");
  const m = /^(https?:\/\/.+)\/api\/pxwebapi\/v2$/i.exec(base);
  return m ? `${m[1]}/api/klass/v1` : DEFAULT_KLASS_BASE_URL;
}

/** The date the membership of a data year is read at: 1 January of the year. */
export const klassDateFor = (year: number): string => `${year}-01-01`;

type Direction = "131-112" | "112-131";

/** Klass's code for the language SSB is asked to answer in (Klass says "nb" where PxWebApi says "no"). */
const KLASS_LANGUAGE: Readonly<Record<SsbLang, string>> = { no: "nb", en: "en" };

/** The correspondsAt URL for the data year. */
export function kostraGroupsUrl(klassBaseUrl: string, year: number, lang: SsbLang = "no", direction: Direction = "131-112"): string {
  const [source, target] = direction === "131-112" ? [MUNICIPALITY_CLASSIFICATION, KOSTRA_GROUP_CLASSIFICATION] : [KOSTRA_GROUP_CLASSIFICATION, MUNICIPALITY_CLASSIFICATION];
  const q = new URLSearchParams({ targetClassificationId: target, date: klassDateFor(year), language: KLASS_LANGUAGE[lang] });
  return `${klassBaseUrl.replace(/\/+$/, "")}/classifications/${source}/correspondsAt?${q}`;
}

/** "EKG07", "ekg7", "07", "7", "K07", "KOSTRA-gruppe 7" → "ekg07"; undefined for anything else (e.g. "0301", "99"). */
export function normalizeKostraGroupCode(code: unknown): string | undefined {
  if (typeof code !== "string" && typeof code !== "number") return undefined;
  const t = String(code).trim();
  const m = /^(?:ekg|k|kostra-?\s*gruppe\s*)?0*(\d{1,2})$/i.exec(t);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n >= 1 && n <= 17 ? `ekg${String(n).padStart(2, "0")}` : undefined;
}

const isMunicipalityCode = (code: unknown): code is string => typeof code === "string" && /^\d{4}$/.test(code.trim());

/** One municipality's group as Klass gives it. */
export interface KostraGroupItem {
  municipalityCode: string;
  municipalityName?: string;
  /** "ekg07" */
  group: string;
}

export interface ParsedKostraGroups {
  items: KostraGroupItem[];
  /** Rows read as neither a municipality with a group nor a group with a municipality ("9999 Uoppgitt"), as "source→target". */
  skipped: string[];
  /** True when the rows run from KOSTRA groups to municipalities (112→131), false the other way, undefined when the first row can't tell. */
  runsFromGroups?: boolean;
}

/** A code as Klass writes it: text, or a number for a bare group number. */
const klassCode = v.optional(v.nullable(v.union([boundedText(100), finiteNumber()])));
const klassName = v.optional(v.nullable(boundedText()));

/** A correspondsAt answer: at most MAX_KLASS_ITEMS rows of codes and names (other fields ignored). */
const correspondenceSchema = v.looseObject({
  correspondenceItems: v.pipe(
    v.array(v.looseObject({ sourceCode: klassCode, sourceName: klassName, targetCode: klassCode, targetName: klassName })),
    v.maxLength(MAX_KLASS_ITEMS),
  ),
});

/**
 * Read a correspondsAt answer in either direction. Throws SsbError "bad-response" for
 * something that is not Klass JSON; an empty list is a valid (empty) answer.
 */
export function parseKostraGroups(body: string, url = ""): ParsedKostraGroups {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw unexpected(url, body);
  }
  const parsed = v.safeParse(correspondenceSchema, json);
  if (!parsed.success) throw unexpected(url, body);
  const list = parsed.output.correspondenceItems;
  const items: KostraGroupItem[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  for (const x of list) {
    const str = (v: unknown) => (typeof v === "string" ? v : undefined);
    let item: KostraGroupItem | undefined;
    const toGroup = normalizeKostraGroupCode(x.targetCode) ?? normalizeKostraGroupCode(x.targetName);
    const fromGroup = normalizeKostraGroupCode(x.sourceCode) ?? normalizeKostraGroupCode(x.sourceName);
    if (isMunicipalityCode(x.sourceCode) && toGroup) item = { municipalityCode: x.sourceCode.trim(), municipalityName: str(x.sourceName), group: toGroup };
    else if (isMunicipalityCode(x.targetCode) && fromGroup) item = { municipalityCode: x.targetCode.trim(), municipalityName: str(x.targetName), group: fromGroup };
    if (!item) {
      skipped.push(`${String(x.sourceCode).slice(0, 100)}→${String(x.targetCode).slice(0, 100)}`);
      continue;
    }
    // One group per municipality at a date; a repeated row (Klass lists a code once per
    // version overlap) is kept once, the first one winning.
    if (seen.has(item.municipalityCode)) continue;
    seen.add(item.municipalityCode);
    items.push(item);
  }
  const first = list[0]?.sourceCode;
  return { items, skipped, ...(typeof first === "string" ? { runsFromGroups: !/^\d{4}$/.test(first) } : {}) };
}

/** The membership of a data year, by the product's municipality ids. */
export interface KostraGroupsResult {
  year: number;
  /** The date Klass was asked for (1 January of the year). */
  date: string;
  /** Municipality id → group id ("ekg07"). */
  groups: Record<string, string>;
  /** Municipality codes Klass named that are not municipalities of the year in the registry. */
  unknownCodes: string[];
  url: string;
  fetchedAt: string;
  fromCache: boolean;
  /** Served from the cache because SSB failed. */
  stale: boolean;
  /** "SSB Klass 131→112, 2021-01-01" */
  source: string;
  warnings: LocalizedText[];
}

/** Map Klass's municipality codes to registry ids via the code valid in the year. */
export function membershipForYear(parsed: ParsedKostraGroups, year: number): { groups: Record<string, string>; unknownCodes: string[] } {
  const groups: Record<string, string> = {};
  const unknownCodes: string[] = [];
  for (const item of parsed.items) {
    const m = resolveMunicipality(item.municipalityCode);
    if (m && !isAggregate(m) && codeForYear(m, year) === item.municipalityCode) groups[m.id] = item.group;
    else unknownCodes.push(item.municipalityCode);
  }
  return { groups, unknownCodes };
}

export interface KostraGroupsOptions {
  /** The PxWebApi client: its limiter, retries, timeouts and offline check are used for Klass too. */
  client: SsbClient;
  /** Klass's address; default beside the client's (see klassBaseUrlFor). */
  klassBaseUrl?: string;
  cache?: ResponseCache;
  policy?: CachePolicy;
  signal?: AbortSignal;
  now?: () => Date;
}

/** A Klass answer read for a data year: the membership and which way the answer ran. */
interface Grouping {
  groups: Record<string, string>;
  unknownCodes: string[];
  direction: "131→112" | "112→131";
}

/** Read a correspondsAt answer for `year`; an empty one is SSB saying it has no grouping ("not-found"). */
function readGrouping(body: string, year: number, servedUrl: string): Grouping {
  const parsed = parseKostraGroups(body, servedUrl);
  if (parsed.items.length === 0) throw noGrouping(year, servedUrl);
  const { groups, unknownCodes } = membershipForYear(parsed, year);
  // Which way the answer runs is read from the answer itself (a cached copy may come from either request).
  const fromGroups = parsed.runsFromGroups ?? servedUrl.includes(`/classifications/${KOSTRA_GROUP_CLASSIFICATION}/`);
  return { groups, unknownCodes, direction: fromGroups ? "112→131" : "131→112" };
}

/**
 * SSB's KOSTRA group membership for a data year. Throws SsbError: "not-found" when SSB
 * has no grouping for the year, "cancelled", or the client's own failures (timeout,
 * offline, blocked, rate-limited, unavailable, an answer that is not Klass's) with words
 * saying it was the grouping that failed. A cached answer is used first (cache-first),
 * or when SSB fails (refresh). Only an answer that reads as a grouping is cached, and a
 * cached copy that no longer reads is evicted. Throws KostraError ("bad-input") for a
 * `klassBaseUrl` the product does not send queries to (see base-url.ts).
 */
export async function loadKostraGroups(year: number, options: KostraGroupsOptions): Promise<KostraGroupsResult> {
  const { client, cache, signal } = options;
  const policy = options.policy ?? "cache-first";
  const now = options.now ?? (() => new Date());
  let base = klassBaseUrlFor(client.baseUrl);
  if (options.klassBaseUrl?.trim()) {
    const checked = checkBaseUrl(options.klassBaseUrl);
    if (!checked.ok) throw badInput(checked.reason);
    base = checked.url;
  }
  const url = kostraGroupsUrl(base, year, client.lang);
  const key = `GET ${url}`;
  const date = klassDateFor(year);
  const result = (answer: CheckedAnswer<Grouping>, servedUrl: string, fromCache: boolean, stale: boolean, warnings: LocalizedText[] = []): KostraGroupsResult => ({
    year,
    date,
    groups: answer.value.groups,
    unknownCodes: answer.value.unknownCodes,
    url: servedUrl,
    fetchedAt: answer.fetchedAt,
    fromCache,
    stale,
    source: `SSB Klass ${answer.value.direction}, ${date}`,
    warnings,
  });
  // A cached copy (under the first URL, whichever direction answered) that no longer reads is evicted: SSB is asked instead.
  const cached = () => cachedAnswer(cache, key, (body) => readGrouping(body, year, url));

  if (policy === "cache-first") {
    const hit = await cached();
    if (hit) return result(hit, url, true, false);
  }
  let servedUrl = url;
  try {
    let body: string;
    try {
      body = (await client.request("GET", url, undefined, signal)).body;
    } catch (e) {
      if (!(e instanceof SsbError) || e.kind !== "not-found") throw e;
      // The correspondence may be kept the other way round (112→131); ask that once.
      servedUrl = kostraGroupsUrl(base, year, client.lang, "112-131");
      try {
        body = (await client.request("GET", servedUrl, undefined, signal)).body;
      } catch (e2) {
        throw e2 instanceof SsbError && e2.kind === "not-found" ? noGrouping(year, servedUrl, e2) : e2;
      }
    }
    const fresh = await keepAnswer(cache, key, body, now().toISOString(), (b) => readGrouping(b, year, servedUrl));
    return result(fresh, servedUrl, false, false);
  } catch (e) {
    if (!(e instanceof SsbError)) throw e;
    if (e.kind === "cancelled" || e.kind === "not-found") throw e;
    const failed = groupingFailed(year, e);
    const copy = policy === "network-only" ? undefined : await cached();
    if (copy) {
      return result(copy, url, true, true, [
        { nb: `${failed.text.nb} Bruker grupperingen fra hurtigbufferen, hentet ${copy.fetchedAt}.`, en: `${failed.text.en} Using the grouping from the cache, fetched ${copy.fetchedAt}.` },
      ]);
    }
    throw failed;
  }
}

/** The membership for several data years: what could be loaded, and why the rest could not. Rethrows a cancel. */
export async function loadKostraGroupsForYears(
  years: readonly number[],
  options: KostraGroupsOptions,
): Promise<{ loaded: KostraGroupsResult[]; failures: { year: number; error: SsbError }[] }> {
  const loaded: KostraGroupsResult[] = [];
  const failures: { year: number; error: SsbError }[] = [];
  for (const year of [...new Set(years)].sort((a, b) => a - b)) {
    try {
      loaded.push(await loadKostraGroups(year, options));
    } catch (e) {
      if (!(e instanceof SsbError) || e.kind === "cancelled") throw e;
      failures.push({ year, error: e });
    }
  }
  return { loaded, failures };
}

function noGrouping(year: number, url: string, cause?: SsbError): SsbError {
  return new SsbError(
    "not-found",
    {
      nb: `SSB har ingen KOSTRA-gruppering for ${year} i klassifikasjonsdatabasen Klass (kommuner → KOSTRA-grupper). Velg KOSTRA-gruppen selv.`,
      en: `SSB has no KOSTRA grouping for ${year} in its classification service Klass (municipalities → KOSTRA groups). Choose the KOSTRA group yourself.`,
    },
    { status: cause?.status ?? 404, url, cause: cause?.detail },
  );
}

function groupingFailed(year: number, e: SsbError): SsbError {
  return new SsbError(
    e.kind,
    {
      nb: `Kunne ikke hente KOSTRA-grupperingen for ${year} fra SSB (Klass): ${e.text.nb}`,
      en: `Could not load the KOSTRA grouping for ${year} from SSB (Klass): ${e.text.en}`,
    },
    { status: e.status, url: e.url, cause: e.detail },
  );
}

function unexpected(url: string, body: string): SsbError {
  return new SsbError(
    "bad-response",
    {
      nb: "SSBs klassifikasjonsdatabase (Klass) svarte med noe uventet i stedet for KOSTRA-grupperingen. Prøv igjen senere, eller velg KOSTRA-gruppen selv.",
      en: "SSB's classification service (Klass) answered with something unexpected instead of the KOSTRA grouping. Try again later, or choose the KOSTRA group yourself.",
    },
    { url, body: body.slice(0, 2000) },
  );
}
