/**
 * Webpack loader (production builds, Fluent UI's packages) that drops a module's unused
 * top-level constants whose values are plain data: literals, template strings and reads of
 * imported objects such as `tokens.strokeWidthThin`.
 *
 * Fluent's style modules compute a few such constants for their precompiled style rules,
 * e.g. `const boxShadowStrokeWidthThinMoz = \`calc(${tokens.strokeWidthThin} + 0.25px)\``.
 * Once Griffel's extraction has moved the rules into the CSS file nothing uses them, but the
 * minifier must keep the property reads (a getter could have effects), and so webpack keeps
 * the whole `tokens` table (every design token's name and CSS variable, 30 KB minified) in
 * the pane's first script for them. Without these constants nothing at run time reads
 * `tokens` and the table goes. A declaration is dropped only when its name occurs nowhere
 * else in the module and its value can do nothing but read: anything else (a call, a
 * `new`, an assignment) stays as it is.
 */
"use strict";
const ts = require("typescript");

/** Whether evaluating `node` can only read values (no calls, no assignments, no constructors). */
function onlyReads(node) {
  if (ts.isParenthesizedExpression(node)) return onlyReads(node.expression);
  if (ts.isStringLiteral(node) || ts.isNumericLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isIdentifier(node)) return true;
  if (node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword || node.kind === ts.SyntaxKind.NullKeyword) return true;
  if (ts.isTemplateExpression(node)) return node.templateSpans.every((span) => onlyReads(span.expression));
  if (ts.isPropertyAccessExpression(node)) return onlyReads(node.expression);
  if (ts.isArrayLiteralExpression(node)) return node.elements.every(onlyReads);
  if (ts.isObjectLiteralExpression(node)) {
    return node.properties.every((p) => ts.isPropertyAssignment(p) && !ts.isComputedPropertyName(p.name) && onlyReads(p.initializer));
  }
  if (ts.isPrefixUnaryExpression(node)) return node.operator === ts.SyntaxKind.MinusToken && onlyReads(node.operand);
  if (ts.isBinaryExpression(node)) {
    const arithmetic = [ts.SyntaxKind.PlusToken, ts.SyntaxKind.MinusToken, ts.SyntaxKind.AsteriskToken, ts.SyntaxKind.SlashToken];
    return arithmetic.includes(node.operatorToken.kind) && onlyReads(node.left) && onlyReads(node.right);
  }
  return false;
}

/** How often each identifier's text occurs in the module (declarations included). */
function identifierCounts(sourceFile) {
  const counts = new Map();
  const visit = (node) => {
    if (ts.isIdentifier(node)) counts.set(node.text, (counts.get(node.text) ?? 0) + 1);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return counts;
}

/**
 * `source` without its unused, read-only top-level constants; unchanged when it has none.
 * Repeated until nothing more goes: a constant only a dropped one used is unused then.
 */
function dropUnusedConstants(source, fileName) {
  for (;;) {
    const next = dropOnce(source, fileName);
    if (next === source) return source;
    source = next;
  }
}

function dropOnce(source, fileName) {
  const sourceFile = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const counts = identifierCounts(sourceFile);
  const removals = [];
  for (const statement of sourceFile.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    if (statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    const { declarations } = statement.declarationList;
    const droppable = declarations.every(
      (d) => ts.isIdentifier(d.name) && counts.get(d.name.text) === 1 && d.initializer !== undefined && onlyReads(d.initializer),
    );
    if (droppable) removals.push([statement.getStart(sourceFile), statement.getEnd()]);
  }
  let out = source;
  for (const [start, end] of removals.reverse()) out = out.slice(0, start) + out.slice(end);
  return out;
}

module.exports = function unusedConstantsLoader(source) {
  return dropUnusedConstants(source, this.resourcePath);
};

module.exports.dropUnusedConstants = dropUnusedConstants;
