/**
 * The pane's default SSB address: SSB itself, or the department's shared cache the add-in
 * was built for (SSB_PROXY_URL → webpack's DefinePlugin → __KOSTRA_SSB_PROXY_URL__).
 */
import { createRequire } from "module";
import * as path from "path";

type Address = typeof import("../../../src/taskpane/services/ssbAddress");
type Proposal = typeof import("../../../src/taskpane/state/proxyProposal");

const ROOT = path.resolve(__dirname, "../../..");
const req = createRequire(__filename);

function withBuiltProxy<T>(value: string | undefined, load: () => T): T {
  const g = globalThis as { __KOSTRA_SSB_PROXY_URL__?: string };
  if (value === undefined) delete g.__KOSTRA_SSB_PROXY_URL__;
  else g.__KOSTRA_SSB_PROXY_URL__ = value;
  try {
    let out: T | undefined;
    jest.isolateModules(() => {
      out = load();
    });
    return out as T;
  } finally {
    delete g.__KOSTRA_SSB_PROXY_URL__;
  }
}

describe("the pane's default SSB address", () => {
  it("is SSB itself in a build without a shared cache", () => {
    const a = withBuiltProxy(undefined, () => req("../../../src/taskpane/services/ssbAddress") as Address);
    expect([a.BUILT_PROXY_URL, a.PANE_DEFAULT_BASE_URL, a.ssbAddress("  ")]).toEqual(["", "https://data.ssb.no/api/pxwebapi/v2", "https://data.ssb.no/api/pxwebapi/v2"]);
    expect(a.ssbAddress(" https://proxy.example.no/api/pxwebapi/v2 ")).toBe("https://proxy.example.no/api/pxwebapi/v2");
  });

  it("is the department's shared cache in a build for one; the user's own address still wins", () => {
    const cache = "https://ssb-cache.kommune.no/api/pxwebapi/v2";
    const a = withBuiltProxy(cache, () => req("../../../src/taskpane/services/ssbAddress") as Address);
    expect([a.BUILT_PROXY_URL, a.PANE_DEFAULT_BASE_URL, a.ssbAddress("")]).toEqual([cache, cache, cache]);
    expect(a.ssbAddress("https://other.example.no/api/pxwebapi/v2")).toBe("https://other.example.no/api/pxwebapi/v2");
    // A template workbook proposing the very address in use is nothing to ask about.
    const p = withBuiltProxy(cache, () => req("../../../src/taskpane/state/proxyProposal") as Proposal);
    expect(p.proxyProposalFor({ kind: "ssb", baseUrl: cache } as never, "", "workbook")).toBeNull();
    expect(p.proxyProposalFor({ kind: "ssb", baseUrl: "https://data.ssb.no/api/pxwebapi/v2" } as never, "", "workbook")).not.toBeNull();
  });
});

describe("the build's SSB_PROXY_URL", () => {
  const { builtProxyUrl } = req(path.join(ROOT, "scripts/build-manifest.js")) as { builtProxyUrl: (raw?: string) => string };
  const configWith = (value: string | undefined) => {
    const before = process.env.SSB_PROXY_URL;
    if (value === undefined) delete process.env.SSB_PROXY_URL;
    else process.env.SSB_PROXY_URL = value;
    try {
      const config = (req(path.join(ROOT, "webpack.config.js")) as (env: object, argv: { mode: string }) => { plugins: { constructor: { name: string }; definitions?: Record<string, string> }[] })({}, { mode: "production" });
      return config.plugins.find((p) => p.constructor.name === "DefinePlugin")?.definitions;
    } finally {
      if (before === undefined) delete process.env.SSB_PROXY_URL;
      else process.env.SSB_PROXY_URL = before;
    }
  };

  it("is written into the pane as checked, without a trailing slash; none gives none", () => {
    expect(configWith("https://ssb-cache.kommune.no/api/pxwebapi/v2/")).toEqual({ __KOSTRA_SSB_PROXY_URL__: JSON.stringify("https://ssb-cache.kommune.no/api/pxwebapi/v2") });
    expect(configWith(undefined)).toEqual({ __KOSTRA_SSB_PROXY_URL__: JSON.stringify("") });
    expect(builtProxyUrl("  ")).toBe("");
  });

  it.each(["http://ssb-cache.kommune.no/api/pxwebapi/v2", "https://u:p@ssb-cache.kommune.no/", "https://ssb-cache.kommune.no/?q=1", "not a url", "https://a.b\";alert(1)//"])("refuses %p: the build stops with a message", (bad) => {
    expect(() => configWith(bad)).toThrow(/SSB_PROXY_URL/);
  });
});
