import { checkBaseUrl } from "../../src/sources/ssb/base-url";

describe("checkBaseUrl", () => {
  it.each([
    ["https://data.ssb.no/api/pxwebapi/v2", "https://data.ssb.no/api/pxwebapi/v2"],
    ["  https://proxy.kommune.no/ssb/ ", "https://proxy.kommune.no/ssb"],
    ["http://127.0.0.1:8123/api/v2", "http://127.0.0.1:8123/api/v2"],
    ["http://localhost:3001", "http://localhost:3001"],
  ])("accepts %s", (input, url) => {
    const r = checkBaseUrl(input);
    expect(r).toEqual(expect.objectContaining({ ok: true, url }));
  });

  it.each([
    ["http://data.ssb.no/api/pxwebapi/v2", /https:\/\//],
    ["https://data.ssb.no@evil.example/", /brukernavn eller passord/],
    ["https://user:pw@data.ssb.no/", /brukernavn eller passord/],
    ["https://data.ssb.no/api?x=1", /spørring/],
    ["javascript:alert(1)", /https:\/\//],
    ["file:///etc/passwd", /https:\/\//],
    ["data.ssb.no", /gyldig nettadresse/],
    [`https://x.no/${"a".repeat(2001)}`, /for lang/],
  ])("refuses %s", (input, reason) => {
    const r = checkBaseUrl(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason.nb).toMatch(reason);
      expect(r.reason.nb).not.toMatch(/\n/);
    }
  });
});

describe("checkBaseUrl and the pane's Content-Security-Policy", () => {
  it("refuses http to [::1], which the policy cannot name (use 127.0.0.1)", () => {
    const r = checkBaseUrl("http://[::1]:8080/api");
    expect(r.ok).toBe(false);
  });
});
