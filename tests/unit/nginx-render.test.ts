/**
 * deploy/nginx/render.js: every value is checked before it is written into an nginx
 * configuration, so nothing a user types can end a directive, open a block or name a
 * variable; the add-in's page policy is copied only when it looks like one.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { renderConfig } = require("../../deploy/nginx/render.js") as { renderConfig: (site: string, options: Record<string, string>) => string };

const cache = (extra: Record<string, string>) => renderConfig("cache", { "addin-origin": "https://kostra.kommune.no", listen: "127.0.0.1:8080", ...extra });

describe("render.js", () => {
  it("writes the values it is given, and nothing of the template is left unfilled", () => {
    const text = cache({ "ssb-rate": "15r/s", "short-ttl": "2m" });
    expect(text).toContain('"https://kostra.kommune.no" $http_origin;');
    expect(text).toContain("rate=15r/s");
    expect(text).toContain("add_header X-Accel-Expires 120;");
    expect(text).not.toMatch(/\$\{[A-Z_]+\}/);
  });

  it.each([
    ["addin-origin", "https://kostra.kommune.no;evil"],
    ["addin-origin", "https://kostra.kommune.no/path"],
    ["addin-origin", "http://kostra.kommune.no"],
    ["addin-origin", "https://user:pw@kostra.kommune.no"],
    ["server-name", "kostra.kommune.no; return 200"],
    ["listen", "8080; include /etc/passwd"],
    ["cache-dir", "/var/cache/$host"],
    ["cache-dir", "relative/path"],
    ["ssb-rate", "30r/m burst=1"],
    ["short-ttl", "10m\n}"],
    ["ca-certificates", "/etc/ssl/{x}"],
  ])("refuses --%s %p, naming the option", (option, value) => {
    expect(() => cache({ [option]: value })).toThrow(new RegExp(`--${option}`));
  });

  it("refuses an unknown option, a missing origin, TLS without a certificate and an unknown configuration", () => {
    expect(() => cache({ "no-such": "1" })).toThrow(/Unknown option --no-such/);
    expect(() => renderConfig("cache", { listen: "127.0.0.1:8080" })).toThrow(/--addin-origin is missing/);
    expect(() => cache({ listen: "443 ssl" })).toThrow(/needs --certificate and --certificate-key/);
    expect(() => renderConfig("mail", {})).toThrow(/give cache .* or addin/);
  });

  it("copies the built page's policy into the add-in's configuration, and refuses one with characters a policy has no use for", () => {
    const dir = mkdtempSync(join(tmpdir(), "kostra-render-"));
    const page = (policy: string) => writeFileSync(join(dir, "taskpane.html"), `<meta http-equiv=Content-Security-Policy content="${policy}">`);
    page("default-src 'self'; connect-src 'self' https:");
    expect(renderConfig("addin", { root: dir, listen: "127.0.0.1:8081" })).toContain(`add_header Content-Security-Policy "default-src 'self'; connect-src 'self' https:" always;`);
    page("default-src 'self' $host");
    expect(() => renderConfig("addin", { root: dir, listen: "127.0.0.1:8081" })).toThrow(/characters that do not belong/);
    expect(() => renderConfig("addin", { root: join(dir, "missing"), listen: "127.0.0.1:8081" })).toThrow(/no taskpane\.html/);
  });
});
