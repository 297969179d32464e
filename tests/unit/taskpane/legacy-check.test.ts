/**
 * The browser check in front of the pane's bundle (src/taskpane/legacy-check.js) must run
 * in the browsers it is there for — Internet Explorer 11 and Edge Legacy — so it is ES5:
 * parsed here with TypeScript's parser and searched for any syntax newer than ES5.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { newerThanEs5 } from "../../support/es5-syntax";

const CHECK = path.resolve(__dirname, "../../../src/taskpane/legacy-check.js");

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
