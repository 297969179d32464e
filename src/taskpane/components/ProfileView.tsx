import { Caption1, Text, tokens } from "@fluentui/react-components";
import { Fragment } from "react";
import type { Lang, Profile } from "../../kostra/types";
import type { Messages } from "../i18n";
import { staticStyles } from "../styles";
import { IndicatorCard } from "./IndicatorCard";
import { domain } from "../domain";

const styles = staticStyles("profile", {
  section: `display:flex;flex-direction:column;row-gap:${tokens.spacingVerticalS};`,
  heading: "margin:0;",
  groupHeading: `margin:${tokens.spacingVerticalS} 0 0 0;`,
  rule: `color:${tokens.colorNeutralForeground2};`,
  list: `display:flex;flex-direction:column;row-gap:${tokens.spacingVerticalS};`,
});

export interface ProfileViewProps {
  profile: Profile;
  lang: Lang;
  t: Messages;
}

/** The benchmark profile: how the index reads, then one card per indicator under the template's headings. */
export function ProfileView({ profile, lang, t }: ProfileViewProps) {
  const { sector, focal, network } = profile;
  // What = 100: the network's own average, or the figure SSB publishes (KOSTRA group, Landet uten Oslo).
  const averageName = domain().averageName(profile, lang);
  const groups = new Map((sector.groups ?? []).map((g) => [g.from, g.label[lang]]));
  const cardHeading = groups.size > 0 ? "h4" : "h3";

  return (
    <section className={styles.section} aria-labelledby="profile-heading">
      <Text as="h2" id="profile-heading" size={400} weight="semibold" className={styles.heading}>
        {t.profileHeading(focal.name, profile.year)}
      </Text>
      <Caption1 className={styles.rule}>
        {t.indexRule(averageName)} {t.barLegend(focal.name)}
      </Caption1>
      {!profile.focalInNetwork && !profile.base && profile.members.length > 0 && (
        <Caption1 role="note">{t.focalNotInNetwork(focal.name, network.shortName, profile.year)}</Caption1>
      )}
      <div className={styles.list}>
        {profile.rows.map((row) => (
          <Fragment key={row.indicator.id}>
            {groups.has(row.indicator.id) && (
              <Text as="h3" size={300} weight="semibold" className={styles.groupHeading}>
                {groups.get(row.indicator.id)}
              </Text>
            )}
            <IndicatorCard
              row={row}
              focal={focal}
              networkName={averageName}
              mark={domain().simpleMark(row, profile.options)}
              lang={lang}
              t={t}
              headingLevel={cardHeading}
            />
          </Fragment>
        ))}
      </div>
    </section>
  );
}
