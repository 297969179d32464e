/**
 * The build step that drops Fluent's unused style constants (scripts/unused-constants-loader.js),
 * so that the design tokens' table leaves the pane's first script: it must drop only what
 * nothing uses and what can do nothing but read, and leave everything else as written.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { dropUnusedConstants } = require("../../scripts/unused-constants-loader.js") as { dropUnusedConstants: (source: string, file: string) => string };

const drop = (source: string) => dropUnusedConstants(source, "useThingStyles.styles.js");

describe("dropping unused read-only constants", () => {
  it("drops an unused constant that only reads tokens (template, object, array, arithmetic), and the tokens import is then unused", () => {
    const source = [
      'import { tokens } from "@fluentui/react-theme";',
      "const moz = `calc(${tokens.strokeWidthThin} + 0.25px)`;",
      "const heights = { small: '24px', medium: tokens.spacingHorizontalM, nested: { x: -1, y: [tokens.a, 2 * 3] } };",
      'export const useThing = () => "r1f29ykk";',
    ].join("\n");
    const out = drop(source);
    expect(out).not.toContain("moz");
    expect(out).not.toContain("heights");
    expect(out).toContain('export const useThing = () => "r1f29ykk";');
    expect(out.match(/tokens/g)).toHaveLength(1); // the import alone
  });

  it("keeps a constant that is used, exported, or whose value could do something", () => {
    const source = [
      "const used = tokens.a;",
      "export const shared = tokens.b;",
      "const called = compute(tokens.c);",
      "const made = new Thing();",
      "let assigned = (other.x = 1);",
      "const computedKey = { [tokens.d]: 1 };",
      "export const useThing = () => used;",
    ].join("\n");
    expect(drop(source)).toBe(source);
  });

  it("drops a chain of constants only a dropped one used", () => {
    const source = ["const base = tokens.spacingS;", "const padding = { root: base };", "export const x = 1;"].join("\n");
    expect(drop(source).trim()).toBe("export const x = 1;");
  });

  it("leaves a module without such constants unchanged", () => {
    const source = 'import { a } from "b";\nexport function f() { return a; }\n';
    expect(drop(source)).toBe(source);
  });
});
