import { tokens } from "@fluentui/react-components";
import { forwardRef, useEffect, useId, useRef, useState } from "react";
import type { Lang } from "../../kostra/types";
import type { Messages } from "../i18n";
import { chartLayout, FONT_SIZE, TITLE_SIZE, xOf, type ChartLayout, type Glyph, type LegendEntry } from "../state/chartLayout";
import { place, shapeOf, type PictureMark, type PictureRow, type ProfilePicture } from "../state/picture";
import { staticStyles } from "../styles";
import { domain } from "../domain";

/*
 * Colours come from Fluent's tokens through classes, so the chart follows the theme; every
 * mark also has its own shape, so it reads without colour (and in forced-colour modes).
 */
const MARK_COLOURS = [
  tokens.colorBrandForeground1,
  tokens.colorPaletteDarkOrangeForeground1,
  tokens.colorPaletteGreenForeground1,
  tokens.colorPaletteBerryForeground1,
  tokens.colorPaletteNavyForeground2,
  tokens.colorPaletteBrownForeground2,
];
const markRules = Object.fromEntries(
  MARK_COLOURS.map((c, i) => [`mark${i}`, `fill:${c};stroke:${tokens.colorNeutralBackground1};stroke-width:1.5px;`]),
) as Record<`mark${0 | 1 | 2 | 3 | 4 | 5}`, string>;

const styles = staticStyles("chart", {
  wrap: `min-width:0;background-color:${tokens.colorNeutralBackground1};`,
  svg: `display:block;width:100%;height:auto;overflow:visible;font-family:${tokens.fontFamilyBase};outline-style:none;border-radius:${tokens.borderRadiusMedium};`,
  "svg:focus-visible": `outline:${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2};outline-offset:${tokens.strokeWidthThick};`,
  // A halo in the background colour keeps names readable where the grid and the 100 line cross them.
  text: `fill:${tokens.colorNeutralForeground1};font-size:${FONT_SIZE}px;paint-order:stroke;stroke:${tokens.colorNeutralBackground1};stroke-width:3px;stroke-linejoin:round;`,
  title: `fill:${tokens.colorNeutralForeground1};font-size:${TITLE_SIZE}px;font-weight:${tokens.fontWeightSemibold};`,
  arrow: `fill:${tokens.colorNeutralForeground1};`,
  tick: `fill:${tokens.colorNeutralForeground2};font-size:11px;`,
  grid: `stroke:${tokens.colorNeutralStroke2};stroke-width:1px;`,
  average: `stroke:${tokens.colorNeutralForeground1};stroke-width:2px;stroke-dasharray:5 3;`,
  track: `stroke:${tokens.colorNeutralStroke1};stroke-width:1px;`,
  range: `fill:${tokens.colorBrandBackground2};stroke:${tokens.colorBrandStroke1};stroke-width:1px;`,
  ...markRules,
});

const markClass = (symbol: number) => styles[`mark${shapeOf(symbol) as 0 | 1 | 2 | 3 | 4 | 5}`];

/** A mark's symbol centred on (x, y): a circle for the municipality, then diamond, triangle, square, triangle down, cross. */
function Symbol({ symbol, x, y, r = 6 }: { symbol: number; x: number; y: number; r?: number }) {
  const cls = markClass(symbol);
  switch (shapeOf(symbol)) {
    case 0:
      return <circle className={cls} cx={x} cy={y} r={r} />;
    case 1:
      return <path className={cls} d={`M${x} ${y - r - 1}L${x + r + 1} ${y}L${x} ${y + r + 1}L${x - r - 1} ${y}Z`} />;
    case 2:
      return <path className={cls} d={`M${x} ${y - r - 1}L${x + r + 1} ${y + r}L${x - r - 1} ${y + r}Z`} />;
    case 3:
      return <rect className={cls} x={x - r + 1} y={y - r + 1} width={2 * r - 2} height={2 * r - 2} />;
    case 4:
      return <path className={cls} d={`M${x} ${y + r + 1}L${x + r + 1} ${y - r}L${x - r - 1} ${y - r}Z`} />;
    default: {
      const a = r - 1;
      const b = 2;
      return <path className={cls} d={`M${x - a} ${y - b}H${x - b}V${y - a}H${x + b}V${y - b}H${x + a}V${y + b}H${x + b}V${y + a}H${x - b}V${y + b}H${x - a}Z`} />;
    }
  }
}

function LegendGlyph({ glyph, x, y }: { glyph: Glyph; x: number; y: number }) {
  if (glyph === "range") return <rect className={styles.range} x={x} y={y - 5} width={12} height={10} rx={2} />;
  if (glyph === "average") return <line className={styles.average} x1={x + 6} x2={x + 6} y1={y - 7} y2={y + 7} />;
  return <Symbol symbol={glyph} x={x + 6} y={y} r={5} />;
}

function Band({ row, layout, picture, bandY }: { row: PictureRow; layout: ChartLayout; picture: ProfilePicture; bandY: number }) {
  const { scale } = picture;
  const mid = bandY + layout.band / 2;
  const range = row.range;
  // The municipality is drawn last, on top of the others.
  const marks = [...row.marks].filter((m): m is PictureMark & { index: number } => m.index !== null).reverse();
  return (
    <g>
      <line className={styles.track} x1={layout.plotLeft} x2={layout.plotRight} y1={mid} y2={mid} />
      {range && (
        <rect
          className={styles.range}
          x={xOf(layout, scale, range.low)}
          y={bandY + 2}
          width={Math.max(2, xOf(layout, scale, range.high) - xOf(layout, scale, range.low))}
          height={layout.band - 4}
          rx={2}
        />
      )}
      {marks.map((m) => {
        const { beyond } = place(scale, m.index);
        const x = xOf(layout, scale, m.index);
        return (
          <g key={`${m.kind}-${m.who.id}`}>
            <Symbol symbol={m.symbol} x={x} y={mid} />
            {/* Off the scale: an arrow says the figure lies further out (its number is in the table). */}
            {beyond && <path className={styles.arrow} d={beyond === "above" ? `M${x + 8} ${mid - 4}L${x + 12} ${mid}L${x + 8} ${mid + 4}Z` : `M${x - 8} ${mid - 4}L${x - 12} ${mid}L${x - 8} ${mid + 4}Z`} />}
          </g>
        );
      })}
    </g>
  );
}

/** The width the chart gets: its container's, followed as the pane is resized. */
function useWidth(): [React.RefObject<HTMLDivElement>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(320);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => el.clientWidth > 0 && setWidth(el.clientWidth);
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

export interface ProfileChartProps {
  picture: ProfilePicture;
  title: string;
  legend: LegendEntry[];
  /** Who is what in the picture's text alternative. */
  networkName: string;
  lang: Lang;
  t: Messages;
}

/** The text alternative's detail: each indicator's marks and range, in the picture's order. */
export function chartDescription(picture: ProfilePicture, lang: Lang, t: Messages): string {
  const fmt = (v: number) => domain().formatNumber(v, 0, lang);
  return picture.rows
    .map(({ row, label, marks }) => {
      const who = marks.map((m) => (m.index === null ? t.chartNoIndex(m.who.name) : t.chartIndex(m.who.name, fmt(m.index))));
      const range = row.lowest && row.highest && row.lowest.index !== null && row.highest.index !== null
        ? [t.chartRange(fmt(row.lowest.index), row.lowest.municipality.name, fmt(row.highest.index), row.highest.municipality.name)]
        : [];
      return `${label}: ${[...who, ...range].join(", ")}.`;
    })
    .join(" ");
}

/**
 * The tjenesteprofil chart: one band per indicator on a common index scale, the average's
 * line at 100, the lowest–highest range and the marks, a legend. An image for assistive
 * technology, named by its title and described by its summary and each indicator's figures.
 */
export const ProfileChart = forwardRef<SVGSVGElement, ProfileChartProps>(function ProfileChart({ picture, title, legend, networkName, lang, t }, svgRef) {
  const [wrapRef, width] = useWidth();
  const id = useId();
  const layout = chartLayout(picture, width, title, legend);
  const { scale } = picture;
  const summary = t.chartSummary(picture.legend[0]?.who.name ?? "", picture.rows.length, networkName);
  return (
    <div ref={wrapRef} className={styles.wrap}>
      <svg
        ref={svgRef}
        className={styles.svg}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        tabIndex={0}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{`${summary} ${chartDescription(picture, lang, t)}`}</desc>
        {layout.title.map((l) => (
          <text key={l.y} className={styles.title} x={8} y={l.y}>
            {l.text}
          </text>
        ))}
        {scale.ticks.map((v) => (
          <g key={v}>
            <line className={v === 100 ? styles.average : styles.grid} x1={xOf(layout, scale, v)} x2={xOf(layout, scale, v)} y1={layout.gridTop} y2={layout.gridBottom} />
            <text className={styles.tick} x={xOf(layout, scale, v)} y={layout.axisY} textAnchor="middle">
              {domain().formatNumber(v, 0, lang)}
            </text>
          </g>
        ))}
        {picture.rows.map((row, i) => (
          <g key={row.row.indicator.id}>
            {layout.rows[i].lines.map((l) => (
              <text key={l.y} className={styles.text} x={8} y={l.y}>
                {l.text}
              </text>
            ))}
            <Band row={row} layout={layout} picture={picture} bandY={layout.rows[i].bandY} />
          </g>
        ))}
        {layout.legend.map((item) => (
          <g key={`${item.glyph}-${item.text}`}>
            <LegendGlyph glyph={item.glyph} x={item.x} y={item.y - 4} />
            {item.lines.map((line, k) => (
              <text key={k} className={styles.text} x={item.x + 16} y={item.y + k * 16}>
                {line}
              </text>
            ))}
          </g>
        ))}
      </svg>
    </div>
  );
});
