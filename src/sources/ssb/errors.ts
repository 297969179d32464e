/**
 * SSB failures in words a user understands: what failed and what to do. SSB's own
 * `application/problem+json` answer is kept as detail for support.
 *
 * When the product talks to SSB through a municipality's proxy, the messages name the
 * proxy's address: a firewall at data.ssb.no is not what the user should go and look for
 * when it is the proxy that does not answer.
 */
import { MAX_WAIT_SECONDS } from "../../kostra/limits";
import { quoteInput } from "../../kostra/safe-text";
import type { LocalizedText } from "../../kostra/types";
import { boundedText, v } from "../../kostra/schema";
import { SsbError, type SsbErrorKind } from "./types";

const FALLBACK_NB = "prøv igjen, eller last inn en nedlastet fil";
const FALLBACK_EN = "try again, or load a downloaded file";

/** SSB's own host; any other host answering for SSB is a proxy. */
export const SSB_HOST = "data.ssb.no";

/** The proxy's origin ("https://proxy.kommune.no") when `url` is not SSB's own host. */
export function proxyOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.hostname.toLowerCase() === SSB_HOST ? undefined : quoteInput(u.origin, 80);
  } catch {
    return undefined;
  }
}

/** " gjennom mellomtjeneren «…»" after "SSB" when a proxy answers for SSB; nothing otherwise. */
function via(url: string | undefined): LocalizedText {
  const proxy = proxyOf(url);
  return proxy ? { nb: ` gjennom mellomtjeneren «${proxy}»`, en: ` through the proxy "${proxy}"` } : { nb: "", en: "" };
}

/** Who answered, as the subject of a sentence: "SSB" or "Mellomtjeneren «…»". */
function answerer(url: string | undefined): LocalizedText {
  const proxy = proxyOf(url);
  return proxy ? { nb: `Mellomtjeneren «${proxy}»`, en: `The proxy "${proxy}"` } : { nb: "SSB", en: "SSB" };
}

type FailureKind = Extract<SsbErrorKind, "timeout" | "cancelled" | "offline" | "blocked" | "unavailable" | "rate-limited">;

/** An SsbError for a failure that is not an SSB answer (or an answer without useful detail). */
export function describeFailure(kind: FailureKind, ctx: { url?: string; seconds?: number; cause?: unknown; status?: number; body?: string }): SsbError {
  const detail = { url: ctx.url, cause: ctx.cause, status: ctx.status, body: ctx.body };
  const v = via(ctx.url);
  const proxy = proxyOf(ctx.url);
  switch (kind) {
    case "timeout":
      return new SsbError(
        kind,
        {
          nb: `SSB${v.nb} svarte ikke innen ${ctx.seconds ?? 30} sekunder — ${FALLBACK_NB}.`,
          en: `SSB${v.en} did not answer within ${ctx.seconds ?? 30} seconds — ${FALLBACK_EN}.`,
        },
        detail,
      );
    case "cancelled":
      return new SsbError(kind, { nb: "Hentingen fra SSB ble avbrutt.", en: "Loading from SSB was cancelled." }, detail);
    case "offline":
      return new SsbError(
        kind,
        {
          nb: "Ingen nettverksforbindelse — koble til, eller bruk tall fra hurtigbufferen eller en nedlastet fil.",
          en: "No network connection — connect, or use figures from the cache or a downloaded file.",
        },
        detail,
      );
    case "blocked":
      return new SsbError(
        kind,
        proxy
          ? {
              nb:
                `Fikk ikke kontakt med SSB gjennom mellomtjeneren «${proxy}». Adressen kan være feil, eller mellomtjeneren eller nettverket ` +
                "kan blokkere forespørselen. Kontroller adressen, eller last inn en fil lastet ned fra SSB.",
              en:
                `Could not reach SSB through the proxy "${proxy}". The address may be wrong, or the proxy or the network may block the request. ` +
                "Check the address, or load a file downloaded from SSB.",
            }
          : {
              nb:
                `Fikk ikke kontakt med SSB (${SSB_HOST}). Nettverket, en brannmur eller Excel kan blokkere forespørselen. ` +
                "Last inn en fil lastet ned fra SSB, eller oppgi kommunens mellomtjener (proxy-URL) i innstillingene.",
              en:
                `Could not reach SSB (${SSB_HOST}). The network, a firewall or Excel may block the request. ` +
                "Load a file downloaded from SSB, or set your municipality's proxy URL in the settings.",
            },
        detail,
      );
    case "unavailable":
      return new SsbError(kind, { nb: `SSB${v.nb} svarer ikke — ${FALLBACK_NB}.`, en: `SSB${v.en} is not answering — ${FALLBACK_EN}.` }, detail);
    case "rate-limited":
      return new SsbError(
        kind,
        {
          nb: `SSB${v.nb} har fått for mange forespørsler fra nettverket ditt (grensen er 30 i minuttet, delt med kolleger bak samme nett). Vent et minutt og prøv igjen.`,
          en: `SSB${v.en} has had too many requests from your network (the limit is 30 a minute, shared with colleagues on the same network). Wait a minute and try again.`,
        },
        detail,
      );
  }
}

/** "kl. 09:30" today, "2025-01-07 kl. 09:30" on another day (local time); undefined for a time no clock can show. */
export function clockTime(epochMs: number, nowMs: number): LocalizedText | undefined {
  const at = new Date(epochMs);
  if (!Number.isFinite(at.getTime())) return undefined;
  const now = new Date(nowMs);
  const two = (n: number) => String(n).padStart(2, "0");
  const hm = `${two(at.getHours())}:${two(at.getMinutes())}`;
  const sameDay = at.getFullYear() === now.getFullYear() && at.getMonth() === now.getMonth() && at.getDate() === now.getDate();
  if (sameDay) return { nb: `kl. ${hm}`, en: `${hm}` };
  const day = `${String(at.getFullYear()).padStart(4, "0")}-${two(at.getMonth() + 1)}-${two(at.getDate())}`;
  return { nb: `${day} kl. ${hm}`, en: `${hm} on ${day}` };
}

/**
 * A wait longer than the product accepts (MAX_WAIT_SECONDS): SSB's Retry-After, or the
 * quota window a `/config` announced. The load ends and the user is told when SSB can be
 * asked again, instead of the product sleeping for an hour.
 */
export function waitTooLong(
  kind: Extract<SsbErrorKind, "rate-limited" | "unavailable">,
  ctx: { url?: string; until: number; now: number; status?: number; quota?: boolean },
): SsbError {
  const who = answerer(ctx.url);
  const when = clockTime(ctx.until, ctx.now);
  const minutes = Math.round(MAX_WAIT_SECONDS / 60);
  const why = ctx.quota
    ? { nb: `${who.nb} tillater ikke flere forespørsler på over ${minutes} minutter`, en: `${who.en} allows no more requests for over ${minutes} minutes` }
    : { nb: `${who.nb} ber om å vente i over ${minutes} minutter, lenger enn produktet venter`, en: `${who.en} asks us to wait over ${minutes} minutes, longer than the product waits` };
  const then = when ? { nb: `. Prøv igjen etter ${when.nb}.`, en: `. Try again after ${when.en}.` } : { nb: ". Prøv igjen senere.", en: ". Try again later." };
  return new SsbError(kind, { nb: `${why.nb}${then.nb}`, en: `${why.en}${then.en}` }, { url: ctx.url, status: ctx.status });
}

/**
 * A load that the announced quota would stretch beyond MAX_LOAD_SECONDS: refused before
 * the first request, instead of holding the user (and the office's shared quota) for an
 * hour. Said with the numbers, and what to do.
 */
export function loadTooLong(ctx: { url?: string; requests: number; calls: number; windowSeconds: number; seconds: number }): SsbError {
  const who = answerer(ctx.url);
  const minutes = Math.ceil(ctx.seconds / 60);
  return new SsbError(
    "rate-limited",
    {
      nb:
        `${who.nb} tillater ${ctx.calls} forespørsler per ${ctx.windowSeconds} sekunder; de ${ctx.requests} forespørslene denne hentingen trenger ville ta minst ${minutes} minutter. ` +
        "Hent færre sektorer eller år om gangen" + (proxyOf(ctx.url) ? ", eller be IT-avdelingen se på kvoten til mellomtjeneren." : "."),
      en:
        `${who.en} allows ${ctx.calls} requests per ${ctx.windowSeconds} seconds; the ${ctx.requests} requests this load needs would take at least ${minutes} minutes. ` +
        "Fetch fewer sectors or years at a time" + (proxyOf(ctx.url) ? ", or ask IT to look at the proxy's quota." : "."),
    },
    { url: ctx.url },
  );
}

/** Why an answer that arrived cannot be used. */
export type UnusableAnswer =
  | { kind: "web-page" }
  | { kind: "empty" }
  | { kind: "not-json" }
  | { kind: "too-large"; limitBytes: number }
  | { kind: "redirect"; to?: string }
  | { kind: "unexpected"; what: LocalizedText };

/**
 * The SsbError ("bad-response") for an answer that came back (HTTP 2xx or a redirect) but
 * is not what the API promises: a login page, an empty or cut-off body, a bomb, a
 * redirect to another host, another table's data. Never retried and never cached.
 */
export function unusableAnswer(reason: UnusableAnswer, ctx: { url?: string; status?: number; body?: string }): SsbError {
  const who = answerer(ctx.url);
  const proxy = proxyOf(ctx.url);
  const detail = { url: ctx.url, status: ctx.status, body: ctx.body?.slice(0, 2000) };
  const advice = { nb: "Prøv igjen senere, eller last inn en fil lastet ned fra SSB.", en: "Try again later, or load a file downloaded from SSB." };
  let text: LocalizedText;
  switch (reason.kind) {
    case "web-page":
      text = proxy
        ? {
            nb: `Mellomtjeneren «${proxy}» eller nettverket svarte med en nettside, ikke data — kanskje en innloggingsside. Logg inn i nettleseren eller kontroller adressen, og prøv igjen.`,
            en: `The proxy "${proxy}" or the network answered with a web page, not data — maybe a login page. Sign in with your browser or check the address, and try again.`,
          }
        : {
            nb: "Nettverket svarte med en nettside i stedet for data fra SSB — kanskje en innloggingsside. Logg inn i nettleseren, eller oppgi kommunens mellomtjener, og prøv igjen.",
            en: "The network answered with a web page instead of data from SSB — maybe a login page. Sign in with your browser, or set your municipality's proxy, and try again.",
          };
      break;
    case "empty":
      text = { nb: `${who.nb} svarte med et tomt svar. ${advice.nb}`, en: `${who.en} sent an empty answer. ${advice.en}` };
      break;
    case "not-json":
      text = { nb: `${who.nb} svarte med noe som ikke er data (ikke JSON, eller avkuttet). ${advice.nb}`, en: `${who.en} answered with something that is not data (not JSON, or cut off). ${advice.en}` };
      break;
    case "too-large": {
      const mb = Math.round(reason.limitBytes / (1024 * 1024));
      text = {
        nb: `Svaret fra ${proxy ? `mellomtjeneren «${proxy}»` : "SSB"} var større enn ${mb} MB og ble avbrutt. ${advice.nb}`,
        en: `The answer from ${proxy ? `the proxy "${proxy}"` : "SSB"} was larger than ${mb} MB and was stopped. ${advice.en}`,
      };
      break;
    }
    case "redirect": {
      const to = reason.to ? quoteInput(reason.to, 80) : undefined;
      text = to
        ? {
            nb: `${who.nb} sendte forespørselen videre til en annen adresse («${to}»). Produktet følger ikke slike omdirigeringer; oppgi den riktige adressen til SSB eller mellomtjeneren.`,
            en: `${who.en} redirected the request to another address ("${to}"). The product does not follow such redirects; give the right address of SSB or the proxy.`,
          }
        : {
            nb: `${who.nb} sendte forespørselen videre til en annen adresse. Produktet følger ikke omdirigeringer; oppgi den riktige adressen til SSB eller mellomtjeneren.`,
            en: `${who.en} redirected the request to another address. The product does not follow redirects; give the right address of SSB or the proxy.`,
          };
      break;
    }
    case "unexpected":
      text = { nb: `${who.nb} svarte med noe uventet: ${reason.what.nb} ${advice.nb}`, en: `${who.en} answered with something unexpected: ${reason.what.en} ${advice.en}` };
      break;
  }
  return new SsbError("bad-response", text, detail);
}

const problemSchema = v.looseObject({
  title: v.fallback(v.optional(boundedText(300)), undefined),
  detail: v.fallback(v.optional(boundedText(1000)), undefined),
});

/** SSB's problem+json error body (RFC 9457): its title and detail, or nothing when the body is not one. */
export function readProblem(body: string): { title?: string; detail?: string } {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return {};
  }
  const p = v.safeParse(problemSchema, json);
  return p.success ? { title: p.output.title, detail: p.output.detail } : {};
}

/** "…value 9999 … variable KOKkommuneregion0000…" in SSB's (English or Norwegian) wording. */
function unknownValue(text: string): { value?: string; variable?: string } {
  const variable = /(?:variable|variabel(?:en)?)\s*[:'"«]?\s*([A-Za-z][\w-]*)/i.exec(text)?.[1];
  const value = /(?:value|verdi(?:en)?)\s*[:'"«]?\s*([^\s'"»,]+)/i.exec(text)?.[1];
  return { value: value && quoteInput(value, 40), variable: variable && quoteInput(variable, 60) };
}

/** What an SsbError keeps for support. */
type ErrorDetail = { status?: number; url?: string; body?: string };

/**
 * What a data request chose, variable by variable: the GET URL's `valueCodes[…]`, or the
 * `selection` of a POST body. Empty when neither says (another request, a body not JSON).
 */
export function requestedSelection(url: string, requestBody?: string): [string, string[]][] {
  if (requestBody !== undefined) {
    let json: unknown;
    try {
      json = JSON.parse(requestBody);
    } catch {
      return [];
    }
    const sent = v.safeParse(selectionBodySchema, json);
    return sent.success ? sent.output.selection.map((s) => [s.variableCode, s.valueCodes]) : [];
  }
  let params: URLSearchParams;
  try {
    params = new URL(url).searchParams;
  } catch {
    return [];
  }
  return [...params].flatMap(([key, value]) => {
    const variable = /^valuecodes\[(.+)\]$/i.exec(key)?.[1];
    return variable ? [[variable, value.split(",")] as [string, string[]]] : [];
  });
}

const selectionBodySchema = v.object({
  selection: v.pipe(v.array(v.looseObject({ variableCode: boundedText(100), valueCodes: v.pipe(v.array(boundedText(100)), v.maxLength(100_000)) })), v.maxLength(100)),
});

/** "KOKkommuneregion0000: 0301, 4601; Tid: 2024", each variable's codes cut after six ("og 34 til" / "and 34 more"). */
function selectionText(selection: readonly [string, string[]][]): LocalizedText {
  const shown = 6;
  const one = (more: (n: number) => string) =>
    selection.map(([variable, codes]) => `${variable}: ${codes.slice(0, shown).join(", ")}${codes.length > shown ? ` ${more(codes.length - shown)}` : ""}`).join("; ");
  return { nb: quoteInput(one((n) => `og ${n} til`), 300), en: quoteInput(one((n) => `and ${n} more`), 300) };
}

/**
 * SSB's own errors for a query, which name neither the variable nor the value (PxWebApi 2
 * answers only `{"type":"Parameter error","title":"Non-existent value","status":400}`):
 * the user is told the table and what the query asked for, so the wrong code can be found.
 */
function parameterError(title: string, status: number, url: string, requestBody: string | undefined, detail: ErrorDetail): SsbError | undefined {
  const table = quoteInput(/\/tables\/([^/?]+)/.exec(url)?.[1] ?? "?", 40);
  const selection = requestedSelection(url, requestBody);
  if (/non-existent table/i.test(title)) return tableNotFound(url, detail);
  if (/non-existent value/i.test(title)) {
    const asked = selection.length > 0 ? selectionText(selection) : undefined;
    return new SsbError(
      "unknown-value",
      {
        nb: `Tabell ${table} hos SSB har ikke en av kodene spørringen ba om${asked ? ` (${asked.nb})` : ""}; SSB sier ikke hvilken. Kontroller kommunenummer og år, eller oppdater malen.`,
        en: `SSB's table ${table} lacks one of the codes the query asked for${asked ? ` (${asked.en})` : ""}; SSB does not say which. Check the municipality numbers and years, or update the template.`,
      },
      detail,
    );
  }
  if (/missing selection/i.test(title)) {
    const chose = selection.length > 0 ? quoteInput(selection.map(([variable]) => variable).join(", "), 300) : undefined;
    return new SsbError(
      "bad-request",
      {
        nb: `Tabell ${table} hos SSB krever et valg i en variabel spørringen ikke valgte${chose ? ` (den valgte ${chose})` : ""}. Malen mangler en dimensjon tabellen har — oppdater malen.`,
        en: `SSB's table ${table} requires a choice in a variable the query did not choose${chose ? ` (it chose ${chose})` : ""}. The template lacks one of the table's dimensions — update the template.`,
      },
      detail,
    );
  }
  return status === 404 ? tableNotFound(url, detail) : undefined;
}

/** 404: the table is unknown to SSB, or the address was too long for it. */
function tableNotFound(url: string, detail: ErrorDetail): SsbError {
  const table = quoteInput(/\/tables\/([^/?]+)/.exec(url)?.[1] ?? "?", 40);
  const longUrl = url.length > 2000;
  return new SsbError(
    "not-found",
    longUrl
      ? { nb: "Spørringen ble for lang for SSB (adressen er over 2 000 tegn).", en: "The query was too long for SSB (the address exceeds 2,000 characters)." }
      : {
          nb: `SSB finner ikke tabell ${table}. Den kan være lagt ned eller fått nytt nummer — søk etter den, eller oppdater malen.`,
          en: `SSB cannot find table ${table}. It may have been discontinued or renumbered — search for it, or update the template.`,
        },
    detail,
  );
}

/**
 * The SsbError for a non-2xx HTTP answer from SSB; `requestBody` is what a POST sent, so
 * the message can say what the query asked for.
 */
export function problemError(status: number, url: string, body: string, requestBody?: string): SsbError {
  const p = readProblem(body);
  const text = quoteInput([p.title, p.detail].filter(Boolean).join(": "), 300);
  const detail = { status, url, body: body.slice(0, 2000) };
  const tooManyCells = /cells|celler/i.test(text);
  if (status === 403 || (status === 400 && tooManyCells)) {
    return new SsbError(
      "too-many-cells",
      { nb: "For mange celler — spørringen deles opp.", en: "Too many cells — the query is split." },
      detail,
    );
  }
  if (status === 400) {
    const { value, variable } = unknownValue(text);
    if (value && variable && /value|verdi/i.test(text)) {
      return new SsbError(
        "unknown-value",
        {
          nb: `SSB kjenner ikke verdien ${value} for variabelen ${variable}. Kontroller kommunenummer og år, eller oppdater malen.`,
          en: `SSB does not know the value ${value} for the variable ${variable}. Check the municipality number and year, or update the template.`,
        },
        detail,
      );
    }
    // Only a bare title (SSB's own bodies) is read as one of SSB's errors; a detail that names more was handled above.
    const own = p.title && !p.detail ? parameterError(p.title, status, url, requestBody, detail) : undefined;
    if (own) return own;
    return new SsbError(
      "bad-request",
      {
        nb: `SSB avviste spørringen${text ? `: ${text}` : ""}. Kontroller malen, eller last inn en nedlastet fil.`,
        en: `SSB rejected the query${text ? `: ${text}` : ""}. Check the template, or load a downloaded file.`,
      },
      detail,
    );
  }
  if (status === 404) return (p.title && !p.detail ? parameterError(p.title, status, url, requestBody, detail) : undefined) ?? tableNotFound(url, detail);
  if (status === 429) return describeFailure("rate-limited", detail);
  if (status >= 500) return describeFailure("unavailable", detail);
  const who = answerer(url);
  return new SsbError(
    "bad-response",
    {
      nb: `${who.nb} svarte med feilkode ${status}${text ? ` (${text})` : ""} — ${FALLBACK_NB}.`,
      en: `${who.en} answered with error ${status}${text ? ` (${text})` : ""} — ${FALLBACK_EN}.`,
    },
    detail,
  );
}
