import { initialForm } from "../../../src/taskpane/state/form";
import { formFromSettings, settingsFor } from "../../../src/taskpane/state/settings";

describe("pane choices as template settings", () => {
  it("keeps a report made from the selected range as a sheet source, and the chart choice", () => {
    const form = { ...initialForm({ sector: "plan-miljo-kultur", year: 2017 }), source: "selection" as const, chartComparisons: true };
    const settings = settingsFor(form, "nb", null);
    expect(settings.source).toEqual({ kind: "sheet" });
    expect(settings.chartComparisons).toBe(true);
    const back = formFromSettings(settings);
    expect(back.source).toBe("selection");
    expect(back.chartComparisons).toBe(true);
  });
});
