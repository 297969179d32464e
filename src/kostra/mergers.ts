/**
 * Merged municipalities over time. SSB publishes each year on that year's municipal
 * structure, so Drammen's series has old Drammen (0602) up to 2019 and the merged
 * Drammen (Drammen + Nedre Eiker + Svelvik) from 2020: a break, not a trend.
 *
 * For the years before a merger this module finds the municipalities that make up the
 * present one (its predecessors, with the code each had that year) and computes a back
 * series where the figure allows it:
 * - amounts and counts (population too): the sum of the parts;
 * - per-capita figures: Σ amount ÷ Σ denominator (population, or the count the figure is
 *   per) — never an average of per-capita values. The amount comes from the amount series
 *   when the dataset has it for every part (`<id>:belop`), else value × denominator of
 *   each part, and the computed figure says so;
 * - shares and key figures: nothing (the series shows the break).
 * A part without a figure gives no computed value, with the reason. Every computed
 * observation lists the published numbers it was made from. Pure: no I/O.
 */
import { amountIndicatorOf, indicatorFor, weightIndicatorOf } from "./catalog";
import { codeForYear, MUNICIPALITIES } from "./municipalities";
import type { ComputedFrom, ComputedPart, Dataset, Indicator, LocalizedText, Municipality, Observation } from "./types";

/** How a report shows a merged municipality's years before the merger. */
export type MergedHistory = "break" | "sum";
export const MERGED_HISTORY_CHOICES: readonly MergedHistory[] = ["break", "sum"];

/** A municipality as it was in one year: its id and the code it had. */
export interface StructurePart {
  id: string;
  code: string;
  name: string;
}

/** The municipalities that made up a merged municipality in one year before its merger. */
export interface YearStructure {
  year: number;
  /** The first year after `year` in which the municipality had its present make-up (the merger's data year). */
  mergerYear: number;
  /** The municipality itself (when it had a code), then its predecessors in code order. */
  parts: StructurePart[];
  /**
   * Municipalities that were split and of which a part went into this one (Tysfjord
   * between Narvik and Hamarøy): SSB has no figures for the parts, so no sum is possible.
   */
  split: StructurePart[];
}

const byIdIn = (registry: readonly Municipality[]) => new Map(registry.map((m) => [m.id, m]));

const isSplit = (m: Municipality): boolean => (m.successors?.length ?? 0) > 1;
/** Whether `m` went as a whole into `id`. */
const mergedInto = (m: Municipality, id: string): boolean => m.id !== id && m.successor === id && !isSplit(m);
/** Whether `m` was split and a part of it went into `id`. */
const partlyInto = (m: Municipality, id: string): boolean => m.id !== id && isSplit(m) && (m.successors ?? []).includes(id);

/**
 * The municipalities whose area went into `id`, directly or through earlier mergers
 * (Hof into Holmestrand, then Holmestrand and Sande into the present Holmestrand), in
 * registry order. A split municipality is no one's predecessor in this sense.
 */
export function predecessorsOf(id: string, registry: readonly Municipality[] = MUNICIPALITIES): Municipality[] {
  const out: Municipality[] = [];
  const seen = new Set<string>([id]);
  const visit = (target: string) => {
    for (const m of registry) {
      if (seen.has(m.id) || !mergedInto(m, target)) continue;
      seen.add(m.id);
      out.push(m);
      visit(m.id);
    }
  };
  visit(id);
  return out;
}

/**
 * The make-up of `id`'s present area in `year`: itself (with its code then, if it had one)
 * and every predecessor that still had a code. null when no predecessor existed that year
 * (the municipality was as it is now), or when `id` is unknown.
 */
export function structureInYear(id: string, year: number, registry: readonly Municipality[] = MUNICIPALITIES): YearStructure | null {
  const index = byIdIn(registry);
  const self = index.get(id);
  if (!self) return null;
  const part = (m: Municipality): StructurePart | null => {
    const code = codeForYear(m, year);
    if (code === undefined) return null;
    const period = m.codes.find((p) => p.code === code);
    return { id: m.id, code, name: period?.name ?? m.name };
  };
  const byCode = (a: StructurePart, b: StructurePart) => a.code.localeCompare(b.code);
  const predecessors = predecessorsOf(id, registry).map(part).filter((p): p is StructurePart => p !== null).sort(byCode);
  const split = registry.filter((m) => partlyInto(m, id)).map(part).filter((p): p is StructurePart => p !== null).sort(byCode);
  if (predecessors.length === 0 && split.length === 0) return null;
  const own = part(self);
  // The merger year: the first year after `year` in which one of the parts had no code of its own any more.
  const lastYear = (p: StructurePart) => index.get(p.id)!.codes.find((c) => c.code === p.code)?.to ?? year;
  const mergerYear = Math.min(...[...predecessors, ...split].map((p) => lastYear(p) + 1));
  return { year, mergerYear, parts: own ? [own, ...predecessors] : predecessors, split };
}

/** The years among `years` before a merger of `id`, with the make-up of each. */
export function preMergerYears(id: string, years: readonly number[], registry: readonly Municipality[] = MUNICIPALITIES): YearStructure[] {
  return [...new Set(years)]
    .sort((a, b) => a - b)
    .map((y) => structureInYear(id, y, registry))
    .filter((s): s is YearStructure => s !== null);
}

/** The data year of the latest merger that `years` reach back before, or null when there is none. */
export function mergerYearAfter(id: string, years: readonly number[], registry: readonly Municipality[] = MUNICIPALITIES): number | null {
  const before = preMergerYears(id, years, registry);
  return before.length === 0 ? null : before[before.length - 1].mergerYear;
}

/** Why a year before a merger has no computed value. */
export interface NotComputed {
  indicator: string;
  year: number;
  kind: "not-additive" | "no-denominator" | "missing-part" | "split";
  reason: LocalizedText;
}

export interface BackSeries {
  municipality: string;
  /** The years before the merger, with the municipalities that made up the present one. */
  structure: YearStructure[];
  /** Computed observations (each with `computed`), one per indicator and year that allows it. */
  observations: Observation[];
  notComputed: NotComputed[];
}

export interface BackSeriesRequest {
  /** Id of the merged (present) municipality. */
  municipality: string;
  indicators: readonly Indicator[];
  years: readonly number[];
  registry?: readonly Municipality[];
}

const listNames = (parts: readonly StructurePart[], and: string): string => {
  const names = parts.map((p) => `${p.name} (${p.code})`);
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} ${and} ${names[names.length - 1]}`;
};

const fmt = (v: number) => String(Math.round(v * 100) / 100);

/** Computed observations for `municipality`'s years before its merger, from the published figures of its parts. */
export function backSeries(dataset: Dataset, req: BackSeriesRequest): BackSeries {
  const registry = req.registry ?? MUNICIPALITIES;
  const structure = preMergerYears(req.municipality, req.years, registry);
  const published = new Map<string, Observation>();
  for (const o of dataset.observations) if (!o.computed) published.set(`${o.indicator}|${o.municipality}|${o.year}`, o);
  const find = (indicator: string, p: StructurePart, year: number): Observation | undefined => {
    const o = published.get(`${indicator}|${p.id}|${year}`);
    return o && o.code === p.code ? o : undefined;
  };
  const self = registry.find((m) => m.id === req.municipality);
  const selfName = self?.name ?? req.municipality;

  const observations: Observation[] = [];
  const notComputed: NotComputed[] = [];
  for (const s of structure) {
    const code = s.parts.map((p) => p.code).join("+");
    const partsNb = listNames(s.parts, "og");
    const partsEn = listNames(s.parts, "and");
    const missing = (ind: Indicator, what: string, p: StructurePart): NotComputed => {
      const o = published.get(`${what}|${p.id}|${s.year}`);
      const status = o && o.code === p.code && o.value === null ? (o.status ?? "..") : undefined;
      const label = indicatorFor(what)?.label ?? amountIndicatorOf(ind)?.label ?? { nb: what, en: what };
      return {
        indicator: ind.id,
        year: s.year,
        kind: "missing-part",
        reason: status
          ? {
              nb: `${selfName} ${s.year} kan ikke beregnes: ${p.name} (${p.code}) mangler «${label.nb}» (SSB-symbol «${status}»).`,
              en: `${selfName} ${s.year} cannot be computed: ${p.name} (${p.code}) lacks "${label.en}" (SSB symbol "${status}").`,
            }
          : {
              nb: `${selfName} ${s.year} kan ikke beregnes: ingen «${label.nb}» for ${p.name} (${p.code}) i datagrunnlaget.`,
              en: `${selfName} ${s.year} cannot be computed: no "${label.en}" for ${p.name} (${p.code}) in the data.`,
            },
      };
    };
    const valueOf = (indicator: string, p: StructurePart): number | null => {
      const o = find(indicator, p, s.year);
      return o && o.value !== null ? o.value : null;
    };
    // A computed figure takes the provenance of the first figure it was actually made from.
    const provenanceOf = (computed: ComputedFrom) => {
      const first = computed.parts[0];
      const part = first ? s.parts.find((p) => p.id === first.municipality) : undefined;
      return (part && find(first.indicator, part, s.year)?.provenance) ?? 0;
    };
    const push = (ind: Indicator, value: number, computed: ComputedFrom) =>
      observations.push({ indicator: ind.id, municipality: req.municipality, year: s.year, code, value, provenance: provenanceOf(computed), computed });

    for (const ind of req.indicators) {
      if (s.split.length > 0) {
        notComputed.push({
          indicator: ind.id,
          year: s.year,
          kind: "split",
          reason: {
            nb: `${selfName} ${s.year} kan ikke beregnes: ${listNames(s.split, "og")} ble delt mellom flere kommuner, og SSB har ikke tall for delene.`,
            en: `${selfName} ${s.year} cannot be computed: ${listNames(s.split, "and")} was divided between several municipalities, and SSB has no figures for the parts.`,
          },
        });
        continue;
      }
      if (ind.measure === "share" || ind.measure === "key-figure") {
        const what = ind.measure === "share" ? { nb: "en andel", en: "a share" } : { nb: "et nøkkeltall", en: "a key figure" };
        notComputed.push({
          indicator: ind.id,
          year: s.year,
          kind: "not-additive",
          reason: {
            nb: `«${ind.label.nb}» er ${what.nb} og kan ikke legges sammen for ${partsNb}: brudd i serien før ${selfName} ble slått sammen.`,
            en: `"${ind.label.en}" is ${what.en} and cannot be added up for ${partsEn}: the series breaks before ${selfName} was merged.`,
          },
        });
        continue;
      }
      if (ind.measure === "amount" || ind.measure === "count") {
        const absent = s.parts.find((p) => valueOf(ind.id, p) === null);
        if (absent) {
          notComputed.push(missing(ind, ind.id, absent));
          continue;
        }
        const parts: ComputedPart[] = s.parts.map((p) => ({ role: "value", indicator: ind.id, municipality: p.id, code: p.code, year: s.year, value: valueOf(ind.id, p)! }));
        const total = parts.reduce((sum, p) => sum + p.value, 0);
        push(ind, total, {
          method: "sum",
          reason: "merger",
          parts,
          note: {
            nb: `Beregnet (sammenslått): summen for ${partsNb} = ${parts.map((p) => fmt(p.value)).join(" + ")}.`,
            en: `Computed (merged): the sum for ${partsEn} = ${parts.map((p) => fmt(p.value)).join(" + ")}.`,
          },
        });
        continue;
      }
      // Per-capita: Σ amount ÷ Σ denominator.
      const denominator = weightIndicatorOf(ind);
      if (denominator === null) {
        notComputed.push({
          indicator: ind.id,
          year: s.year,
          kind: "no-denominator",
          reason: {
            nb: `«${ind.label.nb}» har ingen kjent nevner (folkemengde eller antall), så den kan ikke regnes om for ${partsNb}.`,
            en: `"${ind.label.en}" has no known denominator (population or a count), so it cannot be recomputed for ${partsEn}.`,
          },
        });
        continue;
      }
      const absentDenominator = s.parts.find((p) => valueOf(denominator, p) === null);
      if (absentDenominator) {
        notComputed.push(missing(ind, denominator, absentDenominator));
        continue;
      }
      const amount = amountIndicatorOf(ind);
      const fromAmounts = amount !== null && s.parts.every((p) => valueOf(amount.id, p) !== null);
      if (!fromAmounts) {
        const absent = s.parts.find((p) => valueOf(ind.id, p) === null);
        if (absent) {
          notComputed.push(missing(ind, ind.id, absent));
          continue;
        }
      }
      const parts: ComputedPart[] = [];
      let numerator = 0;
      let denominatorSum = 0;
      for (const p of s.parts) {
        const den = valueOf(denominator, p)!;
        if (fromAmounts) {
          const a = valueOf(amount.id, p)!;
          parts.push({ role: "amount", indicator: amount.id, municipality: p.id, code: p.code, year: s.year, value: a });
          numerator += a * ind.amount!.scale;
        } else {
          const v = valueOf(ind.id, p)!;
          parts.push({ role: "amount", indicator: ind.id, municipality: p.id, code: p.code, year: s.year, value: v, derived: "value-times-denominator" });
          numerator += v * den;
        }
        parts.push({ role: "denominator", indicator: denominator, municipality: p.id, code: p.code, year: s.year, value: den });
        denominatorSum += den;
      }
      if (denominatorSum <= 0) {
        notComputed.push(missing(ind, denominator, s.parts[0]));
        continue;
      }
      const denLabel = indicatorFor(denominator)?.label ?? { nb: denominator, en: denominator };
      const how: LocalizedText = fromAmounts
        ? { nb: `sum beløp ÷ sum ${denLabel.nb.toLocaleLowerCase("nb-NO")}`, en: `sum of amounts ÷ sum of ${denLabel.en.toLocaleLowerCase("en")}` }
        : {
            nb: `sum (verdi × ${denLabel.nb.toLocaleLowerCase("nb-NO")}) ÷ sum ${denLabel.nb.toLocaleLowerCase("nb-NO")}; beløpet er regnet ut fordi SSBs beløp mangler, og avrundede verdier gir et lite avvik`,
            en: `sum of (value × ${denLabel.en.toLocaleLowerCase("en")}) ÷ sum of ${denLabel.en.toLocaleLowerCase("en")}; the amount is derived because SSB's amount is missing, and rounded values give a small deviation`,
          };
      push(ind, numerator / denominatorSum, {
        method: "ratio-of-sums",
        reason: "merger",
        parts,
        ...(fromAmounts ? { amountScale: ind.amount!.scale } : {}),
        note: {
          nb: `Beregnet (sammenslått): ${how.nb} for ${partsNb}, ikke et snitt av kommunenes verdier.`,
          en: `Computed (merged): ${how.en} for ${partsEn}, not an average of the municipalities' values.`,
        },
      });
    }
  }
  return { municipality: req.municipality, structure, observations, notComputed };
}
