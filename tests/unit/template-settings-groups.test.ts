import { settingsFieldProblems, settingsFromXml, settingsToXml, type TemplateSettings } from "../../src/report/template-settings";
import { writtenSettings } from "../support/settings-fixture";

const base: TemplateSettings = writtenSettings({
  municipality: "ha",
  comparisons: [],
  year: 2021,
  years: [2020, 2021],
  source: { kind: "sample" },
  ownedSheets: [],
});

describe("template settings with peers, a published base and references", () => {
  it("round-trips a custom peer list, a base and references in the same schema version", () => {
    const s: TemplateSettings = { ...base, network: "custom", peers: ["time", "klepp"], base: "ekg07", references: ["eakuo", "eak"] };
    expect(settingsFromXml(settingsToXml(s))).toEqual({ kind: "ok", settings: s });
    expect(settingsFieldProblems({ ...base, network: "none", base: "eakuo" })).toEqual([]);
  });

  it("still reads settings written before these fields existed", () => {
    expect(settingsFromXml(settingsToXml(base)).kind).toBe("ok");
  });

  it.each<[string, Partial<TemplateSettings>, { field: string; value?: string }[]]>([
    ["an aggregate among the peers", { network: "custom", peers: ["time", "EAKUO"] }, [{ field: "peers", value: "EAKUO" }]],
    ["custom without peers", { network: "custom" }, [{ field: "peers" }]],
    ["a base that is a municipality", { base: "time" }, [{ field: "base", value: "time" }]],
    ["no network and no base", { network: "none" }, [{ field: "base" }]],
    ["an unknown reference", { references: ["EKG99"] }, [{ field: "references", value: "EKG99" }]],
    ["an aggregate as focal municipality", { municipality: "EAK" }, [{ field: "municipality", value: "EAK" }]],
    ["an unknown network", { network: "kostra" }, [{ field: "network", value: "kostra" }]],
  ])("finds %s", (_, over, problems) => {
    expect(settingsFieldProblems({ ...base, ...over })).toEqual(problems);
  });
});
