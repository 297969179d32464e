/**
 * The SYNTHETIC data model shared by the embedded sample (scripts/make-sample.js) and the
 * local SSB test server (tests/support/pxweb-world.ts), so both invent the same figures:
 * deterministic pseudo-random numbers from a key, and table 12362's typical expenditure
 * per function with KOSTRA's function groups. The numbers are invented, not SSB's.
 */
/** A number in [0, 1) from a string (FNV-1a and an avalanche step). */
function hash01(key) {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}
const between = (key, lo, hi) => lo + (hi - lo) * hash01(key);
/**
 * Table 12362: typical gross operating expenditure in kroner per inhabitant (2017) and the
 * net share of it, per function. VAR is fee-financed, so its net is below zero.
 */
const FUNCTION_PROFILE = {
  100: [450, 0.95], 120: [3800, 0.85], 121: [350, 0.9], 130: [450, 0.8], 190: [600, 0.1],
  201: [9500, 0.85], 202: [13500, 0.9], 211: [600, 0.95], 213: [500, 0.5], 215: [1300, 0.25],
  221: [900, 0.9], 222: [3000, 0.8], 223: [200, 0.9], 231: [350, 0.85], 232: [900, 0.85],
  233: [250, 0.7], 234: [1100, 0.75], 241: [1700, 0.8], 242: [800, 0.85], 243: [600, 0.8],
  244: [700, 0.92], 251: [350, 0.9], 252: [1300, 0.85], 253: [7500, 0.8], 254: [9500, 0.85],
  256: [250, 0.85], 261: [1100, 0.8], 273: [300, 0.7], 276: [200, 0.95], 281: [1500, 0.95],
  301: [360, 0.7], 302: [300, 0.1], 303: [110, 0.45], 330: [350, 0.8], 332: [950, 0.85],
  335: [240, 0.9], 338: [130, 0.85], 339: [640, 0.9], 340: [900, -0.1], 345: [1100, -0.1],
  350: [900, -0.1], 353: [1300, -0.1], 355: [1400, 0.02], 360: [210, 0.85], 365: [60, 0.9],
  370: [320, 0.92], 373: [60, 0.3], 375: [150, 0.95], 377: [330, 0.85], 380: [700, 0.9],
  381: [820, 0.8], 383: [450, 0.7], 385: [400, 0.85], 386: [400, 0.7], 390: [450, 0.95],
  392: [115, 0.97], 393: [200, 0.9],
};
/** KOSTRA's function groups (FGK) as sums of the functions above. */
const FUNCTION_GROUPS = {
  FGK1b: ["100", "120", "121", "130"],
  FGK2: ["231", "365", "370", "373", "375", "377", "380", "381", "383", "385", "386"],
  FGK7: ["201", "211", "221"],
  FGK8b: ["202", "213", "215", "222", "223"],
  FGK9: ["232", "233", "234", "241", "253", "254", "256", "261"],
  FGK12: ["242", "243", "273", "276", "281"],
  FGK13: ["244", "251", "252"],
  FGK14: ["340", "345", "350", "353", "355"],
};
/**
 * One part of a seeded sum of functions, split in proportion to the functions' typical
 * gross expenditure, with rounding that keeps the sum exact (as the local test server splits it).
 */
function splitPart(total, part, functions) {
  const weights = functions.map((f) => (FUNCTION_PROFILE[f] ? FUNCTION_PROFILE[f][0] : 1));
  const all = weights.reduce((a, b) => a + b, 0);
  let rest = total;
  for (let i = 0; i < functions.length - 1; i++) {
    const share = Math.round((total * weights[i]) / all);
    if (i === part) return share;
    rest -= share;
  }
  return rest;
}

module.exports = { hash01, between, FUNCTION_PROFILE, FUNCTION_GROUPS, splitPart };
