/**
 * How a profile is described: the words for "Snitt X" and the network line are one
 * function, used by `kostra profile`'s table, the profile sheet and the task pane. The
 * pane used to name the custom peers "utvalg" in English and a published base by its
 * Norwegian name; the CLI's network line left out the member count the sheet shows.
 */
import { profileToTable } from "../../src/cli/profile-output";
import { benchmark, defaultOptions } from "../../src/kostra/benchmark";
import { averageName, networkLine, regionLabel } from "../../src/kostra/describe-profile";
import type { BenchmarkOptions, Lang } from "../../src/kostra/types";
import { sampleDataset } from "../../src/sources/sample";

const profileWith = (options: Partial<BenchmarkOptions>) => benchmark(sampleDataset(), { ...defaultOptions("plan-miljo-kultur", "0219", 2017), ...options });

describe("the words describing a profile", () => {
  it("names the network, the custom peers or the published base as 'Snitt X' does, in each language", () => {
    const asss = profileWith({});
    expect(averageName(asss, "nb")).toBe("ASSS");
    const custom = profileWith({ network: "custom", peers: ["0301", "4601"] });
    expect(averageName(custom, "nb")).toBe("utvalg");
    expect(averageName(custom, "en")).toBe("peers");
    const landet = profileWith({ base: "eakuo" });
    expect(averageName(landet, "nb")).toBe("Landet uten Oslo");
    expect(averageName(landet, "en")).toBe("Norway excluding Oslo");
    expect(regionLabel({ id: "eak", name: "EAK" }, 2017, "en")).toBe("Norway");
  });

  it("gives the network line with its member count, custom peers and no network included", () => {
    const asss = profileWith({});
    expect(networkLine(asss, "nb")).toBe(`Nettverk: ASSS 2017 (${asss.members.length}): ${asss.members.map((m) => m.name).join(", ")}`);
    expect(networkLine(profileWith({ network: "custom", peers: ["0301", "4601"] }), "en")).toBe("Custom peers 2017 (2): Oslo, Bergen");
    expect(networkLine({ network: { id: "none", name: "Ingen", shortName: "", periods: [{ members: [] }] }, year: 2017, members: [] }, "nb")).toBe(
      "Nettverk: ingen (snittet er publisert av SSB)",
    );
  });

  it.each<Lang>(["nb", "en"])("is what `kostra profile` prints (%s)", (lang) => {
    for (const profile of [profileWith({}), profileWith({ network: "custom", peers: ["0301", "4601"] })]) {
      // The header's lines wrap at 100 columns, continued after two spaces; --wide keeps the headings on one line.
      const lines = profileToTable(profile, lang).replace(/\n {2}/g, " ").split("\n");
      expect(lines[1]).toBe(networkLine(profile, lang));
      expect(profileToTable(profile, lang, { wide: true })).toContain(`${lang === "nb" ? "Snitt" : "Average"} ${averageName(profile, lang)}`);
    }
  });
});
