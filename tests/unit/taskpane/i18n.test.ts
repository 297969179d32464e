import { hasMessages, langFromDisplayLanguage, loadMessages, messagesFor } from "../../../src/taskpane/i18n";
import { nb } from "../../../src/taskpane/i18n/nb";
import { formatDateTime, formatList } from "../../../src/taskpane/i18n/format";

describe("the pane's languages", () => {
  it("start in bokmål unless Office speaks English", () => {
    expect(langFromDisplayLanguage("en-US")).toBe("en");
    expect(langFromDisplayLanguage("EN-gb")).toBe("en");
    expect(langFromDisplayLanguage("nb-NO")).toBe("nb");
    expect(langFromDisplayLanguage("nn-NO")).toBe("nb");
    expect(langFromDisplayLanguage(undefined)).toBe("nb");
  });

  it("load English on demand, with every text bokmål has", async () => {
    const en = await loadMessages("en");
    expect(hasMessages("en")).toBe(true);
    expect(messagesFor("en")).toBe(en);
    expect(Object.keys(en).sort()).toEqual(Object.keys(nb).sort());
    for (const key of Object.keys(nb) as (keyof typeof nb)[]) expect(typeof en[key]).toBe(typeof nb[key]);
  });

  it("write dates and lists the way each language does", () => {
    const d = new Date(2025, 10, 27, 8, 13);
    expect(formatDateTime(d, "nb")).toBe("27.11.2025, 08:13");
    expect(formatDateTime(d, "en")).toBe("27/11/2025, 08:13");
    expect(formatDateTime("not a time", "nb")).toBe("not a time");
    expect(formatList(["2015", "2016", "2017"], "nb")).toBe("2015, 2016 og 2017");
    expect(formatList(["2015", "2016"], "en")).toBe("2015 and 2016");
    expect(formatList(["2015"], "en")).toBe("2015");
  });
});
