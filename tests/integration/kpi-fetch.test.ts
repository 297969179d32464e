/**
 * The consumer price index for fixed prices, fetched from the local PxWebApi 2 test server
 * (table 03014, whose codes are unconfirmed against SSB's metadata): the query, the growth
 * derived from the annual-average levels, and hostile answers refused with SSB's errors.
 */
import { fixedValue } from "../../src/kostra/prices";
import { SsbClient } from "../../src/sources/ssb/client";
import { fetchKpi, kpiQuery } from "../../src/sources/ssb/kpi";
import { RateLimiter } from "../../src/sources/ssb/rate-limiter";
import { SsbError } from "../../src/sources/ssb/types";
import { startPxWebServer, type PxWebServer } from "../support/pxweb-server";

let server: PxWebServer;
beforeEach(async () => {
  server = await startPxWebServer();
});
afterEach(async () => {
  await server.close();
});

const client = () => new SsbClient({ baseUrl: server.baseUrl, backoffMs: 20, timeoutMs: 2000, maxRetries: 0, limiter: new RateLimiter({ maxCalls: 30, windowMs: 60_000 }) });

describe("the KPI from SSB", () => {
  it("asks 03014 for the total's annual average from the year before the first", () => {
    expect(kpiQuery([2016, 2018, 2017])).toEqual({ table: "03014", selection: { Konsumgrp: ["TOTAL"], ContentsCode: ["KpiAar"], Tid: ["2015", "2016", "2017", "2018"] } });
  });

  it("gives yearly growth from the levels, and fixed prices from it", async () => {
    const index = await fetchKpi(client(), [2016, 2017, 2018], "no");
    const data = server.requests.filter((r) => r.path === "/tables/03014/data");
    expect(data).toHaveLength(1);
    expect(index.id).toBe("kpi");
    expect(index.rows.map((r) => r.year)).toEqual([2016, 2017, 2018]);
    // SSB: the CPI rose 1.8 % from 2016 to 2017 and 2.7 % from 2017 to 2018.
    expect(index.rows[1].growth.toFixed(1)).toBe("1.8");
    expect(index.rows[2].growth.toFixed(1)).toBe("2.7");
    expect(index.rows.every((r) => r.confirmed && r.source.includes("03014"))).toBe(true);
    // 1 000 kr in 2016 in 2018 kroner: × 108.4 ÷ 103.6 (the server's levels).
    expect(fixedValue(1000, { index, base: 2018 }, 2016)).toBeCloseTo((1000 * 108.4) / 103.6, 9);
  });

  it.each([{ kind: "html-200" }, { kind: "truncated" }, { kind: "other-table", table: "12362" }, { kind: "cube-bomb" }] as const)("refuses a hostile answer (%o) with SSB's error", async (answer) => {
    server.hostileNext(1, answer);
    await expect(fetchKpi(client(), [2017], "no")).rejects.toBeInstanceOf(SsbError);
  });
});
