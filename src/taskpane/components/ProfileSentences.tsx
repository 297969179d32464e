import { Button, Text, tokens } from "@fluentui/react-components";
import { Caption1 } from "../controls";
import { useState } from "react";
import type { Lang, Profile } from "../../kostra/types";
import type { Messages } from "../i18n";
import { copyText } from "../services/clipboardText";
import { staticStyles } from "../styles";
import { domain } from "../domain";

const styles = staticStyles("sentences", {
  section: `display:flex;flex-direction:column;row-gap:${tokens.spacingVerticalXS};min-width:0;`,
  heading: "margin:0;",
  list: `margin:0;padding-left:${tokens.spacingHorizontalL};display:flex;flex-direction:column;row-gap:${tokens.spacingVerticalXS};overflow-wrap:anywhere;user-select:text;`,
  row: `display:flex;flex-wrap:wrap;align-items:center;column-gap:${tokens.spacingHorizontalS};row-gap:${tokens.spacingVerticalXS};`,
  note: `flex-basis:100%;color:${tokens.colorNeutralForeground2};`,
  problem: `flex-basis:100%;color:${tokens.colorPaletteDarkOrangeForeground1};`,
});

/** What the last press did, and to which text: a changed profile does not carry the old outcome. */
type State = { kind: "idle" } | { kind: "copied" | "refused"; text: string };

export interface ProfileSentencesProps {
  profile: Profile;
  lang: Lang;
  t: Messages;
  /** Per cent around the average that is "på nivå med snittet"; the rule's default when absent. */
  band?: number;
}

/**
 * The profile in sentences, one per indicator — the words the profile sheet's formulas
 * give (src/kostra/sentences.ts) — and "Kopier tekst": plain text, one sentence per line,
 * to paste into the analysis in Word. What happened is announced in a status line.
 */
export function ProfileSentences({ profile, lang, t, band }: ProfileSentencesProps) {
  const sentences = domain().profileSentences(profile, lang, band);
  // One sentence per line, as Word takes a paragraph per line.
  const text = sentences.join("\n") + "\n";
  const [state, setState] = useState<State>({ kind: "idle" });
  const copy = async () => {
    const outcome = await copyText(text);
    setState({ kind: outcome.kind, text });
  };
  const shown = state.kind !== "idle" && state.text === text ? state.kind : "idle";
  return (
    <section className={styles.section} aria-labelledby="sentences-heading">
      <Text as="h3" id="sentences-heading" size={300} weight="semibold" className={styles.heading}>
        {t.sentencesHeading}
      </Text>
      <ul className={styles.list} data-testid="profile-sentences">
        {sentences.map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ul>
      <div className={styles.row}>
        <Button onClick={() => void copy()}>{t.copyText}</Button>
        <Caption1 role="status" className={shown === "refused" ? styles.problem : styles.note}>
          {shown === "copied" ? t.textCopied(sentences.length) : shown === "refused" ? t.textCopyRefused : ""}
        </Caption1>
      </div>
    </section>
  );
}
