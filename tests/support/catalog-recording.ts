/**
 * For tests of `kostra catalog --live --record`: the tables it asks SSB for, and a local
 * PxWebApi 2 server (SYNTHETIC "catalog" world) that knows every one of them.
 */
import { INDICATORS } from "../../src/kostra/catalog";
import { startPxWebServer, type PxWebServer } from "./pxweb-server";

/** The SSB tables the catalog's indicators use, sorted: one recorded file each. */
export const CATALOG_TABLES = [...new Set(INDICATORS.map((i) => i.ssb?.table ?? null).filter((t): t is string => t !== null))].sort();

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
