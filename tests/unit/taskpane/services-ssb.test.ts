/** @jest-environment node */
import { startPxWebServer, type PxWebServer } from "../../support/pxweb-server";
import { benchmark } from "../../../src/kostra/benchmark";
import { createBrowserServices } from "../../../src/taskpane/services/browser";
import { initialForm } from "../../../src/taskpane/state/form";
import { loadRequestFor } from "../../../src/taskpane/state/load";
import { benchmarkOptions } from "../../../src/taskpane/state/profile";
import type { LoadProgress } from "../../../src/sources/ssb/load";

let server: PxWebServer;
beforeAll(async () => {
  server = await startPxWebServer();
});
afterAll(() => server.close());

describe("loading from SSB through the pane's services", () => {
  it("asks the given address (a municipality's proxy) and reports progress", async () => {
    const progress: LoadProgress[] = [];
    const form = initialForm();
    // No IndexedDB in Node: the cache steps aside and every table is fetched.
    const result = await createBrowserServices().loadSsb(loadRequestFor(form), {
      signal: new AbortController().signal,
      onProgress: (p) => progress.push(p),
      baseUrl: server.baseUrl,
    });
    expect(result.complete).toBe(true);
    expect(server.requests.some((r) => r.path.endsWith("/data"))).toBe(true);
    expect(progress.at(-1)).toMatchObject({ done: progress.at(-1)!.total, message: { nb: "Ferdig" } });
    const profile = benchmark(result.dataset, benchmarkOptions(form));
    expect(Math.round(profile.rows[0].value!)).toBe(141);
  });

  it("stops when cancelled", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      createBrowserServices().loadSsb(loadRequestFor(initialForm()), { signal: controller.signal, onProgress: () => undefined, baseUrl: server.baseUrl }),
    ).rejects.toMatchObject({ kind: "cancelled" });
  });
});
