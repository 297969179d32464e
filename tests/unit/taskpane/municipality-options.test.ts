/**
 * The municipality pickers' options before the registry has loaded come from the start
 * manifest as they are: in the pickers' Norwegian order already, so the first view neither
 * sorts them nor makes a collator (creating one costs a browser 10 ms or more at start-up).
 */
import { MUNICIPALITIES, codeForYear } from "../../../src/kostra/municipalities";
import { registry, start } from "../../../src/taskpane/domain";
import { municipalityOptions, startOptions, type MunicipalityOption } from "../../../src/taskpane/state/municipalityOptions";

describe("the municipality options", () => {
  afterEach(() => jest.restoreAllMocks());

  it("before the registry: the year's municipalities by name, in Norwegian order, without making a collator", async () => {
    // A fresh module registry, as the browser has: the pickers' module is loaded and used for the first time.
    let options: MunicipalityOption[] = [];
    await jest.isolateModulesAsync(async () => {
      const door = await import("../../../src/taskpane/domain");
      const made = jest.spyOn(Intl, "Collator");
      const { startOptions: firstViewOptions } = await import("../../../src/taskpane/state/municipalityOptions");
      options = firstViewOptions(door.start().NAMES_YEAR);
      expect(made).not.toHaveBeenCalled();
    });
    // Exactly the municipalities of the year, in the order a Norwegian collator gives.
    const { NAMES_YEAR } = start();
    const expected = MUNICIPALITIES.filter((m) => codeForYear(m, NAMES_YEAR) !== undefined)
      .map((m) => m.name)
      .sort(new Intl.Collator("nb").compare);
    expect(options.map((o) => o.name)).toEqual(expected);
    // Æ, Ø and Å come after Z, as in a Norwegian index.
    const names = options.map((o) => o.name);
    expect(names.indexOf("Ål")).toBeGreaterThan(names.indexOf("Øyer"));
    expect(names.indexOf("Øyer")).toBeGreaterThan(names.indexOf("Vågå"));
  });

  it("keeps a chosen municipality of another year in its place by name", () => {
    const { NAMES_YEAR } = start();
    const options = startOptions(NAMES_YEAR + 10, ["oyer", "asker", "baerum"]);
    expect(options.map((o) => o.id)).toEqual(["asker", "baerum", "oyer"]);
    expect(options.every((o) => o.code === undefined)).toBe(true);
  });

  it("once the registry is there: the same order for any year", () => {
    const options = municipalityOptions(registry(), 2024);
    const names = options.map((o) => o.name);
    expect(names).toEqual([...names].sort(new Intl.Collator("nb").compare));
    expect(names.length).toBeGreaterThan(350);
  });
});
