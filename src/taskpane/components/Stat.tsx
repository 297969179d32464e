import { makeStyles, mergeClasses, tokens, typographyStyles } from "@fluentui/react-components";

const useStyles = makeStyles({
  stat: { display: "flex", flexDirection: "column", minWidth: 0 },
  term: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground3 },
  value: {
    ...typographyStyles.body1Strong,
    margin: 0,
    fontVariantNumeric: "tabular-nums",
    overflowWrap: "anywhere",
  },
  emphasis: { ...typographyStyles.subtitle2 },
  quiet: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2 },
  note: { ...typographyStyles.caption1, margin: 0, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
});

export interface StatProps {
  term: string;
  value: string;
  /** A second line: who holds the value, or what a status symbol means. */
  note?: string;
  emphasis?: boolean;
  /** The value is a placeholder ("ikke beregnet"), not a figure. */
  quiet?: boolean;
}

/** One labelled figure of a profile row, as a term/description pair inside a <dl>. */
export function Stat({ term, value, note, emphasis, quiet }: StatProps) {
  const styles = useStyles();
  return (
    <div className={styles.stat}>
      <dt className={styles.term}>{term}</dt>
      <dd className={mergeClasses(styles.value, emphasis && styles.emphasis, quiet && styles.quiet)}>{value}</dd>
      {note && <dd className={styles.note}>{note}</dd>}
    </div>
  );
}
