/**
 * SSB's consumer price index (KPI), annual average, as a price index for fixed prices:
 * table 03014 "Konsumprisindeks, etter konsumgruppe (2015=100)", the total (Konsumgrp
 * TOTAL) and the annual-average index (ContentsCode KpiAar), one value per year (Tid).
 *
 * The table and codes are the ones several public scripts send to SSB's PxWebApi v0
 * (data.ssb.no/api/v0/no/table/03014 with Konsumgrp "TOTAL", ContentsCode "KpiAar", Tid);
 * no 03014 metadata answer has been recorded, so the codes are UNCONFIRMED against SSB's
 * PxWebApi 2 metadata, like the catalog's other unconfirmed codes. Tests serve them from
 * the local PxWebApi test server.
 *
 * The answer is outside input: it goes through the client's checks (size, shape) and the
 * json-stat reader; a level that is missing, not positive or absurd is left out, and the
 * year without it is then named as missing where fixed prices need it.
 */
import { growthFromLevels, type PriceIndex } from "../../kostra/prices";
import type { SsbClient } from "./client";
import { readDataAnswer } from "./data-answer";
import { cell } from "./jsonstat";
import { prepare } from "./planner";
import type { SsbLang, SsbQuery } from "./types";

export const KPI_TABLE = "03014";
const KPI_TOTAL = "TOTAL";
const KPI_ANNUAL_AVERAGE = "KpiAar";

/** A 2015 = 100 level outside this is no annual CPI (it was about 26 in 1979). */
const MIN_LEVEL = 1;
const MAX_LEVEL = 10_000;

/** The query for the annual-average KPI of the years (and the year before the first, for its growth). */
export function kpiQuery(years: readonly number[]): SsbQuery {
  const lo = Math.min(...years) - 1;
  const hi = Math.max(...years);
  const tid = Array.from({ length: hi - lo + 1 }, (_, k) => String(lo + k));
  return { table: KPI_TABLE, selection: { Konsumgrp: [KPI_TOTAL], ContentsCode: [KPI_ANNUAL_AVERAGE], Tid: tid } };
}

/** The KPI's yearly growth for the years, fetched from SSB. */
export async function fetchKpi(client: SsbClient, years: readonly number[], lang: SsbLang, signal?: AbortSignal): Promise<PriceIndex> {
  const query = kpiQuery(years);
  const req = prepare(client.baseUrl, query, lang);
  const res = await client.send(req, signal);
  const cube = readDataAnswer(res.body, query, res.url);
  const levels = query.selection.Tid.flatMap((tid) => {
    const c = cell(cube, { Konsumgrp: KPI_TOTAL, ContentsCode: KPI_ANNUAL_AVERAGE, Tid: tid });
    const level = c?.value;
    return level != null && level >= MIN_LEVEL && level <= MAX_LEVEL ? [{ year: Number(tid), level }] : [];
  });
  const source = `SSB, tabell ${KPI_TABLE} (KPI, årsgjennomsnitt, 2015=100)`;
  return { id: "kpi", rows: growthFromLevels(levels, source) };
}
