/**
 * Figures KS computes itself from SSB series (see `Ratio` in types.ts): each
 * municipality's value is
 *
 *   scale × Σ numerator [× Σ share ÷ (Σ share + Σ rest)] ÷ Σ denominator
 *
 * from its own series for the year — KS's indikatorbeskrivelser write it "(A/B) × 1000"
 * (barnevern per innbygger 0–17 år: A = 12367 netto driftsutgifter f244+251+252 in
 * 1000 kr, B = 11805 innbyggere 0–17 år) or "(A × B/(B+C)) / D" with a distribution key.
 *
 * The derivation runs on the dataset, whatever it came from (SSB, a file, the sample, a
 * sheet), so the engine, the workbook and the time series all see the same figures. A
 * series that is missing, or a denominator that is not positive, gives a missing value
 * (status ".."), never 0 or NaN. A figure a file carries for the ratio itself is kept as
 * it is. A merged municipality's years before the merger sum the series first (they are
 * amounts and counts) and derive from the sums (`ratioBackSeries`).
 */
import { INDICATORS, ratioSeriesIds } from "./catalog";
import type { BackSeries, NotComputed } from "./mergers";
import type { ComputedFrom, ComputedPart, Dataset, Indicator, LocalizedText, Observation } from "./types";

type Role = "numerator" | "denominator" | "share" | "rest";

const ROLES: readonly Role[] = ["numerator", "denominator", "share", "rest"];

function seriesOfRole(ind: Indicator, role: Role): readonly string[] {
  const r = ind.ratio!;
  if (role === "numerator") return r.numerator;
  if (role === "denominator") return r.denominator;
  return r.key ? r.key[role] : [];
}

const sum = (parts: readonly ComputedPart[], role: Role) => parts.filter((p) => p.role === role).reduce((s, p) => s + p.value, 0);

/**
 * The ratio's value from its parts (one per series that has a value), or null when a
 * series lacks a value or the denominator is not positive. The operations are in the
 * order the data sheet's formula does them, so the two give the same number.
 */
export function ratioFromParts(ind: Indicator, parts: readonly ComputedPart[]): number | null {
  const ratio = ind.ratio!;
  for (const role of ROLES) for (const id of seriesOfRole(ind, role)) if (!parts.some((p) => p.role === role && p.indicator === id)) return null;
  const denominator = sum(parts, "denominator");
  if (!(denominator > 0)) return null;
  let numerator = ratio.scale * sum(parts, "numerator");
  if (ratio.key) {
    const share = sum(parts, "share");
    const whole = share + sum(parts, "rest");
    if (!(whole > 0)) return null;
    numerator = (numerator * share) / whole;
  }
  return numerator / denominator;
}

function note(ind: Indicator, reason: ComputedFrom["reason"]): LocalizedText {
  const { scale, key } = ind.ratio!;
  const keyNb = key ? " × fordelingsnøkkel (andel ÷ (andel + rest))" : "";
  const keyEn = key ? " × distribution key (share ÷ (share + rest))" : "";
  const merged = reason === "merger" ? { nb: " Seriene er summert for kommunene som ble slått sammen.", en: " The series are summed over the merged municipalities." } : { nb: "", en: "" };
  return {
    nb: `Beregnet etter definisjonen: ${scale} × teller${keyNb} ÷ nevner.${merged.nb}`,
    en: `Computed by the definition: ${scale} × numerator${keyEn} ÷ denominator.${merged.en}`,
  };
}

/**
 * The computed observation of ratio `ind` for a municipality and year, from its series'
 * observations (`find`), or null when none of its series has an observation there.
 */
export function deriveRatio(
  ind: Indicator,
  municipality: string,
  year: number,
  find: (series: string) => Observation | undefined,
  reason: ComputedFrom["reason"] = "definition",
): Observation | null {
  const parts: ComputedPart[] = [];
  let first: Observation | undefined;
  for (const role of ROLES)
    for (const id of seriesOfRole(ind, role)) {
      const o = find(id);
      first = first ?? o;
      if (o && o.value !== null)
        parts.push({ role, indicator: id, municipality, code: o.code, year, value: o.value, ...(o.computed ? { computed: true as const } : {}) });
    }
  if (!first) return null;
  const value = ratioFromParts(ind, parts);
  const computed: ComputedFrom = { method: "ratio", reason, parts, scale: ind.ratio!.scale, note: note(ind, reason) };
  return {
    indicator: ind.id,
    municipality,
    year,
    code: first.code,
    value,
    ...(value === null ? { status: ".." } : {}),
    provenance: first.provenance,
    computed,
  };
}

const derivedDatasets = new WeakMap<Dataset, Dataset>();

/**
 * The dataset with every ratio indicator's value derived wherever one of its series has
 * an observation (computed once per dataset). Observations the dataset has for a ratio
 * (a file carrying KS's own figure) are kept and not derived again.
 */
export function withRatios(dataset: Dataset, indicators: readonly Indicator[] = INDICATORS): Dataset {
  const known = derivedDatasets.get(dataset);
  if (known) return known;
  const ratios = indicators.filter((i) => i.ratio);
  const seriesIds = new Set(ratios.flatMap(ratioSeriesIds));
  const bySeries = new Map<string, Observation>();
  const places = new Map<string, { municipality: string; year: number }>();
  const present = new Set<string>();
  for (const o of dataset.observations) {
    present.add(`${o.indicator}|${o.municipality}|${o.year}`);
    if (!seriesIds.has(o.indicator) || o.computed) continue;
    bySeries.set(`${o.indicator}|${o.municipality}|${o.year}`, o);
    places.set(`${o.municipality}|${o.year}`, { municipality: o.municipality, year: o.year });
  }
  const derived: Observation[] = [];
  for (const ind of ratios)
    for (const { municipality, year } of places.values()) {
      if (present.has(`${ind.id}|${municipality}|${year}`)) continue;
      const o = deriveRatio(ind, municipality, year, (id) => bySeries.get(`${id}|${municipality}|${year}`));
      if (o) derived.push(o);
    }
  const result = derived.length === 0 ? dataset : { observations: [...dataset.observations, ...derived], provenance: dataset.provenance };
  derivedDatasets.set(dataset, result);
  derivedDatasets.set(result, result);
  return result;
}

/**
 * A merged municipality's ratio figures before the merger: each from its series summed
 * over the predecessors (the back series' computed amounts and counts). Where a series
 * could not be summed the ratio is not computed either, for the same reason.
 */
export function ratioBackSeries(back: BackSeries, ratios: readonly Indicator[]): { observations: Observation[]; notComputed: NotComputed[] } {
  const observations: Observation[] = [];
  const notComputed: NotComputed[] = [];
  const summed = new Map(back.observations.map((o) => [`${o.indicator}|${o.year}`, o]));
  for (const s of back.structure)
    for (const ind of ratios.filter((i) => i.ratio)) {
      const missing = ratioSeriesIds(ind).map((id) => back.notComputed.find((x) => x.indicator === id && x.year === s.year)).find((x) => x !== undefined);
      if (missing) {
        notComputed.push({ ...missing, indicator: ind.id });
        continue;
      }
      const o = deriveRatio(ind, back.municipality, s.year, (id) => summed.get(`${id}|${s.year}`), "merger");
      if (o && o.value !== null) observations.push(o);
    }
  return { observations, notComputed };
}
