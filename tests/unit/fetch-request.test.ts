/**
 * What to fetch for a request: one rule (src/app/fetch-request.ts) for `kostra fetch` and
 * the pane's SSB load. The pane used to ask for the municipality's KOSTRA group only in
 * the profile year (a time series had no group figures in its other years) and never for
 * Landet / Landet uten Oslo, so changing the base after loading meant loading again.
 */
import { fetchRequest, type FetchChoices } from "../../src/app/fetch-request";
import { KostraError } from "../../src/kostra/errors";
import { kostraGroupOf } from "../../src/kostra/municipalities";
import { templateById } from "../../src/kostra/catalog";
import { initialForm } from "../../src/taskpane/state/form";
import { loadRequestFor } from "../../src/taskpane/state/load";
import { loadDomain } from "../../src/taskpane/domain";

const choices = (more: Partial<FetchChoices> = {}): FetchChoices => ({
  templates: [templateById("plan-miljo-kultur")!],
  years: [2019, 2020, 2021],
  network: "asss",
  municipality: "bergen",
  average: "simple",
  mergedHistory: "break",
  ...more,
});
const ids = (c: FetchChoices) => fetchRequest(c).municipalities.map((m) => m.id);

describe("what to fetch for a request", () => {
  it("asks for Landet and Landet uten Oslo always, and the municipality's KOSTRA group in every year it is known", () => {
    const group = kostraGroupOf("bergen", 2020)!;
    expect(group).toBeDefined();
    expect(kostraGroupOf("bergen", 2019)).toBeUndefined();
    const regions = ids(choices());
    expect(regions).toEqual(expect.arrayContaining(["eak", "eakuo", group]));
    expect(regions.filter((id) => id === group)).toHaveLength(1);
    // Only the profile year 2019 (no group known) would have left the group out.
    expect(ids(choices({ years: [2019] }))).not.toContain(group);
  });

  it("asks for the group the user named instead of the municipality's own", () => {
    const regions = ids(choices({ kostraGroup: "ekg07" }));
    expect(regions).toContain("ekg07");
    expect(regions).not.toContain(kostraGroupOf("bergen", 2020));
  });

  it("asks for the members of every year, the municipality, the comparisons and custom peers once each", () => {
    const regions = ids(choices({ comparisons: ["asker", "bergen"], years: [2021, 2022] }));
    expect(regions.slice(0, 12)).toEqual(["bergen", "baerum", "drammen", "fredrikstad", "kristiansand", "oslo", "sandnes", "stavanger", "tromso", "trondheim", "asker", "lillestrom"]);
    expect(new Set(regions).size).toBe(regions.length);
    const custom = ids(choices({ network: "custom", peers: ["time", "klepp"] }));
    expect(custom.slice(0, 3)).toEqual(["time", "klepp", "bergen"]);
  });

  it("refuses an unknown network, naming it", () => {
    expect(() => fetchRequest(choices({ network: "kvarteret" }))).toThrow(KostraError);
  });

  it("asks for each indicator once across templates, weights for a weighted average, predecessors for summed back series", () => {
    const one = fetchRequest(choices());
    const twice = fetchRequest(choices({ templates: [templateById("plan-miljo-kultur")!, templateById("plan-miljo-kultur")!] }));
    expect(twice.indicators).toEqual(one.indicators);
    expect(one.weighted).toBe(false);
    expect(fetchRequest(choices({ average: "indicator" })).weighted).toBe(true);
    expect(fetchRequest(choices({ mergedHistory: "sum" })).backSeries).toBe(true);
  });

  it("is what the pane asks for", async () => {
    await loadDomain();
    const form = { ...initialForm(), municipality: "bergen", comparisons: ["asker"], span: { from: 2019, to: 2021 }, year: 2021, base: "kostragruppe" as const };
    // The pane averages as KS by default, which needs the weights.
    expect(form.average).toBe("indicator");
    expect(loadRequestFor(form)).toEqual(fetchRequest(choices({ templates: [templateById(form.sector)!], comparisons: ["asker"], base: "kostragruppe", average: "indicator" })));
    expect(loadRequestFor(form).weighted).toBe(true);
  });
});
