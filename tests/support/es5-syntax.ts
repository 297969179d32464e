/**
 * Syntax newer than ES5 in a script, found with TypeScript's parser: for code that must run
 * in Internet Explorer 11 and Edge Legacy (the pane's browser check).
 */
import * as ts from "typescript";

/** Every use of syntax newer than ES5 in the script, as "line: what". */
export function newerThanEs5(source: string): string[] {
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
