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

/** A theme as CSS custom property declarations ("--colorNeutralBackground1: #ffffff;…"), as FluentProvider writes them. */
export function themeVariables(theme: Partial<Theme>): string {
  return Object.entries(theme)
    .map(([name, value]) => `--${name}:${String(value)};`)
    .join("");
}

const styles = staticStyles("theme", { light: themeVariables(webLightTheme) });

/** Puts the light theme's variables on the page's root element (once; later calls change nothing). */
export function applyLightTheme(root: HTMLElement = document.documentElement): void {
  root.classList.add(styles.light);
}
