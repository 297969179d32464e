import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cell, forEachCell, readJsonStat } from "../../src/sources/ssb/jsonstat";
import { kostraErrorOf } from "../support/kostra-error";
import { cubeWarnings, observationsFromCube } from "../../src/sources/ssb/observations";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildSsbDataset } = require("../support/ssb-shape");

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "ssb", name), "utf8"));

const errorOf = kostraErrorOf;

describe("JSON-stat 2.0 reader on SSB-shaped responses", () => {
  it("reads table id, updated, notes, labels and units", () => {
    const cube = readJsonStat(fixture("12362-pmk-2017.json"), "12362-pmk-2017.json");
    expect(cube.tableId).toBe("12362");
    expect(cube.updated).toBe("2018-06-15T06:00:00Z");
    expect(cube.notes[0]).toMatch(/SYNTETISKE/);
    expect(cube.dimensions.map((d) => d.id)).toEqual(["KOKkommuneregion0000", "KOKfunksjon0000", "KOKart0000", "ContentsCode", "Tid"]);
    const contents = cube.dimensions[3];
    expect(contents.units?.KOSbelopinnbygge0000).toEqual({ base: "kr", decimals: 0 });
    expect(cube.dimensions[0].labels[cube.dimensions[0].position.get("0219")!]).toBe("Bærum (-2019)");
  });

  it("reads a real SSB response in POST placement order (Oslo 2024, share of total expenditure)", () => {
    const cube = readJsonStat(fixture("12362-oslo-2024-andel.json"), "oslo.json");
    expect(cube.dimensions.map((d) => d.id)).toEqual(["KOKart0000", "Tid", "KOKkommuneregion0000", "ContentsCode", "KOKfunksjon0000"]);
    expect(cube.dimensions[3].units?.KOSandel3501).toEqual({ base: "prosent", decimals: 1 });
    const at = (f: string) => cell(cube, { KOKart0000: "AGD10", Tid: "2024", KOKkommuneregion0000: "0301", ContentsCode: "KOSandel3501", KOKfunksjon0000: f })?.value;
    expect(at("FGK2")).toBe(4.6);
    expect(at("FGK9")).toBe(24.8);
    // The sectors' "share of total expenditure" indicators are read from it, by function group.
    const { observations } = observationsFromCube(cube, "oslo.json");
    const share = (id: string) => observations.find((o) => o.indicator === id && o.municipality === "oslo" && o.year === 2024)?.value;
    expect(share("barnehage-andel-av-totale-utgifter")).toBe(at("FGK7"));
    expect(share("grunnskole-andel-av-totale-utgifter")).toBe(at("FGK8b"));
    expect(share("sosial-andel-av-totale-utgifter")).toBe(at("FGK12"));
    expect(share("var-andel-brutto")).toBe(at("FGK14"));
    // Indicators whose functions the response lacks are not invented.
    expect(share("helse-andel-232-av-totale-utgifter")).toBeUndefined();
  });

  it("reads nulls with their status symbol", () => {
    const cube = readJsonStat(fixture("12362-pmk-2017.json"));
    const c = cell(cube, { KOKkommuneregion0000: "1902", KOKfunksjon0000: "377", KOKart0000: "AGD2", ContentsCode: "KOSbelopinnbygge0000", Tid: "2017" });
    expect(c).toEqual({ value: null, status: ".." });
    const b = cell(cube, { KOKkommuneregion0000: "0219", KOKfunksjon0000: "377", KOKart0000: "AGD2", ContentsCode: "KOSbelopinnbygge0000", Tid: "2017" });
    expect(b).toEqual({ value: 141, status: undefined });
  });

  it("gives the same observations whatever the dimension order", () => {
    const a = observationsFromCube(readJsonStat(fixture("12362-pmk-2017.json")), "a");
    const b = observationsFromCube(readJsonStat(fixture("12362-pmk-2017-reordered.json")), "b");
    expect(readJsonStat(fixture("12362-pmk-2017-reordered.json")).dimensions[0].id).toBe("KOKart0000");
    const key = (o: { indicator: string; municipality: string }) => `${o.indicator}/${o.municipality}`;
    const sort = (xs: typeof a.observations) => [...xs].sort((x, y) => key(x).localeCompare(key(y)));
    expect(sort(b.observations)).toEqual(sort(a.observations));
    expect(a.observations).toHaveLength(6 * 11);
    expect(a.observations.find((o) => o.municipality === "tromso" && o.indicator === "kunstformidling")).toMatchObject({ value: null, status: ".." });
  });

  const tiny = (overrides: Record<string, unknown> = {}) => ({
    version: "2.0",
    class: "dataset",
    id: ["A", "B"],
    size: [2, 3],
    dimension: {
      A: { label: "a", category: { index: { a1: 0, a2: 1 } } },
      B: { label: "b", category: { index: ["b1", "b2", "b3"], label: { b1: "B one" } } },
    },
    value: [1, 2, 3, 4, null, 6],
    ...overrides,
  });

  it("reads array and object category.index; the last dimension runs fastest", () => {
    const cube = readJsonStat(tiny());
    expect(cell(cube, { A: "a2", B: "b1" })?.value).toBe(4);
    expect(cell(cube, { A: "a1", B: "b3" })?.value).toBe(3);
    expect(cube.dimensions[1].labels).toEqual(["B one", "b2", "b3"]);
    expect(cell(cube, { A: "a3", B: "b1" })).toBeUndefined();
  });

  it("reads a sparse-object value", () => {
    const cube = readJsonStat(tiny({ value: { "0": 1, "5": 6 } }));
    expect(cell(cube, { A: "a1", B: "b1" })?.value).toBe(1);
    expect(cell(cube, { A: "a2", B: "b3" })?.value).toBe(6);
    expect(cell(cube, { A: "a1", B: "b2" })?.value).toBeNull();
  });

  it("reads status as a string, an array and a sparse object", () => {
    expect(readJsonStat(tiny({ status: "p" })).statusAt(3)).toBe("p");
    expect(readJsonStat(tiny({ status: ["a", "b", "c", "d", "..", "f"] })).statusAt(4)).toBe("..");
    expect(readJsonStat(tiny({ status: ["x"] })).statusAt(2)).toBe("x");
    const sparse = readJsonStat(tiny({ status: { "4": ":" } }));
    expect(sparse.statusAt(4)).toBe(":");
    expect(sparse.statusAt(3)).toBeUndefined();
  });

  it("accepts a single-category dimension without an index", () => {
    const cube = readJsonStat(
      tiny({ id: ["A", "C"], size: [2, 1], dimension: { A: { category: { index: ["a1", "a2"] } }, C: { category: { label: { only: "Only" } } } }, value: [1, 2] }),
    );
    expect(cube.dimensions[1].codes).toEqual(["only"]);
  });

  it("visits every cell with its positions in storage order", () => {
    const seen: string[] = [];
    forEachCell(readJsonStat(tiny()), (pos, v) => seen.push(`${pos[0]}${pos[1]}=${v}`));
    expect(seen).toEqual(["00=1", "01=2", "02=3", "10=4", "11=null", "12=6"]);
  });

  it.each([
    ["not an object", [], /forventet et objekt/],
    ["a collection", { class: "collection" }, /collection/],
    ["no id", tiny({ id: undefined }), /«id» mangler/],
    ["size of another length", tiny({ size: [2] }), /«size» har 1/],
    ["a size that disagrees with the categories", tiny({ size: [2, 4] }), /har 3 kategorier, men «size» sier 4/],
    ["too few values", tiny({ value: [1, 2, 3] }), /«value» har 3 verdier, men dimensjonene gir 6/],
    ["a non-numeric value", tiny({ value: [1, 2, "x", 4, 5, 6] }), /cellen A=a1, B=b3 er ikke et tall/],
    ["an out-of-range sparse position", tiny({ value: { "9": 1 } }), /ugyldig posisjon «9»/],
    ["a missing dimension", tiny({ dimension: { A: { category: { index: ["a1", "a2"] } } } }), /dimensjon «B»: mangler beskrivelse/],
    ["duplicate positions", tiny({ dimension: { A: { category: { index: { a1: 0, a2: 0 } } }, B: { category: { index: ["b1", "b2", "b3"] } } } }), /to kategorier har posisjon 0/],
    ["a status of the wrong length", tiny({ status: ["a", "b"] }), /«status» har 2 elementer/],
  ])("rejects %s with a specific message", (_, input, message) => {
    const e = errorOf(() => readJsonStat(input, "fil.json"));
    expect(e.code).toBe("bad-input");
    expect(e.messageIn("nb")).toMatch(/^fil\.json/);
    expect(e.messageIn("nb")).toMatch(message);
    expect(e.messageIn("en").length).toBeGreaterThan(10);
  });
});

describe("observations from an SSB cube", () => {
  const REGIONS = ["0219", "3024", "0301", "EAK", "EKA11"];
  const build = (order: string[], funcs: string[] = ["335", "360"]) =>
    buildSsbDataset({
      table: "12362",
      title: "12362: syntetisk",
      order,
      dims: {
        KOKkommuneregion0000: { codes: REGIONS },
        KOKfunksjon0000: { codes: funcs },
        KOKart0000: { codes: ["AGD10"] },
        ContentsCode: { codes: ["KOSbelopinnbygge0000", "KOSbelop0000"] },
        Tid: { codes: ["2019", "2020"] },
      },
      cell: (c: Record<string, string>) => {
        if (c.KOKkommuneregion0000 === "0219" && c.Tid === "2020") return 0; // SSB's 0 for a code not valid that year
        if (c.KOKkommuneregion0000 === "3024" && c.Tid === "2019") return { value: null, status: "." };
        if (c.KOKkommuneregion0000 === "0301" && c.KOKfunksjon0000 === "360" && c.Tid === "2020") return { value: null, status: ":" };
        const perCapita = c.KOKfunksjon0000 === "335" ? 100 : 50;
        return c.ContentsCode === "KOSbelop0000" ? (perCapita * 120000) / 1000 : perCapita;
      },
    });

  it("sums the selector's functions, resolves codes by year and skips codes not valid that year", () => {
    const result = observationsFromCube(readJsonStat(build(["Tid", "KOKkommuneregion0000", "KOKfunksjon0000", "KOKart0000", "ContentsCode"])), "x");
    const { observations } = result;
    const warnings = cubeWarnings("x", result);
    expect(result.invalidForYear).toBe(2);
    const rec = observations.filter((o) => o.indicator === "rekreasjon-naturforvaltning");
    expect(rec).toEqual(
      expect.arrayContaining([
        { indicator: "rekreasjon-naturforvaltning", municipality: "baerum", year: 2019, code: "0219", value: 150 },
        { indicator: "rekreasjon-naturforvaltning", municipality: "baerum", year: 2020, code: "3024", value: 150 },
        { indicator: "rekreasjon-naturforvaltning", municipality: "oslo", year: 2020, code: "0301", value: null, status: ":" },
      ]),
    );
    // 0219 in 2020 and 3024 in 2019 are not valid: no observation with SSB's 0 for them.
    expect(rec.filter((o) => o.municipality === "baerum")).toHaveLength(2);
    // EAK is an SSB aggregate the product knows (a reference column); a county (EKA11) is not.
    expect(rec).toEqual(expect.arrayContaining([{ indicator: "rekreasjon-naturforvaltning", municipality: "eak", year: 2019, code: "EAK", value: 150 }]));
    expect(result.unknownRegions).toEqual(["EKA11"]);
    expect(warnings.map((w) => w.nb).join(" ")).toMatch(/EKA11/);
    // Population derived from amount ÷ per inhabitant for weighting.
    expect(observations).toEqual(expect.arrayContaining([{ indicator: "folkemengde", municipality: "baerum", year: 2019, code: "0219", value: 120000 }]));
  });

  it("names the table when it holds no known indicator", () => {
    const e = errorOf(() => observationsFromCube(readJsonStat(build(["KOKkommuneregion0000", "KOKfunksjon0000", "KOKart0000", "ContentsCode", "Tid"], ["999"])), "y.json"));
    expect(e.messageIn("nb")).toMatch(/y\.json: fant ingen kjente KOSTRA-indikatorer i tabell 12362/);
  });
});

describe("JSON-stat from hostile or damaged files", () => {
  const HOSTILE = join(__dirname, "..", "fixtures", "hostile", "files");
  const base = () => ({
    version: "2.0",
    class: "dataset",
    label: "t",
    updated: "2018-06-15T06:00:00Z",
    id: ["KOKkommuneregion0000", "Tid"],
    size: [2, 2],
    dimension: {
      KOKkommuneregion0000: { label: "region", category: { index: ["0219", "0301"], label: { "0219": "Bærum", "0301": "Oslo" } } },
      Tid: { label: "år", category: { index: ["2016", "2017"] } },
    },
    value: [1, 2, 3, 4] as unknown[],
  });
  const read = (ds: unknown) => readJsonStat(ds, "fil.json");
  const fails = (ds: unknown, nb: RegExp, en?: RegExp) => {
    const e = errorOf(() => read(ds));
    expect(e.code).toBe("bad-input");
    expect(e.messageIn("nb")).toMatch(/^fil\.json/);
    expect(e.messageIn("nb")).toMatch(nb);
    if (en) expect(e.messageIn("en")).toMatch(en);
    expect(e.messageIn("nb")).not.toMatch(/[\r\n]/);
    expect(e.messageIn("en")).not.toMatch(/[\r\n]/);
    return e;
  };

  it.each(["jsonstat-size-bomb-2gb.json", "jsonstat-size-bomb-8gb.json"])(
    "refuses %s (1 KB declaring billions of cells) before allocating anything for it",
    (file) => {
      const before = process.memoryUsage().arrayBuffers;
      const t0 = Date.now();
      const e = errorOf(() => readJsonStat(JSON.parse(readFileSync(join(HOSTILE, file), "utf8")), file));
      expect(e.messageIn("nb")).toMatch(/celler.*grensen er 5 000 000/);
      expect(e.messageIn("en")).toMatch(/cells.*the limit is 5,000,000/);
      expect(Date.now() - t0).toBeLessThan(1000);
      expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(10_000_000);
    },
  );

  it("checks the declared size against the limit before reading the cells", () => {
    // 100 × 200 × 300 = 6 000 000 cells: over the limit; the old reader allocated 48 MB for them first.
    const codes = (n: number, p: string) => Array.from({ length: n }, (_, i) => `${p}${i}`);
    const big = {
      ...base(),
      id: ["A", "B", "C"],
      size: [100, 200, 300],
      dimension: { A: { category: { index: codes(100, "a") } }, B: { category: { index: codes(200, "b") } }, C: { category: { index: codes(300, "c") } } },
      value: [],
    };
    fails(big, /oppgir 6 000 000 celler; grensen er 5 000 000/, /declares 6,000,000 cells; the limit is 5,000,000/);
  });

  it.each([
    ["Infinity in the value array", { value: [1, 2, 1e309, 4] }, /cellen KOKkommuneregion0000=0301, Tid=2016 er ikke et endelig tall/, /cell KOKkommuneregion0000=0301, Tid=2016 is not a finite number/],
    ["-Infinity in a sparse value", { value: { "0": 1, "3": -1e309 } }, /cellen KOKkommuneregion0000=0301, Tid=2017 er ikke et endelig tall/, /is not a finite number/],
    ["a text in the value array", { value: [1, "=HYPERLINK(\"http://x\")", 3, 4] }, /cellen KOKkommuneregion0000=0219, Tid=2017 er ikke et tall/, /is not a number/],
    ["an object in the value array", { value: [1, 2, { formula: "WEBSERVICE(1)" }, 4] }, /cellen KOKkommuneregion0000=0301, Tid=2016 er ikke et tall/, /is not a number/],
  ])("refuses %s, naming the cell by its codes", (_, over, nb, en) => {
    fails({ ...base(), ...over }, nb, en);
  });

  it("refuses a category code listed twice (one municipality would get another's figures)", () => {
    const ds = base();
    ds.dimension.KOKkommuneregion0000.category.index = ["0219", "0219"];
    fails(ds, /dimensjon «KOKkommuneregion0000»: kategorien «0219» står to ganger \(posisjon 0 og 1\)/, /category "0219" is listed twice \(positions 0 and 1\)/);
  });

  it.each([
    ["__proto__ as a dimension id", "__proto__"],
    ["constructor as a dimension id", "constructor"],
  ])("refuses %s", (_, id) => {
    const ds = JSON.parse(JSON.stringify(base()).replace(/"Tid"/g, JSON.stringify(id)));
    fails(ds, /«id\[1\]» er et reservert navn/, /"id\[1\]" is a reserved name/);
  });

  it("refuses __proto__ as a category code, in an array and in an object index", () => {
    const arr = JSON.parse(JSON.stringify(base()).replace('"2017"', '"__proto__"'));
    fails(arr, /«dimension\.Tid\.category\.index\[1\]» er et reservert navn/);
    const obj = JSON.parse(JSON.stringify(base()).replace('["2016","2017"]', '{"2016":0,"__proto__":1}'));
    fails(obj, /«dimension\.Tid\.category\.index» har et reservert navn som nøkkel/);
  });

  it.each([
    ["a status that is a number", { status: [".", 5, ".", "."] }, /«status»: cellen KOKkommuneregion0000=0219, Tid=2017 har en status som ikke er tekst/],
    ["a status that is an object", { status: { "1": { formula: "HYPERLINK(1)" } } }, /«status»: cellen KOKkommuneregion0000=0219, Tid=2017 har en status som ikke er tekst/],
    ["a sparse status at no cell", { status: JSON.parse('{"__proto__":"x"}') }, /«status» har ugyldig posisjon «__proto__»/],
    ["a status that is too long", { status: "x".repeat(1001) }, /«status» er for lang/],
    ["a status of another shape", { status: 7 }, /«status» har ukjent form/],
    ["an unknown version", { version: "3.0" }, /«version» ugyldig verdi "3\.0"; forventet "2\.0"/],
    ["updated that is not a date", { updated: { formula: "NOW()" } }, /«updated» forventet tekst/],
    ["updated holding a forbidden character", { updated: "2018-06-15\uFFFF" }, /«updated» er ikke en dato/],
    ["a table id that is an object", { extension: { px: { tableid: { formula: "HYPERLINK(1)" } } } }, /«extension\.px\.tableid» forventet tekst/],
    ["a note that is not text", { note: ["ok", { formula: "1" }] }, /«note\[1\]» forventet tekst/],
    ["a label that is an object", { label: { formula: "1" } }, /«label» forventet tekst/],
    ["too many dimensions", { id: Array.from({ length: 33 }, (_, i) => `d${i}`), size: Array(33).fill(1) }, /«id» har for mange elementer \(over 32\)/],
    ["the same dimension twice", { id: ["Tid", "Tid"] }, /dimensjonen «Tid» står to ganger i «id»/],
  ])("refuses %s", (_, over, nb) => {
    fails({ ...base(), ...over }, nb);
  });

  it("makes labels, notes and status symbols XML-safe", () => {
    const ds = base();
    ds.dimension.KOKkommuneregion0000.category.label["0219"] = "Bærum\uFFFE";
    const cube = read({ ...ds, label: "t\u0001", note: ["n\uD800"], source: "s\uFFFF", status: ["\u0000", ".", ".", "."] });
    expect(cube.dimensions[0].labels[0]).toBe("Bærum\uFFFD");
    expect(cube.label).toBe("t\uFFFD");
    expect(cube.notes).toEqual(["n\uFFFD"]);
    expect(cube.source).toBe("s\uFFFD");
    expect(cube.statusAt(0)).toBe("\uFFFD");
    expect(read({ ...ds, status: { "2": "\uDFFF:" } }).statusAt(2)).toBe("\uFFFD:");
    expect(read({ ...ds, status: "p\uFFFF" }).statusAt(3)).toBe("p\uFFFD");
  });

  it("keeps null status entries as no status", () => {
    const cube = read({ ...base(), status: [null, "..", null, null] });
    expect(cube.statusAt(0)).toBeUndefined();
    expect(cube.statusAt(1)).toBe("..");
  });
});

describe("observations from a cube with conflicting codes", () => {
  const quarterly = (times: string[]) =>
    buildSsbDataset({
      table: "12362",
      title: "12362: syntetisk",
      order: ["KOKkommuneregion0000", "KOKfunksjon0000", "KOKart0000", "ContentsCode", "Tid"],
      dims: {
        KOKkommuneregion0000: { codes: ["0219"] },
        KOKfunksjon0000: { codes: ["335", "360"] },
        KOKart0000: { codes: ["AGD10"] },
        ContentsCode: { codes: ["KOSbelopinnbygge0000"] },
        Tid: { codes: times },
      },
      cell: (c: Record<string, string>) => (c.Tid.endsWith("K1") ? 100 : 200),
    });

  it("refuses sub-annual time codes for annual indicators instead of letting the last quarter win", () => {
    const e = errorOf(() => observationsFromCube(readJsonStat(quarterly(["2017K1", "2017K2"])), "kvartal.json"));
    expect(e.code).toBe("bad-input");
    expect(e.messageIn("nb")).toMatch(/^kvartal\.json: tidskoden «2017K1» i dimensjon «Tid» er ikke et årstall; indikatorene er årlige/);
    expect(e.messageIn("en")).toMatch(/^kvartal\.json: time code "2017K1" in dimension "Tid" is not a year; the indicators are annual/);
  });

  it("still reads annual time codes", () => {
    const { observations } = observationsFromCube(readJsonStat(quarterly(["2016", "2017"])), "år.json");
    expect(observations.filter((o) => o.indicator === "rekreasjon-naturforvaltning").map((o) => [o.year, o.value])).toEqual([
      [2016, 400],
      [2017, 400],
    ]);
  });
});
