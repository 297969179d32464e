/**
 * The `kostra` command with other comparison groups, run in-process: Hå (1119) against
 * KOSTRA-gruppe 7 and Landet uten Oslo, against its own peers, and the errors a user
 * gets for impossible choices. Data: SYNTHETIC (tests/support/groups-dataset.ts).
 */
import { existsSync, mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import type { FetchIo } from "../../src/cli/fetch";
import { writeObservationsFile } from "../../src/sources/observations-file";
import { syntheticDataset } from "../support/groups-dataset";
import { kostraInProcess } from "../support/kostra-in-process";
import { worldMetadata } from "../support/pxweb-world";

/** The SYNTHETIC catalog world's 12362 metadata with Landet, Landet uten Oslo and every KOSTRA group among its regions. */
function metadataWithAllRegions() {
  const meta = worldMetadata("12362", { world: "catalog" });
  const category = meta.dimension.KOKkommuneregion0000.category as { index: Record<string, number>; label: Record<string, string> };
  for (const code of ["EAK", "EAKUO", ...Array.from({ length: 17 }, (_, i) => `EKG${String(i + 1).padStart(2, "0")}`)])
    if (!(code in category.index)) {
      category.index[code] = Object.keys(category.index).length;
      category.label[code] = code;
    }
  return meta;
}

const dir = mkdtempSync(join(tmpdir(), "kostra-groups-"));
const dataFile = join(dir, "syntetisk.json");
writeFileSync(dataFile, writeObservationsFile(syntheticDataset(), { createdAt: new Date("2026-01-01T00:00:00Z") }));

const kostra = kostraInProcess;

const HA = ["--input", dataFile, "--sector", "plan-miljo-kultur", "--municipality", "1119", "--year", "2021", "--compare", ""];

describe("kostra profile with other comparison groups", () => {
  it("benchmarks Hå against KOSTRA-gruppe 7's published value with Landet uten Oslo as reference", async () => {
    const r = await kostra("profile", ...HA, "--network", "none", "--base", "ekg07", "--reference", "eakuo", "--format", "json");
    // The data file is synthetic, and the command says so.
    expect(r.err).toMatch(/syntetiske/);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.municipality).toEqual({ id: "ha", code: "1119", name: "Hå" });
    expect(json.base).toEqual({ id: "ekg07", code: "EKG07", name: "KOSTRA-gruppe 7" });
    expect(json.options).toMatchObject({ base: "ekg07", references: ["eakuo"] });
    const [kunst, , bib] = json.rows;
    expect(kunst.average).toBe(150);
    expect(kunst.index).toBeCloseTo(80, 9);
    expect(kunst.references).toEqual([{ region: { code: "EAKUO", name: "Landet uten Oslo" }, value: 200, status: null, index: (200 / 150) * 100 }]);
    expect(bib.average).toBeNull();
    expect(bib.reason).toMatch(/SSB har ikke publisert tall for KOSTRA-gruppe 7/);
  });

  it("shows the base and the references as columns in the table, in English too", async () => {
    const r = await kostra("profile", ...HA, "--peers", "time,klepp,1122,Eigersund", "--base", "EKG07", "--reference", "eakuo,eak", "--lang", "en");
    expect(r.code).toBe(0);
    // The header block's lines wrap at 100 columns, continued after two spaces.
    const lines = r.out.split("\n\n")[0].replace(/\n {2}/g, " ").split("\n");
    expect(lines[1]).toBe("Custom peers 2021 (4): Time, Klepp, Gjesdal, Eigersund");
    expect(lines[2]).toBe("Average = KOSTRA group 7 (published by SSB) = 100; lowest, highest and rank among 4 custom peers (Hå is not among the peers)");
    for (const line of r.out.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
    const wide = await kostra("profile", ...HA, "--peers", "time,klepp,1122,Eigersund", "--base", "EKG07", "--reference", "eakuo,eak", "--lang", "en", "--wide");
    expect(wide.out).toMatch(/Average KOSTRA group 7 +Lowest +Highest +Norway excluding Oslo +Norway +Index Hå/);
  });

  it("averages custom peers when no base is given", async () => {
    const r = await kostra("profile", ...HA, "--network", "custom", "--peers", "time,klepp,gjesdal,eigersund", "--format", "json", "--average", "simple");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.network.id).toBe("custom");
    // (100 + 80 + 60 + 140) ÷ 4.
    expect(json.rows[0].average).toBeCloseTo(95, 9);
    expect(json.rows[0].rank).toBe(2);
    // As KS (the default) kroner per inhabitant are weighted by population (19 500, 19 800, 12 000, 15 000).
    const asKs = JSON.parse((await kostra("profile", ...HA, "--network", "custom", "--peers", "time,klepp,gjesdal,eigersund", "--format", "json")).out);
    expect(asKs.rows[0].average).toBeCloseTo((100 * 19500 + 80 * 19800 + 60 * 12000 + 140 * 15000) / (19500 + 19800 + 12000 + 15000), 9);
  });

  it.each([
    ["an unknown KOSTRA group for Hå", ["--network", "none", "--base", "kostragruppe"], /KOSTRA-gruppen til Hå i 2021 er ikke kjent.*Oppgi gruppen selv, f\.eks\. EKG07/],
    ["an aggregate as peer", ["--peers", "time,EAKUO"], /«Landet uten Oslo» er et snitt publisert av SSB, ikke en kommune/],
    ["a municipality as base", ["--base", "0301"], /«Oslo» kan ikke brukes som snitt|«0301» kan ikke brukes som snitt/],
    ["peers with the ASSS network", ["--network", "asss", "--peers", "time"], /--peers gjelder bare --network custom/],
    ["no network without a base", ["--network", "none"], /Uten nettverk må snittet/],
  ])("rejects %s with exit 2 and a message saying what to do", async (_, extra, message) => {
    const r = await kostra("profile", ...HA, ...extra);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it("uses the focal municipality's KOSTRA group where a source gives it (Bærum: group 12)", async () => {
    const r = await kostra("profile", "--input", dataFile, "--sector", "plan-miljo-kultur", "--municipality", "3024", "--year", "2021", "--network", "none", "--base", "kostragruppe");
    // The synthetic file has no figures for group 12: every row says so, none is 0.
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Snitt = KOSTRA-gruppe 12 \(publisert av SSB\) = 100/);
    expect(r.out).toMatch(/SSB har ikke publisert tall for KOSTRA-gruppe 12/);
  });

  it("refuses an aggregate as the municipality", async () => {
    const r = await kostra("profile", "--input", dataFile, "--sector", "plan-miljo-kultur", "--municipality", "EAK", "--year", "2021");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/«Landet» er et snitt publisert av SSB, ikke en kommune, og kan ikke være kommunen som sammenlignes/);
  });
});

describe("kostra report and fetch with other comparison groups", () => {
  it("writes the report workbook for Hå against its peers with the group as base", async () => {
    const out = join(dir, "ha.xlsx");
    const r = await kostra("report", ...HA, "--peers", "time,klepp,gjesdal,eigersund", "--base", "ekg07", "--reference", "eakuo", "--out", out);
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  // `kostra fetch` checks who is named before anything is asked of SSB: no request is sent, exit 2.
  it.each([
    ["a misspelt peer", ["--peers", "time,Barum"], /Sammenligningskommune: fant ingen kommune «Barum»\. Mente du Bærum\?/],
    ["a peer name two municipalities share", ["--peers", "Herøy"], /Sammenligningskommune: «Herøy» kan være Herøy \(Møre og Romsdal\) eller Herøy \(Nordland\)/],
    ["an aggregate as peer", ["--peers", "EAKUO"], /«Landet uten Oslo» er et snitt publisert av SSB, ikke en kommune/],
    ["a misspelt comparison", ["--municipality", "1119", "--compare", "Tormsø"], /Fant ingen kommune «Tormsø»\. Mente du Tromsø\?/],
    ["an aggregate as the municipality", ["--municipality", "EAK"], /«Landet» er et snitt publisert av SSB, ikke en kommune, og kan ikke være kommunen som sammenlignes/],
  ])("fetch refuses %s before asking SSB", async (_, extra, message) => {
    let sent = 0;
    let err = "";
    const io: FetchIo = { out: () => undefined, err: (t) => (err += t), readFile: (p) => readFileSync(p), fetch: (async () => { sent++; return new Response("", { status: 500 }); }) as typeof fetch };
    const code = await main(["fetch", "--sector", "plan-miljo-kultur", "--years", "2021", ...extra, "--base-url", "http://127.0.0.1:9/api", "--no-cache", "--out", join(dir, "refused.json")], io);
    expect([code, sent]).toEqual([2, 0]);
    expect(err).toMatch(message);
  });

  it("asks SSB for Landet, Landet uten Oslo, the base and the known KOSTRA group besides the municipalities", async () => {
    const urls: string[] = [];
    const bodies: string[] = [];
    const fakeFetch = (async (input: string | URL | Request, init?: RequestInit) => {
      urls.push(String(input));
      if (typeof init?.body === "string") bodies.push(init.body);
      // The table's metadata, with every region code asked for, so the data request is sent (and refused).
      if (/\/tables\/12362\/metadata/.test(String(input))) return new Response(JSON.stringify(metadataWithAllRegions()), { status: 200 });
      return new Response(JSON.stringify({ title: "Bad request", status: 400, detail: "test" }), { status: 400, headers: { "content-type": "application/problem+json" } });
    }) as typeof fetch;
    let err = "";
    const io: FetchIo = { out: () => undefined, err: (t) => (err += t), readFile: (p) => readFileSync(p), fetch: fakeFetch };
    const code = await main(
      ["fetch", "--sector", "plan-miljo-kultur", "--years", "2021", "--municipality", "3024", "--peers", "1119", "--base", "ekg07", "--reference", "EAK", "--base-url", "http://127.0.0.1:9/api", "--no-cache", "--timeout", "1", "--out", join(dir, "f.json")],
      io,
    );
    expect(code).toBe(3);
    const request = [...urls, ...bodies].join("\n");
    expect(request).toMatch(/tables\/12362\/data/);
    for (const code of ["3024", "1119", "EAK", "EAKUO", "EKG07", "EKG12"]) expect([code, request.includes(code)]).toEqual([code, true]);
  });
});
