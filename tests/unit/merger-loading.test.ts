/**
 * Loading what merged municipalities' back series need: the planner asks for the
 * predecessors' codes in the years before the merger and the amount beside each per-capita
 * figure; a cube's amount cells become the companion amount indicator; and the loaded
 * observations give the recomputed figure. Cube figures are SYNTHETIC.
 */
import { amountIndicatorOf, indicatorFor, templateById, templateIndicators } from "../../src/kostra/catalog";
import { backSeries } from "../../src/kostra/mergers";
import { municipalityById } from "../../src/kostra/municipalities";
import type { Observation } from "../../src/kostra/types";
import { readJsonStat } from "../../src/sources/ssb/jsonstat";
import { observationsFromCube } from "../../src/sources/ssb/observations";
import { planLoad, regionCodes, regionCodesWithPredecessors } from "../../src/sources/ssb/planner";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildSsbDataset } = require("../support/ssb-shape");

const ctx = { baseUrl: "https://data.ssb.no/api/pxwebapi/v2", lang: "no" as const, maxDataCells: 800_000 };
const m = (id: string) => municipalityById(id)!;
const pmk = templateIndicators(templateById("plan-miljo-kultur")!);
const KUNST = indicatorFor("kunstformidling")!;

describe("planning a load with back series", () => {
  it.each([
    ["drammen", ["0602", "3005"], ["0625", "0711"]],
    ["kristiansand", ["1001", "4204"], ["1017", "1018"]],
    ["lillestrom", ["3030"], ["0226", "0227", "0231"]],
  ])("asks for %s's predecessors' codes in 2019, not after the merger", (id, own, predecessors) => {
    expect(regionCodesWithPredecessors([m(id)], [2019, 2020])).toEqual([...own, ...predecessors]);
    expect(regionCodesWithPredecessors([m(id)], [2020, 2021])).toEqual(regionCodes([m(id)], [2020, 2021]));
    const plan = planLoad({ indicators: pmk, municipalities: [m(id)], years: [2019, 2020], weighted: false, backSeries: true }, ctx);
    expect(plan.queries).toHaveLength(1);
    expect(plan.queries[0].query.selection.KOKkommuneregion0000).toEqual([...own, ...predecessors]);
    const without = planLoad({ indicators: pmk, municipalities: [m(id)], years: [2019, 2020], weighted: false }, ctx);
    expect(without.queries[0].query.selection.KOKkommuneregion0000).toEqual(own);
  });

  it("asks for the amount beside per-capita figures, even for a simple average", () => {
    const plan = planLoad({ indicators: pmk, municipalities: [m("drammen")], years: [2019, 2020], weighted: false, backSeries: true }, ctx);
    expect(plan.queries[0].query.selection.ContentsCode).toEqual(["KOSbelopinnbygge0000", "KOSbelop0000"]);
    const plain = planLoad({ indicators: pmk, municipalities: [m("drammen")], years: [2019, 2020], weighted: false }, ctx);
    expect(plain.queries[0].query.selection.ContentsCode).toEqual(["KOSbelopinnbygge0000"]);
  });

  it("adds the count a per-child figure is per", () => {
    const perChild = indicatorFor("barnevern-netto-per-barn-undersokelse-tiltak")!;
    const plan = planLoad({ indicators: [perChild], municipalities: [m("kristiansand")], years: [2019, 2020], weighted: false, backSeries: true }, ctx);
    expect(plan.queries.flatMap((q) => q.indicators)).toEqual(expect.arrayContaining([perChild.id, "barnevern-barn-undersokelse-tiltak-0-22"]));
    for (const q of plan.queries) expect(q.query.selection.KOKkommuneregion0000 ?? q.query.selection.Region).toEqual(expect.arrayContaining(["1001", "1017", "1018", "4204"]));
  });
});

describe("amounts in a cube", () => {
  // SYNTHETIC: kunstformidling (377, AGD2) for Drammen and its predecessors 2019 and Drammen 2020.
  const POP: Record<string, number> = { "0602": 69_000, "0625": 25_000, "0711": 6_700, "3005": 102_000 };
  const PER_CAPITA: Record<string, number> = { "0602": 210, "0625": 90, "0711": 400, "3005": 190 };
  const cube = () =>
    readJsonStat(
      buildSsbDataset({
        table: "12362",
        title: "12362: syntetisk",
        order: ["KOKkommuneregion0000", "KOKfunksjon0000", "KOKart0000", "ContentsCode", "Tid"],
        dims: {
          KOKkommuneregion0000: { codes: ["0602", "0625", "0711", "3005"] },
          KOKfunksjon0000: { codes: ["377"] },
          KOKart0000: { codes: ["AGD2"] },
          ContentsCode: { codes: ["KOSbelopinnbygge0000", "KOSbelop0000"] },
          Tid: { codes: ["2019", "2020"] },
        },
        cell: (c: Record<string, string>) => {
          const code = c.KOKkommuneregion0000;
          if ((code === "3005") !== (c.Tid === "2020")) return { value: null, status: "." };
          const pc = PER_CAPITA[code];
          return c.ContentsCode === "KOSbelop0000" ? Math.round((pc * POP[code]) / 1000) : pc;
        },
      }),
      "x",
    );

  it("maps amount cells to the companion indicator, for predecessors too", () => {
    const { observations, indicators } = observationsFromCube(cube(), "x");
    const belop = amountIndicatorOf(KUNST)!;
    expect(indicators).toEqual(expect.arrayContaining(["kunstformidling", belop.id]));
    expect(observations).toEqual(
      expect.arrayContaining([
        { indicator: belop.id, municipality: "nedre-eiker", year: 2019, code: "0625", value: Math.round((90 * 25_000) / 1000) },
        { indicator: "kunstformidling", municipality: "svelvik", year: 2019, code: "0711", value: 400 },
        { indicator: belop.id, municipality: "drammen", year: 2020, code: "3005", value: Math.round((190 * 102_000) / 1000) },
      ]),
    );
    expect(belop.label.nb).toBe("Netto driftsutgifter kunstformidling (beløp, 1000 kr)");
    expect(belop.ssb!.select).toEqual({ ...KUNST.ssb!.select, ContentsCode: ["KOSbelop0000"] });
  });

  it("gives Drammen 2019 as summed amounts over summed population", () => {
    const { observations } = observationsFromCube(cube(), "x");
    const dataset = { observations: observations.map((o): Observation => ({ ...o, provenance: 0 })), provenance: [{ source: "file" as const }] };
    const r = backSeries(dataset, { municipality: "drammen", indicators: [KUNST], years: [2019, 2020] });
    expect(r.observations).toHaveLength(1);
    const o = r.observations[0];
    const old = ["0602", "0625", "0711"];
    const amounts = old.map((c) => Math.round((PER_CAPITA[c] * POP[c]) / 1000));
    // Population comes from the cube (amount ÷ per inhabitant), as KOSTRA divides.
    const pops = dataset.observations.filter((x) => x.indicator === "folkemengde" && x.year === 2019).map((x) => x.value!);
    expect(pops).toHaveLength(3);
    expect(o.value).toBeCloseTo((amounts.reduce((a, b) => a + b, 0) * 1000) / pops.reduce((a, b) => a + b, 0), 9);
    expect(o.value).toBeCloseTo((210 * 69_000 + 90 * 25_000 + 400 * 6_700) / (69_000 + 25_000 + 6_700), 0);
    expect(o.computed?.amountScale).toBe(1000);
  });
});
