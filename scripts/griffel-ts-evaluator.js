/**
 * Lets Griffel's build-time evaluation of makeStyles arguments (@griffel/webpack-loader)
 * read the pane's own TypeScript modules: a constant a style imports from another module
 * of ours (say the chart's font size) is in a .ts file, which Griffel's evaluator would
 * otherwise parse as JavaScript. Such a module is transpiled to CommonJS, whole (not
 * shaken), and evaluated in Griffel's sandbox; a module whose top level needs the browser
 * fails the build with its own error rather than shipping unstyled components.
 */
"use strict";
const ts = require("typescript");

/** An evaluator in the form Griffel's evaluation rules take: (filename, options, text, only) => [code, imports]. */
function typescriptEvaluator(filename, _options, text) {
  const { outputText } = ts.transpileModule(text, {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, jsx: ts.JsxEmit.ReactJSX, esModuleInterop: true },
  });
  // No import map: every module it requires is evaluated whole as well.
  return [outputText, null];
}

/** Griffel's evaluation rules with ours: Griffel's shaker for JavaScript, TypeScript transpiled, packages as they are. */
function evaluationRules() {
  const { shakerEvaluator } = require("@griffel/babel-preset");
  return [
    { action: shakerEvaluator },
    { test: /\.tsx?$/, action: typescriptEvaluator },
    { test: /[/\\]node_modules[/\\]/, action: "ignore" },
  ];
}

module.exports = { typescriptEvaluator, evaluationRules };
