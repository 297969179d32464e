/**
 * Validity periods and earlier series against the local PxWebApi 2 server (the catalog
 * world: every table of the catalog, SYNTHETIC numbers):
 * - the README's fetch example (plan-miljo-kultur and tekniske-tjenester, 2015–2024):
 *   f392 is never asked for 2021–2024, its rows say "ikke gyldig", 12842's fees are read
 *   at 1 January of the year after;
 * - barnehage 2015–2024: 12562 for 2015–2019, 13502 for 2020–2024, one continuous series.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { templateById, templateIndicators } from "../../src/kostra/catalog";
import { municipalityById } from "../../src/kostra/municipalities";
import { networkById, networkMembers } from "../../src/kostra/networks";
import { SsbClient } from "../../src/sources/ssb/client";
import { loadFromSsb } from "../../src/sources/ssb/load";
import { RateLimiter } from "../../src/sources/ssb/rate-limiter";
import { startPxWebServer, type LoggedRequest, type PxWebServer } from "../support/pxweb-server";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const sample = require("../../src/sources/sample/sample-data.json") as { years: number[]; values: Record<string, Record<string, (number | null)[]>> };

async function kostra(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (t) => void (out += t), err: (t) => void (err += t), readFile: (p) => readFileSync(p) });
  return { code, out, err };
}

/** The selection of a logged data request, GET or POST: dimension → codes. */
function selectionOf(req: LoggedRequest): Record<string, string[]> {
  if (req.method === "POST") {
    const body = req.body as { selection: { variableCode: string; valueCodes: string[] }[] };
    return Object.fromEntries(body.selection.map((s) => [s.variableCode, s.valueCodes]));
  }
  return Object.fromEntries(
    Object.entries(req.query)
      .filter(([k]) => k.startsWith("valueCodes["))
      .map(([k, v]) => [k.slice("valueCodes[".length, -1), v.split(",")]),
  );
}

const tableOf = (req: LoggedRequest) => /^\/tables\/([^/]+)\/data$/.exec(req.path)?.[1];
const years = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => String(a + i));

let server: PxWebServer;
const dir = mkdtempSync(join(tmpdir(), "kostra-validity-"));
beforeAll(async () => {
  server = await startPxWebServer({ world: "catalog", maxCallsPerTimeWindow: 1000 });
});
afterAll(async () => {
  await server.close();
});

describe("the README's fetch example against the local PxWebApi 2 server", () => {
  const out = join(dir, "kostra.json");
  const templates = ["plan-miljo-kultur", "tekniske-tjenester"];
  let dataRequests: LoggedRequest[] = [];
  let fetched: { code: number; err: string };

  beforeAll(async () => {
    const before = server.requests.length;
    fetched = await kostra("fetch", "--sector", templates.join(","), "--years", "2015-2024", "--base-url", server.baseUrl, "--no-cache", "--allow-partial", "--out", out);
    dataRequests = server.requests.slice(before).filter((r) => tableOf(r) !== undefined);
  });

  it("loads everything, road cost per km as its series (f332 gross from 12362, road length from 11814), and nothing is missing", async () => {
    expect(fetched.code).toBe(0);
    expect([...fetched.err.matchAll(/^mangler: (\S+) /gm)]).toEqual([]);
    expect(dataRequests.some((r) => tableOf(r) === "11814")).toBe(true);
    // Without --allow-partial, as the README writes it: exit 0.
    const strict = await kostra("fetch", "--sector", templates.join(","), "--years", "2015-2024", "--base-url", server.baseUrl, "--no-cache", "--out", join(dir, "strict.json"));
    expect([strict.code, strict.err.match(/^mangler: .*/gm)]).toEqual([0, null]);
    const file = JSON.parse(readFileSync(join(dir, "strict.json"), "utf8")) as { observations: { indicator: string; year: number }[] };
    for (const series of ["kommunale-veier-brutto-belop", "km-kommunale-veier"]) expect(new Set(file.observations.filter((o) => o.indicator === series).map((o) => o.year))).toEqual(new Set(Array.from({ length: 10 }, (_, i) => 2015 + i)));
  });

  it("never asks for f392 after 2020", () => {
    const with392 = dataRequests.filter((r) => tableOf(r) === "12362" && selectionOf(r).KOKfunksjon0000.includes("392"));
    expect(with392.length).toBeGreaterThan(0);
    for (const r of with392) expect(selectionOf(r).Tid.every((t) => Number(t) <= 2020)).toBe(true);
    // The other 12362 figures are asked for every year: 12362 twice, 2015–2020 with f392 and 2021–2024 without, as the README says.
    const all = dataRequests.filter((r) => tableOf(r) === "12362");
    expect(all.map((r) => selectionOf(r).Tid)).toEqual([years(2015, 2020), years(2021, 2024)]);
    for (const r of all) expect(selectionOf(r).KOKfunksjon0000).toEqual(expect.arrayContaining(["377", "385", "370", "301", "303", "380"]));
  });

  it("asks 12842 for 1 January 2016–2025: the fees of data years 2015–2024", () => {
    const fees = dataRequests.filter((r) => tableOf(r) === "12842");
    expect(fees.flatMap((r) => selectionOf(r).Tid).sort()).toEqual(years(2016, 2025));
  });

  it("gives profiles where f392 is not valid from 2021 and the fee says which 1 January it is", async () => {
    const p2024 = await kostra("profile", "--input", out, "--sector", "plan-miljo-kultur", "--municipality", "3201", "--year", "2024", "--format", "json");
    expect(p2024.code).toBe(0);
    const rows = JSON.parse(p2024.out).rows as { indicator: { id: string; label: string }; value: number | null; average: number | null; reason: string | null }[];
    const f392 = rows.find((r) => r.indicator.id === "andre-trossamfunn")!;
    expect(f392).toMatchObject({ value: null, average: null, reason: expect.stringMatching(/^ikke gyldig for 2024: fra 2021 gir staten ett tilskudd/) });
    expect(rows.filter((r) => r.indicator.id !== "andre-trossamfunn").every((r) => r.value !== null && r.average !== null)).toBe(true);

    const p2020 = JSON.parse((await kostra("profile", "--input", out, "--sector", "plan-miljo-kultur", "--municipality", "3024", "--year", "2020", "--format", "json")).out);
    expect(p2020.rows.find((r: { indicator: { id: string } }) => r.indicator.id === "andre-trossamfunn")).toMatchObject({ value: expect.any(Number), reason: null });

    // 2017: the fee at 1 January 2018 is the sample's 2017 figure, as the seed's row "(gjelder rapporteringsåret+1)".
    const tt = JSON.parse((await kostra("profile", "--input", out, "--sector", "tekniske-tjenester", "--municipality", "0219", "--year", "2017", "--format", "json")).out);
    const fee = tt.rows.find((r: { indicator: { id: string } }) => r.indicator.id === "arsgebyr-avfall");
    expect(fee.indicator.label).toBe("Årsgebyr for avfallstjenesten - ekskl. mva. (per 1.1.2018)");
    expect(fee.value).toBe(sample.values["arsgebyr-avfall"].baerum[sample.years.indexOf(2017)]);
  });
});

describe("barnehage 2015–2024", () => {
  it("asks 12562 for 2015–2019 and 13502 for 2020–2024, and gives one continuous series", async () => {
    const indicators = templateIndicators(templateById("barnehage")!);
    const switched = indicators.filter((i) => i.ssb?.table === "13502");
    const ids = new Set<string>(["baerum"]);
    for (let y = 2015; y <= 2024; y++) for (const id of networkMembers(networkById("asss")!, y)) ids.add(id);
    const before = server.requests.length;
    const result = await loadFromSsb(
      { indicators: switched, municipalities: [...ids].map((id) => municipalityById(id)!), years: years(2015, 2024).map(Number), weighted: false },
      { client: new SsbClient({ baseUrl: server.baseUrl, limiter: new RateLimiter({ maxCalls: 1000, windowMs: 60_000 }) }) },
    );
    const requests = server.requests.slice(before).filter((r) => tableOf(r) !== undefined);
    expect(requests.map((r) => [tableOf(r), selectionOf(r).Tid])).toEqual([
      ["12562", years(2015, 2019)],
      ["13502", years(2020, 2024)],
    ]);
    expect([result.complete, result.missing]).toEqual([true, []]);
    for (const ind of switched) {
      const series = years(2015, 2024).map((y) => result.dataset.observations.find((o) => o.indicator === ind.id && o.municipality === "baerum" && o.year === Number(y)));
      // A value every year, under the code of the year; 2015–2018 are the sample's (the world's 12562 cells carry them).
      expect([ind.id, series.map((o) => typeof o?.value)]).toEqual([ind.id, Array(10).fill("number")]);
      expect(series.map((o) => o!.code)).toEqual([...Array(5).fill("0219"), ...Array(4).fill("3024"), "3201"]);
      expect(series.slice(0, 4).map((o) => o!.value)).toEqual(sample.values[ind.id].baerum);
    }
  });
});
