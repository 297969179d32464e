/**
 * Fluent's light theme as CSS variables on the page's root element. FluentProvider would
 * compute them from the theme object at run time and insert them into a <style> element;
 * the theme's palettes would ride in the first script for that. Here the build computes
 * the rule (styles.ts: staticStyles, extracted into the CSS file in production) and the
 * first script only names its class. Everything inside the page inherits the variables,
 * portals (dialogs) in <body> included. The high-contrast theme (forced colours) still
 * comes through FluentProvider, whose variables on its own element win over these.
 */
import { webLightTheme, type Theme } from "@fluentui/react-components";
import { staticStyles } from "./styles";

/** A theme as CSS custom property declarations ("--colorNeutralBackground1:#ffffff;…"). */
export function themeVariables(theme: Partial<Theme>): string {
  return Object.entries(theme)
    .map(([name, value]) => `--${name}:${listWithoutSpaces(String(value))};`)
    .join("");
}

/**
 * A value's top-level list without the spaces after its commas ("'Segoe UI', Roboto" →
 * "'Segoe UI',Roboto"; inside parentheses as written): the same value, in the form
 * Griffel's CSS compiler gives the built CSS file, so the rule a development build inserts
 * is the very text the production build extracts.
 */
function listWithoutSpaces(value: string): string {
  let depth = 0;
  let out = "";
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === "(") depth++;
    if (c === ")") depth--;
    out += c;
    if (c === "," && depth === 0) while (value[i + 1] === " ") i++;
  }
  return out;
}

const styles = staticStyles("theme", { light: themeVariables(webLightTheme) });

/** Puts the light theme's variables on the page's root element (once; later calls change nothing). */
export function applyLightTheme(root: HTMLElement = document.documentElement): void {
  root.classList.add(styles.light);
}
