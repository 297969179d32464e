import { tokens, typographyStyles } from "@fluentui/react-components";
import { Fragment, useId } from "react";
import type { Lang, Profile } from "../../kostra/types";
import type { Messages } from "../i18n";
import type { ProfilePicture } from "../state/picture";
import { cx, staticStyles, typography } from "../styles";
import { domain } from "../domain";

/*
 * Narrow first: each indicator's name is a full-width row over its figures, so a long
 * name wraps instead of squeezing the numbers. Every figure cell names its column and its
 * indicator (headers=…), so a screen reader reads "Bærum, Netto driftsutgifter …, 141".
 * The table scrolls inside its own focusable region when the figures are wider than the
 * pane; the pane itself never scrolls sideways.
 */
const styles = staticStyles("ptable", {
  region: `overflow-x:auto;max-width:100%;border-radius:${tokens.borderRadiusMedium};outline-style:none;`,
  "region:focus-visible": `outline:${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2};outline-offset:${tokens.strokeWidthThin};`,
  table: `${typography(typographyStyles.caption1)}width:100%;border-collapse:collapse;color:${tokens.colorNeutralForeground1};`,
  caption: `${typography(typographyStyles.body1Strong)}text-align:left;padding-bottom:${tokens.spacingVerticalXS};`,
  col: `font-weight:${tokens.fontWeightSemibold};text-align:right;vertical-align:bottom;padding:${tokens.spacingVerticalXXS} 0 ${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS};border-bottom:${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1};`,
  group: `${typography(typographyStyles.body1Strong)}text-align:left;padding:${tokens.spacingVerticalS} 0 0 0;`,
  name: `font-weight:${tokens.fontWeightSemibold};text-align:left;padding:${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS} 0;overflow-wrap:anywhere;hyphens:auto;`,
  note: `display:block;font-weight:${tokens.fontWeightRegular};color:${tokens.colorNeutralForeground2};`,
  warn: `display:block;font-weight:${tokens.fontWeightRegular};color:${tokens.colorPaletteDarkOrangeForeground1};`,
  cell: `text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums;padding:${tokens.spacingVerticalXXS} 0 ${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS};border-bottom:${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2};`,
  // The range may break after its dash, so a 320 px pane holds every column.
  span: "white-space:normal;",
  quiet: `color:${tokens.colorNeutralForeground2};`,
  strong: `font-weight:${tokens.fontWeightSemibold};`,
});

export interface ProfileTableProps {
  profile: Profile;
  picture: ProfilePicture;
  networkName: string;
  lang: Lang;
  t: Messages;
}

/** The numbers behind the chart: each indicator's value, average, index and rank, the others' index and the network's range. */
export function ProfileTable({ profile, picture, networkName, lang, t }: ProfileTableProps) {
  const id = useId();
  const { focal } = profile;
  const others = picture.legend.slice(1);
  const fmt = (v: number | null, decimals: number) => (v === null ? null : domain().formatNumber(v, decimals, lang));
  const columns = [
    { key: "value", label: focal.name },
    { key: "average", label: t.average(networkName) },
    { key: "index", label: t.index },
    { key: "rank", label: t.rank },
    ...others.map((o, i) => ({ key: `other${i}`, label: t.otherIndex(o.who.name) })),
    ...(profile.members.length > 0 ? [{ key: "span", label: t.span }] : []),
  ];
  const colId = (key: string) => `${id}-c-${key}`;
  const groups = new Map((profile.sector.groups ?? []).map((g) => [g.from, g.label[lang]]));

  return (
    <div className={styles.region} role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className={styles.table}>
        <caption id={`${id}-caption`} className={styles.caption}>
          {t.tableCaption(focal.name, profile.year)}
          <span className={styles.note}>{t.rankNote}</span>
        </caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} id={colId(c.key)} scope="col" className={styles.col}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        {picture.rows.map(({ row, label }, i) => {
          const nameId = `${id}-r-${i}`;
          const { indicator } = row;
          const focalValue = row.value === null ? { text: row.status ?? "..", title: domain().describeStatus(row.status, lang) } : { text: fmt(row.value, indicator.decimals)! };
          const cells: { key: string; text: string; title?: string; quiet?: boolean; strong?: boolean; wraps?: boolean }[] = [
            { key: "value", ...focalValue, quiet: row.value === null },
            { key: "average", text: fmt(row.average, indicator.decimals) ?? t.notComputed, quiet: row.average === null },
            { key: "index", text: fmt(row.index, 1) ?? t.notComputed, quiet: row.index === null, strong: row.index !== null },
            { key: "rank", text: row.rank === null ? "–" : t.rankValue(String(row.rank), row.rankOf), quiet: row.rank === null },
            ...[...row.comparisons, ...row.references].map((o, k) => ({
              key: `other${k}`,
              text: fmt(o.index, 1) ?? (o.value === null ? (o.status ?? "..") : t.notComputed),
              ...(o.value === null ? { title: domain().describeStatus(o.status, lang) } : {}),
              quiet: o.index === null,
            })),
            ...(profile.members.length > 0
              ? [{ key: "span", text: row.lowest?.index != null && row.highest?.index != null ? `${fmt(row.lowest.index, 0)}–${fmt(row.highest.index, 0)}` : "–", quiet: row.lowest?.index == null, wraps: true }]
              : []),
          ];
          return (
            <Fragment key={indicator.id}>
              {groups.has(indicator.id) && (
                <tbody>
                  <tr>
                    <th colSpan={columns.length} scope="colgroup" className={styles.group}>
                      {groups.get(indicator.id)}
                    </th>
                  </tr>
                </tbody>
              )}
              <tbody aria-labelledby={`${nameId}-label`}>
                <tr>
                  <th id={nameId} colSpan={columns.length} scope="rowgroup" className={styles.name}>
                    <span id={`${nameId}-label`}>{label}</span>
                    <span className={styles.note}>
                      {indicator.unit[lang]}
                      {indicator.confidence === "low" && ` · ${t.mappingUncertain}`}
                    </span>
                    {row.lowest && row.highest && <span className={styles.note}>{t.extremes(row.lowest.municipality.name, row.highest.municipality.name)}</span>}
                    {row.of > 0 && row.n < row.of && <span className={styles.note}>{t.coverageNote(row.n, row.of)}</span>}
                    {row.problem && (
                      <span role="note" className={row.problem.code === "focal-missing" ? styles.note : styles.warn}>
                        {domain().describeProblem(row.problem, lang, focal.name)}
                      </span>
                    )}
                  </th>
                </tr>
                <tr>
                  {cells.map((c) => (
                    <td
                      key={c.key}
                      headers={`${colId(c.key)} ${nameId}`}
                      className={cx(styles.cell, c.quiet && styles.quiet, c.strong && styles.strong, c.wraps && styles.span)}
                      title={c.title}
                    >
                      {c.text}
                    </td>
                  ))}
                </tr>
              </tbody>
            </Fragment>
          );
        })}
      </table>
    </div>
  );
}
