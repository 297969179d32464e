#!/usr/bin/env node
/**
 * Builds the embedded SYNTHETIC sample (src/sources/sample/sample-data.json).
 *
 * The numbers are invented. They are constructed so that, under the default settings
 * (simple mean over the 10 ASSS members of 2017, Oslo and the focal municipality
 * included), Bærum's 2017 service profiles reproduce the published tables of the
 * reference document exactly (value, network average, lowest, highest, Asker).
 * Other years and members are plausible but invented. Populations are approximate.
 * Hå and its neighbours, Landet, Landet uten Oslo, KOSTRA groups 7 and 8 and the
 * municipalities merged away in 2020 are invented too (EXTRA below).
 *
 * Every other indicator of the catalog (src/kostra/catalog) gets invented figures of a
 * plausible size for its unit: table 12362's figures come from one invented expenditure
 * model per municipality and year (kroner per inhabitant per function, net and gross), so
 * sums, their parts and the shares of total expenditure agree; other tables' key figures
 * from a typical level per indicator (TYPICAL below); counts from a rate per inhabitant.
 *
 * A figure KS computes from series (a catalog indicator with a `ratio`) is not in the
 * sample itself: its series are, constructed so that scale × numerator ÷ denominator gives
 * the figure the sample had for it (exactly, for road cost per km, so Bærum 2017 still
 * matches the reference document); the product derives the figure from them. Home
 * services' net expenditure by age (split by allotted hours) has no figure of its own here:
 * its f254 amount comes from the expenditure model, its hours and age groups from typical
 * levels, the age groups adding up to the population.
 *
 * Run: node scripts/make-sample.js   (deterministic: same output every run)
 */
const fs = require("fs");
const path = require("path");
const { between, FUNCTION_GROUPS, FUNCTION_PROFILE, splitPart } = require("./synthetic-model");

const YEARS = [2015, 2016, 2017, 2018];
const MEMBERS = ["bergen", "baerum", "drammen", "fredrikstad", "kristiansand", "oslo", "sandnes", "stavanger", "tromso", "trondheim"];

// 2017 targets from the reference document: Bærum, network average, lowest, highest, Asker,
// and which member holds the lowest and the highest value (an invented assignment).
const TARGETS = {
  kunstformidling: [141, 277, 50, 723, 324, "sandnes", "oslo"],
  "andre-kulturaktiviteter": [158, 272, 103, 567, 12, "fredrikstad", "tromso"],
  bibliotek: [304, 263, 201, 335, 360, "sandnes", "oslo"],
  "andre-trossamfunn": [134, 100, 30, 219, 62, "tromso", "oslo"],
  plansaksbehandling: [282, 263, 203, 456, 241, "fredrikstad", "stavanger"],
  "kart-oppmaling": [39, 66, 7, 171, 134, "oslo", "tromso"],
  idrett: [122, 235, 116, 627, 133, "drammen", "stavanger"],
  "rekreasjon-naturforvaltning": [404, 536, 308, 1088, 375, "sandnes", "oslo"],
  "brann-ulykkesvern": [609, 588, 465, 715, 624, "sandnes", "tromso"],
  "vei-per-km": [277363, 372902, 142320, 646780, 285484, "kristiansand", "oslo"],
  "avfall-driftsutgifter": [1000, 1143, 630, 1525, 989, "sandnes", "tromso"],
  "arsgebyr-avfall": [2550, 2737, 1788, 4075, 2675, "kristiansand", "tromso"],
};

// Bærum's 2015 and 2016 values from the reference document's "sammenligning over tid".
const BAERUM_EARLIER = {
  idrett: [131, 125],
  "rekreasjon-naturforvaltning": [406, 386],
  "brann-ulykkesvern": [610, 607],
  "vei-per-km": [255983, 266886],
  "avfall-driftsutgifter": [930, 991],
  "arsgebyr-avfall": [2450, 2550],
};

// Approximate populations on 1 January 2017; other years grow by an invented rate.
const POPULATION_2017 = {
  oslo: 666759, bergen: 278556, trondheim: 190464, stavanger: 132729, baerum: 124008,
  kristiansand: 90324, fredrikstad: 80121, sandnes: 75497, tromso: 74541, drammen: 68363, asker: 60781,
};

// Deterministic pseudo-random numbers (mulberry32).
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20170219);

/** Seven integers strictly between lo and hi, distinct from each other's extremes, summing to `sum`. */
function fill(count, sum, lo, hi) {
  const mean = sum / count;
  const spread = Math.min(mean - lo, hi - mean) * 0.8;
  const vals = Array.from({ length: count }, () => Math.round(mean + (rand() * 2 - 1) * spread));
  let diff = sum - vals.reduce((a, b) => a + b, 0);
  let i = 0;
  while (diff !== 0) {
    const step = Math.sign(diff);
    const next = vals[i % count] + step;
    if (next > lo && next < hi) {
      vals[i % count] = next;
      diff -= step;
    }
    i++;
  }
  return vals;
}

const values = {};
for (const [id, [b, mean, lo, hi, asker, loWho, hiWho]] of Object.entries(TARGETS)) {
  const others = MEMBERS.filter((m) => m !== "baerum" && m !== loWho && m !== hiWho);
  const rest = fill(others.length, mean * MEMBERS.length - b - lo - hi, lo, hi);
  const v2017 = { baerum: b, asker, [loWho]: lo, [hiWho]: hi };
  others.forEach((m, k) => (v2017[m] = rest[k]));
  values[id] = {};
  for (const m of [...MEMBERS, "asker"]) {
    const base = v2017[m];
    const series = YEARS.map((year) => {
      if (year === 2017) return base;
      const drift = 1 + 0.03 * (year - 2017) + (rand() * 2 - 1) * 0.04;
      return Math.round(base * drift);
    });
    if (m === "baerum" && BAERUM_EARLIER[id]) [series[0], series[1]] = BAERUM_EARLIER[id];
    values[id][m] = series;
  }
}
values.folkemengde = {};
for (const [m, p] of Object.entries(POPULATION_2017)) {
  values.folkemengde[m] = YEARS.map((y) => Math.round(p * Math.pow(1.011, y - 2017)));
}

// ---------------------------------------------------------------------------
// Every other catalog indicator (all sectors, and the counts used as weights).
// The figures above are not touched: what follows uses its own hash-based noise, not `rand`.

const CATALOG_DIR = path.join(__dirname, "..", "src", "kostra", "catalog");
const CATALOG = [
  ...require(path.join(CATALOG_DIR, "common.json")).indicators,
  ...fs
    .readdirSync(path.join(CATALOG_DIR, "sectors"))
    .filter((f) => f.endsWith(".json"))
    .sort()
    .flatMap((f) => require(path.join(CATALOG_DIR, "sectors", f)).indicators),
];

const roundTo = (x, decimals) => Math.round(x * 10 ** decimals) / 10 ** decimals;

/**
 * Indicators of other tables: typical level in 2017, spread between municipalities
 * (relative, or absolute points for percentages), yearly trend. Counts are a rate per
 * inhabitant (`perCapita`). `sameAs`: the same SSB variable as another indicator; `restOf`: the first indicator less the second.
 */
const TYPICAL = {
  "barnehage-netto-per-innbygger-1-5": { level: 150000, spread: 0.1, trend: 0.03 },
  "barnehage-andel-barn-1-5": { level: 91.5, points: 3, trend: 0.002, max: 99 },
  "barnehage-andel-barn-3-5": { level: 97, points: 1.5, trend: 0.001, max: 99.8 },
  "barnehage-barn-per-arsverk": { level: 6, spread: 0.06, trend: -0.01 },
  "barnehage-andel-minoritetsspraklige": { level: 18, points: 7, trend: 0.03 },
  "barnehage-andel-barn-kommunale": { level: 48, points: 15, trend: -0.005 },
  "barnevern-netto-per-innbygger-0-17": { level: 9000, spread: 0.25, trend: 0.04 },
  "barnevern-andel-barn-undersokelse": { level: 4.2, points: 1, trend: 0 },
  "barnevern-andel-barn-tiltak-0-17": { level: 3.3, points: 0.8, trend: -0.02 },
  "barnevern-netto-per-barn-undersokelse-tiltak": { level: 85000, spread: 0.2, trend: 0.04 },
  "barnevern-brutto-per-barn-plassert": { level: 520000, spread: 0.2, trend: 0.04 },
  "barnevern-brutto-per-barn-ikke-plassert": { level: 55000, spread: 0.2, trend: 0.03 },
  "barnevern-andel-netto-244": { level: 32, points: 6, trend: 0.01 },
  "barnevern-andel-netto-251": { level: 18, points: 5, trend: -0.01 },
  "barnevern-stillinger-fagutdanning-per-1000-barn": { level: 4.5, spread: 0.2, trend: 0.02 },
  "barnevern-andel-barn-melding": { level: 4.8, points: 1, trend: 0.01 },
  "barnevern-barn-undersokelse-tiltak-0-22": { perCapita: 0.0085, spread: 0.25, trend: 0 },
  "barnevern-barn-tiltak-plassert-0-22": { perCapita: 0.0018, spread: 0.3, trend: -0.01 },
  "barnevern-barn-tiltak-ikke-plassert-0-22": { perCapita: 0.0045, spread: 0.3, trend: -0.02 },
  "barnevern-barn-undersokelse-0-17": { perCapita: 0.0055, spread: 0.25, trend: 0 },
  "grunnskole-netto-per-innbygger-6-15": { level: 110000, spread: 0.1, trend: 0.03 },
  "grunnskole-gruppestorrelse": { level: 15.5, spread: 0.08, trend: 0 },
  "grunnskole-grunnskolepoeng": { level: 42, spread: 0.035, trend: 0.005 },
  "andel-80-hjemmetjenester": { level: 29, points: 5, trend: -0.01 },
  "andel-80-institusjon": { level: 11, points: 3, trend: -0.02 },
  "andel-80-langtid-sykehjem": { level: 9, points: 2.5, trend: -0.02 },
  "belegg-institusjon": { level: 97, points: 2, trend: 0, max: 100 },
  "legetimer-per-beboer": { level: 0.55, spread: 0.25, trend: 0.03 },
  "korr-brutto-per-plass-institusjon": { level: 1250000, spread: 0.12, trend: 0.035 },
  "hjemmetjeneste-brukere": { perCapita: 0.03, spread: 0.2, trend: 0 },
  "hjemmetjeneste-brukere-0-66": { perCapita: 0.012, spread: 0.25, trend: 0.02 },
  "hjemmetjeneste-brukere-80": { perCapita: 0.009, spread: 0.25, trend: 0 },
  "beboere-institusjon": { perCapita: 0.0085, spread: 0.2, trend: -0.01 },
  "langtidsbeboere-institusjon": { perCapita: 0.0065, spread: 0.2, trend: -0.01 },
  institusjonsplasser: { perCapita: 0.0085, spread: 0.2, trend: -0.01 },
  // Figures KS computes from series: the value the series are constructed to give.
  "grunnskole-netto-202-per-elev": { level: 105000, spread: 0.1, trend: 0.03 },
  "eiendom-andel-netto": { level: 9, points: 2, trend: 0.005 },
  // Their denominators (the numerators follow from the figure).
  "innbyggere-0-17": { perCapita: 0.22, spread: 0.12, trend: 0 },
  "elever-grunnskole": { perCapita: 0.125, spread: 0.12, trend: 0 },
  "grunnskole-laerertimer": { perCapita: 9, spread: 0.15, trend: 0 },
  "km-kommunale-veier": { perCapita: 0.0035, spread: 0.3, trend: 0.002 },
  "netto-driftsutgifter-totalt": { perCapita: 62, spread: 0.12, trend: 0.03 },
  // The series of home services' net expenditure by age (f254 split by allotted hours):
  // hours per week to users 0–66 and 67+ (about 10 and 6 hours a user), and the
  // population split into 0–66 and 67+ (the rest of the population).
  "hjemmetjeneste-timer-0-66": { perCapita: 0.12, spread: 0.3, trend: 0.02 },
  "hjemmetjeneste-timer-67": { perCapita: 0.1, spread: 0.25, trend: 0.01 },
  "innbyggere-67-og-eldre": { perCapita: 0.145, spread: 0.18, trend: 0.025 },
  "innbyggere-0-66": { restOf: ["folkemengde", "innbyggere-67-og-eldre"] },
  // Seeded for the ASSS members and Asker (TARGETS); for the others:
  "vei-per-km": { level: 300000, spread: 0.35, trend: 0.03 },
  "arsgebyr-avfall": { level: 2900, spread: 0.25, trend: 0.035 },
  "vei-netto-per-km": { level: 230000, spread: 0.3, trend: 0.03 },
  "arsgebyr-feiing": { level: 520, spread: 0.25, trend: 0.03 },
  "arsgebyr-vann": { level: 3700, spread: 0.3, trend: 0.035 },
  "arsgebyr-avlop": { level: 4300, spread: 0.3, trend: 0.035 },
};

/** The seeded indicators of table 12362 and the functions and art they fix. */
function seededCells(ind) {
  const s = ind.ssb;
  if (!(ind.id in TARGETS) || !s || s.table !== "12362") return null;
  return { functions: s.select.KOKfunksjon0000, art: s.select.KOKart0000[0] };
}

/** The invented expenditure model of one municipality and year: per function, net and gross kroner per inhabitant. */
function expenditureModel(m, year, seeded) {
  const yi = YEARS.indexOf(year);
  const cells = {};
  const fixed = {};
  for (const { ind, functions, art } of seeded) {
    if (!values[ind.id]?.[m]) continue; // seeded only for the ASSS members and Asker
    const total = values[ind.id][m][yi];
    functions.forEach((f, part) => (fixed[`${f}|${art}`] = splitPart(total, part, functions)));
  }
  const regionSpread = m.startsWith("ea") || m.startsWith("ekg") ? 0.1 : 0.3;
  for (const [f, [gross, netShare]] of Object.entries(FUNCTION_PROFILE)) {
    const share = netShare + between(`${m}|${f}|${year}|net`, -0.05, 0.05);
    let g = fixed[`${f}|AGD10`];
    let n = fixed[`${f}|AGD2`];
    if (g === undefined && n === undefined)
      g = Math.round(gross * between(`${m}|${f}|level`, 1 - regionSpread, 1 + regionSpread) * Math.pow(1.03, year - 2017) * between(`${m}|${f}|${year}`, 0.97, 1.03));
    if (g === undefined) g = n + Math.round(Math.abs(n) * between(`${m}|${f}|${year}|gross`, 0.05, 0.3));
    if (n === undefined) n = Math.round(g * share);
    cells[f] = { AGD2: n, AGD10: g, AGD4: Math.round(g * between(`${m}|${f}|${year}|korr`, 0.9, 0.97)) };
  }
  for (const [group, parts] of Object.entries(FUNCTION_GROUPS)) {
    cells[group] = {};
    for (const art of ["AGD2", "AGD4", "AGD10"]) cells[group][art] = parts.reduce((sum, f) => sum + cells[f][art], 0);
  }
  // Total gross expenditure per inhabitant: the functions above and the rest of the accounts.
  const total = Object.keys(FUNCTION_PROFILE).reduce((sum, f) => sum + cells[f].AGD10, 0) * between(`${m}|${year}|rest`, 1.1, 1.18);
  return { cells, total };
}

function population(m, year) {
  const yi = YEARS.indexOf(year);
  if (values.folkemengde[m]) return values.folkemengde[m][yi];
  throw new Error(`make-sample: no population for ${m}`);
}

function typicalSeries(ind, m, spec) {
  return YEARS.map((year) => {
    const yearFactor = Math.pow(1 + spec.trend, year - 2017) * between(`${ind.id}|${m}|${year}`, 0.985, 1.015);
    const aggregate = m.startsWith("ea") || m.startsWith("ekg");
    const narrow = aggregate ? 0.35 : 1;
    let v;
    if (spec.perCapita !== undefined)
      v = population(m, year) * spec.perCapita * between(`${ind.id}|${m}`, 1 - spec.spread * narrow, 1 + spec.spread * narrow) * yearFactor;
    else if (spec.points !== undefined)
      v = (spec.level + between(`${ind.id}|${m}`, -spec.points, spec.points) * narrow) * yearFactor;
    else v = spec.level * between(`${ind.id}|${m}`, 1 - spec.spread * narrow, 1 + spec.spread * narrow) * yearFactor;
    if (spec.max !== undefined) v = Math.min(v, spec.max);
    return roundTo(v, ind.decimals);
  });
}

function extendToCatalog(values, municipalities) {
  const seeded = CATALOG.map((ind) => ({ ind, ...seededCells(ind) })).filter((x) => x.functions);
  const models = {};
  for (const m of municipalities) models[m] = Object.fromEntries(YEARS.map((y) => [y, expenditureModel(m, y, seeded)]));
  const ratios = CATALOG.filter((i) => i.ratio);
  // A figure split by a distribution key gets its series made directly (its amount from the
  // expenditure model, like 12362's); the others' from the figure the sample has for them.
  const keyed = ratios.filter((r) => r.ratio.key);
  const modelledAmounts = new Set(keyed.flatMap((r) => r.ratio.numerator));
  const numerators = new Set(ratios.flatMap((r) => r.ratio.numerator));
  for (const ind of CATALOG) {
    if (ind.id === "folkemengde" || ind.ratio?.key) continue;
    const s = ind.ssb ?? {};
    values[ind.id] = values[ind.id] ?? {};
    for (const m of municipalities) {
      if (values[ind.id][m]) continue;
      if (s.table === "12362" || modelledAmounts.has(ind.id)) {
        const functions = s.select.KOKfunksjon0000;
        const art = s.select.KOKart0000[0];
        const contents = s.select.ContentsCode[0];
        values[ind.id][m] = YEARS.map((year) => {
          const { cells, total } = models[m][year];
          const perCapita = functions.reduce((sum, f) => sum + cells[f][art], 0);
          if (contents === "KOSbelopinnbygge0000") return perCapita;
          if (contents === "KOSbelop0000") return Math.round((perCapita * population(m, year)) / 1000);
          if (contents === "KOSandel3501") return roundTo((100 * perCapita) / total, ind.decimals);
          throw new Error(`make-sample: no rule for ${ind.id} (${contents})`);
        });
        continue;
      }
      const spec = TYPICAL[ind.id];
      if (numerators.has(ind.id)) continue; // below, from the figure and its denominator
      if (spec?.sameAs || spec?.restOf) continue; // below, once the other indicators have their figures
      else if (spec) values[ind.id][m] = typicalSeries(ind, m, spec);
      else if (ind.id === "arsgebyr-var-sum") continue; // below, from its parts
      else throw new Error(`make-sample: no typical level for ${ind.id}; add it to TYPICAL`);
    }
  }
  for (const [id, spec] of Object.entries(TYPICAL))
    if (spec.sameAs) for (const m of municipalities) values[id][m] = values[id][m] ?? [...values[spec.sameAs][m]];
  for (const [id, spec] of Object.entries(TYPICAL))
    if (spec.restOf) {
      const [whole, part] = spec.restOf;
      for (const m of municipalities) values[id][m] = values[id][m] ?? YEARS.map((_, yi) => values[whole][m][yi] - values[part][m][yi]);
    }
  for (const r of ratios) if (!r.ratio.key) ratioSeries(values, municipalities, r);
  // The three fees' sum is the sum of the three fees (same table, same municipality, same year).
  const sumOf = CATALOG.find((i) => i.id === "arsgebyr-var-sum");
  if (sumOf) {
    const parts = sumOf.ssb.select.ContentsCode.map((code) => CATALOG.find((i) => i.ssb?.table === sumOf.ssb.table && i.id !== sumOf.id && i.ssb.select.ContentsCode.length === 1 && i.ssb.select.ContentsCode[0] === code).id);
    for (const m of municipalities) values[sumOf.id][m] = YEARS.map((_, yi) => parts.reduce((sum, p) => sum + values[p][m][yi], 0));
  }
}

/**
 * The series of ratio `r` for the municipalities, from the figure the sample has for it
 * (`values[r.id]`, removed afterwards): the denominator as made above (or a typical
 * level), adjusted upwards where a few kilometres or hours more make scale × numerator ÷
 * denominator give the figure exactly; the numerator = figure × denominator ÷ scale, in
 * whole kroner for amounts in 1000 kr and whole units for counts.
 */
const sharedDenominators = new Set();
function ratioSeries(values, municipalities, r) {
  const [numId] = r.ratio.numerator;
  const [denId] = r.ratio.denominator;
  const num = CATALOG.find((i) => i.id === numId);
  const decimals = num.measure === "amount" ? 3 : 0;
  const fixed = sharedDenominators.has(denId);
  sharedDenominators.add(denId);
  values[numId] = values[numId] ?? {};
  values[denId] = values[denId] ?? {};
  for (const m of municipalities) {
    const target = values[r.id][m];
    // A numerator already made from the expenditure model (a 12362 amount, consistent with
    // kroner per inhabitant and population as SSB's are) stays; the denominator follows from it.
    const modelled = values[numId][m];
    if (modelled && !fixed) {
      values[denId][m] = YEARS.map((_, yi) => denominatorFor(r.ratio.scale * modelled[yi], target[yi]));
      continue;
    }
    const den = values[denId][m] ?? typicalSeries(CATALOG.find((i) => i.id === denId), m, TYPICAL[denId]);
    const nums = [];
    const dens = [];
    YEARS.forEach((_, yi) => {
      const v = target[yi];
      let d = Math.max(1, Math.round(den[yi]));
      const numberFor = (dd) => roundTo((v * dd) / r.ratio.scale, decimals);
      // A shared denominator stays as it is; otherwise look for one that gives the figure exactly.
      if (!fixed) {
        let k = 0;
        while (k < 400 && (r.ratio.scale * numberFor(d + k)) / (d + k) !== v) k++;
        if (k < 400) d += k;
      }
      dens.push(d);
      nums.push(numberFor(d));
    });
    values[denId][m] = dens;
    values[numId][m] = nums;
  }
  delete values[r.id];
}

/** The denominator with the fewest decimals (at most 12) for which scaled ÷ denominator is `v` to within 10⁻⁷. */
function denominatorFor(scaled, v) {
  const exact = scaled / v;
  for (let decimals = 0; decimals <= 12; decimals++) {
    const d = roundTo(exact, decimals);
    if (Math.abs(scaled / d - v) < 1e-7) return d;
  }
  return exact;
}

/** JSON with one line per indicator and municipality series, so the file stays small and readable. */
function compactJson(data) {
  const lines = ["{"];
  const entries = Object.entries(data);
  entries.forEach(([key, value], i) => {
    const comma = i < entries.length - 1 ? "," : "";
    if (key !== "values") return lines.push(` ${JSON.stringify(key)}: ${JSON.stringify(value)}${comma}`);
    lines.push(` "values": {`);
    const inds = Object.entries(value);
    inds.forEach(([id, byM], j) => {
      const series = Object.entries(byM).map(([m, s]) => `${JSON.stringify(m)}:${JSON.stringify(s)}`);
      lines.push(`  ${JSON.stringify(id)}: {${series.join(",")}}${j < inds.length - 1 ? "," : ""}`);
    });
    lines.push(` }${comma}`);
  });
  lines.push("}");
  return lines.join("\n") + "\n";
}

/**
 * Beyond the ASSS members and Asker (all SYNTHETIC): Hå and its neighbours (a municipality
 * outside ASSS benchmarked against its KOSTRA group), SSB's published regions (Landet,
 * Landet uten Oslo, KOSTRA groups 7 and 8) and the municipalities merged into Drammen,
 * Kristiansand and Lillestrøm in 2020 (for back series). Populations on 1 January 2017,
 * approximate; Skedsmo, Fet and Sørum and the country as the local test server invents them.
 */
const EXTRA_POPULATION_2017 = {
  ha: 18_800, time: 18_700, klepp: 19_200, gjesdal: 11_800, sola: 26_200,
  "nedre-eiker": 24_700, svelvik: 6_700, songdalen: 6_600, sogne: 11_300,
  ekg07: 620_000, ekg08: 1_050_000,
};
const FROM_2015 = { skedsmo: [53_380, 0.011], fet: [11_240, 0.011], sorum: [17_610, 0.011], eak: [5_166_000, 0.008] };
const EXTRA = [...Object.keys(EXTRA_POPULATION_2017).slice(0, 5), "eak", "eakuo", "ekg07", "ekg08", "nedre-eiker", "svelvik", "songdalen", "sogne", "skedsmo", "fet", "sorum"];
for (const [m, p] of Object.entries(EXTRA_POPULATION_2017)) values.folkemengde[m] = YEARS.map((y) => Math.round(p * Math.pow(1.011, y - 2017)));
for (const [m, [p, rate]] of Object.entries(FROM_2015)) values.folkemengde[m] = YEARS.map((y) => Math.round(p * Math.pow(1 + rate, y - 2015)));
values.folkemengde.eakuo = YEARS.map((_, i) => values.folkemengde.eak[i] - values.folkemengde.oslo[i]);

extendToCatalog(values, [...MEMBERS, "asker", ...EXTRA]);

// Missing values with SSB's symbols, to show how gaps are handled (invented).
const missing = [
  // Tromsø's road length for 2016, so road cost per km is missing there.
  { indicator: "km-kommunale-veier", municipality: "tromso", year: 2016, status: ".." },
  { indicator: "andre-trossamfunn", municipality: "sandnes", year: 2015, status: "." },
];
for (const x of missing) values[x.indicator][x.municipality][YEARS.indexOf(x.year)] = null;

const out = {
  $comment: "SYNTHETIC sample data made by scripts/make-sample.js. Not SSB figures.",
  synthetic: true,
  notice: {
    nb: "Eksempeldata (syntetiske): oppdiktede tall laget slik at Bærums profil for 2017 stemmer med et publisert eksempel. Ikke bruk dem til analyse.",
    en: "Sample data (synthetic): invented figures constructed so that Bærum's 2017 profile matches a published example. Do not use them for analysis.",
  },
  years: YEARS,
  values,
  missing,
};
const file = path.join(__dirname, "..", "src", "sources", "sample", "sample-data.json");
fs.writeFileSync(file, compactJson(out));
console.log(`wrote ${path.relative(process.cwd(), file)} (${fs.statSync(file).size} bytes)`);
