/**
 * The pane's own styles as static CSS over Fluent's design tokens (the CSS variables
 * FluentProvider sets). Fluent's components ship precompiled styles; writing ours with
 * makeStyles would put Griffel's CSS compiler (about 12 KB gzipped) into the pane's first
 * download for a few layout rules.
 *
 * Each component declares its rules beside itself with `staticStyles(prefix, rules)` and
 * gets class names back. A rule's key is a class name, optionally followed by a selector
 * suffix (":focus-visible", " > li"). Selectors repeat the class ("kb-x.kb-x") so they win
 * over Fluent's single-class atomic rules whatever order the style sheets load in.
 */

const ELEMENT_ID = "kb-styles";
const installed = new Set<string>();
let pending = "";

function flush(): void {
  if (typeof document === "undefined" || pending === "") return;
  let el = document.getElementById(ELEMENT_ID) as HTMLStyleElement | null;
  if (!el) {
    el = document.createElement("style");
    el.id = ELEMENT_ID;
    document.head.appendChild(el);
  }
  el.appendChild(document.createTextNode(pending));
  pending = "";
}

type ClassNames<K extends string> = { [P in K as P extends `${infer N}${":" | " " | "["}${string}` ? N : P]: string };

export function staticStyles<K extends string>(prefix: string, rules: Record<K, string>): ClassNames<K> {
  const names: Record<string, string> = {};
  if (!installed.has(prefix)) {
    installed.add(prefix);
    for (const [key, body] of Object.entries<string>(rules)) {
      const m = /^([A-Za-z][\w-]*)(.*)$/.exec(key);
      if (!m) throw new Error(`staticStyles(${prefix}): bad rule key ${key}`);
      const cls = `kb-${prefix}-${m[1]}`;
      names[m[1]] = cls;
      pending += `.${cls}.${cls}${m[2]}{${body}}\n`;
    }
    flush();
  } else {
    for (const key of Object.keys(rules)) {
      const name = /^([A-Za-z][\w-]*)/.exec(key)![1];
      names[name] = `kb-${prefix}-${name}`;
    }
  }
  return names as ClassNames<K>;
}

/** Join class names, skipping the falsy ones. */
export const cx = (...classes: (string | false | null | undefined)[]): string => classes.filter(Boolean).join(" ");

/** The declarations of a Fluent typography style (e.g. typographyStyles.caption1) as CSS text. */
export function typography(style: { fontFamily: string; fontSize: string; fontWeight: string; lineHeight: string }): string {
  return `font-family:${style.fontFamily};font-size:${style.fontSize};font-weight:${style.fontWeight};line-height:${style.lineHeight};`;
}

/** Rules several components share. */
export const shared = staticStyles("shared", {
  // Fluent gives inputs a 250 px minimum width; in a narrow pane they must follow the layout instead.
  narrow: "min-width:0;",
});
