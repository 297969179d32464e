/**
 * Facts about Fluent UI's precompiled styles that tests of the style extraction check the
 * build against, read from the installed Fluent packages (not copied into the tests), so
 * they follow a Fluent upgrade.
 */
import * as fs from "fs";
import * as path from "path";

/** Fluent's Button base class (its reset rule), from the precompiled styles Fluent ships. The pane's first view has buttons. */
export function fluentButtonClass(): string {
  const dir = path.dirname(require.resolve("@fluentui/react-button/package.json"));
  const file = path.join(dir, "lib/components/Button/useButtonStyles.styles.js");
  const m = /useRootBaseClassName\s*=\s*\/\*#__PURE__\*\/\s*__resetStyles\("(r[a-z0-9]+)"/.exec(fs.readFileSync(file, "utf8"));
  if (!m) throw new Error(`${file}: no precompiled base class for Button (has Fluent changed how it ships styles?)`);
  return m[1];
}

/**
 * A rule Griffel would insert at run time: a string in a script that starts a CSS rule for
 * one of Griffel's generated classes (".f1abc2de{", ".r1f29ykk:hover{", or one inside an
 * at-rule). An extracted build keeps the class names and ships no such rule.
 */
export const GRIFFEL_RULE_IN_SCRIPT = /["'`][.@][^"'`]{0,60}\.[fr][a-z0-9]{4,9}[:{[][^"'`]*\{/g;
