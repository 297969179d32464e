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
 *
 * The area is the municipality's in a reference year (the profile year; the present when
 * none is given), which matters where a municipality was part of another for a while
 * (`partOf`: Haram in Ålesund 2020–2023). A 2024 Ålesund is Ålesund + Ørskog + Skodje +
 * Sandøy before 2020, and its 2020–2023 figures contain Haram, which SSB has no figures
 * for then: a break no sum can mend ("included"). A 2021 Ålesund is those five before
 * 2020. Haram has no figure of its own 2020–2023 ("part-of").
 */
import { amountIndicatorOf, indicatorFor, weightIndicatorOf } from "./catalog";
import { codeForYear, MUNICIPALITIES } from "./municipalities";
import { inPeriod } from "./periods";
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

/** A municipality that was part of another for a span of data years, without a code of its own (Haram in Ålesund 2020–2023). */
export interface IncludedPart {
  id: string;
  name: string;
  from?: number;
  to?: number;
}

/**
 * How a municipality's figure of one year relates to its area in the reference year (the
 * profile year; the present when none is given): the municipalities that made it up then.
 */
export interface YearStructure {
  year: number;
  /**
   * The data year in which the make-up changed to the reference year's: the merger (2020
   * for Drammen 2019), or the year a municipality left again (2024 for Ålesund 2021 on a
   * 2024 structure, and for Ålesund 2024 on a 2021 structure).
   */
  mergerYear: number;
  /** The municipality itself (when it had a code), then its predecessors in code order. */
  parts: StructurePart[];
  /**
   * Municipalities that were split and of which a part went into this one (Tysfjord
   * between Narvik and Hamarøy): SSB has no figures for the parts, so no sum is possible.
   */
  split: StructurePart[];
  /**
   * Municipalities inside this one's figure that year but outside its area in the reference
   * year (Haram in Ålesund 2020–2023, for Ålesund from 2024): SSB has no figures for them
   * then, so the figure cannot be brought to the reference area.
   */
  included: IncludedPart[];
  /** The municipality it was part of that year, with the code that one had (Haram 2021: Ålesund 1507): no figure of its own. */
  partOf?: StructurePart & { from?: number; to?: number };
  /**
   * The reference year, when the area then differs from the present one (Ålesund 2020–2023
   * with Haram); absent for the present area.
   */
  asOf?: number;
}

const byIdIn = (registry: readonly Municipality[]) => new Map(registry.map((m) => [m.id, m]));

const isSplit = (m: Municipality): boolean => (m.successors?.length ?? 0) > 1;
/** Whether `m` went as a whole into `id`. */
const mergedInto = (m: Municipality, id: string): boolean => m.id !== id && m.successor === id && !isSplit(m);
/** Whether `m` was split and a part of it went into `id`. */
const partlyInto = (m: Municipality, id: string): boolean => m.id !== id && isSplit(m) && (m.successors ?? []).includes(id);
/** The municipality `m` was part of in `year` without a code of its own (Haram 2020–2023: Ålesund), if any. */
const hostIn = (m: Municipality, year: number | undefined) => (year === undefined ? undefined : m.partOf?.find((p) => inPeriod(year, p.from, p.to)));

/**
 * The municipalities whose area went into `id`, directly or through earlier mergers
 * (Hof into Holmestrand, then Holmestrand and Sande into the present Holmestrand), in
 * registry order; with a reference year, also those that were part of it that year (Haram
 * for Ålesund 2020–2023). A split municipality is no one's predecessor in this sense.
 */
export function predecessorsOf(id: string, registry: readonly Municipality[] = MUNICIPALITIES, asOf?: number): Municipality[] {
  const out: Municipality[] = [];
  const seen = new Set<string>([id]);
  const visit = (target: string) => {
    for (const m of registry) {
      if (seen.has(m.id) || !(mergedInto(m, target) || hostIn(m, asOf)?.id === target)) continue;
      seen.add(m.id);
      out.push(m);
      visit(m.id);
    }
  };
  visit(id);
  return out;
}

/**
 * The make-up in `year` of `id`'s area in the reference year `asOf` (the present when
 * absent): itself (with its code then, if it had one) and every predecessor that had a
 * code; the municipalities its figure then contained beyond that area; or the municipality
 * it was part of. null when the figure of `year` is for the same area, or `id` is unknown.
 */
export function structureInYear(id: string, year: number, registry: readonly Municipality[] = MUNICIPALITIES, asOf?: number): YearStructure | null {
  const index = byIdIn(registry);
  const self = index.get(id);
  if (!self) return null;
  const part = (m: Municipality): StructurePart | null => {
    const code = codeForYear(m, year);
    if (code === undefined) return null;
    const period = m.codes.find((p) => p.code === code);
    return { id: m.id, code, name: period?.name ?? m.name };
  };
  const own = part(self);
  const host = own ? undefined : hostIn(self, year);
  const hostPart = host && index.get(host.id) && part(index.get(host.id)!);
  if (host && hostPart) return { year, mergerYear: (host.to ?? year) + 1, parts: [], split: [], included: [], partOf: { ...hostPart, from: host.from, to: host.to } };

  const byCode = (a: StructurePart, b: StructurePart) => a.code.localeCompare(b.code);
  const area = predecessorsOf(id, registry, asOf);
  const present = asOf === undefined ? area : predecessorsOf(id, registry);
  const differs = area.length !== present.length;
  const predecessors = area.map(part).filter((p): p is StructurePart => p !== null).sort(byCode);
  const split = registry.filter((m) => partlyInto(m, id)).map(part).filter((p): p is StructurePart => p !== null).sort(byCode);
  const inArea = new Set(area.map((m) => m.id));
  const included: IncludedPart[] = registry
    .filter((m) => !inArea.has(m.id) && hostIn(m, year)?.id === id)
    .map((m) => {
      const p = hostIn(m, year)!;
      return { id: m.id, name: m.name, from: p.from, to: p.to };
    });
  if (predecessors.length === 0 && split.length === 0 && included.length === 0) return null;
  // The year the make-up changed: after a merger, the first year without a part's code; after
  // a municipality left the reference year's area (Haram in 2024), the year it left.
  const lastYear = (p: StructurePart) => index.get(p.id)!.codes.find((c) => c.code === p.code)?.to ?? year;
  const left = area.flatMap((m) => (asOf !== undefined && year > asOf ? [hostIn(m, asOf)?.to] : [])).filter((t): t is number => t !== undefined);
  const mergerYear =
    left.length > 0
      ? Math.min(...left) + 1
      : Math.min(...[...predecessors, ...split].map((p) => lastYear(p) + 1), ...included.map((p) => (p.to ?? year) + 1));
  return { year, mergerYear, parts: own ? [own, ...predecessors] : predecessors, split, included, ...(differs ? { asOf } : {}) };
}

/** The years among `years` whose figures are for another make-up than `id`'s area in the reference year, with the make-up of each. */
export function preMergerYears(id: string, years: readonly number[], registry: readonly Municipality[] = MUNICIPALITIES, asOf?: number): YearStructure[] {
  return [...new Set(years)]
    .sort((a, b) => a - b)
    .map((y) => structureInYear(id, y, registry, asOf))
    .filter((s): s is YearStructure => s !== null);
}

/** The data year of the latest change of make-up that `years` reach back before, or null when there is none. */
export function mergerYearAfter(id: string, years: readonly number[], registry: readonly Municipality[] = MUNICIPALITIES, asOf?: number): number | null {
  const before = preMergerYears(id, years, registry, asOf);
  return before.length === 0 ? null : before[before.length - 1].mergerYear;
}

/** Why a year before a merger has no computed value. */
export interface NotComputed {
  indicator: string;
  year: number;
  /**
   * "included": the figure contains a municipality outside the reference area (Ålesund
   * 2020–2023 with Haram); "part-of": the municipality had no figure of its own (Haram 2021).
   */
  kind: "not-additive" | "no-denominator" | "missing-part" | "split" | "included" | "part-of";
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
  /** The year whose municipal structure the series is shown on (the profile year); the present when absent. */
  asOf?: number;
  registry?: readonly Municipality[];
}

/** "A, B og C". */
export const joinNames = (names: readonly string[], and: string): string =>
  names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} ${and} ${names[names.length - 1]}`;

const listNames = (parts: readonly StructurePart[], and: string): string => joinNames(parts.map((p) => `${p.name} (${p.code})`), and);

const fmt = (v: number) => String(Math.round(v * 100) / 100);

const during = (p: { from?: number; to?: number }): string => (p.from !== undefined && p.to !== undefined ? `${p.from}–${p.to}` : String(p.from ?? p.to ?? ""));

/**
 * Why a year's figure cannot be brought to the reference area at all: the municipality was
 * part of another (Haram 2021), or its figure contains one that is not part of it in the
 * reference year (Ålesund 2021 with Haram, for a 2024 Ålesund). undefined otherwise.
 */
export function structureBreak(s: YearStructure, name: string): Pick<NotComputed, "kind" | "reason"> | undefined {
  if (s.partOf)
    return {
      kind: "part-of",
      reason: {
        nb: `${name} var en del av ${s.partOf.name} ${during(s.partOf)} og har ingen egne tall for ${s.year} («.»).`,
        en: `${name} was part of ${s.partOf.name} ${during(s.partOf)} and has no figures of its own for ${s.year} (".").`,
      },
    };
  const inside = s.included[0];
  if (!inside) return undefined;
  const names = (and: string) => joinNames(s.included.map((p) => p.name), and);
  return {
    kind: "included",
    reason: {
      nb: `${names("og")} var en del av ${name} ${during(inside)}: ${name}s tall for ${s.year} omfatter ${names("og")}, og SSB har ingen egne tall for ${names("og")} i de årene.`,
      en: `${names("and")} was part of ${name} ${during(inside)}: ${name}'s figures for ${s.year} include ${names("and")}, and SSB has no figures of ${names("and")}'s own in those years.`,
    },
  };
}

/** Computed observations for `municipality`'s years before its merger, from the published figures of its parts. */
export function backSeries(dataset: Dataset, req: BackSeriesRequest): BackSeries {
  const registry = req.registry ?? MUNICIPALITIES;
  const structure = preMergerYears(req.municipality, req.years, registry, req.asOf);
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

    const noFigure = structureBreak(s, selfName);
    for (const ind of req.indicators) {
      if (noFigure) {
        notComputed.push({ indicator: ind.id, year: s.year, ...noFigure });
        continue;
      }
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
