import { makeStyles, Text, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
  },
  title: { margin: 0 },
});

export interface PaneHeaderProps {
  title: string;
  /** Controls shown at the right end of the header. */
  children?: ReactNode;
}

export function PaneHeader({ title, children }: PaneHeaderProps) {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <Text as="h1" size={400} weight="semibold" className={styles.title}>
        {title}
      </Text>
      {children}
    </header>
  );
}
