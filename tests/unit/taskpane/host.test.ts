import { detectHost } from "../../../src/taskpane/state/host";

type OfficeStub = { onReady: () => Promise<{ host: string | null }>; HostType: { Excel: string }; context?: { displayLanguage?: string } };
const g = globalThis as unknown as { Office?: OfficeStub };

afterEach(() => {
  delete g.Office;
  jest.useRealTimers();
});

describe("detectHost", () => {
  it("reports outside Excel at once when office.js did not load", async () => {
    await expect(detectHost(3000)).resolves.toEqual({ inExcel: false });
  });

  it("reports Excel and its display language when Office is ready in Excel", async () => {
    g.Office = {
      onReady: () => Promise.resolve({ host: "Excel" }),
      HostType: { Excel: "Excel" },
      context: { displayLanguage: "en-US" },
    };
    await expect(detectHost(3000)).resolves.toEqual({ inExcel: true, displayLanguage: "en-US" });
  });

  it("reports outside Excel when office.js runs in a plain browser", async () => {
    g.Office = { onReady: () => Promise.resolve({ host: null }), HostType: { Excel: "Excel" } };
    await expect(detectHost(3000)).resolves.toEqual({ inExcel: false, displayLanguage: undefined });
  });

  it("gives up waiting after the timeout when Office never becomes ready", async () => {
    jest.useFakeTimers();
    g.Office = { onReady: () => new Promise(() => undefined), HostType: { Excel: "Excel" } };
    const result = detectHost(3000);
    jest.advanceTimersByTime(3000);
    await expect(result).resolves.toEqual({ inExcel: false });
  });

  it("treats a failing onReady as outside Excel", async () => {
    g.Office = {
      onReady: () => {
        throw new Error("broken office.js");
      },
      HostType: { Excel: "Excel" },
    };
    await expect(detectHost(3000)).resolves.toEqual({ inExcel: false });
  });
});
