#!/usr/bin/env node
/**
 * Builds the embedded SYNTHETIC sample (src/sources/sample/sample-data.json).
 *
 * The numbers are invented. They are constructed so that, under the default settings
 * (simple mean over the 10 ASSS members of 2017, Oslo and the focal municipality
 * included), Bærum's 2017 service profiles reproduce the published tables of the
 * reference document exactly (value, network average, lowest, highest, Asker).
 * Other years and members are plausible but invented. Populations are approximate.
 *
 * Run: node scripts/make-sample.js   (deterministic: same output every run)
 */
const fs = require("fs");
const path = require("path");

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

// Missing values with SSB's symbols, to show how gaps are handled (invented).
const missing = [
  { indicator: "vei-per-km", municipality: "tromso", year: 2016, status: ".." },
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
fs.writeFileSync(file, JSON.stringify(out, null, 1) + "\n");
console.log(`wrote ${path.relative(process.cwd(), file)}`);
