/**
 * Figures KS computes from a numerator and a denominator (catalog indicators with a
 * `ratio`), worked by hand from KS's indikatorbeskrivelser, and the same numbers from the
 * engine, the profile sheet, the time series and the data sheet's formulas recalculated by
 * LibreOffice — under "as KS" (indicator), simple and weighted averaging.
 *
 * The case: Bærum against its own peers Drammen and Bergen in 2019. Every series value
 * below is SYNTHETIC (invented for the arithmetic), not SSB's.
 */
import { benchmark, defaultOptions } from "../../src/kostra/benchmark";
import { INDICATORS, ratioSeriesIds, templateById } from "../../src/kostra/catalog";
import { codeForYear, municipalityById } from "../../src/kostra/municipalities";
import type { AverageChoice, Dataset, Observation } from "../../src/kostra/types";
import { buildReport } from "../../src/report/report";
import { writeXlsx } from "../../src/report/xlsx-writer";
import { recalculate, type RecalcResult } from "../support/libreoffice";
import { LONG_TEST_TIMEOUT_MS } from "../support/timing";

jest.setTimeout(LONG_TEST_TIMEOUT_MS);

const YEAR = 2019;
const WHO = ["baerum", "drammen", "bergen"] as const;
type Who = (typeof WHO)[number];

interface Example {
  /** KS's formula, written out. */
  formula: string;
  /** Numerator and denominator series with each municipality's value. */
  series: Record<string, Record<Who, number>>;
  /** Worked by hand: each municipality's figure, and the peers' (Drammen, Bergen) simple and weighted averages. */
  value: Record<Who, number>;
  simple: number;
  weighted: number;
  template: string;
}

// Home services' f254 net expenditure (1000 kr) and the hours per week allotted to users 0–66 (B) and 67+ (C).
const HOME_SERVICES = {
  "hjemmetjeneste-netto-belop": { baerum: 50000, drammen: 30000, bergen: 100000 },
  "hjemmetjeneste-timer-0-66": { baerum: 3000, drammen: 2000, bergen: 10000 },
  "hjemmetjeneste-timer-67": { baerum: 9000, drammen: 6000, bergen: 10000 },
};

const EXAMPLES: Record<string, Example> = {
  // Brutto driftsutgifter i kr per km vei og gate = A × 1000 ÷ B (A: f332 AGD10, 12362, 1000 kr; B: km, 11814).
  "vei-per-km": {
    formula: "A × 1000 ÷ B",
    series: { "kommunale-veier-brutto-belop": { baerum: 120000, drammen: 52500, bergen: 180000 }, "km-kommunale-veier": { baerum: 400, drammen: 250, bergen: 900 } },
    // 120 000 × 1000 ÷ 400 = 300 000; 52 500 × 1000 ÷ 250 = 210 000; 180 000 × 1000 ÷ 900 = 200 000.
    value: { baerum: 300000, drammen: 210000, bergen: 200000 },
    // (210 000 + 200 000) ÷ 2; (52 500 + 180 000) × 1000 ÷ (250 + 900) = 232 500 000 ÷ 1150.
    simple: 205000,
    weighted: 232500000 / 1150,
    template: "tekniske-tjenester",
  },
  // Netto driftsutgifter barnevern per innbygger 0–17 år = (A ÷ B) × 1000 (A: f244+251+252, 12367; B: 0–17 år, 11805).
  "barnevern-netto-per-innbygger-0-17": {
    formula: "(A ÷ B) × 1000",
    series: { "barnevern-netto-belop": { baerum: 270000, drammen: 160000, bergen: 600000 }, "innbyggere-0-17": { baerum: 30000, drammen: 20000, bergen: 60000 } },
    // 270 000 ÷ 30 000 × 1000 = 9000; 160 000 ÷ 20 000 × 1000 = 8000; 600 000 ÷ 60 000 × 1000 = 10 000.
    value: { baerum: 9000, drammen: 8000, bergen: 10000 },
    // (8000 + 10 000) ÷ 2; (160 000 + 600 000) ÷ (20 000 + 60 000) × 1000 = 9500.
    simple: 9000,
    weighted: 9500,
    template: "barnevern",
  },
  // Andel barn med undersøkelser i forhold til innbyggere 0–17 år = A ÷ B in per cent (A: 12286; B: 11805).
  "barnevern-andel-barn-undersokelse": {
    formula: "A ÷ B × 100",
    series: { "barnevern-barn-undersokelse-0-17": { baerum: 1200, drammen: 1000, bergen: 1800 }, "innbyggere-0-17": { baerum: 30000, drammen: 20000, bergen: 60000 } },
    // 1200 ÷ 30 000 × 100 = 4; 1000 ÷ 20 000 × 100 = 5; 1800 ÷ 60 000 × 100 = 3.
    value: { baerum: 4, drammen: 5, bergen: 3 },
    // (5 + 3) ÷ 2; (1000 + 1800) ÷ (20 000 + 60 000) × 100 = 3.5.
    simple: 4,
    weighted: 3.5,
    template: "barnevern",
  },
  // Gruppestørrelse = A ÷ B (A: elevtimer; B: lærertimer minus morsmål og finsk; both 12285).
  "grunnskole-gruppestorrelse": {
    formula: "A ÷ B",
    series: { "grunnskole-elevtimer": { baerum: 150000, drammen: 64000, bergen: 168000 }, "grunnskole-laerertimer": { baerum: 10000, drammen: 4000, bergen: 12000 } },
    // 150 000 ÷ 10 000 = 15; 64 000 ÷ 4000 = 16; 168 000 ÷ 12 000 = 14.
    value: { baerum: 15, drammen: 16, bergen: 14 },
    // (16 + 14) ÷ 2; (64 000 + 168 000) ÷ (4000 + 12 000) = 14.5.
    simple: 15,
    weighted: 14.5,
    template: "grunnskole",
  },
  // Netto driftsutgifter grunnskole (f202) per elev = A ÷ B, A in 1000 kr so × 1000 (A: 12367; B: 11977).
  "grunnskole-netto-202-per-elev": {
    formula: "A × 1000 ÷ B",
    series: { "grunnskole-netto-202-belop": { baerum: 1500000, drammen: 550000, bergen: 1800000 }, "elever-grunnskole": { baerum: 15000, drammen: 5000, bergen: 20000 } },
    // 1 500 000 × 1000 ÷ 15 000 = 100 000; 550 000 × 1000 ÷ 5000 = 110 000; 1 800 000 × 1000 ÷ 20 000 = 90 000.
    value: { baerum: 100000, drammen: 110000, bergen: 90000 },
    // (110 000 + 90 000) ÷ 2; (550 000 + 1 800 000) × 1000 ÷ (5000 + 20 000) = 94 000.
    simple: 100000,
    weighted: 94000,
    template: "grunnskole",
  },
  // Netto driftsutgifter eiendomsforvaltning av samlede netto driftsutgifter = (A ÷ B) × 100 (A: FGK6a, 12367; B: 12364).
  "eiendom-andel-netto": {
    formula: "(A ÷ B) × 100",
    series: { "eiendom-netto-belop": { baerum: 900000, drammen: 400000, bergen: 1500000 }, "netto-driftsutgifter-totalt": { baerum: 10000000, drammen: 5000000, bergen: 15000000 } },
    // 900 000 ÷ 10 000 000 × 100 = 9; 400 000 ÷ 5 000 000 × 100 = 8; 1 500 000 ÷ 15 000 000 × 100 = 10.
    value: { baerum: 9, drammen: 8, bergen: 10 },
    // (8 + 10) ÷ 2; (400 000 + 1 500 000) ÷ (5 000 000 + 15 000 000) × 100 = 9.5.
    simple: 9,
    weighted: 9.5,
    template: "eiendomsforvaltning",
  },
  // KS, PLO indikatorbeskrivelser: Netto driftsutgifter hjemmetjeneste 0-66 år per innbygger 0-66 år
  // = (A × B/(B+C)) × 1000 / D (A: f254 netto, 12367, 1000 kr; B, C: tildelte timer per uke til
  // hjemmetjenestebrukere 0–66 and 67+, 12292; D: innbyggere 0–66, 07459).
  "hjemmetjeneste-netto-per-innbygger-0-66": {
    formula: "(A × B/(B+C)) × 1000 / D",
    series: { ...HOME_SERVICES, "innbyggere-0-66": { baerum: 80000, drammen: 50000, bergen: 200000 } },
    // 50 000 × 1000 × 3000/12 000 ÷ 80 000 = 50 000 000 × 0.25 ÷ 80 000 = 156.25;
    // 30 000 × 1000 × 2000/8000 ÷ 50 000 = 150; 100 000 × 1000 × 10 000/20 000 ÷ 200 000 = 250.
    value: { baerum: 156.25, drammen: 150, bergen: 250 },
    // (150 + 250) ÷ 2; as KS, the key per municipality: (30 000 × 0.25 + 100 000 × 0.5) × 1000 ÷ (50 000 + 200 000)
    // = 57 500 000 ÷ 250 000 = 230 (the key applied to the sums would give 130 000 × 12 000/28 000 × 1000 ÷ 250 000 ≈ 222.86).
    simple: 200,
    weighted: 230,
    template: "pleie-omsorg-0-66",
  },
  // The 67+ twin: (A × C/(B+C)) × 1000 / D67 (D67: innbyggere 67 år og eldre, 07459).
  "hjemmetjeneste-netto-per-innbygger-67": {
    formula: "(A × C/(B+C)) × 1000 / D",
    series: { ...HOME_SERVICES, "innbyggere-67-og-eldre": { baerum: 20000, drammen: 15000, bergen: 40000 } },
    // 50 000 × 1000 × 0.75 ÷ 20 000 = 1875; 30 000 × 1000 × 0.75 ÷ 15 000 = 1500; 100 000 × 1000 × 0.5 ÷ 40 000 = 1250.
    value: { baerum: 1875, drammen: 1500, bergen: 1250 },
    // (1500 + 1250) ÷ 2; (30 000 × 0.75 + 100 000 × 0.5) × 1000 ÷ (15 000 + 40 000) = 72 500 000 ÷ 55 000.
    simple: 1375,
    weighted: 72500000 / 55000,
    template: "pleie-omsorg-67",
  },
};

function dataset(): Dataset {
  const observations: Observation[] = [];
  const seen = new Set<string>();
  for (const ex of Object.values(EXAMPLES))
    for (const [indicator, byWho] of Object.entries(ex.series))
      for (const m of WHO) {
        if (seen.has(`${indicator}|${m}`)) continue;
        seen.add(`${indicator}|${m}`);
        observations.push({ indicator, municipality: m, year: YEAR, code: codeForYear(municipalityById(m)!, YEAR)!, value: byWho[m], provenance: 0 });
      }
  return { observations, provenance: [{ source: "file", query: "syntetisk.csv", synthetic: true, notes: ["SYNTETISKE testdata"] }] };
}

const TEMPLATES = [...new Set(Object.values(EXAMPLES).map((e) => e.template))];
const peers = { network: "custom", peers: ["drammen", "bergen"], comparisons: [] as string[] };

it("covers every ratio indicator of the catalog, with the formula written out", () => {
  expect(INDICATORS.filter((i) => i.ratio).map((i) => i.id).sort()).toEqual(Object.keys(EXAMPLES).sort());
  for (const [id, ex] of Object.entries(EXAMPLES)) {
    const ind = INDICATORS.find((i) => i.id === id)!;
    const scale = ind.ratio!.scale;
    expect([id, ratioSeriesIds(ind).sort()]).toEqual([id, Object.keys(ex.series).sort()]);
    expect([id, ex.formula.includes(String(scale)) || scale === 1]).toEqual([id, true]);
  }
});

describe.each([
  ["indicator", "weighted"],
  ["simple", "simple"],
  ["weighted", "weighted"],
] as const)("averaging %s", (average: AverageChoice, expected: "simple" | "weighted") => {
  const { plan, profiles } = buildReport(dataset(), { sectors: TEMPLATES, municipality: "baerum", year: YEAR, years: [YEAR], ...peers, average, lang: "nb" });

  it("the engine gives each municipality's figure and the average worked by hand", () => {
    for (const [id, ex] of Object.entries(EXAMPLES)) {
      const p = benchmark(dataset(), { ...defaultOptions(ex.template, "baerum", YEAR), ...peers, average });
      const row = p.rows.find((r) => r.indicator.id === id)!;
      expect([id, row.value]).toEqual([id, ex.value.baerum]);
      expect([id, row.averageKind]).toEqual([id, expected]);
      expect(row.average).toBeCloseTo(ex[expected], 9);
      expect([row.lowest?.value, row.highest?.value]).toEqual([Math.min(ex.value.drammen, ex.value.bergen), Math.max(ex.value.drammen, ex.value.bergen)]);
    }
  });

  describe("the workbook recalculated by LibreOffice", () => {
    let r: RecalcResult;
    beforeAll(async () => {
      r = await recalculate(await writeXlsx(plan));
    });

    it("gives the same figures and averages on the profile sheets, the time series and the data sheet", () => {
      const data = plan.sheets[plan.sheets.length - 1].name;
      for (const [id, ex] of Object.entries(EXAMPLES)) {
        const at = profiles.findIndex((p) => p.sector.id === ex.template);
        const profileSheet = plan.sheets[2 * at].name;
        const series = plan.sheets[2 * at + 1].name;
        const i = templateById(ex.template)!.indicators.indexOf(id);
        // The profile: value in B, average in C, from row 8.
        expect([id, r.value(profileSheet, `B${8 + i}`)]).toEqual([id, ex.value.baerum]);
        expect(r.value(profileSheet, `C${8 + i}`)).toBeCloseTo(ex[expected], 9);
        // The time series: the value row and the averages row carry the indicator's label.
        const label = profiles[at].rows[i].indicator.label.nb;
        const rows = Array.from({ length: 120 }, (_, k) => k + 1).filter((row) => r.value(series, `A${row}`) === label);
        // Values, averages and index rows.
        expect([id, rows.length]).toEqual([id, 3]);
        expect([id, r.value(series, `B${rows[0]}`)]).toEqual([id, ex.value.baerum]);
        expect(r.value(series, `B${rows[1]}`)).toBeCloseTo(ex[expected], 9);
        // The data sheet: the figure is a formula over the series rows.
        const found = Array.from({ length: 400 }, (_, k) => k + 2).filter((row) => r.value(data, `C${row}`) === id && r.value(data, `D${row}`) === "Bærum");
        expect([id, found.length]).toEqual([id, 1]);
        expect(r.formula(data, `G${found[0]}`)).toMatch(/^=IF\(AND\(ISNUMBER/);
        expect([id, r.value(data, `G${found[0]}`)]).toEqual([id, ex.value.baerum]);
      }
    });
  });
});

it("a missing series or a denominator of 0 gives a missing figure, never 0 or NaN", () => {
  const ds = dataset();
  const observations = ds.observations
    .filter((o) => !(o.indicator === "km-kommunale-veier" && o.municipality === "drammen"))
    .map((o) => (o.indicator === "innbyggere-0-17" && o.municipality === "bergen" ? { ...o, value: 0 } : o));
  const p = benchmark({ ...ds, observations }, { ...defaultOptions("tekniske-tjenester", "drammen", YEAR), ...peers, comparisons: ["bergen"] });
  const road = p.rows.find((r) => r.indicator.id === "vei-per-km")!;
  expect([road.value, road.status]).toEqual([null, ".."]);
  const b = benchmark({ ...ds, observations }, { ...defaultOptions("barnevern", "bergen", YEAR), ...peers });
  const perChild = b.rows.find((r) => r.indicator.id === "barnevern-netto-per-innbygger-0-17")!;
  expect([perChild.value, perChild.status]).toEqual([null, ".."]);
  // Drammen alone counts in the weighted average: 160 000 ÷ 20 000 × 1000.
  expect(perChild.average).toBe(8000);
});
