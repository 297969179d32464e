/**
 * SSB failures in words a user understands: what failed and what to do. SSB's own
 * `application/problem+json` answer is kept as detail for support.
 */
import { SsbError, type SsbErrorKind } from "./types";

const FALLBACK_NB = "prøv igjen, eller last inn en nedlastet fil";
const FALLBACK_EN = "try again, or load a downloaded file";

type FailureKind = Extract<SsbErrorKind, "timeout" | "cancelled" | "offline" | "blocked" | "unavailable" | "rate-limited">;

/** An SsbError for a failure that is not an SSB answer (or an answer without useful detail). */
export function describeFailure(kind: FailureKind, ctx: { url?: string; seconds?: number; cause?: unknown; status?: number; body?: string }): SsbError {
  const detail = { url: ctx.url, cause: ctx.cause, status: ctx.status, body: ctx.body };
  switch (kind) {
    case "timeout":
      return new SsbError(
        kind,
        {
          nb: `SSB svarte ikke innen ${ctx.seconds ?? 30} sekunder — ${FALLBACK_NB}.`,
          en: `SSB did not answer within ${ctx.seconds ?? 30} seconds — ${FALLBACK_EN}.`,
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
        {
          nb:
            "Fikk ikke kontakt med SSB (data.ssb.no). Nettverket, en brannmur eller Excel kan blokkere forespørselen. " +
            "Last inn en fil lastet ned fra SSB, eller oppgi kommunens mellomtjener (proxy-URL) i innstillingene.",
          en:
            "Could not reach SSB (data.ssb.no). The network, a firewall or Excel may block the request. " +
            "Load a file downloaded from SSB, or set your municipality's proxy URL in the settings.",
        },
        detail,
      );
    case "unavailable":
      return new SsbError(kind, { nb: `SSB svarer ikke — ${FALLBACK_NB}.`, en: `SSB is not answering — ${FALLBACK_EN}.` }, detail);
    case "rate-limited":
      return new SsbError(
        kind,
        {
          nb: "SSB har fått for mange forespørsler fra nettverket ditt (grensen er 30 i minuttet, delt med kolleger bak samme nett). Vent et minutt og prøv igjen.",
          en: "SSB has had too many requests from your network (the limit is 30 a minute, shared with colleagues on the same network). Wait a minute and try again.",
        },
        detail,
      );
  }
}

interface Problem {
  title?: string;
  detail?: string;
  status?: number;
}

function parseProblem(body: string): Problem {
  try {
    const p = JSON.parse(body) as Problem;
    return typeof p === "object" && p !== null ? p : {};
  } catch {
    return {};
  }
}

/** "…value 9999 … variable KOKkommuneregion0000…" in SSB's (English or Norwegian) wording. */
function unknownValue(text: string): { value?: string; variable?: string } {
  const variable = /(?:variable|variabel(?:en)?)\s*[:'"«]?\s*([A-Za-z][\w-]*)/i.exec(text)?.[1];
  const value = /(?:value|verdi(?:en)?)\s*[:'"«]?\s*([^\s'"»,]+)/i.exec(text)?.[1];
  return { value, variable };
}

/** The SsbError for a non-2xx HTTP answer from SSB. */
export function problemError(status: number, url: string, body: string): SsbError {
  const p = parseProblem(body);
  const text = [p.title, p.detail].filter(Boolean).join(": ");
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
    return new SsbError(
      "bad-request",
      {
        nb: `SSB avviste spørringen${text ? `: ${text}` : ""}. Kontroller malen, eller last inn en nedlastet fil.`,
        en: `SSB rejected the query${text ? `: ${text}` : ""}. Check the template, or load a downloaded file.`,
      },
      detail,
    );
  }
  if (status === 404) {
    const table = /\/tables\/([^/?]+)/.exec(url)?.[1];
    const longUrl = url.length > 2000;
    return new SsbError(
      "not-found",
      longUrl
        ? { nb: "Spørringen ble for lang for SSB (adressen er over 2 000 tegn).", en: "The query was too long for SSB (the address exceeds 2,000 characters)." }
        : {
            nb: `SSB finner ikke tabell ${table ?? "?"}. Den kan være lagt ned eller fått nytt nummer — søk etter den, eller oppdater malen.`,
            en: `SSB cannot find table ${table ?? "?"}. It may have been discontinued or renumbered — search for it, or update the template.`,
          },
      detail,
    );
  }
  if (status === 429) return describeFailure("rate-limited", detail);
  if (status >= 500) return describeFailure("unavailable", detail);
  return new SsbError(
    "bad-response",
    {
      nb: `SSB svarte med feilkode ${status}${text ? ` (${text})` : ""} — ${FALLBACK_NB}.`,
      en: `SSB answered with error ${status}${text ? ` (${text})` : ""} — ${FALLBACK_EN}.`,
    },
    detail,
  );
}
