import { tokens, typographyStyles } from "@fluentui/react-components";
import { cx, staticStyles, typography } from "../styles";

const styles = staticStyles("stat", {
  stat: "display:flex;flex-direction:column;min-width:0;",
  term: `${typography(typographyStyles.caption1)}color:${tokens.colorNeutralForeground3};`,
  value: `${typography(typographyStyles.body1Strong)}margin:0;font-variant-numeric:tabular-nums;overflow-wrap:anywhere;`,
  emphasis: typography(typographyStyles.subtitle2),
  quiet: `${typography(typographyStyles.caption1)}color:${tokens.colorNeutralForeground2};`,
  note: `${typography(typographyStyles.caption1)}margin:0;color:${tokens.colorNeutralForeground2};overflow-wrap:anywhere;`,
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
  return (
    <div className={styles.stat}>
      <dt className={styles.term}>{term}</dt>
      <dd className={cx(styles.value, emphasis && styles.emphasis, quiet && styles.quiet)}>{value}</dd>
      {note && <dd className={styles.note}>{note}</dd>}
    </div>
  );
}
