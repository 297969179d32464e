/**
 * The start manifest (what the pane's first view shows of the catalog) and the webpack
 * loader that ships it as its build-time result instead of the catalog.
 */
import * as path from "path";
import { INDICATORS, SECTORS, SECTOR_TEMPLATES } from "../../src/kostra/catalog";
import { AGGREGATES, MUNICIPALITIES, MUNICIPALITY_COUNTS } from "../../src/kostra/municipalities";
import { START_MANIFEST } from "../../src/taskpane/start/startManifest";
import { DEFAULT_YEAR } from "../../src/taskpane/start/defaultYear";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const loader = require("../../scripts/start-manifest-loader.js") as ((this: unknown) => void) & { EVALUATE: string };

const MANIFEST_FILE = path.resolve(__dirname, "../../src/taskpane/start/startManifest.ts");

/** Runs the loader as webpack would, with `importModule` answering `evaluated`. */
function runLoader(evaluated: unknown): Promise<{ source: string; imported: string }> {
  return new Promise((resolve, reject) => {
    let imported = "";
    const context = {
      resourcePath: MANIFEST_FILE,
      importModule: async (request: string) => {
        imported = request;
        return evaluated;
      },
      async: () => (error: Error | null, source?: string) => (error ? reject(error) : resolve({ source: source ?? "", imported })),
    };
    loader.call(context);
  });
}

/** The JSON literal the loader wrote, read back. */
function shipped(source: string): unknown {
  const m = /^export const START_MANIFEST = (.*);\n$/s.exec(source);
  if (!m) throw new Error(`not a start manifest module: ${source.slice(0, 80)}`);
  return JSON.parse(m[1]);
}

describe("the start manifest", () => {
  it("names every catalog template, in catalog order, with its sector, network and comparison municipalities", () => {
    expect(START_MANIFEST.templates.map((t) => t.id)).toEqual(SECTOR_TEMPLATES.map((t) => t.id));
    for (const [i, t] of SECTOR_TEMPLATES.entries()) {
      expect(START_MANIFEST.templates[i]).toEqual({ id: t.id, label: t.label, sector: t.sector, defaultComparisons: t.defaultComparisons, network: t.network });
    }
    expect(START_MANIFEST.sectors).toEqual(SECTORS.map((s) => ({ id: s.id, label: s.label })));
  });

  it("carries no indicator definitions, only names", () => {
    const text = JSON.stringify(START_MANIFEST);
    for (const indicator of INDICATORS) expect(text).not.toContain(`"${indicator.id}"`);
    // A few kilobytes, against the catalog's hundreds.
    expect(JSON.stringify({ sectors: START_MANIFEST.sectors, templates: START_MANIFEST.templates }).length).toBeLessThan(8_000);
  });

  it("names every municipality of the registry, with its code in the pane's default year and nothing of its history", () => {
    const { names } = START_MANIFEST;
    expect(names.year).toBe(DEFAULT_YEAR);
    expect(names.municipalities.map(([id]) => id)).toEqual(MUNICIPALITIES.map((m) => m.id));
    // Bærum was 0219 in 2017 (3024 from 2020, 3201 from 2024); Lillestrøm began in 2020, so it has no code then.
    expect(names.municipalities.find(([id]) => id === "baerum")).toEqual(["baerum", "Bærum", "0219"]);
    expect(names.municipalities.find(([id]) => id === "lillestrom")).toEqual(["lillestrom", "Lillestrøm", ""]);
    expect(names.municipalities.filter(([, , code]) => code !== "")).toHaveLength(MUNICIPALITY_COUNTS[String(DEFAULT_YEAR)]);
    // Only the current code: none of the later ones.
    expect(JSON.stringify(names)).not.toContain('"3201"');
    expect(names.kostraGroups).toEqual(AGGREGATES.filter((a) => a.id.startsWith("ekg")).map((a) => a.id));
    // A third of the registry's size: the first view's names, not the registry.
    expect(JSON.stringify(names).length).toBeLessThan(16_000);
  });
});

describe("the start manifest loader", () => {
  it("ships the module's own result, computed by running it apart from the bundle", async () => {
    const { source, imported } = await runLoader({ START_MANIFEST });
    expect(shipped(source)).toEqual(JSON.parse(JSON.stringify(START_MANIFEST)));
    // It runs the module under the query the webpack rule leaves to the TypeScript loader alone.
    expect(imported).toBe(`${MANIFEST_FILE}?${loader.EVALUATE}`);
  });

  it("fails the build when the module does not give a manifest, instead of shipping an empty pane", async () => {
    await expect(runLoader({})).rejects.toThrow(/did not export a START_MANIFEST/);
    await expect(runLoader({ START_MANIFEST: { templates: "all" , sectors: [] } })).rejects.toThrow(/START_MANIFEST/);
  });

  it("passes on a failure to run the module", async () => {
    const context = {
      resourcePath: MANIFEST_FILE,
      importModule: () => Promise.reject(new Error("catalog.ts: Unexpected token")),
    };
    await expect(
      new Promise((resolve, reject) => loader.call({ ...context, async: () => (error: Error | null) => (error ? reject(error) : resolve(null)) })),
    ).rejects.toThrow("catalog.ts: Unexpected token");
  });
});
