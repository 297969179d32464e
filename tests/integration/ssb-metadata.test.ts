/** Table metadata and search over real HTTP against the local PxWebApi 2 server. */
import { SsbClient } from "../../src/sources/ssb/client";
import { parseRegionLabel, readTableMetadata, regionsOf } from "../../src/sources/ssb/metadata";
import { RateLimiter } from "../../src/sources/ssb/rate-limiter";
import { startPxWebServer, type PxWebServer } from "../support/pxweb-server";

let server: PxWebServer;
let client: SsbClient;
beforeAll(async () => {
  server = await startPxWebServer();
  client = new SsbClient({ baseUrl: server.baseUrl, limiter: new RateLimiter({ maxCalls: 30, windowMs: 60_000 }) });
});
afterAll(() => server.close());

describe("SSB metadata and search", () => {
  it("reads labels, units, notes and the region list with validity periods", async () => {
    const meta = readTableMetadata(await client.metadata("12362"), "12362");
    expect(meta.tableId).toBe("12362");
    expect(meta.updated).toEqual(expect.any(String));
    expect(meta.notes.length).toBeGreaterThan(0);
    const contents = meta.dimensions.find((d) => d.id === "ContentsCode")!;
    expect(contents.values.find((v) => v.code === "KOSbelopinnbygge0000")?.unit).toMatchObject({ base: "kr" });
    const regions = regionsOf(meta, "KOKkommuneregion0000");
    expect(regions.find((r) => r.code === "0219")).toEqual({ code: "0219", name: "Bærum", to: 2019 });
    expect(regions.find((r) => r.code === "3024")).toEqual({ code: "3024", name: "Bærum", from: 2020, to: 2023 });
    expect(regions.find((r) => r.code === "3201")).toMatchObject({ code: "3201", name: "Bærum" });
  });

  it("searches tables", async () => {
    const hits = await client.search("utgifter");
    expect(hits.map((h) => h.id)).toContain("12362");
    expect(hits.find((h) => h.id === "12362")?.updated).toEqual(expect.any(String));
    const info = await client.tableInfo("12842");
    expect(info.label).toMatch(/gebyr/i);
  });

  it("parses SSB's region labels with and without a code prefix", () => {
    expect(parseRegionLabel("3001", "3001 Halden (2020-2023)")).toEqual({ code: "3001", name: "Halden", from: 2020, to: 2023 });
    expect(parseRegionLabel("0219", "Bærum (-2019)")).toEqual({ code: "0219", name: "Bærum", to: 2019 });
    expect(parseRegionLabel("0301", "Oslo - Oslove")).toEqual({ code: "0301", name: "Oslo - Oslove" });
    expect(parseRegionLabel("EAK", "EAK")).toEqual({ code: "EAK", name: "EAK" });
  });

  it("rejects what is not metadata", () => {
    expect(() => readTableMetadata({ nope: 1 }, "x")).toThrow("x: is not JSON-stat metadata.");
  });
});
