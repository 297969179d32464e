/**
 * Offline checks of the add-in manifest (Microsoft's validation service is online-only):
 * structure and schema order, URLs, icons on disk, ribbon command and resource ids,
 * XSD validation with xmllint, and the production URL rewrite in scripts/build-manifest.js.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";

const ROOT = path.resolve(__dirname, "..", "..");
const MANIFEST_PATH = path.join(ROOT, "manifest.xml");
const SCHEMA_PATH = path.join(ROOT, "tests", "fixtures", "manifest-schemas", "OfficeAppManifestV1_1.xsd");
const BUILD_SCRIPT = path.join(ROOT, "scripts", "build-manifest.js");
const DEV_BASE = "https://localhost:3000/";
const ASSET_BASE = `${DEV_BASE}assets/`;
const ALLOWED_APP_DOMAINS = ["https://data.ssb.no"];

interface BuildManifest {
  rewriteManifest(xml: string, baseUrl: string, proxyUrl?: string): string;
}
const { rewriteManifest } = createRequire(__filename)(BUILD_SCRIPT) as BuildManifest;

// ---------- a small element tree over fast-xml-parser's ordered output ----------

interface Element {
  name: string;
  attrs: Record<string, string>;
  children: Element[];
  text: string;
}

type Ordered = Record<string, unknown>;

function toElements(nodes: Ordered[]): Element[] {
  const out: Element[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((k) => k !== ":@");
    if (!name || name === "#text" || name.startsWith("?")) continue;
    const rawAttrs = (node[":@"] ?? {}) as Record<string, string>;
    const attrs = Object.fromEntries(Object.entries(rawAttrs).map(([k, v]) => [k.replace(/^@_/, ""), String(v)]));
    const kids = node[name] as Ordered[];
    const text = kids
      .filter((k) => "#text" in k)
      .map((k) => String(k["#text"]))
      .join("");
    out.push({ name, attrs, children: toElements(kids), text });
  }
  return out;
}

function parse(xml: string): Element {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
  });
  const roots = toElements(parser.parse(xml) as Ordered[]);
  expect(roots).toHaveLength(1);
  return roots[0];
}

/** Every element below `el` (depth first, document order). */
function descendants(el: Element): Element[] {
  return el.children.flatMap((c) => [c, ...descendants(c)]);
}

function child(el: Element, name: string): Element {
  const found = el.children.find((c) => c.name === name);
  if (!found) throw new Error(`<${el.name}> has no <${name}>`);
  return found;
}

function at(el: Element, ...names: string[]): Element {
  return names.reduce(child, el);
}

function readPngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(buf.subarray(0, 8).equals(signature)).toBe(true);
  expect(buf.toString("ascii", 12, 16)).toBe("IHDR");
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function runXmllint(file: string): { status: number | null; output: string } {
  const result = spawnSync("xmllint", ["--noout", "--nonet", "--schema", SCHEMA_PATH, file], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (result.error && (result.error as NodeJS.ErrnoException).code === "ENOENT") {
    throw new Error(
      "xmllint was not found. Install it with: apt-get install -y --no-install-recommends libxml2-utils",
    );
  }
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const xml = fs.readFileSync(MANIFEST_PATH, "utf8");

describe("manifest.xml", () => {
  const root = parse(xml);
  const all = descendants(root);
  const resources = at(root, "VersionOverrides", "Resources");
  const resourceById = new Map(
    descendants(resources)
      .filter((e) => e.attrs.id !== undefined)
      .map((e) => [e.attrs.id, e] as const),
  );

  it("is well-formed XML", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it("is an OfficeApp 1.1 task pane add-in for Excel", () => {
    expect(root.name).toBe("OfficeApp");
    expect(root.attrs.xmlns).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(root.attrs["xsi:type"]).toBe("TaskPaneApp");
    const hosts = child(root, "Hosts").children;
    expect(hosts.map((h) => h.attrs.Name)).toEqual(["Workbook"]);
  });

  it("has the top-level elements in schema order", () => {
    expect(root.children.map((c) => c.name)).toEqual([
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "VersionOverrides",
    ]);
  });

  it("has a fixed id, version, provider and Norwegian default locale with English overrides", () => {
    expect(child(root, "Id").text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(child(root, "Version").text).toBe("0.1.0.0");
    expect(child(root, "ProviderName").text).toBe("KOSTRA Benchmark");
    expect(child(root, "DefaultLocale").text).toBe("nb-NO");
    for (const name of ["DisplayName", "Description"]) {
      const el = child(root, name);
      expect(el.attrs.DefaultValue).toBeTruthy();
      const override = el.children.find((c) => c.name === "Override" && c.attrs.Locale === "en-US");
      expect(override?.attrs.Value).toBeTruthy();
    }
  });

  it("requires the ExcelApi set the report needs (tables and charts: 1.7)", () => {
    const sets = at(root, "Requirements", "Sets");
    expect(sets.attrs.DefaultMinVersion).toBe("1.1");
    const excel = sets.children.find((s) => s.name === "Set" && s.attrs.Name === "ExcelApi");
    expect(excel).toBeDefined();
    const [major, minor] = (excel?.attrs.MinVersion ?? "").split(".").map(Number);
    expect(major).toBe(1);
    expect(minor).toBeGreaterThanOrEqual(7);
  });

  it("opens the task pane from localhost:3000 with read/write document permission", () => {
    expect(at(root, "DefaultSettings", "SourceLocation").attrs.DefaultValue).toBe(
      `${DEV_BASE}taskpane.html`,
    );
    expect(child(root, "Permissions").text).toBe("ReadWriteDocument");
  });

  it("uses https for every URL", () => {
    const urls: string[] = [];
    for (const el of [root, ...all]) {
      for (const [key, value] of Object.entries(el.attrs)) {
        if (key === "xmlns" || key.startsWith("xmlns:")) continue; // namespace names, not locations
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) urls.push(value);
      }
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(el.text)) urls.push(el.text);
    }
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((u) => !u.startsWith("https://"))).toEqual([]);
    expect(urls.filter((u) => !u.startsWith(DEV_BASE) && !ALLOWED_APP_DOMAINS.includes(u))).toEqual([]);
  });

  it("allows exactly the external hosts the add-in calls", () => {
    const domains = child(root, "AppDomains").children.map((d) => d.text);
    expect(domains).toEqual(ALLOWED_APP_DOMAINS);
  });

  it("points every icon URL at a PNG in assets/ of the right size", () => {
    const assetUrls = new Set(
      [root, ...all]
        .flatMap((el) => Object.values(el.attrs))
        .filter((v) => v.startsWith(ASSET_BASE)),
    );
    expect(assetUrls.size).toBeGreaterThanOrEqual(4);
    for (const url of assetUrls) {
      const file = path.join(ROOT, "assets", url.slice(ASSET_BASE.length));
      expect(fs.existsSync(file)).toBe(true);
      const match = /icon-(\d+)\.png$/.exec(url);
      expect(match).not.toBeNull();
      const size = Number(match?.[1]);
      expect(readPngSize(file)).toEqual({ width: size, height: size });
    }
    // Office shows IconUrl at 32×32 and HighResolutionIconUrl at 64×64.
    const iconFile = (name: string) =>
      path.join(ROOT, "assets", child(root, name).attrs.DefaultValue.slice(ASSET_BASE.length));
    expect(readPngSize(iconFile("IconUrl"))).toEqual({ width: 32, height: 32 });
    expect(readPngSize(iconFile("HighResolutionIconUrl"))).toEqual({ width: 64, height: 64 });
    // Each ribbon image reference names the size of the image it points at.
    const imageRefs = all.filter((e) => e.name === "bt:Image" && e.attrs.resid !== undefined);
    expect(imageRefs.map((r) => r.attrs.size)).toEqual(expect.arrayContaining(["16", "32", "80"]));
    for (const ref of imageRefs) {
      const resource = resourceById.get(ref.attrs.resid);
      const file = path.join(ROOT, "assets", (resource?.attrs.DefaultValue ?? "").slice(ASSET_BASE.length));
      const size = Number(ref.attrs.size);
      expect(readPngSize(file)).toEqual({ width: size, height: size });
    }
  });

  it("ships the full icon set and the filled logo", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      expect(readPngSize(path.join(ROOT, "assets", `icon-${size}.png`))).toEqual({ width: size, height: size });
    }
    const logo = readPngSize(path.join(ROOT, "assets", "logo-filled.png"));
    expect(logo.width).toBe(logo.height);
    expect(logo.width).toBeGreaterThanOrEqual(128);
  });

  it("puts a button on the Home tab that shows the task pane", () => {
    const formFactor = at(root, "VersionOverrides", "Hosts", "Host", "DesktopFormFactor");
    expect(at(root, "VersionOverrides").attrs["xsi:type"]).toBe("VersionOverridesV1_0");
    expect(at(root, "VersionOverrides", "Hosts", "Host").attrs["xsi:type"]).toBe("Workbook");

    const functionFile = resourceById.get(child(formFactor, "FunctionFile").attrs.resid);
    expect(functionFile?.attrs.DefaultValue).toBe(`${DEV_BASE}commands.html`);

    const tabs = descendants(formFactor).filter((e) => e.name === "OfficeTab");
    expect(tabs.map((t) => t.attrs.id)).toEqual(["TabHome"]);
    const group = child(tabs[0], "Group");
    expect(resourceById.get(child(group, "Label").attrs.resid)?.attrs.DefaultValue).toBe("KOSTRA");

    const button = group.children.find((c) => c.name === "Control" && c.attrs["xsi:type"] === "Button");
    expect(button).toBeDefined();
    const label = resourceById.get(child(button as Element, "Label").attrs.resid);
    expect(label?.attrs.DefaultValue).toBe("KOSTRA Benchmark");
    const action = child(button as Element, "Action");
    expect(action.attrs["xsi:type"]).toBe("ShowTaskpane");
    const source = resourceById.get(child(action, "SourceLocation").attrs.resid);
    expect(source?.attrs.DefaultValue).toBe(`${DEV_BASE}taskpane.html`);
  });

  it("defines every referenced resid once, in the matching resource list", () => {
    const kinds: Record<string, string> = {
      "bt:Images": "image",
      "bt:Urls": "url",
      "bt:ShortStrings": "short",
      "bt:LongStrings": "long",
    };
    const kindOf = new Map<string, string>();
    for (const list of resources.children) {
      for (const item of list.children) {
        expect(kindOf.has(item.attrs.id)).toBe(false);
        kindOf.set(item.attrs.id, kinds[list.name]);
      }
    }
    const refs = all.filter((e) => e.attrs.resid !== undefined);
    expect(refs.length).toBeGreaterThan(5);
    const missing = refs.filter((r) => !kindOf.has(r.attrs.resid)).map((r) => r.attrs.resid);
    expect(missing).toEqual([]);
    for (const ref of refs) {
      const expected =
        ref.name === "bt:Image"
          ? "image"
          : ["SourceLocation", "FunctionFile", "LearnMoreUrl"].includes(ref.name)
            ? "url"
            : ref.name === "Description"
              ? "long"
              : "short";
      expect({ resid: ref.attrs.resid, kind: kindOf.get(ref.attrs.resid) }).toEqual({
        resid: ref.attrs.resid,
        kind: expected,
      });
    }
  });

  it("gives every ribbon string an English override", () => {
    const strings = [at(resources, "bt:ShortStrings"), at(resources, "bt:LongStrings")].flatMap(
      (l) => l.children,
    );
    for (const s of strings) {
      const override = s.children.find((c) => c.name === "bt:Override" && c.attrs.Locale === "en-US");
      expect({ id: s.attrs.id, en: Boolean(override?.attrs.Value) }).toEqual({ id: s.attrs.id, en: true });
    }
  });

  it("validates against the OfficeApp 1.1 schema (xmllint)", () => {
    const { status, output } = runXmllint(MANIFEST_PATH);
    expect({ status, output: output.trim() }).toEqual({ status: 0, output: `${MANIFEST_PATH} validates` });
  });
});

describe("scripts/build-manifest.js", () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kostra-manifest-"));
  });
  afterAll(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("replaces every localhost URL and the result still validates", () => {
    const base = "https://tillegg.example.kommune.no/kostra/";
    const out = rewriteManifest(xml, base);
    expect(out).not.toContain("localhost:3000");
    const count = (s: string, needle: string) => s.split(needle).length - 1;
    expect(count(out, base)).toBe(count(xml, DEV_BASE));
    expect(out).toContain(`${base}taskpane.html`);
    expect(out).toContain(`${base}assets/icon-32.png`);
    expect(out).toContain("<AppDomain>https://data.ssb.no</AppDomain>");

    const file = path.join(tmp, "manifest.prod.xml");
    fs.writeFileSync(file, out);
    const { status, output } = runXmllint(file);
    expect({ status, output: output.trim() }).toEqual({ status: 0, output: `${file} validates` });
  });

  it("adds the department's SSB cache beside SSB in <AppDomains>, and the result still validates", () => {
    const out = rewriteManifest(xml, "https://tillegg.example.kommune.no/kostra/", "https://ssb-cache.example.kommune.no/api/pxwebapi/v2");
    const domains = child(parse(out), "AppDomains").children.map((d) => d.text);
    expect(domains).toEqual([...ALLOWED_APP_DOMAINS, "https://ssb-cache.example.kommune.no"]);
    const file = path.join(tmp, "manifest.proxy.xml");
    fs.writeFileSync(file, out);
    expect(runXmllint(file).status).toBe(0);
    // SSB's own address adds nothing; no proxy leaves the manifest as without one.
    expect(rewriteManifest(xml, DEV_BASE, "https://data.ssb.no/api/pxwebapi/v2")).toBe(xml);
    expect(rewriteManifest(xml, DEV_BASE, "")).toBe(xml);
  });

  it.each(["http://ssb-cache.example.no/api/pxwebapi/v2", "https://user:pw@ssb-cache.example.no/", "https://ssb-cache.example.no/?x=1", "ssb-cache", "https://a.b;c/"])("refuses the proxy address %p", (bad) => {
    expect(() => rewriteManifest(xml, DEV_BASE, bad)).toThrow(/SSB_PROXY_URL/);
  });

  it("adds the trailing slash to a base URL without one", () => {
    const out = rewriteManifest(xml, "https://addins.example.no/kostra");
    expect(out).toContain("https://addins.example.no/kostra/taskpane.html");
    expect(rewriteManifest(xml, "https://addins.example.no")).toContain("https://addins.example.no/taskpane.html");
  });

  it("keeps the development URLs when given the localhost base", () => {
    expect(rewriteManifest(xml, DEV_BASE)).toBe(xml);
  });

  it.each(["http://addins.example.no/", "ftp://addins.example.no/", "addins.example.no", "", "https://addins.example.no/?a=1&b=2"])(
    "refuses the base URL %p",
    (bad) => {
      expect(() => rewriteManifest(xml, bad)).toThrow(/ADDIN_BASE_URL/);
    },
  );

  it("writes the rewritten manifest when run as a script", () => {
    const out = path.join(tmp, "dist", "manifest.xml");
    const result = spawnSync(process.execPath, [BUILD_SCRIPT, "--out", out], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, ADDIN_BASE_URL: "https://addins.example.no/kostra", SSB_PROXY_URL: "https://ssb-cache.example.no/api/pxwebapi/v2" },
    });
    expect(result.status).toBe(0);
    const written = fs.readFileSync(out, "utf8");
    expect(written).not.toContain("localhost");
    expect(written).toContain("https://addins.example.no/kostra/commands.html");
    expect(written).toContain("<AppDomain>https://ssb-cache.example.no</AppDomain>");
  });

  it("exits with code 2 and a one-line message for a non-https base URL", () => {
    const out = path.join(tmp, "refused", "manifest.xml");
    const result = spawnSync(process.execPath, [BUILD_SCRIPT, "--out", out], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, ADDIN_BASE_URL: "http://addins.example.no/" },
    });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/https/);
    expect(fs.existsSync(out)).toBe(false);
  });
});
