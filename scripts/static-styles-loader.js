/**
 * Webpack loader (production builds) for the pane's modules that declare their rules with
 * `staticStyles(prefix, rules)` (src/taskpane/styles.ts). It runs on the JavaScript the
 * TypeScript loader emits and rewrites each such call
 *
 *   const styles = staticStyles("chart", { wrap: `min-width:0;…`, … });
 *
 * into a Griffel static style the build computes and extracts, and the class names alone:
 *
 *   const styles = __kbStaticClassNames("chart");
 *   const __kbStaticRules0 = makeStaticStyles(__kbStaticCss("chart", { wrap: `…`, … }));
 *
 * @griffel/webpack-loader then evaluates `staticCss(…)` at build time (tokens, constants from
 * other modules and all) and Griffel's extraction moves the CSS into the pane's CSS file,
 * so the rules leave the JavaScript and nothing inserts them at run time. The prefix must
 * be a string literal: it names the classes. A call this loader cannot rewrite fails the
 * build rather than leaving a component unstyled.
 */
"use strict";
const path = require("path");
const ts = require("typescript");

const RULES_PREFIX = "__kbStaticRules";

/** Where a relative import from `fromFile` leads, if to a TypeScript module (extension omitted, as our imports are written). */
function importedFile(fromFile, specifier) {
  if (!specifier.startsWith(".")) return null;
  return path.resolve(path.dirname(fromFile), specifier);
}

/** The local names under which `source` imports staticStyles from the styles module, with the import's specifier. */
function staticStylesImports(sourceFile, resourcePath, stylesModule) {
  const locals = [];
  let specifier = null;
  const stylesWithoutExtension = stylesModule.replace(/\.tsx?$/, "");
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const target = importedFile(resourcePath, statement.moduleSpecifier.text);
    if (target === null || target.replace(/\.(tsx?|js)$/, "") !== stylesWithoutExtension) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      if ((element.propertyName ?? element.name).text === "staticStyles") {
        locals.push(element.name.text);
        specifier = statement.moduleSpecifier.text;
      }
    }
  }
  return { locals, specifier };
}

/** Rewrites `source` (JavaScript) as described above; returns it unchanged when it calls no imported staticStyles. */
function rewriteStaticStyles(source, resourcePath, stylesModule) {
  if (!source.includes("staticStyles")) return source;
  const sourceFile = ts.createSourceFile(resourcePath, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  // The styles module's own rules call its functions by their names; other modules import them.
  const self = path.resolve(resourcePath).replace(/\.(tsx?|js)$/, "") === path.resolve(stylesModule).replace(/\.(tsx?|js)$/, "");
  const { locals, specifier } = self ? { locals: ["staticStyles"], specifier: null } : staticStylesImports(sourceFile, resourcePath, stylesModule);
  if (locals.length === 0) return source;
  const [cssOf, namesOf] = self ? ["staticCss", "staticClassNames"] : ["__kbStaticCss", "__kbStaticClassNames"];
  if (/\bmakeStaticStyles\b/.test(source)) throw new Error(`${resourcePath}: uses makeStaticStyles itself; its staticStyles calls cannot be rewritten beside it`);

  const edits = [];
  const where = (node) => {
    const { line, character } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
    return `${resourcePath}:${line + 1}:${character + 1}`;
  };
  const visit = (node, topLevel) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && locals.includes(node.expression.text) && !(self && topLevel === null)) {
      const [prefix, rules] = node.arguments;
      if (node.arguments.length !== 2 || !ts.isStringLiteral(prefix)) {
        throw new Error(`${where(node)}: staticStyles needs a string literal prefix and the rules, to be extracted at build time`);
      }
      if (topLevel === null) throw new Error(`${where(node)}: staticStyles must be called at a module's top level, to be extracted at build time`);
      const n = edits.length;
      const text = (x) => source.slice(x.getStart(sourceFile), x.getEnd());
      edits.push({ start: node.getStart(sourceFile), end: node.getEnd(), text: `${namesOf}(${text(prefix)})` });
      edits.push({ start: topLevel.getEnd(), end: topLevel.getEnd(), text: `\nconst ${RULES_PREFIX}${n} = makeStaticStyles(${cssOf}(${text(prefix)}, ${text(rules)}));` });
      return;
    }
    const isFunction = ts.isFunctionLike(node) || ts.isClassLike(node);
    ts.forEachChild(node, (child) => visit(child, isFunction ? null : topLevel));
  };
  for (const statement of sourceFile.statements) visit(statement, statement);
  if (edits.length === 0) return source;

  let out = source;
  for (const edit of [...edits].sort((a, b) => b.start - a.start || b.text.length - a.text.length)) {
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  }
  // Griffel's loader looks for the word makeStyles before it parses a file at all; the comment names it.
  const header =
    "/* staticStyles rules, extracted at build time like makeStyles */\n" +
    // Imported under its own name: Griffel's transform renames its calls by the local name.
    'import { makeStaticStyles } from "@griffel/react";\n' +
    (self ? "" : `import { staticCss as ${cssOf}, staticClassNames as ${namesOf} } from ${JSON.stringify(specifier)};\n`);
  return header + out;
}

module.exports = function staticStylesLoader(source) {
  const { stylesModule } = this.getOptions();
  return rewriteStaticStyles(source, this.resourcePath, stylesModule);
};

module.exports.rewriteStaticStyles = rewriteStaticStyles;
