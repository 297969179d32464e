import { Caption1, Text, tokens } from "@fluentui/react-components";

import { useId } from "react";

import type { Extreme, Lang, MunicipalityRef, ProfileRow } from "../../kostra/types";
import type { Messages } from "../i18n";
import { staticStyles } from "../styles";

import { IndexBar } from "./IndexBar";

import { Stat } from "./Stat";
import { domain } from "../domain";


const styles = staticStyles("card", {
  card: `display:flex;flex-direction:column;row-gap:${tokens.spacingVerticalXS};padding:${tokens.spacingVerticalS} ${tokens.spacingHorizontalM};border-radius:${tokens.borderRadiusMedium};border:${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2};background-color:${tokens.colorNeutralBackground1};`,
  title: "margin:0;",
  unit: `color:${tokens.colorNeutralForeground3};`,
  stats: `display:grid;grid-template-columns:repeat(3, minmax(0, 1fr));column-gap:${tokens.spacingHorizontalS};row-gap:${tokens.spacingVerticalS};margin:0;`,
  problem: `color:${tokens.colorPaletteDarkOrangeForeground1};`,
  problemQuiet: `color:${tokens.colorNeutralForeground2};`,
});

export interface IndicatorCardProps {
  row: ProfileRow;
  focal: MunicipalityRef;
  networkName: string;
  /** " *" after the label of a row "as KS" averages simply (as on the sheets), else "". */
  mark?: string;
  lang: Lang;
  t: Messages;
  headingLevel: "h3" | "h4";
}

/** One indicator of the profile: the municipality's value beside the network's average, extremes and index. */
export function IndicatorCard({ row, focal, networkName, mark = "", lang, t, headingLevel }: IndicatorCardProps) {
  const titleId = useId();
  const { indicator } = row;
  const notComputed = { value: t.notComputed, quiet: true };
  const num = (v: number | null, decimals = indicator.decimals) =>
    v === null ? notComputed : { value: domain().formatNumber(v, decimals, lang) };
  const extreme = (e: Extreme | null) =>
    e === null ? notComputed : { value: domain().formatNumber(e.value, indicator.decimals, lang), note: e.municipality.name };

  const focalValue =
    row.value === null
      ? { value: row.status ?? "..", note: domain().describeStatus(row.status, lang) }
      : { value: domain().formatNumber(row.value, indicator.decimals, lang) };

  return (
    <article className={styles.card} aria-labelledby={titleId}>
      <Text as={headingLevel} id={titleId} size={300} weight="semibold" className={styles.title}>
        {indicator.label[lang] + mark}
      </Text>
      <Caption1 className={styles.unit}>
        {indicator.unit[lang]}
        {indicator.confidence === "low" && ` · ${t.mappingUncertain}`}
      </Caption1>
      <IndexBar row={row} focalName={focal.name} networkName={networkName} lang={lang} t={t} />
      <dl className={styles.stats}>
        <Stat term={focal.name} {...focalValue} />
        <Stat term={t.average(networkName)} {...num(row.average)} />
        <Stat term={t.index} {...num(row.index, 1)} emphasis />
        {row.references.map((r) => (
          <Stat
            key={r.municipality.id}
            term={r.municipality.name}
            {...(r.value === null
              ? { value: r.status ?? "..", note: domain().describeStatus(r.status, lang), quiet: true }
              : { value: domain().formatNumber(r.value, indicator.decimals, lang), ...(r.index === null ? {} : { note: `${t.index} ${domain().formatNumber(r.index, 1, lang)}` }) })}
          />
        ))}
        {/* Without network members (only a published average) there is no lowest, highest or coverage. */}
        {row.of > 0 && (
          <>
            <Stat term={t.lowest} {...extreme(row.lowest)} />
            <Stat term={t.highest} {...extreme(row.highest)} />
            <Stat term={t.coverage} value={t.coverageValue(row.n, row.of)} />
          </>
        )}
      </dl>
      {row.problem && (
        <Caption1
          role="note"
          className={row.problem.code === "focal-missing" ? styles.problemQuiet : styles.problem}
        >
          {domain().describeProblem(row.problem, lang, focal.name)}
        </Caption1>
      )}
    </article>
  );
}
