/** Fluent's high-contrast theme, loaded only when Windows high contrast (forced colours) is on. */
export { teamsHighContrastTheme } from "@fluentui/react-components";
