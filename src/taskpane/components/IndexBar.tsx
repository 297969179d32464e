import { tokens, typographyStyles } from "@fluentui/react-components";

import { useState } from "react";

import type { Lang, ProfileRow } from "../../kostra/types";
import type { Messages } from "../i18n";
import { staticStyles, typography } from "../styles";
import { domain } from "../domain";


/*
 * Drawn with borders as well as fills: in Windows high contrast (forced colours) fills
 * are dropped but borders stay, so the range, the average line and the marker remain
 * visible in the system's colours. The figures show in a tip on hover and on keyboard
 * focus (Escape hides it); the same text is the bar's accessible name.
 */
const styles = staticStyles("bar", {
  wrap: `position:relative;margin:${tokens.spacingVerticalXS} 0;`,
  bar: `position:relative;height:20px;border-radius:${tokens.borderRadiusSmall};outline-style:none;`,
  "bar:focus-visible": `outline:${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2};outline-offset:${tokens.strokeWidthThick};`,
  track: `position:absolute;left:0;right:0;top:9px;border-top:${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1};`,
  range: `position:absolute;top:4px;height:10px;min-width:2px;box-sizing:border-box;background-color:${tokens.colorBrandBackground2};border:${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2};border-radius:${tokens.borderRadiusSmall};`,
  average: `position:absolute;top:0;bottom:0;width:0;margin-left:-1px;border-left:${tokens.strokeWidthThin} dashed ${tokens.colorNeutralForeground1};`,
  focal: `position:absolute;top:1px;bottom:1px;width:0;margin-left:-2px;border-left:${tokens.strokeWidthThickest} solid ${tokens.colorBrandForeground1};`,
  tip:
    `${typography(typographyStyles.caption1)}position:absolute;z-index:1;top:100%;left:0;right:0;margin-top:${tokens.spacingVerticalXS};` +
    `padding:${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS};color:${tokens.colorNeutralForeground1};background-color:${tokens.colorNeutralBackground1};` +
    `border:${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1};border-radius:${tokens.borderRadiusMedium};box-shadow:${tokens.shadow8};`,
});

export interface IndexBarProps {
  row: ProfileRow;
  focalName: string;
  networkName: string;
  lang: Lang;
  t: Messages;
}

/** Scale end: at least 200, rounded up to a multiple of 50 so 100 stays in view. */
function scaleMax(values: (number | null | undefined)[]): number {
  const max = Math.max(200, ...values.filter((v): v is number => typeof v === "number" && Number.isFinite(v)));
  return Math.ceil(max / 50) * 50;
}

const pct = (value: number, max: number) => `${Math.min(100, Math.max(0, (value / max) * 100))}%`;

/** The row's index beside the network (average = 100) and its lowest–highest range. */
export function IndexBar({ row, focalName, networkName, lang, t }: IndexBarProps) {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  if (row.average === null || !(row.average > 0)) return null;
  const low = row.lowest?.index ?? null;
  const high = row.highest?.index ?? null;
  const max = scaleMax([row.index, low, high]);
  const fmt = (v: number) => domain().formatNumber(v, 1, lang);

  const label = [
    row.index === null ? t.barFocalMissing(focalName) : t.barFocal(focalName, fmt(row.index)),
    ...(row.lowest && low !== null ? [t.barLowest(row.lowest.municipality.name, fmt(low))] : []),
    ...(row.highest && high !== null ? [t.barHighest(row.highest.municipality.name, fmt(high))] : []),
    t.barAverage(networkName),
  ].join("; ");
  const open = (hovered || focused) && !dismissed;

  return (
    // The tip is inside the hovered area, so moving the pointer onto it keeps it open.
    <div
      className={styles.wrap}
      onMouseEnter={() => {
        setHovered(true);
        setDismissed(false);
      }}
      onMouseLeave={() => setHovered(false)}
    >
      <div
        className={styles.bar}
        role="img"
        aria-label={label}
        tabIndex={0}
        onFocus={() => {
          setFocused(true);
          setDismissed(false);
        }}
        onBlur={() => setFocused(false)}
        onKeyDown={(e) => {
          if (e.key === "Escape" && open) {
            e.stopPropagation();
            setDismissed(true);
          }
        }}
      >
        <div className={styles.track} />
        {low !== null && high !== null && <div className={styles.range} style={{ left: pct(low, max), width: `calc(${pct(high, max)} - ${pct(low, max)})` }} />}
        <div className={styles.average} style={{ left: pct(100, max) }} />
        {row.index !== null && <div className={styles.focal} style={{ left: pct(row.index, max) }} />}
      </div>
      {open && (
        <div className={styles.tip} aria-hidden="true">
          {label}
        </div>
      )}
    </div>
  );
}
