/**
 * No text is chosen by a condition on the language written where it is used
 * (`lang === "nb" ? "tabell" : "table"`): text comes from a typed catalogue or a
 * LocalizedText value, where both languages must be present. Two checks, independent of
 * each other:
 *
 * - every file under src/ is read with TypeScript's parser and searched for a condition
 *   on "nb"/"en" (a ternary, an if, && or ||, a flag such as `const nb = lang === "nb"`,
 *   a switch case, a ternary on such a flag), so one that comes back fails this test
 *   whatever the lint configuration says;
 * - the lint rule (eslint.config.mjs, no-restricted-syntax) reports each of those forms
 *   planted in a file under src/, and lets the catalogue and LocalizedText forms pass, so
 *   an editor shows the mistake where it is made. The planted files are linted by one
 *   child Node process through ESLint's API (nothing is written to src/).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { lintPlanted, type Reported } from "../support/lint-planted";

const ROOT = path.resolve(__dirname, "../..");
const LANG_LITERAL = /^(nb|en)$/;
const FLAG = /^(nb|en|isNb|isEn|norwegian|english)$/;

/** A comparison (===, !==, ==, !=) with the literal "nb" or "en" on either side. */
function comparesLanguage(node: ts.Node): boolean {
  if (!ts.isBinaryExpression(node)) return false;
  const op = node.operatorToken.kind;
  const equality = [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken].includes(op);
  const literal = (n: ts.Expression) => ts.isStringLiteralLike(n) && LANG_LITERAL.test(n.text);
  return equality && (literal(node.left) || literal(node.right));
}

/** Where a source text chooses by the language: "line: code". */
export function languageBranches(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const report = (node: ts.Node) => found.push(`${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.getText().slice(0, 80)}`);
  const unwrap = (n: ts.Expression): ts.Expression => (ts.isParenthesizedExpression(n) ? unwrap(n.expression) : n);
  const visit = (node: ts.Node) => {
    if (ts.isConditionalExpression(node) && (comparesLanguage(unwrap(node.condition)) || (ts.isIdentifier(unwrap(node.condition)) && FLAG.test(unwrap(node.condition).getText())))) report(node);
    else if (ts.isIfStatement(node) && comparesLanguage(unwrap(node.expression))) report(node.expression);
    else if (ts.isBinaryExpression(node) && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken].includes(node.operatorToken.kind) && (comparesLanguage(unwrap(node.left)) || comparesLanguage(unwrap(node.right)))) report(node);
    else if (ts.isVariableDeclaration(node) && node.initializer && comparesLanguage(unwrap(node.initializer))) report(node);
    else if (ts.isCaseClause(node) && ts.isStringLiteralLike(node.expression) && LANG_LITERAL.test(node.expression.text)) report(node.expression);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(folder, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** The forms that choose text by a condition on the language. */
const FORBIDDEN: Record<string, string> = {
  "a ternary": `export const word = (lang: string) => (lang === "nb" ? "tabell" : "table");`,
  "a ternary, literal first": `export const word = (lang: string) => ("en" === lang ? "table" : "tabell");`,
  "a ternary on a not-equal": `export const word = (lang: string) => (lang !== "en" ? "tabell" : "table");`,
  "a ternary on a property": `export const word = (o: { lang: string }) => (o.lang === "nb" ? "tabell" : "table");`,
  "a ternary inside a template": "export const word = (lang: string, t: string) => `${lang === \"nb\" ? \"tabell\" : \"table\"} ${t}`;",
  "an if": `export function word(lang: string) { if (lang === "nb") return "tabell"; return "table"; }`,
  "an &&": `export const word = (lang: string) => (lang === "en" && "table") || "tabell";`,
  "a flag": `export function words(lang: string, n: number) { const nb = lang === "nb"; return [nb, n]; }`,
  "a ternary on a flag": `export const word = (nb: boolean) => (nb ? "tabell" : "table");`,
  "a switch case": `export function word(lang: string) { switch (lang) { case "nb": return "tabell"; default: return "table"; } }`,
};

/** The forms the product uses instead. */
const ALLOWED: Record<string, string> = {
  "LocalizedText picked by the language": `export const word = (lang: "nb" | "en") => ({ nb: "tabell", en: "table" })[lang];`,
  "a catalogue per language": `const TEXT = { nb: { table: "tabell" }, en: { table: "table" } }; export const word = (lang: "nb" | "en") => TEXT[lang].table;`,
  "a ternary on something else": `export const word = (n: number) => (n === 1 ? "mal" : "maler");`,
};

function lint(codes: readonly string[]): Reported[][] {
  // In two layers: the rule is for every file under src/.
  const planted = codes.map((code, i) => ({ code, filePath: path.join(ROOT, "src", i % 2 ? "report" : "cli", "planted-language.ts") }));
  return lintPlanted(planted);
}

describe("no text chosen by a condition on the language", () => {
  it("is found nowhere under src/", () => {
    const found = sourceFiles(path.join(ROOT, "src")).flatMap((f) => languageBranches(f, readFileSync(f, "utf8")).map((b) => `${path.relative(ROOT, f)}:${b}`));
    expect(found).toEqual([]);
  });

  it.each(Object.entries(FORBIDDEN))("the search finds %s", (_form, code) => {
    expect(languageBranches("planted.ts", code)).toHaveLength(1);
  });

  it.each(Object.entries(ALLOWED))("the search lets %s pass", (_form, code) => {
    expect(languageBranches("planted.ts", code)).toEqual([]);
  });

  it("is reported by the lint rule in each form, and the catalogue forms are not", () => {
    const forbidden = Object.entries(FORBIDDEN);
    const allowed = Object.entries(ALLOWED);
    const results = lint([...forbidden, ...allowed].map(([, code]) => code));
    const restricted = (r: Reported[]) => r.filter((m) => m.ruleId === "no-restricted-syntax").length;
    expect(Object.fromEntries(forbidden.map(([form], i) => [form, restricted(results[i])]))).toEqual(Object.fromEntries(forbidden.map(([form]) => [form, 1])));
    expect(Object.fromEntries(allowed.map(([form], i) => [form, results[forbidden.length + i]]))).toEqual(Object.fromEntries(allowed.map(([form]) => [form, []])));
  });
});
