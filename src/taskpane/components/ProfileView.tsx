import { Text, tokens } from "@fluentui/react-components";
import { Caption1 } from "../controls";
import { useMemo, useRef } from "react";
import type { Lang, Profile } from "../../kostra/types";
import type { Messages } from "../i18n";
import type { LegendEntry } from "../state/chartLayout";
import { profilePicture } from "../state/picture";
import { slug } from "../state/slug";
import { staticStyles } from "../styles";
import { CopyFigure } from "./CopyFigure";
import { ProfileChart } from "./ProfileChart";
import { ProfileSentences } from "./ProfileSentences";
import { ProfileTable } from "./ProfileTable";
import { domain } from "../domain";

const styles = staticStyles("profile", {
  section: `display:flex;flex-direction:column;row-gap:${tokens.spacingVerticalS};min-width:0;`,
  heading: "margin:0;",
  rule: `color:${tokens.colorNeutralForeground2};`,
});

export interface ProfileViewProps {
  profile: Profile;
  /** The band of the sentences under the table; the rule's default when absent. */
  sentenceBand?: number;
  lang: Lang;
  t: Messages;
}

/**
 * The benchmark profile as economists know it from KS's tjenesteprofiler: one chart with
 * every indicator's index on a common scale (average = 100), a button that copies it as an
 * image for a report, and the numbers in a table under it. Loaded on demand with its chart.
 */
export function ProfileView({ profile, sentenceBand, lang, t }: ProfileViewProps) {
  const { sector, focal, network } = profile;
  const svg = useRef<SVGSVGElement>(null);
  // What = 100: the network's own average, or the figure SSB publishes (KOSTRA group, Landet uten Oslo).
  const averageName = domain().averageName(profile, lang);
  const picture = useMemo(() => profilePicture(profile, lang, (row) => domain().simpleMark(row, profile.options)), [profile, lang]);
  const legend: LegendEntry[] = [
    ...picture.legend.map((m) => ({ glyph: m.symbol, text: m.who.name })),
    ...(profile.members.length > 0 ? [{ glyph: "range" as const, text: t.legendRange(network.shortName) }] : []),
    { glyph: "average", text: t.legendAverage(averageName) },
  ];
  const title = t.chartTitle(sector.label[lang], profile.year, averageName);
  const fileName = `kostra-figur-${slug(sector.label[lang]) || "profil"}-${slug(focal.name) || "kommune"}-${profile.year}.png`;

  return (
    <section className={styles.section} aria-labelledby="profile-heading">
      <Text as="h2" id="profile-heading" size={400} weight="semibold" className={styles.heading}>
        {t.profileHeading(focal.name, profile.year)}
      </Text>
      <Caption1 className={styles.rule}>{t.indexRule(averageName)}</Caption1>
      {!profile.focalInNetwork && !profile.base && profile.members.length > 0 && (
        <Caption1 role="note">{t.focalNotInNetwork(focal.name, network.shortName, profile.year)}</Caption1>
      )}
      <ProfileChart ref={svg} picture={picture} title={title} legend={legend} networkName={averageName} lang={lang} t={t} />
      {/* A new picture starts without the last one's "copied" or "refused" line. */}
      <CopyFigure key={fileName} svg={svg} fileName={fileName} t={t} />
      <ProfileTable profile={profile} picture={picture} networkName={averageName} lang={lang} t={t} />
      <ProfileSentences profile={profile} band={sentenceBand} lang={lang} t={t} />
    </section>
  );
}

export default ProfileView;
