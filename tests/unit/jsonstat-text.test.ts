/**
 * JSON-stat text with its cells read straight from the text (src/sources/ssb/jsonstat-text.ts):
 * every cube it gives is the one JSON.parse and the reader give, cell for cell, and every
 * file it cannot read that way is read (or refused, with the same message) as before.
 */
import { KostraError } from "../../src/kostra/errors";
import { MAX_CUBE_CELLS } from "../../src/kostra/limits";
import { readJsonStat, type JsonStatCube } from "../../src/sources/ssb/jsonstat";
import { parseDataset } from "../../src/sources/ssb/jsonstat-text";
import { readDataFile } from "../../src/sources/file";
import { kostraErrorOf } from "../support/kostra-error";

/** A dataset's text with `value` written as given (SYNTHETIC figures). */
const dataset = (value: string, size = 6, extra = "") =>
  `{"version":"2.0","class":"dataset","label":"12362: value \\"value\\": [1]",${extra}"id":["A","B"],"size":[1,${size}],` +
  `"dimension":{"A":{"label":"value","category":{"index":{"a":0},"label":{"a":"\\"value\\":[9,9]"}}},"B":{"category":{"index":[${Array.from({ length: size }, (_, i) => `"b${i}"`).join(",")}]}}},` +
  `"value":${value}}`;

/** The cube (or the error) the plain path gives: JSON.parse of the whole text, then the reader. */
function plain(text: string): JsonStatCube | KostraError | SyntaxError {
  try {
    return readJsonStat(JSON.parse(text), "t.json");
  } catch (e) {
    return e as KostraError | SyntaxError;
  }
}

/** The cube (or the error) with the cells read from the text, and whether they were. */
function fromText(text: string): { result: JsonStatCube | KostraError | SyntaxError; inText: boolean } {
  let inText = false;
  try {
    const { json, cells } = parseDataset(text, JSON.parse);
    inText = cells !== undefined;
    return { result: readJsonStat(json, "t.json", cells), inText };
  } catch (e) {
    return { result: e as KostraError | SyntaxError, inText };
  }
}

function expectSame(text: string): boolean {
  const [a, { result: b, inText }] = [plain(text), fromText(text)];
  if (a instanceof Error) {
    expect(b).toBeInstanceOf(a.constructor);
    expect(b instanceof KostraError ? b.text : (b as Error).message).toEqual(a instanceof KostraError ? a.text : a.message);
  } else {
    expect(b).not.toBeInstanceOf(Error);
    const cube = b as JsonStatCube;
    expect(cube.values.length).toBe(a.values.length);
    // Cell for cell, -0 and NaN included.
    for (let i = 0; i < a.values.length; i++) if (!Object.is(cube.values[i], a.values[i])) throw new Error(`cell ${i}: ${cube.values[i]} ≠ ${a.values[i]} in ${text.slice(-80)}`);
    expect(cube.dimensions.map((d) => d.codes)).toEqual(a.dimensions.map((d) => d.codes));
    expect(cube.label).toBe(a.label);
  }
  return inText;
}

describe("JSON-stat cells read from the text", () => {
  it.each([
    ["integers and nulls", "[1,2,3,4,null,6]"],
    ["decimals as SSB writes them", "[0.1,1234.5,-12.75,99999999999.9999,0.0001,-0]"],
    ["exponents", "[1e3,1E-7,-2.5e+2,5e-324,1.7976931348623157e308,0e0]"],
    ["more digits than a double holds", "[1234567890123456789,0.12345678901234567890,-98765432109876.54321,9007199254740993,123456789012345.6,1234567890123456]"],
    ["spaces, tabs and line breaks anywhere", "[ 1 ,\n\t2\r\n, null ,3,4 , 5\n]"],
    ["nothing but nulls", "[null,null,null,null,null,null]"],
  ])("gives the cube JSON.parse gives for %s", (_, value) => {
    expect(expectSame(dataset(value))).toBe(true);
  });

  it("gives the cube JSON.parse gives for random numbers in every form JSON allows", () => {
    // SYNTHETIC: a fixed pseudo-random sequence, so a failure can be repeated.
    let seed = 12362;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const forms = [
      () => String(Math.round(next() * 1e6)),
      () => (next() * 1e5 - 5e4).toFixed(Math.floor(next() * 6)),
      () => String(next() * 10 ** Math.floor(next() * 40 - 20)),
      () => `${Math.floor(next() * 1e4)}.${String(Math.floor(next() * 1e12)).padStart(12, "0")}`,
      () => `-${(next() * 1e3).toFixed(3)}e${Math.floor(next() * 20 - 10)}`,
      () => "null",
    ];
    const cells = Array.from({ length: 3000 }, () => forms[Math.floor(next() * forms.length)]());
    expect(expectSame(dataset(`[${cells.join(",")}]`, cells.length))).toBe(true);
  });

  it.each([
    ["a value that is not a finite number (1e309)", "[1,2,1e309,4,null,6]", true],
    ["more cells than the dimensions give", "[1,2,3,4,5,6,7]", true],
    ["fewer cells than the dimensions give", "[]", true],
    ["a text among the cells", '[1,2,"3",4,null,6]', false],
    ["true among the cells", "[1,2,true,4,null,6]", false],
    ["an array among the cells", "[1,2,[3],4,null,6]", false],
    ["a sparse value object", '{"0":1,"5":6}', false],
    ["a number JSON does not allow (leading zero)", "[1,02,3,4,null,6]", false],
    ["a number JSON does not allow (bare point)", "[1,.5,3,4,null,6]", false],
    ["a number JSON does not allow (+)", "[1,+5,3,4,null,6]", false],
    ["NaN written out", "[1,NaN,3,4,null,6]", false],
    ["a trailing comma", "[1,2,3,4,null,6,]", false],
    ["a missing comma", "[1,2 3,4,null,6]", false],
    ["an unclosed array", "[1,2,3,4,null,6", false],
    ["nul for null", "[1,nul,3,4,null,6]", false],
  ])("refuses or reads %s exactly as before", (_, value, inText) => {
    expect(expectSame(dataset(value))).toBe(inText);
  });

  it.each([
    ["value named twice (JSON.parse keeps the last)", `${dataset("[1,2,3,4,5,6]").slice(0, -1)},"value":[6,5,4,3,2,1]}`],
    ["value named twice, once with an escape", `${dataset("[1,2,3,4,5,6]").slice(0, -1)},"val\\u0075e":[6,5,4,3,2,1]}`],
    ["broken JSON after the cells", `${dataset("[1,2,3,4,5,6]").slice(0, -1)},}`],
    ["broken JSON before the cells", dataset("[1,2,3,4,5,6]", 6, '"note":["a" "b"],')],
    ["an unterminated text", dataset("[1,2,3,4,5,6]", 6, '"note":["a\\"],')],
  ])("reads %s from JSON.parse of the whole text", (_, text) => {
    expect(expectSame(text)).toBe(false);
  });

  it("takes only the top-level value, not a key called value inside a label or a dimension", () => {
    const text = dataset("[1,2,3,4,5,6]", 6, '"extension":{"px":{"tableid":"12362"},"value":[7]},"note":["\\"value\\": [8]"],');
    expect(expectSame(text)).toBe(true);
    expect((fromText(text).result as JsonStatCube).values[0]).toBe(1);
  });

  it("reads the dataset inside a JSON-stat 1.x wrapper, not a value beside it", () => {
    const text = `{"dataset":${dataset("[1,2,3,4,5,6]")},"value":[9,9,9,9,9,9]}`;
    expectSame(text);
    expect([...(fromText(text).result as JsonStatCube).values]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("reads a key spelled with escapes as the value it is", () => {
    expect(expectSame(dataset("[1,2,3,4,5,6]").replace('"value":[1,', '"v\\u0061lue":[1,'))).toBe(true);
  });

  it("leaves more cells than MAX_CUBE_CELLS to JSON.parse, which the reader refuses", () => {
    const text = dataset(`[${"0,".repeat(MAX_CUBE_CELLS)}0]`);
    const { json, cells } = parseDataset(text, JSON.parse);
    expect(cells).toBeUndefined();
    expect((json as { value: unknown[] }).value.length).toBe(MAX_CUBE_CELLS + 1);
  });

  it("gives a data file's reader the same observations and messages either way", () => {
    const file = (value: string) => new TextEncoder().encode(
      JSON.stringify({
        version: "2.0",
        class: "dataset",
        id: ["KOKkommuneregion0000", "KOKfunksjon0000", "KOKart0000", "ContentsCode", "Tid"],
        size: [2, 1, 1, 1, 1],
        extension: { px: { tableid: "12362" } },
        dimension: {
          KOKkommuneregion0000: { category: { index: ["0219", "0301"] } },
          KOKfunksjon0000: { category: { index: ["377"] } },
          KOKart0000: { category: { index: ["AGD2"] } },
          ContentsCode: { category: { index: ["KOSbelopinnbygge0000"] } },
          Tid: { category: { index: ["2017"] } },
        },
        value: JSON.parse(value),
      }),
    );
    // SYNTHETIC figures.
    const read = readDataFile(file("[141.5,null]"), "t.json").dataset.observations;
    expect(read.map((o) => [o.municipality, o.value, o.status])).toEqual([["baerum", 141.5, undefined], ["oslo", null, ".."]]);
    const infinite = new TextEncoder().encode(new TextDecoder().decode(file("[1,2]")).replace("[1,2]", "[1,1e999]"));
    expect(kostraErrorOf(() => readDataFile(infinite, "t.json")).messageIn("nb")).toBe(
      "t.json: cellen KOKkommuneregion0000=0301, KOKfunksjon0000=377, KOKart0000=AGD2, ContentsCode=KOSbelopinnbygge0000, Tid=2017 er ikke et endelig tall.",
    );
  });
});
