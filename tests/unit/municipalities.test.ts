import { codeForYear, isCodeValidInYear, municipalityById, refForYear, resolveMunicipality } from "../../src/kostra/municipalities";
import { networkById, networkMembers } from "../../src/kostra/networks";

describe("municipality code history", () => {
  it.each([
    ["0219", "baerum"],
    ["3024", "baerum"],
    ["3201", "baerum"],
    ["0219 Bærum", "baerum"],
    ["Bærum", "baerum"],
    ["  bærum ", "baerum"],
    ["1601", "trondheim"],
    ["5001", "trondheim"],
    ["3030", "lillestrom"],
    ["0231", "skedsmo"],
    ["5501", "tromso"],
  ])("resolves %s to %s", (text, id) => {
    expect(resolveMunicipality(text)?.id).toBe(id);
  });

  it("does not resolve unknown codes or names", () => {
    expect(resolveMunicipality("9999")).toBeUndefined();
    expect(resolveMunicipality("Atlantis")).toBeUndefined();
    expect(resolveMunicipality("")).toBeUndefined();
  });

  it.each([
    ["baerum", 2017, "0219"],
    ["baerum", 2019, "0219"],
    ["baerum", 2020, "3024"],
    ["baerum", 2023, "3024"],
    ["baerum", 2024, "3201"],
    ["trondheim", 2017, "1601"],
    ["trondheim", 2018, "5001"],
    ["tromso", 2020, "5401"],
    ["tromso", 2024, "5501"],
    ["oslo", 2010, "0301"],
    ["asker", 2017, "0220"],
    ["sandnes", 2020, "1108"],
  ])("%s in %i has code %s", (id, year, code) => {
    expect(codeForYear(municipalityById(id)!, year)).toBe(code);
  });

  it("knows Lillestrøm did not exist before 2020 and that Skedsmo merged into it", () => {
    const l = municipalityById("lillestrom")!;
    expect(codeForYear(l, 2019)).toBeUndefined();
    expect(codeForYear(l, 2020)).toBe("3030");
    expect(municipalityById("skedsmo")?.successor).toBe("lillestrom");
  });

  it("checks code validity per year", () => {
    expect(isCodeValidInYear("0219", 2019)).toBe(true);
    expect(isCodeValidInYear("0219", 2020)).toBe(false);
    expect(isCodeValidInYear("3201", 2023)).toBe(false);
    expect(isCodeValidInYear("9999", 2017)).toBe(false);
  });

  it("references a municipality with the code of the year", () => {
    expect(refForYear(municipalityById("baerum")!, 2021)).toEqual({ id: "baerum", code: "3024", name: "Bærum" });
  });
});

describe("ASSS network by year", () => {
  const asss = networkById("asss")!;
  it("has 10 members up to 2021 and 12 from 2022", () => {
    expect(networkMembers(asss, 2017)).toHaveLength(10);
    expect(networkMembers(asss, 2021)).toHaveLength(10);
    expect(networkMembers(asss, 2022)).toHaveLength(12);
    expect(networkMembers(asss, 2017)).not.toContain("asker");
    expect(networkMembers(asss, 2022)).toEqual(expect.arrayContaining(["asker", "lillestrom", "oslo", "baerum"]));
  });
});

describe("code with a name", () => {
  it("accepts SSB's labels and rejects a name that contradicts the code", () => {
    expect(resolveMunicipality("0219 Bærum (-2019)")?.id).toBe("baerum");
    expect(resolveMunicipality("0301 Oslo - Oslove")?.id).toBe("oslo");
    expect(resolveMunicipality("1902 Tromsø - Romsa - Tromssa")?.id).toBe("tromso");
    expect(resolveMunicipality("0219 Oslo")).toBeUndefined();
  });
});
