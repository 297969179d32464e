/**
 * The pane's own styles as static CSS over Fluent's design tokens (the CSS variables
 * FluentProvider sets). Fluent's components ship precompiled styles; ours are a few layout
 * rules, written as CSS text rather than with makeStyles.
 *
 * Each component declares its rules beside itself with `staticStyles(prefix, rules)` and
 * gets class names back. A rule's key is a class name, optionally followed by a selector
 * suffix (":focus-visible", " > li"). Selectors repeat the class ("kb-x.kb-x") so they win
 * over Fluent's single-class atomic rules whatever order the style sheets load in.
 *
 * In production builds the rules never reach the browser as JavaScript:
 * scripts/static-styles-loader.js rewrites each component's call so that Griffel computes
 * `staticCss(prefix, rules)` at build time and its extraction puts the CSS into the pane's
 * CSS file, and the component gets `staticClassNames(prefix)`. Elsewhere (development
 * builds, tests) staticStyles inserts the same CSS into a <style> element.
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

const ruleKey = (prefix: string, key: string): { name: string; selector: string } => {
  const m = /^([A-Za-z][\w-]*)(.*)$/.exec(key);
  if (!m) throw new Error(`staticStyles(${prefix}): bad rule key ${key}`);
  return { name: m[1], selector: m[2] };
};

/**
 * The CSS of a component's rules: one rule per key, on its class `kb-<prefix>-<name>`
 * (twice, see above). A key may end in an at-rule, e.g. "thumb @media (forced-colors:
 * active)": the rule is then written inside it.
 */
export function staticCss(prefix: string, rules: Record<string, string>): string {
  return Object.entries(rules)
    .map(([key, body]) => {
      const { name, selector } = ruleKey(prefix, key);
      const cls = `kb-${prefix}-${name}`;
      const at = selector.indexOf(" @media ");
      const rule = `.${cls}.${cls}${at >= 0 ? selector.slice(0, at) : selector}{${body}}`;
      return at >= 0 ? `${selector.slice(at + 1)}{${rule}}\n` : `${rule}\n`;
    })
    .join("");
}

/**
 * A component's class names when its rules are in the CSS file already (the production
 * build's form of staticStyles): any name asked for is `kb-<prefix>-<name>`. TypeScript
 * has checked the names against the rules in the source the build rewrote.
 */
export function staticClassNames<N extends string>(prefix: string): Record<N, string> {
  return new Proxy({} as Record<N, string>, { get: (_, name) => (typeof name === "string" ? `kb-${prefix}-${name}` : undefined) });
}

export function staticStyles<K extends string>(prefix: string, rules: Record<K, string>): ClassNames<K> {
  const names: Record<string, string> = {};
  for (const key of Object.keys(rules)) {
    const { name } = ruleKey(prefix, key);
    names[name] = `kb-${prefix}-${name}`;
  }
  if (!installed.has(prefix)) {
    installed.add(prefix);
    pending += staticCss(prefix, rules);
    flush();
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
