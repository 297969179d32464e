import { tokens } from "@fluentui/react-components";
import type { HTMLAttributes, ReactNode } from "react";
import { cx, staticStyles } from "../styles";

/** Fluent's type ramp for the pane's text: captions, labels and the pane's title, as plain elements. */
const styles = staticStyles("text", {
  caption: `font-family:${tokens.fontFamilyBase};font-size:${tokens.fontSizeBase200};line-height:${tokens.lineHeightBase200};font-weight:${tokens.fontWeightRegular};`,
  body: `font-family:${tokens.fontFamilyBase};font-size:${tokens.fontSizeBase300};line-height:${tokens.lineHeightBase300};font-weight:${tokens.fontWeightRegular};color:${tokens.colorNeutralForeground1};`,
  title: `margin:0;font-family:${tokens.fontFamilyBase};font-size:${tokens.fontSizeBase400};line-height:${tokens.lineHeightBase400};font-weight:${tokens.fontWeightSemibold};`,
});

interface TextProps extends HTMLAttributes<HTMLElement> {
  as?: "span" | "p" | "div";
}

/** Small text (Fluent's Caption1): notes, reasons, statuses. */
export function Caption1({ as: As = "span", className, ...rest }: TextProps) {
  return <As {...rest} className={cx(styles.caption, className)} />;
}

/** Body text (Fluent's Body1), e.g. a group's label. */
export function Body1({ as: As = "span", className, ...rest }: TextProps) {
  return <As {...rest} className={cx(styles.body, className)} />;
}

/** The pane's title: a heading of the first level in Fluent's Subtitle2 size. */
export function PaneTitle({ className, children }: { className?: string; children: ReactNode }) {
  return <h1 className={cx(styles.title, className)}>{children}</h1>;
}
