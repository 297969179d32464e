import { tokens } from "@fluentui/react-components";

/**
 * The frame Fluent draws around an outline Select or Input: a thin border, darker at the
 * bottom, and the brand-coloured underline that grows while the control has the focus.
 * Each control spreads these into its own staticStyles (the rules are written once per
 * control's prefix). A function, so that only the build (which computes the rules) calls
 * it and nothing of it reaches the pane's scripts.
 */
export const boxRules = () => ({
  root: `position:relative;display:flex;align-items:center;min-width:0;min-height:32px;box-sizing:border-box;border:1px solid ${tokens.colorNeutralStroke1};border-bottom-color:${tokens.colorNeutralStrokeAccessible};border-radius:${tokens.borderRadiusMedium};background:${tokens.colorNeutralBackground1};color:${tokens.colorNeutralForeground1};`,
  "root:hover": `border-color:${tokens.colorNeutralStroke1Hover};border-bottom-color:${tokens.colorNeutralStrokeAccessibleHover};`,
  "root::after": `content:"";position:absolute;left:-1px;right:-1px;bottom:-1px;height:2px;border-bottom-left-radius:${tokens.borderRadiusMedium};border-bottom-right-radius:${tokens.borderRadiusMedium};background:${tokens.colorCompoundBrandStroke};transform:scaleX(0);transition:transform 100ms;pointer-events:none;`,
  "root:focus-within::after": "transform:scaleX(1);",
  // In Windows' high-contrast colours the underline's background is not drawn: an outline shows the focus.
  "root:focus-within": "outline:2px solid transparent;outline-offset:1px;",
  disabled: `border-color:${tokens.colorNeutralStrokeDisabled};color:${tokens.colorNeutralForegroundDisabled};cursor:not-allowed;`,
  "disabled:hover": `border-color:${tokens.colorNeutralStrokeDisabled};`,
  invalid: `border-color:${tokens.colorPaletteRedBorder2};`,
  "invalid:hover": `border-color:${tokens.colorPaletteRedBorder2};`,
});
