/**
 * The dependency rule between the layers (README "Architecture") is checked by the lint
 * step: for every pair of layers the rule forbids, an import planted in the one layer's
 * folder must be reported, and every allowed pair must pass. The table below is the rule
 * as the README states it, written independently of eslint.config.mjs, so loosening the
 * configuration (or removing the plugin) fails this test.
 *
 * ESLint's flat configuration is an ES module, so the planted files are linted by one
 * child Node process through ESLint's API (lintText with a path inside the layer; nothing
 * is written to src/).
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { lintPlanted as lint, type Planted, type Reported } from "../support/lint-planted";

const ROOT = path.resolve(__dirname, "../..");

const LAYERS = ["kostra", "sources", "report", "app", "excel", "taskpane", "cli", "commands"] as const;
type Layer = (typeof LAYERS)[number];

/** What each layer may import of ours besides itself. */
const ALLOWED: Record<Layer, readonly Layer[]> = {
  kostra: [],
  sources: ["kostra"],
  report: ["kostra"],
  app: ["kostra", "sources", "report"],
  excel: ["kostra", "report"],
  taskpane: ["kostra", "sources", "report", "app", "excel"],
  cli: ["kostra", "sources", "report", "app"],
  commands: [],
};

/** A real module of the layer to import (its first TypeScript file), so the import resolves. */
function moduleOf(layer: Layer): string {
  const file = readdirSync(path.join(ROOT, "src", layer))
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".d.ts"))
    .sort()[0];
  if (!file) throw new Error(`src/${layer}/ has no module to import`);
  return file.replace(/\.tsx?$/, "");
}


const importFrom = (from: Layer, to: Layer, depth = 1): Planted => ({
  filePath: path.join(ROOT, "src", from, ...(depth > 1 ? ["deeper"] : []), "planted-import.ts"),
  code: `import * as planted from "${"../".repeat(depth)}${to}/${moduleOf(to)}";\nexport const used = planted;\n`,
});

const pairs = LAYERS.flatMap((from) => LAYERS.filter((to) => to !== from).map((to) => ({ from, to, allowed: ALLOWED[from].includes(to) })));
const forbidden = pairs.filter((p) => !p.allowed);
const allowed = pairs.filter((p) => p.allowed);

// The variants the old hand-written patterns let through: a module one folder deeper,
// a type-only import and a dynamic import.
const variants: { name: string; planted: Planted }[] = [
  { name: "kostra/registry → sources", planted: importFrom("kostra", "sources", 2) },
  { name: "report → sources, type only", planted: { filePath: path.join(ROOT, "src/report/planted-import.ts"), code: `import type * as planted from "../sources/${moduleOf("sources")}";\nexport type Used = typeof planted;\n` } },
  { name: "excel → taskpane, dynamic", planted: { filePath: path.join(ROOT, "src/excel/planted-import.ts"), code: `export const later = () => import("../taskpane/${moduleOf("taskpane")}");\n` } },
  { name: "report → a folder that is no layer", planted: { filePath: path.join(ROOT, "src/report/planted-import.ts"), code: `import * as planted from "../elsewhere/thing";\nexport const used = planted;\n` } },
];

let results: Reported[][];
beforeAll(() => {
  results = lint([...forbidden.map((p) => importFrom(p.from, p.to)), ...allowed.map((p) => importFrom(p.from, p.to)), ...variants.map((v) => v.planted)]);
});
const boundaryErrors = (r: Reported[]) => r.filter((m) => m.ruleId?.startsWith("boundaries/"));

describe("the dependency rule between layers", () => {
  it("covers every forbidden pair of layers", () => {
    expect(forbidden.length).toBeGreaterThanOrEqual(30);
  });

  it.each(forbidden.map((p, i) => [`${p.from} → ${p.to}`, i] as const))("reports a planted import %s", (_name, i) => {
    const errors = boundaryErrors(results[i]);
    expect(errors).toHaveLength(1);
    expect(errors[0].ruleId).toBe("boundaries/dependencies");
  });

  it.each(allowed.map((p, i) => [`${p.from} → ${p.to}`, forbidden.length + i] as const))("lets an allowed import %s pass", (_name, i) => {
    expect(boundaryErrors(results[i])).toEqual([]);
  });

  it.each(variants.map((v, i) => [v.name, forbidden.length + allowed.length + i] as const))("reports %s", (_name, i) => {
    expect(boundaryErrors(results[i])).toHaveLength(1);
  });

  it("says in the message what the layer may import", () => {
    const excelToTaskpane = forbidden.findIndex((p) => p.from === "excel" && p.to === "taskpane");
    expect(boundaryErrors(results[excelToTaskpane])[0].message).toContain("excel/ may import only kostra/, report/");
  });
});
