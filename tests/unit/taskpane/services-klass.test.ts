/** @jest-environment node */
/** The pane's browser services read SSB's KOSTRA grouping from the local server's SYNTHETIC Klass, beside the given address. */
import { KLASS_PATH, startPxWebServer, type PxWebServer } from "../../support/pxweb-server";
import { createBrowserServices } from "../../../src/taskpane/services/browser";

let server: PxWebServer;
beforeAll(async () => {
  server = await startPxWebServer({ klass: { years: [2020, 2026] } });
});
afterAll(() => server.close());

describe("loadKostraGroups through the pane's services", () => {
  it("gives the years SSB has a grouping for, and the others as reasons in words", async () => {
    const r = await createBrowserServices().loadKostraGroups!([2019, 2021], { signal: new AbortController().signal, baseUrl: server.baseUrl });
    expect(r.loaded.map((g) => g.year)).toEqual([2021]);
    expect(r.loaded[0].groups.ha).toBe("ekg07");
    expect(r.loaded[0].source).toBe("SSB Klass 131→112, 2021-01-01");
    expect(r.failures).toEqual([{ year: 2019, reason: expect.objectContaining({ nb: expect.stringMatching(/^SSB har ingen KOSTRA-gruppering for 2019/) }) }]);
    expect(server.requests.filter((q) => q.path.startsWith(KLASS_PATH)).every((q) => q.url.includes("/api/klass/v1/classifications/"))).toBe(true);
  });

  it("stops when cancelled", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(createBrowserServices().loadKostraGroups!([2021], { signal: controller.signal, baseUrl: server.baseUrl })).rejects.toMatchObject({ kind: "cancelled" });
  });
});
