import { Caption1, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  stat: { display: "flex", flexDirection: "column", minWidth: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
    overflowWrap: "anywhere",
  },
  emphasis: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  note: { margin: 0, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
});

export interface StatProps {
  term: string;
  value: string;
  /** A second line: who holds the value, or what a status symbol means. */
  note?: string;
  emphasis?: boolean;
}

/** One labelled figure of a profile row, as a term/description pair inside a <dl>. */
export function Stat({ term, value, note, emphasis }: StatProps) {
  const styles = useStyles();
  return (
    <div className={styles.stat}>
      <Caption1 as="dt" className={styles.term}>
        {term}
      </Caption1>
      <dd className={emphasis ? `${styles.value} ${styles.emphasis}` : styles.value}>{value}</dd>
      {note && (
        <Caption1 as="dd" className={styles.note}>
          {note}
        </Caption1>
      )}
    </div>
  );
}
