/**
 * The browser check in front of the pane's bundle (src/taskpane/legacy-check.js) must run
 * in the browsers it is there for — Internet Explorer 11 and Edge Legacy — so it is ES5:
 * parsed here with TypeScript's parser and searched for any syntax newer than ES5.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const CHECK = path.resolve(__dirname, "../../../src/taskpane/legacy-check.js");

/** Every use of syntax newer than ES5 in the script, as "line: what". */
function newerThanEs5(source: string): string[] {
  const file = ts.createSourceFile("check.js", source, ts.ScriptTarget.ES5, true, ts.ScriptKind.JS);
  const found: string[] = [];
  const say = (node: ts.Node, what: string) => found.push(`${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}: ${what}`);
  const syntax = ts.transpileModule(source, { reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES5, allowJs: true } }).diagnostics ?? [];
  for (const d of syntax) found.push(`syntax: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`);

  const NEWER: Partial<Record<ts.SyntaxKind, string>> = {
    [ts.SyntaxKind.ArrowFunction]: "arrow function",
    [ts.SyntaxKind.ClassDeclaration]: "class",
    [ts.SyntaxKind.ClassExpression]: "class",
    [ts.SyntaxKind.TemplateExpression]: "template literal",
    [ts.SyntaxKind.NoSubstitutionTemplateLiteral]: "template literal",
    [ts.SyntaxKind.TaggedTemplateExpression]: "tagged template",
    [ts.SyntaxKind.SpreadElement]: "spread",
    [ts.SyntaxKind.SpreadAssignment]: "object spread",
    [ts.SyntaxKind.ObjectBindingPattern]: "destructuring",
    [ts.SyntaxKind.ArrayBindingPattern]: "destructuring",
    [ts.SyntaxKind.ForOfStatement]: "for…of",
    [ts.SyntaxKind.ShorthandPropertyAssignment]: "shorthand property",
    [ts.SyntaxKind.ComputedPropertyName]: "computed property name",
    [ts.SyntaxKind.AwaitExpression]: "await",
    [ts.SyntaxKind.YieldExpression]: "yield",
    [ts.SyntaxKind.ImportDeclaration]: "import",
    [ts.SyntaxKind.ExportDeclaration]: "export",
    [ts.SyntaxKind.ExportAssignment]: "export",
    [ts.SyntaxKind.MetaProperty]: "new.target / import.meta",
    [ts.SyntaxKind.BigIntLiteral]: "BigInt literal",
  };
  const NEWER_OPERATORS = new Set([
    ts.SyntaxKind.QuestionQuestionToken,
    ts.SyntaxKind.AsteriskAsteriskToken,
    ts.SyntaxKind.AsteriskAsteriskEqualsToken,
    ts.SyntaxKind.QuestionQuestionEqualsToken,
    ts.SyntaxKind.BarBarEqualsToken,
    ts.SyntaxKind.AmpersandAmpersandEqualsToken,
  ]);

  const visit = (node: ts.Node): void => {
    const what = NEWER[node.kind];
    if (what) say(node, what);
    if (ts.isVariableDeclarationList(node) && node.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) say(node, "let/const");
    if (ts.isMethodDeclaration(node) && ts.isObjectLiteralExpression(node.parent)) say(node, "method shorthand");
    if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isMethodDeclaration(node)) && node.asteriskToken) say(node, "generator");
    if (ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) say(node, "async");
    if (ts.isParameter(node) && (node.initializer || node.dotDotDotToken)) say(node, "default or rest parameter");
    if ((ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isCallExpression(node)) && node.questionDotToken) say(node, "optional chaining");
    if (ts.isBinaryExpression(node) && NEWER_OPERATORS.has(node.operatorToken.kind)) say(node, `operator ${node.operatorToken.getText(file)}`);
    if (ts.isNumericLiteral(node) && /^0[bBoO]|_/.test(node.getText(file))) say(node, "binary/octal literal or numeric separator");
    if (ts.isRegularExpressionLiteral(node) && /\/[a-z]*[uysd][a-z]*$/.test(node.text)) say(node, "regular expression flag newer than ES5");
    if (ts.isStringLiteral(node) && /\\u\{/.test(node.getText(file))) say(node, "code point escape");
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe("the browser check", () => {
  it("is ES5, so Internet Explorer 11 and Edge Legacy can run it", () => {
    expect(newerThanEs5(fs.readFileSync(CHECK, "utf8"))).toEqual([]);
  });

  it("would be caught using newer syntax", () => {
    const samples = [
      "var f = () => 1;",
      "let x = 1;",
      "var s = `a${1}`;",
      "var o = { a };",
      "var v = a?.b;",
      "var v = a ?? b;",
      "for (var x of y) {}",
      "function f(a = 1) {}",
      "var { a } = b;",
      "class A {}",
      "var r = /x/u;",
      "async function f() { await g(); }",
      "var o = { m() {} };",
      "var n = 1_000;",
    ];
    for (const sample of samples) expect([sample, newerThanEs5(sample).length]).not.toEqual([sample, 0]);
  });

  it("uses nothing of the page but what it is given: no inline code, no eval", () => {
    const file = ts.createSourceFile("check.js", fs.readFileSync(CHECK, "utf8"), ts.ScriptTarget.ES5, true, ts.ScriptKind.JS);
    const source = ts.createPrinter({ removeComments: true }).printFile(file);
    expect(source).not.toMatch(/\beval\s*\(|new Function|setTimeout\s*\(\s*["']|innerHTML|document\.write/);
    expect(source).toContain('getAttribute("data-scripts")');
  });
});
