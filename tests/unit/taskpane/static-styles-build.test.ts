/** @jest-environment jsdom */
/**
 * The pane's own rules in production builds: scripts/static-styles-loader.js rewrites each
 * `staticStyles(prefix, rules)` so that Griffel computes the CSS at build time and its
 * extraction moves it into the pane's CSS file (webpack.config.js). What the build extracts
 * must be exactly what staticStyles inserts at run time (development, tests), for every
 * module of the pane, and a call the build cannot extract must stop the build.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rewriteStaticStyles } = require("../../../scripts/static-styles-loader.js") as {
  rewriteStaticStyles: (source: string, resourcePath: string, stylesModule: string) => string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { evaluationRules } = require("../../../scripts/griffel-ts-evaluator.js") as { evaluationRules: () => unknown[] };

const PANE = path.resolve(__dirname, "../../../src/taskpane");
const STYLES_MODULE = path.join(PANE, "styles.ts");

type LoaderFn = (this: unknown, source: string) => void;

/** The pane's modules (TypeScript sources), recursively. */
function paneModules(dir = PANE): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return paneModules(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** A module as the TypeScript loader hands it on. */
const transpiled = (file: string): string =>
  ts.transpileModule(fs.readFileSync(file, "utf8"), {
    fileName: file,
    compilerOptions: { module: ts.ModuleKind.ES2020, target: ts.ScriptTarget.ES2020, jsx: ts.JsxEmit.ReactJSX },
  }).outputText;

/** Runs @griffel/webpack-loader as the build does (with our TypeScript evaluator) on `source`. */
function griffelLoader(source: string, resourcePath: string): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require("@griffel/webpack-loader") as { default?: LoaderFn } & LoaderFn;
  const loader = loaded.default ?? loaded;
  return new Promise((resolve, reject) => {
    loader.call(
      {
        resourcePath,
        sourceMap: false,
        cacheable: () => undefined,
        addDependency: () => undefined,
        getOptions: () => ({ evaluationRules: evaluationRules() }),
        callback: (error: Error | null, code?: string) => (error ? reject(error) : resolve(code ?? "")),
      },
      source,
    );
  });
}

/** The CSS rules Griffel computed for a module's static styles (the `d` bucket of each __staticStyles call). */
function computedRules(code: string): string[] {
  return [...code.matchAll(/__staticStyles\(\{\s*d:\s*(\[[\s\S]*?\])\s*\}\)/g)].flatMap((m) => JSON.parse(m[1]) as string[]);
}

/** The rules staticStyles inserted into the page, one per line. */
const insertedRules = (): string[] => (document.getElementById("kb-styles")?.textContent ?? "").split("\n").filter(Boolean);

describe("the pane's own rules, extracted at build time", () => {
  const modules = paneModules().filter((f) => /\bstaticStyles\(/.test(fs.readFileSync(f, "utf8")));

  it("finds the pane's rule declarations (the styles module and its components)", () => {
    expect(modules).toContain(STYLES_MODULE);
    expect(modules.length).toBeGreaterThan(20);
  });

  it("extracts, for every module, exactly the rules staticStyles inserts at run time", async () => {
    const built: string[] = [];
    for (const file of modules) {
      const rewritten = rewriteStaticStyles(transpiled(file), file, STYLES_MODULE);
      // No call left behind: the module asks for its class names only.
      expect(rewritten).not.toMatch(/(?<![\w.])staticStyles\(\s*["']/);
      const code = await griffelLoader(rewritten, file);
      const rules = computedRules(code);
      expect(rules.length).toBeGreaterThan(0);
      built.push(...rules);
    }
    // Run time: importing the modules runs their staticStyles calls in this (jsdom) page.
    for (const file of modules) await import(file);
    // Griffel's CSS compiler adds vendor-prefixed copies of some declarations (-webkit-hyphens); the pane writes none.
    const unprefixed = built.map((rule) => rule.replace(/-(webkit|moz|ms)-[a-z-]+:[^;{}]*;/g, ""));
    expect(new Set(unprefixed)).toEqual(new Set(insertedRules()));
    expect(unprefixed).toHaveLength(insertedRules().length);
    expect(built).toContain(".kb-chart-mark0.kb-chart-mark0{fill:var(--colorBrandForeground1);stroke:var(--colorNeutralBackground1);stroke-width:1.5px;}");
  });

  it("gives the components their class names without the rules", () => {
    const file = path.join(PANE, "components/PaneHeader.tsx");
    const rewritten = rewriteStaticStyles(transpiled(file), file, STYLES_MODULE);
    expect(rewritten).toMatch(/const styles = __kbStaticClassNames\("header"\);/);
    expect(rewritten).toMatch(/makeStaticStyles\(__kbStaticCss\("header", \{/);
  });

  it("names the same classes in the build's form as staticStyles does at run time", async () => {
    const { staticClassNames, staticStyles } = await import("../../../src/taskpane/styles");
    const rules = { wrap: "display:flex;", "wrap:focus-visible": "outline:none;", "mark-0": "fill:red;" };
    const atRunTime = staticStyles("same-names", rules);
    const built = staticClassNames<keyof typeof atRunTime>("same-names");
    for (const name of Object.keys(atRunTime) as (keyof typeof atRunTime)[]) expect(built[name]).toBe(atRunTime[name]);
    expect(Object.keys(atRunTime)).toEqual(["wrap", "mark-0"]);
  });

  it("leaves a module without staticStyles as it is, and one that imports a staticStyles from elsewhere", () => {
    const file = path.join(PANE, "components/Elsewhere.tsx");
    const plain = 'import { tokens } from "@fluentui/react-components";\nexport const x = tokens.colorBrandBackground;\n';
    expect(rewriteStaticStyles(plain, file, STYLES_MODULE)).toBe(plain);
    const other = 'import { staticStyles } from "./other-styles";\nconst styles = staticStyles("x", { a: "color:red;" });\n';
    expect(rewriteStaticStyles(other, file, STYLES_MODULE)).toBe(other);
  });

  it("stops the build for a call it cannot extract, naming the place", () => {
    const file = path.join(PANE, "components/Bad.tsx");
    const head = 'import { staticStyles } from "../styles";\n';
    expect(() => rewriteStaticStyles(`${head}const p = "x";\nconst styles = staticStyles(p, { a: "color:red;" });\n`, file, STYLES_MODULE)).toThrow(
      /Bad\.tsx:3:16: staticStyles needs a string literal prefix/,
    );
    expect(() => rewriteStaticStyles(`${head}export function C() { return staticStyles("x", { a: "color:red;" }); }\n`, file, STYLES_MODULE)).toThrow(
      /Bad\.tsx:2:30: staticStyles must be called at a module's top level/,
    );
    expect(() => rewriteStaticStyles(`${head}import { makeStaticStyles } from "@griffel/react";\nconst s = staticStyles("x", { a: "b" });\n`, file, STYLES_MODULE)).toThrow(
      /uses makeStaticStyles itself/,
    );
  });
});
