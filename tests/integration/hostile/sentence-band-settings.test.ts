/**
 * The sentences' band in template settings (a workbook's part or a template file) is read
 * as hostile input: optional (older settings have none and still open, with the default
 * ±5 %), and when present a whole number of per cent from 0 to 50 — anything else is
 * refused with the field named, never used to build a formula.
 */
import { settingsFromXml, settingsToXml, type TemplateSettings } from "../../../src/report/template-settings";
import { checkTemplateChoices } from "../../../src/report/settings-schema";
import { writtenSettings } from "../../support/settings-fixture";

const read = (band: unknown) => settingsFromXml(settingsToXml({ ...writtenSettings(), sentenceBand: band } as TemplateSettings));

describe("the sentences' band in template settings", () => {
  it("is optional: settings without it read as before", () => {
    const r = settingsFromXml(settingsToXml(writtenSettings()));
    expect(r.kind).toBe("ok");
    expect(r.kind === "ok" && r.settings.sentenceBand).toBeUndefined();
  });

  it.each([0, 5, 50])("reads %d", (band) => {
    const r = read(band);
    expect(r.kind === "ok" && r.settings.sentenceBand).toBe(band);
  });

  it.each<unknown>([51, -1, 2.5, "5", "5),HYPERLINK(\"x\"", 1e308, null, [5], { band: 5 }])("refuses %p and names the field", (band) => {
    const r = read(band);
    expect(r.kind).toBe("invalid");
    if (r.kind === "invalid") {
      expect(r.reason.nb).toContain("sentenceBand");
      expect(r.reason.en).toContain("sentenceBand");
    }
  });

  it("is read the same from a template file", () => {
    // A template file's choices: the workbook's settings without the sheets (dropped as unknown here).
    expect(checkTemplateChoices({ ...writtenSettings(), sentenceBand: 12 })).toMatchObject({ ok: true, settings: { sentenceBand: 12 } });
    expect(checkTemplateChoices({ ...writtenSettings(), sentenceBand: 99 }).ok).toBe(false);
  });
});
