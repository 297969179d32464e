/**
 * Build-time styles for the pane's own makeStyles: @griffel/webpack-loader, as
 * webpack.config.js runs it after TypeScript, computes the rules of a makeStyles call at
 * build time, also when a value comes from another TypeScript module of ours
 * (scripts/griffel-ts-evaluator.js), so the bundle carries class names and rules Griffel's
 * extraction then moves into the CSS file — never the style compiler.
 */
import * as path from "path";
import { FONT_SIZE } from "../../src/taskpane/state/chartLayout";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { evaluationRules, typescriptEvaluator } = require("../../scripts/griffel-ts-evaluator.js") as {
  evaluationRules: () => unknown[];
  typescriptEvaluator: (filename: string, options: unknown, text: string, only: string[] | null) => [string, unknown];
};

type LoaderFn = (this: unknown, source: string, map?: unknown) => void;

/** A component of the pane as the TypeScript loader hands it on: JavaScript, importing a constant from a .ts module. */
const COMPONENT = [
  'import { makeStyles, makeResetStyles, tokens } from "@fluentui/react-components";',
  'import { FONT_SIZE } from "../state/chartLayout";',
  "export const useStyles = makeStyles({ label: { fontSize: `${FONT_SIZE}px`, color: tokens.colorNeutralForeground2, ':hover': { color: tokens.colorBrandForeground1 } } });",
  "export const useBase = makeResetStyles({ display: 'grid', columnGap: tokens.spacingHorizontalS });",
  "",
].join("\n");
const RESOURCE = path.resolve(__dirname, "../../src/taskpane/components/BuildTimeStyles.js");

/**
 * Runs the loader as webpack would on `source`, with these options; a fresh copy each time,
 * so no module evaluated by one test is taken from Griffel's cache in another.
 */
function runLoader(source: string, options: object): Promise<string> {
  let griffelLoader: { default?: LoaderFn } & LoaderFn = () => undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    griffelLoader = require("@griffel/webpack-loader");
  });
  const loader = griffelLoader.default ?? griffelLoader;
  return new Promise((resolve, reject) => {
    const context = {
      resourcePath: RESOURCE,
      sourceMap: false,
      cacheable: () => undefined,
      addDependency: () => undefined,
      getOptions: () => options,
      callback: (error: Error | null, code?: string) => (error ? reject(error) : resolve(code ?? "")),
    };
    loader.call(context, source);
  });
}

describe("build-time styles for the pane's own makeStyles", () => {
  it("computes the rules at build time, with a constant imported from a TypeScript module of ours", async () => {
    const code = await runLoader(COMPONENT, { evaluationRules: evaluationRules() });
    // The calls became their precomputed forms, which the extraction loader turns into class names and a CSS file.
    expect(code).toMatch(/\b__styles\(/);
    expect(code).toMatch(/\b__resetStyles\(/);
    expect(code).not.toMatch(/\bmakeStyles\(/);
    expect(code).not.toMatch(/\bmakeResetStyles\(/);
    // The rules themselves, with the value read from chartLayout.ts and Fluent's tokens as CSS variables.
    expect(code).toContain(`font-size:${FONT_SIZE}px;`);
    expect(code).toContain("color:var(--colorNeutralForeground2);");
    expect(code).toMatch(/:hover\{color:var\(--colorBrandForeground1\);\}/);
    expect(code).toContain("display:grid;column-gap:var(--spacingHorizontalS);");
  });

  it("needs the TypeScript evaluator: Griffel's own evaluation cannot read our .ts modules", async () => {
    await expect(runLoader(COMPONENT, {})).rejects.toThrow(/chartLayout\.ts/);
  });

  it("transpiles a TypeScript module whole, types removed, as CommonJS for Griffel's sandbox", () => {
    const [code, imports] = typescriptEvaluator("/x/sizes.ts", {}, 'import type { A } from "./a";\nexport const SIZE: number = 12;\nexport type B = A;\n', null);
    expect(imports).toBeNull();
    expect(code).toContain("exports.SIZE = 12;");
    expect(code).not.toMatch(/\bimport\b|: number|type B/);
  });
});
