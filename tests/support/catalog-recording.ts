/**
 * For tests of `kostra catalog --live --record`: the tables it asks SSB for, and a local
 * PxWebApi 2 server (SYNTHETIC "catalog" world) that knows every one of them.
 */
import { allSelectors } from "../../src/kostra/series";
import { INDICATORS } from "../../src/kostra/catalog";
import { startPxWebServer, type PxWebServer } from "./pxweb-server";

/** The SSB tables the catalog's indicators use, sorted: one recorded file each. */
/** Every table an indicator reads in some year (barnehage's earlier 12562 too). */
export const CATALOG_TABLES = [...new Set(INDICATORS.flatMap((i) => allSelectors(i).map((s) => s.table)).filter((t): t is string => t !== null))].sort();

/** Start the catalog server before the calling suite's tests and close it after them; the getter gives it. */
export function catalogServerForSuite(): () => PxWebServer {
  let server: PxWebServer | undefined;
  beforeAll(async () => {
    server = await startPxWebServer({ world: "catalog", maxCallsPerTimeWindow: 1000 });
  });
  afterAll(async () => {
    await server?.close();
  });
  return () => {
    if (!server) throw new Error("the catalog server is started in beforeAll");
    return server;
  };
}
