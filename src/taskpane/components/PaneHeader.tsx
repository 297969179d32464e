import { tokens } from "@fluentui/react-components";
import { PaneTitle } from "../controls";
import type { ReactNode } from "react";
import { staticStyles } from "../styles";

const styles = staticStyles("header", {
  header: `display:flex;align-items:center;justify-content:space-between;flex-wrap:wrap;column-gap:${tokens.spacingHorizontalM};`,
  title: "margin:0;",
});

export interface PaneHeaderProps {
  title: string;
  /** Controls shown at the right end of the header. */
  children?: ReactNode;
}

export function PaneHeader({ title, children }: PaneHeaderProps) {
  return (
    <header className={styles.header}>
      <PaneTitle className={styles.title}>{title}</PaneTitle>
      {children}
    </header>
  );
}
