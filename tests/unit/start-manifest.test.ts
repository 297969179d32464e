/**
 * The start manifest (what the pane's first view shows of the catalog) and the webpack
 * loader that ships it as its build-time result instead of the catalog.
 */
import * as path from "path";
import { INDICATORS, SECTORS, SECTOR_TEMPLATES } from "../../src/kostra/catalog";
import { AGGREGATES, MUNICIPALITIES, MUNICIPALITY_COUNTS } from "../../src/kostra/municipalities";
import { START_MANIFEST } from "../../src/taskpane/start/startManifest";
import { DEFAULT_YEAR } from "../../src/taskpane/start/defaultYear";
import { slug } from "../../src/taskpane/state/slug";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const loader = require("../../scripts/start-manifest-loader.js") as ((this: unknown) => void) & { EVALUATE: string };

const MANIFEST_FILE = path.resolve(__dirname, "../../src/taskpane/start/startManifest.ts");
const SLUG_FILE = path.resolve(__dirname, "../../src/taskpane/state/slug.ts");

/** Runs the loader as webpack would, with `importModule` answering `evaluated`. */
function runLoader(evaluated: unknown): Promise<{ source: string; imported: string }> {
  return new Promise((resolve, reject) => {
    let imported = "";
    const context = {
      resourcePath: MANIFEST_FILE,
      getOptions: () => ({ slugModule: SLUG_FILE }),
      importModule: async (request: string) => {
        if (request === SLUG_FILE) return { slug };
        imported = request;
        return evaluated;
      },
      async: () => (error: Error | null, source?: string) => (error ? reject(error) : resolve({ source: source ?? "", imported })),
    };
    loader.call(context);
  });
}

/** The manifest the module the loader wrote exports, as the bundle would run it (its one import, the pane's slug, handed in). */
function shipped(source: string): unknown {
  if (!/^export const START_MANIFEST = /m.test(source)) throw new Error(`not a start manifest module: ${source.slice(0, 80)}`);
  const imports = source.match(/^import .*$/gm) ?? [];
  expect(imports).toEqual(['import { slug } from "../state/slug";']);
  const body = source.replace(/^import .*$/m, "").replace(/^export const START_MANIFEST = /m, "const START_MANIFEST = ");
  return new Function("slug", `${body}\nreturn START_MANIFEST;`)(slug);
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
    expect(names.municipalities.map(([id]) => id).sort()).toEqual(MUNICIPALITIES.map((m) => m.id).sort());
    // In the pickers' order (Norwegian: æ, ø, å last), so the first view's sort finds them sorted.
    const collator = new Intl.Collator("nb");
    const inOrder = names.municipalities.every(([, name], i, all) => i === 0 || collator.compare(all[i - 1][1], name) <= 0);
    expect(inOrder).toBe(true);
    expect(names.municipalities.findIndex(([id]) => id === "al")).toBeGreaterThan(names.municipalities.findIndex(([id]) => id === "oyer"));
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

  it("ships a municipality's id only where its name does not spell it, and gives every id back", async () => {
    const names = {
      year: 2017,
      municipalities: [
        ["baerum", "Bærum", "0219"],
        ["al", "Ål", "0619"],
        ["nord-aurdal", "Nord-Aurdal", "0542"],
        ["unjarga-nesseby", "Unjárga - Nesseby", "2027"],
        // Not its name in plain letters: the id must travel with it.
        ["hitra-2024", "Hitra", ""],
      ],
      kostraGroups: ["ekg01"],
    };
    const manifest = { sectors: [], templates: [], names };
    const { source } = await runLoader({ START_MANIFEST: manifest });
    expect(shipped(source)).toEqual(manifest);
    expect(source).toContain('"hitra-2024"');
    for (const id of ["baerum", "al", "nord-aurdal", "unjarga-nesseby"]) expect(source).not.toContain(`"${id}"`);
  });

  it("spells every registry municipality's id from its name (so the first view's names ship without them)", () => {
    const spelled = MUNICIPALITIES.filter((m) => slug(m.name) === m.id);
    expect(spelled.length).toBeGreaterThan(MUNICIPALITIES.length * 0.95);
  });

  it("fails the build when the module does not give a manifest, instead of shipping an empty pane", async () => {
    await expect(runLoader({})).rejects.toThrow(/did not export a START_MANIFEST/);
    await expect(runLoader({ START_MANIFEST: { templates: "all" , sectors: [] } })).rejects.toThrow(/START_MANIFEST/);
  });

  it("passes on a failure to run the module", async () => {
    const context = {
      resourcePath: MANIFEST_FILE,
      getOptions: () => ({ slugModule: SLUG_FILE }),
      importModule: () => Promise.reject(new Error("catalog.ts: Unexpected token")),
    };
    await expect(
      new Promise((resolve, reject) => loader.call({ ...context, async: () => (error: Error | null) => (error ? reject(error) : resolve(null)) })),
    ).rejects.toThrow("catalog.ts: Unexpected token");
  });
});
