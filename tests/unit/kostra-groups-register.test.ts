/**
 * KOSTRA group membership registered at run time (SSB's list for a year, from Klass or a
 * `kostra fetch` file) wins over the shipped snapshot and keeps where it came from.
 * Memberships here are SYNTHETIC (Hå in group 7, Oslo moved to group 1 to show precedence).
 */
import {
  clearKostraGroups,
  kostraGroupMembers,
  kostraGroupOf,
  kostraGroupSource,
  registerKostraGroups,
  registeredKostraGroups,
} from "../../src/kostra/registry/aggregates";

afterEach(() => clearKostraGroups());

const SOURCE = { description: "SSB Klass 131→112, 2021-01-01 (SYNTETISK)", url: "http://127.0.0.1/api/klass/v1/x", fetchedAt: "2026-02-01T10:00:00.000Z" };

describe("registerKostraGroups", () => {
  it("answers for the registered year only, and before the snapshot", () => {
    expect(kostraGroupOf("ha", 2021)).toBeUndefined();
    expect(kostraGroupOf("oslo", 2021)).toBe("ekg13");
    registerKostraGroups(2021, { ha: "ekg07", time: "EKG7", oslo: "ekg01" }, SOURCE);
    expect(kostraGroupOf("ha", 2021)).toBe("ekg07");
    expect(kostraGroupOf("time", 2021)).toBe("ekg07");
    expect(kostraGroupOf("oslo", 2021)).toBe("ekg01");
    // Another year: the snapshot as before.
    expect(kostraGroupOf("ha", 2022)).toBeUndefined();
    expect(kostraGroupOf("oslo", 2022)).toBe("ekg13");
    // Not in the registered list: the snapshot still answers.
    expect(kostraGroupOf("bergen", 2021)).toBe("ekg12");
  });

  it("says where a group came from: the registered list, or the snapshot with its confidence", () => {
    registerKostraGroups(2021, { ha: "ekg07" }, SOURCE);
    expect(kostraGroupSource("ha", 2021)).toEqual({ group: "ekg07", from: "registered", source: SOURCE });
    expect(kostraGroupSource("bergen", 2021)).toMatchObject({ group: "ekg12", from: "snapshot", confidence: "high" });
    expect(kostraGroupSource("ha", 2022)).toBeUndefined();
  });

  it("lists a registered group's members as complete", () => {
    const before = kostraGroupMembers("ekg07", 2021);
    expect(before.complete).toBe(false);
    registerKostraGroups(2021, { ha: "ekg07", time: "ekg07", oslo: "ekg13" }, SOURCE);
    expect(kostraGroupMembers("ekg07", 2021)).toEqual({ members: ["ha", "time"], complete: true, count: 2 });
    expect(kostraGroupMembers("EKG13", 2021)).toEqual({ members: ["oslo"], complete: true, count: 1 });
    // A year before 2020 knows members only when registered.
    expect(kostraGroupMembers("ekg07", 2018)).toEqual({ members: [], complete: false });
    registerKostraGroups(2018, { ha: "ekg07" }, SOURCE);
    expect(kostraGroupMembers("ekg07", 2018)).toEqual({ members: ["ha"], complete: true, count: 1 });
  });

  it("leaves out and returns entries that are no KOSTRA group; a new list for the year replaces the old", () => {
    expect(registerKostraGroups(2021, { ha: "ekg07", time: "ekg18", klepp: "eakuo", gjesdal: "" }, SOURCE)).toEqual(["time", "klepp", "gjesdal"]);
    expect(registeredKostraGroups(2021)).toEqual({ groups: { ha: "ekg07" }, source: SOURCE });
    registerKostraGroups(2021, { time: "ekg05" }, { description: "fil" });
    expect(kostraGroupOf("ha", 2021)).toBeUndefined();
    expect(kostraGroupOf("time", 2021)).toBe("ekg05");
    expect(() => registerKostraGroups(2021.5, {}, SOURCE)).toThrow(RangeError);
  });
});
